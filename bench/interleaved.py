#!/usr/bin/env python3
"""Times commands in interleaved rounds: every round runs each command once, in turn, after one
warm-up round. This virtual machine's speed drifts by a third within minutes, and hyperfine runs
all of one command's runs before the next command's, so a drift lands on one command only; here
each round's commands share it. Writes JSON like hyperfine's --export-json (median wall seconds
and mean user seconds per command), plus `paired_speed`: the median over rounds of the first
command's time divided by this command's time in the same round.

usage: interleaved.py [--shell] ROUNDS OUTPUT.json NAME COMMAND [NAME COMMAND ...]
Each COMMAND is split on spaces and run without a shell, or with --shell run by sh -c (for
redirections and substitutions); its output is discarded."""
import json, os, statistics, subprocess, sys, time


def run_once(argv):
    """Wall seconds and user seconds of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"interleaved.py: {' '.join(argv)} failed (wait status {status})")
    return wall, usage.ru_utime


def main():
    arguments = sys.argv[1:]
    shell = bool(arguments) and arguments[0] == "--shell"
    if shell:
        arguments = arguments[1:]
    if len(arguments) < 4 or len(arguments) % 2 == 1:
        print(__doc__)
        sys.exit(64)
    rounds, output = int(arguments[0]), arguments[1]
    names = arguments[2::2]
    commands = [["sh", "-c", c] if shell else c.split() for c in arguments[3::2]]
    walls = {name: [] for name in names}
    users = {name: [] for name in names}
    speeds = {name: [] for name in names}
    for round_number in range(rounds + 1):
        times = {name: run_once(argv) for name, argv in zip(names, commands)}
        if round_number == 0:
            continue  # warm-up: files into the page cache, binaries loaded
        for name in names:
            walls[name].append(times[name][0])
            users[name].append(times[name][1])
            speeds[name].append(times[names[0]][0] / times[name][0])
    results = [{
        "command": name, "median": statistics.median(walls[name]), "user": statistics.mean(users[name]),
        "min": min(walls[name]), "max": max(walls[name]), "times": walls[name],
        "paired_speed": statistics.median(speeds[name]),
    } for name in names]
    with open(output, "w") as file:
        json.dump({"results": results}, file, indent=1)
    for result in results:
        print(f"{result['command']}: median {result['median']:.3f} s (user {result['user']:.3f} s), "
              f"speed {result['paired_speed']:.2f} of {names[0]}'s round by round", file=sys.stderr)


if __name__ == "__main__":
    main()
