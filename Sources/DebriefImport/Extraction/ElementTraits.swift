/// What the importer knows about an element by its name: worked out once per distinct name when a
/// page tree is built, so walking a page asks a small table instead of hashing a tag name per node.
/// The name lists themselves stay with the code they describe (`HTMLNode`, `BlockReader`, `AnswerSanitiser`).
struct ElementTraits: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        /// Its text is never content (scripts, styles, `<head>`).
        static let invisible = Flags(rawValue: 1 << 0)
        /// A heading, paragraph, list, table or other block.
        static let block = Flags(rawValue: 1 << 1)
        /// Never part of a page's content (navigation, forms, images), with what is inside it.
        static let outsideContent = Flags(rawValue: 1 << 2)
        /// Unclosed, it can swallow the rest of the page in libxml2's HTML 4 parser.
        static let swallowing = Flags(rawValue: 1 << 3)
        /// A box around content (`div`, `section`, …) that is read through.
        static let container = Flags(rawValue: 1 << 4)
        /// Dropped with everything inside it from stored answers.
        static let unsafeInAnswers = Flags(rawValue: 1 << 5)
        /// A phrasing element (`em`, `code`, `a`, …) that belongs inside a line of text.
        static let inline = Flags(rawValue: 1 << 6)
    }

    let flags: Flags
    /// The block a content element makes, if any.
    let blockKind: ContentBlock.Kind?
    /// The tag a stored answer writes the element as; nil keeps only its children.
    let answerTag: String?

    /// Text and other nodes have no traits.
    static let none = ElementTraits(flags: [], blockKind: nil, answerTag: nil)

    init(flags: Flags, blockKind: ContentBlock.Kind?, answerTag: String?) {
        self.flags = flags
        self.blockKind = blockKind
        self.answerTag = answerTag
    }

    init(name: String) {
        var flags: Flags = []
        if HTMLNode.invisible.contains(name) { flags.insert(.invisible) }
        if HTMLNode.blockNames.contains(name) { flags.insert(.block) }
        if BlockReader.dropped.contains(name) { flags.insert(.outsideContent) }
        if BlockReader.swallowing.contains(name) { flags.insert(.swallowing) }
        if BlockReader.containers.contains(name) { flags.insert(.container) }
        if AnswerSanitiser.dropped.contains(name) { flags.insert(.unsafeInAnswers) }
        if HTMLNode.inlineNames.contains(name) { flags.insert(.inline) }
        self.init(flags: flags, blockKind: BlockReader.blockKind(name), answerTag: AnswerSanitiser.kept[name])
    }
}
