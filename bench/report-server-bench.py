#!/usr/bin/env python3
"""The position report through the server, on a database bench/make-report-db.py built: the first
(cold) request, the same report again (cached), one candidate's report, a page of the pack, and
four browsers opening the pack of a cold position at once, with the server's peak memory (VmHWM).
The baseline is the server's own /healthz, timed the same way in the same run.

Usage: bench/report-server-bench.py PATH/TO/release/debrief DATABASE [POSITION]"""
import os, statistics, subprocess, sys, threading, time, urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
import debrief_harness

def main(binary, database, position="1"):
    debrief_harness.cli(binary, database, "users", "add", "--name", "Bench Recruiter", "--email", "bench-recruiter@example.com",
                        "--role", "recruiter")
    token = debrief_harness.cli(binary, database, "users", "token", "bench-recruiter@example.com", "--quiet").strip()
    server, port = debrief_harness.start_server(binary, database, "report-server-bench")
    base = f"http://127.0.0.1:{port}"

    def get(path):
        request = urllib.request.Request(base + path, headers={"Authorization": f"Bearer {token}"})
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=600) as response:
            body = response.read()
        return time.perf_counter() - started, len(body)

    def median(path, runs=20):
        times = [get(path) for _ in range(runs)]
        return statistics.median(t for t, _ in times), times[-1][1]


    try:
        health, _ = median("/healthz")
        # Four browsers at once on the cold pack: one build, shared.
        results = []
        threads = [threading.Thread(target=lambda: results.append(get(f"/positions/{position}"))) for _ in range(4)]
        for thread in threads: thread.start()
        for thread in threads: thread.join()
        four = max(t for t, _ in results)
        four_peak = debrief_harness.peak_memory(server)
        pack, pack_bytes = median(f"/positions/{position}")
        cold_json, json_bytes = get(f"/api/v1/positions/{position}/report")
        cached_json, _ = median(f"/api/v1/positions/{position}/report", runs=10)
        candidate, _ = median(f"/api/v1/positions/{position}/candidates/5/report")
        print(f"| `GET /healthz` (baseline, median of 20) | {health * 1000:.1f} ms |")
        print(f"| four browsers open the cold pack `GET /positions/{position}` at once | all answered in {four:.2f} s; server peak {four_peak} MB |")
        print(f"| the pack again (one page of the ranking, cached report, median of 20) | {pack * 1000:.1f} ms, {pack_bytes / 1024:.0f} KB; {health / pack:.3f} of /healthz |")
        print(f"| `GET /api/v1/positions/{position}/report` after the pack (JSON rendered once) | {cold_json:.2f} s, {json_bytes / 1048576:.1f} MB |")
        print(f"| the same JSON again (cached rendering, median of 10) | {cached_json * 1000:.1f} ms |")
        print(f"| one candidate's report (position figures cached, median of 20) | {candidate * 1000:.1f} ms |")
        print(f"| server peak memory after all of it | {debrief_harness.peak_memory(server)} MB |")
    finally:
        server.terminate()
        server.wait()

if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        sys.exit(0 if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help") else 2)
    main(*sys.argv[1:4])
