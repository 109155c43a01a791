"""Every file the program reads, damaged every way a copy, a USB stick or a person can
damage it: a valid seed file, then seeded mutations (bits flipped, cut short, bytes
inserted, zip members altered, huge numbers, 10,000-character strings, rare characters
䶮 𠮷, wrong JSON types, deep nesting). Each read either succeeds or raises
LiangxinError whose message is Chinese (no traceback, no English exception names);
never any other exception, never a hang (each case under an alarm).

Readers: 考核模板 (import_template), 台账 .xlsx / .csv (open_ledger + dry_run), sync
packages and receipts (the outer zip, its signature, decryption, the manifest and the
change lines), key files (read_station_keys, read_enrolment), backups (preview_backup)
and the user's ``ui.ini`` (the language chosen at start, the window state)."""

from __future__ import annotations

import io
import json
import random
import re
import signal
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app.errors import LiangxinError
from app.paths import resource
from app.store import Store

CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_ERROR = re.compile(r"Traceback|\b[A-Z]\w*(Error|Exception)\b|Errno|\bline \d+ column\b")
QUICK_CASES = 60
SLOW_CASES = 400
CASE_SECONDS = 10
RARE = ["䶮", "𠮷", "\u0000", "\ufeff", "\u202e", "😀", "\udcff"]


class Hang(BaseException):
    """A read that did not finish within CASE_SECONDS (BaseException: no reader's
    ``except Exception`` may swallow it)."""


def _alarm(_signum: int, _frame: Any) -> None:
    raise Hang


# --- mutations ------------------------------------------------------------------------


def _mutate_json(rng: random.Random, value: Any, depth: int = 0) -> Any:
    """One structural change somewhere in a JSON value."""
    if isinstance(value, dict) and value and depth < 6 and rng.random() < 0.7:
        key = rng.choice(sorted(value))
        return {**value, key: _mutate_json(rng, value[key], depth + 1)}
    if isinstance(value, list) and value and depth < 6 and rng.random() < 0.7:
        i = rng.randrange(len(value))
        return [*value[:i], _mutate_json(rng, value[i], depth + 1), *value[i + 1 :]]
    return rng.choice(
        [
            None,
            True,
            0,
            -1,
            10**30,
            1e308,
            "",
            "x" * 10_000,
            "䶮𠮷" * 500,
            [],
            {},
            [value],
            {"": value},
            "9" * 400,
            rng.choice(RARE),
        ]
    )


def _deeply_nested(rng: random.Random) -> bytes:
    depth = rng.choice([100, 1_000, 100_000])
    return (
        ("[" * depth + "]" * depth).encode()
        if rng.random() < 0.5
        else ('{"a":' * depth + "1" + "}" * depth).encode()
    )


def _mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(64)))
    how = rng.randrange(8)
    buf = bytearray(data)
    if how == 0:  # bits flipped
        for _ in range(rng.randint(1, 16)):
            i = rng.randrange(len(buf))
            buf[i] ^= 1 << rng.randrange(8)
    elif how == 1:  # cut short
        del buf[rng.randrange(len(buf)) :]
    elif how == 2:  # random bytes inserted
        i = rng.randrange(len(buf) + 1)
        buf[i:i] = rng.randbytes(rng.randint(1, 512))
    elif how == 3:  # a long string
        i = rng.randrange(len(buf) + 1)
        buf[i:i] = ("长" * 10_000).encode()
    elif how == 4:  # rare characters
        i = rng.randrange(len(buf) + 1)
        buf[i:i] = rng.choice(RARE).encode("utf-8", "surrogatepass")
    elif how == 5:  # a number made huge
        digits = [m.span() for m in re.finditer(rb"\d+", bytes(buf))]
        if digits:
            a, b = rng.choice(digits)
            buf[a:b] = rng.choice([b"9" * 40, b"-1", b"1e999", b"0" * 300])
    elif how == 6:  # a block zeroed
        i = rng.randrange(len(buf))
        buf[i : i + rng.randint(1, 4096)] = bytes(min(len(buf) - i, 4096))
    else:  # a block repeated
        i = rng.randrange(len(buf))
        buf[i:i] = buf[i : i + rng.randint(1, 2048)] * rng.randint(1, 20)
    return bytes(buf)


def _mutate_text(rng: random.Random, data: bytes) -> bytes:
    """JSON: structural changes most of the time, raw damage otherwise."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError):  # an earlier mutation nested it too deep to parse here
        return _mutate_bytes(rng, data)
    roll = rng.random()
    if roll < 0.55:
        text = json.dumps(_mutate_json(rng, document), ensure_ascii=rng.random() < 0.5)
        return text.encode("utf-8", "surrogatepass")  # a lone surrogate: bytes no UTF-8 reader takes
    if roll < 0.62:
        return _deeply_nested(rng)
    return _mutate_bytes(rng, data)


def _mutate_zip(rng: random.Random, data: bytes) -> bytes:
    """A member altered (as JSON or bytes), dropped, added or duplicated; or the archive damaged."""
    if rng.random() < 0.3:
        return _mutate_bytes(rng, data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, ValueError, EOFError, RuntimeError):
        return _mutate_bytes(rng, data)  # an earlier mutation left it unreadable here
    if not members:
        return data
    i = rng.randrange(len(members))
    name, body = members[i]
    roll = rng.random()
    if roll < 0.7:
        members[i] = (name, _mutate(rng, body, name))
    elif roll < 0.8:
        del members[i]
    elif roll < 0.9:
        members.append((f"extra{rng.randrange(9)}.xml", rng.randbytes(100)))
    else:
        members.append((name, body))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for member, content in members:
            archive.writestr(member, content)
    return out.getvalue()


def _mutate(rng: random.Random, data: bytes, name: str) -> bytes:
    if data[:2] == b"PK":
        return _mutate_zip(rng, data)
    if name.endswith((".json", ".jsonl")) or data.lstrip()[:1] in (b"{", b"["):
        return _mutate_text(rng, data)
    return _mutate_bytes(rng, data)


# --- seeds and readers ----------------------------------------------------------------


@dataclass
class Target:
    name: str
    suffix: str
    seed: Callable[[Path], bytes]  # the valid file's bytes (given a scratch folder)
    read: Callable[[Store, Path], Any]


def _template_seed(folder: Path) -> bytes:
    return (resource("templates") / "review.json").read_bytes()


def _template_read(store: Store, path: Path) -> Any:
    from app.services.appraisal_templates import import_template

    return import_template(store, path)


def _xlsx_seed(folder: Path) -> bytes:
    from tests.ledger_books import members_book

    return members_book(folder / "seed.xlsx").read_bytes()


def _csv_seed(folder: Path) -> bytes:
    from tests.ledger_books import ID_LI, ID_WANG

    return f"序号,姓名,性别,身份证号码,入党时间,人员类别\n1,王建国,男,{ID_WANG},2010-06-01,正式党员\n2,李梅,女,{ID_LI},2019.3,预备\n".encode()


def _ledger_read(store: Store, path: Path) -> Any:
    from app.ledger.importing import dry_run, open_ledger

    ledger = open_ledger(store, path, "members")
    return dry_run(store, ledger)


@dataclass(frozen=True)
class _Keys:
    secrets: Any
    public: Any


_KEYS: list[_Keys] = []


def _keys() -> _Keys:
    if not _KEYS:
        from app.sync import crypto

        secrets = crypto.generate_keys()
        _KEYS.append(_Keys(secrets, secrets.public()))
    return _KEYS[0]


def _plaintext_seed(folder: Path) -> bytes:
    from app.sync.package import inner_zip

    manifest = {
        "format": 1,
        "kind": "up",
        "station": "440307001",
        "district": "440307",
        "schema": "0016",
        "range": [1, 2],
        "created_at": "2026-11-30T08:00:00+08:00",
        "totals": {"member": 2},
    }
    row = {
        "table": "member",
        "id": "m1",
        "op": "insert",
        "owner": "440307001",
        "rev": 1,
        "row": {"name": "张三"},
    }
    changes = (json.dumps(row, ensure_ascii=False) + "\n") * 2
    return inner_zip(manifest, changes.encode())


def _seal(plaintext: bytes, target: Path) -> None:
    from app.sync import crypto
    from app.sync.package import write_outer

    keys = _keys()
    payload = crypto.encrypt([keys.public.age], plaintext)
    write_outer(target, payload, crypto.sign(keys.secrets, payload, "liangxin up 440307001"))


def _package_seed(folder: Path) -> bytes:
    _seal(_plaintext_seed(folder), folder / "seed.lxpkg")
    return (folder / "seed.lxpkg").read_bytes()


def _package_read(store: Store, path: Path) -> Any:
    """What importing a package or loading a receipt reads, up to the rows themselves."""
    from app.sync import crypto
    from app.sync.package import change_lines, open_payload, read_sealed, signer_key_id

    sealed = read_sealed(path)
    signer_key_id(sealed)
    keys = _keys()
    comment = crypto.verify(keys.public.sign, sealed.payload, sealed.signature)
    plaintext = crypto.decrypt(keys.secrets, sealed.payload)
    return list(change_lines(open_payload(sealed, plaintext, comment)))


def _payload_read(store: Store, path: Path) -> Any:
    """A package whose signed, encrypted content is damaged (made by a faulty sender)."""
    sealed_path = path.with_suffix(".lxpkg")
    _seal(path.read_bytes(), sealed_path)
    return _package_read(store, sealed_path)


def _station_keys_seed(folder: Path) -> bytes:
    from app.sync.keyfiles import signed_text

    keys = _keys()
    document = {
        "kind": "station-keys",
        "format": 1,
        "code": "440307001",
        "name": "南湾街道",
        "sign": keys.public.sign,
        "age": keys.public.age,
    }
    return signed_text(document, keys.secrets).encode()


def _station_keys_read(store: Store, path: Path) -> Any:
    from app.sync.keyfiles import read_station_keys

    return read_station_keys(path)


def _enrolment_seed(folder: Path) -> bytes:
    from app.sync.keyfiles import signed_text

    keys = _keys()
    document = {
        "kind": "enrolment",
        "format": 1,
        "district": {"code": "440307", "name": "龙岗区", "sign": keys.public.sign, "age": keys.public.age},
        "station": {"code": "440307001", "name": "南湾街道"},
        "created_at": "2026-11-30T08:00:00+08:00",
    }
    return signed_text(document, keys.secrets).encode()


def _enrolment_read(store: Store, path: Path) -> Any:
    from app.sync.keyfiles import read_enrolment

    return read_enrolment(path)


def _backup_seed_from(store: Store) -> Callable[[Path], bytes]:
    def seed(folder: Path) -> bytes:
        from app.backup.backup import backup_job
        from app.jobs import run_job

        result = run_job(backup_job(store, folder / "seed.db"))
        return Path(getattr(result, "path", folder / "seed.db")).read_bytes()

    return seed


def _backup_read(store: Store, path: Path) -> Any:
    from app.backup.preview import preview_backup

    return preview_backup(path)


def _ui_ini_seed(folder: Path) -> bytes:
    return "[General]\nlanguage=en\nreports=/tmp/报表\n\n[window]\npage=members\ngeometry=@ByteArray(\\x1\\xd9\\xd0\\xcb)\n".encode()


def _ui_ini_read(store: Store, path: Path) -> Any:
    """The window's start reads the language from ui.ini, and its state file."""
    from app.paths import data_dir
    from ui import state
    from ui.i18n import chosen_language

    (data_dir() / "ui.ini").write_bytes(path.read_bytes())
    state.use_database(store.location)
    window = state._file()
    window.parent.mkdir(parents=True, exist_ok=True)
    window.write_bytes(path.read_bytes())
    language = chosen_language()
    assert language in ("zh", "en")
    settings = state.window_state()
    return [language, settings.value("window/page"), settings.value("window/geometry")]


def targets(store: Store) -> dict[str, Target]:
    return {
        t.name: t
        for t in (
            Target("template", ".json", _template_seed, _template_read),
            Target("ledger_xlsx", ".xlsx", _xlsx_seed, _ledger_read),
            Target("ledger_csv", ".csv", _csv_seed, _ledger_read),
            Target("package", ".lxpkg", _package_seed, _package_read),
            Target("package_content", ".zip", _plaintext_seed, _payload_read),
            Target("station_keys", ".json", _station_keys_seed, _station_keys_read),
            Target("enrolment", ".json", _enrolment_seed, _enrolment_read),
            Target("backup", ".db", _backup_seed_from(store), _backup_read),
            Target("ui_ini", ".ini", _ui_ini_seed, _ui_ini_read),
        )
    }


NAMES = [
    "template",
    "ledger_xlsx",
    "ledger_csv",
    "package",
    "package_content",
    "station_keys",
    "enrolment",
    "backup",
    "ui_ini",
]


# --- the run -------------------------------------------------------------------------


def _cases(seed: bytes, name: str, count: int, rng_seed: int) -> Iterator[tuple[int, bytes]]:
    rng = random.Random(rng_seed)
    for number in range(count):
        data = seed
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            data = _mutate(rng, data, name)
        yield number, data


def fuzz(store: Store, folder: Path, name: str, count: int, rng_seed: int) -> list[str]:
    """Runs the cases; returns what went wrong, one line each."""
    target = targets(store)[name]
    folder.mkdir(parents=True, exist_ok=True)
    seed = target.seed(folder)
    _read_once(target, store, folder / f"seed{target.suffix}", seed)  # the seed itself reads
    problems: list[str] = []
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for number, data in _cases(seed, f"seed{target.suffix}", count, rng_seed):
            path = folder / f"case{number}{target.suffix}"
            try:
                path.write_bytes(data)
                signal.alarm(CASE_SECONDS)
                try:
                    target.read(store, path)
                finally:
                    signal.alarm(0)
            except Hang:
                problems.append(f"case {number}: no answer within {CASE_SECONDS} s")
            except LiangxinError as exc:
                message = exc.message
                if not CJK.search(message) or ENGLISH_ERROR.search(message):
                    problems.append(f"case {number}: {type(exc).__name__}: {message[:300]!r}")
            except Exception as exc:  # the finding: anything but a sentence
                problems.append(f"case {number}: {type(exc).__name__}: {str(exc)[:200]!r}")
            finally:
                path.unlink(missing_ok=True)
    finally:
        signal.signal(signal.SIGALRM, previous)
    return problems


def _read_once(target: Target, store: Store, path: Path, data: bytes) -> None:
    path.write_bytes(data)
    target.read(store, path)


@pytest.mark.parametrize("name", NAMES)
def test_damaged_files_are_read_or_refused_in_a_sentence(store: Store, tmp_path: Path, name: str) -> None:
    problems = fuzz(store, tmp_path / name, name, QUICK_CASES, rng_seed=sum(map(ord, name)))
    assert problems == [], "\n".join(problems)


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_many_damaged_files_are_read_or_refused_in_a_sentence(
    store: Store, tmp_path: Path, name: str
) -> None:
    problems = fuzz(store, tmp_path / name, name, SLOW_CASES, rng_seed=20261130 + sum(map(ord, name)))
    assert problems == [], "\n".join(problems[:40])
