import Foundation
import Testing

@testable import DebriefFuzz

/// The `api` fuzz target reaches past the contract's schema checks: into the typed decoding of each
/// operation's body, its domain rules and the store, as a served request does.
@Suite("API fuzz exercise")
struct APIExerciseTests {
    static let seeds = FuzzRegressionTests.repository.appendingPathComponent("Fixtures/fuzz-seeds/api")

    @Test("every operation that reads JSON is sent the body, signed in, and none answers a server error")
    func everyOperation() async throws {
        let answers = await APIExercise.shared.send(Data("{}".utf8))
        #expect(answers.count == 10, "\(answers.keys.sorted())")
        #expect(answers.values.allSatisfy { $0.code != 401 && $0.code != 403 && $0.code < 500 }, "\(answers)")
    }

    @Test("a valid body is decoded into its request and stored: the candidate seed creates a candidate")
    func validBodyIsStored() async throws {
        let exercise = try await APIExercise()
        let seed = try Data(contentsOf: Self.seeds.appendingPathComponent("candidate.json"))
        let answers = await exercise.send(seed)
        #expect(answers["POST /api/v1/candidates"]?.code == 201, "\(answers)")
        // The same person again is a conflict the store found, not a schema refusal.
        #expect(await exercise.send(seed)["POST /api/v1/candidates"]?.code == 409)
    }

    @Test("a body the schema accepts but a domain rule refuses is a 422 from the handler")
    func domainRuleRefuses() async throws {
        let exercise = try await APIExercise()
        let answers = await exercise.send(Data(#"{"name":"Ada","email":"not an address","stage":"no-such-stage"}"#.utf8))
        #expect(answers["POST /api/v1/candidates"].map { [400, 422].contains($0.code) } == true, "\(answers)")
        #expect(answers["POST /api/v1/candidates/{candidate}/stage"]?.code == 422, "\(answers)")
    }

    @Test("a scorecard seed is submitted on the panel member's behalf")
    func scorecardSeed() async throws {
        let exercise = try await APIExercise()
        let body = Data(
            #"{"round_id":1,"interviewer":"ines@fuzz.example","ratings":[{"competency_id":"apis-http","value":3}],"recommendation":"yes"}"#.utf8)
        let answers = await exercise.send(body)
        #expect(answers["POST /api/v1/scorecards"]?.code == 201, "\(answers)")
    }
}
