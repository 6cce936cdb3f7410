import DebriefReports
import Foundation
import Hummingbird

/// The one stylesheet: the reports' own rules, then the web app's (`Static/app.css`).
struct StaticController {
    static let stylesheet: ByteBuffer = {
        guard let url = Bundle.module.url(forResource: "app", withExtension: "css", subdirectory: "Static"),
            let app = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("the resource Static/app.css is missing from the build") }
        return ByteBuffer(string: ReportStyle.css + "\n" + app)
    }()

    func addRoutes(to router: Router<DebriefRequestContext>) {
        router.get("/static/debrief.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8"], body: ResponseBody(byteBuffer: Self.stylesheet))
        }
    }
}
