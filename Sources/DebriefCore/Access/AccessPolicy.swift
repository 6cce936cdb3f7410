/// Who may do what: the one access policy every front end asks (the web pages, the API, the CLI
/// for signed-in principals). Pure, so it is tested as a matrix of principals and actions.
public enum AccessPolicy {
    /// What a principal asks to do, with the facts about the record that the answer depends on.
    public enum Action: Sendable {
        /// Read position and candidate reports: every interviewer's ratings and notes.
        case readReports
        /// Positions, candidates, stages, rounds, panels, the question bank, score sheets.
        case managePipeline
        /// Users, roles, sessions, tokens and the audit log.
        case manageUsers
        /// Back up and restore the whole database, and erase a person's data: irreversible work on everyone's data.
        case operateDatabase
        /// Open a round's interview kit: the candidate's name, the round's competencies and questions.
        case openRound(panel: [Int64])
        /// Save or submit the scorecard of `interviewer` for a round with this panel.
        case scoreRound(panel: [Int64], interviewer: Int64)
    }

    public static func permits(_ principal: Principal, _ action: Action) -> Bool {
        switch (principal.role, action) {
        case (.admin, _): true
        case (.recruiter, .manageUsers), (.recruiter, .operateDatabase): false
        case (.recruiter, _): true
        case (.interviewer, .openRound(let panel)): principal.userID.map(panel.contains) ?? false
        case (.interviewer, .scoreRound(let panel, let interviewer)):
            principal.userID == interviewer && panel.contains(interviewer)
        case (.interviewer, .readReports), (.interviewer, .managePipeline), (.interviewer, .manageUsers), (.interviewer, .operateDatabase): false
        }
    }

    /// Why `permits` said no, in words for the person refused.
    public static func refusal(_ principal: Principal, _ action: Action) -> String {
        switch action {
        case .readReports:
            "reports show every interviewer's ratings and notes, so they are open to recruiters and admins; \(principal.label) is an \(principal.role.rawValue)"
        case .managePipeline: "positions, candidates and rounds are managed by recruiters and admins"
        case .manageUsers: "users, sessions and the audit log are managed by admins"
        case .operateDatabase: "backups, restores and erasures of personal data are run by admins"
        case .openRound: "this round's kit is open to the interviewers on its panel, recruiters and admins"
        case .scoreRound: "an interviewer fills in only their own scorecard, for rounds whose panel they are on"
        }
    }
}
