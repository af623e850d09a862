"""Calendar dates written in URLs and file names (2023-06-18, 2023/06/18, 2023_06_18, 20230618)."""

from __future__ import annotations

import re
from datetime import date

_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_/.]?(0[1-9]|1[0-2])[-_/.]?(0[1-9]|[12]\d|3[01])(?!\d)")


def date_in_name(name: str) -> date | None:
    """The first valid calendar date in ``name``, else None."""
    for match in _NAME_DATE.finditer(name):
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
    return None
