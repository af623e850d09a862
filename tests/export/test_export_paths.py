"""Export destinations: names from ids only, paths kept under the output root, symlinks
refused, atomic replace (old file or new file, never a partial one)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tidings.errors import UsageError
from tidings.export.tables import atomic_writer, export_article_files, export_table, write_jsonl
from tidings.extract.build import make_article
from tidings.records import Paragraph
from tidings.store.sqlite import BatchItem, Store

TEXT = "Ministers met in Vienna on Monday to discuss trade, sanctions and the war in the region."


def _store(path: Path, n: int = 3) -> None:
    items = []
    for i in range(n):
        article = make_article(
            source="t",
            paragraphs=[Paragraph("paragraph", f"{i}. {TEXT}")],
            title=f"=cmd|' /C calc'!A{i}",
            url=f"https://news.example/{i}",
            origin=f"o{i}",
        )
        items.append(BatchItem(f"o{i}", f"r{i}", article))
    with Store.open(path) as store:
        store.write_batch(items)


def test_article_files_are_named_by_id_under_the_root(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    _store(db)
    root = tmp_path / "out"
    with Store.open(db, readonly=True) as store:
        assert export_article_files(store, root) == 3
        ids = {row[0] for row in store.conn.execute("SELECT id FROM articles")}
    assert {p.name for p in root.iterdir()} == {f"{i}.json" for i in ids}
    for p in root.iterdir():
        assert json.loads(p.read_text())["id"] == p.stem


@pytest.mark.parametrize("hostile_id", ["../../escaped", "/tmp/abs", "a/b", "CON", ".hidden", "x\x00y"])
def test_a_hostile_id_in_the_store_cannot_escape_the_root(tmp_path: Path, hostile_id: str) -> None:
    db = tmp_path / "t.db"
    _store(db, 1)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE articles SET id=?", (hostile_id,))
    conn.commit()
    conn.close()
    root = tmp_path / "deep" / "out"
    with Store.open(db, readonly=True) as store, pytest.raises(UsageError) as info:
        export_article_files(store, root)
    assert info.value.code == "T203"
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix == ".json"]
    assert written == []


def test_symlinked_destinations_are_refused(tmp_path: Path) -> None:
    target = tmp_path / "victim.txt"
    target.write_text("precious")
    link = tmp_path / "export.jsonl"
    link.symlink_to(target)
    with pytest.raises(UsageError) as info:
        write_jsonl([{"a": 1}], link)
    assert info.value.code == "T204" and target.read_text() == "precious" and link.is_symlink()
    root = tmp_path / "out"
    root.mkdir()
    (root / "abc.json").symlink_to(target)
    db = tmp_path / "t.db"
    _store(db, 1)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE articles SET id='abc'")
    conn.commit()
    conn.close()
    with Store.open(db, readonly=True) as store, pytest.raises(UsageError):
        export_article_files(store, root)
    assert target.read_text() == "precious"


def test_a_failed_export_leaves_the_old_file_and_no_temp_file(tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    out.write_text("old\n")

    def rows():  # type: ignore[no-untyped-def]
        yield {"a": 1}
        raise RuntimeError("killed mid-export")

    with pytest.raises(RuntimeError):
        write_jsonl(rows(), out)
    assert out.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["x.jsonl"]
    with atomic_writer(out) as fh:
        fh.write("new\n")
    assert out.read_text() == "new\n"


def test_csv_export_neutralises_formulas(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    _store(db, 2)
    with Store.open(db, readonly=True) as store:
        export_table(store, "articles", "csv", tmp_path / "a.csv")
    text = (tmp_path / "a.csv").read_text()
    assert "'=cmd|' /C calc'!A0" in text and "\n=cmd" not in text and ",=cmd" not in text
