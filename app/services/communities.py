"""Communities (社区) of the station."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.text import clean_text, normalise_code, shown
from app.errors import FieldError, NotFoundError
from app.store import Store
from db.models import Community, Organization


@dataclass(frozen=True)
class CommunityRow:
    id: str
    name: str
    code: str
    organizations: int


COMMUNITY_NAME_MAX = 100  # community.name is VARCHAR(100)


def resolve_community(session: Session, name: str) -> Community:
    name = clean_text(name, "社区", "community", max_length=200)
    found = session.scalar(select(Community).where(Community.name == name, Community.deleted.is_(False)))
    if found is None:
        found = session.get(Community, name)
    if found is None or found.deleted:
        names = session.scalars(
            select(Community.name).where(Community.deleted.is_(False)).order_by(Community.name)
        )
        known = "、".join(list(names)[:12]) or "（暂无）"
        raise NotFoundError(
            f"没有名为“{shown(name)}”的社区。已有社区：{known}。新增社区请运行：liangxin community add 社区名称",
            "community",
        )
    return found


def add_community(store: Store, name: str, code: str | None = None) -> CommunityRow:
    name = clean_text(name, "社区名称", "name", max_length=COMMUNITY_NAME_MAX)
    if not name:
        raise FieldError("name", "请填写社区名称。")
    code = normalise_code(code) if code else None
    if code and (not code.isascii() or not code.isdigit() or len(code) != 12):
        raise FieldError("code", f"社区代码应为12位数字的行政区划代码，“{shown(code)}”不符合。")
    with store.write() as session:
        exists = session.scalar(select(Community).where(Community.name == name, Community.deleted.is_(False)))
        if exists is not None:
            raise FieldError("name", f"社区“{name}”已存在。")
        community = Community(name=name, code=code)
        session.add(community)
        session.flush()
        return CommunityRow(community.id, name, code or "", 0)


def community_names(store: Store) -> list[str]:
    """Names only, for filter drop-downs (no counting)."""
    with store.read() as session:
        return list(
            session.scalars(
                select(Community.name).where(Community.deleted.is_(False)).order_by(Community.name)
            )
        )


def list_communities(store: Store) -> list[CommunityRow]:
    counts = (
        select(Organization.community_id, func.count().label("n"))
        .where(Organization.deleted.is_(False))
        .group_by(Organization.community_id)
        .subquery()
    )
    with store.read() as session:
        rows = session.execute(
            select(Community.id, Community.name, Community.code, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.community_id == Community.id)
            .where(Community.deleted.is_(False))
            .order_by(Community.name)
        )
        return [CommunityRow(r[0], r[1], r[2] or "", r[3]) for r in rows]
