// Rewind console: the few things server-rendered pages cannot do alone.
(function () {
  "use strict";

  function spans(ms) {
    var s = Math.floor(Math.abs(ms) / 1000);
    function pad(n) { return n < 10 ? "0" + n : "" + n; }
    if (s < 60) return s + "s";
    if (s < 3600) return Math.floor(s / 60) + "m " + pad(s % 60) + "s";
    if (s < 86400) return Math.floor(s / 3600) + "h " + pad(Math.floor(s % 3600 / 60)) + "m";
    return Math.floor(s / 86400) + "d " + pad(Math.floor(s % 86400 / 3600)) + "h";
  }

  // Deadlines tick: "4m 12s left" counts down each second, and turns "overdue" (red) once passed.
  function tick() {
    var now = Date.now();
    document.querySelectorAll("[data-due]").forEach(function (badge) {
      var left = Number(badge.getAttribute("data-due")) - now;
      if (left > 0) {
        badge.textContent = spans(left) + " left";
      } else {
        badge.textContent = "overdue " + spans(left);
        badge.classList.remove("pending", "soon");
        badge.classList.add("overdue");
      }
    });
  }
  setInterval(tick, 1000);

  // "/" focuses the search box, as in most consoles; Escape leaves it.
  document.addEventListener("keydown", function (event) {
    var field = document.getElementById("q");
    if (!field) return;
    var typing = /INPUT|TEXTAREA|SELECT/.test(document.activeElement.tagName);
    if (event.key === "/" && !typing) { event.preventDefault(); field.focus(); }
    if (event.key === "Escape" && document.activeElement === field) { field.blur(); }
  });

  // The live feed's state, said in words beside its dot.
  function live(state, text) {
    var feed = document.getElementById("live");
    var words = document.getElementById("live-state");
    if (!feed || !words) return;
    feed.setAttribute("data-state", state);
    words.textContent = text;
  }
  document.addEventListener("htmx:sseOpen", function () {
    live("open", "Live: new incidents and changes appear as they happen.");
  });
  document.addEventListener("htmx:sseError", function () {
    live("error", "The live feed is disconnected; reconnecting… (reload if your session ended)");
  });

  // A refused action shows the server's page fragment in place; an ended session (401, or 499 from the OIDC code
  // flow for a script's request) swaps nothing, so what the person typed stays, and says how to sign in again.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    var type = event.detail.xhr.getResponseHeader("Content-Type") || "";
    if (status === 401 || status === 499) {
      event.detail.shouldSwap = false;
      var note = document.getElementById("session-ended");
      if (note) note.hidden = false;
      return;
    }
    if (status >= 400 && status < 500 && type.indexOf("text/html") === 0) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // A select marked data-autosubmit submits its form when it changes (no inline script: the pages' CSP forbids it).
  document.addEventListener("change", function (event) {
    var select = event.target;
    if (select.matches && select.matches("select[data-autosubmit]") && select.form) select.form.submit();
  });
})();
