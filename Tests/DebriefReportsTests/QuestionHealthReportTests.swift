import DebriefCore
import DebriefReports
import Foundation
import Testing

/// The question-health report from hand-made facts: its figures, its golden renderings, and its escaping.
@Suite("The question-health report's renderings")
struct QuestionHealthReportRenderingTests {
    static let hostile = "<script>alert(1)</script> | Why *this* [link](javascript:x)?"

    /// Twelve candidates, two interviewers: question 7 rated by both for each (one no signal); question 9
    /// asked three times; the competency's own ratings beside them.
    static func facts() throws -> QuestionHealthFacts {
        var ratings: [QuestionRating] = []
        for candidate in Int64(0)..<12 {
            for interviewer in Int64(1)...2 {
                let level = Int(candidate % 4) + 1
                ratings.append(
                    QuestionRating(question: nil, candidate: candidate, interviewer: interviewer, competency: "apis", value: .point(level)))
                let asked: RatingValue =
                    candidate == 0 && interviewer == 2 ? .noSignal : .point(min(4, level + Int(interviewer - 1) * Int(candidate % 2)))
                ratings.append(QuestionRating(question: 7, candidate: candidate, interviewer: interviewer, competency: "apis", value: asked))
            }
            if candidate < 3 {
                ratings.append(QuestionRating(question: 9, candidate: candidate, interviewer: 1, competency: "apis", value: .point(4)))
            }
        }
        let questions = [
            QuestionHealthFacts.AskedQuestion(id: 7, text: "What makes a request idempotent?", title: nil, setID: 1, setTitle: "APIs", setVersion: 2),
            QuestionHealthFacts.AskedQuestion(id: 9, text: hostile, title: "Hostile", setID: 1, setTitle: "APIs", setVersion: 2),
        ]
        return QuestionHealthFacts(
            position: try Position(id: 3, title: "Backend Engineer", rubricID: "backend-engineer"),
            groups: [QuestionHealthFacts.ScaleGroup(scale: try RatingScale(minimum: 1, maximum: 4), ratings: ratings)],
            questions: Dictionary(uniqueKeysWithValues: questions.map { ($0.id, $0) }))
    }

    @Test("figures by hand: asked, rated, no signal, the mean; the thin question's figures are null with notes")
    func figures() throws {
        let report = QuestionHealthReportBuilder.build(try Self.facts())
        #expect(report.position?.id == 3 && report.questions.map(\.id) == [7, 9])
        let seven = report.questions[0]
        #expect(seven.asked == 24 && seven.rated == 23 && seven.noSignalShare == 1.0 / 24)
        // Interviewer 1 gives each candidate's level (1, 2, 3, 4 three times: 30); interviewer 2 one
        // more on odd candidates, capped at 4, and no signal on candidate 0: 3+3+4+1+3+3+4+1+3+3+4 = 32.
        #expect(abs(seven.mean! - 62.0 / 23) < 1e-12)
        let nine = report.questions[1]
        #expect(nine.asked == 3 && nine.mean == nil && nine.noSignalShare == nil && nine.notes.count == 4)
        #expect(report.notes.isEmpty)
    }

    @Test("html, md, csv and json match their golden files")
    func golden() throws {
        let report = QuestionHealthReportBuilder.build(try Self.facts())
        #expect(try ReportFixtures.matchesGolden(QuestionHealthHTML.render(report), "questions.html"))
        #expect(try ReportFixtures.matchesGolden(QuestionHealthMarkdown.render(report), "questions.md"))
        #expect(try ReportFixtures.matchesGolden(QuestionHealthCSV.render(report), "questions.csv"))
        #expect(try ReportFixtures.matchesGolden(JSONText.string(report) + "\n", "questions.json"))
    }

    @Test("a question's text cannot break out of HTML, Markdown or a CSV cell")
    func escaping() throws {
        let report = QuestionHealthReportBuilder.build(try Self.facts())
        let html = QuestionHealthHTML.render(report)
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let markdown = QuestionHealthMarkdown.render(report)
        #expect(markdown.contains("\\<script\\>alert(1)\\</script\\> \\| Why \\*this\\* \\[link\\](javascript:x)?"))
        let rows = try CSVReader.records(QuestionHealthCSV.render(report))
        #expect(rows.count == 3 && rows[2].fields[1] == Self.hostile)
    }

    @Test("with nothing rated, the report says how questions get rated")
    func empty() throws {
        let report = QuestionHealthReportBuilder.build(QuestionHealthFacts(position: nil, groups: [], questions: [:]))
        #expect(report.questions.isEmpty && report.notes.first?.hasPrefix("no submitted rating is for a question of the bank yet") == true)
        #expect(QuestionHealthMarkdown.render(report).contains("0 questions of the bank rated across every position; 0 flagged for a look."))
    }
}
