/* The one map setup every Gotong map uses (slum map, dashboards): Leaflet on a plain background, with the
   configured background tiles (GOTONG_MAP_TILES, README "Configuration") added only after the page's load event,
   so tiles that hang or fail (offline) never delay the page; boundaries and points are drawn either way.
   Usage: var map = GotongMap.create(element); then add layers and fit bounds as usual. */
"use strict";
window.GotongMap = (function () {
  var FAILURES_BEFORE_GIVING_UP = 4;

  function config() {
    var node = document.getElementById("gotong-map-config");
    try { return node ? JSON.parse(node.textContent) : {}; } catch (e) { return {}; }
  }

  function addTiles(map, el, settings) {
    if (!settings.tiles) { el.dataset.tiles = "off"; return; }
    var layer = L.tileLayer(settings.tiles, {maxZoom: 19, attribution: settings.attribution || ""});
    var loaded = 0, failed = 0;
    layer.on("tileload", function () { loaded += 1; el.dataset.tiles = "on"; });
    // Offline every tile fails: stop asking after a few, the plain background stays.
    layer.on("tileerror", function () {
      failed += 1;
      if (!loaded && failed >= FAILURES_BEFORE_GIVING_UP && map.hasLayer(layer)) {
        map.removeLayer(layer);
        el.dataset.tiles = "failed";
      }
    });
    layer.addTo(map);
  }

  function create(el) {
    el.classList.add("gotong-map");
    var map = L.map(el).setView([-2.5, 118], 5);
    var settings = config();
    var later = function () { addTiles(map, el, settings); };
    if (document.readyState === "complete") { setTimeout(later, 0); } else { window.addEventListener("load", later, {once: true}); }
    return map;
  }

  return {create: create};
})();
