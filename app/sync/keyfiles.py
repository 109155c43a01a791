"""The two small files that carry public keys between the district and a station by
hand (a USB stick, the intranet):

- the enrolment file (登记文件), made by the district for one station: the district's
  public keys and the station's code and name, signed by the district;
- the public-key file (公钥文件), made by a station once enrolled: its own public keys,
  signed by itself (so it proves the station holds the secret key).

Each is a JSON document plus ``signature``, a minisign signature over the document's
canonical form (sorted keys, no spaces, UTF-8): readable in any editor, and a change
to any value breaks the signature. What is read is distrusted until the signature
holds; every fault is one sentence naming the file, before anything is written."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.domain.station_code import validate_station_code
from app.domain.text import clean_text
from app.errors import FieldError, LiangxinError
from app.sync import crypto
from app.sync.crypto import PublicKeys, SecretKeys

FORMAT = 1
ENROLMENT = "enrolment"
STATION_KEYS = "station-keys"
LABELS = {ENROLMENT: "登记文件", STATION_KEYS: "公钥文件"}
MAX_SIZE = 64 * 1024  # a few hundred bytes in practice
NAME_MAX = 100  # station.name


class KeyFileRefused(LiangxinError):
    """A key file that cannot be used as it is; nothing was written."""


def canonical(document: dict[str, Any]) -> bytes:
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def signed_text(document: dict[str, Any], secrets: SecretKeys) -> str:
    """The file's text: ``document`` and its signature by ``secrets``."""
    signature = crypto.sign(secrets, canonical(document), f"liangxin {document['kind']}")
    return json.dumps({**document, "signature": signature}, ensure_ascii=False, indent=2) + "\n"


def write_text(path: Path, text: str, label: str) -> Path:
    """Write the whole file or nothing (a partial file beside it, then renamed)."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise KeyFileRefused(f"“{path}”是文件夹，请给出要保存的{label}的文件名，例如 {path / 'keys.json'}。")
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    except OSError:
        partial.unlink(missing_ok=True)
        raise KeyFileRefused(
            f"无法保存{label}“{path}”，请检查文件夹是否存在、是否有写权限、磁盘（U 盘）是否已满。"
        ) from None
    return path


def _load(path: Path, kind: str) -> dict[str, Any]:
    label = LABELS[kind]
    path = Path(path).expanduser()
    not_ours = KeyFileRefused(f"“{path}”不是 liangxin 的{label}，未做任何改动；请确认拿到的文件是否正确。")
    try:
        if path.is_dir():
            raise KeyFileRefused(f"“{path}”是文件夹，请给出{label}本身。")
        with path.open("rb") as f:
            raw = f.read(MAX_SIZE + 1)
    except FileNotFoundError:
        raise KeyFileRefused(f"找不到{label}“{path}”，请检查文件名和所在位置。") from None
    except OSError:
        raise KeyFileRefused(f"无法读取{label}“{path}”，请检查文件权限，或把它复制到本机后再试。") from None
    if len(raw) > MAX_SIZE:
        raise not_ours
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except (ValueError, RecursionError):  # not UTF-8, not JSON, nested beyond any key file
        raise not_ours from None
    if (
        not isinstance(document, dict)
        or not isinstance(document.get("kind"), str)
        or document["kind"] not in LABELS
    ):
        raise not_ours
    if document["kind"] != kind:
        raise KeyFileRefused(
            f"“{path}”是{LABELS[document['kind']]}，不是{label}，未做任何改动；请确认拿到的文件是否正确。"
        )
    found = document.get("format")
    if isinstance(found, int) and not isinstance(found, bool) and found > FORMAT:
        raise KeyFileRefused(
            f"{label}“{path}”由更新版本的 liangxin 生成（格式 {found}），本程序无法读取；请先升级 liangxin。"
        )
    if found != FORMAT:
        raise not_ours
    return document


def _damaged(path: Path, kind: str, item: str) -> KeyFileRefused:
    return KeyFileRefused(
        f"{LABELS[kind]}“{path}”内容不完整或已被改动（{item}），未做任何改动；请向对方重新索取。"
    )


def _text(path: Path, kind: str, data: Any, key: str, item: str) -> str:
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, str):
        raise _damaged(path, kind, item)
    return value


def _code(path: Path, kind: str, data: Any, role: str, item: str) -> str:
    try:
        return validate_station_code(_text(path, kind, data, "code", item), role)
    except FieldError:
        raise _damaged(path, kind, item) from None


def _name(path: Path, kind: str, data: Any, item: str) -> str:
    try:
        name = clean_text(_text(path, kind, data, "name", item), item, "name", max_length=NAME_MAX)
    except FieldError:
        raise _damaged(path, kind, item) from None
    if not name:
        raise _damaged(path, kind, item)
    return name


def _keys(path: Path, kind: str, data: Any, item: str) -> PublicKeys:
    keys = PublicKeys(sign=_text(path, kind, data, "sign", item), age=_text(path, kind, data, "age", item))
    try:
        return crypto.check_public_keys(keys)
    except crypto.BadKey:
        raise _damaged(path, kind, item) from None


def _verify(path: Path, kind: str, document: dict[str, Any], signer: Callable[[], PublicKeys]) -> None:
    signature = document.pop("signature", None)
    if not isinstance(signature, str):
        raise _damaged(path, kind, "缺少签名")
    try:
        comment = crypto.verify(signer().sign, canonical(document), signature)
    except crypto.BadSignature:
        raise KeyFileRefused(
            f"{LABELS[kind]}“{path}”的签名与内容不符：文件已被改动或损坏，未做任何改动；请向对方重新索取。"
        ) from None
    if comment != f"liangxin {kind}":
        raise _damaged(path, kind, "签名说明")


def read_enrolment(path: Path) -> dict[str, Any]:
    """{district: {code, name, keys: PublicKeys}, station: {code, name}, created_at},
    the signature checked against the district key the file carries (trust on first
    use: the clerk compares the key id with the district by phone)."""
    document = _load(path, ENROLMENT)
    district, station = document.get("district"), document.get("station")
    found = {
        "district": {
            "code": _code(path, ENROLMENT, district, "district", "区的代码"),
            "name": _name(path, ENROLMENT, district, "区的名称"),
            "keys": _keys(path, ENROLMENT, district, "区的公钥"),
        },
        "station": {
            "code": _code(path, ENROLMENT, station, "subdistrict", "街道代码"),
            "name": _name(path, ENROLMENT, station, "街道名称"),
        },
        "created_at": _text(path, ENROLMENT, document, "created_at", "生成时间"),
    }
    _verify(path, ENROLMENT, document, lambda: found["district"]["keys"])
    return found


def read_station_keys(path: Path) -> dict[str, Any]:
    """{code, name, keys: PublicKeys}, the signature checked against the key itself."""
    document = _load(path, STATION_KEYS)
    keys = _keys(path, STATION_KEYS, document, "公钥")
    found = {
        # Any role: a district's file names it too (IT staff may keep it); the caller
        # checks the code against the station it registers.
        "code": _any_code(path, document),
        "name": _name(path, STATION_KEYS, document, "站点名称"),
        "keys": keys,
    }
    _verify(path, STATION_KEYS, document, lambda: keys)
    return found


def _any_code(path: Path, document: dict[str, Any]) -> str:
    code = _text(path, STATION_KEYS, document, "code", "站点代码")
    role = "district" if len(code.strip()) == 6 else "subdistrict"
    return _code(path, STATION_KEYS, document, role, "站点代码")
