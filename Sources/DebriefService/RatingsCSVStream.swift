import DebriefCore
import DebriefReports

extension DebriefService {
    /// The position's long-form ratings CSV (`PositionRatingsCSV`), handed to `sink` in pieces of
    /// about 64 KB while the store reads it: memory stays flat however many ratings there are.
    public func positionRatingsCSV(_ positionID: Int64, to sink: @escaping @Sendable (String) throws -> Void) async throws {
        let writer = RatingsCSVWriter(sink: sink)
        try await database.eachPositionRating(positionID: positionID, title: writer.start) { row in try writer.append(row) }
        try writer.flush()
    }
}

/// Gathers CSV lines into pieces for a sink. Used by one store read at a time, which calls it in
/// order from one thread, hence unchecked.
private final class RatingsCSVWriter: @unchecked Sendable {
    private let sink: @Sendable (String) throws -> Void
    private var title = ""
    private var pending = ""

    init(sink: @escaping @Sendable (String) throws -> Void) {
        self.sink = sink
        pending.reserveCapacity(70_000)
    }

    func start(title: String) throws {
        self.title = title
        pending += PositionRatingsCSV.headerLine
    }

    func append(_ row: PositionRatingRow) throws {
        pending += PositionRatingsCSV.line(row, position: title)
        if pending.utf8.count >= 65_536 { try flush() }
    }

    /// Hands over what is pending; the last call sends the file's end.
    func flush() throws {
        guard !pending.isEmpty else { return }
        try sink(pending)
        pending.removeAll(keepingCapacity: true)
    }
}
