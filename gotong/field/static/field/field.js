/* Gotong Lapangan: offline field forms. Entries go into an IndexedDB queue with a device-made UUID key and are
 * sent to the server when there is a connection; the server records each key once. Plain JS, no libraries. */
(function () {
  "use strict";
  var app = document.getElementById("field-app");
  if (!app) return;
  var T = JSON.parse(document.getElementById("field-text").textContent);
  var kind = app.dataset.kind;
  var CORRECTABLE = { weighing: true, deposit: true, attendance: true };

  function fmt(text, vars) {
    return text.replace(/%\((\w+)\)s/g, function (_m, name) { return vars[name] == null ? "" : vars[name]; });
  }
  function el(id) { return document.getElementById(id); }
  function make(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k]; else if (k === "className") node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }
  function today() {
    var d = new Date();
    d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
    return d.toISOString().slice(0, 10);
  }
  /* Dates as people read them ("18 Mar 2022"); the ISO text stays in inputs and in what is sent to the server. */
  var LANG = document.documentElement.lang === "en" ? "en-GB" : "id-ID";
  var DAY = new Intl.DateTimeFormat(LANG, { day: "numeric", month: "short", year: "numeric" });
  function day(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    return m ? DAY.format(new Date(+m[1], +m[2] - 1, +m[3])) : (iso || "");
  }
  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  // The rules of gotong/core/numbers.py: "3,2" is 3.2, "1.250" and "1.250,5" use the dot for thousands, a lone
  // "3.2" is a decimal point; anything else is not a number (null), never a silently different one.
  // Kilograms are weighed to the gram, so there (grams=true) "1.250" is 1,25 kg, as on the web form.
  function number(text, grams) {
    var s = String(text == null ? "" : text).replace(/[\s\u00a0\u202f]+/g, "").replace("\u2212", "-");
    var m = grams ? /^([-+]?)(\d*)(?:,(\d*))?$/.exec(s) : /^([-+]?)([1-9]\d{0,2}(?:\.\d{3})+|\d*)(?:,(\d*))?$/.exec(s);
    if (!m) {
      m = /^([-+]?)(\d*)\.(\d+)$/.exec(s);
      if (!m) return null;
    }
    if (!m[2] && !m[3]) return null;
    var n = parseFloat((m[1] === "-" ? "-" : "") + (m[2] || "0").replace(/\./g, "") + "." + (m[3] || "0"));
    return isNaN(n) ? null : n;
  }
  function rupiah(n) { return "Rp" + Math.round(n).toLocaleString("id-ID"); }
  function find(list, id) { return list.filter(function (x) { return x.id === id; })[0]; }
  function options(select, pairs, withBlank) {
    var nodes = pairs.map(function (p) { return make("option", { value: p[0], text: p[1] }); });
    if (withBlank) nodes.unshift(make("option", { value: "", text: T.choose }));
    select.replaceChildren.apply(select, nodes);
  }

  /* --- IndexedDB: "queue" (entries by key) and "reference" (downloaded data by form kind) --- */
  var dbPromise = null;
  function db() {
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        // One database per user: a phone shared by two cadres never mixes their queues or data.
        var req = indexedDB.open("gotong-lapangan-" + app.dataset.user, 1);
        req.onupgradeneeded = function () {
          req.result.createObjectStore("queue", { keyPath: "key" });
          req.result.createObjectStore("reference", { keyPath: "kind" });
        };
        req.onsuccess = function () {
          // Logging out deletes this database (field/logout.js): let go of it instead of blocking that.
          req.result.onversionchange = function () { req.result.close(); dbPromise = null; };
          resolve(req.result);
        };
        req.onerror = function () { reject(req.error); };
      });
    }
    return dbPromise;
  }
  function store(name, mode, work) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var t = d.transaction(name, mode);
        var req = work(t.objectStore(name));
        t.oncomplete = function () { resolve(req ? req.result : undefined); };
        t.onerror = function () { reject(t.error); };
      });
    });
  }
  function put(name, value) { return store(name, "readwrite", function (s) { return s.put(value); }); }
  function get(name, key) { return store(name, "readonly", function (s) { return s.get(key); }); }
  function all(name) { return store(name, "readonly", function (s) { return s.getAll(); }); }
  function remove(name, key) { return store(name, "readwrite", function (s) { return s.delete(key); }); }

  /* --- the network: never wait on a connection that was accepted but never answers ("signal but no data") --- */
  // 6 s: a working slow-3G link (400 ms round trips) has the headers of a small answer within about 2 s, and a
  // person's attention holds for about 10 s (Nielsen 1993, nngroup.com/articles/response-times-3-important-limits).
  // The service worker gives up after 5 s and answers from its cache, so this page timer is the net for a
  // page that is not (yet) controlled by it. A send waits longer: the server does real work for an entry.
  var READ_TIMEOUT = 6000, SEND_TIMEOUT = 12000;
  function timedFetch(url, options, ms) {
    var abort = window.AbortController ? new AbortController() : null;
    var timer;
    var timeout = new Promise(function (_resolve, reject) {
      timer = setTimeout(function () { if (abort) abort.abort(); reject(new Error("timeout")); }, ms);
    });
    var request = fetch(url, Object.assign({}, options, abort ? { signal: abort.signal } : {}));
    // The whole answer, body included, must arrive in time: `read` consumes it inside the timer.
    return {
      read: function (consume) {
        return Promise.race([request.then(consume), timeout]).then(
          function (value) { clearTimeout(timer); return value; },
          function (error) { clearTimeout(timer); throw error; });
      },
    };
  }
  var slow = false;
  function showSlow(isSlow) {
    slow = isSlow;
    showNet();
  }

  /* --- the queue --- */
  function csrf() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : app.dataset.csrf;
  }
  function message(text) {
    var box = el("queue-message");
    if (!box) return;
    box.textContent = text || "";
    box.hidden = !text;
  }
  /* A conflict as the server describes it: each field's label, the phone's value and the server's, already in
   * Indonesian ("Berat badan (kg)", "8,4", "10 Mar 2026"); a differing row is marked in words, not only by weight. */
  function conflictTable(item) {
    var rows = (item.conflict.rows || []).map(function (r) {
      var label = make("th", { text: r.label, scope: "row" });
      if (r.differs) label.appendChild(make("span", { className: "badge text-bg-warning ms-1", text: T.differs }));
      return make("tr", r.differs ? { className: "table-warning" } : {}, [label,
        make("td", { text: r.mine || T.empty }), make("td", { text: r.server || T.empty })]);
    });
    if (!rows.length) return null;
    var head = make("tr", {}, [make("th", { text: T.field, scope: "col" }), make("th", { text: T.my_values, scope: "col" }),
      make("th", { text: T.server_values, scope: "col" })]);
    return make("div", { className: "table-responsive" }, [
      make("table", { className: "table table-sm table-bordered mt-1 mb-1" }, [make("thead", {}, [head]), make("tbody", {}, rows)])]);
  }
  function button(text, style, onClick) {
    var b = make("button", { type: "button", className: "btn btn-sm " + style + " me-1", text: text });
    b.addEventListener("click", onClick);
    return b;
  }
  function renderItem(item) {
    var badge = { pending: ["text-bg-warning", T.waiting], sent: ["text-bg-success", T.sent],
      conflict: ["text-bg-danger", T.conflict], rejected: ["text-bg-secondary", T.rejected] }[item.status];
    var li = make("li", { className: "border-top py-2 queue-item", "data-status": item.status }, [
      make("span", { className: "badge " + badge[0] + " me-1", text: badge[1] }),
      make("span", { text: item.status === "sent" && item.summary ? item.summary : item.label }),
    ]);
    if (item.status === "conflict") {
      // Nothing leaves the queue until the user picks a side: their entry (sent as a correction) or the server's.
      var correctable = CORRECTABLE[item.kind] && item.conflict.code === "changed_on_server";
      li.appendChild(make("div", { className: "small", text: item.conflict.message }));
      var table = conflictTable(item);
      if (table) li.appendChild(table);
      li.appendChild(make("p", { className: "small text-secondary mb-1", text: correctable ? T.choose_help : T.server_only_help }));
      if (correctable) {
        li.appendChild(button(T.keep_mine, "btn-primary", function () {
          item.base_version = item.conflict.version;
          item.status = "pending";
          delete item.conflict;
          put("queue", item).then(sync);
        }));
      }
      li.appendChild(button(T.keep_server, "btn-outline-secondary", function () {
        remove("queue", item.key).then(function () { message(T.kept_server); return renderQueue(); });
      }));
    } else if (item.status === "rejected") {
      li.appendChild(make("div", { className: "small text-danger", text: item.error }));
      li.appendChild(button(T.remove, "btn-outline-secondary", function () { remove("queue", item.key).then(renderQueue); }));
    }
    return li;
  }
  function renderQueue() {
    return all("queue").then(function (items) {
      items.sort(function (a, b) { return a.created - b.created; });
      var pending = items.filter(function (i) { return i.status === "pending"; }).length;
      // A conflict or a refusal waits for the user: never "all sent" while one is open.
      var open = items.filter(function (i) { return i.status === "conflict" || i.status === "rejected"; }).length;
      var parts = [];
      if (pending) parts.push(fmt(T.pending, { n: pending }));
      if (open) parts.push(fmt(T.decisions, { n: open }));
      var count = el("queue-count");
      if (count) count.textContent = parts.length ? parts.join(" · ") : T.none_pending;
      var list = el("queue-list");
      if (list) {
        var recentSent = items.filter(function (i) { return i.status === "sent"; }).slice(-10);
        var shown = items.filter(function (i) { return i.status !== "sent" || recentSent.indexOf(i) >= 0; });
        list.replaceChildren.apply(list, shown.reverse().map(renderItem));
      }
    });
  }

  var syncing = false;
  function sendOne(item) {
    // A send that times out may still have been recorded: the retry carries the same key, which the server
    // records once (a 200 "already recorded"), so nothing is lost or doubled.
    return timedFetch(app.dataset.submit, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrf() },
      body: JSON.stringify({ kind: item.kind, key: item.key, payload: item.payload, base_version: item.base_version,
        user: Number(app.dataset.user) }),  // the server refuses an entry of another user's queue
    }, SEND_TIMEOUT).read(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) { return [response.status, body]; });
    });
  }
  var retry = null;
  function retrySoon() {
    // After a timeout, try again in half a minute rather than waiting for the minute timer.
    if (!retry) retry = setTimeout(function () { retry = null; sync(); }, 30000);
  }
  function sync() {
    if (syncing || !navigator.onLine) return Promise.resolve();
    syncing = true;
    message("");
    var sent = 0;
    return all("queue").then(function (items) {
      var pending = items.filter(function (i) { return i.status === "pending"; });
      pending.sort(function (a, b) { return a.created - b.created; });
      var chain = Promise.resolve(true);
      pending.forEach(function (item) {
        chain = chain.then(function (goOn) {
          if (!goOn) return false;
          return sendOne(item).then(function (answer) {
            var status = answer[0], body = answer[1];
            if (status === 200 || status === 201) {
              // Sent: keep only the short summary on the phone, not the personal details of the entry.
              item.status = "sent"; item.summary = body.summary; item.payload = null; item.view = null; sent += 1;
              if (slow) showSlow(false);
            } else if (status === 409) {
              item.status = "conflict"; item.conflict = body.error;
            } else if (status === 400 || (status === 403 && body.error && body.error.code === "scope")) {
              item.status = "rejected"; item.error = body.error ? body.error.message : JSON.stringify(body);
            } else if (status === 403 && body.error && body.error.code === "other_user") {
              message(body.error.message); return false;  // this page belongs to a user who logged out: stop
            } else if (status === 401 || status === 403) {
              message(T.login_again); return false;
            } else {
              return false; // the server is in trouble: keep the queue and try later
            }
            return put("queue", item).then(function () { return true; });
          }, function (error) {
            // No connection after all, or no answer in time: the entry stays pending for the next try.
            if (error && error.message === "timeout") { showSlow(true); retrySoon(); }
            return false;
          });
        });
      });
      return chain;
    }).then(function () {
      syncing = false;
      if (sent && form) loadReference();
      return renderQueue();
    }, function () { syncing = false; return renderQueue(); });
  }

  /* --- the forms --- */
  var ref = null;
  var form = el("entry");
  var FORMS = {
    weighing: {
      fill: function () {
        var list = ref.posyandus || [];
        if (!list.length) return false;
        options(el("f-posyandu"), list.map(function (p) { return [p.id, p.name]; }));
        el("group-posyandu").hidden = list.length === 1;
        var onChild = function () {
          var p = find(list, el("f-posyandu").value), c = p && find(p.children, el("f-child").value);
          el("child-note").textContent = c && c.weighed ? fmt(T.already_weighed, { kg: c.weighed.weight_kg.replace(".", ","), day: day(c.weighed.measured_on) }) : "";
        };
        var onPosyandu = function () {
          var p = find(list, el("f-posyandu").value);
          options(el("f-child"), p.children.map(function (c) { return [c.id, c.name + " (" + day(c.birth_date) + ")"]; }), true);
          el("session-note").textContent = T.no_session;
          el("session-note").hidden = !!p.session;
          onChild();
        };
        el("f-posyandu").onchange = onPosyandu;
        el("f-child").onchange = onChild;
        onPosyandu();
        if (!el("f-measured_on").value) el("f-measured_on").value = today();
        return true;
      },
      collect: function () {
        var p = find(ref.posyandus, el("f-posyandu").value), c = p && find(p.children, el("f-child").value);
        var weight = el("f-weight_kg").value.trim(), length = el("f-length_cm").value.trim();
        if (!c || number(weight) === null || !el("f-measured_on").value) return null;
        return {
          payload: { child: c.id, measured_on: el("f-measured_on").value, weight_kg: weight, length_cm: length || null,
            measure: length ? el("f-measure").value : "", muac_cm: el("f-muac_cm").value.trim() || null,
            oedema: el("f-oedema").checked, growth_card: el("f-growth_card").checked },
          base_version: c.version,
          label: fmt(T.weighing_label, { name: c.name, kg: weight }),
        };
      },
      clear: function () { ["f-weight_kg", "f-length_cm", "f-muac_cm"].forEach(function (id) { el(id).value = ""; }); el("f-child").value = ""; el("f-oedema").checked = false; },
    },
    immunisation: {
      fill: function () {
        var list = ref.posyandus || [];
        if (!list.length) return false;
        options(el("f-posyandu"), list.map(function (p) { return [p.id, p.name]; }));
        el("group-posyandu").hidden = list.length === 1;
        var onChild = function () {
          var p = find(list, el("f-posyandu").value), c = p && find(p.children, el("f-child").value);
          var doses = c ? c.doses : [];
          el("doses").replaceChildren.apply(el("doses"), doses.map(function (d) {
            var id = "dose-" + d.id.replace(":", "-");
            return make("div", { className: "form-check" }, [
              make("input", { className: "form-check-input", type: "checkbox", id: id, value: d.id, "data-dose": d.name }),
              make("label", { className: "form-check-label", for: id, text: d.name + " (" + d.state + ")" })]);
          }));
          el("doses-note").textContent = c && !doses.length ? T.no_doses_due : "";
        };
        var onPosyandu = function () {
          var p = find(list, el("f-posyandu").value);
          options(el("f-child"), p.children.map(function (c) { return [c.id, c.name + " (" + day(c.birth_date) + ")"]; }), true);
          onChild();
        };
        el("f-posyandu").onchange = onPosyandu;
        el("f-child").onchange = onChild;
        onPosyandu();
        if (!el("f-given_on").value) el("f-given_on").value = today();
        return true;
      },
      collect: function () {
        var p = find(ref.posyandus, el("f-posyandu").value), c = p && find(p.children, el("f-child").value);
        var boxes = Array.prototype.slice.call(el("doses").querySelectorAll("input:checked"));
        if (!c || !boxes.length || !el("f-given_on").value) return null;
        return {
          payload: { child: c.id, given_on: el("f-given_on").value, place: el("f-place").value,
            doses: boxes.map(function (b) { return b.value; }), batch: el("f-batch").value.trim() },
          base_version: "",
          label: fmt(T.immunisation_label, { name: c.name, doses: boxes.map(function (b) { return b.getAttribute("data-dose"); }).join(", ") }),
        };
      },
      clear: function () { el("f-child").value = ""; el("f-batch").value = ""; el("doses").replaceChildren(); },
    },
    anc_visit: {
      fill: function () {
        var list = ref.posyandus || [];
        if (!list.length) return false;
        options(el("f-posyandu"), list.map(function (p) { return [p.id, p.name]; }));
        el("group-posyandu").hidden = list.length === 1;
        options(el("f-place"), (ref.places || []).map(function (p) { return [p.id, p.name]; }));
        var onWoman = function () {
          var p = find(list, el("f-posyandu").value), w = p && find(p.women, el("f-pregnancy").value);
          el("pregnancy-note").textContent = w ? fmt(T.pregnancy_note, { weeks: w.weeks, due: day(w.due_date) }) : "";
        };
        var onPosyandu = function () {
          var p = find(list, el("f-posyandu").value);
          options(el("f-pregnancy"), p.women.map(function (w) { return [w.id, w.name]; }), true);
          onWoman();
        };
        el("f-posyandu").onchange = onPosyandu;
        el("f-pregnancy").onchange = onWoman;
        onPosyandu();
        if (!el("f-visited_on").value) el("f-visited_on").value = today();
        return true;
      },
      collect: function () {
        var p = find(ref.posyandus, el("f-posyandu").value), w = p && find(p.women, el("f-pregnancy").value);
        if (!w || !el("f-visited_on").value || !el("f-place").value) return null;
        var payload = { pregnancy: w.id, visited_on: el("f-visited_on").value, place: el("f-place").value };
        ["provider", "weight_kg", "muac_cm", "hb_g_dl", "systolic", "diastolic", "iron_tablets", "notes"].forEach(function (k) {
          var value = el("f-" + k).value.trim(); payload[k] = value || null;
        });
        payload.provider = payload.provider || ""; payload.notes = payload.notes || "";
        return { payload: payload, base_version: null, label: fmt(T.anc_visit_label, { name: w.name }) };
      },
      clear: function () {
        ["f-provider", "f-weight_kg", "f-muac_cm", "f-hb_g_dl", "f-systolic", "f-diastolic", "f-iron_tablets", "f-notes"].forEach(function (id) { el(id).value = ""; });
        el("f-pregnancy").value = ""; el("pregnancy-note").textContent = "";
      },
    },
    deposit: {
      fill: function () {
        var banks = ref.banks || [];
        if (!banks.length) return false;
        options(el("f-bank"), banks.map(function (b) { return [b.id, b.name]; }));
        el("group-bank").hidden = banks.length === 1;
        var onBank = function () {
          var b = find(banks, el("f-bank").value);
          options(el("f-member"), b.members.map(function (m) { return [m.id, m.number + " · " + m.name]; }), true);
          el("lines").replaceChildren.apply(el("lines"), b.categories.map(function (c) {
            var input = make("input", { className: "form-control", id: "kg-" + c.id, inputmode: "decimal", autocomplete: "off", "data-category": c.id });
            input.addEventListener("input", FORMS.deposit.estimate);
            return make("div", { className: "row g-2 align-items-center" }, [
              make("label", { className: "col-7 col-form-label", for: "kg-" + c.id, text: c.name + " (" + rupiah(c.price_per_kg) + "/kg)" }),
              make("div", { className: "col-5" }, [input])]);
          }));
          FORMS.deposit.estimate();
        };
        el("f-bank").onchange = onBank;
        onBank();
        if (!el("f-occurred_on").value) el("f-occurred_on").value = today();
        return true;
      },
      lines: function () {
        var b = find(ref.banks, el("f-bank").value);
        return b.categories.map(function (c) { return [c, el("kg-" + c.id).value.trim()]; })
          .filter(function (pair) { return number(pair[1], true) > 0; });
      },
      estimate: function () {
        var total = FORMS.deposit.lines().reduce(function (sum, pair) { return sum + number(pair[1], true) * pair[0].price_per_kg; }, 0);
        el("estimate").textContent = total ? fmt(T.estimate, { value: rupiah(total) }) : "";
      },
      collect: function () {
        var b = find(ref.banks, el("f-bank").value), m = b && find(b.members, el("f-member").value);
        var lines = FORMS.deposit.lines();
        if (!m || !lines.length || !el("f-occurred_on").value) return null;
        var kg = lines.reduce(function (sum, pair) { return sum + number(pair[1], true); }, 0);
        var used = lines.map(function (pair) { return pair[0]; }).sort(function (x, y) { return Number(x.id) - Number(y.id); });
        return {
          payload: { member: m.id, occurred_on: el("f-occurred_on").value,
            lines: lines.map(function (pair) { return { category: pair[0].id, kg: pair[1] }; }) },
          base_version: used.map(function (c) { return c.id + ":" + c.price_per_kg; }).join(","),
          label: fmt(T.deposit_label, { name: m.name, kg: String(Math.round(kg * 1000) / 1000).replace(".", ",") }),
          view: { lines: lines.map(function (pair) { return { name: pair[0].name + " " + pair[1] + " kg" }; }) },
        };
      },
      clear: function () { document.querySelectorAll("#lines input").forEach(function (i) { i.value = ""; }); el("f-member").value = ""; FORMS.deposit.estimate(); },
    },
    visit: {
      fill: function () {
        var cases = ref.cases || [];
        if (!cases.length) return false;
        options(el("f-case"), cases.map(function (c) { return [c.id, c.name + " · " + c.program]; }), true);
        el("f-case").onchange = function () {
          var c = find(cases, el("f-case").value);
          el("group-adherence").hidden = !(c && c.is_tb);
          el("f-met_with").value = c ? c.met_with : "";
          el("case-note").textContent = c && c.previous_next_step ? fmt(T.previous_step, { step: c.previous_next_step }) : "";
        };
        if (!el("f-visited_on").value) el("f-visited_on").value = today();
        return true;
      },
      collect: function () {
        var c = find(ref.cases, el("f-case").value);
        if (!c || !el("f-visited_on").value || !el("f-met_with").value.trim()) return null;
        var payload = { case: c.id, visited_on: el("f-visited_on").value };
        ["met_with", "condition", "adherence", "issues", "next_step"].forEach(function (k) { payload[k] = el("f-" + k).value.trim(); });
        return { payload: payload, base_version: null, label: fmt(T.visit_label, { name: c.name }) };
      },
      clear: function () { ["f-condition", "f-issues", "f-next_step", "f-met_with"].forEach(function (id) { el(id).value = ""; }); el("f-case").value = ""; },
    },
    attendance: {
      fill: function () {
        var events = ref.events || [];
        if (!events.length) return false;
        options(el("f-event"), events.map(function (e) { return [e.id, e.title + " (" + day(e.held_on) + ")"]; }), true);
        el("f-event").onchange = function () {
          var e = find(events, el("f-event").value);
          var rows = e ? e.people.map(function (p) {
            var box = make("input", { className: "form-check-input", type: "checkbox", id: "p-" + p.id, value: p.id });
            box.checked = p.hours != null;
            return make("div", { className: "form-check" }, [box, make("label", { className: "form-check-label", for: "p-" + p.id, text: p.name })]);
          }) : [];
          el("people").replaceChildren.apply(el("people"), rows);
          el("f-guests").value = e ? e.guests : 0;
          el("f-guest_hours").value = e ? e.guest_hours : "0";
        };
        return true;
      },
      collect: function () {
        var e = find(ref.events, el("f-event").value);
        if (!e) return null;
        var present = e.people.filter(function (p) { return el("p-" + p.id).checked; });
        return {
          payload: { event: e.id, present: present.map(function (p) { return { person: p.id, hours: p.hours }; }),
            guests: parseInt(el("f-guests").value || "0", 10) || 0, guest_hours: el("f-guest_hours").value.trim() || "0",
            // What the list showed: the server merges by it, so a resident someone else added meanwhile stays.
            seen: { present: e.people.filter(function (p) { return p.hours != null; }).map(function (p) { return p.id; }),
              guests: e.guests, guest_hours: e.guest_hours } },
          base_version: e.version,
          label: fmt(T.attendance_label, { title: e.title, n: present.length }),
          view: { present: present.map(function (p) { return { name: p.name }; }) },
        };
      },
      clear: function () { el("f-event").value = ""; el("f-event").onchange(); },
    },
    aspiration: {
      fill: function () {
        var rts = ref.rts || [];
        if (!rts.length) return false;
        options(el("f-category"), (ref.categories || []).map(function (c) { return [c.id, c.name]; }), true);
        options(el("f-area"), rts.map(function (r) { return [r.id, r.name]; }));
        return true;
      },
      collect: function () {
        var category = find(ref.categories || [], el("f-category").value), words = el("f-text").value.trim();
        if (!category || !el("f-area").value || !words) return null;
        return {
          payload: { category: category.id, area: el("f-area").value, text: words, is_public: el("f-is_public").checked },
          base_version: null,
          label: fmt(T.aspiration_label, { category: category.name, text: words.slice(0, 40) }),
        };
      },
      clear: function () { el("f-text").value = ""; el("f-category").value = ""; el("f-is_public").checked = true; },
    },
  };

  function showData() {
    var age = el("data-age");
    if (!ref) { age.textContent = T.no_data_yet; form.hidden = true; return; }
    age.textContent = fmt(T.data_from, { when: new Date(ref.generated_at).toLocaleString(LANG, { dateStyle: "medium", timeStyle: "short" }) });
    var ok = FORMS[kind].fill();
    el("no-data").hidden = ok;
    form.hidden = !ok;
  }
  function loadReference() {
    // The saved copy (this user's own database) and its ETag: the server answers 304 when nothing changed.
    return get("reference", kind).catch(function () { return null; }).then(function (saved) {
      if (!navigator.onLine) return saved;
      var headers = { Accept: "application/json" };
      if (saved && saved.etag) headers["If-None-Match"] = saved.etag;
      return timedFetch(app.dataset.reference, { credentials: "same-origin", headers: headers }, READ_TIMEOUT)
        .read(function (r) {
          // The service worker marks an answer it gave from its cache because the network was too slow.
          var fallback = r.headers.get("X-Gotong-Fallback");
          if (fallback) { showSlow(fallback === "timeout"); return saved; }
          if (r.status === 304 && saved) { showSlow(false); return saved; }
          var json = (r.headers.get("content-type") || "").indexOf("json") >= 0;
          if (!r.ok || !json) return saved;
          return r.json().then(function (fresh) {
            showSlow(false);
            fresh.etag = r.headers.get("ETag");
            return put("reference", fresh).then(function () { return fresh; });
          });
        })
        .catch(function (error) {
          if (error && error.message === "timeout") showSlow(true);
          return saved;
        });
    }).then(function (data) { ref = data || null; showData(); });
  }
  function flash(text, bad) {
    var box = el("form-message");
    box.textContent = text;
    box.className = "alert py-2 " + (bad ? "alert-danger" : "alert-success");
    box.hidden = false;
  }
  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var entry = FORMS[kind].collect();
      if (!entry) { flash(T.required, true); return; }
      var item = Object.assign({ key: uuid(), kind: kind, created: Date.now(), status: "pending" }, entry);
      put("queue", item).then(function () {
        flash(T.saved);
        FORMS[kind].clear();
        return renderQueue();
      }).then(sync);
    });
  }

  function showNet() {
    var badge = el("net");
    var state = !navigator.onLine ? "offline" : slow ? "slow" : "online";
    badge.textContent = T[state];
    badge.dataset.state = state;
    badge.className = "badge " + (state === "online" ? "text-bg-light" : "text-bg-warning");
  }
  window.addEventListener("online", function () { showNet(); sync(); });
  window.addEventListener("offline", showNet);
  var sendNow = el("send-now");
  if (sendNow) sendNow.addEventListener("click", function () { sync(); });
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(app.dataset.sw, { scope: app.dataset.scope })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (registration) {
        // A page whose load raced the worker's activation stays uncontrolled; ask the worker to take it over.
        if (!navigator.serviceWorker.controller && registration.active) registration.active.postMessage("claim");
      })
      .catch(function () {});
  }
  showNet();
  (form ? loadReference() : Promise.resolve()).then(renderQueue).then(sync);
  setInterval(sync, 60000);
})();
