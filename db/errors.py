"""Storage-level failures. ``app`` turns them into messages a person can act on."""

from __future__ import annotations


class StorageError(Exception):
    pass


class NotADatabaseError(StorageError):
    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path


class NotInitialisedError(StorageError):
    """The database has no liangxin schema yet (or is someone else's database)."""

    def __init__(self, location: str, foreign: bool = False) -> None:
        super().__init__(location)
        self.location = location
        self.foreign = foreign


class NewerSchemaError(StorageError):
    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


class NotOwnerError(StorageError):
    def __init__(self, table: str, row_id: str, owner: str, station: str) -> None:
        super().__init__(f"{table} {row_id} is owned by {owner}, not {station}")
        self.table, self.row_id, self.owner, self.station = table, row_id, owner, station


class HardDeleteError(StorageError):
    """Synchronised rows are tombstoned (``deleted = true``), never removed."""


class DamagedError(StorageError):
    """An SQLite file whose header is ours but whose pages are not intact."""

    def __init__(self, path: str, detail: str = "") -> None:
        super().__init__(path, detail)
        self.path = path
        self.detail = detail


class UpgradeConflictError(StorageError):
    """A schema upgrade refused by the data (e.g. a new unique index over duplicates).
    The upgrade ran in one transaction, so nothing was changed."""

    def __init__(
        self, target: str, table: str, index: str, backup: str | None, detail: str, duplicate: bool
    ) -> None:
        super().__init__(target, table, index, backup, detail)
        self.target, self.table, self.index, self.backup = target, table, index, backup
        self.detail, self.duplicate = detail, duplicate
