"""Keys for data exchange: what this program signs and encrypts, the stock ``minisign``
and ``age`` programs check and open (and the other way round); enrolment of a
sub-district with its district, through the services and the command line.

Opening or locking a passphrase costs ~2 s of scrypt: one module-wide world (a district
and an enrolled sub-district) is built once, and the in-process cache of unlocked keys
serves every later step, as it does in the program."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.cli.main import main
from app.errors import LiangxinError
from app.store import Store, init_store, open_store
from app.sync import crypto, keyfiles, keys
from db.models import Keyring, Station
from tests.conftest import IN_CI, STATION, _building

PASSPHRASE = "南湾数据交换2026"
DISTRICT = ("440307", "龙岗区")
CJK = re.compile(r"[\u4e00-\u9fff]")


def one_sentence(text: str) -> str:
    """A message a person reads: one line, in Chinese, no traceback or class name."""
    text = text.strip()
    assert text and "\n" not in text, text
    assert CJK.search(text) and "Traceback" not in text and "Error" not in text, text
    return text


@pytest.fixture(scope="module")
def tools() -> dict[str, str]:
    found = {name: shutil.which(name) for name in ("age", "minisign")}
    missing = [name for name, path in found.items() if path is None]
    if missing:
        reason = f"the stock {' and '.join(missing)} program(s) are not installed (.ci/run installs them)"
        pytest.fail(reason) if IN_CI else pytest.skip(reason)
    return {name: str(path) for name, path in found.items()}


def run_tool(*args: str | Path, input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(a) for a in args], input=input, capture_output=True, timeout=60, check=False)


def flipped(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


# --- crypto against the stock programs ----------------------------------------------


def test_stock_minisign_verifies_what_we_sign(tools: dict[str, str], tmp_path: Path) -> None:
    secrets = crypto.generate_keys()
    public = secrets.public()
    data = b"payload " * 5000
    (tmp_path / "payload.age").write_bytes(data)
    (tmp_path / "payload.age.minisig").write_text(crypto.sign(secrets, data, "liangxin up 440307001 1-9"))
    (tmp_path / "station.pub").write_text(crypto.minisign_public_file(public.sign))
    done = run_tool(tools["minisign"], "-Vm", tmp_path / "payload.age", "-p", tmp_path / "station.pub")
    assert done.returncode == 0, done.stderr
    assert b"Trusted comment: liangxin up 440307001 1-9" in done.stdout
    (tmp_path / "payload.age").write_bytes(flipped(data, 1234))
    done = run_tool(tools["minisign"], "-Vm", tmp_path / "payload.age", "-p", tmp_path / "station.pub")
    assert done.returncode != 0
    # The key id people read aloud is the one minisign writes into its own .pub files.
    assert (tmp_path / "station.pub").read_text().splitlines()[0].endswith(crypto.key_id(public.sign))


def test_stock_age_decrypts_what_we_encrypt(tools: dict[str, str], tmp_path: Path) -> None:
    district, station = crypto.generate_keys(), crypto.generate_keys()
    data = os.urandom(200_000)
    sealed = crypto.encrypt([district.public().age, station.public().age], data)
    (tmp_path / "payload.age").write_bytes(sealed)
    for secrets in (district, station):  # each recipient opens it
        (tmp_path / "key.txt").write_text(crypto.age_identity_file(secrets))
        done = run_tool(tools["age"], "-d", "-i", tmp_path / "key.txt", tmp_path / "payload.age")
        assert done.returncode == 0, done.stderr
        assert done.stdout == data
    (tmp_path / "key.txt").write_text(crypto.age_identity_file(crypto.generate_keys()))
    assert run_tool(tools["age"], "-d", "-i", tmp_path / "key.txt", tmp_path / "payload.age").returncode != 0


def test_we_verify_what_stock_minisign_signs(tools: dict[str, str], tmp_path: Path) -> None:
    pub, key, data_file = tmp_path / "k.pub", tmp_path / "k.key", tmp_path / "data.bin"
    made = run_tool(tools["minisign"], "-G", "-W", "-p", pub, "-s", key)
    assert made.returncode == 0, made.stderr
    data = os.urandom(50_000)
    data_file.write_bytes(data)
    signed = run_tool(tools["minisign"], "-Sm", data_file, "-s", key, "-t", "signed by the stock tool")
    assert signed.returncode == 0, signed.stderr
    public_sign = pub.read_text().splitlines()[1]
    signature = (tmp_path / "data.bin.minisig").read_text()
    assert crypto.verify(public_sign, data, signature) == "signed by the stock tool"
    # minisign 0.11 writes the id without leading zeros (one key in sixteen has one)
    header = pub.read_text().splitlines()[0]
    assert header.startswith("untrusted comment: minisign public key ")
    assert int(header.rsplit(" ", 1)[1], 16) == int(crypto.key_id(public_sign), 16)

    with pytest.raises(crypto.BadSignature) as refused:
        crypto.verify(public_sign, flipped(data, 0), signature)
    assert refused.value.reason == "mismatch"
    one_sentence(refused.value.message)
    comment_changed = signature.replace("signed by the stock tool", "signed by the stock toot")
    with pytest.raises(crypto.BadSignature):
        crypto.verify(public_sign, data, comment_changed)
    other = crypto.generate_keys().public().sign
    with pytest.raises(crypto.BadSignature) as refused:
        crypto.verify(other, data, signature)
    assert refused.value.reason == "key" and refused.value.signed_by == crypto.key_id(public_sign)
    assert crypto.key_id(public_sign) in refused.value.message


def test_we_decrypt_what_stock_age_encrypts(tools: dict[str, str], tmp_path: Path) -> None:
    secrets = crypto.generate_keys()
    data = os.urandom(100_000)
    (tmp_path / "plain").write_bytes(data)
    done = run_tool(
        tools["age"], "-r", secrets.public().age, "-o", tmp_path / "sealed.age", tmp_path / "plain"
    )
    assert done.returncode == 0, done.stderr
    sealed = (tmp_path / "sealed.age").read_bytes()
    assert crypto.decrypt(secrets, sealed) == data
    for damaged in (flipped(sealed, len(sealed) - 10), flipped(sealed, 40), sealed[:-1], b"", b"not age"):
        with pytest.raises(crypto.CannotDecrypt) as refused:
            crypto.decrypt(secrets, damaged)
        one_sentence(refused.value.message)
    with pytest.raises(crypto.CannotDecrypt):
        crypto.decrypt(crypto.generate_keys(), sealed)  # addressed to another station


def test_every_damage_to_a_signature_is_one_sentence() -> None:
    secrets = crypto.generate_keys()
    public = secrets.public().sign
    data = b"manifest and changes"
    signature = crypto.sign(secrets, data, "liangxin up")
    assert crypto.verify(public, data, signature) == "liangxin up"
    lines = signature.splitlines()
    damaged = [
        "",
        "not a signature",
        "\n".join(lines[:3]),  # truncated
        signature.replace("liangxin up", "liangxin uP"),  # the trusted comment
        "\n".join([lines[0], lines[1], lines[2], lines[3][:-4] + "AAA="]),  # the global signature
        "\n".join([lines[0], lines[1][:-8] + "AAAAAAA=", lines[2], lines[3]]),  # the data signature
        signature.replace("trusted comment:", "trusted  comment:"),
        "\udcff",  # not even encodable
    ]
    for text in damaged:
        with pytest.raises(crypto.BadSignature) as refused:
            crypto.verify(public, data, text)
        one_sentence(refused.value.message)
    for at in range(0, len(data)):
        with pytest.raises(crypto.BadSignature):
            crypto.verify(public, flipped(data, at), signature)


def test_keys_at_rest_refuse_short_passphrases_and_damage() -> None:
    secrets = crypto.generate_keys()
    with pytest.raises(LiangxinError) as refused:
        crypto.lock_secrets(secrets, "  1234567  ")  # 7 characters once trimmed
    assert "至少要 8 个字符" in one_sentence(refused.value.message)
    for damaged in (
        "",
        "not armored",
        "-----BEGIN AGE ENCRYPTED FILE-----\nAAAA\n-----END AGE ENCRYPTED FILE-----",
    ):
        with pytest.raises(crypto.KeyringDamaged) as refused:
            crypto.unlock_secrets(damaged, PASSPHRASE)
        assert "重新登记" in one_sentence(refused.value.message)
    # No secret in a repr, so none in a log or a traceback.
    assert secrets.sign not in repr(secrets) and secrets.age not in repr(secrets)


# --- enrolment through the services -------------------------------------------------


@dataclass
class World:
    folder: Path
    district: Store
    station: Store
    enrolment: Path
    public_file: Path


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Iterator[World]:
    """The district (keys made) and 南湾街道 enrolled with it, its public key loaded."""
    folder = tmp_path_factory.mktemp("keys-world")
    with _building(tmp_path_factory):
        district, _ = init_store(str(folder / "district.sqlite3"), *DISTRICT, role="district")
        shutil.copy(sqlite_template, folder / "station.sqlite3")
        station = open_store(str(folder / "station.sqlite3"))
        try:
            keys.init_keys(district, PASSPHRASE)
            enrolment = folder / "nanwan.enrol.json"
            added = keys.add_station(district, STATION[0], STATION[1], enrolment_out=enrolment)
            assert added["created"] and added["enrolment_file"] == str(enrolment)
            enrolled = keys.enrol(station, enrolment, PASSPHRASE)
            assert enrolled["changed"] and enrolled["district"]["code"] == DISTRICT[0]
            public_file = folder / "nanwan.pub.json"
            keys.export_public(station, public_file)
            loaded = keys.add_station(district, STATION[0], pubkey_file=public_file)
            assert loaded["keys_change"] == "new"
            yield World(folder, district, station, enrolment, public_file)
        finally:
            district.close()
            station.close()


def state(store: Store) -> list[Any]:
    """Everything the key services write: the stations and the keyring."""
    with store.read() as session:
        stations = [
            (s.code, s.name, s.role, s.parent_code, s.sign_public_key, s.age_recipient, s.revoked_at)
            for s in session.scalars(select(Station).order_by(Station.code))
        ]
        rings = [(r.station_code, r.secrets) for r in session.scalars(select(Keyring))]
    return [stations, rings]


def station_keys_file(path: Path, code: str, name: str, secrets: crypto.SecretKeys) -> Path:
    """A public-key file as a station writes it (for keys made here, without a passphrase)."""
    public = secrets.public()
    document = {"format": 1, "kind": "station-keys", "code": code, "name": name}
    document |= {"sign": public.sign, "age": public.age}
    path.write_text(keyfiles.signed_text(document, secrets), encoding="utf-8")
    return path


def test_enrolment_registers_each_side_with_the_other(world: World) -> None:
    with world.district.read() as session:
        district_public = keys.own_public(session)
        assert keys.sender_keys(session, STATION[0]) == keys.unlocked(world.station).public()
    with world.station.read() as session:
        assert keys.district_keys(session) == district_public
        me = session.scalar(select(Station).where(Station.is_self.is_(True)))
        assert me is not None and me.parent_code == DISTRICT[0]
    [listed] = [r for r in keys.list_stations(world.district) if r["code"] == STATION[0]]
    station_id = crypto.key_id(keys.unlocked(world.station).public().sign)
    assert listed["keys"] and listed["key_id"] == station_id and not listed["revoked"]
    assert listed["last_received_seq"] == 0
    shown = keys.key_status(world.station)
    assert shown["key_id"] == station_id
    assert shown["district"] == {
        "code": DISTRICT[0],
        "name": DISTRICT[1],
        "key_id": crypto.key_id(district_public.sign),
    }
    # The keys at rest are locked: nothing secret is stored in the clear.
    secrets = keys.unlocked(world.station)
    with world.station.read() as session:
        ring = session.get(Keyring, STATION[0])
        assert ring is not None and secrets.sign not in ring.secrets and secrets.age not in ring.secrets


def test_the_same_enrolment_file_again_changes_nothing(world: World) -> None:
    before = state(world.station)
    again = keys.enrol(world.station, world.enrolment, "not even asked for")
    assert again["changed"] is False and again["district"]["name"] == DISTRICT[1]
    assert state(world.station) == before


def test_an_enrolment_for_another_station_is_refused(world: World) -> None:
    other = world.folder / "buji.enrol.json"
    keys.add_station(world.district, "440307002", "布吉街道", enrolment_out=other)
    before = state(world.station)
    with pytest.raises(LiangxinError) as refused:
        keys.enrol(world.station, other, PASSPHRASE)
    message = one_sentence(refused.value.message)
    assert "440307002" in message and STATION[0] in message and "布吉街道" in message
    assert state(world.station) == before


def test_another_district_needs_again(world: World, tmp_path: Path) -> None:
    rogue = crypto.generate_keys()
    public = rogue.public()
    document = {
        "format": 1,
        "kind": "enrolment",
        "district": {"code": "440308", "name": "盐田区", "sign": public.sign, "age": public.age},
        "station": {"code": STATION[0], "name": STATION[1]},
        "created_at": "2026-11-30T00:00:00+00:00",
    }
    path = tmp_path / "other-district.json"
    path.write_text(keyfiles.signed_text(document, rogue), encoding="utf-8")
    before = state(world.station)
    with pytest.raises(LiangxinError) as refused:
        keys.enrol(world.station, path, PASSPHRASE)
    message = one_sentence(refused.value.message)
    assert "--again" in message and "盐田区" in message and crypto.key_id(public.sign) in message
    assert state(world.station) == before


def test_damaged_or_wrong_files_are_one_sentence_and_change_nothing(world: World, tmp_path: Path) -> None:
    text = world.enrolment.read_text(encoding="utf-8")
    renamed = tmp_path / "renamed.json"
    renamed.write_text(text.replace(STATION[1], "南湾街道办"), encoding="utf-8")
    other_key = json.loads(text)
    other_key["district"]["sign"] = crypto.generate_keys().public().sign
    swapped = tmp_path / "swapped.json"
    swapped.write_text(json.dumps(other_key, ensure_ascii=False), encoding="utf-8")
    cut = tmp_path / "cut.json"
    cut.write_text(text[: len(text) // 2], encoding="utf-8")
    binary = tmp_path / "binary.json"
    binary.write_bytes(os.urandom(300))
    newer = tmp_path / "newer.json"
    newer.write_text(text.replace('"format": 1', '"format": 2'), encoding="utf-8")
    unsigned = tmp_path / "unsigned.json"
    unsigned.write_text(json.dumps({k: v for k, v in json.loads(text).items() if k != "signature"}), "utf-8")
    cases = {
        renamed: "已被改动",
        swapped: "已被改动",
        cut: "不是 liangxin 的登记文件",
        binary: "不是 liangxin 的登记文件",
        newer: "更新版本",
        unsigned: "缺少签名",
        world.public_file: "是公钥文件，不是登记文件",
        tmp_path / "missing.json": "找不到登记文件",
        tmp_path: "是文件夹",
    }
    before = state(world.station)
    for path, expected in cases.items():
        with pytest.raises(LiangxinError) as refused:
            keys.enrol(world.station, path, PASSPHRASE, again=True)
        assert expected in one_sentence(refused.value.message), path
    assert state(world.station) == before
    before = state(world.district)
    with pytest.raises(LiangxinError) as refused:
        keys.add_station(world.district, STATION[0], pubkey_file=world.enrolment)
    assert "是登记文件，不是公钥文件" in one_sentence(refused.value.message)
    with pytest.raises(LiangxinError) as refused:  # another station's file for this code
        keys.add_station(world.district, "440307003", "坂田街道", pubkey_file=world.public_file)
    message = one_sentence(refused.value.message)
    assert STATION[0] in message and "440307003" in message
    assert state(world.district) == before


def test_a_station_keeps_its_key_until_revoked(world: World, tmp_path: Path) -> None:
    code, name = "440307003", "坂田街道"
    first, second = crypto.generate_keys(), crypto.generate_keys()
    first_file = station_keys_file(tmp_path / "first.json", code, name, first)
    second_file = station_keys_file(tmp_path / "second.json", code, name, second)
    assert keys.add_station(world.district, code, name, pubkey_file=first_file)["keys_change"] == "new"
    assert keys.add_station(world.district, code, pubkey_file=first_file)["keys_change"] == "same"
    with world.district.write() as session:  # a package was received with the first key
        row = session.get(Station, code)
        assert row is not None
        row.last_received_seq = 57
    before = state(world.district)
    with pytest.raises(LiangxinError) as refused:
        keys.add_station(world.district, code, pubkey_file=second_file)
    assert f"station revoke {code}" in one_sentence(refused.value.message)
    assert state(world.district) == before

    revoked = keys.revoke_station(world.district, code)
    assert revoked["changed"] and revoked["revoked_at"] is not None
    assert keys.revoke_station(world.district, code)["changed"] is False
    with world.district.read() as session, pytest.raises(keys.SenderRefused) as refused:
        keys.sender_keys(session, code)
    assert "吊销" in one_sentence(refused.value.message) and name in refused.value.message
    assert [r["revoked"] for r in keys.list_stations(world.district) if r["code"] == code] == [True]
    with pytest.raises(LiangxinError) as refused:  # the revoked key is not taken back
        keys.add_station(world.district, code, pubkey_file=first_file)
    assert "已吊销" in one_sentence(refused.value.message)

    assert keys.add_station(world.district, code, pubkey_file=second_file)["keys_change"] == "replaced"
    with world.district.read() as session:
        assert keys.sender_keys(session, code) == second.public()


def test_one_key_belongs_to_one_station(world: World, tmp_path: Path) -> None:
    nanwan = keys.unlocked(world.station)  # open since enrolment, in this process
    borrowed = station_keys_file(tmp_path / "borrowed.json", "440307005", "平湖街道", nanwan)
    before = state(world.district)
    with pytest.raises(LiangxinError) as refused:
        keys.add_station(world.district, "440307005", "平湖街道", pubkey_file=borrowed)
    assert STATION[1] in one_sentence(refused.value.message)
    assert state(world.district) == before


def test_unknown_or_keyless_senders_are_refused(world: World) -> None:
    keys.add_station(world.district, "440307006", "园山街道")
    with world.district.read() as session:
        for code, expected in (("440307009", "未在本站点登记"), ("440307006", "还没有载入公钥")):
            with pytest.raises(keys.SenderRefused) as refused:
                keys.sender_keys(session, code)
            assert expected in one_sentence(refused.value.message)


def test_each_side_does_only_its_own_part(world: World) -> None:
    refusals = [
        lambda: keys.add_station(world.station, "440307002", "布吉街道"),
        lambda: keys.revoke_station(world.station, DISTRICT[0]),
        lambda: keys.enrol(world.district, world.enrolment, PASSPHRASE),
        lambda: keys.init_keys(world.station, PASSPHRASE),
        lambda: keys.init_keys(world.district, PASSPHRASE),  # it has keys already
        lambda: keys.add_station(world.district, "44030700", "布吉街道"),  # not 9 digits
        lambda: keys.add_station(world.district, "440307007", None),  # a new station needs a name
        lambda: keys.revoke_station(world.district, "440307009"),
    ]
    before = state(world.district), state(world.station)
    for refuse in refusals:
        with pytest.raises(LiangxinError) as refused:
            refuse()
        one_sentence(refused.value.message)
    assert (state(world.district), state(world.station)) == before


def test_closed_keys_ask_for_the_passphrase(
    world: World, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(keys, "_unlocked", {})  # a new process: nothing open yet
    with pytest.raises(keys.PassphraseNeeded) as refused:
        keys.unlocked(world.station)
    one_sentence(refused.value.message)
    with pytest.raises(keys.PassphraseNeeded):
        keys.export_public(world.station, tmp_path / "out.json")
    with pytest.raises(keys.PassphraseNeeded):
        keys.add_station(world.district, "440307002", enrolment_out=tmp_path / "out.json")
    assert not (tmp_path / "out.json").exists()


# --- the command line ---------------------------------------------------------------


def cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_enrolment_walkthrough(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(keys_env(), PASSPHRASE)
    district = world.folder / "district.sqlite3"
    code, _, err = cli(capsys, "--db", district, "keys", "init")
    assert code == 1 and "已有密钥" in one_sentence(err)

    enrolment, public = tmp_path / "pinghu.enrol.json", tmp_path / "pinghu.pub.json"
    code, out, _ = cli(capsys, "--db", district, "station", "add", "--code", "440307004", "--name", "平湖街道", "--out", enrolment)  # fmt: skip
    assert code == 0 and "登记文件已写出" in out and enrolment.exists()
    station = tmp_path / "pinghu.sqlite3"
    assert cli(capsys, "--db", station, "init", "--station", "440307004", "--name", "平湖街道")[0] == 0
    code, out, _ = cli(capsys, "--db", station, "keys", "enrol", enrolment, "--json")
    enrolled = json.loads(out)
    assert code == 0 and enrolled["changed"] and enrolled["district"]["code"] == DISTRICT[0]
    code, out, _ = cli(capsys, "--db", station, "keys", "enrol", enrolment)
    assert code == 0 and "无需再次登记" in out
    assert cli(capsys, "--db", station, "keys", "export-public", "--out", public)[0] == 0
    code, out, _ = cli(capsys, "--db", district, "station", "add", "--code", "440307004", "--pubkey", public)
    assert code == 0 and "已载入其公钥" in out
    code, out, _ = cli(capsys, "--db", district, "station", "list", "--json")
    [listed] = [r for r in json.loads(out) if r["code"] == "440307004"]
    assert listed["keys"] and listed["key_id"] == enrolled["key_id"]

    # A lost passphrase: enrolled again with new keys, and the district loads the new key.
    monkeypatch.setenv(keys_env(), "另一个新口令2027")
    code, out, _ = cli(capsys, "--db", station, "keys", "enrol", enrolment, "--again", "--json")
    again = json.loads(out)
    assert code == 0 and again["changed"] and again["again"] and again["key_id"] != enrolled["key_id"]
    assert cli(capsys, "--db", station, "keys", "export-public", "--out", public)[0] == 0
    code, out, _ = cli(capsys, "--db", district, "station", "add", "--code", "440307004", "--pubkey", public)
    assert code == 0 and "已换用其新公钥" in out

    code, out, _ = cli(capsys, "--db", district, "station", "revoke", "440307004")
    assert code == 0 and "已吊销" in out
    code, out, _ = cli(capsys, "--db", district, "station", "revoke", "440307004")
    assert code == 0 and "无需再次吊销" in out
    code, out, _ = cli(capsys, "--db", station, "keys", "show", "--json")
    assert json.loads(out)["district"]["code"] == DISTRICT[0]


def keys_env() -> str:
    from app.cli.keys import PASSPHRASE_ENV

    return PASSPHRASE_ENV


def test_cli_passphrase(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    station = world.folder / "station.sqlite3"
    out_file = tmp_path / "nanwan.pub.json"
    monkeypatch.setattr(keys, "_unlocked", {})  # each command as a new process would run it
    monkeypatch.delenv(keys_env(), raising=False)
    code, _, err = cli(capsys, "--db", station, "keys", "export-public", "--out", out_file)
    assert code == 1 and keys_env() in one_sentence(err)

    monkeypatch.setenv(keys_env(), "not the passphrase")
    code, _, err = cli(capsys, "--db", station, "keys", "export-public", "--out", out_file)
    assert code == 1 and "口令不对" in one_sentence(err) and "keys --help" in err
    assert not out_file.exists()

    monkeypatch.setenv(keys_env(), f"  {PASSPHRASE}  ")  # as typed, spaces around
    code, out, _ = cli(capsys, "--db", station, "keys", "export-public", "--out", out_file, "--json")
    assert code == 0 and json.loads(out)["key_id"] == keys.key_status(world.station)["key_id"]
    assert keyfiles.read_station_keys(out_file)["code"] == STATION[0]

    fresh = tmp_path / "fresh-district.sqlite3"
    assert (
        cli(capsys, "--db", fresh, "init", "--station", "440308", "--name", "盐田区", "--role", "district")[0]
        == 0
    )
    monkeypatch.setenv(keys_env(), "short")
    code, _, err = cli(capsys, "--db", fresh, "keys", "init")
    assert code == 1 and "至少要 8 个字符" in one_sentence(err)
    code, out, _ = cli(capsys, "--db", fresh, "keys", "show", "--json")
    assert code == 0 and json.loads(out)["keys"] is False
