"""Opening a database: the one handle services take. It owns an engine and opens a
short session per user action; it never holds a session itself.

Every storage failure leaves here as one sentence (a ``LiangxinError``), for the CLI
and the window alike; what the driver said, SQL included, goes to the log file."""

from __future__ import annotations

import getpass
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    IntegrityError,
    InterfaceError,
    NotSupportedError,
    OperationalError,
    ProgrammingError,
)
from sqlalchemy.orm import Session

from app.accounts.roles import SIGNED_OUT, WRITE, require
from app.domain.station_code import validate_station_code
from app.errors import (
    ConnectionLost,
    DamagedDatabase,
    DatabaseBusy,
    DiskFull,
    FieldError,
    LiangxinError,
    NotOwner,
    ReadOnlyStorage,
    StorageProblem,
    UnsupportedDatabase,
    UpgradeConflict,
    ValueOutOfRange,
)
from app.logs import log_path, log_storage_detail
from app.paths import data_dir, default_database
from db import migrate
from db.engine import Sessions, busy_timeout_ms, create_db_engine, lock_timeout_seconds, write_lock_holder
from db.errors import (
    DamagedError,
    HardDeleteError,
    NewerSchemaError,
    NotADatabaseError,
    NotInitialisedError,
    NotOwnerError,
    StorageError,
    UpgradeConflictError,
)
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
    checked: bool = False  # an SQLite file found intact when opened
    # The signed-in account's role (app.accounts.roles); None where accounts are not enabled.
    role: str | None = None

    @contextmanager
    def read(self) -> Iterator[Session]:
        if self.role == SIGNED_OUT:  # a database with accounts, nobody signed in yet
            require(self, WRITE)
        with self.sign_in_read() as session:
            yield session

    @contextmanager
    def sign_in_read(self) -> Iterator[Session]:
        """A read before anyone has signed in: the accounts, for the login. app.accounts only."""
        try:
            with self.sessions.read() as session:
                yield session
        except FAILURES as exc:
            if is_bug(exc):
                raise
            raise self._problem(exc, writing=False) from None

    @contextmanager
    def write(self) -> Iterator[Session]:
        # The guarantee that a 查看 account changes nothing, through any window or command.
        require(self, WRITE)
        with self.sign_in_write() as session:
            yield session

    @contextmanager
    def sign_in_write(self) -> Iterator[Session]:
        """A write any role may make, and nobody signed in yet must: a sign-in's own
        bookkeeping (wrong-password count, lock, last login). app.accounts only."""
        try:
            with self.sessions.write(station=self.station.code, user=self.user) as session:
                yield session
        except FAILURES as exc:
            if is_bug(exc):
                raise
            raise self._problem(exc, writing=True) from None

    def _problem(self, exc: BaseException, *, writing: bool) -> LiangxinError:
        if isinstance(exc, NotOwnerError):
            problem: LiangxinError = NotOwner(_not_owner_sentence(self, exc), exc.owner)
            log_storage_detail(problem.message, exc)
            return problem
        problem = storage_problem(self.url, exc, writing=writing, lock_timeout=self.sessions.lock_timeout())
        if isinstance(problem, DamagedDatabase):
            self.checked = False  # so that closing does not note the file as good
            _forget_check(migrate.sqlite_path(self.url))
        return problem

    @property
    def is_sqlite(self) -> bool:
        return migrate.sqlite_path(self.url) is not None

    @property
    def server(self) -> str:
        """host/name of a PostgreSQL database, as the window names it."""
        return describe_database(self.url)

    @property
    def location(self) -> str:
        path = migrate.sqlite_path(self.url)
        return str(path) if path else self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()
        # Our own writes went through SQLite: the file as we leave it is as good as
        # it was when checked, so the next open need not read it all again.
        if self.checked:
            _remember_check(migrate.sqlite_path(self.url))


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
    # Both task indexes (by organization, by Party organization) name task.rule_id.
    ("uq_task_rule_", "task.rule_id"): (
        "rule",
        "刚才已有人为同样的记录生成了这条规则的任务，本次没有生成任何任务。请刷新看板查看，需要时再生成一次。",
    ),
    ("uq_task_progress_live", "task_progress.task_id"): (
        "task",
        "刚才已有人改动了这项任务的进度，本次没有保存。请刷新看板后再试。",
    ),
    ("uq_appraisal_subject_live", "appraisal.subject_id"): (
        "subject",
        "刚才已有人为同一对象开始了本年度的这项评议，本次没有新建。请刷新列表，在已有的评议表上填写。",
    ),
}

# What Store.read/write turn into sentences. OverflowError: SQLite's driver raises it,
# unwrapped, for an integer wider than 64 bits.
FAILURES = (DBAPIError, StorageError, sqlite3.Error, OverflowError)

SUPPORTED = "SQLite 数据文件路径，或 postgresql+psycopg://用户@服务器/数据库名 形式的 PostgreSQL 地址"
# What people type for PostgreSQL (libpq's own spellings); the driver we ship is psycopg 3.
PG_ALIASES = ("postgres://", "postgresql://", "postgresql+psycopg2://")
PG_SCHEME = "postgresql+psycopg://"

# SQLite's primary result codes (the low byte of the extended code).
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 5, 6, 8


def _duplicate(exc: IntegrityError) -> LiangxinError | None:
    text = str(exc.orig)
    for (index, column), (field, message) in DUPLICATES.items():
        if index in text or column in text:
            return FieldError(field, message)
    return None


def current_user() -> str:
    return os.environ.get("LIANGXIN_USER") or getpass.getuser()


def resolve_url(db: str | None) -> str:
    """A URL as given, or a file path (relative to the working directory) made a SQLite URL.

    ``postgres://`` and ``postgresql://`` become ``postgresql+psycopg://``; any other
    engine is refused here, with the forms that work."""
    db = db or os.environ.get("LIANGXIN_DB") or str(default_database())
    if "://" in db:
        for alias in PG_ALIASES:
            if db.startswith(alias):
                return PG_SCHEME + db[len(alias) :]
        scheme = db.split("://", 1)[0]
        try:
            backend, driver = make_url(db).get_backend_name(), make_url(db).get_driver_name()
        except ArgumentError:
            backend, driver = scheme, ""
        if backend == "sqlite" or (backend == "postgresql" and driver == "psycopg"):
            return db
        raise UnsupportedDatabase(f"不支持“{scheme}”数据库，--db 只能是{SUPPORTED}。")
    # URL parsing would cut a path at '?' and decode '%': escape both.
    path = str(Path(db).expanduser().resolve()).replace("%", "%25").replace("?", "%3F")
    return f"sqlite:///{path}"


def describe_database(url: str) -> str:
    """The database as the window and every message name it: the file's path, or a
    PostgreSQL database's host/name (never the URL, which would show the account)."""
    path = migrate.sqlite_path(url)
    if path is not None:
        return str(path)
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url.split("@")[-1]
    port = f":{parsed.port}" if parsed.port else ""  # a non-default port is part of where it is
    return f"{parsed.host or 'localhost'}{port}/{parsed.database or ''}"


def _seconds(ms: int) -> str:
    return f"{ms / 1000:g}"


def _unsaved(writing: bool) -> str:
    return "（本次未保存）" if writing else ""


def _sqlite_code(exc: BaseException) -> int | None:
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    code = getattr(orig, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def _writable(path: Path) -> bool:
    # os.access checks the real permissions (a root without CAP_DAC_OVERRIDE included)
    return os.access(path, os.W_OK)


def _sqlite_problem(path: Path, code: int, writing: bool) -> LiangxinError | None:
    folder = path.parent
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseBusy(
            f"数据库正被其他程序占用，等待 {_seconds(busy_timeout_ms())} 秒后仍未释放，请稍后再试{_unsaved(writing)}。"
        )
    if code in (SQLITE_READONLY, SQLITE_CANTOPEN):
        if folder.is_dir() and not _writable(folder):
            return ReadOnlyStorage(
                f"数据文件所在的文件夹“{folder}”不允许写入，而数据库要在文件旁建立临时文件（-wal、-shm）"
                f"{_unsaved(writing)}。请把数据文件移到可写的文件夹，或请管理员开放该文件夹的写权限。"
            )
        if path.exists() and not _writable(path):
            return ReadOnlyStorage(
                f"数据文件“{path}”是只读的，不能写入{_unsaved(writing)}。"
                "请去掉该文件的只读属性，或把它复制到可写的位置后再打开。"
            )
        if code == SQLITE_CANTOPEN:
            return StorageProblem(f"无法打开数据文件“{path}”，请检查文件是否存在、本用户是否有权限读写。")
        return ReadOnlyStorage(
            f"数据文件“{path}”当前只能读取，不能写入{_unsaved(writing)}。请检查文件和所在磁盘是否只读。"
        )
    if code == SQLITE_FULL:
        return DiskFull(
            f"数据文件“{path}”所在的磁盘已满{_unsaved(writing)}。请清理磁盘空间后再试，已保存的数据不受影响。"
        )
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return _damaged(str(path))
    if code == SQLITE_IOERR:
        return StorageProblem(
            f"读写数据文件“{path}”时磁盘出错{_unsaved(writing)}。请检查磁盘（或网络盘的连接）后再试。"
        )
    return None


def _damaged(where: str) -> DamagedDatabase:
    return DamagedDatabase(
        f"数据文件“{where}”已损坏，为免损失更多数据，本次未做任何改动；可用备份恢复"
        "（升级时自动留下的 .bak 文件或您自己的备份），或请维护人员检查该文件。"
    )


def _pg_problem(where: str, exc: DBAPIError, writing: bool) -> LiangxinError | None:
    state = str(getattr(exc.orig, "sqlstate", None) or "")
    if state == "53100":
        return DiskFull(f"数据库服务器“{where}”的磁盘已满{_unsaved(writing)}。请联系服务器管理员清理空间。")
    if state == "22003":
        return ValueOutOfRange(
            f"填写的数字超出了数据库能保存的范围{_unsaved(writing)}，请检查数字是否多写了位数。"
        )
    if state == "22001":
        return ValueOutOfRange(f"填写的文字超出了数据库允许的长度{_unsaved(writing)}，请删减后再试。")
    if state.startswith("22"):
        return ValueOutOfRange(f"填写的内容数据库无法保存{_unsaved(writing)}，请检查数字和日期是否正确。")
    if state in ("40001", "40P01", "55P03", "57014"):
        return DatabaseBusy(f"数据库服务器正忙于其他人的修改{_unsaved(writing)}，请稍后再试一次。")
    if state == "25006":
        return ReadOnlyStorage(
            f"数据库服务器“{where}”当前只允许读取{_unsaved(writing)}，请联系服务器管理员。"
        )
    if state in ("28000", "28P01"):
        return StorageProblem(f"无法登录数据库服务器“{where}”：用户名或密码不对，请检查 --db 中的账号。")
    if state == "42501":
        return StorageProblem(f"数据库账号没有权限做这项操作{_unsaved(writing)}，请联系服务器管理员授权。")
    if state == "3D000":
        return StorageProblem(f"数据库服务器上没有“{where}”这个数据库，请检查 --db 中的数据库名。")
    lost = state.startswith(("08", "57P")) or (
        not state and (exc.connection_invalidated or isinstance(exc, OperationalError | InterfaceError))
    )
    if lost and writing:
        return ConnectionLost(
            f"与数据库服务器“{where}”的连接中断，这次修改可能没有保存。请检查服务器和网络，恢复后刷新核对再试。"
        )
    if lost:
        return ConnectionLost(
            f"无法连接数据库服务器“{where}”，请检查服务器是否已启动、地址和网络是否正确，然后再试。"
        )
    return None


PG_LOCK_NOT_AVAILABLE = "55P03"  # a wait longer than lock_timeout


def _sqlstate(exc: DBAPIError) -> str:
    return str(getattr(exc.orig, "sqlstate", None) or "")


def _lock_wait(url: str, writing: bool, seconds: float) -> DatabaseBusy:
    """A write that waited for the write lock (or the journal counter row) longer than
    lock_timeout: who holds it, where PostgreSQL can tell (the holder's
    application_name says station, user and host) and for how long."""
    holder = write_lock_holder(url)
    waited = f"等待 {seconds:g} 秒后仍未释放{'，本次未保存' if writing else ''}，请稍后再试。"
    if holder is None or not holder[0]:
        return DatabaseBusy(f"数据库正被其他程序占用，{waited}")
    name, seconds = holder
    held = f"（已 {max(1, round(seconds))} 秒）" if seconds is not None else ""
    return DatabaseBusy(f"数据库正被“{name}”占用{held}，{waited}")


def is_bug(exc: BaseException) -> bool:
    """Failures that are the program's fault, not the storage's: they travel on as they
    are, to the last line of defence (log and "程序出错了"). Rows are never removed,
    only tombstoned, so a broken reference or a missing value is a bug, not a race;
    only a duplicate of a unique code is the clerks' doing."""
    if isinstance(exc, IntegrityError):
        return _duplicate(exc) is None
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(exc, HardDeleteError) or isinstance(
        orig, sqlite3.ProgrammingError | sqlite3.InterfaceError
    ):
        return True
    return isinstance(exc, ProgrammingError | NotSupportedError)


def storage_problem(
    url: str, exc: BaseException, *, writing: bool = False, lock_timeout: float | None = None
) -> LiangxinError:
    """The one sentence for a storage failure; the failure itself goes to the log."""
    problem = _classify(url, exc, writing, lock_timeout)
    if not isinstance(exc, NotADatabaseError | NewerSchemaError | NotInitialisedError):
        log_storage_detail(problem.message, exc)  # refusals above need no maintainer
    return problem


def _classify(url: str, exc: BaseException, writing: bool, lock_timeout: float | None) -> LiangxinError:
    where = describe_database(url)
    path = migrate.sqlite_path(url)
    if isinstance(exc, NotADatabaseError):
        return StorageProblem(
            f"“{where}”不是数据库文件（也不是 liangxin 的数据文件），请检查 --db 参数指向的文件。"
        )
    if isinstance(exc, DamagedError):
        return _damaged(where)
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
    if isinstance(exc, UpgradeConflictError):
        names = [f"表 {exc.table}" if exc.table else "", f"唯一约束 {exc.index}" if exc.index else ""]
        what = "、".join(n for n in names if n) or "详见日志"
        rows = "重复的记录" if exc.duplicate else "不符合新结构要求的记录"
        kept = f"，升级前的备份“{exc.backup}”也保留着" if exc.backup else ""
        return UpgradeConflict(
            f"数据库“{where}”升级到结构版本 {exc.target} 时发现已有数据中有{rows}（{what}），"
            f"升级没有进行，数据库未做任何改动{kept}；请把日志文件 {log_path()} 发给维护人员处理这些记录。"
        )
    if isinstance(exc, IntegrityError):
        duplicate = _duplicate(exc)
        if duplicate is not None:
            return duplicate
    if isinstance(exc, PermissionError) and path is not None:
        return StorageProblem(f"没有权限读写“{where}”，请检查文件和所在文件夹的权限，或换一个位置。")
    if isinstance(exc, OSError) and path is not None:
        return StorageProblem(f"读写数据文件“{where}”时出错，请检查磁盘和文件权限后再试。")
    if isinstance(exc, OverflowError):
        return ValueOutOfRange(
            f"填写的数字超出了数据库能保存的范围{_unsaved(writing)}，请检查数字是否多写了位数。"
        )
    code = _sqlite_code(exc)
    if path is not None and code is not None:
        problem = _sqlite_problem(path, code, writing)
        if problem is not None:
            return problem
    if path is None and isinstance(exc, DBAPIError) and _sqlstate(exc) == PG_LOCK_NOT_AVAILABLE:
        return _lock_wait(url, writing, lock_timeout or lock_timeout_seconds())
    if path is None and isinstance(exc, DBAPIError):
        problem = _pg_problem(where, exc, writing)
        if problem is not None:
            return problem
    return StorageProblem(
        f"数据库“{where}”操作失败{_unsaved(writing)}。请把日志文件 {log_path()} 发给维护人员。"
    )


def _not_owner_sentence(store: Store, exc: NotOwnerError) -> str:
    from db.models.appraisal import BUILTIN_OWNER

    if exc.owner == BUILTIN_OWNER:
        return "这是程序自带的模板，不能修改，本次未保存；如需调整，请把修改后的模板文件导入为新版本。"
    name, role = "", ""
    try:
        with store.sessions.read() as session:
            row = session.execute(select(Station.name, Station.role).where(Station.code == exc.owner)).first()
            name, role = (row[0], row[1]) if row else ("", "")
    except Exception:  # the sentence is still right with the code alone
        name = ""
    if role == "district":
        from app.sync.rows import label

        return f"这是区里下发的{label(exc.table)}，街道不能修改，本次未保存；如需调整请联系区里。"
    owner = f"“{name}”（{exc.owner}）" if name else f"“{exc.owner}”"
    return f"这条记录由站点{owner}登记维护，本站点不能修改，本次未保存；如需更改请联系该站点。"


# --- "Is this file intact?", remembered by size and modification time --------------
# quick_check reads the whole file (0.3 s on the district demo's 428 MB when cached,
# more from a cold disk): done when the file changed since the last good check, which
# is what a copy, a crash or another program's overwrite looks like.

CHECKS_FILE = "checked-databases.json"
CHECKS_KEPT = 20


def _fingerprint(path: Path) -> list[int]:
    marks: list[int] = []
    for part in (path, path.with_name(path.name + "-wal")):
        try:
            st = part.stat()
            marks += [st.st_size, st.st_mtime_ns]
        except OSError:
            marks += [-1, -1]
    return marks


def _load_checks() -> dict[str, list[int]]:
    try:
        data = json.loads((data_dir() / CHECKS_FILE).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _save_checks(checks: dict[str, list[int]]) -> None:
    target = data_dir() / CHECKS_FILE
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
        partial.write_text(json.dumps(dict(list(checks.items())[-CHECKS_KEPT:])), encoding="utf-8")
        os.replace(partial, target)
    except OSError:
        pass  # a missing note only costs one more check next time


def _checked_before(path: Path) -> bool:
    return _load_checks().get(str(path.resolve())) == _fingerprint(path)


def _remember_check(path: Path | None) -> None:
    if path is None or not path.exists():
        return
    checks = _load_checks()
    key = str(path.resolve())
    checks.pop(key, None)
    checks[key] = _fingerprint(path)
    _save_checks(checks)


def _forget_check(path: Path | None) -> None:
    if path is None:
        return
    checks = _load_checks()
    if checks.pop(str(path.resolve()), None) is not None:
        _save_checks(checks)


def _check_intact(engine: Engine, path: Path) -> None:
    if _checked_before(path):
        return
    migrate.check_integrity(engine, path)
    _remember_check(path)


def _refuse_folder(path: Path) -> None:
    if path.is_dir():
        raise UnsupportedDatabase(
            f"“{path}”是一个文件夹，不是数据文件；--db 请给出文件路径，例如 {path / 'liangxin.sqlite3'}。"
        )


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


def seed_shipped(sessions: Sessions, code: str) -> None:
    """What every database holds from the start (the shipped appraisal templates), put in
    when it is made or upgraded, so that reading never has to write."""
    from app.services.appraisal_templates import seed_builtin_templates

    with sessions.write(station=code, user=current_user()) as session:
        seed_builtin_templates(session)


def open_store(
    db: str | None = None, *, user: str | None = None, password: str | Callable[[], str] | None = None
) -> Store:
    """Open an initialised database, upgrading an older SQLite schema (file copied aside
    first); an older PostgreSQL schema is refused, naming ``liangxin upgrade``.

    An SQLite file is checked for damage before anything can write to it. Where the
    database has accounts, ``user`` signs in with ``password`` (called only then);
    without a user the store is signed out and refuses everything until
    ``app.accounts.service.sign_in``. Without accounts both are ignored."""
    url = resolve_url(db)
    path = migrate.sqlite_path(url)
    if path is not None:
        _refuse_folder(path)
        if not path.exists():
            raise StorageProblem(
                f"数据文件“{path}”不存在。新建请运行：liangxin --db {path} init --station 代码 --name 名称"
            )
    engine = None
    try:
        if path is not None:  # refuse foreign or newer files before anything is opened for writing
            state, revision = migrate.probe_sqlite(path)
            migrate.refuse_unusable(url, state, revision)
            if state is migrate.SchemaState.EMPTY:  # the engine's first connection would write a header
                raise migrate.NotInitialisedError(url)
        engine = create_db_engine(url)
        if path is not None:
            _check_intact(engine, path)  # before an upgrade could write to it
        upgraded = migrate.require_current(url, engine)
        sessions = Sessions(engine)
        station = _load_station(sessions)
        _use_station_settings(sessions, url)
        if upgraded:
            seed_shipped(sessions, station.code)
    except (*FAILURES, OSError) as exc:  # OSError: reading the header, making the folder
        if engine is not None:
            engine.dispose()
        if is_bug(exc):
            raise
        if isinstance(exc, migrate.OutdatedSchemaError):  # a refusal: nothing for the log
            raise _outdated(url, exc) from None
        raise storage_problem(url, exc) from None
    store = Store(url, engine, sessions, station, current_user(), checked=path is not None)
    try:
        from app.accounts.service import sign_in_on_open

        sign_in_on_open(store, user, password)
    except BaseException:
        store.close()
        raise
    return store


def _use_station_settings(sessions: Sessions, url: str) -> None:
    """Settings the program follows below the services: the station's time zone (whose
    "today" every default date is) and, on PostgreSQL, how long a write waits for
    another clerk's (SQLite's wait is its busy timeout, per connection)."""
    from app.domain.station_time import use_station_zone
    from app.settings import load_settings

    with sessions.read() as session:
        settings = load_settings(session)
    use_station_zone(settings["station.time_zone"])
    if migrate.sqlite_path(url) is None:
        sessions.use_lock_timeout(float(settings["storage.lock_timeout_seconds"]))


def _outdated(url: str, exc: migrate.OutdatedSchemaError) -> StorageProblem:
    return StorageProblem(
        f"数据库“{describe_database(url)}”还是旧版本的结构（版本 {exc.revision}），须先升级才能使用，"
        "本次未做任何改动；请对这个数据库运行 liangxin upgrade（它先检查数据、备份，再升级）。"
    )


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
    if path is not None:
        _refuse_folder(path)
    engine = None
    try:
        if path is not None:
            migrate.refuse_unusable(url, *migrate.probe_sqlite(path))
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_db_engine(url)
        if path is not None and path.exists() and path.stat().st_size > 0:
            _check_intact(engine, path)
        _refuse_other_station(engine, code)  # before the schema is touched
        if path is None:  # PostgreSQL is upgraded deliberately (checked and dumped first), init too
            state, revision = migrate.probe(url, engine)
            if state is migrate.SchemaState.BEHIND:
                raise migrate.OutdatedSchemaError(revision or "?")
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
        seed_shipped(sessions, code)
        station = _load_station(sessions)
        _use_station_settings(sessions, url)
    except (*FAILURES, OSError) as exc:
        if engine is not None:
            engine.dispose()
        if is_bug(exc):
            raise
        if isinstance(exc, migrate.OutdatedSchemaError):
            raise _outdated(url, exc) from None
        raise storage_problem(url, exc, writing=True) from None
    except LiangxinError:
        if engine is not None:
            engine.dispose()
        raise
    # not ``checked``: a new file needs no note, and an upgraded one is checked on next open
    store = Store(url, engine, sessions, station, current_user())
    from app.accounts.service import sign_in_on_open

    sign_in_on_open(store, None, None)  # initialising again signs nobody in
    return store, created
