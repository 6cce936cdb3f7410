import DebriefCore
import DebriefService
import DebriefStore
import Hummingbird
import Logging
import Prometheus

/// Builds the Debrief web application over a database.
public enum DebriefApplication {
    /// What the server needs besides its database.
    public struct Options: Sendable {
        /// The rubrics folder as loaded, for positions whose scorecards recorded no rubric version yet.
        public var rubrics: RubricCatalog?
        /// Mark the session cookie `Secure`: set it when Debrief is served over HTTPS.
        public var secureCookies: Bool
        /// bcrypt's cost for passwords set through the server: 12, lower only in tests.
        public var passwordCost: UInt8
        /// This build's version, as `/healthz` reports it.
        public var version: String
        /// Where the metrics go (the registry swift-metrics was bootstrapped with); nil serves no `/metrics`.
        public var metrics: PrometheusCollectorRegistry?
        /// Changes (posts, sign-in included) one caller may make per minute, in a burst or spread out.
        public var writesPerMinute: Int
        /// How many large reports and imports run at once, and within what memory.
        public var heavyWork: HeavyWorkLimits

        public init(
            rubrics: RubricCatalog? = nil, secureCookies: Bool = false, passwordCost: UInt8 = 12, version: String = "development",
            metrics: PrometheusCollectorRegistry? = nil, writesPerMinute: Int = 120, heavyWork: HeavyWorkLimits = HeavyWorkLimits()
        ) {
            self.writesPerMinute = writesPerMinute
            self.heavyWork = heavyWork
            self.rubrics = rubrics
            self.secureCookies = secureCookies
            self.passwordCost = passwordCost
            self.version = version
            self.metrics = metrics
        }
    }

    /// The application, listening where `configuration` says. `onListening` is called with the
    /// bound port once the server accepts connections (never when binding fails).
    public static func make(
        database: AppDatabase, options: Options = Options(), configuration: ApplicationConfiguration,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        // The logging system's handler decides the level and format (`serve --log-level`, `--log-format`).
        Application(
            router: router(database: database, options: options), configuration: configuration,
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) }, logger: Logger(label: "Debrief"))
    }

    /// The routes alone, for in-process tests. Middleware runs outermost first: the request's id, security
    /// headers on every response, then errors mapped to problems, then who is asking.
    public static func router(database: AppDatabase, options: Options = Options()) -> Router<DebriefRequestContext> {
        router(
            service: DebriefService(database: database, rubrics: options.rubrics, passwordCost: options.passwordCost, heavyWork: options.heavyWork),
            options: options)
    }

    /// The routes over a service the caller holds (tests look at its report cache).
    public static func router(service: DebriefService, options: Options = Options()) -> Router<DebriefRequestContext> {
        // Every GET route answers HEAD too, with the same status and headers and no body.
        let router = Router(context: DebriefRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: RequestIdentity())
        if options.metrics != nil { router.add(middleware: MetricsMiddleware()) }
        router.add(middleware: SecurityHeaders())
        router.add(middleware: ErrorMapping())
        router.add(middleware: Authenticator(service: service, secureCookies: options.secureCookies))
        router.add(middleware: WriteRateLimit(perMinute: options.writesPerMinute))
        HealthController(service: service, version: options.version).addRoutes(to: router)
        if let registry = options.metrics { MetricsController(registry: registry).addRoutes(to: router) }
        StaticController().addRoutes(to: router)
        SessionController(service: service, secureCookies: options.secureCookies).addRoutes(to: router)
        PositionPagesController(service: service).addRoutes(to: router)
        InterviewPagesController(service: service).addRoutes(to: router)
        CandidatePagesController(service: service).addRoutes(to: router)
        QuestionBankController(service: service).addRoutes(to: router)
        ScoreSheetController(service: service).addRoutes(to: router)
        AdminController(service: service, secureCookies: options.secureCookies).addRoutes(to: router)
        ReportAPIController(service: service).addRoutes(to: router)
        APIVersion1.addRoutes(to: router, service: service, version: options.version)
        return router
    }
}
