"""`eventledger score WHAT ...`: measure a stage against gold data.

Each scorer is a module with `add_arguments(parser)`, `run(args) -> int` and a docstring whose
first line is its help; adding one is one line in SCORERS."""

from __future__ import annotations

import argparse
import importlib

SCORERS = {
    "typing": "eventledger.score.typing",  # event types on CASE 2021 Task 2 snippets
    "locations": "eventledger.score.locations",  # event-location attachment (ahalterman/event_location)
    "plover": "eventledger.score.plover",  # actors, dead/injured and places on PLOVER gold sentences
    "articles": "eventledger.score.articles",  # whole articles against the annotated news corpus (eval/news)
    "gold": "eventledger.score.gold",  # check gold annotation files against the guide's schema and their articles
    "agreement": "eventledger.score.agreement",  # agreement between two annotators, per layer
    "cleaning": "eventledger.score.cleaning",  # article body against cleaning benchmarks, beside trafilatura
}


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("score", help="measure a stage against gold data",
                            description="Measure a stage of the pipeline against gold data.")
    scorers = parser.add_subparsers(dest="scorer", metavar="WHAT")
    for name, module_name in SCORERS.items():
        try:
            module = importlib.import_module(module_name)
        except ImportError:  # a scorer whose module is not there yet
            continue
        if not (hasattr(module, "add_arguments") and hasattr(module, "run")):
            continue
        doc = (module.__doc__ or name).strip().split("\n")[0]
        sp = scorers.add_parser(name, help=doc, description=(module.__doc__ or doc).strip(),
                                formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(sp)
        sp.set_defaults(func=module.run)
    parser.set_defaults(func=lambda args: parser.print_help() or 2)
