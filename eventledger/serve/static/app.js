// The page: filters, map, timeline and list of events; an event's figures with their claimants;
// the articles that report it, with every extracted value highlighted in the text.
import { api, clear, dateCell, dateText, el, estimateText, figureText, GROUP_NAMES, killedOf, placeText, setToken, typeColour,
  TYPE_COLOURS } from "./dom.js";
import { EventMap } from "./map.js";
import { drawTimeline } from "./timeline.js";
import { renderArticle } from "./article.js";

const PAGE = 20;
const MAP_LIMIT = 500;
const $ = (id) => document.getElementById(id);

const state = { facets: null, offset: 0, total: 0, selected: null, article: null, busy: 0 };
let map;

function status(message, isError = false) {
  const node = $("status");
  node.textContent = message || "";
  node.classList.toggle("error", isError);
}

function failed(error) {
  if (error.status === 401) {
    $("token-form").hidden = false;
    status("This server needs a token to read.", true);
  } else {
    status(`Error: ${error.message}`, true);
  }
}

async function busy(task) {
  state.busy += 1;
  document.body.dataset.busy = "1";
  try { return await task(); } catch (error) { failed(error); return null; } finally {
    state.busy -= 1;
    if (!state.busy) delete document.body.dataset.busy;
  }
}

// ---- filters ---------------------------------------------------------------------------------

function filterParams() {
  return {
    event_type: $("f-type").value,
    sub_event_type: $("f-subtype").value,
    country: $("f-country").value,
    date_from: $("f-from").value,
    date_to: $("f-to").value,
    q: $("f-q").value.trim(),
    include_background: $("f-background").checked ? "true" : "",
  };
}

function fillSelect(select, options, keep) {
  const first = select.options[0];
  clear(select).append(first);
  for (const [value, label] of options) select.append(el("option", { value }, label));
  if ([...select.options].some((o) => o.value === keep)) select.value = keep;
}

function fillFacets() {
  const facets = state.facets;
  fillSelect($("f-type"), facets.event_types.map((t) => [t.event_type, `${t.event_type} (${t.count})`]), $("f-type").value);
  fillSubtypes();
  fillSelect($("f-country"), facets.countries.map((c) => [c.code || c.name, `${c.name || c.code} (${c.count})`]), $("f-country").value);
  $("counts").textContent = `${facets.events} events from ${facets.articles} articles`;
  const legend = clear($("legend"));
  for (const [type, colour] of Object.entries(TYPE_COLOURS)) {
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = colour;
    legend.append(el("span", {}, swatch, type));
  }
}

function fillSubtypes() {
  const type = $("f-type").value;
  const subtypes = [];
  for (const t of state.facets.event_types) {
    if (!type || t.event_type === type) for (const s of t.sub_event_types) subtypes.push([s.name, `${s.name} (${s.count})`]);
  }
  fillSelect($("f-subtype"), subtypes, $("f-subtype").value);
}

// ---- events ----------------------------------------------------------------------------------

async function loadEvents() {
  await busy(async () => {
    const params = filterParams();
    const [all, page] = await Promise.all([
      api("/api/events", { ...params, limit: MAP_LIMIT }),
      api("/api/events", { ...params, limit: PAGE, offset: state.offset }),
    ]);
    state.total = page.total;
    const unplaced = map.show(all.items, state.selected);
    $("map-note").textContent = `${all.total} events` + (all.total > all.items.length ? ` (map shows the first ${all.items.length})` : "")
      + (unplaced ? `; ${unplaced} without coordinates` : "");
    drawTimeline($("timeline"), $("timeline-note"), all.items, (from, to) => {
      $("f-from").value = from; $("f-to").value = to; state.offset = 0; loadEvents();
    });
    renderList(page.items);
    const empty = state.facets && state.facets.events === 0 && !params.include_background;
    status(all.total ? "" : empty ? "No events yet: ingest articles into the ledger, or POST them to /api/articles."
      : "No events match these filters.");
  });
  document.body.dataset.ready = "1";
}

function renderList(items) {
  const body = clear($("event-list").tBodies[0]);
  for (const event of items) {
    const dot = el("span", { class: "type-dot" });
    dot.style.background = typeColour(event.event_type);
    const killed = killedOf(event);
    const reports = Array.isArray(event.reports) ? event.reports.length : event.reports;
    const row = el("tr", { "data-id": event.id, class: event.id === state.selected ? "selected" : "", tabindex: 0 },
      el("td", {}, dateCell(event)),
      el("td", {}, dot, event.sub_event_type || event.event_type, event.background ? el("span", { class: "badge" }, "background") : null),
      el("td", {}, placeText(event.location)),
      el("td", { class: "num", title: event.conflicting ? "claims differ: best estimate (lowest–highest claim)" : null },
        killed === null ? "" : String(killed),
        event.fatalities_low !== event.fatalities_high && event.fatalities_low != null && event.fatalities_high != null
          ? el("span", { class: "muted range" }, ` (${event.fatalities_low}–${event.fatalities_high})`) : null),
      el("td", { class: "num" }, reports === undefined || reports === null ? "" : String(reports)));
    row.addEventListener("click", () => openEvent(event.id));
    row.addEventListener("keydown", (e) => { if (e.key === "Enter") openEvent(event.id); });
    body.append(row);
  }
  const last = Math.min(state.offset + PAGE, state.total);
  $("page-note").textContent = state.total ? `${state.offset + 1}–${last} of ${state.total}` : "";
  $("prev").disabled = state.offset === 0;
  $("next").disabled = last >= state.total;
}

// ---- one event ---------------------------------------------------------------------------------

async function openEvent(id) {
  const event = await busy(() => api(`/api/events/${encodeURIComponent(id)}`));
  if (!event) return;
  state.selected = id;
  map.select(id);
  for (const row of $("event-list").tBodies[0].rows) row.classList.toggle("selected", row.dataset.id === id);
  history.replaceState(null, "", `#event=${encodeURIComponent(id)}`);
  renderEvent(event);
  const reports = Array.isArray(event.reports) ? event.reports : [];
  if (reports.length) await openArticle(reports[0].article_id, reports[0].article_event_id);
  else $("article-view").hidden = true;
}

function claimCard(claim, reports) {
  const who = claim.claimant ? el("span", { class: "who" }, claim.claimant) : el("span", { class: "who none" }, "unattributed");
  const card = el("div", { class: "claim" },
    el("div", { class: "count" }, figureText(claim)),
    el("div", {}, "according to ", who, claim.hedged ? el("span", { class: "badge hedged" }, "hedged") : null,
      claim.part ? el("span", { class: "badge part", title: "a part of a toll the report states beside it" }, "part of the toll") : null));
  const report = claim.article_id ? reports.find((r) => r.article_id === claim.article_id) : null;
  const outlet = claim.outlet || (report && report.outlet);
  if (claim.evidence) card.append(el("q", {}, claim.evidence.text));
  if (outlet && reports.length > 1) card.append(el("div", { class: "muted outlet" }, `in ${outlet}`));
  if (claim.article_id) {
    card.append(el("button", {
      type: "button", class: "link", onclick: () => openArticle(claim.article_id, report && report.article_event_id, claim.evidence),
    }, "see in article"));
  }
  return card;
}

function renderEvent(event) {
  const root = clear($("event-view"));
  $("hint").hidden = true;
  const dot = el("span", { class: "type-dot" });
  dot.style.background = typeColour(event.event_type);
  root.append(el("div", { class: "event-head" }, dot, el("h2", { id: "event-title" }, event.sub_event_type || event.event_type),
    el("span", { class: "badge" }, event.event_type), event.background ? el("span", { class: "badge" }, "background") : null,
    typeof event.confidence === "number" ? el("span", { class: "muted" }, `confidence ${event.confidence.toFixed(2)}`) : null));

  const facts = el("dl", { class: "facts" });
  const fact = (name, value) => { if (value) facts.append(el("dt", {}, name), el("dd", {}, value)); };
  fact("Date", dateText(event));
  const loc = event.location;
  fact("Place", loc ? `${placeText(loc)}${loc.admin1 ? ` — ${loc.admin1}` : ""}${loc.precision ? ` (precision ${loc.precision})` : ""}`
    + (typeof loc.confidence === "number" ? `, confidence ${loc.confidence.toFixed(2)}` : "") : "unknown");
  fact("Actors", (event.actors || []).map((a) => `${a.name} (${a.role || "?"})`).join("; "));
  fact("Claimants", (event.claimants || []).join("; "));
  root.append(facts);

  const reports = Array.isArray(event.reports) ? event.reports : [];
  const claims = event.figure_claims || [];
  root.append(el("h3", {}, "Figures and who claims them"));
  if (!claims.length) root.append(el("p", { class: "muted" }, "No figures reported."));
  const estimates = event.figure_estimates || {};
  for (const group of claims) {
    const estimate = estimates[group.kind] || {};
    // Victim groups (civilians, militants...) are parts of one toll that add up; only claims about
    // the same group are rival claims, side by side in one row.
    const parts = group.parts && group.parts.length ? group.parts
      : [{ group: "total", conflict: group.conflict, claims: group.claims }];
    const split = parts.length > 1 || parts[0].group !== "total";
    const sum = split && parts.length > 1 ? parts.map((p) => {
      const part = (estimate.parts || {})[p.group];
      return part && part.best !== null && part.best !== undefined ? `${GROUP_NAMES[p.group] || p.group} ${part.best}` : null;
    }).filter(Boolean).join(" + ") : "";
    root.append(el("div", { class: "event-head" }, el("strong", {}, group.kind),
      group.conflict ? el("span", { class: "badge warn" }, "claims differ") : null,
      (group.claims.length > 1 || split) && estimateText(estimate)
        ? el("span", { class: "muted estimate" }, estimateText(estimate) + (sum ? ` — parts: ${sum}` : "")) : null));
    for (const part of parts) {
      if (split) {
        const own = (estimate.parts || {})[part.group];
        root.append(el("div", { class: "part-head", "data-group": part.group },
          el("span", { class: "badge" }, GROUP_NAMES[part.group] || part.group),
          part.conflict ? el("span", { class: "badge warn" }, "claims differ") : null,
          part.claims.length > 1 && estimateText(own) ? el("span", { class: "muted estimate" }, estimateText(own)) : null));
      }
      const row = el("div", { class: `claims-row${part.conflict ? " conflict" : ""}`, "data-kind": group.kind, "data-group": part.group });
      for (const claim of part.claims) row.append(claimCard(claim, reports));
      root.append(row);
    }
  }

  root.append(el("h3", {}, `Reports (${reports.length})`));
  const list = el("ul", { class: "reports" });
  for (const report of reports) {
    const item = el("li", {},
      el("strong", {}, report.title || "(untitled)"),
      el("div", { class: "muted" }, [report.outlet, report.published].filter(Boolean).join(" · ")));
    for (const sentence of report.evidence || []) item.append(el("blockquote", {}, sentence.text));
    item.append(el("button", {
      type: "button", class: "open-article", "data-article": report.article_id,
      onclick: () => openArticle(report.article_id, report.article_event_id),
    }, "Read the article, with highlights"));
    list.append(item);
  }
  root.append(list);
  root.hidden = false;
}

async function openArticle(articleId, focusEventId, evidence) {
  const detail = state.article && state.article.id === articleId ? state.article
    : await busy(() => api(`/api/articles/${encodeURIComponent(articleId)}`));
  if (!detail) return;
  state.article = detail;
  const view = $("article-view");
  const show = (focus, pick) => renderArticle(view, detail, focus, show, pick);
  show(focusEventId || null, evidence || null);
}

// ---- wiring ----------------------------------------------------------------------------------

async function start() {
  map = new EventMap($("map"), openEvent);
  $("map-world").addEventListener("click", () => map.whole());
  const form = $("filters");
  let typing;
  form.addEventListener("change", (e) => {
    if (e.target.id === "f-type") fillSubtypes();
    state.offset = 0;
    loadEvents();
  });
  $("f-q").addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => { state.offset = 0; loadEvents(); }, 350);
  });
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("reset", () => setTimeout(() => { fillSubtypes(); state.offset = 0; loadEvents(); }, 0));
  $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents(); });
  $("next").addEventListener("click", () => { state.offset += PAGE; loadEvents(); });
  $("token-form").addEventListener("submit", (e) => {
    e.preventDefault();
    setToken($("token-input").value);
    $("token-form").hidden = true;
    status("");
    boot();
  });
  window.addEventListener("hashchange", () => {  // a link to #event=ID opens that event
    const wanted = /^#event=(.+)$/.exec(window.location.hash);
    if (wanted && decodeURIComponent(wanted[1]) !== state.selected) openEvent(decodeURIComponent(wanted[1]));
  });
  await map.loadOutline("/static/world-110m.json");
  await boot();
}

async function boot() {
  const facets = await busy(() => api("/api/facets"));
  if (!facets) return;
  state.facets = facets;
  fillFacets();
  await loadEvents();
  const wanted = /^#event=(.+)$/.exec(window.location.hash);
  if (wanted) await openEvent(decodeURIComponent(wanted[1]));
}

start();
