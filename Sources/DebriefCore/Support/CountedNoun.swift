/// "1 question", "40 questions": a count with its noun in the right number, for messages people read.
public enum CountedNoun {
    /// `count` followed by `singular`, or by `plural` (the singular plus "s" unless given) when it is not 1.
    public static func phrase(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }

    /// The closing line of a list cut to its first `shown` of `total` matches: "1 event matches.",
    /// "12 questions match; 10 shown."
    public static func matches(_ total: Int, _ singular: String, shown: Int) -> String {
        "\(phrase(total, singular)) \(total == 1 ? "matches" : "match")\(total > shown ? "; \(shown) shown" : "")."
    }
}
