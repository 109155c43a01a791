"""Keys over the store: this station's own (made once, kept encrypted with the
passphrase the user chose), and the other stations' public keys it has registered.

Enrolment, the only way keys meet: the district (``keys init``) registers each
sub-district (``station add``) and hands it an enrolment file carrying the district's
public keys; the sub-district loads it (``keys enrol``), which makes its own keys, and
hands back its public-key file (``keys export-public``), which the district loads
(``station add --pubkey``). A lost passphrase cannot be recovered: the station is
enrolled again with new keys (see the ``keys`` help in app/cli/keys.py).

Opening the keys costs ~2 s of scrypt, so a process pays it once: the unlocked keys
are kept in memory per database and station, and dropped when the stored keys change."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.accounts.roles import KEYS, require
from app.domain.station_code import validate_station_code
from app.domain.station_time import local_time
from app.domain.text import clean_text
from app.errors import FieldError, LiangxinError, NotFoundError
from app.settings import time_zone
from app.store import Store
from app.sync import crypto, keyfiles
from app.sync.crypto import PublicKeys, SecretKeys
from db.models import Keyring, Station, SyncPackage, SyncRefusal

# (database URL, station code) -> (the stored, encrypted text, the keys it opened to)
_unlocked: dict[tuple[str, str], tuple[str, SecretKeys]] = {}

ENROL_HINT = "在数据交换页载入（或运行 liangxin keys enrol 登记文件）"


class PassphraseNeeded(LiangxinError):
    """The keys are not open in this process and no passphrase was given."""

    def __init__(self) -> None:
        super().__init__("需要输入密钥口令才能继续，本次未做任何改动；请输入本站点登记时设定的口令。")


class NoKeys(LiangxinError):
    """This station has no keys yet."""


class SenderRefused(LiangxinError):
    """Packages from this station cannot be accepted (unknown, no keys, revoked)."""


def _now() -> datetime:
    return datetime.now(UTC)


def _local(session: Session, moment: datetime | None) -> datetime | None:
    """A stored moment as the station's clock time, with its offset (SQLite's are naive UTC)."""
    return local_time(moment, time_zone(session)) if moment is not None else None


def _self(session: Session) -> Station:
    me = session.scalar(select(Station).where(Station.is_self.is_(True)))
    if me is None:  # open_store refuses a database without one
        raise LiangxinError("数据库中没有本站点的登记，请先运行 liangxin init。")
    return me


def _no_keys(role: str) -> NoKeys:
    if role == "district":
        return NoKeys(
            "本站点（区）还没有密钥，请先在数据交换页“生成区里的密钥”（或运行 liangxin keys init）。"
        )
    return NoKeys(f"本站点还没有登记到区，没有密钥；请向区里索取本站点的登记文件，再{ENROL_HINT}。")


def _public(row: Station) -> PublicKeys | None:
    if not row.sign_public_key or not row.age_recipient:
        return None
    return PublicKeys(sign=row.sign_public_key, age=row.age_recipient)


def _key_id(row: Station) -> str | None:
    keys = _public(row)
    return crypto.key_id(keys.sign) if keys else None


def _station_name(value: str | None, *, required: bool) -> str | None:
    if value is None and not required:
        return None
    name = clean_text(value or "", "街道名称", "name", max_length=keyfiles.NAME_MAX)
    if not name:
        raise FieldError("name", "请给出街道名称，例如 --name 南湾街道。")
    return name


def _cache_key(store: Store) -> tuple[str, str]:
    return (store.url, store.station.code)


def _keep(store: Store, locked: str, secrets: SecretKeys) -> None:
    _unlocked[_cache_key(store)] = (locked, secrets)


def forget_unlocked() -> None:
    """Drop every unlocked key held in memory (tests; a window's "lock")."""
    _unlocked.clear()


# --- this station's own keys --------------------------------------------------------


def unlocked(store: Store, passphrase: str | None = None) -> SecretKeys:
    """This station's secret keys, opened with ``passphrase`` once per process.

    PassphraseNeeded when they are not open yet and no passphrase is given;
    WrongPassphrase when it does not open them."""
    with store.read() as session:
        ring = session.get(Keyring, store.station.code)
        locked = ring.secrets if ring else None
    if locked is None:
        raise _no_keys(store.station.role)
    held = _unlocked.get(_cache_key(store))
    if held and held[0] == locked:  # the same keys as when opened (not re-enrolled since)
        return held[1]
    if passphrase is None:
        raise PassphraseNeeded()
    secrets = crypto.unlock_secrets(locked, passphrase)
    _keep(store, locked, secrets)
    return secrets


def _store_own_keys(session: Session, me: Station, locked: str, public: PublicKeys) -> None:
    ring = session.get(Keyring, me.code)
    if ring is None:
        session.add(Keyring(station_code=me.code, secrets=locked, created_at=_now()))
    else:
        ring.secrets, ring.created_at = locked, _now()
    me.sign_public_key, me.age_recipient = public.sign, public.age


def check_init_keys(store: Store, *, again: bool = False) -> None:
    """The refusals of init_keys, before anyone is asked for a passphrase."""
    require(store, KEYS)
    with store.read() as session:
        me = _self(session)
        role, has_keys, existing = me.role, session.get(Keyring, me.code) is not None, _key_id(me)
    if role != "district":
        raise LiangxinError(f"街道的密钥在载入区里发来的登记文件时生成，不用 keys init；请{ENROL_HINT}。")
    if has_keys and not again:
        raise LiangxinError(
            f"本站点已有密钥（编号 {existing}），未做任何改动。如忘记口令须换新密钥，请运行 "
            "liangxin keys init --again，之后须为每个街道重新生成登记文件并让其重新登记。"
        )


def init_keys(store: Store, passphrase: str, *, again: bool = False) -> PublicKeys:
    """The district's keys, made at setup. ``again``: replace them (a lost passphrase),
    after which every sub-district must be enrolled again."""
    require(store, KEYS)
    check_init_keys(store, again=again)
    crypto.check_new_passphrase(passphrase)  # before the 2 s of making and locking
    secrets = crypto.generate_keys()
    public = secrets.public()
    locked = crypto.lock_secrets(secrets, passphrase)
    with store.write() as session:
        me = _self(session)
        if session.get(Keyring, me.code) is not None and not again:  # made meanwhile, elsewhere
            raise LiangxinError(f"本站点已有密钥（编号 {_key_id(me)}），未做任何改动。")
        _store_own_keys(session, me, locked, public)
    _keep(store, locked, secrets)
    return public


def own_public(session: Session) -> PublicKeys:
    me = _self(session)
    keys = _public(me)
    if keys is None:
        raise _no_keys(me.role)
    return keys


def district_keys(session: Session) -> PublicKeys:
    """The public keys of the district this station is enrolled with."""
    me = _self(session)
    if me.role == "district":
        raise LiangxinError("本站点就是区，没有上级区的密钥；上报数据包由街道生成。")
    district = session.get(Station, me.parent_code) if me.parent_code else None
    keys = _public(district) if district else None
    if keys is None:
        raise NoKeys(f"本站点还没有登记到区，请向区里索取本站点的登记文件，再{ENROL_HINT}。")
    return keys


def key_status(store: Store) -> dict[str, Any]:
    """This station, its key id, and (on a sub-district) the district it is enrolled with."""
    with store.read() as session:
        me = _self(session)
        ring = session.get(Keyring, me.code)
        keys = _public(me) if ring else None
        district = session.get(Station, me.parent_code) if me.parent_code else None
        return {
            "station": {"code": me.code, "name": me.name, "role": me.role},
            "keys": keys is not None,
            "key_id": crypto.key_id(keys.sign) if keys else None,
            "sign": keys.sign if keys else None,
            "age": keys.age if keys else None,
            "created_at": _local(session, ring.created_at) if ring else None,
            "district": (
                {"code": district.code, "name": district.name, "key_id": _key_id(district)}
                if district is not None
                else None
            ),
        }


def export_public(store: Store, out: Path) -> dict[str, Any]:
    """Write this station's public-key file, signed by itself (the keys must be open)."""
    secrets = unlocked(store)
    public = secrets.public()
    document = {
        "format": keyfiles.FORMAT,
        "kind": keyfiles.STATION_KEYS,
        "code": store.station.code,
        "name": store.station.name,
        "sign": public.sign,
        "age": public.age,
    }
    path = keyfiles.write_text(out, keyfiles.signed_text(document, secrets), "公钥文件")
    return {
        "file": str(path),
        "code": store.station.code,
        "name": store.station.name,
        "key_id": crypto.key_id(public.sign),
    }


# --- the sub-district: enrolment ----------------------------------------------------


def preview_enrolment(store: Store, enrolment_file: Path, *, again: bool = False) -> dict[str, Any]:
    """What loading ``enrolment_file`` would do, every refusal included, before anyone
    is asked for a passphrase: the district it comes from and its key id (for the clerk
    to compare by phone), and ``needed``: False when this station is already enrolled
    with that district (loading it again changes nothing)."""
    require(store, KEYS)
    if store.station.role == "district":
        raise LiangxinError(
            "区的数据库不能载入登记文件：登记文件是区发给街道的，请在街道的电脑上载入（数据交换页，或 liangxin keys enrol）。"
        )
    found = keyfiles.read_enrolment(enrolment_file)
    district, station = found["district"], found["station"]
    me_code, me_name = store.station.code, store.station.name
    if station["code"] != me_code:
        raise LiangxinError(
            f"登记文件“{enrolment_file}”是发给“{station['name']}”（{station['code']}）的，"
            f"本数据库是“{me_name}”（{me_code}），未做任何改动；请向区里索取本站点的登记文件。"
        )
    keys: PublicKeys = district["keys"]
    preview = {
        "station": {"code": me_code, "name": me_name},
        "district": {"code": district["code"], "name": district["name"], "key_id": crypto.key_id(keys.sign)},
        "district_keys": keys,
    }
    with store.read() as session:
        enrolled = _enrolled_with(session, me_code)
        own = _key_id(_self(session))
    if enrolled is not None and not again:
        if enrolled[0] == district["code"] and enrolled[2] == keys:
            return {**preview, "needed": False, "again": False, "key_id": own}
        raise LiangxinError(
            f"本站点已登记到“{enrolled[1]}”（{enrolled[0]}，区的密钥编号 {crypto.key_id(enrolled[2].sign)}），"
            f"这份登记文件来自“{district['name']}”（{district['code']}，密钥编号 {preview['district']['key_id']}），"
            "未做任何改动；确需按这份文件重新登记（生成新密钥，原密钥作废），请加 --again。"
        )
    return {**preview, "needed": True, "again": enrolled is not None, "key_id": own}


def enrol(store: Store, enrolment_file: Path, passphrase: str, *, again: bool = False) -> dict[str, Any]:
    """Load the district's enrolment file: register the district (its keys as the file
    carries them, trusted on first use) and make this station's keys, locked with
    ``passphrase``. ``again``: replace keys already made (a lost passphrase, or another
    district); without it a second file is taken only when it is the same district,
    and then changes nothing (``changed`` False)."""
    require(store, KEYS)
    preview = preview_enrolment(store, enrolment_file, again=again)
    result = {k: preview[k] for k in ("station", "district", "again", "key_id")}
    if not preview["needed"]:
        return {**result, "changed": False}
    district, keys = preview["district"], preview["district_keys"]
    crypto.check_new_passphrase(passphrase)
    secrets = crypto.generate_keys()
    public = secrets.public()
    locked = crypto.lock_secrets(secrets, passphrase)
    with store.write() as session:
        me = _self(session)
        if not again and _enrolled_with(session, me.code) is not None:  # enrolled meanwhile
            raise LiangxinError("本站点刚刚已完成登记，无需再次登记，未做任何改动。")
        _store_own_keys(session, me, locked, public)
        me.parent_code = district["code"]
        row = session.get(Station, district["code"])
        if row is None:
            row = Station(code=district["code"], role="district", is_self=False, last_received_seq=0)
            session.add(row)
        row.name, row.sign_public_key, row.age_recipient = district["name"], keys.sign, keys.age
        row.revoked_at = None
    _keep(store, locked, secrets)
    return {**result, "changed": True, "key_id": crypto.key_id(public.sign)}


def _enrolled_with(session: Session, code: str) -> tuple[str, str, PublicKeys] | None:
    """(district code, name, keys) when this station has keys and a district."""
    if session.get(Keyring, code) is None:
        return None
    me = _self(session)
    district = session.get(Station, me.parent_code) if me.parent_code else None
    keys = _public(district) if district else None
    return (district.code, district.name, keys) if district and keys else None


# --- the district: its sub-districts ------------------------------------------------


def _require_district(store: Store, doing: str) -> None:
    if store.station.role != "district":
        raise LiangxinError(
            f"只有区的数据库可以{doing}；本数据库是街道“{store.station.name}”（{store.station.code}）。"
        )


def _take_keys(session: Session, row: Station, keys: PublicKeys) -> str:
    """Register ``keys`` for ``row``: "same", "new" or "replaced". A station that has
    sent packages keeps its key until revoked (a key swapped quietly would let whoever
    holds the new one speak for it); a revoked key is never taken back."""
    other = session.scalar(
        select(Station).where(Station.sign_public_key == keys.sign, Station.code != row.code)
    )
    if other is not None:
        raise LiangxinError(
            f"这把公钥（编号 {crypto.key_id(keys.sign)}）已登记给站点“{other.name}”（{other.code}），"
            "一把密钥只能属于一个站点，未做任何改动；请核对公钥文件。"
        )
    current = _public(row)
    if current == keys:
        if row.revoked_at is not None:
            raise LiangxinError(
                f"街道“{row.name}”（{row.code}）的这把密钥（编号 {crypto.key_id(keys.sign)}）已吊销，不能再启用，"
                f"未做任何改动；请为它重新生成登记文件（station add --code {row.code} --out 文件），"
                "让其运行 keys enrol 文件 --again 生成新密钥后，再载入新的公钥文件。"
            )
        return "same"
    if current is not None and row.revoked_at is None and row.last_received_seq > 0:
        raise LiangxinError(
            f"街道“{row.name}”（{row.code}）已用原密钥（编号 {crypto.key_id(current.sign)}）上报过数据"
            f"（已收到至 #{row.last_received_seq}），新公钥（编号 {crypto.key_id(keys.sign)}）与之不同，"
            f"未做任何改动；如确是该街道重新登记换了密钥，请先吊销原密钥（liangxin station revoke {row.code}），"
            "再载入新公钥。"
        )
    row.sign_public_key, row.age_recipient, row.revoked_at = keys.sign, keys.age, None
    return "new" if current is None else "replaced"


def add_station(
    store: Store,
    code: str,
    name: str | None = None,
    *,
    enrolment_out: Path | None = None,
    pubkey_file: Path | None = None,
) -> dict[str, Any]:
    """Register a sub-district (or rename it), and, as asked, write its enrolment file
    (the district's keys must be open) and load its public-key file."""
    require(store, KEYS)
    _require_district(store, "登记街道")
    code = validate_station_code(code, "subdistrict")
    name = _station_name(name, required=False)
    offered = keyfiles.read_station_keys(pubkey_file) if pubkey_file is not None else None
    if offered is not None and offered["code"] != code:
        raise LiangxinError(
            f"公钥文件“{pubkey_file}”是站点“{offered['name']}”（{offered['code']}）的，不是 {code}，"
            "未做任何改动；请核对后再载入。"
        )
    secrets = unlocked(store) if enrolment_out is not None else None
    with store.write() as session:
        me = _self(session)
        row = session.get(Station, code)
        created = row is None
        if row is None:
            name = _station_name(name, required=True)
            row = Station(code=code, name=name, role="subdistrict", is_self=False, last_received_seq=0)
            session.add(row)
        elif row.role != "subdistrict" or row.is_self:
            raise LiangxinError(f"“{code}”不是本区的街道，未做任何改动。")
        elif name is not None:
            row.name = name
        row.parent_code = me.code
        keys_change = _take_keys(session, row, offered["keys"]) if offered else None
        written = None
        if secrets is not None and enrolment_out is not None:
            written = _write_enrolment(enrolment_out, me, row, secrets)
        district_key_id = _key_id(me)
        result = {
            "code": row.code,
            "name": row.name,
            "created": created,
            "keys": _public(row) is not None,
            "key_id": _key_id(row),
            "keys_change": keys_change,
            "enrolment_file": str(written) if written else None,
            "district_key_id": district_key_id,
        }
    return result


def _write_enrolment(out: Path, me: Station, row: Station, secrets: SecretKeys) -> Path:
    public = secrets.public()
    document = {
        "format": keyfiles.FORMAT,
        "kind": keyfiles.ENROLMENT,
        "district": {"code": me.code, "name": me.name, "sign": public.sign, "age": public.age},
        "station": {"code": row.code, "name": row.name},
        "created_at": _now().isoformat(timespec="seconds"),
    }
    # Inside the transaction: a file that cannot be written leaves no registration behind.
    return keyfiles.write_text(out, keyfiles.signed_text(document, secrets), "登记文件")


def list_stations(store: Store) -> list[dict[str, Any]]:
    """The other stations this one knows (a district's sub-districts; a sub-district's district)."""
    from app.domain.station_time import station_date, station_today

    today = station_today()
    with store.read() as session:
        rows = session.scalars(select(Station).where(Station.is_self.is_(False)).order_by(Station.code))
        last = _last_imports(session)
        refused = dict(
            session.execute(
                select(SyncRefusal.station_code, func.count()).group_by(SyncRefusal.station_code)
            ).all()
        )
        found = []
        for row in rows:
            latest = last.get(row.code)
            day = station_date(latest.at) if latest else None
            lag = (today - day).days if day else None
            found.append(
                {
                    "code": row.code,
                    "name": row.name,
                    "role": row.role,
                    "keys": _public(row) is not None,
                    "key_id": _key_id(row),
                    "revoked": row.revoked_at is not None,
                    "revoked_at": _local(session, row.revoked_at),
                    "last_received_seq": row.last_received_seq,
                    "last_import_on": day.isoformat() if day else None,
                    "last_range": [latest.seq_from, latest.seq_to] if latest else None,
                    "lag_days": lag,
                    "overdue": lag is None or lag > REPORT_OVERDUE_DAYS,
                    "refused": refused.get(row.code, 0),
                }
            )
        return found


# A sub-district that has not reported for longer than this is highlighted (weekly
# reporting, with a week's grace).
REPORT_OVERDUE_DAYS = 14


def _last_imports(session: Session) -> dict[str, SyncPackage]:
    """Each station's latest applied up package."""
    latest: dict[str, SyncPackage] = {}
    for package in session.scalars(
        select(SyncPackage)
        .where(SyncPackage.direction == "imported", SyncPackage.kind == "up", SyncPackage.state == "applied")
        .order_by(SyncPackage.at)
    ):
        latest[package.station_code] = package
    return latest


def revoke_station(store: Store, code: str) -> dict[str, Any]:
    """Stop accepting a sub-district's packages (a lost computer, a forgotten passphrase)."""
    require(store, KEYS)
    _require_district(store, "吊销街道的密钥")
    code = code.strip()
    with store.write() as session:
        row = session.get(Station, code)
        if row is None or row.is_self:
            raise NotFoundError(
                f"没有登记站点“{code}”，请在数据交换页的街道列表（或 liangxin station list）中查看已登记的街道。",
                "code",
            )
        changed = row.revoked_at is None
        if changed:
            row.revoked_at = _now()
        return {
            "code": row.code,
            "name": row.name,
            "revoked_at": _local(session, row.revoked_at),
            "changed": changed,
        }


def sender_keys(session: Session, code: str) -> PublicKeys:
    """The registered keys of the station ``code``, whose package is being read;
    SenderRefused, naming it, when it is unknown, has no keys or was revoked."""
    row = session.get(Station, code)
    if row is None:
        raise SenderRefused(
            f"站点“{code}”未在本站点登记，其数据包不能接收；如确属本区街道，"
            f"请先在数据交换页“登记街道”（或 liangxin station add --code {code} --name 名称）并载入其公钥文件。"
        )
    if row.revoked_at is not None:
        raise SenderRefused(
            f"站点“{row.name}”（{row.code}）的密钥已于 {_local(session, row.revoked_at):%Y-%m-%d} 吊销，"
            "其数据包一律拒收；"
            "如该站点已重新登记，请先载入它的新公钥文件。"
        )
    keys = _public(row)
    if keys is None:
        raise SenderRefused(
            f"站点“{row.name}”（{row.code}）还没有载入公钥，其数据包无法核验；请让它导出本站公钥文件，"
            f"再在数据交换页“载入街道公钥”（或 liangxin station add --code {row.code} --pubkey 公钥文件）。"
        )
    return keys
