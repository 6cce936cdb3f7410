/// The panels of `PanelRatings` laid out flat, built one candidate at a time: add each of a
/// candidate's ratings in their order, then close the candidate, which writes out its cells and
/// meetings. The scratch lists are one candidate's, reused, so building allocates nothing per
/// candidate or cell; a list per cell and per candidate for the whole position was most of a large
/// report's peak memory (BENCHMARKS.md, session 23).
struct PanelLayout {
    private(set) var meetingStart = [0], cellStart = [0]
    private(set) var meetingInterviewer: [Int] = [], meetingCount: [Double] = []
    private(set) var cellCount: [Double] = [], cellSum: [Double] = [], cellCompetency: [Int] = []
    private(set) var cellInterviewerStart = [0], cellInterviewer: [Int] = [], cellInterviewerCount: [Double] = [], cellSlot: [Int] = []

    /// The open candidate's cells in the order first rated; `cellOf[c]` is competency c's place
    /// among them, -1 when it has none.
    private var cellOf: [Int]
    private var cells: [(competency: Int, count: Double, sum: Double)] = []
    /// Per open cell, its (interviewer, ratings) in the order first seen; kept across candidates for their capacity.
    private var cellInterviewers: [[(Int, Double)]] = []
    /// The open candidate's (interviewer, ratings).
    private var meetings: [(Int, Double)] = []

    /// Room for `cellCount` cells, and at most one interviewer of a cell per rating.
    init(candidateCount: Int, competencyCount: Int, ratingCount: Int, cellCount: Int) {
        cellOf = [Int](repeating: -1, count: competencyCount)
        meetingStart.reserveCapacity(candidateCount + 1)
        cellStart.reserveCapacity(candidateCount + 1)
        self.cellCount.reserveCapacity(cellCount)
        cellSum.reserveCapacity(cellCount)
        cellCompetency.reserveCapacity(cellCount)
        cellInterviewerStart.reserveCapacity(cellCount + 1)
        cellInterviewer.reserveCapacity(ratingCount)
        cellInterviewerCount.reserveCapacity(ratingCount)
        cellSlot.reserveCapacity(ratingCount)
    }

    /// One rating of the open candidate: by interviewer `j`, on competency `c`, `y` from the mean.
    mutating func add(interviewer j: Int, competency c: Int, centred y: Double) {
        if cellOf[c] < 0 {
            cellOf[c] = cells.count
            cells.append((c, 0, 0))
            if cellInterviewers.count < cells.count { cellInterviewers.append([]) }
        }
        let cell = cellOf[c]
        cells[cell].count += 1
        cells[cell].sum += y
        Self.count(j, in: &cellInterviewers[cell])
        Self.count(j, in: &meetings)
    }

    /// Writes out the open candidate: its meetings in interviewer order, then its cells, each
    /// with its interviewers in order and their places among the meetings.
    mutating func closeCandidate() {
        meetings.sort { $0.0 < $1.0 }
        let firstMeeting = meetingInterviewer.count
        for (interviewer, count) in meetings {
            meetingInterviewer.append(interviewer)
            meetingCount.append(count)
        }
        meetingStart.append(meetingInterviewer.count)
        for (place, cell) in cells.enumerated() {
            cellCount.append(cell.count)
            cellSum.append(cell.sum)
            cellCompetency.append(cell.competency)
            cellInterviewers[place].sort { $0.0 < $1.0 }
            for (interviewer, count) in cellInterviewers[place] {
                cellInterviewer.append(interviewer)
                cellInterviewerCount.append(count)
                cellSlot.append(meetingInterviewer[firstMeeting...].firstIndex(of: interviewer)! - firstMeeting)
            }
            cellInterviewerStart.append(cellInterviewer.count)
            cellInterviewers[place].removeAll(keepingCapacity: true)
            cellOf[cell.competency] = -1
        }
        cellStart.append(cellCount.count)
        cells.removeAll(keepingCapacity: true)
        meetings.removeAll(keepingCapacity: true)
    }

    /// One more rating by interviewer `j` in a short list of (interviewer, ratings): a panel has a handful.
    private static func count(_ j: Int, in list: inout [(Int, Double)]) {
        if let place = list.firstIndex(where: { $0.0 == j }) { list[place].1 += 1 } else { list.append((j, 1)) }
    }
}
