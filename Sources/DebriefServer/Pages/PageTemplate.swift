import DebriefReports
import Mustache

/// The web app's own pages (sign-in, home, errors) around one layout; reports render themselves.
/// `{{…}}` escapes every value; nothing here is rendered unescaped but the stylesheet.
enum PageTemplate {
    private static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in [("layout", layout), ("signIn", signIn), ("invite", invite), ("home", home), ("error", error)] + InterviewTemplates.all {
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
        form.inline { display: inline; } input[type=password], input[type=text], input[type=email] { font: inherit; padding: .3rem; width: 100%; max-width: 32rem; box-sizing: border-box; }
        button { font: inherit; padding: .3rem .9rem; } nav { display: flex; flex-wrap: wrap; gap: .5rem 1rem; justify-content: space-between; align-items: baseline; }
        .error { color: #a3361b; } fieldset { border: 1px solid #d8dde6; margin: 1rem 0; padding: .4rem .8rem; }
        fieldset p { margin: .3rem 0; } textarea, select { font: inherit; width: 100%; max-width: 40rem; box-sizing: border-box; }</style></head>
        <body><nav><strong><a href="/">Debrief</a></strong>{{#signedIn}}<span class="meta">{{signedIn}} ({{role}})
        <form class="inline" method="post" action="/sign-out"><input type="hidden" name="csrf" value="{{proof}}"><button type="submit">Sign out</button></form></span>{{/signedIn}}</nav>
        {{$content}}{{/content}}
        </body></html>
        """

    private static let signIn = """
        {{<layout}}{{$content}}
        <h1>Sign in</h1>
        {{#message}}<p class="error" id="sign-in-error" role="alert">{{message}}</p>{{/message}}
        <form method="post" action="/sign-in">
        <p><label for="email">Email</label><br><input type="email" id="email" name="email" value="{{email}}" autocomplete="username" required></p>
        <p><label for="password">Password</label><br><input type="password" id="password" name="password" autocomplete="current-password" required></p>
        <input type="hidden" name="next" value="{{next}}"><input type="hidden" name="csrf" value="{{proof}}">
        <p><button type="submit">Sign in</button></p>
        </form>
        <p class="meta">New here? An admin sends you an invite link to choose your password
        (<code>debrief users invite EMAIL --role ROLE</code>).</p>
        {{/content}}{{/layout}}
        """

    private static let invite = """
        {{<layout}}{{$content}}
        <h1>Welcome, {{name}}</h1>
        <p>Choose the password you will sign in with as <strong>{{email}}</strong> ({{role}}).</p>
        {{#message}}<p class="error" id="password-error" role="alert">{{message}}</p>{{/message}}
        <form method="post">
        <p><label for="password">Password (at least {{minimum}} characters)</label><br>
        <input type="password" id="password" name="password" autocomplete="new-password" minlength="{{minimum}}" required></p>
        <p><label for="confirmation">The same password again</label><br>
        <input type="password" id="confirmation" name="confirmation" autocomplete="new-password" required></p>
        <input type="hidden" name="csrf" value="{{proof}}">
        <p><button type="submit">Set password and sign in</button></p>
        </form>
        {{/content}}{{/layout}}
        """

    private static let home = """
        {{<layout}}{{$content}}
        <h1>Positions</h1>
        <table><thead><tr><th>Position</th><th>Level</th><th>Rubric</th><th>Reports</th></tr></thead><tbody>
        {{#positions}}<tr><td><a href="/positions/{{id}}">{{title}}</a></td><td>{{level}}</td><td>{{rubric}}</td>
        <td><a href="/positions/{{id}}">debrief pack</a> · <a href="/api/positions/{{id}}/report?format=csv">CSV</a> ·
        <a href="/api/positions/{{id}}/report?format=md">Markdown</a> · <a href="/api/positions/{{id}}/report">JSON</a></td></tr>{{/positions}}
        {{^positions}}<tr><td colspan="4">No positions yet: add one with <code>debrief positions add</code>.</td></tr>{{/positions}}
        </tbody></table>
        {{/content}}{{/layout}}
        """

    private static let error = """
        {{<layout}}{{$content}}
        <h1>{{title}}</h1><p class="error">{{detail}}</p><p><a href="/">Back to the positions</a></p>
        {{/content}}{{/layout}}
        """
}
