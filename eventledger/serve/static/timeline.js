// Timeline: how many events per day, month or year (whichever fits the range), stacked by event type.
// Clicking a bar filters to its dates.
import { clear, svg, typeColour } from "./dom.js";

const H = 90, AXIS = 14;
const DAY = 86400000;

function parseDay(text) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(text || "");
  if (!m) return null;
  return Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1);
}

const iso = (t) => new Date(t).toISOString().slice(0, 10);

function binning(min, max) {
  const span = (max - min) / DAY;
  if (span <= 90) {
    return { label: "day", start: (t) => t, next: (t) => t + DAY, name: (t) => iso(t) };
  }
  if (span <= 365 * 8) {
    return {
      label: "month",
      start: (t) => { const d = new Date(t); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1); },
      next: (t) => { const d = new Date(t); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1); },
      name: (t) => iso(t).slice(0, 7),
    };
  }
  return {
    label: "year",
    start: (t) => Date.UTC(new Date(t).getUTCFullYear(), 0, 1),
    next: (t) => Date.UTC(new Date(t).getUTCFullYear() + 1, 0, 1),
    name: (t) => iso(t).slice(0, 4),
  };
}

export function drawTimeline(root, note, events, onRange) {
  clear(root);
  const W = Math.max(300, Math.round(root.getBoundingClientRect().width) || 600);  // 1 unit = 1 pixel: no stretched text
  root.setAttribute("viewBox", `0 0 ${W} ${H}`);
  const dated = events.map((e) => [parseDay(e.date), e]).filter(([t]) => t !== null);
  const undated = events.length - dated.length;
  if (!dated.length) {
    note.textContent = events.length ? `${undated} events without a date` : "no events";
    return;
  }
  let min = Math.min(...dated.map(([t]) => t)), max = Math.max(...dated.map(([t]) => t));
  if (max - min < 14 * DAY) { min -= 7 * DAY; max += 7 * DAY; }  // a single day still gets some context
  const bin = binning(min, max);
  const starts = [];
  for (let t = bin.start(min); t <= max; t = bin.next(t)) starts.push(t);
  const counts = new Map(starts.map((t) => [t, new Map()]));
  for (const [t, event] of dated) {
    const byType = counts.get(bin.start(t));
    byType.set(event.event_type, (byType.get(event.event_type) || 0) + 1);
  }
  const peak = Math.max(1, ...[...counts.values()].map((m) => [...m.values()].reduce((a, b) => a + b, 0)));
  const width = W / starts.length;
  const plot = H - AXIS;
  starts.forEach((t, i) => {
    let y = plot;
    for (const [type, n] of counts.get(t)) {
      const h = (n / peak) * (plot - 4);
      y -= h;
      const bar = svg("rect", {
        class: "bar", x: i * width + width * 0.1, y, width: Math.max(1, width * 0.8), height: h, fill: typeColour(type),
        "data-from": iso(t), "data-to": iso(bin.next(t) - DAY),
        onclick: () => onRange(iso(t), iso(bin.next(t) - DAY)),
      }, svg("title", {}, `${bin.name(t)}: ${n} × ${type}`));
      root.append(bar);
    }
  });
  root.append(svg("line", { class: "baseline", x1: 0, x2: W, y1: plot, y2: plot }));
  const ticks = Math.min(6, starts.length);
  for (let k = 0; k < ticks; k++) {
    const i = Math.round((k * (starts.length - 1)) / Math.max(1, ticks - 1));
    const x = Math.min(W - 54, Math.max(2, i * width + width / 2 - 27));  // labels are about 50 px wide
    root.append(svg("text", { class: "axis", x, y: H - 2 }, bin.name(starts[i])));
  }
  note.textContent = `events per ${bin.label}` + (undated ? `; ${undated} without a date` : "") + " — click a bar to filter to it";
}
