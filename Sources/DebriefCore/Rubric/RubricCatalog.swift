/// The rubrics a team has, by id, decoded from the files of a `Rubrics/` folder.
public struct RubricCatalog: Sendable {
    public let rubrics: [Rubric]

    /// Decodes every file; a rubric whose id differs from its file name, or an id used twice, is refused.
    /// `files` are (file name, YAML text) pairs.
    public init(files: [(name: String, text: String)]) throws(RubricError) {
        var rubrics: [Rubric] = []
        for file in files.sorted(by: { $0.name < $1.name }) {
            let rubric = try RubricDecoder.decode(yaml: file.text, file: file.name)
            let stem = file.name.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) } ?? file.name
            guard rubric.id == stem else {
                throw RubricError(file: file.name, line: nil, "declares id '\(rubric.id)' but the file is named '\(stem)'; make them match")
            }
            if rubrics.contains(where: { $0.id == rubric.id }) {
                throw RubricError(file: file.name, line: nil, "id '\(rubric.id)' is already used by another rubric")
            }
            rubrics.append(rubric)
        }
        self.rubrics = rubrics
    }

    public init(rubrics: [Rubric]) {
        self.rubrics = rubrics
    }

    /// The rubric with `id`, or an error that lists the ids there are.
    public func rubric(_ id: String) throws(FieldError) -> Rubric {
        guard let rubric = rubrics.first(where: { $0.id == id }) else {
            let known = rubrics.map(\.id).joined(separator: ", ")
            throw FieldError(field: "rubric", "no rubric '\(id)'\(known.isEmpty ? "; the rubrics folder is empty" : "; known: \(known)")")
        }
        return rubric
    }
}
