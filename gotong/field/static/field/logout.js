/* Logging out clears the user's field data from this phone: the cached form pages and their data (so the visit
 * form no longer opens offline, nor lists the cases) and the user's downloaded lists. Entries not yet sent are never
 * dropped silently: the user is asked to send them first, keep them for their next login, or discard them after a
 * second confirmation. A phone shared by another user who logs in afterwards gets the same cleaning.
 * The queue database is the one field.js keeps per user: "gotong-lapangan-<user id>". */
(function () {
  "use strict";
  var form = document.querySelector("form[data-field-logout]");
  if (!form || !window.indexedDB) return;
  var user = form.dataset.user, scope = form.dataset.scope;
  var referencePrefix = form.dataset.reference.replace(/x\/$/, "");
  var DB = "gotong-lapangan-" + user, LAST = "gotong-lapangan-user";
  var dialog = document.getElementById("field-logout");
  function noop() {}

  function exists(name) {
    if (!indexedDB.databases) return Promise.resolve(true); // cannot tell: opening creates at most an empty one
    return indexedDB.databases().then(function (list) {
      return list.some(function (d) { return d.name === name; });
    }, function () { return true; });
  }
  function open(name) {
    return new Promise(function (resolve, reject) {
      var req = indexedDB.open(name);
      req.onupgradeneeded = function () { // did not exist: give it field.js's stores so field.js can use it later
        req.result.createObjectStore("queue", { keyPath: "key" });
        req.result.createObjectStore("reference", { keyPath: "kind" });
      };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }
  function withDb(name, work) {
    return exists(name).then(function (there) {
      if (!there) return null;
      return open(name).then(function (db) {
        return work(db).then(function (value) { db.close(); return value; }, function (error) { db.close(); throw error; });
      });
    });
  }
  function transact(db, mode, work) {
    return new Promise(function (resolve, reject) {
      if (!db.objectStoreNames.contains("queue")) { resolve(null); return; }
      var t = db.transaction(["queue", "reference"], mode), result = {};
      work(t, result);
      t.oncomplete = function () { resolve(result.value); };
      t.onerror = function () { reject(t.error); };
    });
  }
  function unsent(name) {
    return withDb(name, function (db) {
      return transact(db, "readonly", function (t, result) {
        var req = t.objectStore("queue").getAll();
        req.onsuccess = function () {
          result.value = req.result.filter(function (i) { return i.status !== "sent"; }).length;
        };
      });
    }).then(function (n) { return n || 0; });
  }
  // Keep what is not sent; drop the downloaded lists and the short notes of what was sent (names of residents).
  function forgetReference(name) {
    return withDb(name, function (db) {
      return transact(db, "readwrite", function (t) {
        t.objectStore("reference").clear();
        var queue = t.objectStore("queue"), req = queue.getAll();
        req.onsuccess = function () {
          req.result.forEach(function (i) { if (i.status === "sent") queue.delete(i.key); });
        };
      });
    });
  }
  function removeDatabase(name) {
    return new Promise(function (resolve) {
      var req = indexedDB.deleteDatabase(name);
      req.onsuccess = req.onerror = req.onblocked = function () { resolve(); };
    });
  }
  // The service worker's copies of the field pages and of their data; the static files (no one's data) stay.
  function forgetCaches() {
    if (!window.caches) return Promise.resolve();
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n.indexOf("gotong-lapangan-") === 0; }).map(function (n) {
        return caches.open(n).then(function (cache) {
          return cache.keys().then(function (requests) {
            return Promise.all(requests.filter(function (r) {
              var path = new URL(r.url).pathname;
              return path.indexOf(scope) === 0 || path.indexOf(referencePrefix) === 0;
            }).map(function (r) { return cache.delete(r); }));
          });
        });
      }));
    });
  }

  function logOut(keepQueue) {
    var clearing = keepQueue ? forgetReference(DB) : removeDatabase(DB);
    Promise.all([clearing.catch(noop), forgetCaches().catch(noop)]).then(function () {
      try { localStorage.removeItem(LAST); } catch (e) { /* private mode */ }
      form.submit(); // not requestSubmit(): this listener is not asked again
    });
  }
  function step(name) {
    dialog.querySelectorAll("[data-step]").forEach(function (s) { s.hidden = s.dataset.step !== name; });
    var first = dialog.querySelector('[data-step="' + name + '"] .btn');
    if (first) first.focus();
  }
  function ask(n) {
    dialog.querySelectorAll("[data-count]").forEach(function (p) { p.textContent = p.dataset.count.replace("%(n)s", n); });
    step("choose");
    dialog.showModal();
    step("choose");
  }
  if (dialog) {
    dialog.addEventListener("click", function (event) {
      var action = event.target.dataset && event.target.dataset.action;
      if (action === "cancel") dialog.close();
      else if (action === "keep") { dialog.close(); logOut(true); }
      else if (action === "discard") step("confirm");
      else if (action === "back") step("choose");
      else if (action === "discard-confirmed") { dialog.close(); logOut(false); }
    });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    unsent(DB).then(function (n) {
      if (n && dialog) ask(n); else logOut(false);
    }, function () { logOut(true); }); // the queue cannot be read: keep it rather than risk it
  });

  // Another user logged in on this phone without logging the previous one out (a session that expired, say):
  // clear the pages and lists that user left behind. Their unsent entries stay theirs, in their own database.
  try {
    var last = localStorage.getItem(LAST);
    if (last && last !== user) {
      forgetCaches().catch(noop);
      forgetReference("gotong-lapangan-" + last).catch(noop);
    }
    localStorage.setItem(LAST, user);
  } catch (e) { /* private mode: nothing was stored by the last user either */ }
})();
