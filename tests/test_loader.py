"""The loader without the CLI: good data loads, each kind of bad pack is one clear line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import MINIMAL_ROLE, write

from careercli.catalog.loader import load_catalog
from careercli.common.errors import DataError

PackMaker = Callable[..., Path]


def test_bundled_catalog_loads() -> None:
    catalog = load_catalog()
    assert len(catalog.roles) >= 20
    assert "python" in catalog.skills


def test_pack_adds_a_role(pack: PackMaker) -> None:
    catalog = load_catalog(pack())
    role = catalog.roles["ml-platform-lead"]
    assert role.title == "ML Platform Lead"
    assert [n.skill for n in role.skills] == ["python", "kubernetes"]


def test_pack_role_overrides_bundled_one(pack: PackMaker) -> None:
    text = MINIMAL_ROLE.format(id="ml-engineer", title="Machine Learning Engineer")
    catalog = load_catalog(pack(text, role_id="ml-engineer"))
    assert catalog.roles["ml-engineer"].summary.startswith("Builds and runs the platform")


def _bad(pack: PackMaker, old: str, new: str) -> str:
    text = MINIMAL_ROLE.format(id="ml-platform-lead", title="ML Platform Lead")
    assert old in text
    with pytest.raises(DataError) as info:
        load_catalog(pack(text.replace(old, new)))
    message = info.value.message
    assert "\n" not in message
    assert "ml-platform-lead.yaml" in message
    return message


def test_unknown_skill_names_field_and_closest(pack: PackMaker) -> None:
    message = _bad(pack, "{id: python,", "{id: pyhton,")
    assert "skills[0].id: unknown skill 'pyhton'" in message
    assert "did you mean 'python'" in message


def test_yaml_syntax_error_names_line(pack: PackMaker) -> None:
    message = _bad(pack, "tips: [Run a cluster at home.]", "tips: [Run a cluster")
    assert "YAML error" in message
    assert "line " in message


def test_wrong_type(pack: PackMaker) -> None:
    message = _bad(pack, "importance: 5", "importance: lots")
    assert "skills[0].importance: expected a whole number from 1 to 5, got 'lots'" in message


def test_out_of_range(pack: PackMaker) -> None:
    message = _bad(pack, "importance: 5", "importance: 9")
    assert "skills[0].importance: 9 is out of range; expected 1 to 5" in message


def test_python_tag_is_refused_and_never_runs(pack: PackMaker, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    payload = f"!!python/object/apply:os.system ['touch {marker}']"
    message = _bad(pack, "summary: Builds", f"summary: {payload}\nx: Builds")
    assert "tag" in message
    assert "not allowed" in message
    assert not marker.exists()


def test_unknown_field_suggests(pack: PackMaker) -> None:
    message = _bad(pack, "tips:", "tipps:")
    assert "tipps: unknown field (did you mean 'tips'?)" in message


def test_unknown_related_role(pack: PackMaker) -> None:
    message = _bad(pack, "related: [ml-engineer]", "related: [ml-enginer]")
    assert "related[0]: unknown role 'ml-enginer' (did you mean 'ml-engineer'" in message


def test_unknown_level_suggests(pack: PackMaker) -> None:
    message = _bad(pack, "level: senior", "level: senoir")
    assert "level: unknown level 'senoir'" in message
    assert "'senior'" in message


def test_id_must_match_file_name(pack: PackMaker) -> None:
    message = _bad(pack, "id: ml-platform-lead", "id: other-id")
    assert "must match the file name" in message


def test_alias_collision_between_roles(pack: PackMaker) -> None:
    message = _bad(pack, "aliases: []", "aliases: [Machine Learning Engineer]")
    assert "also names role 'ml-engineer'" in message


def test_missing_required_facet(pack: PackMaker) -> None:
    message = _bad(pack, "tips: [Run a cluster at home.]", "tips: []")
    assert "tips: needs at least 1 item" in message


def test_binary_file(tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    (folder / "roles").mkdir(parents=True)
    (folder / "roles" / "x.yaml").write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(DataError, match=r"x\.yaml: binary content"):
        load_catalog(folder)


def test_bad_skills_file_in_pack(tmp_path: Path) -> None:
    write(tmp_path / "pack" / "skills.yaml", "skills:\n  - id: julia\n    name: Julia\n")
    with pytest.raises(DataError, match=r"skills\.yaml: skills\[0\]\.category: missing"):
        load_catalog(tmp_path / "pack")
