#!/usr/bin/env python3
"""Soak: starts `debrief serve` on a file database and has 16 clients over loopback read and write
for a bounded time (--seconds, default 60): candidates added with Idempotency-Key (and a tenth of
them sent twice with the same key, as a client that lost the reply would), candidate pages and lists
read, scorecards logged on behalf of the panel, question sets imported. It samples the server's
resident memory twice a second. It fails on any 5xx or broken connection, on an acknowledged write
that is missing or stored twice, on a replay that is not the first answer, and on memory that keeps
growing (the last third's peak more than 15% + 16 MB above the middle third's). It prints the
request count, rate, p50 and p99 latency and the memory figures.
Usage: scripts/soak.py path/to/debrief [--seconds N] [--clients N]"""
import argparse
import debrief_harness
import http.client
import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
import uuid

parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("binary")
parser.add_argument("--seconds", type=float, default=60, help="how long the clients run (default 60)")
parser.add_argument("--clients", type=int, default=16, help="how many clients at once (default 16)")
arguments = parser.parse_args()
binary = os.path.abspath(arguments.binary)
work = tempfile.mkdtemp(prefix="debrief-soak-")
database = os.path.join(work, "soak.sqlite")
competencies = debrief_harness.technical_competencies
token = debrief_harness.set_up_team(binary, database)
server, port = debrief_harness.start_server(binary, database, "soak", keep_stderr=True)

lock = threading.Lock()
latencies, failures = [], []
created = {}  # email -> id, as acknowledged
replays = {"sent": 0, "same": 0}
scored = {"submitted": 0}
slots = []  # (round id, interviewer) not yet scored
counter = {"n": 0}
stop = threading.Event()


def number():
    with lock:
        counter["n"] += 1
        return counter["n"]


class Client:
    def __init__(self):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def call(self, method, path, body=None, key=None, content_type="application/json"):
        headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
        if body is not None:
            headers["Content-Type"] = content_type
        if key:
            headers["Idempotency-Key"] = key
        payload = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
        started = time.monotonic()
        try:
            self.connection.request(method, path, body=payload, headers=headers)
            response = self.connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as error:
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            with lock:
                failures.append(f"{method} {path}: {error!r}")
            return None, None, None
        with lock:
            latencies.append(time.monotonic() - started)
            if response.status >= 500:
                failures.append(f"{method} {path}: {response.status} {data[:200]!r}")
        parsed = json.loads(data) if data and response.getheader("Content-Type", "").startswith("application/") else None
        return response.status, response, parsed

    def add_candidate(self, rng):
        n = number()
        email, key = f"soak-{n}@example.com", str(uuid.uuid4())
        body = {"name": f"Soak {n}", "email": email}
        status, response, reply = self.call("POST", "/api/v1/candidates", body, key=key)
        if status != 201:
            return
        with lock:
            created[email] = reply["id"]
        if rng.random() < 0.1:  # the reply was lost: the client sends the same request with the same key
            again, response, replayed = self.call("POST", "/api/v1/candidates", body, key=key)
            with lock:
                replays["sent"] += 1
                if again == 201 and replayed and replayed.get("id") == reply["id"] and response.getheader("Idempotent-Replayed") == "true":
                    replays["same"] += 1
        status, _, round_reply = self.call("POST", "/api/v1/rounds", {
            "candidate_id": reply["id"], "position_id": 1, "kind": "technical", "scheduled_at": "2026-12-01T10:00:00Z",
            "interviewers": ["grace@example.com", "alan@example.com"]}, key=str(uuid.uuid4()))
        if status == 201:
            with lock:
                slots.extend([(round_reply["id"], "grace@example.com"), (round_reply["id"], "alan@example.com")])

    def read(self, rng):
        with lock:
            known = list(created.values())
        if known:
            self.call("GET", f"/api/v1/candidates/{rng.choice(known)}")
        self.call("GET", "/api/v1/candidates?limit=50&sort=-id")

    def score(self, rng):
        with lock:
            if not slots:
                return
            round_id, interviewer = slots.pop(rng.randrange(len(slots)))
        status, _, _ = self.call("POST", "/api/v1/scorecards", {
            "round_id": round_id, "interviewer": interviewer, "recommendation": "yes", "notes": "steady",
            "ratings": [{"competency_id": competency, "value": 3} for competency in competencies]}, key=str(uuid.uuid4()))
        if status in (200, 201):
            with lock:
                scored["submitted"] += 1

    def import_set(self, rng):
        n = number()
        page = f"<title>Soak {n}</title>" + "".join(f"<h3>What is soak question {n}.{i}?</h3><p>Answer {i}.</p>" for i in range(8))
        self.call("POST", f"/api/v1/question-sets/import?name=soak-{n}", page.encode(), key=str(uuid.uuid4()), content_type="text/html")


def run_client(seed):
    rng, client = random.Random(seed), Client()
    actions = [Client.add_candidate] * 3 + [Client.read] * 5 + [Client.score] * 2 + [Client.import_set]
    while not stop.is_set():
        rng.choice(actions)(client, rng)


def resident_mb():
    with open(f"/proc/{server.pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


samples = []
threads = [threading.Thread(target=run_client, args=(seed,)) for seed in range(arguments.clients)]
started = time.monotonic()
for thread in threads:
    thread.start()
while time.monotonic() - started < arguments.seconds and server.poll() is None:
    samples.append(resident_mb())
    time.sleep(0.5)
stop.set()
for thread in threads:
    thread.join()
elapsed = time.monotonic() - started
alive = server.poll() is None
server.terminate()
server.wait(timeout=30)

problems = []
if not alive:
    problems.append(f"the server died during the soak: {server.stderr.read().decode()[-300:]}")
if failures:
    problems.append(f"{len(failures)} failed requests, such as {failures[:3]}")
db = sqlite3.connect(database)
stored = {}
for email, candidate_id in db.execute("SELECT email, id FROM candidate WHERE email LIKE 'soak-%'"):
    stored.setdefault(email, []).append(candidate_id)
missing = [email for email in created if email not in stored]
doubled = [email for email, ids in stored.items() if len(ids) > 1]
if missing:
    problems.append(f"{len(missing)} acknowledged candidates missing, such as {missing[:3]}")
if doubled:
    problems.append(f"candidates stored twice: {doubled[:3]}")
if replays["same"] != replays["sent"]:
    problems.append(f"{replays['sent'] - replays['same']} of {replays['sent']} replays were not the first answer")
third = max(1, len(samples) // 3)
middle, last = max(samples[third:2 * third] or [0]), max(samples[2 * third:] or [0])
if last > middle * 1.15 + 16:
    problems.append(f"memory kept growing: peak {middle:.0f} MB in the middle third, {last:.0f} MB in the last")
if len(latencies) < 100:
    problems.append(f"only {len(latencies)} requests were answered; the load did not run")
if problems:
    sys.exit(f"soak: {'; '.join(problems)} (database kept in {database})")
latencies.sort()
p50, p99 = latencies[len(latencies) // 2], latencies[int(len(latencies) * 0.99)]
print(f"soak: {len(latencies)} requests from {arguments.clients} clients in {elapsed:.0f} s ({len(latencies) / elapsed:.0f}/s), "
      f"p50 {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms; no errors; {len(created)} candidates ({replays['sent']} replayed, "
      f"each answered as the first time, none stored twice), {scored['submitted']} scorecards; "
      f"server memory {samples[0]:.0f} MB at the start, {middle:.0f} MB peak in the middle third, {last:.0f} MB in the last")
# Kept only when something was wrong (the message above names it).
shutil.rmtree(work, ignore_errors=True)
