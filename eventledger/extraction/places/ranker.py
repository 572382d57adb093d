"""A learned ranker over the candidate places of one event word.

The attachment rules (`rules.py`) were written looking at sentences, and fit those sentences
better than unseen ones. The ranker scores every candidate name in the sentence (and a "no place"
option) with a log-linear model over general features of the pair (event word, name): the
dependency path between them and what it crosses (a clause of speech, a relative clause, a
preposition of time or origin), the preposition governing the name, its role, its entity label and
how wide a place it is, the distance in tokens and tree steps, whether it is the nearest candidate,
and the rules' own verdicts (attached, excluded as actor, report origin, government seat...) and
choice, each as one feature among many. The weights are trained by
`scripts/train_place_ranker.py` (numpy only) and shipped in `eventledger/data/places/ranker.npz`.

    rank(doc, trigger_i) -> Span | None
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.tokens import Doc, Span, Token

from ...knowledge.gazetteer import is_known_place
from ...knowledge.speech import saying_verbs
from . import names as N
from . import rules as P

_CLAUSE_DEPS = ("relcl", "ccomp", "advcl", "conj", "xcomp", "acl", "parataxis", "pcomp", "csubj")
_PREPS = ("in", "at", "near", "on", "to", "into", "from", "across", "outside", "around", "inside", "throughout",
          "within", "along", "between", "through", "towards", "toward", "over", "off", "of", "by", "for", "with",
          "against", "after", "since")
_PREP_GROUPS = {
    "in": "in", "at": "at", "near": "near", "on": "on", "to": "to", "into": "into", "toward": "to", "towards": "to",
    "from": "from", "across": "area", "throughout": "area", "around": "area", "inside": "area", "within": "area",
    "outside": "outside", "along": "area", "through": "area", "over": "on", "off": "outside", "between": "area",
    "by": "by", "for": "other", "with": "other", "against": "against", "after": "time", "since": "time",
    "before": "time", "until": "time", "during": "time", "following": "time",
}
_DEP_GROUPS = {
    "pobj": "pobj", "dobj": "dobj", "nsubj": "nsubj", "nsubjpass": "nsubjpass", "compound": "mod", "amod": "mod",
    "nmod": "mod", "poss": "poss", "appos": "appos", "npadvmod": "npadvmod", "attr": "attr", "conj": "conj",
    "ROOT": "root",
}
_LABELS = ("GPE", "LOC", "FAC", "ORG", "PERSON", "NORP")
# Dependency labels counted along the path from the name up to where it meets the event word
# ("up") and from the event word up to there ("down").
_PATH_DEPS = ("prep", "pobj", "dobj", "nsubj", "nsubjpass", "conj", "advcl", "relcl", "ccomp", "xcomp", "acl",
              "appos", "compound", "poss", "npadvmod", "agent", "pcomp", "advmod", "parataxis", "attr", "amod")


def _feature_names() -> list[str]:
    names = ["none", "none:rule_none", "none:no_candidates", "none:no_attached", "none:no_path", "none:trigger_noun",
             "none:trigger_past_participle", "none:n_candidates", "none:speech_trigger_clause",
             "cand", "rule_choice", "place_span", "proper_only", "in_rule_kept"]
    names += [f"label:{x}" for x in _LABELS + ("other",)]
    names += [f"level:{x}" for x in range(3)]
    names += [f"prep:{x}" for x in sorted(set(_PREP_GROUPS.values()) | {"none", "compass"})]
    names += [f"dep:{x}" for x in sorted(set(_DEP_GROUPS.values()) | {"other"})]
    names += ["path_found", "path_penalty", "path_steps", "via_subject", "wide_path_found", "attached",
              "excl:report_origin", "excl:actor", "excl:gov_seat", "excl:person", "excl:aftermath",
              "excl:affiliation", "dateline", "reference_point", "fronted", "modifier", "nested",
              "up_cand", "up_trigger", "trigger_ancestor", "cand_ancestor", "clauses_crossed", "speech_on_path",
              "intent_on_path", "relcl_on_path", "ccomp_on_path", "advcl_on_path", "conj_on_path",
              "blocking_prep_on_path", "tok_dist", "after_trigger", "nearest", "nearest_tree",
              "tree_rank", "same_clause", "place_noun_phrase", "multiword", "country_in_sentence_only",
              "in_other_event_np", "time_clause_on_path", "gazetteer_known", "eligible", "excluded_any",
              "only_eligible", "eligible_nearest_tree", "eligible_most_specific", "wide_eligible", "wide_unique",
              "none:n_eligible", "none:n_wide"]
    names += [f"up:{d}" for d in _PATH_DEPS] + [f"down:{d}" for d in _PATH_DEPS]
    names += ["lca_verb", "lca_noun", "lca_is_trigger_head", "trigger_verb", "trigger_noun", "acronym",
              "only_candidate", "has_container_after", "is_container_of_before", "most_specific_place"]
    names += ["names_container_of", "person_np_on_path", "other_verb_conj_on_path", "level_above_min",
              "none:person_np_only"]
    return names


FEATURES = _feature_names()
_INDEX = {name: i for i, name in enumerate(FEATURES)}


def _clause_head(token: Token) -> Token:
    """The verb heading the clause the token sits in (the token itself for a verb)."""
    for _ in range(20):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return token
        token = token.head
    return token


def _path(a: Token, b: Token) -> tuple[list[Token], list[Token]]:
    """The tokens from a up to (excluding) the lowest common ancestor, and from b likewise."""
    up_a = [a]
    t = a
    while t.head.i != t.i:
        t = t.head
        up_a.append(t)
    index = {t.i: k for k, t in enumerate(up_a)}
    up_b = []
    t = b
    while t.i not in index:
        up_b.append(t)
        if t.head.i == t.i:
            return up_a, up_b  # different trees (should not happen in one sentence)
        t = t.head
    return up_a[:index[t.i]], up_b


def candidate_spans(doc: Doc) -> list[tuple[Span, bool]]:
    """Every name that may be the event's place: the place names `place_spans` finds, and other
    proper-noun runs (flagged) the model did not tag as places."""
    spans = [(s, True) for s in N.place_spans(doc) if not _outside_country(s)]
    taken = {i for s, _ in spans for i in range(s.start, s.end)}
    for s in N.proper_spans(doc):
        if s.label_ in ("GPE", "LOC", "FAC") or any(i in taken for i in range(s.start, s.end)):
            continue
        if not any(t.pos_ == "PROPN" for t in s) or (s.text.isupper() and len(s.text.replace(".", "")) <= 5):
            continue  # ("SDF", "UN": acronyms `place_spans` refuses as places)
        spans.append((s, False))
    return spans


def _wide_anchors(doc: Doc, trigger_i: int, anchors: dict[int, int] | None = None) -> dict[int, int]:
    """The event's anchors and the tokens up its head chain (the rules' wider search climbs the
    same chain, stopping at clauses of another time, speech or consequence)."""
    wide = dict(anchors if anchors is not None else P.event_anchors(doc, trigger_i))
    token, depth = doc[trigger_i], 0
    while token.head.i != token.i and depth < 8:
        token = token.head
        depth += 1
        wide.setdefault(token.i, 10 + depth)
    return wide


_OTHER_TIME = {"since", "after", "before", "until", "because", "although", "though", "if", "unless", "once",
               "whereas"}


def _ruled_out(span: Span, trigger: Token) -> bool:
    """What is never the event's place, whatever the features say: a name excluded by the rules'
    exclusions (report origin, actor, government seat, somebody, hospital of the aftermath, backer),
    a dateline, a name outside the event's clause of another time or reason ("fled to Chad after
    rebels attacked ..."), or the place of the consequence ("the killing sparked protests across X")."""
    if N.excluded(span) or N.is_dateline(span):
        return True
    cues = N.place_cues()
    root = span.root
    if root.dep_ in ("compound", "amod") and N.is_person_noun(root.head):
        return True  # "a Tampa woman": where she is from
    up_c, up_t = _path(root, trigger)
    for t in up_c[1:]:
        if t.pos_ in ("VERB", "AUX") and (t.lemma_.lower() in cues["intent_verbs"] or t.lemma_.lower() in saying_verbs()):
            return True  # "vowed to march into X", "..., he told reporters in X": another clause's place
        if t.dep_ == "agent" and t.head.lemma_.lower() in cues["sequence_verbs"]:
            return True  # "which was followed by another explosion in X"
        if t.dep_ == "advcl" and P.subordinator(t) in _OTHER_TIME - {"after"}:
            return True  # "captured X since bombers hit Y", "before they withdrew from Y": another time
        if t.pos_ == "VERB" and t.i != trigger.i and t.dep_ != "acl" and t.lemma_.lower() in cues["causal_verbs"]:
            return True  # "murders which prompted X to ...": the consequence's place
    if not up_t:
        return False  # under the event word
    if any(t.dep_ == "advcl" and P.subordinator(t) in _OTHER_TIME for t in up_t):
        return True
    causal = cues["causal_verbs"]
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in causal for t in up_t)


def named_within(span: Span, others: list[Span]) -> Span | None:
    """'the south Baghdad neighbourhood of Al-Bayaa', "Iraq's northern city of Mosul", "Aleppo's
    districts of X, Y": the name modifies a place noun that another name names; that one is the
    more specific place (the first of them when several are listed)."""
    cues = N.place_cues()
    root = span.root
    if root.dep_ not in ("poss", "compound", "amod", "nmod"):
        return None
    noun = root.head
    if noun.lower_ not in cues["place_nouns"] or noun.i < span.end:
        return None
    tokens: set[int] = set()
    named = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    objects = [c for c in named[0].children if c.dep_ == "pobj"] if named else []
    if objects:
        tokens = {objects[0].i} | {t.i for t in objects[0].conjuncts}
    # "Helmand province's Nad Ali district": a later name compounded on the same noun
    tokens |= {c.i for c in noun.children if c.dep_ == "compound" and c.i >= span.end}
    level = N.place_level(span)
    inner = [o for o in others if o is not span and o.start >= span.end and any(o.start <= i < o.end for i in tokens)
             and N.place_level(o) <= level]  # (but "the Swat valley of northwest Pakistan": the country contains it)
    return min(inner, key=lambda o: o.start) if inner else None


def _on_participant(up_c: list[Token]) -> bool:
    """'the head of ISIS forces in Tabqa town was killed', 'people who took refuge in X': the name
    places a person or an institution the sentence names, not the event."""
    cues = N.place_cues()
    return any(t.pos_ in ("NOUN", "PROPN") and (N.is_person_noun(t) or t.lower_ in cues["institution_nouns"]
                                               or t.ent_type_ == "PERSON") for t in up_c[1:])


def _outside_country(span: Span) -> bool:
    """'a house near Pakistan', '10 km north of Syria': near a country is outside it."""
    i = P.governing_prep_i(span)
    if i is None:
        return False
    word = span.doc[i].lower_
    return (word in ("near", "outside", "off") or word in N.COMPASS) and N.place_level(span) == 2


def _trigger(doc: Doc, trigger_i: int) -> int:
    trigger = doc[trigger_i]
    if trigger.dep_ in ("compound", "amod") and trigger.head.i > trigger.i and trigger.head.pos_ in ("NOUN", "PROPN"):
        return trigger.head.i
    return trigger_i


def featurise(doc: Doc, trigger_i: int, rule_hit=None, rule_done: bool = False):
    """(options, matrix): options[0] is None (no place), then candidate spans; one row each."""
    cues = N.place_cues()
    if not rule_done:
        rule_hit = P.rule_event_place(doc, trigger_i)
    trigger_i = _trigger(doc, trigger_i)
    trigger = doc[trigger_i]
    anchors = P.event_anchors(doc, trigger_i)
    wide = _wide_anchors(doc, trigger_i, anchors)
    spans = [(s, is_place) for s, is_place in candidate_spans(doc) if not _ruled_out(s, trigger)]
    if any(not P.reference_point(s) for s, is_place in spans if is_place):
        spans = [(s, is_place) for s, is_place in spans if not P.reference_point(s)]
    if rule_hit is not None and not any(s.start < rule_hit.token_end and rule_hit.token_start < s.end for s, _ in spans):
        spans.append((doc[rule_hit.token_start:rule_hit.token_end], True))

    # the rules' candidates and which survive nesting (for the 'nested' and 'modifier' features)
    rule_cands, rule_kept = P.collect_candidates(doc, anchors, trigger_i, wide=False)
    kept_ids = {(c.span.start, c.span.end) for c in rule_kept}
    cand_ids = {(c.span.start, c.span.end): c for c in rule_cands}
    wide_cands, wide_kept = P.collect_candidates(doc, wide, trigger_i, wide=True) \
        if not rule_cands else ([], [])
    wide_ids = {(c.span.start, c.span.end) for c in wide_kept}
    wide_unique = len({c.span.text.lower() for c in wide_kept}) == 1
    eligible_levels = [c.level for c in rule_kept]
    eligible_dists = {}

    rows = []
    trigger_clause = _clause_head(trigger)
    tree_dists = []
    for span, is_place in spans:
        root = span.root
        up_c, up_t = _path(root, trigger)
        tree_dists.append(len(up_c) + len(up_t))
    tok_dists = [min(abs(s.start - trigger_i), abs(s.end - 1 - trigger_i)) for s, _ in spans]
    eligible_dists = [tree_dists[k] for k, (s, _) in enumerate(spans) if (s.start, s.end) in kept_ids]
    any_attached = False
    any_path = False
    person_np_flags: list[bool] = []
    simple = [P.Candidate(s, 0, 0, False, N.place_level(s) if is_place else 0, N.phrase_head(s), False)
              for s, is_place in spans]
    place_levels = [c.level for c, (_, is_place) in zip(simple, spans) if is_place]
    for k, (span, is_place) in enumerate(spans):
        f = np.zeros(len(FEATURES))
        f[_INDEX["cand"]] = 1
        root = span.root
        f[_INDEX["place_span"]] = float(is_place)
        f[_INDEX["proper_only"]] = float(not is_place)
        if rule_hit is not None and span.start < rule_hit.token_end and rule_hit.token_start < span.end:
            f[_INDEX["rule_choice"]] = 1
        label = span.label_ or root.ent_type_
        f[_INDEX[f"label:{label if label in _LABELS else 'other'}"]] = 1
        level = N.place_level(span) if is_place else 0
        f[_INDEX[f"level:{level}"]] = 1
        prep_i = P.governing_prep_i(span)
        if prep_i is None:
            f[_INDEX["prep:none"]] = 1
        else:
            word = doc[prep_i].lower_
            group = "compass" if word in N.COMPASS else _PREP_GROUPS.get(word, "other")
            f[_INDEX[f"prep:{group}"]] = 1
        first = N.first_conjunct(root)
        f[_INDEX[f"dep:{_DEP_GROUPS.get(first.dep_, 'other')}"]] = 1
        found = P.path_to_anchor(span, anchors)
        path = []
        if found is not None:
            penalty, path, via_subject = found
            f[_INDEX["path_found"]] = 1
            f[_INDEX["path_penalty"]] = min(penalty, 3)
            f[_INDEX["path_steps"]] = math.log1p(len(path))
            f[_INDEX["via_subject"]] = float(via_subject)
            any_path = True
        if P.path_to_anchor(span, wide, wide=True) is not None:
            f[_INDEX["wide_path_found"]] = 1
        try:
            attached = P.attached(span, path)
        except Exception:
            attached = False
        f[_INDEX["attached"]] = float(attached)
        if attached and found is not None:
            any_attached = True
        f[_INDEX["excl:report_origin"]] = float(N.is_report_origin(span))
        f[_INDEX["excl:actor"]] = float(N.is_actor(span))
        f[_INDEX["excl:gov_seat"]] = float(N.is_government_seat(span))
        f[_INDEX["excl:person"]] = float(N.is_person(span))
        f[_INDEX["excl:aftermath"]] = float(N.is_aftermath(span))
        f[_INDEX["excl:affiliation"]] = float(N.is_affiliation(span))
        f[_INDEX["dateline"]] = float(N.is_dateline(span))
        f[_INDEX["reference_point"]] = float(P.reference_point(span))
        f[_INDEX["fronted"]] = float(P.fronted(span))
        key = (span.start, span.end)
        if key in cand_ids:
            f[_INDEX["modifier"]] = float(cand_ids[key].modifier)
            f[_INDEX["nested"]] = float(key not in kept_ids)
            f[_INDEX["in_rule_kept"]] = float(key in kept_ids)
        up_c, up_t = _path(root, trigger)
        f[_INDEX["up_cand"]] = math.log1p(len(up_c))
        f[_INDEX["up_trigger"]] = math.log1p(len(up_t))
        f[_INDEX["trigger_ancestor"]] = float(not up_t)
        f[_INDEX["cand_ancestor"]] = float(not up_c)
        between = up_c[1:] + up_t
        clauses = [t for t in between if t.dep_ in _CLAUSE_DEPS and t.pos_ in ("VERB", "AUX")]
        f[_INDEX["clauses_crossed"]] = min(len(clauses), 3)
        verbs_between = [t for t in between[1:] if t.pos_ in ("VERB", "AUX")] + ([up_c[-1].head] if up_c else [])
        verb_lemmas = {t.lemma_.lower() for t in verbs_between if t.i != trigger_i}
        f[_INDEX["speech_on_path"]] = float(bool(verb_lemmas & saying_verbs()))
        f[_INDEX["intent_on_path"]] = float(bool(verb_lemmas & cues["intent_verbs"]))
        deps = {t.dep_ for t in clauses}
        f[_INDEX["relcl_on_path"]] = float("relcl" in deps)
        f[_INDEX["ccomp_on_path"]] = float(bool(deps & {"ccomp", "parataxis"}))
        f[_INDEX["advcl_on_path"]] = float("advcl" in deps)
        f[_INDEX["conj_on_path"]] = float("conj" in deps)
        f[_INDEX["time_clause_on_path"]] = float(any(
            P.subordinator(t) in ("since", "before", "after", "until", "because", "although", "if")
            for t in clauses if t.dep_ == "advcl"))
        f[_INDEX["blocking_prep_on_path"]] = float(any(
            t.pos_ == "ADP" and t.lower_ in cues["blocking_preps"] and t.i != prep_i for t in between))
        for t in up_c:
            if t.dep_ in _PATH_DEPS:
                f[_INDEX[f"up:{t.dep_}"]] += 1
        for t in up_t:
            if t.dep_ in _PATH_DEPS:
                f[_INDEX[f"down:{t.dep_}"]] += 1
        lca = (up_c[-1].head if up_c else root)
        f[_INDEX["lca_verb"]] = float(lca.pos_ in ("VERB", "AUX"))
        f[_INDEX["lca_noun"]] = float(lca.pos_ in ("NOUN", "PROPN"))
        f[_INDEX["lca_is_trigger_head"]] = float(len(up_t) == 1)
        f[_INDEX["trigger_verb"]] = float(trigger.pos_ in ("VERB", "AUX"))
        f[_INDEX["trigger_noun"]] = float(trigger.pos_ in ("NOUN", "PROPN"))
        f[_INDEX["tok_dist"]] = math.log1p(tok_dists[k])
        f[_INDEX["after_trigger"]] = float(span.start > trigger_i)
        f[_INDEX["nearest"]] = float(tok_dists[k] == min(tok_dists))
        f[_INDEX["nearest_tree"]] = float(tree_dists[k] == min(tree_dists))
        f[_INDEX["tree_rank"]] = math.log1p(sorted(tree_dists).index(tree_dists[k]))
        f[_INDEX["same_clause"]] = float(_clause_head(root).i == trigger_clause.i)
        f[_INDEX["place_noun_phrase"]] = float(N.phrase_head(span).i != root.i or root.lower_ in cues["place_nouns"])
        f[_INDEX["multiword"]] = float(len(span) > 1)
        f[_INDEX["in_other_event_np"]] = float(any(
            t.pos_ == "NOUN" and t.lemma_.lower() in cues["event_nouns"] and t.i != trigger_i for t in up_c[1:]))
        if is_place:
            f[_INDEX["gazetteer_known"]] = float(is_known_place(span.text) or bool(N.country_code(span.text)))
        if key in kept_ids:
            f[_INDEX["eligible"]] = 1
            f[_INDEX["only_eligible"]] = float(len(kept_ids) == 1)
            f[_INDEX["eligible_nearest_tree"]] = float(tree_dists[k] == min(eligible_dists))
            f[_INDEX["eligible_most_specific"]] = float(cand_ids[key].level == min(eligible_levels))
        f[_INDEX["excluded_any"]] = float(N.excluded(span))
        if key in wide_ids:
            f[_INDEX["wide_eligible"]] = 1
            f[_INDEX["wide_unique"]] = float(wide_unique)
        f[_INDEX["acronym"]] = float(span.text.isupper() and len(span.text.replace(".", "")) <= 5)
        f[_INDEX["only_candidate"]] = float(len(spans) == 1)
        f[_INDEX["has_container_after"]] = float(any(
            j != k and spans[j][1] and P.follows_as_container(simple[k], simple[j]) for j in range(len(spans))))
        f[_INDEX["is_container_of_before"]] = float(any(
            j != k and P.follows_as_container(simple[j], simple[k]) for j in range(len(spans))))
        f[_INDEX["most_specific_place"]] = float(is_place and level == min(place_levels))
        f[_INDEX["names_container_of"]] = float(named_within(span, [s for s, _ in spans]) is not None)
        f[_INDEX["person_np_on_path"]] = float(_on_participant(up_c))
        if person_np_flags is not None:
            person_np_flags.append(f[_INDEX["person_np_on_path"]] > 0)
        f[_INDEX["other_verb_conj_on_path"]] = float(any(
            t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and t.lemma_.lower() not in cues["event_verbs"]
            and t.lemma_.lower() not in cues["scene_verbs"] for t in between))
        f[_INDEX["level_above_min"]] = float(is_place and level > min(place_levels))
        rows.append(f)
    none = np.zeros(len(FEATURES))
    none[_INDEX["none"]] = 1
    none[_INDEX["none:rule_none"]] = float(rule_hit is None)
    none[_INDEX["none:no_candidates"]] = float(not spans)
    none[_INDEX["none:no_attached"]] = float(not any_attached)
    none[_INDEX["none:no_path"]] = float(not any_path)
    none[_INDEX["none:trigger_noun"]] = float(trigger.pos_ in ("NOUN", "PROPN"))
    none[_INDEX["none:trigger_past_participle"]] = float(trigger.tag_ == "VBN")
    none[_INDEX["none:n_candidates"]] = math.log1p(len(spans))
    none[_INDEX["none:speech_trigger_clause"]] = float(any(
        t.lemma_.lower() in saying_verbs() for t in [trigger] + list(trigger.ancestors)[:2] if t.pos_ == "VERB"))
    none[_INDEX["none:n_eligible"]] = math.log1p(len(kept_ids))
    none[_INDEX["none:n_wide"]] = math.log1p(len(wide_ids))
    none[_INDEX["none:person_np_only"]] = float(bool(person_np_flags) and all(person_np_flags))
    options = [None] + [s for s, _ in spans]
    return options, np.vstack([none] + rows)


@lru_cache(maxsize=1)
def weights() -> np.ndarray | None:
    """The shipped weights, or None when absent or trained for other features."""
    try:
        path = resources.files("eventledger.data").joinpath("places/ranker.npz")
        with resources.as_file(path) as real, np.load(real) as data:
            if list(data["features"]) != FEATURES:
                return None
            return data["weights"].astype(float)
    except (FileNotFoundError, KeyError, OSError):
        return None


def rank(doc: Doc, trigger_i: int, rule_hit=None, rule_done: bool = False, w: np.ndarray | None = None):
    """The best-scoring option: a Span, or None for no place. Returns (span, used_model)."""
    w = weights() if w is None else w
    if w is None:
        return None, False
    options, matrix = featurise(doc, trigger_i, rule_hit, rule_done)
    scores = matrix @ w
    best = options[int(np.argmax(scores))]
    if best is not None:
        inner = named_within(best, options[1:])
        if inner is not None:
            return inner, True
        # the most specific of nested places: "the Karrada district of Baghdad", "X in central Y"
        chosen = P.Candidate(best, 0, 0, False, N.place_level(best), N.phrase_head(best), False)
        for span in options[1:]:
            if span is best or span.end > best.start or named_within(span, options[1:]) is best:
                continue  # (not "the Kabul neighbourhood of X": Kabul names where X lies)
            other = P.Candidate(span, 0, 0, False, N.place_level(span), N.phrase_head(span), False)
            if other.level <= chosen.level and P.follows_as_container(other, chosen):
                return span, True
    return best, True


def find_event_place(doc: Doc, trigger_i: int) -> P.PlaceHit | None:
    """The place of the event whose word is token `trigger_i`, or None: the learned ranker's
    choice among the candidate names (this module), the rules' verdicts among its features;
    the rules alone when no ranker weights are shipped."""
    rule_hit = P.rule_event_place(doc, trigger_i)
    if rule_hit is not None and _by_relative_clause(doc, trigger_i, rule_hit):
        return rule_hit  # "Aleppo, which was shelled ...": the clause describes its place
    span, used = rank(doc, trigger_i, rule_hit, rule_done=True)
    if not used:
        return rule_hit
    if span is not None and P.names_people(span):
        return rule_hit  # "killed five Americans": a people, not a place, whatever the ranker says
    if span is None:
        return None
    if rule_hit is not None and rule_hit.token_start < span.end and span.start < rule_hit.token_end:
        return rule_hit  # the same name as the rules' (keep their extent)
    base = doc[0].idx
    return P.PlaceHit(span.text, span.start_char - base, span.end_char - base, span.start, span.end)


def _by_relative_clause(doc: Doc, trigger_i: int, hit: P.PlaceHit) -> bool:
    """Whether the rules found the place as the noun the event's relative clause describes."""
    trigger = doc[trigger_i]
    return trigger.dep_ == "relcl" and hit.token_start <= trigger.head.i < hit.token_end
