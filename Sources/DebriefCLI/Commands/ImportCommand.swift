import ArgumentParser
import DebriefCore
import DebriefImport
import DebriefService
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
        // A dry run without a profile needs no database file: it must not create one.
        let service = dryRun && profile == nil ? try rubrics.service(on: AppDatabase.inMemory()) : try rubrics.service(database)
        let importer = try service.importer(rubricID: rubric, overrides: try await overrides(service))
        var results: [ImportedQuestionSet] = []
        var failures = 0
        for file in files {
            do {
                let page = PageUpload(data: try InputFile.page(file, limit: importer.sizeLimit), path: file == "-" ? nil : file, name: name)
                let outcome = try await service.importPage(page, with: importer, preview: dryRun, by: database.principal)
                results.append(outcome.found)
                if output.format == .text { report(outcome) }
            } catch ServiceError.unnamedPaste {
                failures += 1
                Console.current.errorLine("error: \(ServiceError.unnamedPaste); pass --name NAME")
            } catch {
                failures += 1
                Console.current.errorLine("error: \(error)")
            }
        }
        if quiet && dryRun {
            results.forEach {
                Console.current.line(
                    "\($0.source): \(CountedNoun.phrase($0.questionCount, "question")) in \(CountedNoun.phrase($0.sections.count, "section")), "
                        + "\(CountedNoun.phrase($0.skipped.count, "line")) left out")
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

    /// Says what storing a page did (a preview is printed whole after every page is read).
    private func report(_ outcome: PageImportOutcome) {
        switch outcome {
        case .preview: break
        case .stored(let found, let stored):
            Console.current.line(
                "Imported \(found.source): \(CountedNoun.phrase(stored.questions.count, "question")) in \(CountedNoun.phrase(found.sections.count, "section")) "
                    + "as set #\(stored.id ?? 0) v\(stored.version)"
                    + (found.skipped.isEmpty ? "" : "; left out \(found.skipped.count) lines (see --dry-run)"))
            if !quiet { found.warnings.forEach { Console.current.line("  warning: \($0)") } }
        case .unchanged(let found, let existing):
            Console.current.line("\(found.source) is already in the bank as set #\(existing.id ?? 0) v\(existing.version); nothing added")
        }
    }

    private func overrides(_ service: DebriefService) async throws -> XPathOverrides? {
        if let profile { return try await service.importProfile(named: profile) }
        guard questionXPath != nil else { return nil }
        let given = XPathOverrides(section: sectionXPath, question: questionXPath, answer: answerXPath)
        if let saveProfile { try await service.saveImportProfile(given, named: saveProfile, by: database.principal) }
        return given
    }
}
