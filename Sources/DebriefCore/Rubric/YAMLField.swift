import Yams

/// A YAML node with the file it came from and the path to it, so every complaint says where.
struct YAMLField {
    let node: Node
    let file: String
    /// Where the node sits, as a person reads it: `competencies[2].weight`.
    let path: String

    var line: Int? { node.mark?.line }

    /// The document's root node, or nil for an empty document; a syntax error says which line and
    /// what libyaml expected. `format` (YAML or JSON) is what the message calls the file.
    static func root(of text: String, file: String, format: String) throws(InputFileError) -> YAMLField? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw InputFileError(file: file, line: error.line, "is not valid \(format): \(error.problem)")
        } catch {
            throw InputFileError(file: file, line: nil, "is not valid \(format): \(error)")
        }
        return node.map { YAMLField(node: $0, file: file, path: "") }
    }

    func error(_ message: String) -> RubricError {
        RubricError(file: file, line: line, path.isEmpty ? message : "\(path): \(message)")
    }

    /// The node as a mapping whose keys are all in `allowed` and include every key in `required`.
    func mapping(allowed: [String], required: [String] = []) throws(RubricError) -> YAMLMapping {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping of keys to values") }
        var entries: [String: YAMLField] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { throw error("a key is not text") }
            let child = YAMLField(node: value, file: file, path: path.isEmpty ? name : "\(path).\(name)")
            guard allowed.contains(name) else {
                throw RubricError(
                    file: file, line: key.mark?.line,
                    "unknown key '\(name)'\(path.isEmpty ? "" : " in \(path)"); expected one of: \(allowed.joined(separator: ", "))")
            }
            entries[name] = child
        }
        for name in required where entries[name] == nil {
            throw error("missing required key '\(name)'")
        }
        return YAMLMapping(entries: entries, owner: self)
    }

    /// The node as any mapping, keys in file order (for maps keyed by data, such as anchors).
    func pairs() throws(RubricError) -> [(key: YAMLField, value: YAMLField)] {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping") }
        return mapping.map { key, value in
            let name = key.string ?? "?"
            return (YAMLField(node: key, file: file, path: "\(path).\(name)"), YAMLField(node: value, file: file, path: "\(path).\(name)"))
        }
    }

    func sequence() throws(RubricError) -> [YAMLField] {
        guard case .sequence(let sequence) = node else { throw error("expected a list") }
        return sequence.enumerated().map { index, item in YAMLField(node: item, file: file, path: "\(path)[\(index)]") }
    }

    func string() throws(RubricError) -> String {
        guard case .scalar(let scalar) = node else { throw error("expected text") }
        let text = scalar.string.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !text.isEmpty else { throw error("must not be empty") }
        return text
    }

    func int() throws(RubricError) -> Int {
        guard case .scalar = node, let value = node.int else { throw error("expected a whole number, not '\(node.string ?? "a list or mapping")'") }
        return value
    }

    func double() throws(RubricError) -> Double {
        guard case .scalar = node, let value = node.float ?? node.int.map(Double.init), value.isFinite else {
            throw error("expected a number, not '\(node.string ?? "a list or mapping")'")
        }
        return value
    }

    func bool() throws(RubricError) -> Bool {
        guard case .scalar = node, let value = node.bool else { throw error("expected true or false, not '\(node.string ?? "")'") }
        return value
    }

    /// The node's text as `parse` reads it; a domain complaint is reported at this node's line.
    func parsed<T>(_ parse: (String) throws(FieldError) -> T) throws(RubricError) -> T {
        guard case .scalar(let scalar) = node else { throw error("expected a single value, not a list or mapping") }
        do { return try parse(scalar.string) } catch { throw self.error(error.message) }
    }

    func roundKind() throws(RubricError) -> RoundKind {
        let text = try string()
        do { return try RoundKind(parsing: text) } catch { throw self.error(error.message) }
    }

    func slug() throws(RubricError) -> String {
        let text = try string()
        do { return try Slug.validated(text, field: path) } catch { throw self.error(error.message) }
    }
}

/// The checked keys of a YAML mapping.
struct YAMLMapping {
    let entries: [String: YAMLField]
    let owner: YAMLField

    subscript(key: String) -> YAMLField? { entries[key] }

    func required(_ key: String) throws(RubricError) -> YAMLField {
        guard let field = entries[key] else { throw owner.error("missing required key '\(key)'") }
        return field
    }
}
