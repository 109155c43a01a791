"""公民身份号码 (GB 11643-1999), including 15-digit numbers issued before 1999."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.station_time import station_today
from app.domain.text import normalise_code

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK = "10X98765432"


class IdNumberError(ValueError):
    pass


@dataclass(frozen=True)
class IdNumber:
    number: str  # always 18 characters
    birth_date: date
    gender: str  # male | female


def check_digit(first17: str) -> str:
    return CHECK[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


def _birth(digits: str, number: str, today: date) -> date:
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise IdNumberError(f"公民身份号码中的出生日期 {digits} 不存在，请核对。") from None
    if born > today or born.year < 1900:
        raise IdNumberError(f"公民身份号码中的出生日期 {digits} 不合理，请核对。")
    return born


def validate_id_number(raw: str, today: date | None = None) -> IdNumber:
    today = today or station_today()
    # Full-width digits, a lower-case x and grouping spaces are the same number.
    number = normalise_code(raw)
    if len(number) == 15:
        if not number.isdigit():
            raise IdNumberError("15位公民身份号码应全部为数字，请核对。")
        _birth("19" + number[6:12], number, today)
        first17 = number[:6] + "19" + number[6:]
        number = first17 + check_digit(first17)
    if len(number) != 18:
        raise IdNumberError(f"公民身份号码应为18位（或旧式15位），现为{len(number)}位，请核对。")
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise IdNumberError("公民身份号码前17位应为数字，第18位为数字或 X，请核对。")
    born = _birth(number[6:14], number, today)
    expected = check_digit(number[:17])
    if number[17] != expected:
        raise IdNumberError(f"公民身份号码第18位校验码应为 {expected}，现为 {number[17]}，请核对后重新输入。")
    return IdNumber(number, born, "male" if int(number[16]) % 2 else "female")


def make_id_number(division6: str, born: date, serial3: int) -> str:
    first17 = f"{division6}{born:%Y%m%d}{serial3:03d}"
    return first17 + check_digit(first17)
