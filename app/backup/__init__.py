"""Backups, restore and the data check: copies made with SQLite's backup API (never a
copy of the live file) or pg_dump, each checked before it is kept; a restore that keeps
the current database aside first and swaps in one rename; ``verify`` over the journal
and the links between records; where a database file lives (a network share or a
removable drive makes SQLite's WAL unsafe)."""
