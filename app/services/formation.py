"""How each covered organization is covered (组建方式), kept consistent with the Party
organization that covers it.

Seed 002 names the three ways: "采取“单独组建、企业联建、挂靠组建”等方式". A Party
organization's own formation bounds its organizations': an independent one (单独组建)
covers exactly one organization as its own, and others' members may attach to it
("挂靠建即组织党员挂靠所在村（社区）、其他非公有制经济组织或社会组织…党组织开展活动");
a joint one covers its organizations jointly (or as attached); a host that others
attach to covers them as attached."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.codes import FORMATION
from app.errors import FieldError
from db.models import Organization, PartyOrg

# The party organization's formation -> how the organizations it covers may be covered.
ALLOWED = {
    "independent": ("independent", "attached"),
    "joint": ("joint", "attached"),
    "attached": ("attached",),
}


def default_for(party: PartyOrg) -> str:
    return party.formation if party.formation in ALLOWED else "independent"


def choose(party: PartyOrg, wanted: str | None, current: str | None) -> str:
    """The formation an organization covered by ``party`` gets: the one asked for, else
    the one it had (while still allowed), else the Party organization's own."""
    allowed = ALLOWED.get(party.formation, ALLOWED["independent"])
    if wanted is not None:
        if wanted not in allowed:
            names = "、".join(FORMATION.label(f) for f in allowed)
            raise FieldError(
                "formation",
                f"党组织“{party.name}”是{FORMATION.label(party.formation)}的，它覆盖的单位只能是{names}；"
                f"请改选组建方式，或先修改该党组织的组建方式。",
            )
        return wanted
    if current in allowed:
        return current
    return default_for(party)


def check_one_own(session: Session, party: PartyOrg) -> None:
    """A 单独组建 Party organization covers exactly one organization as its own."""
    own = list(
        session.scalars(
            select(Organization.name)
            .where(
                Organization.party_org_id == party.id,
                Organization.deleted.is_(False),
                Organization.formation == "independent",
            )
            .order_by(Organization.name_pinyin)
            .limit(3)
        )
    )
    if len(own) > 1:
        raise FieldError(
            "formation",
            f"党组织“{party.name}”将单独覆盖“{own[0]}”“{own[1]}”等多个单位；单独组建的党组织只覆盖一个单位。"
            "请把它的组建方式改为“联合组建”，或把其他单位的组建方式改为“挂靠组建”。",
        )


def settle(session: Session, party: PartyOrg) -> None:
    """After a Party organization's formation or coverage changed: each organization it
    covers keeps an allowed formation, and an independent one covers one as its own."""
    session.flush()
    for org in session.scalars(
        select(Organization).where(Organization.party_org_id == party.id, Organization.deleted.is_(False))
    ):
        org.formation = choose(party, None, org.formation)
    session.flush()
    check_one_own(session, party)
