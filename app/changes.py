"""What a user action changed, so the window refreshes exactly the pages that show it.

Operations that write return (or are wrapped to return) a ``Changes``; the main
window hands it to every page, and each page reloads when a kind it shows is in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The kinds of data a page can show.
ORGANIZATION = "organization"
PARTY_ORG = "party_org"
MEMBER = "member"
COMMUNITY = "community"
INSTRUCTOR = "instructor"
CAMPAIGN = "campaign"
TASK = "task"
APPRAISAL = "appraisal"
TEMPLATE = "template"
SETTING = "setting"
SNAPSHOT = "snapshot"
# 组织生活 (activities, attendance, attachments, 民主评议 results) and 走访.
ACTIVITY = "activity"
VISIT = "visit"
# 数据交换: keys, registered stations, packages made or imported, receipts, refusals.
SYNC = "sync"

KINDS = frozenset(
    {
        ORGANIZATION,
        PARTY_ORG,
        MEMBER,
        COMMUNITY,
        INSTRUCTOR,
        CAMPAIGN,
        TASK,
        APPRAISAL,
        TEMPLATE,
        SETTING,
        SNAPSHOT,
        SYNC,
        ACTIVITY,
        VISIT,
    }
)
# Registers feed the figures, the findings and the tasks' "still breaking" checks.
REGISTER_KINDS = frozenset({ORGANIZATION, PARTY_ORG, MEMBER, COMMUNITY, INSTRUCTOR})
# What an imported package (or undoing one) may change: every synchronised table.
SYNCED_KINDS = frozenset(KINDS - {SNAPSHOT})


@dataclass(frozen=True)
class Changes:
    kinds: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, *kinds: str) -> Changes:
        unknown = set(kinds) - KINDS
        if unknown:
            raise ValueError(f"unknown kinds of change: {sorted(unknown)}")
        return cls(frozenset(kinds))

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds)

    def touches(self, *kinds: str) -> bool:
        return bool(self.kinds.intersection(kinds))

    @property
    def registers(self) -> bool:
        return bool(self.kinds & REGISTER_KINDS)


NOTHING = Changes()
