// Small DOM and API helpers. Text always goes in as text nodes (textContent), never as markup:
// article text comes from scraped pages and must not be able to inject anything.

const SVG_NS = "http://www.w3.org/2000/svg";

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else if (key === "class") node.setAttribute("class", value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export const TYPE_COLOURS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Protests": "#2c7fb8",
  "Riots": "#16a085",
  "Strategic developments": "#6d7b80",
};

export function typeColour(type) {
  return TYPE_COLOURS[type] || "#555";
}

// ---- API ---------------------------------------------------------------------------------------

const TOKEN_KEY = "eventledger.token";

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function setToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export async function api(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined && value !== false) url.searchParams.set(key, value);
  }
  const headers = { Accept: "application/json" };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(url, { headers });
  let body = null;
  try { body = await response.json(); } catch (_) { /* not JSON */ }
  if (!response.ok) {
    const error = (body && body.error) || {};
    throw new ApiError(response.status, error.code || "error", error.message || `HTTP ${response.status}`);
  }
  return body;
}

export function figureText(claim) {
  if (claim.count === null || claim.count === undefined) return "?";
  if (claim.low !== null && claim.low !== undefined && claim.high !== null && claim.high !== undefined && claim.low !== claim.high) {
    return `${claim.low}–${claim.high}`;
  }
  return String(claim.count);
}

export function estimateText(estimate) {
  if (!estimate || estimate.best === null || estimate.best === undefined) return "";
  const range = estimate.low !== estimate.high && estimate.low !== null && estimate.high !== null ? ` (${estimate.low}–${estimate.high})` : "";
  return `best estimate ${estimate.best}${range}`;
}

export const GROUP_NAMES = {
  total: "people (no side stated)", civilians: "civilians", security_forces: "security forces", militants: "militants",
  attackers: "attackers", protesters: "protesters",
};

const PUBLISHED_SOURCES = {
  given: "given with the article", jsonl: "the JSONL record", json: "the JSON record", csv: "the CSV row",
  feed: "the feed entry", sidecar: "the sidecar file", ingest_default: "ingest --published",
  html_metadata: "inferred from the page's metadata", published_line: "inferred from a 'Published' line",
  dateline: "inferred from the dateline", warc_date: "inferred from the WARC crawl date",
};

export function publishedText(source) {
  return PUBLISHED_SOURCES[source] || source || "";
}

// The date of an event in the list: undated events are marked as such, inferred dates flagged.
export function dateCell(event) {
  if (!event.date) return el("span", { class: "badge undated", title: "no date in the text and no publication date" }, "undated");
  if (!event.date_inferred) return event.date;
  return el("span", { class: "inferred", title: dateText(event) }, event.date, el("sup", {}, "~"));
}

export function dateText(event) {
  if (!event.date) return "undated: no date in the text and no publication date";
  const source = publishedText(event.published_source);
  if (event.date_basis === "publication") return `${event.date} (the publication date${source ? `, ${source}` : ""}: the text gives no date)`;
  if (event.date_basis === "relative") return `${event.date} (${event.date_precision || "day"}, resolved against the publication date${source ? `, ${source}` : ""})`;
  return `${event.date}${event.date_precision ? ` (${event.date_precision})` : ""}`;
}

export function placeText(location) {
  if (!location) return "unknown place";
  const parts = [location.name];
  if (location.admin1 && location.admin1 !== location.name) parts.push(location.admin1);
  if (location.country && location.country !== location.name) parts.push(location.country);
  return parts.filter(Boolean).join(", ");
}

export function killedOf(event) {
  // the ledger's best estimate over every claim (UCDP style); else the largest claim given here
  if (event.fatalities_best !== null && event.fatalities_best !== undefined) return event.fatalities_best;
  let best = null;
  for (const figure of event.figures || []) {
    if (figure.kind === "killed" && !figure.background && figure.count !== null && figure.count !== undefined) {
      best = best === null ? figure.count : Math.max(best, figure.count);
    }
  }
  return best;
}
