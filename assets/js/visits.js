// Visit counter widget ("Thống kê truy cập"): counts one visit per browser session, then only reads.
// Without JavaScript, or when anything fails, the page keeps its "—" placeholders.
(function () {
  "use strict";

  var list = document.querySelector("[data-visits-endpoint]");
  if (!list || typeof fetch !== "function") return;
  var endpoint = list.getAttribute("data-visits-endpoint");
  var fields = {
    today: list.querySelector('[data-visits="today"]'),
    total: list.querySelector('[data-visits="total"]'),
  };
  var flag = "visits:counted";
  var timeoutMs = 5000;

  function alreadyCounted() {
    try {
      if (sessionStorage.getItem(flag) === "1") return true;
      // Set before sending: a visit that fails or answers late is never sent twice.
      sessionStorage.setItem(flag, "1");
      return false;
    } catch (error) {
      return true; // no session storage: read only, rather than count every page
    }
  }

  function show(data) {
    var format = new Intl.NumberFormat("vi-VN");
    for (var key in fields) {
      var value = data[key];
      if (!fields[key] || typeof value !== "number" || !isFinite(value) || value < 0) return;
    }
    for (var name in fields) fields[name].textContent = format.format(data[name]);
  }

  function run() {
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    var timer = controller && setTimeout(function () { controller.abort(); }, timeoutMs);
    fetch(endpoint, {
      method: alreadyCounted() ? "GET" : "POST",
      headers: { accept: "application/json" },
      cache: "no-store",
      credentials: "omit",
      signal: controller ? controller.signal : undefined,
    })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) {
        show(data);
        list.setAttribute("data-visits-state", "shown");
      })
      .catch(function () {
        // The dashes stay; the state says the counter answered nothing usable (tests wait on it).
        list.setAttribute("data-visits-state", "failed");
      })
      .then(function () { if (timer) clearTimeout(timer); });
  }

  // A prerendered page is not a visit yet: wait until the reader actually opens it.
  if (document.prerendering) {
    document.addEventListener("prerenderingchange", run, { once: true });
  } else {
    run();
  }
})();
