import DebriefCore
import Foundation
import Testing

/// `debrief report questions`: the health of every question rated, through the command.
@Suite("The question-health report", .serialized)
struct QuestionHealthReportTests {
    /// A demo of 120 candidates: its questions include vague, too easy and matter-of-taste ones.
    private static func demo() async throws -> CLIHarness {
        let cli = try CLIHarness()
        let made = await cli.run(["demo", "generate", "--candidates", "120", "--seed", "1", "--today", "2026-11-01"])
        #expect(made.code == 0, "\(made.err)")
        return cli
    }

    private func json(_ cli: CLIHarness, _ arguments: [String]) async throws -> [String: Any] {
        let result = await cli.run(["report", "questions", "--format", "json"] + arguments)
        #expect(result.code == 0, "\(result.err)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    }

    @Test("the whole bank: every rated question once, in id order, figures beside their minimums, and each flag where the data earn it")
    func wholeBank() async throws {
        let cli = try await Self.demo()
        defer { cli.remove() }
        let report = try await json(cli, [])
        #expect(report["position"] is NSNull)
        let minimums = try #require(report["minimums"] as? [String: Int])
        #expect(minimums == ["asked": 10, "rated": 10, "candidates_for_correlation": 10, "candidates_for_agreement": 5])
        let questions = try #require(report["questions"] as? [[String: Any]])
        let ids = questions.compactMap { $0["id"] as? Int }
        #expect(ids.count == questions.count && ids == ids.sorted() && Set(ids).count == ids.count && ids.count >= 5)
        for question in questions {
            let asked = try #require(question["asked"] as? Int), rated = try #require(question["rated"] as? Int)
            let notes = try #require(question["notes"] as? [String])
            #expect(rated <= asked && (question["text"] as? String)?.isEmpty == false && question["set_title"] is String)
            if asked < 10 {
                #expect(question["no_signal_share"] is NSNull && notes.contains { $0.contains("the share of no signal needs 10") })
            }
            if rated < 10 {
                #expect(question["mean"] is NSNull && question["mean_interval"] is NSNull && question["floor_share"] is NSNull)
            } else {
                let mean = try #require(question["mean"] as? Double)
                let interval = try #require(question["mean_interval"] as? [String: Double])
                #expect(interval["low"]! <= mean && mean <= interval["high"]! && (1...4).contains(mean))
            }
            if let r = question["item_total_correlation"] as? Double {
                let interval = try #require(question["item_total_interval"] as? [String: Double])
                #expect(interval["low"]! <= r && r <= interval["high"]! && (-1...1).contains(r))
            } else {
                #expect(notes.contains { $0.contains("the item-total correlation needs 10") })
            }
        }
        let flags = Set(questions.flatMap { $0["flags"] as? [String] ?? [] })
        #expect(flags == ["rarely gives signal", "nearly everyone gets the same rating", "interviewers disagree on it"])
        for question in questions where (question["flags"] as? [String])?.contains("rarely gives signal") == true {
            #expect((question["no_signal_share"] as? Double).map { $0 >= 0.3 } == true)
        }
    }

    @Test("--position counts only that position's ratings, and agrees with its long ratings export")
    func onePosition() async throws {
        let cli = try await Self.demo()
        defer { cli.remove() }
        let report = try await json(cli, ["--position", "1"])
        let position = try #require(report["position"] as? [String: Any])
        #expect(position["id"] as? Int == 1 && position["title"] as? String == "Backend Engineer")
        let questions = try #require(report["questions"] as? [[String: Any]])
        #expect(!questions.isEmpty)
        // The long export reads the ratings another way (through the position's dossier).
        let export = await cli.run(["report", "position", "1", "--format", "csv", "--long"])
        var points: [String: [Int?]] = [:]
        for record in try CSVReader.records(export.out).dropFirst() {
            let cells = record.fields
            guard !cells[8].isEmpty else { continue }
            points[cells[8], default: []].append(Int(cells[9]))
        }
        #expect(points.count == questions.count)
        for question in questions {
            let text = try #require(question["text"] as? String)
            let given = try #require(points[text])
            #expect(question["asked"] as? Int == given.count && question["rated"] as? Int == given.compactMap { $0 }.count)
            if let mean = question["mean"] as? Double {
                let values = given.compactMap { $0 }.map(Double.init)
                #expect(abs(mean - values.reduce(0, +) / Double(values.count)) < 1e-12)
            }
        }
        let wholeBank = try #require(try await json(cli, [])["questions"] as? [[String: Any]])
        let askedEverywhere = Dictionary(uniqueKeysWithValues: wholeBank.map { ($0["id"] as! Int, $0["asked"] as! Int) })
        #expect(questions.allSatisfy { ($0["asked"] as! Int) <= askedEverywhere[$0["id"] as! Int]! })
    }

    @Test("--set limits it to one set's questions; Markdown, CSV and HTML say the same")
    func setAndFormats() async throws {
        let cli = try await Self.demo()
        defer { cli.remove() }
        let set = try await json(cli, ["--set", "1"])
        let count = (set["questions"] as? [Any])?.count ?? 0
        #expect(count > 0 && (set["questions"] as? [[String: Any]])?.allSatisfy { $0["set_id"] as? Int == 1 } == true)
        let markdown = await cli.run(["report", "questions", "--format", "md"])
        #expect(
            markdown.code == 0
                && markdown.out.hasPrefix("# Question health: the whole bank\n\n\(count) questions of the bank rated across every position (from "))
        #expect(markdown.out.contains("| # | Question | Set | Asked | No signal | Mean (95%) |") && markdown.out.contains("## How to read it"))
        let csv = await cli.run(["report", "questions", "--format", "csv"])
        let lines = csv.out.split(separator: "\r\n")
        #expect(lines.first?.hasPrefix("question_id,question,set_id,set,set_version,scale_min,scale_max,asked,rated,no_signal_share") == true)
        #expect(lines.count == count + 1)
        let file = cli.directory.appendingPathComponent("questions.html").path
        let html = await cli.run(["report", "questions", "--format", "html", "--out", file])
        #expect(html.code == 0)
        let page = try String(contentsOfFile: file, encoding: .utf8)
        #expect(
            page.hasPrefix("<!DOCTYPE html>") && page.contains("<h1>Question health: the whole bank</h1>") && page.contains("<h2>How to read it</h2>")
        )
        #expect(
            page.contains("<ul class=\"flags\"><li>interviewers disagree on it</li>") || page.contains("<li>interviewers disagree on it</li></ul>"))
    }

    @Test("an unknown position or set, and a format it does not come in, are errors that say so")
    func badInput() async throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        #expect(await cli.run(["positions", "list"]).code == 0)
        let position = await cli.run(["report", "questions", "--position", "99", "--format", "json"])
        #expect(position.code != 0 && position.err.contains("no position #99"), "\(position.err)")
        let set = await cli.run(["report", "questions", "--set", "7", "--format", "json"])
        #expect(set.code != 0 && set.err.contains("#7"), "\(set.err)")
        let format = await cli.run(["report", "questions", "--format", "text"])
        #expect(format.code == 64 && format.err.contains("text"), "\(format.err)")
        let empty = try #require(
            try JSONSerialization.jsonObject(with: Data(await cli.run(["report", "questions", "--format", "json"]).out.utf8)) as? [String: Any])
        #expect((empty["questions"] as? [Any])?.isEmpty == true)
        #expect((empty["notes"] as? [String])?.first?.hasPrefix("no submitted rating is for a question of the bank yet") == true)
    }
}
