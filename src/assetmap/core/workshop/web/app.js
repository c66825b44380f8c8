// The workshop page: a participant's phone. No external resource, no inline script or
// style (the Content-Security-Policy forbids both); every text from the server is put in
// with textContent, never as markup.
"use strict";

(function () {
  const POLL_MS = 1000;
  const DEVICE_KEY = "assetmap-device";
  const NAME_KEY = "assetmap-contributor";

  const state = {
    config: null,
    map: null,
    crs: null,
    seq: null,
    pins: new Map(), // uuid -> {pin, layer}
    draft: null, // {x, y, lat, lon, marker, editing}
    polling: false,
  };

  const $ = (id) => document.getElementById(id);

  // The page's words in the language the laptop's app is in (api/config's "words",
  // core/workshop/page_words.py); the English written here until they arrive, or for a
  // word they lack. Placeholders: {name}, {status}.
  let WORDS = {};
  function w(key, english, values) {
    let text = typeof WORDS[key] === "string" ? WORDS[key] : english;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(values[name]));
    });
    return text;
  }
  function applyWords() {
    document.querySelectorAll("[data-w]").forEach(function (node) {
      node.textContent = w(node.dataset.w, node.textContent);
    });
    document.querySelectorAll("[data-w-label]").forEach(function (node) {
      node.setAttribute("aria-label", w(node.dataset.wLabel, node.getAttribute("aria-label")));
    });
  }

  // ---- the phone's own key ---------------------------------------------------------
  function deviceSecret() {
    let secret = null;
    try { secret = localStorage.getItem(DEVICE_KEY); } catch (e) { secret = null; }
    if (secret && /^[A-Za-z0-9_-]{16,128}$/.test(secret)) return secret;
    const bytes = new Uint8Array(24);
    crypto.getRandomValues(bytes);
    secret = btoa(String.fromCharCode.apply(null, bytes))
      .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    try { localStorage.setItem(DEVICE_KEY, secret); } catch (e) { /* private mode: this visit only */ }
    return secret;
  }
  const DEVICE = deviceSecret();

  async function api(method, path, body) {
    const options = { method: method, headers: { "X-Assetmap-Device": DEVICE }, cache: "no-store" };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, options);
    } catch (e) {
      throw new Error(w("unreachable",
        "Cannot reach the facilitator's laptop. Check you are on the workshop Wi-Fi."));
    }
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    if (!response.ok) {
      const words = data && typeof data.message === "string" ? data.message
        : w("went_wrong", "Something went wrong ({status}). Try again.",
          { status: response.status });
      const error = new Error(words);
      error.status = response.status;
      error.field = data && data.field;
      throw error;
    }
    return data;
  }

  // ---- messages ----------------------------------------------------------------------
  let toastTimer = null;
  function toast(words, bad) {
    const box = $("toast");
    box.textContent = words;
    box.classList.toggle("bad", Boolean(bad));
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { box.hidden = true; }, bad ? 6000 : 3000);
  }

  // ---- the map in the project's own coordinates ------------------------------------
  function projectCrs(grid) {
    const r = grid.resolution0;
    // pixel at zoom z = 2^z * ((x - left) / r, (top - y) / r); lng = x, lat = y.
    return L.extend({}, L.CRS.Simple, {
      transformation: new L.Transformation(1 / r, -grid.left / r, -1 / r, grid.top / r),
    });
  }
  const toLatLng = (x, y) => L.latLng(y, x);

  function buildMap(config) {
    const grid = config.grid;
    state.crs = projectCrs(grid);
    const b = grid.bounds;
    const bounds = L.latLngBounds(toLatLng(b[0], b[1]), toLatLng(b[2], b[3]));
    const map = L.map("map", {
      crs: state.crs,
      minZoom: 0,
      maxZoom: grid.max_zoom + 1,
      // Whole levels only: the laptop's tiles are then drawn at their own size, sharp and
      // without the seams enlarged tiles show between them.
      zoomSnap: 1,
      attributionControl: false,
      zoomControl: false,
    });
    L.control.zoom({ position: "bottomright" }).addTo(map);
    addKey(map);
    if (config.has_tiles) {
      L.tileLayer("tiles/{z}/{x}/{y}.png", {
        tileSize: grid.tile_size,
        minZoom: 0,
        maxZoom: grid.max_zoom + 1,
        // detectRetina (below) asks for one level deeper than the map shows: the deepest
        // level the laptop draws is grid.max_zoom.
        maxNativeZoom: L.Browser.retina ? Math.max(0, grid.max_zoom - 1) : grid.max_zoom,
        // A hair inside the grid: Leaflet also asks for the tiles that only touch its
        // edge, which lie off the grid (404s in the console).
        bounds: bounds.pad(-0.0005),
        noWrap: true,
        // Phones have 2 or 3 device pixels to a CSS pixel: a tile from one level down, at
        // half size, is drawn pixel for pixel (sharp streets, no seams from enlarging).
        detectRetina: true,
        keepBuffer: 1,
      }).addTo(map);
    }
    config.areas.forEach(function (set, i) {
      L.geoJSON(set.geojson, {
        coordsToLatLng: function (c) { return L.latLng(c[1], c[0]); },
        interactive: false,
        style: {
          color: i === 0 ? "#3b3b3b" : "#7a7a7a",
          weight: i === 0 ? 2 : 1,
          fill: !config.has_tiles,
          fillColor: "#ffffff",
          fillOpacity: 0.5,
        },
      }).addTo(map);
    });
    const e = config.extent;
    map.fitBounds(L.latLngBounds(toLatLng(e[0], e[1]), toLatLng(e[2], e[3])), { padding: [8, 8] });
    map.on("click", function (event) {
      // While the form is open a tap moves its pin (a new one, or one being changed) and
      // keeps what was typed; otherwise it starts a new pin.
      if (state.draft && !$("form-panel").hidden) {
        moveDraft(event.latlng.lng, event.latlng.lat);
      } else {
        startDraft(event.latlng.lng, event.latlng.lat, null);
      }
    });
    state.map = map;
    state.streetZoom = Math.max(0, grid.max_zoom - 3);  // about 4 m a pixel: streets readable
  }

  function addKey(map) {
    // What the two kinds of pin look like, in words a first-time visitor reads.
    const key = L.control({ position: "bottomleft" });
    key.onAdd = function () {
      const box = L.DomUtil.create("div", "map-key");
      [["key-here", w("key_here", "Is here")], ["key-need", w("key_missing", "Is missing")]].forEach(function (entry) {
        const line = L.DomUtil.create("div", "", box);
        L.DomUtil.create("span", "key-mark " + entry[0], line);
        line.appendChild(document.createTextNode(entry[1]));
      });
      return box;
    };
    key.addTo(map);
  }

  // ---- pins ---------------------------------------------------------------------------
  function categoryOf(key) {
    return state.config.categories.find(function (c) { return c.key === key; });
  }

  function pinStyle(pin) {
    const category = categoryOf(pin.category);
    const colour = category ? category.colour : "#555555";
    const waiting = pin.mine && pin.review !== "approved";
    if (pin.kind === "need") {
      // A need: a hollow ring with a dashed edge, "something missing here".
      return { radius: 10, color: colour, weight: 4, dashArray: "4 3", fillColor: "#ffffff",
               fillOpacity: waiting ? 0.5 : 0.9, opacity: waiting ? 0.6 : 1 };
    }
    return { radius: 8, color: pin.mine ? "#1b1b1b" : "#ffffff", weight: 2, fillColor: colour,
             fillOpacity: waiting ? 0.45 : 0.95, opacity: 1 };
  }

  function describe(pin) {
    const category = categoryOf(pin.category);
    const named = pin.name + (category ? " (" + category.label + ")" : "");
    return pin.kind === "need" ? w("missing_pin", "Missing: {name}", { name: named }) : named;
  }

  // A pin in its category's shape, as the projector and the laptop draw it (the outline
  // comes with the categories, radius 1 around the point); a circle when it has none.
  const ShapeMarker = L.CircleMarker.extend({
    _updatePath: function () {
      const outline = this.options.outline;
      if (!outline || !this._renderer._setPath) {
        L.CircleMarker.prototype._updatePath.call(this);
        return;
      }
      const p = this._point, r = this._radius;
      const d = "M" + outline.map(function (q) {
        return (p.x + q[0] * r).toFixed(1) + "," + (p.y + q[1] * r).toFixed(1);
      }).join("L") + "Z";
      this._renderer._setPath(this, d);
    },
  });

  function showPin(pin) {
    const known = state.pins.get(pin.uuid);
    if (known) state.map.removeLayer(known.layer);
    const category = categoryOf(pin.category);
    const style = Object.assign({ outline: category ? category.outline : null }, pinStyle(pin));
    const layer = new ShapeMarker(toLatLng(pin.x, pin.y), style);
    const tip = document.createElement("span");
    tip.textContent = describe(pin) + (pin.mine ? " - " + reviewWords(pin.review) : "");
    layer.bindPopup(tip);
    layer.addTo(state.map);
    state.pins.set(pin.uuid, { pin: pin, layer: layer });
  }

  function dropPin(uuid) {
    const known = state.pins.get(uuid);
    if (!known) return;
    state.map.removeLayer(known.layer);
    state.pins.delete(uuid);
  }

  function reviewWords(review) {
    if (review === "approved") return w("approved", "on the map");
    if (review === "rejected") return w("rejected", "not accepted");
    return w("pending", "waiting for the facilitator");
  }

  async function poll() {
    if (state.polling) return;
    state.polling = true;
    try {
      const query = state.seq === null ? "" : "?since=" + state.seq;
      const update = await api("GET", "api/pins" + query);
      if (update.full) {
        Array.from(state.pins.keys()).forEach(dropPin);
      }
      update.removed.forEach(dropPin);
      update.pins.forEach(showPin);
      state.seq = update.seq;
      renderMine();
    } catch (e) {
      // The next poll tries again; a dropped Wi-Fi should not fill the screen with errors.
    } finally {
      state.polling = false;
    }
  }

  // ---- adding and changing --------------------------------------------------------
  function fillCategories(categories) {
    const select = $("category");
    select.textContent = "";
    // Nothing chosen until the participant chooses: a default would send wrong answers.
    const choose = document.createElement("option");
    choose.value = "";
    choose.textContent = w("choose", "Choose one…");
    choose.disabled = true;
    choose.defaultSelected = true;  // what the form's reset comes back to
    select.appendChild(choose);
    const groups = new Map();
    categories.forEach(function (c) {
      if (!groups.has(c.group)) {
        const group = document.createElement("optgroup");
        group.label = c.group;
        groups.set(c.group, group);
        select.appendChild(group);
      }
      const option = document.createElement("option");
      option.value = c.key;
      option.textContent = c.label;
      groups.get(c.group).appendChild(option);
    });
  }

  function startDraft(x, y, editing, lat, lon) {
    clearDraft();
    const draft = { x: x, y: y, lat: lat, lon: lon, editing: editing, marker: null };
    if (x !== null) draft.marker = draftMarker(x, y);
    state.draft = draft;
    const form = $("pin-form");
    form.reset();
    $("form-error").hidden = true;
    $("contributor").value = rememberedName();
    if (editing) {
      form.elements.kind.value = editing.kind;
      $("category").value = editing.category;
      $("name").value = editing.name;
      $("note").value = editing.note || "";
      if (editing.contributor) $("contributor").value = editing.contributor;
      $("form-title").textContent = w("change_pin", "Change your pin");
      $("send-button").textContent = w("save", "Save");
    } else {
      $("form-title").textContent = w("add_pin", "Add a pin");
      $("send-button").textContent = w("send", "Send");
    }
    $("mine-panel").hidden = true;
    $("form-panel").hidden = false;
    $("hint").hidden = true;
    if (x !== null) keepInSight(toLatLng(x, y));
  }

  function moveDraft(x, y) {
    const draft = state.draft;
    draft.x = x;
    draft.y = y;
    draft.lat = null;  // the tapped place, not the location the phone reported
    draft.lon = null;
    if (draft.marker) {
      draft.marker.setLatLng(toLatLng(x, y));
    } else {
      draft.marker = draftMarker(x, y);
    }
  }

  function draftMarker(x, y) {
    return L.circleMarker(toLatLng(x, y),
      { radius: 12, color: "#f2b705", weight: 4, fillColor: "#1b1b1b", fillOpacity: 0.6 })
      .addTo(state.map);
  }

  function keepInSight(latlng) {
    // The form covers the lower part of the screen: bring the new pin near the top.
    const point = state.map.latLngToContainerPoint(latlng);
    // By whole pixels: tiles at a fraction of a pixel show hairline seams between them.
    state.map.panBy([0, Math.round(point.y - 70)], { animate: false });
  }

  function clearDraft() {
    if (state.draft && state.draft.marker) state.map.removeLayer(state.draft.marker);
    state.draft = null;
  }

  function closeForm() {
    clearDraft();
    $("form-panel").hidden = true;
  }

  function rememberedName() {
    try { return localStorage.getItem(NAME_KEY) || ""; } catch (e) { return ""; }
  }

  function remember(name) {
    try { localStorage.setItem(NAME_KEY, name); } catch (e) { /* private mode */ }
  }

  async function send(event) {
    event.preventDefault();
    const draft = state.draft;
    if (!draft) return;
    const form = $("pin-form");
    if (!$("category").value) {
      showFormError(w("choose_kind", "Please choose the kind of place or service."));
      $("category").focus();
      return;
    }
    const name = $("name").value.trim();
    if (!name) {
      showFormError(w("give_name", "Please give it a name."));
      $("name").focus();
      return;
    }
    const contributor = $("contributor").value.trim();
    remember(contributor);
    const body = {
      kind: form.elements.kind.value,
      category: $("category").value,
      name: name,
      note: $("note").value.trim(),
      contributor: contributor || null,
      position: draft.lat !== undefined && draft.lat !== null
        ? { lat: draft.lat, lon: draft.lon } : { x: draft.x, y: draft.y },
    };
    const button = $("send-button");
    button.disabled = true;
    try {
      if (draft.editing) {
        await api("PUT", "api/pins/" + draft.editing.uuid, body);
        toast(w("saved", "Saved. The facilitator will look at it again."));
      } else {
        await api("POST", "api/pins", body);
        toast(w("thanks", "Thank you! Your pin is waiting for the facilitator."));
      }
      closeForm();
      poll();
    } catch (e) {
      showFormError(e.message);
    } finally {
      button.disabled = false;
    }
  }

  function showFormError(words) {
    const box = $("form-error");
    box.textContent = words;
    box.hidden = false;
  }

  function useLocation() {
    if (!navigator.geolocation) {
      toast(w("no_location", "This phone cannot share its location. Tap the map instead."), true);
      return;
    }
    navigator.geolocation.getCurrentPosition(async function (position) {
      const lat = position.coords.latitude, lon = position.coords.longitude;
      let where;
      try {
        // The map is drawn in the project's own coordinates: the laptop converts.
        where = await api("GET", "api/locate?lat=" + encodeURIComponent(lat) +
          "&lon=" + encodeURIComponent(lon));
      } catch (e) {
        toast(e.message, true);
        return;
      }
      const here = toLatLng(where.x, where.y);
      // A whole zoom level: tiles drawn at their own size, without scaling seams.
      const zoom = Math.max(Math.round(state.map.getZoom()), state.streetZoom);
      state.map.setView(here, zoom, { animate: false });
      startDraft(where.x, where.y, null);
    }, function () {
      toast(w("location_unavailable", "Your location is not available. Tap the map instead."),
        true);
    }, { enableHighAccuracy: true, timeout: 15000 });
  }

  // ---- my pins ------------------------------------------------------------------------
  function myPins() {
    return Array.from(state.pins.values()).map(function (k) { return k.pin; })
      .filter(function (p) { return p.mine; });
  }

  function renderMine() {
    const pins = myPins();
    $("mine-count").textContent = String(pins.length);
    const list = $("mine-list");
    list.textContent = "";
    $("mine-empty").hidden = pins.length > 0;
    pins.forEach(function (pin) {
      const item = document.createElement("li");
      const title = document.createElement("div");
      title.className = "pin-name";
      title.textContent = describe(pin);
      const status = document.createElement("div");
      status.className = "pin-state";
      status.textContent = reviewWords(pin.review);
      const buttons = document.createElement("div");
      buttons.className = "buttons";
      const change = document.createElement("button");
      change.type = "button";
      change.className = "secondary";
      change.textContent = w("change", "Change");
      change.addEventListener("click", function () { startDraft(pin.x, pin.y, pin); });
      const withdraw = document.createElement("button");
      withdraw.type = "button";
      withdraw.className = "danger";
      withdraw.textContent = w("withdraw", "Withdraw");
      withdraw.addEventListener("click", function () { withdrawPin(pin); });
      buttons.append(change, withdraw);
      item.append(title, status, buttons);
      list.appendChild(item);
    });
  }

  async function withdrawPin(pin) {
    if (!window.confirm(w("withdraw_ask", "Withdraw \u201c{name}\u201d?", { name: pin.name }))) return;
    try {
      await api("DELETE", "api/pins/" + pin.uuid);
      dropPin(pin.uuid);
      renderMine();
      toast(w("withdrawn", "Withdrawn."));
    } catch (e) {
      toast(e.message, true);
    }
  }

  // ---- start ------------------------------------------------------------------------
  async function start() {
    let config;
    try {
      config = await api("GET", "api/config");
    } catch (e) {
      $("hint").textContent = e.message;
      return;
    }
    state.config = config;
    WORDS = config.words || {};
    document.documentElement.lang = config.lang || "en";
    applyWords();
    const title = config.workshop.name + (config.workshop.place ? " \u00b7 " + config.workshop.place : "");
    $("title").textContent = title;
    document.title = config.workshop.name;
    fillCategories(config.categories);
    buildMap(config);
    $("pin-form").addEventListener("submit", send);
    $("cancel-button").addEventListener("click", closeForm);
    // Phones share their location only with secure (https) pages, which a laptop on the
    // room's own network is not: offered where it can work (this computer), else hidden
    // rather than failing when tapped.
    if (window.isSecureContext && navigator.geolocation) {
      $("locate-button").addEventListener("click", useLocation);
    } else {
      $("actions").hidden = true;
    }
    $("mine-button").addEventListener("click", function () {
      closeForm();
      renderMine();
      $("mine-panel").hidden = false;
    });
    $("mine-close").addEventListener("click", function () { $("mine-panel").hidden = true; });
    document.body.dataset.ready = "true";
    await poll();
    setInterval(poll, POLL_MS);
  }

  start();
})();
