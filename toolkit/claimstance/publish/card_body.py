"""The dataset card's markdown body, rendered from the published tables, the schema and :class:`CardInfo`.

Everything here is derived from the data being published, the features and the schema's label sets, so the
card cannot drift from the data; the YAML metadata above the body is :mod:`.card`'s.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from claimstance.publish.card import EMAIL, MARKER, CardInfo
from claimstance.publish.features import ANNOTATION_EXCLUDED, field_rows
from claimstance.publish.splits import SPLIT_NAMES
from claimstance.schema import (
    SCHEMA_VERSION,
    STANCE_TARGETS,
    UNATTRIBUTED,
    Attribution,
    GoldOrigin,
    LabelEnum,
    UnitKind,
    speaker_value,
)

if TYPE_CHECKING:
    import pyarrow as pa


def _md_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _num(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        return "—"
    return str(value) if isinstance(value, int) else f"{value:.3f}"


def _agreement_section(agreement: Mapping[str, Any] | None) -> str:
    if not agreement or not agreement.get("targets"):
        return "Agreement was not measured for this release (no agreement report was given to `publish`)."
    raw = agreement["targets"]
    items = [(t.get("target", "?"), t) for t in raw] if isinstance(raw, list) else list(raw.items())
    if isinstance(agreement.get("speaker"), Mapping):
        items.append(("speaker", agreement["speaker"]))
    rows, pairs, notes = [], [], []
    for name, t in items:
        ci = t.get("alpha_ci")
        ci_text = f"{_num(ci[0])} – {_num(ci[1])}" if isinstance(ci, list | tuple) and len(ci) == 2 else "—"
        units = _num(t.get("n_units"))
        if t.get("n_pairable_units") is not None:
            units += f" ({_num(t['n_pairable_units'])})"
        for p in t.get("pairs") or []:
            pairs.append(
                [name, p.get("annotator_a"), p.get("annotator_b"), _num(p.get("n_units")), _num(p.get("kappa"))]
            )
        row = [name, units, _num(t.get("n_annotators")), _num(t.get("alpha")), ci_text]
        rows.append([*row, _num(t.get("raw_agreement")), _num(t.get("mean_kappa"))])
        notes += [f"{name}: {n}" for n in t.get("notes") or []]
    header = ["target", "units (labelled twice)", "annotators", "Krippendorff's alpha", "95% CI", "raw agreement"]
    text = _md_table([*header, "mean pairwise Cohen's kappa"], rows)
    if pairs:
        text += "\n\nPairwise Cohen's kappa:\n\n" + _md_table(
            ["target", "annotator A", "annotator B", "shared units", "kappa"], pairs
        )
    if notes:
        text += "\n\n" + "\n".join(f"- {n}" for n in notes)
    extra = [f"{k}: {agreement[k]}" for k in ("n_boot", "seed") if k in agreement]
    if extra:
        text += f"\n\nAlpha is nominal, with a percentile bootstrap interval over units ({', '.join(extra)})."
    return text + _baseline(agreement.get("baseline_macro_f1"))


def _baseline(scores: Any) -> str:
    """The keyword baseline's macro-F1 per target against the gold labels (``predict --evaluate``)."""
    if not isinstance(scores, Mapping) or not scores:
        return ""
    rows = [[target, _num(s.get("macro_f1")), _num(s.get("n_units"))] for target, s in scores.items()]
    return (
        "\n\nThe keyword baseline (`claimstance predict`: a list of cue words, not a trained model; the same "
        "figures as `claimstance predict --evaluate`) against the gold labels:\n\n"
        + _md_table(["target", "macro-F1", "units"], rows)
    )


def _counts(column: pa.ChunkedArray) -> Counter[Any]:
    return Counter({row["values"]: row["counts"] for row in column.value_counts().to_pylist()})


def _bullets(enum: type[LabelEnum]) -> str:
    return "\n".join(f"- `{m.value}`: {m.description}" for m in enum)


def _distribution(parts: Mapping[str, pa.Table], column: str, names: list[str], first: str) -> str:
    per_split = {s: _counts(t[column]) for s, t in parts.items()}
    header = [first, *parts, "all"]
    rows = []
    for i, label in [*enumerate(names), (-1, "no gold label")]:
        counts = [per_split[s][i] for s in parts]
        if i >= 0 or any(counts):
            rows.append([label, *counts, sum(counts)])
    return _md_table(header, rows)


def _field_table(rows: Sequence[tuple[str, str, str]]) -> str:
    return _md_table(["field", "type", "description"], [[f"`{n}`", kind, text] for n, kind, text in rows])


def _label_sets() -> str:
    sets: dict[str, type[LabelEnum]] = {**STANCE_TARGETS, "kind": UnitKind}
    sets |= {"speaker_attribution": Attribution, "*_origin": GoldOrigin}
    blocks = []
    for name, enum in sets.items():
        rows = [[i, f"`{m.value}`", m.description] for i, m in enumerate(enum)]
        blocks.append(f"`{name}`:\n\n" + _md_table(["id", "label", "definition"], rows))
    return "\n\n".join(blocks)


def _example(parts: Mapping[str, pa.Table]) -> str:
    table = next(iter(parts.values()))
    claim = UnitKind.names().index("claim")
    row = table.slice(0, 1).to_pylist()[0]
    for candidate in table.slice(0, 200).to_pylist():
        if candidate["kind"] == claim and not EMAIL.search(json.dumps(candidate, default=str)):
            row = candidate
            break
    for key in ("text", "context"):
        if len(row[key]) > 300:
            row[key] = row[key][:300] + "…"
    return "```json\n" + json.dumps(row, ensure_ascii=False, indent=2) + "\n```"


def _sources(units: pa.Table) -> str:
    stats = units.group_by("source").aggregate([("doc_id", "count_distinct"), ("unit_id", "count")])
    rows = sorted(
        ([r["source"] or "(not stated)", r["doc_id_count_distinct"], r["unit_id_count"]] for r in stats.to_pylist()),
        key=lambda r: (-r[2], r[0]),
    )
    dates = sorted(d for d in units["published"].unique().to_pylist() if d)
    span = f"Documents are dated from {dates[0][:10]} to {dates[-1][:10]}" if dates else "No document states its date"
    return _md_table(["source", "documents", "units"], rows) + f"\n\n{span}."


def speaker_accuracy(units: pa.Table) -> tuple[int, int]:
    """(right, checked): units whose toolkit speaker (``speaker_name``, or unattributed) is their ``speaker_gold``.

    Only units annotators checked count: a near-duplicate's propagated speaker repeats its annotated unit's.
    """
    copied = GoldOrigin.names().index(GoldOrigin.PROPAGATED.value)
    right = checked = 0
    rows = zip(units["speaker_name"].to_pylist(), units["speaker_gold"].to_pylist(),
               units["speaker_gold_origin"].to_pylist(), strict=True)  # fmt: skip
    for name, gold, origin in rows:
        if gold is not None and origin != copied:
            checked += 1
            right += speaker_value(name) == gold
    return right, checked


def _speaker_section(units: pa.Table) -> str:
    right, checked = speaker_accuracy(units)
    if not checked:
        return "No unit has a speaker gold label yet (`speaker_gold` is null everywhere)."
    return (
        f"Against the speaker annotators confirmed or corrected (`speaker_gold`, decided like the stances, with "
        f"`speaker_gold_origin`), the toolkit's speaker is right on {right} of {checked} units "
        f"({100 * right / checked:.1f}%); a unit without a speaker name counts as `{UNATTRIBUTED}`."
    )


def _citation(info: CardInfo) -> str:
    if info.citation:
        return info.citation.strip()
    key = re.sub(r"[^a-z0-9]+", "_", info.pretty_name.lower()).strip("_")[:40] or "dataset"
    url = f"\n  howpublished = {{\\url{{https://huggingface.co/datasets/{info.repo_id}}}}}," if info.repo_id else ""
    return (
        f"@misc{{{key},\n  title = {{{info.pretty_name}}},\n  author = {{{info.authors}}},{url}\n"
        f"  note = {{Built with claimstance, schema {SCHEMA_VERSION}, guidelines {info.guidelines_version}}}\n}}"
    )


def render_body(
    tables: Mapping[str, Mapping[str, pa.Table]],
    *,
    splits: Mapping[str, list[str]],
    seed: int,
    ratios: Sequence[float],
    notes: Sequence[str],
    agreement: Mapping[str, Any] | None,
    info: CardInfo,
    frame: str | None = None,
) -> str:
    """The card's markdown body (everything after the YAML block), from the tables being published."""
    import pyarrow as pa
    import pyarrow.compute as pc

    units_parts = tables["units"]
    units = pa.concat_tables(list(units_parts.values()))
    ann_parts = tables.get("annotations", {})
    anns = pa.concat_tables(list(ann_parts.values())) if ann_parts else None
    claim = UnitKind.names().index("claim")
    n_claims = int(pc.sum(pc.equal(units["kind"], claim)).as_py() or 0)
    per_unit = _counts(pc.list_value_length(units["annotators"]))
    per_claim = _counts(pc.list_value_length(units.filter(pc.equal(units["kind"], claim))["annotators"]))
    n_annotators = len(anns["annotator"].unique()) if anns is not None else 0
    repo = info.repo_id or "<owner>/<name>"
    sizes = [[c, *(tables[c][s].num_rows if s in tables[c] else 0 for s in SPLIT_NAMES)] for c in tables]
    sizes.append(["documents", *(len(splits.get(s, [])) for s in SPLIT_NAMES)])
    guidelines = f"[guidelines]({info.guidelines_url})" if info.guidelines_url else "guidelines"
    stance_names = ", ".join(f"`{t}`" for t in STANCE_TARGETS)
    label_tables = []
    for target, enum in STANCE_TARGETS.items():
        label_tables.append(f"**{target}**\n\n" + _distribution(units_parts, target, enum.names(), "label"))
        label_tables.append(_distribution(units_parts, f"{target}_origin", GoldOrigin.names(), "decided by"))
    propagated = len(units) - units["propagated_from"].null_count
    copies = (
        f"\n\n{propagated} rows are near-duplicates of an annotated unit and carry its gold labels, "
        "with origin `propagated` and the annotated unit in `propagated_from`; they have no annotations of "
        "their own."
        if propagated or frame
        else ""
    )
    cancelled = int(pc.sum(anns["cancelled"]).as_py() or 0) if anns is not None else 0
    counted = int(pc.sum(anns["counted"]).as_py() or 0) if anns is not None else 0
    ratio_text = ", ".join(f"{n} {w:g}" for n, w in zip(SPLIT_NAMES, ratios, strict=False))
    license_link = f" ({info.license_link})" if info.license_link else ""
    left_out = "; ".join(f"`{k}` ({v})" for k, v in ANNOTATION_EXCLUDED.items())
    limitations = [
        f"Size: {len(units)} units ({n_claims} claims) from {sum(len(d) for d in splits.values())} documents; "
        "figures on small splits vary a lot between seeds.",
        "Units and speakers are found by rules, which make mistakes: a sentence boundary or an attribution can be "
        "wrong. Annotators' checked speaker is `speaker_gold` (see Unit and speaker rules for the toolkit's "
        "accuracy against it); their choices are in `speaker_choice` and `speaker_correction` of `annotations`.",
        "The texts come from the few outlets listed under Source Data and are not a sample of political speech "
        "in general; stances are those of the attributed speakers, not of the outlets or the annotators.",
        "Gold labels are `-1` where annotators disagreed and no adjudication was recorded, or where nobody "
        "labelled the unit; `*_origin` says which.",
        "Non-claim units (headings, greetings, datelines) are included; filter on `kind` for claims only.",
        "The licence covers the annotations; the source texts remain under their publishers' terms.",
        *info.limitations,
    ]
    if propagated:
        limitations.append(
            "A near-duplicate with propagated labels may be in another split than the unit it repeats (splits "
            "are by document): drop rows with `propagated_from` for an evaluation without repeated texts."
        )
    ann_intro = (
        f"{n_annotators} annotators, {len(anns)} annotations ({cancelled} skipped, {counted} counted)"
        if anns is not None
        else "no annotations yet"
    )
    body = f"""
{MARKER}

# Dataset Card for {info.pretty_name}

## Dataset Description

### Dataset Summary

{info.summary}

Two configs: `units` (default), one row per claim-sized unit (sentence or clause) with its document, speaker,
gold labels and every annotator's labels; `annotations`, one row per annotation. Stance targets: {stance_names}.
Built with claimstance, schema version {SCHEMA_VERSION}, guidelines version {info.guidelines_version}.

```python
from datasets import load_dataset

units = load_dataset("{repo}", "units")
annotations = load_dataset("{repo}", "annotations")
kind = units["train"].features["kind"]
claims = units["train"].filter(lambda row: row["kind"] == kind.str2int("claim"))
```

### Supported Tasks and Leaderboards

Stance classification of a claim towards each target given its speaker (`text-classification`, multi-class),
claim detection (`kind`), and the study of annotator disagreement through the per-annotator labels. There is
no leaderboard.

### Languages

{", ".join(info.language)}: the texts as their outlets published them.

## Dataset Structure

### Data Instances

A `units` row as `load_dataset` returns it (`ClassLabel` values are integers; `features[name].int2str(value)`
gives the label):

{_example(units_parts)}

### Data Fields

`units`:

{_field_table(field_rows("units"))}

`annotations` (one row per annotation; deleted annotations are left out):

{_field_table(field_rows("annotations"))}

Not published from the annotation records: {left_out}.

Labels, in `ClassLabel` order (`-1` means no label):

{_label_sets()}

### Data Splits

{_md_table(["config", *SPLIT_NAMES], sizes)}

Split policy: documents, never units, are assigned to splits, so all units of a document and all their
annotations are in the same split. Ratios: {ratio_text}, of units; seed {seed}. A split is written only
when it would get at least half a document at its ratio. Documents are taken in an order fixed by a hash
of the seed and the document id; validation, then test, take each document that brings them closer to
their share of units (at least one each), and train takes the rest. The same inputs and seed give the
same splits.{"".join(f"{chr(10)}- {n}" for n in notes)}

Gold label distribution per split, and how the gold labels were decided:

{(chr(10) * 2).join(label_tables)}

{frame.strip() + chr(10) + chr(10) if frame else ""}## Dataset Creation

### Curation Rationale

To study how political actors position themselves on contested territory and on the fairness of
elections, claim by claim, with the speaker of each claim made explicit.

### Source Data

#### Initial Data Collection and Normalization

{info.source_description}

{_sources(units)}

#### Unit and speaker rules

Documents are cut into sentences, and a sentence joining independent claims into clauses (never inside a
quotation); `text` is exactly `document text[char_start:char_end]`, and `context` holds the neighbouring
sentences annotators saw. Every unit is published, with its `kind`:

{_bullets(UnitKind)}

Each unit has a speaker: the document's author for first-person speech, X for "X said", "according to X"
and quotes attributed to X, the same speaker for sentences continuing a statement, and short names resolved
to the full name given earlier. `speaker_attribution` says how:

{_bullets(Attribution)}

{_speaker_section(units)}

#### Who are the source language producers?

The politicians, officials and journalists quoted or reporting in the documents.

### Annotations

#### Annotation process

Annotated in Label Studio following the {guidelines} (version {info.guidelines_version}).
{info.annotation_process} For every unit annotators choose a stance for each target and answer whether it
is a claim. Skipped annotations are published with `cancelled` but do not count; when an annotator
annotated a unit twice only the latest counts (`counted`). Each gold label records how it was decided
(`*_origin`):

{_bullets(GoldOrigin)}{copies}

#### Who are the annotators?

{info.annotators} This release: {ann_intro}.

Annotators per unit:

{_md_table(["annotators", "units", "claims"], [[k, per_unit[k], per_claim[k]] for k in sorted(per_unit)])}

#### Agreement

{_agreement_section(agreement)}

### Personal and Sensitive Information

Annotators appear only as pseudonyms (`annotator-` and a keyed hash); no names, e-mail addresses or
annotators' comments are published, and e-mail addresses are removed from speaker corrections. The texts
are public statements and news; the people named in them are public figures acting in public roles.

## Considerations for Using the Data

### Discussion of Biases and Limitations

{chr(10).join(f"- {item}" for item in limitations)}

## Additional Information

### Versions

Schema {SCHEMA_VERSION} (semantic: removing, renaming or reordering a label is a major version, so
`ClassLabel` ids keep their meaning within a major version); guidelines {info.guidelines_version}.

### Licensing Information

The annotations are released under {info.license_name or info.license}{license_link}; the source texts
remain under their publishers' terms.

### Citation Information

```bibtex
{_citation(info)}
```
"""
    return body
