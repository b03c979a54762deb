"""The corpus pipeline: ingest and segment as datatrove steps over a sharded corpus, on one machine or many.

``read -> ingest -> segment -> write``: each task reads its own slice of the input (see :mod:`claimstance.shards`),
cuts seed pages into documents (documents given as JSON Lines or Parquet pass through), cuts documents into
units and writes its own shard; nothing funnels through one process. The same pipeline runs with datatrove's
local executor (processes on this machine), its Ray executor (a running Ray cluster) or its Slurm executor
(a job array). Datatrove marks each finished task complete, so running the same command again after a failure
redoes only the failed tasks; a task's shard appears only when the task has finished, so no output is written
twice.

This module sits beside :mod:`claimstance.api`: it wires stages together and is imported by ``api`` alone.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from datatrove.data import DocumentsPipeline
from datatrove.executor.local import LocalPipelineExecutor
from datatrove.pipeline.base import PipelineStep
from datatrove.utils.logging import logger
from datatrove.utils.stats import PipelineStats

from claimstance import errors, shards
from claimstance.errors import ClaimstanceError, EmptyInputError, InputError
from claimstance.ingest import ingest_text
from claimstance.schema import ClaimUnit, Document
from claimstance.segment import segment

Executor = Literal["local", "ray", "slurm"]
TASK_BYTES = 32 * 2**20
"""Input bytes per task when the number of tasks is not given (small enough to balance the workers)."""
LOGS = "_logs"
"""The run's folder inside the output folder: plan, slices, datatrove's completion markers, errors, logs."""


# ------------------------------------------------------------------------------------------------ steps


class ReadStep(PipelineStep):
    """Read task ``rank``'s slice of the corpus (saved by :func:`prepare` in ``<logs>/slices/<rank>.json``)."""

    name = "claimstance read"
    type = "📖 - READER"

    def __init__(self, logs: str) -> None:
        super().__init__()
        self.logs = logs

    def run(self, data: DocumentsPipeline = None, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Yield a carrier per page or document of this task's slice."""
        pieces: list[shards.Piece] = json.loads(Path(self.logs, "slices", f"{rank:05d}.json").read_text())["pieces"]
        for piece in pieces:
            for record in shards.read_piece(piece, Document):
                self.stat_update("records")
                yield shards.carry(record)


class IngestStep(PipelineStep):
    """Cut seed pages into documents (:func:`claimstance.ingest.ingest_text`); documents pass through."""

    name = "claimstance ingest"
    type = "✂️ - CLAIMSTANCE"

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Yield a document carrier for every item of every page."""
        for carrier in data or ():
            page = shards.record_of(carrier)
            if not isinstance(page, shards.Page):
                yield carrier
                continue
            try:
                for document in ingest_text(page.raw, page.name):
                    yield shards.carry(document)
            except EmptyInputError as exc:  # name the file as the user gave it, as ingest_file does
                raise EmptyInputError(exc.message, path=page.path, hint=exc.hint) from None


class SegmentStep(PipelineStep):
    """Cut documents into claim units (:func:`claimstance.segment.segment`)."""

    name = "claimstance segment"
    type = "✂️ - CLAIMSTANCE"

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Yield a unit carrier for every unit of every document, in order."""
        for carrier in data or ():
            document = shards.record_of(carrier)
            assert isinstance(document, Document)
            for unit in segment(document):
                yield shards.carry(unit)


class WriteStep(PipelineStep):
    """Write the task's units as its shard (:func:`claimstance.shards.write_shard`)."""

    name = "claimstance write"
    type = "💽 - WRITER"

    def __init__(self, folder: str, fmt: shards.Format) -> None:
        super().__init__()
        self.folder = folder
        self.fmt: shards.Format = fmt

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Consume the units; yields nothing."""
        units = (shards.record_of(carrier) for carrier in data or ())
        count = shards.write_shard(self.folder, rank, units, model=ClaimUnit, fmt=self.fmt)  # type: ignore[arg-type]
        self.stat_update("units", value=count)
        yield from ()


def steps(folder: str | Path, fmt: shards.Format = "jsonl") -> list[PipelineStep]:
    """The pipeline of a run whose shards and ``_logs`` folder are in ``folder``."""
    folder = str(folder)
    return [ReadStep(str(Path(folder, LOGS))), IngestStep(), SegmentStep(), WriteStep(folder, fmt)]


# ------------------------------------------------------------------------------------------------ executors


class _RecordsErrors:
    """Executor mixin: a task that fails with a claimstance error records it and is not marked complete.

    The other tasks go on; :func:`failures` reads the records afterwards. Any other exception is a bug and
    still stops the run with its traceback.
    """

    quiet = True

    def _run_for_rank(self, rank: int, local_rank: int = 0, node_rank: int = -1) -> PipelineStats:
        if self.quiet:  # the task's log lines would bury the one line that matters on a terminal
            logger.disable("datatrove")
        folder = Path(str(self.logging_dir.path))  # type: ignore[attr-defined]
        (folder / "errors" / f"{rank:05d}.json").unlink(missing_ok=True)
        try:
            return super()._run_for_rank(rank, local_rank, node_rank)  # type: ignore[misc]
        except ClaimstanceError as exc:
            record = {"type": type(exc).__name__, "message": exc.message, "path": exc.path, "line": exc.line}
            record["hint"] = exc.hint
            (folder / "errors").mkdir(exist_ok=True)
            (folder / "errors" / f"{rank:05d}.json").write_text(json.dumps(record))
            (folder / "stats").mkdir(exist_ok=True)
            with (folder / "stats" / f"{rank:05d}.json").open("w") as fh:  # the Ray executor merges every task's
                PipelineStats().save_to_disk(fh)
            return PipelineStats()


class LocalExecutor(_RecordsErrors, LocalPipelineExecutor):
    """Datatrove's local executor (a pool of processes), recording claimstance errors per task."""


def _ray_executor(pipeline: list[PipelineStep], tasks: int, workers: int, logs: str) -> Any:
    import ray
    from datatrove.executor.ray import RayPipelineExecutor

    if not ray.is_initialized():  # RAY_ADDRESS, a cluster started here with 'ray start', or a new local one
        ray.init(log_to_driver=False)

    class RayExecutor(_RecordsErrors, RayPipelineExecutor):
        """Datatrove's Ray executor, recording claimstance errors per task."""

    return RayExecutor(pipeline, tasks=tasks, workers=workers, logging_dir=logs, cpus_per_task=1, mem_per_cpu_gb=1)


def failures(logs: str | Path) -> list[ClaimstanceError]:
    """The errors of the tasks that failed in the last run, by task."""
    found: list[ClaimstanceError] = []
    for path in sorted(Path(logs, "errors").glob("*.json")):
        record = json.loads(path.read_text())
        kind = getattr(errors, record["type"], ClaimstanceError)
        found.append(kind(record["message"], path=record["path"], line=record["line"], hint=record["hint"]))
    return found


# ------------------------------------------------------------------------------------------------ runs


@dataclass(frozen=True)
class Run:
    """A planned run: where its shards and logs go, and how many tasks it has."""

    folder: Path
    logs: Path
    tasks: int
    fmt: shards.Format


def prepare(
    inputs: Iterable[str | Path], folder: str | Path, *, tasks: int | None, workers: int, fmt: shards.Format
) -> Run:
    """List and plan the inputs, and lay the run out in ``folder`` (its shards) and ``folder/_logs``.

    A folder holding a run over the same files (same tasks and format) keeps every finished task whose slice
    of the input is unchanged, so the run continues where it stopped; a task whose input changed (a bad file
    was fixed) is done again, and a run over other files starts over.
    """
    files = shards.list_inputs(inputs)
    described = {path: shards.describe(path) for path, _ in files}
    if tasks is None:
        # a multiple of the workers, so that none is left alone with the last task
        tasks = workers * max(1, math.ceil(sum(size for size, _ in described.values()) / (TASK_BYTES * workers)))
    slices = shards.plan(files, [described[path][0] for path, _ in files], tasks)
    signature = {"inputs": [list(file) for file in files], "tasks": tasks, "format": fmt}
    out = Path(folder).resolve()  # absolute: workers may start in another working folder
    logs = out / LOGS
    plan_file = logs / "plan.json"
    if plan_file.is_file() and json.loads(plan_file.read_text()) != signature:
        shards.remove_tree(logs)
        for old in out.glob("[0-9][0-9][0-9][0-9][0-9].*"):
            old.unlink()
    elif not plan_file.is_file() and out.is_dir() and any(out.iterdir()):
        raise InputError(
            "folder holds files that are not a segment run's shards", path=out, hint="pass a new or empty folder"
        )
    (logs / "slices").mkdir(parents=True, exist_ok=True)
    for rank, pieces in enumerate(slices):
        task = {"pieces": pieces, "keys": sorted({described[piece["path"]][1] for piece in pieces})}
        path = logs / "slices" / f"{rank:05d}.json"
        if path.is_file() and json.loads(path.read_text()) == task:
            continue
        (logs / "completions" / f"{rank:05d}").unlink(missing_ok=True)  # its input changed: do it again
        path.write_text(json.dumps(task))
    plan_file.write_text(json.dumps(signature))
    return Run(out, logs, tasks, fmt)


def execute(run: Run, *, workers: int = 1, executor: Executor = "local", quiet: bool = True) -> None:
    """Run the planned tasks not yet complete; raise the first task's error (all of them in its detail).

    The error keeps the failed input's file and line and says that the finished shards are kept.
    """
    pipeline = steps(run.folder, run.fmt)
    shards.remove_tree(run.logs / "errors")
    if quiet:
        logger.disable("datatrove")
    try:
        if executor == "ray":
            _ray_executor(pipeline, run.tasks, workers, str(run.logs)).run()
        else:
            local = LocalExecutor(pipeline, tasks=run.tasks, workers=min(workers, run.tasks), logging_dir=str(run.logs))
            local.quiet = quiet
            local.run()
    finally:
        if quiet:
            logger.enable("datatrove")
    failed = failures(run.logs)
    if not failed:
        return
    first = failed[0]
    if run.tasks == 1:
        raise first
    done = len(list((run.logs / "completions").glob("*")))
    others = f", and {len(failed) - 1} more (listed below)" if len(failed) > 1 else ""
    raise type(first)(
        f"{first.message} (a shard failed{others}; {done} of {run.tasks} done and kept)",
        path=first.path,
        line=first.line,
        hint=f"{first.hint + ', then' if first.hint else 'fix it and'} run the same command again",
        detail="\n".join(f.one_line() for f in failed[1:]) or None,
    )


def shard_files(run: Run) -> list[Path]:
    """The run's shards, in task order."""
    return [run.folder / shards.shard_name(rank, run.fmt) for rank in range(run.tasks)]


def segment_corpus(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    workers: int = 1,
    tasks: int | None = None,
    fmt: shards.Format = "jsonl",
    executor: Executor = "local",
    quiet: bool = True,
) -> int:
    """Ingest (seed pages) and segment a corpus into claim units; return the number of units.

    ``out`` ending in ``.jsonl`` is one file, exactly what a single process writes (shards are made in
    ``<out>.parts`` and laid end to end); any other ``out`` is a folder of shards ``00000.jsonl``, ... (or
    ``.parquet``). ``inputs`` are seed ``.txt`` files, documents JSON Lines or Parquet files, or folders of
    them, local or fsspec URLs.
    """
    inputs = list(inputs)
    single = str(out).endswith(".jsonl")
    if single and fmt != "jsonl":
        raise InputError("a .jsonl output is JSON Lines", path=out, hint="pass a folder to write Parquet shards")
    folder = Path(f"{out}.parts") if single else Path(out)
    existed = folder.exists()
    empty = EmptyInputError("no documents to segment", path=", ".join(str(i) for i in inputs))
    try:
        run = prepare(inputs, folder, tasks=tasks, workers=workers, fmt=fmt)
        execute(run, workers=workers, executor=executor, quiet=quiet)
        if single:
            count = shards.concatenate(shard_files(run), out, empty=empty)
            shards.remove_tree(folder)
            return count
        count = sum(shards.count_records(path) for path in shard_files(run))
        if count == 0:
            raise empty
        return count
    except ClaimstanceError as exc:
        if not existed and (exc is empty or not any(Path(folder, LOGS, "completions").glob("*"))):
            shards.remove_tree(folder)  # nothing worth keeping for a rerun: leave no trace
        raise


def slurm_script(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    tasks: int | None = None,
    fmt: shards.Format = "jsonl",
    partition: str,
    time: str = "4:00:00",
    venv: str | None = None,
) -> Path:
    """Plan a run into the shared folder ``out`` and launch it as a Slurm job array; return the sbatch script.

    Each array task runs ``launch_pickled_pipeline <out>/_logs/executor.pik`` (datatrove's runner) for one
    task; tasks already complete are not launched again, so submitting again after a failure redoes only the
    failed tasks. Run it where ``sbatch`` is (a cluster's login node), with ``out`` on the shared file system.
    """
    from datatrove.executor.slurm import SlurmPipelineExecutor

    run = prepare(inputs, out, tasks=tasks, workers=1, fmt=fmt)
    executor = SlurmPipelineExecutor(
        steps(run.folder, fmt),
        tasks=run.tasks,
        time=time,
        partition=partition,
        job_name="claimstance-segment",
        logging_dir=str(run.logs),
        venv_path=venv,
        mail_type="NONE",
    )
    try:
        executor.run()
    except FileNotFoundError as exc:  # no sbatch on this machine
        raise ClaimstanceError(
            f"cannot submit the job ({exc.strerror}: {exc.filename})",
            path=run.logs / "launch_script.slurm",
            hint="run the command on the cluster's login node, where sbatch is",
        ) from None
    return run.logs / "launch_script.slurm"
