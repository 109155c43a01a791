"""Bounds on every input, in app/ (so the window, the CLI and imports refuse the same
values with the same sentence), and masking that does not leak the birth date.

Each refusal is checked as a person meets it: one sentence on stderr naming the
field and the limit, no traceback or SQL, exit status 1, and the database unchanged.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.cli.main import main
from app.domain.idcard import make_id_number
from app.domain.text import clean_text, halfwidth, normalise_code
from app.errors import FieldError
from app.services import members, organizations, party_orgs
from app.settings import SPECS, current_settings, ignored_stored_settings, load_settings
from app.store import Store, init_store, open_store
from db.models import Member, Organization
from tests.conftest import STATION

FULLWIDTH_DIGITS = {cp: cp + 0xFEE0 for cp in range(0x30, 0x3A)}
ADULT_ID = "440106196607074587"  # born 1966-07-07
CHILD_ID = make_id_number("440106", date(2020, 7, 7), 458)  # born 2020
LEAP_ID = make_id_number("440106", date(2004, 2, 29), 458)  # 18 on 2022-03-01


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def fullwidth(digits: str) -> str:
    return digits.translate(FULLWIDTH_DIGITS)


def digest(path: str) -> str:
    """The database file and its write-ahead log: any write changes one of them."""
    h = hashlib.sha256()
    for p in (Path(path), Path(path + "-wal")):
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()


def one_sentence(err: str) -> str:
    """stderr is one Chinese sentence: no traceback, no SQL, no exception names."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and "Error" not in err and "SQL" not in err and "\x1b" not in err
    return lines[0]


@pytest.fixture
def db(tmp_path: Path, sqlite_template: Path) -> str:
    """南湾街道, initialised (a copy of the session's migrated template)."""
    path = tmp_path / "nanwan.sqlite3"
    shutil.copy(sqlite_template, path)
    return str(path)


def refused(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> str:
    """Run a command that must be refused; return its sentence, having checked that
    the database file did not change."""
    before = digest(db)
    code, out, err = run(capsys, "--db", db, *args)
    assert code == 1, (out, err)
    assert digest(db) == before
    return one_sentence(err)


# -- integers -------------------------------------------------------------------------


def test_employees_beyond_32_bits_are_refused_with_the_range(db: str, capsys) -> None:
    sentence = refused(capsys, db, "org", "add", "--name", "甲公司", "--kind", "enterprise",
                       "--employees", "2147483648")  # fmt: skip
    assert (
        sentence
        == "“职工人数”不能大于 1,000,000（应在 0 至 1,000,000 之间），现为 2147483648，请核对后重新输入。"
    )
    # Full-width digits are the same number, and the top of the range is accepted.
    sentence = refused(capsys, db, "org", "add", "--name", "甲公司", "--kind", "enterprise",
                       "--employees", fullwidth("1000001"))  # fmt: skip
    assert "1,000,000" in sentence
    code, out, _ = run(capsys, "--db", db, "org", "add", "--name", "甲公司", "--kind", "enterprise",
                       "--employees", fullwidth("1000000"), "--json")  # fmt: skip
    assert code == 0 and json.loads(out)["employees"] == 1_000_000
    # A number too long for Python to parse is still "out of range", not "not a number".
    assert "不能大于 1,000,000" in refused(capsys, db, "org", "edit", "甲公司", "--employees", "9" * 5000)
    assert "应为整数" in refused(capsys, db, "org", "edit", "甲公司", "--employees", "十二")


@pytest.mark.postgres
def test_employees_bound_on_postgresql(pg_url: str, capsys) -> None:
    """PostgreSQL's INTEGER would answer "integer out of range" with SQL: the bound
    refuses first, with the same sentence, and no row is written."""
    store, _ = init_store(pg_url, *STATION)
    try:
        code, _, err = run(capsys, "--db", pg_url, "org", "add", "--name", "甲公司", "--kind", "enterprise",
                           "--employees", "2147483648")  # fmt: skip
        assert code == 1
        assert (
            one_sentence(err)
            == "“职工人数”不能大于 1,000,000（应在 0 至 1,000,000 之间），现为 2147483648，请核对后重新输入。"
        )
        with store.read() as session:
            assert session.scalar(select(func.count()).select_from(Organization)) == 0
        code, _, _ = run(capsys, "--db", pg_url, "org", "add", "--name", "甲公司", "--kind", "enterprise",
                         "--employees", "1000000")  # fmt: skip
        assert code == 0
    finally:
        store.close()


def test_every_setting_has_its_own_ceiling(db: str, capsys) -> None:
    sentence = refused(capsys, db, "settings", "set", "rule.enterprise_org.min_employees", "3000000000")
    assert (
        sentence
        == "“应建党组织的非公企业职工人数下限”不能大于 1,000,000（应在 1 至 1,000,000 之间），现为 3000000000，未做改动。"
    )
    assert "1 至 100 之间" in refused(capsys, db, "settings", "set", "coverage.target_percent", "101")
    assert "1 至 31 之间" in refused(capsys, db, "settings", "set", "rule.theme_day.min_per_month", "32")
    assert "1 至 10 之间" in refused(capsys, db, "settings", "set", "party_org.term_years", "50")
    assert all(
        0 <= spec.minimum <= spec.maximum <= 2_147_483_647 for spec in SPECS.values() if not spec.choices
    )


def test_a_stored_out_of_range_setting_is_ignored_not_fatal(db: str, capsys) -> None:
    """A value written before the bounds (or by hand) must not stop anything from
    opening: it counts as the default, is reported as ignored, and reset clears it."""
    for key in ("rule.enterprise_org.min_employees", "coverage.target_percent"):
        assert run(capsys, "--db", db, "settings", "set", key, "90")[0] == 0
    with sqlite3.connect(db) as con:
        con.execute("UPDATE setting SET value = '3000000000' WHERE key = 'rule.enterprise_org.min_employees'")
        con.execute("UPDATE setting SET value = 'not json' WHERE key = 'coverage.target_percent'")
    store = open_store(db)
    try:
        values = current_settings(store)
        assert values["rule.enterprise_org.min_employees"] == 100
        assert values["coverage.target_percent"] == 100
        assert ignored_stored_settings(store) == {
            "rule.enterprise_org.min_employees": "3000000000",
            "coverage.target_percent": "not json",
        }
        with store.read() as session:
            assert load_settings(session)["rule.enterprise_org.min_employees"] == 100
    finally:
        store.close()
    code, out, err = run(capsys, "--db", db, "settings", "list")
    assert code == 0 and err == ""
    code, _, _ = run(capsys, "--db", db, "check")
    assert code == 0
    code, out, _ = run(capsys, "--db", db, "settings", "reset", "--all")
    assert code == 0 and "应建党组织的非公企业职工人数下限" in out
    store = open_store(db)
    try:
        assert ignored_stored_settings(store) == {}
    finally:
        store.close()


# -- text -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("\x1b[31m红色公司", "ESC"),
        ("第一行\n第二行", "换行"),
        ("空\x00字符", "空字符"),
        ("tab\there", "制表符"),
        ("反转\u202eexe.txt", "U+202E"),
        ("C1\x9b控制", "U+009B"),
        ("\u200f\u200b", "U+200F"),  # looks empty: a bidi mark and a zero-width space
        ("深圳\u200b某某", "U+200B"),  # looks like 深圳某某, and is not
    ],
)
def test_control_characters_in_a_name_are_refused(db: str, capsys, name: str, what: str) -> None:
    sentence = refused(capsys, db, "org", "add", "--name", name, "--kind", "enterprise")
    assert sentence.startswith("“组织名称”第") and f"（{what}）" in sentence


def test_notes_keep_their_line_breaks_but_not_escape_codes(store: Store) -> None:
    saved = organizations.add_organization(
        store, {"name": "甲公司", "kind": "enterprise", "notes": "第一行\r\n第二行\t备注"}
    )
    assert saved["notes"] == "第一行\n第二行\t备注"
    with pytest.raises(FieldError, match="ESC"):
        organizations.edit_organization(store, saved["id"], {"notes": "x\x1b[2Jy"})


def test_a_10000_character_name_is_refused_with_the_limit(db: str, capsys) -> None:
    sentence = refused(capsys, db, "org", "add", "--name", "长" * 10_000, "--kind", "enterprise")
    assert sentence == "“组织名称”最多 200 个字，现为 10,000 个字，请删减后重新输入。"
    sentence = refused(capsys, db, "member", "add", "--name", "长" * 51)
    assert sentence == "“姓名”最多 50 个字，现为 51 个字，请删减后重新输入。"
    sentence = refused(capsys, db, "member", "add", "--name", "王芳", "--notes", "长" * 2001)
    assert "“备注”最多 2,000 个字" in sentence


def test_fullwidth_letters_and_digits_become_ascii_but_chinese_punctuation_stays() -> None:
    assert halfwidth("ＡＢＣ科技（南山分公司）\u3000１号") == "ABC科技（南山分公司） 1号"
    assert normalise_code(" ４４０１０６ １９６６０７０７ ４５８ｘ ") == "4401061966070745" + "8X"
    assert clean_text("  ＸＹ公司  ", "名称", "name", max_length=10) == "XY公司"
    # A CJK compatibility ideograph is kept as typed (NFKC would replace it).
    assert halfwidth("\uf900") == "\uf900"


def test_a_stored_escape_sequence_is_printed_harmlessly(db: str, capsys) -> None:
    """Records saved before control characters were refused still list cleanly."""
    assert run(capsys, "--db", db, "org", "add", "--name", "甲公司", "--kind", "enterprise")[0] == 0
    with sqlite3.connect(db) as con:
        con.execute("UPDATE organization SET name = 'a' || char(27) || '[31mb'")
    code, out, _ = run(capsys, "--db", db, "org", "list")
    assert code == 0 and "\x1b" not in out and "a\\x1b[31mb" in out


# -- codes: normalised before the duplicate check and the search --------------------------


def test_a_fullwidth_id_number_is_the_same_number(db: str, capsys) -> None:
    code, out, err = run(capsys, "--db", db, "member", "add", "--name", "张三",
                         "--id-number", fullwidth(ADULT_ID), "--joined-on", "１９９０年１月１日", "--json")  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["id_number"] == "440106********4587"
    sentence = refused(capsys, db, "member", "add", "--name", "李四", "--id-number", ADULT_ID)
    assert sentence == "公民身份号码 440106********4587 已登记为党员“张三”。"
    for query in ("4587", fullwidth("4587"), fullwidth("19660707")):
        code, out, _ = run(capsys, "--db", db, "member", "list", "--search", query, "--json")
        assert [r["name"] for r in json.loads(out)["rows"]] == ["张三"], query
    code, out, _ = run(capsys, "--db", db, "member", "show", "张三", "--full", "--json")
    assert json.loads(out)["id_number"] == ADULT_ID


def test_a_lower_case_x_and_spaces_in_an_id_number_are_the_same_number(store: Store) -> None:
    number = make_id_number("110105", date(1949, 12, 31), 2)
    assert number.endswith("X")
    members.add_member(store, {"name": "张伟", "id_number": number[:6] + " " + number[6:-1] + "x"})
    with pytest.raises(FieldError, match="已登记为党员“张伟”"):
        members.add_member(store, {"name": "王伟", "id_number": number})


def test_a_fullwidth_credit_code_is_caught_as_a_duplicate(store: Store) -> None:
    code = "9144030071526726XG"
    wide = code.translate({cp: cp + 0xFEE0 for cp in range(0x21, 0x7F)}).lower()
    saved = organizations.add_organization(store, {"name": "甲公司", "kind": "enterprise", "uscc": wide})
    assert saved["uscc"] == code
    with pytest.raises(FieldError, match="已登记为“甲公司”"):
        organizations.add_organization(store, {"name": "乙公司", "kind": "enterprise", "uscc": code})
    assert [r.name for r in organizations.list_organizations(store, search="７１５２６７").rows] == ["甲公司"]


# -- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--joined-on", "1800-01-01"), "“入党日期”应在 1921 至 2100 年之间，现为 1800-01-01，请核对。"),
        (("--joined-on", "2099-01-01"), "“入党日期”2099-01-01晚于今天"),
        (("--joined-on", "2026-02-30"), "“入党日期”应为存在的日期"),
        (
            ("--id-number", ADULT_ID, "--joined-on", "1980-01-01"),
            "“入党日期”1980-01-01早于年满18周岁之日（1984-07-07），请核对入党日期或公民身份号码。",
        ),
        (
            ("--id-number", LEAP_ID, "--joined-on", "2022-02-28"),
            "“入党日期”2022-02-28早于年满18周岁之日（2022-03-01）",
        ),
        (
            ("--id-number", CHILD_ID),
            "公民身份号码表明此人出生于 2020 年，未满18周岁，不能登记为党员，请核对。",
        ),
        (
            ("--joined-on", "2000-01-01", "--full-on", "1999-01-01"),
            "“转正日期”1999-01-01早于“入党日期”2000-01-01，请核对。",
        ),
        (
            ("--joined-on", "2000-01-01", "--exit-kind", "转出", "--exit-on", "1999-06-01"),
            "“减少日期”1999-06-01早于“入党日期”2000-01-01，请核对。",
        ),
    ],
)
def test_member_dates_that_cannot_be_are_refused(
    db: str, capsys, args: tuple[str, ...], expected: str
) -> None:
    sentence = refused(capsys, db, "member", "add", "--name", "王芳", *args)
    assert sentence.startswith(expected), sentence


def test_joining_on_the_18th_birthday_is_accepted(store: Store) -> None:
    saved = members.add_member(store, {"name": "王芳", "id_number": LEAP_ID, "joined_on": "2022-03-01"})
    assert saved["joined_on"] == date(2022, 3, 1)


def test_a_party_organization_cannot_be_founded_in_the_future_or_before_1921(store: Store) -> None:
    with pytest.raises(FieldError, match="“成立日期”2099-07-01晚于今天"):
        party_orgs.add_party_org(store, {"name": "甲支部", "level": "branch", "established_on": "2099-07-01"})
    with pytest.raises(FieldError, match="“成立日期”应在 1921 至 2100 年之间"):
        party_orgs.add_party_org(store, {"name": "甲支部", "level": "branch", "established_on": "1920-12-31"})
    saved = party_orgs.add_party_org(
        store, {"name": "甲支部", "level": "branch", "established_on": "1921-07-01"}
    )
    assert saved["established_on"] == date(1921, 7, 1)


def test_an_old_record_outside_the_bounds_can_still_be_edited_elsewhere(store: Store) -> None:
    """A date stored before the bounds does not block an unrelated change; changing
    that date applies them."""
    saved = members.add_member(store, {"name": "王芳", "joined_on": "1990-01-01"})
    with store.write() as session:
        session.execute(text("UPDATE member SET joined_on = '1800-01-01'"))
    assert members.edit_member(store, saved["id"], {"phone": "13800138000"})["phone"] == "138****8000"
    with pytest.raises(FieldError, match="1921 至 2100"):
        members.edit_member(store, saved["id"], {"joined_on": "1800-01-02"})


# -- enumerations ---------------------------------------------------------------------------


def test_unknown_enumeration_values_are_refused_with_the_valid_list(db: str, capsys) -> None:
    sentence = refused(capsys, db, "org", "add", "--name", "甲公司", "--kind", "乱写")
    assert (
        sentence == "“组织类型”应为以下之一：非公企业（enterprise）、社会组织（social_org）；“乱写”不在其中。"
    )
    # A filter with an unknown value used to list nothing and exit 0.
    for args in (
        ("org", "list", "--industry", "乱写"),
        ("member", "list", "--relation", "乱写"),
        ("party-org", "list", "--level", "乱写"),
    ):
        code, out, err = run(capsys, "--db", db, *args)
        assert code == 1 and out == ""
        assert "应为以下之一：" in one_sentence(err) and "“乱写”不在其中" in err
    code, _, err = run(capsys, "--db", db, "org", "list", "--sort", "乱写")
    assert code == 1 and one_sentence(err).startswith("不能按“乱写”排序，可用：name、")
    # Codes are accepted in any case, labels as written.
    code, out, _ = run(capsys, "--db", db, "org", "list", "--kind", "ENTERPRISE")
    assert code == 0
    with pytest.raises(SystemExit) as exit_:  # argparse refuses it before the database opens
        main(["--db", db, "org", "list", "--limit", "99999999999999999999"])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and "“条数”应在 0 至 10,000,000 之间" in err and "Traceback" not in err


# -- masking -------------------------------------------------------------------------------


def test_member_show_masked_gives_the_birth_year_only(db: str, capsys) -> None:
    code, _, _ = run(capsys, "--db", db, "member", "add", "--name", "张三", "--id-number", ADULT_ID)
    assert code == 0
    code, out, _ = run(capsys, "--db", db, "member", "show", "张三")
    assert code == 0
    assert "440106********4587" in out and "1966年" in out
    assert "1966-07-07" not in out and "0707" not in out
    lines = out.splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("公民身份号码"))
    assert lines[number + 1].split() == ["出生日期", "1966年"]  # beside the number
    code, out, _ = run(capsys, "--db", db, "member", "show", "张三", "--json")
    assert json.loads(out)["birth_date"] == "1966年"
    code, out, _ = run(capsys, "--db", db, "member", "show", "张三", "--full")
    assert ADULT_ID in out and "1966-07-07" in out
    code, out, _ = run(capsys, "--db", db, "member", "show", "张三", "--full", "--json")
    assert json.loads(out)["birth_date"] == "1966-07-07"


def test_the_detail_panel_shows_the_birth_year_beside_a_masked_number(qtbot, store: Store) -> None:
    from PySide6.QtWidgets import QLabel

    from app.services.related import member_detail
    from ui.detail_panel import DetailPanel

    saved = members.add_member(store, {"name": "<b>张三</b>", "id_number": ADULT_ID})
    panel = DetailPanel()
    qtbot.addWidget(panel)

    def texts() -> str:
        return "\n".join(label.text() for label in panel.findChildren(QLabel) if label.isVisibleTo(panel))

    panel.show_detail(member_detail(store, saved["id"]), can_reveal=True)
    shown = texts()
    assert "440106********4587" in shown and "1966年" in shown and "1966-07-07" not in shown
    assert "&lt;b&gt;" not in shown.split("\n")[0] and "<b>张三</b>" in shown  # the name as typed
    panel.show_detail(member_detail(store, saved["id"], reveal=True), can_reveal=False)
    shown = texts()
    assert ADULT_ID in shown and "1966-07-07" in shown


# -- the editor on values stored before the bounds -------------------------------------------


def test_the_editor_opens_on_a_stored_value_beyond_32_bits(qtbot, store: Store) -> None:
    from ui.editor import RecordEditor
    from ui.registers import ORGANIZATIONS

    saved = organizations.add_organization(store, {"name": "甲公司", "kind": "enterprise", "employees": 10})
    with store.write() as session:
        session.execute(text("UPDATE organization SET employees = 2147483648"))
    record = organizations.get_organization(store, saved["id"])
    assert record["employees"] == 2_147_483_648
    dialog = RecordEditor(
        "编辑两新组织",
        ORGANIZATIONS.fields,
        ORGANIZATIONS.groups,
        lambda values: organizations.edit_organization(store, saved["id"], values),
        record=record,
        subtypes=organizations.subtype_codes,
    )
    qtbot.addWidget(dialog)
    spin = dialog.widgets["employees"].widget
    assert spin.maximum() == 1_000_000 and spin.value() == 1_000_000
    note = dialog.widgets["employees"].error
    assert not note.isHidden() and "2,147,483,648" in note.text()
    assert dialog.save_button.isEnabled()  # the clamped value is a change to save
    dialog.try_save()
    assert dialog.saved is not None
    with store.read() as session:
        assert session.scalar(select(Organization.employees)) == 1_000_000


def test_the_editor_opens_on_a_stored_date_before_1921(qtbot, store: Store) -> None:
    from PySide6.QtCore import QDate

    from ui.editor import RecordEditor
    from ui.registers import MEMBERS

    saved = members.add_member(store, {"name": "王芳", "joined_on": "1990-01-01"})
    with store.write() as session:
        session.execute(text("UPDATE member SET joined_on = '1800-01-01'"))
    dialog = RecordEditor(
        "编辑党员",
        MEMBERS.fields,
        MEMBERS.groups,
        lambda values: members.edit_member(store, saved["id"], values),
        record=members.get_member(store, saved["id"]),
    )
    qtbot.addWidget(dialog)
    fw = dialog.widgets["joined_on"]
    assert fw.get() is None and "1800-01-01" in fw.error.text()
    fw.widget.setDate(QDate(1919, 5, 4))  # the picker allows it; the bounds refuse it as typed
    assert "1921 至 2100" in fw.error.text() and not dialog.save_button.isEnabled()
    fw.put(date(1990, 1, 1))
    dialog.try_save()
    with store.read() as session:
        assert session.scalar(select(Member.joined_on)) == date(1990, 1, 1)


def test_a_refused_argument_is_echoed_harmlessly(db: str, capsys) -> None:
    for value, said in (("\x1b[31mred", "\\x1b[31mred"), ("9" * 5000, "应在 0 至")):
        with pytest.raises(SystemExit) as exit_info:
            main(["--db", db, "org", "list", "--limit", value])
        err = capsys.readouterr().err
        assert exit_info.value.code == 2 and "\x1b" not in err and said in err and len(err) < 200
