#!/usr/bin/env python3
"""navigation.py SITE_URL BOOK — drives Debian's headless chromium through chromedriver
(selenium) through the site's navigation, as a reader uses it, on the site at SITE_URL (a
file:// URL or the preview server's, ending in "/") and its book BOOK (a folder name):

1. the book's page: the sidebar marks the book, "/" puts the focus in the search box,
   ArrowRight opens the first chapter; then the book's second chapter, 1280 x 900: the
   sidebar's link marked aria-current="page" (its text and href), and that the sidebar lists
   every chapter of the book;
2. "On this page": each heading scrolled to the top of the window in turn, the entry it marks
   (aria-current="true"), and that the column stays in view (sticky) while scrolling;
3. the arrow keys: ArrowRight opens the next chapter, ArrowLeft comes back; typing an arrow
   key in the search box moves nothing;
4. the header's search box on the home page: typing "deflection" shows suggestions (their
   titles), ArrowDown + Enter opens the first one's section (the heading with that id, in
   view); typing again and clicking the second suggestion opens its section;
5. search.html?q=deflection: the status line, the number of results, the query in the page's
   box and in the header's box;
6. every page type (home, book, chapter, search) at 390, 768, 1280 and 1920 px wide: the
   elements wider than the window or sticking out of it (not clipped by a scrolling box), the
   header's height and how many rows its items take;
7. at 390 px: the menu button opens the sidebar over the page (the text does not move), Escape
   closes it and gives the focus back to the button;
8. without JavaScript at 390 px: nothing wider than the window, no menu button, the sidebar's
   list after the text.

Prints one JSON object with what it saw; exits 1 when a step did not happen within 15 s.
"""
import json, sys

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from headless import chromium, waiter

site, book = sys.argv[1], sys.argv[2]
driver = chromium("--window-size=1280,900")
seen = {}
wait = waiter(driver, seen)


def loaded():
    return driver.execute_script("return document.readyState") == "complete"


def path():
    return driver.current_url.removeprefix(site)


# Elements that stick out of the window: their box passes its left or right edge and no
# ancestor that clips (overflow other than visible) keeps them in; hidden ones do not count.
OVERFLOW = r"""
var vw = document.documentElement.clientWidth, out = [];
var all = document.body.getElementsByTagName("*");
for (var i = 0; i < all.length; i++) {
  var e = all[i], r = e.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) continue;
  if (r.left >= -1 && r.right <= vw + 1) continue;
  if (r.right <= 0 || r.left >= vw) continue;  // moved off screen on purpose (the skip link); scroll_width tells the rest
  var s = getComputedStyle(e);
  if (s.visibility === "hidden") continue;
  var clipped = false;
  for (var p = e.parentElement; p && p !== document.body; p = p.parentElement) {
    var ps = getComputedStyle(p);
    if (ps.overflowX !== "visible" || ps.visibility === "hidden") {
      var pr = p.getBoundingClientRect();
      if (pr.left >= -1 && pr.right <= vw + 1 || ps.visibility === "hidden") { clipped = true; break; }
    }
  }
  if (clipped) continue;
  out.push(e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && e.className.baseVal === undefined ? "." + String(e.className).split(" ").join(".") : "")
           + " " + Math.round(r.left) + ".." + Math.round(r.right));
}
return {overflowing: out.slice(0, 10), scroll_width: document.documentElement.scrollWidth, width: vw};
"""

# The header's height and how many rows its visible items take (items whose tops differ by
# more than half an item's height are on different rows).
HEADER = r"""
var header = document.querySelector(".site-header"), tops = [];
Array.prototype.forEach.call(header.children, function (e) {
  var r = e.getBoundingClientRect();
  if (r.width === 0 || r.height === 0 || e.classList.contains("skip-link")) return;
  var middle = r.top + r.height / 2;
  if (!tops.some(function (t) { return Math.abs(t - middle) < 12; })) tops.push(middle);
});
return {height: Math.round(header.getBoundingClientRect().height), rows: tops.length};
"""

try:
    # 1. The sidebar marks the current chapter.
    driver.get(site + book + "/index.html")
    wait("the book's page loads", loaded)
    chapters = [a.get_attribute("href").removeprefix(site) for a in driver.find_elements(By.CSS_SELECTOR, ".contents li > a")]
    seen["book_page_marked"] = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#pb-sidebar a[aria-current=page]")]
    driver.find_element(By.TAG_NAME, "h1").click()
    ActionChains(driver).send_keys("/").perform()
    seen["slash_focuses_search"] = driver.execute_script("return document.activeElement.matches('.site-search input[name=q]')")
    driver.find_element(By.TAG_NAME, "h1").click()
    ActionChains(driver).send_keys(Keys.ARROW_RIGHT).perform()
    wait("ArrowRight on the book's page opens its first chapter", lambda: path() == chapters[0])
    seen["book_arrow_right"] = path()
    driver.get(site + chapters[1])
    wait("the second chapter loads", loaded)
    marked = driver.find_elements(By.CSS_SELECTOR, "#pb-sidebar a[aria-current=page]")
    seen["chapter"] = path()
    seen["sidebar_marked"] = [{"text": a.text, "href": a.get_attribute("href").removeprefix(site)} for a in marked]
    seen["sidebar_chapters"] = len(driver.find_elements(By.CSS_SELECTOR, "#pb-sidebar .sidebar-chapters a"))
    seen["book_chapters"] = len(chapters)
    seen["sidebar_books"] = [a.text.replace("\n", " ") for a in driver.find_elements(By.CSS_SELECTOR, "#pb-sidebar .sidebar-book > a")]

    # 2. "On this page" follows the scroll.
    toc = driver.find_elements(By.CSS_SELECTOR, ".page-toc a")
    anchors = [a.get_attribute("href").split("#", 1)[1] for a in toc]
    seen["toc_open"] = driver.execute_script("return document.querySelector('.page-toc-details').open")
    followed = []
    for anchor in anchors:
        driver.execute_script("document.getElementById(arguments[0]).scrollIntoView({block: 'start'})", anchor)
        wait("'On this page' marks " + anchor,
             lambda: driver.execute_script("var a = document.querySelector('.page-toc a[aria-current=true]'); return a && a.getAttribute('href');") == "#" + anchor)
        followed.append(anchor)
    seen["toc_followed"] = len(followed) == len(anchors)
    seen["toc_entries"] = len(anchors)
    seen["toc_in_view"] = driver.execute_script(
        "var r = document.querySelector('.page-toc').getBoundingClientRect(); return r.top >= 0 && r.top < 100 && r.right <= innerWidth;")
    driver.execute_script("window.scrollTo(0, 0)")
    wait("nothing is marked above the first section",
         lambda: driver.execute_script("return document.querySelectorAll('.page-toc a[aria-current]').length") == 0)

    # 3. The arrow keys.
    box = driver.find_element(By.CSS_SELECTOR, ".site-search input[name=q]")
    box.click()
    box.send_keys(Keys.ARROW_RIGHT)
    seen["arrow_in_box_stays"] = path() == chapters[1]
    driver.find_element(By.TAG_NAME, "h1").click()
    ActionChains(driver).send_keys(Keys.ARROW_RIGHT).perform()
    wait("ArrowRight opens the next chapter", lambda: path() == chapters[2])
    seen["arrow_right"] = path()
    wait("the next chapter loads", loaded)
    driver.find_element(By.TAG_NAME, "h1").click()
    ActionChains(driver).send_keys(Keys.ARROW_LEFT).perform()
    wait("ArrowLeft comes back", lambda: path() == chapters[1])
    seen["arrow_left"] = path()

    # 4. The header's search box shows results as the reader types.
    driver.get(site + "index.html")
    wait("the home page loads", loaded)
    box = driver.find_element(By.CSS_SELECTOR, ".site-search input[name=q]")
    box.click()
    box.send_keys("deflection")
    options = lambda: driver.find_elements(By.CSS_SELECTOR, "#pb-search-suggestions [role=option]")
    wait("suggestions appear", lambda: len(options()) > 1)
    seen["suggestions"] = [o.find_element(By.CSS_SELECTOR, ".search-suggestion-title").text for o in options()]
    seen["expanded"] = box.get_attribute("aria-expanded")
    first = options()[0].get_attribute("href").removeprefix(site)
    second = options()[1].get_attribute("href").removeprefix(site)
    box.send_keys(Keys.ARROW_DOWN)
    seen["active"] = box.get_attribute("aria-activedescendant")
    box.send_keys(Keys.ENTER)
    wait("Enter opens the first suggestion", lambda: path() == first)
    wait("its page loads", loaded)

    def landed():
        fragment = driver.current_url.split("#", 1)[1]
        return driver.execute_script(
            "var e = document.getElementById(decodeURIComponent(arguments[0])); if (!e) return null;"
            "var r = e.getBoundingClientRect(); return {text: e.textContent, in_view: r.top >= -1 && r.top < innerHeight};", fragment)
    seen["entered"] = {"url": path(), "target": landed()}
    driver.get(site + "index.html")
    wait("the home page loads again", loaded)
    box = driver.find_element(By.CSS_SELECTOR, ".site-search input[name=q]")
    box.click()
    box.send_keys("deflection")
    wait("suggestions appear again", lambda: len(options()) > 1)
    options()[1].click()
    wait("a click opens the second suggestion", lambda: path() == second)
    wait("its page loads", loaded)
    seen["clicked"] = {"url": path(), "target": landed()}

    # 5. search.html?q= keeps the query.
    driver.get(site + "search.html?q=deflection")
    wait("the search page shows results", lambda: len(driver.find_elements(By.CSS_SELECTOR, "#pb-search-results > li")) > 0)
    seen["search_status"] = driver.find_element(By.ID, "pb-search-status").text
    seen["search_results"] = len(driver.find_elements(By.CSS_SELECTOR, "#pb-search-results > li"))
    seen["search_box"] = driver.find_element(By.ID, "pb-search-query").get_attribute("value")
    seen["header_box"] = driver.find_element(By.CSS_SELECTOR, ".site-search input[name=q]").get_attribute("value")

    # 6. Nothing wider than the window; the header's rows.
    pages = {"home": "index.html", "book": book + "/index.html", "chapter": chapters[1], "search": "search.html?q=deflection"}
    seen["widths"] = {}
    for width in (390, 768, 1280, 1920):
        driver.set_window_size(width, 900)
        at = {}
        for kind, page in pages.items():
            driver.get(site + page)
            wait(kind + " loads at " + str(width), loaded)
            found = driver.execute_script(OVERFLOW)
            found["header"] = driver.execute_script(HEADER)
            found["viewport"] = driver.execute_script("return innerWidth")
            at[kind] = found
        seen["widths"][str(width)] = at

    # 7. The drawer at 390 px.
    driver.set_window_size(390, 800)
    driver.get(site + chapters[1])
    wait("the chapter loads at 390", loaded)
    button = driver.find_element(By.CSS_SELECTOR, ".sidebar-toggle")
    where = "var r = document.querySelector('.chapter h1').getBoundingClientRect(); return [Math.round(r.left), Math.round(r.top)];"
    before = driver.execute_script(where)
    seen["drawer_closed_hidden"] = driver.execute_script("return getComputedStyle(document.getElementById('pb-sidebar')).visibility")
    button.click()
    wait("the sidebar opens", lambda: driver.execute_script(
        "var r = document.getElementById('pb-sidebar').getBoundingClientRect(); return r.left >= 0 && getComputedStyle(document.getElementById('pb-sidebar')).visibility === 'visible';"))
    seen["drawer"] = {
        "expanded": button.get_attribute("aria-expanded"),
        "text_moved": driver.execute_script(where) != before,
        "focus": driver.execute_script("return document.activeElement.textContent"),
        "width": driver.execute_script("return Math.round(document.getElementById('pb-sidebar').getBoundingClientRect().width)"),
    }
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    wait("Escape closes the sidebar", lambda: button.get_attribute("aria-expanded") == "false")
    seen["drawer"]["focus_back"] = driver.execute_script("return document.activeElement.classList.contains('sidebar-toggle')")
finally:
    driver.quit()

# 8. Without JavaScript, at 390 px: nothing wider than the window, no menu button, and the
#    sidebar's list after the page's text.
driver = chromium("--blink-settings=scriptEnabled=false")
wait = waiter(driver, seen)
try:
    driver.set_window_size(390, 800)
    driver.get(site + chapters[1])
    wait("the chapter loads without JavaScript", loaded)
    seen["without_javascript"] = driver.execute_script(
        "var main = document.getElementById('pb-main').getBoundingClientRect(), side = document.getElementById('pb-sidebar').getBoundingClientRect();"
        "return {fits: document.documentElement.scrollWidth === document.documentElement.clientWidth,"
        " button: getComputedStyle(document.querySelector('.sidebar-toggle')).display,"
        " sidebar_after_text: side.top >= main.bottom - 1, sidebar_links: document.querySelectorAll('#pb-sidebar a').length};")
finally:
    driver.quit()

print(json.dumps(seen, indent=1, ensure_ascii=False))
