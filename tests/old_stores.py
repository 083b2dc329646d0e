"""A job store taken back to an older schema, for the tests that check a migration keeps
every row: what each migration of careercli.jobs.store.MIGRATIONS added, dropped again,
newest first. One place to extend when a migration is added (the assert says so)."""

from __future__ import annotations

import sqlite3

from careercli.jobs.store import MIGRATIONS

ASKS_COLUMNS = ("asked", "years_asked", "degree_asked", "evidence", "extracted", "text_length")
ASKS_COLUMNS += ("ask_weight", "ask_own")
UNDO = {  # the migration (its schema version) -> the SQL that drops what it added
    5: "DROP TRIGGER job_asks_insert; DROP TRIGGER job_asks_reindex; DROP TRIGGER job_asks_delete; "
    "DROP TABLE job_asks; DROP INDEX jobs_listing;",
    4: "ALTER TABLE jobs DROP COLUMN remote_stated;",  # after 5: job_asks' triggers read it
    3: " ".join(f"ALTER TABLE jobs DROP COLUMN {c};" for c in ASKS_COLUMNS),
    2: "ALTER TABLE jobs DROP COLUMN plain;",
}
assert max(UNDO) == len(MIGRATIONS), "a new migration: add what undoes it to tests/old_stores.UNDO"


def downgrade(conn: sqlite3.Connection, version: int) -> None:
    """Drop what every migration after `version` added, and say the store is at `version`."""
    for undone in range(len(MIGRATIONS), version, -1):
        conn.executescript(UNDO[undone])
    conn.executescript(f"PRAGMA user_version = {version};")
