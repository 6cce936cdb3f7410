import Hummingbird

/// A problem shown to a browser, with the navigation of whoever is signed in.
enum ErrorPage {
    static func render(status: HTTPResponse.Status, title: String, detail: String, chrome: PageChrome) -> String {
        PageTemplate.render("error", chrome: chrome, ["title": "\(status.code) \(title)", "detail": detail])
    }
}
