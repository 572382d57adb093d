"""`eventledger serve`: the HTTP API and the web page (map, timeline, evidence) over a ledger."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

TOKEN_ENV = "EVENTLEDGER_TOKEN"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "serve", help="serve the HTTP API and the web page over a ledger",
        description="Serve the HTTP API (OpenAPI schema at /api/openapi.json) and the web page (map, timeline, "
                    "filters, articles with their evidence highlighted) over a DuckDB ledger, or over "
                    "extractions in a JSONL file. Works offline.")
    parser.add_argument("--db", metavar="PATH", default="eventledger.duckdb",
                        help="the DuckDB ledger to serve (default: ./eventledger.duckdb; created when missing "
                             "and writes are enabled)")
    parser.add_argument("--json", metavar="FILE.jsonl", dest="jsonl",
                        help="serve these extractions (`extract --format json` records: one a line, or a JSON list) from memory "
                             "instead of a ledger; new articles are then kept in memory only")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument("--token", default=None,
                        help=f"token that POST /api/articles requires (default: ${TOKEN_ENV}); without one, "
                             "writes are disabled")
    parser.add_argument("--read-token-required", action="store_true",
                        help="require the token for reading too (the page then asks for it)")
    parser.add_argument("--max-body", metavar="BYTES", type=int, default=None,
                        help="largest request body accepted (default: 2 MB)")
    limits = parser.add_argument_group("slow and many clients")
    limits.add_argument("--max-active", metavar="N", type=int, default=None,
                        help="requests handled at once (default: 32)")
    limits.add_argument("--queue", metavar="N", type=int, default=None,
                        help="requests that wait for a turn beyond those; more get 503 (default: 512)")
    limits.add_argument("--queue-wait", metavar="SECONDS", type=float, default=None,
                        help="how long a request may wait for its turn before 503 (default: 30)")
    limits.add_argument("--header-timeout", metavar="SECONDS", type=float, default=None,
                        help="time to send a request's headers before 408 and the connection is closed (default: 10)")
    limits.add_argument("--body-timeout", metavar="SECONDS", type=float, default=None,
                        help="time for each part of a request body to arrive before 408 (default: 30)")
    parser.add_argument("--log-level", default="info", choices=("critical", "error", "warning", "info", "debug"))
    parser.set_defaults(func=run)


def _source(args: argparse.Namespace, writable: bool):
    if args.jsonl:
        from ..serve.memory import MemorySource

        return MemorySource.from_jsonl(args.jsonl)
    path = Path(args.db)
    if not path.exists() and not writable:
        raise FileNotFoundError(f"no ledger at {path}: give --db PATH, --json FILE.jsonl, or --token to start an empty ledger")
    from ..serve.queries import LedgerSource

    return LedgerSource(str(path), read_only=not writable)


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from ..serve.app import DEFAULT_MAX_BODY, create_app
    except ImportError as exc:
        print(f"eventledger: serve needs the 'serve' extra: pip install 'eventledger[serve]' ({exc})", file=sys.stderr)
        return 1
    token = args.token or os.environ.get(TOKEN_ENV) or None
    if args.read_token_required and not token:
        print(f"eventledger: --read-token-required needs a token (--token or ${TOKEN_ENV})", file=sys.stderr)
        return 2
    if not 0 < args.port < 65536:
        print(f"eventledger: --port must be 1-65535, not {args.port}", file=sys.stderr)
        return 2
    from ..serve.app import DEFAULT_BODY_SECONDS
    from ..serve.guard import (DEFAULT_HEADER_SECONDS, DEFAULT_MAX_ACTIVE, DEFAULT_MAX_WAITING, DEFAULT_WAIT_SECONDS,
                               guarded_h11)

    max_active = DEFAULT_MAX_ACTIVE if args.max_active is None else args.max_active
    queue = DEFAULT_MAX_WAITING if args.queue is None else args.queue
    waits = {"--queue-wait": args.queue_wait, "--header-timeout": args.header_timeout, "--body-timeout": args.body_timeout}
    if max_active < 1 or queue < 0 or any(v is not None and not 0 < v <= 3600 for v in waits.values()):
        print("eventledger: --max-active must be at least 1, --queue not negative, and the timeouts 0-3600 s",
              file=sys.stderr)
        return 2
    try:
        source = _source(args, writable=bool(token))
    except (OSError, ValueError) as exc:
        print(f"eventledger: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a corrupt or locked database file: say what, not a traceback
        print(f"eventledger: cannot open {args.db}: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}",
              file=sys.stderr)
        return 1
    app = create_app(source, token=token, read_token_required=args.read_token_required,
                     max_body_bytes=args.max_body or DEFAULT_MAX_BODY,
                     body_seconds=args.body_timeout or DEFAULT_BODY_SECONDS, max_active=max_active, max_waiting=queue,
                     wait_seconds=DEFAULT_WAIT_SECONDS if args.queue_wait is None else args.queue_wait)
    where = args.jsonl or args.db
    print(f"eventledger: serving {where} on http://{args.host}:{args.port}/ "
          f"(writes {'need the token' if token else 'disabled'}; reads {'need the token' if args.read_token_required else 'open'})",
          file=sys.stderr)
    try:
        # uvicorn's own cap counts connections, idle keep-alive ones too: above the queue, so that
        # the queue decides; slow clients are cut by the header timeout.
        uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level,
                    http=guarded_h11(args.header_timeout or DEFAULT_HEADER_SECONDS),
                    limit_concurrency=max_active + queue + 64, timeout_keep_alive=5, server_header=False)
    finally:
        source.close()
    return 0
