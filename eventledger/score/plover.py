"""PLOVER gold sentences: source and target actors, dead and injured counts, event places.

Gold: `../shared/data/plover_gsr/PLOVER_GSR_CAMEO.json` (openeventdata/PLOVER, CC BY-SA 4.0), a
JSON list of one-sentence records: `source` and `target` (lists of {actorText, code}, sometimes a
bare string or missing), `dead` / `injured` (strings of digits, on a few records), `eventLoc`
({name}, on some). The DOCUMENT record is skipped.

Each sentence goes through the whole pipeline (`eventledger.pipeline.extract`), under a neutral
title line (alone, a sentence would be read as a headline and refused). Then:

- source actor: any event actor1 or statement speaker whose text shares a word with a gold
  `source[].actorText` ("Senior Hungarian and Romanian officials" ~ "Hungarian");
- target actor: any event actor2 or statement target against gold `target[].actorText`;
- dead / injured: on the records that carry them, whether a killed (injured) figure has the gold
  count; on the others, how often a killed/injured figure is reported anyway (informative only:
  PLOVER leaves the field out on many records that do mention deaths);
- event place (bonus): on the records with `eventLoc`, whether an event's place (name or mention)
  matches it.

Source and target are printed again for the conflict and protest records only (PLOVER also codes
diplomacy -- agree, consult, aid -- which eventledger does not type as events), and again counting
event actors only ("[event actors]": actor1 / actor2, no statement speakers or targets), which
measures the actor extractor alone. "target [gold places left out]" drops the gold targets that
are towns or regions named as the scene (PLOVER codes "shelled Juba" with target Juba; eventledger
never turns a place of the event into an actor); countries, capitals and known actors stay.

`--split dev|heldout` scores one half, fixed by a hash of the record id (develop on dev, report
both); `--dump FILE` writes each sentence's gold and predicted actors as JSON lines.

For each, per sentence: accuracy = right / sentences with gold; precision = right / sentences
where something was predicted (among those with gold); recall = right / sentences with gold.

    python -m eventledger.score.plover [--split dev|heldout|all] [--dump OUT.jsonl] [--examples N] [--limit N] [GOLD.json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from anyascii import anyascii

REPO = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = REPO.parent / "shared/data/plover_gsr/PLOVER_GSR_CAMEO.json"

_STOP = {"the", "of", "and", "in", "on", "a", "an", "for", "to", "by", "its", "their", "his", "her", "senior", "officials",
         "official", "government", "forces", "force", "authorities", "leaders", "leader", "people", "members", "group"}


_TITLE = "PLOVER gold-standard sentence"
# PLOVER event types of the kind eventledger is built for (ACLED: battles, violence, protests).
CONFLICT_EVENTS = {"ASSAULT", "FIGHT", "COERCE", "PROTEST", "MOBILIZE", "THREATEN"}


@dataclass
class Tally:
    name: str
    gold: int = 0  # sentences with a gold value
    predicted: int = 0  # of those, sentences where something was predicted
    right: int = 0
    extra: int = 0  # sentences without gold where something was predicted anyway
    no_gold: int = 0
    errors: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / max(1, self.gold)

    @property
    def precision(self) -> float:
        return self.right / max(1, self.predicted)

    @property
    def recall(self) -> float:
        return self.right / max(1, self.gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        extra = f" | predicted without gold: {self.extra}/{self.no_gold}" if self.no_gold else ""
        return (f"{self.name:12s} n={self.gold:3d}  accuracy {self.accuracy:.3f}  P {self.precision:.3f} "
                f"R {self.recall:.3f} F1 {self.f1:.3f}  (right {self.right}, predicted {self.predicted}){extra}")


def split_of(record: dict) -> str:
    """'dev' or 'heldout', fixed by a hash of the record's id (about half each)."""
    digest = hashlib.sha1(str(record.get("id", record.get("text", ""))).encode("utf-8")).digest()
    return "dev" if digest[0] % 2 == 0 else "heldout"


def select(records: list[dict], split: str) -> list[dict]:
    return records if split == "all" else [r for r in records if split_of(r) == split]


def load(path: Path = DEFAULT_GOLD) -> list[dict]:
    data = json.loads(path.read_text("utf-8"))
    return [r for r in data if r.get("event") != "DOCUMENT" and (r.get("text") or "").strip()]


def _actor_texts(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    out = []
    for item in value:
        text = item.get("actorText") if isinstance(item, dict) else str(item)
        if text and text.strip():
            out.append(text.strip())
    return out


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", anyascii(text or "").lower()) if w not in _STOP and len(w) > 1}


def same_actor(gold: str, found: str | None) -> bool:
    """Whether two actor phrases name the same party: a shared word, or words sharing their first
    five letters ("Hungarian" ~ "Hungary"). Text overlap, as the brief asks; no normalisation."""
    if not found:
        return False
    want, got = _words(gold), _words(found)
    if want & got:
        return True
    return any(len(w) >= 5 and len(g) >= 5 and w[:5] == g[:5] for w in want for g in got)


_PLACE_LEAD = re.compile(r"^(?:(?:in|at|near|the|central|southern|northern|eastern|western|occupied|capital|city|"
                         r"town|of)\s+)+", re.I)


def is_place_target(text: str) -> bool:
    """A gold target that names where, not who: a town or region the gazetteer knows ("Juba",
    "in central Baghdad", "West Bank") and that is neither a country, a capital (often the
    government: "Moscow"), nor a known actor ("Hamas"). eventledger never makes an actor of a
    place named as the scene of an event, so these are reported apart."""
    from ..knowledge.actors import known_actor
    from ..knowledge.capitals import government_of
    from ..knowledge.gazetteer import country_of, geocode

    core = _PLACE_LEAD.sub("", text.strip())
    if not core or country_of(core) or government_of(core) or known_actor(core) is not None:
        return False
    return geocode(core) is not None


def _count(value) -> int | None:
    if value is None:
        return None
    text = str(value).replace(",", "").strip()
    return int(text) if text.isdigit() else None


@dataclass
class Predicted:
    sources: list[str]
    targets: list[str]
    killed: list[int]
    injured: list[int]
    places: list[str]
    event_sources: list[str] = field(default_factory=list)  # event actor1 only (no statement speakers)
    event_targets: list[str] = field(default_factory=list)  # event actor2 only (no statement targets)


def predicted_of(result) -> Predicted:
    sources: list[str] = []
    targets: list[str] = []
    killed: list[int] = []
    injured: list[int] = []
    places: list[str] = []
    for event in result.events:
        for actor in event.actors:
            texts = [t for t in (actor.mention, actor.name) if t]
            if actor.role == "actor1":
                sources += texts
            elif actor.role == "actor2":
                targets += texts
        for figure in event.figures:
            if figure.count is None:
                continue
            if figure.kind == "killed":
                killed.append(figure.count)
            elif figure.kind == "injured":
                injured.append(figure.count)
        if event.location is not None:
            places += [t for t in (event.location.name, event.location.mention) if t]
    event_sources, event_targets = list(sources), list(targets)
    for statement in result.statements:
        if statement.speaker:
            sources.append(statement.speaker)
        if statement.speaker_evidence is not None:
            sources.append(statement.speaker_evidence.text)
        if statement.target:
            targets.append(statement.target)
    return Predicted(sources, targets, killed, injured, places, event_sources, event_targets)


def _score_actors(tally: Tally, gold: list[str], found: list[str], text: str) -> None:
    if not gold:
        return
    tally.gold += 1
    if found:
        tally.predicted += 1
    if any(same_actor(g, f) for g in gold for f in found):
        tally.right += 1
    else:
        tally.errors.append(f"gold {gold} got {sorted(set(found))[:4]}: {text[:140]}")


def _score_count(tally: Tally, gold_value, found: list[int], text: str) -> None:
    gold = _count(gold_value)
    if gold is None:
        tally.no_gold += 1
        if found:
            tally.extra += 1
            tally.extras.append(f"no gold, got {found}: {text[:140]}")
        return
    tally.gold += 1
    if found:
        tally.predicted += 1
    if gold in found:
        tally.right += 1
    else:
        tally.errors.append(f"gold {gold} got {found}: {text[:140]}")


def evaluate(path: Path = DEFAULT_GOLD, examples: int = 5, limit: int | None = None, out=None,
             split: str = "all", dump: Path | None = None) -> dict[str, Tally]:
    out = out or sys.stdout
    from ..errors import InputError
    from ..pipeline import extract

    records = select(load(path), split)
    records = records[:limit] if limit else records
    dumped = []
    tallies = {name: Tally(name) for name in ("source", "target", "dead", "injured", "event place")}
    # The same two actor measures on the conflict and protest records only (what eventledger types).
    conflict = {name: Tally(f"{name} [conflict]") for name in ("source", "target")}
    # The actor extractor alone: event actor1 / actor2, without statement speakers and targets.
    event_only = {name: Tally(f"{name} [event actors]") for name in ("source", "target")}
    # Targets without the gold targets that are places (PLOVER sometimes codes the town attacked).
    not_places = Tally("target [gold places left out]")
    failed = 0
    for record in records:
        text = " ".join(record["text"].split())
        try:
            # One sentence alone reads as a headline to the cleaner: give it a title line so the
            # sentence is the article's body (the title is never mined for events).
            result = extract(f"{_TITLE}\n\n{text}", published=record.get("date"))
        except InputError:
            failed += 1
            result = None
        found = predicted_of(result) if result is not None else Predicted([], [], [], [], [])
        if dump is not None:
            dumped.append({"id": record.get("id"), "event": record.get("event"), "text": text,
                           "gold_source": _actor_texts(record.get("source")),
                           "gold_target": _actor_texts(record.get("target")),
                           "sources": found.sources, "targets": found.targets})
        _score_actors(tallies["source"], _actor_texts(record.get("source")), found.sources, text)
        _score_actors(tallies["target"], _actor_texts(record.get("target")), found.targets, text)
        _score_actors(not_places, [t for t in _actor_texts(record.get("target")) if not is_place_target(t)],
                      found.targets, text)
        _score_actors(event_only["source"], _actor_texts(record.get("source")), found.event_sources, text)
        _score_actors(event_only["target"], _actor_texts(record.get("target")), found.event_targets, text)
        if record.get("event") in CONFLICT_EVENTS:
            _score_actors(conflict["source"], _actor_texts(record.get("source")), found.sources, text)
            _score_actors(conflict["target"], _actor_texts(record.get("target")), found.targets, text)
        _score_count(tallies["dead"], record.get("dead"), found.killed, text)
        _score_count(tallies["injured"], record.get("injured"), found.injured, text)
        location = record.get("eventLoc") or {}
        _score_actors(tallies["event place"], [location["name"]] if location.get("name") else [], found.places, text)
    if dump is not None:
        dump.write_text("\n".join(json.dumps(d) for d in dumped) + "\n", "utf-8")
    print(f"PLOVER on {path.name} [{split}]: {len(records)} sentences ({failed} refused by the pipeline)", file=out)
    for tally in [*tallies.values(), *conflict.values(), *event_only.values(), not_places]:
        print(tally.line(), file=out)
        for error in (tally.errors[:examples] + tally.extras[:examples]) if "[" not in tally.name else []:
            print(f"    - {error}", file=out)
    tallies.update({t.name: t for t in conflict.values()})
    tallies.update({t.name: t for t in event_only.values()})
    tallies[not_places.name] = not_places
    return tallies


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD,
                        help="PLOVER_GSR_CAMEO.json (default: ../shared/data/plover_gsr/)")
    parser.add_argument("--examples", type=int, default=5, help="errors printed per measure")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N sentences")
    parser.add_argument("--split", choices=("all", "dev", "heldout"), default="all",
                        help="dev or held-out half (fixed by a hash of the record id), or all")
    parser.add_argument("--dump", type=Path, default=None,
                        help="write each sentence's gold and predicted actors as JSON lines here")


def run(args: argparse.Namespace) -> int:
    """The `eventledger score` entry point."""
    if not args.gold.exists():
        print(f"no gold file at {args.gold}", file=sys.stderr)
        return 1
    evaluate(args.gold, args.examples, args.limit, split=args.split, dump=args.dump)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventledger.score.plover", description=__doc__.split("\n\n")[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
