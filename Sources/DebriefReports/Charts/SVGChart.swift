import Foundation

/// Small inline SVG charts: no scripts, no external requests, every label escaped.
public enum SVGChart {
    public struct Bar: Sendable {
        public let label: String
        public let value: Double?
        /// Shown after the bar, such as "n=3, spread 1".
        public let note: String

        public init(label: String, value: Double?, note: String = "") {
            self.label = label
            self.value = value
            self.note = note
        }
    }

    /// Horizontal bars on a scale from `minimum` to `maximum`.
    public static func bars(_ bars: [Bar], minimum: Double, maximum: Double, title: String) -> String {
        let rowHeight = 26.0, barWidth = 300.0
        // Label and note columns as wide as their longest text (so a chart of short labels, such as
        // the D-study's, is not scaled down to unreadable on a phone), within the old fixed widths.
        let labelWidth = columnWidth(bars.map(\.label), atMost: 240)
        let noteWidth = columnWidth(bars.map { bar in bar.value.map { "\(Figures.number($0)) \(bar.note)" } ?? "" }, atMost: 160)
        let height = Double(bars.count) * rowHeight + 30
        var svg = header(width: labelWidth + barWidth + noteWidth, height: height, title: title)
        for tick in stride(from: minimum, through: maximum, by: 1) {
            let x = labelWidth + (tick - minimum) / (maximum - minimum) * barWidth
            svg += "<line x1=\"\(f(x))\" y1=\"4\" x2=\"\(f(x))\" y2=\"\(f(height - 22))\" class=\"grid\"/>"
            svg += "<text x=\"\(f(x))\" y=\"\(f(height - 8))\" class=\"tick\" text-anchor=\"middle\">\(Int(tick))</text>"
        }
        for (index, bar) in bars.enumerated() {
            let y = Double(index) * rowHeight + 6
            svg += "<text x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 14))\" text-anchor=\"end\" class=\"label\">\(Escape.html(bar.label))</text>"
            if let value = bar.value {
                let width = max(0, min(1, (value - minimum) / (maximum - minimum))) * barWidth
                svg += "<rect x=\"\(f(labelWidth))\" y=\"\(f(y))\" width=\"\(f(width))\" height=\"18\" class=\"bar\"/>"
                svg +=
                    "<text x=\"\(f(labelWidth + barWidth + 8))\" y=\"\(f(y + 14))\" class=\"value\">\(Figures.number(value)) \(Escape.html(bar.note))</text>"
            } else {
                svg += "<text x=\"\(f(labelWidth + 6))\" y=\"\(f(y + 14))\" class=\"none\">no signal</text>"
            }
        }
        return svg + "</svg>"
    }

    /// Bars left or right of zero, such as interviewer leniency.
    public static func diverging(_ bars: [Bar], limit: Double, title: String) -> String {
        let rowHeight = 26.0, labelWidth = 230.0, half = 150.0
        let height = Double(bars.count) * rowHeight + 30
        var svg = header(width: labelWidth + 2 * half + 80, height: height, title: title)
        let zero = labelWidth + half
        svg += "<line x1=\"\(f(zero))\" y1=\"2\" x2=\"\(f(zero))\" y2=\"\(f(height - 22))\" class=\"axis\"/>"
        svg += "<text x=\"\(f(zero - half))\" y=\"\(f(height - 8))\" class=\"tick\">harsher</text>"
        svg += "<text x=\"\(f(zero + half))\" y=\"\(f(height - 8))\" class=\"tick\" text-anchor=\"end\">more lenient</text>"
        for (index, bar) in bars.enumerated() {
            let y = Double(index) * rowHeight + 4
            svg += "<text x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 14))\" text-anchor=\"end\" class=\"label\">\(Escape.html(bar.label))</text>"
            guard let value = bar.value else { continue }
            let width = min(1, abs(value) / max(limit, 0.01)) * half
            let x = value >= 0 ? zero : zero - width
            svg += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(width))\" height=\"18\" class=\"\(value >= 0 ? "bar" : "bar negative")\"/>"
            svg += "<text x=\"\(f(zero + half + 8))\" y=\"\(f(y + 14))\" class=\"value\">\(value >= 0 ? "+" : "")\(Figures.number(value))</text>"
        }
        return svg + "</svg>"
    }

    /// How many values fall in each unit-wide bin of the scale.
    public static func histogram(_ values: [Double], minimum: Double, maximum: Double, title: String) -> String {
        let bins = max(1, Int((maximum - minimum) * 2))
        var counts = [Int](repeating: 0, count: bins)
        for value in values {
            let index = min(bins - 1, max(0, Int((value - minimum) / (maximum - minimum) * Double(bins))))
            counts[index] += 1
        }
        let width = 480.0, height = 180.0, padding = 18.0, barWidth = width / Double(bins)
        let top = Double(max(1, counts.max() ?? 1))
        var svg = header(width: width, height: height + 30, title: title)
        for (index, count) in counts.enumerated() {
            let barHeight = Double(count) / top * (height - padding)
            let x = Double(index) * barWidth
            svg += "<rect x=\"\(f(x + 2))\" y=\"\(f(height - barHeight))\" width=\"\(f(barWidth - 4))\" height=\"\(f(barHeight))\" class=\"bar\"/>"
            if count > 0 {
                svg += "<text x=\"\(f(x + barWidth / 2))\" y=\"\(f(height - barHeight - 4))\" text-anchor=\"middle\" class=\"value\">\(count)</text>"
            }
            let low = minimum + Double(index) * (maximum - minimum) / Double(bins)
            svg += "<text x=\"\(f(x + 2))\" y=\"\(f(height + 16))\" class=\"tick\">\(Figures.number(low, decimals: 1))</text>"
        }
        return svg + "</svg>"
    }

    /// A text column's width in the charts' 12 px font: about 7 px a character, plus the gap beside it.
    private static func columnWidth(_ texts: [String], atMost limit: Double) -> Double {
        min(limit, max(48, Double(texts.map(\.count).max() ?? 0) * 7 + 16))
    }

    private static func header(width: Double, height: Double, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height))\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(Escape.html(title))\"><title>\(Escape.html(title))</title>"
    }

    private static func f(_ value: Double) -> String {
        FixedPoint.text(value, decimals: 1)
    }
}
