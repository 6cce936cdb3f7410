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

    struct Cell: Sendable {
        var candidate: Int
        var competency: Int
        var count: Double = 0
        var sum: Double = 0
        /// Ratings in the cell by each interviewer (index, count), by interviewer index; `slot` is the
        /// interviewer's place in the candidate's `meetings`.
        var interviewers: [(index: Int, count: Double, slot: Int)] = []
    }

    /// A candidate's or an interviewer's ratings: how many, their sum, and how many per competency.
    struct Totals: Sendable {
        var count: Double = 0
        var sum: Double = 0
        var byCompetency: [Double]
    }

    let cells: [Cell]
    /// Each candidate's cells, by candidate index.
    let cellsOfCandidate: [[Int]]
    let candidates: [Totals]
    let interviewers: [Totals]
    /// Ratings a candidate got from each interviewer, per candidate: (interviewer index, count).
    let meetings: [[(index: Int, count: Double)]]
    /// Ratings per competency and the sum of their centred values, and the sum of squares of all.
    let competencyCounts: [Double]
    let competencySums: [Double]
    let sumOfSquares: Double

    init(_ ratings: [PanelRating], order: [String] = []) {
        let rated = Set(ratings.map(\.competency))
        let listed = order.filter(rated.contains)
        competencies = listed + rated.subtracting(listed).sorted()
        let competencyIndex = Dictionary(uniqueKeysWithValues: competencies.enumerated().map { ($1, $0) })
        var candidateIndex: [Int64: Int] = [:], interviewerIndex: [Int64: Int] = [:]
        for rating in ratings {
            if candidateIndex[rating.candidate] == nil { candidateIndex[rating.candidate] = candidateIndex.count }
            if interviewerIndex[rating.interviewer] == nil { interviewerIndex[rating.interviewer] = interviewerIndex.count }
        }
        candidateCount = candidateIndex.count
        interviewerCount = interviewerIndex.count
        ratingCount = ratings.count
        mean = ratings.isEmpty ? 0 : StableSum.sum(ratings.map(\.value)) / Double(ratings.count)
        let k = competencies.count
        var candidates = [Totals](repeating: Totals(byCompetency: .init(repeating: 0, count: k)), count: candidateCount)
        var interviewers = [Totals](repeating: Totals(byCompetency: .init(repeating: 0, count: k)), count: interviewerCount)
        var cellIndex: [Int: Int] = [:]
        var cells: [Cell] = []
        var cellInterviewers: [[Int: Double]] = []
        var meetings = [[Int: Double]](repeating: [:], count: candidateCount)
        var competencyCounts = [Double](repeating: 0, count: k), competencySums = [Double](repeating: 0, count: k)
        var squares = 0.0
        for rating in ratings {
            let a = candidateIndex[rating.candidate]!, j = interviewerIndex[rating.interviewer]!, c = competencyIndex[rating.competency]!
            let y = rating.value - mean
            let key = a * k + c
            let cell: Int
            if let known = cellIndex[key] {
                cell = known
            } else {
                cell = cells.count
                cellIndex[key] = cell
                cells.append(Cell(candidate: a, competency: c))
                cellInterviewers.append([:])
            }
            cells[cell].count += 1
            cells[cell].sum += y
            cellInterviewers[cell][j, default: 0] += 1
            meetings[a][j, default: 0] += 1
            candidates[a].count += 1
            candidates[a].sum += y
            candidates[a].byCompetency[c] += 1
            interviewers[j].count += 1
            interviewers[j].sum += y
            interviewers[j].byCompetency[c] += 1
            competencyCounts[c] += 1
            competencySums[c] += y
            squares += y * y
        }
        let sortedMeetings = meetings.map { $0.sorted { $0.key < $1.key }.map { (index: $0.key, count: $0.value) } }
        var cellsOfCandidate = [[Int]](repeating: [], count: candidateCount)
        for index in cells.indices {
            let met = sortedMeetings[cells[index].candidate]
            cells[index].interviewers = cellInterviewers[index].sorted { $0.key < $1.key }.map { interviewer, count in
                (interviewer, count, met.firstIndex { $0.index == interviewer }!)
            }
            cellsOfCandidate[cells[index].candidate].append(index)
        }
        self.cells = cells
        self.cellsOfCandidate = cellsOfCandidate
        self.candidates = candidates
        self.interviewers = interviewers
        self.meetings = sortedMeetings
        self.competencyCounts = competencyCounts
        self.competencySums = competencySums
        sumOfSquares = squares
    }

    /// Columns of the fixed-effects design: the intercept, then one per competency after the first.
    var fixedCount: Int { competencies.count }
}
