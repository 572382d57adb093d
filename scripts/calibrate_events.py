"""Fit the event confidence (`eventledger/resolve/calibration.py`) on the news corpus's train labels
and report how well it is calibrated on dev.

    python scripts/calibrate_events.py            # writes eventledger/data/events/calibration.json

Each event the pipeline reports (not background) on a train article is one example: right when it
matches an annotated event of the same sub-type (`score.articles.match_events`), else wrong. A
logistic regression over `calibration.FEATURES` (standardised, L2-penalised, plain gradient
descent: numpy only, deterministic) gives the chance of being right. What is kept is the features'
means and spreads, the weights and the bias: numbers computed from labels and from the system's
own scores, no text of the (third-party) articles."""

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
from eventledger.score.articles import load_corpus, match_events  # noqa: E402

OUT = REPO / "eventledger" / "data" / "events" / "calibration.json"
L2 = 1.0
STEPS = 3000
RATE = 0.1
BINS = (0.0, 0.3, 0.5, 0.7, 0.9, 1.01)


def examples(split: str) -> tuple[np.ndarray, np.ndarray]:
    rows, labels = [], []
    for gold in load_corpus(split):
        result = extract(gold.path.read_bytes(), published=gold.published, url=gold.url, outlet=gold.outlet)
        reported = [e for e in result.events if not e.background]
        right = set(match_events(gold.events, reported, result.article.text, level="sub_type").values())
        for index, event in enumerate(reported):
            rows.append(calibration.features(event, result.article, len(reported)))
            labels.append(1.0 if index in right else 0.0)
    return np.array(rows, dtype=float), np.array(labels, dtype=float)


def fit(x: np.ndarray, y: np.ndarray) -> dict:
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std == 0] = 1.0
    z = (x - mean) / std
    w, b = np.zeros(z.shape[1]), 0.0
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(z @ w + b)))
        w -= RATE * ((z.T @ (p - y)) / len(y) + L2 * w / len(y))
        b -= RATE * float(np.mean(p - y))
    return {"features": list(calibration.FEATURES), "mean": mean.round(6).tolist(), "std": std.round(6).tolist(),
            "weights": w.round(6).tolist(), "bias": round(b, 6), "trained_on": f"news corpus train split labels, {len(y)} events"}


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
    x, y = examples("train")
    fitted = fit(x, y)
    args.out.write_text(json.dumps(fitted, indent=2) + "\n", "utf-8")
    print(f"train: {len(y)} events, {y.mean():.2f} right; written {args.out}")
    dx, dy = examples("dev")
    for name, scores in (("typer score alone", dx[:, 0]), ("calibrated", None)):
        if scores is None:
            z = (dx - np.array(fitted["mean"])) / np.array(fitted["std"])
            scores = 1.0 / (1.0 + np.exp(-(z @ np.array(fitted["weights"]) + fitted["bias"])))
        ece, lines = reliability(scores, dy)
        print(f"dev, {name}: {len(dy)} events, expected calibration error {ece:.3f}")
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
