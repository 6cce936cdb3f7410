import DebriefCore
import Foundation
import Testing

@Suite("Rubric files")
struct RubricDecoderTests {
    static let rubricsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Rubrics")

    /// A small valid rubric; the broken cases below each change one thing in it.
    static let valid = """
        id: tiny
        title: Tiny
        version: "1"
        scale:
          - {value: 1, label: Low, description: Not there.}
          - {value: 2, label: Mid, description: Getting there.}
          - {value: 3, label: High, description: There.}
        competencies:
          - id: apis
            title: APIs
            weight: 2
            anchors: {1: none, 2: some, 3: all}
          - id: talk
            title: Communication
            anchors: {1: none, 2: some, 3: all}
        rounds:
          - kind: technical
            competencies: [apis, talk]
            weights: {apis: 3}
        thresholds: {strong_yes: 2.8, yes: 2.2, no: 1.5}
        flags: {any_strong_no: true, disagreement: 2, coverage_floor: 0.5}
        """

    @Test("the shipped rubrics load, each with its id matching its file")
    func shippedRubrics() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.rubricsFolder.path).filter { $0.hasSuffix(".yaml") }
        let catalog = try RubricCatalog(
            files: files.map { ($0, try String(contentsOf: Self.rubricsFolder.appendingPathComponent($0), encoding: .utf8)) })
        #expect(catalog.rubrics.count >= 2)
        let backend = try catalog.rubric("backend-engineer")
        #expect(Set(backend.competencies.map(\.id)).isSuperset(of: ["fundamentals", "apis-http", "databases", "system-design", "communication"]))
        #expect(Set(backend.rounds.map(\.kind)) == Set(RoundKind.common))
        #expect(backend.ratingScale == (try RatingScale(minimum: 1, maximum: 4)))
        #expect(backend.contentHash.count == 64)
    }

    @Test("a valid rubric decodes with defaults filled in")
    func decodesValid() throws {
        let rubric = try RubricDecoder.decode(yaml: Self.valid, file: "tiny.yaml")
        #expect(rubric.competency("talk")?.weight == 1)
        #expect(rubric.totalWeight == 3)
        #expect(rubric.plan(for: .technical)?.weights == ["apis": 3])
        #expect(rubric.thresholds.recommendation(for: 2.9) == .strongYes)
        #expect(rubric.thresholds.recommendation(for: 2.2) == .yes)
        #expect(rubric.thresholds.recommendation(for: 1.5) == .no)
        #expect(rubric.thresholds.recommendation(for: 1.49) == .strongNo)
    }

    @Test("the content hash changes when the file does")
    func contentHash() throws {
        let first = try RubricDecoder.decode(yaml: Self.valid, file: "tiny.yaml")
        let edited = try RubricDecoder.decode(yaml: Self.valid.replacingOccurrences(of: "weight: 2", with: "weight: 2.5"), file: "tiny.yaml")
        #expect(first.contentHash != edited.contentHash)
    }

    struct BrokenCase: CustomTestStringConvertible, Sendable {
        let name: String
        let replace: String
        let with: String
        let line: Int?
        let says: String
        var testDescription: String { name }
    }

    static let broken: [BrokenCase] = [
        BrokenCase(name: "bad YAML", replace: "title: Tiny", with: "title: [Tiny", line: 3, says: "starts on line 2"),
        BrokenCase(name: "unknown key", replace: "title: Tiny", with: "title: Tiny\ncolour: blue", line: 3, says: "unknown key 'colour'"),
        BrokenCase(
            name: "unknown competency key", replace: "    weight: 2", with: "    wieght: 2", line: 11, says: "unknown key 'wieght' in competencies[0]"
        ),
        BrokenCase(name: "zero weight", replace: "weight: 2", with: "weight: 0", line: 11, says: "must be greater than 0"),
        BrokenCase(name: "negative weight", replace: "weight: 2", with: "weight: -1", line: 11, says: "must be greater than 0"),
        BrokenCase(
            name: "scale point without a description", replace: "{value: 2, label: Mid, description: Getting there.}",
            with: "{value: 2, label: Mid}", line: 6, says: "missing required key 'description'"),
        BrokenCase(
            name: "scale out of order", replace: "{value: 3, label: High", with: "{value: 2, label: High", line: 7,
            says: "expected 3, not 2: points run 1, 2, 3, … without gaps"),
        BrokenCase(
            name: "scale starting at 0", replace: "{value: 1, label: Low", with: "{value: 0, label: Low", line: 5,
            says: "expected 1, not 0: a scale starts at 1"),
        BrokenCase(
            name: "scale with a gap", replace: "{value: 3, label: High", with: "{value: 4, label: High", line: 7,
            says: "expected 3, not 4: points run 1, 2, 3, … without gaps"),
        BrokenCase(
            name: "round naming an unknown competency", replace: "competencies: [apis, talk]", with: "competencies: [apis, databases]", line: 18,
            says: "unknown competency 'databases'"),
        BrokenCase(
            name: "thresholds out of order", replace: "{strong_yes: 2.8, yes: 2.2, no: 1.5}", with: "{strong_yes: 2.8, yes: 1.2, no: 1.5}",
            line: 20, says: "out of order"),
        BrokenCase(
            name: "threshold off the scale", replace: "{strong_yes: 2.8, yes: 2.2, no: 1.5}", with: "{strong_yes: 3.8, yes: 2.2, no: 1.5}",
            line: 20, says: "outside the scale"),
        BrokenCase(
            name: "missing anchor", replace: "anchors: {1: none, 2: some, 3: all}\n  - id: talk", with: "anchors: {1: none, 3: all}\n  - id: talk",
            line: 12, says: "no anchor for 2"),
        BrokenCase(
            name: "anchor off the scale", replace: "anchors: {1: none, 2: some, 3: all}\n  - id: talk",
            with: "anchors: {1: none, 2: some, 3: all, 5: wow}\n  - id: talk", line: 12, says: "5 is not a point of the scale"),
        BrokenCase(name: "duplicate competency", replace: "id: talk", with: "id: apis", line: 13, says: "used by two competencies"),
        BrokenCase(
            name: "a round listing a competency twice", replace: "competencies: [apis, talk]", with: "competencies: [apis, talk, apis]", line: 18,
            says: "lists competency 'apis' twice"),
        BrokenCase(
            name: "weight for an uncovered competency", replace: "weights: {apis: 3}", with: "weights: {ops: 3}", line: 19, says: "does not cover"),
        BrokenCase(name: "a bad coverage floor", replace: "coverage_floor: 0.5", with: "coverage_floor: 50", line: 21, says: "share above 0"),
        BrokenCase(
            name: "missing thresholds", replace: "thresholds: {strong_yes: 2.8, yes: 2.2, no: 1.5}", with: "", line: 1,
            says: "missing required key 'thresholds'"),
        BrokenCase(name: "text where a number belongs", replace: "weight: 2", with: "weight: heavy", line: 11, says: "expected a number"),
    ]

    @Test("a broken rubric is refused with file, line and what to fix", arguments: broken)
    func refusesBroken(_ broken: BrokenCase) {
        let yaml = Self.valid.replacingOccurrences(of: broken.replace, with: broken.with)
        #expect(yaml != Self.valid, "the case did not change the rubric")
        do {
            _ = try RubricDecoder.decode(yaml: yaml, file: "tiny.yaml")
            Issue.record("accepted a rubric with \(broken.name)")
        } catch {
            #expect(error.file == "tiny.yaml")
            #expect(error.line == broken.line, "\(error)")
            #expect(error.message.contains(broken.says), "\(error)")
            #expect(error.description.hasPrefix("tiny.yaml:"))
        }
    }

    @Test("an empty file is refused")
    func empty() {
        #expect(throws: RubricError.self) { try RubricDecoder.decode(yaml: "", file: "empty.yaml") }
    }

    @Test("a rubric whose id differs from its file name is refused")
    func idMatchesFile() {
        #expect(throws: RubricError.self) { try RubricCatalog(files: [("other.yaml", Self.valid)]) }
    }
}
