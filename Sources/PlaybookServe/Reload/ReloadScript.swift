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

    /// How long a page refused a stream (503, too many open) waits before trying again, in seconds.
    static let retryAfterSeconds = 5

    /// The overlay's own stylesheet. It lives in the overlay's shadow root, so the page's
    /// styles cannot reach the overlay's content; the host element resets every inherited and
    /// own property (`all: initial`) inline and `!important`, so they cannot reach it either.
    static let overlayStyle = """
    .panel { all: initial; display: block; position: fixed; inset: 0; overflow: auto; box-sizing: border-box;
      padding: 32px; background: rgb(20, 24, 33); color: rgb(244, 246, 250);
      font: 14px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
    h2 { all: initial; display: block; margin: 0 0 8px; color: rgb(255, 143, 122);
      font: 600 20px/1.3 system-ui, -apple-system, "Segoe UI", sans-serif; }
    p { all: initial; display: block; margin: 0 0 20px; color: rgb(201, 209, 224);
      font: 15px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; }
    pre { all: initial; display: block; margin: 0; white-space: pre-wrap; overflow-wrap: anywhere;
      color: rgb(244, 246, 250); background: transparent; font: inherit; }
    """

    /// The overlay host's inline style: on top of everything, over the whole viewport.
    static let overlayHostStyle = "all:initial!important;display:block!important;position:fixed!important;inset:0!important;"
        + "z-index:2147483647!important;visibility:visible!important;opacity:1!important;"

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
      // The overlay is a custom element with a shadow root: the page's stylesheet cannot style
      // what is inside, and the host's inline style resets everything the page could set on it.
      function showFailure(text) {
        hideFailure();
        overlay = document.createElement("playbook-build-failure");
        overlay.id = "playbook-build-failure";
        overlay.setAttribute("role", "alertdialog");
        overlay.setAttribute("aria-modal", "true");
        overlay.setAttribute("aria-label", "Build failed");
        overlay.style.cssText = \#(javaScriptString(overlayHostStyle));
        var root = overlay.attachShadow({ mode: "open" });
        var style = document.createElement("style");
        style.textContent = \#(javaScriptString(overlayStyle));
        var panel = document.createElement("div");
        panel.className = "panel";
        var title = document.createElement("h2");
        title.textContent = "Build failed: this page shows the last good build";
        var help = document.createElement("p");
        help.textContent = "Fix the file and save it: the page reloads by itself when the build succeeds.";
        var pre = document.createElement("pre");
        pre.textContent = text;
        panel.appendChild(title); panel.appendChild(help); panel.appendChild(pre);
        root.appendChild(style); root.appendChild(panel);
        (document.body || document.documentElement).appendChild(overlay);
      }
      var build = null;
      function reload() {
        sessionStorage.setItem(key, window.scrollX + "," + window.scrollY);
        location.reload();
      }
      // The browser reconnects a dropped stream by itself; a refused one (503: too many pages
      // listening) it gives up on, so this tries again, waiting longer each time.
      var wait = \#(retryAfterSeconds * 1000);
      function connect() {
        var source = new EventSource("/__playbook/events");
        source.addEventListener("hello", function (event) {
          wait = \#(retryAfterSeconds * 1000);
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
        source.addEventListener("error", function () {
          if (source.readyState !== EventSource.CLOSED) return;
          setTimeout(connect, wait);
          wait = Math.min(wait * 2, 60000);
        });
      }
      connect();
    })();

    """#

    /// `text` as a JavaScript string literal (double-quoted, every line joined).
    static func javaScriptString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += " "
            case "<": result += "\\u003c"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
