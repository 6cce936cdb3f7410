import Foundation

/// The sign-in page, and where it sends people back to.
enum SignInPage {
    static func render(next: String, email: String, message: String?, proof: String) -> String {
        PageTemplate.render(
            "signIn", chrome: PageChrome(title: "Sign in", principal: nil, proof: proof), ["next": next, "email": email, "message": message ?? false])
    }

    static func path(returningTo path: String) -> String {
        let next = safeNext(path)
        guard next != "/", !next.hasPrefix("/sign-in") else { return "/sign-in" }
        return "/sign-in?next=" + (next.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "/")
    }

    /// Only a path on this site: never `//host` or `https://…`, so sign-in cannot be used to send
    /// people elsewhere.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), !next.contains(":") else { return "/" }
        return next
    }
}
