"""The `orggraph` command line: a thin shell over graph/, loaders/ and queries/.

Global options come before the command (`orggraph --db PATH load seeds/`).  Every
error is one line on stderr and a non-zero exit, never a traceback.
"""
from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from typing import List, Optional

import typer

from orggraph.cli.errors import ErrorsAsOneLine
from orggraph.cli.output import MinConfidenceOption, Output, ParamOption, rows_command
from orggraph.graph.store import StoreError, default_db_path, open_store
from orggraph.loaders.curation import CURATION_FILE, Curation, CurationError
from orggraph.loaders.dates import check_iso_date

EXIT_SOME_SKIPPED = 3


app = typer.Typer(
    cls=ErrorsAsOneLine,
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    help="Map who holds which post in Vietnam's party and state organizations, from news articles.\n\n"
         "Load articles into a graph, then ask it: who-held, timeline, recipes, Cypher, facts export.\n"
         "Example: orggraph load seeds/ && orggraph who-held \"Bí thư\" \"Thành ủy Hải Phòng\"",
)


@dataclass
class Settings:
    db: str
    neo4j: Optional[str]
    curation_path: Optional[str] = None

    def open(self, read_only: bool = False):
        store = open_store(self.db, read_only=read_only, neo4j_uri=self.neo4j)
        if getattr(store, "notice", None):
            typer.echo(f"warning: {store.notice}", err=True)
        return store

    @property
    def curation_file(self) -> str:
        """The corrections file: --curation, else inside the database directory."""
        if self.curation_path:
            return self.curation_path
        if self.neo4j:
            return "orggraph-curation.yaml"
        return os.path.join(self.db, CURATION_FILE)

    def curation(self):
        try:
            return Curation.load(self.curation_file)
        except CurationError as exc:
            raise StoreError(str(exc)) from None


def _version(value: bool) -> None:
    if value:
        from orggraph import __version__

        typer.echo(f"orggraph {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    db: str = typer.Option(None, "--db", metavar="PATH", envvar="ORGGRAPH_DB", show_envvar=True,
                           help="Embedded database directory [default: ./orggraph-data]."),
    neo4j: str = typer.Option(None, "--neo4j", metavar="URI", envvar="NEO4J_URI", show_envvar=True,
                              help="Use a Neo4j server instead of the embedded database."),
    curation: str = typer.Option(None, "--curation", metavar="PATH",
                                 help="Corrections file every load applies [default: PATH/curation.yaml "
                                      "inside the database directory]."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    ctx.obj = Settings(db=db or default_db_path(), neo4j=neo4j, curation_path=curation)




def parse_params(pairs: Optional[List[str]]) -> dict[str, str]:
    params = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise StoreError(f"--param takes NAME=VALUE, not {pair!r}")
        params[name.strip()] = value
    return params


@app.command()
def load(
    ctx: typer.Context,
    paths: List[str] = typer.Argument(..., metavar="PATH...",
                                      help="Article files (.txt, .html), directories, globs, or JSON Lines "
                                           "(.jsonl, .jsonl.gz with id, text and optional title, date, url); "
                                           "'-' reads standard input (JSON Lines, or one article's text)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary."),
    workers: int = typer.Option(0, "--workers", "-w", min=0,
                                help="Extraction processes [default: all cores]."),
    group_size: int = typer.Option(500, "--group-size", min=1,
                                   help="Articles written per transaction (each article is always whole)."),
    date: Optional[str] = typer.Option(None, "--date", metavar="PERIOD",
                                       help="The period the input's undated articles are from: 2017, 2017-06 or "
                                            "2017-02..2017-07. They are dated as the partial date the period "
                                            "shares (\"2017\"); a date in an article's text counts only inside "
                                            "the period; a row's own `date` always wins."),
) -> None:
    """Read articles, extract who held which post, and write them into the graph.

    Re-loading an article changes nothing; bad inputs are reported and skipped
    (exit code 3 when any was skipped). A load that loads nothing into a new
    database leaves no database behind.
    """
    from orggraph.graph.loading import load_paths

    from orggraph.loaders.dates import parse_date_range

    settings: Settings = ctx.obj
    try:
        undated = parse_date_range(date) if date else None
    except ValueError as exc:
        raise StoreError(f"--date: {exc}") from None
    show_progress = not quiet and sys.stderr.isatty()
    problems: list[str] = []

    def report(problem) -> None:
        problems.append(str(problem))
        typer.echo(f"{'skipped' if getattr(problem, 'skipped', True) else 'warning'}: {problem}", err=True)

    curation = settings.curation()
    new_database = not settings.neo4j and not os.path.exists(settings.db)
    with settings.open() as store:
        if show_progress:
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

            columns = (TextColumn("loading"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                       TextColumn("{task.fields[articles]} articles, {task.fields[statements]} facts, "
                                  "{task.fields[rate]} art/s"), TimeElapsedColumn(), TextColumn("ETA"),
                       TimeRemainingColumn())
            with Progress(*columns, transient=True) as progress:
                task = progress.add_task("load", total=None, articles=0, statements=0, rate="0")

                def on_progress(s) -> None:
                    rate = f"{s.read / s.seconds:.0f}" if s.seconds else "0"
                    progress.update(task, total=s.input_bytes or None, completed=s.done_bytes, articles=s.read,
                                    statements=s.statements, rate=rate)

                summary = load_paths(store, paths, workers=workers or None, curation=curation,
                                     group_size=group_size, on_problem=report, on_progress=on_progress,
                                     undated=undated)
        else:
            summary = load_paths(store, paths, workers=workers or None, curation=curation,
                                 group_size=group_size, on_problem=report, undated=undated)
    if new_database and summary.loaded == 0:
        shutil.rmtree(settings.db, ignore_errors=True)  # nothing loaded: no empty database left behind
    if not quiet and summary.read:
        typer.echo(summary.line(), err=True)
    if summary.skipped:
        raise typer.Exit(EXIT_SOME_SKIPPED)


@app.command()
@rows_command
def query(
    ctx: typer.Context,
    cypher: str = typer.Argument(..., help="A Cypher query, e.g. \"MATCH (p:Person) RETURN p.name LIMIT 5\"."),
    param: Optional[List[str]] = ParamOption,
    write: bool = typer.Option(False, "--write", help="Allow the query to change the graph."),
    timeout: float = typer.Option(30.0, "--timeout", min=0, help="Stop the query after this many seconds "
                                  "(0: no limit)."),
    output: Output = None,
) -> None:
    """Run a Cypher query, read-only unless --write.

    Parameters are passed as parameters, never pasted into the text:
    orggraph query "MATCH (p:Person) WHERE p.search CONTAINS $q RETURN p.name" --param q=chau

    Without --write only reading clauses and known-safe functions run: COPY, LOAD,
    LOAD EXTENSION, INSTALL, CHECKPOINT, ATTACH, EXPORT/IMPORT and CALL of anything
    but the schema procedures are refused, since they reach files, code, the network
    or settings. A query is stopped after --timeout seconds or when the command passes
    2048 MB of memory (ORGGRAPH_QUERY_MEMORY_MB). Every $name used needs --param name=….
    """
    from orggraph.graph.query_guard import bounded, check_params, read_checked

    settings: Settings = ctx.obj
    params = parse_params(param)
    with settings.open(read_only=not write) as store:
        if write:
            check_params(cypher, params)
            with bounded(store, timeout or None):
                result = store.write(cypher, params, timeout=timeout or None)
        else:
            result = read_checked(store, cypher, params, timeout=timeout or None)
    output.print(result.columns, result.rows)


@app.command()
@rows_command
def recipe(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="A recipe name, or 'list' to see them all."),
    param: Optional[List[str]] = ParamOption,
    output: Output = None,
) -> None:
    """Run a ready-made query by name (`orggraph recipe list` shows them and their parameters)."""
    from orggraph.queries import load_recipes, run_recipe

    if name == "list":
        rows = [[r.name, r.description, ", ".join(f"{p.name}{'?' if p.optional else ''} ({p.kind})"
                                                  for p in r.params)] for r in load_recipes().values()]
        output.print(["recipe", "description", "parameters"], rows)
        return
    params = parse_params(param)
    with ctx.obj.open(read_only=True) as store:
        result = run_recipe(store, name, params)
    output.print(result.columns, result.rows)


OnOption = typer.Option(None, "--on", metavar="DATE",
                        help="Only tenures covering this date: YYYY-MM-DD, YYYY-MM or YYYY.")


def _answer(ctx: typer.Context, question, *args):
    """Run one of queries.answers' questions (the Python API runs the same) on a read-only store."""
    with ctx.obj.open(read_only=True) as store:
        return question(store, *args)


@app.command("who-held")
@rows_command
def who_held(
    ctx: typer.Context,
    title: str = typer.Argument(..., help="The title, e.g. \"Bí thư\" (diacritics and case optional)."),
    organization: str = typer.Argument(..., help="The organization, e.g. \"Thành ủy Hải Phòng\"."),
    on: Optional[str] = OnOption,
    min_confidence: Optional[float] = MinConfidenceOption,
    output: Output = None,
) -> None:
    """Who held a post, with the tenure and the sentence that says so.

    With --on, a post one person holds at a time (Bí thư, Chủ tịch, Phó Bí thư Thường
    trực…) answers one holder: the one whose attested dates cover the date best; the
    other candidates are in its `note`. A holder known only from undated statements
    shows as `undated`, never as holding it on the date. A `note` also says when the
    answer rests on inference (the holder was last attested before the date).
    """
    from orggraph.queries import answers

    on = check_iso_date(on, "--on")
    result = _answer(ctx, answers.who_held, title, organization, on, min_confidence)
    output.print(result.columns, result.rows)
    if on and not result.rows:
        typer.echo(f"no holder known on {on}; `orggraph succession \"{title}\" \"{organization}\"` lists "
                   "every known holder", err=True)


@app.command()
@rows_command
def succession(
    ctx: typer.Context,
    title: str = typer.Argument(..., help="The title, e.g. \"Bí thư\"."),
    organization: str = typer.Argument(..., help="The organization, e.g. \"Khối các cơ quan thành phố Hải Phòng\"."),
    min_confidence: Optional[float] = MinConfidenceOption,
    output: Output = None,
) -> None:
    """The holders of a post in order, with tenures and whom each replaced."""
    from orggraph.queries import answers

    result = _answer(ctx, answers.succession, title, organization, min_confidence)
    output.print(result.columns, result.rows)


@app.command()
@rows_command
def roster(
    ctx: typer.Context,
    organization: str = typer.Argument(..., help="The organization, e.g. \"Thành ủy Hải Phòng\"."),
    on: Optional[str] = OnOption,
    min_confidence: Optional[float] = MinConfidenceOption,
    output: Output = None,
) -> None:
    """Everyone holding a post in an organization (on a date)."""
    from orggraph.queries import answers

    result = _answer(ctx, answers.roster, organization, check_iso_date(on, "--on"), min_confidence)
    output.print(result.columns, result.rows)


@app.command()
@rows_command
def hierarchy(
    ctx: typer.Context,
    organization: str = typer.Argument(..., help="The organization, e.g. \"Thành ủy Hải Phòng\"."),
    output: Output = None,
) -> None:
    """The organizations above and below an organization (`viz hierarchy` draws it).

    `basis` is `stated` when articles state every step, `registry` when a step comes
    from the standard structure alone (a Sở under its province's People's Committee, a
    district or Khối committee under its province's committee, a central board under
    the Central Committee).
    """
    from orggraph.queries import answers

    result = _answer(ctx, answers.hierarchy, organization)
    output.print(result.columns, result.rows)


@app.command()
@rows_command
def resolution(
    ctx: typer.Context,
    person: str = typer.Argument(..., help="A person's name (\"dinh la thang\") or key."),
    output: Output = None,
) -> None:
    """Which person nodes a name resolved to, which keys were merged into each, and why.

    Each article first keys a person by name and province; after a load, nodes of one
    name whose posts fit one career (a post or organization in common, a province in
    common, a central post) become one. One row per merged key; the first row of a
    node is its own key.
    """
    from orggraph.graph.identity import explain

    settings: Settings = ctx.obj
    with settings.open(read_only=True) as store:
        rows = explain(store, person)
    if not rows:
        raise StoreError(f"no person matches {person!r} (see `orggraph recipe people --param name=…`)")
    columns = ["person", "key", "statements", "merged", "reason"]
    output.print(columns, [[r[c] for c in columns] for r in rows])


@app.command()
@rows_command
def timeline(
    ctx: typer.Context,
    person: str = typer.Argument(..., help="The person's name, e.g. \"le tien chau\", or a key to tell namesakes "
                                           "apart (\"p:le tien chau@hai phong\")."),
    min_confidence: Optional[float] = MinConfidenceOption,
    output: Output = None,
) -> None:
    """A person's posts in order, with dates and evidence."""
    from orggraph.queries import answers

    result = _answer(ctx, answers.timeline, person, min_confidence)
    output.print(result.columns, result.rows)


from orggraph.cli import curate, export, viz  # noqa: E402  (sub-apps register after the app exists)
from orggraph.cli.copy import register as register_copy  # noqa: E402  ("copy" would shadow the standard module)

app.add_typer(export.app, name="export")
app.add_typer(viz.app, name="viz")
app.add_typer(curate.app, name="curate")
register_copy(app)


def run() -> None:
    """Console-script entry point."""
    if os.environ.get("ORGGRAPH_DEBUG"):
        app()
        return
    try:
        app()
    except Exception as exc:  # last resort: still one line, never a traceback
        typer.echo(f"error: internal: {exc.__class__.__name__}: {exc}", err=True)
        sys.exit(2)
