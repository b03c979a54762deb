"""Benchmark: claimstance's dedup against datatrove's MinHash dedup stages on the same planted corpus.

    .venv/bin/python bench/dedup_datatrove.py                  # 100,000 units (a few minutes)
    .venv/bin/python bench/dedup_datatrove.py --units 20000    # a quick look

The corpus is ``bench/dedup.py``'s: invented news stories, a share reprinted with the edits outlets make, every
reprinted sentence a planted copy of its original. Each contender runs in a fresh process on the same units
file and writes the kept units: ``claimstance dedup`` (``api.dedup``), and datatrove's four MinHash stages
(signatures, buckets, clusters, filter) with its local executor, one task and one worker, for each
``--config`` (word n-grams, buckets, hashes per bucket; datatrove's default is 5,14,8). Found and wrongly
merged are counted as in ``bench/dedup.py``; CPU seconds are given because the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import resource
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from claimstance import io
from claimstance.schema import ClaimUnit, Duplicate

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from dedup import build  # noqa: E402  (bench/dedup.py: the planted corpus)

CONFIGS = ["5,14,8", "2,14,8", "3,20,4"]
"""datatrove's default (word 5-grams, 14 buckets of 8 hashes), and two tuned for sentence-sized units."""


def _cpu() -> float:
    """CPU seconds of this process and of any process it waited for (an executor may fork)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_datatrove(units: Path, work: Path, config: str) -> dict[str, float]:
    """datatrove's four MinHash stages on ``units``; CPU time and peak memory of this process."""
    import importlib.util

    import datatrove
    from datatrove.data import Document
    from datatrove.executor import LocalPipelineExecutor

    # datatrove.pipeline.dedup's __init__ imports its other dedup stages, which need `tokenizers` (not
    # installed); the MinHash module itself imports only datatrove's core, so it is loaded on its own.
    spec = importlib.util.spec_from_file_location(
        "datatrove_minhash", Path(datatrove.__file__).parent / "pipeline" / "dedup" / "minhash.py"
    )
    assert spec is not None and spec.loader is not None
    minhash = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(minhash)
    from datatrove.utils.hashing import HashConfig
    from datatrove.utils.word_tokenizers import WordTokenizer

    class Words(WordTokenizer):
        """Words split at spaces: datatrove's English tokenizer needs spaCy (not installed), and the text it gets
        is already simplified (lowercase, no punctuation, one space between words)."""

        def word_tokenize(self, text: str) -> list[str]:
            return text.split()

        def sent_tokenize(self, text: str) -> list[str]:
            return [text]

        def span_tokenize(self, text: str) -> list[tuple[int, int]]:
            return [(0, len(text))]

    n_grams, buckets, hashes = (int(part) for part in config.split(","))
    # sha1 shingle hashes: datatrove 0.10's xxhash path passes str, which xxhash 4 refuses
    sha1 = HashConfig(precision=64, hash_fc="sha1")
    settings = minhash.MinhashConfig(n_grams=n_grams, num_buckets=buckets, hashes_per_bucket=hashes, hash_config=sha1)
    start, cpu = time.perf_counter(), _cpu()

    # datatrove's JsonlReader and JsonlWriter need orjson (not installed): the units are read with claimstance's
    # reader (validated, as claimstance dedup reads them) and the kept ids written by a last step of its own.
    def reader(data: Iterator[Document], rank: int = 0, world_size: int = 1) -> Iterator[Document]:
        for unit in io.read_jsonl(units, ClaimUnit):
            yield Document(text=unit.text, id=unit.id)

    def writer(data: Iterator[Document], rank: int = 0, world_size: int = 1) -> Iterator[Document]:
        with open(work / "kept.txt", "w", encoding="utf-8") as out:
            out.writelines(f"{doc.id}\n" for doc in data)
        yield from ()

    stages = [
        [reader, minhash.MinhashDedupSignature(str(work / "sigs"), config=settings, language=Words())],
        [minhash.MinhashDedupBuckets(str(work / "sigs"), str(work / "buckets"), config=settings)],
        [
            minhash.MinhashDedupCluster(
                input_folder=str(work / "buckets"),
                output_folder=str(work / "clusters"),
                config=settings,
                save_cluster_id=True,
            )
        ],
        [reader, minhash.MinhashDedupFilter(input_folder=str(work / "clusters")), writer],
    ]
    for number, pipeline in enumerate(stages):
        tasks = buckets if number == 1 else 1  # stage 2 runs one task per bucket
        logs = str(work / f"logs{number}")
        LocalPipelineExecutor(pipeline=pipeline, tasks=tasks, workers=1, logging_dir=logs).run()
    return {
        "seconds": time.perf_counter() - start,
        "cpu": _cpu() - cpu,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def datatrove_groups(work: Path, ids: list[str]) -> dict[str, str]:
    """Unit id -> an id standing for its cluster (itself when datatrove put it in none)."""
    group = {u: u for u in ids}
    data = (work / "clusters" / "000000.clusters").read_bytes() if (work / "clusters").exists() else b""
    first: dict[int, str] = {}
    for doc, cluster in struct.iter_unpack("<II", data):
        group[ids[doc]] = first.setdefault(cluster, ids[doc])
    return group


def run_claimstance(units: Path, out: Path) -> dict[str, float]:
    from claimstance import api

    start, cpu = time.perf_counter(), _cpu()
    api.dedup(units, out)
    return {
        "seconds": time.perf_counter() - start,
        "cpu": _cpu() - cpu,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def score(group: dict[str, str], origin: dict[str, str], planted: set[str]) -> tuple[float, float]:
    """Share of planted copies in their original's group; share of distinct units in a mixed group."""
    origins_of: dict[str, set[str]] = {}
    for unit, representative in group.items():
        origins_of.setdefault(representative, set()).add(origin[unit])
    found = sum(1 for u in planted if group[u] == group[origin[u]])
    distinct = [u for u in origin if u not in planted]
    merged = sum(1 for u in distinct if len(origins_of[group[u]]) > 1)
    return found / len(planted), merged / len(distinct)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=100_000, help="units in the corpus (default 100,000)")
    parser.add_argument("--copies", type=float, default=0.3, help="share of stories reprinted (default 0.3)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--config", action="append", help=f"datatrove n_grams,buckets,hashes (default {CONFIGS})")
    parser.add_argument("--child", choices=["claimstance", "datatrove"], help=argparse.SUPPRESS)
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "claimstance":
        print(json.dumps(run_claimstance(args.path, args.work / "kept.jsonl")))
        return
    if args.child == "datatrove":
        print(json.dumps(run_datatrove(args.path, args.work, args.config[0])))
        return
    with tempfile.TemporaryDirectory(prefix="claimstance-dedup-dt-") as folder:
        origin: dict[str, str] = {}
        planted: set[str] = set()

        def stream() -> Iterator[ClaimUnit]:
            for unit, source, copy in build(args.units, args.seed, args.copies):
                origin[unit.id] = source
                if copy:
                    planted.add(unit.id)
                yield unit

        path = Path(folder, "units.jsonl")
        io.write_jsonl(path, stream())
        ids = list(origin)
        print(f"corpus: {len(ids):,} units, {len(planted):,} planted copies")
        print("| contender | planted copies found | distinct units merged | CPU s | wall s | peak RSS |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for name, config in [("claimstance", ""), *(("datatrove", c) for c in args.config or CONFIGS)]:
            work = Path(folder, f"{name}-{config.replace(',', '-')}")
            work.mkdir()
            command = [sys.executable, __file__, "--child", name, "--path", str(path), "--work", str(work)]
            command += ["--config", config] if config else []
            done = subprocess.run(command, check=True, capture_output=True, text=True)
            result = json.loads(done.stdout.splitlines()[-1])
            if name == "claimstance":
                group = {u: u for u in ids}
                for d in io.read_jsonl(work / "kept.duplicates.jsonl", Duplicate):
                    group[d.unit_id] = d.duplicate_of
                label = "`claimstance dedup` (char 5-grams, 16 bands x 3, exact check, facts)"
            else:
                group = datatrove_groups(work, ids)
                label = "datatrove MinHash, word {}-grams, {} buckets x {} hashes".format(*config.split(","))
            found, merged = score(group, origin, planted)
            print(
                f"| {label} | {found:.1%} | {merged:.2%} | {result['cpu']:.1f} | {result['seconds']:.1f} "
                f"| {result['peak_mb']:.0f} MB |"
            )


if __name__ == "__main__":
    main()
