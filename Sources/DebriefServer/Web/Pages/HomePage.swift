import DebriefCore

/// The positions a recruiter or admin can open (interviewers go to their interviews instead).
enum HomePage {
    static func render(positions: [Position], chrome: PageChrome) -> String {
        PageTemplate.render(
            "home", chrome: chrome,
            [
                "positions": positions.map {
                    ["id": $0.id ?? 0, "title": $0.title, "level": $0.level ?? "", "rubric": $0.rubricID] as [String: Any]
                }
            ])
    }
}
