import DebriefCore

extension DebriefService {
    /// Adds a position scored against one of the folder's rubrics.
    public func addPosition(_ position: Position, by principal: Principal) async throws -> Position {
        try require(.managePipeline, principal)
        _ = try rubric(position.rubricID)
        return try await database.addPosition(position, by: principal)
    }
}
