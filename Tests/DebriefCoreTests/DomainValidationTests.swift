import DebriefCore
import Foundation
import Testing

@Suite("Domain values refuse what would be nonsense")
struct DomainValidationTests {
    let email = try! EmailAddress("ada@example.com")

    @Test("names must hold something besides white space", arguments: ["", "   ", "\n\t"])
    func emptyNames(_ name: String) {
        #expect(throws: FieldError.self) { try Candidate(name: name, email: email) }
        #expect(throws: FieldError.self) { try User(name: name, email: email, role: .interviewer) }
        #expect(throws: FieldError.self) { try Position(title: name, rubricID: "backend-engineer") }
    }

    @Test("names are trimmed and inner white space collapsed")
    func trimsNames() throws {
        let candidate = try Candidate(name: "  Ada \u{00A0} Lovelace ", email: email)
        #expect(candidate.name == "Ada Lovelace")
    }

    @Test("control characters are refused in names")
    func controlCharacters() {
        #expect(throws: FieldError.self) { try Candidate(name: "Ada\u{0007}", email: email) }
    }

    @Test("length limits count characters, not bytes; plain and accented text are trimmed alike")
    func lengthInCharacters() throws {
        #expect(try Candidate(name: String(repeating: "é", count: 200), email: email).name.count == 200)
        #expect(throws: FieldError.self) { try Candidate(name: String(repeating: "é", count: 201), email: email) }
        #expect(throws: FieldError.self) { try Candidate(name: String(repeating: "a", count: 201), email: email) }
        #expect(try Candidate(name: " \tAda\r\n  Lovelace\u{0B} ", email: email).name == "Ada Lovelace")
        #expect(try Candidate(name: " \tAdé\r\n  Lovelace\u{0B} ", email: email).name == "Adé Lovelace")
        #expect(throws: FieldError.self) { try Candidate(name: "Ada\u{7F}", email: email) }
    }

    @Test("phone numbers need digits", arguments: ["call me", "12", "+44 (0)20 7946 0958x", "555-0100-555-0100-555-0100"])
    func badPhones(_ phone: String) {
        #expect(throws: FieldError.self) { try Candidate(name: "Ada", email: email, phone: phone) }
    }

    @Test("a plausible phone number is kept as typed")
    func goodPhone() throws {
        #expect(try Candidate(name: "Ada", email: email, phone: "+44 (0)20 7946 0958").phone == "+44 (0)20 7946 0958")
    }

    @Test("rubric ids are slugs", arguments: ["Backend Engineer", "", "1st", "back/end", "é"])
    func rubricIDs(_ id: String) {
        #expect(throws: FieldError.self) { try Position(title: "Backend Engineer", rubricID: id) }
    }

    @Test("a round needs one or more distinct interviewers")
    func roundInterviewers() throws {
        #expect(throws: FieldError.self) { try Round(candidateID: 1, positionID: 1, kind: .technical, scheduledAt: Date(), interviewerIDs: []) }
        #expect(throws: FieldError.self) { try Round(candidateID: 1, positionID: 1, kind: .technical, scheduledAt: Date(), interviewerIDs: [2, 2]) }
        #expect(try Round(candidateID: 1, positionID: 1, kind: .hr, scheduledAt: Date(), interviewerIDs: [2, 3]).interviewerIDs == [2, 3])
    }

    @Test("round kinds accept the ways people write them")
    func roundKinds() throws {
        #expect(try RoundKind(parsing: "System Design") == .systemDesign)
        #expect(try RoundKind(parsing: "phone-screen") == .phoneScreen)
        #expect(throws: FieldError.self) { try RoundKind(parsing: "42") }
    }

    @Test("round kinds read as words on pages and in reports; the slug stays for JSON, CSV and flags")
    func roundKindLabels() throws {
        #expect(RoundKind.phoneScreen.label == "phone screen" && RoundKind.systemDesign.label == "system design")
        #expect(RoundKind.hr.label == "HR" && RoundKind.technical.label == "technical")
        #expect(try RoundKind(parsing: "bar_raiser").label == "bar raiser")
        #expect(RoundKind.label(of: "system_design") == "system design" && RoundKind.label(of: "Not a slug!") == "Not a slug!")
    }

    @Test("recommendations read as words on pages and in reports; none is a dash")
    func recommendationLabels() {
        #expect(Recommendation.strongNo.label == "strong no" && Recommendation.noDecision.label == "no decision")
        #expect(Recommendation.label(of: "strong_yes") == "strong yes" && Recommendation.label(of: "yes") == "yes")
        #expect(Recommendation.label(of: nil) == "–")
    }

    @Test("candidates are referred to by id or email")
    func candidateReferences() throws {
        #expect(try CandidateReference(parsing: "12") == .id(12))
        #expect(try CandidateReference(parsing: "#7") == .id(7))
        #expect(try CandidateReference(parsing: "Ada@Example.com") == .email(email))
        #expect(throws: FieldError.self) { try CandidateReference(parsing: "Ada") }
        #expect(throws: FieldError.self) { try CandidateReference(parsing: "0") }
    }

    @Test("questions keep their ordinal and clean tags")
    func questions() throws {
        let question = try Question(ordinal: 12, text: " What is REST? ", tags: ["API", "api", " http "])
        #expect(question.text == "What is REST?")
        #expect(question.tags == ["api", "http"])
        #expect(throws: FieldError.self) { try Question(ordinal: -1, text: "Why?") }
        #expect(throws: FieldError.self) { try Question(ordinal: 1, text: "  ") }
    }

    @Test("a rating's note is trimmed, and one of white space alone is no note")
    func ratingNotes() throws {
        #expect(try Rating(competencyID: "apis", value: .point(3), note: "  clear answer \n").note == "clear answer")
        #expect(try Rating(competencyID: "apis", value: .point(3), note: " \t\n ").note == nil)
        #expect(try Rating(competencyID: "apis", value: .noSignal).note == nil)
    }
}
