import DebriefCore
import Hummingbird

/// What every page shows around its content: its title, who is signed in and the links they may follow.
struct PageChrome {
    var title: String
    var principal: Principal?
    /// The session's form proof, for the sign-out form.
    var proof: String
    /// The path of the page, to mark the current link.
    var path: String = ""

    var values: [String: Any] {
        var values: [String: Any] = ["pageTitle": title, "proof": proof]
        if let principal {
            values["signedIn"] = principal.label
            values["role"] = principal.role.rawValue
            values["navLinks"] = Navigation.links(for: principal).map { link -> [String: Any] in
                ["href": link.href, "label": link.label, "current": link.href == "/" ? path == "/" : path.hasPrefix(link.href)]
            }
        }
        return values
    }
}

extension DebriefRequestContext {
    /// The chrome of a page this request is answered with.
    func chrome(_ title: String, _ request: Request) -> PageChrome {
        PageChrome(title: title, principal: principal, proof: formProof, path: request.uri.path)
    }
}
