#!/usr/bin/env bash
# Benchmark: builds a release binary, generates the deterministic benchmark corpus
# (bench/make-corpus.py: N chapters of business-playbook Markdown, ~7.9 MB for N=1000) as a
# Playbook project, and times, in the same run, interleaved (bench/interleave.py: each round
# runs every command once, so a slow spell of a shared machine falls on all alike; medians):
#   cmark     the cmark CLI rendering the same text as one document (the parse+render floor)
#   hugo      Hugo (Debian's 0.111.3, the version the issue's reference timings used) building the corpus as
#             an HTML site
#   playbook  playbook build --no-pdf: the whole site and the EPUB (the book PDF is not in the
#             comparison: Hugo and cmark make HTML only)
# Peak memory comes from GNU time. Outputs go to tmpfs (/dev/shm) when there is one. Then the
# ratios to the anchors, against the targets (≤ 3 × cmark, ≤ 0.8 × Hugo, ≤ 150 MB at N=1000).
# Last, callgrind counts the instructions of the N=100 build: unlike a time, the count hardly
# moves on a busy or different machine, so a regression shows anywhere (CALLGRIND=0 skips it).
#
#   ./scripts/bench.sh            N=1000
#   ./scripts/bench.sh 100 1000   several sizes
#   RUNS=20 ./scripts/bench.sh    more runs (default 10, after 2 warm-ups)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/setup.sh
ensure_build_packages
command -v cmark >/dev/null 2>&1 || ensure_packages cmark
[ -x /usr/bin/time ] || ensure_packages time
command -v jq >/dev/null 2>&1 || ensure_packages jq
command -v hugo >/dev/null 2>&1 || ensure_packages hugo
[ "${CALLGRIND:-1}" = 0 ] || command -v valgrind >/dev/null 2>&1 || ensure_packages valgrind

SIZES=("$@"); [ ${#SIZES[@]} -eq 0 ] && SIZES=(1000)
RUNS=${RUNS:-10}
WORK=${WORK:-/tmp/playbook-bench}
if [ -d /dev/shm ] && [ -w /dev/shm ]; then OUT=${OUT:-/dev/shm/playbook-bench-out}; else OUT=${OUT:-$WORK/out}; fi

echo "bench: building release" >&2
swift build -c release --product playbook 2>&1 | grep -E "error|complete" >&2 || true
PLAYBOOK=$(pwd)/.build/release/playbook
mkdir -p "$WORK" "$OUT"

# make_project N: the corpus of N chapters ($WORK/corpus-N) and a Playbook project of it ($WORK/project-N).
make_project() {
  local N=$1 C="$WORK/corpus-$1" P="$WORK/project-$1"
  python3 bench/make-corpus.py --chapters "$N" --out "$C" --seed 20240601 >/dev/null
  rm -rf "$P"; mkdir -p "$P/content/book"
  cp "$C"/chapters/*.md "$P/content/book/"
  cp -r "$C/images" "$P/content/book/images"
  printf 'title: Business Playbook\nauthors: [Benchmark Corpus]\nlanguage: en\nbase_url: https://bench.example.com/\nbooks: [book]\n' > "$P/playbook.yaml"
  printf 'title: Business Playbook\ndate: 2024-06-01\n' > "$P/content/book/book.yaml"
}

results=()
for N in "${SIZES[@]}"; do
  C="$WORK/corpus-$N"; P="$WORK/project-$N"
  make_project "$N"
  BYTES=$(jq .chapter_bytes_total "$C/manifest.json")

  commands=(-n cmark "cmark --unsafe $C/book.md")
  if command -v hugo >/dev/null 2>&1; then
    commands+=(-n hugo "hugo --quiet --noBuildLock -s $C/hugo -d $OUT/hugo-$N")
  fi
  commands+=(-n playbook "$PLAYBOOK build --no-pdf --project $P --out $OUT/playbook-$N")
  echo "bench: N=$N, $BYTES bytes of Markdown; $RUNS runs each" >&2
  python3 bench/interleave.py --warmup 2 --rounds "$RUNS" --export-json "$WORK/n$N.json" \
    --prepare "rm -rf $OUT/hugo-$N $OUT/playbook-$N" "${commands[@]}" 2>"$WORK/n$N.log" \
    || { cat "$WORK/n$N.log" >&2; exit 1; }
  rss() { rm -rf "$OUT/hugo-$N" "$OUT/playbook-$N"; /usr/bin/time -f %M "$@" >/dev/null 2>"$WORK/rss" || true; tail -n 1 "$WORK/rss"; }
  declare -A peak=()
  peak[cmark]=$(rss cmark --unsafe "$C/book.md")
  command -v hugo >/dev/null 2>&1 && peak[hugo]=$(rss hugo --quiet --noBuildLock -s "$C/hugo" -d "$OUT/hugo-$N")
  peak[playbook]=$(rss "$PLAYBOOK" build --no-pdf --project "$P" --out "$OUT/playbook-$N")
  while IFS=$'\t' read -r name median; do
    results+=("$N	$name	$median	$BYTES	${peak[$name]}")
  done < <(jq -r '.results[] | [.command, .median] | @tsv' "$WORK/n$N.json")
  rm -rf "$OUT/hugo-$N" "$OUT/playbook-$N"
done

echo "# $(nproc) cores, $(uname -sr); cmark $(cmark --version | head -1 | awk '{print $2}'); medians of $RUNS runs; output on $(stat -f -c %T "$OUT")"
printf '%-6s %-9s %10s %8s %12s\n' N tool "median s" "MB/s" "peak RSS MB"
for row in "${results[@]}"; do
  IFS=$'\t' read -r n name median bytes kb <<<"$row"
  awk -v n="$n" -v name="$name" -v m="$median" -v b="$bytes" -v kb="$kb" \
    'BEGIN { printf "%-6s %-9s %10.3f %8.1f %12.1f\n", n, name, m, b / 1e6 / m, kb / 1024 }'
done
for N in "${SIZES[@]}"; do
  jq -r --arg n "$N" '.results as $r | ($r[] | select(.command=="playbook") | .median) as $p
    | ($r[] | select(.command=="cmark") | .median) as $c
    | ([$r[] | select(.command=="hugo") | .median] | first) as $h
    | "N=\($n): playbook/cmark = \($p / $c * 100 | round / 100) (target ≤ 3)" + (if $h then ", playbook/hugo = \($p / $h * 100 | round / 100) (target ≤ 0.8)" else "" end)' "$WORK/n$N.json"
done

# Instructions of the N=100 build, counted by callgrind on a copy of the binary without its
# debug information (Valgrind 3.19 cannot read Swift 6.3's). Unlike a time, the count hardly
# moves on a busy or different machine, so a regression shows anywhere.
if [ "${CALLGRIND:-1}" != 0 ]; then
  [ -d "$WORK/project-100" ] || make_project 100
  objcopy --strip-debug "$PLAYBOOK" "$WORK/playbook-nodebug"
  rm -rf "$OUT/callgrind-100"
  valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind-100.out" "$WORK/playbook-nodebug" build --no-pdf \
    --project "$WORK/project-100" --out "$OUT/callgrind-100" >/dev/null 2>"$WORK/callgrind.log" \
    || { cat "$WORK/callgrind.log" >&2; exit 1; }
  rm -rf "$OUT/callgrind-100"
  instructions=$(sed -n 's/^summary: //p' "$WORK/callgrind-100.out")
  echo "N=100 build: $instructions instructions (callgrind_annotate $WORK/callgrind-100.out shows where)"
fi
