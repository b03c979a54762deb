"""Benchmark push and pull against a real Label Studio, each next to the raw API call it wraps.

    .venv/bin/python bench/labelstudio.py            # starts its own server in a temporary folder
    .venv/bin/python bench/labelstudio.py --tasks 2000 --url http://127.0.0.1:8089

Prints one table: seconds for each raw call (one bulk import, one snapshot export) and for the toolkit's
push and pull of the same payload, the ratios the targets in docs/performance.md are stated in, and the
peak Python memory of push and pull at two sizes (flat means it does not grow with the number of tasks).
"""

from __future__ import annotations

import argparse
import json
import secrets
import shutil
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from statistics import median
from typing import Any

import httpx
from claimstance import config, labelstudio
from claimstance.labelstudio import credentials, labels_to_result, server, task_data
from claimstance.labelstudio.client import with_token
from claimstance.schema import AnnotationLabels, Attribution, ClaimUnit, Speaker, StanceTerritorialIntegrity

ROOT = Path(__file__).resolve().parent.parent
GUIDELINES = "# Codebook\n\nBenchmark project."


def units(count: int, run: str) -> Iterator[ClaimUnit]:
    """Small claim units, generated lazily (a push must not need them all in memory)."""
    speaker = Speaker(name="Ilham Aliyev", role="President", attribution=Attribution.AUTHOR)
    for i in range(count):
        text = f"Claim {i} of run {run}: the borders must be respected by every side."
        yield ClaimUnit(
            id=f"{run}-d{i // 50}-u{i}",
            doc_id=f"{run}-d{i // 50}",
            index=i % 50,
            text=text,
            char_start=0,
            char_end=len(text),
            context=f"Earlier sentence. {text} Later sentence.",
            speaker=speaker,
        )


PREDICTION = AnnotationLabels(stance_territorial_integrity=StanceTerritorialIntegrity.SUPPORT, is_claim=True)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def peak_kib(fn: Callable[[], Any]) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1024
    finally:
        tracemalloc.stop()


class Raw:
    """The plain REST calls the toolkit wraps, for the baselines."""

    def __init__(self, settings: config.ServerSettings) -> None:
        self.http = httpx.Client(
            base_url=settings.url, headers={"Authorization": f"Token {settings.api_key}"}, timeout=3600
        )

    def project(self, title: str) -> int:
        body = {"title": title, "label_config": labelstudio.annotation_config()}
        response = self.http.post("/api/projects/", json=body)
        response.raise_for_status()
        return int(response.json()["id"])

    def bulk_import(self, project_id: int, tasks: list[dict[str, Any]]) -> None:
        self.http.post(f"/api/projects/{project_id}/import", json=tasks).raise_for_status()

    def snapshot_export(self, project_id: int) -> list[dict[str, Any]]:
        options = {"predictions": {"only_id": False}, "annotations__completed_by": {"only_id": False}}
        created = self.http.post(f"/api/projects/{project_id}/exports/", json={"serialization_options": options})
        created.raise_for_status()
        export_id = created.json()["id"]
        download = self.http.get(
            f"/api/projects/{project_id}/exports/{export_id}/download", params={"exportType": "JSON"}
        )
        download.raise_for_status()
        tasks: list[dict[str, Any]] = json.loads(download.content)
        self.http.delete(f"/api/projects/{project_id}/exports/{export_id}")
        return tasks

    def one_by_one(self, project_id: int, tasks: list[dict[str, Any]]) -> None:
        for task in tasks:
            self.http.post(f"/api/projects/{project_id}/import", json=[task]).raise_for_status()


def payload(count: int, run: str, *, predictions: bool = False, annotations: bool = False) -> list[dict[str, Any]]:
    result = labels_to_result(PREDICTION)
    tasks: list[dict[str, Any]] = []
    for unit in units(count, run):
        task: dict[str, Any] = {"data": task_data(unit)}
        if predictions:
            task["predictions"] = [{"model_version": "bench", "result": result}]
        if annotations:
            task["annotations"] = [{"result": result, "lead_time": 2.0}]
        tasks.append(task)
    return tasks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", type=int, default=10_000, help="tasks per measurement (default 10000)")
    parser.add_argument("--url", help="an already running Label Studio (default: start one in a temp folder)")
    parser.add_argument("--api-key", help="token of --url [default: the local server's, from its data folder]")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing; the median is shown (default 3)")
    args = parser.parse_args()
    n = args.tasks
    tmp = Path(tempfile.mkdtemp(prefix="claimstance-bench-"))
    started: Path | None = None
    if args.url:
        url = args.url
    else:
        print(f"starting Label Studio in {tmp} ...", file=sys.stderr)
        binary = ROOT / ".venv-ls" / "bin" / "label-studio"
        url = server.start(server.find_free_port(), tmp / "ls", binary=binary).url
        started = tmp / "ls"
    key = args.api_key or (credentials.local(started).api_token.get_secret_value() if started else None)
    settings = with_token(config.server_settings(url=url, api_key=key, timeout=3600, retries=2))
    raw = Raw(settings)
    tag = secrets.token_hex(3)
    rows: list[tuple[str, str, str]] = []

    def row(name: str, seconds: float, note: str = "") -> float:
        rows.append((name, f"{seconds:8.2f}", note))
        print(f"  {name}: {seconds:.2f} s {note}", file=sys.stderr)
        return seconds

    def push(project: str, count: int, run: str, **options: Any) -> labelstudio.PushReport:
        return labelstudio.push(
            units(count, run), project, guidelines=GUIDELINES, settings=settings, data_dir=tmp, **options
        )

    try:

        def round_trip(rep: int) -> tuple[float, float, float, int]:
            """One raw bulk import, one push of the same payload, one no-op re-push of it."""
            tasks, project_id = payload(n, f"a{rep}"), raw.project(f"raw-{rep}-{tag}")
            imported = timed(lambda: raw.bulk_import(project_id, tasks))[0]
            pushed = timed(lambda: push(f"push-{rep}-{tag}", n, f"a{rep}"))[0]
            again, report = timed(lambda: push(f"push-{rep}-{tag}", n, f"a{rep}"))
            assert report.created == 0 and report.unchanged == n, report
            return imported, pushed, again, report.project_id

        rounds = [round_trip(rep) for rep in range(args.repeat)]
        imports, pushes, noops = ([r[i] for r in rounds] for i in range(3))
        base = row("raw: one bulk import", median(imports))
        row("push: new project", median(pushes), f"{median(pushes) / base:.2f}x raw import (target <= 1.2x)")
        row("push: no-op re-push", median(noops), "target < 5 s")
        listed = rounds[-1][3]
        with labelstudio.Connection(settings) as conn:
            row(
                "list existing tasks (selected fields)",
                timed(lambda: sum(1 for _ in labelstudio.list_tasks(conn, listed)))[0],
            )

        preds = {u.id: PREDICTION for u in units(n, "p")}
        tasks = payload(n, "p", predictions=True)
        project_id = raw.project(f"rawp-{tag}")
        base_p = row("raw: bulk import with predictions", timed(lambda: raw.bulk_import(project_id, tasks))[0])
        t = timed(lambda: push(f"pushp-{tag}", n, "p", predictions=preds, model_version="bench"))[0]
        row("push: with predictions", t, f"{t / base_p:.2f}x raw import (target <= 1.2x)")

        sample = 50
        one, few = raw.project(f"one-{tag}"), payload(sample, "o")
        t = timed(lambda: raw.one_by_one(one, few))[0]
        row(f"raw: one task per call (x{sample})", t, f"{1000 * t / sample:.0f} ms per task")

        title = f"ann-{tag}"
        annotated = raw.project(title)
        raw.bulk_import(annotated, payload(n, "n", predictions=True, annotations=True))
        exports: list[float] = []
        pulls: list[float] = []
        for _ in range(args.repeat):
            exports.append(timed(lambda: raw.snapshot_export(annotated))[0])
            seconds, count = timed(lambda: sum(1 for _ in labelstudio.export_tasks(title, settings=settings)))
            assert count == n, count
            pulls.append(seconds)
        base_e = row("raw: snapshot export, annotated", median(exports))
        row("pull: export_tasks, iterated", median(pulls), f"{median(pulls) / base_e:.2f}x raw export (target <= 1.2x)")

        small = max(n // 5, 1)
        small_project = raw.project(f"small-{tag}")
        raw.bulk_import(small_project, payload(small, "s", predictions=True, annotations=True))
        for label, project in ((f"{small}", f"small-{tag}"), (f"{n}", title)):
            kib = peak_kib(lambda p=project: sum(1 for _ in labelstudio.export_tasks(p, settings=settings)))
            rows.append((f"pull: peak memory, {label} tasks", f"{kib:8.0f}", "KiB (Python heap, tracemalloc)"))
        batch = min(1000, small)
        for label, size in ((f"{small}", small), (f"{n}", n)):
            run = f"m{size}"
            kib = peak_kib(lambda s=size, r=run: push(f"mem-{r}-{tag}", s, r, batch_size=batch))
            note = f"KiB (Python heap, tracemalloc; batches of {batch})"
            rows.append((f"push: peak memory, {label} units", f"{kib:8.0f}", note))
    finally:
        if started is not None:
            server.stop(started)
        shutil.rmtree(tmp, ignore_errors=True)

    width = max(len(r[0]) for r in rows)
    print(f"\nLabel Studio at {url}, {n} tasks per measurement, timings: median of {args.repeat}\n")
    print(f"{'measurement':<{width}}  {'value':>8}  note")
    print(f"{'-' * width}  {'-' * 8}  {'-' * 40}")
    for name, value, note in rows:
        print(f"{name:<{width}}  {value}  {note}")


if __name__ == "__main__":
    main()
