import DebriefCore
import GRDB

/// A position's current submitted scorecards and its rounds' panels, read with one statement each.
///
/// A large position holds hundreds of thousands of scorecards and a million ratings. Looking them
/// up by lists of ids (ten thousand at a time) and reading columns by name cost most of a report's
/// time; these read the position's rows through joins and their columns by position.
extension AppDatabase {
    /// Which rows of `scorecard s` (joined to its `round r`) count: each round's interviewer's latest
    /// submitted version, for the position, and only the candidate's rounds when given.
    static func currentScorecards(positionID: Int64, candidateID: Int64?) -> (condition: String, arguments: StatementArguments) {
        let rounds = ofPosition(positionID, candidateID: candidateID)
        return (rounds.condition + " AND " + latestSubmitted, rounds.arguments)
    }

    /// Which rows of `scorecard s` are each round's interviewer's latest submitted version, in any position.
    static let latestSubmitted = """
        s.state = 'submitted'
          AND s.version = (SELECT max(version) FROM scorecard x
                           WHERE x.round_id = s.round_id AND x.interviewer_id = s.interviewer_id AND x.state = 'submitted')
        """

    /// The rounds `r` of the position, and only the candidate's when given. Two spellings rather than
    /// `(? IS NULL OR r.candidate_id = ?)`, which keeps SQLite from using the candidate's index.
    static func ofPosition(_ positionID: Int64, candidateID: Int64?) -> (condition: String, arguments: StatementArguments) {
        guard let candidateID else { return ("r.position_id = ?", [positionID]) }
        return ("r.candidate_id = ? AND r.position_id = ?", [candidateID, positionID])
    }

    /// The position's current submitted scorecards; only `candidateID`'s when given.
    static func submittedScorecards(_ db: Database, positionID: Int64, candidateID: Int64? = nil) throws -> [DossierScorecard] {
        let reader = SubmittedScorecardReader(positionID: positionID, candidateID: candidateID)
        let count = ScorecardRecord.orderedColumnCount
        var texts = ScorecardRecord.OrderedTexts(), kinds = TextNumbering()
        let (numbered, ids) = try reader.scorecards(db, columns: "\(ScorecardRecord.orderedColumns), r.candidate_id, r.kind") { raw in
            (
                record: ScorecardRecord(ordered: raw, texts: &texts), candidateID: raw.int64(Int32(count)),
                kind: kinds.number(of: raw.text(Int32(count + 1)))
            )
        }
        let kindOf = try kinds.texts.map { try RoundKind(parsing: $0) }
        let heads = numbered.map { (record: $0.record, candidateID: $0.candidateID, kind: kindOf[$0.kind]) }
        // The ratings in one flat list, grouped by scorecard afterwards: an array per scorecard,
        // grown as its ratings arrived, was a tenth of reading a 240,000-scorecard position.
        var ratings: [Rating] = [], ratingIDs: [Int64] = [], cardOf: [Int32] = []
        var competencies = TextNumbering()
        try reader.ratings(db, of: ids, columns: "ra.id, ra.competency_id, ra.question_id, ra.value, ra.note") { row, card in
            ratings.append(
                try Rating(
                    competencyID: competencies.string(of: row.text(1)), questionID: row.isNull(2) ? nil : row.int64(2),
                    value: row.isNull(3) ? .noSignal : .point(Int(row.int64(3))),
                    note: row.isNull(4) ? nil : String(decoding: row.text(4), as: UTF8.self)))
            ratingIDs.append(row.int64(0))
            cardOf.append(Int32(card))
        }
        let byCard = IndexGroups(keys: cardOf, keyCount: heads.count)
        return try heads.indices.map { index in
            // In the order they were stored, as a scorecard read on its own has them (a scan reads them so).
            var members = Array(byCard.members(of: index))
            if !zip(members, members.dropFirst()).allSatisfy({ ratingIDs[Int($0)] < ratingIDs[Int($1)] }) {
                members.sort { ratingIDs[Int($0)] < ratingIDs[Int($1)] }
            }
            let own = members.map { ratings[Int($0)] }
            return DossierScorecard(
                scorecard: try heads[index].record.domain(ratings: own), candidateID: heads[index].candidateID, roundKind: heads[index].kind)
        }
    }

    /// The position's rounds, in schedule order, each with its panel; only `candidateID`'s when given.
    static func rounds(_ db: Database, positionID: Int64, candidateID: Int64? = nil) throws -> [Round] {
        // Each round's panel arrives together, in user order (the table's key order), and becomes
        // one array of its size: an array per round grown as its people arrived was most of what
        // reading a large position's rounds allocated.
        var panels: [Int64: [Int64]] = [:], panel: [Int64] = [], panelRound: Int64?
        let rounds = ofPosition(positionID, candidateID: candidateID)
        try RawRow.forEach(
            db,
            sql: """
                SELECT ri.round_id, ri.user_id FROM round_interviewer ri JOIN round r ON r.id = ri.round_id WHERE \(rounds.condition)
                ORDER BY ri.round_id, ri.user_id
                """, arguments: rounds.arguments
        ) { link in
            let round = link.int64(0)
            if round != panelRound, let finished = panelRound {
                panels[finished] = panel
                panel.removeAll(keepingCapacity: true)
            }
            panelRound = round
            panel.append(link.int64(1))
        }
        if let finished = panelRound { panels[finished] = panel }
        var request = RoundRecord.filter(Column("position_id") == positionID)
        if let candidateID { request = request.filter(Column("candidate_id") == candidateID) }
        let records = try request.order(Column("scheduled_at"), Column("id")).fetchAll(db)
        return try records.map { try $0.domain(interviewerIDs: panels[$0.id ?? -1] ?? []) }
    }

    /// The version of what the position's report shows (see `ReportDataVersionMigration`).
    public func reportDataVersion(positionID: Int64) async throws(StoreError) -> ReportDataVersion {
        // One statement, two rows by key: looked up on the calling thread (every cached report asks).
        try lookUp { db in try Self.reportDataVersion(db, positionID: positionID) }
    }

    static func reportDataVersion(_ db: Database, positionID: Int64) throws -> ReportDataVersion {
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT (SELECT version FROM report_data_version WHERE position_id = ?),
                           (SELECT version FROM report_data_version WHERE position_id = 0)
                    """), arguments: [positionID])
        return ReportDataVersion(position: row?[0] ?? 0, shared: row?[1] ?? 0)
    }

    /// How many ratings the position's scorecards hold (every state and version; every position's
    /// when `positionID` is nil): what its report reads at most, counted over the indexes without reading a row.
    public func ratingCount(positionID: Int64?) async throws(StoreError) -> Int {
        try await read { db in
            guard let positionID else { return try Int.fetchOne(db, sql: "SELECT count(*) FROM rating") ?? 0 }
            return try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM round r JOIN scorecard s ON s.round_id = r.id JOIN rating g ON g.scorecard_id = s.id
                    WHERE r.position_id = ?
                    """, arguments: [positionID]) ?? 0
        }
    }

    /// How many ratings the scorecards of every position that uses `rubricID` hold (every state and version).
    public func ratingCount(rubricID: String) async throws(StoreError) -> Int {
        try await read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM position p JOIN round r ON r.position_id = p.id JOIN scorecard s ON s.round_id = r.id
                    JOIN rating g ON g.scorecard_id = s.id WHERE p.rubric_id = ?
                    """, arguments: [rubricID]) ?? 0
        }
    }

    /// Calls `body` with each current submitted rating of the position, in the order of the
    /// dossier's scorecards (round, interviewer, then as stored), from one snapshot, a row at a
    /// time: a million ratings never sit in memory together. Returns the position's title first.
    public func eachPositionRating(
        positionID: Int64, title: @escaping @Sendable (String) throws -> Void, _ body: @escaping @Sendable (PositionRatingRow) throws -> Void
    ) async throws(StoreError) {
        try await read { db in
            try title(try Self.fetchPosition(db, id: positionID).title)
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT c.name, c.email, s.round_id, r.kind, u.email, s.recommendation, ra.competency_id, q.text, ra.value, s.submitted_at
                    FROM scorecard s JOIN round r ON r.id = s.round_id JOIN rating ra ON ra.scorecard_id = s.id
                    JOIN candidate c ON c.id = r.candidate_id JOIN user u ON u.id = s.interviewer_id
                    LEFT JOIN question q ON q.id = ra.question_id
                    WHERE \(Self.currentScorecards(positionID: positionID, candidateID: nil).condition)
                    ORDER BY s.round_id, s.interviewer_id, ra.id
                    """,
                arguments: [positionID])
            while let row = try rows.next() {
                try body(
                    PositionRatingRow(
                        candidateName: row[0], candidateEmail: row[1], roundID: row[2], roundKind: row[3], interviewerEmail: row[4],
                        recommendation: row[5], competencyID: row[6], question: row[7], value: row[8], submittedAt: row[9]))
            }
        }
    }
}
