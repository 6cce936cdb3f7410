import DebriefCore
import Testing

@Suite("Score flags in words")
struct ScoreFlagTextTests {
    let titles = ["apis-http": "APIs and HTTP"]

    @Test("an explanation names a competency by its title when it has one, by its id otherwise")
    func explanations() {
        #expect(
            ScoreFlag.disagreement(competency: "apis-http", spread: 2).explanation(titles: titles)
                == "interviewers are 2 points apart on APIs and HTTP")
        #expect(ScoreFlag.disagreement(competency: "gone", spread: 1.5).explanation(titles: titles) == "interviewers are 1.5 points apart on gone")
        #expect(ScoreFlag.strongNo(count: 2).explanation() == "2 interviewers recommended strong no")
    }

    @Test("a flag's code reads as a few words in a table's cell")
    func codeLabels() {
        #expect(ScoreFlag.label(ofCode: "strong_no") == "strong no" && ScoreFlag.label(ofCode: "low_coverage") == "low coverage")
        #expect(
            ScoreFlag.label(ofCode: ScoreFlag.disagreement(competency: "apis-http", spread: 2).code, titles: titles) == "disagreement: APIs and HTTP")
        #expect(ScoreFlag.label(ofCode: "disagreement:gone", titles: titles) == "disagreement: gone")
    }
}
