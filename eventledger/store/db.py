"""Low-level DuckDB helpers of the ledger: open, create the schema, insert batches of rows."""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Sequence

import duckdb

from .schema import SCHEMA_VERSION, TABLES, columns, ddl

_ARROW_TYPES = {
    "VARCHAR": "string", "BIGINT": "int64", "INTEGER": "int32", "DOUBLE": "float64", "BOOLEAN": "bool_",
    "TIMESTAMP": "timestamp",
}


class LedgerLocked(RuntimeError):
    """Another process holds the ledger file open for writing."""


MEMORY_LIMIT_ENV = "EVENTLEDGER_DUCKDB_MEMORY"
MIN_MEMORY_LIMIT = 256 * 2**20
MAX_MEMORY_LIMIT = 2 * 2**30


def machine_memory() -> int | None:
    """Bytes of memory this process may use: the machine's, or its cgroup's limit if lower."""
    import os

    total = None
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):
        pass
    for limit_file in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
        try:
            text = open(limit_file).read().strip()
        except OSError:
            continue
        if text.isdigit() and (total is None or int(text) < total):
            total = int(text)
        break
    return total


def default_memory_limit() -> str:
    """DuckDB's memory cap: 1/32 of the machine's memory, between 256 MB and 2 GB, unless
    $EVENTLEDGER_DUCKDB_MEMORY says otherwise (a DuckDB size such as "512MB" or "2GB")."""
    import os

    chosen = os.environ.get(MEMORY_LIMIT_ENV)
    if chosen:
        return chosen
    total = machine_memory() or 4 * 2**30
    return f"{min(MAX_MEMORY_LIMIT, max(MIN_MEMORY_LIMIT, total // 32)) // 2**20}MB"


def connect(path: str, read_only: bool = False, memory_limit: str | None = None) -> duckdb.DuckDBPyConnection:
    """Open (and on first use create) a ledger file. `memory_limit` caps DuckDB's memory (its
    buffer cache and whatever a query or a checkpoint holds); default `default_memory_limit()`."""
    config = {"memory_limit": memory_limit or default_memory_limit()}
    try:
        con = duckdb.connect(path, read_only=read_only, config=config)
    except (duckdb.ParserException, duckdb.InvalidInputException) as exc:
        if "memory" in str(exc).lower():
            raise ValueError(f"bad DuckDB memory limit {config['memory_limit']!r} (${MEMORY_LIMIT_ENV} or "
                             f"--duckdb-memory: a size such as 512MB or 2GB)") from exc
        raise
    except duckdb.IOException as exc:
        message = str(exc)
        if "lock" in message.lower():
            raise LedgerLocked(f"{path} is in use by another process (DuckDB allows one writer): {message.splitlines()[0]}") from exc
        raise
    if not read_only:
        for statement in ddl():
            con.execute(statement)
        _add_missing_columns(con)
        con.execute("INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING", [SCHEMA_VERSION])
    return con


def _add_missing_columns(con: duckdb.DuckDBPyConnection) -> None:
    """A ledger written by an older version lacks the columns added since (always at the end of
    their table): add them (null in old rows), record the version, and mark the merged tables
    stale so that the next merge rebuilds them with the new columns."""
    added = False
    for table, cols in TABLES.items():
        have = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ?",
                                          [table]).fetchall()}
        for name, kind in cols:
            if name not in have:
                con.execute(f'ALTER TABLE {table} ADD COLUMN "{name}" {kind.split()[0]}')
                added = True
    if added:
        con.execute("INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [SCHEMA_VERSION])
        con.execute("INSERT INTO meta VALUES ('merged_seq', '-1') ON CONFLICT (key) DO UPDATE SET value = '-1'")


def _arrow_type(kind: str):
    import pyarrow as pa

    base = kind.split()[0]
    name = _ARROW_TYPES[base]
    return pa.timestamp("us") if name == "timestamp" else getattr(pa, name)()


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[tuple]) -> None:
    """Insert rows (tuples in the table's column order) through one Arrow batch."""
    if not rows:
        return
    import pyarrow as pa

    cols = TABLES[table]
    arrays = []
    for index, (name, kind) in enumerate(cols):
        arrays.append(pa.array([row[index] for row in rows], type=_arrow_type(kind)))
    batch = pa.Table.from_arrays(arrays, names=[name for name, _ in cols])
    view = f"_batch_{table}"
    con.register(view, batch)
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM {view}")
    finally:
        try:
            con.unregister(view)
        except duckdb.Error:  # an aborted transaction refuses even this: keep the insert's own error
            pass


def stream(con: duckdb.DuckDBPyConnection, sql: str, params: Iterable[Any] = (), size: int = 2000) -> Iterator[dict[str, Any]]:
    """Rows of a query as dicts, fetched `size` at a time (memory stays flat)."""
    cursor = con.cursor()
    try:
        cursor.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        while True:
            chunk = cursor.fetchmany(size)
            if not chunk:
                return
            for values in chunk:
                yield dict(zip(names, values))
    finally:
        cursor.close()


def get_meta(con: duckdb.DuckDBPyConnection, key: str, default: str | None = None) -> str | None:
    row = con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def set_meta(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    con.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value])


__all__ = ["connect", "insert", "stream", "get_meta", "set_meta", "columns", "LedgerLocked", "default_memory_limit"]
