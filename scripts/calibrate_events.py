"""Fit the event, figure and place confidence (`eventledger/resolve/calibration.py`) on the news corpus's
train labels and report how well they are calibrated on dev.

    python scripts/calibrate_events.py            # writes eventledger/data/events/calibration.json

Each event the pipeline reports (not background) on a train article is one example: right when it
matches an annotated event of the same sub-type (`score.articles.match_events`), else wrong. Each
figure (not background) of those events is one example of the figure model: right when its event
matches an annotated event (of the same event type) that has a figure of its kind and count. The
event model is fitted first: a figure's event's calibrated confidence is one of its features. A
logistic regression over `calibration.FEATURES` (standardised, L2-penalised, plain gradient
descent: numpy only, deterministic) gives the chance of being right. What is kept is the features'
means and spreads, the weights and the bias: numbers computed from labels and from the system's
own scores, no text of the (third-party) articles.

Each statement the pipeline reports is one example of the statement model: right when an annotated
statement (required or optional) has its speaker, its text and its kind (`score.articles.statement_right`).

Each placed event that matches an annotated event with a place (at event-type level, as
`score articles` counts places) is one example of the place model: right when the scorer's
`place_verdict` says "right" (a coarser or other place is wrong)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eventledger.pipeline import extract  # noqa: E402
from eventledger.resolve import calibration  # noqa: E402
from eventledger.score.articles import load_corpus, match_events, place_verdict, statement_right  # noqa: E402

OUT = REPO / "eventledger" / "data" / "events" / "calibration.json"
L2 = 1.0
STEPS = 3000
RATE = 0.1
BINS = (0.0, 0.3, 0.5, 0.7, 0.9, 1.01)


def extractions(split: str) -> list:
    out = []
    for gold in load_corpus(split):
        result = extract(gold.path.read_bytes(), published=gold.published, url=gold.url, outlet=gold.outlet)
        out.append((gold, result, [e for e in result.events if not e.background]))
    return out


def event_examples(runs) -> tuple[np.ndarray, np.ndarray]:
    rows, labels = [], []
    for gold, result, reported in runs:
        right = set(match_events(gold.events, reported, result.article.text, level="sub_type").values())
        for index, event in enumerate(reported):
            rows.append(calibration.features(event, result.article, len(reported)))
            labels.append(1.0 if index in right else 0.0)
    return np.array(rows, dtype=float), np.array(labels, dtype=float)


def figure_examples(runs, events_model: dict) -> tuple[np.ndarray, np.ndarray]:
    rows, labels = [], []
    for gold, result, reported in runs:
        matched = {si: gi for gi, si in match_events(gold.events, reported, result.article.text, level="event_type").items()}
        for index, event in enumerate(reported):
            saved = event.confidence
            event.confidence = calibration._chance(events_model, calibration.features(event, result.article, len(reported)))
            want = gold.events[matched[index]].figures if index in matched else []
            for figure in event.figures:
                if figure.background:
                    continue
                rows.append(calibration.figure_features(figure, event))
                labels.append(1.0 if any(figure.kind == g.kind and (figure.count == g.count or figure.civilians == g.count)
                                         for g in want) else 0.0)
            event.confidence = saved
    return np.array(rows, dtype=float), np.array(labels, dtype=float)


def place_examples(runs) -> tuple[np.ndarray, np.ndarray]:
    rows, labels = [], []
    for gold, result, reported in runs:
        for gi, si in match_events(gold.events, reported, result.article.text, level="event_type").items():
            want, event = gold.events[gi], reported[si]
            if want.place is None or want.optional or event.location is None:
                continue
            rows.append(calibration.place_features(event))
            labels.append(1.0 if place_verdict(want.place, event) == "right" else 0.0)
    return np.array(rows, dtype=float), np.array(labels, dtype=float)


def statement_examples(runs) -> tuple[np.ndarray, np.ndarray]:
    rows, labels = [], []
    for gold, result, _ in runs:
        for statement in result.statements:
            rows.append(calibration.statement_features(statement, len(result.statements)))
            labels.append(1.0 if statement_right(statement, gold.statements) else 0.0)
    return np.array(rows, dtype=float), np.array(labels, dtype=float)


def fit(x: np.ndarray, y: np.ndarray, names: tuple[str, ...], what: str) -> dict:
    mean, std = x.mean(axis=0), np.round(x.std(axis=0), 6)
    std[std == 0] = 1.0  # (after rounding: the stored spread is the one used)
    z = (x - mean) / std
    w, b = np.zeros(z.shape[1]), 0.0
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(z @ w + b)))
        w -= RATE * ((z.T @ (p - y)) / len(y) + L2 * w / len(y))
        b -= RATE * float(np.mean(p - y))
    return {"features": list(names), "mean": mean.round(6).tolist(), "std": std.round(6).tolist(),
            "weights": w.round(6).tolist(), "bias": round(b, 6), "trained_on": f"news corpus train split labels, {len(y)} {what}"}


def reliability(p: np.ndarray, y: np.ndarray) -> tuple[float, list[str]]:
    lines, ece = [], 0.0
    for lo, hi in zip(BINS, BINS[1:]):
        inside = (p >= lo) & (p < hi)
        if inside.any():
            ece += inside.mean() * abs(p[inside].mean() - y[inside].mean())
            lines.append(f"  {lo:.1f}-{min(hi, 1.0):.1f}: {int(inside.sum()):4d} events, said {p[inside].mean():.2f}, right {y[inside].mean():.2f}")
    return ece, lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    calibration.ENABLED = False  # the uncalibrated scores are the features
    train, dev = extractions("train"), extractions("dev")
    x, y = event_examples(train)
    events_model = fit(x, y, calibration.FEATURES, "events")
    fx, fy = figure_examples(train, events_model)
    figures_model = fit(fx, fy, calibration.FIGURE_FEATURES, "figures")
    px, py = place_examples(train)
    places_model = fit(px, py, calibration.PLACE_FEATURES, "places")
    sx, sy = statement_examples(train)
    statements_model = fit(sx, sy, calibration.STATEMENT_FEATURES, "statements")
    args.out.write_text(json.dumps({"events": events_model, "figures": figures_model, "places": places_model,
                                    "statements": statements_model}, indent=2) + "\n", "utf-8")
    print(f"train: {len(y)} events, {y.mean():.2f} right; {len(fy)} figures, {fy.mean():.2f} right; "
          f"{len(py)} places, {py.mean():.2f} right; {len(sy)} statements, {sy.mean():.2f} right; written {args.out}")
    dx, dy = event_examples(dev)
    dfx, dfy = figure_examples(dev, events_model)
    dpx, dpy = place_examples(dev)
    dsx, dsy = statement_examples(dev)
    for what, model, features, labels, raw in (("events", events_model, dx, dy, dx[:, 0]),
                                               ("figures", figures_model, dfx, dfy, None),
                                               ("places", places_model, dpx, dpy, None),
                                               ("statements", statements_model, dsx, dsy, None)):
        z = (features - np.array(model["mean"])) / np.array(model["std"])
        scores = 1.0 / (1.0 + np.exp(-(z @ np.array(model["weights"]) + model["bias"])))
        for name, values in (("typer score alone", raw), ("calibrated", scores)):
            if values is None:
                continue
            ece, lines = reliability(values, labels)
            print(f"dev {what}, {name}: {len(labels)}, {labels.mean():.2f} right, expected calibration error {ece:.3f}")
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
