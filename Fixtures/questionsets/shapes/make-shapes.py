#!/usr/bin/env python3
"""Writes the page-shape fixtures of the importer's tests (deterministic; run again after editing):
pages shaped like popular public question pages, of realistic size, each with the true list of
its questions in a .json beside it (the format of ../real/*.json).

- contents-table.html: a long <table> of contents (number column + in-page links), one <h3> per
  question, answers with paragraphs, lists and code, and a "Back to Top" link after each answer.
- back-to-top-headings.html: sections of <h3> questions, a nested list of contents, and the
  back-to-top links written as headings of their own, as some site generators do.
- titled-questions.html: each question is a short title heading ("Consistent hashing") followed by
  the paragraph that asks it, then more paragraphs, lists or code; a few titles ask themselves.
- answers-in-list-items.html: one <ol> whose items each hold an <h3> question and its long answer
  (paragraphs, a list of points, an example); some answers end with a nested list of follow-up
  questions, which are questions too."""
import argparse
import json
import os

TOPICS = [
    "HTTP caching", "an ETag", "database indexing", "a covering index", "connection pooling", "optimistic locking",
    "eventual consistency", "the CAP theorem", "idempotent requests", "a message queue", "backpressure", "rate limiting",
    "a circuit breaker", "exponential backoff", "consistent hashing", "sharding", "read replicas", "write-ahead logging",
    "MVCC", "a deadlock", "two-phase commit", "the saga pattern", "CQRS", "event sourcing", "a bloom filter",
    "an LRU cache", "cache stampedes", "a CDN", "TLS termination", "mutual TLS", "OAuth 2.0", "a JWT", "CSRF",
    "SQL injection", "CORS", "gRPC", "REST", "GraphQL", "WebSockets", "long polling", "HTTP/2 multiplexing",
    "a load balancer", "blue-green deployment", "canary releases", "feature flags", "a health check", "graceful shutdown",
    "structured logging", "distributed tracing", "an SLO", "an error budget", "chaos testing", "a runbook",
    "database migrations", "schema versioning", "a dead-letter queue", "at-least-once delivery", "exactly-once processing",
    "a vector clock", "leader election",
]
TEMPLATES = ["What is {t}?", "How does {t} work in practice?", "When would you avoid {t}?", "What can go wrong with {t}?"]
SECTIONS = ["Fundamentals", "Data and storage", "Reliability", "Security and protocols"]


def questions():
    found = []
    for index, topic in enumerate(TOPICS):
        for number, template in enumerate(TEMPLATES):
            found.append((SECTIONS[(index * 4 + number) * len(SECTIONS) // (len(TOPICS) * 4)], template.format(t=topic), topic))
    return found


def answer(topic, number):
    parts = [
        f"<p>{topic[0].upper() + topic[1:]} comes up whenever a service has to stay correct under load. A good answer names the "
        f"problem it solves, the cost it adds, and one failure you have seen in production &mdash; for example a retry storm "
        f"after a deploy, or a <code>SELECT</code> that scanned a table of 40&nbsp;million rows.</p>",
        f"<p>Interviewers listen for trade-offs rather than definitions: what happens to latency, to memory, and to the "
        f"people on call. Strong candidates sketch the data flow and say where they would put a metric.</p>",
    ]
    if number % 3 == 0:
        parts.append("<ul><li>State the invariant first.</li><li>Say how it fails.</li><li>Say how you would notice.</li></ul>")
    if number % 5 == 0:
        parts.append(f"<pre><code>// {topic}\nlet reply = try await client.send(request, timeout: .seconds(2))\n</code></pre>")
    return "\n".join(parts)


def chrome(title, body):
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="/assets/site.css"></head>
<body id="top">
<header class="site-header"><a href="/">DevPrep</a><nav><a href="/guides">Guides</a> <a href="/jobs">Jobs</a> <a href="/login">Log in</a></nav></header>
<main><article>
<h1>{title}</h1>
<p class="byline">Updated March 2026 &middot; 18 min read</p>
<p>These are the questions we ask most often in backend interviews, with what a good answer covers. Use the table below to jump to a question.</p>
{body}
</article></main>
<footer class="site-footer"><p>&copy; 2026 DevPrep. <a href="/privacy">Privacy</a> &middot; <a href="/terms">Terms</a></p></footer>
</body></html>
"""


def contents_table():
    found = questions()
    rows = "\n".join(f'<tr><td>{n}</td><td><a href="#q{n}">{q}</a></td></tr>' for n, (_, q, _) in enumerate(found, 1))
    body = [f'<h2 id="table-of-contents">Table of Contents</h2>\n<table>\n<thead><tr><th>No.</th><th>Questions</th></tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>']
    section = None
    for n, (name, question, topic) in enumerate(found, 1):
        if name != section:
            body.append(f"<h2>{name}</h2>")
            section = name
        body.append(f'<h3 id="q{n}">{n}. {question}</h3>\n{answer(topic, n)}\n<p><a href="#table-of-contents">&#11014; Back to Top</a></p>')
    return chrome("240 Backend Interview Questions and Answers", "\n".join(body)), [(s, q) for s, q, _ in found]


def back_to_top_headings():
    found = questions()[:160]
    toc, section, items = [], None, []
    for n, (name, question, _) in enumerate(found, 1):
        if name != section:
            if items:
                toc.append(f"<li><a href=\"#{section.lower().replace(' ', '-')}\">{section}</a><ul>{''.join(items)}</ul></li>")
            section, items = name, []
        items.append(f'<li><a href="#q{n}">{question}</a></li>')
    toc.append(f"<li><a href=\"#{section.lower().replace(' ', '-')}\">{section}</a><ul>{''.join(items)}</ul></li>")
    body = ["<h2>Contents</h2>", "<ul class=\"contents\">" + "\n".join(toc) + "</ul>"]
    section = None
    for n, (name, question, topic) in enumerate(found, 1):
        if name != section:
            body.append(f'<h2 id="{name.lower().replace(" ", "-")}">{name}</h2>')
            section = name
        body.append(f'<h3 id="q{n}">{question}</h3>\n{answer(topic, n)}\n<h4><a href="#top">&#8593; back to top</a></h4>')
    return chrome("Backend interview questions, by topic", "\n".join(body)), [(s, q) for s, q, _ in found]


argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args()
def titled_questions():
    body, truth, section = [], [], None
    titles = ["{T}", "{T} in practice", "Avoiding {t}", "{T}: failure modes"]
    for index, (name, question, topic) in enumerate(questions()):
        if name != section:
            body.append(f"<h2>{name}</h2>")
            section = name
        bare = topic.split(" ", 1)[1] if topic.startswith(("a ", "an ", "the ")) else topic
        title = titles[index % 4].format(T=bare[0].upper() + bare[1:], t=bare)
        if index % 9 == 4:
            # A heading that asks is the question itself.
            body.append(f"<h3>{question}</h3>\n{answer(topic, index)}")
            truth.append((name, question, None))
            continue
        body.append(f"<h3>{title}</h3>\n<p>{question}</p>\n{answer(topic, index)}")
        truth.append((name, question, title))
    return chrome("Backend concepts every engineer should explain", "\n".join(body)), truth

def answers_in_list_items():
    items, truth = [], []
    for index, (name, question, topic) in enumerate(questions()[:150]):
        points = "".join(f"<li>{p}</li>" for p in [
            f"What it guarantees: {topic} bounds one kind of failure, not all of them.",
            "How to explain it: start from the request path and say where state lives.",
            f"Why it matters: teams that skip {topic} find out during an incident.",
        ])
        follow = ""
        if index % 4 == 0:
            follow = ("<p>Follow-up questions:</p><ul>"
                      f"<li>How would you test {topic} before production?</li>"
                      f"<li>What would you monitor to know {topic} is working?</li></ul>")
        example = f"<p>For example:</p><pre><code>$ curl -i https://api.example.com/orders/42  # {topic}\n</code></pre>" if index % 2 else ""
        items.append(f"<li><h3>{question}</h3>\n{answer(topic, index)}\n<p>A complete answer covers:</p><ul>{points}</ul>\n{example}{follow}</li>")
        truth.append((None, question, None))
        if follow:
            truth.append((None, f"How would you test {topic} before production?", None))
            truth.append((None, f"What would you monitor to know {topic} is working?", None))
    body = "<h2>The questions</h2>\n<ol>\n" + "\n".join(items) + "\n</ol>"
    return chrome("150 system questions with full answers", body), [("The questions", q, t) for _, q, t in truth]


here = os.path.dirname(os.path.abspath(__file__))
shapes = {"answers-in-list-items": answers_in_list_items(), "contents-table": contents_table(), "back-to-top-headings": back_to_top_headings()}
page, truth = titled_questions()
with open(os.path.join(here, "titled-questions.html"), "w", encoding="utf-8") as out:
    out.write(page)
with open(os.path.join(here, "titled-questions.json"), "w", encoding="utf-8") as out:
    json.dump({"questions": [{"section": s, "question": q, "title": t} for s, q, t in truth]}, out, indent=1)
    out.write("\n")
for name, (page, truth) in shapes.items():
    with open(os.path.join(here, name + ".html"), "w", encoding="utf-8") as out:
        out.write(page)
    with open(os.path.join(here, name + ".json"), "w", encoding="utf-8") as out:
        json.dump({"questions": [{"section": s, "question": q} for s, q, *_ in truth]}, out, indent=1)
        out.write("\n")
