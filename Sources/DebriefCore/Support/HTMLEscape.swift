/// The one HTML escaping table: `& < > " '` become entities, so a value can only ever be text.
/// The importer's sanitiser and every report use it.
public enum HTMLEscape {
    /// Appends `byte`, escaped, to UTF-8 output. Bytes of multi-byte characters pass through unchanged.
    @inlinable @inline(__always)
    public static func append(_ byte: UInt8, to output: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
        case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
        default: output.append(byte)
        }
    }

    /// Whether `append(_:to:)` writes `byte` as an entity.
    @inline(__always)
    static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }

    /// The words of HTML that Debrief's sanitiser wrote: tags become spaces, the five entities of
    /// this table their characters again (once: `&amp;lt;` is `&lt;`), and runs of white space one
    /// space. For indexing answers in full-text search, never for display.
    ///
    /// One pass over the UTF-8 bytes: storing a 30 MB page of answers spent most of its time in
    /// Foundation's `replacingOccurrences` when this went Character by Character.
    public static func plainText(ofSanitised html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { output in
                var writer = SpaceCollapsingWriter(output)
                var index = 0, inTag = false
                while index < bytes.count {
                    let byte = bytes[index]
                    index += 1
                    if inTag {
                        if byte == UInt8(ascii: ">") {
                            inTag = false
                            writer.pendingSpace = true
                        }
                    } else if byte == UInt8(ascii: "<") {
                        inTag = true
                    } else if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                        writer.pendingSpace = true
                    } else if byte >= 0xC2, case let space = TextBytes.unicodeSpace(bytes, at: index - 1), space.isSpace {
                        index += space.length - 1  // a no-break or other Unicode space
                        writer.pendingSpace = true
                    } else if byte == UInt8(ascii: "&"), let (character, length) = entity(in: bytes, after: index) {
                        writer.emit(character)
                        index += length
                    } else {
                        writer.emit(byte)
                    }
                }
                return writer.written
            }
        }
    }

    /// The character of one of this table's entities whose name starts at `index` (just after `&`),
    /// and how many bytes it takes after the `&`.
    private static func entity(in bytes: UnsafeBufferPointer<UInt8>, after index: Int) -> (UInt8, Int)? {
        for (name, character) in entities {
            guard index + name.count <= bytes.count else { continue }
            if name.indices.allSatisfy({ name[$0] == bytes[index + $0] }) { return (character, name.count) }
        }
        return nil
    }

    /// The entities `append(_:to:)` writes, by name after the `&`, and their characters.
    private static let entities: [([UInt8], UInt8)] = [
        (Array("lt;".utf8), UInt8(ascii: "<")), (Array("gt;".utf8), UInt8(ascii: ">")), (Array("amp;".utf8), UInt8(ascii: "&")),
        (Array("quot;".utf8), UInt8(ascii: "\"")), (Array("#39;".utf8), UInt8(ascii: "'")),
    ]

    /// `text` with every special character escaped; `text` itself when it has none, as most
    /// values a report shows (names, figures, dates) have none.
    public static func escape(_ text: String) -> String {
        let clean = text.utf8.withContiguousStorageIfAvailable { bytes in !bytes.contains(where: isSpecial) } ?? false
        if clean { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 { append(byte, to: &output) }
        return String(decoding: output, as: UTF8.self)
    }
}
