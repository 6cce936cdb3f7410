import DebriefCore

extension CandidateReport {
    /// A question's ratings as people read them: "Databases 4 (Grace Hopper)", each competency by its
    /// title and each interviewer by name (JSON and CSV keep the ids and addresses).
    func ratingsInWords(_ question: QuestionRow) -> [String] {
        let titles = position.rubric.competencyTitles
        var names: [String: String] = [:]
        for card in rounds.flatMap(\.scorecards) { names[card.interviewer] = card.name }
        return question.ratings.map { rating in
            "\(titles[rating.competency] ?? rating.competency) \(rating.rating.map(String.init) ?? "no signal") "
                + "(\(names[rating.interviewer] ?? rating.interviewer))"
        }
    }
}
