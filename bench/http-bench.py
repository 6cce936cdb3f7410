#!/usr/bin/env python3
"""The JSON API under wrk on loopback (50 connections, 2 threads, 10 s each), against the same
server's GET /healthz in the same run: reading a candidate, submitting scorecards (a Lua script
with a distinct round in every body), and the cached report of a 300-candidate position (as it is and gzip-compressed). Prints
requests a second, p50 and p99, each ratio to /healthz, the server's CPU time a request (from
/proc, user and system: with both cores busy the ratios follow it), and the server's peak memory
(VmHWM). The database and scripts are removed afterwards.

Usage: bench/http-bench.py PATH/TO/release/debrief [SECONDS]"""
import json, os, shutil, sqlite3, subprocess, sys, tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
import debrief_harness

here = os.path.dirname(os.path.abspath(__file__))
# wrk calls done() once with the whole run's latency; the figures come back as one JSON line.
REPORT = """
done = function(summary, latency, requests)
  io.write(string.format('{"requests": %d, "seconds": %f, "errors": %d, "non2xx": %d, "p50": %f, "p99": %f}\\n',
    summary.requests, summary.duration / 1e6, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
"""

def lua(body, folder):
    handle = tempfile.NamedTemporaryFile("w", suffix=".lua", dir=folder, delete=False)
    handle.write(body + REPORT)
    handle.close()
    return handle.name

def main(binary, seconds=10):
    work = tempfile.mkdtemp(prefix="http-bench-")
    database = os.path.join(work, "bench.sqlite")
    subprocess.run([sys.executable, os.path.join(here, "make-report-db.py"), binary, database, "300"], check=True, stdout=subprocess.DEVNULL)
    debrief_harness.cli(binary, database, "users", "add", "--name", "Bench Recruiter", "--email", "bench-recruiter@example.com",
                        "--role", "recruiter")
    recruiter = debrief_harness.cli(binary, database, "users", "token", "bench-recruiter@example.com", "--quiet").strip()
    interviewer = debrief_harness.cli(binary, database, "users", "token", "bench-interviewer1@debrief.example", "--quiet").strip()
    # Open rounds for the writes, on a second position and candidates of their own (the 300 read ones
    # keep their four rounds), each with interviewer 1 on its panel: set up with SQL (setup, not what
    # is measured), so each POST in the run submits a scorecard of its own.
    debrief_harness.cli(binary, database, "positions", "add", "--title", "Writes (benchmark)", "--rubric", "backend-engineer")
    db = sqlite3.connect(database)
    with db:
        first = db.execute("SELECT coalesce(max(id), 0) + 1 FROM round").fetchone()[0]
        user = db.execute("SELECT id FROM user WHERE email = 'bench-interviewer1@debrief.example'").fetchone()[0]
        for n in range(1, 1001):
            candidate = db.execute("INSERT INTO candidate (name, email, source, stage, created_at) VALUES (?, ?, 'benchmark', 'interviewing', "
                                   "'2026-10-01 09:00:00.000')", (f"Writer {n:04d}", f"writer{n:04d}@bench.example")).lastrowid
            db.executemany("INSERT INTO round (candidate_id, position_id, kind, scheduled_at) VALUES (?, 2, 'technical', '2026-12-01 10:00:00.000')",
                           [(candidate,)] * 150)
        last = db.execute("SELECT max(id) FROM round").fetchone()[0]
        db.execute("INSERT INTO round_interviewer (round_id, user_id) SELECT id, ? FROM round WHERE id >= ?", (user, first))
    db.close()

    server, port = debrief_harness.start_server(binary, database, "http-bench")
    base = f"http://127.0.0.1:{port}"

    def server_cpu_seconds():
        fields = open(f"/proc/{server.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def wrk(path, script, token=None, headers=()):
        command = ["wrk", "-t2", "-c50", f"-d{seconds}s", "--latency", "-s", script, base + path]
        if token: command[1:1] = ["-H", f"Authorization: Bearer {token}"]
        for header in headers: command[1:1] = ["-H", header]
        cpu = server_cpu_seconds()
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        result = json.loads(output.strip().splitlines()[-1])
        result["cpu_us"] = 1e6 * (server_cpu_seconds() - cpu) / max(result["requests"], 1)
        return result


    plain = lua("", work)
    candidates = lua("""
math.randomseed(7)
request = function() return wrk.format("GET", "/api/v1/candidates/" .. math.random(1, 300)) end
""", work)
    ratings = ",".join('{"competency_id":"%s","value":3}' % c for c in debrief_harness.technical_competencies)
    scorecards = lua(f"""
local next_round, step = {first}, 1
setup = function(thread)
  thread:set("offset", #threads_seen)
  table.insert(threads_seen, thread)
end
threads_seen = {{}}
local headers = {{}}
init = function()
  next_round = {first} + offset; step = 2
  -- wrk.format replaces wrk.headers (the -H token) with a table given to it, so the token goes in this one.
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Content-Type"] = "application/json"
end
request = function()
  local round = next_round
  next_round = next_round + step
  if round > {last} then return wrk.format("GET", "/healthz") end
  local body = '{{"round_id":' .. round .. ',"recommendation":"yes","notes":"bench","ratings":[{ratings}]}}'
  return wrk.format("POST", "/api/v1/scorecards", headers, body)
end
""", work)
    try:
        subprocess.run(["curl", "-s", "-o", "/dev/null", "-H", f"Authorization: Bearer {recruiter}", base + "/api/v1/positions/1/report"], check=True)
        health = wrk("/healthz", plain)
        rows = [("`GET /healthz` (baseline)", health, None)]
        rows.append(("`GET /api/v1/candidates/{id}` (300 candidates, at random)", wrk("/", candidates, recruiter), 0.5))
        rows.append(("`POST /api/v1/scorecards` (a new round in every body)", wrk("/", scorecards, interviewer), 0.3))
        rows.append(("`GET /api/v1/positions/1/report` (300 candidates, cached)", wrk("/api/v1/positions/1/report", plain, recruiter), 0.3))
        # What a browser or `curl --compressed` asks for: the kept rendering, compressed once.
        rows.append(("the same, `Accept-Encoding: gzip`", wrk("/api/v1/positions/1/report", plain, recruiter, ["Accept-Encoding: gzip"]), 0.3))
        written = sqlite3.connect(database).execute("SELECT count(*) FROM scorecard s JOIN round r ON r.id = s.round_id WHERE r.position_id = 2").fetchone()[0]
        base_rate = health["requests"] / health["seconds"]
        print("| what | requests/s | p50 | p99 | errors, non-2xx | server CPU a request | of /healthz | aim |")
        print("|---|---|---|---|---|---|---|---|")
        for name, result, aim in rows:
            rate = result["requests"] / result["seconds"]
            print(f"| {name} | {rate:,.0f} | {result['p50']:.2f} ms | {result['p99']:.2f} ms | {result['errors']}, {result['non2xx']} | "
                  f"{result['cpu_us']:.0f} µs | {rate / base_rate:.2f} | {'' if aim is None else f'at least {aim}'} |")
        print(f"| scorecards stored by the write run | {written:,} | | | | | | |")
        print(f"| server peak memory over all runs | {debrief_harness.peak_memory(server)} MB | | | | | | |")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        sys.exit(0 if len(sys.argv) >= 2 else 64)
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10)
