"""Password rules and hashing: argon2id through argon2-cffi.

Parameters: argon2id, time_cost 2, memory_cost 64 MiB (65,536 KiB), parallelism 1,
16-byte salt, 32-byte hash — above OWASP's floor for argon2id (19 MiB, t=2) and
RFC 9106's memory-constrained choice in memory. Measured on this machine (2 shared
cores): one verify 0.09 s when quiet, 0.19–0.30 s with other test suites running
(medians; t=3 took 0.26 s and t=4 0.32 s busy) — inside the 0.5 s a login may take,
with room for a slower office PC (bench/accounts.py). A stored hash made with other
parameters still verifies and is re-hashed with these at the next login.

Rules: 8 to 128 characters after NFKC normalisation (full-width letters and digits
typed on a Chinese keyboard are the same password as their ASCII forms; the ceiling
keeps a pasted novel from costing the hash its time); no control characters.
"""

from __future__ import annotations

import unicodedata

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from app.domain.text import refuse_controls
from app.errors import FieldError

PASSWORD_MIN, PASSWORD_MAX = 8, 128
TIME_COST, MEMORY_KIB, PARALLELISM = 2, 65_536, 1

_HASHER = PasswordHasher(
    time_cost=TIME_COST,
    memory_cost=MEMORY_KIB,
    parallelism=PARALLELISM,
    hash_len=32,
    salt_len=16,
    type=Type.ID,
)
# Verified against when the name is unknown, so that an unknown name costs the same
# time as a wrong password. A literal with the same parameters: made at run time, the
# first unknown name would pay for hashing it and stand out.
_DUMMY = "$argon2id$v=19$m=65536,t=2,p=1$Z/63ZMNqP0BSqcjDNt7meQ$pjTlnNScfbZH9DDh0j0zyO9aKgdD2RlgBUH0JqMDDAE"


def normalise_password(password: str) -> str:
    return unicodedata.normalize("NFKC", password)


def check_password(password: str, field: str = "password") -> str:
    """A new password as stored (normalised), or one sentence saying what is wrong."""
    text = normalise_password(password)
    refuse_controls(text, "密码", field)
    if len(text) < PASSWORD_MIN:
        raise FieldError(field, f"密码至少要 {PASSWORD_MIN} 个字符，请换一个更长的密码。")
    if len(text) > PASSWORD_MAX:
        raise FieldError(field, f"密码最多 {PASSWORD_MAX} 个字符，请换一个短一些的密码。")
    return text


def hash_password(password: str) -> str:
    return _HASHER.hash(check_password(password))


def verify_password(stored: str | None, password: str) -> bool:
    """Whether ``password`` matches ``stored``; with ``stored`` None (no such account)
    the same work is done against a dummy hash and the answer is False."""
    text = normalise_password(password)[: PASSWORD_MAX * 4]  # never hash an unbounded paste
    if stored is None:
        stored, text = _DUMMY, text + "\x00"  # the suffix: never the dummy's own password
    try:
        return _HASHER.verify(stored, text)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    try:
        return _HASHER.check_needs_rehash(stored)
    except InvalidHashError:
        return True
