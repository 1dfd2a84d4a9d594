#!/usr/bin/env python3
"""table-fit.py PAGE WIDTH [PNG] [--no-js] — opens an HTML page (a client report's index.html,
or a site page) in headless chromium at WIDTH CSS pixels (800 high) and measures each computed
table on it: whether its scroll box scrolls sideways (scrollWidth against clientWidth), how wide
the box is, whether its last column ("Present value") is within the window, and how many lines
the tallest row heading wraps onto. With PNG (a path ending in .png), saves the whole window's
width around each of the first cash-flow table, lines table, key findings and breakdown chart,
as PNG with -cash-flow, -lines, -key-findings, -breakdown before .png. With --no-js the page's
own scripts do not run (a reader without JavaScript).

Prints one JSON object: {"width", "toc_left" — the left edge of "On this page", null without
one —, "page_scroll_width", "tables": [{"block" — the block's class, such as pb-cash-flow —,
"caption", "scroll_width", "client_width", "box_width", "last_head", "last_head_right",
"heading_lines", "cell_lines" — the most lines any cell of the table wraps onto —, "box_left",
"box_right"}], "toc_at_top", "toc_by_assumptions" — the visibility of "On this page" at the
chapter's top and with the assumptions table in the middle of the window (absent without)}.
"""
import base64, json, os, sys, time

from headless import chromium

arguments = [a for a in sys.argv[1:] if a != "--no-js"]
no_js = "--no-js" in sys.argv[1:]
page = os.path.abspath(arguments[0])
width = int(arguments[1])
png = os.path.abspath(arguments[2]) if len(arguments) > 2 else None

MEASURE = """
var tables = [];
document.querySelectorAll('.pb-block .pb-table-scroll').forEach(function (box) {
  var table = box.querySelector('table');
  var block = box.closest('.pb-block');
  var heads = table.querySelectorAll('thead th');
  var last = heads.length ? heads[heads.length - 1] : null;
  // The lines a cell's own text takes: the distinct tops of its text's boxes.
  function linesOf(cell) {
    var range = document.createRange();
    range.selectNodeContents(cell);
    var tops = {};
    Array.prototype.forEach.call(range.getClientRects(), function (r) { if (r.width > 0) tops[Math.round(r.top)] = true; });
    return Object.keys(tops).length;
  }
  var lines = 0, cellLines = 0;
  table.querySelectorAll('tbody th[scope="row"]').forEach(function (th) { lines = Math.max(lines, linesOf(th)); });
  table.querySelectorAll('tbody td, tbody th').forEach(function (cell) { cellLines = Math.max(cellLines, linesOf(cell)); });
  var rect = box.getBoundingClientRect();
  var caption = table.querySelector('caption');
  tables.push({
    block: Array.prototype.filter.call(block.classList, function (c) { return c !== 'pb-block'; }).join(' '),
    caption: caption ? caption.textContent : '',
    scroll_width: box.scrollWidth, client_width: box.clientWidth,
    box_width: Math.round(box.getBoundingClientRect().width),
    last_head: last ? last.textContent : '',
    last_head_right: last ? Math.round(last.getBoundingClientRect().right) : 0,
    heading_lines: lines, cell_lines: cellLines,
    box_left: Math.round(rect.left), box_right: Math.round(rect.right)
  });
});
var toc = document.querySelector('.chapter.has-toc .page-toc');
return {toc_left: toc ? Math.round(toc.getBoundingClientRect().left) : null, width: document.documentElement.clientWidth, page_scroll_width: document.documentElement.scrollWidth,
        height: document.documentElement.scrollHeight, tables: tables};
"""

driver = chromium("--hide-scrollbars", "--allow-file-access-from-files")
try:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": False})
    if no_js:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    driver.get("file://" + page)
    if no_js:
        # The page's own scripts did not run; this script's measures may.
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    end = time.time() + 10
    while driver.execute_script("return document.readyState") != "complete" and time.time() < end:
        time.sleep(0.05)
    seen = driver.execute_script(MEASURE)
    # "On this page" beside a wide table: whether it is drawn (visibility) at the chapter's top
    # and with the assumptions table in the middle of the window (null without either).
    toc_state = "var t = document.querySelector('.chapter.has-toc .page-toc'); return t ? getComputedStyle(t).visibility : null;"
    driver.execute_script("window.scrollTo(0, 0)")
    time.sleep(0.4)
    seen["toc_at_top"] = driver.execute_script(toc_state)
    if driver.execute_script("var e = document.querySelector('.pb-assumptions .pb-table-scroll'); if (e) e.scrollIntoView({block: 'center'}); return !!e;"):
        time.sleep(0.4)
        seen["toc_by_assumptions"] = driver.execute_script(toc_state)
    driver.execute_script("window.scrollTo(0, 0)")
    if png:
        for name, selector in (("cash-flow", ".pb-cash-flow"), ("lines", ".pb-lines .pb-line"),
                               ("key-findings", ".pb-key-findings"), ("breakdown", ".pb-chart-breakdown")):
            box = driver.execute_script(
                "var e = document.querySelector(arguments[0]); if (!e) return null;"
                "var r = e.getBoundingClientRect(); return [r.top + scrollY, r.height];", selector)
            if not box:
                continue
            shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": max(box[0] - 10, 0), "width": width, "height": min(box[1] + 20, 4000), "scale": 1}})
            with open(png[:-4] + "-" + name + ".png", "wb") as f:
                f.write(base64.b64decode(shot["data"]))
finally:
    driver.quit()

print(json.dumps(seen, indent=1, ensure_ascii=False))
