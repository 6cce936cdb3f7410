#!/usr/bin/env python3
"""Writes a large, realistic question page for `make bench`: sections of heading-per-question
blocks with answer paragraphs and lists, plus the boilerplate real pages carry (nav, asides,
scripts, tips). Deterministic: the same size argument gives the same bytes."""
import argparse

def main(path: str, megabytes: float) -> None:
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
    arguments = parser.parse_args()
    if arguments.megabytes <= 0:
        parser.error("megabytes must be above 0")
    main(arguments.path, arguments.megabytes)
