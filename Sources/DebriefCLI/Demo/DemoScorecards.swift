import DebriefCore
import Foundation

/// Scorecards for the demo pipeline's past rounds: each candidate has a true level per competency,
/// each interviewer a leniency, and every rating adds a little noise, so scores, agreement and
/// calibration all have something real to show.
struct DemoScorecards {
    struct Planned {
        let roundIndex: Int
        let interviewerIndex: Int
        let ratings: [Rating]
        let recommendation: Recommendation
        let notes: String
    }

    private static let notes = [
        "Clear, structured answers; asked good clarifying questions.",
        "Strong on the basics, hesitant on trade-offs.",
        "Needed hints to get going but finished well.",
        "Rushed into the solution without checking requirements.",
        "Explained past work in concrete detail.",
        "Good collaboration signals when we disagreed on an approach.",
    ]

    /// Scorecards for rounds scheduled before `now`, under each position's rubric.
    /// `questions` maps a rubric's competency ids to bank questions about them. Each round's panel
    /// asks one question of a short kit per competency, and most interviewers rate it too; some
    /// questions are vague, too easy or a matter of taste, so question health has something to find.
    static func plan(_ pipeline: DemoPipeline, rubrics: [Rubric], questions: [String: [String: [Int64]]] = [:], seed: UInt64, now: Date) -> [Planned]
    {
        var random = SeededGenerator(seed: seed ^ 0x5C0_4EC4_2D5)
        let leniency = (0..<pipeline.users.count).map { _ in Double(random.int(below: 13)) / 10 - 0.6 }
        var planned: [Planned] = []
        var ability: [String: Double] = [:]
        var askedInRound: [String: Int64] = [:]
        for (roundIndex, round) in pipeline.rounds.enumerated() where round.scheduledAt < now {
            guard let rubric = rubrics.first(where: { $0.id == pipeline.positions[round.positionIndex].rubricID }),
                let plan = rubric.plan(for: round.kind)
            else { continue }
            let low = Double(rubric.ratingScale.minimum), high = Double(rubric.ratingScale.maximum)
            let stageLift = lift(for: pipeline.finalStage(of: round.candidateIndex))
            for interviewer in round.interviewerIndexes {
                var ratings: [Rating] = []
                for competency in plan.competencies {
                    let key = "\(round.candidateIndex)/\(competency)"
                    let level =
                        ability[key]
                        ?? {
                            let value = (low + high) / 2 + stageLift + Double(random.int(below: 11)) / 10 - 0.5
                            ability[key] = value
                            return value
                        }()
                    if random.int(below: 12) == 0 {
                        ratings.append(try! Rating(competencyID: competency, value: .noSignal))
                        continue
                    }
                    let noisy = level + leniency[interviewer] + Double(random.int(below: 9)) / 10 - 0.4
                    let point = Int(min(high, max(low, noisy.rounded())))
                    ratings.append(try! Rating(competencyID: competency, value: .point(point)))
                    if let kit = questions[rubric.id]?[competency]?.prefix(Self.kitSize), !kit.isEmpty, random.int(below: 4) != 0 {
                        let key = "\(roundIndex)/\(competency)"
                        let question = askedInRound[key] ?? kit[kit.startIndex + random.int(below: kit.count)]
                        askedInRound[key] = question
                        let value = QuestionCharacter(question).rating(
                            tracking: point, low: Int(low), high: Int(high), random: &random)
                        ratings.append(try! Rating(competencyID: competency, questionID: question, value: value))
                    }
                }
                let points = ratings.compactMap(\.value.point)
                let mean = points.isEmpty ? low : Double(points.reduce(0, +)) / Double(points.count)
                let recommendation = random.int(below: 15) == 0 ? .noDecision : rubric.thresholds.recommendation(for: mean)
                planned.append(
                    Planned(
                        roundIndex: roundIndex, interviewerIndex: interviewer, ratings: ratings, recommendation: recommendation,
                        notes: notes[random.int(below: notes.count)]))
            }
        }
        return planned
    }

    /// How many of a competency's bank questions the demo's interviewers ask from.
    static let kitSize = 2

    /// How a demo question behaves when asked, fixed by its id.
    private enum QuestionCharacter {
        /// A good question: the rating follows the candidate's level on the competency.
        case tracking
        /// Often leaves the interviewer nothing to judge.
        case vague
        /// Nearly everyone gets the top rating.
        case easy
        /// Interviewers rate it as they please: it follows neither the candidate nor each other.
        case matterOfTaste

        init(_ question: Int64) {
            switch question % 7 {
            case 3: self = .vague
            case 5: self = .easy
            case 6: self = .matterOfTaste
            default: self = .tracking
            }
        }

        func rating(tracking point: Int, low: Int, high: Int, random: inout SeededGenerator) -> RatingValue {
            switch self {
            case .tracking: .point(Self.near(point, low: low, high: high, random: &random))
            case .vague: random.int(below: 5) < 2 ? .noSignal : .point(Self.near(point, low: low, high: high, random: &random))
            case .easy: .point(random.int(below: 10) == 0 ? max(low, high - 1) : high)
            case .matterOfTaste: .point(low + random.int(below: high - low + 1))
            }
        }

        /// `point`, or one off it a quarter of the time.
        private static func near(_ point: Int, low: Int, high: Int, random: inout SeededGenerator) -> Int {
            random.int(below: 4) == 0 ? min(high, max(low, point + (random.int(below: 2) == 0 ? -1 : 1))) : point
        }
    }

    private static func lift(for stage: PipelineStage) -> Double {
        switch stage {
        case .hired, .offer: 0.7
        case .rejected: -0.6
        default: 0
        }
    }
}

extension DemoPipeline {
    /// The stage a candidate ends in after their moves.
    func finalStage(of candidateIndex: Int) -> PipelineStage {
        moves[candidateIndex].last ?? .applied
    }
}
