import DebriefCore

extension FormatOptions {
    /// Prints `value` as JSON, or as the text that `text` makes of it.
    func print<Value: Encodable>(_ value: Value, text: (Value) -> String) throws {
        switch format {
        case .json: Console.current.line(try JSONText.string(value))
        case .text: Console.current.line(text(value))
        }
    }
}
