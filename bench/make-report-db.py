#!/usr/bin/env python3
"""Builds a large Debrief database for the report benchmark: one position, N candidates with four
rounds each, panels of three, every panel member's submitted scorecard, and per-question ratings,
about 50 ratings per candidate (20,000 candidates give about a million ratings).

Debrief itself creates the schema and imports the seed questions; the bulk rows are then inserted
with parameterised SQL in one transaction. Deterministic for a given seed."""
import argparse, hashlib, json, random, sqlite3, subprocess, sys
import yaml

def main(binary, path, candidates=20000, seed=1):
    rubric_path = "Rubrics/backend-engineer.yaml"
    subprocess.run([binary, "positions", "add", "--title", "Backend Engineer (benchmark)", "--rubric", "backend-engineer",
                    "--db", path], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([binary, "import", "Fixtures/questionsets/backend-interview-questions.html", "--rubric", "backend-engineer",
                    "--db", path], check=True, stdout=subprocess.DEVNULL)
    raw = open(rubric_path, "rb").read()
    rubric = yaml.safe_load(raw)
    plans = {r["kind"]: r["competencies"] for r in rubric["rounds"]}
    random.seed(seed)
    db = sqlite3.connect(path)
    db.execute("PRAGMA foreign_keys = ON")
    questions = {}
    for qid, comps in db.execute("SELECT id, competencies FROM question"):
        for c in json.loads(comps)[:1]:
            questions.setdefault(c, []).append(qid)
    when = "2026-10-01 09:00:00.000"
    with db:
        db.execute("INSERT OR IGNORE INTO rubric_version (content_hash, rubric_id, version, yaml, first_used_at) VALUES (?, ?, ?, ?, ?)",
                   (hashlib.sha256(raw).hexdigest(), rubric["id"], str(rubric["version"]), raw.decode("utf-8"), when))
        interviewers = []
        for i in range(60):
            cur = db.execute("INSERT INTO user (name, email, role, created_at) VALUES (?, ?, 'interviewer', ?)",
                             (f"Interviewer {i + 1}", f"bench-interviewer{i + 1}@debrief.example", when))
            interviewers.append(cur.lastrowid)
        leniency = {u: random.uniform(-0.6, 0.6) for u in interviewers}
        content_hash = hashlib.sha256(raw).hexdigest()
        ratings = 0
        for c in range(candidates):
            cur = db.execute("INSERT INTO candidate (name, email, source, stage, created_at) VALUES (?, ?, 'benchmark', 'interviewing', ?)",
                             (f"Candidate {c + 1:05d}", f"candidate{c + 1:05d}@bench.example", when))
            candidate = cur.lastrowid
            ability = random.uniform(1.5, 3.8)
            for kind in ["phone_screen", "technical", "system_design", "hr"]:
                cur = db.execute("INSERT INTO round (candidate_id, position_id, kind, scheduled_at) VALUES (?, 1, ?, ?)", (candidate, kind, when))
                round_id = cur.lastrowid
                panel = random.sample(interviewers, 3)
                db.executemany("INSERT INTO round_interviewer (round_id, user_id) VALUES (?, ?)", [(round_id, u) for u in panel])
                for u in panel:
                    points = [max(1, min(4, round(ability + leniency[u] + random.uniform(-0.5, 0.5)))) for _ in plans[kind]]
                    mean = sum(points) / len(points)
                    recommendation = "strong_yes" if mean >= 3.5 else "yes" if mean >= 2.75 else "no" if mean >= 2 else "strong_no"
                    cur = db.execute(
                        "INSERT INTO scorecard (round_id, interviewer_id, state, version, rubric_id, rubric_hash, scale_min, scale_max, "
                        "recommendation, notes, submitted_at) VALUES (?, ?, 'submitted', 1, 'backend-engineer', ?, 1, 4, ?, ?, ?)",
                        (round_id, u, content_hash, recommendation, "Benchmark notes, with a comma, and \"quotes\".", when))
                    card = cur.lastrowid
                    rows = [(card, comp, None, p) for comp, p in zip(plans[kind], points)]
                    for comp, p in zip(plans[kind], points):
                        asked = questions.get(comp)
                        if asked and random.random() < 0.5:
                            rows.append((card, comp, random.choice(asked), max(1, min(4, p + random.choice([-1, 0, 0, 1])))))
                    db.executemany("INSERT INTO rating (scorecard_id, competency_id, question_id, value) VALUES (?, ?, ?, ?)", rows)
                    ratings += len(rows)
    db.close()
    print(f"{candidates} candidates, {ratings} ratings")

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary", help="the debrief binary that creates the schema")
    parser.add_argument("path", help="the database file to create (it must not exist)")
    parser.add_argument("candidates", nargs="?", type=int, default=20000, help="how many candidates (default 20000)")
    parser.add_argument("seed", nargs="?", type=int, default=1, help="the random seed (default 1)")
    arguments = parser.parse_args()
    if arguments.candidates < 1:
        parser.error("candidates must be 1 or more")
    main(arguments.binary, arguments.path, arguments.candidates, arguments.seed)
