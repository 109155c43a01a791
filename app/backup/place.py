"""Where a database file lives: on a local disk, a network share or a removable drive.
SQLite's WAL needs shared memory and locks that network file systems do not provide
faithfully, and a removable drive can go away mid-write: both get a warning.

Linux: the mount that holds the file (/proc/self/mountinfo, the longest mount point
above it) and its file-system type; a block device marked removable (or on USB) in
/sys. Windows: a UNC path, or GetDriveTypeW of the drive. Elsewhere: local."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Any

LOCAL, NETWORK, REMOVABLE = "local", "network", "removable"
NETWORK_TYPES = {
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "sshfs",
    "9p",
    "afs",
    "ncpfs",
    "davfs",
    "glusterfs",
    "ceph",
}
MOUNTINFO = Path("/proc/self/mountinfo")
SYS_DEV_BLOCK = Path("/sys/dev/block")
DRIVE_REMOVABLE, DRIVE_REMOTE = 2, 4  # GetDriveTypeW


def _unescape(field: str) -> str:
    # mountinfo writes space, tab, newline and backslash as octal escapes
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def mount_of(path: Path, mountinfo: str) -> tuple[str, str, str] | None:
    """(mount point, file-system type, major:minor) of the mount holding ``path``."""
    best: tuple[str, str, str] | None = None
    target = str(path)
    for line in mountinfo.splitlines():
        parts = line.split()
        if " - " not in line or len(parts) < 5:
            continue
        point = _unescape(parts[4])
        fstype = line.split(" - ", 1)[1].split()[0]
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) >= len(best[0])):
            best = (point, fstype, parts[2])
    return best


def _removable_device(device: str, sys_dev_block: Path) -> bool:
    node = sys_dev_block / device
    try:
        real = node.resolve(strict=True)
    except OSError:
        return False
    if "/usb" in str(real):
        return True
    for folder in (real, real.parent):  # a partition's disk is its parent
        flag = folder / "removable"
        try:
            if flag.read_text().strip() == "1":
                return True
        except OSError:
            continue
    return False


def storage_place(
    path: str | Path, *, mountinfo: str | None = None, sys_dev_block: Path = SYS_DEV_BLOCK
) -> str:
    """ "local", "network" or "removable" for the file (or folder) at ``path``."""
    raw = str(path)
    if sys.platform == "win32":
        return _windows_place(raw)
    if raw.startswith(("\\\\", "//")):
        return NETWORK
    resolved = Path(os.path.abspath(os.path.expanduser(raw)))
    with contextlib.suppress(OSError):
        resolved = resolved.resolve()
    if mountinfo is None:
        try:
            mountinfo = MOUNTINFO.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return LOCAL  # not Linux: no way to tell, and no warning without a reason
    found = mount_of(resolved, mountinfo)
    if found is None:
        return LOCAL
    _, fstype, device = found
    if fstype in NETWORK_TYPES or fstype.startswith("fuse.") or fstype.startswith("nfs"):
        return NETWORK
    if _removable_device(device, sys_dev_block):
        return REMOVABLE
    return LOCAL


def _windows_place(raw: str) -> str:
    if raw.startswith(("\\\\", "//")):
        return NETWORK
    import ctypes

    drive = os.path.splitdrive(os.path.abspath(raw))[0]
    if not drive:
        return LOCAL
    kind = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")  # type: ignore[attr-defined]
    return {DRIVE_REMOTE: NETWORK, DRIVE_REMOVABLE: REMOVABLE}.get(kind, LOCAL)


def database_file(store: Any) -> Path | None:
    """The SQLite file of an open store (None for PostgreSQL)."""
    from db import migrate

    return migrate.sqlite_path(store.url)


def place_warning(path: str | Path, place: str) -> str | None:
    """One sentence for the CLI and the window, or None for a local disk."""
    if place == NETWORK:
        return (
            f"数据文件“{path}”在网络共享文件夹上，SQLite 在这里不能可靠地加锁，多人同时使用或断网都可能损坏数据；"
            "请把它移到本机硬盘（窗口中可一键移动），多人共用请改用 PostgreSQL。"
        )
    if place == REMOVABLE:
        return (
            f"数据文件“{path}”在 U 盘或移动硬盘上，写入时拔出会损坏数据；"
            "请把它移到本机硬盘（窗口中可一键移动），U 盘只用来存放备份。"
        )
    return None
