import DebriefCore
import Testing

@Suite("The hiring pipeline")
struct PipelineStageTests {
    static let legalMoves: [(PipelineStage, PipelineStage)] = [
        (.applied, .screening), (.screening, .interviewing), (.interviewing, .offer), (.offer, .hired),
        (.applied, .rejected), (.screening, .withdrawn), (.interviewing, .rejected), (.offer, .withdrawn),
        (.rejected, .screening), (.withdrawn, .screening),
    ]

    static let illegalMoves: [(PipelineStage, PipelineStage)] = [
        (.applied, .interviewing), (.applied, .offer), (.applied, .hired), (.screening, .offer), (.screening, .applied),
        (.interviewing, .hired), (.offer, .interviewing), (.hired, .rejected), (.hired, .screening), (.rejected, .hired),
        (.withdrawn, .offer), (.applied, .applied), (.hired, .hired),
    ]

    @Test("allows the moves along the pipeline and out of it", arguments: legalMoves)
    func allowsLegalMove(from: PipelineStage, to: PipelineStage) throws {
        try from.validateMove(to: to)
    }

    @Test("refuses skipping, going back and leaving a final stage", arguments: illegalMoves)
    func refusesIllegalMove(from: PipelineStage, to: PipelineStage) {
        #expect(throws: FieldError.self) { try from.validateMove(to: to) }
    }

    @Test("explains where a candidate can go instead")
    func explainsRefusal() {
        do {
            try PipelineStage.applied.validateMove(to: .offer)
            Issue.record("the move was allowed")
        } catch {
            #expect(error.field == "stage")
            #expect(error.message.contains("screening, rejected, withdrawn"))
        }
    }

    @Test("moving a candidate changes only the stage")
    func movesCandidate() throws {
        let candidate = try Candidate(name: "Ada Lovelace", email: EmailAddress("ada@example.com"))
        let moved = try candidate.moved(to: .screening)
        #expect(moved.stage == .screening)
        #expect(moved.name == candidate.name && moved.email == candidate.email)
        #expect(throws: FieldError.self) { try moved.moved(to: .hired) }
    }

    @Test("parses stage names in any case and lists the names when it cannot")
    func parsesNames() throws {
        #expect(try PipelineStage(parsing: " Interviewing ") == .interviewing)
        #expect(
            throws: FieldError(
                field: "stage", "'hiring' is not a stage; use one of: applied, screening, interviewing, offer, hired, rejected, withdrawn")
        ) {
            try PipelineStage(parsing: "hiring")
        }
    }
}
