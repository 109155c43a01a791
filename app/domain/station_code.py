"""Station codes: the division-code prefix of the district (6 digits) or sub-district (9)."""

from __future__ import annotations

from app.errors import FieldError

# GB/T 2260 province-level prefixes.
PROVINCES = frozenset(
    {
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
        "65", "71", "81", "82",
    }
)  # fmt: skip
ROLE_LENGTH = {"district": 6, "subdistrict": 9}
ROLE_LABEL = {"district": "区", "subdistrict": "街道"}


def validate_station_code(code: str, role: str) -> str:
    code = code.strip()
    if role not in ROLE_LENGTH:
        raise FieldError("role", f"站点角色应为 subdistrict（街道）或 district（区），而不是“{role}”。")
    want = ROLE_LENGTH[role]
    if not code.isdigit() or len(code) != want:
        raise FieldError(
            "station",
            f"{ROLE_LABEL[role]}的站点代码应为{want}位数字的行政区划代码"
            f"（例如 {'440307' if want == 6 else '440307001'}），“{code}”不符合。",
        )
    if code[:2] not in PROVINCES:
        raise FieldError("station", f"站点代码“{code}”的前两位 {code[:2]} 不是有效的省级行政区划代码。")
    return code
