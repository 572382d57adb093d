"""Extraction stage: events, figures, claimants, actors, places and statements from cleaned text.

`analyse.analyse(article)` runs the stage; the modules beside it are its components."""
