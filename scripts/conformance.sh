#!/usr/bin/env bash
# API conformance: schemathesis against a live `debrief serve` on a fresh demo database, driven only
# by /api/v1/openapi.json with an admin's token. Fails on any 5xx, any response outside the
# contract's schemas, any status or content type the contract does not list, and any wrong answer
# to a method an address does not have. Business rules legitimately refuse schema-valid data (a
# stage move the pipeline forbids, a stale If-Match), so schemathesis's positive-data check is not run.
# Revoking tokens is left to the Swift tests: schemathesis would revoke its own and test nothing after.
# Usage: scripts/conformance.sh path/to/debrief [examples-per-operation]
set -euo pipefail
if [[ "${1:-}" == "--help" || $# -lt 1 ]]; then
    echo "Usage: scripts/conformance.sh PATH/TO/debrief [EXAMPLES_PER_OPERATION]"
    echo "Runs schemathesis against a live debrief serve, driven by /api/v1/openapi.json alone."
    [[ "${1:-}" == "--help" ]] && exit 0 || exit 64
fi
bin="$1"
examples="${2:-${CONFORMANCE_EXAMPLES:-25}}"
work="$(mktemp -d)"
port_file="$work/port"
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

"$bin" demo generate --db "$work/db.sqlite" --candidates 30 --seed 7 >/dev/null
"$bin" users add --db "$work/db.sqlite" --name "Conformance Admin" --email conformance@debrief.example --role admin >/dev/null
token="$("$bin" users token conformance@debrief.example --db "$work/db.sqlite" | sed -n 2p)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$bin" serve --db "$work/db.sqlite" --host 127.0.0.1 --port "$port" --write-rate 100000 >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done

status=0
schemathesis run "http://127.0.0.1:$port/api/v1/openapi.json" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance,unsupported_method,allow_header_conformance,ignored_auth,missing_required_header \
    --exclude-operation-id revokeToken \
    --max-examples "$examples" --seed 1 --no-color >"$work/report.txt" 2>&1 || status=$?
tail -n 25 "$work/report.txt"
if [ "$status" -ne 0 ]; then
    echo "conformance: schemathesis found problems (full report above the summary):"
    grep -E '^_{5,}|^- ' "$work/report.txt" | head -60 || true
    echo "--- server log (last lines) ---"; tail -n 20 "$work/server.log"
    exit 1
fi
echo "conformance: passed"
