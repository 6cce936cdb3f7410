import DebriefCore
import Mustache

/// The question-health report as one self-contained HTML file, and as a section for the web app.
public enum QuestionHealthHTML {
    private static let template = ReportTemplate.parse(QuestionHealthTemplate.section)

    public static func render(_ report: QuestionHealthReport) -> String {
        ReportDocument.render(title: title(report), section: section(report))
    }

    /// The report without its document around it. `setLinks` maps set ids to the address of the set's page.
    public static func section(_ report: QuestionHealthReport, setLinks: [Int64: String] = [:]) -> String {
        let scales = Set(report.questions.map { "\($0.scaleMin)–\($0.scaleMax)" })
        // Each question's set is named beside it only when the questions come from more than one.
        let sets = Set(report.questions.map(\.setId))
        let context: [String: Any] = [
            "title": title(report), "summary": summary(report), "hasQuestions": !report.questions.isEmpty,
            "questions": report.questions.map { entry -> [String: Any] in
                [
                    "id": entry.id, "text": entry.text, "link": setLinks[entry.setId].map { "\($0)#question-\(entry.id)" } ?? false,
                    "set": sets.count > 1 ? "\(entry.setTitle) v\(entry.setVersion)" : false,
                    "scale": scales.count > 1 ? "\(entry.scaleMin)–\(entry.scaleMax)" : false,
                    "hasNotes": !entry.notes.isEmpty, "notes": entry.notes, "asked": entry.asked,
                    "noSignal": Figures.percent(entry.noSignalShare), "mean": Figures.number(entry.mean),
                    "meanInterval": entry.meanInterval.map(QuestionHealthReading.interval) ?? false,
                    "sd": Figures.number(entry.standardDeviation), "scaleUse": QuestionHealthReading.scaleUse(entry),
                    "itemTotal": Figures.number(entry.itemTotalCorrelation),
                    "itemTotalInterval": entry.itemTotalInterval.map(QuestionHealthReading.interval) ?? false,
                    "agreement": Figures.number(entry.agreement), "hasFlags": !entry.flags.isEmpty, "flags": entry.flags,
                ]
            },
            "guide": guide(report), "hasNotes": !report.notes.isEmpty, "notes": report.notes,
        ]
        return template.render(context)
    }

    /// The report's heading.
    static func title(_ report: QuestionHealthReport) -> String {
        "Question health" + (report.position.map { ": \($0.title)" } ?? ": the whole bank")
    }

    /// What was assessed and what needs a look, in a sentence.
    static func summary(_ report: QuestionHealthReport) -> String {
        let flagged = report.questions.filter { !$0.flags.isEmpty }.count
        let asked = report.questions.count == 1 ? "1 question" : "\(report.questions.count) questions"
        let scope = report.position.map { "for \($0.title)" } ?? "across every position"
        let sets = Set(report.questions.map(\.setId))
        let from = sets.count == 1 ? report.questions.first.map { " (from \($0.setTitle) v\($0.setVersion))" } ?? "" : ""
        return "\(asked) of the bank rated \(scope)\(from); \(flagged) flagged for a look."
    }

    /// How to read the figures, with the thresholds the flags use.
    static func guide(_ report: QuestionHealthReport) -> [String] {
        let minimums = report.minimums
        return [
            "No signal: the share of times asked that the interviewer could not rate; "
                + "\"rarely gives signal\" from \(Figures.percent(QuestionHealth.noSignalFlag)).",
            "Floor / ceiling: the share of ratings at the scale's lowest and highest point; "
                + "\"nearly everyone gets the same rating\" when one rating takes \(Figures.percent(QuestionHealth.sameRatingFlag)) or more.",
            "Tracks competency: the correlation of a candidate's rating on the question with their other ratings of the same competency; "
                + "near zero or below, the question measures something else.",
            "Agreement: Krippendorff's alpha where two or more interviewers rated the question for the same candidate; "
                + "\"interviewers disagree on it\" below \(Figures.number(QuestionHealth.disagreementFlag, decimals: 1)).",
            "A figure needs \(minimums.asked) times asked, \(minimums.rated) ratings on the scale, \(minimums.candidatesForCorrelation) candidates "
                + "for the correlation or \(minimums.candidatesForAgreement) rated twice for agreement; below that it is left out, with a note.",
            "Nothing here predicts hiring or changes a score: it says which questions earn their interview time.",
        ]
    }
}
