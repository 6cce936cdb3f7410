import DebriefCore

/// Who may do what over HTTP. Every route but `/health` and the sign-in page goes through here.
extension DebriefRequestContext {
    /// The signed-in person, or a sign-in-required problem.
    func requireSignedIn() throws(Problem) -> Principal {
        guard let principal else { throw Problem.signInRequired("sign in to see this") }
        return principal
    }

    /// Reports show every interviewer's ratings and notes, so only recruiters and admins read them:
    /// an interviewer who has not yet submitted must not see colleagues' scorecards.
    func requireReportReader() throws(Problem) -> Principal {
        let principal = try requireSignedIn()
        guard principal.role == .recruiter || principal.role == .admin else {
            throw Problem(
                status: .forbidden, title: "Not allowed",
                detail:
                    "reports show every interviewer's ratings and notes, so they are open to recruiters and admins; \(principal.label) is an \(principal.role.rawValue)"
            )
        }
        return principal
    }
}
