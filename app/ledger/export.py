"""Any register out to a workbook, filtered and sorted as on screen, and a blank
template per register.

The columns are the register's fields, labelled as the editor labels them, with
coded values as their Chinese labels, yes/no as 是/否 and links by name: exactly
what an import reads back, so exporting and importing again changes nothing. ID
numbers and phone numbers are masked unless the person asked for full data.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.accounts.roles import REVEAL, require
from app.domain.fields import Field
from app.domain.masking import mask_id_number, mask_phone
from app.jobs import Job, Progress, atomic_output, run_job
from app.ledger.kinds import MEMBERS, ORGANIZATIONS, PARTY_ORGS, LedgerKind, ledger_kind
from app.ledger.workbook import Book
from app.services import members, organizations, party_orgs
from app.services.access_log import note_full_export
from app.services.organizations import subtype_codes
from app.store import Store
from db.models import Community, Member, Organization, PartyOrg

CHUNK = 900
SCAN_FROM = 5_000  # ids: from this many on, the rows are read in one pass
PHONES = ("phone", "contact_phone", "secretary_phone")
MODELS = {ORGANIZATIONS: Organization, MEMBERS: Member, PARTY_ORGS: PartyOrg}
IDS: dict[str, Callable[..., list[str]]] = {
    ORGANIZATIONS: organizations.organization_ids,
    MEMBERS: members.member_ids,
    PARTY_ORGS: party_orgs.party_org_ids,
}
REF_COLUMNS = {
    "community": "community_id",
    "party_org": "party_org_id",
    "parent": "parent_id",
    "employer": "employer_id",
}


def columns_of(kind: LedgerKind) -> list[str]:
    """The fields written, in the editor's order (and a Party organization's covered units)."""
    names = list(kind.specs)
    if kind.key == PARTY_ORGS:
        names.append("covers")
    return names


def export_job(
    store: Store,
    kind_key: str,
    out: str | Path,
    *,
    search: str = "",
    sort: str = "name",
    descending: bool = False,
    full: bool = False,
    **filters: Any,
) -> Job[Path]:
    """The register's rows that the page shows with this search, filter and sort."""
    if full:
        require(store, REVEAL)  # 查看 accounts export masked data only
    kind = ledger_kind(kind_key)
    yield Progress("正在查询", 0, 1)
    ids = IDS[kind.key](store, search=search, sort=sort, descending=descending, **filters)
    names = columns_of(kind)
    model = MODELS[kind.key]
    target = Path(out).expanduser()
    if full:
        note_full_export(store, model.__tablename__, len(ids), target.name)
    with atomic_output(target, ".xlsx") as temp:
        book = Book(temp)
        sheet = None
        table = model.__table__
        with store.read() as session:
            getters = _getters(kind, names, list(table.c.keys()), _lookups(session, kind.key), full)
            everything: dict[str, Any] | None = None
            if len(ids) > SCAN_FROM:  # most of the register: one pass in table order beats a probe per id
                everything = {r[0]: r for r in session.execute(select(table.c.id, *table.c))}
            for start in range(0, max(len(ids), 1), CHUNK):
                chunk = ids[start : start + CHUNK]
                found = everything or {
                    r[0]: r
                    for r in session.execute(select(table.c.id, *table.c).where(table.c.id.in_(chunk)))
                }
                rows = [[get(found[i]) for get in getters] for i in chunk if i in found]
                if sheet is None:
                    text = tuple(c for c, n in enumerate(names) if n in ("uscc", "id_number", *PHONES))
                    sheet = book.sheet(
                        kind.title, [kind.targets[n].label for n in names], rows, text_columns=text
                    )
                for row in rows:
                    sheet.write(row)
                yield Progress("正在写入", min(start + CHUNK, len(ids)), len(ids))
        book.close()
    return target


def export_register(store: Store, kind_key: str, out: str | Path, **options: Any) -> Path:
    return run_job(export_job(store, kind_key, out, **options))


def _lookups(session: Any, kind: str) -> dict[str, dict[str, str]]:
    found = {
        "community_id": dict(session.execute(select(Community.id, Community.name)).all()),
        "party_org_id": dict(session.execute(select(PartyOrg.id, PartyOrg.name)).all()),
    }
    found["parent_id"] = found["party_org_id"]
    if kind in (MEMBERS, PARTY_ORGS):
        found["employer_id"] = dict(
            session.execute(
                select(Organization.id, Organization.name).where(Organization.deleted.is_(False))
            ).all()
        )
    if kind == PARTY_ORGS:
        covers: dict[str, list[str]] = {}
        for name, party in session.execute(
            select(Organization.name, Organization.party_org_id)
            .where(Organization.deleted.is_(False), Organization.party_org_id.is_not(None))
            .order_by(Organization.name_pinyin)
        ):
            covers.setdefault(party, []).append(name)
        found["covers"] = {k: "、".join(v) for k, v in covers.items()}
    return found


def _getters(
    kind: LedgerKind, names: list[str], columns: list[str], lookups: dict[str, dict[str, str]], full: bool
) -> list[Callable[[Any], Any]]:
    """For each column written, how to get its value from a row (the row's first item is
    its id, then the table's columns in order): made once, used for every row."""
    at = {c: i + 1 for i, c in enumerate(columns)}
    getters: list[Callable[[Any], Any]] = []
    for name in names:
        if name == "covers":
            covers = lookups["covers"]
            getters.append(lambda r, covers=covers: covers.get(r[0], ""))
            continue
        spec = kind.specs[name]
        if spec.kind == "ref":
            column = REF_COLUMNS[name]
            i, names_of = at[column], lookups[column]
            getters.append(lambda r, i=i, names_of=names_of: names_of.get(r[i] or "", ""))
        elif name == "subtype":
            i, k = at["subtype"], at["kind"]
            getters.append(lambda r, i=i, k=k: subtype_codes(r[k]).label(r[i]))
        elif spec.kind == "code" and spec.codes is not None:
            labels, i = spec.codes.labels, at[name]
            getters.append(lambda r, i=i, labels=labels: labels.get(r[i], r[i] or "") if r[i] else "")
        elif name == "id_number" and not full:
            i = at[name]
            getters.append(lambda r, i=i: mask_id_number(r[i]))
        elif name in PHONES and not full:
            i = at[name]
            getters.append(lambda r, i=i: mask_phone(r[i]))
        else:
            i = at[name]
            getters.append(lambda r, i=i: r[i])
    return getters


# --- the blank template --------------------------------------------------------------

EXAMPLES = {
    "name": {
        ORGANIZATIONS: "深圳市某某科技有限公司",
        MEMBERS: "张伟",
        PARTY_ORGS: "深圳市某某科技有限公司党支部",
    },
    "uscc": "91440300MA5D0XXXXX（18位）",
    "id_number": "440307198503150012（18位，列设为文本）",
    "employees": "120 或 120人",
    "community": "南岭社区",
    "party_org": "某某联合党支部",
    "parent": "南湾街道非公有制经济组织综合党委",
    "employer": "深圳市某某科技有限公司",
    "covers": "甲公司、乙公司",
    "secretary": "李明",
    "phone": "13800138000",
    "contact_phone": "0755-28881234",
    "secretary_phone": "13800138000",
}


def _rule(kind: LedgerKind, name: str) -> tuple[str, str]:
    """(what to write, an example) for one column."""
    target = kind.targets[name]
    spec: Field | None = target.spec
    example = EXAMPLES.get(name, "")
    if isinstance(example, dict):
        example = example[kind.key]
    if spec is None:
        return target.note, example
    if spec.kind == "int":
        return f"整数，{spec.minimum:,} 至 {spec.maximum or 0:,}；可写“120人”，全角数字也可以", example or "0"
    if spec.kind == "bool":
        return "是 / 否（也可写 √ / ×、有 / 无、已建 / 未建）", "是"
    if spec.kind == "date":
        return (
            "存在的日期，如 2019-03-01、2019/3/1、2019年3月1日；只写到月份（2019.3）按当月1日登记",
            "2019-03-01",
        )
    if spec.kind == "code" and spec.codes is not None:
        labels = list(spec.codes.labels.values())
        return "以下之一：" + "、".join(labels), labels[0]
    if name == "subtype":
        return "企业：有限责任公司、股份有限公司等；社会组织：民办学校、行业协会/商会等", "有限责任公司"
    if spec.kind == "uscc":
        return "18位统一社会信用代码（小写字母、空格都可以）", example
    if spec.kind == "id_number":
        return "18位（或旧式15位）公民身份号码；请把该列设为文本，否则 Excel 会把末几位变成0", example
    if spec.kind == "ref":
        what = {
            "community": "已登记的社区名称（未登记的，导入时可同意新建）",
            "party_org": "已登记的党组织名称",
            "parent": "已登记（或同一表中）的党组织名称",
            "employer": "已登记的两新组织名称或统一社会信用代码",
        }
        return what.get(name, "已登记的名称"), example
    return f"文字，最多 {spec.max_length:,} 个字", example


def write_template(kind_key: str, out: str | Path) -> Path:
    """A blank ledger with the register's columns (required ones marked *) and a sheet of
    rules and examples."""
    kind = ledger_kind(kind_key)
    names = columns_of(kind)
    required = set(kind.required)
    headers = [("*" if n in required else "") + kind.targets[n].label for n in names]
    target = Path(out).expanduser()
    with atomic_output(target, ".xlsx") as temp:
        book = Book(temp)
        text = tuple(c for c, n in enumerate(names) if n in ("uscc", "id_number", *PHONES))
        book.sheet(kind.title, headers, [], text_columns=text)
        rules = [[kind.targets[n].label, "是" if n in required else "", *_rule(kind, n)] for n in names]
        rules += [
            [],
            ["说明", "", "带 * 的列必须填写；其余可留空，留空不会清除已登记的内容。", ""],
            ["", "", "第一行为列名，可在上方加标题行；合计、小计行和填表人行会自动跳过。", ""],
            [
                "",
                "",
                "也可导入 .xls、.ods 或 .csv（UTF-8 或 GBK）文件；WPS 的 .et 文件请先另存为 .xlsx。",
                "",
            ],
        ]
        sheet = book.sheet("填写说明", ["列名", "必填", "填写要求", "示例"], rules)
        for row in rules:
            sheet.write(row)
        book.close()
    return target
