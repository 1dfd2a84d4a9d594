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
