"""Experiment: would a learned re-ranker over the rules' candidate speakers hold on unseen batches better than
the rules alone? (issue 15, session 6)

    .venv/bin/python bench/rerank.py
    git archive 21d8f28 toolkit | tar -x -C /tmp/old && PYTHONPATH=/tmp/old/toolkit .venv/bin/python bench/rerank.py

The second line measures the candidates of an earlier toolkit (rules not yet written from batches 6 and 7).

For every gold sentence of the dev and former-test halves (the test half is skipped before anything is computed
on its pages) the candidates are: the rules' own answer, no name, the document's author, the previous claim
unit's speaker, every distinct name the rules gave in the document, and the people and organisations named in
the sentence or the one before. A candidate is right when ``bench/speakers.py`` would count it right. A
gradient-boosted tree scores each (sentence, candidate) pair; the best-scored candidate is the answer.
Evaluation is leave-one-batch-out: each of six groups is predicted by a model trained on the other five.
Nothing here is part of the toolkit.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from sklearn.ensemble import GradientBoostingClassifier

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claimstance.ingest import ingest_text
from claimstance.lexicon import FIRST_PERSON
from claimstance.schema import Attribution, UnitKind
from claimstance.segment.cues import SPEECH_VERBS
from claimstance.segment.validate import check_name
from speakers import DATA, GoldSentence, Page, Placed, Score, judge, load_pages, norm_name, place_units, score_sentence

try:
    from claimstance.segment.mentions import person_named
except ImportError:  # toolkits before session 6 kept it in names (the "rules at an earlier commit" runs)
    from claimstance.segment.names import person_named  # type: ignore[attr-defined,no-redef]

GROUPS = ("dev 1-2", "former test", "batch 4", "batch 5", "batch 6", "batch 7")
SOURCES = ("rules", "none", "author", "previous", "document", "sentence", "sentence before")
KINDS = ("news", "speech", "release", "transcript", "statement", "interview", "other")
FEATURES = (
    *(f"rules: {a.value}" for a in Attribution),
    *["rules cue", "cue 'according to'", "cue a verb of saying", "quotation marks", "opens with a quotation mark"],
    *["first person outside quotes", "opens a line", "reporting verb", "position", "document has an author"],
    *(f"page kind {k}" for k in KINDS),
    "rules gave different names",
    *(f"source: {s}" for s in SOURCES),
    *["sources agreeing", "a name", "mentions", "sentences since last mention", "named in sentence"],
    *["subject before reporting verb", "last speaker", "the author", "one-word name", "lower-case group"],
)
_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?|«[^»]*»?")
_QUOTE_CHARS = re.compile(r"[“”\"«»]")
# a run of capitalised words (with "of", "the", "for", "and" inside): a person's or an organisation's name
_PROPER = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:of|the|for|and|de|al)?\s*[A-Z][\w'’.-]*)*")
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")


def group_of(page: Page) -> str:
    """The batch a page belongs to, from its file number (as /work/notes/bybatch.py groups them)."""
    n = int(page.file[:3])
    if page.half == "former test":
        return "former test"
    for low, name in ((219, "batch 7"), (186, "batch 6"), (150, "batch 5"), (114, "batch 4")):
        if n >= low:
            return name
    return "dev 1-2"


@dataclass
class Candidate:
    """One possible answer for a sentence: the names its claim units would get, and where it came from."""

    preds: tuple[str | None, ...]
    sources: set[str] = field(default_factory=set)


@dataclass
class Row:
    """A gold sentence with its candidates, their features and whether each is right."""

    group: str
    gold: GoldSentence
    candidates: list[Candidate]
    features: list[list[float]]
    labels: list[bool]


def _names_in(text: str) -> list[str]:
    """People and organisations a sentence names: the toolkit's full-name finder, then capitalised runs and
    acronyms its validation step accepts."""
    found: list[str] = []
    person = person_named(text)
    if person:
        found.append(person)
    for match in [*_PROPER.finditer(text), *_ACRONYM.finditer(text)]:
        name = match.group().strip(" .")
        if (len(name.split()) >= 2 or name.isupper()) and check_name(name) is None:
            found.append(name)
    return found


def _outside_quotes(text: str) -> str:
    return _QUOTED.sub(" ", text)


def _sentence_features(
    page: Page, gold: GoldSentence, index: int, chosen: list[Placed], has_author: bool
) -> list[float]:
    """Features of the sentence, the same for all its candidates (the trees cross them with the candidate's)."""
    text = page.raw[gold.start : gold.end]
    first = chosen[0].unit.speaker if chosen else None
    cue = (first.cue or "").lower() if first else ""
    line_start = page.raw.rfind("\n", 0, gold.start) + 1
    return [
        *(float(first is not None and first.attribution is a) for a in Attribution),  # the rules' attribution
        float(bool(cue)),  # the rules found a cue
        float(cue.startswith("according")),  # ... "according to"
        float(bool(_VERB.search(cue))),  # ... a verb of saying
        float(bool(_QUOTE_CHARS.search(text))),  # quotation marks in the sentence
        float(text.lstrip()[:1] in '“"«'),  # the sentence opens with a quotation mark
        float(bool(FIRST_PERSON.search(_outside_quotes(text)))),  # first person outside quotations
        float(not page.raw[line_start : gold.start].strip()),  # opens a line (a paragraph)
        float(bool(_VERB.search(_outside_quotes(text)))),  # a reporting verb outside quotations
        index / max(1, len(page.sentences)),  # position in the page
        float(has_author),  # the document has an author
        *(float(page.kind == k or (k == "other" and page.kind not in KINDS)) for k in KINDS),  # the page kind
        float(len({p.name for p in chosen}) > 1),  # the rules gave the sentence's units different names
    ]


def _candidate_features(
    cand: Candidate, text: str, before: list[str], doc_text: str, author: str | None, previous: str | None
) -> list[float]:
    """Features of one candidate: its sources, and for a name how the document mentions it."""
    name = cand.preds[0] if len(set(cand.preds)) == 1 else None
    named = name is not None
    last = name.split()[-1] if name else ""
    mentions = doc_text.count(last) if named else 0
    distance = next((k for k, s in enumerate(reversed(before)) if last and last in s), 20) if named else 20
    verb = _VERB.search(_outside_quotes(text))
    subject = named and verb is not None and 0 <= text.find(last) < verb.start()
    return [
        *(float(s in cand.sources) for s in SOURCES),  # where the candidate came from
        float(len(cand.sources)),  # how many sources agree on it
        float(named),  # a name, not "nobody but the outlet"
        float(min(mentions, 20)),  # mentions of its last word in the document
        float(min(distance, 20)),  # sentences back to its last mention (20: none)
        float(named and last in text),  # named in this sentence
        float(subject),  # named before the reporting verb of this sentence
        float(named and previous is not None and norm_name(name or "") == norm_name(previous)),  # the last speaker
        float(named and author is not None and norm_name(name or "") == norm_name(author)),  # the author
        float(named and len((name or "").split()) == 1),  # a one-word name
        float(named and (name or "")[:1].islower()),  # a lower-case group ("the opposition")
    ]


def _add(found: dict[object, Candidate], preds: tuple[str | None, ...], source: str) -> None:
    """Add a candidate, or its source to the same answer found before (names compared as the benchmark does)."""
    keys = {norm_name(p) if p else "" for p in preds}
    key: object = keys.pop() if len(keys) == 1 else preds
    found.setdefault(key, Candidate(preds)).sources.add(source)


def page_rows(page: Page) -> list[Row]:
    """The candidates of every gold sentence of a page, with features and labels."""
    rows: list[Row] = []
    group = group_of(page)
    documents = list(ingest_text(page.raw, page.file))
    placed_docs = [(d, place_units(page.raw, [d], Counter())) for d in documents]
    placed = [p for _, ps in placed_docs for p in ps]
    doc_of = {id(p): d for d, ps in placed_docs for p in ps}
    texts = [page.raw[g.start : g.end] for g in page.sentences]
    for i, gold in enumerate(page.sentences):
        inside = [p for p in placed if gold.start <= p.start < gold.end]
        claims = [p for p in inside if p.unit.kind is UnitKind.CLAIM]
        chosen = claims or inside[:1] or [p for p in placed if p.start <= gold.start][-1:]
        document = doc_of[id(chosen[0])] if chosen else documents[0]
        author = document.author if document.author and document.author != document.source else None
        doc_claims = [p for p in placed_docs[documents.index(document)][1] if p.unit.kind is UnitKind.CLAIM]
        before = [p for p in doc_claims if p.start < (chosen[0].start if chosen else gold.start)]
        previous = before[-1].name if before else None
        found: dict[object, Candidate] = {}
        add = partial(_add, found)
        add(tuple(p.name for p in chosen) or (None,), "rules")
        add((None,), "none")
        if author:
            add((author,), "author")
        add((previous,), "previous" if previous else "none")
        for p in doc_claims:
            if p.name:
                add((p.name,), "document")
        for name in _names_in(texts[i]):
            add((name,), "sentence")
        for name in _names_in(texts[i - 1]) if i else []:
            add((name,), "sentence before")
        candidates = list(found.values())
        sentence = _sentence_features(page, gold, i, chosen, author is not None)
        doc_text = document.text
        features = [
            sentence + _candidate_features(c, texts[i], texts[:i], doc_text, author, previous) for c in candidates
        ]
        names = gold.names()
        labels = [all(judge(p, names) for p in c.preds) for c in candidates]
        rows.append(Row(group, gold, candidates, features, labels))
    return rows


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}% ({a}/{b})" if b else "-"


# The "blind" model does not see which candidate the rules chose, nor how (attribution, cue): whether the other
# features carry over to unseen batches on their own, rather than a model that learns to trust the rules.
_RULES_OWN = ("rules", "cue", "source: rules", "sources agreeing")
_BLIND = [k for k, n in enumerate(FEATURES) if not n.startswith(_RULES_OWN)]
MODELS = ("rules", "model", "blind model")


def _fit(rows: list[Row], columns: list[int]) -> GradientBoostingClassifier:
    model = GradientBoostingClassifier(n_estimators=200, max_depth=3, learning_rate=0.1, random_state=0)
    model.fit([[f[k] for k in columns] for r in rows for f in r.features], [lab for r in rows for lab in r.labels])
    return model


def _pick(model: GradientBoostingClassifier, row: Row, columns: list[int]) -> Candidate:
    """The best-scored candidate; a tie goes to the rules' answer."""
    probs = model.predict_proba([[f[k] for k in columns] for f in row.features])[:, 1]
    best = max(range(len(row.candidates)), key=lambda k: (probs[k], "rules" in row.candidates[k].sources))
    return row.candidates[best]


def evaluate(rows: list[Row]) -> dict[str, dict[str, Score]]:
    """Leave-one-batch-out: per held-out group, the rules' and the models' scores."""
    full = list(range(len(FEATURES)))
    result: dict[str, dict[str, Score]] = {}
    for held in GROUPS:
        train = [r for r in rows if r.group != held]
        model, blind = _fit(train, full), _fit(train, _BLIND)
        scores = {name: Score() for name in MODELS}
        for r in (r for r in rows if r.group == held):
            score_sentence(scores["rules"], r.gold, list(r.candidates[0].preds))
            score_sentence(scores["model"], r.gold, list(_pick(model, r, full).preds))
            score_sentence(scores["blind model"], r.gold, list(_pick(blind, r, _BLIND).preds))
        result[held] = scores
    return result


_ADDED = ("sentences", "right", "named_predicted", "named_right", "author_own", "author_given_away")


def main() -> None:
    rows: list[Row] = []
    for page in load_pages(DATA):
        if page.half == "test":
            continue  # never computed on, never printed
        rows.extend(page_rows(page))
    result = evaluate(rows)
    pooled = {name: Score() for name in MODELS}
    heads = [f"{m} {what}" for what in ("accuracy", "named precision", "author's given away") for m in MODELS]
    print("| held-out group | sentences | " + " | ".join(heads) + " | oracle |")
    print("| --- | ---: |" + " ---: |" * (len(heads) + 1))
    oracle_all = 0
    for held in GROUPS:
        oracle = sum(any(r.labels) for r in rows if r.group == held)
        oracle_all += oracle
        for name in MODELS:
            for attr in _ADDED:
                setattr(pooled[name], attr, getattr(pooled[name], attr) + getattr(result[held][name], attr))
        _line(held, result[held], oracle)
    _line("pooled", pooled, oracle_all)
    full = list(range(len(FEATURES)))
    for label, columns in (("model", full), ("blind model", _BLIND)):
        ranked = sorted(zip(_fit(rows, columns).feature_importances_, [FEATURES[k] for k in columns], strict=True))
        top = "; ".join(f"{n} {v:.3f}" for v, n in reversed(ranked[-10:]))
        print(f"\nfeature importances, {label} trained on every group: {top}")
    candidates = sum(len(r.candidates) for r in rows)
    print(f"\n{len(rows)} sentences, {candidates} candidates ({candidates / len(rows):.1f} a sentence)")


def _line(label: str, s: dict[str, Score], oracle: int) -> None:
    cells = [_pct(s[m].right, s[m].sentences) for m in MODELS]
    cells += [_pct(s[m].named_right, s[m].named_predicted) for m in MODELS]
    cells += [_pct(s[m].author_given_away, s[m].author_own) for m in MODELS]
    print(f"| {label} | {s['rules'].sentences} | " + " | ".join(cells) + f" | {_pct(oracle, s['rules'].sentences)} |")


if __name__ == "__main__":
    main()
