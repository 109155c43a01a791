"""What a plan looks names up in, loaded once per plan: communities, Party
organizations and organizations by name (and credit code), so that a row's links cost
a dictionary look-up rather than a query."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from app.domain.text import normalise_code
from app.ledger.plan import RowPlan, note
from db.base import BOOKKEEPING_COLUMNS, Synced
from db.journal import new_id
from db.models import Community, Organization, PartyOrg


@dataclass
class PartyRef:
    id: str
    name: str
    level: str
    formation: str
    secretary: str | None
    parent_id: str | None


@dataclass
class Registry:
    station: str
    create_communities: bool
    communities: dict[str, str]
    party_orgs: dict[str, list[PartyRef]]
    party_orgs_by_id: dict[str, PartyRef]
    org_names: dict[str, list[str]] = field(default_factory=dict)
    org_usccs: dict[str, str] = field(default_factory=dict)
    # Communities to be created with the import: name -> (new id, rows naming it)
    new_communities: dict[str, tuple[str, list[int]]] = field(default_factory=dict)

    def community(self, row: RowPlan, names: list[str], name: str) -> str | None:
        found = self.communities.get(name)
        if found is not None:
            return found
        if name not in self.new_communities:
            self.new_communities[name] = (new_id(), [])
        self.new_communities[name][1].append(row.row)
        if not self.create_communities:
            note(row, names, "community", f"社区“{name}”尚未登记；同意新建该社区后本行才能导入。")
            return None
        return self.new_communities[name][0]

    def party_org(
        self, row: RowPlan, names: list[str], name: str, field: str = "party_org"
    ) -> PartyRef | None:
        found = self.party_orgs.get(name, [])
        if len(found) == 1:
            return found[0]
        if found:
            note(
                row,
                names,
                field,
                f"已登记 {len(found)} 个名为“{name}”的党组织，无法确定是哪一个，本行未关联党组织。",
                refused=False,
            )
        else:
            note(
                row,
                names,
                field,
                f"党组织“{name}”尚未登记，本行导入时未关联党组织；先导入党组织名单后再导入一次即可关联。",
                refused=False,
            )
        return None

    def organization(self, row: RowPlan, names: list[str], key: str, field: str, what: str) -> str | None:
        """An organization by its credit code or exact name (None, said why, when it is
        not registered or the name is not unique)."""
        found = self.org_names.get(key, [])
        if len(found) == 1:
            return found[0]
        code = normalise_code(key)
        if code in self.org_usccs:
            return self.org_usccs[code]
        if found:
            note(
                row,
                names,
                field,
                f"已登记 {len(found)} 个名为“{key}”的两新组织，无法确定是哪一个，{what}；请改填统一社会信用代码。",
                refused=False,
            )
        else:
            note(row, names, field, f"两新组织“{key}”尚未登记，{what}。", refused=False)
        return None


def load_registry(
    session: Session, station: str, *, create_communities: bool, organizations: bool
) -> Registry:
    communities = dict(
        session.execute(select(Community.name, Community.id).where(Community.deleted.is_(False))).all()
    )
    parties: dict[str, list[PartyRef]] = {}
    by_id: dict[str, PartyRef] = {}
    for r in session.execute(
        select(
            PartyOrg.id,
            PartyOrg.name,
            PartyOrg.level,
            PartyOrg.formation,
            PartyOrg.secretary,
            PartyOrg.parent_id,
        ).where(PartyOrg.deleted.is_(False))
    ):
        ref = PartyRef(*r)
        parties.setdefault(ref.name, []).append(ref)
        by_id[ref.id] = ref
    registry = Registry(station, create_communities, communities, parties, by_id)
    if organizations:
        for org_id, name, uscc in session.execute(
            select(Organization.id, Organization.name, Organization.uscc).where(
                Organization.deleted.is_(False)
            )
        ):
            registry.org_names.setdefault(name, []).append(org_id)
            if uscc:
                registry.org_usccs[uscc] = org_id
    return registry


def owned_elsewhere(registry: Registry, row: RowPlan, names: list[str], current: dict[str, Any]) -> bool:
    """A record another station owns (it arrived by sync) is changed only there."""
    if current["owner"] == registry.station:
        return False
    note(
        row,
        names,
        "name",
        f"“{current['name']}”由站点 {current['owner']} 登记，只能由该站点修改，本行未导入。",
    )
    return True


def column_defaults(model: type[Synced]) -> dict[str, Any]:
    """Every data column of a new row, with the model's own default (None without one)."""
    return dict(_defaults(model))


@functools.cache
def _defaults(model: type[Synced]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column in inspect(model).columns:
        if column.key in BOOKKEEPING_COLUMNS:
            continue
        default = column.default.arg if column.default is not None and column.default.is_scalar else None
        values[column.key] = default
    return values
