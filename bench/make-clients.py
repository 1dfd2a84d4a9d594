#!/usr/bin/env python3
"""Writes N client scenarios for the report benchmark: copies of the two shipped sample
clients (content/scenarios/) with the numbers of each input scaled by a seeded random
factor between 0.8 and 1.2 (one factor per input, so ranges stay in order), so that each
client has its own figures.

    python3 bench/make-clients.py --count 100 --out /tmp/clients
"""
import argparse
import os
import random
import re
import shutil

parser = argparse.ArgumentParser()
parser.add_argument("--count", type=int, default=100)
parser.add_argument("--out", required=True)
parser.add_argument("--seed", type=int, default=7)
args = parser.parse_args()
root = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
scenarios = os.path.join(root, "content", "scenarios")
os.makedirs(args.out, exist_ok=True)
shutil.copy(os.path.join(scenarios, "brightwell-touchpoints.csv"), args.out)
sources = [open(os.path.join(scenarios, name)).read() for name in ("kestrel-mobile.yaml", "brightwell-outdoor.yaml")]
rng = random.Random(args.seed)
number = re.compile(r"(?<![\w.])(\d[\d_]*(?:\.\d+)?)(?=\s*(?:%|contacts|answers|views|people|min|/|,|\s*}))")

for index in range(args.count):
    text = sources[index % 2]
    inputs_at = text.index("\ninputs:")
    metrics_at = text.index("\nmetrics:")
    head, inputs, rest = text[:inputs_at], text[inputs_at:metrics_at], text[metrics_at:]
    lines = []
    for line in inputs.split("\n"):
        factor = rng.uniform(0.8, 1.2)
        def scale(match):
            scaled = float(match.group(1).replace("_", "")) * factor
            return f"{scaled:.4g}" if scaled < 100 else str(round(scaled))
        lines.append(number.sub(scale, line))
    inputs = "\n".join(lines)
    head = re.sub(r"^client: .*$", f"client: Client {index + 1:03d}", head, flags=re.M)
    with open(os.path.join(args.out, f"client-{index + 1:03d}.yaml"), "w") as out:
        out.write(head + inputs + rest)
