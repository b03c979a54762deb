"""Label Studio at team scale: incremental vs full pull, push with the server killed, annotators during pulls.

    .venv/bin/python bench/team.py --backend postgres                 # issue sizes: 100,000 tasks (long)
    .venv/bin/python bench/team.py --backend sqlite --tasks 10000 --only pull
    .venv/bin/python bench/team.py --backend postgres --tasks 10000 --kills 10 --annotations 4000 --push-units 5000

Starts its own server (SQLite development server, or PostgreSQL + uwsgi with 4 workers) in a temporary
folder and prints one table:

- pull: a project imported with its annotations (10,000 tasks a request), a full pull of it (in a child
  process: its time, its longest request, its peak memory next to a full pull of a tenth of the project),
  then 100 annotations changed, then an incremental pull (and the byte comparison of its file with a full
  pull's);
- push: the toolkit's push of units with predictions next to the raw import calls it makes (same batches),
  then a push killed ``--kills`` times at random points (the server's process group SIGKILLed, restarted,
  the push run again) and the count of duplicates and missing units;
- annotators: 20 threads submit annotations (one request at a time each) with no pull running, then again
  while ``pull`` runs every 2 s and a push adds units; p95 submit latency, failed requests, and whether the
  final pull holds every annotation exactly once.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import random
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from statistics import quantiles
from typing import Any

import httpx
from claimstance import api, config, labelstudio, layout
from claimstance.errors import LabelStudioError
from claimstance.labelstudio import credentials, incremental, server, uwsgi
from claimstance.pull import read_annotations

# bench/labelstudio.py (this script's folder is first on sys.path when run as a script)
from labelstudio import GUIDELINES, PREDICTION, Raw, payload, units

ROOT = Path(__file__).resolve().parent.parent
BINARY = ROOT / ".venv-ls" / "bin" / "label-studio"


class Server:
    """The benchmark's own server, which can be killed and started again on its data."""

    def __init__(self, backend: str, folder: Path) -> None:
        self.backend, self.port = backend, server.find_free_port()
        self.data_dir = folder / ("label-studio-pg" if backend == "postgres" else "label-studio")
        self.info = self.start()

    def start(self) -> server.ServerInfo:
        deadline = time.monotonic() + 60
        while server.port_in_use(self.port) and time.monotonic() < deadline:
            time.sleep(0.1)  # a killed server's port is freed a moment after its processes go
        if self.backend == "postgres":
            self.info = uwsgi.start(self.port, self.data_dir, binary=BINARY)
        else:
            self.info = server.start(self.port, self.data_dir, binary=BINARY)
        return self.info

    def kill(self) -> None:
        os.killpg(self.info.pid, signal.SIGKILL)

    def stop(self) -> None:
        if self.backend == "postgres":
            uwsgi.stop(self.data_dir)
        else:
            server.stop(self.data_dir)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def import_annotated(raw: Raw, title: str, count: int, run: str) -> int:
    """A project of ``count`` tasks, each with one annotation, imported 10,000 tasks a request."""
    project_id = raw.project(title)
    for start in range(0, count, 10_000):
        raw.bulk_import(project_id, payload(min(10_000, count - start), f"{run}{start}", annotations=True))
    return project_id


# A full pull in a child process, so its peak memory is its own: time, longest request, peak RSS (KiB).
FULL_PULL = """
import json, resource, sys, time
import httpx
from claimstance import api, config
longest = 0.0
send = httpx.Client.send
def timed(self, request, **kwargs):
    global longest
    start = time.perf_counter()
    try:
        return send(self, request, **kwargs)
    finally:
        longest = max(longest, time.perf_counter() - start)
httpx.Client.send = timed
settings = config.server_settings(url=sys.argv[3], timeout=3600, retries=2)
start = time.perf_counter()
summary = api.pull(sys.argv[1], directory=sys.argv[2], settings=settings, full=True)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "total": summary.total, "longest": longest, "peak_kib": peak}))
"""


def full_pull(settings: config.ServerSettings, title: str, directory: Path) -> dict[str, float]:
    env = {**os.environ, "LABEL_STUDIO_API_KEY": settings.api_key}
    done = subprocess.run(
        [sys.executable, "-c", FULL_PULL, title, str(directory), settings.url],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def bench_pull(
    ls: Server, settings: config.ServerSettings, raw: Raw, n: int, work: Path, row: Callable[..., None]
) -> None:
    title, small = f"pull-{secrets.token_hex(3)}", f"pull-small-{secrets.token_hex(3)}"
    seconds = timed(lambda: import_annotated(raw, title, n, "p"))[0]
    row(f"import {n} annotated tasks, 10,000 a request (setup)", seconds)
    import_annotated(raw, small, n // 10, "s")
    # A real project's annotations are older than the safety window; wait until these are too.
    time.sleep(incremental.SAFETY_WINDOW.total_seconds() + 5)
    full_dir, incr_dir, check_dir = work / "full", work / "incr", work / "check"
    tenth = full_pull(settings, small, work / "small")
    first = full_pull(settings, title, full_dir)
    assert first["total"] == n, first
    full = first["seconds"]
    row("pull --full", full, f"{n} annotations")
    row("  ... longest request of the full pull", first["longest"], "s (uwsgi harakiri: 120 s)")
    growth = (first["peak_kib"] - tenth["peak_kib"]) / 1024
    row(
        "  ... peak memory of the full pull",
        first["peak_kib"] / 1024,
        f"MB ({tenth['peak_kib'] / 1024:.0f} MB for {n // 10} tasks: {growth:+.0f} MB for 10x the tasks)",
    )
    shutil.copytree(full_dir, incr_dir)
    records = read_annotations(layout.annotations_path(title, full_dir))
    client = httpx.Client(base_url=settings.url, headers={"Authorization": f"Token {settings.api_key}"}, timeout=120)
    chosen = random.Random(5).sample(records, 100)
    for record in chosen:
        client.patch(f"/api/annotations/{record.ls_annotation_id}/", json={"lead_time": 9.5}).raise_for_status()
    incr, summary = timed(lambda: api.pull(title, directory=incr_dir, settings=settings))
    assert summary.updated == 100, summary
    row("pull (incremental) after 100 changes", incr, f"{full / incr:.1f}x faster than full (target >= 20x, <= 3 s)")
    again = timed(lambda: api.pull(title, directory=incr_dir, settings=settings))[0]
    row("pull (incremental) with nothing changed", again, "")
    shutil.copytree(full_dir, check_dir)
    full_pull(settings, title, check_dir)
    same = filecmp.cmp(
        layout.annotations_path(title, incr_dir), layout.annotations_path(title, check_dir), shallow=False
    )
    row("incremental file == full pull's file", float(same), "1 = byte-identical")
    client.close()


def bench_push(
    ls: Server, settings: config.ServerSettings, raw: Raw, n: int, kills: int, work: Path, row: Callable[..., None]
) -> None:
    tag = secrets.token_hex(3)
    batch = labelstudio.projects.DEFAULT_BATCH_SIZE
    project_id = raw.project(f"raw-{tag}")
    base = 0.0
    for start in range(0, n, batch):
        tasks = payload(min(batch, n - start), f"r{start}-", predictions=True)
        base += timed(lambda t=tasks: raw.bulk_import(project_id, t))[0]
    row(f"raw: {-(-n // batch)} import calls of {batch}, with predictions", base)
    preds = {u.id: PREDICTION for u in units(n, "w")}

    def push(title: str, run: str, s: config.ServerSettings = settings) -> labelstudio.PushReport:
        return labelstudio.push(
            units(n, run),
            title,
            guidelines=GUIDELINES,
            predictions=preds if run == "w" else None,
            model_version="bench",
            settings=s,
            data_dir=work,
        )

    t = timed(lambda: push(f"push-{tag}", "w"))[0]
    row("push: new project, with predictions", t, f"{t / base:.2f}x the raw calls (target <= 1.3x)")
    if not kills:
        return
    title, rng, interrupted = f"kill-{tag}", random.Random(7), 0
    quick = config.server_settings(url=settings.url, api_key=settings.api_key, timeout=120, retries=0)
    for _ in range(kills):
        killer = threading.Timer(rng.uniform(0.5, max(1.0, t)), ls.kill)
        killer.start()
        try:
            push(title, "k", quick)
        except LabelStudioError:
            interrupted += 1
        killer.join()
        ls.start()
    report = push(title, "k")
    with labelstudio.Connection(settings) as conn:
        rows = list(labelstudio.list_tasks(conn, report.project_id))
    ids = [str(r["data"]["unit_id"]) for r in rows]
    expected = {u.id for u in units(n, "k")}
    row(f"push killed {kills} times ({interrupted} mid-push), rerun", float(len(ids) - len(set(ids))), "duplicates")
    row("  ... missing units", float(len(expected - set(ids))), "")


def bench_annotators(
    ls: Server,
    settings: config.ServerSettings,
    raw: Raw,
    total: int,
    push_units: int,
    work: Path,
    row: Callable[..., None],
) -> None:
    title = f"ann-{secrets.token_hex(3)}"
    labelstudio.push(units(total * 2, "a"), title, guidelines=GUIDELINES, settings=settings, data_dir=work)
    task_ids = sorted(labelstudio.task_ids(title, settings=settings).values())
    result = labelstudio.labels_to_result(PREDICTION)
    made: list[int] = []
    failures: list[str] = []

    def annotate(tasks: list[int]) -> list[float]:
        latencies = []
        with httpx.Client(
            base_url=settings.url, headers={"Authorization": f"Token {settings.api_key}"}, timeout=120
        ) as c:
            for task in tasks:
                start = time.perf_counter()
                try:
                    answer = c.post(f"/api/tasks/{task}/annotations/", json={"result": result, "lead_time": 3.0})
                    answer.raise_for_status()
                    made.append(int(answer.json()["id"]))
                except httpx.HTTPError as exc:
                    failures.append(f"{type(exc).__name__}: {exc}")
                latencies.append(time.perf_counter() - start)
        return latencies

    def crowd(tasks: list[int]) -> list[float]:
        shares = [tasks[i::20] for i in range(20)]
        out: list[list[float]] = [[] for _ in shares]
        threads = [threading.Thread(target=lambda i=i: out.__setitem__(i, annotate(shares[i]))) for i in range(20)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        return [x for part in out for x in part]

    quiet = crowd(task_ids[: total // 4])
    p95_quiet = quantiles(quiet, n=20)[18]
    row(f"20 annotators, {len(quiet)} submits, nothing else", p95_quiet, "s p95 submit latency")
    stop = threading.Event()
    pulls: list[float] = []
    pull_errors: list[str] = []

    def puller() -> None:
        while not stop.is_set():
            try:
                pulls.append(timed(lambda: api.pull(title, directory=work / "ann", settings=settings))[0])
            except LabelStudioError as exc:
                pull_errors.append(str(exc))
            stop.wait(2)

    def pusher() -> None:
        labelstudio.push(units(push_units, "extra"), title, guidelines=GUIDELINES, settings=settings, data_dir=work)

    threads = [threading.Thread(target=puller), threading.Thread(target=pusher)]
    for th in threads:
        th.start()
    busy = crowd(task_ids[total // 4 : total // 4 + total])
    threads[1].join()
    stop.set()
    threads[0].join()
    p95_busy = quantiles(busy, n=20)[18]
    row(
        f"20 annotators, {len(busy)} submits, pull every 2 s + push {push_units}",
        p95_busy,
        f"s p95 ({p95_busy / p95_quiet:.2f}x quiet; target <= 1.5x); {len(pulls)} pulls, median "
        f"{sorted(pulls)[len(pulls) // 2]:.1f} s",
    )
    row(
        "  ... failed requests (annotators, pulls)",
        float(len(failures) + len(pull_errors)),
        "; ".join((failures + pull_errors)[:2]),
    )
    api.pull(title, directory=work / "ann", settings=settings)
    kept = [r.ls_annotation_id for r in read_annotations(layout.annotations_path(title, work / "ann")) if not r.deleted]
    row("  ... final pull: every annotation exactly once", float(sorted(kept) == sorted(made)), f"{len(kept)} records")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="postgres")
    parser.add_argument("--tasks", type=int, default=100_000, help="project size for pull and push (default 100000)")
    parser.add_argument("--kills", type=int, default=10, help="server kills during the push test (default 10)")
    parser.add_argument("--annotations", type=int, default=4000, help="submits while pulls run (default 4000)")
    parser.add_argument("--push-units", type=int, default=5000, help="units pushed while annotators work")
    parser.add_argument("--only", choices=["pull", "push", "annotators"], action="append")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="claimstance-team-"))
    work.chmod(0o711)  # as root, PostgreSQL runs as 'postgres' and must enter this folder
    rows: list[tuple[str, str, str]] = []

    def row(name: str, value: float, note: str = "") -> None:
        rows.append((name, f"{value:8.2f}", note))
        print(f"  {name}: {value:.2f} {note}", file=sys.stderr, flush=True)

    print(f"starting Label Studio ({args.backend}) in {work} ...", file=sys.stderr)
    ls = Server(args.backend, work)
    token = credentials.local(ls.data_dir).api_token.get_secret_value()
    settings = config.server_settings(url=ls.info.url, api_key=token, timeout=3600, retries=2)
    raw = Raw(settings)
    raw.http.timeout = httpx.Timeout(3600)
    try:
        for part in args.only or ["pull", "push", "annotators"]:
            if part == "pull":
                bench_pull(ls, settings, raw, args.tasks, work / "pull", row)
            elif part == "push":
                bench_push(ls, settings, raw, args.tasks, args.kills, work / "push", row)
            else:
                bench_annotators(ls, settings, raw, args.annotations, args.push_units, work / "ann", row)
    finally:
        ls.stop()
        shutil.rmtree(work, ignore_errors=True)
    width = max(len(r[0]) for r in rows)
    print(f"\n{args.backend}: {args.tasks} tasks\n")
    print(f"{'measurement':<{width}}  {'value':>8}  note")
    for name, value, note in rows:
        print(f"{name:<{width}}  {value}  {note}")


if __name__ == "__main__":
    main()
