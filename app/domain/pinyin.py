"""Search keys: full pinyin and initials of a name, so ``zw`` and ``zhangwei`` find 张伟.

People type the initials of what they say, and nobody says 市 in 深圳市某某公司:
``szmm`` must find it. So each key also carries, after a space, the variant without
the administrative characters 省/市/区/县. Queries have no spaces, so a ``LIKE``
never matches across the two.
"""

from __future__ import annotations

import re
from functools import lru_cache


def _lazy_pinyin(text: str) -> list[str]:
    # Imported on first use: pypinyin's dictionaries cost ~0.2 s, which start-up
    # need not pay (reading and searching never convert names).
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(text, style=Style.NORMAL, errors="default", strict=False)


ADMIN_CHARS = frozenset("省市区县")
# pypinyin gives one syllable per hanzi and keeps each run of other characters whole.
_CHUNKS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]|[^\u3400-\u4dbf\u4e00-\u9fff]+")


def _join(pairs: list[tuple[str, str]]) -> tuple[str, str]:
    full, initials = [], []
    for chunk, token in pairs:
        token = token.replace(" ", "").lower()
        if not token:
            continue
        full.append(token)
        # A chunk that is not a hanzi (Latin letters, digits) stays whole in the initials.
        initials.append(token if len(chunk) > 1 or chunk.lower() == token else token[0])
    return "".join(full), "".join(initials)


@lru_cache(maxsize=131072)
def search_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials), lower case, each possibly with a space-separated variant."""
    tokens = _lazy_pinyin(name)
    chunks = _CHUNKS.findall(name)
    if len(chunks) != len(tokens):  # unusual punctuation: convert chunk by chunk
        tokens = ["".join(_lazy_pinyin(c)) for c in chunks]
    pairs = list(zip(chunks, tokens, strict=True))
    full, initials = _join(pairs)
    if any(chunk in ADMIN_CHARS for chunk, _ in pairs):
        plain_full, plain_initials = _join([p for p in pairs if p[0] not in ADMIN_CHARS])
        if plain_full:
            full, initials = f"{full} {plain_full}", f"{initials} {plain_initials}"
    return full, initials


# Surnames read differently from the character's everyday reading.
SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "仇": "qiu", "解": "xie", "查": "zha", "盖": "ge", "区": "ou", "朴": "piao",
    "乐": "yue", "缪": "miao", "翟": "zhai", "秘": "bi", "种": "chong", "召": "shao", "员": "yun", "华": "hua",
    "折": "she", "黑": "he", "覃": "qin", "尉": "yu", "长": "chang", "重": "chong", "纪": "ji", "宁": "ning",
}  # fmt: skip


@lru_cache(maxsize=4096)
def _surname_keys(surname: str) -> tuple[str, str]:
    reading = SURNAME_READINGS.get(surname)
    return (reading, reading[0]) if reading else search_keys(surname)


def person_keys(name: str) -> tuple[str, str]:
    """Keys of a personal name: the surname by its surname reading (曾 zeng, 单 shan),
    the given name as usual. Both parts are cached, which keeps bulk data fast."""
    name = name.strip()
    if len(name) < 2 or not _CHUNKS.fullmatch(name[0]):
        return search_keys(name)
    (sf, si), (gf, gi) = _surname_keys(name[0]), search_keys(name[1:])
    return sf + gf, si + gi
