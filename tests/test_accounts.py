"""Accounts as an office uses them: sign in, roles that hold in every command, five
wrong passwords lock for a minute, the last administrator kept, a name's existence
never revealed, and a database without accounts working as before."""

from __future__ import annotations

import json
import shutil
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.accounts import passwords, service
from app.accounts.roles import NotAllowed
from app.cli.main import main
from app.errors import FieldError, LiangxinError
from app.services.audit import read_journal
from app.store import Store, open_store
from db.models import Account, Counter, Keyring

ADMIN_PW, CLERK_PW, VIEWER_PW = "admin-pass-1", "clerk-pass-1", "viewer-pass-1"


def _office(store: Store) -> None:
    """An administrator, a clerk (张三) and a viewer (小李), made as an office would."""
    service.enable_accounts(store, "Admin", ADMIN_PW)
    service.create_account(store, "张三", CLERK_PW, "clerk")
    service.create_account(store, "小李", VIEWER_PW, "viewer")


def _journal_head(store: Store) -> int:
    with store.sign_in_read() as session:
        return session.scalar(select(Counter.value).where(Counter.name == "journal")) or 0


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_a_clerk_signs_in_and_every_journal_entry_carries_the_name(store: Store) -> None:
    from app.services.communities import add_community

    _office(store)
    clerk = open_store(store.url, user=" 张三 ", password=CLERK_PW)
    try:
        assert (clerk.user, clerk.role) == ("张三", "clerk")
        add_community(clerk, "南湾新社区")
        entries = read_journal(clerk, limit=None)
        assert entries[-1].by == "张三"
        made = [e for e in entries if e.table == "account"]
        assert [e.by for e in made][1:] == ["Admin", "Admin"]  # the first admin made by whoever ran init
        text = json.dumps([e.changes for e in made], ensure_ascii=False)
        assert "argon2" not in text and CLERK_PW not in text  # never the hash, never the password
    finally:
        clerk.close()


def test_names_compare_without_case_or_full_width(store: Store) -> None:
    service.enable_accounts(store, "ZhangWei", ADMIN_PW)
    with pytest.raises(FieldError, match="已有名为"):
        service.create_account(store, "ｚｈａｎｇｗｅｉ", CLERK_PW, "clerk")
    assert service.authenticate(store, "zhangwei", ADMIN_PW).name == "ZhangWei"


def test_password_rules_in_one_place() -> None:
    with pytest.raises(FieldError, match="至少要 8 个字符"):
        passwords.check_password("short")
    with pytest.raises(FieldError, match="最多 128 个字符"):
        passwords.check_password("x" * 129)
    stored = passwords.hash_password("ｐａｓｓｗｏｒｄ１")  # typed with a Chinese keyboard's full width
    assert passwords.verify_password(stored, "password1")
    assert not passwords.verify_password(stored, "password2")
    # the unknown-name stand-in costs what a real verify costs: same parameters
    assert not passwords.needs_rehash(passwords._DUMMY)


def test_five_wrong_passwords_lock_for_a_minute(store: Store) -> None:
    _office(store)
    clock = Clock()
    for _ in range(4):
        with pytest.raises(LiangxinError):
            service.authenticate(store, "张三", "wrong-pass", now=clock)
    assert (
        service.authenticate(store, "张三", CLERK_PW, now=clock).role == "clerk"
    )  # a success resets the count
    for _ in range(5):
        with pytest.raises(LiangxinError):
            service.authenticate(store, "张三", "wrong-pass", now=clock)
    clock.now += timedelta(seconds=59)
    with pytest.raises(LiangxinError) as locked:
        service.authenticate(store, "张三", CLERK_PW, now=clock)  # the right password, still locked
    assert locked.value.message == service.REFUSED
    rows = {r.name: r for r in service.list_accounts(store, now=clock)}
    assert rows["张三"].locked and not rows["小李"].locked
    clock.now += timedelta(seconds=2)
    assert service.authenticate(store, "张三", CLERK_PW, now=clock).name == "张三"


def test_an_administrator_unlocks_at_once(store: Store) -> None:
    _office(store)
    for _ in range(5):
        with pytest.raises(LiangxinError):
            service.authenticate(store, "小李", "wrong-pass")
    with pytest.raises(LiangxinError):
        service.authenticate(store, "小李", VIEWER_PW)
    service.unlock(store, "小李")
    assert service.authenticate(store, "小李", VIEWER_PW).role == "viewer"


def test_two_clerks_failing_at_once_lock_after_five_in_all(any_store: Store) -> None:
    _office(any_store)
    stores = [open_store(any_store.url) for _ in range(2)]
    failures: list[str] = []
    start = threading.Barrier(2)

    def attempts(store: Store, count: int) -> None:
        start.wait()
        for _ in range(count):
            try:
                service.authenticate(store, "张三", "wrong-pass")
            except LiangxinError as exc:
                failures.append(exc.message)

    threads = [threading.Thread(target=attempts, args=(s, n)) for s, n in zip(stores, (3, 2), strict=True)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        for s in stores:
            s.close()
    assert failures == [service.REFUSED] * 5
    with pytest.raises(LiangxinError):  # five wrong in all, from two places at once: locked
        service.authenticate(any_store, "张三", CLERK_PW)


def test_the_last_administrator_cannot_be_disabled_or_demoted(store: Store) -> None:
    _office(store)
    with pytest.raises(LiangxinError, match="最后一个可用的管理员"):
        service.set_role(store, "admin", "clerk")
    service.create_account(store, "王五", ADMIN_PW, "admin")
    service.set_disabled(store, "王五", True)
    with pytest.raises(LiangxinError, match="最后一个可用的管理员"):
        service.set_role(store, "Admin", "viewer")  # a disabled administrator does not count
    service.set_disabled(store, "王五", False)
    service.set_role(store, "Admin", "viewer")
    assert {r.name: r.role for r in service.list_accounts(store)}["Admin"] == "viewer"


def test_only_an_administrator_manages_accounts(store: Store) -> None:
    _office(store)
    clerk = open_store(store.url, user="张三", password=CLERK_PW)
    try:
        with pytest.raises(NotAllowed, match="不能管理账户"):
            service.create_account(clerk, "赵六", CLERK_PW, "admin")
        with pytest.raises(NotAllowed):
            service.list_accounts(clerk)
    finally:
        clerk.close()


def test_a_database_with_accounts_opens_signed_out(store: Store) -> None:
    _office(store)
    nobody = open_store(store.url)
    try:
        with pytest.raises(NotAllowed, match="尚未登录"), nobody.read():
            pass
        service.sign_in(nobody, "小李", VIEWER_PW)
        with nobody.read():
            pass
        with pytest.raises(NotAllowed, match="不能修改数据"), nobody.write():
            pass
    finally:
        nobody.close()


def test_accounts_never_travel_in_a_package() -> None:
    from app.sync.rows import synced_tables

    assert "account" not in {t.name for t in synced_tables()}


# -- the command line -----------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def office_db(tmp_path: Path, demo_db: Path) -> str:
    """The small demo database with an office's accounts."""
    path = tmp_path / "office.sqlite3"
    shutil.copy(demo_db, path)
    store = open_store(str(path))
    try:
        _office(store)
    finally:
        store.close()
    return str(path)


def test_cli_init_admin_then_user_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "new.sqlite3")
    monkeypatch.setenv("LIANGXIN_PASSWORD", ADMIN_PW)
    code, _, err = run(
        capsys, "--db", db, "init", "--station", "440307001", "--name", "南湾街道", "--admin", "管理员甲"
    )
    assert code == 0 and "管理员甲" in err
    code, _, err = run(capsys, "--db", db, "stats")
    assert code == 4 and err.strip() == service.NOT_SIGNED_IN
    monkeypatch.setenv("LIANGXIN_NEW_PASSWORD", CLERK_PW)
    code, out, _ = run(capsys, "--db", db, "--user", "管理员甲", "user", "add", "录入员乙", "--role", "clerk")
    assert code == 0 and "录入员乙" in out
    code, out, _ = run(capsys, "--db", db, "--user", "管理员甲", "user", "role", "录入员乙", "viewer")
    assert code == 0
    code, out, _ = run(capsys, "--db", db, "--user", "管理员甲", "user", "disable", "录入员乙")
    code, out, _ = run(capsys, "--db", db, "--user", "管理员甲", "user", "list", "--json")
    listed = {r["name"]: r for r in json.loads(out)}
    assert listed["录入员乙"]["role"] == "viewer" and listed["录入员乙"]["disabled"] is True
    assert "password_hash" not in out and "argon2" not in out
    monkeypatch.setenv("LIANGXIN_PASSWORD", CLERK_PW)
    code, _, err = run(capsys, "--db", db, "--user", "录入员乙", "stats")  # disabled: refused like any other
    assert code == 4 and err.strip() == service.REFUSED


def test_cli_wrong_password_and_unknown_user_read_the_same(
    office_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIANGXIN_PASSWORD", "wrong-pass")
    wrong = run(capsys, "--db", office_db, "--user", "张三", "stats")
    unknown = run(capsys, "--db", office_db, "--user", "没有这个人", "stats")
    assert wrong == unknown
    assert wrong[0] == 4 and wrong[2].encode() == (service.REFUSED + "\n").encode()
    monkeypatch.setenv("LIANGXIN_PASSWORD", CLERK_PW)
    code, out, _ = run(capsys, "--db", office_db, "--user", "张三", "stats", "--json")
    assert code == 0 and json.loads(out)["organizations"]["total"] == 400


def _first_id(capsys: pytest.CaptureFixture[str], db: str, *command: str) -> str:
    code, out, err = run(capsys, "--db", db, "--user", "小李", *command, "--json")
    assert code == 0, err
    data = json.loads(out)
    rows = data["rows"] if isinstance(data, dict) else data
    return str(rows[0]["id"])


def test_a_viewer_changes_nothing_through_any_command(
    office_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.ledger_books import members_book

    monkeypatch.setenv("LIANGXIN_PASSWORD", VIEWER_PW)
    monkeypatch.setenv("LIANGXIN_PASSPHRASE", "a long enough passphrase")
    monkeypatch.setenv("LIANGXIN_NEW_PASSWORD", VIEWER_PW)
    org = _first_id(capsys, office_db, "org", "list")
    party = _first_id(capsys, office_db, "party-org", "list")
    member = _first_id(capsys, office_db, "member", "list")
    task = _first_id(capsys, office_db, "task", "list")
    book = members_book(tmp_path / "members.xlsx")
    commands = [
        ["org", "add", "--name", "深圳市某某科技有限公司", "--uscc", "9144030071526726XG", "--kind", "enterprise",
         "--employees", "120", "--community", "南湾一社区"],
        ["org", "edit", org, "--employees", "300"],
        ["org", "delete", org],
        ["party-org", "add", "--name", "某某党支部", "--level", "branch"],
        ["party-org", "edit", party, "--secretary", "王五"],
        ["party-org", "delete", party],
        ["member", "add", "--name", "张伟", "--id-number", "11010519491231002X", "--employer", org],
        ["member", "edit", member, "--phone", "13800138000"],
        ["member", "delete", member],
        ["community", "add", "南湾新社区"],
        ["task", "move", task, "--to", "doing"],
        ["import", str(book), "--kind", "members"],
        ["settings", "set", "rule.joint.max_orgs", "6"],
        ["keys", "init"],
        ["station", "add", "--code", "440307002", "--name", "布吉街道"],
        ["member", "show", member, "--full"],
        ["user", "add", "赵六", "--role", "admin"],
    ]  # fmt: skip
    store = open_store(office_db, user="Admin", password=ADMIN_PW)
    try:
        before = _journal_head(store), _keyrings(store)
        for command in commands:
            code, _out, err = run(capsys, "--db", office_db, "--user", "小李", *command)
            assert code == 4, (command, err)
            assert len(err.strip().splitlines()) == 1 and "小李" in err and "查看" in err, (command, err)
        assert (_journal_head(store), _keyrings(store)) == before
    finally:
        store.close()


def _keyrings(store: Store) -> int:
    with store.read() as session:
        return len(session.scalars(select(Keyring)).all())


def test_a_database_without_accounts_works_as_before(
    tmp_path: Path, demo_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plain.sqlite3"
    shutil.copy(demo_db, path)
    monkeypatch.setenv("LIANGXIN_USER", "老王")
    code, _, err = run(capsys, "--db", str(path), "community", "add", "南湾新社区")
    assert code == 0, err
    code, _, _ = run(
        capsys, "--db", str(path), "--user", "随便谁", "stats", "--json"
    )  # ignored without accounts
    assert code == 0
    store = open_store(str(path))
    try:
        assert store.role is None and not service.accounts_enabled(store)
        assert read_journal(store, limit=None)[-1].by == "老王"
        with store.read() as session:
            assert session.scalars(select(Account)).all() == []
    finally:
        store.close()
