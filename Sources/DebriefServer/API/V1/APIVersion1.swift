import DebriefService
import Hummingbird

/// `/api/v1`: every operation, and the OpenAPI document that describes exactly these.
enum APIVersion1 {
    static func operations(_ service: DebriefService, version: String) -> [APIOperation] {
        let resources =
            PositionOperations.all(service) + CandidateOperations.all(service) + RoundOperations.all(service)
            + QuestionBankOperations.all(service) + RubricOperations.all(service) + AdminOperations.all(service)
            + CredentialOperations.all(service)
        let contract = APIOperation(
            method: .get, path: "/api/v1/openapi.json", operationID: "getContract", tag: "Contract",
            summary: "This document: the OpenAPI 3.1 contract of /api/v1", access: "anyone",
            outcomes: [
                .init(status: .ok, description: "the OpenAPI document", schema: .any)
            ], anonymous: true
        ) { _ in
            try APIReply.json(document: OpenAPIDocument.make(resources + [contractStub], version: version))
        }
        return resources + [contract]
    }

    /// The contract's own entry, described like the others (its handler is never called).
    private static let contractStub = APIOperation(
        method: .get, path: "/api/v1/openapi.json", operationID: "getContract", tag: "Contract",
        summary: "This document: the OpenAPI 3.1 contract of /api/v1", access: "anyone",
        outcomes: [.init(status: .ok, description: "the OpenAPI document", schema: .any)], anonymous: true
    ) { _ in APIReply(status: .ok, headers: [:], body: .init()) }

    static func addRoutes(to router: Router<DebriefRequestContext>, service: DebriefService, version: String) {
        APIRoutes(operations: operations(service, version: version), service: service, components: APISchemas.components).addRoutes(to: router)
    }
}
