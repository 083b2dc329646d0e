"""The validated catalog kept in user state between runs (careercli.catalog.parse_cache.CatalogCache):
the same catalog as a fresh load, rebuilt when any file it came from changes, and a cache
file that cannot be read back is ignored, never an error."""

from __future__ import annotations

import os
import pickle
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import MINIMAL_ROLE, Invoke, write
from tests.test_onet import onet_tables

from careercli.catalog import parse_cache
from careercli.catalog.loader import load_catalog
from careercli.catalog.models import Catalog
from careercli.common.paths import state_dir

PackMaker = Callable[..., Path]
DAY_NS = 86_400 * 10**9


@pytest.fixture
def settle_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cache files changed a moment ago too (tests write their packs just before loading)."""
    monkeypatch.setattr(parse_cache, "SETTLE_NS", 0)


def cache_file(slot: str = "default") -> Path:
    return state_dir() / "cache" / f"catalog-{slot}.pickle"


def same(a: Catalog, b: Catalog) -> bool:
    fields = ("roles", "skills", "industries", "salaries", "salary_source", "ambiguous")
    return all(getattr(a, f) == getattr(b, f) for f in fields)


def age(folder: Path) -> None:
    """Every file under `folder` last changed a day ago."""
    old = time.time_ns() - DAY_NS
    for path in folder.rglob("*"):
        os.utime(path, ns=(old, old))


@pytest.mark.usefixtures("settle_at_once")
def test_a_cached_catalog_is_the_catalog(pack: PackMaker) -> None:
    fresh = load_catalog(use_cache=False)
    assert same(load_catalog(), fresh)
    assert cache_file().is_file()
    assert same(load_catalog(), fresh)  # from the cache
    folder = pack()
    assert same(load_catalog(folder), load_catalog(folder))
    assert same(load_catalog(folder), load_catalog(folder, use_cache=False))


@pytest.mark.usefixtures("settle_at_once")
def test_the_cached_catalog_is_what_is_read_back(pack: PackMaker, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hit returns the cached object without validating anything."""
    folder = pack()
    age(folder)
    first = load_catalog(folder)
    assert cache_file().is_file()
    monkeypatch.setattr("careercli.catalog.loader.parse_role", None)  # would fail if a role were read
    second = load_catalog(folder)
    assert second is not first and same(second, first)


@pytest.mark.usefixtures("settle_at_once")
@pytest.mark.parametrize("change", ["edit", "add", "remove", "skills"])
def test_a_changed_pack_file_is_seen(pack: PackMaker, change: str) -> None:
    folder = pack()
    age(folder)
    assert load_catalog(folder).roles["ml-platform-lead"].title == "ML Platform Lead"
    assert cache_file().is_file()
    role = folder / "roles" / "ml-platform-lead.yaml"
    if change == "edit":  # same size, so only the mtime (and maybe the inode) says it changed
        role.write_text(role.read_text(encoding="utf-8").replace("ML Platform Lead", "ML Platform Head"))
        catalog = load_catalog(folder)
        assert catalog.roles["ml-platform-lead"].title == "ML Platform Head"
    elif change == "add":
        write(
            folder / "roles" / "ml-ops-lead.yaml", MINIMAL_ROLE.format(id="ml-ops-lead", title="MLOps Lead")
        )
        assert load_catalog(folder).roles["ml-ops-lead"].title == "MLOps Lead"
    elif change == "remove":
        role.unlink()
        assert "ml-platform-lead" not in load_catalog(folder).roles
    else:  # a file the pack did not have: skills.yaml
        write(
            folder / "skills.yaml",
            "skills:\n  - {id: dbt, name: dbt, category: data-engineering, description: Data build tool.}\n",
        )
        assert "dbt" in load_catalog(folder).skills


def test_a_file_changed_a_moment_ago_is_not_cached(pack: PackMaker, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two writes within one tick of the file system's clock can leave the same size and
    mtime: nothing that changed in the last SETTLE_NS is cached, so the second is seen."""
    monkeypatch.setattr(parse_cache, "code_files", list)  # careercli's own source may be new too
    folder = pack()
    load_catalog(folder)
    assert not cache_file().exists()
    age(folder)
    load_catalog(folder)
    assert cache_file().is_file()


@pytest.mark.usefixtures("settle_at_once")
@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not a pickle at all",
        b"\x80\x05\x95",  # a pickle cut short
        pickle.dumps(os.getcwd),  # names a function: refused, never called
        pickle.dumps(("a key", "that does not match")),
    ],
    ids=["empty", "garbage", "truncated", "a-function", "another-key"],
)
def test_a_cache_file_that_cannot_be_used_is_ignored_and_replaced(content: bytes) -> None:
    fresh = load_catalog(use_cache=False)
    load_catalog()
    path = cache_file()
    path.write_bytes(content)
    assert same(load_catalog(), fresh)
    assert path.read_bytes() != content  # written again, usable
    assert same(load_catalog(), fresh)


def test_a_truncated_cache_file_is_ignored(settle_at_once: None) -> None:
    load_catalog()
    path = cache_file()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert same(load_catalog(), load_catalog(use_cache=False))


def test_an_unwritable_state_folder_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the state folder would be", encoding="utf-8")
    monkeypatch.setenv("CAREERCLI_HOME", str(blocker))
    assert same(load_catalog(), load_catalog(use_cache=False))


@pytest.mark.usefixtures("settle_at_once")
def test_data_dir_packs_load_through_the_cache(invoke: Invoke, pack: PackMaker) -> None:
    folder = pack()
    first = invoke("--data-dir", str(folder), "roles", "--json")
    assert first.exit_code == 0, first.output
    assert "ml-platform-lead" in first.output
    second = invoke("--data-dir", str(folder), "roles", "--json")
    assert second.output == first.output
    without = invoke("roles", "--json")  # the same cache slot, another pack: no stale roles
    assert without.exit_code == 0 and "ml-platform-lead" not in without.output


@pytest.mark.usefixtures("settle_at_once")
def test_the_onet_pack_loads_through_the_cache(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("data", "import-onet", str(onet_tables(tmp_path / "onet")))
    assert result.exit_code == 0, result.output
    runs = [
        ("roles", "--catalog", "onet", "--json"),
        ("show", "15-2051.00", "--json"),
        ("compare", "15-2051.00", "data-scientist", "--json"),
    ]
    first = [invoke(*args) for args in runs]
    assert all(r.exit_code == 0 for r in first), [r.output for r in first]
    assert cache_file("onet").is_file() and cache_file("merged").is_file()
    assert [invoke(*args).output for args in runs] == [r.output for r in first]
    onet = state_dir() / "packs" / "onet"
    cached = load_catalog(onet=onet, onet_only=True)
    assert same(cached, load_catalog(onet=onet, onet_only=True, use_cache=False))
    assert "15-2051.00" in cached.roles


class _Planted:
    """What a hostile cache file would hold: unpickling it calls `touch` on a marker."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (Path.touch, (str(self.marker),))  # type: ignore[return-value]


@pytest.mark.usefixtures("settle_at_once")
def test_a_cache_file_naming_a_callable_is_never_run(tmp_path: Path) -> None:
    """The unpickler is restricted: a cache file whose catalog names something to call (here
    Path.touch; it could as well be os.system) is a miss, and the call never happens."""
    load_catalog()
    key = parse_cache.CatalogCache(state_dir(), "default", (None, None, False), []).key
    marker = tmp_path / "ran"
    with open(cache_file(), "rb") as handle:
        stored_key = pickle.load(handle)
    assert stored_key[:2] == key[:2]  # the real key, so the payload is what gets read
    cache_file().write_bytes(pickle.dumps(stored_key) + pickle.dumps(_Planted(marker)))
    os.utime(cache_file(), ns=(time.time_ns() - DAY_NS,) * 2)
    catalog = load_catalog()
    assert not marker.exists()
    assert "head-ds" in catalog.roles


def _globals_in(data: bytes) -> set[tuple[str, str]]:
    """Every (module, name) a pickle names: what the unpickler's find_class is asked."""
    import io

    asked: set[tuple[str, str]] = set()

    class Recording(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> object:
            asked.add((module, name))
            return super().find_class(module, name)

    Recording(io.BytesIO(data)).load()
    return asked


def test_every_class_of_a_real_catalog_is_allowed_and_every_loader_source_is_in_the_key(
    pack: PackMaker, tmp_path: Path, invoke: Invoke
) -> None:
    """The allow-list and the key's source files are derived, not kept by hand: this fails if
    a model class a catalog holds, or a module the loader imports, falls outside them."""
    import sys

    assert invoke("data", "import-onet", str(onet_tables(tmp_path / "onet"))).exit_code == 0
    onet = state_dir() / "packs" / "onet"
    catalogs = [load_catalog(use_cache=False), load_catalog(pack(), use_cache=False)]
    catalogs.append(load_catalog(onet=onet, onet_only=True, use_cache=False))
    allowed = set(parse_cache.model_classes())
    for catalog in catalogs:
        named = _globals_in(pickle.dumps(catalog, pickle.HIGHEST_PROTOCOL))
        careercli_names = {n for n in named if n[0].startswith("careercli")}
        assert careercli_names, "the pickle names no careercli class: the walk found nothing"
        assert careercli_names <= allowed, careercli_names - allowed
        assert named <= allowed, named - allowed
    key_files = {str(p) for p in parse_cache.code_files()}
    loaded = {
        str(Path(m.__file__).resolve())
        for name, m in list(sys.modules.items())
        if name.startswith("careercli") and getattr(m, "__file__", None)
    }
    assert loaded <= key_files, loaded - key_files
