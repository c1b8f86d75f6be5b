// Live percent of each slum criterion from its count and its whole (KOTAKU's baseline form), so a facilitator
// sees "= 77,56 % → nilai 5" while typing. The server computes it again (gotong/slums/counts.py) and decides.
(function () {
  "use strict";
  var form = document.getElementById("assessment-form");
  if (!form) return;
  // The rules of gotong/core/numbers.py: "3,2" is 3.2; dots before three digits separate thousands.
  function number(text) {
    var s = String(text == null ? "" : text).replace(/[\s\u00a0\u202f]+/g, "").replace("\u2212", "-");
    var m = /^([-+]?)([1-9]\d{0,2}(?:\.\d{3})+|\d*)(?:,(\d*))?$/.exec(s) || /^([-+]?)(\d*)\.(\d+)$/.exec(s);
    if (!m || (!m[2] && !m[3])) return null;
    var n = parseFloat((m[1] === "-" ? "-" : "") + (m[2] || "0").replace(/\./g, "") + "." + (m[3] || "0"));
    return isNaN(n) ? null : n;
  }
  // Bands of gotong/slums/criteria.py (SCORE_BANDS).
  function score(p) { return p < 25 ? 0 : p <= 50 ? 1 : p <= 75 ? 3 : 5; }
  function show(count) {
    var out = document.getElementById("computed-" + count.dataset.code);
    var amount = number(count.value);
    if (!out) return;
    if (amount === null) { out.textContent = ""; return; }
    var basis = form.querySelector("[name='" + count.dataset.basis + "']");
    var whole = basis ? number(basis.value) : null;
    if (whole === null) { out.textContent = form.dataset.noBasis; out.className = "small text-muted"; return; }
    if (amount > whole || amount < 0) { out.textContent = form.dataset.tooBig; out.className = "small text-danger"; return; }
    var p = whole === 0 ? 0 : Math.round(amount * 10000 / whole) / 100;
    out.textContent = form.dataset.computed
      .replace("{percent}", p.toLocaleString("id-ID", { maximumFractionDigits: 2 }))
      .replace("{score}", String(score(p)));
    out.className = "small text-success";
  }
  function all() { Array.prototype.forEach.call(form.querySelectorAll("[data-basis]"), show); }
  form.addEventListener("input", all);
  all();
})();
