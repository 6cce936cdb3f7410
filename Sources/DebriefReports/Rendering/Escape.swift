import DebriefCore

/// Escaping for every value a report writes into HTML or SVG.
public enum Escape {
    /// `& < > " '` as entities, so a value can only ever be text.
    public static func html(_ text: String) -> String {
        HTMLEscape.escape(text)
    }

    /// Markdown table cell text: pipes, backticks, brackets, angle brackets and line breaks cannot break out.
    public static func markdown(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "|", "\\", "`", "*", "_", "[", "]", "<", ">", "#": escaped += "\\" + String(character)
            case "\n", "\r": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
