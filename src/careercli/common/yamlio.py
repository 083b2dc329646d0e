"""Safe YAML reading: one clear DataError line for anything wrong with a file.

Beyond PyYAML's safe loader: aliases may not expand past MAX_VALUES values (a "billion
laughs" file is refused before it is built), collections nest at most MAX_DEPTH deep, a
duplicate key is an error naming it (PyYAML lets the last one win), `.inf` and `.nan` are
refused where they stand, and every string is cleaned of control and bidi characters
(common.untrusted) before anyone sees it.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from careercli.common.errors import DataError
from careercli.common.textio import MAX_DEPTH, read_text
from careercli.common.untrusted import clean_value

__all__ = ["MAX_VALUES", "load_yaml", "read_text"]

MAX_VALUES = 1_000_000  # values a document may hold once its aliases are expanded
_FLOAT = "tag:yaml.org,2002:float"
_MERGE = "tag:yaml.org,2002:merge"


def load_yaml(path: Path, text: str | None = None) -> Any:
    """Parse YAML safely (no tags that build objects) with libyaml when it is there."""
    import yaml

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    if text is None:
        text = read_text(path)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _Check(path, loader).size(node, 1, "")
        return clean_value(loader.construct_document(node))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = exc.problem or exc.context or "invalid YAML"
        if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in problem:
            problem = problem.replace("could not determine a constructor for the tag", "tag")
            problem += " is not allowed (YAML is loaded safely; tags that build objects are refused)"
        raise DataError(f"{path}: {where}YAML error: {problem}") from None
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: YAML error: {exc}") from None
    finally:
        loader.dispose()


class _Check:
    """One walk over the composed nodes, each distinct node once (an alias is the same node
    again): the expanded size, the depth, duplicate keys and non-finite numbers."""

    def __init__(self, path: Path, loader: Any) -> None:
        self.path = path
        self.loader = loader
        self.sizes: dict[int, int] = {}
        self.open: set[int] = set()

    def fail(self, node: Any, problem: str) -> DataError:
        return DataError(f"{self.path}: line {node.start_mark.line + 1}: {problem}")

    def size(self, node: Any, level: int, where: str) -> int:
        known = self.sizes.get(id(node))
        if known is not None:
            return known
        if id(node) in self.open:
            raise self.fail(node, "an alias refers to its own anchor; expected plain data")
        if level > MAX_DEPTH:
            raise self.fail(node, f"nested deeper than {MAX_DEPTH} levels")
        self.open.add(id(node))
        total = 1 + sum(self.size(child, level + 1, at) for at, child in self._children(node, where))
        self.open.discard(id(node))
        if total > MAX_VALUES:
            raise self.fail(node, f"aliases expand to more than {MAX_VALUES:,} values; expected plain data")
        if node.tag == _FLOAT and not math.isfinite(self.loader.construct_yaml_float(node)):
            field = f"{where}: " if where else ""
            raise self.fail(node, f"{field}{node.value} is not a finite number; expected a number")
        self.sizes[id(node)] = total
        return total

    def _children(self, node: Any, where: str) -> list[tuple[str, Any]]:
        value = node.value
        if isinstance(value, str):
            return []
        if not value or not isinstance(value[0], tuple):
            return [(f"{where}[{i}]", child) for i, child in enumerate(value)]
        seen: dict[tuple[str, str], int] = {}
        out: list[tuple[str, Any]] = []
        for key, child in value:
            name = key.value if isinstance(key.value, str) else "?"
            at = f"{where}.{name}" if where else name
            if key.tag != _MERGE and isinstance(key.value, str):
                if (key.tag, name) in seen:
                    first = seen[(key.tag, name)]
                    raise self.fail(key, f"duplicate key '{at}' (first on line {first}); keep one")
                seen[(key.tag, name)] = key.start_mark.line + 1
            out += [(at, key), (at, child)]
        return out
