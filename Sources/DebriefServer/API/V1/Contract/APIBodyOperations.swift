import DebriefService
import DebriefStore
import HTTPTypes

/// The operations of `/api/v1` that read a JSON body, as the router serves them: for tools that send
/// bodies through the real routes (the fuzzer's `api` target), so they follow the contract as it is.
public enum APIBodyOperations {
    /// One operation that reads JSON.
    public struct Operation: Sendable {
        public let method: HTTPRequest.Method
        /// The path as OpenAPI writes it: `/api/v1/candidates/{candidate}`.
        public let path: String
        /// The names in braces in the path, in order.
        public let pathParameters: [String]
        /// Whether it is a merge patch, which needs `If-Match`.
        public let needsIfMatch: Bool
    }

    /// Every operation whose body is JSON (documents, such as pages and score sheets, are not).
    public static let all: [Operation] = {
        // The operations are declared over a service; only their shapes are used here.
        let service = DebriefService(database: try! AppDatabase.inMemory(), rubrics: nil)
        return APIVersion1.operations(service, version: "contract").compactMap { operation in
            switch operation.body {
            case .json, .mergePatch:
                Operation(
                    method: operation.method, path: operation.path, pathParameters: operation.pathParameters, needsIfMatch: operation.needsIfMatch)
            case .document, nil: nil
            }
        }
    }()
}
