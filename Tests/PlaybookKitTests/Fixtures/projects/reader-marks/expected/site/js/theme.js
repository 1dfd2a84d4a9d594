/* Playbook's colour scheme: light or dark. Loaded as a classic script in the head, so it runs
   before the first paint: it sets <html data-theme="light|dark"> from the reader's choice
   (localStorage "playbook-theme"), else from the system setting (prefers-color-scheme). The
   stylesheet keys its dark colours on that attribute and, without JavaScript, on the media
   query itself. The header's button (.theme-toggle, hidden until this script shows it) switches
   the scheme and remembers the choice; aria-pressed is true while the page is dark. */
(function () {
  "use strict";
  var root = document.documentElement, key = "playbook-theme";
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function chosen() {
    try {
      var value = window.localStorage.getItem(key);
      return value === "light" || value === "dark" ? value : null;
    } catch (e) {
      return null;  // storage refused (a private window, file:// in some browsers)
    }
  }
  function system() { return media && media.matches ? "dark" : "light"; }
  function current() { return root.getAttribute("data-theme") === "dark" ? "dark" : "light"; }

  function show(buttons) {
    var dark = current() === "dark";
    Array.prototype.forEach.call(buttons, function (button) {
      button.setAttribute("aria-pressed", dark ? "true" : "false");
      button.title = dark ? "Switch to the light colour scheme" : "Switch to the dark colour scheme";
      button.hidden = false;
    });
  }

  root.setAttribute("data-theme", chosen() || system());

  if (media) {
    var follow = function () {
      if (chosen()) return;
      root.setAttribute("data-theme", system());
      show(document.querySelectorAll(".theme-toggle"));
    };
    if (media.addEventListener) media.addEventListener("change", follow);
    else if (media.addListener) media.addListener(follow);
  }

  function start() {
    var buttons = document.querySelectorAll(".theme-toggle");
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener("click", function () {
        var next = current() === "dark" ? "light" : "dark";
        root.setAttribute("data-theme", next);
        try { window.localStorage.setItem(key, next); } catch (e) { /* remembered for this page only */ }
        show(buttons);
      });
    });
    show(buttons);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
