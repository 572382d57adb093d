// World map drawn as SVG in an equirectangular plane: x = lon + 180, y = 90 - lat (viewBox 0 0 360 180).
// The outline is Natural Earth 110m countries (public domain, via world-atlas, ISC), shipped with the page: see NOTICE.
import { killedOf, placeText, svg, typeColour, clear } from "./dom.js";

const WORLD = [0, 0, 360, 180];

export class EventMap {
  constructor(root, onPick) {
    this.root = root;
    this.onPick = onPick;
    this.base = svg("g");
    this.dots = svg("g");
    root.append(this.base, this.dots);
    this.view = WORLD.slice();
    this.events = [];
    this.selected = null;
  }

  async loadOutline(url) {
    const response = await fetch(url);
    const world = await response.json();
    for (let lon = -150; lon <= 150; lon += 30) this.base.append(svg("path", { class: "graticule", d: `M${lon + 180} 0V180` }));
    for (let lat = -60; lat <= 60; lat += 30) this.base.append(svg("path", { class: "graticule", d: `M0 ${90 - lat}H360` }));
    for (const country of world.countries) {
      this.base.append(svg("path", { class: "country", d: country.d }, svg("title", {}, country.name)));
    }
  }

  show(events, selectedId) {
    this.events = events.filter((e) => e.location && e.location.lat !== null && e.location.lat !== undefined
      && e.location.lon !== null && e.location.lon !== undefined);
    this.selected = selectedId;
    this.fit();
    this.draw();
    return events.length - this.events.length;  // events that could not be placed
  }

  fit() {
    if (!this.events.length) { this.setView(WORLD); return; }
    const xs = this.events.map((e) => e.location.lon + 180);
    const ys = this.events.map((e) => 90 - e.location.lat);
    let [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    // at least 50 degrees wide, 2:1 like the panel, with a margin
    let w = Math.max(50, (x1 - x0) * 1.4, (y1 - y0) * 2.8);
    w = Math.min(w, 360);
    const h = w / 2;
    let cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    cx = Math.min(Math.max(cx, w / 2), 360 - w / 2);
    cy = Math.min(Math.max(cy, h / 2), 180 - h / 2);
    this.setView([cx - w / 2, cy - h / 2, w, h]);
  }

  setView(view) {
    this.view = view;
    this.root.setAttribute("viewBox", view.map((v) => v.toFixed(2)).join(" "));
  }

  whole() {
    this.setView(WORLD);
    this.draw();
  }

  draw() {
    clear(this.dots);
    const unit = this.view[2] / 360;  // keep dot sizes constant on screen whatever the zoom
    const sorted = this.events.slice().sort((a, b) => (killedOf(b) || 0) - (killedOf(a) || 0));
    for (const event of sorted) {
      const killed = killedOf(event) || 0;
      const r = (2 + Math.min(6, Math.sqrt(killed))) * unit;
      const precise = !event.location.precision || event.location.precision < 3;
      const classes = ["event", precise ? "" : "imprecise", event.id === this.selected ? "selected" : ""].join(" ").trim();
      const dot = svg("circle", {
        class: classes, cx: event.location.lon + 180, cy: 90 - event.location.lat, r,
        fill: typeColour(event.event_type), "data-id": event.id, tabindex: 0,
        onclick: () => this.onPick(event.id),
        onkeydown: (ev) => { if (ev.key === "Enter") this.onPick(event.id); },
      }, svg("title", {}, `${event.sub_event_type || event.event_type} — ${placeText(event.location)}${event.date ? ", " + event.date : ""}`));
      this.dots.append(dot);
    }
  }

  select(id) {
    this.selected = id;
    for (const dot of this.dots.querySelectorAll("circle")) {
      dot.classList.toggle("selected", dot.dataset.id === id);
    }
  }
}
