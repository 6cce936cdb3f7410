import DebriefCore

/// The named schemas of the contract (`#/components/schemas`): every record the API sends or takes.
enum APISchemas {
    static let stages = PipelineStage.allCases.map(\.rawValue)
    static let roles = Role.allCases.map(\.rawValue)
    static let recommendations = Recommendation.allCases.map(\.rawValue)
    static let slug = JSONSchema.string(minLength: 1, maxLength: 64, pattern: "^[a-z][a-z0-9_-]*$")

    static let components: [String: JSONSchema] = [
        "Problem": .object(
            [
                ("type", .string(format: "uri")), ("title", .text), ("status", .integer(minimum: 400, maximum: 599)), ("detail", .text),
                ("errors", .array(.object([("field", .text), ("detail", .text)], required: ["field", "detail"]))),
            ], required: ["type", "title", "status", "detail"],
            description: "RFC 9457 problem details; `type` is `urn:debrief:problem:` and one of the kinds listed in the description of the API"),
        "Me": .object([("label", .text), ("user_id", .nullable(.id)), ("role", .string(oneOf: roles))], required: ["label", "user_id", "role"]),
        "Position": .object(
            [("id", .id), ("title", .text), ("level", .nullable(.text)), ("rubric_id", .text), ("created_at", .dateTime)],
            required: ["id", "title", "level", "rubric_id", "created_at"]),
        "NewPosition": .object(
            [("title", .string(minLength: 1, maxLength: 200)), ("level", .nullable(.string(maxLength: 100))), ("rubric_id", slug)],
            required: ["title", "rubric_id"]),
        "Candidate": .object(
            [
                ("id", .id), ("name", .text), ("email", .email), ("phone", .nullable(.text)), ("source", .nullable(.text)),
                ("stage", .string(oneOf: stages)), ("created_at", .dateTime),
            ], required: ["id", "name", "email", "phone", "source", "stage", "created_at"]),
        "NewCandidate": .object(
            [
                ("name", .string(minLength: 1, maxLength: 200)), ("email", .email), ("phone", .nullable(.string(maxLength: 40))),
                ("source", .nullable(.string(maxLength: 100))),
            ], required: ["name", "email"]),
        "CandidatePatch": .object(
            [
                ("name", .string(minLength: 1, maxLength: 200)), ("email", .email), ("phone", .nullable(.string(maxLength: 40))),
                ("source", .nullable(.string(maxLength: 100))),
            ], required: [], description: "A JSON merge patch: fields left out stay as they are; null clears phone or source"),
        "StageMove": .object([("stage", .string(oneOf: stages))], required: ["stage"]),
        "Round": .object(
            [
                ("id", .id), ("candidate_id", .id), ("position_id", .id), ("kind", .text), ("scheduled_at", .dateTime),
                ("interviewer_ids", .array(.id)), ("question_set_id", .nullable(.id)),
            ], required: ["id", "candidate_id", "position_id", "kind", "scheduled_at", "interviewer_ids", "question_set_id"]),
        "NewRound": .object(
            [
                ("candidate_id", .id), ("position_id", .id), ("kind", slug), ("scheduled_at", .dateTime),
                ("interviewers", .array(.email, maxItems: 20)), ("question_set_id", .nullable(.id)),
            ], required: ["candidate_id", "position_id", "kind", "scheduled_at", "interviewers"]),
        "RoundPatch": .object(
            [("scheduled_at", .dateTime), ("interviewers", .array(.email, maxItems: 20))], required: [],
            description: "A JSON merge patch of the round's time and panel; people with a scorecard stay on the panel"),
        "Rating": .object(
            [
                ("competency_id", .text), ("question_id", .nullable(.id)), ("value", .nullable(.integer(minimum: 0, maximum: 100))),
                ("note", .nullable(.text)),
            ], required: ["competency_id", "value"], description: "A rating; `value` null is \"no signal\""),
        "Scorecard": .object(
            [
                ("id", .id), ("round_id", .id), ("interviewer_id", .id), ("state", .string(oneOf: ["draft", "submitted"])),
                ("version", .integer(minimum: 1)), ("rubric_id", .text), ("rubric_hash", .text),
                ("scale", .object([("minimum", .integer()), ("maximum", .integer())], required: ["minimum", "maximum"])),
                ("ratings", .array(.ref("Rating"))), ("recommendation", .nullable(.string(oneOf: recommendations))), ("notes", .string()),
                ("submitted_at", .nullable(.dateTime)), ("entered_by_id", .nullable(.id)), ("amend_reason", .nullable(.text)),
            ],
            required: [
                "id", "round_id", "interviewer_id", "state", "version", "rubric_id", "rubric_hash", "scale", "ratings", "recommendation", "notes",
                "submitted_at",
            ]),
        "NewScorecard": .object(
            [
                ("round_id", .id), ("interviewer", .email), ("ratings", .array(.ref("RatingInput"), maxItems: 500)),
                ("recommendation", .nullable(.string(oneOf: recommendations))), ("notes", .nullable(.string(maxLength: 20_000))),
                ("draft", .boolean), ("amend_reason", .nullable(.string(maxLength: 2_000))),
            ], required: ["round_id", "ratings"],
            description:
                "`interviewer` defaults to the caller; a recruiter or admin naming someone else logs the scorecard on their behalf. `draft` saves without submitting; submitting again amends and needs `amend_reason`."
        ),
        "RatingInput": .object(
            [
                ("competency_id", .string(minLength: 1, maxLength: 100)), ("question_id", .nullable(.id)),
                ("value", .nullable(.integer(minimum: -1000, maximum: 1000))), ("note", .nullable(.string(maxLength: 5_000))),
            ], required: ["competency_id", "value"]),
        "User": .object(
            [
                ("id", .id), ("name", .text), ("email", .email), ("role", .string(oneOf: roles)), ("created_at", .dateTime),
                ("active", .boolean), ("has_password", .boolean), ("open_sessions", .integer(minimum: 0)), ("live_tokens", .integer(minimum: 0)),
            ], required: ["id", "name", "email", "role", "created_at", "active", "has_password", "open_sessions", "live_tokens"]),
        "NewUser": .object(
            [("email", .email), ("name", .nullable(.string(maxLength: 200))), ("role", .string(oneOf: roles))], required: ["email", "role"]),
        "Invitation": .object(
            [("user", .ref("User")), ("invite_path", .text), ("expires_at", .dateTime)], required: ["user", "invite_path", "expires_at"],
            description: "The new user and the one-time address (under this server) where they choose a password; shown only now"),
        "UserPatch": .object(
            [("role", .string(oneOf: roles)), ("active", .boolean)], required: [],
            description: "A JSON merge patch; deactivating ends the user's sessions; the last admin keeps both"),
        "QuestionSetSummary": .object(
            [
                ("id", .id), ("title", .text), ("source", .text), ("version", .integer(minimum: 1)), ("imported_at", .dateTime),
                ("question_count", .integer(minimum: 0)),
            ], required: ["id", "title", "source", "version", "imported_at", "question_count"]),
        "Question": .object(
            [
                ("id", .id), ("set_id", .id), ("ordinal", .integer()), ("text", .string()), ("answer_html", .nullable(.string())),
                ("section", .nullable(.string())), ("level", .nullable(.string())), ("kind", .nullable(.string())), ("tags", .array(.string())),
                ("competencies", .array(.string())), ("title", .nullable(.string())),
            ], required: ["id", "set_id", "ordinal", "text", "answer_html", "section", "level", "kind", "tags", "competencies", "title"]),
        "QuestionSet": .object(
            [
                ("id", .id), ("title", .text), ("source", .text), ("content_hash", .text), ("version", .integer(minimum: 1)),
                ("imported_at", .dateTime), ("questions", .array(.ref("Question"))),
            ], required: ["id", "title", "source", "content_hash", "version", "imported_at", "questions"]),
        "QuestionHit": .object(
            [("question", .ref("Question")), ("set_title", .text), ("set_version", .integer(minimum: 1)), ("highlighted", .string())],
            required: ["question", "set_title", "set_version", "highlighted"],
            description: "A question that matched; `highlighted` is its text with each match in [[ ]]"),
        "QuestionSearch": .object(
            [("items", .array(.ref("QuestionHit"))), ("total", .integer(minimum: 0)), ("next", .nullable(.string()))],
            required: ["items", "total", "next"]),
        "ImportResult": .object(
            [
                ("stored", .boolean), ("unchanged", .boolean), ("question_set", .nullable(.ref("QuestionSetSummary"))),
                ("title", .text), ("question_count", .integer(minimum: 0)), ("questions", .array(.ref("ImportedQuestion"))),
                ("warnings", .array(.string())),
            ], required: ["stored", "unchanged", "question_set", "title", "question_count", "questions", "warnings"],
            description: "What the page held; with dry_run nothing was stored and question_set is null"),
        "ImportedQuestion": .object(
            [("text", .string()), ("title", .nullable(.string())), ("section", .nullable(.string())), ("competencies", .array(.string()))],
            required: ["text", "title", "section", "competencies"]),
        "Rubric": .object(
            [
                ("id", .text), ("title", .text), ("version", .text), ("description", .nullable(.string())), ("content_hash", .text),
                ("scale", .array(.ref("ScalePoint"))),
                ("competencies", .array(.ref("Competency"))),
                (
                    "rounds",
                    .array(
                        .object(
                            [("kind", .text), ("competencies", .array(.text)), ("weights", .map(.number))],
                            required: ["kind", "competencies", "weights"]))
                ),
            ], required: ["id", "title", "version", "description", "content_hash", "scale", "competencies", "rounds"]),
        "ScalePoint": .object([("value", .integer()), ("label", .text), ("description", .string())], required: ["value", "label", "description"]),
        "Competency": .object(
            [
                ("id", .text), ("title", .text), ("description", .nullable(.string())), ("weight", .number), ("anchors", .map(.string())),
                ("keywords", .array(.string())),
            ], required: ["id", "title", "description", "weight", "anchors", "keywords"]),
        "RubricVersion": .object(
            [("content_hash", .text), ("rubric_id", .text), ("version", .text), ("first_used_at", .dateTime)],
            required: ["content_hash", "rubric_id", "version", "first_used_at"]),
        "AuditEvent": .object(
            [
                ("id", .id), ("at", .dateTime), ("actor", .text), ("action", .text), ("entity", .text), ("entity_id", .nullable(.integer())),
                ("before", .nullable(.string())), ("after", .nullable(.string())), ("request_id", .nullable(.string())),
            ], required: ["id", "at", "actor", "action", "entity", "entity_id", "before", "after", "request_id"]),
        "RoundKit": .object(
            [
                ("round", .ref("Round")), ("candidate_name", .text), ("position_title", .text), ("rubric_id", .text),
                ("scale", .array(.ref("ScalePoint"))),
                ("competencies", .array(.ref("Competency"))), ("question_set", .nullable(.ref("QuestionSet"))),
                ("my_scorecard", .nullable(.ref("Scorecard"))),
            ], required: ["round", "candidate_name", "position_title", "rubric_id", "scale", "competencies", "question_set", "my_scorecard"]),
        "Credential": .object(
            [
                ("kind", .string(oneOf: ["token", "session"])), ("id", .id), ("user_id", .id), ("label", .nullable(.text)),
                ("created_at", .dateTime), ("last_seen_at", .nullable(.dateTime)), ("expires_at", .dateTime), ("ended_at", .nullable(.dateTime)),
                ("live", .boolean),
            ], required: ["kind", "id", "user_id", "label", "created_at", "last_seen_at", "expires_at", "ended_at", "live"],
            description: "An access token or browser session; never its secret"),
        "NewToken": .object(
            [("label", .string(minLength: 1, maxLength: 100)), ("days", .integer(minimum: 1, maximum: 365)), ("user_id", .id)], required: ["label"],
            description: "`user_id` defaults to the caller; only admins issue tokens to others"),
        "IssuedToken": .object(
            [("token", .text), ("user_id", .id), ("label", .text), ("expires_at", .dateTime)], required: ["token", "user_id", "label", "expires_at"]),
        "PersonalData": .object(
            [
                ("candidate", .ref("Candidate")), ("erased_at", .nullable(.dateTime)), ("rounds", .array(.ref("PersonalDataRound"))),
                ("audit_events", .array(.ref("AuditEvent"))), ("exported_at", .dateTime),
            ], required: ["candidate", "rounds", "audit_events", "exported_at"],
            description: "Everything Debrief holds about a candidate: a subject access export"),
        "PersonalDataRound": .object(
            [
                ("round", .ref("Round")), ("position_title", .text),
                ("panel", .array(.object([("name", .text), ("email", .email)], required: ["name", "email"]))),
                ("scorecards", .array(.ref("Scorecard"))),
            ], required: ["round", "position_title", "panel", "scorecards"]),
        "Erasure": .object(
            [
                ("candidate_id", .id), ("scorecards", .integer(minimum: 0)), ("rating_notes", .integer(minimum: 0)),
                ("audit_events", .integer(minimum: 0)), ("idempotent_replies", .integer(minimum: 0)),
            ], required: ["candidate_id", "scorecards", "rating_notes", "audit_events", "idempotent_replies"],
            description: "What an erasure changed, in counts; never the erased values"),
        "ScoreSheetResult": .object(
            [
                ("positions_created", .integer(minimum: 0)), ("candidates_created", .integer(minimum: 0)),
                ("interviewers_created", .integer(minimum: 0)), ("rounds_created", .integer(minimum: 0)),
                ("scorecards_submitted", .integer(minimum: 0)), ("scorecards_amended", .integer(minimum: 0)),
                ("scorecards_unchanged", .integer(minimum: 0)),
            ],
            required: [
                "positions_created", "candidates_created", "interviewers_created", "rounds_created", "scorecards_submitted", "scorecards_amended",
                "scorecards_unchanged",
            ]),
    ]

    /// A page of a list of `item`s.
    static func page(of item: String) -> JSONSchema {
        .object([("items", .array(.ref(item))), ("next", .nullable(.string()))], required: ["items", "next"])
    }
}
