"""``org``, ``party-org``, ``member``, ``instructor`` and ``community`` commands."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict, fields
from typing import Any

from app.cli.args import limit
from app.cli.output import print_json, print_record, print_table
from app.domain.fields import Field
from app.services import communities, instructors, members, organizations, party_orgs
from app.station_scope import station_scope
from app.store import Store

ROW_HEADERS = {
    "OrgRow": ["编号", "组织名称", "类型", "具体类型", "统一社会信用代码", "社区", "行业", "职工", "党组织", "组建方式", "指导员", "覆盖状态", "状态", "街道"],
    "PartyOrgRow": ["编号", "党组织名称", "类别", "组建方式", "书记", "党员", "覆盖单位", "任期届满", "社区", "街道"],
    "MemberRow": ["编号", "姓名", "性别", "公民身份号码", "党组织", "工作单位", "类别", "组织关系", "入党日期", "联系电话", "街道"],
}  # fmt: skip
STATION_HELP = "只列出这个街道的记录（区里使用：街道代码或名称）"


def add_field_options(parser: argparse.ArgumentParser, specs: dict[str, Field]) -> None:
    for spec in specs.values():
        option = "--" + spec.name.replace("_", "-")
        hint = f"（{spec.codes.choices_text()}）" if spec.codes else ""
        hint = hint or ("（是/否）" if spec.kind == "bool" else "")
        parser.add_argument(option, dest=f"f_{spec.name}", metavar="值", help=f"{spec.label}{hint}")


def field_values(args: argparse.Namespace) -> dict[str, Any]:
    return {k[2:]: v for k, v in vars(args).items() if k.startswith("f_") and v is not None}


def print_page(args: argparse.Namespace, page: Any, *, district: bool = False) -> None:
    """One page of a register; at a district with the 街道 column (the last field)."""
    if args.json:
        print_json({"total": page.total, "rows": [asdict(r) for r in page.rows]})
        return
    if not page.rows:
        print("没有符合条件的记录。")
        return
    headers = ROW_HEADERS[type(page.rows[0]).__name__]
    columns = [f.name for f in fields(page.rows[0])]
    if not district:  # a sub-district keeps its own records only
        headers, columns = headers[:-1], columns[:-1]
    print_table(headers, [[getattr(r, name) for name in columns] for r in page.rows])
    shown = len(page.rows)
    more = f"，显示前 {shown} 条（--limit 0 显示全部）" if shown < page.total else ""
    print(f"\n共 {page.total:,} 条{more}")


def print_detail(args: argparse.Namespace, record: dict[str, Any], specs: dict[str, Field]) -> None:
    if args.json:
        print_json(record)
        return
    pairs: list[tuple[str, Any]] = [("编号", record["id"])]
    for name, spec in specs.items():
        value = record.get(name)
        if spec.codes is not None:
            value = record.get(f"{name}_label") or spec.codes.label(value)
        pairs.append((spec.label, value))
        if name == "id_number" and "birth_date" in record:
            # Beside the number, so one can see at a glance that a masked number shows only the year.
            pairs.append(("出生日期", record["birth_date"]))
    extras = {
        "coverage_label": "覆盖状态",
        "instructor": "党建工作指导员",
        "members": "党员人数",
        "coverage_override": "超出覆盖上限的理由",
    }
    pairs += [(label, record[key]) for key, label in extras.items() if key in record]
    if "subtype_label" in record:
        pairs = [(label, record["subtype_label"] if label == "具体类型" else v) for label, v in pairs]
    if "covered" in record:
        pairs.append(("覆盖单位", "、".join(o["name"] for o in record["covered"]) or "（无）"))
    print_record(pairs)  # print_record shows stored control characters as escapes


def _list_args(parser: argparse.ArgumentParser, filters: dict[str, str], sorts: tuple[str, ...]) -> None:
    parser.add_argument("--search", default="", help="名称、拼音、拼音首字母或代码/号码")
    for name, help_text in filters.items():
        parser.add_argument("--" + name.replace("_", "-"), dest=f"q_{name}", help=help_text)
    # Checked by the service (one sentence naming the valid columns), not by argparse's English.
    parser.add_argument("--sort", default="name", help=f"排序列：{'、'.join(sorts)}")
    parser.add_argument("--desc", action="store_true", help="倒序")
    parser.add_argument("--limit", type=limit, default=50, help="最多显示条数（0 为全部，默认 50）")
    parser.add_argument("--offset", type=limit, default=0, help="跳过前面多少条（默认 0）")


def _list_kwargs(store: Store, args: argparse.Namespace) -> dict[str, Any]:
    kwargs = {k[2:]: v for k, v in vars(args).items() if k.startswith("q_") and v is not None}
    if kwargs.get("station"):  # a code or a name; one that is not enrolled is refused in a sentence
        kwargs["station"] = station_scope(store, kwargs["station"]).station
    return {
        **kwargs,
        "search": args.search,
        "sort": args.sort,
        "descending": args.desc,
        "limit": args.limit or None,
        "offset": args.offset,
    }


Handler = Callable[[Store, argparse.Namespace], int]


def _print_list(store: Store, args: argparse.Namespace, page: Any) -> int:
    print_page(args, page, district=store.station.role == "district")
    return 0


def _register(
    sub: Any,
    name: str,
    title: str,
    specs: dict[str, Field],
    handlers: dict[str, Handler],
    filters: dict[str, str],
    sorts: tuple[str, ...],
    extra: Callable[[str, argparse.ArgumentParser], None] | None = None,
) -> None:
    parser = sub.add_parser(name, help=f"{title}登记簿")
    actions = parser.add_subparsers(dest="action", required=True, metavar="操作")
    p = actions.add_parser("add", help=f"新增{title}")
    add_field_options(p, specs)
    if extra:
        extra("add", p)
    p.set_defaults(handler=handlers["add"])
    p = actions.add_parser("list", help=f"列出和查找{title}")
    _list_args(p, filters, sorts)
    if extra:
        extra("list", p)
    p.set_defaults(handler=handlers["list"])
    p = actions.add_parser("show", help=f"查看一个{title}")
    p.add_argument("key", metavar="编号或名称")
    if extra:
        extra("show", p)
    p.set_defaults(handler=handlers["show"])
    p = actions.add_parser("edit", help=f"修改{title}")
    p.add_argument("key", metavar="编号或名称")
    add_field_options(p, specs)
    if extra:
        extra("edit", p)
    p.set_defaults(handler=handlers["edit"])
    p = actions.add_parser("delete", help=f"删除误录入的{title}（保留删除记录）")
    p.add_argument("key", metavar="编号或名称")
    p.set_defaults(handler=handlers["delete"])


def _done(args: argparse.Namespace, record: dict[str, Any], verb: str, what: str) -> int:
    if args.json:
        print_json(record)
    else:
        print(f"已{verb}{what}“{record['name']}”（编号 {record['id']}）。")
    return 0


def _deleted(args: argparse.Namespace, name: str, what: str) -> int:
    if args.json:
        print_json({"deleted": name})
    else:
        print(f"已删除{what}“{name}”。删除记录已保留在变更日志中。")
    return 0


# -- organizations -------------------------------------------------------------------
def _full_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--full", action="store_true", help="显示完整的证件号码和电话（默认遮蔽）")


def _org_extra(action: str, p: argparse.ArgumentParser) -> None:
    if action == "show":
        _full_option(p)
    if action in ("add", "edit"):
        p.add_argument("--override", help="联合党支部覆盖单位超过上限时的理由（会被记录）")


ORG_HANDLERS: dict[str, Handler] = {
    "add": lambda s, a: _done(
        a,
        organizations.add_organization(s, field_values(a), coverage_override=a.override),
        "新增",
        "两新组织",
    ),
    "edit": lambda s, a: _done(
        a,
        organizations.edit_organization(s, a.key, field_values(a), coverage_override=a.override),
        "修改",
        "两新组织",
    ),
    "delete": lambda s, a: _deleted(a, organizations.delete_organization(s, a.key), "两新组织"),
    "show": lambda s, a: (
        print_detail(a, organizations.get_organization(s, a.key, reveal=a.full), organizations.ORG_FIELDS)
        or 0
    ),
    "list": lambda s, a: _print_list(s, a, organizations.list_organizations(s, **_list_kwargs(s, a))),
}


# -- Party organizations ----------------------------------------------------------------
def _party_extra(action: str, p: argparse.ArgumentParser) -> None:
    if action == "show":
        _full_option(p)
    if action in ("add", "edit"):
        p.add_argument(
            "--covers", nargs="+", metavar="两新组织", help="覆盖的两新组织（编号或名称），替换原有覆盖"
        )
        p.add_argument("--override", help="联合党支部覆盖单位超过上限时的理由（会被记录）")


PARTY_HANDLERS: dict[str, Handler] = {
    "add": lambda s, a: _done(
        a,
        party_orgs.add_party_org(s, field_values(a), covers=a.covers, override=a.override),
        "新增",
        "党组织",
    ),
    "edit": lambda s, a: _done(
        a,
        party_orgs.edit_party_org(s, a.key, field_values(a), covers=a.covers, override=a.override),
        "修改",
        "党组织",
    ),
    "delete": lambda s, a: _deleted(a, party_orgs.delete_party_org(s, a.key), "党组织"),
    "show": lambda s, a: (
        print_detail(a, party_orgs.get_party_org(s, a.key, reveal=a.full), party_orgs.PARTY_FIELDS) or 0
    ),
    "list": lambda s, a: _print_list(s, a, party_orgs.list_party_orgs(s, **_list_kwargs(s, a))),
}


# -- members ---------------------------------------------------------------------------
def _member_extra(action: str, p: argparse.ArgumentParser) -> None:
    if action in ("show", "list"):
        _full_option(p)
    if action == "list":
        p.add_argument("--include-exited", action="store_true", help="包括已减少（转出、死亡等）的党员")


def _member_list(store: Store, args: argparse.Namespace) -> int:
    page = members.list_members(
        store, reveal=args.full, include_exited=args.include_exited, **_list_kwargs(store, args)
    )
    return _print_list(store, args, page)


MEMBER_HANDLERS: dict[str, Handler] = {
    "add": lambda s, a: _done(a, members.add_member(s, field_values(a)), "新增", "党员"),
    "edit": lambda s, a: _done(a, members.edit_member(s, a.key, field_values(a)), "修改", "党员"),
    "delete": lambda s, a: _deleted(a, members.delete_member(s, a.key), "党员"),
    "show": lambda s, a: (
        print_detail(a, members.get_member(s, a.key, reveal=a.full), members.MEMBER_FIELDS) or 0
    ),
    "list": _member_list,
}


# -- instructors and communities ---------------------------------------------------------
def _instructor_cmd(store: Store, args: argparse.Namespace) -> int:
    if args.action == "add":
        return _done(args, instructors.add_instructor(store, field_values(args)), "新增", "指导员")
    if args.action == "edit":
        return _done(args, instructors.edit_instructor(store, args.key, field_values(args)), "修改", "指导员")
    if args.action == "delete":
        return _deleted(args, instructors.delete_instructor(store, args.key), "指导员")
    if args.action == "assign":
        name = instructors.assign_instructor(store, args.instructor, args.org)
        print_json({"assigned": name}) if args.json else print(f"已指派指导员“{name}”。")
        return 0
    if args.action == "unassign":
        n = instructors.end_assignment(store, args.org)
        print_json({"ended": n}) if args.json else print(f"已结束 {n} 项指派。")
        return 0
    rows = instructors.list_instructors(store, search=args.search)
    if args.json:
        print_json([asdict(r) for r in rows])
    else:
        print_table(
            ["编号", "姓名", "工作单位", "职务", "指导单位数"],
            [list(asdict(r).values()) for r in rows],
        )
        print(f"\n共 {len(rows):,} 名")
    return 0


def _community_cmd(store: Store, args: argparse.Namespace) -> int:
    if args.action == "add":
        row = communities.add_community(store, args.name, args.code)
        print_json(asdict(row)) if args.json else print(f"已新增社区“{row.name}”。")
        return 0
    rows = communities.list_communities(store)
    if args.json:
        print_json([asdict(r) for r in rows])
    else:
        print_table(
            ["编号", "社区", "区划代码", "两新组织"],
            [list(asdict(r).values()) for r in rows],
        )
    return 0


def add_register_commands(sub: Any) -> None:
    _register(
        sub,
        "org",
        "两新组织",
        organizations.ORG_FIELDS,
        ORG_HANDLERS,
        {
            "community": "社区",
            "kind": "组织类型",
            "industry": "行业",
            "coverage": "覆盖状态",
            "status": "经营状态",
            "station": STATION_HELP,
        },
        organizations.SORT_KEYS,
        _org_extra,
    )
    _register(
        sub,
        "party-org",
        "党组织",
        party_orgs.PARTY_FIELDS,
        PARTY_HANDLERS,
        {"level": "党组织类别", "formation": "组建方式", "community": "社区", "station": STATION_HELP},
        (
            "name",
            "level",
            "formation",
            "secretary",
            "members",
            "organizations",
            "term_end",
            "community",
            "station",
        ),
        _party_extra,
    )
    _register(
        sub,
        "member",
        "党员",
        members.MEMBER_FIELDS,
        MEMBER_HANDLERS,
        {
            "party_org": "党组织",
            "employer": "工作单位",
            "relation": "组织关系",
            "category": "党员类别",
            "station": STATION_HELP,
        },
        (
            "name",
            "gender",
            "id_number",
            "party_org",
            "employer",
            "category",
            "relation",
            "joined_on",
            "station",
        ),
        _member_extra,
    )
    p = sub.add_parser("instructor", help="党建工作指导员")
    actions = p.add_subparsers(dest="action", required=True, metavar="操作")
    a = actions.add_parser("add", help="新增指导员")
    add_field_options(a, instructors.INSTRUCTOR_FIELDS)
    a = actions.add_parser("edit", help="修改指导员")
    a.add_argument("key", metavar="编号或姓名")
    add_field_options(a, instructors.INSTRUCTOR_FIELDS)
    a = actions.add_parser("delete", help="删除指导员")
    a.add_argument("key", metavar="编号或姓名")
    a = actions.add_parser("list", help="列出指导员")
    a.add_argument("--search", default="")
    a = actions.add_parser("assign", help="指派指导员到两新组织")
    a.add_argument("instructor", metavar="指导员")
    a.add_argument("org", metavar="两新组织")
    a = actions.add_parser("unassign", help="结束两新组织的指导员指派")
    a.add_argument("org", metavar="两新组织")
    p.set_defaults(handler=_instructor_cmd)
    p = sub.add_parser("community", help="社区")
    actions = p.add_subparsers(dest="action", required=True, metavar="操作")
    a = actions.add_parser("add", help="新增社区")
    a.add_argument("name", metavar="社区名称")
    a.add_argument("--code", help="12位行政区划代码")
    actions.add_parser("list", help="列出社区")
    p.set_defaults(handler=_community_cmd)
