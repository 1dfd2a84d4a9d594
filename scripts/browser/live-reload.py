#!/usr/bin/env python3
"""live-reload.py PAGE_URL CHAPTER_FILE [PNG] — drives Debian's headless chromium through
chromedriver (selenium) against a running `playbook serve`:

1. opens the page and scrolls down;
2. appends a sentence to the chapter's file: the page must show it without being touched,
   at the same scroll position, and be readable (headless.look);
3. appends a broken tag: the failure overlay must appear with the diagnostic, and be what a
   person can read: it covers the viewport and is on top, and its title, help line and
   diagnostic each have at least WCAG AA contrast against what is behind them (headless.look);
   with PNG, the screen is saved there;
4. removes it: the overlay must go and the page reload.

Prints one JSON object with what it saw; exits 1 when a step did not happen within 15 s.
"""
import json, sys

from headless import chromium, look, look_at, waiter

url, chapter = sys.argv[1], sys.argv[2]
png = sys.argv[3] if len(sys.argv) > 3 else None
driver = chromium("--window-size=1200,800")
seen = {}
wait = waiter(driver, seen)


def append(text):
    with open(chapter, "a", encoding="utf-8") as f:
        f.write(text)


try:
    original = open(chapter, encoding="utf-8").read()
    driver.get(url)
    wait("the page loads", lambda: driver.execute_script("return document.readyState") == "complete")
    wait("the event stream opens", lambda: driver.execute_script("return window.playbookPreview !== undefined"))
    driver.execute_script("window.scrollTo(0, 600); window.__before_reload = true;")
    seen["scroll_before"] = driver.execute_script("return window.scrollY")

    append("\nA sentence the browser test added.\n")
    wait("the edit appears", lambda: "A sentence the browser test added." in driver.find_element("tag name", "body").text)
    wait("the page listens again", lambda: driver.execute_script("return window.playbookPreview !== undefined"))
    seen["reloaded"] = driver.execute_script("return window.__before_reload === undefined")
    wait("the scroll position is restored", lambda: abs(driver.execute_script("return window.scrollY") - seen["scroll_before"]) <= 2, 5)
    seen["scroll_after"] = driver.execute_script("return window.scrollY")
    added = driver.find_element("xpath", "//p[normalize-space(.)='A sentence the browser test added.']")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", added)
    seen["edit_look"] = look(driver, added)
    driver.execute_script("window.scrollTo(0, arguments[0]);", seen["scroll_after"])

    driver.execute_script("window.__before_failure = true;")
    append("\nBroken {{ no_such_value }} tag.\n")
    wait("the failure overlay appears", lambda: driver.find_element("id", "playbook-build-failure").is_displayed())
    # The overlay's parts are in its shadow root (or, in an overlay without one, in itself).
    part = "(function (o) { return (o.shadowRoot || o).querySelector('%s'); })(document.getElementById('playbook-build-failure'))"
    seen["overlay"] = driver.execute_script(
        "var o = document.getElementById('playbook-build-failure'); return (o.shadowRoot ? o.shadowRoot.querySelector('.panel') : o).innerText;")
    seen["overlay_covers"] = driver.execute_script(
        "var o = document.getElementById('playbook-build-failure'); var r = o.getBoundingClientRect();"
        "return r.left === 0 && r.top === 0 && r.width === document.documentElement.clientWidth && r.height === document.documentElement.clientHeight"
        " && document.elementFromPoint(innerWidth / 2, innerHeight / 2) === o;")
    seen["overlay_looks"] = {name: look_at(driver, part % name) for name in ("h2", "p", "pre")}
    if png:
        driver.save_screenshot(png)
    seen["kept_page_during_failure"] = driver.execute_script("return window.__before_failure === true")

    with open(chapter, "w", encoding="utf-8") as f:
        f.write(original + "\nA sentence the browser test added.\n")
    wait("the overlay goes after the fix", lambda: driver.execute_script(
        "return window.__before_failure === undefined && !document.getElementById('playbook-build-failure')"))
    seen["overlay_cleared"] = True
    wait("the fixed page shows the edit", lambda: "A sentence the browser test added." in driver.find_element("tag name", "body").text)
    print(json.dumps(seen, indent=1))
finally:
    driver.quit()
