#!/usr/bin/env bash
# Importer throughput against libxml2's own parser (xmllint) on the same generated pages, in one run:
# a page of short answers, and a page of long plain-prose answers (make-question-page.py --prose).
# Usage: bench/import-bench.sh PATH/TO/release/debrief [MEGABYTES]
set -euo pipefail
source "$(dirname "$0")/../scripts/help.sh"
bin="${1:?usage: import-bench.sh PATH/TO/debrief [MEGABYTES]}"
size="${2:-30}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The floor: libxml2's SAX pass alone, as Debrief runs it, with callbacks that only count.
floor="$work/sax-floor"
cc -O2 -I/usr/include/libxml2 -o "$floor" "$(dirname "$0")/sax-floor.c" -lxml2
bench_page() {
    local kind="$1" flags="$2"
page="$work/questions-${kind// /-}-${size}mb.html"
python3 "$(dirname "$0")/make-question-page.py" "$page" "$size" $flags
echo "#### $kind answers"
bytes=$(stat -c %s "$page")
questions=$("$bin" import "$page" --dry-run --format json | python3 -c 'import json,sys; print(sum(len(s["questions"]) for s in json.load(sys.stdin)["sections"]))')

# Interleaved rounds (interleaved.py): each round runs the four commands once, in turn, so the
# VM's drift (a third within minutes) is shared by every command of a round; fifteen rounds.
python3 "$(dirname "$0")/interleaved.py" 15 "$work/times.json" \
    xmllint "xmllint --html --noout --nowarning --recover $page" \
    "libxml2 SAX pass alone" "$floor $page" \
    "debrief import" "$bin import $page --dry-run --quiet" \
    "debrief import json" "$bin import $page --dry-run --format json"

# What people run: storing into a new database, and mapping competencies with a rubric. Fewer
# runs, as these take longer; the database is removed before each run.
db="$work/bench.sqlite"
hyperfine -N --style basic --warmup 1 --runs 5 --export-json "$work/store.json" \
    --prepare "rm -f $db $db-wal $db-shm" -n "debrief import, stored" "$bin import $page --db $db" \
    --prepare "true" -n "debrief import --rubric" "$bin import $page --dry-run --quiet --rubric backend-engineer" >&2

# The floor for storing: the rows just stored, inserted again with one prepared statement in one
# transaction (without, then with, the search index), from the database of the last stored run.
read -r floor_rows floor_indexed < <(python3 "$(dirname "$0")/bulk-insert.py" "$db" 5)

peak() { python3 -c 'import resource,subprocess,sys; subprocess.run(sys.argv[1], shell=True, check=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)' "$1"; }
xmllint_mb=$(peak "xmllint --html --noout --nowarning --recover '$page' 2>/dev/null")
debrief_mb=$(peak "'$bin' import '$page' --dry-run --quiet > /dev/null")

python3 - "$work/times.json" "$bytes" "$questions" "$xmllint_mb" "$debrief_mb" "$work/store.json" "$floor_rows" "$floor_indexed" <<'PY'
import json, sys
times = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"] + json.load(open(sys.argv[6]))["results"]}
size, questions, xm, dm = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
x, d, j = times["xmllint"]["median"], times["debrief import"]["median"], times["debrief import json"]["median"]
f = times["libxml2 SAX pass alone"]["median"]
mb = size / 1048576
print(f"| page | {mb:.1f} MB, {questions} questions |")
print(f"| xmllint --html --noout (baseline, median of 15 interleaved rounds) | {x:.3f} s, {mb / x:.1f} MB/s, peak {xm} MB |")
print(f"| libxml2's SAX pass alone, callbacks that only count (the floor) | {f:.3f} s, {mb / f:.1f} MB/s, {f / x:.2f} of xmllint's time |")
print(f"| debrief import --dry-run --quiet: parse + extract + sanitise | {d:.3f} s, {mb / d:.1f} MB/s, peak {dm} MB |")
print(f"| debrief import --dry-run --format json: the same, plus JSON of every question | {j:.3f} s, {mb / j:.1f} MB/s |")
s, r = times["debrief import, stored"]["median"], times["debrief import --rubric"]["median"]
print(f"| debrief import into a new database (median of 5) | {s:.3f} s, {mb / s:.1f} MB/s |")
storing, rows, indexed = s - d, float(sys.argv[7]), float(sys.argv[8])
print(f"| storing: the import into a new database less the dry run | {storing:.3f} s |")
print(f"| a prepared bulk insert of the same rows in one transaction (floor, median of 5), then with the search index | {rows:.3f} s, {indexed:.3f} s |")
print(f"| storing speed / bulk insert speed | {rows / storing:.2f} of the rows alone, {indexed / storing:.2f} of the rows and their index |")
print(f"| debrief import --dry-run --quiet --rubric backend-engineer (median of 5) | {r:.3f} s, {mb / r:.1f} MB/s |")
paired, paired_json = times["debrief import"]["paired_speed"], times["debrief import json"]["paired_speed"]
print(f"| importer speed / xmllint speed, round by round (median of the rounds' ratios) | {paired:.2f} (with JSON output {paired_json:.2f}) |")
print(f"| importer speed / xmllint speed, of the medians | {x / d:.2f} (with JSON output {x / j:.2f}); the floor's {x / f:.2f}, so the importer adds {(d - f) / x:.2f} of xmllint's time to the parse |")
print(f"| CPU time (user), importer / xmllint | {times['debrief import']['user']:.3f} s / {times['xmllint']['user']:.3f} s |")
print(f"| importer peak memory / input size | {dm / mb:.1f}x (xmllint {xm / mb:.1f}x) |")
PY
}

bench_page short ""
echo
bench_page "long prose" --prose
