"""The command line as a clerk or a script uses it: exit status 0 only on success,
errors as one sentence on stderr, JSON on request."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli.main import main
from app.rules.catalog import RULES


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, sqlite_template: Path) -> str:
    """南湾街道, initialised (a copy of the session's migrated template)."""
    path = tmp_path / "nanwan.sqlite3"
    shutil.copy(sqlite_template, path)
    return str(path)


def test_the_issue_walkthrough(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "demo", "--orgs", "200", "--members", "1200", "--seed", "1")
    assert code == 0 and "200 个两新组织" in out
    code, out, _ = run(capsys, "--db", db, "stats", "--json")
    stats = json.loads(out)
    assert code == 0 and stats["organizations"]["total"] == 200
    assert stats["rates"]["organization_coverage"]["denominator"] > 0
    code, out, _ = run(
        capsys, "--db", db, "org", "add", "--name", "深圳市某某科技有限公司", "--uscc", "9144030071526726XG",
        "--kind", "enterprise", "--employees", "120", "--community", "南湾一社区",
    )  # fmt: skip
    assert code == 0 and "深圳市某某科技有限公司" in out
    code, out, _ = run(capsys, "--db", db, "org", "list", "--search", "szmm", "--json")
    listed = json.loads(out)
    assert [r["name"] for r in listed["rows"]] == ["深圳市某某科技有限公司"]
    org_id = listed["rows"][0]["id"]
    code, out, _ = run(
        capsys, "--db", db, "member", "add", "--name", "张伟", "--id-number", "11010519491231002X",
        "--employer", org_id, "--json",
    )  # fmt: skip
    member = json.loads(out)
    assert code == 0 and member["id_number"] == "110105********002X"
    code, out, _ = run(capsys, "--db", db, "member", "list", "--search", "zw", "--json")
    assert member["id"] in [r["id"] for r in json.loads(out)["rows"]]
    code, out, _ = run(capsys, "--db", db, "member", "edit", member["id"], "--phone", "13800138000")
    assert code == 0
    code, out, _ = run(capsys, "--db", db, "member", "show", member["id"])
    assert "138****8000" in out and "110105********002X" in out
    code, out, _ = run(capsys, "--db", db, "member", "show", member["id"], "--full")
    assert "11010519491231002X" in out
    code, out, _ = run(capsys, "--db", db, "member", "delete", member["id"])
    assert code == 0 and "已删除党员“张伟”" in out
    code, out, err = run(capsys, "--db", db, "member", "show", member["id"])
    assert code == 1 and "找不到党员" in err


def test_check_json_on_the_demo_lists_findings_for_every_rule(demo_db: Path, capsys, tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db, db)
    code, out, _ = run(capsys, "--db", str(db), "check", "--json")
    report = json.loads(out)
    assert code == 0
    counts = {r["id"]: r["count"] for r in report["rules"]}
    assert set(counts) == {r.id for r in RULES}
    assert all(n > 0 for n in counts.values()), counts
    assert report["total"] == len(report["findings"]) == sum(counts.values())
    first = report["findings"][0]
    assert {"rule_id", "table", "record_id", "record_name", "message", "source"} <= set(first)


def test_a_bad_credit_code_names_the_character_and_writes_nothing(db: str, capsys) -> None:
    code, out, err = run(
        capsys,
        "--db",
        db,
        "org",
        "add",
        "--name",
        "某公司",
        "--uscc",
        "9144030071526726XA",
        "--kind",
        "enterprise",
    )
    assert code == 1 and out == ""
    assert err.strip() == "统一社会信用代码第18位校验码应为 G，现为 A，请核对后重新输入。"
    assert "Traceback" not in err
    assert json.loads(run(capsys, "--db", db, "org", "list", "--json")[1])["total"] == 0


def test_joint_branch_override_from_the_command_line(db: str, capsys) -> None:
    ids = []
    for i in range(6):
        ids.append(
            json.loads(
                run(
                    capsys, "--db", db, "org", "add", "--name", f"第{i}公司", "--kind", "enterprise", "--json"
                )[1]
            )["id"]
        )
    code, _, err = run(
        capsys,
        "--db",
        db,
        "party-org",
        "add",
        "--name",
        "联合党支部",
        "--level",
        "联合党支部",
        "--covers",
        *ids,
    )
    assert code == 1 and "--override" in err
    code, out, _ = run(
        capsys, "--db", db, "party-org", "add", "--name", "联合党支部", "--level", "联合党支部",
        "--covers", *ids, "--override", "同一楼宇", "--json",
    )  # fmt: skip
    assert code == 0 and "同一楼宇" in json.loads(out)["coverage_override"]


def test_init_with_an_unknown_station_code_format(tmp_path: Path, capsys) -> None:
    path = tmp_path / "x.sqlite3"
    code, _, err = run(capsys, "--db", str(path), "init", "--station", "4403070", "--name", "南湾街道")
    assert code == 1 and "9位数字" in err
    assert not path.exists()


def test_db_pointing_at_a_file_that_is_not_a_database(tmp_path: Path, capsys) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("这是一个文本文件\n" * 50, encoding="utf-8")
    for args in (["stats"], ["init", "--station", "440307001", "--name", "南湾街道"], ["org", "list"]):
        code, out, err = run(capsys, "--db", str(path), *args)
        assert code == 3 and "不是数据库文件" in err and out == ""
    assert path.read_text(encoding="utf-8") == "这是一个文本文件\n" * 50


def test_commands_on_a_database_that_does_not_exist(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "missing.sqlite3"), "stats")
    assert code == 3 and "不存在" in err and "init" in err


def test_settings_change_the_findings(db: str, capsys) -> None:
    run(capsys, "--db", db, "org", "add", "--name", "八十人公司", "--kind", "enterprise", "--employees", "80")
    assert (
        json.loads(run(capsys, "--db", db, "check", "--json", "--rule", "enterprise_party_org")[1])["total"]
        == 0
    )
    code, _, _ = run(capsys, "--db", db, "settings", "set", "rule.enterprise_org.min_employees", "60")
    assert code == 0
    assert (
        json.loads(run(capsys, "--db", db, "check", "--json", "--rule", "enterprise_party_org")[1])["total"]
        == 1
    )
    code, _, err = run(capsys, "--db", db, "settings", "set", "rule.enterprise_org.min_employees", "abc")
    assert code == 1 and "应为整数" in err
    code, _, err = run(capsys, "--db", db, "check", "--rule", "no_such_rule")
    assert code == 1 and "没有规则" in err


def test_gui_without_a_display_explains_instead_of_aborting(db: str, capsys, monkeypatch) -> None:
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    if not sys.platform.startswith("linux"):
        pytest.skip("the display check is for Linux")
    code, _, err = run(capsys, "--db", db, "gui")
    assert code == 1 and "screenshot" in err and "QT_QPA_PLATFORM=offscreen" in err


def test_python_dash_m_app_is_the_same_program(tmp_path: Path) -> None:
    path = tmp_path / "m.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(path), "init", "--station", "440307001", "--name", "南湾街道", "--json"],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["station"]["name"] == "南湾街道"
    installed = shutil.which("liangxin")
    if installed:
        result = subprocess.run(
            [installed, "--db", str(path), "org", "list", "--json"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        assert result.returncode == 0 and json.loads(result.stdout)["total"] == 0
