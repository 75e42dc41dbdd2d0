"""A real Neo4j 5.26 community server for the tests, started from Maven Central's artifacts.

tests/neo4j-server/ is a tiny Maven project: one Java class (Neo4jTestServer) that starts an
embedded Neo4j DBMS with Bolt on a free localhost port and no authentication, prints its
Bolt URI and stops when its stdin closes, or runs neo4j-admin (the bulk importer).  The
first build fetches Neo4j into Maven's cache (~/.m2, about 150 MB, a minute or two); later
runs reuse the compiled class and the recorded classpath and start the server in seconds.

Where `java` or `mvn` is missing, `why_unavailable()` says so and the Neo4j leg skips
with that reason.  A failed build or start is an error, never a skip.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent / "neo4j-server"
CLASSES = PROJECT / "target" / "classes"
CLASSPATH_FILE = PROJECT / "target" / "classpath.txt"
MAIN = "orggraph.Neo4jTestServer"
HEAP = os.environ.get("ORGGRAPH_TEST_NEO4J_HEAP", "512m")
START_TIMEOUT = 180.0  # seconds for the DBMS to answer (a cold JVM on a busy 2-core machine)


class _Neo4jSession:
    """Where the test session's Neo4j server is, once the `neo4j_uri` fixture (tests/conftest.py)
    has started or found it; here, not in conftest, so every test module sees one object."""

    uri: str | None = None
    external: bool = False


NEO4J = _Neo4jSession()


class ServerError(RuntimeError):
    pass


def why_unavailable() -> str | None:
    """None when a server can be built here, else the reason (for the skip message)."""
    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    if missing:
        return (f"no Neo4j server: NEO4J_URI is not set and {' and '.join(missing)} "
                f"{'is' if len(missing) == 1 else 'are'} not installed (apt-get install openjdk-17-jdk-headless maven)")
    return None


def skip_or_fail(reason: str) -> None:
    """Skip a test that needs a server here, with the reason; fail it under CI
    (ORGGRAPH_REQUIRE_NEO4J=1, set by .ci/run), where the Neo4j leg must run."""
    import pytest

    if os.environ.get("ORGGRAPH_REQUIRE_NEO4J"):
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def classpath() -> str:
    """The launcher's classpath, building it first when the sources changed (or never built)."""
    sources = [PROJECT / "pom.xml", *PROJECT.glob("src/**/*.java")]
    built = CLASSPATH_FILE.exists() and (CLASSES / "orggraph" / "Neo4jTestServer.class").exists()
    if not built or max(p.stat().st_mtime for p in sources) > CLASSPATH_FILE.stat().st_mtime:
        command = ["mvn", "-B", "-q", "compile", "dependency:build-classpath",
                   f"-Dmdep.outputFile={CLASSPATH_FILE}"]
        done = subprocess.run(command, cwd=PROJECT, capture_output=True, text=True)
        if done.returncode != 0 or not CLASSPATH_FILE.exists():
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
            raise ServerError(f"building the Neo4j test server failed ({' '.join(command)} in {PROJECT}):\n{tail}")
        CLASSPATH_FILE.touch()
    return f"{CLASSES}{os.pathsep}{CLASSPATH_FILE.read_text().strip()}"


def _java(*args: str) -> list[str]:
    return ["java", f"-Xmx{HEAP}", "-XX:+UseSerialGC", "-cp", classpath(), MAIN, *args]


class Neo4jServer:
    """One running DBMS whose files live in `home`; `stop()` (or closing its stdin) ends it."""

    def __init__(self, home: Path, import_dir: Path | None = None) -> None:
        self.home = Path(home)
        self.home.mkdir(parents=True, exist_ok=True)
        self.import_dir = Path(import_dir) if import_dir else self.home / "import"
        self.import_dir.mkdir(parents=True, exist_ok=True)
        self.log = self.home / "server.log"
        command = _java("serve", str(self.home), str(self.import_dir))
        with open(self.log, "wb") as log:
            # stdin stays a pipe we never write to: when this process ends, however it ends,
            # the pipe closes and the server stops.
            self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=log, stderr=subprocess.STDOUT)
        self.uri = self._wait_for_uri()

    def _wait_for_uri(self) -> str:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            for line in self.log.read_text(encoding="utf-8", errors="replace").splitlines():
                if line.startswith("bolt://"):
                    return line.strip()
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        self.stop()
        tail = "\n".join(self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:])
        raise ServerError(f"the Neo4j test server did not start within {START_TIMEOUT:g} s "
                          f"(log {self.log}):\n{tail}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def neo4j_admin(home: Path, *args: str) -> subprocess.CompletedProcess:
    """Run neo4j-admin (same code as the server distribution's) with `home` as NEO4J_HOME."""
    Path(home).mkdir(parents=True, exist_ok=True)
    return subprocess.run(_java("admin", str(home), *args), cwd=home, capture_output=True, text=True)
