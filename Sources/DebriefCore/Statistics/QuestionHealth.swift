import Foundation

/// One rating as question health reads it, with the question it was given for when it has one.
public struct QuestionRating: Hashable, Sendable {
    /// Nil for a rating of the competency as a whole: it counts in the rest of the competency only.
    public var question: Int64?
    public var candidate: Int64
    public var interviewer: Int64
    public var competency: String
    public var value: RatingValue

    public init(question: Int64?, candidate: Int64, interviewer: Int64, competency: String, value: RatingValue) {
        self.question = question
        self.candidate = candidate
        self.interviewer = interviewer
        self.competency = competency
        self.value = value
    }
}

/// Whether a question of the bank earns its interview time: how often it is asked, whether it gives
/// signal, how it uses the scale, whether it tracks the rest of its competency, and whether
/// interviewers agree on it. Below a minimum of data a figure is nil and `notes` says why; nothing
/// here predicts hiring or reweights anything.
public struct QuestionHealth: Hashable, Sendable {
    public let question: Int64
    /// Ratings given for it, "no signal" included.
    public let asked: Int
    /// Ratings on the scale (not "no signal").
    public let rated: Int
    /// The share of `asked` that was "no signal".
    public let noSignalShare: Double?
    /// Shares of `rated` at the scale's lowest and highest point.
    public let floorShare: Double?
    public let ceilingShare: Double?
    public let mean: Double?
    /// A 95% interval around `mean` (Student's t).
    public let meanInterval: ClosedRange<Double>?
    public let standardDeviation: Double?
    /// The correlation, over candidates, of their rating on this question with their mean rating
    /// on the rest of the same competency (this question left out), and its 95% interval (Fisher's z).
    public let itemTotalCorrelation: Double?
    public let itemTotalInterval: ClosedRange<Double>?
    /// Krippendorff's alpha (interval) where two or more interviewers rated it for the same candidate.
    public let agreement: Double?
    public let flags: [Flag]
    /// Why a figure is nil.
    public let notes: [String]

    /// What a recruiter can act on.
    public enum Flag: String, Hashable, Sendable, CaseIterable {
        case rarelyGivesSignal = "rarely gives signal"
        case sameRatingForEveryone = "nearly everyone gets the same rating"
        case interviewersDisagree = "interviewers disagree on it"
    }

    /// Ratings on the scale needed for the mean, spread and scale use.
    public static let minimumRated = 10
    /// Ratings needed for the share of "no signal".
    public static let minimumAsked = 10
    /// Candidates with a rating on the question and on the rest of its competency.
    public static let minimumCandidatesForCorrelation = 10
    /// Candidates rated on it by two interviewers or more.
    public static let minimumSharedCandidates = 5

    /// Thresholds of the flags.
    public static let noSignalFlag = 0.3
    public static let sameRatingFlag = 0.8
    public static let disagreementFlag = 0.4

    /// The health of every question asked in `ratings`, ordered by question id. Ratings without a
    /// question count in the rest of their competency, for the item-total correlations.
    public static func assess(_ ratings: [QuestionRating], scale: RatingScale) -> [QuestionHealth] {
        let context = CompetencyTotals(ratings)
        var byQuestion: [Int64: [QuestionRating]] = [:]
        for rating in ratings { if let question = rating.question { byQuestion[question, default: []].append(rating) } }
        return byQuestion.sorted { $0.key < $1.key }.map { question, ratings in
            QuestionHealth(question: question, ratings: ratings, context: context, scale: scale)
        }
    }

    private init(question: Int64, ratings: [QuestionRating], context: CompetencyTotals, scale: RatingScale) {
        self.question = question
        var notes: [String] = []
        let points = ratings.compactMap { $0.value.point }.map(Double.init)
        asked = ratings.count
        rated = points.count
        if asked >= Self.minimumAsked {
            noSignalShare = Double(asked - rated) / Double(asked)
        } else {
            noSignalShare = nil
            notes.append("asked \(CountedNoun.phrase(asked, "time")); the share of no signal needs \(Self.minimumAsked)")
        }
        if rated >= Self.minimumRated {
            let n = Double(rated)
            let mean = points.reduce(0, +) / n
            let spread = (points.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
            let half = Self.studentT975(degrees: n - 1) * spread / n.squareRoot()
            self.mean = mean
            standardDeviation = spread
            meanInterval = (mean - half)...(mean + half)
            floorShare = Double(points.count { $0 == Double(scale.minimum) }) / n
            ceilingShare = Double(points.count { $0 == Double(scale.maximum) }) / n
        } else {
            (mean, standardDeviation, meanInterval, floorShare, ceilingShare) = (nil, nil, nil, nil, nil)
            notes.append("rated \(CountedNoun.phrase(rated, "time")) on the scale; its mean, spread and use of the scale need \(Self.minimumRated)")
        }
        // Per candidate: the question's mean rating, beside the rest of the same competency.
        var byCandidate: [Int64: [QuestionRating]] = [:]
        for rating in ratings where rating.value.point != nil { byCandidate[rating.candidate, default: []].append(rating) }
        // In candidate, then interviewer, order: the same ratings give the same figures to the last digit.
        let candidates = byCandidate.sorted { $0.key < $1.key }
        var pairs: [(Double, Double)] = []
        for (candidate, own) in candidates {
            let values = own.map { Double($0.value.point!) }
            let competency = own[0].competency
            let total = context.total(candidate: candidate, competency: competency)
            let restCount = total.count - Double(values.count)
            guard restCount > 0 else { continue }
            pairs.append((values.reduce(0, +) / Double(values.count), (total.sum - values.reduce(0, +)) / restCount))
        }
        if pairs.count >= Self.minimumCandidatesForCorrelation, let r = Self.pearson(pairs) {
            itemTotalCorrelation = r
            let z = atanh(min(max(r, -0.999_999), 0.999_999)), half = 1.959_963_984_540_054 / Double(pairs.count - 3).squareRoot()
            itemTotalInterval = tanh(z - half)...tanh(z + half)
        } else {
            (itemTotalCorrelation, itemTotalInterval) = (nil, nil)
            notes.append(
                pairs.count >= Self.minimumCandidatesForCorrelation
                    ? "its ratings, or the rest of its competency's, do not vary, so they cannot correlate"
                    : "\(CountedNoun.phrase(pairs.count, "candidate")) \(pairs.count == 1 ? "was" : "were") rated on it and on the rest of its competency; the item-total correlation needs \(Self.minimumCandidatesForCorrelation)"
            )
        }
        // Each candidate rated by two interviewers or more: each interviewer's mean rating of them.
        var shared: [[Double]] = []
        for (_, own) in candidates {
            let byInterviewer = Dictionary(grouping: own, by: \.interviewer)
            guard byInterviewer.count >= 2 else { continue }
            shared.append(
                byInterviewer.sorted { $0.key < $1.key }.map { _, ratings in
                    let points = ratings.map { Double($0.value.point!) }
                    return points.reduce(0, +) / Double(points.count)
                })
        }
        if shared.count >= Self.minimumSharedCandidates {
            agreement = KrippendorffAlpha.alpha(units: shared, metric: .interval)
            if agreement == nil { notes.append("its ratings do not vary, so agreement cannot be told from chance") }
        } else {
            agreement = nil
            notes.append(
                "\(CountedNoun.phrase(shared.count, "candidate")) \(shared.count == 1 ? "was" : "were") rated on it by two interviewers or more; agreement needs \(Self.minimumSharedCandidates)"
            )
        }
        var flags: [Flag] = []
        if let share = noSignalShare, share >= Self.noSignalFlag { flags.append(.rarelyGivesSignal) }
        if rated >= Self.minimumRated, let most = Dictionary(grouping: points, by: { $0 }).values.map(\.count).max(),
            Double(most) / Double(rated) >= Self.sameRatingFlag
        {
            flags.append(.sameRatingForEveryone)
        }
        if let agreement, agreement < Self.disagreementFlag { flags.append(.interviewersDisagree) }
        self.flags = flags
        self.notes = notes
    }

    private static func pearson(_ pairs: [(Double, Double)]) -> Double? {
        let n = Double(pairs.count)
        let mx = pairs.reduce(0) { $0 + $1.0 } / n, my = pairs.reduce(0) { $0 + $1.1 } / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (x, y) in pairs {
            sxy += (x - mx) * (y - my)
            sxx += (x - mx) * (x - mx)
            syy += (y - my) * (y - my)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Student's t at 0.975 for `degrees` of freedom (Hill's 1970 expansion; within 1e-4 of the
    /// tables from 9 degrees on, which `minimumRated` guarantees).
    static func studentT975(degrees v: Double) -> Double {
        let z = 1.959_963_984_540_054
        let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z, z9 = z7 * z * z
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
            + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92_160 * v * v * v * v)
    }
}

/// Each candidate's count and sum of point ratings per competency.
private struct CompetencyTotals {
    private var totals: [Key: (count: Double, sum: Double)] = [:]
    private struct Key: Hashable {
        let candidate: Int64
        let competency: String
    }

    init(_ ratings: [QuestionRating]) {
        for rating in ratings {
            guard let point = rating.value.point else { continue }
            totals[Key(candidate: rating.candidate, competency: rating.competency), default: (0, 0)].count += 1
            totals[Key(candidate: rating.candidate, competency: rating.competency), default: (0, 0)].sum += Double(point)
        }
    }

    func total(candidate: Int64, competency: String) -> (count: Double, sum: Double) {
        totals[Key(candidate: candidate, competency: competency)] ?? (0, 0)
    }
}
