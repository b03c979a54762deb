"""Run every benchmark and print its table: ``make bench`` (full sizes, about 2 hours) or ``--quick``.

Each benchmark is its own script, runnable alone with its own options (``--help``):

- ``bench/segment.py``: ingest + segment throughput and memory against a plain pysbd loop (issue targets:
  3x pysbd on one core, memory flat in corpus size);
- ``bench/corpus.py``: the datatrove pipeline on a 1 GB corpus, 1 worker against 2 and against one process;
- ``bench/dedup.py``: near-duplicates found and wrongly merged on planted wire copies, 1,000,000 units timed;
- ``bench/dedup_datatrove.py``: the same measures for ``claimstance dedup`` and datatrove's MinHash stages;
- ``bench/labelstudio.py``: push and pull against one raw bulk import / snapshot export on a real Label Studio;
- ``bench/publish.py``: publishing 100,000 units with 3 annotations each, and ``load_dataset`` of the result;
- ``bench/speakers.py --test``: speaker attribution and document metadata on 253 hand-labelled real pages
  (dev, former test and test halves) and on the seeds (issue 15 figures; a few seconds);
- ``bench/rerank.py``: a learned re-ranker over the rules' candidate speakers against the rules, leave one
  evaluation batch out (dev and former-test halves only; about a minute).

Figures from a full run are recorded in docs/performance.md (speakers: docs/speakers.md).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

QUICK = {
    "segment.py": ["--size-mb", "5", "--small-mb", "1"],
    "corpus.py": ["--size-mb", "40", "--small-mb", "20"],
    "dedup.py": ["--units", "100000"],
    "dedup_datatrove.py": ["--units", "20000"],
    "labelstudio.py": ["--tasks", "2000", "--repeat", "1"],
    "publish.py": ["--units", "10000"],
    "speakers.py": ["--test"],
    "rerank.py": [],
}


def main() -> int:
    """Run the benchmarks one after another; return the first non-zero exit status, if any."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes: a look at the tables in a few minutes")
    parser.add_argument("only", nargs="*", choices=[[], *QUICK], help="run only these benchmarks")
    args = parser.parse_args()
    status = 0
    for script, quick_args in QUICK.items():
        if args.only and script not in args.only:
            continue
        print(f"\n=== bench/{script} ===", flush=True)
        command = [sys.executable, str(HERE / script), *(quick_args if args.quick else [])]
        result = subprocess.run(command, check=False)
        status = status or result.returncode
    return status


if __name__ == "__main__":
    raise SystemExit(main())
