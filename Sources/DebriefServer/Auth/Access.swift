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
        try require(.readReports)
    }

    /// The signed-in person, if Core's access policy lets them do `action`; a 403 problem that says why otherwise.
    func require(_ action: AccessPolicy.Action) throws(Problem) -> Principal {
        let principal = try requireSignedIn()
        guard AccessPolicy.permits(principal, action) else {
            throw Problem(status: .forbidden, title: "Not allowed", detail: AccessPolicy.refusal(principal, action))
        }
        return principal
    }
}
