#!/usr/bin/env bash
# Report throughput on a generated position (about 50 ratings per candidate) against the floor for
# touching that data: sqlite3 -csv dumping every rating with its candidate, round and interviewer.
# Usage: bench/report-bench.sh PATH/TO/release/debrief [CANDIDATES]
set -euo pipefail
source "$(dirname "$0")/../scripts/help.sh"
bin="${1:?usage: report-bench.sh PATH/TO/debrief [CANDIDATES]}"
candidates="${2:-20000}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/bench.sqlite"
python3 "$(dirname "$0")/make-report-db.py" "$bin" "$db" "$candidates" >&2
ratings=$(sqlite3 "$db" "SELECT count(*) FROM rating")
dump="SELECT c.name, c.email, r.kind, u.email, ra.competency_id, ra.question_id, ra.value, s.recommendation FROM rating ra
      JOIN scorecard s ON s.id = ra.scorecard_id JOIN round r ON r.id = s.round_id JOIN candidate c ON c.id = r.candidate_id
      JOIN user u ON u.id = s.interviewer_id"

# The position report's floor: the per-candidate, per-competency GROUP BY over the same ratings.
group="SELECT r.candidate_id, ra.competency_id, avg(ra.value), count(*) FROM rating ra JOIN scorecard s ON s.id = ra.scorecard_id
       JOIN round r ON r.id = s.round_id WHERE r.position_id = 1 GROUP BY r.candidate_id, ra.competency_id"

# Interleaved rounds (interleaved.py): each round runs every command once, in turn, so this VM's
# drift (the sqlite3 -csv floor moved twofold between runs in session 20) is shared by each
# command of a round; three rounds after a warm-up.
# Each --all run writes into a folder of its own: deleting the last run's 20,000 files before the
# next made ext4 skip over their recently freed inodes for every file created (perf: a quarter of
# the run in find_inode_bit and recently_deleted), which no one running --all once meets.
python3 "$(dirname "$0")/interleaved.py" --shell 3 "$work/times.json" \
    "sqlite3 GROUP BY" "sqlite3 '$db' \"$group\" > /dev/null" \
    "report json" "'$bin' report position 1 --db '$db' --format json --out '$work/position.json'" \
    "csv long" "'$bin' report position 1 --db '$db' --format csv --long --out '$work/ratings.csv'" \
    "sqlite3 -csv" "sqlite3 -csv '$db' \"$dump\" > /dev/null" \
    "csv" "'$bin' report position 1 --db '$db' --all --format csv --out \$(mktemp -d -p '$work')/out --quiet > /dev/null" \
    "html" "'$bin' report position 1 --db '$db' --all --format html --out \$(mktemp -d -p '$work')/out --quiet > /dev/null"

json_mb=$(python3 -c 'import resource,subprocess,sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)' \
    "$bin" report position 1 --db "$db" --format json --out "$work/position.json")

long_mb=$(python3 -c 'import resource,subprocess,sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)' \
    "$bin" report position 1 --db "$db" --format csv --long --out "$work/ratings.csv")

python3 - "$work/times.json" "$candidates" "$ratings" "$json_mb" "$long_mb" <<'PY'
import json, sys
import statistics
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
times = {name: r["median"] for name, r in results.items()}
def per_round(top, bottom):
    """The median over the interleaved rounds of one command's time over another's in the same round."""
    return statistics.median(a / b for a, b in zip(results[top]["times"], results[bottom]["times"]))
candidates, ratings = int(sys.argv[2]), int(sys.argv[3])
base = times["sqlite3 -csv"]
print(f"| database | {candidates} candidates, {ratings} ratings |")
group, report = times["sqlite3 GROUP BY"], times["report json"]
print(f"| sqlite3 GROUP BY per candidate and competency (the report's floor, median of 3 interleaved rounds) | {group:.2f} s |")
print(f"| report position 1 --format json, cold (a new process) | {report:.2f} s, {report / group:.1f}x the GROUP BY; round by round {per_round('report json', 'sqlite3 GROUP BY'):.1f}x; peak {sys.argv[4]} MB |")
print(f"| report position 1 --format csv --long (one row per rating, streamed) | {times['csv long']:.2f} s; floor / this = {times['sqlite3 -csv'] / times['csv long']:.3f}; peak {sys.argv[5]} MB |")
print(f"| sqlite3 -csv dump of every rating (floor, median of 3 interleaved rounds) | {base:.2f} s, {ratings / base:,.0f} ratings/s |")
for name in ["csv", "html"]:
    t = times[name]
    paired = per_round("sqlite3 -csv", name)
    print(f"| report position --all --format {name}: every candidate's report plus the index | {t:.1f} s, {candidates / t:,.0f} candidates/s, {ratings / t:,.0f} ratings/s; floor / this = {base / t:.3f} (round by round {paired:.3f}) |")
PY

# The same position through the server: cold, cached, a candidate, the paged pack, four browsers.
python3 "$(dirname "$0")/report-server-bench.py" "$bin" "$db"
