"""What the pipeline knows about the world, beneath both extraction and resolve: the gazetteer
(`gazetteer`, `capitals`), the actor dictionary (`actors`), the ACLED taxonomy (`taxonomy`), and
the vocabularies both stages read (`figure_words`, `place_words`, `speech`). The words themselves
are data files under `eventledger/data/`; nothing here imports a pipeline stage."""
