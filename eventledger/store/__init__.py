"""The ledger's storage: an embedded DuckDB database (schema in `schema`, the DocResult row format
engines exchange in `rows`, writes and merging in `db`, `flatten`, `merging`, exports in `export`).
The public face is `eventledger.ledger.Ledger`."""
