#!/usr/bin/env python3
"""accessibility.py PAGE... — runs axe-core through PyPI's axe-selenium-python on each
page (a file path) in headless chromium, in both colour schemes: the system setting emulated
(prefers-color-scheme through the DevTools protocol) and the page's data-theme set to match, as
site/js/theme.js sets it. Each page is checked at 1280 and at 390 CSS pixels wide (a phone's
layout hides and stacks other things).

The engine: axe-selenium-python 2.1.6 (the last for Python < 3.12) bundles axe-core 3.1.1, from
2018, which flags valid HTML (a <div> grouping a <dt> and its <dd>; autocomplete="off" on a
search box). So the script runs the current axe-core that PyPI's axe-playwright-python bundles
(installed with --no-deps: only its axe.min.js is used, not Playwright), through
axe-selenium-python's Axe(script_url=…). scripts/lib/validators.sh installs both.

Prints one JSON object: {"axe": axe-core's version, "checked": [{"page", "scheme", "width",
"passes" — how many rules passed —, "violations": [{"id", "impact", "help", "nodes": [the
first three targets, with axe's summary of what fails]}]}]}. Every violation is listed,
whatever its impact; the test decides which impacts fail.
"""
import json, os, sys, time

import axe_playwright_python
from axe_selenium_python import Axe

from headless import chromium

pages = [os.path.abspath(p) for p in sys.argv[1:]]
driver = chromium("--allow-file-access-from-files")
axe = Axe(driver, script_url=os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js"))
checked = []
version = None
try:
    for width in (1280, 390):
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
        for scheme in ("light", "dark"):
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                   {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
            for page in pages:
                driver.get("file://" + page)
                end = time.time() + 10
                while driver.execute_script("return document.readyState") != "complete" and time.time() < end:
                    time.sleep(0.05)
                # What theme.js would set from a remembered choice (the report page keeps its own).
                driver.execute_script("if (document.querySelector('.theme-toggle')) document.documentElement.setAttribute('data-theme', arguments[0]);", scheme)
                axe.inject()
                results = axe.run()
                version = results.get("testEngine", {}).get("version", version)
                violations = [{
                    "id": v["id"], "impact": v.get("impact"), "help": v.get("help"),
                    "nodes": [{"target": n.get("target"), "summary": (n.get("failureSummary") or "")[:300]} for n in v["nodes"][:3]],
                    "count": len(v["nodes"]),
                } for v in results["violations"]]
                checked.append({"page": page, "scheme": scheme, "width": width,
                                "passes": len(results["passes"]), "violations": violations})
finally:
    driver.quit()

print(json.dumps({"axe": version, "checked": checked}, indent=1))
