import DebriefService
import DebriefStore
import Foundation

/// The API's reading of JSON request bodies without a server, as every operation reads its own:
/// for the fuzzer (`make fuzz`) and tests that send it arbitrary bytes.
public enum APIBodyCheck {
    /// The JSON body schema of every operation that takes one.
    private static let schemas: [JSONSchema] = {
        // The operations are declared over a service; only their body schemas are used here.
        let service = DebriefService(database: try! AppDatabase.inMemory(), rubrics: nil)
        return APIVersion1.operations(service, version: "fuzz").compactMap { operation in
            switch operation.body {
            case .json(let schema, _), .mergePatch(let schema): schema
            case .document, nil: nil
            }
        }
    }()

    /// Reads `body` as every JSON operation does and returns how many of them accept it; a refusal
    /// is an answer, never a failure.
    public static func operationsAccepting(_ body: Data) -> Int {
        schemas.count { schema in (try? APIRoutes.checkedJSON(body, schema: schema, components: APISchemas.components)) != nil }
    }
}
