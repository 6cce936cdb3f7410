import Foundation

/// Rewrites imported HTML into the small safe subset Debrief stores and renders: paragraphs,
/// lists, code, emphasis, tables and links to http(s) only. No script, style, iframe, event
/// handler, inline style or `javascript:` URL survives; every attribute but `href` and `start` is dropped.
enum AnswerSanitiser {
    private static let kept: [String: String] = [
        "p": "p", "ul": "ul", "ol": "ol", "li": "li", "pre": "pre", "code": "code", "em": "em", "i": "em", "strong": "strong", "b": "strong",
        "blockquote": "blockquote", "dl": "dl", "dt": "dt", "dd": "dd", "table": "table", "thead": "thead", "tbody": "tbody", "tr": "tr",
        "th": "th", "td": "td", "a": "a", "br": "br", "kbd": "code", "samp": "code", "tt": "code", "sub": "sub", "sup": "sup",
        "h1": "p", "h2": "p", "h3": "p", "h4": "p", "h5": "p", "h6": "p",
    ]
    private static let dropped: Set<String> = HTMLNode.invisible.union([
        "form", "input", "button", "select", "textarea", "nav", "aside", "footer", "img", "video", "audio", "source", "link", "meta", "base", "frame",
        "frameset", "applet",
    ])

    /// The blocks as one sanitised HTML fragment, or nil when nothing is left.
    static func html(of blocks: [ContentBlock]) -> String? {
        var html = ""
        for block in blocks {
            if block.node.isText {
                let text = TextNormaliser.normalise(block.node.content)
                if !text.isEmpty { html += "<p>" + escape(text) + "</p>" }
            } else {
                append(block.node, to: &html)
            }
        }
        html = strippingAnswerLabel(html)
        return html.isEmpty ? nil : html
    }

    /// One element (and what is below it) as sanitised HTML.
    static func html(of node: HTMLNode) -> String {
        var html = ""
        append(node, to: &html)
        return html
    }

    private static func append(_ node: HTMLNode, to html: inout String) {
        if node.isText {
            html += escape(collapsed(node.content, keepingLines: false))
            return
        }
        guard node.isElement else { return }
        let name = node.name
        guard !dropped.contains(name) else { return }
        guard let tag = kept[name] else {
            node.children.forEach { append($0, to: &html) }
            return
        }
        if tag == "br" {
            html += "<br>"
            return
        }
        if name == "pre" {
            html += "<pre><code>" + escape(node.rawText.precomposedStringWithCanonicalMapping) + "</code></pre>"
            return
        }
        var open = "<\(tag)"
        if tag == "a" {
            guard let href = safeLink(node.attribute("href")) else {
                node.children.forEach { append($0, to: &html) }
                return
            }
            open += " href=\"\(escape(href))\" rel=\"nofollow noopener noreferrer\""
        }
        if tag == "ol", let start = node.attribute("start").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
            open += " start=\"\(start)\""
        }
        html += open + ">"
        if name.hasPrefix("h"), tag == "p" { html += "<strong>" }
        node.children.forEach { append($0, to: &html) }
        if name.hasPrefix("h"), tag == "p" { html += "</strong>" }
        html += "</\(tag)>"
    }

    /// Only absolute http and https links are kept; anything else (javascript:, data:, relative) is dropped.
    static func safeLink(_ href: String?) -> String? {
        guard let href = href?.trimmingCharacters(in: .whitespacesAndNewlines), let url = URL(string: href),
            let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil
        else { return nil }
        return href
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private static func collapsed(_ text: String, keepingLines: Bool) -> String {
        var result = ""
        var lastWasSpace = false
        for character in text.precomposedStringWithCanonicalMapping {
            if character.isWhitespace {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.append(character)
                lastWasSpace = false
            }
        }
        return result
    }

    /// Drops a leading "Answer:" label, which pages put before the model answer.
    private static func strippingAnswerLabel(_ html: String) -> String {
        html.replacing(/^<p>\s*<strong>\s*(?:Answer|Ans|A)\s*:?\s*<\/strong>\s*:?\s*/.ignoresCase(), with: "<p>")
    }
}
