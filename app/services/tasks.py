"""Transitional: the names ``app/reports/notice.py`` imports from here, until it reads
``CampaignProgress`` (app.services.campaign_progress) by attribute. Delete this module
then. Tasks are made in ``task_generation``, moved in ``task_moves``, read as a board
in ``task_board``, and counted in ``campaign_progress``."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.services import campaign_progress as _progress
from app.services.task_board import STATUS, TaskFilter, task_cards
from app.store import Store

__all__ = ["STATUS", "TaskFilter", "campaign_progress", "task_cards"]


def campaign_progress(store: Store, campaign: str, today: date | None = None) -> dict[str, Any]:
    """The progress as the dictionary ``notice.py`` indexes."""
    return _progress.campaign_progress(store, campaign, today).as_dict()
