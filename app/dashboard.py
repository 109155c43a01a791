"""工作台 as figures a person reads: the tiles with their hover text and what each
one traces back to. The page, the PDF, the spreadsheet and ``liangxin stats`` all
show these, made from one ``station_stats`` result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.stats import RATE_TITLES


@dataclass(frozen=True)
class Tile:
    key: str
    title: str
    value: str  # as printed: "12,345" or "87.5%"
    number: float | int | None
    hint: str  # the definition and scope, shown on hover and in the spreadsheet
    figure: str | None  # what figure_records traces it to; None: the findings panel


def chinese_date(day: date | str) -> str:
    day = date.fromisoformat(day) if isinstance(day, str) else day
    return f"{day.year}年{day.month}月{day.day}日"


def station_line(name: str, code: str) -> str:
    """How print names the station: 南湾街道（440307001）."""
    return f"{name}（{code}）"


def _count_tile(key: str, title: str, number: int, hint: str, figure: str | None) -> Tile:
    return Tile(key, title, f"{number:,}", number, hint, figure)


def _rate_tile(stats: dict[str, Any], key: str) -> Tile:
    rate = stats["rates"][key]
    percent = rate["percent"]
    hint = (
        f"{rate['definition']}\n= {rate['numerator']:,} ÷ {rate['denominator']:,}\n"
        f"统计范围：{stats['scope']}\n点击查看拉低这一比率的单位。"
    )
    return Tile(key, RATE_TITLES[key], "—" if percent is None else f"{percent:.1f}%", percent, hint, key)


def tiles(stats: dict[str, Any]) -> list[Tile]:
    orgs, members, cov = stats["organizations"], stats["members"], stats["coverage"]
    return [
        _count_tile(
            "organizations",
            "两新组织",
            cov["in_scope"],
            f"统计范围：{stats['scope']}。\n登记在册 {orgs['total']:,} 家，其中在营 {orgs['active']:,} 家。",
            "in_scope",
        ),
        _count_tile(
            "covered",
            "已建党组织覆盖",
            cov["covered"],
            f"已被党组织覆盖的两新组织（单独组建 {cov['independent']:,} 家）。\n统计范围：{stats['scope']}。",
            "covered",
        ),
        _rate_tile(stats, "organization_coverage"),
        _rate_tile(stats, "work_coverage"),
        _rate_tile(stats, "independent_rate"),
        _count_tile(
            "members",
            "党员",
            members["total"],
            f"在册党员（不含已停止党籍、出党和转出的），其中预备党员 {members['probationary']:,} 名。",
            "members",
        ),
        _count_tile(
            "pocket",
            "口袋党员",
            members["pocket"],
            "组织关系未转入所在单位或居住地党组织的党员。",
            "pocket",
        ),
        _count_tile(
            "mobile",
            "流动党员",
            members["mobile"],
            f"流出 {members['mobile_out']:,} 名，流入 {members['mobile_in']:,} 名。",
            "mobile",
        ),
        _count_tile(
            "findings",
            "待整改问题",
            stats["findings"]["total"],
            f"{len(stats['findings']['by_rule'])} 条规则检查出的问题，按规则分列在右侧。",
            None,
        ),
    ]
