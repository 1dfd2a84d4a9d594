// Playbook's offline search. The build writes search-index.js, which sets
// window.playbookSearchIndex to every section of every chapter:
//   { u: link from the site root, b: book, c: chapter, h: heading, t: text }
// This script finds the sections that contain every word of the query (as the start of a
// word, so "deflect" finds "deflection"), ranks them (a match in a heading counts most, then
// in the chapter's title, then in the text) and lists them with a link to the heading.
// It needs no server: search.html works from file:// as well.
(function () {
  "use strict";

  var index = window.playbookSearchIndex || [];
  var input = document.getElementById("pb-search-query");
  var status = document.getElementById("pb-search-status");
  var list = document.getElementById("pb-search-results");
  if (!input || !status || !list) { return; }
  var shown = 50;

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
    var results = [];
    for (var i = 0; i < index.length; i++) {
      var entry = index[i];
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

  function show(query) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var queryWords = words(query);
    if (queryWords.length === 0) {
      status.textContent = index.length ? "Type a word or two to search every chapter of the series." : "The search index is missing.";
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
})();
