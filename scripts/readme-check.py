#!/usr/bin/env python3
"""Runs every command example of README.md, in order, as a newcomer would type them: the README as
an executable specification. Each ```sh block is read; `debrief ...` lines (with their `\\`
continuations), pipelines into debrief and `cat > FILE <<'EOF'` files are run in bash in a new folder
that holds the repository's Rubrics/ and Fixtures/, on a new database. Other lines (make, curl) are
left to their own tests. Every command must exit 0, unless its comment says `exits N`. The output of
each `--format json` command must parse, with snake_case keys; `report position 1 --format json`
must have every key of the JSON contract that README documents, null where a figure is missing, and
`report questions --format json` every key of its own.
Prints one "readme: N passed, N failed" line; exits non-zero when anything failed."""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("binary", help="the debrief binary to run the examples with")
parser.add_argument("--readme", default=os.path.join(os.path.dirname(__file__), "..", "README.md"), help="the README to check")
parser.add_argument("--keep", action="store_true", help="keep the folder the examples ran in, and print where it is")
arguments = parser.parse_args()
repository = os.path.abspath(os.path.join(os.path.dirname(arguments.readme)))
binary = os.path.abspath(arguments.binary)
readme = open(arguments.readme, encoding="utf-8").read()


def blocks(language):
    """The code blocks of one language, in order."""
    return re.findall(r"^```" + language + r"\n(.*?)^```", readme, flags=re.S | re.M)


def commands(block):
    """The runnable commands of an sh block: (text, expected exit code)."""
    lines, found, index = block.split("\n"), [], 0
    while index < len(lines):
        line = lines[index]
        heredoc = re.match(r"cat > (\S+) <<'EOF'$", line)
        if heredoc:
            end = lines.index("EOF", index)
            found.append(("\n".join(lines[index:end + 1]), 0))
            index = end + 1
            continue
        while line.endswith("\\") and index + 1 < len(lines):
            index += 1
            line = line[:-1] + " " + lines[index].strip()
        index += 1
        comment = re.search(r"\s+#\s.*$", line)
        expected = 0
        if comment:
            code = re.search(r"exits (\d+)", comment.group(0))
            expected = int(code.group(1)) if code else 0
            line = line[: comment.start()]
        line = line.strip()
        if re.match(r"^(\S+( \S+)* \| )?debrief ", line):
            found.append((line, expected))
    return found


def keys_of(value):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from keys_of(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from keys_of(inner)


def documented_keys_missing(documented, actual, path=""):
    """Keys of the documented JSON that the actual JSON lacks (maps keyed by data are compared by shape)."""
    missing = []
    if isinstance(documented, dict) and isinstance(actual, dict):
        data_keyed = all(re.fullmatch(r"[0-9]+|[a-z0-9-]+-[a-z0-9-]+|[a-z]+", key) for key in documented) and path.endswith(
            ("competencies", "round_scores"))
        for key, inner in documented.items():
            if data_keyed:
                sample = next(iter(actual.values()), None)
                if sample is not None:
                    missing += documented_keys_missing(inner, sample, f"{path}.*")
                continue
            if key not in actual:
                missing.append(f"{path}.{key}")
            else:
                missing += documented_keys_missing(inner, actual[key], f"{path}.{key}")
    elif isinstance(documented, list) and isinstance(actual, list) and documented:
        for index, item in enumerate(actual):  # every candidate, every interviewer: each has every key
            missing += documented_keys_missing(documented[0], item, f"{path}[{index}]")
    return missing


def snake_case_problems(value):
    problems = []
    for key in keys_of(value):
        data = re.fullmatch(r"[0-9]+|[a-z0-9]+(-[a-z0-9]+)+", key)  # competency and round ids are data
        field = re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", key)
        one_letter = any(len(part) == 1 and part.isalpha() for part in key.split("_")[1:])
        if not data and (not field or one_letter):
            problems.append(key)
    return problems


work = tempfile.mkdtemp(prefix="debrief-readme-")
for folder in ["Rubrics", "Fixtures"]:
    os.symlink(os.path.join(repository, folder), os.path.join(work, folder))
environment = {key: value for key, value in os.environ.items() if not key.startswith("DEBRIEF_")}
prelude = (
    f'debrief() {{ "{binary}" "$@"; }}\n'
    # pbpaste stands for whatever a person pasted: here, the seed page's questions as a fragment.
    "pbpaste() { sed -n '/<article/,/<\\/article>/p' Fixtures/questionsets/backend-interview-questions.html; }\n"
    "set -o pipefail\n"
)
contract = json.loads(next(block for block in blocks("json") if '"candidates"' in block))
questions_contract = json.loads(next(block for block in blocks("json") if '"minimums"' in block))
rubric_contract = json.loads(next(block for block in blocks("json") if '"rubric": {"id"' in block and '"positions"' in block))
passed = failed = 0


def outcome(ok, name, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"readme FAILED: {name}\n{detail}", file=sys.stderr)


for block in blocks("sh"):
    for command, expected in commands(block):
        run = subprocess.run(["bash", "-c", prelude + command], cwd=work, env=environment, capture_output=True, text=True, timeout=300)
        name = command.split("\n")[0]
        outcome(run.returncode == expected, name, f"exit {run.returncode}, wanted {expected}\n{run.stdout[-2000:]}{run.stderr[-2000:]}")
        if run.returncode != 0 or "--format json" not in command:
            continue
        try:
            document = json.loads(run.stdout)
        except json.JSONDecodeError as error:
            outcome(False, f"{name}: JSON", str(error))
            continue
        problems = snake_case_problems(document)
        outcome(not problems, f"{name}: snake_case keys", ", ".join(problems))
        if re.search(r"debrief report position \d+ --format json$", command):
            missing = documented_keys_missing(contract, document)
            outcome(not missing, f"{name}: the documented keys", ", ".join(missing))
        if re.search(r"debrief report reliability \S+ --format json$", command):
            missing = documented_keys_missing(rubric_contract, document)
            outcome(not missing, f"{name}: the documented keys", ", ".join(missing))
        if re.search(r"debrief report questions( --position \d+)? --format json$", command):
            missing = documented_keys_missing(questions_contract, document)
            outcome(not missing and document["questions"], f"{name}: the documented keys of a rated question", ", ".join(missing))

if arguments.keep:
    print(f"readme: the examples ran in {work}", file=sys.stderr)
else:
    shutil.rmtree(work, ignore_errors=True)
print(f"readme: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
