#!/usr/bin/env python3
"""Writes a large, realistic question page for `make bench`: sections of heading-per-question
blocks with answer paragraphs and lists, plus the boilerplate real pages carry (nav, asides,
scripts, tips). With --prose, each answer is instead three long paragraphs of plain prose (about 600
bytes each: few tags, an entity and a <code> inside), as essay-style pages write them.
Deterministic: the same arguments give the same bytes."""
import argparse

SENTENCES = [
    "Start from what the service promises its callers and work back to what each component must guarantee",
    "A design that cannot be explained on one whiteboard is usually hiding a coupling that will hurt later",
    "Measure the tail latency rather than the mean, because the slowest requests are the ones people remember",
    "Every cache is a second copy of the truth, so decide up front which copy wins when they disagree",
    "Retries turn a brief outage into a storm unless they back off and give up after a bounded number of tries",
    "The database is rarely the first bottleneck; the connection pool in front of it usually is",
    "Write the runbook before the incident, while the people who built the system still remember why",
    "Idempotency keys let a client retry safely without the server doing the same work twice",
]


def prose(number: int) -> list:
    paragraphs = []
    for part in range(3):
        words = []
        for step in range(5):
            words.append(SENTENCES[(number * 7 + part * 3 + step) % len(SENTENCES)])
        words[2] += f", which is why <code>timeout_ms = {number % 900 + 100}</code> matters here"
        paragraphs.append("<p>" + ". ".join(words) + f" &mdash; as we saw at {number} requests a second.</p>")
    return paragraphs


def main(path: str, megabytes: float, long_answers: bool = False) -> None:
    target = int(megabytes * 1024 * 1024)
    head = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Benchmark interview questions</title>'
            '<script>window.dataLayer = [];</script><style>body{font:16px sans-serif}</style></head><body>'
            '<nav class="site-nav"><a href="/">Home</a> <a href="/blog">Blog</a></nav><article class="post"><div class="entry-content">')
    tail = ('</div></article><aside class="sidebar"><h3>Related posts</h3><ul><li><a href="/a">A</a></li></ul></aside>'
            '<footer><p>Copyright</p></footer></body></html>')
    topics = ["caching", "database indexes", "message queues", "rate limiting", "TLS", "consistency", "sharding", "retries"]
    with open(path, "w", encoding="utf-8") as out:
        out.write(head)
        written, number, section = len(head), 0, 0
        while written < target - len(tail):
            section += 1
            block = [f'<h2 class="wp-block-heading">Section {section}: questions for experienced engineers</h2>',
                     '<p>These questions probe design judgement.</p>']
            for _ in range(25):
                number += 1
                topic = topics[number % len(topics)]
                block.append(f'<h3 class="wp-block-heading">Q{number}. How would you use {topic} in a service handling {number} requests per second?</h3>')
                if long_answers:
                    block += prose(number)
                    continue
                block.append(f'<p><strong>Answer:</strong> Start from the load: {number} requests per second means <em>{topic}</em> '
                             f'must be planned with care &amp; measured. See <a href="https://example.com/{number}">notes</a>.</p>')
                block.append('<ul><li>Measure first.</li><li>Keep it simple.</li><li>Plan for failure.</li></ul>')
                if number % 50 == 0:
                    block.append('<div class="pro-tip"><p><strong>Pro Tip:</strong> Practise out loud.</p></div>')
            text = "\n".join(block) + "\n"
            out.write(text)
            written += len(text.encode("utf-8"))
        out.write(tail)

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="the HTML file to write")
    parser.add_argument("megabytes", nargs="?", type=float, default=30, help="its size in MB (default 30)")
    parser.add_argument("--prose", action="store_true", help="long plain-prose answers instead of short ones")
    arguments = parser.parse_args()
    if arguments.megabytes <= 0:
        parser.error("megabytes must be above 0")
    main(arguments.path, arguments.megabytes, arguments.prose)
