/// How far a position's interviewers agree, beyond chance.
public struct AgreementFigures: Hashable, Sendable {
    public let krippendorffAlphaInterval: Double?
    public let krippendorffAlphaOrdinal: Double?
    /// Units (candidate × competency) that two or more interviewers rated.
    public let units: Int
    /// Interviewers who rated at least one such unit.
    public let coders: Int
    /// Why a figure is missing, in words.
    public let notes: [String]
}

/// Agreement statistics over a position's submitted scorecards. How far a candidate's score can
/// be trusted is the reliability study's (`PanelReliability`), which replaced the ICC over a complete
/// block: real panels are neither crossed nor nested, where that ICC is biased (Putka et al., 2008).
public enum Agreement {
    public static func evaluate(_ matrix: ReliabilityMatrix) -> AgreementFigures {
        let units = matrix.pairableUnits.indices.lazy.map { matrix.cells(ofPairable: $0).lazy.map(\.value) }
        var notes: [String] = []
        let interval = KrippendorffAlpha.alpha(units: units, metric: .interval)
        let ordinal = KrippendorffAlpha.alpha(units: units, metric: .ordinal)
        if units.isEmpty {
            notes.append("Krippendorff's alpha is undefined: no candidate competency was rated by two or more interviewers")
        } else if interval == nil {
            notes.append("Krippendorff's alpha is undefined: every rating is the same, so there is no variation to agree on")
        }
        return AgreementFigures(
            krippendorffAlphaInterval: interval, krippendorffAlphaOrdinal: ordinal, units: units.count,
            coders: matrix.coders.count, notes: notes)
    }
}
