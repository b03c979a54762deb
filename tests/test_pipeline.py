"""The corpus pipeline: the same units as one process, any split into tasks, failed shards redone alone, executors."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import dill
import fsspec
import pytest
from claimstance import io, pipeline, shards
from claimstance.errors import InputError, RecordError
from claimstance.ingest import ingest_paths
from claimstance.schema import ClaimUnit, Document
from claimstance.segment import segment_documents
from fsspec.implementations.memory import MemoryFileSystem

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def reference(tmp_path: Path, documents: list[Document]) -> bytes:
    """What one process writes: today's ``segment`` path, without datatrove."""
    path = tmp_path / "reference.jsonl"
    io.write_jsonl(path, segment_documents(documents))
    return path.read_bytes()


@pytest.fixture
def many_documents(tmp_path: Path) -> tuple[Path, list[Document]]:
    """The seeds' documents ten times over (distinct ids), in one JSON Lines file."""
    seeds = list(ingest_paths([SEEDS]))
    documents = [d.model_copy(update={"id": f"{d.id}-{k}"}) for k in range(10) for d in seeds]
    path = tmp_path / "documents.jsonl"
    io.write_jsonl(path, documents)
    return path, documents


def test_seed_pages_give_the_units_one_process_gives(tmp_path: Path) -> None:
    expected = reference(tmp_path, list(ingest_paths([SEEDS])))
    assert pipeline.segment_corpus([SEEDS], tmp_path / "one.jsonl") == expected.count(b"\n")
    assert (tmp_path / "one.jsonl").read_bytes() == expected
    pipeline.segment_corpus([SEEDS], tmp_path / "two.jsonl", workers=2, tasks=2)
    assert (tmp_path / "two.jsonl").read_bytes() == expected
    assert not (tmp_path / "two.jsonl.parts").exists()


@pytest.mark.parametrize(("tasks", "workers"), [(1, 1), (4, 2), (7, 1)])
def test_a_documents_file_cut_into_tasks_gives_the_same_bytes(
    tmp_path: Path, many_documents: tuple[Path, list[Document]], tasks: int, workers: int
) -> None:
    path, documents = many_documents
    out = tmp_path / "units.jsonl"
    pipeline.segment_corpus([path], out, tasks=tasks, workers=workers)
    assert out.read_bytes() == reference(tmp_path, documents)


def test_a_folder_of_shards_holds_the_units_in_task_order(
    tmp_path: Path, many_documents: tuple[Path, list[Document]]
) -> None:
    path, documents = many_documents
    count = pipeline.segment_corpus([path], tmp_path / "units", tasks=3, workers=2)
    parts = sorted((tmp_path / "units").glob("*.jsonl"))
    assert [p.name for p in parts] == ["00000.jsonl", "00001.jsonl", "00002.jsonl"]
    assert all(p.stat().st_size > 0 for p in parts)
    assert b"".join(p.read_bytes() for p in parts) == reference(tmp_path, documents)
    assert count == sum(1 for p in parts for _ in io.read_jsonl(p, ClaimUnit))


def test_parquet_in_and_out(tmp_path: Path, many_documents: tuple[Path, list[Document]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    _, documents = many_documents
    rows = [d.model_dump(mode="json") for d in documents]
    (tmp_path / "docs").mkdir()
    table = pa.Table.from_pylist(rows, schema=shards.arrow_schema(Document))
    pq.write_table(table, tmp_path / "docs" / "documents.parquet", row_group_size=7)
    pipeline.segment_corpus([tmp_path / "docs"], tmp_path / "units.jsonl", tasks=3, workers=1)
    assert (tmp_path / "units.jsonl").read_bytes() == reference(tmp_path, documents)

    pipeline.segment_corpus([tmp_path / "docs"], tmp_path / "pq", tasks=2, fmt="parquet")
    got = [
        ClaimUnit.model_validate(r)
        for p in sorted((tmp_path / "pq").glob("*.parquet"))
        for r in pq.read_table(p).to_pylist()
    ]
    assert got == list(segment_documents(documents))


def test_fsspec_urls_are_read_like_local_paths(tmp_path: Path) -> None:
    expected = reference(tmp_path, list(ingest_paths([SEEDS])))
    pipeline.segment_corpus([f"file://{SEEDS}"], tmp_path / "units.jsonl", workers=2, tasks=2)
    assert (tmp_path / "units.jsonl").read_bytes() == expected

    memory = fsspec.filesystem("memory")
    for seed in sorted(SEEDS.glob("*.txt")):
        memory.pipe(f"/corpus/{seed.name}", seed.read_bytes())
    pipeline.segment_corpus(["memory://corpus"], tmp_path / "memory.jsonl")  # one process: memory is per process
    assert (tmp_path / "memory.jsonl").read_bytes() == expected


class Unreachable(MemoryFileSystem):  # type: ignore[misc]
    """A store whose listing works but whose files cannot be fetched (a network that fails mid-run)."""

    protocol = "unreachable"

    @classmethod
    def _strip_protocol(cls, path: str) -> str:
        return str(MemoryFileSystem._strip_protocol(path.removeprefix("unreachable://")))

    def get_file(self, rpath: str, lpath: str, **kwargs: Any) -> None:
        raise ConnectionError("connection reset by peer")


def test_a_remote_file_that_fails_fails_its_shard_naming_it(tmp_path: Path) -> None:
    fsspec.register_implementation("unreachable", Unreachable, clobber=True)
    Unreachable().pipe("/far/a.txt", sorted(SEEDS.glob("*.txt"))[0].read_bytes())
    with pytest.raises(InputError) as failure:
        pipeline.segment_corpus(["unreachable://far"], tmp_path / "units.jsonl")
    assert failure.value.one_line().startswith("unreachable://far/a.txt: cannot read (ConnectionError")
    assert not (tmp_path / "units.jsonl").exists() and not (tmp_path / "units.jsonl.parts").exists()


def test_a_shard_of_another_schema_fails_naming_its_file_and_line(tmp_path: Path) -> None:
    documents = list(ingest_paths([SEEDS]))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for k in range(3):
        io.write_jsonl(corpus / f"part-{k}.jsonl", [d.model_copy(update={"id": f"{d.id}-{k}"}) for d in documents])
    good = (corpus / "part-1.jsonl").read_text()
    unit = next(segment_documents(documents[:1])).model_dump_json()
    (corpus / "part-1.jsonl").write_text(good + unit + "\n")  # units among documents
    with pytest.raises(RecordError) as failure:
        pipeline.segment_corpus([corpus], tmp_path / "units", tasks=3, workers=2)
    line = failure.value.one_line()
    assert line.startswith(f"{corpus / 'part-1.jsonl'}:{good.count(chr(10)) + 1}: not a valid Document")
    assert "2 of 3 done and kept" in line and line.endswith("run the same command again)")


def test_a_bad_shard_fails_alone_and_a_rerun_does_only_it(tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "units"
    corpus.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0].read_bytes()
    for k in range(3):
        (corpus / f"page-{k}.txt").write_bytes(seed)
    (corpus / "page-1.txt").write_bytes(seed[:100] + b"\x00" + seed[101:])  # a binary page, same size

    with pytest.raises(InputError) as failure:
        pipeline.segment_corpus([corpus], out, tasks=3, workers=2)
    assert failure.value.one_line().startswith(f"{corpus / 'page-1.txt'}: file holds NUL bytes")
    assert sorted(p.name for p in out.glob("*.jsonl")) == ["00000.jsonl", "00002.jsonl"]
    kept = {p.name: p.stat().st_mtime_ns for p in out.glob("*.jsonl")}

    (corpus / "page-1.txt").write_bytes(seed)
    assert pipeline.segment_corpus([corpus], out, tasks=3, workers=2) > 0
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.jsonl") if p.name in kept} == kept
    expected = reference(tmp_path, list(ingest_paths([corpus])))
    assert b"".join(p.read_bytes() for p in sorted(out.glob("*.jsonl"))) == expected

    pipeline.segment_corpus([corpus], out, tasks=3, workers=2)  # everything done: nothing runs, nothing doubles
    assert b"".join(p.read_bytes() for p in sorted(out.glob("*.jsonl"))) == expected


def test_an_output_folder_of_other_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine")
    with pytest.raises(InputError, match="not a segment run's shards"):
        pipeline.segment_corpus([SEEDS], tmp_path / "out")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["notes.txt"]


def test_the_slurm_job_runs_the_same_pipeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, many_documents: tuple[Path, list[Document]]
) -> None:
    """The generated sbatch script, then each array task run here as Slurm would run it."""
    from datatrove.executor import slurm

    submitted: list[tuple[str, tuple[str, ...]]] = []

    def sbatch(contents: str, _retriever: object, *args: str) -> str:
        submitted.append((contents, args))
        return str(41 + len(submitted))

    monkeypatch.setattr(slurm, "launch_slurm_job", sbatch)
    path, documents = many_documents
    out = tmp_path / "units"
    script = pipeline.slurm_script([path], out, tasks=3, partition="cpu", time="1:00:00", venv="/opt/venv/bin/activate")
    contents = script.read_text()
    assert submitted[0][0] == contents
    for line in [
        "#SBATCH --partition=cpu",
        "#SBATCH --array=0-2",
        "#SBATCH --time=1:00:00",
        "#SBATCH --cpus-per-task=1",
    ]:
        assert line in contents
    assert "source /opt/venv/bin/activate" in contents
    assert f"launch_pickled_pipeline {out / '_logs' / 'executor.pik'}" in contents

    with (out / "_logs" / "executor.pik").open("rb") as fh:
        executor = dill.load(fh)
    monkeypatch.setattr(slurm, "expand_slurm_nodelist", lambda _nodes: ["localhost"])  # no scontrol here
    monkeypatch.setenv("SLURM_NODELIST", "localhost")
    for task in range(3):
        monkeypatch.setenv("SLURM_ARRAY_TASK_ID", str(task))
        executor.run()
    assert b"".join(p.read_bytes() for p in sorted(out.glob("*.jsonl"))) == reference(tmp_path, documents)


def test_the_ray_executor_gives_the_units_of_the_local_one(
    tmp_path: Path, many_documents: tuple[Path, list[Document]], monkeypatch: pytest.MonkeyPatch
) -> None:
    ray = pytest.importorskip("ray")
    path, documents = many_documents
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")  # a throwaway local head: no token file in the home folder
    scratch = tempfile.mkdtemp(prefix="ray-", dir="/tmp")  # Ray's socket paths must stay under 108 bytes
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, _temp_dir=scratch)
    try:
        pipeline.segment_corpus([path], tmp_path / "ray.jsonl", tasks=3, workers=2, executor="ray")
    finally:
        ray.shutdown()
        shutil.rmtree(scratch, ignore_errors=True)
    pipeline.segment_corpus([path], tmp_path / "local.jsonl", tasks=3, workers=2)
    assert (tmp_path / "ray.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    assert (tmp_path / "local.jsonl").read_bytes() == reference(tmp_path, documents)


def test_without_sbatch_the_slurm_command_says_where_to_run_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimstance.cli import main

    monkeypatch.setenv("PATH", str(tmp_path))  # no sbatch on this PATH
    with pytest.raises(SystemExit) as exit_:
        main(["segment", str(SEEDS), "-o", str(tmp_path / "units"), "--executor", "slurm", "--partition", "cpu"])
    assert exit_.value.code == 1
    err = capsys.readouterr().err
    assert "cannot submit the job" in err and "login node, where sbatch is" in err
    assert (tmp_path / "units" / "_logs" / "launch_script.slurm").is_file()
