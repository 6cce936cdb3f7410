import DebriefCore

extension CandidateReport {
    /// The questions' ratings as people read them: "Databases 4 (Grace Hopper)", each competency by
    /// its title and each interviewer by name (JSON and CSV keep the ids and addresses). In the
    /// questions' order, a list of ratings for each.
    func questionRatingsInWords() -> [[String]] {
        guard !questions.isEmpty else { return [] }
        let titles = position.rubric.competencyTitles
        var names: [String: String] = [:]
        for round in rounds {
            for card in round.scorecards { names[card.interviewer] = card.name }
        }
        return questions.map { question in
            question.ratings.map { rating in
                let point = rating.rating.map(String.init) ?? "no signal"
                return "\(titles[rating.competency] ?? rating.competency) \(point) (\(names[rating.interviewer] ?? rating.interviewer))"
            }
        }
    }
}
