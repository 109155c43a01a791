"""Whose records a page, a print or a command shows.

At a district every synchronised row keeps ``owner`` = the sub-district that keeps
it; the district's pages show all of them or one sub-district's (the 街道 filter),
and every page, print and status bar says which ("龙岗区（全区 3 个街道）" or
"南湾街道"). A sub-district holds its own records only: nothing to choose."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.domain.text import normalise_search, shown
from app.errors import FieldError, LiangxinError
from app.store import Store
from db.models import Station


@dataclass(frozen=True)
class StationScope:
    station: str | None  # one sub-district's code; None: every station this database holds
    label: str  # 龙岗区（全区 3 个街道） or 南湾街道
    district: bool  # a district's database: its pages have a 街道 filter and column

    @property
    def line(self) -> str:
        """What a district's print says of its scope ("" at a sub-district, whose print
        already names the one station it holds)."""
        return f"数据范围：{self.label}" if self.district else ""

    def as_dict(self) -> dict[str, object]:
        return {"station": self.station, "label": self.label, "district": self.district}


def _sub_districts(session: Session) -> list[tuple[str, str]]:
    rows = session.execute(
        select(Station.code, Station.name)
        .where(Station.is_self.is_(False), Station.role != "district")
        .order_by(Station.code)
    )
    return [(code, name) for code, name in rows]


def sub_districts(store: Store) -> list[tuple[str, str]]:
    """(code, name) of the sub-districts a district has enrolled, in code order (the
    order of the administrative codes); none at a sub-district."""
    if store.station.role != "district":
        return []
    with store.read() as session:
        return _sub_districts(session)


def station_names(store: Store) -> dict[str, str]:
    """Every station this database knows, code to name (a row's ``owner`` to its 街道)."""
    with store.read() as session:
        return dict(session.execute(select(Station.code, Station.name)).all())


def whole_label(name: str, stations: int) -> str:
    return f"{name}（全区 {stations} 个街道）"


def _resolve(session: Session, key: str) -> tuple[str, str]:
    key = normalise_search(key)
    found = session.execute(
        select(Station.code, Station.name).where(
            Station.is_self.is_(False),
            Station.role != "district",
            or_(Station.code == key, Station.name == key),
        )
    ).first()
    if found is None:
        raise FieldError(
            "station", f"没有登记代码或名称为“{shown(key)}”的街道，请用 station list 查看已登记的街道。"
        )
    return found[0], found[1]


def station_scope(store: Store, station: str | None = None) -> StationScope:
    """The scope of one station (by code or name) or, with None, of everything here."""
    me = store.station
    if me.role != "district":
        if station and normalise_search(station) not in (me.code, me.name):
            raise LiangxinError(f"这里是{me.name}的数据库，只有本街道的数据，不能按其他街道查看。")
        return StationScope(None, me.name, False)
    with store.read() as session:
        if station:
            code, name = _resolve(session, station)
            return StationScope(code, name, True)
        return StationScope(None, whole_label(me.name, len(_sub_districts(session))), True)
