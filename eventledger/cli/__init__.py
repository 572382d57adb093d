"""The `eventledger` command. Each subcommand lives in its own module of this package and
exposes `add_parser(subparsers)` (which sets `func` on its parser) -- like datasette's plugins,
a new command is one new module: the modules of this package are the commands."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

# Every public module of this package is a subcommand, listed in alphabetical order.
COMMANDS = tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventledger",
        description="Turn news about armed conflict and crises into evidence-backed event data.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name}").add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("eventledger: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
