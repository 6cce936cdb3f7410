/// The Mustache template of the question-health report. `{{…}}` escapes every value. On a narrow
/// screen the table's rows stack into cards, each figure labelled (`data-label`, see `ReportStyle`).
enum QuestionHealthTemplate {
    /// The report as a page's content: the server puts it inside its own layout.
    static let section = """
        <section class="questions"><header><h1>{{title}}</h1>
        <p class="meta">{{summary}}</p></header>
        {{#hasQuestions}}<div class="scroll"><table class="stack"><thead><tr><th class="num">#</th><th>Question</th><th class="num">Asked</th><th class="num">No signal</th><th class="num">Mean</th><th class="num">SD</th><th class="num">Floor / ceiling</th><th class="num">Tracks competency r</th><th class="num">Agreement α</th><th>Flags</th></tr></thead>
        <tbody>{{#questions}}<tr id="question-{{id}}"><td class="num" data-label="#">{{id}}</td><td class="lead" data-label="Question">{{#link}}<a href="{{link}}">{{text}}</a>{{/link}}{{^link}}{{text}}{{/link}}{{#set}}<br><span class="meta">{{set}}</span>{{/set}}{{#scale}}<br><span class="meta">scale {{scale}}</span>{{/scale}}{{#hasNotes}}<details class="meta"><summary>Why figures are missing</summary><ul>{{#notes}}<li>{{.}}</li>{{/notes}}</ul></details>{{/hasNotes}}</td><td class="num" data-label="Asked">{{asked}}</td><td class="num" data-label="No signal">{{noSignal}}</td><td class="num" data-label="Mean"><span>{{mean}}{{#meanInterval}}<br><span class="meta">{{.}}</span>{{/meanInterval}}</span></td><td class="num" data-label="SD">{{sd}}</td><td class="num" data-label="Floor / ceiling">{{scaleUse}}</td><td class="num" data-label="Tracks competency r"><span>{{itemTotal}}{{#itemTotalInterval}}<br><span class="meta">{{.}}</span>{{/itemTotalInterval}}</span></td><td class="num" data-label="Agreement α">{{agreement}}</td><td class="flag" data-label="Flags">{{#hasFlags}}<ul class="flags">{{#flags}}<li>{{.}}</li>{{/flags}}</ul>{{/hasFlags}}</td></tr>{{/questions}}</tbody></table></div>
        <p class="meta">Intervals under a figure are 95%.</p>{{/hasQuestions}}
        <h2>How to read it</h2><ul>{{#guide}}<li>{{.}}</li>{{/guide}}</ul>
        {{#hasNotes}}<h2>Notes</h2><ul>{{#notes}}<li>{{.}}</li>{{/notes}}</ul>{{/hasNotes}}
        </section>
        """
}
