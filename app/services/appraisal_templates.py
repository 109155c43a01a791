"""考核模板 as stored: the three that ship in ``resources/templates`` (every version the
program has shipped, under fixed ids), and the ones a station imports from a file, which
then travel with the database. What a template is and how it grades:
``app.services.template_model``."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.changes import TEMPLATE, Changes
from app.errors import FieldError
from app.paths import resource
from app.services.template_model import Template, TemplateError, parse_template
from app.store import Store
from db.journal import utcnow
from db.models import AppraisalTemplate, Station
from db.models.appraisal import BUILTIN_OWNER, builtin_template_id

BUILTIN = ("review", "star_rating", "health_check")
# The version a shipped file is when it says none. A changed shipped file raises its own
# "version", and so becomes a new row beside the old one (appraisals scored with the old
# one keep it), seeded into every database at its next upgrade or write. The versions
# shipped before stay beside it as ``<code>.v<n>.json``, byte for byte, and are seeded
# too: a district made after version 2 shipped must still hold the version 1 that a
# sub-district's finalised appraisals point at.
BUILTIN_VERSION = 1
TEMPLATES_CHANGED = Changes.of(TEMPLATE)


def builtin_text(code: str) -> str:
    """The shipped file of a template in its current version."""
    return resource("templates", f"{code}.json").read_text(encoding="utf-8")


@functools.cache
def builtin_version(code: str) -> int:
    """The version of the shipped file: its "version" (a positive whole number), else 1."""
    version = json.loads(builtin_text(code)).get("version", BUILTIN_VERSION)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise TemplateError(f"内置模板 {code} 的“version”应为正整数。")
    return version


def builtin_texts(code: str) -> dict[int, str]:
    """Every shipped version of a template, by version: the current file and the earlier
    ones kept beside it."""
    current = builtin_version(code)
    texts = {}
    for version in range(1, current):
        path = resource("templates", f"{code}.v{version}.json")
        if path.is_file():
            texts[version] = path.read_text(encoding="utf-8")
    texts[current] = builtin_text(code)
    return texts


@functools.cache
def builtin_template(code: str) -> Template:
    """A shipped template as the resources have it (before it is in any database)."""
    return parse_template(builtin_text(code), f"内置模板 {code}：")


def _self_code(session: Session) -> str | None:
    station = session.info.get("station")
    if station is None:  # a read session is not told; the database knows
        station = session.scalar(select(Station.code).where(Station.is_self.is_(True)))
    return station


def stored_templates(session: Session) -> dict[str, AppraisalTemplate]:
    """The latest live version of each template in the database, by code (a read).

    Versions come from several owners (the program, the district, this station): the
    highest version wins, and at the same version this station's own."""
    station = _self_code(session)
    latest: dict[str, AppraisalTemplate] = {}

    def rank(row: AppraisalTemplate) -> tuple[int, bool, str]:
        return (row.version, row.owner == station, row.owner)

    for row in session.scalars(select(AppraisalTemplate).where(AppraisalTemplate.deleted.is_(False))):
        if row.code not in latest or rank(row) > rank(latest[row.code]):
            latest[row.code] = row
    return latest


def seed_builtin_templates(session: Session) -> int:
    """Add the shipped templates a database lacks (run in the write transaction that
    makes or upgrades the database, and by any write that needs them). Idempotent:
    returns how many were added, 0 the second time.

    They come with the program, like the schema, and are the same in every database —
    the same id (from code and version), the program as owner — so they are written
    beside the journal (rev 0), not as a change the station made, and no station can
    change them."""
    wanted = {
        builtin_template_id(code, version): (code, version, text)
        for code in BUILTIN
        for version, text in builtin_texts(code).items()
    }
    present = set(session.scalars(select(AppraisalTemplate.id).where(AppraisalTemplate.id.in_(wanted))))
    missing = [(row_id, *wanted[row_id]) for row_id in wanted if row_id not in present]
    if not missing:
        return 0
    now = utcnow()
    session.execute(
        insert(AppraisalTemplate),
        [
            {
                "id": row_id,
                "owner": BUILTIN_OWNER,
                "rev": 0,
                "created_at": now,
                "updated_at": now,
                "updated_by": BUILTIN_OWNER,
                "deleted": False,
                "code": code,
                "name": parse_template(text, f"内置模板 {code}：").name,
                "version": version,
                "body": text,
            }
            for row_id, code, version, text in missing
        ],
    )
    return len(missing)


def ensure_templates(session: Session) -> dict[str, AppraisalTemplate]:
    """The latest version of each template, the shipped ones added if missing (writes only)."""
    seed_builtin_templates(session)
    return stored_templates(session)


def template_of(row: AppraisalTemplate) -> Template:
    return parse_template(row.body, f"模板“{row.name}”")


def available_templates(session: Session) -> dict[str, tuple[AppraisalTemplate | None, Template]]:
    """Every template a person can choose, by code, in its latest version, without
    writing: the stored ones, and the shipped ones not stored yet (row ``None``:
    nothing has been appraised with them in this database)."""
    rows = stored_templates(session)
    # A shipped version newer than any stored (the program was updated, nothing has
    # written since) is what the next write will store: show it already.
    newer = {code for code in BUILTIN if code not in rows or rows[code].version < builtin_version(code)}
    found: dict[str, tuple[AppraisalTemplate | None, Template]] = {
        code: (row, template_of(row)) for code, row in rows.items() if code not in newer
    }
    found.update({code: (None, builtin_template(code)) for code in newer})
    order = {code: i for i, code in enumerate(BUILTIN)}
    return dict(sorted(found.items(), key=lambda item: (order.get(item[0], len(order)), item[0])))


def list_templates(store: Store) -> list[dict[str, Any]]:
    """The templates to choose from (a read: shipped ones not yet stored are listed too)."""
    with store.read() as session:
        return [
            {
                "code": code,
                "name": row.name if row else template.name,
                "version": row.version if row else builtin_version(code),
                "kind": template.kind,
            }
            for code, (row, template) in available_templates(session).items()
        ]


def import_template(store: Store, path: str | Path) -> dict[str, Any]:
    """The user action 导入模板: a checked template file. A code not seen before becomes
    version 1; a changed template the next version, a row of its own (appraisals keep
    the version they were scored with); the same content as the latest version changes
    nothing (``changed`` false)."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except OSError:
        raise FieldError(
            "file", f"读不了文件“{file}”：请确认文件存在、没有被其他程序占用，并且有权限读取。"
        ) from None
    except UnicodeDecodeError:
        raise FieldError(
            "file", f"文件“{file.name}”不是 UTF-8 编码的文本，请另存为 UTF-8 后再导入。"
        ) from None
    template = parse_template(text, f"“{file.name}”")
    with store.write() as session:
        latest = ensure_templates(session).get(template.code)
        # Compared as read, not as written: spacing, key order or 10 for 10.0 is no new version.
        if latest is not None and template_of(latest) == template:
            return _imported(template, latest.version, changed=False)
        row = AppraisalTemplate(
            code=template.code,
            name=template.name,
            version=latest.version + 1 if latest is not None else 1,
            body=text,
        )
        session.add(row)
        session.flush()
        return _imported(template, row.version, changed=True)


def _imported(template: Template, version: int, *, changed: bool) -> dict[str, Any]:
    return {
        "code": template.code,
        "name": template.name,
        "version": version,
        "criteria": len(template.criteria),
        "changed": changed,
    }
