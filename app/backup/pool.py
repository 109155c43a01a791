"""The 组织生活 attachments of a backup: a pool of files beside the backup, named by
their sha256 (``liangxin-attachments/ab/ab12….jpg``), that every backup in the folder
shares. A second backup to the same stick copies only the photos added since; the 14
daily backups keep one copy of each photo, not fourteen.

The folder name is ASCII on purpose: a FAT32 stick carried to an old Windows machine,
a zip tool or a network copy that mangles Chinese names would lose the pool, and with
it every photo. The pool is never pruned: a file is immutable under its hash, most
are referenced by every kept backup, and telling which are not would mean opening each
backup; a deleted attachment's photo costs the stick its size, a wrongly pruned one
costs the clerk the photo.

"The attachments a database refers to" are its live attachment rows that this station
made: rows received in 数据包 from other stations come without their files (a package
carries records, not photos), so they are neither copied nor missed."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from app.backup.sqlite_copy import sync_folder
from app.jobs import Job, Progress
from app.logs import log_storage_detail
from app.services.attachments import stored_path
from app.store import Store
from db.models import ActivityAttachment

POOL_NAME = "liangxin-attachments"
EXAMPLES = 3  # missing files named in a sentence


@dataclass(frozen=True)
class FileRef:
    sha256: str
    file_name: str
    size: int

    @property
    def pool_name(self) -> Path:
        suffix = Path(self.file_name).suffix.lower()[:10]
        return Path(self.sha256[:2]) / f"{self.sha256}{suffix}"


@dataclass(frozen=True)
class PoolCopy:
    """What one pass copied: ``referred`` files named by the database, ``copied`` newly
    written, ``missing`` the ones whose source was not there (or not the right file)."""

    referred: int = 0
    copied: int = 0
    missing: list[FileRef] = field(default_factory=list)

    def examples(self) -> str:
        names = "、".join(f"“{r.file_name}”" for r in self.missing[:EXAMPLES])
        return names + ("等" if len(self.missing) > EXAMPLES else "")


def pool_beside(backup: Path) -> Path:
    return backup.parent / POOL_NAME


def unique_refs(refs: Iterable[FileRef]) -> list[FileRef]:
    seen: dict[Path, FileRef] = {}
    for ref in refs:
        if len(ref.sha256) == 64:
            seen.setdefault(ref.pool_name, ref)
    return list(seen.values())


def refs_in_file(con: sqlite3.Connection) -> list[FileRef]:
    """The attachments an SQLite backup (opened read-only) refers to."""
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "activity_attachment" not in tables:
        return []  # a backup from before 组织生活 existed
    rows = con.execute(
        "SELECT sha256, file_name, size FROM activity_attachment WHERE deleted = 0 "
        "AND owner = (SELECT code FROM station WHERE is_self = 1)"
    )
    return unique_refs(FileRef(str(s), str(n), int(z or 0)) for s, n, z in rows)


def refs_in_store(store: Store) -> list[FileRef]:
    with store.read() as session:
        rows = session.execute(
            select(ActivityAttachment.sha256, ActivityAttachment.file_name, ActivityAttachment.size).where(
                ActivityAttachment.deleted.is_(False), ActivityAttachment.owner == store.station.code
            )
        )
        return unique_refs(FileRef(s, n, int(z or 0)) for s, n, z in rows)


def present_in_pool(refs: list[FileRef], pool: Path) -> int:
    return sum(_already(pool / r.pool_name, r) for r in refs)


def _already(path: Path, ref: FileRef) -> bool:
    try:
        return path.stat().st_size == ref.size
    except OSError:
        return False


def copy_checked(source: Path, target: Path, ref: FileRef) -> bool:
    """``source`` to ``target`` through a temporary file, its sha256 and size checked
    before the rename; False (nothing written) when the source is not the file the
    record names. OSError (a full stick) propagates, the temporary removed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.{os.getpid()}.partial")
    digest, size = hashlib.sha256(), 0
    try:
        with source.open("rb") as src, temp.open("wb") as dst:
            for block in iter(lambda: src.read(1 << 20), b""):
                digest.update(block)
                size += len(block)
                dst.write(block)
            dst.flush()
            os.fsync(dst.fileno())
        if digest.hexdigest() != ref.sha256 or size != ref.size:
            log_storage_detail(
                f"附件“{source}”的内容与记录不符，没有复制",
                ValueError(f"sha256 {digest.hexdigest()} / {size} bytes, recorded {ref.sha256} / {ref.size}"),
            )
            return False
        os.replace(temp, target)
        return True
    finally:
        temp.unlink(missing_ok=True)


def copy_files(
    refs: list[FileRef],
    source_of: Callable[[FileRef], Path],
    target_of: Callable[[FileRef], Path],
    stage: str,
) -> Job[PoolCopy]:
    """Each referred file copied where it is not already (same name, same size); a
    source that is missing is counted, not an error. Progress per file; a close (the
    cancel button) stops between files."""
    copied, missing = 0, []
    folders: set[Path] = set()
    for done, ref in enumerate(refs):
        yield Progress(stage, done, max(len(refs), 1))
        target = target_of(ref)
        if _already(target, ref):
            continue
        source = source_of(ref)
        if not source.is_file() or not copy_checked(source, target, ref):
            missing.append(ref)
            continue
        copied += 1
        folders.add(target.parent)
    for folder in folders:
        sync_folder(folder)
    if refs:
        yield Progress(stage, len(refs), len(refs))
    return PoolCopy(len(refs), copied, missing)


def to_pool(store: Store, refs: list[FileRef], backup: Path) -> Job[PoolCopy]:
    """The backed-up database's attachments into the pool beside ``backup``."""
    pool = pool_beside(backup)
    return (
        yield from copy_files(
            refs,
            lambda r: stored_path(store, r.sha256, r.file_name),
            lambda r: pool / r.pool_name,
            "正在备份附件",
        )
    )


def from_pool(store: Store, backup: Path) -> Job[PoolCopy]:
    """After a restore: the restored database's attachments from the pool beside the
    backup into the database's own folder (those already there are left alone)."""
    pool = pool_beside(backup)
    refs = refs_in_store(store)
    return (
        yield from copy_files(
            refs,
            lambda r: pool / r.pool_name,
            lambda r: stored_path(store, r.sha256, r.file_name),
            "正在恢复附件",
        )
    )
