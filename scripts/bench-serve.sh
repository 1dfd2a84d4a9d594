#!/usr/bin/env bash
# Benchmark of the preview server (release build), on the N=1000 benchmark corpus:
#   1. save → reload: the time from saving one chapter (the file closed) to the reload event
#      arriving on the Server-Sent Events stream, over REPEATS edits (median, min, max);
#   2. an edit arriving mid-build: the chapter saved twice, GAP ms apart (15 by default: the
#      second save lands while the first one's build runs; 60 lands after its pages were
#      reloaded, while it makes the EPUB and search index), timed from the second save to the first reload after
#      which the page shows the second edit, over REPEATS pairs;
#      after every reload the page is fetched and must show the edit (else the script fails);
#   3. where a rebuild's time goes: the median of each step the server reports (PLAYBOOK_TIMINGS);
#   4. static pages: wrk against `playbook serve` and, in the same run, against
#      `python3 -m http.server` serving the same preview folder (requests per second).
#
#   ./scripts/bench-serve.sh                       N=1000, 20 edits, wrk 10 s
#   N=100 REPEATS=50 ./scripts/bench-serve.sh
#   PLAYBOOK=/tmp/pb WRK=0 ./scripts/bench-serve.sh   a given binary (no build), no wrk
#   GAP=60 ./scripts/bench-serve.sh                   the second save 60 ms after the first
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/setup.sh
N=${N:-1000}; REPEATS=${REPEATS:-20}; DURATION=${DURATION:-10}; WRK=${WRK:-1}; GAP=${GAP:-15}
WORK=${WORK:-/tmp/playbook-bench-serve}
if [ "$WRK" = 1 ]; then command -v wrk >/dev/null 2>&1 || ensure_packages wrk; fi

if [ -z "${PLAYBOOK:-}" ]; then
  ensure_build_packages
  echo "bench-serve: building release" >&2
  swift build -c release --product playbook 2>&1 | grep -E "error|complete" >&2 || true
  PLAYBOOK=$(pwd)/.build/release/playbook
fi
rm -rf "$WORK"; mkdir -p "$WORK"
C="$WORK/corpus"; P="$WORK/project"
python3 bench/make-corpus.py --chapters "$N" --out "$C" --seed 20240601 >/dev/null
mkdir -p "$P/content/book"
cp "$C"/chapters/*.md "$P/content/book/"
cp -r "$C/images" "$P/content/book/images"
printf 'title: Business Playbook\nauthors: [Benchmark Corpus]\nlanguage: en\nbase_url: https://bench.example.com/\nbooks: [book]\n' > "$P/playbook.yaml"
printf 'title: Business Playbook\ndate: 2024-06-01\n' > "$P/content/book/book.yaml"

# A file changed less than 2 s before a build is compared by its bytes on the next one (its
# time stamps could still move within a clock tick: ChapterLoader.recentChange), so a corpus
# written just now would make the first save read all 1,000 chapters again. An author's
# project is older than that: let it age first.
sleep 2.5
PLAYBOOK_TIMINGS=1 "$PLAYBOOK" serve --project "$P" --port 0 > "$WORK/serve.log" 2>&1 &
SERVE=$!
trap 'kill -INT $SERVE 2>/dev/null; [ -n "${PY:-}" ] && kill $PY 2>/dev/null; wait 2>/dev/null' EXIT
for _ in $(seq 1 600); do grep -q "Serving the preview at" "$WORK/serve.log" && break; sleep 0.1; done
URL=$(grep -o 'http://[^ ]*/site/' "$WORK/serve.log" | head -1); BASE=${URL%site/}
FOLDER=$(sed -n 's/.*(built into \(.*\))$/\1/p' "$WORK/serve.log" | head -1)
echo "bench-serve: N=$N, serving $URL from $FOLDER" >&2

CHAPTER=$(ls "$P"/content/book/*.md | sed -n "$((N / 2))p")
PAGE="site/book/$(basename "$CHAPTER" .md).html"
python3 - "$BASE" "$CHAPTER" "$PAGE" "$REPEATS" "$GAP" <<'PY'
import socket, statistics, sys, time, urllib.request
base, chapter, page, repeats, gap = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
host, port = base.split("//")[1].rstrip("/").split(":")
s = socket.create_connection((host, int(port)))
s.sendall(f"GET /__playbook/events HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: text/event-stream\r\n\r\n".encode())
buffer = b""
def wait_for(marker, timeout=10):
    global buffer
    s.settimeout(timeout)
    while marker not in buffer:
        buffer += s.recv(65536)
    buffer = buffer[buffer.index(marker) + len(marker):]
def shows(text):
    with urllib.request.urlopen(base + page, timeout=10) as response:
        return text in response.read().decode()
def save(text):
    with open(chapter, "a") as f:
        f.write(f"\n{text}\n")
    return time.perf_counter()   # after close: the save is complete
def reload_showing(text, saved):
    """Waits for reloads until the page shows `text`; the time from `saved` to that reload (ms)."""
    for _ in range(5):
        wait_for(b"event: reload")
        at = time.perf_counter()
        if shows(text):
            return (at - saved) * 1000
    sys.exit(f"bench-serve: FAILED: no reload showed '{text}'")
def summary(name, times):
    slowest = max(range(len(times)), key=lambda i: times[i]) + 1
    return (f"{name} over {len(times)} edits: median {statistics.median(times):.1f} ms, "
            f"min {min(times):.1f} ms, max {max(times):.1f} ms (edit {slowest}); "
            f"without the first edit, max {max(times[1:] or times):.1f} ms")
wait_for(b"event: hello")
single, second = [], []
for i in range(repeats):
    time.sleep(0.3)
    text = f"Benchmark edit {i}."
    single.append(reload_showing(text, save(text)))
for i in range(repeats):
    time.sleep(0.3)
    save(f"First of pair {i}.")
    time.sleep(gap / 1000)
    text = f"Second of pair {i}."
    second.append(reload_showing(text, save(text)))
    time.sleep(0.3)
    buffer = b""   # a later reload of the pair's first build is not the next pair's
print(summary("save → reload event", single))
print(summary(f"second save {gap} ms after the first → reload showing it", second))
PY

# Where a rebuild's time goes: each step the server timed (PLAYBOOK_TIMINGS), over every rebuild
# (the first build left out), and when it sent the reload.
python3 - "$WORK/serve.log" <<'PY'
import re, statistics, sys
steps, rebuilt, first = {}, [], True
for line in open(sys.argv[1]):
    line = line.strip()
    step = re.match(r"^([\w ()+-]+): (\d+\.\d+) s (wall|after the build started)", line)
    if step and not first:
        steps.setdefault(step.group(1), []).append(float(step.group(2)) * 1000)
    if line.startswith("Built in"):
        first = False
    done = re.match(r"^Rebuilt after .* in (\d+) ms", line)
    if done:
        rebuilt.append(float(done.group(1)))
if steps:
    print("rebuild steps, median wall ms: " + ", ".join(f"{k} {statistics.median(v):.1f}" for k, v in steps.items()))
if rebuilt:
    print(f"rebuilds: {len(rebuilt)}, median {statistics.median(rebuilt):.0f} ms from start to end")
PY

if [ "$WRK" = 1 ]; then
  python3 -m http.server --bind 127.0.0.1 --directory "$FOLDER" 8799 >/dev/null 2>&1 &
  PY=$!
  sleep 1
  for target in "playbook serve|${BASE}site/index.html" "python3 -m http.server|http://127.0.0.1:8799/site/index.html"; do
    name=${target%%|*}; url=${target#*|}
    rps=$(wrk -t2 -c50 -d"${DURATION}s" "$url" | awk '/^Requests\/sec/{print $2}')
    echo "wrk -t2 -c50 -d${DURATION}s $url ($name): $rps requests/s"
  done
fi
