import DebriefCore
import DebriefService
import Foundation

/// `/api/v1/rounds`: interviews with their panels, and the scorecards of each.
enum RoundOperations {
    private struct NewRound: Decodable {
        let candidateId: Int64
        let positionId: Int64
        let kind: String
        let scheduledAt: Date
        let interviewers: [String]
        let questionSetId: Int64?
    }

    private struct NewScorecard: Decodable {
        struct RatingInput: Decodable {
            let competencyId: String
            let questionId: Int64?
            let value: Int?
            let note: String?
        }
        let roundId: Int64
        let interviewer: String?
        let ratings: [RatingInput]
        let recommendation: String?
        let notes: String?
        let draft: Bool?
        let amendReason: String?
    }

    static func all(_ service: DebriefService) -> [APIOperation] {
        [
            APIOperation(
                method: .get, path: "/api/v1/rounds", operationID: "listRounds", tag: "Rounds",
                summary: "List rounds by scheduled time; an interviewer sees the rounds whose panel they sit on",
                access: "anyone signed in (interviewers: their own rounds)",
                parameters: APIParameters.list + [
                    .query("candidate", .id, "only this candidate's rounds"), .query("position", .id, "only rounds for this position"),
                    .query("interviewer", .id, "only rounds with this user on the panel"),
                    .query("scheduled_from", .dateTime, "only rounds at or after this time"),
                    .query("scheduled_before", .dateTime, "only rounds before this time"),
                ],
                outcomes: [.init(status: .ok, description: "a page of rounds", schema: APISchemas.page(of: "Round"))]
            ) { input in
                let from = input.date("scheduled_from")
                let before = input.date("scheduled_before")
                let rounds = try await service.rounds(
                    candidateID: input.integer("candidate"), positionID: input.integer("position"), interviewerID: input.integer("interviewer"),
                    by: try input.principal
                ).filter { (from == nil || $0.scheduledAt >= from!) && (before == nil || $0.scheduledAt < before!) }
                return try APIPage.slice(rounds.sorted { $0.id ?? 0 < $1.id ?? 0 }, id: { $0.id ?? 0 }, for: input)
            },
            APIOperation(
                method: .post, path: "/api/v1/rounds", operationID: "scheduleRound", tag: "Rounds",
                summary: "Schedule a round of a kind the position's rubric plans, with its panel and optional question set",
                access: "recruiters and admins", body: .json(.ref("NewRound")),
                outcomes: [
                    .init(
                        status: .created, description: "the round as stored", schema: .ref("Round"),
                        links: [
                            ("getRound", "round", "/id"), ("updateRound", "round", "/id"), ("getRoundKit", "round", "/id"),
                            ("listScorecards", "round", "/id"),
                        ])
                ]
            ) { input in
                let body = try input.decode(NewRound.self)
                let request = RoundRequest(
                    candidate: .id(body.candidateId), positionID: body.positionId, kind: try RoundKind(parsing: body.kind),
                    scheduledAt: body.scheduledAt,
                    interviewers: try body.interviewers.map { try EmailAddress($0) }, questionSetID: body.questionSetId)
                let (round, _) = try await service.scheduleRound(request, by: try input.principal)
                return try APIReply.json(round, status: .created, location: "/api/v1/rounds/\(round.id ?? 0)")
            },
            APIOperation(
                method: .get, path: "/api/v1/rounds/{round}", operationID: "getRound", tag: "Rounds",
                summary: "One round", access: "its panel, recruiters and admins",
                outcomes: [.init(status: .ok, description: "the round; its ETag is what a PATCH names in If-Match", schema: .ref("Round"))]
            ) { input in
                try APIReply.json(try await service.visibleRound(try input.id("round"), by: try input.principal))
            },
            APIOperation(
                method: .patch, path: "/api/v1/rounds/{round}", operationID: "updateRound", tag: "Rounds",
                summary: "Move a round or change its panel", access: "recruiters and admins", body: .mergePatch(.ref("RoundPatch")),
                outcomes: [.init(status: .ok, description: "the round as it is now", schema: .ref("Round"))]
            ) { input in
                let principal = try input.principal
                let id = try input.id("round")
                let current = try await service.round(id, by: principal)
                let people = try await service.users(by: principal)
                let emails =
                    try input.member("interviewers").map { value -> [EmailAddress] in
                        guard case .array(let items) = value else { return [] }
                        return try items.compactMap(\.text).map { try EmailAddress($0) }
                    } ?? current.interviewerIDs.compactMap { id in people.first { $0.id == id }?.email }
                let scheduledAt = input.member("scheduled_at")?.text.flatMap(ISO8601Parsing.date) ?? current.scheduledAt
                let ifMatch = input.ifMatch ?? ""
                let change = RoundChange(roundID: id, scheduledAt: scheduledAt, interviewers: emails) { stored in
                    try APIPreconditions.require(ifMatch, matches: stored, entity: "round", key: "#\(id)")
                }
                return try APIReply.json(try await service.changeRound(change, by: principal))
            },
            APIOperation(
                method: .get, path: "/api/v1/rounds/{round}/kit", operationID: "getRoundKit", tag: "Rounds",
                summary:
                    "The round's interview kit: who and for what, the competencies with their anchors, the questions, the caller's own scorecard",
                access: "its panel, recruiters and admins",
                outcomes: [.init(status: .ok, description: "the kit", schema: .ref("RoundKit"))]
            ) { input in
                let kit = try await service.roundKit(try input.id("round"), for: try input.principal)
                return try APIReply.json(
                    Kit(
                        round: kit.round, candidateName: kit.candidateName, positionTitle: kit.positionTitle, rubricId: kit.rubric.id,
                        scale: kit.rubric.scale, competencies: kit.competencies.map(RubricOperations.CompetencyResource.init),
                        questionSet: kit.questions, myScorecard: kit.mine))
            },
            APIOperation(
                method: .get, path: "/api/v1/rounds/{round}/scorecards", operationID: "listScorecards", tag: "Scorecards",
                summary: "A round's scorecards, blind: an interviewer sees colleagues' only after submitting their own",
                access: "its panel, recruiters and admins",
                parameters: [
                    .query("history", .boolean, "every version of each scorecard, not only the current one"),
                    .query("state", .string(oneOf: ["draft", "submitted"]), "only scorecards in this state"),
                ],
                outcomes: [
                    .init(
                        status: .ok, description: "the scorecards the caller may read",
                        schema: .object([("items", .array(.ref("Scorecard")))], required: ["items"]))
                ]
            ) { input in
                let principal = try input.principal
                let round = try await service.visibleRound(try input.id("round"), by: principal)
                let cards = try await service.scorecards(roundID: round.id ?? 0, visibleTo: principal, history: input.query("history") == "true")
                let state = input.query("state").flatMap(ScorecardState.init(rawValue:))
                return try APIReply.json(APIList(items: cards.filter { state == nil || $0.state == state }))
            },
            APIOperation(
                method: .post, path: "/api/v1/scorecards", operationID: "submitScorecard", tag: "Scorecards",
                summary: "Save a draft, submit, or amend a scorecard; a recruiter may log one on a panel member's behalf",
                access: "the interviewer on the round's panel; recruiters and admins on their behalf", body: .json(.ref("NewScorecard")),
                outcomes: [.init(status: .created, description: "the scorecard as stored (a new version when amending)", schema: .ref("Scorecard"))]
            ) { input in
                let principal = try input.principal
                let body = try input.decode(NewScorecard.self)
                let ratings = try body.ratings.enumerated().map { index, rating in
                    do {
                        return try Rating(
                            competencyID: rating.competencyId, questionID: rating.questionId, value: rating.value.map(RatingValue.point) ?? .noSignal,
                            note: rating.note)
                    } catch {
                        throw Problem.validation([FieldProblem(field: "/ratings/\(index)", detail: String(describing: error))])
                    }
                }
                // Without one, the signed-in person's own scorecard (the service refuses a caller who is not a user).
                let submission = ScorecardSubmission(
                    roundID: body.roundId, interviewer: try body.interviewer.map { try EmailAddress($0) }, ratings: ratings,
                    recommendation: try body.recommendation.map { try Recommendation(parsing: $0) }, notes: body.notes, draft: body.draft ?? false,
                    amendReason: body.amendReason)
                let saved = try await service.submitScorecard(submission, by: principal)
                return APIReply.json(encoded: Data(saved.json.utf8), status: .created, location: "/api/v1/rounds/\(body.roundId)/scorecards")
            },
        ]
    }

    private struct Kit: Encodable {
        let round: Round
        let candidateName: String
        let positionTitle: String
        let rubricId: String
        let scale: [ScalePoint]
        let competencies: [RubricOperations.CompetencyResource]
        let questionSet: QuestionSet?
        let myScorecard: Scorecard?
    }
}
