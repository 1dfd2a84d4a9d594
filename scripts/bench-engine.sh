#!/usr/bin/env bash
# Benchmark of the scenario engine: builds a release binary and measures, in the same run,
# with hyperfine (medians):
#   yaml-floor    PyYAML's libyaml loader reading the 10,000-metric scenario (what parsing
#                 the same YAML costs in C: the reference for the load phase)
#   calc-10k      playbook calc on a generated scenario of 10,000 metrics
#                 (bench/make-scenario.py: deep and wide dependencies, ranges, units)
#   calc          playbook calc on the shipped contact-centre scenario (kestrel-mobile)
#   simulate-100k the same with a 100,000-draw Monte Carlo
# Then the phases inside playbook (PLAYBOOK_TIMINGS: load, compile, evaluate, simulate,
# report), wall and processor time, medians over the same number of runs (processor time
# above wall time means more than one core works), and the same ratio for the whole
# simulation run.
#
#   ./scripts/bench-engine.sh
#   RUNS=30 METRICS=20000 ./scripts/bench-engine.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/setup.sh
ensure_build_packages
command -v hyperfine >/dev/null 2>&1 || ensure_packages hyperfine
[ -x /usr/bin/time ] || ensure_packages time
python3 -c 'import yaml; yaml.CSafeLoader' 2>/dev/null || ensure_packages python3-yaml

RUNS=${RUNS:-20}
METRICS=${METRICS:-10000}
WORK=${WORK:-/tmp/playbook-bench-engine}
mkdir -p "$WORK"

echo "bench: building release" >&2
swift build -c release --product playbook 2>&1 | grep -E "error|complete" >&2 || true
PLAYBOOK=$(pwd)/.build/release/playbook
BIG="$WORK/generated-$METRICS.yaml"
python3 bench/make-scenario.py --metrics "$METRICS" --out "$BIG"
SHIPPED=content/scenarios/kestrel-mobile.yaml

hyperfine -N --warmup 2 --min-runs "$RUNS" --style basic --export-json "$WORK/engine.json" \
  -n yaml-floor "python3 -c 'import sys, yaml; yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)' $BIG" \
  -n calc-10k "$PLAYBOOK calc $BIG --format csv" \
  -n calc "$PLAYBOOK calc $SHIPPED --format json" \
  -n simulate-100k "$PLAYBOOK calc $SHIPPED --format json --simulate 100000 --seed 1" \
  >/dev/null 2>"$WORK/engine.log" || { cat "$WORK/engine.log" >&2; exit 1; }

# The phases inside one process: medians of RUNS runs each.
phases() {
  local label=$1; shift
  : >"$WORK/phases"
  for _ in $(seq "$RUNS"); do
    PLAYBOOK_TIMINGS=1 "$@" 2>>"$WORK/phases" >/dev/null
  done
  python3 - "$label" "$WORK/phases" <<'PY'
import statistics, sys
label, path = sys.argv[1], sys.argv[2]
phases = {}
for line in open(path):
    # "load: 0.0831 s wall, 0.0829 s cpu"
    name, _, value = line.rstrip("\n").rpartition(": ")
    wall, cpu = (float(part.split()[0]) for part in value.split(", "))
    phases.setdefault(name, []).append((wall, cpu))
for name, values in phases.items():
    wall = statistics.median(v[0] for v in values) * 1000
    cpu = statistics.median(v[1] for v in values) * 1000
    print(f"  {label:<14} {name:<26} {wall:9.2f} ms wall {cpu:9.2f} ms cpu")
PY
}

echo "# $(nproc) cores, $(uname -sr); medians of $RUNS runs; generated scenario: $METRICS metrics, $(wc -c <"$BIG") bytes"
printf '%-14s %10s\n' command "median s"
jq -r '.results[] | [.command, .median] | @tsv' "$WORK/engine.json" | while IFS=$'\t' read -r name median; do
  awk -v n="$name" -v m="$median" 'BEGIN { printf "%-14s %10.3f\n", n, m }'
done
echo "phases inside playbook:"
phases calc-10k "$PLAYBOOK" calc "$BIG" --format csv
phases simulate-100k "$PLAYBOOK" calc "$SHIPPED" --format json --simulate 100000 --seed 1
: >"$WORK/cpu"
for _ in $(seq 5); do
  /usr/bin/time -f '%e %U %S' "$PLAYBOOK" calc "$SHIPPED" --format json --simulate 100000 --seed 1 2>>"$WORK/cpu" >/dev/null
done
awk '{ wall += $1; cpu += $2 + $3 } END { printf "simulate-100k: %.2f s of CPU per second of wall time (5 runs)\n", cpu / wall }' "$WORK/cpu"
