"""The command line: `tidings` and its subcommands (shape output only; rows come from the store)."""

from tidings.cli.app import main

__all__ = ["main"]
