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
    /// `questions` maps a rubric's competency ids to bank questions about them; interviewers rate
    /// some of those per question too, as they would after asking them.
    static func plan(_ pipeline: DemoPipeline, rubrics: [Rubric], questions: [String: [String: [Int64]]] = [:], seed: UInt64, now: Date) -> [Planned]
    {
        var random = SeededGenerator(seed: seed ^ 0x5C0_4EC4_2D5)
        let leniency = (0..<pipeline.users.count).map { _ in Double(random.int(below: 13)) / 10 - 0.6 }
        var planned: [Planned] = []
        var ability: [String: Double] = [:]
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
                    if let asked = questions[rubric.id]?[competency], !asked.isEmpty, random.int(below: 3) == 0 {
                        let question = asked[random.int(below: asked.count)]
                        let questionPoint = Int(min(high, max(low, Double(point) + Double(random.int(below: 3)) - 1)))
                        ratings.append(try! Rating(competencyID: competency, questionID: question, value: .point(questionPoint)))
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
