"""Accounts as the window, the CLI and the login use them: make, list, change, sign in.

Signing in never tells whether a name exists. Every refusal is the same sentence
(``REFUSED``) after the same work: an unknown name is verified against a dummy hash,
a locked or disabled account still has its password verified (and the result thrown
away), and each attempt then takes the write lock and updates the account's counters
— for an unknown name an update that finds no row. So neither the words, the exit
status nor the time say "no such user", "wrong password", "locked" or "disabled";
the one sentence names every possibility and what to do about each.

Five wrong passwords in a row (counted in the database, under the write lock, so the
window, the CLI and two clerks on PostgreSQL share one count) lock the account for a
minute; attempts while it is locked are not counted and do not extend the lock.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from app.accounts import passwords
from app.accounts.roles import ACCOUNTS, ADMIN, ROLE_NAMES, SIGNED_OUT, NotAllowed, require
from app.domain.station_time import local_time, station_zone_now
from app.domain.text import clean_text
from app.errors import FieldError, LiangxinError, NotFoundError
from db.journal import allocate_seqs, dump_changes, new_id
from db.models import Account, JournalEntry

if TYPE_CHECKING:
    from app.store import Store

NAME_MAX = 32
FAILURES_BEFORE_LOCK = 5
LOCK_FOR = timedelta(minutes=1)
REFUSED = (
    "账户或密码不正确，或该账户因连续 5 次输错密码已暂时锁定（1 分钟后可再试）；"
    "忘记密码或账户被停用时，请找管理员。"
)
NOT_SIGNED_IN = (
    "该数据库已启用账户，请用 --user 账户名 登录（密码在提示时输入，或放在环境变量 LIANGXIN_PASSWORD 中）。"
)
# Where the fields that changed are journaled: the hash is never among them.
JOURNALED = ("display_name", "role", "disabled")

Clock = Callable[[], datetime]


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class SignedIn:
    name: str  # as the administrator typed it: what the journal and the status bar show
    role: str


@dataclass(frozen=True)
class AccountRow:
    name: str
    role: str
    role_name: str
    disabled: bool
    locked: bool
    created_at: datetime
    created_by: str
    last_login_at: datetime | None


class NotSignedIn(NotAllowed):
    """Not signed in: a database with accounts opened without a user, or a sign-in refused."""


def account_key(name: str) -> str:
    """A login name as compared: trimmed, full-width letters as ASCII, case-folded."""
    return clean_text(name, "账户名", "name", max_length=NAME_MAX).casefold()


def _display(name: str) -> str:
    text = clean_text(name, "账户名", "name", max_length=NAME_MAX)
    if not text:
        raise FieldError("name", "请填写账户名，例如 张三 或 zhangsan。")
    if any(ch.isspace() for ch in text):
        raise FieldError("name", "账户名中不能有空格，请去掉空格后再试。")
    return text


def _role(role: str) -> str:
    wanted = role.strip().casefold()
    by_word = {v: k for k, v in ROLE_NAMES.items()}
    if wanted in ROLE_NAMES:
        return wanted
    if role.strip() in by_word:
        return by_word[role.strip()]
    choices = "、".join(f"{k}（{v}）" for k, v in ROLE_NAMES.items())
    raise FieldError("role", f"没有“{role}”这个角色，请从 {choices} 中选择。")


def _aware(moment: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes for what was stored as UTC.
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


def has_accounts(session: Session) -> bool:
    return session.scalar(select(Account.id).limit(1)) is not None


def accounts_enabled(store: Store) -> bool:
    with store.sign_in_read() as session:
        return has_accounts(session)


# -- signing in ---------------------------------------------------------------------------


def _verify(store: Store, key: str, password: str) -> bool:
    # Outside the write lock: two clerks' hashes are worked out at once, not in turn.
    with store.sign_in_read() as session:
        stored = session.scalar(select(Account.password_hash).where(Account.name == key))
    return passwords.verify_password(stored, password)


def authenticate(store: Store, name: str, password: str, *, now: Clock = _now) -> SignedIn:
    """Check a name and password; the account, or ``LiangxinError(REFUSED)``.

    Does not change who ``store`` is signed in as (``sign_in`` does)."""
    try:
        key = account_key(name)
    except FieldError:
        key = ""  # a name that cannot be an account is refused like any unknown one
    right = _verify(store, key, password)
    with store.sign_in_write() as session:
        account = session.scalar(select(Account).where(Account.name == key))
        moment = now()
        locked_until = _aware(account.locked_until) if account else None
        if account is None or account.disabled or (locked_until is not None and locked_until > moment):
            session.execute(
                update(Account).where(Account.name == key).values(failed_count=Account.failed_count)
            )
            refused = True
        elif not right:
            account.failed_count += 1
            if account.failed_count >= FAILURES_BEFORE_LOCK:
                account.failed_count, account.locked_until = 0, moment + LOCK_FOR
            refused = True
        else:
            account.failed_count, account.locked_until, account.last_login_at = 0, None, moment
            if passwords.needs_rehash(account.password_hash):
                account.password_hash = passwords.hash_password(password)
            refused = False
        signed = None if refused or account is None else SignedIn(account.display_name, account.role)
    if signed is None:
        raise NotSignedIn(REFUSED)
    return signed


def sign_in(store: Store, name: str, password: str, *, now: Clock = _now) -> SignedIn:
    """The user action 登录: on success ``store`` acts as that account from now on."""
    signed = authenticate(store, name, password, now=now)
    store.user, store.role = signed.name, signed.role
    return signed


def sign_in_on_open(store: Store, user: str | None, password: str | Callable[[], str] | None) -> None:
    """What ``open_store`` does once the database is open: a database without accounts
    is used as before; with accounts, ``user`` signs in, and without one the store is
    signed out (nothing can be read or written until ``sign_in``)."""
    if not accounts_enabled(store):
        return
    store.role = SIGNED_OUT
    if user is None:
        return
    secret = password() if callable(password) else (password or "")
    sign_in(store, user, secret)


# -- managing accounts (管理员) -------------------------------------------------------------


def _journal(
    session: Session, store: Store, account: Account, op: str, changes: dict[str, list[Any]]
) -> None:
    """An account's change in the audit trail, field by field (never the hash). Not a
    synchronised row: ``account`` is no table a package cuts, so the entry stays here."""
    seq = allocate_seqs(session.connection(), 1)
    session.execute(
        insert(JournalEntry).values(
            seq=seq,
            table_name="account",
            row_id=account.id,
            op=op,
            owner=store.station.code,
            rev=seq,
            changes=dump_changes(changes),
            at=_now(),
            by=store.user,
        )
    )


def _get(session: Session, name: str) -> Account:
    account = session.scalar(select(Account).where(Account.name == account_key(name)))
    if account is None:
        raise NotFoundError(f"没有名为“{name.strip()}”的账户，请用 liangxin user list 查看现有账户。", "name")
    return account


def _admins_left(session: Session, without: Account) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(Account)
            .where(Account.role == ADMIN, Account.disabled.is_(False), Account.id != without.id)
        )
        or 0
    )


def _keep_an_admin(session: Session, account: Account) -> None:
    if account.role == ADMIN and not account.disabled and _admins_left(session, account) == 0:
        raise LiangxinError(
            f"“{account.display_name}”是最后一个可用的管理员账户，不能停用或改为其他角色，未做改动；"
            "请先把另一个账户设为管理员。"
        )


def create_account(store: Store, name: str, password: str, role: str, *, now: Clock = _now) -> AccountRow:
    """The user action 添加账户 (管理员). The first account of a database must be an
    administrator: anyone may make it, and from then on the program asks who signs in."""
    display, role = _display(name), _role(role)
    digest = passwords.hash_password(password)  # before the lock: it takes a fifth of a second
    with store.write() as session:
        first = not has_accounts(session)
        if first and role != ADMIN:
            raise FieldError("role", "第一个账户必须是管理员，请选择管理员角色。")
        if not first:
            require(store, ACCOUNTS)
        if session.scalar(select(Account.id).where(Account.name == display.casefold())) is not None:
            raise FieldError("name", f"已有名为“{display}”的账户（不分大小写），请换一个账户名。")
        account = Account(
            id=new_id(),
            name=display.casefold(),
            display_name=display,
            role=role,
            password_hash=digest,
            disabled=False,
            failed_count=0,
            created_at=now(),
            created_by=store.user,
        )
        session.add(account)
        session.flush()
        _journal(session, store, account, "insert", {"display_name": [None, display], "role": [None, role]})
        return _row(account, now())


def enable_accounts(store: Store, name: str, password: str) -> SignedIn:
    """The user action 启用账户: the first administrator, signed in at once."""
    with store.sign_in_read() as session:
        if has_accounts(session):
            raise LiangxinError("该数据库已启用账户，请由管理员在“账户管理”中添加账户。")
    create_account(store, name, password, ADMIN)
    store.user, store.role = _display(name), ADMIN
    return SignedIn(store.user, ADMIN)


def _local(moment: datetime | None) -> datetime | None:
    return local_time(moment, station_zone_now()) if moment is not None else None


def _row(account: Account, moment: datetime) -> AccountRow:
    locked_until = _aware(account.locked_until)
    return AccountRow(
        name=account.display_name,
        role=account.role,
        role_name=ROLE_NAMES.get(account.role, account.role),
        disabled=account.disabled,
        locked=locked_until is not None and locked_until > moment,
        created_at=_local(_aware(account.created_at)) or moment,
        created_by=account.created_by,
        last_login_at=_local(_aware(account.last_login_at)),
    )


def require_accounts_manager(store: Store) -> None:
    """Refuse a non-administrator before anything is asked (a new password, say)."""
    with store.sign_in_read() as session:
        if has_accounts(session):
            require(store, ACCOUNTS)


def list_accounts(store: Store, *, now: Clock = _now) -> list[AccountRow]:
    require(store, ACCOUNTS)
    with store.read() as session:
        moment = now()
        return [_row(a, moment) for a in session.scalars(select(Account).order_by(Account.name))]


def _change(
    store: Store, name: str, change: Callable[[Session, Account], dict[str, list[Any]]]
) -> AccountRow:
    require(store, ACCOUNTS)
    with store.write() as session:
        account = _get(session, name)
        changes = change(session, account)
        if changes:
            _journal(session, store, account, "update", changes)
        return _row(account, _now())


def change_password(store: Store, name: str, password: str) -> AccountRow:
    """The user action 重设密码 (管理员): also clears a lock and the wrong-password count."""
    digest = passwords.hash_password(password)

    def change(_session: Session, account: Account) -> dict[str, list[Any]]:
        account.password_hash, account.failed_count, account.locked_until = digest, 0, None
        return {"password": ["", "（已重设）"]}

    return _change(store, name, change)


def set_role(store: Store, name: str, role: str) -> AccountRow:
    role = _role(role)

    def change(session: Session, account: Account) -> dict[str, list[Any]]:
        if account.role == role:
            return {}
        if role != ADMIN:
            _keep_an_admin(session, account)
        old, account.role = account.role, role
        return {"role": [old, role]}

    return _change(store, name, change)


def set_disabled(store: Store, name: str, disabled: bool) -> AccountRow:
    """The user actions 停用 / 启用 an account."""

    def change(session: Session, account: Account) -> dict[str, list[Any]]:
        if account.disabled == disabled:
            return {}
        if disabled:
            if account.display_name == store.user:
                raise LiangxinError("不能停用正在使用的本账户，请用另一个管理员账户操作。")
            _keep_an_admin(session, account)
        account.disabled = disabled
        return {"disabled": [not disabled, disabled]}

    return _change(store, name, change)


def unlock(store: Store, name: str) -> AccountRow:
    """The user action 解锁: the account may sign in again at once."""

    def change(_session: Session, account: Account) -> dict[str, list[Any]]:
        if account.locked_until is None and not account.failed_count:
            return {}
        account.failed_count, account.locked_until = 0, None
        return {"locked": [True, False]}

    return _change(store, name, change)


def rows_as_json(rows: list[AccountRow]) -> list[dict[str, Any]]:
    return [json.loads(json.dumps(row.__dict__, default=str)) for row in rows]
