"""What the load scripts (crash-test.py, soak.py) share: a database holding a recruiter, two
interviewers and a position on the backend rubric, and `debrief serve` started on a free loopback
port. Importable beside them: `import debrief_harness`."""
import os
import socket
import subprocess
import sys
import time

#: The environment the CLI and the server run in: the repository's rubrics.
environment = dict(os.environ, DEBRIEF_RUBRICS=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Rubrics"))
#: The competencies a technical round of the backend rubric covers.
technical_competencies = ["fundamentals", "apis-http", "databases", "reliability-security"]


def cli(binary, database, *words):
    """Runs `debrief WORDS --db DATABASE` and returns what it printed; stops the script if it fails."""
    return subprocess.run([binary, *words, "--db", database], check=True, capture_output=True, text=True, env=environment).stdout


def set_up_team(binary, database):
    """Riley (recruiter), Grace and Alan (interviewers) and position #1; returns Riley's API token."""
    cli(binary, database, "users", "add", "--name", "Riley Recruiter", "--email", "riley@example.com", "--role", "recruiter")
    cli(binary, database, "users", "add", "--name", "Grace Hopper", "--email", "grace@example.com")
    cli(binary, database, "users", "add", "--name", "Alan Turing", "--email", "alan@example.com")
    cli(binary, database, "positions", "add", "--title", "Backend Engineer", "--rubric", "backend-engineer")
    return cli(binary, database, "users", "token", "riley@example.com", "--quiet").strip()


def start_server(binary, database, script, keep_stderr=False, wait_seconds=30):
    """Starts `debrief serve` on a free port and waits until it listens; returns (process, port).
    With `keep_stderr`, the server's error output can be read when it dies. `script` names the
    caller in the message when the server does not start."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([binary, "serve", "--db", database, "--port", str(port), "--write-rate", "100000"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE if keep_stderr else subprocess.DEVNULL, env=environment)
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server, port
        except OSError:
            if server.poll() is not None:
                said = server.stderr.read().decode()[-400:] if keep_stderr else ""
                sys.exit(f"{script}: the server exited {server.returncode} instead of listening {said}")
            time.sleep(0.05)
    server.kill()
    sys.exit(f"{script}: the server did not listen within {wait_seconds} s")


def peak_memory(server):
    """The server process's peak resident memory so far (VmHWM), in MB."""
    with open(f"/proc/{server.pid}/status") as status:
        return next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmHWM"))
