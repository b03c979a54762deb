"""Publish: the folder loads with ``datasets.load_dataset``, typed from the schema, split by document, carded.

Every load uses a fresh cache folder (``HF_DATASETS_CACHE`` and ``cache_dir``) and ``HF_HUB_OFFLINE=1``;
the Hub is never reached (``push_to_hub`` is tested up to the network call).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

import pyarrow.parquet as pq
import pytest
import yaml
from claimstance import config, publish
from claimstance.adjudicate import gold_labels
from claimstance.agree import agreement
from claimstance.errors import InputError, PublishError
from claimstance.publish.card import read_card_info
from claimstance.schema import (
    STANCE_TARGETS,
    Annotation,
    Attribution,
    ClaimUnit,
    DatasetRecord,
    Document,
    GoldLabel,
    GoldOrigin,
    Speaker,
    StanceElectionFairness,
    StanceTerritorialIntegrity,
    UnitKind,
    current_annotations,
    label_of,
    speaker_value,
)
from hypothesis import given, settings
from hypothesis import strategies as st

ANNOTATORS = ("annotator-0a1b2c3d4e", "annotator-5f6a7b8c9d", "annotator-e0f1a2b3c4")
FAKE_TOKEN = "hf_FakeTokenForTests0123456789abcdef"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
T0 = datetime(2024, 9, 2, 10, 0, tzinfo=UTC)


@dataclass
class Corpus:
    documents: list[Document]
    units: list[ClaimUnit]
    annotations: list[Annotation]

    @property
    def gold(self) -> list[GoldLabel]:
        return gold_labels(self.annotations)

    def inputs(self, **overrides: Any) -> dict[str, Any]:
        data: dict[str, Any] = {
            "units": self.units,
            "documents": self.documents,
            "annotations": self.annotations,
            "gold": self.gold,
            "agreement": agreement(self.annotations, n_boot=50).to_dict(),
        }
        data.update(overrides)
        return data


def make_corpus(n_docs: int = 12, *, variant: int = 0) -> Corpus:
    """Small news items: a heading, then claims; three annotators per unit, with the cases publish handles."""
    ti, ef = list(StanceTerritorialIntegrity), list(StanceElectionFairness)
    documents: list[Document] = []
    units: list[ClaimUnit] = []
    annotations: list[Annotation] = []
    for d in range(n_docs):
        sentences = [
            f"Vote report number {d + variant}",
            f"Minister Rahimova said the vote in district {d} was free and fair.",
            "The border of Azerbaijan must be respected by all neighbours.",
            f"Observers counted {d + 3 + variant} complaints about the count.",
        ]
        text = "\n".join(sentences)
        doc = Document(
            id=f"seed{d % 3}-d{d}",
            seed_file=f"seed{d % 3}.txt",
            source=("president.az", "news.example", None)[d % 3],
            title=sentences[0],
            byline=("Jane Doe", None, "Karl Olsen")[d % 3],
            published=(T0 + timedelta(days=d)).date(),
            text=text,
            raw_start=0,
            raw_end=len(text),
        )
        documents.append(doc)
        for i, sentence in enumerate(sentences):
            start = text.index(sentence)
            kind = UnitKind.HEADING if i == 0 else UnitKind.CLAIM
            speaker = Speaker(name="Rahimova", role="Minister", attribution=Attribution.REPORTED, cue="said")
            units.append(
                ClaimUnit(
                    id=f"{doc.id}-u{i}",
                    doc_id=doc.id,
                    index=i,
                    text=sentence,
                    char_start=start,
                    char_end=start + len(sentence),
                    context=text,
                    speaker=speaker if i == 1 else Speaker(attribution=Attribution.AUTHOR),
                    kind=kind,
                )
            )
    for n, unit in enumerate(units):
        for k, who in enumerate(ANNOTATORS):
            pick = (n + (k if n % 4 == 3 else 0) + variant) % 4  # every 4th unit: annotators disagree
            annotations.append(
                Annotation(
                    id=f"ls-1-{n * 10 + k}",
                    unit_id=unit.id,
                    annotator=who,
                    project="team-project",
                    ls_project_id=1,
                    ls_task_id=n,
                    ls_annotation_id=n * 10 + k,
                    stance_territorial_integrity=None if (n, k) == (2, 2) else ti[pick],
                    stance_election_fairness=ef[(pick + 1) % 4],
                    is_claim=unit.kind is UnitKind.CLAIM,
                    lead_time=12.5 + k,
                    created_at=T0 + timedelta(minutes=n * 3 + k),
                    cancelled=(n, k) == (5, 1),
                    deleted=(n, k) == (6, 0),
                    comment="ask me at jane.doe@example.org" if k == 0 else None,
                    speaker_correction=f"Rahimova (mail jane.doe@example.org, {FAKE_TOKEN})" if n == 1 else None,
                )
            )
    # Annotator 2 relabels unit 0 later: only that later annotation counts.
    first = annotations[2]
    annotations.append(
        first.model_copy(
            update={
                "id": "ls-1-9999",
                "ls_annotation_id": 9999,
                "stance_territorial_integrity": StanceTerritorialIntegrity.OPPOSE,
                "created_at": T0 + timedelta(days=30),
            }
        )
    )
    return Corpus(documents, units, annotations)


@pytest.fixture
def hf_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh datasets cache, offline, with a token in the environment that must never be written out.

    ``datasets`` and ``huggingface_hub`` read these variables once, at import: they are imported first and
    their settings patched too, so that the next test (of the session) sees neither the cache nor offline mode.
    """
    import datasets
    import huggingface_hub.constants

    cache = tmp_path / "hf-cache"
    monkeypatch.setenv("HF_DATASETS_CACHE", str(cache))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_TOKEN", FAKE_TOKEN)
    monkeypatch.setattr(datasets.config, "HF_DATASETS_CACHE", cache)
    monkeypatch.setattr(datasets.config, "HF_HUB_OFFLINE", True)
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    return cache


def load(folder: Path, name: str | None, cache: Path) -> Any:
    import datasets

    return datasets.load_dataset(str(folder), name, cache_dir=str(cache))


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return make_corpus()


@pytest.fixture
def published(tmp_path: Path, hf_env: Path, corpus: Corpus) -> tuple[Path, publish.PublishReport]:
    out = tmp_path / "dataset"
    report = publish.build_dataset(out, **corpus.inputs(), seed=7, card_info=publish.CardInfo(repo_id="team/claims"))
    return out, report


def _card(out: Path) -> tuple[dict[str, Any], str]:
    text = (out / "README.md").read_text(encoding="utf-8")
    _, meta, body = text.split("---\n", 2)
    return yaml.safe_load(meta), body


# ---- loading and features ---------------------------------------------------------------------------------


def test_load_dataset_reads_both_configs_typed_from_the_schema(
    published: tuple[Path, publish.PublishReport], hf_env: Path, corpus: Corpus
) -> None:
    from datasets import ClassLabel, List, Value

    out, report = published
    units = load(out, "units", hf_env)
    annotations = load(out, "annotations", hf_env)

    assert sum(len(units[s]) for s in units) == len(corpus.units)
    live = [a for a in corpus.annotations if not a.deleted]
    assert sum(len(annotations[s]) for s in annotations) == len(live)
    assert {s: len(units[s]) for s in units} == report.rows["units"]

    feats = units["train"].features
    assert list(feats) == list(DatasetRecord.model_fields)
    for target, enum in STANCE_TARGETS.items():
        assert feats[target] == ClassLabel(names=enum.names())
        assert feats[f"{target}_annotations"] == List(ClassLabel(names=enum.names()))
        assert annotations["train"].features[target] == ClassLabel(names=enum.names())
    assert feats["kind"].names == ["claim", "heading", "greeting", "dateline"]
    assert feats["char_start"] == Value("int64") and feats["char_end"] == Value("int64")
    assert "comment" not in annotations["train"].features


def test_rows_carry_gold_labels_and_each_annotators_latest_labels(
    published: tuple[Path, publish.PublishReport], hf_env: Path, corpus: Corpus
) -> None:
    out, _ = published
    units = load(out, "units", hf_env)
    rows = {r["unit_id"]: r for s in units for r in units[s]}
    feats = units["train"].features
    gold: dict[tuple[str, str], GoldLabel] = {(g.unit_id, g.target): g for g in corpus.gold}
    current = current_annotations(corpus.annotations)
    docs = {d.id: d for d in corpus.documents}
    for unit in corpus.units:
        row = rows[unit.id]
        assert row["text"] == docs[unit.doc_id].text[row["char_start"] : row["char_end"]]
        assert feats["kind"].int2str(row["kind"]) == unit.kind.value
        mine = [a for a in current if a.unit_id == unit.id]
        assert row["annotators"] == [a.annotator for a in mine]
        for target in STANCE_TARGETS:
            g = gold[(unit.id, target)]
            expected = -1 if g.label is None else feats[target].str2int(g.label)
            assert row[target] == expected
            assert feats[f"{target}_origin"].int2str(row[f"{target}_origin"]) == g.origin.value
            labels = [label_of(a, target) for a in mine]
            assert row[f"{target}_annotations"] == [-1 if x is None else feats[target].str2int(x) for x in labels]
    # The relabelled unit shows the later label of annotator 2, not the first one.
    first_unit = corpus.units[0].id
    assert rows[first_unit]["stance_territorial_integrity_annotations"][2] == feats[
        "stance_territorial_integrity"
    ].str2int("oppose")


def test_rows_carry_their_documents_title_source_date_and_byline(
    published: tuple[Path, publish.PublishReport], hf_env: Path, corpus: Corpus
) -> None:
    out, _ = published
    units = load(out, "units", hf_env)
    rows = {r["unit_id"]: r for s in units for r in units[s]}
    docs = {d.id: d for d in corpus.documents}
    assert list(units["train"].features)[2:6] == ["doc_title", "source", "published", "byline"]
    for unit in corpus.units:
        row, doc = rows[unit.id], docs[unit.doc_id]
        assert (row["doc_title"], row["source"], row["byline"]) == (doc.title, doc.source, doc.byline)
        assert row["published"] == (doc.published.isoformat() if doc.published else None)
    assert {r["byline"] for r in rows.values()} == {"Jane Doe", None, "Karl Olsen"}


def test_annotations_config_marks_what_counts_and_drops_deleted(
    published: tuple[Path, publish.PublishReport], hf_env: Path, corpus: Corpus
) -> None:
    out, _ = published
    annotations = load(out, "annotations", hf_env)
    rows = {r["id"]: r for s in annotations for r in annotations[s]}
    deleted = [a.id for a in corpus.annotations if a.deleted]
    assert deleted and not set(deleted) & set(rows)
    counted = {a.id for a in current_annotations(corpus.annotations)}
    assert {i for i, r in rows.items() if r["counted"]} == counted
    skipped = next(a for a in corpus.annotations if a.cancelled)
    assert rows[skipped.id]["cancelled"] is True and rows[skipped.id]["counted"] is False
    assert rows["ls-1-2"]["counted"] is False and rows["ls-1-9999"]["counted"] is True
    assert all(r["annotator"] in ANNOTATORS for r in rows.values())


def test_default_config_is_units(published: tuple[Path, publish.PublishReport], hf_env: Path) -> None:
    out, _ = published
    assert "speaker_attribution" in load(out, None, hf_env)["train"].features


def test_features_are_derived_from_the_schema_models() -> None:
    from datasets import ClassLabel

    units = publish.features("units")
    assert list(units) == list(DatasetRecord.model_fields)
    assert units["speaker_attribution"] == ClassLabel(names=Attribution.names())
    annotations = publish.features("annotations")
    expected = [f for f in Annotation.model_fields if f not in publish.ANNOTATION_EXCLUDED]
    assert sorted(f for f in annotations if f not in ("doc_id", "counted")) == sorted(expected)
    assert list(annotations)[:4] == ["id", "unit_id", "doc_id", "annotator"]
    with pytest.raises(PublishError, match="unknown config"):
        publish.features("sentences")


# ---- splits -----------------------------------------------------------------------------------------------


def test_no_document_is_split_across_splits(published: tuple[Path, publish.PublishReport], hf_env: Path) -> None:
    out, report = published
    assert set(report.splits) == {"train", "validation", "test"}
    for name in ("units", "annotations"):
        ds = load(out, name, hf_env)
        docs = {s: set(ds[s]["doc_id"]) for s in ds}
        for s, ids in docs.items():
            assert ids == set(report.splits[s]) or (name == "annotations" and ids <= set(report.splits[s]))
            for other in docs:
                assert other == s or not ids & docs[other]


def test_splits_are_deterministic_for_a_seed_and_ignore_input_order() -> None:
    ids = [f"doc-{i}" for i in range(50)]
    first = publish.split_documents(ids, seed=3)
    assert publish.split_documents(list(reversed(ids)), seed=3) == first
    assert publish.split_documents(ids, seed=4) != first
    assert [len(first[s]) for s in ("train", "validation", "test")] == [40, 5, 5]


@settings(max_examples=80, deadline=None)
@given(
    sizes=st.dictionaries(st.text(min_size=1, max_size=6), st.integers(1, 60), max_size=40),
    seed=st.integers(0, 2**31),
    ratios=st.sampled_from([(0.8, 0.1, 0.1), (0.7, 0.3), (1.0,), (0.34, 0.33, 0.33), (0.5, 0.0, 0.5)]),
)
def test_splits_partition_the_documents(sizes: dict[str, int], seed: int, ratios: tuple[float, ...]) -> None:
    splits = publish.split_documents(sizes, seed, ratios, sizes=sizes)
    placed = [d for docs in splits.values() for d in docs]
    assert sorted(placed) == sorted(sizes)
    assert all(splits.values())
    assert not sizes or "train" in splits
    # A split that would get under half a document at its ratio is not written; with enough documents, all are.
    for name, ratio in zip(("validation", "test"), ratios[1:], strict=False):
        if len(sizes) * ratio < 0.5:
            assert name not in splits
        elif len(sizes) >= 10:
            assert name in splits


def test_too_few_documents_write_fewer_splits_and_say_so(tmp_path: Path, hf_env: Path) -> None:
    small = make_corpus(3)
    out = tmp_path / "small"
    report = publish.build_dataset(out, **small.inputs())
    assert list(report.splits) == ["train"]
    assert any("only 3 document(s)" in note and "validation" in note and "test" in note for note in report.notes)
    assert list(load(out, "units", hf_env)) == ["train"]
    _, body = _card(out)
    assert "only 3 document(s)" in body


def test_bad_ratios_are_refused() -> None:
    with pytest.raises(PublishError, match="sum to 1"):
        publish.split_documents(["a"], 0, (0.5, 0.2))
    with pytest.raises(PublishError, match=">= 0"):
        publish.split_documents(["a"], 0, (1.2, -0.2))


# ---- the card ---------------------------------------------------------------------------------------------


def _hub_values(name: str) -> Any:
    from importlib.resources import files

    return json.loads((files("datasets.utils.resources") / name).read_text(encoding="utf-8"))


def test_card_metadata_is_complete_and_valid_for_the_hub(
    published: tuple[Path, publish.PublishReport], corpus: Corpus
) -> None:
    out, report = published
    meta, _ = _card(out)
    required = [
        "license", "language", "task_categories", "task_ids", "size_categories", "pretty_name",
        "annotations_creators", "source_datasets", "configs", "dataset_info",
    ]  # fmt: skip
    assert all(meta.get(key) for key in required), [k for k in required if not meta.get(k)]
    assert meta["size_categories"] == ["n<1K"] and meta["size_categories"][0] in _hub_values("size_categories.json")
    assert set(meta["annotations_creators"]) <= set(_hub_values("creators.json")["annotations"])
    assert set(meta["language"]) <= set(_hub_values("languages.json"))
    assert meta["task_categories"] == ["text-classification"] and meta["task_ids"] == ["multi-class-classification"]
    configs = {c["config_name"]: c for c in meta["configs"]}
    assert configs["units"]["default"] is True
    for c in configs.values():
        assert all((out / f["path"]).is_file() for f in c["data_files"])
    infos = {i["config_name"]: i for i in meta["dataset_info"]}
    assert {s["name"]: s["num_examples"] for s in infos["units"]["splits"]} == report.rows["units"]
    kind = next(f for f in infos["units"]["features"] if f["name"] == "kind")
    assert kind["dtype"]["class_label"]["names"] == {str(i): n for i, n in enumerate(UnitKind.names())}


def test_card_body_reports_what_a_researcher_needs(
    published: tuple[Path, publish.PublishReport], corpus: Corpus
) -> None:
    out, _ = published
    text = (out / "README.md").read_text(encoding="utf-8")
    _, body = _card(out)
    assert "[More Information Needed]" not in text
    for heading in (
        "Source Data", "Unit and speaker rules", "Annotation process", "Who are the annotators?",
        "Annotators per unit", "Agreement", "Data Splits", "Limitations", "Citation Information",
    ):  # fmt: skip
        assert heading in body, heading
    report = agreement(corpus.annotations, n_boot=50)
    alpha = report.target("stance_territorial_integrity").alpha
    assert alpha is not None and f"{alpha:.3f}" in body
    assert "| president.az |" in body and "schema 1." in body.lower().replace("version ", "")
    assert "| 3 | " in body  # three annotators on most units
    assert "Split policy" in body and "seed 7" in body
    for enum in STANCE_TARGETS.values():
        for member in enum:
            assert member.description in body
    # Label distribution per split: a table with a column per split and the gold labels as rows.
    assert re.search(r"\| label \| train \| validation \| test \| all \|", body)
    assert 'load_dataset("team/claims", "units")' in body


def test_agreement_pairs_are_rendered(tmp_path: Path, corpus: Corpus) -> None:
    report = agreement(corpus.annotations, n_boot=50)
    out = tmp_path / "d"
    publish.build_dataset(out, **corpus.inputs(agreement=report.to_dict()))
    _, body = _card(out)
    target = report.target("stance_territorial_integrity")
    assert target.mean_kappa is not None and target.pairs
    assert f"| {target.mean_kappa:.3f} |" in body
    for pair in target.pairs:
        assert pair.kappa is not None
        assert f"| stance_territorial_integrity | {pair.annotator_a} | {pair.annotator_b} | {pair.n_units} | " in body


def test_agreement_by_target_name_is_rendered(tmp_path: Path, corpus: Corpus) -> None:
    shape = {
        "targets": {
            "stance_territorial_integrity": {
                "alpha": 0.61234,
                "alpha_ci": [0.5, 0.7],
                "raw_agreement": 0.8,
                "n_units": 40,
                "n_annotators": 3,
                "mean_kappa": 0.55,
            }
        }
    }
    out = tmp_path / "d"
    publish.build_dataset(out, **corpus.inputs(agreement=shape))
    _, body = _card(out)
    assert "| stance_territorial_integrity | 40 | 3 | 0.612 | 0.500 – 0.700 | 0.800 | 0.550 |" in body


def test_no_email_token_or_local_path_in_any_output_file(
    published: tuple[Path, publish.PublishReport], tmp_path: Path
) -> None:
    out, _ = published
    files = [p for p in out.rglob("*") if p.is_file()]
    assert any(p.suffix == ".parquet" for p in files)
    for path in files:
        if path.suffix == ".parquet":  # compressed bytes hold any byte; check every value and the metadata
            table = pq.read_table(path)
            metadata = {k.decode(): v.decode(errors="replace") for k, v in (table.schema.metadata or {}).items()}
            text = json.dumps([metadata, table.to_pylist()], default=str, ensure_ascii=False)
        else:
            text = path.read_text(encoding="utf-8")
        if path.name == "README.md":  # BibTeX entries start with '@'; nothing else may hold one
            text = re.sub(r"```bibtex\n.*?```", "", text, flags=re.S)
        assert "@" not in text, path.name
        assert FAKE_TOKEN not in text and config.redact(text) == text, path.name
        assert str(tmp_path) not in text and str(Path.home()) not in text, path.name


def test_a_card_field_with_an_email_is_refused_before_writing(tmp_path: Path, corpus: Corpus) -> None:
    out = tmp_path / "d"
    info = publish.CardInfo(annotators="Two students (contact: jane.doe@example.org).")
    with pytest.raises(PublishError, match="e-mail address"):
        publish.build_dataset(out, **corpus.inputs(), card_info=info)
    assert not out.exists()


def test_card_facts_come_from_card_yaml_when_there_is_one(tmp_path: Path) -> None:
    path = tmp_path / "card.yaml"
    assert read_card_info(path) == publish.CardInfo()
    path.write_text("pretty_name: Claims\nlanguage: [en, de]\n", encoding="utf-8")
    info = read_card_info(path)
    assert info.pretty_name == "Claims" and info.language == ("en", "de") and info.license == "cc-by-4.0"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("pretty_name: Claims\nlicense: [cc-by-4.0\nlanguage: en\n", "card.yaml:3: not valid YAML"),
        ("- a list\n", "expected a mapping of CardInfo fields"),
        ("licence: cc-by-4.0\n", "unknown card field 'licence' (known: annotation_process,"),
    ],
)
def test_a_bad_card_yaml_is_one_line_naming_the_file(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "card.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_card_info(path)
    assert words in info.value.one_line() and "\n" not in info.value.one_line()


# ---- republishing -----------------------------------------------------------------------------------------


def test_republished_data_is_never_loaded_stale_from_the_same_cache(tmp_path: Path, hf_env: Path) -> None:
    out = tmp_path / "dataset"
    publish.build_dataset(out, **make_corpus().inputs())
    before = load(out, "units", hf_env)
    assert "Vote report number 0" in [t for s in before for t in before[s]["text"]]

    first_files = {p.name for p in (out / "units").glob("*.parquet")}
    report = publish.build_dataset(out, **make_corpus(variant=100).inputs())
    after = load(out, "units", hf_env)  # same cache folder as before
    texts = [t for s in after for t in after[s]["text"]]
    assert any(t == "Vote report number 100" for t in texts)
    assert not any(t == "Vote report number 0" for t in texts)
    assert {f"units/{name}" for name in first_files} <= set(report.removed)
    assert not first_files & {p.name for p in (out / "units").glob("*.parquet")}


def test_same_inputs_give_byte_identical_files(tmp_path: Path, corpus: Corpus) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    inputs = corpus.inputs()
    publish.build_dataset(a, **inputs)
    publish.build_dataset(b, **inputs)
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)
    again = publish.build_dataset(a, **inputs)
    assert again.removed == []


def test_a_folder_with_other_files_is_left_alone(tmp_path: Path, corpus: Corpus) -> None:
    out = tmp_path / "notes"
    out.mkdir()
    (out / "thesis.tex").write_text("mine")
    with pytest.raises(PublishError, match="not written by claimstance publish") as info:
        publish.build_dataset(out, **corpus.inputs())
    assert "\n" not in str(info.value)
    assert [p.name for p in out.iterdir()] == ["thesis.tex"]


# ---- bad input --------------------------------------------------------------------------------------------


def _bad_inputs(corpus: Corpus) -> Iterator[tuple[str, dict[str, Any]]]:
    orphan = corpus.units[0].model_copy(update={"id": "x-u0", "doc_id": "nowhere"})
    yield "not among the documents", {"units": [*corpus.units, orphan]}
    yield "given twice", {"units": [*corpus.units, corpus.units[0]]}
    stray = corpus.annotations[0].model_copy(update={"id": "ls-1-77777", "unit_id": "gone-u9"})
    yield "annotation for unit 'gone-u9'", {"annotations": [*corpus.annotations, stray]}
    email = corpus.annotations[0].model_copy(update={"annotator": "jane.doe@example.org"})
    yield "by e-mail, not by a pseudonym", {"annotations": [*corpus.annotations, email]}
    yield "no units to publish", {"units": []}
    yield "and the units lack 'gone-u9'", {"propagate": {"gone-u9": corpus.units[0].id}}


def test_bad_input_is_one_line_and_writes_nothing(tmp_path: Path, corpus: Corpus) -> None:
    for n, (message, override) in enumerate(_bad_inputs(corpus)):
        out = tmp_path / f"d{n}"
        with pytest.raises(PublishError) as info:
            publish.build_dataset(out, **corpus.inputs(**override))
        assert message in str(info.value) and "\n" not in str(info.value)
        assert "jane.doe" not in str(info.value)
        assert not out.exists()


def test_without_annotations_the_units_still_publish(tmp_path: Path, hf_env: Path, corpus: Corpus) -> None:
    out = tmp_path / "d"
    report = publish.build_dataset(out, **corpus.inputs(annotations=[], gold=[], agreement=None))
    assert "annotations" not in report.rows
    assert any("no annotations" in n for n in report.notes)
    units = load(out, "units", hf_env)
    assert set(units["train"]["stance_election_fairness"]) == {-1}
    assert "Agreement was not measured" in _card(out)[1]


def test_near_duplicates_carry_their_representatives_gold_labels_marked_propagated(
    tmp_path: Path, hf_env: Path, corpus: Corpus
) -> None:
    # d1's units are not annotated: u1 repeats d0-u1 (decided), u3 repeats d0-u3 (annotators disagreed);
    # d2-u1 repeats d0-u1 but was annotated itself, so its own labels stand.
    copies = {"seed1-d1-u1": "seed0-d0-u1", "seed1-d1-u3": "seed0-d0-u3", "seed2-d2-u1": "seed0-d0-u1"}
    annotations = [a for a in corpus.annotations if not a.unit_id.startswith("seed1-d1-")]
    out = tmp_path / "d"
    inputs = corpus.inputs(annotations=annotations, gold=gold_labels(annotations))
    publish.build_dataset(out, **inputs, propagate=copies)
    units = load(out, "units", hf_env)
    rows = {row["unit_id"]: row for split in units.values() for row in split}
    origin = units["train"].features["stance_election_fairness_origin"]
    original, copy = rows["seed0-d0-u1"], rows["seed1-d1-u1"]
    assert copy["propagated_from"] == "seed0-d0-u1" and copy["annotators"] == []
    assert copy["stance_election_fairness"] == original["stance_election_fairness"] != -1
    assert origin.int2str(copy["stance_election_fairness_origin"]) == "propagated"
    assert origin.int2str(original["stance_election_fairness_origin"]) == "unanimous"
    assert copy["speaker_gold"] == original["speaker_gold"] is not None  # dedup groups one speaker's words only
    assert origin.int2str(copy["speaker_gold_origin"]) == "propagated"
    disputed = rows["seed1-d1-u3"]
    assert disputed["propagated_from"] == "seed0-d0-u3" and disputed["stance_election_fairness"] == -1
    assert origin.int2str(disputed["stance_election_fairness_origin"]) == "unresolved"
    own = rows["seed2-d2-u1"]
    assert own["propagated_from"] is None and len(own["annotators"]) == 3
    assert sum(row["propagated_from"] is not None for row in rows.values()) == 2
    assert "2 rows are near-duplicates of an annotated unit" in _card(out)[1]


# ---- the Hub ----------------------------------------------------------------------------------------------


class _RecordingApi:
    calls: ClassVar[list[tuple[str, dict[str, Any]]]] = []

    def __init__(self, endpoint: str | None = None, token: str | None = None) -> None:
        self.calls.append(("init", {"endpoint": endpoint, "token": token}))

    def create_repo(self, repo_id: str, **kwargs: Any) -> None:
        self.calls.append(("create_repo", {"repo_id": repo_id, **kwargs}))

    def upload_folder(self, **kwargs: Any) -> Any:
        self.calls.append(("upload_folder", kwargs))
        return replace_commit_url("https://hub.test/datasets/team/claims/commit/abc")


def replace_commit_url(url: str) -> Any:
    @dataclass
    class Commit:
        commit_url: str

    return Commit(url)


def test_push_to_hub_uploads_the_folder_with_the_token_from_the_environment(
    published: tuple[Path, publish.PublishReport], monkeypatch: pytest.MonkeyPatch
) -> None:
    import huggingface_hub

    out, _ = published
    _RecordingApi.calls = []
    monkeypatch.setattr(huggingface_hub, "HfApi", _RecordingApi)
    monkeypatch.delenv("HF_HUB_OFFLINE")
    monkeypatch.setenv("HF_TOKEN", "hf_SetAtCallTime0000000000000000")
    url = publish.push_to_hub(out, "team/claims")
    assert url.endswith("/commit/abc")
    calls = dict(_RecordingApi.calls)
    assert calls["init"]["token"] == "hf_SetAtCallTime0000000000000000"
    assert calls["create_repo"] == {"repo_id": "team/claims", "repo_type": "dataset", "exist_ok": True, "private": None}
    upload = calls["upload_folder"]
    assert upload["repo_type"] == "dataset" and Path(upload["folder_path"]) == out
    assert "README.md" in upload["allow_patterns"] and "units/*.parquet" in upload["delete_patterns"]


def test_push_to_hub_unreachable_is_one_line_without_the_token(
    published: tuple[Path, publish.PublishReport], monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    import huggingface_hub.constants

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{port}")
    out, _ = published
    with pytest.raises(PublishError, match=r"offline mode is on.*unset HF_HUB_OFFLINE"):  # set by the fixture
        publish.push_to_hub(out, "team/claims")

    # Read when called: unset now, the push goes out although the Hub client saw offline mode at import.
    monkeypatch.delenv("HF_HUB_OFFLINE")
    with pytest.raises(PublishError) as info:
        publish.push_to_hub(out, "team/claims")
    message = str(info.value)
    assert "cannot reach the Hub" in message and f"127.0.0.1:{port}" in message and "ConnectError" in message
    assert "\n" not in message and FAKE_TOKEN not in message
    assert huggingface_hub.constants.HF_HUB_OFFLINE is True  # the client's own setting is left as it was


def test_push_to_hub_needs_a_token_and_a_published_folder(
    published: tuple[Path, publish.PublishReport], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, _ = published
    monkeypatch.delenv("HF_HUB_OFFLINE")
    monkeypatch.delenv("HF_TOKEN")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "no-login"))  # no token saved by 'hf auth login' either
    monkeypatch.setattr("huggingface_hub.get_token", lambda: None)
    with pytest.raises(PublishError, match="no Hugging Face token"):
        publish.push_to_hub(out, "team/claims")
    with pytest.raises(PublishError, match="not a published dataset folder"):
        publish.push_to_hub(tmp_path / "elsewhere", "team/claims", token="hf_x" + "0" * 20)


def test_push_to_hub_refused_token_is_one_line_with_a_hint(
    published: tuple[Path, publish.PublishReport], monkeypatch: pytest.MonkeyPatch
) -> None:
    import huggingface_hub
    from huggingface_hub.errors import HfHubHTTPError

    refused = HfHubHTTPError.__new__(HfHubHTTPError)  # as the Hub client raises it on a 401 reply
    refused.response = type("Reply", (), {"status_code": 401})()

    class RefusingApi(_RecordingApi):
        def create_repo(self, repo_id: str, **kwargs: Any) -> None:
            raise refused

    monkeypatch.setattr(huggingface_hub, "HfApi", RefusingApi)
    monkeypatch.delenv("HF_HUB_OFFLINE")
    out, _ = published
    with pytest.raises(PublishError) as info:
        publish.push_to_hub(out, "team/claims")
    assert (
        str(info.value)
        == "the Hub refused the upload to team/claims (HTTP 401) (check that the token has write access)"
    )


def test_splits_share_units_by_the_ratios_when_documents_differ_in_length() -> None:
    sizes = {"statement": 50, **{f"news-{i}": 3 for i in range(5)}}  # the seeds: one long statement, five items
    for seed in range(20):
        splits = publish.split_documents(sizes, seed, sizes=sizes)
        units = {name: sum(sizes[d] for d in docs) for name, docs in splits.items()}
        assert set(splits) == {"train", "validation", "test"}
        assert "statement" in splits["train"] and units["train"] >= 50
        assert units["validation"] <= 9 and units["test"] <= 9


# ---- speaker gold -----------------------------------------------------------------------------------------


def test_speaker_gold_is_published_beside_the_toolkits_speaker_with_its_accuracy_in_the_card(
    tmp_path: Path, hf_env: Path
) -> None:
    """Annotators name 'Leyla Rahimova' where the toolkit says 'Rahimova' (unit 1 of each document, one lets
    it stand on the first), and let every other speaker stand: the toolkit is right on 9 of 12 units."""
    from datasets import ClassLabel, Value

    base = make_corpus(3)
    units = {u.id: u for u in base.units}
    annotations = []
    for a in base.annotations:
        unit = units[a.unit_id]
        update: dict[str, Any] = {"speaker_shown": speaker_value(unit.speaker.name), "speaker_correction": None}
        if unit.index == 1 and not (a.unit_id == base.units[1].id and a.annotator == ANNOTATORS[2]):
            update |= {"speaker_choice": "other", "speaker_correction": "Leyla Rahimova"}
        annotations.append(a.model_copy(update=update))
    corpus = Corpus(base.documents, base.units, annotations)
    out = tmp_path / "dataset"
    publish.build_dataset(out, **corpus.inputs(), seed=7)

    loaded = load(out, "units", hf_env)
    feats = loaded["train"].features
    assert feats["speaker_gold"] == Value("string")
    assert feats["speaker_gold_origin"] == ClassLabel(names=GoldOrigin.names())
    names = list(feats)
    assert names.index("speaker_gold") == names.index("speaker_cue") + 1  # beside the toolkit's speaker
    rows = {r["unit_id"]: r for s in loaded for r in loaded[s]}
    origin = feats["speaker_gold_origin"]
    first = rows[base.units[1].id]
    assert (first["speaker_name"], first["speaker_gold"], origin.int2str(first["speaker_gold_origin"])) == (
        "Rahimova",
        "Leyla Rahimova",
        "majority",
    )
    heading = rows[base.units[0].id]
    assert (heading["speaker_name"], heading["speaker_gold"]) == (None, "unattributed")
    assert origin.int2str(heading["speaker_gold_origin"]) == "unanimous"
    per_annotation = load(out, "annotations", hf_env)
    chosen = {r["id"]: r["speaker_choice"] for s in per_annotation for r in per_annotation[s]}
    assert chosen["ls-1-10"] == "other" and chosen["ls-1-0"] is None
    _, body = _card(out)
    assert "the toolkit's speaker is right on 9 of 12 units (75.0%)" in body
    assert "\n| speaker | 12 (12) | 3 |" in body  # agreement on the speaker, in its own row

    # Pulled before schema 1.2.0, only typed corrections give speaker gold: e-mails and tokens removed.
    older = tmp_path / "older"
    publish.build_dataset(older, **base.inputs(), seed=7)
    assert "the toolkit's speaker is right on 0 of 1 units (0.0%)" in _card(older)[1]
    old = load(older, "units", hf_env)
    typed = {r["unit_id"]: r["speaker_gold"] for split in old for r in old[split]}
    assert typed[base.units[1].id] == "Rahimova (mail [e-mail removed], ***)"
    untyped = [a.model_copy(update={"speaker_correction": None}) for a in base.annotations]
    publish.build_dataset(tmp_path / "none", **Corpus(base.documents, base.units, untyped).inputs(), seed=7)
    assert "No unit has a speaker gold label yet" in _card(tmp_path / "none")[1]


def test_a_near_duplicate_of_a_unit_whose_speaker_is_unresolved_carries_it_unresolved(corpus: Corpus) -> None:
    # Like a stance label, a speaker gold nobody decided is not made "propagated" (a label that is not there).
    from claimstance.publish.tables import build_tables

    rep, copy = "seed0-d0-u1", "seed1-d1-u1"
    annotations = [a for a in corpus.annotations if not a.unit_id.startswith("seed1-d1-")]
    undecided = GoldLabel(
        unit_id=rep, target="speaker", label=None, origin=GoldOrigin.UNRESOLVED, votes={"A": 1, "B": 1}
    )
    gold = [g for g in gold_labels(annotations) if g.target != "speaker"] + [undecided]
    units = build_tables(corpus.units, corpus.documents, annotations, gold, {copy: rep})["units"]
    rows = {row["unit_id"]: row for row in units.to_pylist()}
    unresolved = GoldOrigin.names().index("unresolved")
    assert (rows[copy]["speaker_gold"], rows[copy]["speaker_gold_origin"]) == (None, unresolved)
    assert rows[copy]["propagated_from"] == rep


def test_a_near_duplicate_of_a_unit_nobody_annotated_yet_carries_nothing_and_is_not_counted(
    tmp_path: Path, corpus: Corpus
) -> None:
    # A batch unit not yet annotated has no gold labels: its near-duplicate has none to carry either, so it
    # is an ordinary unlabelled row, not one the card counts among the rows that "carry its gold labels".
    annotations = [a for a in corpus.annotations if not a.unit_id.startswith(("seed0-d0-", "seed1-d1-"))]
    out = tmp_path / "d"
    inputs = corpus.inputs(annotations=annotations, gold=gold_labels(annotations))
    report = publish.build_dataset(out, **inputs, propagate={"seed1-d1-u1": "seed0-d0-u1"})
    assert report.propagated == 0
    units = pq.read_table(next((out / "units").glob("*.parquet"))).to_pylist()
    assert all(row["propagated_from"] is None for row in units)
    assert "rows are near-duplicates of an annotated unit" not in _card(out)[1]


def test_the_speaker_accuracy_counts_the_units_annotators_checked_not_their_near_duplicates(
    tmp_path: Path, corpus: Corpus
) -> None:
    copies = {"seed1-d1-u1": "seed0-d0-u1", "seed1-d1-u2": "seed0-d0-u2"}
    annotations = [a for a in corpus.annotations if not a.unit_id.startswith("seed1-d1-")]
    inputs = corpus.inputs(annotations=annotations, gold=gold_labels(annotations))
    publish.build_dataset(tmp_path / "alone", **inputs)
    publish.build_dataset(tmp_path / "copies", **inputs, propagate=copies)
    figure = re.compile(r"the toolkit's speaker is right on \d+ of \d+ units")
    assert figure.findall(_card(tmp_path / "copies")[1]) == figure.findall(_card(tmp_path / "alone")[1]) != []
