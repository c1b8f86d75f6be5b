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


def scale_tag() -> str:
    """Where and how big the benchmarked database is, for result file names: "12.71-2.5M" for one city,
    "12-5.0M" for a province's cities, so a run at another scale never overwrites a reference result."""
    from gotong.core.area_codes import province_code
    from gotong.dashboards.benchmark import persons_by_city

    by_city = persons_by_city()
    cities = [code for code, persons in by_city.items() if persons]
    if not cities:
        return "empty"
    total = sum(by_city.values())
    size = f"{total / 1_000_000:.1f}M" if total >= 1_000_000 else f"{round(total / 1000)}k"
    where = cities[0] if len(cities) == 1 else province_code(cities[0])
    return f"{where}-{size}"
