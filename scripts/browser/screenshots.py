#!/usr/bin/env python3
"""screenshots.py OUT PAGE... — full-page screenshots of site pages (file paths) in headless
chromium, for people to look at: each page at 390 and 1440 CSS pixels wide, in the light and
the dark colour scheme (prefers-color-scheme emulated), as OUT/<page name>-<width>-<scheme>.png.
A page given as PATH?QUERY opens with that query (the search page). Prints the files written.
"""
import base64, os, sys, time

from headless import chromium

out = os.path.abspath(sys.argv[1])
os.makedirs(out, exist_ok=True)
driver = chromium("--hide-scrollbars", "--allow-file-access-from-files")
try:
    for scheme in ("light", "dark"):
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        for width in (390, 1440):
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
            for page in sys.argv[2:]:
                path, _, query = page.partition("?")
                driver.get("file://" + os.path.abspath(path) + ("?" + query if query else ""))
                end = time.time() + 10
                while driver.execute_script("return document.readyState") != "complete" and time.time() < end:
                    time.sleep(0.05)
                time.sleep(0.3)
                height = min(driver.execute_script("return document.documentElement.scrollHeight"), 16000)
                shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
                    "format": "png", "captureBeyondViewport": True,
                    "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
                name = os.path.splitext(os.path.basename(path))[0]
                if name == "index" and os.path.basename(os.path.dirname(path)) != "site":
                    name = os.path.basename(os.path.dirname(path))
                file = os.path.join(out, "%s-%d-%s.png" % (name, width, scheme))
                with open(file, "wb") as f:
                    f.write(base64.b64decode(shot["data"]))
                print(file)
finally:
    driver.quit()
