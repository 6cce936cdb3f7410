import DebriefCore
import Foundation
import GRDB

/// What a score-sheet import stored.
public struct ScoreImportSummary: Hashable, Sendable, Encodable {
    public var positionsCreated = 0
    public var candidatesCreated = 0
    public var interviewersCreated = 0
    public var roundsCreated = 0
    public var scorecardsSubmitted = 0
    public var scorecardsAmended = 0
    /// Scorecards identical to the current submitted one, left as they were (re-importing a file adds nothing).
    public var scorecardsUnchanged = 0
}

extension AppDatabase {
    /// Stores a score sheet in one transaction: every scorecard, or, if any row cannot be placed,
    /// nothing at all, with every problem reported by line and column.
    ///
    /// Positions are found by title, candidates and interviewers by email, rounds by candidate,
    /// position and kind. Those that do not exist are created only when `createMissing` is set
    /// (new positions use `newPositionRubric`); otherwise they are reported.
    public func importScores(
        _ sheet: ScoreSheet, rubrics: RubricCatalog, createMissing: Bool, newPositionRubric: String?, by principal: Principal
    ) async throws(StoreError) -> ScoreImportSummary {
        try await write { db in
            var importer = ScoreSheetImporter(
                db: db, rubrics: rubrics, createMissing: createMissing, newPositionRubric: newPositionRubric, principal: principal)
            for group in sheet.groups { try importer.place(group) }
            guard importer.problems.isEmpty else { throw StoreError.sheetRejected(ScoreSheetError(importer.problems)) }
            return importer.summary
        }
    }
}

/// Places the groups of a score sheet, inside the caller's transaction.
private struct ScoreSheetImporter {
    let db: Database
    let rubrics: RubricCatalog
    let createMissing: Bool
    let newPositionRubric: String?
    let principal: Principal
    var problems: [ScoreSheetProblem] = []
    var summary = ScoreImportSummary()
    private var positions: [String: Position] = [:]

    init(db: Database, rubrics: RubricCatalog, createMissing: Bool, newPositionRubric: String?, principal: Principal) {
        self.db = db
        self.rubrics = rubrics
        self.createMissing = createMissing
        self.newPositionRubric = newPositionRubric
        self.principal = principal
    }

    mutating func place(_ group: ScoreSheet.Group) throws {
        let hint = "; add it first, or import with create-missing (--create-missing)"
        guard let position = try position(titled: group.position, line: group.line) else { return }
        let rubric: Rubric
        do { rubric = try rubrics.rubric(position.rubricID) } catch {
            return problem(group.line, "position", error.message)
        }
        var candidate = try CandidateRecord.filter(Column("email") == group.candidateEmail.value).fetchOne(db)?.domain()
        if candidate == nil {
            guard createMissing else { return problem(group.line, "candidate_email", "no candidate \(group.candidateEmail)\(hint)") }
            candidate = try AppDatabase.createCandidate(db, Candidate(name: group.candidateName, email: group.candidateEmail), by: principal)
            summary.candidatesCreated += 1
        }
        var interviewer = try UserRecord.filter(Column("email") == group.interviewerEmail.value).fetchOne(db)?.domain()
        if interviewer == nil {
            guard createMissing else { return problem(group.line, "interviewer_email", "no user \(group.interviewerEmail)\(hint)") }
            interviewer = try AppDatabase.createUser(
                db, User(name: group.interviewerEmail.nameGuess, email: group.interviewerEmail, role: .interviewer), by: principal)
            summary.interviewersCreated += 1
        }
        guard let candidate, let interviewer, let candidateID = candidate.id, let interviewerID = interviewer.id else { return }
        guard let roundID = try round(group, candidateID: candidateID, positionID: position.id ?? 0, rubric: rubric, interviewerID: interviewerID)
        else { return }
        do {
            let scorecard = try Scorecard(
                roundID: roundID, interviewerID: interviewerID, state: .submitted, rubricID: rubric.id, rubricHash: rubric.contentHash,
                scale: rubric.ratingScale, ratings: group.ratings, recommendation: group.recommendation, submittedAt: group.submittedAt,
                enteredByID: principal.userID, amendReason: "changed by the score sheet imported at line \(group.line)")
            if try isUnchanged(scorecard) {
                summary.scorecardsUnchanged += 1
                return
            }
            let stored = try AppDatabase.saveScorecard(db, scorecard, rubric: rubric, by: principal).scorecard
            if stored.version > 1 { summary.scorecardsAmended += 1 } else { summary.scorecardsSubmitted += 1 }
        } catch let error as FieldError {
            problem(group.line, Self.column(for: error), error.message)
        } catch StoreError.invalid(let error) {
            problem(group.line, Self.column(for: error), error.message)
        }
    }

    /// The sheet column a domain complaint is about.
    private static func column(for error: FieldError) -> String {
        switch error.field {
        case let field where field.hasPrefix("rating"): "rating"
        case "candidate": "candidate_email"
        case "kind": "round"
        case "rubric": "position"
        default: error.field
        }
    }

    private mutating func position(titled title: String, line: Int) throws -> Position? {
        if let known = positions[title.lowercased()] { return known }
        if let record = try PositionRecord.filter(sql: "title = ? COLLATE NOCASE", arguments: [title]).order(Column("id")).fetchOne(db) {
            positions[title.lowercased()] = try record.domain()
            return positions[title.lowercased()]
        }
        guard createMissing else {
            problem(line, "position", "no position titled '\(title)'; add it first or pass --create-missing --rubric ID")
            return nil
        }
        guard let rubricID = newPositionRubric else {
            problem(line, "position", "'\(title)' would be created, but no rubric was named for it; pass --rubric ID")
            return nil
        }
        do { _ = try rubrics.rubric(rubricID) } catch {
            problem(line, "position", "'\(title)' would be created, but \(error.message)")
            return nil
        }
        let created = try AppDatabase.createPosition(db, Position(title: title, rubricID: rubricID), by: principal)
        summary.positionsCreated += 1
        positions[title.lowercased()] = created
        return created
    }

    /// The latest round of this kind for the candidate and position, with the interviewer on its panel.
    private mutating func round(
        _ group: ScoreSheet.Group, candidateID: Int64, positionID: Int64, rubric: Rubric, interviewerID: Int64
    ) throws -> Int64? {
        let existing = try RoundRecord.filter(
            Column("candidate_id") == candidateID && Column("position_id") == positionID && Column("kind") == group.round.rawValue
        ).order(Column("scheduled_at").desc, Column("id").desc).fetchOne(db)
        guard let existing, let roundID = existing.id else {
            guard createMissing else {
                problem(
                    group.line, "round",
                    "\(group.candidateEmail) has no \(group.round) round for '\(group.position)'; schedule it first or pass --create-missing")
                return nil
            }
            do {
                let round = try Round(
                    candidateID: candidateID, positionID: positionID, kind: group.round, scheduledAt: group.submittedAt,
                    interviewerIDs: [interviewerID])
                let created = try AppDatabase.createRound(db, round, rubric: rubric, by: principal)
                summary.roundsCreated += 1
                return created.id
            } catch StoreError.invalid(let error) {
                problem(group.line, Self.column(for: error), error.message)
            } catch let error as FieldError {
                problem(group.line, Self.column(for: error), error.message)
            }
            return nil
        }
        let onPanel = try RoundInterviewerRecord.filter(Column("round_id") == roundID && Column("user_id") == interviewerID).fetchCount(db) > 0
        if !onPanel {
            guard createMissing else {
                problem(
                    group.line, "interviewer_email",
                    "\(group.interviewerEmail) is not on the panel of round #\(roundID); add them or pass --create-missing")
                return nil
            }
            try RoundInterviewerRecord(roundId: roundID, userId: interviewerID).insert(db)
            try AuditLog.record(
                db, by: principal, action: "add interviewer", entity: "round", entityID: roundID, after: ["interviewer": group.interviewerEmail.value]
            )
        }
        return roundID
    }

    private func isUnchanged(_ scorecard: Scorecard) throws -> Bool {
        guard
            let current = try ScorecardRecord.filter(
                Column("round_id") == scorecard.roundID && Column("interviewer_id") == scorecard.interviewerID && Column("state") == "submitted"
            ).order(Column("version").desc).fetchOne(db), let id = current.id
        else { return false }
        let ratings = try RatingRecord.filter(Column("scorecard_id") == id).fetchAll(db).map { try $0.domain() }
        return current.recommendation == scorecard.recommendation?.rawValue && current.rubricHash == scorecard.rubricHash
            && Set(ratings) == Set(scorecard.ratings)
    }

    private mutating func problem(_ line: Int, _ column: String, _ message: String) {
        problems.append(ScoreSheetProblem(line: line, column: column, message))
    }
}
