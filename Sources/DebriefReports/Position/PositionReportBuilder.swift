import DebriefCore
import Foundation

/// Why a report could not be built.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A scorecard's rubric version is missing from the store, or its stored text no longer decodes.
    case rubricVersionUnusable(hash: String, reason: String)
    /// The position has no scorecards and its rubric is not in the rubrics folder.
    case rubricMissing(id: String)
    /// The candidate has no rounds for the position.
    case candidateNotInPosition(candidateID: Int64, position: String)

    public var description: String {
        switch self {
        case .rubricVersionUnusable(let hash, let reason): "the rubric version \(hash.prefix(12)) behind some scorecards cannot be used: \(reason)"
        case .rubricMissing(let id): "rubric '\(id)' is not in the rubrics folder and no scorecard recorded it; pass --rubrics DIR"
        case .candidateNotInPosition(let id, let position):
            "candidate #\(id) has no rounds for \(position)"
        }
    }
}

/// Turns a position's stored facts into its report, scoring mechanically with the rubric version
/// the scorecards were made under (so editing the rubric file changes no past score).
public enum PositionReportBuilder {
    /// `currentRubric` is the position's rubric as the folder has it now; it is used only when no
    /// scorecard has recorded a version yet.
    public static func build(
        _ dossier: PositionDossier, currentRubric: Rubric?, studyingReliability: Bool = true
    ) throws(ReportError) -> PositionReport {
        try build(PositionFacts(dossier), currentRubric: currentRubric, studyingReliability: studyingReliability)
    }

    /// The report from facts read for it alone (see `PositionFacts`). Without `studyingReliability`
    /// its reliability entry is all nulls and a note says the study was left out: for a format that
    /// does not show it (`ReportFormat.showsReliabilityStudy`), since the study is the costliest part.
    public static func build(
        _ facts: PositionFacts, currentRubric: Rubric?, studyingReliability: Bool = true
    ) throws(ReportError) -> PositionReport {
        var notes: [String] = []
        let rubric = try scoringRubric(facts, currentRubric: currentRubric, notes: &notes)
        let rubricInfo = PositionReport.RubricInfo(
            id: rubric.id, title: rubric.title, version: rubric.version, contentHash: rubric.contentHash,
            scaleMin: rubric.ratingScale.minimum, scaleMax: rubric.ratingScale.maximum,
            competencies: rubric.competencies.map { .init(id: $0.id, title: $0.title, weight: $0.weight) })
        let titles = rubricInfo.competencyTitles
        let evaluation = PositionScoring.evaluate(
            rubric: rubric, candidateIDs: facts.candidates.compactMap(\.id), cards: facts.cards, studyingReliability: studyingReliability)
        let candidates = Dictionary(uniqueKeysWithValues: facts.candidates.map { ($0.id ?? 0, $0) })
        let users = Dictionary(uniqueKeysWithValues: facts.interviewers.map { ($0.id ?? 0, $0) })
        let entries = evaluation.candidates.compactMap { entry -> PositionReport.CandidateEntry? in
            guard let candidate = candidates[entry.raw.candidateID] else { return nil }
            return PositionReport.CandidateEntry(
                id: entry.raw.candidateID, name: candidate.name, email: candidate.email.value, stage: candidate.stage.rawValue,
                score: entry.raw.score, calibratedScore: entry.calibratedScore, coverage: entry.raw.coverage,
                recommendation: entry.raw.recommendation?.rawValue, needsDebrief: entry.raw.needsDebrief, flags: entry.raw.flags.map(\.code),
                flagReasons: entry.raw.flags.map { $0.explanation(titles: titles) }, rank: entry.rank, percentile: entry.percentile,
                scorecards: entry.raw.scorecardCount,
                competencies: entry.raw.competencies.mapValues { .init(mean: $0.mean, n: $0.n, spread: $0.spread) },
                roundScores: Dictionary(uniqueKeysWithValues: entry.raw.roundScores.map { (String($0.key), $0.value) }))
        }
        for entry in entries { notes += ReportNotes.unscored(entry, name: entry.name) }
        let scored = entries.filter { $0.score != nil }
        if scored.count == 1 { notes.append(ReportNotes.onlyScored(name: scored[0].name)) }
        let agreement = evaluation.agreement
        notes += agreement.notes
        let reliability = PositionReport.ReliabilityEntry.of(evaluation.reliability, notes: &notes)
        let uncorrected = evaluation.calibration.filter { !$0.isCalibrated }.compactMap { users[$0.interviewerID]?.email.value }
        if !uncorrected.isEmpty {
            notes.append(
                "calibrated scores correct only interviewers with \(Calibration.minimumScorecards) or more scorecards and shared candidates; not corrected: \(uncorrected.joined(separator: ", "))"
            )
        }
        return PositionReport(
            position: .init(
                id: facts.position.id ?? 0, title: facts.position.title, level: facts.position.level,
                rubric: rubricInfo),
            candidates: entries,
            agreement: .init(
                krippendorffAlphaInterval: agreement.krippendorffAlphaInterval, krippendorffAlphaOrdinal: agreement.krippendorffAlphaOrdinal,
                units: agreement.units, coders: agreement.coders),
            reliability: reliability,
            calibration: evaluation.calibration.map { entry in
                PositionReport.CalibrationEntry(
                    interviewer: users[entry.interviewerID]?.email.value ?? "#\(entry.interviewerID)",
                    name: users[entry.interviewerID]?.name ?? "", scorecards: entry.scorecards, mean: entry.mean, leniency: entry.leniency,
                    noDecisionShare: entry.noDecisionShare, strongShare: entry.strongShare, correctedInCalibratedScore: entry.isCalibrated)
            },
            competencyAverages: averages(entries), notes: notes)
    }

    private static func averages(_ entries: [PositionReport.CandidateEntry]) -> [String: PositionReport.CompetencyAverage] {
        var values: [String: [Double]] = [:]
        for entry in entries {
            for (competency, figure) in entry.competencies { values[competency, default: []].append(figure.mean) }
        }
        return values.mapValues { .init(mean: $0.reduce(0, +) / Double($0.count), candidates: $0.count) }
    }

    /// The rubric version of the most recently submitted scorecard; the folder's version when there is none.
    private static func scoringRubric(_ facts: PositionFacts, currentRubric: Rubric?, notes: inout [String]) throws(ReportError) -> Rubric {
        let newest = facts.provenance.max { ($0.submittedAt ?? .distantPast) < ($1.submittedAt ?? .distantPast) }
        guard let hash = newest?.rubricHash else {
            guard let currentRubric else { throw .rubricMissing(id: facts.position.rubricID) }
            return currentRubric
        }
        guard let yaml = facts.rubricVersions[hash] else { throw .rubricVersionUnusable(hash: hash, reason: "it is not stored") }
        let rubric: Rubric
        do { rubric = try RubricDecoder.decode(yaml: yaml, file: "stored rubric \(hash.prefix(12))") } catch {
            throw .rubricVersionUnusable(hash: hash, reason: error.description)
        }
        let versions = Set(facts.provenance.map(\.rubricHash))
        if versions.count > 1 {
            notes.append(
                "scorecards were made under \(versions.count) versions of rubric \(rubric.id); weights and thresholds are those of version \(rubric.version) (\(hash.prefix(12))), the newest in use"
            )
        }
        if let currentRubric, currentRubric.contentHash != hash {
            notes.append("the rubric file has changed since these scorecards were made; scores use the version they were made under")
        }
        return rubric
    }
}
