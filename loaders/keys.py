"""Person keys: `p:{name}@{scope}`, made and read here only.

The name part is the name as written (`normalize.name_key`: lowercase, NFC, new tone
placement, tone marks kept), because Hùng and Hưng, Thành and Thanh are different
names.  The scope (a province, "national", an article's key, a split's "…#2") is
folded.  Keys a user writes by hand may leave the marks out: `normalize.spelled_as`
says which keys such a text means.
"""
from __future__ import annotations

from orggraph.loaders.normalize import is_plain, name_key, spelled_as

__all__ = ["person_key", "key_name", "key_scope", "respell", "spelled_as"]


def person_key(name: str, scope: str) -> str:
    """The key of a person named `name` in the context `scope`."""
    return f"p:{name_key(name)}@{scope}"


def key_name(key: str) -> str:
    """The name part of a person key ("p:lê tiến châu@hai phong" -> "lê tiến châu")."""
    return key.removeprefix("p:").partition("@")[0]


def key_scope(key: str) -> str:
    """The scope part of a person key ("p:lê tiến châu@hai phong" -> "hai phong")."""
    return key.removeprefix("p:").partition("@")[2]


def respell(written: str, name: str) -> str:
    """A key a user wrote without tone marks, given the spelling `name` when the two fold
    alike: an old curation file's "p:do manh hien@hai phong#2" for a person named "Đỗ Mạnh
    Hiến" is "p:đỗ mạnh hiến@hai phong#2".  Otherwise the key as written."""
    plain = key_name(written)
    if written.startswith("p:") and is_plain(plain) and spelled_as(plain, name):
        return person_key(name, key_scope(written))
    return written
