import DebriefCore
import DebriefReports
import Synchronization

/// Position reports kept between requests, each under the data version it was built from, so the
/// same report after no change is not built again. A report is only ever served for the version it
/// was built from: every write to what it shows advances the version (see `ReportDataVersion`).
///
/// The rubrics folder is read once per service, so the version is the whole key.
final class ReportCache: Sendable {
    private struct Entry {
        let version: ReportDataVersion
        let report: PositionReport
        /// Renderings without candidate links, by format, made on first request.
        var rendered: [ReportFormat: RenderedReport] = [:]
        var lastUsed: UInt64
    }

    private struct State {
        var entries: [Int64: Entry] = [:]
        var clock: UInt64 = 0
        /// How many look-ups found what they asked for (for tests and metrics).
        var hits = 0

        /// The entry for exactly `version`, marked as just used.
        mutating func touch(_ positionID: Int64, version: ReportDataVersion) -> Entry? {
            guard let entry = entries[positionID], entry.version == version else { return nil }
            clock += 1
            hits += 1
            entries[positionID]?.lastUsed = clock
            return entry
        }
    }

    /// How many positions' reports are kept; the least recently used goes first.
    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int = 8) {
        self.capacity = capacity
    }

    /// How many look-ups have found a kept report or rendering.
    var hits: Int { state.withLock { $0.hits } }

    /// The report of `positionID` built from exactly `version`, if kept.
    func report(_ positionID: Int64, version: ReportDataVersion) -> PositionReport? {
        state.withLock { state in state.touch(positionID, version: version)?.report }
    }

    /// The report rendered in `format`, if kept for exactly `version`.
    func rendered(_ positionID: Int64, version: ReportDataVersion, format: ReportFormat) -> RenderedReport? {
        state.withLock { state in state.touch(positionID, version: version)?.rendered[format] }
    }

    /// Keeps `report`, built from `version`, unless a newer one is kept already.
    func keep(_ report: PositionReport, of positionID: Int64, version: ReportDataVersion) {
        state.withLock { state in
            if let kept = state.entries[positionID], kept.version.covers(version) { return }
            state.clock += 1
            state.entries[positionID] = Entry(version: version, report: report, lastUsed: state.clock)
            if state.entries.count > capacity, let oldest = state.entries.min(by: { $0.value.lastUsed < $1.value.lastUsed })?.key {
                state.entries[oldest] = nil
            }
        }
    }

    /// Keeps a rendering of the report kept for exactly `version`.
    func keep(_ rendered: RenderedReport, rendering positionID: Int64, version: ReportDataVersion, format: ReportFormat) {
        state.withLock { state in
            guard state.entries[positionID]?.version == version else { return }
            state.entries[positionID]?.rendered[format] = rendered
        }
    }
}

extension ReportDataVersion {
    /// True when this version has seen every write `other` has: both counters at least as far.
    fileprivate func covers(_ other: ReportDataVersion) -> Bool {
        position >= other.position && shared >= other.shared
    }
}
