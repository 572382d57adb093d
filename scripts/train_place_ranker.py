"""Train the event-place ranker (`eventledger/extraction/places/ranker.py`) on the dev half of the
event-location gold, and estimate how it generalises by k-fold cross-validation inside that half.

The model is a conditional logit: for each gold sentence, a softmax over its options (no place, and
every candidate name); the loss is minus the log of the probability given to the right options
(any candidate overlapping a gold LOCATION, or "no place" when gold has none), plus an L2 penalty.
numpy only, full-batch gradient descent (Adam). The held-out half is never read here.

    python scripts/train_place_ranker.py [--folds 5] [--repeats 3] [--l2 0.3] [--filter-l2 0.3]
                                         [--features generic|structural|all] [--sweep]
                                         [--out eventledger/data/places/ranker.npz] [--no-write]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eventledger.extraction.places import ranker as place_ranker  # noqa: E402
from eventledger.score.locations import DEFAULT_GOLD, Record, _token_at, load, select  # noqa: E402

SUPPLEMENT = REPO / "eventledger/data/places/supplement.jsonl"

# Features that copy the rules' final decision (rather than a general property of the pair).
RULE_DECISION = {"rule_choice", "none:rule_none"}
# Features that are the rules' filters (each written looking at the dev half): trusted less, by a
# heavier L2 penalty, so that the general features carry the decision where they can.
RULE_FILTERS = {"attached", "path_found", "path_penalty", "via_subject", "wide_path_found", "eligible",
                "excluded_any", "only_eligible", "eligible_nearest_tree", "eligible_most_specific",
                "wide_eligible", "wide_unique", "in_rule_kept", "nested", "modifier", "reference_point", "fronted",
                "dateline", "none:no_attached", "none:no_path", "none:n_eligible", "none:n_wide"} | {
    f"excl:{x}" for x in ("report_origin", "actor", "gov_seat", "person", "aftermath", "affiliation")}


def build(records, nlp):
    """One item per record with an aligned event word: (matrix, right option mask, options' char ranges)."""
    items = []
    for record, doc in zip(records, nlp.pipe((r.text for r in records), batch_size=64)):
        trigger = _token_at(doc, record.verb[0], record.verb[1])
        if trigger is None:
            items.append(None)
            continue
        options, matrix = place_ranker.featurise(doc, trigger)
        right = np.zeros(len(options), dtype=bool)
        if not record.locations:
            right[0] = True
        else:
            for k, span in enumerate(options[1:], 1):
                a, b = span.start_char, span.end_char
                right[k] = any(a < end and start < b for start, end in record.locations)
        items.append((matrix, right))
    return items


def load_supplement(path: Path = SUPPLEMENT) -> list[Record]:
    """The project-written training sentences (see supplement.README.md) as gold records."""
    import json

    records = []
    if not path.exists():
        return records
    for n, line in enumerate(path.read_text("utf-8").splitlines()):
        if not line.strip():
            continue
        row = json.loads(line)
        text = row["text"]
        start = _word_at(text, row["verb"])
        locations = [(a, a + len(name)) for name in row["locations"] for a in [text.index(name)]]
        records.append(Record(f"supplement-{n}", text, (start, start + len(row["verb"])), locations,
                              list(row["locations"])))
    return records


def _word_at(text: str, word: str) -> int:
    """The first occurrence of the word as a whole word."""
    import re

    match = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)
    if match is None:
        raise ValueError(f"{word!r} not in {text!r}")
    return match.start()


def penalties(mask: np.ndarray, l2: float, filter_l2: float | None) -> np.ndarray:
    names = place_ranker.FEATURES
    return np.array([filter_l2 if filter_l2 is not None and n in RULE_FILTERS else l2
                     for n, m in zip(names, mask) if m])


def train(items, mask: np.ndarray, l2, steps: int = 600, lr: float = 0.05) -> np.ndarray:
    """Weights (zero outside the mask) minimising the conditional log loss + sum(l2 * w^2) / 2
    (l2 a number or one per kept feature)."""
    usable = [(m[:, mask], r) for m, r in items if r.any()]
    stacked = np.vstack([m for m, _ in usable])
    sizes = [len(r) for _, r in usable]
    offsets = np.cumsum([0] + sizes)
    right = np.concatenate([r for _, r in usable])
    group = np.repeat(np.arange(len(usable)), sizes)
    w = np.zeros(stacked.shape[1])
    m1 = np.zeros_like(w)
    m2 = np.zeros_like(w)
    n = len(usable)
    for t in range(1, steps + 1):
        scores = stacked @ w
        peak = np.maximum.reduceat(scores, offsets[:-1])
        e = np.exp(scores - peak[group])
        total = np.add.reduceat(e, offsets[:-1])
        p = e / total[group]
        pr = np.where(right, p, 0.0)
        right_total = np.add.reduceat(pr, offsets[:-1])
        q = pr / right_total[group]  # posterior over the right options
        grad = stacked.T @ (p - q) / n + l2 * w
        m1 = 0.9 * m1 + 0.1 * grad
        m2 = 0.999 * m2 + 0.001 * grad ** 2
        w -= lr * (m1 / (1 - 0.9 ** t)) / (np.sqrt(m2 / (1 - 0.999 ** t)) + 1e-8)
    full = np.zeros(len(mask))
    full[mask] = w
    return full


def accuracy(items, w: np.ndarray) -> float:
    """As the scorer counts: unaligned records are wrong."""
    right = 0
    for item in items:
        if item is None:
            continue
        matrix, ok = item
        right += bool(ok[int(np.argmax(matrix @ w))])
    return right / len(items)


def rule_accuracy(items) -> float:
    names = place_ranker.FEATURES
    rule = np.zeros(len(names))
    rule[names.index("rule_choice")] = 1.0
    rule[names.index("none")] = 0.5
    return accuracy(items, rule)


def feature_mask(kind: str) -> np.ndarray:
    names = place_ranker.FEATURES
    if kind == "all":
        return np.ones(len(names), dtype=bool)
    if kind == "generic":
        return np.array([n not in RULE_DECISION for n in names])
    if kind == "structural":
        return np.array([n not in RULE_DECISION and n not in RULE_FILTERS for n in names])
    raise ValueError(kind)


def cross_validate(items, kind: str, l2, folds: int, repeats: int, extra=()) -> tuple[float, float]:
    """Mean accuracy of the model and of the rules over held-out folds of the dev half (the
    supplementary items `extra` join every training set, never a test fold)."""
    mask = feature_mask(kind)
    if isinstance(l2, tuple):
        l2 = penalties(mask, *l2)
    model_scores, rule_scores = [], []
    for seed in range(repeats):
        order = np.random.default_rng(seed).permutation(len(items))
        for k in range(folds):
            test_idx = set(order[k::folds].tolist())
            train_items = [it for i, it in enumerate(items) if i not in test_idx and it is not None] + list(extra)
            test_items = [it for i, it in enumerate(items) if i in test_idx]
            w = train(train_items, mask, l2)
            model_scores.append(accuracy(test_items, w))
            rule_scores.append(rule_accuracy(test_items))
    return float(np.mean(model_scores)), float(np.mean(rule_scores))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--l2", type=float, default=0.3)
    parser.add_argument("--filter-l2", type=float, default=0.3,
                        help="L2 penalty on the features that are the rules' filters (default: --l2)")
    parser.add_argument("--features", choices=["all", "generic", "structural"], default="generic")
    parser.add_argument("--sweep", action="store_true", help="cross-validate a grid of l2 and feature sets")
    parser.add_argument("--out", type=Path, default=REPO / "eventledger/data/places/ranker.npz")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--no-supplement", action="store_true", help="train on the dev half only")
    args = parser.parse_args(argv)

    from eventledger.language import load_model

    records, _ = load(args.gold)
    dev = select(records, "dev")
    started = time.time()
    items = build(dev, load_model())
    print(f"dev records {len(dev)}, featurised in {time.time() - started:.1f}s, "
          f"{len(place_ranker.FEATURES)} features; rules on dev {rule_accuracy(items):.3f}")
    extra = [] if args.no_supplement else [it for it in build(load_supplement(), load_model()) if it is not None]
    print(f"supplementary sentences: {len(extra)}")
    grid = [(kind, l2, f) for kind in ("structural", "generic", "all") for l2 in (0.03, 0.1, 0.3)
            for f in (None, 0.3)] if args.sweep else [(args.features, args.l2, args.filter_l2)]
    for kind, l2, filter_l2 in grid:
        model, rules = cross_validate(items, kind, (l2, filter_l2), args.folds, args.repeats, extra)
        print(f"  {args.folds}-fold x{args.repeats} CV  features={kind:10s} l2={l2:<5} filter l2={filter_l2}  "
              f"model {model:.3f}  (rules {rules:.3f})")

    mask = feature_mask(args.features)
    usable = [it for it in items if it is not None] + extra
    w = train(usable, mask, penalties(mask, args.l2, args.filter_l2))
    print(f"trained on all of dev: dev accuracy {accuracy(items, w):.3f}")
    order = np.argsort(-np.abs(w))
    for i in order[:15]:
        print(f"    {place_ranker.FEATURES[i]:28s} {w[i]:+.2f}")
    if not args.no_write:
        np.savez(args.out, weights=w, features=np.array(place_ranker.FEATURES), l2=args.l2,
                 filter_l2=-1.0 if args.filter_l2 is None else args.filter_l2, feature_set=args.features)
        print(f"wrote {args.out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
