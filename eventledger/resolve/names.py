"""One spelling per person or group across an article: "Pašinjan" and "Pashinyan" are one name."""

from __future__ import annotations

from ..knowledge.actors import fold_variants, same_name
from ..records import Statement


def fold_statement_names(statements: list[Statement]) -> list[Statement]:
    names = [s.speaker for s in statements if s.speaker] + [s.target for s in statements if s.target]
    canonical = fold_variants(names)
    canonical.update(_surname_spellings(names))
    for statement in statements:
        if statement.speaker:
            statement.speaker = canonical.get(statement.speaker, statement.speaker)
        if statement.target:
            statement.target = canonical.get(statement.target, statement.target)
    return statements


def _surname_spellings(names: list[str]) -> dict[str, str]:
    """A surname told alone in another spelling than in the full name it shortens: a scraped or
    translated page writes "Brigadier Mohammed al-Kuhali" and then "Al-Kohali". The full name's
    spelling is kept, the one the person was introduced by."""
    surnames = []
    for name in names:
        words = name.split()
        if len(words) > 1 and any(ch.isupper() for ch in words[-1]):  # "al-Kuhali", not "spokesman"
            surnames.append(words[-1])
    out: dict[str, str] = {}
    for name in names:
        if " " in name or name in surnames:
            continue
        variants = {s for s in surnames if same_name(name, s)}
        if len(variants) == 1:
            out[name] = variants.pop()
    return out
