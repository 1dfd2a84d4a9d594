#!/usr/bin/env python3
"""theme.py PAGE — the colour scheme of a site page (a file path) in headless chromium, as a
reader meets it (site/js/theme.js and the stylesheet's dark colours):

1. with the system set to light, then to dark (prefers-color-scheme emulated through the
   DevTools protocol), and nothing chosen: the page's data-theme, the body's computed
   background and text colours, the toggle button's aria-pressed and text;
2. with the system light, a click on the toggle: the same, then again after a reload (the
   choice is remembered in localStorage "playbook-theme"), then with the system dark (the
   choice still wins), then a second click and a reload;
3. with JavaScript's choice left out (data-theme removed) and the system dark: the colours the
   stylesheet alone gives (a reader without JavaScript).

Prints one JSON object: {"steps": [{"step", "theme", "background", "color", "pressed",
"button", "stored"}]}.
"""
import json, os, sys, time

from selenium.webdriver.common.by import By

from headless import chromium

page = "file://" + os.path.abspath(sys.argv[1])
driver = chromium("--window-size=1280,800", "--allow-file-access-from-files")
steps = []


def scheme(value):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": value}]})


def load():
    driver.get(page)
    end = time.time() + 10
    while driver.execute_script("return document.readyState") != "complete" and time.time() < end:
        time.sleep(0.05)


def seen(step):
    state = driver.execute_script("""
      var b = getComputedStyle(document.body), t = document.querySelector('.theme-toggle');
      var stored = null; try { stored = localStorage.getItem('playbook-theme'); } catch (e) {}
      return {theme: document.documentElement.getAttribute('data-theme'), background: b.backgroundColor, color: b.color,
              pressed: t ? t.getAttribute('aria-pressed') : null, button: t && !t.hidden ? t.textContent : null,
              stored: stored};""")
    state["step"] = step
    steps.append(state)


try:
    scheme("light")
    load()
    driver.execute_script("localStorage.removeItem('playbook-theme')")
    load()
    seen("system light")
    scheme("dark")
    load()
    seen("system dark")
    scheme("light")
    load()
    driver.find_element(By.CSS_SELECTOR, ".theme-toggle").click()
    seen("system light, toggled")
    load()
    seen("system light, toggled, reloaded")
    scheme("dark")
    load()
    seen("system dark, chose dark, reloaded")
    driver.find_element(By.CSS_SELECTOR, ".theme-toggle").click()
    load()
    seen("system dark, toggled back, reloaded")
    driver.execute_script("localStorage.removeItem('playbook-theme'); document.documentElement.removeAttribute('data-theme')")
    seen("system dark, no script's choice")
    driver.execute_script("localStorage.removeItem('playbook-theme')")
finally:
    driver.quit()

print(json.dumps({"steps": steps}, indent=1))
