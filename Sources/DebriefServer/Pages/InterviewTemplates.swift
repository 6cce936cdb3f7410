/// The Mustache templates of the interviewer's pages. `{{…}}` escapes every value.
enum InterviewTemplates {
    static let all = [("interviews", interviews), ("round", round)]

    private static let interviews = """
        {{<layout}}{{$content}}
        <h1>My interviews</h1>
        <h2>Waiting for my scorecard</h2>
        {{#hasWaiting}}<div class="scroll"><table><thead><tr><th>When</th><th>Candidate</th><th>Position</th><th>Round</th><th>My scorecard</th></tr></thead><tbody>
        {{#waiting}}<tr><td>{{when}}</td><td><a href="/rounds/{{id}}">{{candidate}}</a></td><td>{{position}}</td><td>{{kind}}</td><td>{{status}}</td></tr>{{/waiting}}
        </tbody></table></div>{{/hasWaiting}}
        {{^waiting}}<p>Nothing waiting: every round on your panel has your scorecard.</p>{{/waiting}}
        <h2>Submitted</h2>
        {{#hasDone}}<div class="scroll"><table><thead><tr><th>When</th><th>Candidate</th><th>Position</th><th>Round</th></tr></thead><tbody>
        {{#done}}<tr><td>{{when}}</td><td><a href="/rounds/{{id}}">{{candidate}}</a></td><td>{{position}}</td><td>{{kind}}</td></tr>{{/done}}
        </tbody></table></div>{{/hasDone}}
        {{^done}}<p>No submitted scorecards yet.</p>{{/done}}
        {{/content}}{{/layout}}
        """

    private static let round = """
        {{<layout}}{{$content}}
        <p><a href="/interviews">My interviews</a></p>
        <h1>{{candidate}}</h1>
        <p class="meta">{{position}} · {{kind}} round · {{when}}</p>
        {{#message}}<p class="error" role="alert">{{message}}</p>{{/message}}
        {{#hasQuestions}}<h2>Questions: {{questionSet}}</h2>
        <ol class="kit">{{#questions}}<li value="{{ordinal}}">{{text}}{{#section}} <span class="meta">({{section}})</span>{{/section}}
        {{#answer}}<details><summary>Model answer</summary>{{{answer}}}</details>{{/answer}}</li>{{/questions}}</ol>{{/hasQuestions}}
        {{#locked}}
        <h2>My scorecard (submitted{{#version}}, version {{version}}{{/version}}, {{submittedAt}})</h2>
        <table><thead><tr><th>Competency</th><th>My rating</th></tr></thead><tbody>
        {{#competencies}}<tr><td>{{title}}</td><td>{{rated}}</td></tr>{{/competencies}}
        </tbody></table>
        <p>Recommendation: <strong>{{recommendationText}}</strong></p>
        {{#notes}}<blockquote>{{notes}}</blockquote>{{/notes}}
        {{/locked}}
        {{#editable}}
        <form method="post" action="/rounds/{{roundID}}/scorecard">
        <input type="hidden" name="csrf" value="{{proof}}">
        {{#competencies}}
        <fieldset id="competency-{{id}}"><legend>{{title}}</legend>
        {{#description}}<p class="meta">{{description}}</p>{{/description}}
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        {{#points}}<p><input type="radio" name="rating.{{id}}" id="{{inputID}}" value="{{value}}"{{#checked}} checked{{/checked}}>
        <label for="{{inputID}}"><strong>{{label}}</strong>: {{anchor}}</label></p>{{/points}}
        </fieldset>
        {{/competencies}}
        <p><label for="recommendation">Recommendation</label><br>
        <select id="recommendation" name="recommendation"><option value="">choose one</option>
        {{#recommendations}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/recommendations}}</select>
        {{#recommendationError}}<br><span class="error" role="alert">{{recommendationError}}</span>{{/recommendationError}}</p>
        <p><label for="notes">Notes</label><br><textarea id="notes" name="notes" rows="6">{{notes}}</textarea></p>
        <p><input type="checkbox" id="confirm" name="confirm" value="yes"> <label for="confirm">I am ready to submit: my scorecard is then locked,
        and a later change is a new version</label>{{#confirmError}}<br><span class="error" role="alert">{{confirmError}}</span>{{/confirmError}}</p>
        <p><button type="submit" name="action" value="draft">Save draft</button> <button type="submit" name="action" value="submit">Submit</button></p>
        </form>
        {{/editable}}
        <h2>Colleagues' scorecards</h2>
        {{#blind}}<p>You see your colleagues' scorecards once you have submitted your own, so that nobody anchors on anyone else's.</p>{{/blind}}
        {{^blind}}
        {{#colleagues}}<h3>{{name}}: {{recommendation}}</h3><p>{{ratings}}</p>{{#notes}}<blockquote>{{notes}}</blockquote>{{/notes}}{{/colleagues}}
        {{^hasColleagues}}<p>No colleague has submitted a scorecard for this round yet.</p>{{/hasColleagues}}
        {{/blind}}
        {{/content}}{{/layout}}
        """
}
