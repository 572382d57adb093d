"""A memoising front for the English model's attribute ruler (tag -> POS, morphology, a few lemmas).

The ruler runs a Matcher with ~180 patterns over every token; in this pipeline it cost about as
much as the dependency parser. Almost all of its patterns look at one token only (its lower-case
form, tag, dependency label, whether it is a space), so what it sets on a token is a function of
those four values and can be remembered. Documents where a multi-token pattern matches ("there
were", "gon na") go through the real ruler, as do tokens never seen before; results are identical.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

_KEY_ATTRS = {"LOWER", "TAG", "DEP", "IS_SPACE"}
_MAX_ENTRIES = 500_000


class MemoAttributeRuler:
    def __init__(self, vocab) -> None:
        self.ruler = None
        self.usable = False
        self.memo: dict[tuple, tuple[int, int, int]] = {}
        self.multi = Matcher(vocab)

    def adopt(self, ruler) -> None:
        """Take over the model's own ruler: learn which of its patterns span several tokens."""
        self.ruler = ruler
        patterns = ruler.patterns
        self.usable = all(set(tok) <= _KEY_ATTRS for p in patterns for tok in p["patterns"][0])
        for n, p in enumerate(patterns):
            if len(p["patterns"][0]) > 1:
                self.multi.add(f"multi{n}", p["patterns"])

    def __call__(self, doc: Doc) -> Doc:
        if not self.usable or (len(self.multi) and self.multi(doc)):
            return self.ruler(doc) if self.ruler is not None else doc
        memo = self.memo
        keys = [(t.lower, t.tag, t.dep, t.is_space) for t in doc]
        if any(k not in memo for k in keys):
            doc = self.ruler(doc)
            if len(memo) > _MAX_ENTRIES:
                memo.clear()
            for key, token in zip(keys, doc):
                memo[key] = (token.pos, token.morph.key, token.lemma)
            return doc
        for key, token in zip(keys, doc):
            pos, morph, lemma = memo[key]
            token.pos = pos
            if morph:
                token.set_morph(morph)
            if lemma:
                token.lemma = lemma
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


@Language.factory("eventledger_memo_attribute_ruler")
def _make(nlp: Language, name: str) -> MemoAttributeRuler:
    return MemoAttributeRuler(nlp.vocab)


def memoise_attribute_ruler(nlp: Language) -> None:
    """Put the memoising front in the place of the model's own attribute ruler (in place)."""
    if "attribute_ruler" not in nlp.pipe_names or isinstance(nlp.get_pipe("attribute_ruler"), MemoAttributeRuler):
        return
    index = nlp.pipe_names.index("attribute_ruler")
    _, ruler = nlp.remove_pipe("attribute_ruler")
    nlp.add_pipe("eventledger_memo_attribute_ruler", name="attribute_ruler", before=nlp.pipe_names[index]).adopt(ruler)
