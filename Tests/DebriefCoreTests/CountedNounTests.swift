import DebriefCore
import Testing

struct CountedNounTests {
    @Test func phraseTakesTheNounsNumberFromTheCount() {
        #expect(CountedNoun.phrase(1, "question") == "1 question")
        #expect(CountedNoun.phrase(0, "question") == "0 questions")
        #expect(CountedNoun.phrase(2, "candidacy", plural: "candidacies") == "2 candidacies")
    }

    @Test func matchesSaysHowManyOfTheMatchesAreShown() {
        #expect(CountedNoun.matches(1, "event", shown: 1) == "1 event matches.")
        #expect(CountedNoun.matches(3, "event", shown: 3) == "3 events match.")
        #expect(CountedNoun.matches(40, "question", shown: 3) == "40 questions match; 3 shown.")
    }
}
