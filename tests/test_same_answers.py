"""The same answers on SQLite and PostgreSQL: searches ignore the case of Latin letters,
id prefixes match in either case, moments become dates in the station's time zone
(whatever zone the PostgreSQL session runs in), and the journal prints its times the
same way on both."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import update

from app.cli.main import main
from app.domain.station_time import as_utc
from app.services import campaigns, members, organizations, task_generation
from app.services.audit import read_journal
from app.services.campaign_progress import campaign_progress
from app.settings import change_setting, current_settings, ignored_stored_settings
from app.store import Store, open_store
from db.models import Setting, Task

TODAY = date(2026, 5, 10)
# 20:30 UTC on 9 May: 04:30 on 10 May in Shenzhen, 10:30 on 9 May in Honolulu.
LATE_EVENING_UTC = datetime(2026, 5, 9, 20, 30, tzinfo=UTC)


def run(capsys: pytest.CaptureFixture[str], store: Store, *args: str) -> tuple[int, str, str]:
    code = main(["--db", store.url, *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def honolulu_session(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every new PostgreSQL connection in Honolulu's time zone (libpq reads PGTZ), as on a
    server whose default zone is not the station's; SQLite ignores it."""
    monkeypatch.setenv("PGTZ", "Pacific/Honolulu")


def _campaign_with_tasks(store: Store) -> str:
    for name in ("iPhone 维修服务部", "深圳市南岭精密制造有限公司"):
        organizations.add_organization(store, {"name": name, "kind": "enterprise", "employees": 150})
    campaign = campaigns.create_campaign(store, {}, template="da_zujian", year=2026)["id"]
    made = task_generation.generate_tasks(store, campaign, ["enterprise_party_org"], today=TODAY)
    assert made.created == 2
    return campaign


def test_searches_ignore_the_case_of_latin_letters(any_store: Store, capsys) -> None:
    campaign = _campaign_with_tasks(any_store)
    for typed in ("iphone", "IPHONE", "ｉｐｈｏｎｅ"):  # full-width letters as a Chinese IME types them
        code, out, err = run(
            capsys, any_store, "task", "list", "--campaign", campaign, "--search", typed, "--json"
        )
        assert code == 0, err
        assert [t["record"] for t in json.loads(out)] == ["iPhone 维修服务部"], typed
        code, out, err = run(capsys, any_store, "org", "list", "--search", typed, "--json")
        assert code == 0, err
        assert [o["name"] for o in json.loads(out)["rows"]] == ["iPhone 维修服务部"], typed
    # Pinyin, its initials and codes are stored in one case; what is typed is put in it.
    for typed in ("NLJM", "NanLing", "nanling"):
        found = organizations.list_organizations(any_store, search=typed)
        assert [o.name for o in found.rows] == ["深圳市南岭精密制造有限公司"], typed
    members.add_member(any_store, {"name": "Alice 王", "gender": "male", "id_number": "11010119900307109X"})
    for typed in ("alice", "ALICE", "9900307109x"):
        found = members.list_members(any_store, search=typed)
        assert [m.name for m in found.rows] == ["Alice 王"], typed


def test_an_upper_case_id_prefix_finds_the_record(any_store: Store, capsys) -> None:
    campaign = _campaign_with_tasks(any_store)
    code, out, err = run(
        capsys, any_store, "campaign", "show", campaign[:-3].upper(), "--json", "--today", "2026-05-10"
    )
    assert code == 0, err
    assert json.loads(out)["id"] == campaign
    org = organizations.list_organizations(any_store, search="iphone").rows[0].id
    code, out, err = run(capsys, any_store, "org", "show", org[:-3].upper(), "--json")
    assert code == 0, err
    assert json.loads(out)["name"] == "iPhone 维修服务部"
    # A wildcard in what was typed is a character, not "anything".
    code, _, err = run(capsys, any_store, "org", "show", "%%%%%%%%")
    assert code == 1 and "找不到两新组织" in err


def _made_late_in_the_evening_utc(store: Store) -> None:
    with store.engine.begin() as conn:
        conn.execute(update(Task).values(created_at=LATE_EVENING_UTC))


def _open_on(progress: object) -> dict[date, int]:
    return {p.date: p.open for p in progress.burn_down}  # type: ignore[attr-defined]


def test_the_burn_down_counts_days_in_the_stations_time_zone(
    any_store: Store, honolulu_session: None
) -> None:
    campaign = _campaign_with_tasks(any_store)
    _made_late_in_the_evening_utc(any_store)
    store = open_store(any_store.url)  # its connections made under PGTZ=Pacific/Honolulu
    try:
        burn = _open_on(campaign_progress(store, campaign, TODAY))
        # Made at 04:30 on 10 May where the station is: open from that day, not the day before
        # (the UTC date on SQLite, the Honolulu date on PostgreSQL, before).
        assert (burn[date(2026, 5, 9)], burn[date(2026, 5, 10)]) == (0, 2)
        change_setting(store, "station.time_zone", "Pacific/Honolulu")
        burn = _open_on(campaign_progress(store, campaign, TODAY))
        assert (burn[date(2026, 5, 8)], burn[date(2026, 5, 9)]) == (0, 2)
    finally:
        store.close()


def test_journal_times_carry_the_stations_offset_on_both_engines(
    any_store: Store, honolulu_session: None, capsys
) -> None:
    organizations.add_organization(any_store, {"name": "南岭科技公司", "kind": "enterprise"})
    code, out, err = run(capsys, any_store, "journal", "--json")
    assert code == 0, err
    entries = json.loads(out)
    stored = {c.seq: as_utc(c.at) for c in read_journal(any_store, limit=None)}
    assert entries
    for entry in entries:
        at = datetime.fromisoformat(entry["at"])
        assert at.utcoffset() == timedelta(hours=8), entry["at"]
        assert at == stored[entry["seq"]]  # the same moment, only written in Shenzhen's clock
    code, out, err = run(capsys, any_store, "journal")
    assert code == 0, err
    last = max(stored.values()).astimezone(at.tzinfo)
    assert f"{last:%Y-%m-%d %H:%M}" in out
    change_setting(any_store, "station.time_zone", "Asia/Urumqi")
    code, out, _ = run(capsys, any_store, "journal", "--json")
    assert all(datetime.fromisoformat(e["at"]).utcoffset() == timedelta(hours=6) for e in json.loads(out))


def test_the_time_zone_setting_takes_zone_names_only(any_store: Store, capsys) -> None:
    assert current_settings(any_store)["station.time_zone"] == "Asia/Shanghai"
    code, out, err = run(capsys, any_store, "settings", "set", "station.time_zone", "asia/tokyo")
    assert code == 0, err
    assert current_settings(any_store)["station.time_zone"] == "Asia/Tokyo"  # stored as the zone is named
    code, out, err = run(capsys, any_store, "settings", "set", "station.time_zone", "Mars/Olympus")
    assert (code, out) == (1, "")
    assert err.strip() == (
        "“本站点所在时区（按此时区把时间归入日期）”应为时区名称，例如 Asia/Shanghai；“Mars/Olympus”不是，未做改动。"
    )
    assert current_settings(any_store)["station.time_zone"] == "Asia/Tokyo"
    with any_store.engine.begin() as conn:  # written by hand, or by a newer version
        conn.execute(update(Setting).where(Setting.key == "station.time_zone").values(value='"Mars/Olympus"'))
    assert current_settings(any_store)["station.time_zone"] == "Asia/Shanghai"
    assert ignored_stored_settings(any_store) == {"station.time_zone": '"Mars/Olympus"'}


def test_today_is_the_stations_day_whatever_the_computers_zone(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A computer set to Honolulu (or UTC before 08:00 Beijing time): tasks made now are
    made today at the station, so the burn-down's last day counts them."""
    import time

    from app.domain.station_time import station_today
    from app.services import campaigns, task_generation
    from app.services.campaign_progress import campaign_progress

    monkeypatch.setenv("TZ", "Pacific/Honolulu")
    time.tzset()
    try:
        campaign = campaigns.create_campaign(store, {"name": "今天的行动"})["id"]
        for i in range(3):
            task_generation.add_task(store, campaign, {"title": f"任务{i}"})
        progress = campaign_progress(store, campaign)
        assert progress.burn_down[-1].date == station_today()
        assert progress.burn_down[-1].open == progress.total.open == 3
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
