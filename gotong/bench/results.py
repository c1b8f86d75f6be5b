"""Benchmark results as JSON under `benchmarks/results/`, so the report table is regenerated, never hand-typed."""

import json
import platform
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings

RESULTS_DIR = Path(settings.BASE_DIR).parent / "benchmarks" / "results"


def machine() -> dict:
    import os

    # The load average says how busy the (shared) machine was when the result was recorded.
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "system": platform.platform(terse=True),
            "load_average": [round(x, 1) for x in os.getloadavg()]}  # fmt: skip


def save_result(name: str, data: dict) -> Path:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    data = {**data, "recorded_at": datetime.now(UTC).isoformat(timespec="seconds"), "machine": machine()}
    path = RESULTS_DIR / f"{name}.json"
    path.write_text(json.dumps(data, indent=2, default=str) + "\n")
    return path


def load_results() -> dict[str, dict]:
    if not RESULTS_DIR.is_dir():
        return {}
    return {path.stem: json.loads(path.read_text()) for path in sorted(RESULTS_DIR.glob("*.json"))}
