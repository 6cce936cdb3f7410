import Foundation

/// A value that breaks a domain rule: which field, and what a person should change.
public struct FieldError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The field at fault, as a person would name it on a form or a flag (`email`, `stage`).
    public let field: String
    /// What is wrong and how to fix it, as one sentence.
    public let message: String

    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
    public var errorDescription: String? { description }
}
