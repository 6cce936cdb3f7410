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
        var candidateRatings = [Double](repeating: 0, count: candidateCount), candidateSum = candidateRatings
        var candidateByCompetency = [Double](repeating: 0, count: candidateCount * k)
        var interviewers = [Totals](repeating: Totals(byCompetency: .init(repeating: 0, count: k)), count: interviewerCount)
        // Per candidate, its cells in the order first rated: the cell's competency, count, sum and
        // ratings per interviewer.
        var cellsOf = [[(competency: Int, count: Double, sum: Double, interviewers: [Int: Double])]](repeating: [], count: candidateCount)
        var cellIndex: [Int: Int] = [:]
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
                cell = cellsOf[a].count
                cellIndex[key] = cell
                cellsOf[a].append((c, 0, 0, [:]))
            }
            cellsOf[a][cell].count += 1
            cellsOf[a][cell].sum += y
            cellsOf[a][cell].interviewers[j, default: 0] += 1
            meetings[a][j, default: 0] += 1
            candidateRatings[a] += 1
            candidateSum[a] += y
            candidateByCompetency[key] += 1
            interviewers[j].count += 1
            interviewers[j].sum += y
            interviewers[j].byCompetency[c] += 1
            competencyCounts[c] += 1
            competencySums[c] += y
            squares += y * y
        }
        var meetingStart = [0], cellStart = [0], meetingInterviewer: [Int] = [], meetingCount: [Double] = []
        var cellCount: [Double] = [], cellSum: [Double] = [], cellCompetency: [Int] = []
        var cellInterviewerStart = [0], cellInterviewer: [Int] = [], cellInterviewerCount: [Double] = [], cellSlot: [Int] = []
        for a in 0..<candidateCount {
            let met = meetings[a].sorted { $0.key < $1.key }
            let firstMeeting = meetingInterviewer.count
            for (interviewer, count) in met {
                meetingInterviewer.append(interviewer)
                meetingCount.append(count)
            }
            meetingStart.append(meetingInterviewer.count)
            for cell in cellsOf[a] {
                cellCount.append(cell.count)
                cellSum.append(cell.sum)
                cellCompetency.append(cell.competency)
                for (interviewer, count) in cell.interviewers.sorted(by: { $0.key < $1.key }) {
                    cellInterviewer.append(interviewer)
                    cellInterviewerCount.append(count)
                    cellSlot.append(meetingInterviewer[firstMeeting...].firstIndex(of: interviewer)! - firstMeeting)
                }
                cellInterviewerStart.append(cellInterviewer.count)
            }
            cellStart.append(cellCount.count)
        }
        (self.candidateRatings, self.candidateSum, self.candidateByCompetency) = (candidateRatings, candidateSum, candidateByCompetency)
        self.interviewers = interviewers
        (self.meetingStart, self.cellStart, self.meetingInterviewer, self.meetingCount) = (meetingStart, cellStart, meetingInterviewer, meetingCount)
        (self.cellCount, self.cellSum, self.cellCompetency) = (cellCount, cellSum, cellCompetency)
        (self.cellInterviewerStart, self.cellInterviewer, self.cellInterviewerCount, self.cellSlot) =
            (cellInterviewerStart, cellInterviewer, cellInterviewerCount, cellSlot)
        widestPanel = zip(meetingStart, meetingStart.dropFirst()).map { $1 - $0 }.max() ?? 0
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
