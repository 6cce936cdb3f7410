#!/usr/bin/env bash
# The browser walk (scripts/browser-test.py) against `debrief serve` on a free loopback port, over a
# fresh demo database. Usage: scripts/e2e.sh PATH/TO/debrief [SCREENSHOT_DIR]. Needs chromium,
# chromium-driver and the PyPI packages selenium and axe-selenium-python (.ci/run installs them).
set -euo pipefail
if [[ "${1:-}" == "--help" || $# -lt 1 ]]; then
    echo "Usage: scripts/e2e.sh PATH/TO/debrief [SCREENSHOT_DIR]"
    echo "Walks Debrief in headless Chromium as a recruiter, an interviewer and an admin, with axe-core checks and screenshots."
    [[ "${1:-}" == "--help" ]] && exit 0 || exit 64
fi
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
shots=${2:-$work/screenshots}
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$work/db"' EXIT
mkdir -p "$work/db"
db="$work/db/e2e.sqlite"
password="a walk-through passphrase"
"$bin" demo generate --db "$db" --candidates 40 --seed 1 >/dev/null
"$bin" users invite admin@debrief.example --role admin --name "Avery Admin" --db "$db" >/dev/null
for person in admin@debrief.example recruiter@debrief.example interviewer1@debrief.example interviewer2@debrief.example; do
    printf '%s\n' "$password" | "$bin" users password "$person" --db "$db" >/dev/null
done
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" serve --db "$db" --rubrics "$here/../Rubrics" --port "$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 0.2; done
status=0
python3 "$here/browser-test.py" "http://127.0.0.1:$port" recruiter@debrief.example "$password" \
    --interviewer interviewer1@debrief.example --colleague interviewer2@debrief.example --admin admin@debrief.example \
    --seed "$here/../Fixtures/questionsets/backend-interview-questions.html" --shots "$shots" || status=$?
if [[ $status -ne 0 ]]; then echo "e2e: the server's log:" >&2; tail -20 "$work/serve.log" >&2; fi
exit $status
