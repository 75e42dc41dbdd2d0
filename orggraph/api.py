"""The Python API, for notebooks and scripts: the CLI's questions as lists of dicts.

    from orggraph import open_graph
    g = open_graph("orggraph-data")
    g.who_held("Bí thư", "Thành ủy Hải Phòng")     # [{'person': 'Lê Tiến Châu', …}]
    g.timeline("le tien chau").df()                  # a pandas DataFrame, when pandas is installed

Each method opens the store read-only for the call and closes it, so a notebook never
holds the database while `orggraph load` writes to it. The answers come from the same
functions the CLI prints (queries/answers.py), with the same errors: an unknown name
raises `NotFound` (naming the closest names), an ambiguous one `Ambiguous`, a bad date
`DateError`.
"""
from __future__ import annotations

from typing import Any, Optional

from orggraph.graph.lookup import Ambiguous, NotFound
from orggraph.graph.store import Result, Store, StoreError, default_db_path, open_store
from orggraph.loaders.dates import DateError
from orggraph.queries import answers, run_recipe

__all__ = ["open_graph", "Graph", "Rows", "NotFound", "Ambiguous", "DateError", "StoreError"]


class Rows(list):
    """Rows as dicts keyed by column name, in the answer's column order (`columns`)."""

    def __init__(self, columns: list[str], rows: list[dict[str, Any]]) -> None:
        super().__init__(rows)
        self.columns = list(columns)

    @classmethod
    def of(cls, result: Result) -> "Rows":
        return cls(result.columns, result.dicts())

    def df(self):
        """The rows as a pandas DataFrame (pandas is not a dependency: pip install pandas)."""
        try:
            import pandas
        except ImportError:
            raise ImportError("Rows.df() needs pandas: pip install pandas") from None
        return pandas.DataFrame(list(self), columns=self.columns)


class Graph:
    """A graph on disk (or on a Neo4j server), asked one question at a time."""

    def __init__(self, path: Optional[str] = None, *, neo4j: Optional[str] = None) -> None:
        self.path = path or default_db_path()
        self.neo4j = neo4j

    def __repr__(self) -> str:
        return f"Graph({self.neo4j or self.path!r})"

    def _ask(self, question, *args) -> Rows:
        with self.store() as store:
            return Rows.of(question(store, *args))

    def store(self) -> Store:
        """The underlying store, opened read-only (use it in a `with` block)."""
        return open_store(self.path, read_only=True, neo4j_uri=self.neo4j)

    def who_held(self, title: str, organization: str, on: Optional[str] = None) -> Rows:
        """Who held TITLE at ORGANIZATION (on a date), with tenure, a `note` and evidence."""
        return self._ask(answers.who_held, title, organization, on)

    def succession(self, title: str, organization: str) -> Rows:
        """The holders of a post in order, with tenures and whom each replaced."""
        return self._ask(answers.succession, title, organization)

    def roster(self, organization: str, on: Optional[str] = None) -> Rows:
        """Everyone holding a post in an organization (on a date)."""
        return self._ask(answers.roster, organization, on)

    def timeline(self, person: str) -> Rows:
        """A person's posts in order (a key such as "p:le tien chau@hai phong" tells namesakes apart)."""
        return self._ask(answers.timeline, person)

    def hierarchy(self, organization: str) -> Rows:
        """The organizations stated to be above and below an organization."""
        return self._ask(answers.hierarchy, organization)

    def recipe(self, name: str, **params: Any) -> Rows:
        """A ready-made query by name (`orggraph recipe list`), parameters as keywords:
        g.recipe("holders", organization="Thành ủy Hải Phòng", date="2024-10-16")."""
        given = {k: None if v is None else str(v) for k, v in params.items()}
        with self.store() as store:
            return Rows.of(run_recipe(store, name, given))

    def query(self, cypher: str, **params: Any) -> Rows:
        """A read-only Cypher query; parameters as keywords (`$q` is q=…)."""
        with self.store() as store:
            return Rows.of(store.read(cypher, params))


def open_graph(path: Optional[str] = None, *, neo4j: Optional[str] = None) -> Graph:
    """The graph at `path` (default: ORGGRAPH_DB or ./orggraph-data), or on the Neo4j server
    at `neo4j` ("bolt://localhost:7687"; credentials from NEO4J_PASSWORD, as for the CLI)."""
    graph = Graph(path, neo4j=neo4j)
    if not neo4j:
        with graph.store():  # fail now, with the CLI's message, when there is no database there
            pass
    return graph
