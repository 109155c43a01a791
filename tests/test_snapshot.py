"""工作台's monthly snapshot: reading the figures writes nothing; recording the month is
its own write, idempotent, and safe when two windows record at once."""

from __future__ import annotations

import threading
from datetime import date

from sqlalchemy import func, select

from app.services import organizations
from app.stats import dashboard, record_monthly_snapshot, station_stats
from app.store import Store
from db.models import StatSnapshot

DAY = date(2026, 10, 15)


def _snapshots(store: Store) -> list[tuple[str, int]]:
    with store.read() as session:
        return [
            (r.month, r.in_scope) for r in session.scalars(select(StatSnapshot).order_by(StatSnapshot.month))
        ]


def test_reading_the_figures_records_nothing(any_store: Store) -> None:
    organizations.add_organization(any_store, {"name": "某公司", "kind": "enterprise"})
    stats = station_stats(any_store, DAY)
    assert stats["coverage"]["in_scope"] == 1
    assert _snapshots(any_store) == []


def test_the_month_is_recorded_once_and_updated_only_when_the_figures_change(any_store: Store) -> None:
    organizations.add_organization(any_store, {"name": "某公司", "kind": "enterprise"})
    assert record_monthly_snapshot(any_store, DAY) is True
    assert record_monthly_snapshot(any_store, date(2026, 10, 20)) is False  # same month, same figures
    assert _snapshots(any_store) == [("2026-10", 1)]
    organizations.add_organization(any_store, {"name": "另一公司", "kind": "enterprise"})
    assert record_monthly_snapshot(any_store, date(2026, 10, 31), station_stats(any_store, DAY)) is True
    assert _snapshots(any_store) == [("2026-10", 2)]
    stats = dashboard(any_store, date(2026, 11, 2))  # the CLI's and the print-outs' read-then-record
    assert _snapshots(any_store) == [("2026-10", 2), ("2026-11", 2)]
    assert [p["month"] for p in stats["trend"]] == ["2026-10", "2026-11"]


def test_two_recording_at_once_leave_one_row(any_store: Store) -> None:
    organizations.add_organization(any_store, {"name": "某公司", "kind": "enterprise"})
    stats = station_stats(any_store, DAY)
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def record() -> None:
        try:
            start.wait()
            record_monthly_snapshot(any_store, DAY, stats)
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=record) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with any_store.read() as session:
        assert session.scalar(select(func.count()).select_from(StatSnapshot)) == 1


def test_the_trend_of_must_build_rate_has_past_points(any_store: Store) -> None:
    """应建尽建率 is kept with the month, so next month's trend shows it for this one; a
    month recorded before it was kept reads "—", not 0 %."""
    from app.services import party_orgs

    due = organizations.add_organization(
        any_store, {"name": "百人公司", "kind": "enterprise", "employees": 120}
    )["id"]
    organizations.add_organization(
        any_store, {"name": "另一百人公司", "kind": "enterprise", "employees": 150}
    )
    party_orgs.add_party_org(any_store, {"name": "百人公司党支部", "level": "branch"}, covers=[due])
    assert record_monthly_snapshot(any_store, DAY) is True
    with any_store.read() as session:
        october = session.get(StatSnapshot, "2026-10")
        assert october is not None and (october.must_build, october.built) == (2, 1)
        recorded = october.recorded_at
    with any_store.write() as session:  # a month the program recorded before it kept them
        session.add(
            StatSnapshot(
                month="2026-09",
                in_scope=2,
                covered=1,
                work_covered=1,
                independent=1,
                scope="全部在营两新组织",
                recorded_at=recorded,
            )
        )
    trend = {p["month"]: p["must_build_rate"] for p in station_stats(any_store, date(2026, 11, 3))["trend"]}
    assert trend == {"2026-09": None, "2026-10": 50.0, "2026-11": 50.0}
