"""The audit trail (操作日志): a record's history, the global log and its filters,
paging, the workbook, and access events for full data."""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest

from app.domain.station_time import station_today
from app.errors import FieldError
from app.services import audit, members, party_orgs
from app.services.access_log import record_access
from app.services.audit_export import export_audit_xlsx
from app.store import Store, open_store

ID_A = "11010519491231002X"
ID_B = "440307198503091311"


def _as(store: Store, user: str) -> Store:
    """The same database opened by another person."""
    return dataclasses.replace(store, user=user)


def _member_edited_twice(store: Store) -> str:
    party_orgs.add_party_org(store, {"name": "某某公司党支部", "level": "branch"})
    member = members.add_member(
        _as(store, "王芳"), {"name": "张伟", "id_number": ID_A, "phone": "13800138000"}
    )
    members.edit_member(
        _as(store, "李明"), member["id"], {"phone": "13900139000", "party_org": "某某公司党支部"}
    )
    members.edit_member(_as(store, "王芳"), member["id"], {"id_number": ID_B, "name": "张伟强"})
    return str(member["id"])


def test_a_members_history_names_fields_old_and_new_masked(any_store: Store) -> None:
    member_id = _member_edited_twice(any_store)
    history = audit.record_history(any_store, "member", member_id, newest_first=False)
    assert [(e.action_label, e.by) for e in history] == [("新增", "王芳"), ("修改", "李明"), ("修改", "王芳")]
    first_edit = {c.label: (c.old, c.new) for c in history[1].changes}
    assert first_edit == {
        "联系电话": ("138****8000", "139****9000"),
        "所在党组织": ("（空）", "某某公司党支部"),
    }
    second_edit = {c.label: (c.old, c.new) for c in history[2].changes}
    assert second_edit["姓名"] == ("张伟", "张伟强")
    assert second_edit["公民身份号码"] == ("110105********002X", "440307********1311")
    assert second_edit["出生日期"] == ("1949年", "1985年")  # the birth date would give the digits away
    everything = repr(history)
    for secret in (ID_A, ID_B, "13800138000", "13900139000", "1949-12-31"):
        assert secret not in everything
    assert history[0].when.startswith(f"{station_today().year}年")
    assert "pinyin" not in everything  # bookkeeping columns are not a clerk's change
    newest = audit.record_history(any_store, "党员", "张伟强")
    assert [e.key for e in newest] == [e.key for e in reversed(history)]


def test_a_deleted_member_shows_删除_and_keeps_its_history(store: Store) -> None:
    member_id = _member_edited_twice(store)
    members.delete_member(store, member_id)
    history = audit.record_history(store, "member", member_id)
    assert history[0].action_label == "删除"
    assert history[0].summary == "删除了这条记录"
    assert history[0].record == "张伟强"
    assert len(history) == 4


def test_the_log_filters_by_user_date_register_and_action(any_store: Store) -> None:
    _member_edited_twice(any_store)
    everything = audit.audit_log(any_store, limit=None)
    assert audit.audit_count(any_store) == len(everything) == 4
    by_li = audit.audit_log(any_store, user="李明")
    assert [(e.by, e.action, e.register) for e in by_li] == [("李明", "update", "member")]
    assert audit.audit_count(any_store, user="李明") == 1
    assert [e.register for e in audit.audit_log(any_store, register="党组织")] == ["party_org"]
    assert len(audit.audit_log(any_store, register="member", action="修改")) == 2
    assert len(audit.audit_log(any_store, action="insert")) == 2
    today = station_today()
    assert len(audit.audit_log(any_store, date_from=today, date_to=today)) == 4
    yesterday = today - timedelta(days=1)
    assert audit.audit_log(any_store, date_to=yesterday) == []
    assert audit.audit_log(any_store, date_from=f"{today.year + 1}年1月1日") == []
    assert set(audit.audit_users(any_store)) >= {"王芳", "李明"}


def test_paging_in_sql_agrees_with_the_whole_list(store: Store) -> None:
    for i in range(7):
        members.add_member(store, {"name": f"党员{i}"})
    whole = audit.audit_log(store, limit=None)
    pages = [e for start in range(0, 10, 3) for e in audit.audit_log(store, offset=start, limit=3)]
    assert [e.key for e in pages] == [e.key for e in whole]
    oldest = audit.audit_log(store, limit=None, order="oldest")
    assert [e.key for e in oldest] == [e.key for e in reversed(whole)]


def test_bad_filters_are_one_sentence(store: Store) -> None:
    with pytest.raises(FieldError, match="开始日期"):
        audit.audit_log(store, date_from="2026-13-45")
    with pytest.raises(FieldError, match="登记簿"):
        audit.audit_log(store, register="账本")
    with pytest.raises(FieldError, match="早于开始日期"):
        audit.audit_log(store, date_from="2026-11-22", date_to="2026-11-01")


def test_the_workbook_holds_the_same_rows(store: Store, tmp_path: Path) -> None:
    _member_edited_twice(store)
    record_access(store, "reveal", "member", None, "查看 张伟强 的完整身份证号码和电话")
    out = export_audit_xlsx(store, audit.Filters(), tmp_path / "操作日志.xlsx")
    sheet = openpyxl.load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("时间", "用户", "操作", "登记簿", "记录")
    shown = audit.audit_log(store, limit=None)
    assert [(r[0], r[1], r[2]) for r in rows[1:]] == [(e.when, e.by, e.action_label) for e in shown]
    assert ID_B not in repr(rows)


def test_revealing_printing_and_exporting_in_full_are_logged(store: Store, tmp_path: Path) -> None:
    from app.ledger.export import export_register
    from app.reports.registers import print_roster

    member_id = _member_edited_twice(store)
    members.get_member(store, member_id, reveal=True)
    print_roster(store, "某某公司党支部", tmp_path / "roster.pdf", reveal=True)
    export_register(store, "members", tmp_path / "members.xlsx", full=True)
    print_roster(store, "某某公司党支部", tmp_path / "masked.pdf")  # masked: not an access event
    events = audit.audit_log(store, action=None, limit=None)
    access = [e for e in events if e.action in audit.ACCESS]
    assert [e.action_label for e in access] == ["导出", "打印", "查看完整信息"]
    assert access[2].row_id == member_id and access[2].record == "张伟强"
    assert "某某公司党支部" in access[1].detail
    assert [e.action for e in audit.audit_log(store, action="查看完整信息")] == ["reveal"]
    assert audit.record_history(store, "member", member_id)[0].action == "reveal"


def test_access_events_stay_local(store: Store) -> None:
    from app.sync.rows import synced_tables

    assert "access_event" not in {t.name for t in synced_tables()}


@pytest.mark.parametrize("argv", [["audit", "--from", "2026-02-30"], ["audit", "--to", "明天"]])
def test_cli_bad_date_is_one_chinese_line(
    store: Store, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli.main import main

    try:
        code = main(["--db", store.location, *argv])
    except SystemExit as exit_:  # argparse refuses the value before the database is opened
        code = int(exit_.code or 0)
    err = capsys.readouterr().err.strip()
    assert code in (1, 2)
    assert len(err.splitlines()) == 1 and "日期" in err and "Traceback" not in err


def test_cli_lists_and_exports(store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli.main import main

    member_id = _member_edited_twice(store)
    store.close()
    assert main(["--db", store.location, "audit", "--by", "李明", "--json"]) == 0
    import json

    listed = json.loads(capsys.readouterr().out)
    assert [(e["by"], e["action"]) for e in listed] == [("李明", "修改")]
    assert main(["--db", store.location, "audit", "--key", member_id, "--register", "党员"]) == 0
    out = capsys.readouterr().out
    assert "联系电话" in out and "13900139000" not in out
    target = tmp_path / "log.xlsx"
    assert main(["--db", store.location, "audit", "--from", "2026年1月1日", "--out", str(target)]) == 0
    assert target.exists()
    reopened = open_store(store.location)
    try:
        assert audit.audit_count(reopened) == 4
    finally:
        reopened.close()


def test_account_changes_are_in_the_log_as_账户_without_the_hash(store: Store) -> None:
    from app.accounts.service import create_account, enable_accounts

    enable_accounts(store, "王芳", "a-long-password-1")
    create_account(store, "李明", "another-password-2", "clerk")
    entries = audit.audit_log(store, register="账户", limit=None)
    assert len(entries) == 2 and {e.register_label for e in entries} == {"账户"}
    assert entries[0].by == "王芳"  # the first administrator is made before anyone signs in
    assert "argon2" not in " ".join(e.full_text for e in entries)


def test_coded_values_read_as_the_pages_show_them() -> None:
    from app.services.audit_fields import display

    assert display("task_progress", "status", "done", {}) == "已销号"
    assert display("activity", "kind", "theme_day", {}) == "主题党日"
    assert display("visit", "reason", "festival", {}) != "festival"
    assert display("member_review", "grade", "qualified", {}) != "qualified"
    assert display("task", "rule_id", "enterprise_party_org", {}) != "enterprise_party_org"
    assert display("campaign", "template", "da_zujian", {}).startswith("两新组织党组织")


def test_cli_audit_on_a_database_with_accounts_signs_in_and_filters_by_another(
    store: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.accounts.service import create_account, enable_accounts
    from app.cli.main import main

    enable_accounts(store, "王芳", "a-long-password-1")
    create_account(store, "李明", "another-password-2", "clerk")
    members.add_member(_as(store, "李明"), {"name": "党员甲"})
    capsys.readouterr()
    monkeypatch.setenv("LIANGXIN_PASSWORD", "a-long-password-1")
    assert main(["--db", store.location, "--user", "王芳", "audit", "--by", "李明", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    entries = listed["entries"] if isinstance(listed, dict) else listed
    assert entries and {e["by"] for e in entries} == {"李明"}
