import DebriefCore
import DebriefStore

extension DebriefService {
    /// Imports a score sheet (the CSV of `debrief scores import`, parsed) in one transaction: every
    /// scorecard, or nothing with every problem by line and column (`StoreError.sheetRejected`).
    /// Positions `createMissing` adds use `newPositionRubric`.
    public func importScoreSheet(
        _ sheet: ScoreSheet, createMissing: Bool, newPositionRubric: String?, by principal: Principal
    ) async throws -> ScoreImportSummary {
        try require(.managePipeline, principal)
        let rubrics = try catalog()
        if let newPositionRubric { _ = try rubrics.rubric(newPositionRubric) }
        return try await database.importScores(
            sheet, rubrics: rubrics, createMissing: createMissing, newPositionRubric: newPositionRubric, by: principal)
    }
}

extension DebriefService {
    /// A score sheet's CSV text, parsed and imported as `importScoreSheet` does; the caller's right to
    /// import is checked before the sheet is read, so nobody learns from its problems what they may not do.
    public func importScoreSheet(
        csv text: String, createMissing: Bool, newPositionRubric: String?, by principal: Principal
    ) async throws -> ScoreImportSummary {
        try require(.managePipeline, principal)
        return try await importScoreSheet(
            try ScoreSheet(csv: text), createMissing: createMissing, newPositionRubric: newPositionRubric, by: principal)
    }
}

extension ScoreImportSummary {
    /// "12 scorecards submitted, 1 amended, 0 unchanged. Created …", the words the CLI and the page show.
    public var summary: String {
        """
        \(scorecardsSubmitted) scorecards submitted, \(scorecardsAmended) amended, \(scorecardsUnchanged) unchanged.
        Created \(positionsCreated) positions, \(candidatesCreated) candidates, \(interviewersCreated) interviewers, \(roundsCreated) rounds.
        """
    }
}
