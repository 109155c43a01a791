"""Signing (minisign, Ed25519) and encryption (age, X25519) for data exchange: pure
functions over bytes and text, no database.

The formats are the stock tools' own, so that a district's IT staff can check any
package without this program: a signature is minisign's prehashed ``.minisig`` text
(``minisign -Vm FILE -p KEY.pub``), a payload is binary age (``age -d -i KEY FILE``).

At rest both secret keys travel together as a small JSON encrypted with age's
passphrase mode (scrypt, about 2 s here each way), ASCII-armored. minisign's own
password encryption is not used: its scrypt takes 1 GiB of memory, too much for an
office PC, and one passphrase should open both keys."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field

import minisign
import pyrage

from app.errors import FieldError, LiangxinError

MIN_PASSPHRASE = 8
SECRETS_FORMAT = 1
ARMOR_BEGIN = "-----BEGIN AGE ENCRYPTED FILE-----"
ARMOR_END = "-----END AGE ENCRYPTED FILE-----"
AGE_HEADER = b"age-encryption.org/v1\n-> scrypt "
SIGNATURE_COMMENT = "signature from liangxin station key"

FORGOTTEN = "如已忘记口令，只能重新登记生成新密钥（数据交换页的“重新登记”，或 liangxin keys --help 所列步骤）"


class WrongPassphrase(LiangxinError):
    """The passphrase does not open this station's keys."""

    def __init__(self) -> None:
        super().__init__(f"口令不对，密钥没有打开，未做任何改动；请核对大小写和输入法后重试，{FORGOTTEN}。")


class KeyringDamaged(LiangxinError):
    """The stored, encrypted keys are not what lock_secrets wrote."""

    def __init__(self) -> None:
        super().__init__(f"本站点保存的密钥已损坏，无法打开，未做任何改动；{FORGOTTEN}。")


class BadKey(LiangxinError):
    """A public key (registered or read from a file) that is not one."""


class BadSignature(LiangxinError):
    """A signature that does not hold. ``reason``: ``malformed`` (not a minisign
    signature), ``key`` (made with another key: ``signed_by`` is its key id) or
    ``mismatch`` (the data or the trusted comment changed since signing)."""

    def __init__(self, message: str, reason: str, signed_by: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.signed_by = signed_by


class CannotDecrypt(LiangxinError):
    """An age file this station's key does not open."""

    def __init__(self) -> None:
        super().__init__(
            "无法解密：文件不是发给本站点的（加密时用的不是本站点的密钥），或文件已损坏，未做任何改动；"
            "请向发送方确认后重新索取。"
        )


@dataclass(frozen=True)
class PublicKeys:
    sign: str  # minisign public key, the base64 line ("RWQ…")
    age: str  # age X25519 recipient ("age1…")


@dataclass(frozen=True)
class SecretKeys:
    # Never in a repr: a secret must not reach a log or a traceback.
    sign: str = field(repr=False)  # minisign secret key, unencrypted, the base64 line
    age: str = field(repr=False)  # age X25519 identity ("AGE-SECRET-KEY-1…")

    def public(self) -> PublicKeys:
        secret = minisign.SecretKey.from_base64(self.sign)
        return PublicKeys(
            sign=secret.get_public_key().to_base64().decode("ascii"),
            age=str(pyrage.x25519.Identity.from_str(self.age).to_public()),
        )


def generate_keys() -> SecretKeys:
    pair = minisign.KeyPair.generate()
    return SecretKeys(
        sign=pair.secret_key.to_base64().decode("ascii"),
        age=str(pyrage.x25519.Identity.generate()),
    )


# --- secret keys at rest ------------------------------------------------------------


def check_new_passphrase(passphrase: str) -> str:
    """The passphrase as used (surrounding spaces dropped, as when it is typed again),
    refused when too short to stand a guessing attack on a stolen database."""
    passphrase = passphrase.strip()
    if len(passphrase) < MIN_PASSPHRASE:
        raise FieldError(
            "passphrase",
            f"口令至少要 {MIN_PASSPHRASE} 个字符（现为 {len(passphrase)} 个），请换一个更长的口令；"
            "它保护本站点的密钥，请记牢，忘记了只能重新登记。",
        )
    return passphrase


def lock_secrets(secrets: SecretKeys, passphrase: str) -> str:
    passphrase = check_new_passphrase(passphrase)
    plain = json.dumps({"format": SECRETS_FORMAT, "sign": secrets.sign, "age": secrets.age})
    return pyrage.passphrase.encrypt(plain.encode("ascii"), passphrase, armored=True).decode("ascii")


def _looks_locked(text: str) -> bool:
    """Whether ``text`` has the shape lock_secrets gives, so that a failure to open it
    is the passphrase's fault and not the storage's."""
    lines = text.strip().splitlines()
    if len(lines) < 3 or lines[0] != ARMOR_BEGIN or lines[-1] != ARMOR_END:
        return False
    try:
        body = base64.b64decode("".join(lines[1:-1]), validate=True)
    except (binascii.Error, ValueError):
        return False
    return body.startswith(AGE_HEADER)


def unlock_secrets(text: str, passphrase: str) -> SecretKeys:
    if not _looks_locked(text):
        raise KeyringDamaged()
    try:
        plain = pyrage.passphrase.decrypt(text.encode("ascii"), passphrase.strip())
    except pyrage.DecryptError:
        raise WrongPassphrase() from None
    try:
        data = json.loads(plain)
        secrets = SecretKeys(sign=str(data["sign"]), age=str(data["age"]))
        secrets.public()  # both keys parse
    except (ValueError, KeyError, TypeError, minisign.Error, pyrage.IdentityError):
        raise KeyringDamaged() from None
    return secrets


# --- public keys --------------------------------------------------------------------


def _sign_key_bytes(public_sign: str) -> bytes:
    try:
        raw = base64.b64decode(public_sign.strip(), validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 42 or raw[:2] != b"Ed":
        raise BadKey(f"“{public_sign[:60]}”不是有效的 minisign 公钥（应为 RWQ 开头的一行），未做任何改动。")
    return raw


def key_id(public_sign: str) -> str:
    """The key id as minisign shows it (``minisign public key 3BB4…`` in a .pub file):
    16 hex digits, the id read as a little-endian number. Two people compare it aloud."""
    return _sign_key_bytes(public_sign)[2:10][::-1].hex().upper()


def check_public_keys(keys: PublicKeys) -> PublicKeys:
    """``keys`` with both parts checked (BadKey otherwise), surrounding spaces dropped."""
    sign, age = keys.sign.strip(), keys.age.strip()
    _sign_key_bytes(sign)
    try:
        pyrage.x25519.Recipient.from_str(age)
    except pyrage.RecipientError:
        raise BadKey(f"“{age[:70]}”不是有效的 age 接收密钥（应为 age1 开头），未做任何改动。") from None
    return PublicKeys(sign=sign, age=age)


def minisign_public_file(public_sign: str) -> str:
    """A .pub file for ``minisign -p FILE``."""
    return f"untrusted comment: minisign public key {key_id(public_sign)}\n{public_sign}\n"


def age_identity_file(secrets: SecretKeys) -> str:
    """An identity file for ``age -d -i FILE``."""
    return f"# public key: {secrets.public().age}\n{secrets.age}\n"


# --- signatures ---------------------------------------------------------------------


def sign(secrets: SecretKeys, data: bytes, trusted_comment: str) -> str:
    """The .minisig text over ``data`` (prehashed, as minisign 0.11 makes and checks by
    default). ``trusted_comment`` is signed too; minisign allows printable ASCII only."""
    with minisign.SecretKey.from_base64(secrets.sign) as secret:
        signature = secret.sign(
            data, prehash=True, untrusted_comment=SIGNATURE_COMMENT, trusted_comment=trusted_comment
        )
    return bytes(signature).decode("ascii") + "\n"


def signature_key_id(signature: str) -> str | None:
    """The id of the key that made ``signature`` (as key_id gives it), None when it is
    not a minisign signature: to name who signed a file that fails to verify."""
    lines = signature.splitlines()
    if len(lines) < 2:
        return None
    try:
        raw = base64.b64decode(lines[1].strip(), validate=True)
    except (binascii.Error, ValueError):
        return None
    return raw[2:10][::-1].hex().upper() if len(raw) == 74 else None


def verify(public_sign: str, data: bytes, signature: str) -> str:
    """The trusted comment of a signature by ``public_sign`` over ``data``; BadSignature
    when it does not hold, for whatever reason."""
    expected = key_id(public_sign)
    try:
        parsed = minisign.Signature.from_bytes(signature.encode("utf-8"))
    except ValueError:  # minisign.Error, and a text that cannot even be encoded
        raise BadSignature(
            "签名不是有效的 minisign 签名（文件不完整或已损坏），无法核验，未做任何改动；请向发送方重新索取文件。",
            "malformed",
        ) from None
    signed_by = signature_key_id(signature)
    if signed_by != expected:
        raise BadSignature(
            f"签名所用的密钥（编号 {signed_by}）不是登记的密钥（编号 {expected}），文件不可信，未做任何改动；"
            "请确认文件来自哪个站点、该站点是否已重新登记。",
            "key",
            signed_by,
        )
    try:
        minisign.PublicKey.from_base64(public_sign.strip()).verify(data, parsed)
    except ValueError:
        raise BadSignature(
            "签名与文件内容不符：文件在传递中被改动或已损坏，未做任何改动；请向发送方重新索取文件。",
            "mismatch",
            signed_by,
        ) from None
    return parsed.trusted_comment


# --- encryption ---------------------------------------------------------------------


def encrypt(recipients: list[str], data: bytes) -> bytes:
    """Binary age, readable by each recipient's identity."""
    if not recipients:
        raise ValueError("encrypt needs at least one recipient")
    try:
        keys = [pyrage.x25519.Recipient.from_str(r.strip()) for r in recipients]
    except pyrage.RecipientError:
        raise BadKey(
            "登记的 age 接收密钥无效（应为 age1 开头），未做任何改动；请重新载入对方的公钥。"
        ) from None
    return pyrage.encrypt(data, keys)


def decrypt(secrets: SecretKeys, data: bytes) -> bytes:
    try:
        identity = pyrage.x25519.Identity.from_str(secrets.age)
    except pyrage.IdentityError:
        raise KeyringDamaged() from None
    try:
        return pyrage.decrypt(data, [identity])
    except pyrage.DecryptError:
        raise CannotDecrypt() from None
