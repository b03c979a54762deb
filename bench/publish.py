"""Benchmark: publishing a large dataset, and loading it back with ``datasets.load_dataset``.

    .venv/bin/python bench/publish.py                  # 100,000 units x 3 annotations (about 3 minutes)
    .venv/bin/python bench/publish.py --units 20000    # a quick run while developing

Generates JSON Lines inputs the way the pipeline leaves them (documents, units, annotations by three
pseudonymous annotators, gold labels, an agreement report) in a temporary folder, then measures, each in
a fresh process so that peak memory (max RSS) belongs to that measurement alone:

- ``read``: reading and validating the four JSONL files into models (what any stage reading them pays);
- ``publish, streamed``: ``build_dataset`` fed by generators over the files: reading + publishing
  (target: 30 s, under 1 GB);
- ``publish, in memory``: ``build_dataset`` on records already in lists (publish's own work only);
- ``claimstance publish``: ``api.publish`` on the units, documents and annotations folder, what the command
  runs: the orphan check, agreement (``--n-boot`` bootstrap resamples), gold labels, then ``build_dataset``;
- ``load_dataset``: both configs from the published folder into an empty cache, then again from the
  warm cache.

Prints a table; nothing is timed in the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ANNOTATORS = [f"annotator-{i:010x}" for i in (0x3A1F, 0x7C2E, 0x9B04, 0xE511, 0x0D6C)]
SENTENCES = [
    "{name} said the parliamentary elections on {day} September were held in full compliance with the law.",
    "The opposition rejected the results, saying {n} polling stations had recorded ballot stuffing.",
    '"We will never accept the occupation of our lands," {name} told reporters in {city}.',
    "According to the Central Election Commission, turnout stood at {n}.{d} percent by 8 p.m.",
    "{name} stressed that his country respects the territorial integrity of all its neighbours.",
    "Observers from the OSCE said the vote was calm but lacked genuine competition.",
    "The ministry stated that {n},{d}00 troops had been withdrawn from the border area.",
    "Dear Mr. President,",
]
NAMES = ["Ilham Aliyev", "Aleksandar Vucic", "Sergei Lavrov", "Rahida Rahimova", "Marko Djuric", "Nikol Pashinyan"]
CITIES = ["Baku", "Belgrade", "Moscow", "Yerevan", "Brussels"]
TI = ["support", "oppose", "neutral", "not_applicable"]
EF = ["fair", "unfair", "neutral", "not_applicable"]


def generate(folder: Path, n_units: int, per_doc: int = 10, seed: int = 11) -> dict[str, int]:
    """Write documents/units/gold JSONL files, annotations/bench.jsonl and agreement.json; return the counts."""
    rng = random.Random(seed)
    t0 = datetime(2024, 9, 1, tzinfo=UTC)
    counts: Counter[str] = Counter()
    (folder / "annotations").mkdir()
    with (
        (folder / "documents.jsonl").open("w") as docs,
        (folder / "units.jsonl").open("w") as units,
        (folder / "annotations" / "bench.jsonl").open("w") as anns,
        (folder / "gold.jsonl").open("w") as gold,
    ):
        for d in range((n_units + per_doc - 1) // per_doc):
            doc_id = f"{d // 50:05d}_feed-d{d % 50}"
            sentences = []
            for _ in range(min(per_doc, n_units - d * per_doc)):
                template = rng.choice(SENTENCES)
                sentences.append(
                    template.format(
                        name=rng.choice(NAMES), city=rng.choice(CITIES), day=rng.randint(1, 28), n=rng.randint(2, 99),
                        d=rng.randint(0, 9),
                    )
                )  # fmt: skip
            text = " ".join(sentences)
            published = (t0 + timedelta(days=d % 300)).date().isoformat()
            source = ["president.az", "apa.az", "news.am", None][d % 4]
            doc: dict[str, Any] = {
                "id": doc_id,
                "seed_file": f"{d // 50:05d}_feed.txt",
                "source": source,
                "title": sentences[0][:60],
            }
            doc |= {"published": published, "text": text, "raw_start": 0, "raw_end": len(text)}
            docs.write(json.dumps(doc) + "\n")
            counts["documents"] += 1
            offset = 0
            for i, sentence in enumerate(sentences):
                start = text.index(sentence, offset)
                offset = start + len(sentence)
                unit_id = f"{doc_id}-{i:03d}"
                kind = "greeting" if sentence.startswith("Dear") else "claim"
                quote = sentence.startswith('"')
                speaker = {
                    "name": rng.choice(NAMES), "role": "President" if i % 3 == 0 else None,
                    "attribution": "direct_quote" if quote else ("reported" if "said" in sentence else "author"),
                    "cue": "told" if quote else ("said" if "said" in sentence else None),
                }  # fmt: skip
                context = text[max(0, start - 200) : offset + 200]
                unit = {"id": unit_id, "doc_id": doc_id, "index": i, "text": sentence, "char_start": start}
                unit |= {"char_end": offset, "context": context, "speaker": speaker, "kind": kind}
                units.write(json.dumps(unit) + "\n")
                counts["units"] += 1
                true_ti, true_ef = rng.choice(TI), rng.choice(EF)
                votes: dict[str, Counter[str]] = {
                    "stance_territorial_integrity": Counter(),
                    "stance_election_fairness": Counter(),
                }
                for a, annotator in enumerate(rng.sample(ANNOTATORS, 3)):
                    ti = true_ti if rng.random() < 0.8 else rng.choice(TI)
                    ef = true_ef if rng.random() < 0.8 else rng.choice(EF)
                    votes["stance_territorial_integrity"][ti] += 1
                    votes["stance_election_fairness"][ef] += 1
                    n = counts["annotations"]
                    created = t0 + timedelta(seconds=n * 7)
                    ann = {
                        "id": f"ls-1-{n}", "unit_id": unit_id, "annotator": annotator, "project": "bench",
                        "ls_project_id": 1, "ls_task_id": counts["units"], "ls_annotation_id": n,
                        "stance_territorial_integrity": ti, "stance_election_fairness": ef, "is_claim": kind == "claim",
                        "lead_time": round(rng.uniform(3, 60), 2), "created_at": created.isoformat(),
                        "updated_at": (created + timedelta(minutes=a)).isoformat(), "cancelled": rng.random() < 0.01,
                        "speaker_correction": "Ilham Aliyev" if rng.random() < 0.005 else None,
                    }  # fmt: skip
                    anns.write(json.dumps(ann) + "\n")
                    counts["annotations"] += 1
                for target, tally in votes.items():
                    label, top = tally.most_common(1)[0]
                    origin = "unanimous" if top == 3 else ("majority" if top == 2 else "unresolved")
                    record: dict[str, Any] = {
                        "unit_id": unit_id,
                        "target": target,
                        "label": None if top == 1 else label,
                    }
                    record |= {"origin": origin, "votes": dict(tally)}
                    gold.write(json.dumps(record) + "\n")
                    counts["gold"] += 1
    report = {
        "targets": {
            t: {"alpha": 0.62, "alpha_ci": [0.6, 0.64], "raw_agreement": 0.7, "n_units": n_units, "n_annotators": 5}
            for t in ("stance_territorial_integrity", "stance_election_fairness")
        }
    }
    (folder / "agreement.json").write_text(json.dumps(report))
    return dict(counts)


# ------------------------------------------------------------------------------------------- child runs


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _streams(folder: Path) -> dict[str, Iterator[Any]]:
    from claimstance import io
    from claimstance.schema import Annotation, ClaimUnit, Document, GoldLabel

    return {
        "documents": io.read_jsonl(folder / "documents.jsonl", Document),
        "gold": io.read_jsonl(folder / "gold.jsonl", GoldLabel),
        "annotations": io.read_jsonl(folder / "annotations" / "bench.jsonl", Annotation),
        "units": io.read_jsonl(folder / "units.jsonl", ClaimUnit),
    }


def child(mode: str, folder: Path, n_boot: int) -> dict[str, float]:
    out = folder / "dataset"
    agreement = json.loads((folder / "agreement.json").read_text())
    if mode == "read":
        start = time.perf_counter()
        n = sum(1 for stream in _streams(folder).values() for _ in stream)
        return {"seconds": time.perf_counter() - start, "peak_mb": _peak_mb(), "records": n}
    if mode in ("stream", "memory"):
        from claimstance.publish import build_dataset

        if mode == "memory":
            inputs: dict[str, Any] = {name: list(stream) for name, stream in _streams(folder).items()}
            base = _peak_mb()
        else:
            inputs, base = _streams(folder), 0.0
        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        report = build_dataset(out, **inputs, agreement=agreement, seed=0)
        seconds = time.perf_counter() - start
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        rows = sum(sum(parts.values()) for parts in report.rows.values())
        return {"seconds": seconds, "peak_mb": _peak_mb(), "inputs_mb": base, "rows": rows, "bytes": size}
    if mode == "api":
        from claimstance import api

        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        report = api.publish(
            out, units=folder / "units.jsonl", documents=folder / "documents.jsonl", directory=folder / "annotations",
            n_boot=n_boot,
        )  # fmt: skip
        rows = sum(sum(parts.values()) for parts in report.rows.values())
        return {"seconds": time.perf_counter() - start, "peak_mb": _peak_mb(), "rows": rows}
    if mode == "load":
        import datasets

        datasets.disable_progress_bars()
        cache = folder / "hf-cache"
        shutil.rmtree(cache, ignore_errors=True)
        timings: dict[str, float] = {}
        for attempt in ("cold", "warm"):
            start = time.perf_counter()
            for name in ("units", "annotations"):
                ds = datasets.load_dataset(str(out), name, cache_dir=str(cache))
                timings[f"{name}_rows"] = sum(len(ds[s]) for s in ds)
            timings[attempt] = time.perf_counter() - start
        return {**timings, "peak_mb": _peak_mb()}
    raise SystemExit(f"unknown mode {mode}")


def run_child(mode: str, folder: Path, n_boot: int) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", mode, "--data", str(folder), "--n-boot", str(n_boot)]
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_CACHE": str(folder / "hf-cache")}
    result = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT, env=env)
    return {k: float(v) for k, v in json.loads(result.stdout.strip().splitlines()[-1]).items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=100_000, help="units to generate (default 100,000)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each measurement; the median is shown")
    parser.add_argument("--n-boot", type=int, default=1000, help="bootstrap resamples of the agreement")
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.data, args.n_boot)))
        return

    folder = Path(tempfile.mkdtemp(prefix="claimstance-bench-publish-"))
    try:
        t0 = time.perf_counter()
        counts = generate(folder, args.units)
        size = sum(p.stat().st_size for p in folder.rglob("*.jsonl")) / 1e6
        print(
            f"inputs: {counts['documents']:,} documents, {counts['units']:,} units, {counts['annotations']:,} "
            f"annotations, {counts['gold']:,} gold labels; {size:.0f} MB of JSONL ({time.perf_counter() - t0:.1f} s)"
        )
        print(f"cores: {os.cpu_count()} (shared with whatever else runs)\n")

        def median(mode: str) -> dict[str, float]:
            runs = sorted(
                (run_child(mode, folder, args.n_boot) for _ in range(args.repeat)), key=lambda r: r.get("seconds", 0)
            )
            return runs[len(runs) // 2]

        read, stream, memory, command = median("read"), median("stream"), median("memory"), median("api")
        load = median("load")
        rows = [
            ("read + validate the JSONL inputs (no publish)", read["seconds"], read["peak_mb"]),
            ("build_dataset, streamed from JSONL", stream["seconds"], stream["peak_mb"]),
            (
                f"build_dataset, records in memory (inputs alone: {memory['inputs_mb']:.0f} MB)",
                memory["seconds"],
                memory["peak_mb"],
            ),
            (f"claimstance publish (api.publish, {args.n_boot} resamples)", command["seconds"], command["peak_mb"]),
            ("load_dataset, both configs, empty cache", load["cold"], load["peak_mb"]),
        ]
        print(f"{'measurement':<56} {'seconds':>8} {'peak MB':>8}")
        for label, seconds, peak in rows:
            print(f"{label:<56} {seconds:>8.1f} {peak:>8.0f}")
        print(f"{'load_dataset, both configs, warm cache':<56} {load['warm']:>8.1f}")
        print(
            f"\nwritten: {stream['rows']:,.0f} rows, {stream['bytes'] / 1e6:.1f} MB on disk; loaded "
            f"{load['units_rows']:,.0f} units and {load['annotations_rows']:,.0f} annotations"
        )
        ok = stream["seconds"] <= 30 and stream["peak_mb"] < 1024
        print(f"target (publish <= 30 s, peak < 1 GB, streamed): {'met' if ok else 'NOT met'}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
