import DebriefCore
import DebriefReports

extension DebriefService {
    /// The position's report, from the cache when nothing it shows has changed since it was built.
    /// Without `studyingReliability` (for a format that does not show the study), a report not in
    /// the cache is built without it, and not kept.
    public func positionReport(_ positionID: Int64, studyingReliability: Bool = true) async throws -> PositionReport {
        let version = try await database.reportDataVersion(positionID: positionID)
        guard !studyingReliability else { return try await positionReport(positionID, version: version) }
        if let kept = reportCache.report(positionID, version: version) { return kept }
        return try await buildPositionReport(positionID, studyingReliability: false)
    }

    /// The report for data at `version` or newer: the cached one of exactly `version`, else a build
    /// (shared with requests that read the same version).
    private func positionReport(_ positionID: Int64, version: ReportDataVersion) async throws -> PositionReport {
        if let kept = reportCache.report(positionID, version: version) { return kept }
        return try await reportBuilds.value(for: ReportKey(positionID: positionID, version: version)) { try await buildPositionReport(positionID) }
    }

    /// Builds the position's report from its facts alone and keeps it in the cache (only whole: with
    /// the reliability study), within the service's heavy-work limits.
    private func buildPositionReport(_ positionID: Int64, studyingReliability: Bool = true) async throws -> PositionReport {
        let ratings = try await database.ratingCount(positionID: positionID)
        return try await heavyWork.run("position report", estimatedBytes: HeavyWorkLimits.positionReportBytes(ratings: ratings)) {
            let facts = try await database.positionFacts(positionID: positionID)
            let report = try PositionReportBuilder.build(
                facts, currentRubric: try? rubrics?.rubric(facts.position.rubricID), studyingReliability: studyingReliability)
            if studyingReliability, let version = facts.dataVersion { reportCache.keep(report, of: positionID, version: version) }
            return report
        }
    }

    /// The position's report rendered in `format` (without links to candidate pages, as the API
    /// serves it), with its digest, kept beside the cached report. Requests arriving together for a
    /// rendering not kept yet share one.
    public func renderedPositionReport(_ positionID: Int64, format: ReportFormat) async throws -> RenderedReport {
        let version = try await database.reportDataVersion(positionID: positionID)
        if let kept = reportCache.rendered(positionID, version: version, format: format) { return kept }
        let key = RenderingKey(report: ReportKey(positionID: positionID, version: version), format: format)
        return try await reportRenderings.value(for: key) {
            let rendered = RenderedReport(text: try format.render(try await positionReport(positionID, version: version)))
            // Kept only if the cached report is still the one of `version`; a newer one replaces it.
            reportCache.keep(rendered, rendering: positionID, version: version, format: format)
            return rendered
        }
    }

    /// The position's dossier and its report, both of one data version (for batches of candidate
    /// reports, which need the dossier too); the report is kept in the cache. A large position's
    /// build runs only within the service's heavy-work limits.
    ///
    /// The dossier, every rating with its note, is read on one connection while the report is built
    /// from its facts, read on others: reading the dossier keeps one core busy, and the report's
    /// scoring used to wait for it. When a write came between the two reads, the report is built
    /// again from the dossier. Without `studyingReliability` the report leaves the reliability study
    /// out (for a format that does not show it) and is not kept.
    public func positionDossierAndReport(
        _ positionID: Int64, studyingReliability: Bool = true
    ) async throws -> (dossier: PositionDossier, report: PositionReport) {
        let ratings = try await database.ratingCount(positionID: positionID)
        return try await heavyWork.run("position report", estimatedBytes: HeavyWorkLimits.dossierAndReportBytes(ratings: ratings)) {
            async let reading = database.positionDossierReadInParallel(positionID: positionID)
            let facts = try await database.positionFacts(positionID: positionID)
            let current = try? rubrics?.rubric(facts.position.rubricID)
            let fromFacts = try PositionReportBuilder.build(facts, currentRubric: current, studyingReliability: studyingReliability)
            let dossier = try await reading
            let report =
                dossier.dataVersion == facts.dataVersion
                ? fromFacts
                : try PositionReportBuilder.build(
                    dossier, currentRubric: try? rubrics?.rubric(dossier.position.rubricID), studyingReliability: studyingReliability)
            if studyingReliability, let version = dossier.dataVersion { reportCache.keep(report, of: positionID, version: version) }
            return (dossier, report)
        }
    }

    /// One candidate's report within a position; an unknown candidate is "no candidate #N".
    ///
    /// Reads only the candidate's part of the position, and takes the position's figures (ranks,
    /// percentiles, averages) from its cached report when that was built from the same data.
    public func candidateReport(_ candidateID: Int64, position positionID: Int64) async throws -> CandidateReport {
        _ = try await database.candidate(.id(candidateID))
        let own = try await database.positionDossier(positionID: positionID, candidateID: candidateID)
        func fromCachedPosition() throws -> CandidateReport? {
            guard let version = own.dataVersion, let report = reportCache.report(positionID, version: version) else { return nil }
            return try CandidateReportBuilder.build(own, position: report, candidateID: candidateID)
        }
        if let kept = try fromCachedPosition() { return kept }
        // Not cached for this data: build the position's report, which caches it, usually of the same data.
        _ = try await positionReport(positionID)
        if let built = try fromCachedPosition() { return built }
        // A write landed between the two reads: build both from one snapshot instead.
        let (dossier, report) = try await positionDossierAndReport(positionID)
        return try CandidateReportBuilder.build(dossier, position: report, candidateID: candidateID)
    }

    /// One candidate's report, for the position given or the only one they interview for.
    public func candidateReport(_ reference: CandidateReference, position: Int64?) async throws -> CandidateReport {
        let person = try await database.candidate(reference)
        let candidateID = person.id ?? 0
        if let position { return try await candidateReport(candidateID, position: position) }
        let positions = Array(Set(try await database.rounds(candidateID: candidateID).map(\.positionID))).sorted()
        guard positions.count == 1 else { throw ServiceError.noPositionFor(candidate: person.name, positions: positions) }
        return try await candidateReport(candidateID, position: positions[0])
    }
}

/// A report as text, with the SHA-256 of its UTF-8 worked out once: a cached report is sent many
/// times, and hashing half a megabyte for each request's entity tag was most of serving it.
public struct RenderedReport: Sendable {
    public let text: String
    /// The SHA-256 of `text`'s UTF-8, as 64 lower-case hex digits.
    public let digest: String

    public init(text: String) {
        self.text = text
        digest = SHA256.hex(of: Array(text.utf8))
    }
}

extension DebriefService {
    /// Which questions of the bank give signal: the health of every question rated in the position
    /// (in every position when `positionID` is nil), and only of questions of `setID` when given.
    /// Built within the service's heavy-work limits; an unknown position is "no position #N".
    public func questionHealthReport(position positionID: Int64?, set setID: Int64? = nil) async throws -> QuestionHealthReport {
        if let setID { _ = try await database.questionSet(id: setID) }
        let ratings = try await database.ratingCount(positionID: positionID)
        return try await heavyWork.run("question health report", estimatedBytes: HeavyWorkLimits.questionHealthBytes(ratings: ratings)) {
            QuestionHealthReportBuilder.build(try await database.questionHealthFacts(positionID: positionID, setID: setID))
        }
    }
}

extension DebriefService {
    /// How much the rubric's scores can be trusted across every position that uses it: the
    /// reliability study of their pooled scorecards, within the service's heavy-work limits. A
    /// rubric no position uses is "no position using rubric ID".
    public func rubricReliabilityReport(_ rubricID: String) async throws -> RubricReliabilityReport {
        let ratings = try await database.ratingCount(rubricID: rubricID)
        return try await heavyWork.run("rubric reliability study", estimatedBytes: HeavyWorkLimits.positionReportBytes(ratings: ratings)) {
            RubricReliabilityReportBuilder.build(try await database.rubricStudyFacts(rubricID: rubricID), rubric: try? rubrics?.rubric(rubricID))
        }
    }
}
