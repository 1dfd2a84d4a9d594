#!/usr/bin/env python3
"""overflow.py PAGE WIDTH... — opens a site page (a file path) in headless chromium at each
WIDTH (CSS pixels, 900 high) and lists every element that reaches beyond the window's width:
its right edge past the window, or its left edge before 0. An element inside a box that
scrolls sideways (overflow-x auto or scroll) is inside that box, not beyond the window, and is
not listed; the box itself is.

Also measures the smallest text of the charts as drawn: each SVG label's font size times the
scale its drawing is shown at (rendered width over the viewBox's width), in CSS pixels; and
lists each chart label that an axis or marker line crosses (their boxes overlap on screen).

Prints one JSON object: {"<width>": {"page_scroll_width", "client_width", "wider": [{"element",
"left", "right"}], "chart_text_px": the smallest chart text, or null without charts,
"crossed_labels": [the text of each label a line crosses], "inputs_value_px": the narrowest value
box of a worked example's inputs (each <dd> of .pb-inputs), in CSS pixels, or null without one}}.
"""
import json, os, sys, time

from headless import chromium

page = "file://" + os.path.abspath(sys.argv[1])
widths = [int(w) for w in sys.argv[2:]]

FIND = """
var width = document.documentElement.clientWidth, wider = [];
function scrolled(e) {
  for (var n = e.parentElement; n && n !== document.body; n = n.parentElement) {
    var o = getComputedStyle(n).overflowX;
    if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
  }
  return false;
}
function name(e) {
  return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
}
document.querySelectorAll('body *').forEach(function (e) {
  var r = e.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return;
  if (getComputedStyle(e).visibility === 'hidden') return;  // not drawn: the closed drawer of chapters
  if (getComputedStyle(e).position === 'absolute' && r.right < 0) return;  // off-screen on purpose (the skip link)
  if ((r.right > width + 0.5 || r.left < -0.5) && !scrolled(e)) wider.push({element: name(e), left: Math.round(r.left), right: Math.round(r.right)});
});
var smallest = null;
document.querySelectorAll('svg.pb-chart-svg').forEach(function (svg) {
  var scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  svg.querySelectorAll('text').forEach(function (t) {
    var px = parseFloat(getComputedStyle(t).fontSize) * scale;
    if (smallest === null || px < smallest) smallest = Math.round(px * 10) / 10;
  });
});
var crossed = [];
document.querySelectorAll('svg.pb-chart-svg').forEach(function (svg) {
  var lines = Array.prototype.map.call(svg.querySelectorAll('line.pb-axis, line.pb-marker'), function (l) { return l.getBoundingClientRect(); });
  svg.querySelectorAll('text').forEach(function (t) {
    var r = t.getBoundingClientRect();
    // The glyphs' box: the text box less the room a line leaves above and below the letters.
    var top = r.top + r.height * 0.2, bottom = r.bottom - r.height * 0.2;
    if (lines.some(function (l) { return l.left < r.right && l.right > r.left && l.top < bottom && l.bottom > top; })) crossed.push(t.textContent);
  });
});
var values = Array.prototype.map.call(document.querySelectorAll('.pb-inputs dd'), function (d) { return d.getBoundingClientRect().width; });
return {page_scroll_width: document.documentElement.scrollWidth, client_width: width, wider: wider.slice(0, 20),
        chart_text_px: smallest, crossed_labels: crossed,
        inputs_value_px: values.length ? Math.round(Math.min.apply(null, values)) : null};
"""

driver = chromium("--hide-scrollbars", "--allow-file-access-from-files")
seen = {}
try:
    for width in widths:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
        driver.get(page)
        end = time.time() + 10
        while driver.execute_script("return document.readyState") != "complete" and time.time() < end:
            time.sleep(0.05)
        seen[str(width)] = driver.execute_script(FIND)
finally:
    driver.quit()

print(json.dumps(seen, indent=1))
