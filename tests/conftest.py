from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared/data sits beside the repo in CI)")
    return path


@pytest.fixture(scope="session")
def seed_text() -> bytes:
    return _need(SHARED / "seed" / "article.txt").read_bytes()


@pytest.fixture(scope="session")
def seed_expected() -> dict:
    return json.loads(_need(SHARED / "seed" / "expected.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def seed_result(seed_text, seed_expected):
    from eventledger import extract

    return extract(seed_text, published=seed_expected["published"])
