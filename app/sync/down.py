"""生成下发数据包: what the district owns, sent down to one sub-district.

A down package carries the district's campaigns that have tasks for the station (with
their phases), the tasks assigned to it, the district's template versions and the
thresholds it sets (locked ones are followed as they are, 区统一设定). It is encrypted
to that station alone: another cannot open it. The station loads it like a receipt,
by the same rules as an up package at the district (signature, owner, rev, gap)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.errors import LiangxinError
from app.jobs import Job, Progress, run_job
from app.sync import keys
from app.sync.export import Made, _consistent, _Cut, _journal_head, _manifest, _seal
from app.sync.package import file_name
from app.sync.rows import label, tables_by_name
from db.models import Station, SyncPackage

# What a district sends down, parents first; nothing else may arrive in a down package.
DOWN_TABLES = ("appraisal_template", "setting", "campaign", "phase", "task")


def _last_down(session: Any, station: str) -> int:
    """The end of the range of the last down package made for ``station``."""
    return (
        session.scalar(
            select(func.max(SyncPackage.seq_to)).where(
                SyncPackage.direction == "made",
                SyncPackage.kind == "down",
                SyncPackage.station_code == station,
            )
        )
        or 0
    )


def down_job(
    store: Any, station_code: str, out_dir: str | Path, *, full: bool = False, passphrase: str | None = None
) -> Job[Made]:
    """The user action 生成下发数据包 for one sub-district, as a job."""
    if store.station.role != "district":
        raise LiangxinError("下发数据包由区生成；街道生成的是上报数据包。")
    secrets = keys.unlocked(store, passphrase)
    me = store.station.code
    tables = tables_by_name()
    with store.read() as session:
        _consistent(session)
        station = session.get(Station, station_code)
        if station is None or station.is_self:
            raise LiangxinError(
                f"没有登记代码为 {station_code} 的街道，请先用 station list 查看已登记的街道。"
            )
        recipient = keys.sender_keys(session, station_code)  # refuses a revoked or keyless station
        station_name = station.name
        recipients = [recipient.age, keys.own_public(session).age]
        seq_to = _journal_head(session)
        seq_from = 1 if full else _last_down(session, station_code) + 1
        cut = _Cut(session, me, seq_from, full)
        task, campaign, phase = tables["task"], tables["campaign"], tables["phase"]
        theirs = select(task.c.campaign_id).where(task.c.owner == me, task.c.station_code == station_code)
        # A campaign (and its phases) goes with the first task that needs it, whatever its rev.
        newly = select(task.c.campaign_id).where(
            task.c.owner == me, task.c.station_code == station_code, task.c.rev >= seq_from
        )
        wanted = {
            "appraisal_template": (
                select(tables["appraisal_template"]).where(tables["appraisal_template"].c.owner == me),
                None,
            ),
            "setting": (select(tables["setting"]).where(tables["setting"].c.owner == me), None),
            "campaign": (
                select(campaign).where(campaign.c.owner == me, campaign.c.id.in_(theirs)),
                campaign.c.id.in_(newly),
            ),
            "phase": (
                select(phase).where(phase.c.owner == me, phase.c.campaign_id.in_(theirs)),
                phase.c.campaign_id.in_(newly),
            ),
            "task": (select(task).where(task.c.owner == me, task.c.station_code == station_code), None),
        }
        for done, name in enumerate(DOWN_TABLES):
            yield Progress(f"读取{label(name)}", done, len(DOWN_TABLES) + 1)
            query, always = wanted[name]
            cut.take(tables[name], query, always=always)
    if not cut.lines and not full:
        raise LiangxinError(
            f"自上次下发（#{seq_from - 1}）以来没有要发给{station_name}的新内容；如需整体重发，请选择“全量”。"
        )
    manifest = _manifest(
        "down", me, store.station.name, me, seq_from, seq_to, full, cut, to=station_code, to_name=station_name
    )
    yield Progress("加密并签名", len(DOWN_TABLES), len(DOWN_TABLES) + 1)
    target = Path(out_dir) / file_name(station_code, seq_from, seq_to, "down")
    return _seal(store, secrets, manifest, cut, recipients, target, station_code=station_code)


def export_down(
    store: Any,
    station_code: str,
    out_dir: str | Path,
    *,
    full: bool = False,
    passphrase: str | None = None,
    on_progress: Any = None,
) -> Made:
    return run_job(down_job(store, station_code, out_dir, full=full, passphrase=passphrase), on_progress)
