import DebriefCore

/// Which questions of the bank give signal and which waste interview time: the JSON contract of
/// `debrief report questions --format json` and `GET /api/v1/reports/questions`, documented in the README.
///
/// Figures that are undefined, or rest on less data than their minimum, are `null`, and the
/// question's `notes` say why. Nothing here predicts hiring or reweights anything.
public struct QuestionHealthReport: Encodable, Sendable {
    public struct PositionInfo: Encodable, Sendable {
        public let id: Int64
        public let title: String
    }

    /// A 95% interval.
    public struct Interval: Encodable, Sendable {
        public let low: Double
        public let high: Double
    }

    public struct QuestionEntry: Encodable, Sendable {
        public let id: Int64
        public let text: String
        @NullEncoded public var title: String?
        public let setId: Int64
        public let setTitle: String
        public let setVersion: Int
        /// The scale these figures were rated on; a question rated on two scales has an entry for each.
        public let scaleMin: Int
        public let scaleMax: Int
        public let asked: Int
        public let rated: Int
        @NullEncoded public var noSignalShare: Double?
        @NullEncoded public var floorShare: Double?
        @NullEncoded public var ceilingShare: Double?
        @NullEncoded public var mean: Double?
        @NullEncoded public var meanInterval: Interval?
        @NullEncoded public var standardDeviation: Double?
        @NullEncoded public var itemTotalCorrelation: Double?
        @NullEncoded public var itemTotalInterval: Interval?
        @NullEncoded public var agreement: Double?
        public let flags: [String]
        public let notes: [String]
    }

    /// The least data each figure is shown on.
    public struct Minimums: Encodable, Sendable {
        public let asked: Int
        public let rated: Int
        public let candidatesForCorrelation: Int
        public let candidatesForAgreement: Int
    }

    /// The position the figures are limited to; null for every position.
    @NullEncoded public var position: PositionInfo?
    /// Questions that ratings were given for, by id (and scale).
    public let questions: [QuestionEntry]
    public let minimums: Minimums
    public let notes: [String]
}
