"""Benchmark: speaker attribution and document metadata on real pages no rule was written for (issue 15).

    .venv/bin/python bench/speakers.py --test       # dev, former test, both test halves and seeds: figures only
    .venv/bin/python bench/speakers.py              # the same without the test halves (what rule writers run)
    .venv/bin/python bench/speakers.py --errors     # every dev and former-test miss; the test halves not scored

The pages, their hand-labelled gold and the dev/test split are in ``bench/data/attribution`` (its README says
where each page comes from and how the gold was made). Each page goes through ``ingest`` and ``segment``
exactly as ``claimstance segment`` runs them. A gold sentence is found in the page by its offset (or its
first characters); it spans from there to the next gold sentence or the next blank line, and a unit belongs
to the gold sentence whose span holds the unit's first character (``doc.raw_start + unit.char_start`` when
nothing was cut out of the document's text). A gold sentence is right when every claim unit in it has the
gold speaker (or, with no unit starting inside it, the unit that covers its start does).

What is counted, per half:

- **accuracy**: gold sentences with the right speaker: the gold name or one of its aliases (case, accents,
  articles, honorifics, titles before a name and possessives aside, as the gold's own agreement figures
  count them), or "unattributed" (no one but the outlet) where the gold has none;
- **named precision / recall**: of the sentences given a name, the share with the right one; of the
  sentences whose gold has a name, the share that got it;
- **garbage names**: claim units (all of them, labelled or not) whose speaker name is no person,
  organisation or group: a lower-case phrase that is no group noun, a phrase opening with a preposition,
  conjunction or sentence adverb, a clause (a verb or pronoun inside), a date word, a run of more
  than 12 words unless it lists names ("A, B, C and D", each a name);
- **author's own words given away**: in speeches, the gold ``author`` sentences given to someone else;
- **names the validation step refused**: the count ``segment(..., rejected=...)`` keeps;
- **document metadata**: per page, the number of documents, and the first document's title, date and
  source against the gold; the source also over the pages whose text names the gold's source at all; the
  author (``Document.byline``, else a transcript's ``author``) against the gold's byline author, apart.

The split has four values. ``dev`` and ``former test`` pages may be read to write rules (the former test
half was only measured through session 4; its totals had been looked at too often to stay a test, so it
joined the pages rules are written from); ``test`` pages (the third batch) and ``fresh test`` pages (the
eighth, from 27 sites the set had never used) are only measured: ``--errors`` lists misses of the first two
alone. The seeds are measured against
``tests/data/seeds_gold.jsonl`` unit by unit (their test demands every field; here only the speaker).
"""

from __future__ import annotations

import argparse
import inspect
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from claimstance import io
from claimstance.ingest import ingest_text
from claimstance.schema import Attribution, ClaimUnit, Document, UnitKind
from claimstance.segment import segment

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data" / "attribution"
SEEDS = ROOT / "seeds"
SEEDS_GOLD = ROOT / "tests" / "data" / "seeds_gold.jsonl"

# ------------------------------------------------------------------------------------------------ names


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_HONORIFICS = re.compile(
    r"\b(?:mr|mrs|ms|dr|prof|sir|madam|h\.?\s?e|his|her|excellency|excellencies|majesty|highness)\b\.?", re.I
)
# Titles before a name, as the gold's own agreement figures treat them (bench/data/attribution/gold/ADJUDICATION.md):
# "President Biden", "SECRETARY KERRY" and "Biden", "Kerry" are the same speaker when the name is the same.
_TITLES = re.compile(
    r"^(?:(?:vice|president|secretary|minister|foreign|prime|sg|ambassador|spokesperson|general|of\s+state)\s+)+(?=\S)"
)
_NOT_WORD = re.compile(r"[^\w\s-]")


def norm_name(name: str) -> str:
    """A name for comparison: accents, case, quotes, possessives, leading articles, honorifics and titles aside."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = _HONORIFICS.sub(" ", text)
    text = _NOT_WORD.sub(" ", text).lower()
    tokens = text.split()
    while tokens and tokens[0] in ("the", "a", "an"):
        tokens = tokens[1:]
    return _TITLES.sub("", " ".join(tokens))


_PERSON_NOUNS = _words(
    """official officials observer observers expert experts analyst analysts diplomat diplomats resident residents
    protester protesters witness witnesses critic critics source sources activist activists voter voters lawmaker
    lawmakers deputy deputies monitor monitors journalist journalists reporter reporters police investigators
    organizer organizers organiser organisers participant participants opponent opponents supporter supporters side
    sides party parties leader leaders minister ministers member members authorities opposition government
    ministry military army ally allies staff caller callers speaker speakers delegate delegates delegation
    delegations representative representatives mission country countries people commission council committee
    spokesman spokeswoman spokesperson president premier chairman secretary ambassador envoy questioner moderator
    correspondent parliamentarian oppositionist alliance department office agency organization organisation union
    bloc coalition movement campaign court board bureau cabinet service presidency embassy administration
    kremlin candidate candidates separatist separatists rebel rebels insurgent insurgents demonstrator
    demonstrators citizen citizens refugee refugees soldier soldiers troops militant militants lawyer lawyers
    judge judges student students worker workers villager villagers negotiator negotiators mediator mediators
    crowd crowds heads presidents"""
)
_BAD_FIRST = _words(
    """in on at by for from to with of into during after before since despite although though while whereas
    because if when as and but or so then however meanwhile moreover furthermore secondly firstly thirdly
    finally also which who whom whose that this these those it its he she they we i you me us there here what
    no not let"""
)
# A quantifier alone is no speaker ("Many say"); before a person or group noun it is one ("another caller").
_QUANTIFIERS = _words("many some most several such other another each every all any")
_CLAUSE_WORDS = _words(
    """is are was were be been being has have had will would could should can may might must did does do
    it he she they we i you me us which who that released issued"""
)
_DOCUMENT_NOUNS = _words(
    """statement statements report reports information release text document resolution results result data
    letter article paper declaration communique"""
)
_DATE_WORDS = _words(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow january february march
    april may june july august september october november december week month year"""
)


def is_garbage(name: str) -> bool:
    """Whether a speaker name is no person, organisation or group (see the module docstring)."""
    tokens = name.replace("’", "'").split()
    if len(tokens) > 12:  # a long list is a group when each of its members is a name: "A, B, C and D"
        parts = [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", name) if p.strip()]
        return len(parts) < 2 or any(len(p.split()) > 12 or is_garbage(p) for p in parts)
    if not tokens:
        return True
    lower = [t.lower().strip(".,;:'\"“”()") for t in tokens]
    acronym = len(tokens[0]) > 1 and tokens[0].isupper()  # "US", "UN": names, not the pronoun "us"
    if (lower[0] in _BAD_FIRST and not acronym) or (lower[0] in _QUANTIFIERS and len(tokens) == 1):
        return True
    clause = any(t in _CLAUSE_WORDS for t, token in zip(lower, tokens, strict=True) if token[:1].islower())
    if clause or all(t in _DATE_WORDS for t in lower):
        return True
    proper_tail = tokens[-1][:1].isupper() and "of" in lower[1:-1]  # "Ministry of Information": a body's name
    if lower[-1] in _DOCUMENT_NOUNS and not proper_tail:
        return True  # "a report released by the Kremlin", "the statement": a document, not who wrote it
    if any(t[:1].isupper() for t in tokens) and lower[0] not in _QUANTIFIERS:
        return False  # a name, maybe after a descriptor: "the main opposition United Democratic Force"
    # lower case: "the opposition", "international observers", "a spokesman" are groups and roles
    # the head comes before the first preposition: "representatives from around the world"
    cut = next(
        (k for k, t in enumerate(lower) if k > 0 and t in ("of", "from", "for", "in", "at", "around")), len(lower)
    )
    head = lower[cut - 1].removesuffix("'s")
    return head not in _PERSON_NOUNS


# ------------------------------------------------------------------------------------------------ gold


@dataclass
class GoldSentence:
    file: str
    prefix: str
    speaker: str | None
    kind: str
    aliases: list[str] = field(default_factory=list)
    start: int = -1
    end: int = -1

    def names(self) -> set[str]:
        return {norm_name(n) for n in [self.speaker or "", *self.aliases] if n}


@dataclass
class Page:
    file: str
    half: str
    kind: str
    raw: str
    sentences: list[GoldSentence]
    doc_gold: dict[str, object]
    missing: int = 0


def _read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _locate(raw: str, sentences: list[GoldSentence]) -> int:
    """Find each gold sentence in the page, in order; set its span; return how many were not found."""
    cursor = missing = 0
    found: list[GoldSentence] = []
    for s in sentences:
        if s.start >= 0 and raw.startswith(s.prefix, s.start):
            at = s.start
        else:
            at = raw.find(s.prefix, cursor)
            at = at if at >= 0 else raw.find(s.prefix)
        if at < 0:
            missing += 1
            continue
        s.start = at
        cursor = at + 1
        found.append(s)
    found.sort(key=lambda s: s.start)
    blank = re.compile(r"\n[ \t\r]*\n")
    for i, s in enumerate(found):
        nxt = found[i + 1].start if i + 1 < len(found) else len(raw)
        gap = blank.search(raw, s.start + len(s.prefix), nxt)
        s.end = gap.start() if gap else nxt
    sentences[:] = found
    return missing


def load_pages(data: Path) -> list[Page]:
    """Every page of the set with its gold sentences located and its document gold."""
    split = json.loads((data / "split.json").read_text(encoding="utf-8"))
    statements = _read_jsonl(data / "gold" / "statements.jsonl")
    documents = {str(d["file"]): d for d in _read_jsonl(data / "gold" / "documents.jsonl")}
    by_file: dict[str, list[GoldSentence]] = {}
    for row in statements:
        aliases = row.get("aliases") or []
        assert isinstance(aliases, list)
        speaker = row.get("speaker")
        by_file.setdefault(str(row["file"]), []).append(
            GoldSentence(
                file=str(row["file"]),
                prefix=str(row["sentence"]),
                speaker=str(speaker) if speaker else None,
                kind=str(row["kind"]),
                aliases=[str(a) for a in aliases],
                start=int(str(row.get("start", -1))),
            )
        )
    pages: list[Page] = []
    for key, half in sorted(split.items()):
        path = data / key
        meta = json.loads(path.with_suffix(".meta.json").read_text(encoding="utf-8"))
        raw = io.read_text(path)
        sentences = by_file.get(path.name, [])
        page = Page(path.name, half, str(meta.get("kind", "news")), raw, sentences, documents.get(path.name, {}))
        page.missing = _locate(raw, sentences)
        pages.append(page)
    return pages


# ------------------------------------------------------------------------------------------------ toolkit


@dataclass
class Placed:
    """A unit of the toolkit with its offset in the raw page and the speaker the benchmark reads off it."""

    unit: ClaimUnit
    start: int
    name: str | None  # None: nobody but the outlet (narration or unattributed)


def speaker_of(unit: ClaimUnit, document: Document) -> str | None:
    """The name a unit is given, or None when it is left to the outlet (narration) or unattributed.

    Narration is ``author`` with the document's source as name; ``author`` with another name is a speech's
    author or a transcript turn's speaker.
    """
    s = unit.speaker
    if s.attribution is Attribution.UNATTRIBUTED or s.name is None:
        return None
    if s.attribution is Attribution.AUTHOR and s.name == document.source:
        return None  # the outlet's own narration
    return s.name


def _segment(document: Document, refused: Counter[str]) -> Iterable[ClaimUnit]:
    """``segment`` with the refusal counter, or without it on toolkits before issue 15 (the "before" figures)."""
    if "rejected" in inspect.signature(segment).parameters:
        return segment(document, rejected=refused)
    return segment(document)


def place_units(raw: str, documents: Sequence[Document], refused: Counter[str]) -> list[Placed]:
    """Every unit of the page with its offset in ``raw``; names the validation step refused are counted."""
    placed: list[Placed] = []
    for document in documents:
        exact = raw[document.raw_start : document.raw_end] == document.text
        cursor = document.raw_start
        for unit in _segment(document, refused):
            if exact:
                start = document.raw_start + unit.char_start
            else:  # noise lines were cut out of the text: find the unit after the previous one
                start = raw.find(unit.text, cursor)
                start = start if start >= 0 else cursor
            cursor = start + 1
            placed.append(Placed(unit, start, speaker_of(unit, document)))
    return placed


# ------------------------------------------------------------------------------------------------ scoring


@dataclass
class Score:
    sentences: int = 0
    right: int = 0
    named_predicted: int = 0
    named_right: int = 0
    gold_named: int = 0
    gold_named_found: int = 0
    units: int = 0
    garbage: int = 0
    author_own: int = 0
    author_given_away: int = 0
    missing: int = 0
    refused: Counter[str] = field(default_factory=Counter)
    doc_fields: dict[str, list[int]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    garbage_names: list[str] = field(default_factory=list)

    def add_field(self, name: str, ok: bool) -> None:
        counts = self.doc_fields.setdefault(name, [0, 0])
        counts[0] += ok
        counts[1] += 1


def judge(pred: str | None, names: set[str]) -> bool:
    if not names:
        return pred is None
    return pred is not None and norm_name(pred) in names


def score_sentence(score: Score, gold: GoldSentence, preds: list[str | None]) -> None:
    names = gold.names()
    right = all(judge(p, names) for p in preds)
    score.sentences += 1
    score.right += right
    named = [p for p in preds if p is not None]
    if named:
        score.named_predicted += 1
        score.named_right += all(judge(p, names) for p in named) and bool(names)
    if names:
        score.gold_named += 1
        score.gold_named_found += right
    if gold.kind == "author":
        score.author_own += 1
        score.author_given_away += any(p is not None and not judge(p, names) for p in preds)
    if not right:
        score.errors.append(f"{gold.file[:3]} gold={gold.speaker!r} got={preds!r} | {gold.prefix[:70]!r}")


def _claims(units: Iterable[Placed]) -> list[Placed]:
    return [p for p in units if p.unit.kind is UnitKind.CLAIM]


def score_page(score: Score, page: Page) -> None:
    documents = list(ingest_text(page.raw, page.file))
    placed = place_units(page.raw, documents, score.refused)
    score.missing += page.missing
    for p in _claims(placed):
        score.units += 1
        if p.name is not None and is_garbage(p.name):
            score.garbage += 1
            score.garbage_names.append(f"{page.file[:3]} {p.name!r}")
    for gold in page.sentences:
        inside = [p for p in placed if gold.start <= p.start < gold.end]
        chosen = _claims(inside) or inside[:1]
        if not chosen:
            covering = [p for p in placed if p.start <= gold.start]
            chosen = covering[-1:]
        score_sentence(score, gold, [p.name for p in chosen])
    _score_documents(score, page, documents)


def _published(value: object) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return None


def _same_text(a: str | None, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return " ".join(a.split()).lower() == " ".join(str(b).split()).lower()


_OUTLET_TAIL = re.compile(r"(?:\.(?:com|net|org|info|am|az|ge|ru|uk|cn|gov|int))+$|\s+(?:news\s+)?agency$")


def source_key(name: str) -> str:
    """An outlet's name for comparison: "www.anews.az", "Anews" and "The ANEWS" are one; so are "Interfax" and
    "Interfax News Agency"."""
    text = name.strip().lower().removeprefix("the ").removeprefix("www.")
    text = _OUTLET_TAIL.sub("", text)
    return re.sub(r"[^a-z0-9]", "", text)


def _same_source(a: str | None, gold: dict[str, object]) -> bool:
    wanted = gold.get("source")
    if a is None or wanted is None:
        return a is None and wanted is None
    return source_key(a) == source_key(str(wanted))


def _score_documents(score: Score, page: Page, documents: Sequence[Document]) -> None:
    gold = page.doc_gold
    if not gold:
        return
    first = documents[0]
    got = {"documents": len(documents), "title": first.title, "published": _published(first.published)}
    checks = {
        "documents": got["documents"] == gold.get("documents"),
        "title": _same_text(first.title, gold.get("title")),
        "date": got["published"] == gold.get("published"),
        "source": _same_source(first.source, gold),
    }
    if source_key(str(gold.get("source") or "-")) in re.sub(r"[^a-z0-9]", "", page.raw.lower()):
        score.add_field("source, where the page names it", checks["source"])
    # the gold's author is a byline person, or the speaker a transcript's name block or "by ..." line names
    byline = getattr(first, "byline", None) or first.author  # no byline field before schema 1.2.0
    score.add_field(
        "author", _same_text(norm_name(byline) if byline else None, norm_name(str(gold.get("author") or "")) or None)
    )
    got["source"] = first.source
    for name, ok in checks.items():
        score.add_field(name, ok)
        key = "published" if name == "date" else name
        if not ok:
            score.errors.append(f"{page.file[:3]} {name}: gold={gold.get(key)!r} got={got[key]!r}")


# ------------------------------------------------------------------------------------------------ seeds


def score_seeds() -> Score:
    """The seeds, unit by unit, against their gold (speaker name or unattributed only)."""
    from claimstance.ingest import ingest_paths

    gold = _read_jsonl(SEEDS_GOLD)
    score = Score()
    units: list[tuple[ClaimUnit, Document]] = [(u, d) for d in ingest_paths([SEEDS]) for u in segment(d)]
    for g, (unit, document) in zip(gold, units, strict=True):
        if unit.kind is not UnitKind.CLAIM:
            continue
        score.units += 1
        name = speaker_of(unit, document)
        if name is not None and is_garbage(name):
            score.garbage += 1
        expected = g["speaker"] if g["attribution"] != "author" or document.author else None
        sentence = GoldSentence(
            file=str(g["seed"]),
            prefix=str(g["text"]),
            speaker=str(expected) if expected else None,
            kind="author" if document.author and g["attribution"] == "author" else str(g["attribution"]),
        )
        score_sentence(score, sentence, [name])
    return score


# ------------------------------------------------------------------------------------------------ report


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}% ({a}/{b})" if b else "-"


def report(scores: dict[str, Score]) -> None:
    rows = [
        ("sentences scored", lambda s: str(s.sentences)),
        ("accuracy", lambda s: _pct(s.right, s.sentences)),
        ("named-speaker precision", lambda s: _pct(s.named_right, s.named_predicted)),
        ("named-speaker recall", lambda s: _pct(s.gold_named_found, s.gold_named)),
        ("garbage names (claim units)", lambda s: _pct(s.garbage, s.units)),
        ("author's own sentences given away", lambda s: _pct(s.author_given_away, s.author_own)),
        ("names the validation step refused", lambda s: str(sum(s.refused.values()))),
    ]
    fields = ["documents", "title", "date", "source"]
    for name in fields:
        rows.append((f"doc {name}", lambda s, n=name: _pct(*s.doc_fields.get(n, [0, 0]))))

    def all_fields(s: Score) -> str:
        return _pct(*(sum(s.doc_fields.get(f, [0, 0])[k] for f in fields) for k in (0, 1)))

    rows.append(("doc fields (count, title, date, source)", all_fields))
    named = "source, where the page names it"
    rows.append((f"doc {named}", lambda s: _pct(*s.doc_fields.get(named, [0, 0]))))
    rows.append(("doc author (byline, else transcript's)", lambda s: _pct(*s.doc_fields.get("author", [0, 0]))))
    rows.append(("gold sentences not found in page", lambda s: str(s.missing)))
    header = f"| {'measure':<42} | " + " | ".join(f"{k:>20}" for k in scores) + " |"
    print(header)
    print("| " + "-" * 42 + " | " + " | ".join("-" * 19 + ":" for _ in scores) + " |")
    for label, get in rows:
        print(f"| {label:<42} | " + " | ".join(f"{get(s):>20}" for s in scores.values()) + " |")


def speeches_given_away(folder: Path) -> tuple[int, int]:
    """Claim units of unlabelled first-person speeches given a name other than their document's author.

    A speech's sentences are its author's, so any other name is a reported voice at best and the speaker's own
    words given away at worst; with no gold to tell the two apart the count is an upper bound.
    """
    given = units = 0
    for path in sorted(folder.glob("*.txt")):
        for document in ingest_text(io.read_text(path), path.name):
            for unit in segment(document):
                if unit.kind is UnitKind.CLAIM:
                    units += 1
                    given += unit.speaker.name is not None and unit.speaker.name != document.author
    return given, units


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the evaluation set (default bench/data/attribution)")
    parser.add_argument(
        "--test", action="store_true", help="also score and print the test halves (bench/run.py passes it)"
    )
    parser.add_argument(
        "--errors",
        action="store_true",
        help="list the misses of the dev and former test halves; the test halves are then neither scored nor printed",
    )
    parser.add_argument(
        "--speeches",
        type=Path,
        metavar="DIR",
        help="also count, over the first-person speeches (*.txt) in DIR, the claim units given a name not the author's",
    )
    args = parser.parse_args()
    # Whoever reads the misses writes rules from them: the test column stays out of sight unless asked for
    # (helpers running the benchmark by habit saw it twice), and never beside the misses.
    scores = {"dev": Score(), "former test": Score()}
    if args.test and not args.errors:
        scores["test"] = Score()
        scores["fresh test"] = Score()
    for page in load_pages(args.data):
        if page.half in scores:
            score_page(scores[page.half], page)
    scores = {half: score for half, score in scores.items() if score.sentences}
    scores["seeds"] = score_seeds()
    report(scores)
    if args.speeches:
        given, units = speeches_given_away(args.speeches)
        print(f"\nspeeches in {args.speeches}: claim units given a name not the author's: {_pct(given, units)}")
    if args.errors:
        for half in ("dev", "former test"):
            print(f"\n{half} misses:")
            for line in scores[half].errors:
                print(" ", line)
            print(f"\n{half} garbage names:")
            for line in scores[half].garbage_names:
                print(" ", line)


if __name__ == "__main__":
    main()
