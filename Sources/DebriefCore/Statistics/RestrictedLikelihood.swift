import Foundation

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
    func evaluate(_ theta: (candidate: Double, interviewer: Double, cell: Double)) -> Evaluation? {
        let ni = data.interviewerCount, p = data.fixedCount, m = ni + p + 1
        guard p >= 1 else { return nil }
        let yIndex = ni + p
        let tc = theta.candidate, ti = theta.interviewer, tx = theta.cell
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

        var logDeterminant = 0.0
        // A candidate's row over the block: its interviewers (in `meetings` order), then the fixed
        // columns and the response, densely.
        var interviewerPart: [Double] = []
        var densePart = [Double](repeating: 0, count: p + 1)
        var cellRow: [(index: Int, value: Double)] = []
        for a in 0..<data.candidateCount {
            let totals = data.candidates[a], met = data.meetings[a]
            var pivot = 1 + tc * tc * totals.count
            interviewerPart = met.map { tc * ti * $0.count }
            densePart[0] = tc * totals.count
            for c in 1..<p { densePart[c] = tc * totals.byCompetency[c] }
            densePart[p] = tc * totals.sum
            for cellIndex in data.cellsOfCandidate[a] {
                let cell = data.cells[cellIndex]
                let cellPivot = 1 + tx * tx * cell.count
                logDeterminant += log(cellPivot)
                let coupling = tx * tc * cell.count
                // The cell's row over the block, sparse.
                cellRow.removeAll(keepingCapacity: true)
                for entry in cell.interviewers { cellRow.append((entry.index, tx * ti * entry.count)) }
                cellRow.append((ni, tx * cell.count))
                if cell.competency > 0 { cellRow.append((ni + cell.competency, tx * cell.count)) }
                cellRow.append((yIndex, tx * cell.sum))
                // Eliminating the cell: the candidate's pivot and row, and the block.
                let ratio = coupling / cellPivot
                pivot -= coupling * ratio
                for (position, entry) in cell.interviewers.enumerated() { interviewerPart[entry.slot] -= ratio * cellRow[position].value }
                let fixedStart = cell.interviewers.count
                densePart[0] -= ratio * cellRow[fixedStart].value
                if cell.competency > 0 { densePart[cell.competency] -= ratio * cellRow[fixedStart + 1].value }
                densePart[p] -= ratio * cellRow[cellRow.count - 1].value
                Self.subtractOuter(cellRow, over: cellPivot, from: &block, width: m)
            }
            guard pivot > 0 else { return nil }
            logDeterminant += log(pivot)
            var candidateRow: [(index: Int, value: Double)] = []
            candidateRow.reserveCapacity(met.count + p + 1)
            for (slot, meeting) in met.enumerated() { candidateRow.append((meeting.index, interviewerPart[slot])) }
            for column in 0...p { candidateRow.append((ni + column, densePart[column])) }
            Self.subtractOuter(candidateRow, over: pivot, from: &block, width: m)
        }
        // The dense block: interviewers first (their pivots are the rest of the random effects'
        // determinant), then the fixed effects, then the response.
        var fixedLogDeterminant = 0.0
        let fixedScale = [Double(data.ratingCount)] + data.competencyCounts.dropFirst()
        for k in 0..<(m - 1) {
            let pivot = block[k * m + k]
            // A fixed pivot this small against its column's count: the competencies are confounded.
            guard k < ni ? pivot > 0 : pivot > 1e-9 * fixedScale[k - ni] else { return nil }
            if k < ni { logDeterminant += log(pivot) } else { fixedLogDeterminant += log(pivot) }
            for r in (k + 1)..<m {
                let factor = block[r * m + k] / pivot
                guard factor != 0 else { continue }
                for c in (k + 1)...r { block[r * m + c] -= factor * block[c * m + k] }
            }
        }
        let penalisedResiduals = block[yIndex * m + yIndex]
        let freedom = Double(data.ratingCount - p)
        guard penalisedResiduals > 0, freedom > 0 else { return nil }
        let criterion = logDeterminant + fixedLogDeterminant + freedom * (1 + log(2 * Double.pi * penalisedResiduals / freedom))
        return Evaluation(criterion: criterion, residualVariance: penalisedResiduals / freedom, fixed: Self.backSolve(block, width: m, from: ni, count: p))
    }

    /// `block -= row rowᵀ / pivot` on the lower triangle, for a sparse `row`.
    private static func subtractOuter(_ row: [(index: Int, value: Double)], over pivot: Double, from block: inout [Double], width m: Int) {
        block.withUnsafeMutableBufferPointer { block in
            for first in row where first.value != 0 {
                let scaled = first.value / pivot
                for second in row where second.index <= first.index {
                    block[first.index * m + second.index] -= scaled * second.value
                }
            }
        }
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
