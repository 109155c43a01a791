"""The 大组建 plan's action lines, each tied to the records it targets (seed 001,
二、工作措施), so that a task made from a finding goes to the unit whose line it is:

- 挂点促建 ("区领导带头挂点未组建党组织的重点、难点非公企业和社会组织"): the hardest uncovered
  large organizations — an enterprise due a Party organization with no Party member found
  yet, or of 300 staff or more → 区领导;
- 驻街保建 ("深入驻街的非公企业调研摸排…指导和帮助做好党员排查、党组织组建"): the other large
  enterprises due members or a Party organization → 区直机关;
- 主管包建 ("按照“谁主管谁负责”的要求,落实业务主管单位抓社会组织党建工作责任"): social
  organizations with a 业务主管单位 → that unit itself;
- 党群共建 ("成立党组织的两新组织要同步成立群团组织"): the mass-organization findings → 群团.

A finding no line claims stays with the sub-district: the community the organization is
in (``task_generation.generate_tasks(…, assign="action")``, 生成任务 → 按行动分工)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.rules.engine import Finding, live_member
from db.models import Member, Organization

HARD_STAFF = 300  # "重点、难点": the largest enterprises are the 区领导's (illustrative line)
LARGE_ENTERPRISE_RULES = ("enterprise_members", "enterprise_party_org", "independent_formation")
SOCIAL_RULES = ("social_org_party_org", "instructor_needed", "few_members_joint", "independent_formation")
MASS_RULES = ("mass_organizations", "mass_organizations_first")


@dataclass(frozen=True)
class ActionLine:
    key: str
    name: str
    kind: str  # the responsible unit's kind (campaigns.ASSIGNEE_KIND)


ACTION_LINES = (
    ActionLine("leader", "挂点促建", "leader"),
    ActionLine("department", "驻街保建", "department"),
    ActionLine("supervisor", "主管包建", "supervisor"),
    ActionLine("mass_org", "党群共建", "mass_org"),
)


@dataclass(frozen=True)
class Target:
    """What routing needs to know of an organization with a finding."""

    kind: str
    employees: int
    supervising_unit: str | None
    leader_link: str | None
    has_member: bool


def route(rule_id: str, org: Target, units: list[tuple[str, str]]) -> tuple[str, str] | None:
    """(kind, responsible unit) of the action line a finding of ``rule_id`` on ``org``
    belongs to, or None. ``units`` are the campaign's (kind, name); a line whose kind the
    campaign has no unit for claims nothing (主管包建 names the organization's own
    业务主管单位, 挂点促建 its recorded 挂点领导 when there is one)."""
    by_kind = {kind: name for kind, name in reversed(units)}  # the first unit of a kind
    if rule_id in MASS_RULES:
        return ("mass_org", by_kind["mass_org"]) if "mass_org" in by_kind else None
    if org.kind == "social_org":
        if rule_id in SOCIAL_RULES and org.supervising_unit and "supervisor" in by_kind:
            return "supervisor", org.supervising_unit
        return None
    if rule_id not in LARGE_ENTERPRISE_RULES:
        return None
    hard = rule_id == "enterprise_party_org" and (not org.has_member or org.employees >= HARD_STAFF)
    if hard and "leader" in by_kind:
        return "leader", org.leader_link or by_kind["leader"]
    if "department" in by_kind:
        return "department", by_kind["department"]
    return None


ACTION_KINDS = frozenset(line.kind for line in ACTION_LINES)
CHUNK = 500  # ids per IN (…): well under every engine's limit on bound values


def has_action_units(units: list[tuple[str, str]]) -> bool:
    """Whether a campaign names a unit for any action line (else none can claim a task)."""
    return any(kind in ACTION_KINDS for kind, _ in units)


def action_assignees(
    session: Session, findings: list[Finding], units: list[tuple[str, str]]
) -> dict[tuple[str, str], tuple[str, str]]:
    """``route`` for many findings at once, by (rule, record): the organizations and
    whether each has a Party member read in a few queries, not two per finding. A
    finding no line claims is absent."""
    org_ids = sorted({f.record_id for f in findings if f.table == "organization"})
    orgs: dict[str, Organization] = {}
    with_member: set[str] = set()
    for start in range(0, len(org_ids), CHUNK):
        chunk = org_ids[start : start + CHUNK]
        orgs.update(
            (o.id, o) for o in session.scalars(select(Organization).where(Organization.id.in_(chunk)))
        )
        with_member.update(
            session.scalars(
                select(Member.employer_id).where(Member.employer_id.in_(chunk), live_member()).distinct()
            )
        )
    routed: dict[tuple[str, str], tuple[str, str]] = {}
    for f in findings:
        org = orgs.get(f.record_id) if f.table == "organization" else None
        if org is None:
            continue
        target = Target(
            org.kind, org.employees or 0, org.supervising_unit, org.leader_link, org.id in with_member
        )
        found = route(f.rule_id, target, units)
        if found is not None:
            routed[(f.rule_id, f.record_id)] = found
    return routed


def action_assignee(
    session: Session, finding: Finding, units: list[tuple[str, str]]
) -> tuple[str, str] | None:
    """``route`` for one finding, the organization read from the database."""
    return action_assignees(session, [finding], units).get((finding.rule_id, finding.record_id))
