/// The Mustache template of the position report. `{{…}}` escapes; `{{{…}}}` only takes SVG the chart code built.
enum PositionTemplate {
    /// The report as a page's content: the server puts it inside its own layout.
    static let section = """
        <section class="position"><header><h1>{{title}}: debrief pack</h1>
        <p class="meta">Rubric {{rubric}} v{{version}}, scale {{scaleMin}}–{{scaleMax}}. {{candidateCount}} candidates.</p></header>
        <h2>Ranking</h2>
        {{#pager}}<p class="meta">Candidates {{first}}–{{last}} of {{total}}, in {{sort}} order. {{#next}}<a href="{{next}}">Next page</a>{{/next}} <a href="#ranking-pages">More pages and orders</a></p>
        {{/pager}}<div class="scroll"><table><thead><tr><th class="num">Rank</th><th>Candidate</th><th>Stage</th><th class="num">Score</th><th class="num">Calibrated</th><th class="num">Coverage</th><th>Recommendation</th><th>Flags</th><th class="num">Percentile</th></tr></thead>
        <tbody>{{#candidates}}<tr><td class="num">{{rank}}</td><td>{{#link}}<a href="{{link}}">{{name}}</a>{{/link}}{{^link}}{{name}}{{/link}}<br><span class="meta">{{emailUser}}<wbr>{{emailDomain}}</span></td><td>{{stage}}</td><td class="num">{{score}}</td><td class="num">{{calibrated}}</td><td class="num">{{coverage}}</td><td>{{recommendation}}</td><td class="flag">{{#flags}}{{.}}<br>{{/flags}}</td><td class="num">{{percentile}}</td></tr>{{/candidates}}</tbody></table></div>
        {{#pager}}<nav class="pager" id="ranking-pages" aria-label="Ranking pages"><p>Candidates {{first}}–{{last}} of {{total}}, in {{sort}} order. Page {{number}} of {{pageCount}}.</p>
        <p>{{#previous}}<a href="{{previous}}" rel="prev">Previous page</a> {{/previous}}{{#next}}<a href="{{next}}" rel="next">Next page</a> {{/next}}<a href="{{everything}}">All candidates on one page, for printing</a></p>
        <p>Order by: {{#sorts}}{{#current}}<strong aria-current="true">{{label}}</strong> {{/current}}{{^current}}<a href="{{link}}">{{label}}</a> {{/current}}{{/sorts}}</p></nav>
        {{/pager}}<h2>Score distribution</h2>
        {{{distributionChart}}}
        <h2>Agreement between interviewers</h2>
        <p>Krippendorff's alpha (interval) <strong>{{alphaInterval}}</strong>, ordinal {{alphaOrdinal}}, over {{units}} candidate competencies rated by {{coders}} interviewers: {{alphaReading}}.</p>
        <h2>How much to trust these scores</h2>
        {{#reliabilitySummary}}<p>{{reliabilitySummary}} (G(q,k) <strong>{{reliabilityG}}</strong> for the panels this position had.)</p>
        {{{reliabilityChart}}}{{/reliabilitySummary}}{{^reliabilitySummary}}<p>Too little data for a reliability study yet; the notes say why.</p>{{/reliabilitySummary}}{{#rubricStudy}}<p class="meta"><a href="{{rubricStudy}}">The same study across every position scored against {{rubric}}</a></p>{{/rubricStudy}}
        <h2>Interviewer calibration</h2>
        {{{leniencyChart}}}
        <div class="scroll"><table><thead><tr><th>Interviewer</th><th class="num">Scorecards</th><th class="num">Mean rating</th><th class="num">Leniency</th><th>Corrected</th><th class="num">No decision</th><th class="num">Strong calls</th></tr></thead>
        <tbody>{{#calibration}}<tr><td>{{name}}<br><span class="meta">{{interviewer}}</span></td><td class="num">{{scorecards}}</td><td class="num">{{mean}}</td><td class="num">{{leniency}}</td><td>{{corrected}}</td><td class="num">{{noDecision}}</td><td class="num">{{strong}}</td></tr>{{/calibration}}</tbody></table></div>
        <h2>Competencies across the pipeline</h2>
        {{{competencyChart}}}
        {{#hasNotes}}<h2>Notes</h2><ul>{{#notes}}<li>{{.}}</li>{{/notes}}</ul>{{/hasNotes}}
        </section>
        """
}
