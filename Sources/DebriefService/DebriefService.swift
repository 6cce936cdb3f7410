import DebriefCore
import DebriefReports
import DebriefStore

/// The use cases that the CLI and the server share, each in one place: adding a position, scheduling
/// a round, submitting or logging a scorecard, importing a page into the question bank, loading a
/// report. Front ends parse their input, call one method here and render what comes back; the rules
/// live here and in Core, never in a command or a controller.
public struct DebriefService: Sendable {
    /// The store the use cases work on.
    public let database: AppDatabase
    /// The rubrics folder as loaded, or nil when it could not be read (reports then use the rubric
    /// versions their scorecards recorded).
    public let rubrics: RubricCatalog?
    /// Why the rubrics folder could not be read, said when a use case needs it.
    let rubricsProblem: String?
    /// bcrypt's cost for new password hashes: 12 in production; tests pass a lower one explicitly.
    let passwordCost: UInt8
    /// Position reports kept between requests, shared by every copy of this service.
    let reportCache = ReportCache()
    /// Position reports being built now, which requests arriving together share.
    let reportBuilds = SharedWork<ReportKey, PositionReport>()
    /// Position reports being rendered now, which requests arriving together share.
    let reportRenderings = SharedWork<RenderingKey, RenderedReport>()
    /// Admits large reports and imports within the service's limits.
    let heavyWork: HeavyWorkGate

    public init(
        database: AppDatabase, rubrics: RubricCatalog?, rubricsProblem: String? = nil, passwordCost: UInt8 = 12,
        heavyWork limits: HeavyWorkLimits = HeavyWorkLimits()
    ) {
        heavyWork = HeavyWorkGate(limits: limits)
        self.database = database
        self.rubrics = rubrics
        self.rubricsProblem = rubricsProblem
        self.passwordCost = passwordCost
    }

    /// Refuses unless the access policy lets `principal` do `action`: the one check every use case makes.
    func require(_ action: AccessPolicy.Action, _ principal: Principal) throws(ServiceError) {
        try Self.require(action, principal)
    }

    /// The same check, for use cases that need no database (such as inspecting a backup file).
    static func require(_ action: AccessPolicy.Action, _ principal: Principal) throws(ServiceError) {
        guard AccessPolicy.permits(principal, action) else { throw ServiceError.forbidden(AccessPolicy.refusal(principal, action)) }
    }

    /// The rubric with this id from the folder.
    public func rubric(_ id: String) throws -> Rubric {
        try catalog().rubric(id)
    }

    /// The rubrics folder as loaded, or why it could not be.
    func catalog() throws(ServiceError) -> RubricCatalog {
        guard let rubrics else { throw ServiceError.rubricsUnavailable(rubricsProblem ?? "no rubrics folder was loaded") }
        return rubrics
    }
}

/// A use case refused for a reason that is neither one record's rule nor the store's.
public enum ServiceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The rubrics folder is needed and could not be read.
    case rubricsUnavailable(String)
    /// A pasted fragment has nothing to name its set by.
    case unnamedPaste
    /// The candidate has no rounds, or rounds for several positions, so which report is meant is unclear.
    case noPositionFor(candidate: String, positions: [Int64])
    /// The email and password do not open an account that may sign in (the same words whatever the reason).
    case signInRefused
    /// Too many failed sign-ins for the account or from the client; try again after this many seconds.
    case tooManyAttempts(retryAfter: Int)
    /// An invite link that is unknown, used already or expired.
    case inviteUnusable
    /// The access policy does not let the principal do this; the words say why.
    case forbidden(String)
    /// Heavy work (`what`: a position report, an import) is refused while the server is busy with
    /// other heavy work (see `HeavyWorkLimits`); try again after this many seconds.
    case busy(String, retryAfter: Int)

    public var description: String {
        switch self {
        case .rubricsUnavailable(let reason): reason
        case .unnamedPaste: "the pasted fragment has no <title> to name its set by; give it a name"
        case .noPositionFor(let candidate, let positions) where positions.isEmpty:
            "\(candidate) has no rounds yet, so there is nothing to report; schedule one first"
        case .noPositionFor(let candidate, let positions):
            "\(candidate) interviews for positions \(positions.map { "#\($0)" }.joined(separator: ", ")); name the position"
        case .signInRefused: DebriefService.signInRefusal
        case .tooManyAttempts(let seconds): "too many failed sign-ins; try again in \((seconds + 59) / 60) minutes"
        case .inviteUnusable: "this invite link is unknown, used already or expired; ask an admin for a new one"
        case .forbidden(let reason): reason
        case .busy(let what, let seconds):
            "the server is busy with other large reports and imports, so this \(what) was not started; try again in \(seconds) seconds"
        }
    }
}
