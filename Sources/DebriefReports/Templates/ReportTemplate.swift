import DebriefCore
import Mustache

/// The report templates' parser: every `{{value}}` is escaped by Debrief's `HTMLEscape`, which
/// writes what swift-mustache's own HTML escaping writes (`& < > " '` as the same entities) from
/// the value's bytes, and hands back a value with nothing to escape as it is. swift-mustache's
/// escaping went Character by Character through a dictionary: 13% of `report --all --format html`.
enum ReportTemplate {
    /// `text` parsed as a template whose variables `HTMLEscape` escapes.
    static func parse(_ text: String) -> MustacheTemplate {
        _ = registered
        do {
            return try MustacheTemplate(string: "{{% CONTENT_TYPE: \(contentTypeName)}}" + text)
        } catch {
            preconditionFailure("a report template does not parse: \(error)")
        }
    }

    private static let contentTypeName = "DEBRIEF_HTML"

    /// Registered once, before the first template that names it is parsed.
    private static let registered: Void = MustacheContentTypes.register(EscapedHTML(), named: contentTypeName)

    private struct EscapedHTML: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscape.escape(text) }
    }
}
