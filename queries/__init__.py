"""Query recipes: `.cypher` files with a header, read and run by name.

Header lines at the top of each file:

    // name: who-held
    // description: one line
    // param: NAME: TYPE[?] — help text

TYPE is `search` (folded to lowercase ASCII, matched against nodes' `search`),
`text`, `date` (ISO, possibly partial), `int`, `confidence` (a number from 0 to 1) or
`person_key` (a person key, which may be typed without tone marks when only one key
folds to it: graph/lookup.find_person_key); `?` marks an optional parameter
(null when not given).  Recipes stay in the Cypher subset both stores share.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from orggraph.graph.store import Result, Store, StoreError
from orggraph.loaders.dates import DateError, check_iso_date
from orggraph.loaders.normalize import fold, normalize_text

_HEADER = re.compile(r"^//\s*(name|description|param):\s*(.*)$")
_PARAM = re.compile(r"^(\w+):\s*(search|text|date|int|confidence|person_key)(\?)?\s*(?:[—-]+\s*(.*))?$")


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    optional: bool
    help: str


@dataclass(frozen=True)
class Recipe:
    name: str
    description: str
    params: tuple[Param, ...]
    cypher: str


class RecipeError(StoreError):
    pass


def parse_recipe(text: str) -> Recipe:
    name = description = ""
    params = []
    body = []
    for line in text.splitlines():
        match = _HEADER.match(line.strip())
        if match and not body:
            key, value = match.groups()
            if key == "name":
                name = value.strip()
            elif key == "description":
                description = value.strip()
            else:
                pm = _PARAM.match(value.strip())
                if not pm:
                    raise RecipeError(f"bad param line in recipe {name or '?'}: {value}")
                params.append(Param(pm.group(1), pm.group(2), bool(pm.group(3)), (pm.group(4) or "").strip()))
        elif line.strip() or body:
            body.append(line)
    if not name:
        raise RecipeError("recipe without a '// name:' header")
    return Recipe(name, description, tuple(params), "\n".join(body).strip())


@lru_cache(maxsize=1)
def load_recipes() -> dict[str, Recipe]:
    recipes = {}
    for entry in sorted(resources.files(__package__).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".cypher"):
            recipe = parse_recipe(entry.read_text(encoding="utf-8"))
            recipes[recipe.name] = recipe
    return recipes


def get_recipe(name: str) -> Recipe:
    recipes = load_recipes()
    if name not in recipes:
        raise RecipeError(f"unknown recipe {name!r}; known: {', '.join(recipes)}")
    return recipes[name]


def bind_params(recipe: Recipe, given: dict[str, str | None]) -> dict:
    """Check and convert the user's strings to the recipe's parameter types."""
    known = {p.name for p in recipe.params}
    unknown = sorted(set(given) - known)
    if unknown:
        raise RecipeError(f"recipe {recipe.name} has no parameter {unknown[0]!r}; it takes: "
                          f"{', '.join(p.name for p in recipe.params) or 'none'}")
    bound = {}
    for param in recipe.params:
        value = given.get(param.name)
        if value is None or value == "":
            if not param.optional:
                raise RecipeError(f"recipe {recipe.name} needs --param {param.name}=… ({param.help})")
            bound[param.name] = None
            continue
        bound[param.name] = convert(param, value)
    return bound


def convert(param: Param, value: str):
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise RecipeError(f"--param {param.name}: not valid UTF-8 (character {exc.start})") from None
    if param.kind == "search":
        return fold(normalize_text(value))
    if param.kind in ("text", "person_key"):
        return normalize_text(value)
    if param.kind == "confidence":
        try:
            number = float(value)
        except ValueError:
            number = -1.0
        if not 0.0 <= number <= 1.0:
            raise RecipeError(f"--param {param.name} must be a number from 0 to 1, not {value!r}")
        return number
    if param.kind == "int":
        try:
            number = int(value)
        except ValueError:
            raise RecipeError(f"--param {param.name} must be a whole number, not {value!r}") from None
        if not -2 ** 63 <= number < 2 ** 63:
            raise RecipeError(f"--param {param.name}: {value} does not fit in 64 bits")
        return number
    try:
        return check_iso_date(value, f"--param {param.name}")
    except DateError as exc:
        raise RecipeError(str(exc)) from None


def run_recipe(store: Store, name: str, given: dict[str, str | None], timeout: float | None = None) -> Result:
    recipe = get_recipe(name)
    bound = bind_params(recipe, given)
    for param in recipe.params:
        if param.kind == "person_key" and bound[param.name] is not None:
            from orggraph.graph.lookup import find_person_key  # (the lookup reads the graph)

            bound[param.name] = find_person_key(store, bound[param.name])
    return store.read(recipe.cypher, bound, timeout=timeout, lookup=True)
