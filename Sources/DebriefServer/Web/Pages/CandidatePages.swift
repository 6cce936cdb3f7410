import DebriefCore
import DebriefReports
import DebriefService
import DebriefStore
import Foundation

/// The recruiter's pipeline page and a candidate's page, with the forms that change them.
enum CandidatePages {
    /// The add-candidate form as typed, with a message per field.
    struct AddForm {
        var values: [String: String] = [:]
        var errors: [String: String] = [:]
        var message: String?

        static let fields: [(name: String, label: String, type: String, required: Bool)] = [
            ("name", "Name", "text", true), ("email", "Email", "email", true), ("phone", "Phone", "text", false),
            ("source", "Source (referral, job board, ...)", "text", false),
        ]
    }

    /// The schedule-a-round and change-a-round forms as typed, with a message per field.
    struct RoundForm {
        var positionID: Int64?
        var kind = ""
        var at = ""
        var zone = "UTC"
        var interviewers: [String] = []
        var questionSetID: Int64?
        var errors: [String: String] = [:]
        var message: String?
    }

    static func pipeline(
        _ view: PipelineView, filter: CandidateFilter, positions: [Position], add: AddForm, chrome: PageChrome
    ) -> String {
        let total = view.counts.values.reduce(0, +)
        let stages = PipelineStage.allCases.filter { filter.stage == nil || $0 == filter.stage }.map { stage -> [String: Any] in
            let count = view.counts[stage] ?? 0, shown = view.candidates[stage] ?? []
            return [
                "name": stage.rawValue, "count": count, "hasCandidates": !shown.isEmpty, "more": shown.count < count,
                "moreLink": link(filter, stage: stage),
                "candidates": shown.map { ["id": $0.id ?? 0, "name": $0.name, "email": $0.email.value] as [String: Any] },
            ]
        }
        return PageTemplate.render(
            "candidates", chrome: chrome,
            [
                "query": filter.text ?? "", "total": total, "filtered": filter != CandidateFilter(), "stages": stages,
                "positionTitle": positions.first { $0.id == filter.positionID }?.title ?? false,
                "positions": positions.map { ["id": $0.id ?? 0, "title": $0.title, "selected": $0.id == filter.positionID] as [String: Any] },
                "stageOptions": PipelineStage.allCases.map { ["value": $0.rawValue, "selected": $0 == filter.stage] as [String: Any] },
                "addFields": AddForm.fields.map { field -> [String: Any] in
                    [
                        "name": field.name, "label": field.label, "type": field.type, "required": field.required,
                        "value": add.values[field.name] ?? "", "error": add.errors[field.name] ?? false,
                    ]
                },
                "addMessage": add.message ?? false,
            ])
    }

    private static func link(_ filter: CandidateFilter, stage: PipelineStage) -> String {
        PageLink.to("/candidates", [("stage", stage.rawValue), ("q", filter.text), ("position", filter.positionID.map(String.init))])
    }

    static func candidate(
        _ file: CandidateFile, form: RoundForm?, notice: String? = nil, stageError: String? = nil, chrome: PageChrome
    ) -> String {
        let candidate = file.candidate
        let form = form ?? RoundForm(positionID: file.rounds.last?.round.positionID ?? file.positions.first?.position.id)
        var values: [String: Any] = [
            "id": candidate.id ?? 0, "name": candidate.name, "email": candidate.email.value, "phone": candidate.phone ?? false,
            "source": candidate.source ?? false, "stage": candidate.stage.rawValue, "notice": notice ?? false,
            "moves": candidate.stage.allowedNextStages.map(\.rawValue), "hasMoves": !candidate.stage.allowedNextStages.isEmpty,
            "stageError": stageError ?? false, "closed": candidate.stage.isClosed, "hasRounds": !file.rounds.isEmpty,
        ]
        values["rounds"] = file.rounds.map { overview -> [String: Any] in
            [
                "id": overview.round.id ?? 0, "when": Figures.dateTime(overview.round.scheduledAt), "kind": overview.round.kind.label,
                "position": overview.positionTitle, "kit": overview.questionSetTitle ?? "none",
                "panel": overview.panel.map { member -> [String: Any] in
                    ["name": member.person.name, "status": member.scorecard.map { $0 == .draft ? "draft" : "submitted" } ?? "not started"]
                },
            ]
        }
        values["positions"] = file.positions.map { entry -> [String: Any] in
            ["id": entry.position.id ?? 0, "title": entry.position.title, "selected": entry.position.id == form.positionID]
        }
        var kinds: [RoundKind] = []
        for entry in file.positions { for kind in entry.kinds where !kinds.contains(kind) { kinds.append(kind) } }
        values["kinds"] = kinds.map {
            ["value": $0.rawValue, "label": $0.label, "selected": $0.rawValue == form.kind]
        }
        values["questionSets"] = file.questionSets.map { set -> [String: Any] in
            [
                "id": set.id, "title": set.title, "version": set.version, "count": CountedNoun.phrase(set.questionCount, "question"),
                "selected": set.id == form.questionSetID,
            ]
        }
        values["scheduleMessage"] = form.message ?? false
        values.merge(roundFields(form, people: file.people)) { _, new in new }
        values["reports"] = file.reports.map { entry -> [String: Any] in
            var report: [String: Any] = [
                "positionID": entry.positionID, "candidateID": candidate.id ?? 0,
                "title": file.positions.first { $0.position.id == entry.positionID }?.position.title ?? "#\(entry.positionID)",
            ]
            switch entry.report {
            case .success(let candidateReport):
                report["section"] = CandidateReportHTML.section(candidateReport)
                report["failure"] = false
            case .failure(let failure):
                report["section"] = ""
                report["failure"] = failure.message
            }
            return report
        }
        return PageTemplate.render("candidate", chrome: chrome, values)
    }

    static func roundEdit(_ round: Round, candidate: Candidate, positionTitle: String, people: [User], form: RoundForm, chrome: PageChrome) -> String
    {
        var values: [String: Any] = [
            "id": round.id ?? 0, "candidateID": candidate.id ?? 0, "candidate": candidate.name, "kind": round.kind.label,
            "position": positionTitle, "when": Figures.dateTime(round.scheduledAt), "message": form.message ?? false,
        ]
        values.merge(roundFields(form, people: people)) { _, new in new }
        return PageTemplate.render("roundEdit", chrome: chrome, values)
    }

    /// UTC first, then every zone the system knows by name.
    private static let zones = ["UTC"] + TimeZone.knownTimeZoneIdentifiers.filter { $0 != "UTC" }.sorted()

    /// The time, zone and panel fields both round forms share.
    private static func roundFields(_ form: RoundForm, people: [User]) -> [String: Any] {
        [
            "at": form.at, "errors": form.errors,
            "zones": zones.map { ["name": $0, "selected": $0 == form.zone] as [String: Any] },
            "people": people.map { person -> [String: Any] in
                [
                    "id": person.id ?? 0, "email": person.email.value, "name": person.name, "role": person.role.rawValue,
                    "checked": form.interviewers.contains { $0.caseInsensitiveCompare(person.email.value) == .orderedSame },
                ]
            },
        ]
    }
}
