import DebriefCore
import DebriefReports
import DebriefService
import Foundation
import Hummingbird

/// `/api/v1/positions` and their reports.
enum PositionOperations {
    private struct NewPosition: Decodable {
        let title: String
        let level: String?
        let rubricId: String
    }

    static let reportTypes = ReportFormat.allCases.map { String($0.contentType.split(separator: ";")[0]) }

    static func all(_ service: DebriefService) -> [APIOperation] {
        [
            APIOperation(
                method: .get, path: "/api/v1/positions", operationID: "listPositions", tag: "Positions",
                summary: "List positions, oldest first", access: "anyone signed in", parameters: APIParameters.list,
                outcomes: [.init(status: .ok, description: "a page of positions", schema: APISchemas.page(of: "Position"))]
            ) { input in
                _ = try input.principal
                return try APIPage.slice(try await service.positions(), id: { $0.id ?? 0 }, for: input)
            },
            APIOperation(
                method: .post, path: "/api/v1/positions", operationID: "createPosition", tag: "Positions",
                summary: "Open a position scored against one of the rubrics", access: "recruiters and admins", body: .json(.ref("NewPosition")),
                outcomes: [
                    .init(
                        status: .created, description: "the position as stored", schema: .ref("Position"),
                        links: [("getPosition", "position", "/id"), ("getPositionReport", "position", "/id")])
                ]
            ) { input in
                let body = try input.decode(NewPosition.self)
                let stored = try await service.addPosition(
                    try Position(title: body.title, level: body.level, rubricID: body.rubricId), by: try input.principal)
                return try APIReply.json(stored, status: .created, location: "/api/v1/positions/\(stored.id ?? 0)")
            },
            APIOperation(
                method: .get, path: "/api/v1/positions/{position}", operationID: "getPosition", tag: "Positions",
                summary: "One position", access: "anyone signed in",
                outcomes: [.init(status: .ok, description: "the position", schema: .ref("Position"))]
            ) { input in
                _ = try input.principal
                return try APIReply.json(try await service.position(try input.id("position")))
            },
            APIOperation(
                method: .get, path: "/api/v1/positions/{position}/report", operationID: "getPositionReport", tag: "Reports",
                summary: "The position's report: ranking, scores, agreement, calibration (the README's report contract)",
                access: "recruiters and admins", parameters: [formatParameter],
                outcomes: [.init(status: .ok, description: "the report in the format asked for", schema: .any, mediaTypes: reportTypes)]
            ) { input in
                _ = try input.context.requireReportReader()
                let format = try format(of: input)
                let rendered = try await service.renderedPositionReport(try input.id("position"), format: format)
                return APIReply.document(rendered, mediaType: format.contentType)
            },
            APIOperation(
                method: .get, path: "/api/v1/positions/{position}/candidates/{candidate}/report", operationID: "getCandidateReport",
                tag: "Reports", summary: "One candidate's report for a position", access: "recruiters and admins", parameters: [formatParameter],
                outcomes: [.init(status: .ok, description: "the report in the format asked for", schema: .any, mediaTypes: reportTypes)]
            ) { input in
                _ = try input.context.requireReportReader()
                let format = try format(of: input)
                let report = try await service.candidateReport(try input.id("candidate"), position: try input.id("position"))
                return APIReply.document(try format.render(report), mediaType: format.contentType)
            },
            APIOperation(
                method: .get, path: "/api/v1/reports/questions", operationID: "getQuestionHealthReport", tag: "Reports",
                summary: "Which questions of the bank give signal: each rated question's health (the README's question-health contract)",
                access: "recruiters and admins",
                parameters: [
                    formatParameter, .record("position", "only ratings given in this position's rounds"),
                    .record("set", "only questions of this question set"),
                ],
                outcomes: [.init(status: .ok, description: "the report in the format asked for", schema: .any, mediaTypes: reportTypes)]
            ) { input in
                _ = try input.context.requireReportReader()
                let format = try format(of: input)
                let report = try await service.questionHealthReport(position: input.integer("position"), set: input.integer("set"))
                return APIReply.document(try format.render(report), mediaType: format.contentType)
            },
        ]
    }

    static let formatParameter = APIOperation.Parameter.query(
        "format", .string(oneOf: ReportFormat.allCases.map(\.rawValue)), "json (default), csv, md or html; else the Accept header decides")

    /// `?format=` first, then the first report type the Accept header names, then JSON.
    static func format(of input: APIRequest) throws(Problem) -> ReportFormat {
        if let text = input.query("format"), let format = ReportFormat(rawValue: text) { return format }
        let accept = (input.request.headers[.accept] ?? "").lowercased()
        for range in accept.split(separator: ",").map({ $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces) }) {
            if let format = ReportFormat.allCases.first(where: { $0.contentType.hasPrefix(range) }) { return format }
        }
        return .json
    }
}
