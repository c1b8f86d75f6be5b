"""The results table: `gotong bench report` prints it and writes it into BENCHMARKS.md between markers."""

from pathlib import Path

from gotong.bench.results import RESULTS_DIR, load_results

BEGIN, END = "<!-- bench:results:begin -->", "<!-- bench:results:end -->"
METHOD_NAMES = {
    "library": "django-import-export",
    "bulk": "Gotong bulk import",
    "database": "database ceiling (registry tables, no Python per row)",
    "tables": "registry-tables ceiling",
    "raw": "raw ceiling (bare table)",
}


def render() -> str:
    results = load_results()
    parts = []
    for name, data in results.items():
        kind = name.split("-", 1)[0]
        renderer = {
            "generate": _generate,
            "import": _import,
            "load": _load,
            "dashboards": _dashboards,
            "search": _search,
            "field": _field,
            "exports": _exports,
            "pages": _pages,
        }.get(kind)
        if renderer:
            parts.append(renderer(name, data))
    return "\n\n".join(parts) if parts else "(no results yet: run `gotong bench import|load|dashboards`)"


def _head(title: str, data: dict) -> str:
    when = data.get("recorded_at", "?")
    load = (data.get("machine") or {}).get("load_average")
    busy = f", load average {' / '.join(map(str, load))} (1/5/15 min)" if load else ""
    return f"### {title}\n\n{data.get('database', '?')}, recorded {when}{busy}\n"


def _generate(name: str, data: dict) -> str:
    modules = data.get("modules") or {}
    rows = [
        "| persons | households | dwellings | RT/RW units made | module records | seconds | persons/s "
        "| database size |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {data['persons']:,} | {data['households']:,} | {data['dwellings']:,} | {data.get('units_created', 0):,} | "
        f"{sum(modules.values()):,} | {data['seconds']:,} | {data['persons_per_second']:,} | "
        f"{data.get('database_size', '–')} |",
    ]
    if modules:
        rows.append("")
        rows.append("Module records: " + ", ".join(f"{label} {count:,}" for label, count in modules.items()) + ".")
    if data.get("province"):
        cities, kept = len(data.get("cities", [])), ", ".join(data.get("skipped_cities", [])) or "none"
        rows.append("")
        rows.append(f"{cities} regencies and cities generated; kept as they were: {kept}; persons in the province "
                    f"afterwards: {data.get('persons_in_province', 0):,}.")  # fmt: skip
        kind, code = "province", data["province"]
    else:
        kind, code = "city", data.get("city", "?")
    title = f"Synthetic {kind} ({code}, seed {data.get('seed', '?')}, {data.get('database', '?')})"
    return _head(title, data) + "\n" + "\n".join(rows)


def _import(name: str, data: dict) -> str:
    runs = data["runs"]
    by = {(r["method"], r["rows"]): r for r in runs}
    rows = [
        "| method | rows | seconds | rows/s | × django-import-export | × slower than database ceiling "
        "| × slower than tables ceiling | × slower than raw | peak RSS (MB) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in runs:
        library = by.get(("library", run["rows"])) or next((r for r in runs if r["method"] == "library"), None)
        versus_library = f"{run['rows_per_second'] / library['rows_per_second']:.1f}×" if library else "–"
        slower = " | ".join(_slower(by.get((ceiling, run["rows"])), run) for ceiling in ("database", "tables", "raw"))
        rows.append(
            f"| {METHOD_NAMES[run['method']]} | {run['rows']:,} | {run['seconds']:.2f} | {run['rows_per_second']:,} | "
            f"{versus_library} | {slower} | {run['peak_mb']:.0f} |"
        )
    return _head("Bulk import of households and persons", data) + "\n" + "\n".join(rows)


def _slower(ceiling: dict | None, run: dict) -> str:
    return f"{ceiling['rows_per_second'] / run['rows_per_second']:.1f}" if ceiling else "–"


def _load(name: str, data: dict) -> str:
    title = f"Load test: {data['users']} users × {data['seconds']} s on loopback (city {data.get('city', '?')})"
    title += f", locust client {data.get('client', 'requests')}"
    if "runs" in data:
        title += ", processes " + " then ".join(str(run["workers"]) for run in data["runs"])
    else:  # one server, one process (before issue 24)
        return _head(title, data) + "\n" + "\n".join(_load_rows(data, None, with_processes=False))
    rows = [f"One server per row group, started one after the other on the same database ({data.get('cores', '?')} "
            "cores); the last column compares each path with the same path on one process.", ""]  # fmt: skip
    single = next((run for run in data["runs"] if run["workers"] == 1), None)
    rows += _load_header(with_processes=True)
    for run in data["runs"]:
        rows += _load_rows(run, single, with_processes=True)
    return _head(title, data) + "\n" + "\n".join(rows)


def _load_header(*, with_processes: bool) -> list[str]:
    if with_processes:
        return [
            "| processes | path | requests | req/s | p50 ms | p99 ms | failures | req/s ÷ /healthz "
            "| req/s × 1 process |",
            "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
    return [
        "| path | requests | req/s | p50 ms | p99 ms | failures | req/s ÷ /healthz | p50 × /healthz |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]


def _load_rows(run: dict, single: dict | None, *, with_processes: bool) -> list[str]:
    trivial = next((r for r in run["trivial"] if r["name"] == "/healthz"), None)
    rows = [] if with_processes else _load_header(with_processes=False)
    base = {r["name"]: r for r in (single["trivial"] + single["app"])} if single else {}
    for row in ([trivial] if trivial else []) + run["app"]:
        rps_ratio = f"{row['rps'] / trivial['rps']:.3f}" if trivial and trivial["rps"] else "–"
        cells = f"{row['name']} | {row['requests']:,} | {row['rps']} | {row['p50_ms']:.0f} | {row['p99_ms']:.0f} | "
        if with_processes:
            one = base.get(row["name"])
            scale = f"{row['rps'] / one['rps']:.2f}" if one and one["rps"] else "–"
            rows.append(f"| {run['workers']} | {cells}{row['failures']} | {rps_ratio} | {scale} |")
        else:
            p50_ratio = f"{row['p50_ms'] / trivial['p50_ms']:.1f}" if trivial and trivial["p50_ms"] else "–"
            rows.append(f"| {cells}{row['failures']} | {rps_ratio} | {p50_ratio} |")
    return rows


def _search(name: str, data: dict) -> str:
    """`gotong bench search`: each search page and text as the city's officer; older files: the household list's
    `?q=`, old query and new back to back on one database."""
    if data["rows"] and "page" in data["rows"][0]:
        rows = ["| page | case | text | p50 ms | max ms | queries | rows shown |", "|---|---|---|---:|---:|---:|---:|"]
        for row in data["rows"]:
            rows.append(
                f"| {row['page']} | {row['case']} | {row['text']} | {row['p50_ms']} | {row['max_ms']} | "
                f"{row['queries']} | {row['rows_shown']} |"
            )
        title = f"Name search over a city ({data.get('city', '?')}, {data.get('persons', 0):,} persons)"
        return _head(title, data) + f"\n{data.get('runs', '?')} runs each, p50 of the warm runs\n\n" + "\n".join(rows)
    rows = ["| text | method | persons | p50 ms | rows on page |", "|---|---|---:|---:|---:|"]
    for row in data["rows"]:
        rows.append(
            f"| {row['query']} | {row['method']} | {data.get('persons', 0):,} | {row['p50_ms']} | {row['rows']} |"
        )
    return _head(f"Household list search (city {data.get('city', '?')})", data) + "\n" + "\n".join(rows)


def _dashboards(name: str, data: dict) -> str:
    rows = ["| view | persons | p50 ms | max ms | queries |", "|---|---:|---:|---:|---:|"]
    for row in data["rows"]:
        rows.append(
            f"| {row.get('view')} | {row.get('persons', 0):,} | {row.get('p50_ms', '?')} | {row.get('max_ms', '?')} | "
            f"{row.get('queries', '?')} |"
        )
    return _head("Dashboards (server time, warm, test client)", data) + "\n" + "\n".join(rows)


def _field(name: str, data: dict) -> str:
    net = data.get("network", {})
    link = f"{net.get('down_kbps')} kbit/s, {net.get('latency_ms')} ms RTT"
    title = f"Field forms on slow 3G ({link}), Chromium at 360 px"
    rows = ["| form | first open KB | first open s | repeat KB | repeat s |", "|---|---:|---:|---:|---:|"]
    for row in data["rows"]:
        rows.append(
            f"| {row['kind']} ({row['user']}) | {row['first_bytes'] / 1024:.1f} | {row['first_seconds']} | "
            f"{row['repeat_bytes'] / 1024:.1f} | {row['repeat_seconds']} |"
        )
    return _head(title, data) + "\n" + "\n".join(rows)


def _exports(name: str, data: dict) -> str:
    rows = [
        "| format | rows | seconds | rows/s | CPU s | peak RSS (MB) | RSS before export (MB) | grown (MB) "
        "| file (MB) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in data["runs"]:
        grown = run["peak_mb"] - run["baseline_mb"]
        rows.append(
            f"| {run['format'].upper()} | {run['rows']:,} | {run['seconds']:.2f} | {run['rows_per_second']:,} | "
            f"{run.get('cpu_seconds', '–')} | {run['peak_mb']:.0f} | {run['baseline_mb']:.0f} | {grown:.0f} | "
            f"{run['file_mb']} |"
        )
    title = f"Background export of the household list ({data.get('list', '?')}, in the worker's path)"
    return _head(title, data) + "\n" + "\n".join(rows)


def _pages(name: str, data: dict) -> str:
    """Deep pages (issue 24): page N by cursor and by OFFSET, as multiples of page 1 in the same run."""
    rows = [
        "| list | rows | page size | page N | page 1 p50 ms | page N by cursor p50 ms | × page 1 "
        "| page N by OFFSET p50 ms | × page 1 | queries (1 / cursor / OFFSET) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in data["rows"]:
        queries = row["queries"]
        rows.append(
            f"| {row['list']} | {row['rows_in_list']:,} | {row['page_size']} | {row['page']:,} | {row['first_ms']} | "
            f"{row['cursor_ms']} | {row['cursor_vs_first']} | {row['offset_ms']} | {row['offset_vs_first']} | "
            f"{queries['first']} / {queries['cursor']} / {queries['offset']} |"
        )
    title = f"Deep pages of the long lists (city {data.get('city', '?')}, {data.get('runs', '?')} runs each, warm)"
    return _head(title, data) + "\n" + "\n".join(rows)


def write_benchmarks_md(path: Path) -> None:
    text = path.read_text() if path.exists() else f"{BEGIN}\n{END}\n"
    before, _sep, rest = text.partition(BEGIN)
    _old, _sep, after = rest.partition(END)
    path.write_text(f"{before}{BEGIN}\n{render()}\n{END}{after}")


__all__ = ["RESULTS_DIR", "render", "write_benchmarks_md"]
