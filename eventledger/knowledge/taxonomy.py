"""The ACLED taxonomy (6 event types, 25 sub-types) and the CASE 2021 label code of each,
read from `eventledger/data/events/taxonomy.toml`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import tomllib


@dataclass(frozen=True, slots=True)
class Taxonomy:
    event_types: tuple[str, ...]
    sub_types: tuple[str, ...]  # the 25 ACLED sub-event types, codebook order
    type_of: dict[str, str]  # sub-event type -> event type
    case_code: dict[str, str]  # sub-event type -> CASE 2021 label
    from_case: dict[str, str]  # CASE 2021 label -> sub-event type
    non_acled: dict[str, str]  # CASE 2021 labels that are not ACLED events -> what they cover


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    text = resources.files("eventledger.data").joinpath("events/taxonomy.toml").read_text("utf-8")
    data = tomllib.loads(text)
    event_types, sub_types, type_of, case_code = [], [], {}, {}
    for entry in data["type"]:
        event_types.append(entry["name"])
        for sub in entry["sub_types"]:
            sub_types.append(sub["name"])
            type_of[sub["name"]] = entry["name"]
            case_code[sub["name"]] = sub["case"]
    return Taxonomy(
        tuple(event_types), tuple(sub_types), type_of, case_code,
        {code: name for name, code in case_code.items()}, dict(data["non_acled"]),
    )
