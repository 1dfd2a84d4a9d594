#!/usr/bin/env bash
# Benchmark of the preview server (release build), on the N=1000 benchmark corpus:
#   1. save → reload: the time from saving one chapter (the file closed) to the reload event
#      arriving on the Server-Sent Events stream, over REPEATS edits (median, min, max);
#   2. static pages: wrk against `playbook serve` and, in the same run, against
#      `python3 -m http.server` serving the same preview folder (requests per second).
#
#   ./scripts/bench-serve.sh            N=1000, 20 edits, wrk 10 s
#   N=100 REPEATS=50 ./scripts/bench-serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/setup.sh
ensure_build_packages
command -v wrk >/dev/null 2>&1 || ensure_packages wrk
N=${N:-1000}; REPEATS=${REPEATS:-20}; DURATION=${DURATION:-10}
WORK=${WORK:-/tmp/playbook-bench-serve}

echo "bench-serve: building release" >&2
swift build -c release --product playbook 2>&1 | grep -E "error|complete" >&2 || true
PLAYBOOK=$(pwd)/.build/release/playbook
rm -rf "$WORK"; mkdir -p "$WORK"
C="$WORK/corpus"; P="$WORK/project"
python3 bench/make-corpus.py --chapters "$N" --out "$C" --seed 20240601 >/dev/null
mkdir -p "$P/content/book"
cp "$C"/chapters/*.md "$P/content/book/"
cp -r "$C/images" "$P/content/book/images"
printf 'title: Business Playbook\nauthors: [Benchmark Corpus]\nlanguage: en\nbase_url: https://bench.example.com/\nbooks: [book]\n' > "$P/playbook.yaml"
printf 'title: Business Playbook\ndate: 2024-06-01\n' > "$P/content/book/book.yaml"

"$PLAYBOOK" serve --project "$P" --port 0 > "$WORK/serve.log" 2>&1 &
SERVE=$!
trap 'kill -INT $SERVE 2>/dev/null; [ -n "${PY:-}" ] && kill $PY 2>/dev/null; wait 2>/dev/null' EXIT
for _ in $(seq 1 600); do grep -q "Serving the preview at" "$WORK/serve.log" && break; sleep 0.1; done
URL=$(grep -o 'http://[^ ]*/site/' "$WORK/serve.log" | head -1); BASE=${URL%site/}
FOLDER=$(sed -n 's/.*(built into \(.*\))$/\1/p' "$WORK/serve.log" | head -1)
PORT=${BASE##*:}; PORT=${PORT%/}
echo "bench-serve: N=$N, serving $URL from $FOLDER" >&2

CHAPTER=$(ls "$P"/content/book/*.md | sed -n "$((N / 2))p")
python3 - "$BASE" "$CHAPTER" "$REPEATS" <<'PY'
import socket, statistics, sys, time
base, chapter, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
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
wait_for(b"event: hello")
times = []
for i in range(repeats):
    time.sleep(0.3)
    with open(chapter, "a") as f:
        f.write(f"\nBenchmark edit {i}.\n")
    saved = time.perf_counter()   # after close: the save is complete
    wait_for(b"event: reload")
    times.append((time.perf_counter() - saved) * 1000)
print(f"save → reload event over {repeats} edits: median {statistics.median(times):.1f} ms, "
      f"min {min(times):.1f} ms, max {max(times):.1f} ms")
PY

python3 -m http.server --bind 127.0.0.1 --directory "$FOLDER" 8799 >/dev/null 2>&1 &
PY=$!
sleep 1
for target in "playbook serve|${BASE}site/index.html" "python3 -m http.server|http://127.0.0.1:8799/site/index.html"; do
  name=${target%%|*}; url=${target#*|}
  rps=$(wrk -t2 -c50 -d"${DURATION}s" "$url" | awk '/^Requests\/sec/{print $2}')
  echo "wrk -t2 -c50 -d${DURATION}s $url ($name): $rps requests/s"
done
