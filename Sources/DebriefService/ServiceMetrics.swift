import Metrics

/// The counters of what the use cases did, for `/metrics`. Without a metrics backend bootstrapped
/// (the CLI's one-shot commands) they cost nothing.
enum ServiceMetrics {
    static func scorecardSaved(submitted: Bool, onBehalf: Bool) {
        Counter(
            label: "debrief_scorecards_saved_total",
            dimensions: [("state", submitted ? "submitted" : "draft"), ("entered", onBehalf ? "on_behalf" : "by_interviewer")]
        ).increment()
    }

    static func pageImported(outcome: String) {
        Counter(label: "debrief_question_imports_total", dimensions: [("outcome", outcome)]).increment()
    }

    static func heavyWorkRefused(_ what: String) {
        Counter(label: "debrief_heavy_work_refused_total", dimensions: [("work", what)]).increment()
    }

    static func signInFailed(reason: String) {
        Counter(label: "debrief_sign_in_failures_total", dimensions: [("reason", reason)]).increment()
    }
}
