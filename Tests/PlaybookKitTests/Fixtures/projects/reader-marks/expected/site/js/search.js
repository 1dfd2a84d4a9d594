// Playbook's offline search. The build writes search-index.js, which sets
// window.playbookSearchIndex to every section of every chapter:
//   { u: link from the site root, b: book, c: chapter, h: heading, t: text }
// This script finds the sections that contain every word of the query (as the start of a
// word, so "deflect" finds "deflection"), ranks them (a match in a heading counts most, then
// in the chapter's title, then in the text) and lists them with a link to the heading.
// Every page loads it for the search box in its header, which shows the best sections as the
// reader types (the index is loaded the first time the box gets the focus; arrow keys move
// through them, Enter opens one, Enter with none chosen goes to search.html); search.html
// shows every result for its ?q=, and puts the query back in both boxes.
// It needs no server: all of this works from file:// as well, and without JavaScript the
// header's box still sends the query to search.html.
(function () {
  "use strict";

  var shown = 50;
  var suggested = 8;

  function index() { return window.playbookSearchIndex || []; }

  function words(query) {
    return query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (word) { return word.length > 0; });
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  // A pattern that finds any of the words at the start of a word.
  function pattern(queryWords, flags) {
    return new RegExp("(^|[^\\p{L}\\p{N}])(" + queryWords.map(escapeRegExp).join("|") + ")", flags);
  }

  function count(text, word) {
    var found = text.match(new RegExp("(^|[^\\p{L}\\p{N}])" + escapeRegExp(word), "giu"));
    return found ? found.length : 0;
  }

  function search(queryWords) {
    var entries = index();
    var results = [];
    for (var i = 0; i < entries.length; i++) {
      var entry = entries[i];
      var score = 0;
      var all = true;
      for (var w = 0; w < queryWords.length; w++) {
        var inHeading = count(entry.h, queryWords[w]);
        var inChapter = count(entry.c, queryWords[w]);
        var inText = count(entry.t, queryWords[w]);
        if (inHeading + inChapter + inText === 0) { all = false; break; }
        score += inHeading * 10 + inChapter * 3 + Math.min(inText, 10);
      }
      if (all) { results.push({ entry: entry, score: score, order: i }); }
    }
    results.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return results;
  }

  // The text around the first match, with the matches marked.
  function snippet(text, queryWords) {
    var first = pattern(queryWords, "iu").exec(text);
    var at = first ? first.index + first[1].length : 0;
    var start = Math.max(0, at - 60);
    var end = Math.min(text.length, at + 160);
    if (start > 0) { start = text.indexOf(" ", start) + 1 || start; }
    if (end < text.length) { end = text.lastIndexOf(" ", end) > at ? text.lastIndexOf(" ", end) : end; }
    var part = (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
    var paragraph = document.createElement("p");
    paragraph.className = "search-snippet";
    var matcher = pattern(queryWords, "giu");
    var last = 0;
    var match;
    while ((match = matcher.exec(part)) !== null) {
      var from = match.index + match[1].length;
      paragraph.appendChild(document.createTextNode(part.slice(last, from)));
      var mark = document.createElement("mark");
      mark.textContent = match[2];
      paragraph.appendChild(mark);
      last = from + match[2].length;
      if (matcher.lastIndex === match.index) { matcher.lastIndex++; }
    }
    paragraph.appendChild(document.createTextNode(part.slice(last)));
    return paragraph;
  }

  // search.html: every result for the query.
  function setUpPage(input, status, list, headerBox) {
    function show(query) {
      while (list.firstChild) { list.removeChild(list.firstChild); }
      var queryWords = words(query);
      if (queryWords.length === 0) {
        status.textContent = index().length ? "Type a word or two to search every chapter of the series." : "The search index is missing.";
        return;
      }
      var results = search(queryWords);
      if (results.length === 0) {
        status.textContent = "No section contains every word of “" + query + "”. Try fewer words or the start of a word.";
        return;
      }
      status.textContent = (results.length === 1 ? "1 section" : results.length + " sections") + " for “" + query + "”" +
        (results.length > shown ? ", the first " + shown + " shown." : ".");
      results.slice(0, shown).forEach(function (result) {
        var entry = result.entry;
        var item = document.createElement("li");
        var heading = document.createElement("h2");
        var link = document.createElement("a");
        link.href = entry.u;
        link.textContent = entry.h;
        heading.appendChild(link);
        item.appendChild(heading);
        var where = document.createElement("p");
        where.className = "search-where";
        where.textContent = entry.h === entry.c ? entry.b : entry.b + " · " + entry.c;
        item.appendChild(where);
        if (entry.t) { item.appendChild(snippet(entry.t, queryWords)); }
        list.appendChild(item);
      });
    }

    var query = new URLSearchParams(window.location.search).get("q") || "";
    input.value = query;
    if (headerBox) { headerBox.value = query; }
    show(query);

    input.addEventListener("input", function () {
      show(input.value);
      if (window.history && window.history.replaceState && window.location.protocol !== "file:") {
        window.history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
      }
    });
    input.form.addEventListener("submit", function (event) {
      event.preventDefault();
      show(input.value);
    });
  }

  // The header's box: the best sections in a list under it as the reader types.
  function setUpHeader(box, onSearchPage) {
    var form = box.form;
    var listbox = document.getElementById("pb-search-suggestions");
    if (!form || !listbox) { return; }
    var root = (form.getAttribute("action") || "search.html").replace(/search\.html$/, "");
    var active = -1;
    var options = [];

    // The index, the first time it is needed: a script, so that file:// pages can load it.
    function load() {
      if (window.playbookSearchIndex || document.getElementById("pb-search-index") || onSearchPage) { return; }
      var script = document.createElement("script");
      script.id = "pb-search-index";
      script.src = root + "search-index.js";
      script.addEventListener("load", function () { if (document.activeElement === box) { suggest(); } });
      document.head.appendChild(script);
    }

    function close() {
      listbox.hidden = true;
      box.setAttribute("aria-expanded", "false");
      box.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(position) {
      if (active >= 0 && options[active]) { options[active].setAttribute("aria-selected", "false"); }
      active = position;
      if (active >= 0 && options[active]) {
        options[active].setAttribute("aria-selected", "true");
        box.setAttribute("aria-activedescendant", options[active].id);
        options[active].scrollIntoView({ block: "nearest" });
      } else {
        box.removeAttribute("aria-activedescendant");
      }
    }

    function option(href, label, where) {
      var link = document.createElement("a");
      link.id = "pb-suggestion-" + options.length;
      link.className = "search-suggestion";
      link.href = href;
      link.setAttribute("role", "option");
      link.setAttribute("aria-selected", "false");
      link.tabIndex = -1;
      var title = document.createElement("span");
      title.className = "search-suggestion-title";
      title.textContent = label;
      link.appendChild(title);
      if (where) {
        var place = document.createElement("span");
        place.className = "search-suggestion-where";
        place.textContent = where;
        link.appendChild(place);
      }
      options.push(link);
      listbox.appendChild(link);
    }

    function suggest() {
      while (listbox.firstChild) { listbox.removeChild(listbox.firstChild); }
      options = [];
      active = -1;
      box.removeAttribute("aria-activedescendant");
      var queryWords = words(box.value);
      if (queryWords.length === 0 || !window.playbookSearchIndex) { close(); return; }
      var results = search(queryWords);
      if (results.length === 0) {
        var none = document.createElement("p");
        none.className = "search-suggestions-none";
        none.textContent = "No section contains every word.";
        listbox.appendChild(none);
      }
      results.slice(0, suggested).forEach(function (result) {
        var entry = result.entry;
        option(root + entry.u, entry.h, entry.h === entry.c ? entry.b : entry.b + " · " + entry.c);
      });
      if (results.length > 0) {
        option(root + "search.html?q=" + encodeURIComponent(box.value),
               results.length > suggested ? "All " + results.length + " sections for “" + box.value + "”" : "Show them on the search page", "");
        options[options.length - 1].classList.add("search-suggestion-all");
      }
      listbox.hidden = false;
      box.setAttribute("aria-expanded", "true");
    }

    box.addEventListener("focus", load);
    box.addEventListener("input", function () { load(); suggest(); });
    box.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (listbox.hidden) { suggest(); }
        if (!options.length) { return; }
        event.preventDefault();
        var step = event.key === "ArrowDown" ? 1 : -1;
        var next = active + step;
        if (next >= options.length) { next = -1; }
        if (next < -1) { next = options.length - 1; }
        choose(next);
      } else if (event.key === "Enter" && active >= 0 && options[active]) {
        event.preventDefault();
        window.location.href = options[active].href;
      } else if (event.key === "Escape") {
        if (!listbox.hidden) { event.preventDefault(); close(); } else { box.value = ""; }
      }
    });
    // A click on a suggestion must not blur the box before the link is followed.
    listbox.addEventListener("mousedown", function (event) { event.preventDefault(); });
    box.addEventListener("blur", close);
    document.addEventListener("click", function (event) { if (!form.contains(event.target)) { close(); } });
  }

  var headerBox = document.querySelector(".site-search input[name=q]");
  var pageInput = document.getElementById("pb-search-query");
  var status = document.getElementById("pb-search-status");
  var list = document.getElementById("pb-search-results");
  var onSearchPage = Boolean(pageInput && status && list);
  if (onSearchPage) { setUpPage(pageInput, status, list, headerBox); }
  if (headerBox) { setUpHeader(headerBox, onSearchPage); }
})();
