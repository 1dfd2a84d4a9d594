#!/usr/bin/env bash
# Benchmark of client reports: builds a release binary, writes COUNT generated client
# scenarios (bench/make-clients.py: the two sample clients with every input varied), and
# measures with hyperfine (medians), in the same run:
#   calc-each   playbook calc --format json --simulate 10000 on each scenario, one process
#               after the other (the figures alone: the reference)
#   report-all  playbook report on all of them in one call: per client an HTML page, an EPUB,
#               metrics.json and metrics.csv, in parallel (--no-pdf)
#   report-pdf  the same call with each client's PDF as well (one headless Chromium for the
#               batch, two pages at a time)
# Then the peak memory of report-all and of report-pdf (GNU time; Playbook's own process).
#
#   ./scripts/bench-reports.sh
#   RUNS=10 COUNT=200 ./scripts/bench-reports.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/setup.sh
ensure_build_packages
command -v hyperfine >/dev/null 2>&1 || ensure_packages hyperfine
[ -x /usr/bin/time ] || ensure_packages time
[ -n "${PLAYBOOK_CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1 || ensure_packages chromium

RUNS=${RUNS:-5}
COUNT=${COUNT:-100}
WORK=${WORK:-/tmp/playbook-bench-reports}
rm -rf "$WORK"
mkdir -p "$WORK"

echo "bench: building release" >&2
swift build -c release --product playbook 2>&1 | grep -E "error|complete" >&2 || true
PLAYBOOK=$(pwd)/.build/release/playbook
python3 bench/make-clients.py --count "$COUNT" --out "$WORK/scenarios"
SCENARIOS=$(ls "$WORK"/scenarios/*.yaml | tr '\n' ' ')

hyperfine -N --warmup 1 --min-runs "$RUNS" --style basic --export-json "$WORK/reports.json" \
  -n calc-each "bash -c 'for f in $WORK/scenarios/*.yaml; do $PLAYBOOK calc \$f --format json --simulate 10000 >/dev/null; done'" \
  -n report-all "$PLAYBOOK report $SCENARIOS --out $WORK/out --no-pdf" \
  -n report-pdf "$PLAYBOOK report $SCENARIOS --out $WORK/out-pdf" >&2

/usr/bin/time -f "%M" -o "$WORK/rss" "$PLAYBOOK" report $SCENARIOS --out "$WORK/out" --no-pdf >/dev/null
/usr/bin/time -f "%M" -o "$WORK/rss-pdf" "$PLAYBOOK" report $SCENARIOS --out "$WORK/out-pdf" >/dev/null
PDFS=$(ls "$WORK"/out-pdf/*/*.pdf | wc -l)
echo
echo "reports for $COUNT clients (medians of $RUNS runs):"
python3 - "$WORK/reports.json" "$WORK/rss" "$COUNT" "$WORK/rss-pdf" "$PDFS" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
rss = int(open(sys.argv[2]).read().split()[-1]) / 1024
count = int(sys.argv[3])
rss_pdf = int(open(sys.argv[4]).read().split()[-1]) / 1024
for name in ("calc-each", "report-all", "report-pdf"):
    r = results[name]
    print(f"  {name:11} median {r['median']:.2f} s  (min {r['min']:.2f}, max {r['max']:.2f})")
each = results["report-all"]["median"] / count * 1000
print(f"  report-all: {each:.1f} ms a client; {results['report-all']['median'] / results['calc-each']['median']:.2f}x the figures alone; peak memory {rss:.0f} MB")
each_pdf = results["report-pdf"]["median"] / count * 1000
print(f"  report-pdf: {each_pdf:.1f} ms a client ({sys.argv[5]} PDFs); peak memory {rss_pdf:.0f} MB (Playbook's process, without Chromium's)")
PY
