import ArgumentParser
import DebriefServer
import Hummingbird

/// `debrief serve`
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the web server: report pages for browsers and a JSON API for scripts.",
        discussion: """
            People sign in with an access token from `debrief users token EMAIL`; scripts send it as
            `Authorization: Bearer TOKEN`. Reports are open to recruiters and admins.
            """)
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var rubrics: RubricOptions
    @Option(help: "The address to listen on (env DEBRIEF_HOST; default 127.0.0.1, this machine only).") var host: String?
    @Option(help: "The port to listen on (env DEBRIEF_PORT; default 8080).") var port: Int?
    @Flag(help: "Mark the session cookie Secure; use it when Debrief is served over HTTPS.") var secureCookies = false

    var resolvedHost: String { CLIEnvironment.resolve(flag: host, variable: "DEBRIEF_HOST", default: "127.0.0.1") }

    func resolvedPort() throws -> Int {
        let text = CLIEnvironment.resolve(flag: port.map(String.init), variable: "DEBRIEF_PORT", default: "8080")
        guard let value = Int(text), (1...65_535).contains(value) else {
            throw ValidationError("the port must be a number from 1 to 65535, not '\(text)' (--port or DEBRIEF_PORT)")
        }
        return value
    }

    func validate() throws {
        _ = try resolvedPort()
        if resolvedHost.isEmpty { throw ValidationError("--host must not be empty") }
    }

    func run() async throws {
        let store = try database.open()
        let catalog = try rubrics.catalog()
        let app = DebriefApplication.make(
            database: store, options: .init(rubrics: catalog, secureCookies: secureCookies),
            configuration: .init(address: .hostname(resolvedHost, port: try resolvedPort()), serverName: "Debrief"))
        Console.current.line("Debrief is serving \(database.resolvedPath) at http://\(resolvedHost):\(try resolvedPort())/ (Ctrl-C stops it)")
        try await app.runService()
    }
}
