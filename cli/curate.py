"""`orggraph curate …`: corrections that survive re-loads.

Each command records the correction in the curation file (which every load applies)
and corrects the graph already loaded.
"""
from __future__ import annotations

from typing import List, Optional

import typer

from orggraph.cli.errors import ErrorsAsOneLine
from orggraph.graph import curation as graph_curation
from orggraph.graph.lookup import find_person_key
from orggraph.loaders.keys import key_name, key_scope, person_key

app = typer.Typer(cls=ErrorsAsOneLine, no_args_is_help=True,
                  help="Correct the machine: merge or split persons, add aliases, reject statements. "
                       "Corrections are kept in the curation file and applied by every load.")


@app.callback()
def _check_the_file_first(ctx: typer.Context) -> None:
    # a bad curation file stops the command before the graph is corrected
    ctx.obj.curation()


def _record(ctx: typer.Context, section: str, entry: dict) -> None:
    settings = ctx.obj
    curation = settings.curation()
    entries = getattr(curation, section)
    if entry not in entries:
        entries.append(entry)
    curation.validate(settings.curation_file)
    curation.save(settings.curation_file)
    typer.echo(f"recorded in {settings.curation_file}", err=True)


@app.command()
def merge(
    ctx: typer.Context,
    keep: str = typer.Argument(..., help="The person key that stays, e.g. \"p:lê tiến châu@hai phong\" (or typed "
                                         "without tone marks, \"p:le tien chau@hai phong\", when only one key folds "
                                         "to it)."),
    absorb: List[str] = typer.Argument(..., help="Person keys that are the same person."),
) -> None:
    """Several person nodes are one person: KEEP absorbs the others."""
    with ctx.obj.open() as store:
        keep = find_person_key(store, keep)
        absorb = [find_person_key(store, key) for key in absorb]
        outcome = graph_curation.merge_persons(store, keep, absorb)
    _record(ctx, "merge", {"keep": keep, "absorb": list(absorb)})
    typer.echo(f"merged into {keep}: {outcome.line()}", err=True)


@app.command()
def split(
    ctx: typer.Context,
    person: str = typer.Argument(..., help="The person key to split, e.g. \"p:nguyễn mạnh cường@quang ninh\" "
                                           "(tone marks may be left out when only one key folds to it)."),
    sources: List[str] = typer.Argument(..., help="Sources (file names or ids) of the articles about the other "
                                                  "person."),
    scope: Optional[str] = typer.Option(None, "--as", help="Context of the new person's key "
                                                           "[default: the old one with '#2']."),
) -> None:
    """A namesake: what these articles say of PERSON is about someone else."""
    with ctx.obj.open() as store:
        person = find_person_key(store, person)
        new_key = person_key(key_name(person), scope or key_scope(person) + "#2")
        outcome = graph_curation.split_person(store, person, list(sources), new_key)
    _record(ctx, "split", {"person": person, "sources": list(sources), "scope": new_key})
    typer.echo(f"split {new_key} from {person}: {outcome.line()}", err=True)


@app.command()
def alias(
    ctx: typer.Context,
    person: str = typer.Argument(..., help="The person key, e.g. \"p:nguyễn phú trọng@national\" (tone marks may "
                                           "be left out when only one key folds to it)."),
    spelling: str = typer.Argument(..., help="Another spelling of the name, e.g. \"Nguyễn Phú Trong\"."),
) -> None:
    """Another spelling of a person's name; a node under that spelling is merged in."""
    with ctx.obj.open() as store:
        person = find_person_key(store, person)
        name = graph_curation.person_exists(store, person)
        outcome = graph_curation.add_alias(store, person, spelling)
    _record(ctx, "alias", {"person": person, "alias": spelling, "name": name})
    typer.echo(f"{spelling!r} is {name}: {outcome.line()}", err=True)


@app.command()
def reject(
    ctx: typer.Context,
    person: str = typer.Argument(..., help="The person's name as in the graph."),
    title: str = typer.Argument(..., help="The title, e.g. \"Trưởng ban\"."),
    organization: str = typer.Argument(..., help="The organization's name as in the graph."),
    source: Optional[str] = typer.Option(None, "--source", help="Only the statement from this article."),
) -> None:
    """A statement is wrong: PERSON did not hold TITLE at ORGANIZATION."""
    with ctx.obj.open() as store:
        outcome = graph_curation.reject_statements(store, person, title, organization, source)
    entry = {"person": person, "title": title, "organization": organization}
    if source:
        entry["source"] = source
    _record(ctx, "reject", entry)
    typer.echo(f"rejected: {outcome.line()}", err=True)
