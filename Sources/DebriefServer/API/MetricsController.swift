import DebriefCore
import Hummingbird
import Prometheus

/// `GET /metrics`: Prometheus's text format (requests by route and status, their latency as a
/// histogram, scorecards saved, imports, sign-in failures). Open to callers on this machine (a
/// scraper beside the server) and to admins; everyone else is refused.
struct MetricsController {
    let registry: PrometheusCollectorRegistry

    func addRoutes(to router: Router<DebriefRequestContext>) {
        router.get("/metrics") { _, context in
            if !Self.isLoopback(context.clientAddress) { _ = try context.require(.manageUsers) }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
    }

    static func isLoopback(_ address: String) -> Bool {
        address == "::1" || address.hasPrefix("127.") || address.hasPrefix("::ffff:127.")
    }
}
