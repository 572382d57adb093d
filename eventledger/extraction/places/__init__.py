"""Places: where each event happened, and where the story is set.

- `names`: which spans name places (and which are people, languages, datelines, seats of government);
- `rules`: the attachment rules between an event word and the place names of its sentence;
- `ranker`: the learned ranker over those candidates, which gives `find_event_place`;
- `lists`: one sentence listing events in several places ("in X and Y") split by place;
- `clauses`: "X, where ... were killed" reports an event at X;
- `settings`: the place names that tell where the story is set.
"""

from .names import is_government_metonym, place_spans
from .ranker import find_event_place
from .rules import PlaceHit, reference_point

__all__ = ["PlaceHit", "find_event_place", "is_government_metonym", "place_spans", "reference_point"]
