#!/usr/bin/env python3
"""reader-marks.py OUT — opens the reader-marks fixture's output (OUT is its build folder) in
headless chromium at 1280 x 800 and follows what readers click, on the site
(site/notes/01-notes.html) and then in the EPUB's XHTML (xhtml/notes/OEBPS/01-notes.xhtml):
the first footnote reference (to its note), the note's back link (to the reference), and the
"Table 2.1" link (to the table in chapter 2). After each click it records where the browser is
(the page and its fragment), the element :target matches, and whether that element is inside
the window.

Prints one JSON object: {"steps": [{"clicked" — the link's text —, "page", "hash", "target"
— the id of the element :target matches —, "tag", "in_view"}]}.
"""
import json, os, sys, time

from headless import chromium, waiter

out = os.path.abspath(sys.argv[1])

WHERE = """
var target = document.querySelector(':target');
var box = target ? target.getBoundingClientRect() : null;
return {page: location.pathname.split('/').slice(-2).join('/'), hash: location.hash,
        target: target ? target.id : null, tag: target ? target.tagName.toLowerCase() : null,
        in_view: box ? box.top >= -1 && box.bottom <= innerHeight && box.height > 0 : false,
        box: box ? [Math.round(box.top), Math.round(box.bottom)] : null};
"""

driver = chromium("--hide-scrollbars", "--allow-file-access-from-files")
seen = {"steps": []}
wait = waiter(driver, seen)
try:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False})

    def click(selector, expected_hash):
        link = driver.find_element("css selector", selector)
        text = link.text
        # Scroll the link into the middle of the window first, as a reader would have it.
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
        link.click()
        wait("the click on " + selector + " lands on " + expected_hash,
             lambda: driver.execute_script("return location.hash") == expected_hash
             and driver.execute_script("return document.readyState") == "complete")
        step = driver.execute_script(WHERE)
        step["clicked"] = text
        seen["steps"].append(step)

    for start, extension in (("site/notes/01-notes.html", "html"), ("xhtml/notes/OEBPS/01-notes.xhtml", "xhtml")):
        driver.get("file://" + os.path.join(out, start))
        wait("the chapter loads", lambda: driver.execute_script("return document.readyState") == "complete")
        click("a#fnref-1", "#fn-1")
        click("#fn-1 a[role=doc-backlink]", "#fnref-1")
        click("a[href='02-numbers." + extension + "#tbl-costs']", "#tbl-costs")
finally:
    driver.quit()

print(json.dumps(seen, indent=1, ensure_ascii=False))
