import ArgumentParser
import DebriefCore
import DebriefImport
import DebriefStore
import Foundation

/// `debrief import FILE...`
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import interview questions from HTML pages or pasted fragments into the question bank.",
        discussion: """
            Understands a heading per question, lists of questions under headings, <details>, tables with a question
            column, definition lists and bold or "Question:" paragraphs. Navigation, sidebars, footers, tips and
            advice lists stay out. Answers keep only safe HTML. Importing the same page twice adds nothing; a changed
            page becomes a new version of its set. Each file is stored in one transaction.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var rubrics: RubricOptions
    @Argument(help: "HTML files, or - for standard input.") var files: [String]
    @Flag(help: "Show what would be imported; store nothing.") var dryRun = false
    @Flag(help: "One line per file: the summary alone (no questions with --dry-run, no warnings when storing).") var quiet = false
    @Option(
        help: "The set's name in the bank: its title, and what tells it from other sets (needed for - unless the page has a <title>).")
    var name: String?
    @Option(help: "Map questions to this rubric's competencies by keyword.") var rubric: String?
    @Option(name: .customLong("section-xpath"), help: "XPath of section titles (with --question-xpath).") var sectionXPath: String?
    @Option(name: .customLong("question-xpath"), help: "XPath of the questions, for pages with an unusual layout.") var questionXPath: String?
    @Option(name: .customLong("answer-xpath"), help: "XPath of a question's answer, relative to the question node.") var answerXPath: String?
    @Option(help: "Use the XPath overrides saved under this name.") var profile: String?
    @Option(help: "Save the given XPath overrides under this name for later imports.") var saveProfile: String?
    @OptionGroup var output: FormatOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one HTML file, or - for standard input") }
        if (sectionXPath != nil || answerXPath != nil || saveProfile != nil) && questionXPath == nil {
            throw ValidationError("--section-xpath, --answer-xpath and --save-profile need --question-xpath")
        }
        if profile != nil && questionXPath != nil { throw ValidationError("use either --profile or --question-xpath, not both") }
        if dryRun && saveProfile != nil {
            throw ValidationError("--save-profile stores a profile and a dry run stores nothing; drop --dry-run to save it")
        }
        if name != nil && files.count > 1 { throw ValidationError("--name names one set; import one file at a time with it") }
        if let name, name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("--name must not be empty") }
        do {
            try XPathOverrides(section: sectionXPath, question: questionXPath, answer: answerXPath).validate()
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let store: AppDatabase? = dryRun && profile == nil && saveProfile == nil ? nil : try database.open()
        let importer = QuestionSetImporter(rubric: try rubric.map { try rubrics.catalog().rubric($0) }, overrides: try await overrides(store))
        var results: [ImportedQuestionSet] = []
        var failures = 0
        for file in files {
            do {
                let data = try InputFile.data(file, limit: importer.sizeLimit)
                let found = try named(importer.extract(data, source: file == "-" ? "standard input" : file), file: file)
                results.append(found)
                if let store, !dryRun {
                    try await store.keep(found, data: data, by: database.principal, console: output.format == .text, quiet: quiet)
                }
            } catch {
                failures += 1
                Console.current.errorLine("error: \(error)")
            }
        }
        if quiet && dryRun {
            results.forEach {
                Console.current.line(
                    "\($0.source): \($0.questionCount) questions in \($0.sections.count) sections, \($0.skipped.count) lines left out")
            }
        } else if dryRun || output.format == .json {
            if output.format == .json {
                Console.current.line(ImportedQuestionSet.json(results))
            } else {
                results.forEach { Console.current.line(ImportedSetText.render($0)) }
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }

    /// The set's identity (`source`) and title: --name, else the file's path, else the pasted page's
    /// own <title>. Pasted text with neither is refused, so unrelated pastes never become versions of one set.
    private func named(_ found: ImportedQuestionSet, file: String) throws -> ImportedQuestionSet {
        var named = found
        if let name = name?.trimmingCharacters(in: .whitespacesAndNewlines) {
            named.title = name
            named.source = name
        } else if file == "-" {
            guard let title = found.pageTitle else {
                throw CLIError("the pasted fragment has no <title> to name its set by; pass --name NAME")
            }
            named.source = "pasted: \(title)"
        }
        return named
    }

    private func overrides(_ store: AppDatabase?) async throws -> XPathOverrides? {
        if let profile, let store {
            let saved = try await store.importProfile(named: profile)
            return XPathOverrides(section: saved.sectionXPath, question: saved.questionXPath, answer: saved.answerXPath)
        }
        guard let questionXPath else { return nil }
        if let saveProfile, let store {
            try await store.saveImportProfile(
                ImportProfile(name: saveProfile, sectionXPath: sectionXPath, questionXPath: questionXPath, answerXPath: answerXPath),
                by: database.principal)
        }
        return XPathOverrides(section: sectionXPath, question: questionXPath, answer: answerXPath)
    }
}

extension AppDatabase {
    /// Stores one imported page and says what happened.
    fileprivate func keep(_ found: ImportedQuestionSet, data: Data, by principal: Principal, console: Bool, quiet: Bool) async throws {
        let set = try found.questionSet(contentHash: ImportedQuestionSet.contentHash(of: data))
        switch try await importQuestionSet(set, by: principal) {
        case .stored(let stored):
            if console {
                Console.current.line(
                    "Imported \(found.source): \(stored.questions.count) questions in \(found.sections.count) sections as set #\(stored.id ?? 0) v\(stored.version)"
                        + (found.skipped.isEmpty ? "" : "; left out \(found.skipped.count) lines (see --dry-run)"))
                if !quiet { found.warnings.forEach { Console.current.line("  warning: \($0)") } }
            }
        case .unchanged(let existing):
            if console {
                Console.current.line("\(found.source) is already in the bank as set #\(existing.id ?? 0) v\(existing.version); nothing added")
            }
        }
    }
}
