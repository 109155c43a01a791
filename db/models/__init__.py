"""Every table of the schema. Importing this package registers them all on ``Base.metadata``."""

from db.models.access import AccessEvent
from db.models.account import Account
from db.models.appraisal import Appraisal, AppraisalTemplate
from db.models.campaign import Campaign, Phase, Task, TaskProgress
from db.models.journal import Counter, JournalEntry
from db.models.ledger import LedgerImport, LedgerMapping
from db.models.life import Activity, ActivityAttachment, ActivityAttendance, MemberReview, Visit
from db.models.register import (
    Community,
    Instructor,
    InstructorAssignment,
    Member,
    Organization,
    PartyOrg,
)
from db.models.station import Setting, Station, StatSnapshot
from db.models.sync import Keyring, SyncPackage, SyncRefusal, SyncUndo

__all__ = [
    "AccessEvent",
    "Account",
    "Activity",
    "ActivityAttachment",
    "ActivityAttendance",
    "Appraisal",
    "AppraisalTemplate",
    "Campaign",
    "Community",
    "Counter",
    "Instructor",
    "InstructorAssignment",
    "JournalEntry",
    "Keyring",
    "LedgerImport",
    "LedgerMapping",
    "Member",
    "MemberReview",
    "Organization",
    "PartyOrg",
    "Phase",
    "Setting",
    "StatSnapshot",
    "Station",
    "SyncPackage",
    "SyncRefusal",
    "SyncUndo",
    "Task",
    "TaskProgress",
    "Visit",
]
