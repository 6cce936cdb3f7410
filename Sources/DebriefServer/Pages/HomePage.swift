import DebriefCore

/// The positions a recruiter or admin can open (interviewers go to their interviews instead).
enum HomePage {
    /// `proof` is the session's form proof, for the sign-out form.
    static func render(principal: Principal, positions: [Position], proof: String) -> String {
        PageTemplate.render(
            "home", title: "Positions",
            [
                "signedIn": principal.label, "role": principal.role.rawValue, "proof": proof,
                "positions": positions.map {
                    ["id": $0.id ?? 0, "title": $0.title, "level": $0.level ?? "", "rubric": $0.rubricID] as [String: Any]
                },
            ])
    }
}
