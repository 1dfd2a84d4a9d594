/// The script every HTML page gets in preview (served at ``path``): it listens to the event
/// stream, reloads the page keeping its scroll position after a successful build, and shows
/// a failed build's diagnostics over the page until a build succeeds.
enum ReloadScript {
    /// Where the script is served.
    static let path = "/__playbook/live.js"
    /// Where the event stream is served.
    static let eventsPath = "/__playbook/events"
    /// The tag put into each page's head.
    static let tag = "<script src=\"\(path)\" defer></script>\n"

    static let source = #"""
    // Playbook preview: live reload and the build-failure overlay.
    (function () {
      "use strict";
      var key = "playbook-scroll:" + location.pathname;
      var saved = sessionStorage.getItem(key);
      if (saved) {
        sessionStorage.removeItem(key);
        var at = saved.split(",");
        var restore = function () { window.scrollTo(Number(at[0]) || 0, Number(at[1]) || 0); };
        if (document.readyState === "complete") restore(); else window.addEventListener("load", restore);
      }
      var overlay = null;
      function hideFailure() {
        if (overlay) { overlay.remove(); overlay = null; }
      }
      function showFailure(text) {
        hideFailure();
        overlay = document.createElement("div");
        overlay.id = "playbook-build-failure";
        overlay.setAttribute("role", "alertdialog");
        overlay.setAttribute("aria-label", "Build failed");
        overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,24,33,.94);" +
          "color:#f4f6fa;font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:2rem";
        var title = document.createElement("h2");
        title.textContent = "Build failed: this page shows the last good build";
        title.style.cssText = "font:600 20px/1.3 system-ui,sans-serif;margin:0 0 .5rem;color:#ff8f7a";
        var help = document.createElement("p");
        help.textContent = "Fix the file and save it: the page reloads by itself when the build succeeds.";
        help.style.cssText = "font:15px/1.4 system-ui,sans-serif;margin:0 0 1.25rem;color:#c9d1e0";
        var pre = document.createElement("pre");
        pre.textContent = text;
        pre.style.cssText = "white-space:pre-wrap;margin:0";
        overlay.appendChild(title); overlay.appendChild(help); overlay.appendChild(pre);
        (document.body || document.documentElement).appendChild(overlay);
      }
      var build = null;
      function reload() {
        sessionStorage.setItem(key, window.scrollX + "," + window.scrollY);
        location.reload();
      }
      var source = new EventSource("/__playbook/events");
      source.addEventListener("hello", function (event) {
        // After a lost connection, a newer build than the one this page came from means reload.
        if (build !== null && event.data !== build) { reload(); return; }
        build = event.data;
        window.playbookPreview = { build: build };  // connected (tests wait for this)
        hideFailure();
      });
      source.addEventListener("reload", reload);
      source.addEventListener("failure", function (event) {
        if (document.body) showFailure(event.data);
        else document.addEventListener("DOMContentLoaded", function () { showFailure(event.data); });
      });
    })();

    """#
}
