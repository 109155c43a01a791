"""Personal data is masked on screen, in print and in exports unless asked for in full."""

from __future__ import annotations

from datetime import date


def mask_id_number(number: str | None) -> str:
    if not number:
        return ""
    return number[:6] + "*" * (len(number) - 10) + number[-4:] if len(number) > 10 else number


def mask_phone(phone: str | None) -> str:
    if not phone:
        return ""
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 11 else phone


def birth_display(born: date | None, *, masked: bool) -> str:
    """Where the ID number is masked, the birth date is shown as the year only: the
    masked digits are the birth date, so the full date beside them would reveal them."""
    if born is None:
        return ""
    return f"{born.year}年" if masked else born.isoformat()
