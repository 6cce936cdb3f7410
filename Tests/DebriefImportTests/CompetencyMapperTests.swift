import DebriefCore
import Testing

@testable import DebriefImport

@Suite("Questions map to competencies by whole-word keywords")
struct CompetencyMapperTests {
    let mapper = CompetencyMapper(rubric: ImportFixtures.backendRubric)

    @Test("keywords match whole words, any case, plurals, across punctuation and in rubric order, most hits first")
    func matching() {
        #expect(mapper.competencies(for: "How do you design a REST API?") == ["apis-http", "system-design"])
        #expect(mapper.competencies(for: "Which Databases have you tuned, and which indexes?") == ["databases"])
        #expect(mapper.competencies(for: "Explain rate-limiting.") == ["system-design", "reliability-security"])
        #expect(mapper.competencies(for: "What is the CAP theorem? When is SQL a bad query language?") == ["databases", "system-design"])
        #expect(mapper.competencies(for: "How rapid is your apiary?").isEmpty)
        #expect(mapper.competencies(for: "").isEmpty)
    }

    @Test("non-ASCII text is matched the same way")
    func unicode() {
        #expect(mapper.competencies(for: "Wie skaliert eine Datenbank mit REST‑APIs und Caché?") == ["apis-http"])
        #expect(mapper.competencies(for: "Ｗhat about the CACHE — é?") == ["system-design"])
    }

    @Test("without a rubric nothing maps")
    func noRubric() {
        #expect(CompetencyMapper(rubric: nil).isEmpty)
        #expect(CompetencyMapper(rubric: nil).competencies(for: "What is an API?").isEmpty)
    }
}
