"""Benchmark: ingest + segment of a large corpus as a datatrove pipeline, 1 worker against 2, and against one process.

    .venv/bin/python bench/corpus.py                  # a 1 GB corpus (about an hour on a shared 2-core machine)
    .venv/bin/python bench/corpus.py --size-mb 40     # a quick look

The corpus is the one ``bench/segment.py`` builds (seed-like ``.txt`` pages), written to a temporary folder.
Every row runs in a fresh process and writes its units as JSON Lines shards: rows with workers run
``claimstance.pipeline`` (the pipeline ``claimstance segment`` runs) with datatrove's local executor; the
baseline row is the single-process path (``ingest_paths`` -> ``segment_documents`` -> ``io.write_jsonl``).
Workers are forked here (``claimstance segment`` uses datatrove's default, forkserver) so that their CPU time
and peak memory are counted as this process's children. The machine is shared, so wall-clock times vary with
the load: CPU seconds per MB are the figure to compare across rows, and the 2-worker speedup is measured
within one run (1-worker and 2-worker rows back to back).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _files(folder: Path, limit_mb: float) -> list[Path]:
    """The corpus's first ``limit_mb`` MB of pages, in name order."""
    chosen: list[Path] = []
    total = 0
    for path in sorted(folder.glob("*.txt")):
        if total >= limit_mb * 1_000_000:
            break
        chosen.append(path)
        total += path.stat().st_size
    return chosen


def _usage_executor() -> type:
    """The pipeline's local executor, noting each worker's cumulative CPU time and peak memory after each task."""
    from claimstance import pipeline

    class Measured(pipeline.LocalExecutor):  # type: ignore[misc]
        def _run_for_rank(self, rank: int, local_rank: int = 0, node_rank: int = -1) -> object:
            stats = super()._run_for_rank(rank, local_rank, node_rank)
            usage = resource.getrusage(resource.RUSAGE_SELF)
            folder = Path(str(self.logging_dir.path), "usage")
            folder.mkdir(exist_ok=True)
            record = {"pid": os.getpid(), "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}
            (folder / f"{rank:05d}.json").write_text(json.dumps(record))
            return stats

    return Measured


def child(mode: str, folder: Path, limit_mb: float, workers: int, out: Path) -> dict[str, float]:
    files = _files(folder, limit_mb)
    size = sum(p.stat().st_size for p in files)
    start = time.perf_counter()
    if mode == "baseline":
        from claimstance import io
        from claimstance.ingest import ingest_paths
        from claimstance.segment import segment_documents

        units = io.write_jsonl(out / "units.jsonl", segment_documents(ingest_paths(files)))
    else:
        from claimstance import pipeline

        run = pipeline.prepare(files, out, tasks=None, workers=workers, fmt="jsonl")
        executor = _usage_executor()(
            pipeline.steps(run.folder), tasks=run.tasks, workers=workers, logging_dir=str(run.logs), start_method="fork"
        )
        from datatrove.utils.logging import logger

        logger.disable("datatrove")
        executor.run()
        assert not pipeline.failures(run.logs)
        units = sum(1 for shard in pipeline.shard_files(run) for _ in shard.open("rb"))
    seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    per_worker: dict[int, float] = {}
    if mode != "baseline":
        for note in (out / "_logs" / "usage").glob("*.json"):
            record = json.loads(note.read_text())
            per_worker[record["pid"]] = max(per_worker.get(record["pid"], 0.0), record["cpu"])
    busiest = max(per_worker.values(), default=own.ru_utime + own.ru_stime)
    return {
        "tasks": len(list((out / "_logs" / "slices").glob("*.json"))) if mode != "baseline" else 1,
        # on two free cores a run takes its own (serial) CPU time plus that of its busiest worker
        "critical_cpu": own.ru_utime + own.ru_stime + (busiest if workers > 1 else 0.0),
        "seconds": seconds,
        "bytes": size,
        "files": len(files),
        "units": units,
        "cpu": own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime,
        "peak_mb": own.ru_maxrss / 1024,
        "worker_peak_mb": (kids.ru_maxrss if workers > 1 else own.ru_maxrss) / 1024,
    }


def run_child(mode: str, folder: Path, limit_mb: float, workers: int = 1) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="claimstance-units-") as out:
        command = [sys.executable, __file__, "--child", mode, "--corpus", str(folder), "--size-mb", str(limit_mb)]
        command += ["--workers", str(workers), "--out", out]
        result = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
    return {k: float(v) for k, v in json.loads(result.stdout.strip().splitlines()[-1]).items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=1000.0, help="corpus size in MB (default 1000)")
    parser.add_argument("--small-mb", type=float, default=100.0, help="the smaller corpus: baseline, memory check")
    parser.add_argument("--corpus", type=Path, help="use or build the corpus in this folder")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.corpus, args.size_mb, args.workers, args.out)))
        return

    sys.path.insert(0, str(HERE))
    from segment import build_corpus

    folder = args.corpus or Path(tempfile.mkdtemp(prefix="claimstance-corpus-"))
    folder.mkdir(parents=True, exist_ok=True)
    small = min(args.small_mb, args.size_mb)
    try:
        t0 = time.perf_counter()
        if not any(folder.glob("*.txt")):
            build_corpus(folder, args.size_mb)
        files = _files(folder, args.size_mb)
        size = sum(p.stat().st_size for p in files)
        print(f"corpus: {len(files)} files, {size / 1e6:.0f} MB in {folder} ({time.perf_counter() - t0:.0f} s)")
        print(f"cores: {os.cpu_count()}, load average {os.getloadavg()[0]:.1f} (shared with whatever else runs)\n")
        plan = [
            (f"one process (today's segment path), {small:g} MB", "baseline", small, 1),
            (f"datatrove, 1 worker, {small:g} MB", "pipeline", small, 1),
            (f"datatrove, 2 workers, {small:g} MB", "pipeline", small, 2),
            (f"datatrove, 1 worker, {args.size_mb:g} MB", "pipeline", args.size_mb, 1),
            (f"datatrove, 2 workers, {args.size_mb:g} MB", "pipeline", args.size_mb, 2),
        ]
        header = f"{'run':<46} {'tasks':>5} {'MB/s':>6} {'CPU s/MB':>9} {'critical CPU s':>14} {'units':>10}"
        print(header + f" {'peak MB':>8} {'worker peak MB':>15}", flush=True)
        rows = []
        for label, mode, mb_limit, workers in plan:  # each row printed as soon as it is measured
            r = run_child(mode, folder, mb_limit, workers)
            rows.append((label, r))
            mb = r["bytes"] / 1e6
            print(
                f"{label:<46} {r['tasks']:>5.0f} {mb / r['seconds']:>6.2f} {r['cpu'] / mb:>9.3f}"
                f" {r['critical_cpu']:>14.1f} {r['units']:>10.0f} {r['peak_mb']:>8.0f} {r['worker_peak_mb']:>15.0f}",
                flush=True,
            )
        base, one_small, two_small, one, two = (r for _, r in rows)
        print(f"\n2 workers vs 1, {args.size_mb:g} MB (wall clock): {one['seconds'] / two['seconds']:.2f}x")
        print(f"2 workers vs 1, {small:g} MB (wall clock): {one_small['seconds'] / two_small['seconds']:.2f}x")
        print(f"CPU per MB, 2 workers vs 1 ({args.size_mb:g} MB): {two['cpu'] / one['cpu']:.3f}")
        print(
            f"2 workers vs 1 on two free cores, {args.size_mb:g} MB (CPU time of 1 worker / of the critical path): "
            f"{one['cpu'] / two['critical_cpu']:.2f}x"
        )
        print(f"1 worker vs one process, CPU per MB ({small:g} MB): {one_small['cpu'] / base['cpu']:.3f}")
        print(f"same units, 1 worker vs one process: {one_small['units'] == base['units']}")
        print(
            f"worker peak memory, {small:g} MB vs {args.size_mb:g} MB: {one_small['worker_peak_mb']:.0f} vs "
            f"{one['worker_peak_mb']:.0f} MB (1 worker), {two_small['worker_peak_mb']:.0f} vs "
            f"{two['worker_peak_mb']:.0f} MB (2 workers)"
        )
    finally:
        if args.corpus is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
