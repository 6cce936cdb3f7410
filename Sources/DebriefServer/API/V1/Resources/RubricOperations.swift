import DebriefCore
import DebriefReports
import DebriefService
import Foundation

/// `/api/v1/rubrics`: the rubrics of the `Rubrics/` folder and the stored versions scorecards used.
enum RubricOperations {
    /// A rubric as the API shows it.
    struct RubricResource: Encodable {
        struct Plan: Encodable {
            let kind: String
            let competencies: [String]
            let weights: [String: Double]
        }
        let id: String
        let title: String
        let version: String
        let description: String?
        let contentHash: String
        let scale: [ScalePoint]
        let competencies: [CompetencyResource]
        let rounds: [Plan]

        init(_ rubric: Rubric) {
            id = rubric.id
            title = rubric.title
            version = rubric.version
            description = rubric.description
            contentHash = rubric.contentHash
            scale = rubric.scale
            competencies = rubric.competencies.map(CompetencyResource.init)
            rounds = rubric.rounds.map { Plan(kind: $0.kind.rawValue, competencies: $0.competencies, weights: $0.weights) }
        }
    }

    struct CompetencyResource: Encodable {
        let id: String
        let title: String
        let description: String?
        let weight: Double
        let anchors: [String: String]
        let keywords: [String]

        init(_ competency: Competency) {
            id = competency.id
            title = competency.title
            description = competency.description
            weight = competency.weight
            anchors = Dictionary(uniqueKeysWithValues: competency.anchors.map { (String($0.key), $0.value) })
            keywords = competency.keywords
        }
    }

    static func all(_ service: DebriefService) -> [APIOperation] {
        [
            APIOperation(
                method: .get, path: "/api/v1/rubrics", operationID: "listRubrics", tag: "Rubrics",
                summary: "The rubrics of the Rubrics/ folder", access: "anyone signed in",
                outcomes: [.init(status: .ok, description: "every rubric", schema: .object([("items", .array(.ref("Rubric")))], required: ["items"]))]
            ) { input in
                _ = try input.principal
                return try APIReply.json(APIList(items: try service.rubricList().map(RubricResource.init)))
            },
            APIOperation(
                method: .get, path: "/api/v1/rubrics/{rubric}", operationID: "getRubric", tag: "Rubrics",
                summary: "One rubric of the folder", access: "anyone signed in",
                outcomes: [.init(status: .ok, description: "the rubric", schema: .ref("Rubric"))]
            ) { input in
                _ = try input.principal
                let id = input.context.parameters.get("rubric") ?? ""
                guard let rubric = try service.rubricList().first(where: { $0.id == id }) else {
                    throw Problem.notFound("no rubric '\(id)' in the Rubrics folder")
                }
                return try APIReply.json(RubricResource(rubric))
            },
            APIOperation(
                method: .get, path: "/api/v1/rubrics/{rubric}/reliability", operationID: "getRubricReliability", tag: "Reports",
                summary: "How much the rubric's scores can be trusted across every position that uses it (the README's contract)",
                access: "recruiters and admins", parameters: [PositionOperations.formatParameter],
                outcomes: [
                    .init(status: .ok, description: "the study in the format asked for", schema: .any, mediaTypes: PositionOperations.reportTypes)
                ]
            ) { input in
                _ = try input.context.requireReportReader()
                let format = try PositionOperations.format(of: input)
                let report = try await service.rubricReliabilityReport(input.context.parameters.get("rubric") ?? "")
                return APIReply.document(try format.render(report), mediaType: format.contentType)
            },
            APIOperation(
                method: .get, path: "/api/v1/rubric-versions", operationID: "listRubricVersions", tag: "Rubrics",
                summary: "Every rubric version that scorecards were made under", access: "recruiters and admins",
                outcomes: [
                    .init(
                        status: .ok, description: "the stored versions, oldest first",
                        schema: .object([("items", .array(.ref("RubricVersion")))], required: ["items"]))
                ]
            ) { input in
                try APIReply.json(APIList(items: try await service.rubricVersions(by: try input.principal)))
            },
            APIOperation(
                method: .get, path: "/api/v1/rubric-versions/{hash}", operationID: "getRubricVersion", tag: "Rubrics",
                summary: "A stored rubric version, exactly as scorecards were made under it", access: "recruiters and admins",
                outcomes: [.init(status: .ok, description: "the rubric version", schema: .ref("Rubric"))]
            ) { input in
                let hash = input.context.parameters.get("hash") ?? ""
                return try APIReply.json(RubricResource(try await service.rubricVersion(hash: hash, by: try input.principal)))
            },
        ]
    }
}
