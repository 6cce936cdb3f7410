import ArgumentParser
import DebriefCore
import DebriefService
import Foundation

extension UsersCommand {
    /// `debrief users password EMAIL`: sets a password read from standard input.
    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "password",
            abstract: "Set a user's password from standard input (its first line); their browser sessions end.",
            discussion: "For operators: echo 'a long passphrase' | debrief users password EMAIL. People set their own from an invite link.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The user's email.", transform: { try EmailAddress($0) }) var email: EmailAddress

        func run() async throws {
            let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            let password = input.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let service = DebriefService(database: try database.open(), rubrics: nil)
            try await service.setPassword(password.hasSuffix("\r") ? String(password.dropLast()) : password, for: email, by: database.principal)
            Console.current.line("Set the password of \(email); their browser sessions ended")
        }
    }

    /// `debrief users invite EMAIL --role ROLE`: a one-time link to set a password.
    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "invite",
            abstract: "Invite a person: adds them when new, and prints a one-time link (valid 72 hours) where they choose their password.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The person's email.", transform: { try EmailAddress($0) }) var email: EmailAddress
        @Option(help: "admin, recruiter or interviewer (for a new user).", transform: { try Role(parsing: $0) }) var role: Role = .interviewer
        @Option(help: "Full name (for a new user; default: from the email).") var name: String?
        @Option(help: "Where people reach Debrief (env DEBRIEF_BASE_URL; default http://127.0.0.1:8080).") var baseURL: String?
        @Flag(help: "Print the link alone, for scripts.") var quiet = false

        func run() async throws {
            let service = DebriefService(database: try database.open(), rubrics: nil)
            let invite = try await service.invite(email, name: name, role: role, by: database.principal)
            let link = invite.link(base: CLIEnvironment.resolve(flag: baseURL, variable: "DEBRIEF_BASE_URL", default: "http://127.0.0.1:8080"))
            if quiet {
                Console.current.line(link)
                return
            }
            Console.current.line(
                "Invite for \(invite.user.name) <\(invite.user.email)> (\(invite.user.role.rawValue)), valid until \(DateText.string(invite.expiresAt)):\n\(link)"
            )
        }
    }
}

extension UsersCommand {
    /// `debrief users deactivate|reactivate EMAIL`
    struct Deactivate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deactivate",
            abstract: "Stop a user from signing in: their sessions end and tokens stop working; their scorecards stay and still count.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The user's email.", transform: { try EmailAddress($0) }) var email: EmailAddress

        func run() async throws {
            try await DebriefService(database: try database.open(), rubrics: nil).setActive(false, email: email, by: database.principal)
            Console.current.line("Deactivated \(email): they can no longer sign in")
        }
    }

    struct Reactivate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reactivate", abstract: "Let a deactivated user sign in again.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The user's email.", transform: { try EmailAddress($0) }) var email: EmailAddress

        func run() async throws {
            try await DebriefService(database: try database.open(), rubrics: nil).setActive(true, email: email, by: database.principal)
            Console.current.line("Reactivated \(email)")
        }
    }

    /// `debrief users role EMAIL --role ROLE`
    struct ChangeRole: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "role", abstract: "Give a user another role (the last admin who can sign in stays an admin).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The user's email.", transform: { try EmailAddress($0) }) var email: EmailAddress
        @Option(help: "admin, recruiter or interviewer.", transform: { try Role(parsing: $0) }) var role: Role

        func run() async throws {
            let user = try await DebriefService(database: try database.open(), rubrics: nil).changeRole(of: email, to: role, by: database.principal)
            Console.current.line("\(user.email) is now \(user.role.rawValue == "admin" ? "an" : "a") \(user.role.rawValue)")
        }
    }
}
