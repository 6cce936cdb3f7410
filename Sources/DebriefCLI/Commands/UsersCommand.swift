import ArgumentParser
import DebriefCore
import DebriefStore

/// `debrief users add|list`
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Add and list recruiters, interviewers and admins.", subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user.")
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
        static let configuration = CommandConfiguration(abstract: "List users.")
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
}
