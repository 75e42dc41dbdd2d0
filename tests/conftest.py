"""Shared fixtures: the five sample articles loaded once into a real embedded store, and a
real Neo4j server for the Neo4j leg (started once per session, only when a test asks)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# Read at import, before _no_ambient_database removes it from every test's environment: an
# external scratch server to test against instead of starting one.
EXTERNAL_NEO4J_URI = os.environ.get("NEO4J_URI") or None


@pytest.fixture(scope="session")
def neo4j_uri(tmp_path_factory):
    """The Bolt URI of a scratch Neo4j server: NEO4J_URI when set, else a real Neo4j 5.26
    started here for the whole session (tests/neo4j_server.py); skipped, with the reason,
    where neither is possible (no java or mvn)."""
    from tests.neo4j_server import NEO4J, Neo4jServer, skip_or_fail, why_unavailable

    if EXTERNAL_NEO4J_URI:
        NEO4J.uri, NEO4J.external = EXTERNAL_NEO4J_URI, True
        yield NEO4J.uri
        return
    reason = why_unavailable()
    if reason:
        skip_or_fail(reason)
    server = Neo4jServer(tmp_path_factory.mktemp("neo4j"))
    NEO4J.uri = server.uri
    try:
        yield server.uri
    finally:
        NEO4J.uri = None
        server.stop()


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

    def run(*args: str, env: dict | None = None, input: str | None = None):
        result = runner.invoke(app, list(args), env=env, input=input, catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return run


@pytest.fixture(autouse=True)
def _no_ambient_database(monkeypatch):
    """Tests never touch a user's ./orggraph-data or a Neo4j server by accident: the Neo4j
    leg names its server explicitly (the `neo4j_uri` fixture)."""
    monkeypatch.delenv("ORGGRAPH_DB", raising=False)
    monkeypatch.delenv("NEO4J_URI", raising=False)


def run_measuring_memory(args: list[str], env: dict | None = None, timeout: float = 300) -> tuple[int, str, float]:
    """Run a command; its exit code, stderr and its own peak memory in MB, read from
    /proc/PID/status while it runs (wait4's ru_maxrss counts the parent's memory when the
    child is spawned by vfork, so it would measure the test runner instead)."""
    import os
    import subprocess
    import tempfile
    import time

    with tempfile.TemporaryFile() as err:
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=err, env={**os.environ, **(env or {})})
        peak, started = 0.0, time.monotonic()
        while process.poll() is None:
            try:
                with open(f"/proc/{process.pid}/status") as fh:
                    for line in fh:
                        if line.startswith("VmHWM:"):
                            peak = max(peak, int(line.split()[1]) / 1024)
            except (OSError, ValueError):
                pass
            if time.monotonic() - started > timeout:
                process.kill()
                process.wait()
                raise TimeoutError(f"{' '.join(args)} did not finish in {timeout} s")
            time.sleep(0.02)
        err.seek(0)
        return process.returncode, err.read().decode("utf-8", "replace"), peak
