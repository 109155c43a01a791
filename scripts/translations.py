"""Keep the English catalogue in step with the code.

    python scripts/translations.py update    # extract strings from the code, merge them into the .ts
    python scripts/translations.py compile   # .ts -> .qm (pyside6-lrelease)
    python scripts/translations.py           # both
    python scripts/translations.py check     # list what is untranslated (exit 1 if anything is)

Simplified Chinese is the source language; every string lives in the context
"liangxin" (ui/i18n.py). After ``update``, write the English of each new message in
resources/i18n/liangxin_en.ts (Qt Linguist: ``pyside6-linguist``, or any editor:
fill ``<translation>`` and remove ``type="unfinished"``), then ``compile``.
tests/test_i18n.py fails while any message is unfinished or the .qm is stale.

Where the strings come from (nothing here is a hand-kept list of strings):

1. ``t("…")`` and ``N_("…")`` calls with a literal argument in ui/ and app/ (``N_`` marks
   a string that is translated later through a variable).
2. ``for a, b in (("…", …), …): … t(b)``: the literals in the matching position of a
   tuple the loop walks, when the loop passes that name to ``t()``.
3. The vocabularies the window translates through variables, read from the live
   objects: the labels of every ``Codes``, ``Field``, ``Rule``, ``SettingSpec`` and
   ``Register`` (titles, nouns, hints, groups, columns, filters), and the Chinese
   values of the module or class attributes named in ``VOCABULARY_NAMES``.
4. Titles built inside app functions that the window shows: the section keys of the
   record details (``links = {…}`` in app/services/related.py) and the dashboard tiles
   (``_count_tile(key, "…")`` in app/dashboard.py).

A message the code no longer uses is kept as ``type="vanished"`` (its English comes
back if the string does); lrelease leaves it out of the .qm.

Qt's own Chinese comes from the qtbase_zh_CN.qm that PySide6 ships; a few labels it
lacks (Qt added mnemonics to them later) are in resources/i18n/qt_zh_CN_extra.ts,
which ``compile`` compiles too.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
TS = I18N / "liangxin_en.ts"
QM = TS.with_suffix(".qm")
QT_EXTRA_TS = I18N / "qt_zh_CN_extra.ts"
CATALOGUES = (TS, QT_EXTRA_TS)
CONTEXT = "liangxin"
SOURCE_DIRS = ("ui", "app")
MARKERS = {"t", "N_"}
# Module- or class-level attributes whose Chinese strings the window passes to t().
VOCABULARY_NAMES = (
    "NAV",  # ui/main_window.py: navigation titles
    "PRINTS",  # ui/register_page.py: print menu
    "KIND_LABEL",  # ui/global_search.py
    "FACTS",  # ui/detail_panel.py: labels of the detail panel
    "CHECK",  # ui/appraisal_page.py: checklist answers
    "COLUMNS",  # ui/board_page.py: the task list's headers
    "HEADERS",  # ui/drill.py
    "STATE",  # app/services/appraisals.py
    "ASSIGN_BY",  # app/services/task_generation.py
    "LANES",  # app/services/task_board.py
    "SCOPE_LABELS",  # app/settings.py
    "RATE_TITLES",  # app/stats.py
    "TABLE_LABELS",  # app/sync/rows.py: register names in exchange summaries
    "EXTRA_LABELS",  # app/services/audit_fields.py: 操作日志's names of columns no editor shows
    "ACCESS",  # app/services/audit.py: 操作日志's kinds of access
)
HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]")


class Message:
    # A plain class: this script is also loaded by file path (tests), where a dataclass
    # cannot find its own module.
    def __init__(self, source: str, translation: str = "", state: str = "unfinished") -> None:
        self.source = source
        self.translation = translation
        self.state = state  # "" (finished) | unfinished | vanished


# -- extraction ------------------------------------------------------------------------


def _literal(node: ast.AST | None) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):  # t("甲" if x else "乙")
        return _literal(node.body) + _literal(node.orelse)
    return []


def _called(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call):
        if isinstance(node.func, ast.Name):
            return node.func.id
        if isinstance(node.func, ast.Attribute):
            return node.func.attr
    return None


def _loop_literals(loop: ast.For) -> list[str]:
    """``for combo, tip in ((a, "阶段"), …): t(tip)``: the literals bound to ``tip``."""
    if not isinstance(loop.target, ast.Tuple) or not isinstance(loop.iter, ast.Tuple | ast.List):
        return []
    names = [n.id if isinstance(n, ast.Name) else None for n in loop.target.elts]
    translated = {
        arg.id
        for stmt in loop.body
        for node in ast.walk(stmt)
        if _called(node) in MARKERS
        for arg in node.args[:1]  # type: ignore[attr-defined]
        if isinstance(arg, ast.Name)
    }
    found = []
    for position, name in enumerate(names):
        if name not in translated:
            continue
        for row in loop.iter.elts:
            if isinstance(row, ast.Tuple) and position < len(row.elts):
                found += _literal(row.elts[position])
    return found


def code_strings(path: Path) -> Iterator[str]:
    """Translatable literals of one source file, in the order they appear."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    related = path.parts[-2:] == ("services", "related.py")
    dashboard = path.parts[-2:] == ("app", "dashboard.py")
    for node in ast.walk(tree):
        name = _called(node)
        if name in MARKERS and node.args:  # type: ignore[attr-defined]
            yield from _literal(node.args[0])  # type: ignore[attr-defined]
        elif isinstance(node, ast.For):
            yield from _loop_literals(node)
        elif dashboard and name == "_count_tile" and len(node.args) > 1:  # type: ignore[attr-defined]
            yield from _literal(node.args[1])  # type: ignore[attr-defined]
        elif (
            related
            and isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Dict)
            and any(isinstance(target, ast.Name) and target.id == "links" for target in node.targets)
        ):
            for key in node.value.keys:
                yield from _literal(key)


def _han(values: Iterable[Any]) -> Iterator[str]:
    for value in values:
        if isinstance(value, str):
            if HAN.search(value):
                yield value
        elif isinstance(value, dict):
            yield from _han(value.values())
        elif isinstance(value, list | tuple):
            yield from _han(value)


def _object_strings(value: Any) -> Iterator[str]:
    """The strings a vocabulary object shows in the window, by what kind of object it is."""
    kind = type(value).__name__
    if kind == "Codes":
        yield from _han(value.labels.values())
    elif kind in ("Field", "SettingSpec"):
        yield from _han([value.label])
    elif kind == "Rule":
        yield from _han([value.title])
    elif kind == "Register":
        yield from _han([value.title, value.noun, value.empty_hint])
        yield from _han(title for title, _ in value.groups)
        yield from _han(column.title for column in value.columns)
        yield from _han(spec.title for spec in value.filters)
        for field in value.fields.values():
            yield from _object_strings(field)
    elif isinstance(value, dict | list | tuple):
        for item in value.values() if isinstance(value, dict) else value:
            if not isinstance(item, str):
                yield from _object_strings(item)


def _modules() -> Iterator[Any]:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    for package in SOURCE_DIRS:
        yield importlib.import_module(package)
        for info in pkgutil.walk_packages([str(ROOT / package)], prefix=f"{package}."):
            if not info.name.endswith("__main__"):
                yield importlib.import_module(info.name)


def vocabulary_strings() -> Iterator[str]:
    """Strings the window translates through variables, read from the objects themselves."""
    missing = set(VOCABULARY_NAMES)
    for module in _modules():
        for name, value in vars(module).items():
            if name in VOCABULARY_NAMES:
                missing.discard(name)
                yield from _han([value])
            elif isinstance(value, type) and value.__module__ == module.__name__:
                for attr in VOCABULARY_NAMES:
                    if attr in vars(value):
                        missing.discard(attr)
                        yield from _han([vars(value)[attr]])
            else:
                yield from _object_strings(value)
    if missing:
        # A vocabulary was renamed or moved out of app/ and ui/: say so rather than
        # silently dropping its translations.
        raise SystemExit(f"translations.py: no attribute named {', '.join(sorted(missing))} in app/ or ui/")


def extract() -> list[str]:
    """Every source string the window can pass to t(), in a stable order."""
    seen: dict[str, None] = {}
    for directory in SOURCE_DIRS:
        for path in sorted((ROOT / directory).rglob("*.py")):
            seen.update(dict.fromkeys(code_strings(path)))
    seen.update(dict.fromkeys(vocabulary_strings()))
    return list(seen)


# -- the .ts file ----------------------------------------------------------------------


def read_ts(path: Path = TS) -> dict[str, Message]:
    if not path.exists():
        return {}
    messages: dict[str, Message] = {}
    for node in ET.parse(path).getroot().iter("message"):
        source = node.findtext("source") or ""
        tr = node.find("translation")
        text = "" if tr is None else "".join(tr.itertext())
        state = "" if tr is None else tr.get("type", "")
        if tr is not None and state == "obsolete":
            state = "vanished"
        messages[source] = Message(source, text, state if (text or state) else "unfinished")
    return messages


def merge(sources: list[str], old: dict[str, Message]) -> list[Message]:
    merged = []
    for source in sources:
        message = old.get(source) or Message(source)
        if message.state == "vanished":  # back in the code
            message.state = "" if message.translation else "unfinished"
        merged.append(message)
    extracted = set(sources)
    for source, message in old.items():
        if source not in extracted and message.translation:
            merged.append(Message(source, message.translation, "vanished"))
    return merged


def write_ts(messages: list[Message], path: Path = TS) -> None:
    body = []
    for m in messages:
        kind = f' type="{m.state}"' if m.state else ""
        body.append(
            "    <message>\n"
            f"        <source>{escape(m.source)}</source>\n"
            f"        <translation{kind}>{escape(m.translation)}</translation>\n"
            "    </message>"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="en_US" sourcelanguage="zh_CN">\n<context>\n'
        f"    <name>{CONTEXT}</name>\n" + "\n".join(body) + "\n</context>\n</TS>\n",
        encoding="utf-8",
    )


def update() -> list[Message]:
    messages = merge(extract(), read_ts())
    write_ts(messages)
    return messages


# -- compiling ---------------------------------------------------------------------------


def lrelease() -> str:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    found = str(beside) if beside.exists() else shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise SystemExit("translations.py: pyside6-lrelease not found (it comes with PySide6)")
    return found


def compile_qm(ts: Path, qm: Path) -> None:
    subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)


def compile_all() -> None:
    for ts in CATALOGUES:
        compile_qm(ts, ts.with_suffix(".qm"))


def untranslated(messages: Iterable[Message]) -> list[str]:
    return [m.source for m in messages if m.state != "vanished" and (m.state or not m.translation.strip())]


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "all"
    if command in ("update", "all"):
        todo = untranslated(update())
        print(f"{TS.relative_to(ROOT)}: {len(todo)} message(s) to translate")
    if command in ("compile", "all"):
        compile_all()
    if command == "check":
        todo = untranslated(merge(extract(), read_ts()))
        print("\n".join(todo))
        return 1 if todo else 0
    if command not in ("update", "compile", "all", "check"):
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
