"""Coverage rates and register counts, computed once here for the page, the PDF,
the spreadsheet and the CLI alike. All SQL aggregates."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.domain.codes import PARTY_LEVEL
from app.rules.catalog import RULES
from app.rules.engine import Finding, count_findings, run_checks
from app.services.organizations import has_instructor
from app.settings import load_settings, scope_description
from app.store import Store
from db.models import Member, Organization, PartyOrg

DEFINITIONS = {
    "organization_coverage": "党的组织覆盖率 = 已被党组织覆盖的两新组织数 ÷ 统计范围内的两新组织数",
    "work_coverage": "党的工作覆盖率 = 已被党组织覆盖或已派党建工作指导员的两新组织数 ÷ 统计范围内的两新组织数",
    "independent_rate": "单独组建率 = 单独建立党组织的两新组织数 ÷ 已被党组织覆盖的两新组织数",
}


@dataclass(frozen=True)
class Rate:
    numerator: int
    denominator: int
    definition: str

    @property
    def percent(self) -> float | None:
        return round(100 * self.numerator / self.denominator, 1) if self.denominator else None

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "percent": self.percent}


def percent_text(rate: Rate) -> str:
    return "—" if rate.percent is None else f"{rate.percent:.1f}%"


def scope_filter(settings: dict[str, Any]) -> Any:
    clauses = [Organization.deleted.is_(False), Organization.status == "active"]
    scope = settings["coverage.scope"]
    if scope == "active_enterprise":
        clauses.append(Organization.kind == "enterprise")
    elif scope == "active_social_org":
        clauses.append(Organization.kind == "social_org")
    if settings["coverage.scope_min_employees"]:
        clauses.append(Organization.employees >= settings["coverage.scope_min_employees"])
    return and_(*clauses)


def coverage_rates(session: Session, settings: dict[str, Any]) -> dict[str, Rate]:
    party = aliased(PartyOrg)
    covered = party.id.is_not(None)
    row = session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((covered, 1), else_=0)), 0),
            func.coalesce(func.sum(case((or_(covered, has_instructor(Organization.id)), 1), else_=0)), 0),
            func.coalesce(func.sum(case((party.formation == "independent", 1), else_=0)), 0),
        )
        .select_from(Organization)
        .outerjoin(party, and_(party.id == Organization.party_org_id, party.deleted.is_(False)))
        .where(scope_filter(settings))
    ).one()
    in_scope, n_covered, n_work, n_independent = (int(v) for v in row)
    return {
        "organization_coverage": Rate(n_covered, in_scope, DEFINITIONS["organization_coverage"]),
        "work_coverage": Rate(n_work, in_scope, DEFINITIONS["work_coverage"]),
        "independent_rate": Rate(n_independent, n_covered, DEFINITIONS["independent_rate"]),
    }


def _counts(session: Session) -> dict[str, Any]:
    orgs = session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((Organization.kind == "enterprise", 1), else_=0)), 0),
            func.coalesce(func.sum(case((Organization.kind == "social_org", 1), else_=0)), 0),
            func.coalesce(func.sum(case((Organization.status == "active", 1), else_=0)), 0),
        ).where(Organization.deleted.is_(False))
    ).one()
    live = and_(Member.deleted.is_(False), Member.exit_kind.is_(None))
    members = session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((Member.category == "probationary", 1), else_=0)), 0),
            func.coalesce(func.sum(case((Member.relation == "pocket", 1), else_=0)), 0),
            func.coalesce(func.sum(case((Member.relation == "mobile_out", 1), else_=0)), 0),
            func.coalesce(func.sum(case((Member.relation == "mobile_in", 1), else_=0)), 0),
        ).where(live)
    ).one()
    levels = dict(
        session.execute(
            select(PartyOrg.level, func.count()).where(PartyOrg.deleted.is_(False)).group_by(PartyOrg.level)
        ).all()
    )
    return {
        "organizations": {
            "total": int(orgs[0]),
            "enterprises": int(orgs[1]),
            "social_orgs": int(orgs[2]),
            "active": int(orgs[3]),
        },
        "members": {
            "total": int(members[0]),
            "probationary": int(members[1]),
            "pocket": int(members[2]),
            "mobile_out": int(members[3]),
            "mobile_in": int(members[4]),
            "mobile": int(members[3]) + int(members[4]),
        },
        "party_orgs": {
            "total": sum(levels.values()),
            "by_level": {PARTY_LEVEL.label(k): levels.get(k, 0) for k in PARTY_LEVEL.labels},
        },
    }


def station_stats(store: Store, today: date | None = None) -> dict[str, Any]:
    """Everything the dashboard shows: counts, the three rates with their scope, findings per rule."""
    today = today or date.today()
    with store.read() as session:
        settings = load_settings(session)
        rates = coverage_rates(session, settings)
        counts = _counts(session)
        by_rule = count_findings(session, settings, today)
    return {
        "station": {"code": store.station.code, "name": store.station.name, "role": store.station.role},
        "date": today.isoformat(),
        "scope": scope_description(settings),
        **counts,
        "coverage": {
            "in_scope": rates["organization_coverage"].denominator,
            "covered": rates["organization_coverage"].numerator,
            "work_covered": rates["work_coverage"].numerator,
            "independent": rates["independent_rate"].numerator,
        },
        "rates": {key: rate.as_dict() for key, rate in rates.items()},
        "findings": {
            "total": sum(by_rule.values()),
            "by_rule": {rule.id: by_rule[rule.id] for rule in RULES},
        },
    }


def check(store: Store, today: date | None = None, rule_ids: list[str] | None = None) -> list[Finding]:
    with store.read() as session:
        return run_checks(session, load_settings(session), today or date.today(), rule_ids)


def register_counts(store: Store) -> dict[str, Any]:
    """The cheap counts a status bar shows (no rule checks)."""
    with store.read() as session:
        return _counts(session)
