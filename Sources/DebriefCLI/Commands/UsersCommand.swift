import ArgumentParser
import DebriefCore
import DebriefService
import DebriefStore

/// `debrief users add|list|invite|password|token|revoke-tokens|deactivate|reactivate|role`
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Add and list recruiters, interviewers and admins; invite them, set passwords, issue and revoke tokens.",
        subcommands: [
            Add.self, List.self, Invite.self, Password.self, Token.self, RevokeTokens.self, Deactivate.self, Reactivate.self, ChangeRole.self,
        ])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Full name.") var name: String
        @Option(help: "Email address; unique.", transform: { try EmailAddress($0) }) var email: EmailAddress
        @Option(help: "admin, recruiter or interviewer.", transform: { try Role(parsing: $0) }) var role: Role = .interviewer
        @OptionGroup var output: FormatOptions

        func validate() throws {
            try validatingFlags { () throws(FieldError) in try User(name: name, email: email, role: role) }
        }

        func run() async throws {
            let user = try await database.open().addUser(User(name: name, email: email, role: role), by: database.principal)
            try output.print(user) { "Added \($0.role.rawValue) #\($0.id ?? 0): \($0.name) <\($0.email)>" }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List users.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            let users = try await database.open().users()
            try output.print(users) { users in
                var table = TextTable("ID", "NAME", "EMAIL", "ROLE")
                for user in users { table.add("\(user.id ?? 0)", user.name, user.email.value, user.role.rawValue) }
                return table.rendered(emptyMessage: "No users yet. Add one with: debrief users add --name NAME --email EMAIL --role ROLE")
            }
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "token",
            abstract: "Issue an access token for signing in to the web server; it is shown once, only its digest is kept.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The user's email.", transform: { try EmailAddress($0) }) var email: EmailAddress
        @Option(help: "What the token is for, to tell tokens apart.") var label = "web sign-in"
        @Option(help: "Days until the token expires (1 to 365).") var days = 30
        @Flag(help: "Print the token alone, for scripts.") var quiet = false

        func validate() throws {
            guard (1...365).contains(days) else { throw ValidationError("--days must be between 1 and 365") }
            try validatingFlags { () throws(FieldError) in try AccessToken.label(label) }
        }

        func run() async throws {
            let issued = try await database.open().issueAccessToken(
                to: email, label: label, lifetime: Double(days) * 86_400, by: database.principal)
            if quiet {
                Console.current.line(issued.token.secret)
                return
            }
            Console.current.line(
                """
                Access token for \(issued.user.name) <\(issued.user.email)> (\(issued.user.role.rawValue)), \(issued.label), \
                valid until \(DateText.string(issued.expiresAt)):
                \(issued.token.secret)
                Keep it secret; it is not shown again. Revoke with: debrief users revoke-tokens \(issued.user.email)
                """)
        }
    }

    struct RevokeTokens: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke-tokens",
            abstract: "Revoke every access token of a user and end their browser sessions, at once.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The user's email.", transform: { try EmailAddress($0) }) var email: EmailAddress

        func run() async throws {
            let (count, sessions) = try await DebriefService(database: try database.open(), rubrics: nil)
                .revokeCredentials(of: email, by: database.principal)
            Console.current.line(
                "Revoked \(count) token\(count == 1 ? "" : "s") and ended \(sessions) browser session\(sessions == 1 ? "" : "s") of \(email)")
        }
    }
}
