/// The Mustache template of the question-health report. `{{…}}` escapes every value.
enum QuestionHealthTemplate {
    /// The report as a page's content: the server puts it inside its own layout.
    static let section = """
        <section class="questions"><header><h1>{{title}}</h1>
        <p class="meta">{{summary}}</p></header>
        {{#hasQuestions}}<div class="scroll"><table><thead><tr><th class="num">#</th><th>Question</th><th class="num">Asked</th><th class="num">No signal</th><th>Mean (95%)</th><th class="num">SD</th><th class="num">Floor / ceiling</th><th>Tracks competency r (95%)</th><th class="num">Agreement α</th><th>Flags</th></tr></thead>
        <tbody>{{#questions}}<tr id="question-{{id}}"><td class="num">{{id}}</td><td>{{#link}}<a href="{{link}}">{{text}}</a>{{/link}}{{^link}}{{text}}{{/link}}<br><span class="meta">{{set}}{{#scale}} · scale {{scale}}{{/scale}}</span>{{#hasNotes}}<br><span class="meta">{{notes}}</span>{{/hasNotes}}</td><td class="num">{{asked}}</td><td class="num">{{noSignal}}</td><td>{{mean}}</td><td class="num">{{sd}}</td><td class="num">{{scaleUse}}</td><td>{{itemTotal}}</td><td class="num">{{agreement}}</td><td class="flag">{{#flags}}{{.}}<br>{{/flags}}</td></tr>{{/questions}}</tbody></table></div>{{/hasQuestions}}
        <h2>How to read it</h2><ul>{{#guide}}<li>{{.}}</li>{{/guide}}</ul>
        {{#hasNotes}}<h2>Notes</h2><ul>{{#notes}}<li>{{.}}</li>{{/notes}}</ul>{{/hasNotes}}
        </section>
        """
}
