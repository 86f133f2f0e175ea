"""YAML parsing for the data files, with libyaml's C parser when PyYAML has it.

Why: the catalog, the thesaurus and the routing data are read at every start; the pure-Python parser
spent about half a second of a cold `advisor ask` on them.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Like `yaml.safe_load` (same safe subset), faster."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
