"""工作台 as figures a person reads: the tiles with their hover text and what each
one traces back to. The page, the PDF, the spreadsheet and ``liangxin stats`` all
show these, made from one ``station_stats`` result."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain.codes import ORG_KIND
from app.stats import RATE_TITLES


@dataclass(frozen=True)
class Tile:
    key: str
    title: str
    value: str  # as printed: "12,345" or "87.5%"
    number: float | int | None
    hint: str  # the definition and scope, shown on hover and in the spreadsheet
    figure: str | None  # what figure_records traces it to; None: the findings panel
    detail: str = ""  # one short line under the value: enterprises and social organizations side by side


FORMATION_PARTS = ("单独组建", "联合组建", "挂靠组建", "未覆盖")


def formation_rows(rows: list[dict[str, Any]]) -> list[tuple[str, list[int]]]:
    """Each group's covered organizations by formation (挂靠 apart), then the uncovered."""
    return [(r["label"], [r["independent"], r["joint"], r["attached"], r["uncovered"]]) for r in rows]


def station_line(name: str, code: str) -> str:
    """How print names the station: 南湾街道（440307001）."""
    return f"{name}（{code}）"


def _count_tile(key: str, title: str, number: int, hint: str, figure: str | None, detail: str = "") -> Tile:
    return Tile(key, title, f"{number:,}", number, hint, figure, detail)


def _kinds(stats: dict[str, Any], show: Any) -> str:
    """非公企业 and 社会组织 side by side, whatever the scope: "非公企业 41.2% · 社会组织 30.0%"."""
    parts = [f"{ORG_KIND.label(row['key'])} {show(row)}" for row in stats.get("by_kind", [])]
    return " · ".join(parts)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def _rate_tile(stats: dict[str, Any], key: str) -> Tile:
    rate = stats["rates"][key]
    percent = rate["percent"]
    hint = (
        f"{rate['definition']}\n= {rate['numerator']:,} ÷ {rate['denominator']:,}\n"
        f"统计范围：{stats['scope']}\n点击查看拉低这一比率的单位。"
    )
    detail = _kinds(stats, lambda row: _percent(row[key]))
    return Tile(key, RATE_TITLES[key], _percent(percent), percent, hint, key, detail)


def tiles(stats: dict[str, Any]) -> list[Tile]:
    orgs, members, cov = stats["organizations"], stats["members"], stats["coverage"]
    return [
        _count_tile(
            "organizations",
            "两新组织",
            cov["in_scope"],
            f"统计范围：{stats['scope']}。\n登记在册 {orgs['total']:,} 家，其中在营 {orgs['active']:,} 家。",
            "in_scope",
            _kinds(stats, lambda row: f"{row['in_scope']:,}"),
        ),
        _count_tile(
            "covered",
            "已建党组织覆盖",
            cov["covered"],
            f"已被党组织覆盖的两新组织：单独组建 {cov['independent']:,} 家、联合组建 {cov['joint']:,} 家、"
            f"挂靠组建 {cov['attached']:,} 家。\n统计范围：{stats['scope']}。",
            "covered",
            f"单独组建 {cov['independent']:,} · 联合组建 {cov['joint']:,} · 挂靠组建 {cov['attached']:,}",
        ),
        _rate_tile(stats, "organization_coverage"),
        _rate_tile(stats, "work_coverage"),
        _rate_tile(stats, "must_build_rate"),
        _rate_tile(stats, "independent_rate"),
        _count_tile(
            "members",
            "党员",
            members["total"],
            f"组织关系在本站的党员（已转入 {members['total'] - members['mobile_out']:,} 名、流出 "
            f"{members['mobile_out']:,} 名），其中预备党员 {members['probationary']:,} 名；不含已停止党籍、出党和转出的。\n"
            f"口袋党员 {members['pocket']:,} 名、流入党员 {members['mobile_in']:,} 名另列，不计入：区里汇总各街道时不重复计算。",
            "members",
            f"流入党员 {members['mobile_in']:,} · 口袋党员 {members['pocket']:,}",
        ),
        _count_tile(
            "pocket",
            "口袋党员",
            members["pocket"],
            "组织关系介绍信一直没有转入任何党组织的党员：在本地工作，组织关系没有着落。",
            "pocket",
        ),
        _count_tile(
            "mobile",
            "流动党员",
            members["mobile"],
            f"流出 {members['mobile_out']:,} 名（组织关系在本站、在外地工作，计入党员），"
            f"流入 {members['mobile_in']:,} 名（在本地工作、组织关系在外地，不计入党员）。",
            "mobile",
            f"流出党员 {members['mobile_out']:,} · 流入党员 {members['mobile_in']:,}",
        ),
        _count_tile(
            "findings",
            "待整改问题",
            stats["findings"]["total"],
            f"{len(stats['findings']['by_rule'])} 条规则检查出的问题，按规则分列在右侧。",
            None,
        ),
    ]


def summary_line(stats: dict[str, Any]) -> str:
    """One sentence for every print: the 应建尽建率 beside the coverage rates (seed 002:
    "确保党组织应建尽建率和党的工作覆盖率均达到100%"), enterprises and social organizations apart."""
    rates, cov = stats["rates"], stats["coverage"]
    must = rates["must_build_rate"]
    kinds = "；".join(
        f"{'非公企业' if row['key'] == 'enterprise' else '社会组织'} {row['in_scope']:,} 家，"
        f"组织覆盖率 {_percent(row['organization_coverage'])}、应建尽建率 {_percent(row['must_build_rate'])}"
        for row in stats.get("by_kind", [])
    )
    return (
        f"应建尽建率 {_percent(must['percent'])}（按规定应建党组织的 {must['denominator']:,} 家中已建 "
        f"{must['numerator']:,} 家），党的组织覆盖率 {_percent(rates['organization_coverage']['percent'])}，"
        f"党的工作覆盖率 {_percent(rates['work_coverage']['percent'])}；已覆盖的单独组建 {cov['independent']:,} 家、"
        f"联合组建 {cov['joint']:,} 家、挂靠组建 {cov['attached']:,} 家。{kinds}。"
    )
