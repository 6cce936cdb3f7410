import DebriefCore
import DebriefReports
import Foundation
import Mustache

/// The web app's pages: Mustache templates kept as resource files in `Templates/`, each filling the
/// `layout` template (navigation, stylesheet). `{{…}}` escapes every value; `{{{…}}}` only takes
/// HTML Debrief made itself (imported answers sanitised when they were stored).
enum PageTemplate {
    private static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        let folder = Bundle.module.url(forResource: "Templates", withExtension: nil)!
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        for file in files where file.pathExtension == "mustache" {
            do {
                library.register(
                    try MustacheTemplate(string: String(contentsOf: file, encoding: .utf8)), named: file.deletingPathExtension().lastPathComponent)
            } catch {
                preconditionFailure("the page template \(file.lastPathComponent) does not parse: \(error)")
            }
        }
        return library
    }()

    /// The page `name`, in the layout with the navigation `chrome` describes.
    static func render(_ name: String, chrome: PageChrome, _ values: [String: Any]) -> String {
        var context = chrome.values
        context.merge(values) { _, page in page }
        guard let html = library.render(context, withTemplate: name) else { preconditionFailure("no page template named \(name)") }
        return html
    }

    /// The navigation alone, for pages whose HTML is rendered elsewhere (the reports).
    static func navigation(_ chrome: PageChrome) -> String {
        library.render(chrome.values, withTemplate: "nav") ?? ""
    }
}
