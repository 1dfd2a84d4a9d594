#!/usr/bin/env python3
"""reader-view.py OEBPS_FOLDER [PNG_FOLDER] — reads an unzipped EPUB (build/xhtml/<book>/OEBPS)
in headless chromium at the size of an e-reader's page (600 × 800 CSS pixels), in reading
order (the spine of package.opf), the way a reading system shows XHTML with the book's own
stylesheet:

- every page is checked for content wider than the page (which a reader would have to
  scroll sideways or would cut off) and for images that do not load;
- every element with text of its own is checked for what a person sees (headless.look): it is
  visible and its colour has WCAG AA contrast against the background behind it; "looked"
  counts them, "unreadable" lists those that fail (at most 10);
- every page is checked for `<details>` (which many reading systems do not open: a chart's
  data must be a plain table there) and for long tables: "tables" lists each table's caption,
  the class of the computed block holding it ("pb-assumptions"…, or "") and its height in screens (its height over the page's 800 px), so a test can bound how far a
  reader scrolls through a reference table such as the assumptions appendix;
- the page's epub:type (the section's: titlepage, copyright-page, chapter…) is reported;
- with PNG_FOLDER, each page is saved as <n>-<file>.png, its whole height (up to 12,000 px).

Prints one JSON object: {"pages": [{"file", "title", "type", "height", "too_wide": [...],
"broken_images": [...], "details", "tables": [{"caption", "block", "screens"}], "looked",
"unreadable": [...]}]}.
"""
import base64, json, os, re, sys, time
import xml.etree.ElementTree as ET

from headless import chromium, look_all, readable

folder = os.path.abspath(sys.argv[1])
pngs = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else None
width, height = 600, 800

opf = ET.parse(os.path.join(folder, "package.opf")).getroot()
ns = {"opf": "http://www.idpf.org/2007/opf"}
manifest = {item.get("id"): item.get("href") for item in opf.find("opf:manifest", ns)}
spine = [manifest[ref.get("idref")] for ref in opf.find("opf:spine", ns)]

driver = chromium("--hide-scrollbars", "--allow-file-access-from-files")
driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                       {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

MEASURE = """
var limit = document.documentElement.clientWidth;
var wide = [];
document.querySelectorAll('body *').forEach(function (e) {
  var r = e.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return;
  var inScroller = false;
  for (var p = e.parentElement; p; p = p.parentElement) {
    var s = getComputedStyle(p);
    if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && p.scrollWidth > p.clientWidth) { inScroller = true; break; }
  }
  if (r.right > limit + 1 && !inScroller) {
    wide.push(e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : '') + ' ' + Math.round(r.right) + 'px');
  }
});
var broken = [];
document.querySelectorAll('img').forEach(function (i) { if (!i.complete || i.naturalWidth === 0) broken.push(i.getAttribute('src')); });
var tables = [];
document.querySelectorAll('table').forEach(function (t) {
  var c = t.querySelector('caption');
  var block = t.closest('.pb-block');
  var kind = block ? (Array.prototype.find.call(block.classList, function (k) { return k !== 'pb-block'; }) || '') : '';
  tables.push({caption: c ? c.textContent.trim() : '', block: kind, screens: Math.round(t.getBoundingClientRect().height / window.innerHeight * 100) / 100});
});
var type = '';
document.querySelectorAll('body *').forEach(function (e) {
  if (!type && e.getAttributeNS('http://www.idpf.org/2007/ops', 'type')) type = e.getAttributeNS('http://www.idpf.org/2007/ops', 'type');
});
return {title: document.title, type: type, height: document.documentElement.scrollHeight,
        details: document.querySelectorAll('details').length, tables: tables,
        scroll_width: document.documentElement.scrollWidth, too_wide: wide.slice(0, 10), broken_images: broken};
"""

pages = []
try:
    for number, href in enumerate(spine, 1):
        driver.get("file://" + os.path.join(folder, href))
        end = time.time() + 10
        while driver.execute_script("return document.readyState") != "complete" and time.time() < end:
            time.sleep(0.05)
        seen = driver.execute_script(MEASURE)
        seen["file"] = href
        if seen["scroll_width"] > width and not seen["too_wide"]:
            seen["too_wide"] = ["html %dpx" % seen["scroll_width"]]
        del seen["scroll_width"]
        looks = look_all(driver)
        seen["looked"] = len(looks)
        seen["unreadable"] = [l for l in looks if not readable(l)][:10]
        if pngs:
            os.makedirs(pngs, exist_ok=True)
            full = min(seen["height"], 12000)
            shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": width, "height": full, "scale": 1}})
            name = "%02d-%s.png" % (number, re.sub(r"[^A-Za-z0-9.-]", "_", href.rsplit(".", 1)[0]))
            with open(os.path.join(pngs, name), "wb") as f:
                f.write(base64.b64decode(shot["data"]))
        pages.append(seen)
finally:
    driver.quit()

print(json.dumps({"pages": pages}, indent=1, ensure_ascii=False))
