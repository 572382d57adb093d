"""A count over a span of weeks, months or years is a running total, never one attack's toll,
with or without a publication date (the sentences are written for this test)."""

from __future__ import annotations

import pytest

from eventledger import extract

STORY = ("Gunmen kill 12 in attack on village\n\n"
         "Gunmen killed 12 people in an attack on a village in Zamfara state on Tuesday, police said.\n\n"
         "At least 300 people have been killed in such attacks across the state over the past 15 months, "
         "a local rights group said.\n\n"
         "More than 1,200 people were killed in the region in the 15 months to March, the group said.")


@pytest.mark.parametrize("published", [None, "2024-05-02"])
def test_a_fifteen_month_total_is_not_the_attacks_toll(published):
    result = extract(STORY, published=published)
    current = [e for e in result.events if not e.background]
    tolls = [f.count for e in current for f in e.figures if f.kind == "killed" and not f.background]
    assert tolls == [12]
    assert all(f.background for e in result.events for f in e.figures if f.count in (300, 1200))
