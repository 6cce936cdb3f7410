#!/usr/bin/env python3
"""The floor for storing an import: the rows Debrief stored for a page, inserted again into a new
database of the same schema with one prepared statement in one transaction, then indexed for search
with the same INSERT ... SELECT Debrief runs. Prints the median seconds of RUNS such runs without the
search index, then with it.

usage: bulk-insert.py STORED_DB [RUNS]"""
import os, shutil, sqlite3, statistics, sys, tempfile, time

FTS_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")

def schema(source):
    """The schema's statements in creation order, without SQLite's own and FTS5's shadow tables."""
    rows = source.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid").fetchall()
    virtual = [name for kind, name, sql in rows if sql.upper().startswith("CREATE VIRTUAL TABLE")]
    return [sql for kind, name, sql in rows
            if not name.startswith("sqlite_") and not any(name == v + s for v in virtual for s in FTS_SHADOWS)]

def insert(table, columns):
    """One prepared INSERT of every column of a row."""
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"

def run(statements, set_rows, set_columns, question_rows, question_columns, index):
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "floor.sqlite")
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA foreign_keys = ON")
    for sql in statements:
        db.execute(sql)
    start = time.perf_counter()
    db.execute("BEGIN IMMEDIATE")
    db.executemany(insert("question_set", set_columns), set_rows)
    db.executemany(insert("question", question_columns), question_rows)
    if index:
        db.execute("INSERT INTO question_search(rowid, text, title, answer_text) SELECT id, text, title, answer_text FROM question")
    db.execute("COMMIT")
    seconds = time.perf_counter() - start
    db.close()
    shutil.rmtree(folder)
    return seconds

def main():
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        sys.exit(0 if len(sys.argv) >= 2 else 64)
    source = sqlite3.connect(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    statements = schema(source)
    sets = source.execute("SELECT * FROM question_set")
    set_columns = [d[0] for d in sets.description]
    set_rows = sets.fetchall()
    questions = source.execute("SELECT * FROM question ORDER BY id")
    question_columns = [d[0] for d in questions.description]
    question_rows = questions.fetchall()
    for index in (False, True):
        seconds = [run(statements, set_rows, set_columns, question_rows, question_columns, index) for _ in range(runs)]
        print(f"{statistics.median(seconds):.4f}", end=" " if not index else "\n")

if __name__ == "__main__":
    main()
