import DebriefReports
import Mustache

/// The web app's own pages (sign-in, home, errors) around one layout; reports render themselves.
/// `{{…}}` escapes every value; nothing here is rendered unescaped but the stylesheet.
enum PageTemplate {
    private static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in [("layout", layout), ("signIn", signIn), ("home", home), ("error", error)] {
            library.register(try! MustacheTemplate(string: text), named: name)
        }
        return library
    }()

    static func render(_ name: String, title: String, _ values: [String: Any]) -> String {
        var context = values
        context["pageTitle"] = title
        context["css"] = ReportStyle.css
        return library.render(context, withTemplate: name) ?? ""
    }

    private static let layout = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{pageTitle}} · Debrief</title><style>{{{css}}}
        form.inline { display: inline; } input[type=password], input[type=text] { font: inherit; padding: .3rem; width: 100%; max-width: 32rem; }
        button { font: inherit; padding: .3rem .9rem; } nav { display: flex; justify-content: space-between; align-items: baseline; }
        .error { color: #a3361b; }</style></head>
        <body><nav><strong>Debrief</strong>{{#signedIn}}<span class="meta">{{signedIn}} ({{role}})
        <form class="inline" method="post" action="/sign-out"><button type="submit">Sign out</button></form></span>{{/signedIn}}</nav>
        {{$content}}{{/content}}
        </body></html>
        """

    private static let signIn = """
        {{<layout}}{{$content}}
        <h1>Sign in</h1>
        {{#message}}<p class="error">{{message}}</p>{{/message}}
        <form method="post" action="/sign-in">
        <p><label for="token">Access token</label><br><input type="password" id="token" name="token" autocomplete="current-password" required></p>
        <input type="hidden" name="next" value="{{next}}">
        <p><button type="submit">Sign in</button></p>
        </form>
        <p class="meta">An admin issues tokens with <code>debrief users token EMAIL</code>. The token stays in this browser
        in a cookie that scripts cannot read, until you sign out or it expires.</p>
        {{/content}}{{/layout}}
        """

    private static let home = """
        {{<layout}}{{$content}}
        <h1>Positions</h1>
        {{#readsReports}}
        <table><thead><tr><th>Position</th><th>Level</th><th>Rubric</th><th>Reports</th></tr></thead><tbody>
        {{#positions}}<tr><td><a href="/positions/{{id}}">{{title}}</a></td><td>{{level}}</td><td>{{rubric}}</td>
        <td><a href="/positions/{{id}}">debrief pack</a> · <a href="/api/positions/{{id}}/report?format=csv">CSV</a> ·
        <a href="/api/positions/{{id}}/report?format=md">Markdown</a> · <a href="/api/positions/{{id}}/report">JSON</a></td></tr>{{/positions}}
        {{^positions}}<tr><td colspan="4">No positions yet: add one with <code>debrief positions add</code>.</td></tr>{{/positions}}
        </tbody></table>
        {{/readsReports}}
        {{^readsReports}}<p>Reports show every interviewer's ratings and notes, so they are open to recruiters and admins.
        Submit your scorecards with <code>debrief scorecards submit</code>.</p>{{/readsReports}}
        {{/content}}{{/layout}}
        """

    private static let error = """
        {{<layout}}{{$content}}
        <h1>{{title}}</h1><p class="error">{{detail}}</p><p><a href="/">Back to the positions</a></p>
        {{/content}}{{/layout}}
        """
}
