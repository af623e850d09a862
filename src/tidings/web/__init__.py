"""The read-only web UI and JSON API (``tidings serve``)."""

from __future__ import annotations

from tidings.web.app import create_app

__all__ = ["create_app"]
