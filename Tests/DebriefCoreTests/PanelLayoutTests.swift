import Testing

@testable import DebriefCore

/// `PanelRatings` lays its panels out candidate by candidate from ratings grouped by a counting
/// sort. The layout it replaced built a list per candidate and per cell in one pass over the
/// ratings; that one is kept here as the oracle, and the two must agree to the last bit, since the
/// fit's figures are compared to the last digit elsewhere.
@Suite("Panels laid out flat")
struct PanelLayoutTests {
    @Test("interleaved candidates, repeated and missing ratings: the same cells, meetings and sums as the per-candidate lists gave")
    func agreesWithNestedLists() {
        for seed in UInt64(1)...12 {
            var random = PanelReliabilityTests.Generator(state: seed)
            var ratings = PanelReliabilitySimulationTests.simulate(candidates: 40 + Int(seed) * 7, panels: 2, seed: seed).joined().filter { _ in
                random.uniform() > 0.2
            }
            // Some ratings twice (an interviewer who met a candidate in two rounds), then shuffled so
            // each candidate's ratings are scattered through the list.
            ratings += ratings.filter { _ in random.uniform() < 0.1 }.map {
                var again = $0; again.value += 0.5; return again
            }
            for index in ratings.indices.reversed() {
                ratings.swapAt(index, Int(random.uniform() * Double(index + 1)))
            }
            let data = PanelRatings(ratings, order: ["databases"])
            let oracle = NestedPanels(ratings, data: data)
            #expect(data.meetingStart == oracle.meetingStart, "seed \(seed)")
            #expect(data.cellStart == oracle.cellStart, "seed \(seed)")
            #expect(data.meetingInterviewer == oracle.meetingInterviewer && data.meetingCount == oracle.meetingCount, "seed \(seed)")
            #expect(
                data.cellCount == oracle.cellCount && data.cellSum == oracle.cellSum && data.cellCompetency == oracle.cellCompetency, "seed \(seed)")
            #expect(data.cellInterviewerStart == oracle.cellInterviewerStart, "seed \(seed)")
            #expect(data.cellInterviewer == oracle.cellInterviewer && data.cellInterviewerCount == oracle.cellInterviewerCount, "seed \(seed)")
            #expect(data.cellSlot == oracle.cellSlot, "seed \(seed)")
            #expect(data.widestPanel == oracle.meetingStart.indices.dropLast().map { oracle.meetingStart[$0 + 1] - oracle.meetingStart[$0] }.max())
        }
    }

    @Test("grouping indexes by key keeps each group in list order and leaves no index out")
    func groupsAreStable() {
        let keys: [Int32] = [2, 0, 2, 1, 0, 2, 2]
        let groups = IndexGroups(keys: keys, keyCount: 4)
        #expect(Array(groups.members(of: 0)) == [1, 4])
        #expect(Array(groups.members(of: 1)) == [3])
        #expect(Array(groups.members(of: 2)) == [0, 2, 5, 6])
        #expect(groups.members(of: 3).isEmpty)
    }
}

/// The layout as session 22 built it: a list of cells (each with a list of interviewers) and a list
/// of meetings per candidate, filled in one pass over the ratings, then flattened.
private struct NestedPanels {
    var meetingStart = [0], cellStart = [0], meetingInterviewer: [Int] = [], meetingCount: [Double] = []
    var cellCount: [Double] = [], cellSum: [Double] = [], cellCompetency: [Int] = []
    var cellInterviewerStart = [0], cellInterviewer: [Int] = [], cellInterviewerCount: [Double] = [], cellSlot: [Int] = []

    init(_ ratings: [PanelRating], data: PanelRatings) {
        var candidates: [Int64: Int] = [:], interviewers: [Int64: Int] = [:]
        for rating in ratings {
            if candidates[rating.candidate] == nil { candidates[rating.candidate] = candidates.count }
            if interviewers[rating.interviewer] == nil { interviewers[rating.interviewer] = interviewers.count }
        }
        let k = data.competencies.count
        var cellsOf = [[(competency: Int, count: Double, sum: Double, interviewers: [(Int, Double)])]](repeating: [], count: candidates.count)
        var cellOf = [Int](repeating: -1, count: candidates.count * k)
        var meetings = [[(Int, Double)]](repeating: [], count: candidates.count)
        func count(_ j: Int, in list: inout [(Int, Double)]) {
            if let place = list.firstIndex(where: { $0.0 == j }) { list[place].1 += 1 } else { list.append((j, 1)) }
        }
        for rating in ratings {
            let a = candidates[rating.candidate]!, j = interviewers[rating.interviewer]!, c = data.competencies.firstIndex(of: rating.competency)!
            if cellOf[a * k + c] < 0 {
                cellOf[a * k + c] = cellsOf[a].count
                cellsOf[a].append((c, 0, 0, []))
            }
            let cell = cellOf[a * k + c]
            cellsOf[a][cell].count += 1
            cellsOf[a][cell].sum += rating.value - data.mean
            count(j, in: &cellsOf[a][cell].interviewers)
            count(j, in: &meetings[a])
        }
        for a in 0..<candidates.count {
            let firstMeeting = meetingInterviewer.count
            for (interviewer, count) in meetings[a].sorted(by: { $0.0 < $1.0 }) {
                meetingInterviewer.append(interviewer)
                meetingCount.append(count)
            }
            meetingStart.append(meetingInterviewer.count)
            for cell in cellsOf[a] {
                cellCount.append(cell.count)
                cellSum.append(cell.sum)
                cellCompetency.append(cell.competency)
                for (interviewer, count) in cell.interviewers.sorted(by: { $0.0 < $1.0 }) {
                    cellInterviewer.append(interviewer)
                    cellInterviewerCount.append(count)
                    cellSlot.append(meetingInterviewer[firstMeeting...].firstIndex(of: interviewer)! - firstMeeting)
                }
                cellInterviewerStart.append(cellInterviewer.count)
            }
            cellStart.append(cellCount.count)
        }
    }
}
