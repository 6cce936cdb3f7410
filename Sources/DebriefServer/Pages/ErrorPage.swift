import Hummingbird

/// A problem shown to a browser.
enum ErrorPage {
    static func render(status: HTTPResponse.Status, title: String, detail: String) -> String {
        PageTemplate.render("error", title: title, ["title": "\(status.code) \(title)", "detail": detail])
    }
}
