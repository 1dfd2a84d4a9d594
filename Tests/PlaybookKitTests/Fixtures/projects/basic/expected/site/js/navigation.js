// Playbook's site navigation. Loaded in the head of every page, before anything is drawn, so
// that the page is laid out once for a reader with JavaScript (the "js" class on <html>: the
// sidebar becomes a drawer behind the menu button on narrow screens, with no jump). Then:
// - the menu button opens and closes the sidebar on narrow screens (Escape or a click beside
//   it closes it again, and the focus goes back to the button);
// - the sidebar scrolls to show the current chapter;
// - "On this page" is opened beside the text on wide screens, and marks the section being read
//   (an IntersectionObserver watches the headings cross a line near the top of the window),
//   and hides while a wide table that grows across it is on screen;
// - the left and right arrow keys go to the previous and next page, as in mdBook (not while
//   typing in a field, with a modifier key held, or inside something that scrolls sideways),
//   and "/" or "s" puts the focus in the search box.
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  var wide = window.matchMedia ? window.matchMedia("(min-width: 76rem)") : null;

  function setUpSidebar() {
    var button = document.querySelector(".sidebar-toggle");
    var sidebar = document.getElementById("pb-sidebar");
    if (!sidebar) { return; }
    var current = sidebar.querySelector("a[aria-current=page]");
    if (current && sidebar.scrollHeight > sidebar.clientHeight) {
      var top = current.offsetTop - sidebar.clientHeight / 3;
      sidebar.scrollTop = Math.max(0, top);
    }
    if (!button) { return; }

    function open(state, focus) {
      button.setAttribute("aria-expanded", state ? "true" : "false");
      document.body.classList.toggle("sidebar-open", state);
      if (state && focus) {
        (current || sidebar.querySelector("a")).focus();
      } else if (!state && focus) {
        button.focus();
      }
    }

    button.addEventListener("click", function () {
      open(button.getAttribute("aria-expanded") !== "true", true);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && document.body.classList.contains("sidebar-open")) {
        open(false, true);
      }
    });
    document.addEventListener("click", function (event) {
      if (document.body.classList.contains("sidebar-open") && !sidebar.contains(event.target) && !button.contains(event.target)) {
        open(false, false);
      }
    });
  }

  function setUpContents() {
    var details = document.querySelector(".page-toc-details");
    if (!details) { return; }
    if (wide) {
      // Open beside the text on wide screens (a column of its own: the text does not move); a
      // closed disclosure under the title on narrow ones.
      var follow = function () { details.open = wide.matches; };
      follow();
      if (wide.addEventListener) { wide.addEventListener("change", follow); }
      details.addEventListener("toggle", function () { if (wide.matches && !details.open) { details.open = true; } });
    }
    var links = Array.prototype.slice.call(details.querySelectorAll("a[href^='#']"));
    var headings = [];
    var byId = {};
    links.forEach(function (link) {
      var id = decodeURIComponent(link.getAttribute("href").slice(1));
      var heading = document.getElementById(id);
      if (heading) {
        headings.push(heading);
        byId[id] = link;
      }
    });
    if (!headings.length || !window.IntersectionObserver) { return; }
    var marked = null;

    // The section being read: the last heading above a line 30% down the window.
    function mark() {
      var line = window.innerHeight * 0.3;
      var found = null;
      for (var i = 0; i < headings.length; i++) {
        if (headings[i].getBoundingClientRect().top <= line) { found = headings[i]; } else { break; }
      }
      var link = found ? byId[found.id] : null;
      if (link === marked) { return; }
      if (marked) {
        marked.removeAttribute("aria-current");
        marked.classList.remove("toc-current");
      }
      marked = link;
      if (link) {
        link.setAttribute("aria-current", "true");
        link.classList.add("toc-current");
      }
    }

    var observer = new IntersectionObserver(mark, { rootMargin: "0px 0px -70% 0px", threshold: [0, 1] });
    headings.forEach(function (heading) { observer.observe(heading); });
    mark();
  }

  // While a wide table (which may grow across "On this page" on a wide screen, see the
  // stylesheet) crosses the band "On this page" takes on screen, the contents fade out and are
  // hidden (class page-toc-covered: visibility hidden, so not focusable either); they come back
  // when the table scrolls away. Checked on scroll and resize, once per frame.
  function setUpCovering() {
    var toc = document.querySelector(".chapter.has-toc .page-toc");
    if (!toc) { return; }
    var wides = Array.prototype.slice.call(document.querySelectorAll(".chapter-body .pb-table-scroll"));
    if (!wides.length) { return; }
    var pending = false;
    function check() {
      pending = false;
      var covered = false;
      if (!wide || wide.matches) {
        var band = toc.getBoundingClientRect();
        for (var i = 0; i < wides.length && !covered; i++) {
          var box = wides[i].getBoundingClientRect();
          covered = box.right > band.left && box.top < band.bottom && box.bottom > band.top;
        }
      }
      toc.classList.toggle("page-toc-covered", covered);
    }
    function later() {
      if (!pending) {
        pending = true;
        window.requestAnimationFrame(check);
      }
    }
    window.addEventListener("scroll", later, { passive: true });
    window.addEventListener("resize", later);
    check();
  }

  function setUpKeys() {
    document.addEventListener("keydown", function (event) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
      var target = event.target;
      var typing = target && target.closest && target.closest("input, textarea, select, [contenteditable]");
      // "/" or "s" puts the focus in the search box, as in mdBook.
      if ((event.key === "/" || event.key === "s") && !typing) {
        var box = document.querySelector(".site-search input[name=q]");
        if (box) {
          event.preventDefault();
          box.focus();
        }
        return;
      }
      if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") { return; }
      if (typing || (target && target.closest && target.closest(".pb-table-scroll, pre, table, [role=listbox]"))) {
        return;
      }
      var link = document.querySelector(event.key === "ArrowLeft" ? ".pager a[rel=prev]" : ".pager a[rel=next]");
      if (link) {
        event.preventDefault();
        window.location.href = link.href;
      }
    });
  }

  function start() {
    setUpSidebar();
    setUpContents();
    setUpCovering();
    setUpKeys();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
