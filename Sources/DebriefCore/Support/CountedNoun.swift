/// "1 question", "40 questions": a count with its noun in the right number, for messages people read.
public enum CountedNoun {
    /// `count` followed by `singular`, or by `plural` (the singular plus "s" unless given) when it is not 1.
    public static func phrase(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }
}
