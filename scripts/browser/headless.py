"""What the browser scripts share: Debian's chromium, headless, driven through chromedriver
by selenium, and a wait that reports what did not happen."""
import json, sys, time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


def chromium(*arguments):
    """A headless chromium with the given extra command-line arguments."""
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage") + arguments:
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def waiter(driver, seen):
    """wait(what, condition, timeout): polls condition every 50 ms; when it is not true within
    timeout seconds, prints what was seen so far with "failed": what, and exits 1."""
    def wait(what, condition, timeout=15):
        end = time.time() + timeout
        while time.time() < end:
            try:
                if condition():
                    return True
            except Exception:
                pass
            time.sleep(0.05)
        seen["failed"] = what
        print(json.dumps(seen, indent=1))
        driver.quit()
        sys.exit(1)
    return wait


# What a person sees of an element: its text colour against the background actually behind it
# (WCAG 2 contrast ratio) and whether it is on screen and on top. Backgrounds are composited from
# the element up through its ancestors (crossing shadow roots) until an opaque one, over a white
# canvas; the text colour's own alpha is composited over that. Background images are reported
# (a picture behind text cannot be measured from styles).
LOOK = r"""
function rgba(text) {
  var m = /^rgba?\(([^)]*)\)$/.exec(text || "");
  // A colour this cannot read (oklch(), color-mix() …) must fail the check, not be skipped.
  if (!m) throw new Error("cannot measure the colour " + text);
  var p = m[1].split(/[\s,\/]+/).filter(function (x) { return x !== ""; }).map(Number);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
}
function over(top, bottom) {
  var a = top[3];
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
}
function parentOf(e) {
  if (e.parentElement) return e.parentElement;
  var root = e.parentNode;
  return root && root.host ? root.host : null;
}
function luminance(c) {
  var channel = function (v) { v = v / 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
}
function css(c) { return "rgb(" + c.slice(0, 3).map(Math.round).join(", ") + ")"; }
function look(e) {
  if (!e) return null;
  var layers = [], images = [], opacity = 1, hidden = false, opaque = false;
  for (var n = e; n; n = parentOf(n)) {
    var s = getComputedStyle(n);
    opacity *= Number(s.opacity);
    if (s.display === "none") hidden = true;
    if (opaque) continue;
    if (s.backgroundImage && s.backgroundImage !== "none") images.push(n.tagName.toLowerCase());
    var c = rgba(s.backgroundColor);
    if (c && c[3] > 0) { layers.push(c); opaque = c[3] >= 1; }
  }
  var behind = [255, 255, 255, 1];
  for (var i = layers.length - 1; i >= 0; i--) behind = over(layers[i], behind);
  var style = getComputedStyle(e);
  var text = over(rgba(style.color), behind);
  var a = luminance(text), b = luminance(behind);
  var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  var size = parseFloat(style.fontSize), weight = Number(style.fontWeight) || (style.fontWeight === "bold" ? 700 : 400);
  var large = size >= 24 || (size >= 18.66 && weight >= 700);
  var r = e.getBoundingClientRect();
  var x = r.left + Math.min(r.width, 40) / 2, y = r.top + Math.min(r.height, 20) / 2;
  var root = e.getRootNode();
  var hit = (root.elementFromPoint ? root : document).elementFromPoint(x, y);
  return {
    text: (e.innerText || e.textContent || "").slice(0, 80),
    color: css(text), background: css(behind), ratio: Math.round(ratio * 100) / 100,
    needs: large ? 3 : 4.5, font_size: size, background_images: images,
    width: Math.round(r.width), height: Math.round(r.height),
    in_viewport: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
    on_top: !!hit && (hit === e || e.contains(hit)),
    visible: !hidden && opacity > 0.99 && style.visibility === "visible" && r.width > 0 && r.height > 0
  };
}
"""


# Every element of the page with text of its own (not only in its children), outside SVG, that
# is rendered: what look() says of each.
LOOK_ALL = LOOK + r"""
var seen = [];
var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
for (var e = walker.currentNode; e; e = walker.nextNode()) {
  if (e.namespaceURI !== "http://www.w3.org/1999/xhtml" || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(e.tagName)) continue;
  var own = Array.prototype.some.call(e.childNodes, function (n) { return n.nodeType === 3 && n.nodeValue.trim() !== ""; });
  if (!own || e.getClientRects().length === 0) continue;
  var l = look(e);
  l.tag = e.tagName.toLowerCase() + (e.id ? "#" + e.id : "");
  seen.push(l);
}
return seen;
"""


def look(driver, element):
    """What a person sees of a selenium element (see LOOK): its colour, the background behind it,
    the contrast ratio and the ratio WCAG AA needs for its size, and whether it is visible, in the
    viewport and on top."""
    return driver.execute_script(LOOK + "return look(arguments[0]);", element)


def look_at(driver, expression):
    """The same for the element a JavaScript expression gives (e.g. inside a shadow root)."""
    return driver.execute_script(LOOK + "return look(" + expression + ");")


def look_all(driver):
    """look() for every rendered element of the page with text of its own (SVG aside)."""
    return driver.execute_script(LOOK_ALL)


def readable(seen):
    """Whether a look() result is text a person can read: visible, and with at least the
    contrast WCAG AA asks for (4.5:1, or 3:1 for large text), with no picture behind it."""
    return bool(seen) and seen["visible"] and seen["ratio"] >= seen["needs"] and not seen["background_images"]
