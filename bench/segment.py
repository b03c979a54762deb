"""Benchmark: ingest + segment throughput and peak memory, next to a plain pysbd loop on the same corpus.

    .venv/bin/python bench/segment.py                 # 50 MB corpus, memory at 10 and 50 MB
    .venv/bin/python bench/segment.py --size-mb 5     # a quick run while developing

The corpus is written to a temporary folder as seed-like text files: varied copies (names, numbers, order
shuffled with a fixed seed) of the two seeds and of invented news items in the same style, with the
abbreviations, numbers and quotations real news has. Every measurement runs in a fresh process so that
peak memory (max RSS) belongs to that measurement alone. Prints a table; nothing is timed in the tests.
Its last rows time pathological 10,000-character lines ("A.A.A..." and the like) against news text of
the same length: segmentation must stay linear in what a scraped page may hold.
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
from collections.abc import Iterator
from pathlib import Path

from claimstance.schema import Document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

NAMES = [
    ("Ilham", "Aliyev"), ("Aleksandar", "Vucic"), ("Sergei", "Lavrov"), ("Rahida", "Rahimova"), ("Marko", "Djuric"),
    ("Nikol", "Pashinyan"), ("Jeyhun", "Bayramov"), ("Charles", "Michel"), ("Ararat", "Mirzoyan"), ("Ali", "Karimli"),
]  # fmt: skip
ROLES = ["Foreign Minister", "President", "Prime Minister", "opposition leader", "Speaker of Parliament"]
PLACES = ["BAKU", "MOSCOW", "BELGRADE", "YEREVAN", "BRUSSELS", "TBILISI"]
MONTHS = ["January", "March", "April", "June", "September", "November"]

ITEMS = [
    """{PLACE}, {DAY} {MONTH} 2024 – The Central Election Commission (CEC) said turnout stood at {PCT}.{D} percent \
by 8 p.m., up from {PCT2}.{D} percent in 2020. According to the CEC, {N},{NNN} observers were accredited, incl. \
{N2} from the OSCE. Mr. {LAST} told reporters at polling station No. {N2} that the vote was "calm and well \
organised. We saw no pressure on voters," and added that the final count would be published within {N2} days.""",
    """{ROLE} {FIRST} {LAST} said on Monday that the talks in Brussels had been "difficult but useful." The U.S. \
and the E.U. welcomed the meeting. {LAST} also noted that approx. {N} mln. manat had been allocated to \
reconstruction. "We are ready to sign the peace treaty. The ball is in their court," {LAST} said. According to \
Dr. {FIRST2} {LAST2}, an analyst at the Baku Center for Research, the sides are closer than ever; the remaining \
issues concern the border.""",
    """{FIRST} {LAST}: the elections were neither free nor fair
The opposition rejected the results of the vote on {MONTH} {DAY}, a statement by the Popular Front Party (PFP) said. \
The party said its observers recorded ballot stuffing at {N2} polling stations. Officials denied the claims. \
"These allegations are groundless," - said {FIRST2} {LAST2}, a spokesman for the commission. He added that \
complaints would be reviewed by Oct. {DAY}.""",
    """{PLACE}, {MONTH} {DAY} (Reuters) - {ROLE} {FIRST} {LAST} warned on Tuesday that the region could face a new \
escalation. {LAST} stressed that his country "respects the territorial integrity of all its neighbours." The \
ministry stated that {N},{NNN} troops had been withdrawn. It was noted that the U.N. Security Council had \
discussed the issue twice.""",
]


def _fill(template: str, rng: random.Random) -> str:
    (first, last), (first2, last2) = rng.sample(NAMES, 2)
    values = {
        "FIRST": first, "LAST": last, "FIRST2": first2, "LAST2": last2, "ROLE": rng.choice(ROLES),
        "PLACE": rng.choice(PLACES), "MONTH": rng.choice(MONTHS), "DAY": str(rng.randint(1, 28)),
        "PCT": str(rng.randint(20, 80)), "PCT2": str(rng.randint(20, 80)), "D": str(rng.randint(0, 9)),
        "N": str(rng.randint(2, 99)), "N2": str(rng.randint(2, 40)), "NNN": f"{rng.randint(0, 999):03d}",
    }  # fmt: skip
    return template.format(**values)


def _vary_seed(text: str, rng: random.Random) -> str:
    """A seed with its names swapped and its paragraphs (statement) or items (news page) reordered."""
    for first, last in rng.sample(NAMES, 3):
        (old_first, old_last) = rng.choice(NAMES[:5])
        text = text.replace(f"{old_first} {old_last}", f"{first} {last}").replace(old_last, last)
    blocks = text.split("\n\n")
    if len(blocks) > 4:
        head, body = blocks[:4], blocks[4:]
        rng.shuffle(body)
        text = "\n\n".join(head + body)
    return text


def build_corpus(folder: Path, size_mb: float, seed: int = 7) -> tuple[int, int]:
    """Write seed-like files into ``folder`` until they hold ``size_mb`` MB; return (files, bytes)."""
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    target = int(size_mb * 1_000_000)
    written = files = 0
    while written < target:
        parts = [_vary_seed(rng.choice(seeds), rng)]
        for _ in range(rng.randint(2, 8)):
            stamp = f"- {rng.randint(1, 28)} {rng.choice(MONTHS)} 2024, {rng.randint(8, 22)}:{rng.randint(0, 59):02d}"
            parts.append(f"-\n{stamp}\n{_fill(rng.choice(ITEMS), rng)}")
        data = "\n".join(parts).encode("utf-8")
        (folder / f"{files:06d}_{rng.getrandbits(64):016x}.txt").write_bytes(data)
        written += len(data)
        files += 1
    return files, written


PATHOLOGICAL = {
    '"A.A.A..."': "A.",
    '"A. A. A. ..."': "A. ",
    '"U.S.U.S.U.S..."': "U.S.",
    '\'"A." "A." ...\'': '"A." ',
    "a quotation, then blanks": None,
}
"""Lines a scraped page may hold, each segmented against news text of the same length (the ratio is printed)."""


def pathological_texts(length: int = 10_000, repeats: int = 5) -> dict[str, list[str]]:
    """Texts of ``length`` characters per case, ``repeats`` of each, each different (no cache hit)."""
    rng = random.Random(11)
    news = " ".join(_fill(rng.choice(ITEMS), rng).replace("\n", " ") for _ in range(4 * length // 500 + 4))
    cases: dict[str, list[str]] = {"news text": []}
    for k in range(repeats):
        lead = f"The talks resumed {'again ' * k}on Monday. "  # a digit before the stop would hide the run
        cases["news text"].append((lead + news[k * 97 :])[:length])
        for name, run in PATHOLOGICAL.items():
            line = (run * length)[: length - len(lead) - 9] if run else '"We will win," ' + " " * length
            cases.setdefault(name, []).append((lead + line)[: length - 9] + " He left.")
    return cases


# ------------------------------------------------------------------------------------------- child runs


def _documents(folder: Path, limit: int) -> Iterator[Document]:
    """Documents of the first ``limit`` bytes of the corpus, through ingest when the toolkit has it."""
    paths: list[Path] = []
    total = 0
    for path in sorted(folder.glob("*.txt")):
        if total >= limit:
            break
        paths.append(path)
        total += path.stat().st_size
    try:
        from claimstance.ingest import ingest_paths
    except ImportError:  # ingest not written yet: one document per file
        for path in paths:
            text = path.read_text(encoding="utf-8")
            yield Document(id=path.stem, seed_file=path.name, text=text, raw_start=0, raw_end=len(text))
        return
    yield from ingest_paths(paths)


def _peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def child(mode: str, folder: Path, limit_mb: float, workers: int) -> dict[str, float]:
    limit = int(limit_mb * 1_000_000)
    docs = _documents(folder, limit)
    chars = units = 0
    start = time.perf_counter()
    if mode == "pysbd":
        import pysbd

        segmenter = pysbd.Segmenter(language="en", clean=False)
        for document in docs:
            chars += len(document.text.encode("utf-8"))
            units += len(segmenter.segment(document.text))
    elif mode == "pathological":
        from claimstance.segment import segment

        best: dict[str, float] = {}
        for name, texts in pathological_texts().items():
            for k, text in enumerate(texts):
                document = Document(id=f"p{k}", seed_file="p.txt", text=text, raw_start=0, raw_end=len(text))
                started = time.perf_counter()
                units += sum(1 for _ in segment(document))
                best[name] = min(best.get(name, float("inf")), time.perf_counter() - started)
        return best
    elif mode == "agreement":
        from claimstance.segment.units import unit_spans

        same = total = 0
        for document in docs:
            total += 1
            chars += len(document.text.encode("utf-8"))
            same += unit_spans(document, fast=True) == unit_spans(document, fast=False)
        units = same
        return {"documents": total, "same": same, "bytes": chars}
    else:
        from claimstance.segment import segment_documents

        def counted() -> Iterator[Document]:
            nonlocal chars
            for document in docs:
                chars += len(document.text.encode("utf-8"))
                yield document

        for _ in segment_documents(counted()):
            units += 1
    seconds = time.perf_counter() - start
    own, children = _peak_mb()
    return {"seconds": seconds, "bytes": chars, "units": units, "peak_mb": own, "children_peak_mb": children}


def run_child(mode: str, folder: Path, limit_mb: float, workers: int = 1) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", mode, "--corpus", str(folder), "--size-mb", str(limit_mb)]
    command += ["--workers", str(workers)]
    out = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return {k: float(v) for k, v in json.loads(out.strip().splitlines()[-1]).items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=50.0, help="corpus size in MB (default 50)")
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--small-mb", type=float, default=10.0, help="smaller corpus for the memory check")
    parser.add_argument("--no-baseline", action="store_true", help="skip the (slow) plain pysbd loop")
    parser.add_argument("--corpus", type=Path, help="use or build the corpus in this folder")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.corpus, args.size_mb, args.workers)))
        return

    folder = args.corpus or Path(tempfile.mkdtemp(prefix="claimstance-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        t0 = time.perf_counter()
        files, size = build_corpus(folder, args.size_mb)
        print(f"corpus: {files} files, {size / 1e6:.1f} MB in {folder} ({time.perf_counter() - t0:.1f} s)")
        try:
            import claimstance.ingest  # noqa: F401

            print("ingest: claimstance.ingest.ingest_paths")
        except ImportError:
            print("ingest: claimstance.ingest missing, one document per file")
        print(f"cores: {os.cpu_count()} (shared with whatever else runs)\n")
        rows: list[tuple[str, dict[str, float]]] = []
        small = min(args.small_mb, args.size_mb)
        rows.append((f"ingest + segment, 1 worker, {small:g} MB", run_child("segment", folder, small)))
        rows.append((f"ingest + segment, 1 worker, {args.size_mb:g} MB", run_child("segment", folder, args.size_mb)))
        if not args.no_baseline:
            rows.append((f"ingest + plain pysbd loop, {args.size_mb:g} MB", run_child("pysbd", folder, args.size_mb)))
        print(f"{'run':<44} {'MB/s':>7} {'units/s':>9} {'units':>9} {'peak MB':>8} {'workers MB':>10}")
        speed: dict[str, float] = {}
        for label, r in rows:
            speed[label] = r["bytes"] / 1e6 / r["seconds"]
            print(
                f"{label:<44} {speed[label]:>7.2f} {r['units'] / r['seconds']:>9.0f} {r['units']:>9.0f}"
                f" {r['peak_mb']:>8.0f} {r['children_peak_mb']:>10.0f}"
            )
        one = speed[rows[1][0]]
        print("\nworkers: bench/corpus.py measures the datatrove pipeline with 1 and 2 workers")
        if not args.no_baseline:
            print(f"segment vs plain pysbd loop (1 worker): {one / speed[rows[-1][0]]:.2f}x")
        print(
            f"peak memory, {small:g} MB vs {args.size_mb:g} MB corpus: {rows[0][1]['peak_mb']:.0f} vs "
            f"{rows[1][1]['peak_mb']:.0f} MB"
        )
        agreement = run_child("agreement", folder, min(5.0, args.size_mb))
        print(
            f"same boundaries, fast path vs pysbd on every paragraph: {agreement['same']:.0f}/"
            f"{agreement['documents']:.0f}"
            f" documents (first {min(5.0, args.size_mb):g} MB)"
        )
        lines = run_child("pathological", folder, 0)
        print("\npathological lines (10,000 characters, best of 5) against news text of the same length:")
        for name in PATHOLOGICAL:
            print(f"  {name:<30} {lines[name] * 1000:8.1f} ms  {lines[name] / lines['news text']:6.2f}x")
        print(f"  {'news text':<30} {lines['news text'] * 1000:8.1f} ms")
    finally:
        if args.corpus is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
