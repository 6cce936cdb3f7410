import Foundation

/// Whether a paragraph is set entirely in bold, as word processors export numbered questions
/// (`<p><span style="font-weight:700">1) …</span></p>`).
enum BoldText {
    static func isWhollyBold(_ node: HTMLNode) -> Bool {
        var sawText = false
        return check(node, bold: false, sawText: &sawText) && sawText
    }

    private static func check(_ node: HTMLNode, bold: Bool, sawText: inout Bool) -> Bool {
        if node.isText {
            if !TextNormaliser.hasVisibleText(node) { return true }
            sawText = true
            return bold
        }
        guard node.isElement else { return true }
        let isBold = bold || node.name == "b" || node.name == "strong" || styleIsBold(node.attribute("style"))
        for child in node.children where !check(child, bold: isBold, sawText: &sawText) { return false }
        return true
    }

    private static func styleIsBold(_ style: String?) -> Bool {
        guard let style = style?.lowercased().replacingOccurrences(of: " ", with: "") else { return false }
        return style.contains("font-weight:bold") || style.contains("font-weight:bolder") || style.contains("font-weight:600")
            || style.contains("font-weight:700") || style.contains("font-weight:800") || style.contains("font-weight:900")
    }
}
