"""Search keys: full pinyin and initials of a name, so ``zw`` and ``zhangwei`` find 张伟.

People type the initials of what they say, and nobody says 市 in 深圳市某某公司:
``szmm`` must find it. So each key also carries, after a space, the variant without
the administrative characters 省/市/区/县. Queries have no spaces, so a ``LIKE``
never matches across the two.
"""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin

ADMIN_CHARS = "省市区县"
_DROP_ADMIN = str.maketrans("", "", ADMIN_CHARS)


def _keys(name: str) -> tuple[str, str]:
    tokens = lazy_pinyin(name, style=Style.NORMAL, errors="default", strict=False)
    full, initials = [], []
    for token in tokens:
        token = token.replace(" ", "").lower()
        if not token:
            continue
        full.append(token)
        # A chunk that is not the pinyin of a hanzi (Latin letters, digits) stays whole.
        initials.append(token if token in name.lower() else token[0])
    return "".join(full), "".join(initials)


@lru_cache(maxsize=131072)
def search_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials), lower case, each possibly with a space-separated variant."""
    full, initials = _keys(name)
    plain = name.translate(_DROP_ADMIN)
    if plain != name and plain:
        plain_full, plain_initials = _keys(plain)
        full, initials = f"{full} {plain_full}", f"{initials} {plain_initials}"
    return full, initials
