"""One spelling per person or group across an article: "Pašinjan" and "Pashinyan" are one name."""

from __future__ import annotations

from ..records import Statement
from .actors import fold_variants


def fold_statement_names(statements: list[Statement]) -> list[Statement]:
    names = [s.speaker for s in statements if s.speaker] + [s.target for s in statements if s.target]
    canonical = fold_variants(names)
    for statement in statements:
        if statement.speaker:
            statement.speaker = canonical.get(statement.speaker, statement.speaker)
        if statement.target:
            statement.target = canonical.get(statement.target, statement.target)
    return statements
