"""Attachments of an activity (a photo, a scanned sign-in sheet): the file is copied
beside the database under its sha256, so the record names exactly the file it was
given, and two records of one photo keep one copy.

Beside an SQLite file ``台账.sqlite3`` the folder is ``台账.sqlite3.files``; a
PostgreSQL database keeps them in the data directory, in a folder named for the
server and database. The rows (name, hash, size) travel in sync packages; the files
do not (a package carries records, not photos)."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

from app.errors import FieldError
from app.paths import data_dir
from app.store import Store
from db import migrate

MAX_BYTES = 50 * 1024 * 1024  # a photo or a scan; a video is not an attachment


def files_root(store: Store) -> Path:
    path = migrate.sqlite_path(store.url)
    if path is not None:
        return path.with_name(path.name + ".files")
    return data_dir() / "files" / re.sub(r"[^\w.-]+", "_", store.server)


def stored_path(store: Store, sha256: str, file_name: str) -> Path:
    suffix = Path(file_name).suffix.lower()[:10]
    return files_root(store) / "activities" / sha256[:2] / f"{sha256}{suffix}"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def copy_in(store: Store, source: str | Path) -> tuple[str, str, int]:
    """Copy a file beside the database; (its name, sha256, size). Refused in a sentence
    when it cannot be read or is too large."""
    path = Path(source).expanduser()
    if not path.is_file():
        raise FieldError("attachments", f"找不到附件“{path}”，请确认文件存在后重新选择。")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise FieldError(
            "attachments",
            f"附件“{path.name}”有 {size / 1024 / 1024:.0f} MB，超过 50 MB，请压缩或扫描为较小的文件。",
        )
    try:
        sha = sha256_of(path)
        target = stored_path(store, sha, path.name)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".partial")
            shutil.copyfile(path, partial)
            partial.replace(target)
    except OSError:
        raise FieldError(
            "attachments", f"未能保存附件“{path.name}”：请检查文件能否打开、数据文件所在磁盘是否可写。"
        ) from None
    return path.name, sha, size
