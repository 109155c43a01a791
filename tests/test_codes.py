"""Credit codes (GB 32100-2015), ID numbers (GB 11643-1999), station codes."""

from __future__ import annotations

import random
from datetime import date

import pytest

from app.domain.idcard import IdNumberError, make_id_number, validate_id_number
from app.domain.station_code import validate_station_code
from app.domain.uscc import USCCError, make_uscc, validate_uscc
from app.errors import FieldError


def test_published_credit_code_is_accepted() -> None:
    assert validate_uscc(" 9144030071526726xg ") == "9144030071526726XG"


def test_wrong_check_character_names_the_right_one() -> None:
    with pytest.raises(USCCError, match="第18位校验码应为 G，现为 A"):
        validate_uscc("9144030071526726XA")


@pytest.mark.parametrize("bad", "IOSVZ")
def test_letters_outside_the_alphabet_are_named_with_their_position(bad: str) -> None:
    code = "91440300" + bad + "1526726XG"
    with pytest.raises(USCCError, match=f"第9位“{bad}”不是有效字符.*不使用 I、O、S、V、Z"):
        validate_uscc(code)


def test_wrong_length_is_reported() -> None:
    with pytest.raises(USCCError, match="应为18位，现为17位"):
        validate_uscc("9144030071526726X")


def test_generated_codes_validate_and_one_changed_character_never_does() -> None:
    rng = random.Random(3)
    for i in range(300):
        code = make_uscc("9", "1", "440307", f"{rng.randrange(10**8):08d}")
        assert validate_uscc(code) == code
        pos = rng.randrange(17)
        replacement = "0" if code[pos] != "0" else "1"
        with pytest.raises(USCCError):
            validate_uscc(code[:pos] + replacement + code[pos + 1 :])
        del i


def test_id_number_gives_birth_date_and_gender() -> None:
    ident = validate_id_number("11010519491231002X")
    assert ident.birth_date == date(1949, 12, 31)
    assert ident.gender == "female"
    assert validate_id_number(make_id_number("440307", date(1985, 3, 9), 13)).gender == "male"


def test_wrong_id_check_digit_names_the_expected_one() -> None:
    with pytest.raises(IdNumberError, match="第18位校验码应为 X，现为 1"):
        validate_id_number("110105194912310021")


@pytest.mark.parametrize("born", ["19990230", "20011301", "19000000"])
def test_impossible_birth_date_is_refused(born: str) -> None:
    first17 = f"440307{born}123"
    from app.domain.idcard import check_digit

    with pytest.raises(IdNumberError, match=f"出生日期 {born} 不存在"):
        validate_id_number(first17 + check_digit(first17))


def test_future_birth_date_is_refused() -> None:
    number = make_id_number("440307", date(2030, 1, 1), 5)
    with pytest.raises(IdNumberError, match="不合理"):
        validate_id_number(number, today=date(2026, 11, 22))


def test_fifteen_digit_number_is_converted_to_eighteen() -> None:
    ident = validate_id_number("440307850309131")
    assert ident.number == make_id_number("440307", date(1985, 3, 9), 131)
    assert ident.gender == "male"


@pytest.mark.parametrize(
    ("code", "role", "message"),
    [
        ("44030700", "subdistrict", "9位数字"),
        ("4403070011", "subdistrict", "9位数字"),
        ("44O307001", "subdistrict", "9位数字"),
        ("440307001", "district", "6位数字"),
        ("990307001", "subdistrict", "省级行政区划代码"),
        ("440307", "city", "subdistrict"),
    ],
)
def test_unknown_station_code_formats_are_refused(code: str, role: str, message: str) -> None:
    with pytest.raises(FieldError, match=message):
        validate_station_code(code, role)


def test_valid_station_codes() -> None:
    assert validate_station_code("440307001", "subdistrict") == "440307001"
    assert validate_station_code("440307", "district") == "440307"
