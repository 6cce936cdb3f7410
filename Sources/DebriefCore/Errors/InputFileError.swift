/// A file a person wrote (a rubric, a scorecard) that cannot be used, with where and what to fix.
public struct InputFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file name (or `-` for standard input).
    public let file: String
    /// The 1-based line the problem is on, when known.
    public let line: Int?
    /// What is wrong and how to fix it.
    public let message: String

    public init(file: String, line: Int?, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, the form editors and terminals link to.
    public var description: String {
        if let line { "\(file):\(line): \(message)" } else { "\(file): \(message)" }
    }
}

/// A rubric file that cannot be used.
public typealias RubricError = InputFileError
/// A scorecard file (`scorecards submit --file`) that cannot be used.
public typealias ScorecardFileError = InputFileError
