#!/usr/bin/env python3
"""Times commands side by side, interleaved: each round runs every command once, in turn, so
that a slow spell of a shared machine falls on all of them alike (hyperfine runs all of one
command's runs, then all of the next's, and a slow spell then skews the ratios). Before each
run the --prepare command runs, untimed. Writes hyperfine's JSON shape (results: command,
median, mean, min, max, times) to --export-json.

  interleave.py --rounds 10 --warmup 2 --prepare 'rm -rf out' --export-json r.json \\
      -n cmark 'cmark book.md' -n playbook 'playbook build ...'
"""
import argparse, json, shlex, statistics, subprocess, sys, time

parser = argparse.ArgumentParser()
parser.add_argument("--rounds", type=int, default=10)
parser.add_argument("--warmup", type=int, default=2)
parser.add_argument("--prepare", default="")
parser.add_argument("--export-json", required=True)
parser.add_argument("-n", nargs=2, action="append", metavar=("NAME", "COMMAND"), required=True)
args = parser.parse_args()

def run(command):
    if args.prepare:
        subprocess.run(args.prepare, shell=True, check=True)
    start = time.perf_counter()
    done = subprocess.run(shlex.split(command), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"interleave: '{command}' failed ({done.returncode}):\n{done.stderr.decode(errors='replace')}")
    return elapsed

times = {name: [] for name, _ in args.n}
for round in range(args.warmup + args.rounds):
    for name, command in args.n:
        elapsed = run(command)
        if round >= args.warmup:
            times[name].append(elapsed)
results = [{"command": name, "median": statistics.median(times[name]), "mean": statistics.mean(times[name]),
            "min": min(times[name]), "max": max(times[name]), "times": times[name]} for name, _ in args.n]
json.dump({"results": results}, open(args.export_json, "w"), indent=1)
