"""Issue 22, failures 1 and 8 and the export partials: where `tidings export` writes.

1. `-o FIFO` (or a device node) was replaced by a regular 0600 file; as root, `-o /dev/null`
   replaced the system's /dev/null. Only regular files and new paths are written.
8. `-o DIR`, `-o ''`, `-o /proc/self/x` printed a raw traceback; now a coded error, exit 2.
Partials: overwriting an export reset its mode to 0600; `-o -` wrote a file named `-`.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tidings.extract.build import make_article
from tidings.records import Paragraph
from tidings.store.sqlite import BatchItem, Store

TEXT = "Ministers met in Vienna on Monday to discuss trade, sanctions and the war in the region."


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "t.db"
    items = [
        BatchItem(f"o{i}", f"r{i}", make_article(source="t", paragraphs=[Paragraph("paragraph", f"{i}. {TEXT}")]))
        for i in range(3)
    ]
    with Store.open(path) as store:
        store.write_batch(items)
    return path


def export(db: Path, *args: str, cwd: Path, umask: int = 0o022) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "tidings.cli.app", "export", "--db", str(db), *args],
        cwd=cwd,
        capture_output=True,
        timeout=120,
        preexec_fn=lambda: os.umask(umask),
    )


def _refused(res: subprocess.CompletedProcess[bytes], code: str) -> None:
    assert res.returncode == 2, res.stderr
    assert f"[{code}]".encode() in res.stderr, res.stderr
    assert b"Traceback" not in res.stderr


def test_a_fifo_is_never_replaced(db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    _refused(export(db, "-o", str(fifo), cwd=tmp_path), "T205")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_device_node_is_never_replaced(db: Path, tmp_path: Path) -> None:
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a private /dev/null
    except PermissionError:
        pytest.skip("creating a device node needs root")
    _refused(export(db, "-o", str(node), cwd=tmp_path), "T205")
    assert stat.S_ISCHR(os.lstat(node).st_mode)


def test_a_socket_is_never_replaced(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        _refused(export(db, "-o", str(path), cwd=tmp_path), "T205")
        assert stat.S_ISSOCK(os.lstat(path).st_mode)


@pytest.mark.parametrize("target", ["dir", "", "/proc/self/x"])
def test_bad_paths_are_coded_errors(db: Path, tmp_path: Path, target: str) -> None:
    if target == "dir":
        target = str(tmp_path / "out")
        Path(target).mkdir()
    _refused(export(db, "-o", target, cwd=tmp_path), "T206")
    assert not list(tmp_path.glob(".*.tmp")) and not list(tmp_path.glob("out/*"))


def test_dash_is_standard_output(db: Path, tmp_path: Path) -> None:
    res = export(db, "-o", "-", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert len(res.stdout.decode().splitlines()) == 3
    assert not (tmp_path / "-").exists()
    res = export(db, "-o", "-", "--format", "parquet", cwd=tmp_path)
    assert res.returncode == 0 and res.stdout.startswith(b"PAR1") and res.stdout.endswith(b"PAR1")
    res = export(db, "--table", "events", "--format", "gdelt", "-o", "-", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert not any(p.name.startswith("-") for p in tmp_path.iterdir())  # no "-" nor "-.header.tsv"


def test_new_exports_get_the_umask_mode_and_overwrites_keep_theirs(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.jsonl"
    assert export(db, "-o", str(out), cwd=tmp_path, umask=0o022).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert export(db, "-o", str(out), cwd=tmp_path, umask=0o022).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644  # was reset to 0600
    out.chmod(0o640)
    assert export(db, "-o", str(out), "--format", "csv", cwd=tmp_path).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    other = tmp_path / "b.csv"
    assert export(db, "-o", str(other), "--format", "csv", cwd=tmp_path, umask=0o077).returncode == 0
    assert stat.S_IMODE(other.stat().st_mode) == 0o600
