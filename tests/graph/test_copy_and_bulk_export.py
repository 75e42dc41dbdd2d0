"""Moving a graph without re-extracting: `orggraph copy --to-neo4j` (graph/copy.py) and the
CSV files for `neo4j-admin database import full` (graph/bulk_export.py), from the seeds.

The copy is checked store to store on the embedded store, and into a real Neo4j server
(the session's `neo4j_uri`)."""
from __future__ import annotations

import json
import os
import re
import shlex
from pathlib import Path
from types import SimpleNamespace

import pytest
import typer
from typer.testing import CliRunner

from orggraph.graph.bulk_export import export_graph, read_csv
from orggraph.graph.copy import copy_graph, graph_counts
from orggraph.graph.model import NODES, RELATIONSHIPS
from orggraph.graph.store import RelWrite, open_store
from tests.graph.test_store_contract import _release_neo4j, fresh_neo4j, neo4j_store  # noqa: F401

_TYPED = {"INT64": ":long", "BOOLEAN": ":boolean", "DOUBLE": ":double", "STRING[]": ":string[]"}


@pytest.fixture(scope="module")
def seeds_export(seeds_db, tmp_path_factory):
    out = str(tmp_path_factory.mktemp("bulk") / "import")
    with open_store(seeds_db, read_only=True) as store:
        done = export_graph(store, out, batch_size=3)  # small batches: several per label
        counts = graph_counts(store)
        statements = store.read("MATCH (s:Statement) RETURN s.key, s.sentence, s.as_of, s.confidence").rows
    return done, counts, statements


# -- bulk export ----------------------------------------------------------------------------
def test_one_file_per_label_and_per_type_with_typed_headers(seeds_export):
    done, _, _ = seeds_export
    assert sorted(os.listdir(done.directory)) == sorted(
        [f"nodes-{n.name}.csv" for n in NODES] + [f"relationships-{r.name}.csv" for r in RELATIONSHIPS]
        + ["schema.cypher"])
    for node in NODES:
        header, _ = read_csv(done.node_files[node.name], done.array_delimiter)
        assert header == [":ID", ":LABEL"] + [p + _TYPED.get(kind, "") for p, kind in node.properties.items()]
    for rel in RELATIONSHIPS:
        header, _ = read_csv(done.relationship_files[rel.name], done.array_delimiter)
        assert header == [":START_ID", ":END_ID", ":TYPE"] + [p + _TYPED.get(k, "") for p, k in rel.properties.items()]
    congress, _ = read_csv(done.node_files["Congress"])
    assert "ordinal:long" in congress
    assert "aliases:string[]" in read_csv(done.node_files["Person"])[0]
    assert "reported:boolean" in read_csv(done.relationship_files["MENTIONS"])[0]


def test_row_counts_equal_the_store_counts(seeds_export):
    done, counts, _ = seeds_export
    for node in NODES:
        _, rows = read_csv(done.node_files[node.name], done.array_delimiter)
        assert len(rows) == counts[node.name] == done.nodes[node.name], node.name
        assert {row[1] for row in rows} <= {node.name}
    for rel in RELATIONSHIPS:
        _, rows = read_csv(done.relationship_files[rel.name], done.array_delimiter)
        assert len(rows) == counts[rel.name] == done.relationships[rel.name], rel.name
        assert {row[2] for row in rows} <= {rel.name}
    assert counts["HELD_OFFICE"] > 0 and counts["MENTIONS"] > 0


def test_relationships_reference_node_ids_across_labels(seeds_export):
    done, _, _ = seeds_export
    ids = {}
    for node in NODES:
        _, rows = read_csv(done.node_files[node.name], done.array_delimiter)
        for row in rows:
            assert row[0] == f"{node.name}:{row[2]}"  # the ID is label and key; key is its own column
            assert row[0] not in ids
            ids[row[0]] = node.name
    for rel in RELATIONSHIPS:
        _, rows = read_csv(done.relationship_files[rel.name], done.array_delimiter)
        for start, end, *_ in rows:
            assert (ids[start], ids[end]) in rel.pairs
    _, of = read_csv(done.relationship_files["OF"], done.array_delimiter)
    assert {ids[start] for start, *_ in of} >= {"Position", "Congress"}  # one file, several start labels


def test_statements_come_back_as_stored(seeds_export):
    done, _, statements = seeds_export
    header, rows = read_csv(done.node_files["Statement"], done.array_delimiter)
    column = {name.partition(":")[0]: i for i, name in enumerate(header)}
    assert "confidence:double" in header
    exported = {row[column["key"]]: row for row in rows}
    assert len(exported) == len(statements)
    for key, sentence, as_of, confidence in statements:
        row = exported[key]
        assert row[column["sentence"]] == sentence
        assert (row[column["as_of"]] or None) == as_of
        assert float(row[column["confidence"]]) == confidence
    assert any(";" in sentence for _, sentence, _, _ in statements)  # sentences with ';' stay whole
    assert any(as_of is None for _, _, as_of, _ in statements)  # the seeds have undated statements


def test_the_command_line_names_every_file(seeds_export):
    done, _, _ = seeds_export
    command = done.command()
    words = shlex.split(command.replace("\\\n", " "))
    assert words[:6] == ["neo4j-admin", "database", "import", "full", "neo4j", "--overwrite-destination"]
    assert sorted(w.partition("=")[2] for w in words if w.startswith("--nodes=")) == sorted(done.node_files.values())
    assert sorted(w.partition("=")[2] for w in words if w.startswith("--relationships=")) == sorted(
        done.relationship_files.values())
    in_compose = shlex.split(done.command(compose=True).replace("\\\n", " "))
    assert in_compose[:6] == ["docker", "compose", "run", "--rm", "--no-deps", "-v"]
    assert in_compose[6] == f"{done.directory}:/import:ro" and in_compose[7:9] == ["neo4j", "neo4j-admin"]
    assert "--nodes=/import/nodes-Person.csv" in in_compose
    schema = Path(done.schema_file).read_text(encoding="utf-8")
    for node in NODES:
        assert f"FOR (n:{node.name}) REQUIRE n.key IS UNIQUE;" in schema


def test_semicolon_is_the_delimiter_when_no_value_holds_one(tmp_path):
    with open_store(str(tmp_path / "db")) as store:
        store.setup_schema()
        store.merge_nodes("Person", [{"key": "p:1", "name": 'Lê "Ba"\nhai dòng', "search": "le ba",
                                      "aliases": ["Ba", "Lê Ba"]}], ["name", "search", "aliases"])
        done = export_graph(store, str(tmp_path / "out"))
    assert done.array_delimiter == ";" and done.multiline
    assert "--array-delimiter=;" in done.command().replace("'", "")
    assert "--multiline-fields=true" in done.command()
    text = Path(done.node_files["Person"]).read_text(encoding="utf-8")
    assert '"Ba;Lê Ba"' in text and '"Lê ""Ba""\nhai dòng"' in text
    _, rows = read_csv(done.node_files["Person"])
    # merged_from and merge_reasons are empty: absent
    assert rows == [["Person:p:1", "Person", "p:1", 'Lê "Ba"\nhai dòng', "le ba", ["Ba", "Lê Ba"], None, None]]


def test_cli_export_graph(cli, seeds_db, tmp_path):
    target = tmp_path / "import"
    code, out, err = cli("--db", seeds_db, "export", "graph", "--output-dir", str(target))
    assert code == 0, err
    assert out.startswith("neo4j-admin database import full neo4j --overwrite-destination")
    assert re.search(r"wrote \d+ nodes in 7 files and \d+ relationships in 8 files", err)
    assert (target / "nodes-Person.csv").exists() and (target / "schema.cypher").exists()
    code, _, err = cli("--db", str(tmp_path / "none"), "export", "graph", "--output-dir", str(target))
    assert code == 1 and "no database" in err


# -- copy -----------------------------------------------------------------------------------
def _dump(store) -> list[str]:
    """Every node and relationship of the model with its properties, as sorted text."""
    rows = []
    for node in NODES:
        for (n,) in store.read(f"MATCH (n:{node.name}) RETURN n").rows:
            rows.append(json.dumps(n, ensure_ascii=False, sort_keys=True))
    for rel in RELATIONSHIPS:
        for a, b in rel.pairs:
            for src, dst, r in store.read(f"MATCH (a:{a})-[r:{rel.name}]->(b:{b}) RETURN a.key, b.key, r").rows:
                rows.append(json.dumps([src, dst, r], ensure_ascii=False, sort_keys=True))
    return sorted(rows)


def test_copy_between_embedded_stores_is_complete_and_idempotent(seeds_db, tmp_path):
    with open_store(seeds_db, read_only=True) as source, open_store(str(tmp_path / "copy")) as target:
        first = copy_graph(source, target, batch_size=4)
        assert graph_counts(target) == graph_counts(source)
        assert first.node_count == sum(first.nodes.values()) > 0
        second = copy_graph(source, target, batch_size=50)
        assert (second.nodes, second.relationships) == (first.nodes, first.relationships)
        assert graph_counts(target) == graph_counts(source)
        assert _dump(target) == _dump(source)


def test_copy_keeps_what_only_the_target_holds(seeds_db, tmp_path):
    with open_store(seeds_db, read_only=True) as source, open_store(str(tmp_path / "copy")) as target:
        target.setup_schema()
        target.merge_nodes("Person", [{"key": "p:only-here", "name": "X", "search": "x", "aliases": []}],
                           ["name", "search", "aliases"])
        copy_graph(source, target)
        assert graph_counts(target)["Person"] == graph_counts(source)["Person"] + 1


def test_copy_to_neo4j(seeds_db, neo4j_uri):
    target = fresh_neo4j()
    try:
        with open_store(seeds_db, read_only=True) as source:
            copy_graph(source, target, batch_size=4)
            copy_graph(source, target, batch_size=4)  # idempotent
            assert graph_counts(target) == graph_counts(source)
            assert _dump(target) == _dump(source)
    finally:
        target.close()


def _copy_app(db: str) -> typer.Typer:
    """The `copy` command on an app of its own (cli/main.py registers it on the real one)."""
    from orggraph.cli.copy import register
    from orggraph.cli.errors import ErrorsAsOneLine

    app = typer.Typer(cls=ErrorsAsOneLine)

    @app.callback()
    def main(ctx: typer.Context) -> None:
        ctx.obj = SimpleNamespace(db=db, neo4j=None)

    register(app)
    return app


def test_cli_copy_errors_are_one_line(seeds_db, tmp_path):
    runner = CliRunner()
    result = runner.invoke(_copy_app(seeds_db), ["copy", "--to-neo4j", "bolt://127.0.0.1:9"])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: cannot reach Neo4j at bolt://127.0.0.1:9")
    assert len(result.stderr.strip().splitlines()) == 1
    result = runner.invoke(_copy_app(str(tmp_path / "none")), ["copy", "--to-neo4j", "bolt://127.0.0.1:9"])
    assert result.exit_code == 1 and "no database" in result.stderr
    result = runner.invoke(_copy_app(seeds_db), ["copy"], env={"NEO4J_URI": ""})
    assert result.exit_code == 2 and "--to-neo4j" in result.stderr


def test_cli_copy_to_neo4j(seeds_db, neo4j_uri):
    fresh_neo4j().close()
    result = CliRunner().invoke(_copy_app(seeds_db), ["copy", "--to-neo4j", neo4j_uri])
    assert result.exit_code == 0, result.stderr
    assert re.match(r"copied \d+ nodes and \d+ relationships in [\d.]+ s: from ", result.stderr)
    with open_store(seeds_db, read_only=True) as source, neo4j_store(read_only=True) as target:
        assert graph_counts(target) == graph_counts(source)


def test_copy_sets_lists_instead_of_doubling_them(tmp_path):
    """The copy sets list properties from the source; copying twice must not append twice."""
    with open_store(str(tmp_path / "a")) as source, open_store(str(tmp_path / "b")) as target:
        source.setup_schema()
        source.merge_nodes("Person", [{"key": "p:1", "name": "A", "search": "a", "aliases": ["Ă", "Â"]}],
                           ["name", "search", "aliases"])
        source.merge_nodes("Position", [{"key": "x", "name": "Bí thư", "search": "bi thu", "title": "Bí thư"}],
                           ["name", "search", "title"])
        source.merge_relationships(RelWrite("HELD_OFFICE", "Person", "Position", ("status",)),
                                   [{"src": "p:1", "dst": "x", "status": "current"}])
        copy_graph(source, target)
        copy_graph(source, target)
        assert target.read("MATCH (p:Person)-[h:HELD_OFFICE]->() RETURN p.aliases, h.status").rows == [
            [["Ă", "Â"], "current"]]
