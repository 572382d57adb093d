"""The shared judgements every extractor reads about a clause rather than an event: who asserts
it (`attribution`, `speaker_phrases`, `syntax`), what kind of speech act carries it
(`speech_acts`), whether it is hedged (`hedges`), hypothetical or disputed (`modality`), whether it
refers back to an event already told (`reference`), and whether it reports a new event at all or
only history, a standing state, a proposal or an agreement not made (`reporting`). When a clause
happens is read with `language.dates`."""
