import DebriefCore
import DebriefImport
import DebriefReports
import DebriefStore
import Foundation

/// The question bank's pages: its sets, a search with filters, one set, and the import form with its preview.
/// Answers are HTML the importer sanitised before it stored or showed them; everything else is escaped.
enum QuestionBankPages {
    static let pageSize = 25

    static func bank(
        sets: [QuestionSetSummary], query: QuestionQuery, result: QuestionSearchResult?, rubrics: [Rubric], chrome: PageChrome
    ) -> String {
        var competencies: [[String: Any]] = []
        var seen = Set<String>()
        for rubric in rubrics {
            for competency in rubric.competencies where seen.insert(competency.id).inserted {
                competencies.append(["id": competency.id, "title": competency.title, "selected": competency.id == query.competency])
            }
        }
        var values: [String: Any] = [
            "query": query.text ?? "", "level": query.level ?? "", "competencies": competencies, "hasSets": !sets.isEmpty,
            "sets": sets.map { set -> [String: Any] in
                [
                    "id": set.id, "title": set.title, "version": set.version, "count": CountedNoun.phrase(set.questionCount, "question"),
                    "source": set.source,
                    "imported": Figures.dateTime(set.importedAt), "selected": set.id == query.setID,
                ]
            },
            "searched": result != nil, "pageSize": pageSize,
        ]
        if let result {
            values["total"] = result.total
            values["totalNoun"] = result.total == 1 ? "question found" : "questions found"
            values["hasHits"] = !result.hits.isEmpty
            values["start"] = query.offset + 1
            values["hits"] = result.hits.map { hit -> [String: Any] in
                let question = hit.question
                return [
                    "runs": hit.runs.map { ["text": $0.text, "matched": $0.matched] as [String: Any] }, "setID": question.setID ?? 0,
                    "setTitle": hit.setTitle, "setVersion": hit.setVersion, "section": question.section ?? false, "level": question.level ?? false,
                    "kind": question.kind?.rawValue ?? false,
                    "competencies": question.competencies.isEmpty ? false : question.competencies.joined(separator: ", "),
                    "answer": question.answerHTML ?? false,
                ]
            }
            values["previous"] = query.offset > 0 ? link(query, offset: max(0, query.offset - pageSize)) : false
            values["next"] = query.offset + result.hits.count < result.total ? link(query, offset: query.offset + pageSize) : false
        }
        return PageTemplate.render("questions", chrome: chrome, values)
    }

    private static func link(_ query: QuestionQuery, offset: Int) -> String {
        PageLink.to(
            "/questions",
            [
                ("q", query.text), ("offset", String(offset)), ("competency", query.competency), ("level", query.level),
                ("set", query.setID.map(String.init)),
            ], fragment: "results")
    }

    /// One set's questions, each with its health when it has been rated (`health` holds the set's
    /// entries; nil when it could not be worked out now, which the page says).
    static func set(_ set: QuestionSet, health: QuestionHealthReport?, notice: String?, chrome: PageChrome) -> String {
        let entries = Dictionary(grouping: health?.questions ?? [], by: \.id)
        var sections: [[String: Any]] = []
        var current: String?? = .none
        for question in set.questions {
            if current != .some(question.section) {
                current = .some(question.section)
                sections.append(["title": question.section ?? "Questions", "questions": [[String: Any]]()])
            }
            let meta = [question.level, question.kind?.rawValue, question.competencies.isEmpty ? nil : question.competencies.joined(separator: ", ")]
                .compactMap { $0 }.joined(separator: " · ")
            var list = sections[sections.count - 1]["questions"] as? [[String: Any]] ?? []
            let readings = (question.id.flatMap { entries[$0] } ?? []).map { entry -> [String: Any] in
                ["line": QuestionHealthReading.line(entry), "flags": entry.flags]
            }
            list.append([
                "id": question.id ?? 0, "ordinal": question.ordinal, "text": question.text, "title": question.title ?? false,
                "meta": meta.isEmpty ? false : meta, "answer": question.answerHTML ?? false, "health": readings,
            ])
            sections[sections.count - 1]["questions"] = list
        }
        return PageTemplate.render(
            "questionSet", chrome: chrome,
            [
                "title": set.title, "version": set.version, "count": set.questions.count, "source": set.source,
                "imported": Figures.dateTime(set.importedAt), "sections": sections, "notice": notice ?? false,
                "healthUnavailable": health == nil, "setID": set.id ?? 0,
                "rated": health.map { CountedNoun.phrase(Set($0.questions.map(\.id)).count, "question") } ?? "",
            ])
    }

    /// The question-health report inside the layout, with a choice of position.
    static func health(_ report: QuestionHealthReport, positions: [Position], chrome: PageChrome) -> String {
        PageTemplate.render(
            "questionHealth", chrome: chrome,
            [
                "report": QuestionHealthHTML.section(
                    report, setLinks: Dictionary(report.questions.map { ($0.setId, "/questions/sets/\($0.setId)") }) { a, _ in a }),
                "positions": positions.map { position -> [String: Any] in
                    ["id": position.id ?? 0, "title": position.title, "selected": position.id == report.position?.id]
                },
                "everyPosition": report.position == nil,
            ])
    }

    /// What the import form holds, as typed or uploaded.
    struct ImportForm {
        var html = ""
        var name = ""
        var rubricID = ""
        var message: String?
    }

    static func importForm(_ form: ImportForm, rubrics: [Rubric], limit: Int, chrome: PageChrome) -> String {
        PageTemplate.render(
            "import", chrome: chrome,
            [
                "preview": false, "html": form.html, "name": form.name, "message": form.message ?? false,
                "limit": ByteCountFormatter.string(fromByteCount: Int64(limit), countStyle: .file),
                "rubrics": rubrics.map { ["id": $0.id, "title": $0.title, "selected": $0.id == form.rubricID] as [String: Any] },
            ])
    }

    /// The dry run of a page, with a form that sends the same bytes back to be stored.
    static func preview(_ found: ImportedQuestionSet, page: Data, filename: String, form: ImportForm, rubric: Rubric?, chrome: PageChrome) -> String {
        PageTemplate.render(
            "import", chrome: chrome,
            [
                "preview": true, "title": found.title, "count": found.questionCount,
                "questionCount": CountedNoun.phrase(found.questionCount, "question"),
                "sectionCount": CountedNoun.phrase(found.sections.count, "section"),
                "single": found.questionCount == 1,
                "rubric": rubric?.title ?? false, "rubricID": rubric?.id ?? "", "name": form.name, "filename": filename,
                "page": page.base64EncodedString(), "warnings": found.warnings, "hasWarnings": !found.warnings.isEmpty,
                "skipped": found.skipped.map { ["text": $0.text, "reason": $0.reason] }, "hasSkipped": !found.skipped.isEmpty,
                "skippedCount": CountedNoun.phrase(found.skipped.count, "line"), "message": form.message ?? false,
                "sections": found.sections.map { section -> [String: Any] in
                    [
                        "title": section.title ?? "Questions", "count": CountedNoun.phrase(section.questions.count, "question"),
                        "level": section.level ?? false,
                        "kind": section.kind ?? false, "layouts": section.layouts.isEmpty ? false : PageLayout.plainWords(of: section.layouts),
                        "questions": section.questions.map { question -> [String: Any] in
                            [
                                "ordinal": question.ordinal, "text": question.text, "title": question.title ?? false,
                                "answer": question.answer ?? false,
                                "competencies": question.competencies.isEmpty ? false : question.competencies.joined(separator: ", "),
                            ]
                        },
                    ]
                },
            ])
    }
}
