#!/usr/bin/env python3
"""Crash test: starts `debrief serve` on a file database, has concurrent clients add candidates,
rename them (PATCH with If-Match), submit scorecards and import question sets over the JSON API,
kills the server with SIGKILL at a random moment, restarts it, and does that again (50 times by
default). Then it checks the database file: PRAGMA integrity_check is ok; every write the server
acknowledged (2xx) is there exactly once; a candidate's name is the last acknowledged one or one sent
after it; no question set is half-imported and no scorecard half-written; the audit log has an event
for each acknowledged write and none for a write that is not there.
Usage: scripts/crash-test.py path/to/debrief [--kills N] [--seed S]"""
import argparse
import debrief_harness
import http.client
import json
import os
import random
import shutil
import signal
import sqlite3
import sys
import tempfile
import threading
import time

parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("binary")
parser.add_argument("--kills", type=int, default=50, help="how many times the server is killed (default 50)")
parser.add_argument("--seed", type=int, default=7, help="the random seed of the kill moments")
arguments = parser.parse_args()
binary = os.path.abspath(arguments.binary)
rng = random.Random(arguments.seed)
work = tempfile.mkdtemp(prefix="debrief-crash-")
database = os.path.join(work, "crash.sqlite")
competencies = debrief_harness.technical_competencies
questions_per_set = 12

# The people and the position; each candidate's round is what scorecards are submitted for.
token = debrief_harness.set_up_team(binary, database)
headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json", "Accept": "application/json"}
port = None
server = None


def call(method, path, body=None, extra=None, content_type=None):
    """(status, headers, parsed JSON or None); raises OSError when the server is gone."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        sent = dict(headers, **(extra or {}))
        if content_type:
            sent["Content-Type"] = content_type
        payload = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
        connection.request(method, path, body=payload, headers=sent)
        response = connection.getresponse()
        data = response.read()
        parsed = json.loads(data) if data and response.getheader("Content-Type", "").startswith("application/") else None
        return response.status, response, parsed
    finally:
        connection.close()


# What the clients were told, kept across restarts.
lock = threading.Lock()
acknowledged = {"candidates": {}, "sets": {}, "scorecards": {}}  # key -> id
renames = {}  # candidate email -> [(name, acknowledged)] in the order sent
rounds = []  # (round id, interviewer email) slots not yet scored
sent_scorecards = set()
counter = {"n": 0}


def next_number():
    with lock:
        counter["n"] += 1
        return counter["n"]


def add_candidate():
    number = next_number()
    email = f"crash-{number}@example.com"
    status, _, body = call("POST", "/api/v1/candidates", {"name": f"Crash {number}", "email": email})
    if status == 201:
        with lock:
            acknowledged["candidates"][email] = body["id"]
            renames[email] = []
        status, _, round_body = call("POST", "/api/v1/rounds", {
            "candidate_id": body["id"], "position_id": 1, "kind": "technical", "scheduled_at": "2026-12-01T10:00:00Z",
            "interviewers": ["grace@example.com", "alan@example.com"]})
        if status == 201:
            with lock:
                rounds.extend([(round_body["id"], "grace@example.com"), (round_body["id"], "alan@example.com")])


renaming = set()  # candidates a client is renaming now: one rename of a candidate at a time


def rename_candidate():
    with lock:
        free = sorted(set(acknowledged["candidates"]) - renaming)
        if not free:
            return
        email = rng.choice(free)
        renaming.add(email)
    try:
        candidate_id = acknowledged["candidates"][email]
        status, response, _ = call("GET", f"/api/v1/candidates/{candidate_id}")
        if status != 200:
            return
        name = f"Renamed {next_number()}"
        entry = [name, False]
        with lock:
            renames[email].append(entry)  # sent from here on, whether or not the reply comes
        status, _, _ = call("PATCH", f"/api/v1/candidates/{candidate_id}", {"name": name},
                            extra={"If-Match": response.getheader("ETag")}, content_type="application/merge-patch+json")
        entry[1] = status == 200
    finally:
        with lock:
            renaming.discard(email)


def submit_scorecard():
    with lock:
        if not rounds:
            return
        round_id, interviewer = rounds.pop(rng.randrange(len(rounds)))
        sent_scorecards.add((round_id, interviewer))
    marker = f"crash scorecard {round_id} {interviewer}"
    body = {"round_id": round_id, "interviewer": interviewer, "recommendation": "yes", "notes": marker,
            "ratings": [{"competency_id": competency, "value": 3} for competency in competencies]}
    status, _, reply = call("POST", "/api/v1/scorecards", body)
    if status in (200, 201):
        with lock:
            acknowledged["scorecards"][(round_id, interviewer)] = reply["id"]


def import_set():
    number = next_number()
    page = f"<title>Crash set {number}</title><h2>Questions</h2>" + "".join(
        f"<h3>What is crash question {number}.{index}?</h3><p>An answer to {number}.{index}.</p>" for index in range(questions_per_set))
    status, _, reply = call("POST", f"/api/v1/question-sets/import?name=crash-set-{number}", page.encode(), content_type="text/html")
    if status == 201:
        with lock:
            acknowledged["sets"][f"crash-set-{number}"] = reply["question_set"]["id"]


def client(stop):
    actions = [add_candidate, add_candidate, rename_candidate, submit_scorecard, submit_scorecard, import_set]
    while not stop.is_set():
        try:
            rng_local = random.Random(next_number())
            rng_local.choice(actions)()
        except (OSError, http.client.HTTPException, ValueError, KeyError):
            if server.poll() is not None:
                return


started = time.monotonic()
for kill in range(arguments.kills):
    server, port = debrief_harness.start_server(binary, database, "crash-test")
    stop = threading.Event()
    threads = [threading.Thread(target=client, args=(stop,)) for _ in range(8)]
    for thread in threads:
        thread.start()
    time.sleep(rng.uniform(0.05, 0.6))
    server.send_signal(signal.SIGKILL)
    server.wait()
    stop.set()
    for thread in threads:
        thread.join()

# Checks, on the file the killed servers left.
problems = []
db = sqlite3.connect(database)
integrity = db.execute("PRAGMA integrity_check").fetchall()
if integrity != [("ok",)]:
    problems.append(f"integrity_check: {integrity[:3]}")
stored = {}
for email, candidate_id, name in db.execute("SELECT email, id, name FROM candidate WHERE email LIKE 'crash-%'"):
    stored.setdefault(email, []).append((candidate_id, name))
doubled = [email for email, rows in stored.items() if len(rows) > 1]
missing = [email for email in acknowledged["candidates"] if email not in stored]
if doubled:
    problems.append(f"candidates stored twice: {doubled[:3]}")
if missing:
    problems.append(f"{len(missing)} acknowledged candidates are missing, such as {missing[:3]}")
for email, history in renames.items():
    if email not in stored:
        continue
    name = stored[email][0][1]
    acked = [index for index, (_, done) in enumerate(history) if done]
    allowed = {f"Crash {email.split('-')[1].split('@')[0]}"} if not acked else set()
    allowed |= {sent for sent, _ in history[(acked[-1] if acked else 0):]}
    if name not in allowed:
        problems.append(f"{email} is named {name!r}; the last acknowledged rename was {history[acked[-1]][0] if acked else None!r}")
        break
for source, set_id in acknowledged["sets"].items():
    count = db.execute("SELECT count(*) FROM question WHERE set_id = ?", (set_id,)).fetchone()[0]
    if count != questions_per_set:
        problems.append(f"question set {source} (#{set_id}) has {count} questions, not {questions_per_set}")
partial_sets = db.execute(
    "SELECT s.id, count(q.id) FROM question_set s LEFT JOIN question q ON q.set_id = s.id GROUP BY s.id HAVING count(q.id) != ?",
    (questions_per_set,)).fetchall()
if partial_sets:
    problems.append(f"half-imported question sets: {partial_sets[:3]}")
index = db.execute("SELECT count(*) FROM question").fetchone()[0]
indexed = db.execute("SELECT count(*) FROM question_search").fetchone()[0]
if index != indexed:
    problems.append(f"{index} questions but {indexed} in the search index")
for (round_id, interviewer), scorecard_id in acknowledged["scorecards"].items():
    row = db.execute("SELECT s.state, s.notes, (SELECT count(*) FROM rating r WHERE r.scorecard_id = s.id) FROM scorecard s WHERE s.id = ?",
                     (scorecard_id,)).fetchone()
    if row is None or row[0] != "submitted" or row[2] != len(competencies):
        problems.append(f"acknowledged scorecard #{scorecard_id} for round {round_id} is {row}")
        break
half = db.execute("SELECT s.id, count(r.id) FROM scorecard s LEFT JOIN rating r ON r.scorecard_id = s.id GROUP BY s.id HAVING count(r.id) != ?",
                  (len(competencies),)).fetchall()
if half:
    problems.append(f"half-written scorecards: {half[:3]}")
# The audit log: an event for each acknowledged write, and none for a record that is not there.
audited = {(entity, entity_id) for entity, entity_id in db.execute("SELECT entity, entity_id FROM audit_event WHERE entity_id IS NOT NULL")}
for email, candidate_id in acknowledged["candidates"].items():
    if ("candidate", candidate_id) not in audited:
        problems.append(f"no audit event for acknowledged candidate #{candidate_id}")
        break
for (round_id, interviewer), scorecard_id in acknowledged["scorecards"].items():
    if ("scorecard", scorecard_id) not in audited:
        problems.append(f"no audit event for acknowledged scorecard #{scorecard_id}")
        break
for set_id in acknowledged["sets"].values():
    if ("question_set", set_id) not in audited:
        problems.append(f"no audit event for acknowledged question set #{set_id}")
        break
updates = {}
for (candidate_id,) in db.execute("SELECT entity_id FROM audit_event WHERE entity = 'candidate' AND action = 'update'"):
    updates[candidate_id] = updates.get(candidate_id, 0) + 1
for email, history in renames.items():
    acked = sum(1 for _, done in history if done)
    if updates.get(acknowledged["candidates"][email], 0) < acked:
        problems.append(f"{email} has {acked} acknowledged renames but {updates.get(acknowledged['candidates'][email], 0)} audit events")
        break
for table, entity in [("candidate", "candidate"), ("scorecard", "scorecard"), ("question_set", "question_set"), ("round", "round")]:
    orphans = db.execute(
        f"SELECT count(*) FROM audit_event a WHERE a.entity = ? AND a.entity_id IS NOT NULL "
        f"AND NOT EXISTS (SELECT 1 FROM {table} t WHERE t.id = a.entity_id)", (entity,)).fetchone()[0]
    if orphans:
        problems.append(f"{orphans} audit events for {entity} records that are not there")
totals = {kind: len(values) for kind, values in acknowledged.items()}
if min(totals.values()) == 0:
    problems.append(f"some kind of write was never acknowledged, so the load did not run: {totals}")
if problems:
    sys.exit(f"crash-test: {len(problems)} problems after {arguments.kills} kills (database kept in {database}): " + "; ".join(problems))
renamed = sum(1 for history in renames.values() for _, done in history if done)
print(f"crash-test: {arguments.kills} SIGKILLs in {time.monotonic() - started:.0f} s; integrity ok; acknowledged and present exactly once: "
      f"{totals['candidates']} candidates ({renamed} renames), {totals['scorecards']} scorecards, {totals['sets']} question sets; "
      f"none half-written; the audit log matches")
# Kept only when something was wrong (the message above names it).
shutil.rmtree(work, ignore_errors=True)
