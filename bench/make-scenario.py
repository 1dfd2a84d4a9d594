#!/usr/bin/env python3
"""Generates a large scenario for the engine benchmark: N metrics over 100 inputs.

    python3 bench/make-scenario.py --metrics 10000 --out /tmp/big.yaml

Inputs are counts, prices per count and percentages (ten of them ranges); metric i combines
two earlier metrics or inputs with + − × ÷, so that the dependency graph is deep and wide
and every unit rule is exercised. The last metric feeds one benefit line.
"""
import argparse
import random

parser = argparse.ArgumentParser()
parser.add_argument("--metrics", type=int, default=10_000)
parser.add_argument("--out", required=True)
parser.add_argument("--seed", type=int, default=20261123)
args = parser.parse_args()
rng = random.Random(args.seed)

lines = ["client: Generated", "horizon: 3 years", "discount_rate: 8%", "inputs:"]
for i in range(40):
    lines.append(f"  volume_{i}: {rng.randint(1_000, 90_000)} units")
for i in range(40):
    lines.append(f"  price_{i}: ${rng.randint(1, 40)}.{rng.randint(10, 99)}/unit")
for i in range(20):
    if i < 10:
        low = rng.randint(1, 20)
        lines.append(f"  rate_{i}: {{ low: {low}%, expected: {low + 5}%, high: {low + 10}% }}")
    else:
        lines.append(f"  rate_{i}: {rng.randint(1, 60)}%")
lines.append("metrics:")
# Each metric is money: volume × price, scaled by a rate, plus or minus earlier money metrics.
money = []
for i in range(args.metrics):
    name = f"m_{i}"
    kind = i % 4
    if kind == 0 or len(money) < 2:
        formula = f"volume_{rng.randrange(40)} * price_{rng.randrange(40)} * (1 + rate_{rng.randrange(20)})"
    elif kind == 1:
        formula = f"{rng.choice(money)} + {rng.choice(money)} * rate_{rng.randrange(20)}"
    elif kind == 2:
        formula = f"max({rng.choice(money)} - {rng.choice(money)} / 4, $0)"
    else:
        formula = f"({rng.choice(money)} + {rng.choice(money)}) / (2 + rate_{rng.randrange(20)})"
    lines.append(f"  {name}: {formula}")
    money.append(name)
lines += [
    "costs:", "  initial:", "    setup: $250_000", "  yearly:", "    running: $120_000",
    "benefits:", "  yearly:", f"    value: {money[-1]} / 1_000",
]
with open(args.out, "w") as f:
    f.write("\n".join(lines) + "\n")
