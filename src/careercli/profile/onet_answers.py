"""The answers file's optional O*NET parts (schema 1 stays valid without them):

```yaml
onet_skills:             # O*NET skill or knowledge area, by name or id -> level 0-7
  Programming: 5         # (O*NET's level scale; "Mathematics" alone sets the skill and the
  2.C.4.a: 6             #  knowledge area, "Mathematics (knowledge)" only the latter)
work_values:             # O*NET's six work values -> how much each matters to you, 1-5
  achievement: 5         # (3, or left out: neutral)
  independence: 4
```

An unknown name is an error naming the file, the key and the closest valid names.
"""

from __future__ import annotations

from careercli.catalog.models import Catalog
from careercli.common.errors import did_you_mean
from careercli.common.fields import Fields


def onet_skills(f: Fields, catalog: Catalog) -> dict[str, float]:
    from careercli.fit.onet_fit import resolve_element

    s = f.sub("onet_skills", required=False)
    out: dict[str, float] = {}
    spelled: dict[str, str] = {}
    for key in s.data:
        name = str(key)
        if isinstance(key, bool) or not name.strip():
            raise s.fail(name, "expected an O*NET skill or knowledge area")
        level = Fields({name: s.data[key]}, s.file, s.where).number(name, 0, 7)
        for element in resolve_element(name, f"{s.file}: {s.path(name)}", catalog.skills):
            if element in out:
                raise s.fail(name, f"'{spelled[element]}' and '{name}' both set {element}; keep one")
            out[element], spelled[element] = level, name
    return out


def work_values(f: Fields) -> dict[str, int]:
    from careercli.fit.onet_fit import WORK_VALUE_NAMES

    w = f.sub("work_values", required=False)
    keys = {k: k for k in WORK_VALUE_NAMES} | {n.casefold(): k for k, n in WORK_VALUE_NAMES.items()}
    out: dict[str, int] = {}
    for key in w.data:
        name = str(key)
        value = keys.get(name.strip().casefold().replace("_", "-"))
        if value is None:
            raise w.fail(
                name,
                f"unknown work value '{name}'; expected one of {', '.join(WORK_VALUE_NAMES)}"
                + did_you_mean(name, list(WORK_VALUE_NAMES)),
            )
        if value in out:
            raise w.fail(name, f"work value '{value}' is given twice")
        out[value] = Fields({name: w.data[key]}, w.file, w.where).integer(name, 1, 5)
    return out
