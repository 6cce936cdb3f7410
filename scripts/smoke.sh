#!/usr/bin/env bash
# Runs the built `debrief` binary as a person would: real process, real exit codes, real files.
# Prints one "smoke: N passed, N failed" line and exits non-zero when anything failed.
set -uo pipefail
bin="${1:?usage: smoke.sh PATH/TO/debrief}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/smoke.sqlite"
passed=0 failed=0

check() { # NAME EXPECTED_CODE PATTERN -- COMMAND...
    local name=$1 expected=$2 pattern=$3
    shift 4
    local output code
    output=$("$@" 2>&1)
    code=$?
    if [[ $code -eq $expected ]] && grep -qE -- "$pattern" <<<"$output"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        printf 'smoke FAILED: %s (exit %s, wanted %s)\n%s\n' "$name" "$code" "$expected" "$output" >&2
    fi
}

check "help lists the commands" 0 "candidates" -- "$bin" --help
check "a bad flag is a usage error" 64 "Unknown option" -- "$bin" candidates list --db "$db" --bogus
check "demo data is generated" 0 "Generated .* scorecards" -- "$bin" demo generate --db "$db" --candidates 12 --seed 3 --rubrics Rubrics
check "candidates are listed" 0 "STAGE" -- "$bin" candidates list --db "$db"
check "the demo position report ranks candidates" 0 '"rank" : 1' -- "$bin" report position 1 --format json --db "$db" --rubrics Rubrics
check "the HTML report is written to a file" 0 "Wrote" -- "$bin" report position 1 --db "$db" --rubrics Rubrics --out "$work/position.html"
check "an unknown candidate fails with exit 1" 1 "no candidate #999" -- "$bin" candidates show 999 --db "$db"
printf 'hello' >"$work/notes.txt"
check "a foreign file is refused" 1 "not a Debrief database" -- "$bin" positions list --db "$work/notes.txt"
DEBRIEF_DB="$db" check "DEBRIEF_DB is honoured" 0 "Backend Engineer" -- env DEBRIEF_DB="$db" "$bin" positions list

echo "smoke: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
