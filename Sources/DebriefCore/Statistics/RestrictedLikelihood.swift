import Foundation
import Synchronization

/// The profiled REML criterion of `rating ~ competency + (1|candidate) + (1|interviewer) +
/// (1|candidate:competency)` at given relative standard deviations, worked out as R's lme4 does
/// (Bates, Mächler, Bolker & Walker 2015, *J. Stat. Softw.* 67(1), section 3), with the sparse
/// Cholesky factor of the random effects taken in an order that keeps it cheap: first the cells
/// (each touches one candidate and that candidate's interviewers), then the candidates, then a
/// dense block of the interviewers, the fixed effects and the response.
///
/// `theta` holds the candidate's, the interviewer's and the cell's standard deviation, each
/// relative to the residual's; only their squares matter, so the criterion is even in each.
struct RestrictedLikelihood: Sendable {
    let data: PanelRatings

    /// What one evaluation gives besides the criterion.
    struct Evaluation: Sendable {
        /// -2 × the restricted log-likelihood, profiled over the residual variance (lme4's "REML criterion").
        var criterion: Double
        /// The residual variance at this theta.
        var residualVariance: Double
        /// Fixed effects on the centred ratings: the intercept, then each competency after the first.
        var fixed: [Double]
    }

    /// The criterion at `theta`, or nil when the design cannot be fitted there (a pivot that is
    /// not positive: too little data, or a competency confounded with the rest).
    /// `chunks` (for tests) overrides how many chunks the candidates are eliminated in.
    func evaluate(_ theta: (candidate: Double, interviewer: Double, cell: Double), chunks: Int? = nil) -> Evaluation? {
        let ni = data.interviewerCount, p = data.fixedCount, m = ni + p + 1
        guard p >= 1 else { return nil }
        let yIndex = ni + p
        let ti = theta.interviewer
        // The trailing block, lower triangle (row >= column), row-major.
        var block = [Double](repeating: 0, count: m * m)
        for j in 0..<ni {
            let totals = data.interviewers[j]
            block[j * m + j] = 1 + ti * ti * totals.count
            block[ni * m + j] = ti * totals.count
            for c in 1..<p { block[(ni + c) * m + j] = ti * totals.byCompetency[c] }
            block[yIndex * m + j] = ti * totals.sum
        }
        block[ni * m + ni] = Double(data.ratingCount)
        for c in 1..<p {
            block[(ni + c) * m + ni] = data.competencyCounts[c]
            block[(ni + c) * m + ni + c] = data.competencyCounts[c]
        }
        block[yIndex * m + ni] = data.competencySums.reduce(0, +)
        for c in 1..<p { block[yIndex * m + ni + c] = data.competencySums[c] }
        block[yIndex * m + yIndex] = data.sumOfSquares

        // The candidates (and their cells) are eliminated in fixed chunks, at once on as many cores
        // as there are, each into its own copy of the block's updates; the chunks are added in order,
        // so the same data give the same figures to the last digit on any machine.
        let chunks = max(1, min(data.candidateCount, chunks ?? (data.candidateCount >= Self.candidatesPerChunk * 2 ? Self.chunkCount : 1)))
        let bounds = (0...chunks).map { $0 * data.candidateCount / chunks }
        let partials = Mutex([CandidateElimination?](repeating: nil, count: chunks))
        let work: @Sendable (Int) -> Void = { chunk in
            let result = eliminateCandidates(bounds[chunk]..<bounds[chunk + 1], theta: theta, width: m)
            partials.withLock { $0[chunk] = result }
        }
        if chunks == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: work) }
        var logDeterminant = 0.0
        let eliminated = partials.withLock { $0 }
        for partial in eliminated {
            guard let partial else { return nil }
            logDeterminant += partial.logDeterminant
            block.withUnsafeMutableBufferPointer { block in
                partial.updates.withUnsafeBufferPointer { updates in
                    for index in 0..<(m * m) { block[index] -= updates[index] }
                }
            }
        }
        // The dense block: interviewers first (their pivots are the rest of the random effects'
        // determinant), then the fixed effects, then the response.
        var fixedLogDeterminant = 0.0
        var column = [Double](repeating: 0, count: m)
        let fixedScale = [Double(data.ratingCount)] + data.competencyCounts.dropFirst()
        for k in 0..<(m - 1) {
            let pivot = block[k * m + k]
            // A fixed pivot this small against its column's count: the competencies are confounded.
            guard k < ni ? pivot > 0 : pivot > 1e-9 * fixedScale[k - ni] else { return nil }
            if k < ni { logDeterminant += log(pivot) } else { fixedLogDeterminant += log(pivot) }
            // Column k below the pivot, read once, so the update runs along rows.
            for r in (k + 1)..<m { column[r] = block[r * m + k] }
            block.withUnsafeMutableBufferPointer { block in
                column.withUnsafeBufferPointer { column in
                    for r in (k + 1)..<m where column[r] != 0 {
                        let factor = column[r] / pivot, row = r * m
                        for c in (k + 1)...r { block[row + c] -= factor * column[c] }
                    }
                }
            }
        }
        let penalisedResiduals = block[yIndex * m + yIndex]
        let freedom = Double(data.ratingCount - p)
        guard penalisedResiduals > 0, freedom > 0 else { return nil }
        let criterion = logDeterminant + fixedLogDeterminant + freedom * (1 + log(2 * Double.pi * penalisedResiduals / freedom))
        return Evaluation(
            criterion: criterion, residualVariance: penalisedResiduals / freedom, fixed: Self.backSolve(block, width: m, from: ni, count: p))
    }

    /// The evaluation at variances relative to the residual's (each theta squared).
    func evaluate(ratios: [Double]) -> Evaluation? {
        evaluate((ratios[0].squareRoot(), ratios[1].squareRoot(), ratios[2].squareRoot()))
    }

    /// The criterion at variances relative to the residual's, nil where it cannot be evaluated.
    func criterion(ratios: [Double]) -> Double? {
        evaluate(ratios: ratios)?.criterion
    }

    /// The fixed number of chunks the candidates are eliminated in, when there are enough of them.
    static let chunkCount = 4
    /// Below twice this many candidates, one chunk: the hand-off would cost more than it saves.
    static let candidatesPerChunk = 1_000

    /// What eliminating some candidates and their cells takes off the trailing block (lower
    /// triangle, row-major), and their pivots' log-determinant.
    struct CandidateElimination: Sendable {
        var updates: [Double]
        var logDeterminant: Double
    }

    /// Eliminates `candidates` and their cells; nil when a pivot is not positive.
    private func eliminateCandidates(
        _ candidates: Range<Int>, theta: (candidate: Double, interviewer: Double, cell: Double), width m: Int
    ) -> CandidateElimination? {
        let ni = data.interviewerCount, p = data.fixedCount
        let tc = theta.candidate, ti = theta.interviewer, tx = theta.cell
        var updates = [Double](repeating: 0, count: m * m)
        // The random effects' pivots are all at least 1 (the matrix is I plus a positive
        // semi-definite one), so their product is taken, and its logarithm only now and then.
        var logDeterminant = 0.0, pivotProduct = 1.0
        // A candidate's row over the block: its interviewers (in `meetings` order, so in index
        // order), then the fixed columns and the response. Its cells touch only these columns, so
        // their updates gather in a small dense `local` matrix over them, added to the block once.
        let rowCapacity = data.widestPanel + p + 1
        // Scratch and the cells' entries through pointers: the loops below are the fit's whole
        // cost, and their bounds checks were a good part of it.
        let rowIndex = Scratch<Int>(rowCapacity), rowValue = Scratch<Double>(rowCapacity)
        let cellSlot = Scratch<Int>(rowCapacity), cellValue = Scratch<Double>(rowCapacity)
        let local = Scratch<Double>(rowCapacity * rowCapacity)
        defer { for scratch in [rowIndex.release, rowValue.release, cellSlot.release, cellValue.release, local.release] { scratch() } }
        let completed = data.cellInterviewerCount.withUnsafeBufferPointer { entryCount in
            data.cellSlot.withUnsafeBufferPointer { entrySlot in
                updates.withUnsafeMutableBufferPointer { updates in
                    for a in candidates {
                        let firstMeeting = data.meetingStart[a], meetings = data.meetingStart[a + 1] - firstMeeting
                        let width = meetings + p + 1
                        var pivot = 1 + tc * tc * data.candidateRatings[a]
                        for slot in 0..<meetings {
                            rowIndex[slot] = data.meetingInterviewer[firstMeeting + slot]
                            rowValue[slot] = tc * ti * data.meetingCount[firstMeeting + slot]
                        }
                        for column in 0...p { rowIndex[meetings + column] = ni + column }
                        rowValue[meetings] = tc * data.candidateRatings[a]
                        for c in 1..<p { rowValue[meetings + c] = tc * data.candidateByCompetency[a * p + c] }
                        rowValue[meetings + p] = tc * data.candidateSum[a]
                        local.zero(width * width)
                        for cell in data.cellStart[a]..<data.cellStart[a + 1] {
                            let count = data.cellCount[cell], competency = data.cellCompetency[cell]
                            let cellPivot = 1 + tx * tx * count
                            pivotProduct *= cellPivot
                            let ratio = tx * tc * count / cellPivot
                            pivot -= tx * tc * count * ratio
                            // The cell's row over the candidate's columns, and the candidate's row less ratio × it.
                            var length = 0
                            for entry in data.cellInterviewerStart[cell]..<data.cellInterviewerStart[cell + 1] {
                                let value = tx * ti * entryCount[entry]
                                cellSlot[length] = entrySlot[entry]
                                cellValue[length] = value
                                rowValue[entrySlot[entry]] -= ratio * value
                                length += 1
                            }
                            let fixedValue = tx * count, responseValue = tx * data.cellSum[cell]
                            cellSlot[length] = meetings
                            cellValue[length] = fixedValue
                            length += 1
                            rowValue[meetings] -= ratio * fixedValue
                            if competency > 0 {
                                cellSlot[length] = meetings + competency
                                cellValue[length] = fixedValue
                                length += 1
                                rowValue[meetings + competency] -= ratio * fixedValue
                            }
                            cellSlot[length] = meetings + p
                            cellValue[length] = responseValue
                            length += 1
                            rowValue[meetings + p] -= ratio * responseValue
                            Self.gatherOuter(slots: cellSlot, values: cellValue, count: length, over: cellPivot, into: local, width: width)
                        }
                        guard pivot > 0 else { return false }
                        pivotProduct *= pivot
                        if pivotProduct > 1e250 {
                            logDeterminant += log(pivotProduct)
                            pivotProduct = 1
                        }
                        for first in 0..<width {
                            let scaled = rowValue[first] / pivot
                            for second in 0...first { local[first * width + second] += scaled * rowValue[second] }
                        }
                        // What this candidate and its cells eliminated, to take off the block.
                        for first in 0..<width {
                            let row = rowIndex[first] * m
                            for second in 0...first { updates[row + rowIndex[second]] += local[first * width + second] }
                        }
                    }
                    return true
                }
            }
        }
        guard completed else { return nil }
        logDeterminant += log(pivotProduct)
        return CandidateElimination(updates: updates, logDeterminant: logDeterminant)
    }

    /// `local += row rowᵀ / pivot` on the lower triangle, for a row of `count` entries at the
    /// ascending columns `slots` (what eliminating it subtracts, gathered).
    private static func gatherOuter(
        slots: Scratch<Int>, values: Scratch<Double>, count: Int, over pivot: Double, into local: Scratch<Double>, width: Int
    ) {
        for first in 0..<count where values[first] != 0 {
            let row = slots[first] * width, scaled = values[first] / pivot
            for second in 0...first { local[row + slots[second]] += scaled * values[second] }
        }
    }

    /// A buffer of one evaluation's scratch, zeroed, read and written without bounds checks in
    /// optimised builds (debug builds keep them); released by its owner.
    struct Scratch<Element: Numeric> {
        private let buffer: UnsafeMutableBufferPointer<Element>

        init(_ count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: 0)
        }

        subscript(index: Int) -> Element {
            get { buffer[index] }
            nonmutating set { buffer[index] = newValue }
        }

        /// Zeroes the first `count` elements.
        func zero(_ count: Int) { buffer.baseAddress!.update(repeating: 0, count: count) }

        func release() { buffer.deallocate() }
    }

    /// The fixed effects from the eliminated block: its rows `start..<start+count` hold the
    /// fixed part's unit lower factor (below the diagonal) and pivots, the response row the
    /// eliminated right-hand side.
    private static func backSolve(_ block: [Double], width m: Int, from start: Int, count p: Int) -> [Double] {
        let y = start + p
        // After elimination, row y, column c holds the response's entry before c was eliminated;
        // β solves Lᵀ β = z with z_c = block[y][c] / pivot_c.
        var beta = [Double](repeating: 0, count: p)
        for c in stride(from: p - 1, through: 0, by: -1) {
            let k = start + c
            var value = block[y * m + k] / block[k * m + k]
            for later in (c + 1)..<p { value -= block[(start + later) * m + k] / block[k * m + k] * beta[later] }
            beta[c] = value
        }
        return beta
    }
}
