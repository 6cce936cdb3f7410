/// CSV text (RFC 4180, CRLF after every record) built record by record into one buffer of bytes,
/// each cell escaped by `CSVField` on the way in. A batch of candidate reports writes millions of
/// cells: a `String` per record, then joining them, was most of rendering a candidate's CSV.
public struct CSVDocument {
    private var bytes: [UInt8] = []

    public init() {}

    /// The document of `records`, in order.
    public static func render(_ records: [[String]]) -> String {
        var document = CSVDocument()
        for record in records { document.append(record) }
        return document.text
    }

    /// Appends one record of `cells`.
    public mutating func append(_ cells: [String]) {
        append(leading: [], cells)
    }

    /// Appends one record: `leading` cells already escaped by `escapedCells` (the same first cells
    /// of many records, escaped once), then `cells`.
    public mutating func append(leading: [UInt8], _ cells: [String]) {
        bytes.append(contentsOf: leading)
        if !leading.isEmpty && !cells.isEmpty { bytes.append(UInt8(ascii: ",")) }
        Self.appendEscaped(cells, to: &bytes)
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    /// `cells` escaped and joined, to lead several records (see `append(leading:_:)`).
    public static func escapedCells(_ cells: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        appendEscaped(cells, to: &bytes)
        return bytes
    }

    /// Appends `cells`, each escaped by `CSVField`, separated by commas.
    private static func appendEscaped(_ cells: [String], to bytes: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            CSVField.append(cell, to: &bytes)
        }
    }

    /// The document so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
