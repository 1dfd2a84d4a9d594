#!/usr/bin/env bash
# Quick start: installs what is missing (libcmark-dev, libxlsxwriter-dev, zlib, jemalloc, pkg-config, and chromium, which
# prints the client reports' PDFs), builds Playbook, and builds the shipped project into
# build/: the site in build/site/, EPUBs in build/epub/, the sample clients' reports (HTML,
# PDF, EPUB, figures) in build/reports/.
#
#   ./scripts/run.sh            extra arguments go to 'playbook build', e.g. --out /tmp/site
#   ./scripts/run.sh --no-pdf   without the reports' PDFs (chromium is then not installed)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/setup.sh
ensure_build_packages
# Chromium prints the reports' PDFs; PLAYBOOK_CHROMIUM may name another Chrome instead.
case " $* " in
  *" --no-pdf "*) ;;
  *) [ -n "${PLAYBOOK_CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1 || ensure_packages chromium ;;
esac
echo "playbook: building the tool (release; the first build fetches and compiles dependencies)" >&2
swift build -c release --product playbook 2>&1 | grep -E "error|complete" >&2 || true
[ -x .build/release/playbook ] || { echo "playbook: the build failed; run 'swift build -c release' to see why" >&2; exit 1; }
exec .build/release/playbook build "$@"
