#!/usr/bin/env bash
# Runs the built `debrief` binary as a person would: real process, real exit codes, real files.
# Prints one "smoke: N passed, N failed" line and exits non-zero when anything failed.
# Usage: scripts/smoke.sh PATH/TO/debrief
set -uo pipefail
source "$(dirname "$0")/help.sh"
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

# Pasted fragments (standard input) are sets of their own, named by --name or by their <title>.
paste_db="$work/paste.sqlite"
check "a paste is named by its <title>" 0 "Imported pasted: Deadlocks: 1 question in 1 section" -- bash -c \
    "printf '<title>Deadlocks</title><h2>Q1. What is a deadlock?</h2><p>Two waits.</p>' | '$bin' import - --db '$paste_db'"
check "an unrelated paste is not the first one's next version" 0 "Imported Locks: 1 question in 1 section .* v1" -- bash -c \
    "printf '<h2>Q1. What is a mutex?</h2><p>A lock.</p>' | '$bin' import - --name Locks --db '$paste_db'"
check "a paste with no name and no <title> is refused" 1 "pass --name NAME" -- bash -c \
    "printf '<h2>Q1. What is a latch?</h2><p>A gate.</p>' | '$bin' import - --db '$paste_db'"

# Every script of the repository answers --help and writes nothing.
for script in bench/make-question-page.py bench/make-report-db.py bench/bulk-insert.py scripts/browser-test.py scripts/shutdown-under-load.py Fixtures/questionsets/shapes/make-shapes.py; do
    check "$script --help" 0 "usage:" -- bash -c "cd '$work' && python3 '$OLDPWD/$script' --help && test ! -e '$work/--help'"
done
for script in bench/import-bench.sh bench/report-bench.sh bench/growth-bench.sh scripts/smoke.sh scripts/e2e.sh scripts/api-walk.sh scripts/conformance.sh; do
    check "$script --help" 0 "Usage:" -- bash "$script" --help
done

reliability_bench="$(dirname "$bin")/debrief-bench-reliability"
check "debrief-bench-reliability --help" 0 "Usage:" -- "$reliability_bench" --help
check "debrief-bench-reliability fits a simulated position and prints its row" 0 "^\| 1992 \| 166 \| 12 \|" -- "$reliability_bench" 2000
check "debrief-bench-reliability refuses a size that is not a number" 64 "Usage:" -- "$reliability_bench" lots

# The web server as a browser and a script meet it: a real process on a free loopback port.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
token=$("$bin" users token recruiter@debrief.example --quiet --db "$db")
password="a smoke-test passphrase"
check "an operator sets a password from standard input" 0 "Set the password of recruiter@debrief.example" -- \
    bash -c "printf '%s\n' '$password' | '$bin' users password recruiter@debrief.example --db '$db'"
printf '%s\n' "$password" | "$bin" users password interviewer1@debrief.example --db "$db" >/dev/null
check "a weak password is refused with the rule" 1 "at least 10 characters" -- \
    bash -c "printf 'short\n' | '$bin' users password recruiter@debrief.example --db '$db'"
"$bin" serve --db "$db" --rubrics Rubrics --port "$port" --heavy-jobs 2 --memory-budget 512 >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 0.2; done
check "the server answers /health" 0 '"status":"ok"' -- curl -s "http://127.0.0.1:$port/health"
check "the server says it serves only once it listens" 0 "Debrief is serving .* at http://127.0.0.1:$port/" -- cat "$work/serve.log"
check "HEAD is answered where GET is" 0 "^200$" -- curl -s -I -o /dev/null -w "%{http_code}" "http://127.0.0.1:$port/health"
check "a port in use is a clear failure, not a claim to serve" 1 "cannot listen on 127.0.0.1:$port: .*pick another with --port" -- \
    bash -c "out=\$('$bin' serve --db '$db' --rubrics Rubrics --port $port 2>&1); code=\$?; echo \"\$out\"; grep -q 'is serving' <<<\"\$out\" && exit 99; exit \$code"
check "the API refuses a request without a token" 0 "^401$" -- curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:$port/api/positions"
check "a recruiter's token opens the position report" 0 "debrief pack" -- curl -s -H "Authorization: Bearer $token" -H "Accept: text/html" "http://127.0.0.1:$port/positions/1"
check "curl --compressed gets the position report gzip-compressed, the same report once inflated" 0 "^gzip same$" -- bash -c \
    "enc=\$(curl -s -o '$work/gz.json' -D - --compressed -H 'Authorization: Bearer $token' http://127.0.0.1:$port/api/v1/positions/1/report | tr -d '\\r' | sed -n 's/^content-encoding: //Ip'); \
     curl -s -o '$work/plain.json' -H 'Authorization: Bearer $token' http://127.0.0.1:$port/api/v1/positions/1/report; \
     cmp -s '$work/gz.json' '$work/plain.json' && echo \"\$enc same\""
form=$(curl -s -c "$work/jar" "http://127.0.0.1:$port/sign-in" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p')
check "a browser signs in with email and password" 0 "^303 http://127.0.0.1:$port/positions/1$" -- curl -s -o /dev/null -b "$work/jar" -c "$work/jar" \
    -w "%{http_code} %{redirect_url}" --data-urlencode "email=recruiter@debrief.example" --data-urlencode "password=$password" \
    --data-urlencode "next=/positions/1" --data-urlencode "csrf=$form" "http://127.0.0.1:$port/sign-in"
check "its session opens the debrief pack" 0 "debrief pack" -- curl -s -b "$work/jar" -H "Accept: text/html" "http://127.0.0.1:$port/positions/1"
check "a browser without a session is sent to sign in" 0 "^303 http://127.0.0.1:[0-9]+/sign-in" -- curl -s -o /dev/null -w "%{http_code} %{redirect_url}" -H "Accept: text/html" "http://127.0.0.1:$port/positions/1"
# The real-browser walk is scripts/e2e.sh (make e2e), on a database of its own.
check "the ready probe says the database is migrated" 0 '"status":"ready"' -- curl -s "http://127.0.0.1:$port/readyz"
check "/metrics answers a scraper on this machine in Prometheus's format" 0 "hb_requests" -- curl -s "http://127.0.0.1:$port/metrics"
check "a response carries the caller's request id" 0 "smoke-42" -- curl -s -o /dev/null -D - -H "X-Request-Id: smoke-42" "http://127.0.0.1:$port/healthz"
kill -TERM "$server" 2>/dev/null
stopped=0
wait "$server" 2>/dev/null || stopped=$?
check "SIGTERM stops the server gracefully (exit 0)" 0 "^0$" -- echo "$stopped"

# The fuzz targets' regression inputs, replayed by the normal build of debrief-fuzz (make fuzz runs libFuzzer).
fuzz="$(dirname "$bin")/debrief-fuzz"
for target in html rubric scores api; do
    check "debrief-fuzz replays the $target regression inputs without a crash" 0 "^$target: [1-9][0-9]* inputs ran without a crash" -- \
        "$fuzz" "$target" "Fixtures/fuzz/$target"
done
check "debrief-fuzz names its targets when given an unknown one" 64 "TARGET is one of html, rubric, scores, api" -- "$fuzz" nope

echo "smoke: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
