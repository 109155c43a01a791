"""How the audit trail shows a journal entry's fields: the editor's Chinese label for
each column, coded values as their labels, yes/no as 是/否, links by name, and
personal data masked exactly as the registers mask it (an audit view must not show
what the register hides: ID numbers, phones, and the birth date the ID number holds)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.codes import Codes
from app.domain.fields import Field
from app.domain.masking import mask_id_number, mask_phone
from app.services.campaigns import CAMPAIGN_FIELDS
from app.services.instructors import INSTRUCTOR_FIELDS
from app.services.members import MEMBER_FIELDS
from app.services.organizations import ORG_FIELDS, subtype_codes
from app.services.party_orgs import PARTY_FIELDS
from app.sync.rows import tables_by_name

SPECS: dict[str, dict[str, Field]] = {
    "organization": ORG_FIELDS,
    "party_org": PARTY_FIELDS,
    "member": MEMBER_FIELDS,
    "instructor": INSTRUCTOR_FIELDS,
    "campaign": CAMPAIGN_FIELDS,
}
# Columns the editors do not show (or show under another table's spec).
EXTRA_LABELS = {
    "name": "名称",
    "birth_date": "出生日期",
    "code": "代码",
    "coverage_override": "覆盖状态认定",
    "visited_on": "走访日期",
    "visitor": "走访人",
    "findings": "发现问题",
    "follow_up": "整改跟进",
    "reason": "原因",
    "next_due": "下次走访",
    "kind": "类型",
    "held_on": "开展日期",
    "topic": "主题",
    "attendance": "实到人数",
    "expected": "应到人数",
    "place": "地点",
    "host": "主持人",
    "items": "主题党日内容",
    "extra_items": "其他内容",
    "present": "出席",
    "mobile_out": "流出党员",
    "file_name": "文件名",
    "size": "大小（字节）",
    "year": "年度",
    "grade": "等次",
    "notes": "备注",
    "note": "说明",
    "goal": "工作目标",
    "starts_on": "开始日期",
    "ends_on": "结束日期",
    "template": "模板",
    "units": "范围",
    "ordinal": "序号",
    "title": "标题",
    "rule_id": "规则",
    "assignee_kind": "责任类型",
    "assignee": "责任人",
    "station_code": "承办站点",
    "due_on": "截止日期",
    "status": "状态",
    "override_reason": "特殊情况说明",
    "changed_on": "变更日期",
    "version": "版本",
    "subject_kind": "考评对象类型",
    "total": "总分",
    "comments": "评语",
    "evaluator": "评议人",
    "evaluated_on": "评议日期",
    "state": "状态",
    "reopen_reason": "重新打开原因",
    "value": "值",
    "key": "设置项",
    "phone": "联系电话",
    "unit": "工作单位",
    "position": "职务",
}
# Links, and the table whose row they name.
REFS = {
    "party_org_id": "party_org",
    "parent_id": "party_org",
    "employer_id": "organization",
    "organization_id": "organization",
    "community_id": "community",
    "member_id": "member",
    "instructor_id": "instructor",
    "campaign_id": "campaign",
    "phase_id": "phase",
    "task_id": "task",
    "activity_id": "activity",
    "template_id": "appraisal_template",
    "subject_id": "",  # a Party organization or an organization: looked up in both
}
REF_LABELS = {
    "employer_id": "工作单位",
    "organization_id": "两新组织",
    "member_id": "党员",
    "instructor_id": "党建指导员",
    "campaign_id": "专项行动",
    "phase_id": "行动阶段",
    "task_id": "任务",
    "activity_id": "组织生活",
    "template_id": "考评模板",
    "subject_id": "考评对象",
}
# Kept by the program, not typed by anyone: not a change a clerk made.
HIDDEN = frozenset({"name_pinyin", "name_initials", "deleted", "joint_key", "sha256", "scores", "body"})
ID_NUMBERS = frozenset({"id_number"})
PHONES = frozenset({"phone", "contact_phone", "secretary_phone"})
# The column that names a row of each table, for "记录" and for links.
NAME_COLUMNS = {"task": "title", "activity": "topic", "setting": "key"}
NAMED = ("organization", "party_org", "member", "community", "instructor", "campaign", "phase")


def _spec(table: str, column: str) -> Field | None:
    specs = SPECS.get(table, {})
    return specs.get(column[:-3] if column.endswith("_id") else column) or specs.get(column)


def field_label(table: str, column: str) -> str:
    spec = _spec(table, column)
    if spec is not None:
        return spec.label
    return REF_LABELS.get(column) or EXTRA_LABELS.get(column) or column


def shown_fields(table: str, changes: dict[str, list[Any]]) -> list[str]:
    """The changed columns a clerk is shown, in the editor's order where it has one."""
    order = {name: i for i, name in enumerate(SPECS.get(table, {}))}

    def rank(column: str) -> int:
        return order.get(column[:-3] if column.endswith("_id") else column, len(order))

    return sorted((c for c in changes if c not in HIDDEN), key=rank)


def ref_ids(table: str, changes: dict[str, list[Any]]) -> Iterable[str]:
    for column, pair in changes.items():
        if column in REFS:
            yield from (v for v in pair if isinstance(v, str) and v)


def display(table: str, column: str, value: Any, names: dict[str, str]) -> str:
    """One value as the register would show it, masked where the register masks it."""
    if value is None or value == "":
        return "（空）"
    if column in ID_NUMBERS:
        return mask_id_number(str(value))
    if column in PHONES:
        return mask_phone(str(value))
    if column == "birth_date":  # its digits are the masked part of the ID number
        return f"{str(value)[:4]}年"
    if column in REFS:
        return names.get(str(value), "（已不存在的记录）")
    if isinstance(value, bool):
        return "是" if value else "否"
    spec = _spec(table, column)
    if column == "subtype":
        for kind in ("enterprise", "social_org"):
            label = subtype_codes(kind).labels.get(str(value))
            if label:
                return label
    codes: Codes | None = spec.codes if spec is not None else None
    if codes is not None:
        return codes.label(str(value))
    labelled = _coded(table, column)
    if labelled is not None:
        return labelled(str(value))
    if (spec is not None and spec.kind == "date") or column.endswith("_on"):
        try:
            day = date.fromisoformat(str(value)[:10])
            return f"{day.year}年{day.month}月{day.day}日"
        except ValueError:
            return str(value)
    return str(value)


@cache
def _coded(table: str, column: str) -> Callable[[str], str] | None:
    """Labels of the coded columns no editor spec covers (board, 组织生活, 走访, 评议);
    imported here, as the services they belong to import this module's neighbours."""
    from app.domain.codes import ACTIVITY_KIND
    from app.domain.life_codes import REVIEW_GRADE, VISIT_REASON
    from app.rules.catalog import RULES_BY_ID
    from app.services.campaigns import ASSIGNEE_KIND, TEMPLATES
    from app.services.task_board import STATUS

    def rule(code: str) -> str:
        found = RULES_BY_ID.get(code)
        return found.title if found else code

    def template(code: str) -> str:
        found = TEMPLATES.get(code)
        return found.name if found else code

    coded: dict[tuple[str, str], Callable[[str], str]] = {
        ("task", "status"): STATUS.label,
        ("task_progress", "status"): STATUS.label,
        ("task", "assignee_kind"): ASSIGNEE_KIND.label,
        ("task", "rule_id"): rule,
        ("campaign", "template"): template,
        ("activity", "kind"): ACTIVITY_KIND.label,
        ("visit", "reason"): VISIT_REASON.label,
        ("member_review", "grade"): REVIEW_GRADE.label,
    }
    return coded.get((table, column))


# Rows without a name of their own are named by the row they belong to.
PARENTS = {
    "task_progress": ("task_id", "task"),
    "activity_attendance": ("member_id", "member"),
    "member_review": ("member_id", "member"),
    "activity_attachment": ("activity_id", "activity"),
    "instructor_assignment": ("instructor_id", "instructor"),
    "appraisal": ("subject_id", ""),
}


def record_names(session: Session, targets: dict[str, set[str]], refs: dict[str, set[str]]) -> dict[str, str]:
    """Names of the records the entries are about (``targets``: ids by table) and of
    the rows their fields link to (``refs``): one query per table."""
    tables = tables_by_name()
    parent_of: dict[str, str] = {}
    wanted = {name: set(ids) for name, ids in refs.items()}
    for name, ids in targets.items():
        if name not in PARENTS:
            wanted.setdefault(name, set()).update(ids)
            continue
        column, parent = PARENTS[name]
        table = tables.get(name)
        if table is None:
            continue
        listed = [i for i in ids if i]
        for start in range(0, len(listed), 500):
            rows = session.execute(
                select(table.c.id, table.c[column]).where(table.c.id.in_(listed[start : start + 500]))
            )
            for row_id, parent_id in rows:
                if parent_id:
                    parent_of[row_id] = parent_id
                    wanted.setdefault(parent, set()).add(parent_id)
    names = names_of(session, wanted)
    names.update({row_id: names.get(parent_id, "") for row_id, parent_id in parent_of.items()})
    return names


def names_of(session: Session, ids_by_table: dict[str, set[str]]) -> dict[str, str]:
    """The names of the given rows (deleted ones too: a history names what was there),
    one query per table."""
    found: dict[str, str] = {}
    tables = tables_by_name()
    for table_name, ids in ids_by_table.items():
        ids.discard("")
        if not ids:
            continue
        wanted = ("party_org", "organization") if table_name == "" else (table_name,)
        for name in wanted:
            table = tables.get(name)
            column = NAME_COLUMNS.get(name, "name")
            if table is None or column not in table.c:
                continue
            listed = list(ids)
            for start in range(0, len(listed), 500):
                chunk = listed[start : start + 500]
                found.update(
                    (i, n or "")
                    for i, n in session.execute(
                        select(table.c.id, table.c[column]).where(table.c.id.in_(chunk))
                    )
                )
    return found
