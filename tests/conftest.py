"""Shared fixtures: the five sample articles loaded once into a real embedded store."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> str:
    """A database holding the seeds, loaded through the library; tests copy it
    before writing to it."""
    from orggraph.graph.loading import load_paths
    from orggraph.graph.store import open_store

    path = str(tmp_path_factory.mktemp("seeds") / "db")
    with open_store(path) as store:
        summary = load_paths(store, [str(SEEDS)], workers=1)
    assert summary.loaded == 5
    return path


@pytest.fixture()
def seeds_copy(seeds_db, tmp_path) -> str:
    target = str(tmp_path / "db")
    shutil.copytree(seeds_db, target)
    return target


@pytest.fixture()
def cli():
    """Run the real CLI in-process: cli(args) -> (exit_code, stdout, stderr)."""
    from typer.testing import CliRunner

    from orggraph.cli.main import app

    runner = CliRunner()

    def run(*args: str, env: dict | None = None):
        result = runner.invoke(app, list(args), env=env, catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return run


@pytest.fixture(autouse=True)
def _no_ambient_database(monkeypatch):
    """Tests never touch a user's ./orggraph-data or a Neo4j server by accident."""
    monkeypatch.delenv("ORGGRAPH_DB", raising=False)
    monkeypatch.delenv("NEO4J_URI", raising=False)
