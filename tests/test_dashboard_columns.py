"""What a district office adds up from the workbook and the command line: every group
sheet of 工作台.xlsx gives 单独, 联合 and 挂靠 apart and 应建尽建率 beside its counts;
the monthly trend carries 应建尽建率 (blank for a month recorded before it was kept);
``liangxin stats`` prints 应建尽建率 and the three formations."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli.main import main
from app.services import communities, organizations, party_orgs
from app.stats import station_stats
from app.store import Store
from db.models import StatSnapshot

TODAY = date(2026, 11, 22)


@pytest.fixture
def street(store: Store) -> Store:
    """南岭村社区: one enterprise of its own branch, two in a joint branch, one attached
    to the community's, and an enterprise of 150 staff with none (应建, not built)."""
    communities.add_community(store, "南岭村社区")

    def org(name: str, staff: int) -> str:
        values = {"name": name, "kind": "enterprise", "employees": staff, "community": "南岭村社区"}
        return organizations.add_organization(store, values)["id"]

    alone = org("独立公司", 120)
    first, second = org("联建甲", 40), org("联建乙", 30)
    attached = org("挂靠公司", 20)
    org("未建大公司", 150)
    party_orgs.add_party_org(store, {"name": "独立公司党支部", "level": "branch"}, covers=[alone])
    party_orgs.add_party_org(store, {"name": "联合党支部", "level": "joint_branch"}, covers=[first, second])
    host = party_orgs.add_party_org(store, {"name": "社区党委", "level": "committee"})["id"]
    organizations.edit_organization(store, attached, {"party_org": host, "formation": "attached"})
    return store


def test_group_sheets_give_each_formation_and_the_must_build_rate(street: Store, tmp_path: Path) -> None:
    stats = station_stats(street, TODAY)
    assert {k: stats["coverage"][k] for k in ("independent", "joint", "attached", "must_build", "built")} == {
        "independent": 1,
        "joint": 2,
        "attached": 1,
        "must_build": 2,
        "built": 1,
    }
    out = tmp_path / "工作台.xlsx"
    assert (
        main(["--db", street.location, "export", "dashboard", "--out", str(out), "--today", "2026-11-22"])
        == 0
    )
    book = load_workbook(out)
    for title in ("按社区", "按行业", "按职工规模"):
        header = [cell.value for cell in book[title][1]]
        for column in ("单独组建", "联合组建", "挂靠组建", "按规定应建", "应建已建", "应建尽建率"):
            assert column in header, (title, column)
    sheet = book["按社区"]
    header = [cell.value for cell in sheet[1]]
    row = {header[i]: cell for i, cell in enumerate(sheet[2])}
    assert row["社区"].value == "南岭村社区"
    assert (row["单独组建"].value, row["联合组建"].value, row["挂靠组建"].value) == (1, 2, 1)
    assert (row["按规定应建"].value, row["应建已建"].value) == (2, 1)
    assert row["应建尽建率"].value == pytest.approx(0.5) and row["应建尽建率"].number_format == "0.0%"
    assert row["已覆盖"].value == row["单独组建"].value + row["联合组建"].value + row["挂靠组建"].value


def test_the_trend_sheet_has_must_build_rate_and_blank_before_it_was_kept(
    street: Store, tmp_path: Path
) -> None:
    with street.write() as session:  # October, recorded before 应建 was kept
        session.add(
            StatSnapshot(
                month="2026-10",
                in_scope=5,
                covered=4,
                work_covered=4,
                independent=1,
                scope="全部在营两新组织",
                recorded_at=TODAY,
            )
        )
    out = tmp_path / "工作台.xlsx"
    assert (
        main(["--db", street.location, "export", "dashboard", "--out", str(out), "--today", "2026-11-22"])
        == 0
    )
    trend = load_workbook(out)["月度趋势"]
    header = [cell.value for cell in trend[1]]
    column = header.index("应建尽建率")
    months = {row[0]: row[column] for row in trend.iter_rows(min_row=2, values_only=True)}
    assert months == {"2026-10": None, "2026-11": pytest.approx(0.5)}


def test_stats_prints_the_must_build_rate_and_the_formations(
    street: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", street.location, "stats", "--today", "2026-11-22"]) == 0
    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines() if line.strip()}
    assert "50.0%（1 / 2）" in lines["应建尽建率"]
    assert "单独组建 1，联合组建 2，挂靠组建 1" in lines["组建方式"]
