#!/usr/bin/env bash
# How the cold position report grows with the position: the same generated position (about 50 ratings
# per candidate) at each size, `report position 1 --format json` in a new process against the
# per-candidate, per-competency GROUP BY over the same ratings at that size, with peak memory.
# Linear growth shows as a flat time per rating and a flat ratio to the GROUP BY down the table.
# Usage: bench/growth-bench.sh PATH/TO/release/debrief [CANDIDATES...]   (default: 200 2000 20000)
set -euo pipefail
source "$(dirname "$0")/../scripts/help.sh"
bin="${1:?usage: growth-bench.sh PATH/TO/debrief [CANDIDATES...]}"
shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(200 2000 20000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
group="SELECT r.candidate_id, ra.competency_id, avg(ra.value), count(*) FROM rating ra JOIN scorecard s ON s.id = ra.scorecard_id
       JOIN round r ON r.id = s.round_id WHERE r.position_id = 1 GROUP BY r.candidate_id, ra.competency_id"
peak() { python3 -c 'import resource,subprocess,sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)' "$@"; }

echo "| candidates | ratings | GROUP BY | report json, cold | report / GROUP BY | µs per rating | peak MB | KB per 1,000 ratings |"
echo "|---|---|---|---|---|---|---|---|"
for candidates in "${sizes[@]}"; do
    db="$work/growth-$candidates.sqlite"
    python3 "$(dirname "$0")/make-report-db.py" "$bin" "$db" "$candidates" >&2
    ratings=$(sqlite3 "$db" "SELECT count(*) FROM rating")
    runs=$(( candidates >= 20000 ? 3 : 10 ))
    hyperfine --style none --runs "$runs" --export-json "$work/times.json" \
        -n group "sqlite3 '$db' \"$group\" > /dev/null" \
        -n report "'$bin' report position 1 --db '$db' --format json --out '$work/position.json'" >&2
    mb=$(peak "$bin" report position 1 --db "$db" --format json --out "$work/position.json")
    python3 - "$work/times.json" "$candidates" "$ratings" "$mb" <<'PY'
import json, sys
times = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
candidates, ratings, mb = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
group, report = times["group"], times["report"]
print(f"| {candidates:,} | {ratings:,} | {group:.3f} s | {report:.3f} s | {report / group:.1f}x | {report / ratings * 1e6:.1f} | {mb} | {mb * 1024 / ratings * 1000:,.0f} |")
PY
    rm -f "$db"
done
