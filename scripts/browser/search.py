#!/usr/bin/env python3
"""search.py SITE_URL QUERY — drives Debian's headless chromium through chromedriver
(selenium) through the site's offline search, as a reader uses it:

1. opens SITE_URL + "index.html" (a file:// URL or the preview server's) and types QUERY
   into the search box in the page's header, then presses Enter;
2. reads the results on search.html: each one's link, heading, "book · chapter" line and
   snippet (with the words it marks);
3. follows the first result: the page it opens must have an element whose id is the link's
   fragment, and that element's text must be the result's heading;
4. searches for a word that is nowhere and reads the message;
5. types into the search page's own box: the results change as the reader types.

What a person sees is checked as well (headless.look): on the results page, every element with
text of its own and the search box must be readable (WCAG AA contrast against what is behind
it, visible), the status line and the first result in the viewport; the heading a result opens
must be readable and in the viewport. "looked" counts the elements checked, "unreadable" lists
those that are not.

Prints one JSON object with what it saw; exits 1 when a step did not happen within 15 s.
"""
import json, sys

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from headless import chromium, look, look_all, readable, waiter

site, query = sys.argv[1], sys.argv[2]
driver = chromium("--window-size=1200,800")
seen = {}
wait = waiter(driver, seen)


def results():
    found = []
    for item in driver.find_elements(By.CSS_SELECTOR, "#pb-search-results > li"):
        link = item.find_element(By.CSS_SELECTOR, "h2 a")
        snippets = item.find_elements(By.CSS_SELECTOR, ".search-snippet")
        found.append({
            "href": link.get_attribute("href").removeprefix(site),
            "heading": link.text,
            "where": item.find_element(By.CSS_SELECTOR, ".search-where").text,
            "snippet": snippets[0].text if snippets else "",
            "marked": [mark.text for mark in item.find_elements(By.CSS_SELECTOR, "mark")],
        })
    return found


try:
    driver.get(site + "index.html")
    wait("the home page loads", lambda: driver.execute_script("return document.readyState") == "complete")
    box = driver.find_element(By.CSS_SELECTOR, "header form[role=search] input[name=q]")
    box.send_keys(query)
    box.send_keys(Keys.ENTER)
    wait("the search page shows results", lambda: len(driver.find_elements(By.CSS_SELECTOR, "#pb-search-results > li")) > 0)
    seen["url"] = driver.current_url.removeprefix(site)
    seen["status"] = driver.find_element(By.ID, "pb-search-status").text
    seen["box"] = driver.find_element(By.ID, "pb-search-query").get_attribute("value")
    seen["results"] = results()
    looks = look_all(driver) + [look(driver, driver.find_element(By.ID, "pb-search-query"))]
    in_view = [look(driver, driver.find_element(By.ID, "pb-search-status")),
               look(driver, driver.find_element(By.CSS_SELECTOR, "#pb-search-results > li h2 a"))]

    first = driver.find_element(By.CSS_SELECTOR, "#pb-search-results > li h2 a")
    first.click()
    wait("the first result opens", lambda: "#" in driver.current_url and "search.html" not in driver.current_url)
    seen["opened"] = driver.current_url.removeprefix(site)
    fragment = driver.current_url.split("#", 1)[1]
    target = driver.find_elements(By.ID, fragment)
    seen["target"] = target[0].text if target else None
    seen["target_in_view"] = driver.execute_script(
        "var e = document.getElementById(arguments[0]); if (!e) return false;"
        "var r = e.getBoundingClientRect(); return r.top >= -1 && r.top < window.innerHeight;", fragment)
    if target:
        in_view.append(look(driver, target[0]))
    looks += in_view
    seen["looked"] = len(looks)
    seen["lowest"] = min(looks, key=lambda l: l["ratio"] / l["needs"])
    seen["unreadable"] = [l for l in looks if not readable(l)] + [l for l in in_view if not l["in_viewport"]]

    driver.get(site + "search.html?q=zzqxv")
    wait("the empty search says so", lambda: driver.find_element(By.ID, "pb-search-status").text != "")
    seen["nothing"] = driver.find_element(By.ID, "pb-search-status").text
    seen["nothing_count"] = len(driver.find_elements(By.CSS_SELECTOR, "#pb-search-results > li"))

    box = driver.find_element(By.ID, "pb-search-query")
    box.clear()
    box.send_keys(query)
    wait("results appear while typing", lambda: len(driver.find_elements(By.CSS_SELECTOR, "#pb-search-results > li")) > 0)
    seen["typed_count"] = len(results())
finally:
    driver.quit()

print(json.dumps(seen, indent=1, ensure_ascii=False))
