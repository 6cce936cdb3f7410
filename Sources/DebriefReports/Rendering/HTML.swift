import DebriefCore

/// A piece of HTML written with string interpolation, safe by construction: the literal text is
/// markup from the source code (`StaticString`, so nothing read at run time can be it), and every
/// interpolated `String` is escaped (`HTMLEscape`). Only another `HTML` value, or an SVG chart
/// `SVGChart` drew (`HTML(chart:)`), goes in as it is.
///
/// What the candidate report's Mustache template did, written straight into one buffer: the
/// template engine found each value by name through its context stack, with several dynamic casts
/// per value, and that was 45% of `report --all --format html` (a page per candidate).
struct HTML: ExpressibleByStringInterpolation, Sendable {
    fileprivate(set) var bytes: [UInt8]

    init(stringLiteral markup: StaticString) {
        bytes = []
        Self.append(markup, to: &bytes)
    }

    init(stringInterpolation: StringInterpolation) {
        bytes = stringInterpolation.bytes
    }

    /// `html` itself: lets a literal be written as `HTML("…")` where its type is not otherwise known.
    init(_ html: HTML) {
        self = html
    }

    /// An SVG chart that `SVGChart` drew, which escaped every label it wrote.
    init(chart svg: String) {
        bytes = Array(svg.utf8)
    }

    /// The pieces one after another, each written by `piece`.
    init<Items: Sequence>(each items: Items, _ piece: (Items.Element) -> HTML) {
        bytes = []
        for item in items { bytes += piece(item).bytes }
    }

    /// Nothing: for a part that is left out.
    static let none = HTML(stringLiteral: "")

    /// `self` when `condition` holds, else nothing.
    func when(_ condition: Bool) -> HTML { condition ? self : .none }

    /// A report's notes under their heading, as every HTML report ends; nothing without notes.
    static func notes(_ notes: [String]) -> HTML {
        HTML("<h2>Notes</h2><ul>\(HTML(each: notes) { "<li>\($0)</li>" })</ul>").when(!notes.isEmpty)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    fileprivate static func append(_ markup: StaticString, to bytes: inout [UInt8]) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    struct StringInterpolation: StringInterpolationProtocol {
        typealias StringLiteralType = StaticString
        fileprivate var bytes: [UInt8]

        init(literalCapacity: Int, interpolationCount: Int) {
            bytes = []
            bytes.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        mutating func appendLiteral(_ markup: StaticString) {
            HTML.append(markup, to: &bytes)
        }

        /// Text, escaped.
        mutating func appendInterpolation(_ text: String) {
            for byte in text.utf8 { HTMLEscape.append(byte, to: &bytes) }
        }

        mutating func appendInterpolation(_ number: Int) {
            bytes += String(number).utf8
        }

        mutating func appendInterpolation(_ html: HTML) {
            bytes += html.bytes
        }
    }
}
