"""Column mappings a clerk saved: proposed again for a sheet with the same headers."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.errors import LiangxinError
from app.ledger.headers import signature
from app.ledger.kinds import ledger_kind
from app.store import Store
from db.journal import new_id, utcnow
from db.models import LedgerMapping


def saved_mapping(store: Store, kind_key: str, names: list[str]) -> list[str | None] | None:
    """The mapping saved for sheets with exactly these headers, or None."""
    kind = ledger_kind(kind_key)
    with store.read() as session:
        found = session.scalar(
            select(LedgerMapping).where(
                LedgerMapping.kind == kind.key, LedgerMapping.signature == signature(names, kind.key)
            )
        )
        if found is None:
            return None
        stored = json.loads(found.mapping)
    by_header = stored if isinstance(stored, dict) else {}
    return [by_header.get(n) if by_header.get(n) in kind.targets else None for n in names]


def save_mapping(store: Store, kind_key: str, names: list[str], mapping: list[str | None]) -> None:
    kind = ledger_kind(kind_key)
    check_mapping(kind_key, mapping, names)
    by_header = {n: m for n, m in zip(names, mapping, strict=True) if m}
    sig = signature(names, kind.key)
    with store.write() as session:
        found = session.scalar(
            select(LedgerMapping).where(LedgerMapping.kind == kind.key, LedgerMapping.signature == sig)
        )
        if found is None:
            found = LedgerMapping(id=new_id(), kind=kind.key, signature=sig)
            session.add(found)
        found.headers = json.dumps(names, ensure_ascii=False)
        found.mapping = json.dumps(by_header, ensure_ascii=False)
        found.saved_at, found.saved_by = utcnow(), store.user


def check_mapping(kind_key: str, mapping: list[str | None], names: list[str]) -> None:
    """A mapping that can be imported: known fields, each once, the required ones present."""
    kind = ledger_kind(kind_key)
    if len(mapping) != len(names):
        raise LiangxinError("列的对应关系与表头的列数不一致，请重新选择工作表。")
    seen: dict[str, str] = {}
    for name, target in zip(names, mapping, strict=True):
        if target is None:
            continue
        if target not in kind.targets:
            raise LiangxinError(f"“{name}”列对应的字段“{target}”不存在。")
        if target in seen:
            label = kind.targets[target].label
            raise LiangxinError(
                f"“{seen[target]}”和“{name}”两列都对应“{label}”，每个字段只能对应一列，请改正。"
            )
        seen[target] = name
    missing = [kind.targets[n].label for n in kind.required if n not in seen]
    if missing:
        raise LiangxinError(f"还没有哪一列对应“{'”“'.join(missing)}”，这是必填的，请在列对应中选择。")


def read_mapping_file(path: str, kind_key: str, names: list[str]) -> list[str | None]:
    """A mapping from a JSON file: {"表头": "字段"} (a field's name or its label)."""
    kind = ledger_kind(kind_key)
    try:
        with open(path, encoding="utf-8-sig") as fh:
            data = json.load(fh)
    except OSError:
        raise LiangxinError(f"无法读取列对应文件“{path}”，请核对路径。") from None
    except ValueError:
        raise LiangxinError(f'列对应文件“{path}”不是有效的 JSON，应写成 {{"表头": "字段"}}。') from None
    if not isinstance(data, dict):
        raise LiangxinError(f'列对应文件“{path}”应写成 {{"表头": "字段"}}。')
    by_label = {t.label: n for n, t in kind.targets.items()}
    mapping: list[str | None] = []
    for name in names:
        target = data.get(name)
        if target is None or target == "":
            mapping.append(None)
            continue
        target = by_label.get(str(target), str(target))
        if target not in kind.targets:
            raise LiangxinError(f"列对应文件中“{name}”对应的“{data.get(name)}”不是{kind.title}台账的字段。")
        mapping.append(target)
    unknown = [h for h in data if h not in names]
    if unknown:
        raise LiangxinError(f"列对应文件中的表头“{unknown[0]}”在所选工作表中没有，请核对。")
    return mapping
