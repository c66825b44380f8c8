"""The demos and the icon are found wherever assetmap was installed: a checkout, `pip
install` into a prefix or `--user`, and the standalone build (PyInstaller's bundle)."""

from __future__ import annotations

import filecmp
import shutil
import site
import sys

from assetmap.qt import paths


def installed(share, name: str, source) -> None:
    (share / "assetmap").mkdir(parents=True)
    shutil.copy2(source, share / "assetmap" / name)


def test_both_demos_are_found_as_built_from_the_source_tree(repo_root):
    # an editable install finds sample_data/ itself, `pip install .` its copy under share/
    for name in paths.DEMOS:
        found = paths.shipped_demo(name)
        assert found is not None, name
        assert filecmp.cmp(found, repo_root / "sample_data" / name, shallow=False)


def test_a_user_install_finds_its_demos_under_the_user_base(tmp_path, monkeypatch, repo_root):
    monkeypatch.setattr(site, "USER_BASE", str(tmp_path))
    installed(tmp_path / "share", "other.gpkg", repo_root / "sample_data" / "rutland.gpkg")
    assert paths.shipped_demo("other.gpkg") == tmp_path / "share" / "assetmap" / "other.gpkg"


def test_the_standalone_build_finds_its_demos_in_its_bundle(tmp_path, monkeypatch, repo_root):
    bundle = tmp_path / "_internal"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    installed(bundle / "share", "other.gpkg", repo_root / "sample_data" / "rutland.gpkg")
    assert paths.shipped_demo("other.gpkg") == bundle / "share" / "assetmap" / "other.gpkg"
    assert paths.shipped_demo("missing.gpkg") is None


def test_resources_are_found_in_the_checkout_and_in_a_build(tmp_path, monkeypatch, repo_root):
    for relative in ("guide/index.html", "icons/LICENSE"):
        found = paths.resource(relative)
        assert found is not None, relative
        assert filecmp.cmp(found, repo_root / "resources" / relative, shallow=False)
    bundle = tmp_path / "_internal"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    # a file only the build has (the checkout's own resources are found first)
    extra = bundle / "share" / "assetmap" / "resources" / "only-built" / "note.html"
    extra.parent.mkdir(parents=True)
    extra.write_text("<h1>Built</h1>", encoding="utf-8")
    assert paths.resource("only-built/note.html") == extra
    assert paths.resource("guide/missing.html") is None
