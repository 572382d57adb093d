// The article view: the cleaned text with every extracted value highlighted at its evidence offsets,
// and what cleaning removed. Spans may overlap (a figure inside its sentence), so the text is cut at
// every span boundary and each piece becomes a text node, wrapped in a <mark> listing what covers it.
import { clear, el, figureText, GROUP_NAMES, placeText, publishedText } from "./dom.js";

// Which colour a piece gets when several values cover it: the most specific value wins.
const PRIORITY = ["figure", "claimant", "place", "date", "actor", "trigger", "speaker", "target", "statement"];
const KIND_NAMES = {
  figure: "figure", claimant: "claimant", place: "place", date: "date", actor: "actor",
  trigger: "event trigger", speaker: "speaker", target: "target", statement: "statement",
};

export function collectSpans(detail) {
  const text = detail.article.text;
  const spans = [];
  const add = (evidence, kind, label, group) => {
    if (!evidence || typeof evidence.start !== "number" || typeof evidence.end !== "number") return;
    if (evidence.start < 0 || evidence.end > text.length || evidence.start >= evidence.end) return;
    spans.push({ start: evidence.start, end: evidence.end, kind, label, group });
  };
  for (const event of detail.events || []) {
    const group = `event:${event.id}`;
    const name = event.sub_event_type || event.event_type;
    for (const sentence of event.evidence || []) add(sentence, "sentence", `reports: ${name}`, group);
    add(event.trigger, "trigger", `trigger of ${name}`, group);
    add(event.date_evidence, "date", `date of ${name}: ${event.date || "?"}${event.date_precision ? ` (${event.date_precision})` : ""}`, group);
    if (event.location) {
      add(event.location.evidence, "place", `place of ${name}: ${placeText(event.location)}${event.location.precision ? ` (precision ${event.location.precision})` : ""}`, group);
    }
    for (const actor of event.actors || []) {
      add(actor.evidence, "actor", `actor of ${name} (${actor.role || "?"}): ${actor.name}${actor.actor_type ? ` [${actor.actor_type}]` : ""}`, group);
    }
    for (const figure of event.figures || []) {
      const who = figure.claimant ? `claimed by ${figure.claimant}` : "unattributed";
      const flags = [figure.hedged ? "hedged" : "", figure.background ? "background" : ""].filter(Boolean).join(", ");
      const counts = figure.group && figure.group !== "total" ? ` ${GROUP_NAMES[figure.group] || figure.group}` : "";
      add(figure.evidence, "figure", `${figure.kind}: ${figureText(figure)}${counts}, ${who}${flags ? ` (${flags})` : ""}`, group);
      add(figure.claimant_evidence, "claimant", `claimant of ${figure.kind} ${figureText(figure)}: ${figure.claimant || "?"}`, group);
      add(figure.sentence, "sentence", `reports ${figure.kind} ${figureText(figure)}`, group);
    }
  }
  (detail.statements || []).forEach((statement, i) => {
    const group = `statement:${i}`;
    const speaker = statement.speaker || "unknown speaker";
    add(statement.evidence, "statement", `${statement.kind} by ${speaker}${statement.target ? ` against ${statement.target}` : ""}`, group);
    add(statement.speaker_evidence, "speaker", `speaker (${statement.kind}): ${speaker}`, group);
    add(statement.target_evidence, "target", `target of ${statement.kind}: ${statement.target || "?"}`, group);
    add(statement.sentence, "sentence", `statement: ${statement.kind} by ${speaker}`, group);
  });
  return spans;
}

export function renderHighlighted(container, text, spans, focusGroup, onPick) {
  clear(container);
  const cuts = new Set([0, text.length]);
  for (const span of spans) { cuts.add(span.start); cuts.add(span.end); }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) { container.append(document.createTextNode(piece)); continue; }
    const kinds = [...new Set(covering.map((s) => s.kind))];
    const groups = [...new Set(covering.map((s) => s.group))];
    const inFocus = focusGroup && groups.includes(focusGroup);
    const values = PRIORITY.filter((k) => kinds.includes(k));
    if (!values.length) {  // only inside a reporting sentence: a light tint
      container.append(el("span", { class: `sent${inFocus ? " focus" : ""}`, "data-start": a, "data-end": b }, piece));
      continue;
    }
    const classes = [`hl-${values[0]}`, ...values.slice(1).map((k) => `also-${k}`)];
    if (kinds.includes("sentence")) classes.push("in-sentence");
    if (focusGroup) classes.push(inFocus ? "focus" : "dim");
    const labels = [...new Set(covering.filter((s) => s.kind !== "sentence").map((s) => s.label))];
    const mark = el("mark", {
      class: classes.join(" "), "data-start": a, "data-end": b, "data-kinds": values.join(" "),
      "data-groups": groups.join(" "), title: labels.join("\n"), tabindex: 0,
    }, piece);
    mark.addEventListener("click", () => onPick(mark, labels));
    container.append(mark);
  }
}

function safeLink(url) {
  // Only real web addresses become links: a scraped "javascript:" URL stays inert text.
  if (!url || !/^https?:\/\//i.test(url)) return url ? el("span", {}, url) : null;
  return el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, url);
}

export function renderArticle(root, detail, focusEventId, onFocus, pick = null) {
  clear(root);
  const article = detail.article;
  const focusGroup = focusEventId ? `event:${focusEventId}` : null;
  const head = el("div", { class: "event-head" },
    el("h2", {}, article.title || "(untitled article)"),
    el("button", { type: "button", class: "link", id: "article-close", onclick: () => { root.hidden = true; } }, "close"));
  const published = article.published
    ? `${article.published}${article.published_source && article.published_source !== "given" ? ` (${publishedText(article.published_source)})` : ""}`
    : "publication date unknown";
  const meta = el("p", { class: "muted" },
    [article.original_source || article.outlet, published].filter(Boolean).join(" · "),
    article.url ? " · " : "", safeLink(article.url));
  root.append(head, meta);
  for (const warning of detail.warnings || []) root.append(el("p", { class: "badge warn" }, warning));

  if ((detail.events || []).length) {
    const bar = el("div", { class: "article-events" }, el("span", { class: "muted" }, "Events in this article:"));
    for (const event of detail.events) {
      bar.append(el("button", {
        type: "button", class: event.id === focusEventId ? "active" : "", "data-event": event.id,
        onclick: () => onFocus(event.id === focusEventId ? null : event.id),
      }, `${event.sub_event_type || event.event_type}${event.location ? " — " + event.location.name : ""}`));
    }
    root.append(bar);
  }

  const legend = el("div", { class: "hl-legend" });
  for (const kind of PRIORITY) legend.append(el("span", {}, el("i", { class: `sw-${kind}` }), KIND_NAMES[kind]));
  const info = el("div", { id: "span-info", class: "muted" }, "Click a highlighted value to see what was extracted from it.");
  const body = el("div", { class: "article-text", id: "article-text", lang: article.language || "en" });
  root.append(el("h3", {}, "Cleaned text, with extracted values"), legend, info, body);

  const spans = collectSpans(detail);
  renderHighlighted(body, article.text, spans, focusGroup, (mark, labels) => {
    for (const picked of body.querySelectorAll("mark.picked")) picked.classList.remove("picked");
    mark.classList.add("picked");
    clear(info).append(el("strong", {}, `“${mark.textContent}”`), " — ", labels.join("; "));
  });

  const statements = detail.statements || [];
  if (statements.length) {
    root.append(el("h3", {}, `Statements (${statements.length})`));
    const said = el("ul", { class: "statements", id: "statement-list" });
    statements.forEach((statement, i) => {
      const item = el("li", { "data-group": `statement:${i}` },
        el("span", { class: "badge" }, statement.kind || "said"), " ",
        el("strong", {}, statement.speaker || "unknown speaker"),
        statement.target ? ` → ${statement.target}` : "", ": ",
        el("q", {}, statement.text || ""));
      item.addEventListener("click", () => {
        const mark = body.querySelector(`mark[data-groups~="statement:${i}"]`);
        if (mark) { mark.scrollIntoView({ block: "center" }); mark.click(); }
      });
      said.append(item);
    });
    root.append(said);
  }

  const removed = detail.removed || [];
  root.append(el("h3", {}, `Removed by cleaning (${removed.length})`));
  if (!removed.length) root.append(el("p", { class: "muted" }, "Nothing was removed."));
  const list = el("ul", { class: "removed", id: "removed-list" });
  for (const item of removed) {
    list.append(el("li", {}, el("span", { class: "badge" }, item.reason || "removed"), el("span", { class: "removed-text" }, item.text)));
  }
  root.append(list);
  root.hidden = false;
  // "see in article": the value's own highlight, picked; else the first value of the event in focus
  const picked = pick ? body.querySelector(`mark[data-start="${Number(pick.start)}"]`) : null;
  if (picked) { picked.scrollIntoView({ block: "center" }); picked.click(); return; }
  const first = body.querySelector("mark.focus") || body.querySelector("mark");
  if (first) first.scrollIntoView({ block: "nearest" });
}
