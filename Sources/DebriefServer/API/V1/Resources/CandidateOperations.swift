import DebriefCore
import DebriefService
import DebriefStore
import Foundation

/// `/api/v1/candidates`: the pipeline's people, their details and their moves along it.
enum CandidateOperations {
    private struct NewCandidate: Decodable {
        let name: String
        let email: String
        let phone: String?
        let source: String?
    }

    private struct StageMove: Decodable {
        let stage: String
    }

    static func all(_ service: DebriefService) -> [APIOperation] {
        [
            APIOperation(
                method: .get, path: "/api/v1/candidates", operationID: "listCandidates", tag: "Candidates",
                summary: "List candidates, filtered and sorted, a page at a time", access: "recruiters and admins",
                parameters: APIParameters.list + [
                    .query("q", .string(maxLength: 200), "part of a name or an email, any case"),
                    .query("position", .id, "only candidates with a round for this position"),
                    .query("stage", .string(oneOf: APISchemas.stages), "only candidates in this stage"),
                    .query("interviewer", .id, "only candidates with a round on this user's panel"),
                    .query("created_from", .dateTime, "only candidates added at or after this time"),
                    .query("created_before", .dateTime, "only candidates added before this time"),
                    .query(
                        "sort", .string(oneOf: CandidateListQuery.Order.allCases.map(\.rawValue)), "the order: id (default), name; - for descending"),
                ],
                outcomes: [.init(status: .ok, description: "a page of candidates", schema: APISchemas.page(of: "Candidate"))]
            ) { input in
                let order = CandidateListQuery.Order(rawValue: input.query("sort") ?? "id") ?? .id
                let query = CandidateListQuery(
                    filter: CandidateFilter(
                        text: input.query("q"), positionID: input.integer("position"),
                        stage: input.query("stage").flatMap(PipelineStage.init(rawValue:))),
                    interviewerID: input.integer("interviewer"), createdFrom: input.date("created_from"), createdBefore: input.date("created_before"),
                    order: order, after: try APIPage<Candidate>.cursor(input, as: CandidateListQuery.Position.self),
                    limit: APIPage<Candidate>.limit(input))
                let (candidates, more) = try await service.candidates(query, by: try input.principal)
                let last = candidates.last.map {
                    CandidateListQuery.Position(name: order == .id || order == .idDescending ? nil : $0.name, id: $0.id ?? 0)
                }
                return try APIPage.reply(candidates, after: last, more: more, for: input)
            },
            APIOperation(
                method: .post, path: "/api/v1/candidates", operationID: "createCandidate", tag: "Candidates",
                summary: "Add a candidate (in the applied stage)", access: "recruiters and admins", body: .json(.ref("NewCandidate")),
                outcomes: [
                    .init(
                        status: .created, description: "the candidate as stored", schema: .ref("Candidate"),
                        links: [("getCandidate", "candidate", "/id"), ("updateCandidate", "candidate", "/id"), ("moveCandidate", "candidate", "/id")])
                ]
            ) { input in
                let body = try input.decode(NewCandidate.self)
                let candidate = try Candidate(name: body.name, email: EmailAddress(body.email), phone: body.phone, source: body.source)
                let stored = try await service.addCandidate(candidate, by: try input.principal)
                return try APIReply.json(stored, status: .created, location: "/api/v1/candidates/\(stored.id ?? 0)")
            },
            APIOperation(
                method: .get, path: "/api/v1/candidates/{candidate}", operationID: "getCandidate", tag: "Candidates",
                summary: "One candidate", access: "recruiters and admins",
                outcomes: [.init(status: .ok, description: "the candidate; its ETag is what a PATCH names in If-Match", schema: .ref("Candidate"))]
            ) { input in
                try APIReply.json(try await service.candidate(try input.id("candidate"), by: try input.principal))
            },
            APIOperation(
                method: .patch, path: "/api/v1/candidates/{candidate}", operationID: "updateCandidate", tag: "Candidates",
                summary: "Change a candidate's name, email, phone or source", access: "recruiters and admins",
                body: .mergePatch(.ref("CandidatePatch")),
                outcomes: [.init(status: .ok, description: "the candidate as it is now", schema: .ref("Candidate"))]
            ) { input in
                let edit = CandidateEdit(
                    name: input.member("name")?.text, email: try input.member("email")?.text.map { try EmailAddress($0) },
                    phone: input.member("phone").map(\.text), source: input.member("source").map(\.text))
                let ifMatch = input.ifMatch ?? ""
                let stored = try await service.updateCandidate(try input.id("candidate"), edit, by: try input.principal) { current in
                    try APIPreconditions.require(ifMatch, matches: current, entity: "candidate", key: "#\(current.id ?? 0)")
                }
                return try APIReply.json(stored)
            },
            APIOperation(
                method: .post, path: "/api/v1/candidates/{candidate}/stage", operationID: "moveCandidate", tag: "Candidates",
                summary: "Move a candidate along the pipeline; moves the pipeline forbids are refused with the ones it allows",
                access: "recruiters and admins", body: .json(.ref("StageMove")),
                outcomes: [.init(status: .ok, description: "the candidate in their new stage", schema: .ref("Candidate"))]
            ) { input in
                let stage = try PipelineStage(parsing: try input.decode(StageMove.self).stage)
                return try APIReply.json(try await service.moveCandidate(.id(try input.id("candidate")), to: stage, by: try input.principal))
            },
            APIOperation(
                method: .get, path: "/api/v1/candidates/{candidate}/personal-data", operationID: "exportCandidateData", tag: "Candidates",
                summary: "Everything Debrief holds about a candidate (a subject access request)", access: "recruiters and admins",
                outcomes: [.init(status: .ok, description: "the record, rounds, scorecards and audit events", schema: .ref("PersonalData"))]
            ) { input in
                try APIReply.json(try await service.personalData(of: .id(try input.id("candidate")), by: try input.principal))
            },
            APIOperation(
                method: .delete, path: "/api/v1/candidates/{candidate}/personal-data", operationID: "eraseCandidateData", tag: "Candidates",
                summary: "Erase a candidate's personal data everywhere, keeping anonymised ratings; cannot be undone", access: "admins",
                outcomes: [.init(status: .ok, description: "what the erasure changed, in counts", schema: .ref("Erasure"))]
            ) { input in
                try APIReply.json(try await service.erasePersonalData(of: .id(try input.id("candidate")), by: try input.principal))
            },
        ]
    }
}
