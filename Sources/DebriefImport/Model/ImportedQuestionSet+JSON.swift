extension ImportedQuestionSet {
    /// The sets as `debrief import --format json` prints them: one set as an object, several as an
    /// array. Byte for byte what `JSONText` makes of them, written without JSONEncoder.
    public static func json(_ sets: [ImportedQuestionSet]) -> String {
        let bytes = sets.reduce(0) { $0 + $1.estimatedJSONSize }
        var writer = PrettyJSONWriter(capacity: bytes + bytes / 2)
        if sets.count == 1 {
            sets[0].write(to: &writer)
        } else {
            writer.array(sets) { writer, set in set.write(to: &writer) }
        }
        return writer.text
    }

    private var estimatedJSONSize: Int {
        sections.reduce(1_024) { total, section in
            section.questions.reduce(total) { $0 + 128 + $1.text.utf8.count + ($1.answer?.utf8.count ?? 0) }
        }
    }

    private func write(to writer: inout PrettyJSONWriter) {
        writer.object { writer in
            writer.key("sections")
            writer.array(sections) { writer, section in
                writer.object { writer in
                    writer.key("kind")
                    writer.string(section.kind)
                    writer.key("layouts")
                    writer.array(section.layouts) { $0.string($1) }
                    writer.key("level")
                    writer.string(section.level)
                    writer.key("questions")
                    writer.array(section.questions) { writer, question in
                        writer.object { writer in
                            writer.key("answer")
                            writer.string(question.answer)
                            writer.key("competencies")
                            writer.array(question.competencies) { $0.string($1) }
                            writer.key("ordinal")
                            writer.integer(question.ordinal)
                            writer.key("text")
                            writer.string(question.text)
                            writer.key("title")
                            writer.string(question.title)
                        }
                    }
                    writer.key("title")
                    writer.string(section.title)
                }
            }
            writer.key("skipped")
            writer.array(skipped) { writer, line in
                writer.object { writer in
                    writer.key("reason")
                    writer.string(line.reason)
                    writer.key("text")
                    writer.string(line.text)
                }
            }
            writer.key("source")
            writer.string(source)
            writer.key("title")
            writer.string(title)
            writer.key("warnings")
            writer.array(warnings) { $0.string($1) }
        }
    }
}
