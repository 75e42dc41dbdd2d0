"""The curation file is checked whole, against its schema, before any article is touched:
one line naming the file, the entry and the problem; nothing is loaded or corrected."""
from __future__ import annotations

import os

import pytest

from tests.conftest import SEEDS

BAD = {
    "section-a-number": (b"merge: 5\n", "merge must be a list of entries, not the number 5"),
    "keep-a-number": (b"merge:\n  - {keep: 5, absorb: ['p:b']}\n", "merge entry 1 ({'keep': 5"),
    "alias-a-number": (b"alias:\n  - {person: 'p:x', alias: 5}\n", "'alias' must be a text, not the number 5"),
    "alias-a-list": (b"alias:\n  - {person: ['p:x'], alias: 'X'}\n", "'person' must be a text, not a list"),
    "absorb-a-string": (b"merge:\n  - {keep: 'p:a', absorb: 'p:b'}\n",
                        "'absorb' must be a list of texts, not the text 'p:b'"),
    "sources-nested": (b"split:\n  - {person: 'p:x', sources: [a, [b]], scope: s}\n",
                       "'sources' must be a list of texts, and holds a list"),
    "misspelt-key": (b"reject:\n  - {person: 'L\xc3\xaa Anh Qu\xc3\xa2n', title: '\xe1\xbb\xa6y vi\xc3\xaan Ban Th"
                     b"\xc6\xb0\xe1\xbb\x9dng v\xe1\xbb\xa5', organization: 'Th\xc3\xa0nh \xe1\xbb\xa7y H\xe1\xba\xa3i "
                     b"Ph\xc3\xb2ng', sourse: '001_7239dae0792dcdec.txt'}\n",
                     "reject entry 1 ("),
    "entry-a-string": (b"alias:\n  - p:x\n", "alias entry 1 ('p:x'): expected a mapping"),
    "not-utf8": (b"alias:\n  - {person: 'p:x', alias: 'L\xea'}\n", "not valid UTF-8 (byte 36)"),
    "missing-key": (b"split:\n  - {person: 'p:x', scope: s}\n", "split entry 1 ({'person': 'p:x', 'scope': 's'}): "
                                                                "lacks 'sources'"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_curation_file_stops_the_load_before_any_article(cli, tmp_path, name):
    content, words = BAD[name]
    curation = tmp_path / "curation.yaml"
    curation.write_bytes(content)
    db = str(tmp_path / "db")
    code, _, err = cli("--db", db, "--curation", str(curation), "load", "--quiet", str(SEEDS))
    assert code == 1, err
    assert err.startswith(f"error: {curation}: ") and err.count("\n") == 1, err
    assert words in err, err
    assert "internal" not in err
    assert not os.path.exists(os.path.join(db, "graph.lbdb"))  # no article touched


def test_the_misspelt_key_is_named(cli, tmp_path):
    curation = tmp_path / "curation.yaml"
    curation.write_bytes(BAD["misspelt-key"][0])
    code, _, err = cli("--db", str(tmp_path / "db"), "--curation", str(curation), "load", "--quiet", str(SEEDS))
    assert code == 1
    assert "unknown key 'sourse' (known: person, title, organization, source)" in err


def test_curate_commands_refuse_to_add_to_a_bad_file(cli, seeds_copy):
    path = os.path.join(seeds_copy, "curation.yaml")
    with open(path, "wb") as fh:
        fh.write(BAD["alias-a-number"][0])
    code, _, err = cli("--db", seeds_copy, "curate", "alias", "p:x", "Y")
    assert code == 1 and err.startswith(f"error: {path}: alias entry 1"), err
    with open(path, "rb") as fh:
        assert fh.read() == BAD["alias-a-number"][0]  # left as it was


def test_a_good_file_with_every_optional_key_loads(cli, tmp_path):
    curation = tmp_path / "curation.yaml"
    curation.write_text(
        "merge:\n  - {keep: 'p:a', absorb: ['p:b']}\n"
        "split:\n  - {person: 'p:c', sources: ['x.txt'], scope: 'p:c@d'}\n"
        "alias:\n  - {person: 'p:e', alias: 'E', name: 'Ê'}\n  - {person: 'p:f', alias: 'F'}\n"
        "reject:\n  - {person: 'G', title: 'H', organization: 'I', source: 'x.txt'}\n"
        "  - {person: 'G', title: 'H', organization: 'I'}\n", encoding="utf-8")
    code, _, err = cli("--db", str(tmp_path / "db"), "--curation", str(curation), "load", "--quiet", str(SEEDS))
    assert code == 0, err
