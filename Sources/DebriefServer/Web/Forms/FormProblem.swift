import DebriefCore
import DebriefService
import DebriefStore

/// A refused use case as a form shows it: the field it is about (when the error names one) and the words.
struct FormProblem: Error {
    var field: String?
    var message: String

    init(field: String?, message: String) {
        self.field = field
        self.message = message
    }

    /// The field and message of a domain, store or service refusal; nil for errors a form cannot explain
    /// (those become an error page).
    init?(_ error: any Error) {
        switch error {
        case let error as FieldError:
            field = error.field
            message = error.message
        case StoreError.invalid(let error):
            field = error.field
            message = error.message
        case StoreError.duplicate(let entity, let name, let value):
            field = name
            message = "another \(entity) already has the \(name) \(value)"
        case let error as StoreError:
            guard case .notFound = error else { return nil }
            message = error.description
        case let error as ServiceError:
            if case .forbidden = error { return nil }
            message = error.description
        default:
            return nil
        }
    }
}
