/// The Mustache template of the candidate report. `{{…}}` escapes; `{{{…}}}` only takes SVG the chart code built.
enum CandidateTemplate {
    /// The report as a page's content: the server puts it inside its own layout.
    static let section = """
        <section class="candidate">
        <header><h1>{{name}}</h1><p class="meta">{{email}} · {{position}} · stage {{stage}} · {{roundsHeld}} rounds held, {{roundsPending}} pending</p></header>
        <div class="cards">
        <div><div class="score">{{score}}</div><div class="meta">score on {{scaleMin}}–{{scaleMax}}</div></div>
        <div><div class="score">{{calibrated}}</div><div class="meta">calibrated score</div></div>
        <div><div class="score">{{coverage}}</div><div class="meta">coverage</div></div>
        <div><div class="score">{{recommendation}}</div><div class="meta">{{rankText}}</div></div>
        </div>
        {{#needsDebrief}}<h2 class="flag">Needs a debrief</h2><ul>{{#flags}}<li class="flag">{{.}}</li>{{/flags}}</ul>{{/needsDebrief}}
        <h2>Competencies</h2>
        {{{competencyChart}}}
        <h2>Rounds</h2>
        {{#rounds}}<h3>{{kind}} · {{when}} · {{status}}{{#roundScore}} · round score {{.}}{{/roundScore}}</h3>
        {{#hasScorecards}}<div class="scroll"><table><thead><tr><th>Interviewer</th><th>Recommendation</th>{{#competencyHeaders}}<th class="num">{{.}}</th>{{/competencyHeaders}}</tr></thead>
        <tbody>{{#scorecards}}<tr><td>{{name}}{{#enteredBy}}<br><span class="meta">entered by {{.}}</span>{{/enteredBy}}{{#amendReason}}<br><span class="meta">amended: {{.}}</span>{{/amendReason}}</td><td>{{recommendation}}</td>{{#cells}}<td class="num">{{.}}</td>{{/cells}}</tr>{{/scorecards}}</tbody></table></div>
        {{#scorecards}}{{#notes}}<blockquote><strong>{{name}}:</strong> {{notes}}</blockquote>{{/notes}}{{/scorecards}}{{/hasScorecards}}
        {{/rounds}}
        {{#hasQuestions}}<h2>Questions asked</h2><div class="scroll"><table><thead><tr><th>Question</th><th>Ratings</th></tr></thead>
        <tbody>{{#questions}}<tr><td>{{text}}</td><td>{{ratings}}</td></tr>{{/questions}}</tbody></table></div>{{/hasQuestions}}
        {{#hasNotes}}<h2>Notes</h2><ul>{{#notes}}<li>{{.}}</li>{{/notes}}</ul>{{/hasNotes}}
        </section>
        """
}
