"""The tidings version (one place; the package metadata and ``tidings --version`` read it)."""

__version__ = "0.2.0"


def tidings_version() -> str:
    return __version__
