"""Template files as an office would send them: whatever is wrong is refused with the
line and a reason in Chinese, never an English library message or a crash."""

from __future__ import annotations

import json
import re

import pytest

from app.errors import LiangxinError
from app.services.appraisal_templates import builtin_text, parse_template


def _shipped() -> dict:
    return json.loads(builtin_text("review"))


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda d: d.update(sections=5), "“sections”应是一个列表"),
        (lambda d: d.update(grades="好"), "“grades”应是一个列表"),
        (lambda d: d.update(code="a\x1b[31m"), "控制字符"),
        (lambda d: d.update(name="名" * 101), "最多 100 个字"),
        (lambda d: d["grades"][0].update(min=-1e300), "0–100"),
        (lambda d: d["sections"][0]["criteria"][0].update(max=10**9), "满分"),
    ],
)
def test_a_bad_template_is_refused_in_chinese(change, said: str) -> None:
    data = _shipped()
    change(data)
    with pytest.raises(LiangxinError) as refused:
        parse_template(json.dumps(data, ensure_ascii=False, indent=2), "“我的模板.json”")
    assert said in refused.value.message and refused.value.message.startswith("“我的模板.json”")


@pytest.mark.parametrize(
    "text", ['{"code": "x", "max": NaN}', '{"a": Infinity}', '{"code": "x",}', "{'a': 1}"]
)
def test_what_is_not_json_is_said_without_the_library_words(text: str) -> None:
    with pytest.raises(LiangxinError) as refused:
        parse_template(text, "“我的模板.json”")
    message = refused.value.message.replace("“我的模板.json”", "")
    for allowed in ("JSON", "WPS", "NaN", "Infinity"):
        message = message.replace(allowed, "")
    assert not re.search(r"[A-Za-z]{4,}", message), refused.value.message
