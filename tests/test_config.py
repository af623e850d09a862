from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tidings.config import Options
from tidings.errors import ConfigError


def test_shipped_defaults_file_matches_the_options_object() -> None:
    parsed = tomllib.loads(Options.defaults_toml())
    assert Options.from_mapping(parsed) == Options()


def test_every_default_in_the_file_is_commented() -> None:
    lines = Options.defaults_toml().splitlines()
    for i, line in enumerate(lines):
        if "=" in line and not line.lstrip().startswith("#"):
            above = [ln for ln in lines[max(0, i - 4) : i] if ln.strip()]
            assert any(ln.lstrip().startswith("#") for ln in above), f"undocumented option: {line}"


def test_user_file_overlays_defaults(tmp_path: Path) -> None:
    cfg = tmp_path / "t.toml"
    cfg.write_text('[store]\ndb = "x.db"\n[nlp]\nfacts = false\n')
    opts = Options.load(cfg)
    assert opts.store.db == "x.db" and opts.nlp.facts is False
    assert opts.extract == Options().extract


@pytest.mark.parametrize(
    "text, code",
    [
        ("[store]\ndbb = 1\n", "T102"),
        ("[stor]\ndb = 'x'\n", "T103"),
        ("[store]\nbatch_size = 'many'\n", "T106"),
        ("[store\n", "T105"),
    ],
)
def test_bad_config_is_a_coded_error(tmp_path: Path, text: str, code: str) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text(text)
    with pytest.raises(ConfigError, match=code):
        Options.load(cfg)


def test_cli_style_overrides_skip_none() -> None:
    opts = Options().with_overrides(store__db="y.db", store__batch_size=None)
    assert opts.store.db == "y.db" and opts.store.batch_size == Options().store.batch_size
