#!/usr/bin/env bash
# Runs the README's API examples (its ```sh api blocks) verbatim with curl against the real binary
# serving a fresh demo database on a loopback port, with a recruiter's token: a live-socket test of
# the common jobs, and a check that the README's examples are true. Every call must succeed
# (curl --fail-with-body); afterwards the CLI must see what the API stored.
# Usage: scripts/api-walk.sh path/to/debrief
set -euo pipefail
if [[ "${1:-}" == "--help" || $# -lt 1 ]]; then
    echo "Usage: scripts/api-walk.sh PATH/TO/debrief"
    echo "Runs README.md's API examples with curl against the binary serving a fresh demo database."
    [[ "${1:-}" == "--help" ]] && exit 0 || exit 64
fi
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

"$bin" demo generate --db "$work/db.sqlite" --candidates 12 --seed 3 --rubrics Rubrics >/dev/null
TOKEN="$("$bin" users token recruiter@debrief.example --quiet --db "$work/db.sqlite")"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$bin" serve --db "$work/db.sqlite" --rubrics Rubrics --host 127.0.0.1 --port "$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
export TOKEN DEBRIEF_URL="http://127.0.0.1:$port"

python3 - README.md >"$work/examples.sh" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
blocks = re.findall(r"^```sh api\n(.*?)^```", text, flags=re.S | re.M)
if not blocks:
    sys.exit("api-walk: README.md has no ```sh api block")
print("\n".join(blocks))
PY
if ! bash -euo pipefail "$work/examples.sh" >"$work/out.txt" 2>&1; then
    echo "api-walk: a README API example failed:"; tail -n 20 "$work/out.txt"
    echo "--- server log ---"; tail -n 20 "$work/server.log"; exit 1
fi
# What the API stored is there for the CLI: the candidate, their stage and phone, the round and its scorecard.
"$bin" candidates show grace@example.com --db "$work/db.sqlite" >"$work/grace.txt"
grep -q "screening" "$work/grace.txt" && grep -q "+1 555 0100" "$work/grace.txt" || { echo "api-walk: the candidate is not as the API left them"; cat "$work/grace.txt"; exit 1; }
"$bin" report candidate grace@example.com --position 1 --format json --db "$work/db.sqlite" --rubrics Rubrics >"$work/report.json"
grep -q "Clear on HTTP caching." "$work/report.json" && grep -q "interviewer1@debrief.example\|entered_by" "$work/report.json" \
    || { echo "api-walk: the scorecard logged through the API is not in the candidate's report"; head -c 600 "$work/report.json"; exit 1; }
echo "api-walk: $(grep -c '^api \|^[a-z]*=\$(api' "$work/examples.sh") README API examples passed against a live server"
