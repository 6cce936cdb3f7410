import Hummingbird

/// Ids in paths: positive integers, or a clear 400.
enum PathID {
    static func require(_ name: String, in context: DebriefRequestContext) throws(Problem) -> Int64 {
        let text = context.parameters.get(name) ?? ""
        guard let id = Int64(text), id > 0 else { throw Problem.badRequest("'\(text)' is not a \(name) id; ids are positive whole numbers") }
        return id
    }
}
