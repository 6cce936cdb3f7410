/// One rating as the panel reliability study sees it: who was rated, by whom, on what, and the
/// point given. "No signal" is not a rating here; leave it out.
public struct PanelRating: Hashable, Sendable {
    public var candidate: Int64
    public var interviewer: Int64
    public var competency: String
    public var value: Double

    public init(candidate: Int64, interviewer: Int64, competency: String, value: Double) {
        self.candidate = candidate
        self.interviewer = interviewer
        self.competency = competency
        self.value = value
    }
}

/// A position's ratings reduced to the counts and sums the REML fit of
/// `rating ~ competency + (1|candidate) + (1|interviewer) + (1|candidate:competency)` needs, so each
/// step of the fit costs as much as the panels have cells, not as much as there are ratings.
///
/// A cell is one candidate's ratings on one competency. Cells are nested in candidates, which is what
/// lets the fit eliminate them, then the candidates, one at a time (see `RestrictedLikelihood`).
struct PanelRatings: Sendable {
    /// Competencies in the order asked for (those rated), then any others sorted; the first is the
    /// fixed effects' baseline, as R's first factor level is.
    let competencies: [String]
    let candidateCount: Int
    let interviewerCount: Int
    let ratingCount: Int
    /// The mean of every rating; values below are centred on it.
    let mean: Double

    /// An interviewer's ratings: how many, their sum, and how many per competency.
    struct Totals: Sendable {
        var count: Double = 0
        var sum: Double = 0
        var byCompetency: [Double]
    }

    let interviewers: [Totals]
    /// Per candidate, flat (no array per candidate, which each evaluation would chase and retain):
    /// how many ratings, their centred sum, and at `a * competencies.count + c` how many on competency `c`.
    let candidateRatings: [Double], candidateSum: [Double], candidateByCompetency: [Double]

    // The panels laid out flat, candidate by candidate, in the order the fit eliminates them: each
    // evaluation walks these arrays front to back and allocates nothing per candidate or cell.
    /// Per candidate: where its meetings and its cells start (one more entry than candidates).
    let meetingStart: [Int], cellStart: [Int]
    /// A meeting: an interviewer who rated the candidate (in interviewer index order) and how often.
    let meetingInterviewer: [Int], meetingCount: [Double]
    /// A cell (one candidate's ratings on one competency): how many, their centred sum, the competency.
    let cellCount: [Double], cellSum: [Double], cellCompetency: [Int]
    /// Per cell: where its interviewers start (one more entry than cells).
    let cellInterviewerStart: [Int]
    /// A cell's interviewer (in index order), their ratings in it, and their place among the
    /// candidate's meetings.
    let cellInterviewer: [Int], cellInterviewerCount: [Double], cellSlot: [Int]
    /// The most interviewers any candidate met.
    let widestPanel: Int
    /// Ratings per competency and the sum of their centred values, and the sum of squares of all.
    let competencyCounts: [Double]
    let competencySums: [Double]
    let sumOfSquares: Double

    init(_ ratings: [PanelRating], order: [String] = []) {
        // Competencies are few: each rating's is found in a short list, not hashed.
        var rated: [String] = []
        for rating in ratings where rating.competency != rated.last && !rated.contains(rating.competency) { rated.append(rating.competency) }
        let listed = order.filter(rated.contains)
        competencies = listed + rated.filter { !listed.contains($0) }.sorted()
        let k = competencies.count
        // Candidates and interviewers numbered in the order first met.
        var candidateNumbers = FirstSeenNumbers(), interviewerNumbers = FirstSeenNumbers()
        // 32-bit: three indexes per rating of a million-rating position are 12 MB, not 24.
        var candidateOf = [Int32](repeating: 0, count: ratings.count), interviewerOf = candidateOf, competencyOf = candidateOf
        // The previous rating's competency and its index (a scorecard's ratings come competency by competency).
        var current: (competency: String, c: Int) = ("", -1)
        for (index, rating) in ratings.enumerated() {
            if current.c < 0 || rating.competency != current.competency {
                current = (rating.competency, competencies.firstIndex(of: rating.competency)!)
            }
            candidateOf[index] = Int32(candidateNumbers.number(of: rating.candidate))
            interviewerOf[index] = Int32(interviewerNumbers.number(of: rating.interviewer))
            competencyOf[index] = Int32(current.c)
        }
        candidateCount = candidateNumbers.count
        interviewerCount = interviewerNumbers.count
        ratingCount = ratings.count
        mean = ratings.isEmpty ? 0 : StableSum.sum(ratings.map(\.value)) / Double(ratings.count)
        var candidateRatings = [Double](repeating: 0, count: candidateCount), candidateSum = candidateRatings
        var candidateByCompetency = [Double](repeating: 0, count: candidateCount * k)
        var interviewers = [Totals](repeating: Totals(byCompetency: .init(repeating: 0, count: k)), count: interviewerCount)
        var competencyCounts = [Double](repeating: 0, count: k), competencySums = [Double](repeating: 0, count: k)
        var squares = 0.0
        for (index, rating) in ratings.enumerated() {
            let a = Int(candidateOf[index]), j = Int(interviewerOf[index]), c = Int(competencyOf[index])
            let y = rating.value - mean
            candidateRatings[a] += 1
            candidateSum[a] += y
            candidateByCompetency[a * k + c] += 1
            interviewers[j].count += 1
            interviewers[j].sum += y
            interviewers[j].byCompetency[c] += 1
            competencyCounts[c] += 1
            competencySums[c] += y
            squares += y * y
        }
        var panels = PanelLayout(
            candidateCount: candidateCount, competencyCount: k, ratingCount: ratings.count,
            cellCount: candidateByCompetency.reduce(0) { $1 > 0 ? $0 + 1 : $0 })
        // Candidate by candidate, each one's ratings in their order: a cell's sum adds up as before.
        let byCandidate = IndexGroups(keys: candidateOf, keyCount: candidateCount)
        for a in 0..<candidateCount {
            for index in byCandidate.members(of: a) {
                let index = Int(index)
                panels.add(interviewer: Int(interviewerOf[index]), competency: Int(competencyOf[index]), centred: ratings[index].value - mean)
            }
            panels.closeCandidate()
        }
        (self.meetingStart, self.cellStart, self.meetingInterviewer, self.meetingCount) =
            (panels.meetingStart, panels.cellStart, panels.meetingInterviewer, panels.meetingCount)
        (self.cellCount, self.cellSum, self.cellCompetency) = (panels.cellCount, panels.cellSum, panels.cellCompetency)
        (self.cellInterviewerStart, self.cellInterviewer, self.cellInterviewerCount, self.cellSlot) =
            (panels.cellInterviewerStart, panels.cellInterviewer, panels.cellInterviewerCount, panels.cellSlot)
        (self.candidateRatings, self.candidateSum, self.candidateByCompetency) = (candidateRatings, candidateSum, candidateByCompetency)
        self.interviewers = interviewers
        widestPanel = zip(panels.meetingStart, panels.meetingStart.dropFirst()).map { $1 - $0 }.max() ?? 0
        self.competencyCounts = competencyCounts
        self.competencySums = competencySums
        sumOfSquares = squares
    }

    /// Columns of the fixed-effects design: the intercept, then one per competency after the first.
    var fixedCount: Int { competencies.count }

    /// How many interviewers candidate `a` met.
    func panelSize(of a: Int) -> Int { meetingStart[a + 1] - meetingStart[a] }

    /// On how many competencies candidate `a` was rated.
    func cellCount(of a: Int) -> Int { cellStart[a + 1] - cellStart[a] }
}
