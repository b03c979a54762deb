"""Benchmark: near-duplicate units found and missed on a corpus with planted wire copies, and dedup's speed.

    .venv/bin/python bench/dedup.py                   # 1,000,000 units (about 5 minutes, most of it building)
    .venv/bin/python bench/dedup.py --units 100000    # a quick look

The corpus is made of invented news stories (a headline and 6 to 14 sentences, each sentence its own unit,
spoken by the story's author or by a quoted person), no two sentences alike. A share of the stories is
reprinted by other outlets with the edits outlets make: a new headline, a dateline added before the first
sentence ("BAKU, Sept. 2 (AZERTAC) -"), one or two sentences cut, typos fixed or made, a word changed. Every
reprinted sentence is a planted copy of its original; a new headline is a new, distinct unit. Found: a planted
copy in the same group as its original. Wrongly merged: a distinct unit (an original sentence or a new headline)
in a group with a unit of another origin. The timed row is ``claimstance dedup`` (``api.dedup``: read and
validate the units, group, write both files) in a fresh process; CPU seconds are given because the machine
is shared.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from claimstance import io
from claimstance.schema import Attribution, ClaimUnit, Duplicate, Speaker, UnitKind

NAMES = ["Ilham Aliyev", "Aleksandar Vucic", "Sergei Lavrov", "Rahida Rahimova", "Marko Djuric",
         "Nikol Pashinyan", "Jeyhun Bayramov", "Charles Michel", "Ararat Mirzoyan", "Ali Karimli", "Olga Petrova",
         "Hakan Fidan"]  # fmt: skip
SUBJECTS = ["the government", "the ministry", "the commission", "the opposition", "observers", "the parliament",
            "the central bank", "the delegation", "local officials", "the committee", "the mission", "voters",
            "the coalition", "the court", "the party", "the border service", "the agency", "the council",
            "the prime minister's office", "regional governors", "the election authority", "the audit chamber",
            "the foreign ministry", "the defence ministry", "trade unions", "the ombudsman", "the mayor's office",
            "the state oil company", "the energy regulator", "the customs service"]  # fmt: skip
VERBS = ["approved", "rejected", "postponed", "welcomed", "criticised", "announced", "reviewed", "signed",
         "questioned", "supported", "blocked", "published", "extended", "suspended", "confirmed", "proposed",
         "denied", "investigated", "financed", "discussed", "defended", "amended", "drafted", "ratified",
         "challenged", "praised", "condemned", "delayed", "accelerated", "audited", "endorsed", "opposed"]  # fmt: skip
ADJECTIVES = ["new", "revised", "disputed", "long-awaited", "controversial", "joint", "regional", "national",
              "temporary", "final", "interim", "secret", "annual", "bilateral", "emergency", "draft"]  # fmt: skip
NOUNS = ["budget", "road to the border", "election results", "peace treaty", "law on media", "report on turnout",
         "loan for reconstruction", "customs agreement", "ceasefire", "list of candidates", "rules for observers",
         "gas contract", "water deal", "census", "visa regime", "transport corridor", "school programme",
         "audit of the ministry", "mine clearance plan", "referendum", "pension reform", "tax code", "railway link",
         "power plant", "grain export quota", "border demarcation", "housing programme", "anti-corruption strategy",
         "electoral code", "hospital network"]  # fmt: skip
OPENERS = ["", "", "", "On {weekday}, ", "In a separate move, ", "Earlier this month, ", "Late on {weekday}, ",
           "As expected, ", "For the second time this year, "]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TAILS = ["after talks in {place}", "despite protests in {place}", "for the {n} districts of the region",
         "before the summit in {place}", "worth {n} million manat", "within {n} days", "by a vote of {n} to {m}",
         "in a statement on {day} {month}", "at a meeting with {n} delegates", "according to {n} sources",
         "for the first time since {year}", "with support from {n} countries", "citing a shortage of funds",
         "under pressure from {place}", "over objections from the opposition", "to meet a deadline in {month}",
         "as part of a deal with {place}", "ahead of the vote on {day} {month}"]  # fmt: skip
PLACES = ["Baku", "Moscow", "Belgrade", "Yerevan", "Brussels", "Tbilisi", "Ankara", "Vienna", "Geneva", "Astana"]
MONTHS = ["January", "March", "April", "June", "September", "November"]
AGENCIES = ["AZERTAC", "Reuters", "AP", "Trend", "APA", "TASS"]


def _sentence(rng: random.Random) -> tuple[str, str | None]:
    """A sentence and its speaker's name (None for the outlet's own narration)."""
    values = {"place": rng.choice(PLACES), "n": rng.randint(2, 999), "m": rng.randint(2, 99)}
    values |= {"day": rng.randint(1, 28), "month": rng.choice(MONTHS), "year": rng.randint(1995, 2023)}
    values["weekday"] = rng.choice(WEEKDAYS)
    clause = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {_object(rng)} {rng.choice(TAILS).format(**values)}"
    if rng.random() < 0.5:
        clause += f" and {rng.choice(TAILS).format(**values)}"
    if rng.random() < 0.5:
        name = rng.choice(NAMES)
        return f"{rng.choice(OPENERS).format(**values)}{name} said {clause}.", name
    sentence = f"{rng.choice(OPENERS).format(**values)}{clause}."
    return f"{sentence[0].upper()}{sentence[1:]}", None


def _object(rng: random.Random) -> str:
    return f"the {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"


def _headline(rng: random.Random) -> str:
    values = {"place": rng.choice(PLACES), "n": rng.randint(2, 999), "m": rng.randint(2, 99)}
    values |= {"day": rng.randint(1, 28), "month": rng.choice(MONTHS), "year": rng.randint(1995, 2023)}
    subject = rng.choice(SUBJECTS)
    tail = rng.choice(TAILS).format(**values)
    return f"{subject[0].upper()}{subject[1:]} {rng.choice(VERBS)} {_object(rng)} {tail}"


def _typo(text: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(text) - 2)
    kind = rng.randrange(3)
    if kind == 0:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if kind == 1:
        return text[:i] + text[i + 1 :]
    return text[:i] + rng.choice("aeiourstn") + text[i + 1 :]


def _reword(text: str, rng: random.Random) -> str:
    for old, new in [(" said ", " stated "), ("the ", "its "), (" and ", " as well as "), (" for ", " to ")]:
        if old in text:
            return text.replace(old, new, 1)
    return _typo(text, rng)


def _unit(uid: str, doc: str, index: int, text: str, name: str | None, kind: UnitKind) -> ClaimUnit:
    speaker = Speaker(name=name, attribution=Attribution.REPORTED if name else Attribution.AUTHOR, cue=None)
    return ClaimUnit(
        id=uid, doc_id=doc, index=index, text=text, char_start=0, char_end=len(text), context=text,
        speaker=speaker, kind=kind,
    )  # fmt: skip


def build(units: int, seed: int, copy_share: float) -> Iterator[tuple[ClaimUnit, str, bool]]:
    """(unit, origin, planted copy?) until ``units`` units: each original story, then its reprints."""
    rng = random.Random(seed)
    made = story = 0
    while made < units:
        story += 1
        headline = _headline(rng)
        sentences = [_sentence(rng) for _ in range(rng.randint(6, 14))]
        doc = f"s{story}"
        yield _unit(f"{doc}-h", doc, 0, headline, None, UnitKind.HEADING), f"{doc}-h", False
        for i, (text, name) in enumerate(sentences, start=1):
            yield _unit(f"{doc}-{i}", doc, i, text, name, UnitKind.CLAIM), f"{doc}-{i}", False
        made += 1 + len(sentences)
        copies = rng.choice([1, 2, 3, 5, 8]) if rng.random() < copy_share else 0
        for c in range(copies):
            copy = f"{doc}c{c}"
            yield _unit(f"{copy}-h", copy, 0, _headline(rng), None, UnitKind.HEADING), f"{copy}-h", False
            kept = list(enumerate(sentences, start=1))
            for _ in range(rng.choice([0, 0, 1, 2])):
                if len(kept) > 2:
                    kept.pop(rng.randrange(1, len(kept)))
            for position, (i, (text, name)) in enumerate(kept):
                if position == 0 and rng.random() < 0.5:
                    date = f"{rng.choice(MONTHS)[:3]}. {rng.randint(1, 28)}"
                    text = f"{rng.choice(PLACES).upper()}, {date} ({rng.choice(AGENCIES)}) - {text}"
                edit = rng.random()
                if edit < 0.2:
                    text = _typo(text, rng)
                elif edit < 0.25:
                    text = _typo(_typo(text, rng), rng)
                elif edit < 0.3:
                    text = _reword(text, rng)
                yield _unit(f"{copy}-{i}", copy, i, text, name, UnitKind.CLAIM), f"{doc}-{i}", True
            made += 1 + len(kept)


def child(path: Path, out: Path) -> dict[str, float]:
    from claimstance import api

    start, cpu = time.perf_counter(), time.process_time()
    summary = api.dedup(path, out)
    return {
        "seconds": time.perf_counter() - start,
        "cpu": time.process_time() - cpu,
        "units": summary.units,
        "duplicates": summary.duplicates,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=1_000_000, help="units in the corpus (default 1,000,000)")
    parser.add_argument("--copies", type=float, default=0.3, help="share of stories reprinted (default 0.3)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.out)))
        return
    with tempfile.TemporaryDirectory(prefix="claimstance-dedup-") as folder:
        t0 = time.perf_counter()
        origin: dict[str, str] = {}
        planted: set[str] = set()

        def stream() -> Iterator[ClaimUnit]:
            for unit, source, copy in build(args.units, args.seed, args.copies):
                origin[unit.id] = source
                if copy:
                    planted.add(unit.id)
                yield unit

        path, out = Path(folder, "units.jsonl"), Path(folder, "kept.jsonl")
        io.write_jsonl(path, stream())
        print(f"corpus: {len(origin):,} units, {len(planted):,} planted copies ({time.perf_counter() - t0:.0f} s)")
        command = [sys.executable, __file__, "--child", str(path), "--out", str(out)]
        result = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout.splitlines()[-1])
        group = {u: u for u in origin}
        for d in io.read_jsonl(Path(folder, "kept.duplicates.jsonl"), Duplicate):
            group[d.unit_id] = d.duplicate_of
        origins_of: dict[str, set[str]] = {}
        for unit, representative in group.items():
            origins_of.setdefault(representative, set()).add(origin[unit])
        found = sum(1 for u in planted if group[u] == group[origin[u]])
        distinct = [u for u in origin if u not in planted]
        merged = sum(1 for u in distinct if len(origins_of[group[u]]) > 1)
        print(f"planted copies found: {found:,} of {len(planted):,} ({found / len(planted):.2%}; target >= 95%)")
        print(f"distinct units merged: {merged:,} of {len(distinct):,} ({merged / len(distinct):.3%}; target <= 1%)")
        print(
            f"claimstance dedup, {result['units']:,.0f} units: {result['seconds']:.1f} s wall clock, "
            f"{result['cpu']:.1f} s CPU, peak {result['peak_mb']:.0f} MB (target < 120 s); "
            f"{result['duplicates']:,.0f} units left out"
        )


if __name__ == "__main__":
    main()
