"""Issue 22 partials on input names: symlinks out of an input directory, URL schemes.

- A symlink in an input directory was followed to files outside it (/etc/passwd,
  /proc/self/environ): now an ``outside_input`` rejection unless --follow-symlinks.
- ``file:``, ``gopher:``, ``data:`` were ``not_found``; they are ``blocked_url`` (the SSRF
  guard's code). ``HTTP://`` in capitals was taken for a file path; it is a URL.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tidings.config import InputOptions
from tidings.records import RawDoc, Rejected
from tidings.sources.files import read_inputs

PAGE = "Ministers met in Vienna on Monday to discuss trade, sanctions and the war in the region.\n" * 4


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(PAGE)
    (root / "sub" / "b.txt").write_text(PAGE.replace("Vienna", "Geneva"))
    outside = tmp_path / "secret.txt"
    outside.write_text("secret token\n" * 20)
    os.symlink(outside, root / "leak.txt")  # a file link out of the tree
    os.symlink("/etc", root / "etc")  # a directory link out of the tree
    os.symlink(root / "a.txt", root / "sub" / "again.txt")  # a link inside the tree: fine
    os.symlink(root, root / "sub" / "loop")  # a loop
    return root


def _read(root: Path, **options: bool) -> tuple[list[str], list[Rejected]]:
    items = list(read_inputs([str(root)], InputOptions(**options)))
    docs = [Path(i.origin).name for i in items if isinstance(i, RawDoc)]
    return sorted(docs), [i for i in items if isinstance(i, Rejected)]


def test_symlinks_out_of_an_input_directory_are_not_followed(corpus: Path) -> None:
    docs, rejected = _read(corpus)
    assert docs == ["a.txt", "a.txt", "b.txt"]  # a.txt twice: itself and the inside link
    assert sorted((r.code, Path(r.source).name) for r in rejected) == [
        ("outside_input", "etc"),
        ("outside_input", "leak.txt"),
    ]
    assert all("--follow-symlinks" in r.detail for r in rejected)


def test_follow_symlinks_reads_them(corpus: Path) -> None:
    docs, rejected = _read(corpus, follow_symlinks=True)
    assert "secret.txt" in docs  # origin is the resolved path
    assert not [r for r in rejected if r.code == "outside_input"]


def test_the_cli_flag(corpus: Path, tmp_path: Path) -> None:
    res = subprocess.run(
        [sys.executable, "-m", "tidings.cli.app", "ingest", str(corpus / "leak.txt"), str(corpus), "--no-facts"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    # a link named on the command line is the user's choice; inside a directory it is not
    assert res.returncode == 1 and "outside_input" in res.stderr, res.stderr


@pytest.mark.parametrize("name", ["file:///etc/passwd", "gopher://127.0.0.1:70/_x", "data:text/html,<p>x</p>"])
def test_other_schemes_are_blocked_urls(name: str) -> None:
    (item,) = list(read_inputs([name]))
    assert isinstance(item, Rejected) and item.code == "blocked_url", item
    assert "scheme" in item.detail


def test_a_capitalised_scheme_is_a_url() -> None:
    (item,) = list(read_inputs(["HTTP://news.example/a"]))
    assert isinstance(item, RawDoc) and item.kind == "url" and item.uri == "http://news.example/a"
