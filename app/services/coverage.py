"""Which organizations a Party organization covers, and the joint-branch limit."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.station_time import station_today
from app.domain.text import clean_text
from app.errors import FieldError
from app.settings import load_settings
from db.models import Organization, PartyOrg

OVERRIDE_MAX = 500  # one reason, not a report: it is shown beside the Party organization


def covered_count(session: Session, party_org_id: str, excluding: list[str | None] | None = None) -> int:
    stmt = select(func.count()).where(
        Organization.party_org_id == party_org_id, Organization.deleted.is_(False)
    )
    ids = [i for i in (excluding or []) if i]
    if ids:
        stmt = stmt.where(Organization.id.not_in(ids))
    return session.scalar(stmt) or 0


def check_capacity(
    session: Session,
    party_org: PartyOrg,
    adding: list[str | None],
    override: str | None,
    *,
    replacing: bool = False,
) -> None:
    """A joint branch "generally" covers at most N organizations (seed 002). More is
    allowed only with a reason, which is recorded on the Party organization."""
    if party_org.formation != "joint":
        return
    limit = load_settings(session)["rule.joint.max_orgs"]
    if replacing:  # the list given becomes the whole coverage
        total = len({a for a in adding if a})
    else:
        total = covered_count(session, party_org.id, adding) + len(set(adding))
    if total <= limit:
        return
    reason = clean_text(override or "", "超出上限的理由", "override", max_length=OVERRIDE_MAX)
    if not reason:
        raise FieldError(
            "party_org",
            f"联合党组织“{party_org.name}”将覆盖 {total} 个单位，超过“覆盖单位数一般不超过 {limit} 个”的规定。"
            "如确需超出，请说明理由（命令行用 --override 理由），理由将被记录。",
        )
    note = f"{station_today().isoformat()} 覆盖 {total} 个单位：{reason}"
    party_org.coverage_override = (
        f"{party_org.coverage_override}\n{note}" if party_org.coverage_override else note
    )
