"""The environment of the processes a benchmark starts: the same settings as production, not the demo's."""

import os

from django.conf import settings


def production_env(**extra: str) -> dict[str, str]:
    """DEBUG off (no query log growing in memory, no debug templates), this process's secret key (sessions and
    tokens made here stay valid in the child), plus `extra`."""
    return {**os.environ, "DEBUG": "0", "SECRET_KEY": settings.SECRET_KEY, **extra}
