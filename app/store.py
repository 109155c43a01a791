"""Opening a database: the one handle services take. It owns an engine and opens a
short session per user action; it never holds a session itself."""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from app.domain.station_code import validate_station_code
from app.errors import FieldError, LiangxinError, StorageProblem
from app.paths import default_database
from db import migrate
from db.engine import Sessions, create_db_engine
from db.errors import NewerSchemaError, NotADatabaseError, NotInitialisedError
from db.models import Station


@dataclass(frozen=True)
class StationInfo:
    code: str
    name: str
    role: str


@dataclass
class Store:
    url: str
    engine: Engine
    sessions: Sessions
    station: StationInfo
    user: str

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.sessions.read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        try:
            with self.sessions.write(station=self.station.code, user=self.user) as session:
                yield session
        except IntegrityError as exc:
            raise _duplicate(exc) from None

    @property
    def location(self) -> str:
        path = migrate.sqlite_path(self.url)
        return str(path) if path else self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()


# What a clerk reads when the database refuses a second live record with the same code
# (two people saving at the same moment; the services' own check catches the rest).
DUPLICATES = {
    ("uq_organization_uscc_live", "organization.uscc"): (
        "uscc",
        "刚才已有人登记了相同统一社会信用代码的两新组织，本次没有保存。请刷新列表后核对，勿重复录入。",
    ),
    ("uq_member_id_number_live", "member.id_number"): (
        "id_number",
        "刚才已有人登记了相同公民身份号码的党员，本次没有保存。请刷新列表后核对，勿重复录入。",
    ),
}


def _duplicate(exc: IntegrityError) -> Exception:
    text = str(exc.orig)
    for (index, column), (field, message) in DUPLICATES.items():
        if index in text or column in text:
            return FieldError(field, message)
    return exc


def current_user() -> str:
    return os.environ.get("LIANGXIN_USER") or getpass.getuser()


def resolve_url(db: str | None) -> str:
    """A URL as given, or a file path (relative to the working directory) made a SQLite URL."""
    db = db or os.environ.get("LIANGXIN_DB") or str(default_database())
    if "://" in db:
        return db
    # URL parsing would cut a path at '?' and decode '%': escape both.
    path = str(Path(db).expanduser().resolve()).replace("%", "%25").replace("?", "%3F")
    return f"sqlite:///{path}"


def _describe(url: str) -> str:
    path = migrate.sqlite_path(url)
    return str(path) if path else url.split("@")[-1]


def _storage_problem(url: str, exc: Exception) -> StorageProblem:
    where = _describe(url)
    if isinstance(exc, NotADatabaseError):
        return StorageProblem(
            f"“{where}”不是数据库文件（也不是 liangxin 的数据文件），请检查 --db 参数指向的文件。"
        )
    if isinstance(exc, NewerSchemaError):
        return StorageProblem(
            f"数据库“{where}”由更新版本的 liangxin 创建（结构版本 {exc.revision}），"
            "本程序无法安全打开，未做任何改动。请升级 liangxin 后再试。"
        )
    if isinstance(exc, NotInitialisedError):
        if exc.foreign:
            return StorageProblem(
                f"数据库“{where}”中已有其他程序的数据表，不是 liangxin 数据库，未做任何改动。"
            )
        return StorageProblem(
            f"数据库“{where}”尚未初始化，请先运行：liangxin --db {where} init --station 代码 --name 名称"
        )
    if isinstance(exc, OperationalError | DatabaseError):
        return StorageProblem(f"无法打开数据库“{where}”：{str(exc.args[0]).splitlines()[0]}")
    raise exc


def _load_station(sessions: Sessions) -> StationInfo:
    with sessions.read() as session:
        row = session.scalar(select(Station).where(Station.is_self.is_(True)))
        if row is None:
            raise NotInitialisedError("station")
        return StationInfo(row.code, row.name, row.role)


def _refuse_other_station(engine: Engine, code: str) -> None:
    with engine.connect() as conn:
        if "station" not in inspect(conn).get_table_names():
            return
        row = conn.execute(text("SELECT code, name FROM station WHERE is_self = :yes"), {"yes": True}).first()
        conn.rollback()
    if row is not None and row[0] != code:
        raise LiangxinError(
            f"该数据库已属于站点“{row[1]}”（{row[0]}），不能再初始化为 {code}，未做任何改动。"
        )


def open_store(db: str | None = None) -> Store:
    """Open an initialised database, upgrading an older schema (file copied aside first)."""
    url = resolve_url(db)
    path = migrate.sqlite_path(url)
    if path is not None and not path.exists():
        raise StorageProblem(
            f"数据文件“{path}”不存在。新建请运行：liangxin --db {path} init --station 代码 --name 名称"
        )
    engine = None
    try:
        if path is not None:
            migrate.probe_sqlite(path)  # refuse foreign or newer files before any write
        engine = create_db_engine(url)
        migrate.require_current(url, engine)
        sessions = Sessions(engine)
        station = _load_station(sessions)
    except (NotADatabaseError, NewerSchemaError, NotInitialisedError, OperationalError, DatabaseError) as exc:
        if engine is not None:
            engine.dispose()
        raise _storage_problem(url, exc) from None
    return Store(url, engine, sessions, station, current_user())


def init_store(db: str | None, code: str, name: str, role: str = "subdistrict") -> tuple[Store, bool]:
    """Create (or upgrade) the schema and register this station. Returns (store, created).

    Idempotent for the same station; refuses another station's database.
    """
    code = validate_station_code(code, role)
    name = name.strip()
    if not name:
        raise FieldError("name", "请填写站点名称，例如 --name 南湾街道。")
    url = resolve_url(db)
    path = migrate.sqlite_path(url)
    engine = None
    try:
        if path is not None:
            migrate.refuse_unusable(url, *migrate.probe_sqlite(path))
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_db_engine(url)
        _refuse_other_station(engine, code)  # before the schema is touched
        migrate.upgrade(url, engine)
        sessions = Sessions(engine)
        with sessions.write(station=code, user=current_user()) as session:
            existing = session.scalar(select(Station).where(Station.is_self.is_(True)))
            created = existing is None
            if existing is None:
                session.add(Station(code=code, name=name, role=role, is_self=True, last_received_seq=0))
            elif existing.code != code:
                raise LiangxinError(
                    f"该数据库已属于站点“{existing.name}”（{existing.code}），不能再初始化为 {code}，未做任何改动。"
                )
        station = _load_station(sessions)
    except (NotADatabaseError, NewerSchemaError, NotInitialisedError, OperationalError, DatabaseError) as exc:
        if engine is not None:
            engine.dispose()
        raise _storage_problem(url, exc) from None
    except LiangxinError:
        if engine is not None:
            engine.dispose()
        raise
    return Store(url, engine, sessions, station, current_user()), created
