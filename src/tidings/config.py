"""One options object, loadable from a commented TOML file.

The defaults live in ``defaults.toml`` beside this module (the commented reference);
:class:`Options` mirrors it section by section. ``Options.load(path)`` overlays a user
file on the defaults and rejects unknown keys, so typos fail loudly.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from tidings.errors import ConfigError


@dataclass(frozen=True, slots=True)
class StoreOptions:
    db: str = "tidings.db"
    batch_size: int = 32


@dataclass(frozen=True, slots=True)
class InputOptions:
    input_format: str = "auto"
    max_bytes: int = 20_000_000
    published: str = ""
    follow_symlinks: bool = False


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    time_budget: float = 10.0
    min_chars: int = 200
    clutter_filter: bool = True
    max_elements: int = 15_000


@dataclass(frozen=True, slots=True)
class NlpOptions:
    model: str = "auto"
    batch_size: int = 16
    max_chunk_chars: int = 100_000
    time_budget: float = 60.0
    facts: bool = True
    max_chars: int = 300_000


@dataclass(frozen=True, slots=True)
class EventOptions:
    use_model: bool = True
    dictionary_only: bool = False
    min_confidence: float = -1.0
    disabled_rules: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class FetchOptions:
    enabled: bool = True
    host_delay: float = 1.0
    user_agent: str = "tidings/0.1 (+https://github.com/tidings/tidings)"
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 60.0
    max_redirects: int = 5
    max_bytes: int = 20_000_000


@dataclass(frozen=True, slots=True)
class Options:
    store: StoreOptions = field(default_factory=StoreOptions)
    input: InputOptions = field(default_factory=InputOptions)
    extract: ExtractOptions = field(default_factory=ExtractOptions)
    nlp: NlpOptions = field(default_factory=NlpOptions)
    events: EventOptions = field(default_factory=EventOptions)
    fetch: FetchOptions = field(default_factory=FetchOptions)

    @staticmethod
    def defaults_toml() -> str:
        """The commented reference file, as shipped."""
        return resources.files("tidings").joinpath("defaults.toml").read_text("utf-8")

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> Options:
        sections: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            section_type = _section_types()[f.name]
            given = data.get(f.name, {})
            if not isinstance(given, dict):
                raise ConfigError(f"section [{f.name}] must be a table", code="T101")
            known = {sf.name: sf for sf in dataclasses.fields(section_type)}
            for key, value in given.items():
                if key not in known:
                    raise ConfigError(f"unknown option {f.name}.{key}", code="T102")
                _check_type(f"{f.name}.{key}", value, getattr(section_type(), key))
            sections[f.name] = section_type(**given)
        unknown = set(data) - set(sections)
        if unknown:
            raise ConfigError(f"unknown section(s): {', '.join(sorted(unknown))}", code="T103")
        return cls(**sections)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Options:
        """Defaults, overlaid with ``path`` when given."""
        if path is None:
            return cls()
        try:
            data = tomllib.loads(Path(path).read_text("utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError(f"config file not found: {path}", code="T104") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config file {path} is not valid TOML: {exc}", code="T105") from exc
        return cls.from_mapping(data)

    def with_overrides(self, **dotted: Any) -> Options:
        """Apply ``section__key=value`` overrides (CLI flags); ``None`` means 'not given'."""
        result = self
        for name, value in dotted.items():
            if value is None:
                continue
            section_name, _, key = name.partition("__")
            section = getattr(result, section_name)
            _check_type(f"{section_name}.{key}", value, getattr(section, key))
            result = dataclasses.replace(result, **{section_name: dataclasses.replace(section, **{key: value})})
        return result


def _section_types() -> dict[str, type]:
    return {
        "store": StoreOptions,
        "input": InputOptions,
        "extract": ExtractOptions,
        "nlp": NlpOptions,
        "events": EventOptions,
        "fetch": FetchOptions,
    }


def _check_type(name: str, value: Any, default: Any) -> None:
    expected = type(default)
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        raise ConfigError(f"option {name} must be {expected.__name__}, got {value!r}", code="T106")
