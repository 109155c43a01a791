"""The log file: where tracebacks and storage details go, so that a person sees one
sentence and the maintainer gets everything.

A rotating file (1 MB × 5) in ``<data dir>/logs`` (``LIANGXIN_LOG_DIR`` overrides).
Logging never breaks the program: a folder that cannot be made or a disk that fills
up mid-write leaves the log silent, and nothing is printed to stderr about it.
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from app.paths import data_dir

LOG_DIR_ENV = "LIANGXIN_LOG_DIR"
LOG_FILE = "liangxin.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
LOGGER = "liangxin"


class _QuietHandler(RotatingFileHandler):
    """A log that cannot be written is not worth a message about itself."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def log_dir() -> Path:
    override = os.environ.get(LOG_DIR_ENV)
    return Path(override) if override else data_dir() / "logs"


def log_path() -> Path:
    return log_dir() / LOG_FILE


def _handler() -> _QuietHandler | None:
    for handler in logging.getLogger(LOGGER).handlers:
        if isinstance(handler, _QuietHandler):
            return handler
    return None


def setup_logging() -> Path | None:
    """Attach the file to the ``liangxin`` logger (again if the folder moved, as it does
    per test). Returns the file's path, or None when the folder cannot be made."""
    logger = logging.getLogger(LOGGER)
    path = log_path()
    current = _handler()
    if current is not None:
        if Path(current.baseFilename) == path.absolute():
            return path
        logger.removeHandler(current)
        current.close()
    logger.setLevel(logging.INFO)
    logger.propagate = False  # not also to stderr through the root logger
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # delay: a command that logs nothing creates no file
        handler = _QuietHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
    except OSError:
        # No file to write to: still a handler, so that Python's last-resort handler
        # does not print the traceback and the SQL on the person's terminal instead.
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
        return None
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [pid %(process)d] %(message)s")
    )
    logger.addHandler(handler)
    return path


def _written(path: Path | None) -> bool:
    handler = _handler()
    return path is not None and handler is not None and handler.stream is not None and path.exists()


def report_unexpected(exc: BaseException) -> str:
    """Write the traceback to the log; return the one sentence to show instead."""
    path = setup_logging()
    logging.getLogger(LOGGER).error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    handler = _handler()
    if handler is not None:
        handler.flush()
    if _written(path):
        return f"程序出错了，这次操作没有完成。请把日志文件 {path} 发给维护人员。"
    return "程序出错了，这次操作没有完成，日志文件也无法写入。请把出错前做的操作告诉维护人员。"


def log_storage_detail(sentence: str, exc: BaseException) -> None:
    """What the person was told, and what the driver said (SQL included), for the maintainer."""
    setup_logging()
    logging.getLogger(f"{LOGGER}.storage").warning(
        "%s", sentence, exc_info=(type(exc), exc, exc.__traceback__)
    )
