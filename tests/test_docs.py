"""Every command teaches: it has help text and the README shows it (sqlite-utils' test_docs)."""
from __future__ import annotations

import typer.main

from orggraph.cli.main import app
from tests.conftest import ROOT


def _commands(group, prefix=""):
    for name, command in sorted(group.commands.items()):
        if hasattr(command, "commands"):
            yield from _commands(command, f"{prefix}{name} ")
        else:
            yield f"{prefix}{name}", command


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    commands = list(_commands(group))
    assert len(commands) >= 10
    for name, command in commands:
        assert (command.help or "").strip(), f"`orggraph {name}` has no help text"
        assert f"orggraph {name}" in readme, f"`orggraph {name}` is not in the README"


def test_readme_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme[:1500]
    assert "pip install -e . && .venv/bin/orggraph load seeds/" in head
    assert "pip install -e '.[test]' && .venv/bin/python -m pytest" in head
