import DebriefCore

/// The links in every page's navigation: what the person's role lets them open, asked of the access policy.
enum Navigation {
    struct Link: Equatable {
        var href: String
        var label: String
    }

    static func links(for principal: Principal) -> [Link] {
        var links: [Link] = []
        if AccessPolicy.permits(principal, .readReports) { links.append(Link(href: "/", label: "Positions")) }
        if AccessPolicy.permits(principal, .managePipeline) {
            links.append(Link(href: "/candidates", label: "Candidates"))
            links.append(Link(href: "/questions", label: "Question bank"))
            links.append(Link(href: "/score-sheets", label: "Score sheets"))
        }
        links.append(Link(href: "/interviews", label: "My interviews"))
        if AccessPolicy.permits(principal, .manageUsers) {
            links.append(Link(href: "/admin/users", label: "Users"))
            links.append(Link(href: "/admin/audit", label: "Audit log"))
        }
        return links
    }
}
