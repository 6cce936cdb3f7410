#!/usr/bin/env python3
"""Shutdown under load: starts `debrief serve` on a file database, has 16 clients add candidates
through POST /api/v1/candidates as fast as they can, sends SIGTERM in the middle, and checks that the
server exits 0 and that every candidate whose creation was acknowledged (201) is in the database
afterwards, each once. Requests refused or cut off by the shutdown are fine; a lost 201 is not.
Usage: scripts/shutdown-under-load.py path/to/debrief"""
import argparse
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("binary")
arguments = parser.parse_args()
binary = os.path.abspath(arguments.binary)
work = tempfile.mkdtemp()
database = os.path.join(work, "db.sqlite")
subprocess.run([binary, "demo", "generate", "--db", database, "--candidates", "5", "--seed", "2"], check=True, capture_output=True)
token = subprocess.run([binary, "users", "token", "recruiter@debrief.example", "--quiet", "--db", database],
                       check=True, capture_output=True, text=True).stdout.strip()
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
server = subprocess.Popen([binary, "serve", "--db", database, "--port", str(port), "--write-rate", "100000"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
for _ in range(100):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        break
    except OSError:
        time.sleep(0.1)

acknowledged, lock, stop = [], threading.Lock(), threading.Event()


def client(number):
    sequence = 0
    while not stop.is_set():
        sequence += 1
        email = f"load-{number}-{sequence}@example.com"
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            body = json.dumps({"name": f"Load {number} {sequence}", "email": email})
            connection.request("POST", "/api/v1/candidates", body=body,
                               headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            if response.status == 201:
                with lock:
                    acknowledged.append(email)
            connection.close()
        except (OSError, http.client.HTTPException):
            if server.poll() is not None:
                return


threads = [threading.Thread(target=client, args=(n,)) for n in range(16)]
for thread in threads:
    thread.start()
while len(acknowledged) < 50 and server.poll() is None:
    time.sleep(0.02)
server.send_signal(signal.SIGTERM)
try:
    code = server.wait(timeout=30)
except subprocess.TimeoutExpired:
    server.kill()
    sys.exit("shutdown-under-load: the server did not stop within 30 s of SIGTERM")
stop.set()
for thread in threads:
    thread.join()

listed = subprocess.run([binary, "candidates", "list", "--db", database, "--format", "json"], check=True, capture_output=True, text=True)
stored = [candidate["email"] for candidate in json.loads(listed.stdout)]
missing = [email for email in acknowledged if email not in stored]
doubled = [email for email in set(stored) if stored.count(email) > 1]
problems = []
if code != 0:
    problems.append(f"the server exited {code} after SIGTERM: {server.stderr.read().decode()[-400:]}")
if missing:
    problems.append(f"{len(missing)} acknowledged candidates are missing, such as {missing[:3]}")
if doubled:
    problems.append(f"candidates stored twice: {doubled[:3]}")
if len(acknowledged) < 50:
    problems.append(f"only {len(acknowledged)} creations were acknowledged before the shutdown; the load did not run")
if problems:
    sys.exit("shutdown-under-load: " + "; ".join(problems) + f" (database kept in {database})")
print(f"shutdown-under-load: {len(acknowledged)} acknowledged creations, all stored once; the server exited 0 on SIGTERM under load")
shutil.rmtree(work, ignore_errors=True)
