"""The package file: ``<station>-<from>-<to>.lxpkg``, a zip of exactly two members.

- ``payload.age``: the content, encrypted with age to the receiver (and the sender,
  so it can read its own history). Decrypted, it is itself a zip of
  ``manifest.json`` and ``changes.jsonl``, so ``age -d`` then ``unzip`` opens it.
- ``payload.age.minisig``: the sender's minisign signature over ``payload.age``.

Everything read from a file is distrusted until the signature holds: sizes are
bounded before reading, member names are exact (no folders, no ``../``), and every
fault is one sentence naming the file."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import LiangxinError

FORMAT = 1
SUFFIX = ".lxpkg"
PAYLOAD = "payload.age"
SIGNATURE = "payload.age.minisig"
MANIFEST = "manifest.json"
CHANGES = "changes.jsonl"
KINDS = ("up", "down", "receipt")
MAX_FILE = 2 * 1024**3  # a district's whole register is a few hundred MB
MAX_MANIFEST = 4 * 1024**2
MAX_SIGNATURE = 4096


class PackageRefused(LiangxinError):
    """A package that cannot be used as it is; nothing was written."""


@dataclass
class Sealed:
    """A package as read from its file, before the signature is checked."""

    path: Path
    payload: bytes
    signature: str
    sha256: str  # of the whole file, to recognise the same file again


@dataclass
class Opened:
    manifest: dict[str, Any]
    archive: bytes  # the decrypted inner zip; the changes are read from it when needed
    sha256: str
    path: Path
    trusted_comment: str = ""
    _changes: bytes | None = None

    @property
    def changes(self) -> bytes:
        """The JSON lines, checked against the manifest's sha256 on first use (a package
        already held is answered from the manifest alone, without reading them)."""
        if self._changes is None:
            try:
                with zipfile.ZipFile(io.BytesIO(self.archive)) as archive:
                    data = archive.read(CHANGES)
            except (zipfile.BadZipFile, EOFError, NotImplementedError):
                raise _refused(self.path, "的内容已损坏") from None
            if self.manifest["files"].get(CHANGES) != hashlib.sha256(data).hexdigest():
                raise _refused(self.path, "的数据与清单的校验值不符（内容被改动过）")
            self._changes = data
        return self._changes

    @property
    def station(self) -> str:
        return str(self.manifest["station"])

    @property
    def seq_from(self) -> int:
        return int(self.manifest["range"][0])

    @property
    def seq_to(self) -> int:
        return int(self.manifest["range"][1])

    @property
    def full(self) -> bool:
        return bool(self.manifest.get("full"))


def file_name(station: str, seq_from: int, seq_to: int, kind: str = "up") -> str:
    stem = f"{station}-{seq_from}-{seq_to}"
    return f"{stem}{SUFFIX}" if kind == "up" else f"{stem}-{kind}{SUFFIX}"


def _refused(path: Path, why: str) -> PackageRefused:
    return PackageRefused(f"数据包“{path.name}”{why}，未导入任何数据。")


def inner_zip(manifest: dict[str, Any], changes: bytes) -> bytes:
    """The plaintext of ``payload.age``: the manifest (with the changes' sha256) and the changes."""
    manifest = {**manifest, "files": {CHANGES: hashlib.sha256(changes).hexdigest()}}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        archive.writestr(CHANGES, changes)
    return buffer.getvalue()


def write_outer(target: Path, payload: bytes, signature: str) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr(PAYLOAD, payload)
        archive.writestr(SIGNATURE, signature)


def _exact_members(path: Path, archive: zipfile.ZipFile, expected: set[str], what: str) -> None:
    names = [info.filename for info in archive.infolist()]
    if len(names) != len(set(names)) or set(names) != expected:
        unexpected = sorted(set(names) - expected)
        missing = sorted(expected - set(names))
        detail = []
        if missing:
            detail.append(f"缺少 {'、'.join(missing)}")
        if unexpected:
            detail.append(f"多出 {'、'.join(n[:60] for n in unexpected[:3])}")
        if len(names) != len(set(names)):
            detail.append("有重名的成员")
        raise _refused(path, f"的{what}内容不完整或被改动过（{'，'.join(detail)}）")


def read_sealed(path: str | Path) -> Sealed:
    """The two members of a package file, checked for shape only."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise _refused(path, "是一个文件夹")
        if size > MAX_FILE:
            raise _refused(path, "太大，不像本程序生成的数据包")
        data = path.read_bytes()
    except FileNotFoundError:
        raise PackageRefused(f"找不到数据包“{path}”，请确认文件位置。") from None
    except OSError:
        raise PackageRefused(
            f"读不了数据包“{path}”：请确认 U 盘或共享文件夹仍可访问、文件没有被其他程序占用。"
        ) from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _exact_members(path, archive, {PAYLOAD, SIGNATURE}, "")
            if archive.getinfo(SIGNATURE).file_size > MAX_SIGNATURE:
                raise _refused(path, "的签名不像 minisign 签名")
            payload = archive.read(PAYLOAD)
            signature = archive.read(SIGNATURE).decode("utf-8")
    # ValueError: a damaged directory sends zipfile seeking before the start; zlib.error:
    # a member whose compressed bytes are damaged.
    except (zipfile.BadZipFile, EOFError, ValueError, zlib.error, NotImplementedError):
        raise _refused(path, "已损坏或不完整（可能复制中断），请让对方重新生成或重新复制") from None
    except zipfile.LargeZipFile:
        raise _refused(path, "太大，不像本程序生成的数据包") from None
    return Sealed(path, payload, signature, hashlib.sha256(data).hexdigest())


def signer_key_id(sealed: Sealed) -> bytes:
    """The 8-byte key id the signature names (which station to check it against)."""
    lines = sealed.signature.splitlines()
    try:
        raw = base64.b64decode(lines[1], validate=True)
    except (IndexError, ValueError):
        raise _refused(sealed.path, "的签名已损坏") from None
    if len(raw) != 74:
        raise _refused(sealed.path, "的签名已损坏")
    return raw[2:10]


def public_key_id(public_sign: str) -> bytes:
    try:
        raw = base64.b64decode(public_sign.strip().splitlines()[-1], validate=True)
    except (IndexError, ValueError):
        return b""
    return raw[2:10] if len(raw) == 42 else b""


def open_payload(sealed: Sealed, plaintext: bytes, trusted_comment: str) -> Opened:
    """The decrypted payload: the manifest and the changes, every sha256 checked."""
    path = sealed.path
    try:
        with zipfile.ZipFile(io.BytesIO(plaintext)) as archive:
            _exact_members(path, archive, {MANIFEST, CHANGES}, "加密")
            if archive.getinfo(MANIFEST).file_size > MAX_MANIFEST:
                raise _refused(path, "的清单过大")
            if archive.getinfo(CHANGES).file_size > MAX_FILE:
                raise _refused(path, "的数据过大")
            manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
    except (zipfile.BadZipFile, EOFError, ValueError, zlib.error, RecursionError, NotImplementedError):
        raise _refused(path, "的内容已损坏") from None
    if not isinstance(manifest, dict):
        raise _refused(path, "的清单格式不对")
    files = manifest.get("files")
    if not isinstance(files, dict) or not isinstance(files.get(CHANGES), str):
        raise _refused(path, "的清单缺少数据的校验值")
    _check_manifest(path, manifest)
    return Opened(manifest, plaintext, sealed.sha256, path, trusted_comment)


def _check_manifest(path: Path, manifest: dict[str, Any]) -> None:
    if manifest.get("format") != FORMAT:
        raise _refused(
            path, f"的格式版本是 {manifest.get('format')!s:.10}，本程序只认识 {FORMAT}，请升级本程序"
        )
    if manifest.get("kind") not in KINDS:
        raise _refused(path, "的类型不认识")
    seq = manifest.get("range")
    if (
        not isinstance(seq, list)
        or len(seq) != 2
        or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in seq)
        or seq[0] > seq[1] + 1
    ):
        raise _refused(path, "的编号范围不对")
    for key in ("station", "district", "schema", "created_at"):
        if not isinstance(manifest.get(key), str):
            raise _refused(path, f"的清单缺少 {key}")
    totals = manifest.get("totals", {})
    if not isinstance(totals, dict) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in totals.values()
    ):
        raise _refused(path, "的清单计数不对")


def change_lines(opened: Opened) -> Iterator[dict[str, Any]]:
    """Each change of the package; a line that is not a JSON object refuses the package."""
    for number, line in enumerate(opened.changes.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            change = json.loads(line)
        except (ValueError, RecursionError):
            raise _refused(opened.path, f"的第 {number} 条数据已损坏") from None
        if not isinstance(change, dict) or not isinstance(change.get("row"), dict):
            raise _refused(opened.path, f"的第 {number} 条数据格式不对")
        yield change
