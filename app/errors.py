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
