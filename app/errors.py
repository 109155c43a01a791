"""Errors that carry a message a person can act on (in Chinese, the UI language)."""

from __future__ import annotations


class LiangxinError(Exception):
    """Base of every error the CLI and the UI show to the user as one sentence."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class FieldError(LiangxinError):
    """A value that cannot be accepted; names the field so the form can mark it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(FieldError):
    """A record that was named (by id or name) and does not exist; ``field`` says where
    it was named, so a form can mark that field."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(field, message)


class StorageProblem(LiangxinError):
    """The database cannot be used as asked (not a database, newer version, not initialised)."""

    exit_code = 3


# Storage failures, each one sentence built in ``app.store`` (the CLI exits 3 on any of
# them). Separate classes so the window can offer the fitting next step (retry for a
# busy database, restore a backup for a damaged one).


class DatabaseBusy(StorageProblem):
    """Another program held the database longer than the busy timeout."""


class ReadOnlyStorage(StorageProblem):
    """The file, or the folder SQLite must write its -wal/-shm files into, is read-only."""


class DiskFull(StorageProblem):
    """No room left for the database to grow."""


class DamagedDatabase(StorageProblem):
    """The file is not intact; nothing more is written to it."""


class ConnectionLost(StorageProblem):
    """The PostgreSQL server cannot be reached, or the connection broke."""


class UnsupportedDatabase(StorageProblem):
    """``--db`` names an engine liangxin does not work with, or a folder."""


class UpgradeConflict(StorageProblem):
    """The schema upgrade met data it cannot take (e.g. duplicates); nothing was changed."""


class NotOwner(LiangxinError):
    """A record synchronised from another station: only its owner may change it."""

    def __init__(self, message: str, owner: str) -> None:
        super().__init__(message)
        self.owner = owner


class ValueOutOfRange(LiangxinError):
    """A number the database cannot hold (PostgreSQL's DataError, SQLite's overflow)."""
