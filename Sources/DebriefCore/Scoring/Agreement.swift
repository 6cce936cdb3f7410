/// How far a position's interviewers agree, beyond chance.
public struct AgreementFigures: Hashable, Sendable {
    public let krippendorffAlphaInterval: Double?
    public let krippendorffAlphaOrdinal: Double?
    /// ICC over the largest complete block of interviewers × units, when there is one.
    public let icc: IntraclassCorrelation?
    /// Units (candidate × competency) that two or more interviewers rated.
    public let units: Int
    /// Interviewers who rated at least one such unit.
    public let coders: Int
    /// Why a figure is missing, in words.
    public let notes: [String]
}

/// Agreement statistics over a position's submitted scorecards.
public enum Agreement {
    public static func evaluate(_ matrix: ReliabilityMatrix) -> AgreementFigures {
        let units = matrix.pairableUnits.map { unit in matrix.cells[unit]!.sorted { $0.key < $1.key }.map(\.value) }
        var notes: [String] = []
        let interval = KrippendorffAlpha.alpha(units: units, metric: .interval)
        let ordinal = KrippendorffAlpha.alpha(units: units, metric: .ordinal)
        if units.isEmpty {
            notes.append("Krippendorff's alpha is undefined: no candidate competency was rated by two or more interviewers")
        } else if interval == nil {
            notes.append("Krippendorff's alpha is undefined: every rating is the same, so there is no variation to agree on")
        }
        var icc: IntraclassCorrelation?
        if let block = matrix.largestCompleteBlock() {
            let table = block.units.map { unit in block.coders.map { matrix.cells[unit]![$0]! } }
            icc = IntraclassCorrelation(ratings: table)
            if icc == nil { notes.append("ICC is undefined: the complete block's units do not differ") }
        } else {
            notes.append("ICC is undefined: no two interviewers rated the same two or more candidate competencies")
        }
        return AgreementFigures(
            krippendorffAlphaInterval: interval, krippendorffAlphaOrdinal: ordinal, icc: icc, units: units.count,
            coders: matrix.coders.count, notes: notes)
    }
}
