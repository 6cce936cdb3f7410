import DebriefStore
import Hummingbird

/// Builds the Debrief web application over a database.
public enum DebriefApplication {
    /// The application, listening where `configuration` says.
    public static func make(database: AppDatabase, configuration: ApplicationConfiguration) -> some ApplicationProtocol {
        Application(router: router(database: database), configuration: configuration)
    }

    /// The routes alone, for in-process tests.
    public static func router(database: AppDatabase) -> Router<BasicRequestContext> {
        let router = Router()
        HealthController(database: database).addRoutes(to: router)
        return router
    }
}
