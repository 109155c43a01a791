"""Access events: revealing masked personal data in full, printing a full roster,
exporting full data. Each is written at once, in a tiny transaction of its own: the
look itself writes nothing (reads never write), but who looked must be on record
even when the look is all that happens."""

from __future__ import annotations

from app.store import Store
from db.journal import utcnow
from db.models import AccessEvent

REVEAL, PRINT, EXPORT = "reveal", "print", "export"


def record_access(store: Store, action: str, register: str, key: str | None, detail: str) -> None:
    """Note that ``store.user`` saw ``register`` data in full (``key``: the one record,
    or None for a roster or a whole export)."""
    with store.write() as session:
        session.add(
            AccessEvent(
                at=utcnow(),
                by=store.user,
                action=action,
                register=register,
                target_key=key,
                detail=detail[:500],
            )
        )


_WHAT = {"member": "党员", "organization": "两新组织", "party_org": "党组织"}


def note_reveal(store: Store, register: str, key: str, name: str) -> None:
    """One record shown with its ID number and phones unmasked (the detail panel's
    显示完整信息, the editor, ``show --full``)."""
    record_access(store, REVEAL, register, key, f"显示{_WHAT.get(register, '')}“{name}”的完整证件号码和电话")


def note_full_list(store: Store, register: str, what: str) -> None:
    """A list shown in full (``member list --full``, 查重 in full)."""
    record_access(store, REVEAL, register, None, what)


def note_full_roster(store: Store, party_id: str, party_name: str, reveal: bool) -> None:
    """A roster printed in full, noted when its unmasked rows are read (a cancelled print
    has read them too); a masked roster is not an access event."""
    if reveal:
        record_access(
            store, PRINT, "member", party_id, f"打印“{party_name}”党员花名册（含完整身份证号码和电话）"
        )


def note_full_export(store: Store, register: str, count: int, target: str) -> None:
    """A register exported with ID numbers and phones in full."""
    what = _WHAT.get(register, register)
    record_access(
        store, EXPORT, register, None, f"导出{what} {count:,} 条完整数据（未隐藏证件号码和电话）到 {target}"
    )
