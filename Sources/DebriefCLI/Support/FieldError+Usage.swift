import ArgumentParser
import DebriefCore

/// Runs a check of flag values inside `validate()`, so a value the domain refuses is reported as
/// a usage error (exit 64, with the usage line) rather than as a failure of the command.
func validatingFlags<T>(_ check: () throws(FieldError) -> T) throws(ValidationError) {
    do {
        _ = try check()
    } catch {
        throw ValidationError(error.description)
    }
}
