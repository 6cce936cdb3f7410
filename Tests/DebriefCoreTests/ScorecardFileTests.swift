import DebriefCore
import Testing

@Suite("Scorecard files")
struct ScorecardFileTests {
    @Test("every field, competency and question ratings, in YAML and in JSON")
    func fields() throws {
        let yaml = """
            round: 3
            interviewer: Grace@Example.com
            recommendation: strong yes
            notes: Clear on REST
            ratings: {apis-http: 3, databases: none}
            questions:
              - {question: 12, competency: apis-http, rating: 4, note: Crisp}
            """
        let file = try ScorecardFile.decode(yaml, file: "card.yaml")
        #expect(file.round == 3 && file.interviewer?.value == "grace@example.com" && file.recommendation == .strongYes)
        #expect(file.notes == "Clear on REST" && file.declaresRatings)
        #expect(file.ratings.map(\.competencyID) == ["apis-http", "databases", "apis-http"])
        #expect(file.ratings.map(\.value) == [.point(3), .noSignal, .point(4)])
        #expect(file.ratings[2].questionID == 12 && file.ratings[2].note == "Crisp")
        let json = try ScorecardFile.decode(#"{"round": 3, "ratings": {"apis-http": 3}}"#, file: "card.json")
        #expect(json.round == 3 && json.ratings.count == 1)
    }

    @Test("an empty ratings map is a file that rates nothing on purpose; no key at all is not")
    func declaredRatings() throws {
        #expect(try ScorecardFile.decode("round: 1\nratings: {}\n", file: "a.yaml").declaresRatings)
        #expect(try !ScorecardFile.decode("round: 1\n", file: "a.yaml").declaresRatings)
    }

    @Test(
        "what is wrong is said with the file, the line and what to write instead",
        arguments: [
            ("round: 1\nratingz: {apis-http: 3}\n", "a.yaml:2: unknown key 'ratingz'; expected one of: round, interviewer"),
            ("round: 1\nquestions:\n  - {question: 12, competency: apis-http, ratin: 4}\n", "a.yaml:3: unknown key 'ratin' in questions[0]"),
            ("round: one\n", "a.yaml:1: round: expected a whole number, not 'one'"),
            ("round: 0\n", "a.yaml:1: round: expected a round id"),
            ("ratings: {apis-http: great}\n", "a.yaml:1: ratings.apis-http: 'great' is not a rating"),
            ("recommendation: maybe\n", "a.yaml:1: recommendation: 'maybe' is not a recommendation"),
            ("interviewer: grace-at-example\n", "a.yaml:1: interviewer:"),
            ("ratings: [3, 4]\n", "a.yaml:1: ratings: expected a mapping"),
            ("ratings: {apis-http: 3\n", "a.yaml:2: is not valid YAML"),
            ("{\"round\": 1,\n \"ratings\": {\"apis-http\": 3,,}}\n", "a.yaml:2: is not valid JSON"),
            ("", "a.yaml: is empty"),
        ])
    func errors(text: String, says: String) {
        #expect {
            try ScorecardFile.decode(text, file: "a.yaml")
        } throws: { error in
            (error as? ScorecardFileError)?.description.hasPrefix(says) == true || (error as? ScorecardFileError)?.description.contains(says) == true
        }
    }
}
