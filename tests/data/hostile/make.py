"""Write the hostile-input corpus and its manifest (run from the repository root: python tests/data/hostile/make.py).

Every file here is a bad (or awkward) input for one stage; ``manifest.json`` says which command it is given to,
the exit code expected and the words the one-line message must hold. ``tests/test_hostile.py`` walks the
manifest through the CLI. The 50 MB one-line seed is made by the test itself, in a temporary folder.

Placeholders in ``args``: ``{data}`` this folder, ``{out}`` the case's scratch folder (filled by the test with
previous outputs that must stay unchanged), ``{seeds}`` the repository's seeds, ``{url}`` an address where no
Label Studio runs (so a push that reaches the network fails with exit 4, not the input error we expect).
"""

from __future__ import annotations

import codecs
import copy
import json
import random
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SEED_UNIT = "000_4ba2a8cfc94be69f-d01-286763e57f"  # a unit the repository's seeds produce ('Dear ladies ...')

SPEAKER = {"name": "Ilham Aliyev", "role": None, "attribution": "author", "cue": None}
DOC_TEXT = "The border is safe. The vote was fair."
DOCUMENT = {"id": "h-d00", "seed_file": "h.txt", "text": DOC_TEXT, "raw_start": 0, "raw_end": len(DOC_TEXT)}


def unit(index: int, text: str, start: int, **extra: Any) -> dict[str, Any]:
    return {
        "id": f"h-d00-u{index}",
        "doc_id": "h-d00",
        "index": index,
        "text": text,
        "char_start": start,
        "char_end": start + len(text),
        "context": DOC_TEXT,
        "speaker": SPEAKER,
        "kind": "claim",
        **extra,
    }


UNITS = [unit(0, "The border is safe.", 0), unit(1, "The vote was fair.", 20)]
ANNOTATION = {
    "id": "ls-7-201",
    "unit_id": SEED_UNIT,
    "annotator": "annotator-0a1b2c3d4e",
    "project": "claimstance-seeds",
    "ls_project_id": 7,
    "ls_task_id": 101,
    "ls_annotation_id": 201,
    "stance_territorial_integrity": "support",
}
RESULT = [
    {
        "from_name": "stance_territorial_integrity",
        "to_name": "text",
        "type": "choices",
        "value": {"choices": ["support"]},
    },
    {"from_name": "is_claim", "to_name": "text", "type": "choices", "value": {"choices": ["yes"]}},
]
TASK = {
    "id": 101,
    "project": 7,
    "data": {"unit_id": SEED_UNIT, "text": "Dear ladies and gentlemen."},
    "annotations": [
        {
            "id": 201,
            "completed_by": {"id": 2, "email": "annotator.one@example.org"},
            "result": RESULT,
            "was_cancelled": False,
            "lead_time": 12.5,
            "created_at": "2024-09-04T09:15:02Z",
            "updated_at": "2024-09-04T09:15:02Z",
        }
    ],
    "predictions": [],
}


def jsonl(*records: object) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


def export(*tasks: object) -> bytes:
    return json.dumps(list(tasks), ensure_ascii=False, indent=1).encode()


def task_with(**changes: Any) -> dict[str, Any]:
    task = copy.deepcopy(TASK)
    for path, value in changes.items():
        target: Any = task
        keys = path.split("__")
        for key in keys[:-1]:
            target = target[int(key)] if key.isdigit() else target[key]
        last = keys[-1]
        target[int(last) if last.isdigit() else last] = value
    return task


CASES: list[dict[str, Any]] = []
FILES: dict[str, bytes] = {}


def case(file: str, content: bytes | None, args: list[str], exit: int, words: list[str], **extra: Any) -> None:
    """One corpus file and how the CLI must treat it."""
    if content is not None:
        FILES[file] = content
    CASES.append({"file": file, "args": args, "exit": exit, "words": words, **extra})


def ingest(file: str, content: bytes, exit: int, words: list[str], why: str) -> None:
    case(file, content, ["ingest", "{data}/" + file, "-o", "{out}/documents.jsonl"], exit, words, why=why)


def segment(file: str, content: bytes, words: list[str], why: str) -> None:
    case(file, content, ["segment", "{data}/" + file, "-o", "{out}/units.jsonl"], 2, words, why=why)


def pull(file: str, content: bytes, words: list[str], why: str, exit: int = 2) -> None:
    args = ["pull", "--from-export", "{data}/" + file, "--dir", "{out}/annotations"]
    case(file, content, args, exit, words, why=why)


SEEDS_SEGMENTED = [
    ["ingest", "{seeds}", "-o", "{out}/seeds/documents.jsonl"],
    ["segment", "{out}/seeds/documents.jsonl", "-o", "{out}/seeds/units.jsonl"],
]
"""Run before a publish case: the units and documents of the repository's seeds, as a user would have them."""
PUBLISH = [
    "publish", "--units", "{out}/seeds/units.jsonl", "--documents", "{out}/seeds/documents.jsonl",
    "--dir", "{out}/annotations", "--out", "{out}/dataset",
]  # fmt: skip


def build() -> None:
    rng = random.Random(6)
    # ---- seeds: ingest ---------------------------------------------------------------------------------
    text = "President Aliyev said the border is safe.\nThe vote was fair.\n"
    ingest(
        "seed_latin1.txt",
        "Le président a dit: «la frontière est sûre».\n".encode("latin-1"),
        2,
        ["seed_latin1.txt:1", "not valid utf-8", "utf-8"],
        "Latin-1, not UTF-8",
    )
    ingest(
        "seed_bad_byte_line3.txt",
        b"First line.\nSecond line.\nThird \xff line.\n",
        2,
        ["seed_bad_byte_line3.txt:3", "not valid utf-8"],
        "one bad byte on line 3",
    )
    ingest(
        "seed_utf16le_bom.txt",
        codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        2,
        ["seed_utf16le_bom.txt", "utf-16", "iconv"],
        "UTF-16 (little endian) with a BOM",
    )
    ingest(
        "seed_utf16be_bom.txt",
        codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        2,
        ["seed_utf16be_bom.txt", "utf-16", "iconv"],
        "UTF-16 (big endian) with a BOM",
    )
    ingest("seed_nul_bytes.txt", b"The border\x00 is safe.\n", 2, ["seed_nul_bytes.txt", "nul"], "a NUL byte")
    ingest("seed_binary.txt", b"\x89PNG\r\n\x1a\n" + rng.randbytes(2048), 2, ["seed_binary.txt", "binary"], "a PNG")
    ingest("seed_empty.txt", b"", 2, ["seed_empty.txt", "empty"], "0 bytes")
    ingest("seed_whitespace.txt", b"  \n\n\t \r\n", 2, ["seed_whitespace.txt", "empty"], "only whitespace")
    noise = b"-----\n- 2 September 2024, 16:05\npresident.az\n\nShare\nPhoto sessions\n* * *\n"
    ingest("seed_only_noise.txt", noise, 2, ["seed_only_noise.txt", "only scraping noise"], "only scraping noise")
    FILES["seeds_without_txt/README.md"] = b"This folder holds no seed text.\n"
    case(
        "seeds_without_txt",
        None,
        ["ingest", "{data}/seeds_without_txt", "-o", "{out}/documents.jsonl"],
        2,
        ["seeds_without_txt", "no .txt files"],
        why="a folder without .txt files",
    )
    html = (
        '<div class="article"><h1>Aliyev: borders are <b>sacred</b></h1>\n\n'
        "<p>President Aliyev said: \"<script>alert('x')</script> The borders of Azerbaijan are sacred.\"</p>\n"
        '<p>Observers said the vote was free &amp; fair &lt;mostly&gt;. <a href="javascript:void(0)">Read</a></p>\n'
        "<style>p { color: red; }</style><!-- a comment --> <img src=x onerror=alert(1)>\n"
    )
    ingest("seed_html_and_scripts.txt", html.encode(), 0, ["wrote"], "HTML and scripts are text: kept verbatim")
    rtl = (
        "قال الرئيس إن حدود أذربيجان مقدسة. وأضاف أن الانتخابات كانت حرة ونزيهة.\n\n"
        "ראש הממשלה אמר שהגבול בטוח. The minister said the vote was fair.\n\n"
        "Cafe\u0301 owners in Ba\u0301ku\u0308 said the re\u0301sume\u0301 was na\u0131\u0308ve. "
        "Z\u0336a\u0337l\u0338g\u0335o text is still text. \u202eThis is reversed\u202c, she said.\n"
    )
    ingest("seed_rtl_combining.txt", rtl.encode(), 0, ["wrote"], "right-to-left and combining characters")
    words = ["Armenia", "and", "Azerbaijan", "discussed", "the", "border", "again", "today,", "said", "officials"]
    long_sentences = ""
    for _ in range(3):
        sentence = "The delegation"
        while len(sentence) < 9_980:
            sentence += " " + rng.choice(words)
        long_sentences += sentence.rstrip(",") + ". "
    ingest(
        "seed_10000_char_sentences.txt",
        (long_sentences.strip() + "\n").encode(),
        0,
        ["wrote"],
        "three sentences of about 10,000 characters",
    )
    ingest(
        "seed_crlf.txt",
        b"The border is safe.\r\nIt was said twice.\r\n\r\nThe vote was fair.\r\n",
        0,
        ["wrote"],
        "Windows line ends: offsets count both characters",
    )

    # ---- documents JSONL: segment ----------------------------------------------------------------------
    FILES["documents_ok.jsonl"] = jsonl(DOCUMENT)
    segment(
        "documents_schema_v2.jsonl",
        jsonl({**DOCUMENT, "schema_version": "2.0.0"}),
        ["documents_schema_v2.jsonl:1", "schema_version 2.0.0"],
        "written by a future major schema",
    )
    segment(
        "documents_duplicate_ids.jsonl",
        jsonl(DOCUMENT, DOCUMENT),
        ["documents_duplicate_ids.jsonl:2", "duplicate id 'h-d00'", "first on line 1"],
        "one id twice",
    )
    cut = json.dumps(DOCUMENT)[:40]
    segment(
        "documents_truncated.jsonl",
        jsonl(DOCUMENT | {"id": "h-d01"}) + cut.encode(),
        ["documents_truncated.jsonl:2", "malformed json", "cut short"],
        "the last record cut off",
    )
    segment(
        "documents_deeply_nested.jsonl",
        ("[" * 20_000 + "]" * 20_000 + "\n").encode(),
        ["documents_deeply_nested.jsonl:1", "nested"],
        "20,000 nested lists",
    )
    segment(
        "documents_nested_objects.jsonl",
        ('{"a": ' * 100 + "1" + "}" * 100 + "\n").encode(),
        ["documents_nested_objects.jsonl:1", "nested deeper than 64"],
        "100 nested objects",
    )
    segment(
        "documents_not_objects.jsonl",
        b"[1, 2, 3]\n",
        ["documents_not_objects.jsonl:1", "expected a json object"],
        "a list, not a record",
    )
    segment(
        "documents_wrong_schema.jsonl",
        jsonl({"id": "x", "body": "text"}),
        ["documents_wrong_schema.jsonl:1", "not a valid document"],
        "another record type",
    )
    segment(
        "documents_nan.jsonl",
        (json.dumps(DOCUMENT)[:-1] + ', "title": NaN}\n').encode(),
        ["documents_nan.jsonl:1", "nan is not a json value"],
        "NaN, which JSON does not have",
    )
    segment(
        "documents_utf16.jsonl",
        codecs.BOM_UTF16_LE + json.dumps(DOCUMENT).encode("utf-16-le"),
        ["documents_utf16.jsonl", "utf-16"],
        "JSON Lines saved as UTF-16",
    )
    segment(
        "documents_lone_surrogate.jsonl",
        (json.dumps(DOCUMENT).replace("safe", "safe\\ud800") + "\n").encode(),
        ["documents_lone_surrogate.jsonl:1", "text"],
        "a lone surrogate escape",
    )
    segment(
        "documents_span_backwards.jsonl",
        jsonl({**DOCUMENT, "raw_start": 50, "raw_end": 10}),
        ["documents_span_backwards.jsonl:1", "raw_end is before raw_start"],
        "an impossible span",
    )
    segment("documents_empty.jsonl", b"\n\n", ["documents_empty.jsonl", "no documents"], "blank lines only")

    # ---- units, predictions, guidelines: predict and push (refused before the server is asked) ---------
    FILES["units_ok.jsonl"] = jsonl(*UNITS)
    push = ["push", "--url", "{url}", "--project", "hostile", "--guidelines", "{data}/guidelines.md"]
    FILES["guidelines.md"] = b"# Guidelines\n\nLabel the speaker's stance.\n"
    case(
        "units_duplicate_ids.jsonl",
        jsonl(UNITS[0], UNITS[1], UNITS[0]),
        [*push, "{data}/units_duplicate_ids.jsonl"],
        2,
        ["units_duplicate_ids.jsonl:3", "duplicate id 'h-d00-u0'"],
        why="the same unit twice",
    )
    case(
        "units_schema_v2.jsonl",
        jsonl({**UNITS[0], "schema_version": "2.1.0"}),
        [*push, "{data}/units_schema_v2.jsonl"],
        2,
        ["units_schema_v2.jsonl:1", "schema_version 2.1.0"],
        why="a future major schema",
    )
    case(
        "units_offsets_inconsistent.jsonl",
        jsonl({**UNITS[0], "char_end": 5}),
        ["predict", "{data}/units_offsets_inconsistent.jsonl", "-o", "{out}/predictions.jsonl"],
        2,
        ["units_offsets_inconsistent.jsonl:1", "char_end - char_start"],
        why="offsets disagree with the text",
    )
    case(
        "units_offsets_off_document.jsonl",
        jsonl(UNITS[0], unit(1, "The vote was fair.", 17)),
        [*push, "--documents", "{data}/documents_ok.jsonl", "{data}/units_offsets_off_document.jsonl"],
        2,
        ["units_offsets_off_document.jsonl", "h-d00-u1", "not the unit's text", "segment the documents again"],
        why="offsets that do not match the document",
    )
    case(
        "units_unknown_document.jsonl",
        jsonl({**UNITS[0], "doc_id": "gone-d07", "id": "gone-d07-u0"}),
        [*push, "--documents", "{data}/documents_ok.jsonl", "{data}/units_unknown_document.jsonl"],
        2,
        ["units_unknown_document.jsonl", "gone-d07"],
        why="a unit of a document that is not there",
    )
    case(
        "units_unknown_kind.jsonl",
        jsonl({**UNITS[0], "kind": "rumour"}),
        ["predict", "{data}/units_unknown_kind.jsonl", "-o", "{out}/predictions.jsonl"],
        2,
        ["units_unknown_kind.jsonl:1", "kind"],
        why="a unit kind outside the label set",
    )
    case(
        "units_unknown_attribution.jsonl",
        jsonl({**UNITS[0], "speaker": {**SPEAKER, "attribution": "hearsay"}}),
        ["predict", "{data}/units_unknown_attribution.jsonl", "-o", "{out}/predictions.jsonl"],
        2,
        ["units_unknown_attribution.jsonl:1", "speaker.attribution"],
        why="an attribution outside the label set",
    )
    case(
        "predictions_unknown_label.jsonl",
        jsonl({"unit_id": "h-d00-u0", "model_version": "kw", "stance_territorial_integrity": "maybe"}),
        [*push, "--predictions", "{data}/predictions_unknown_label.jsonl", "{data}/units_ok.jsonl"],
        2,
        ["predictions_unknown_label.jsonl:1", "stance_territorial_integrity"],
        why="a label outside the set",
    )
    case(
        "predictions_unknown_unit.jsonl",
        jsonl({"unit_id": "h-d00-u9", "model_version": "kw"}),
        [*push, "--predictions", "{data}/predictions_unknown_unit.jsonl", "{data}/units_ok.jsonl"],
        2,
        ["predictions_unknown_unit.jsonl", "unknown unit 'h-d00-u9'"],
        why="a prediction for a unit not pushed",
    )
    case(
        "guidelines_binary.md",
        b"\x00\x01\x02\x03" * 64,
        ["push", "--url", "{url}", "--guidelines", "{data}/guidelines_binary.md", "{data}/units_ok.jsonl"],
        2,
        ["guidelines_binary.md", "nul"],
        why="binary guidelines",
    )

    # ---- Label Studio exports: pull --from-export --------------------------------------------------------
    FILES["export_ok.json"] = export(TASK)
    pull(
        "export_truncated.json",
        export(TASK)[:300],
        ["export_truncated.json", "malformed json", "cut short"],
        "a download cut off",
    )
    pull(
        "export_deeply_nested.json",
        ("[" * 20_000 + "]" * 20_000).encode(),
        ["export_deeply_nested.json", "nested"],
        "20,000 nested lists",
    )
    pull(
        "export_not_a_list.json",
        b'{"tasks": []}',
        ["export_not_a_list.json", "expected a json list"],
        "an object, not a list of tasks",
    )
    pull("export_empty.json", b"", ["export_empty.json", "empty"], "0 bytes")
    pull("export_binary.json", b"\x1f\x8b\x08\x00" + rng.randbytes(512), ["export_binary.json"], "a gzip file")
    pull(
        "export_other_config.json",
        export(
            task_with(
                annotations__0__result=[
                    {"from_name": "sentiment", "to_name": "text", "type": "choices", "value": {"choices": ["Positive"]}}
                ]
            )
        ),
        ["export_other_config.json task 101", "unknown control 'sentiment'", "another labeling config"],
        "an export of a project with another labeling config",
    )
    renamed = copy.deepcopy(RESULT)
    renamed[0]["from_name"] = "territorial_integrity"
    pull(
        "export_ui_renamed_control.json",
        export(task_with(annotations__0__result=renamed)),
        ["export_ui_renamed_control.json task 101", "unknown control 'territorial_integrity'"],
        "the labeling config edited in the UI: a control renamed",
    )
    relabelled = copy.deepcopy(RESULT)
    relabelled[0]["value"] = {"choices": ["sovereignty"]}
    pull(
        "export_ui_renamed_label.json",
        export(task_with(annotations__0__result=relabelled)),
        ["export_ui_renamed_label.json task 101", "unknown value 'sovereignty'", "labeling config"],
        "the labeling config edited in the UI: a label renamed",
    )
    added = copy.deepcopy(RESULT)
    added[1]["value"] = {"choices": ["unsure"]}
    pull(
        "export_ui_added_choice.json",
        export(task_with(annotations__0__result=added)),
        ["export_ui_added_choice.json task 101", "unknown value 'unsure' for is_claim"],
        "the labeling config edited in the UI: a choice added and used",
    )
    two = copy.deepcopy(RESULT)
    two[0]["value"] = {"choices": ["support", "oppose"]}
    pull(
        "export_two_choices.json",
        export(task_with(annotations__0__result=two)),
        ["export_two_choices.json task 101", "2 choices", "single-choice"],
        "two labels in a single-choice control",
    )
    pull(
        "export_task_without_unit_id.json",
        export(task_with(data={"text": "Dear ladies and gentlemen."})),
        ["export_task_without_unit_id.json task 101", "no unit_id"],
        "a task not made by claimstance",
    )
    pull(
        "export_annotation_id_text.json",
        export(task_with(annotations__0__id="abc")),
        ["export_annotation_id_text.json task 101", "annotation id is 'abc'"],
        "an id that is not a number",
    )
    pull(
        "export_nan.json",
        export(TASK).replace(b'"lead_time": 12.5', b'"lead_time": NaN'),
        ["export_nan.json", "nan is not a json value"],
        "NaN, which JSON does not have",
    )
    second = task_with(id=102, project=8, annotations__0__id=202)
    pull(
        "export_two_projects.json",
        export(TASK, second),
        ["export_two_projects.json task 102", "project 8, not 7"],
        "tasks of two projects in one export",
    )
    again = task_with(id=102, data={"unit_id": "h-d00-u1", "text": "The vote was fair."})
    pull(
        "export_duplicate_annotation.json",
        export(TASK, again),
        ["export_duplicate_annotation.json task 102", "annotation 201 appears twice"],
        "one annotation twice",
    )
    pull(
        "export_bad_date.json",
        export(task_with(annotations__0__created_at="yesterday")),
        ["export_bad_date.json task 101", "created_at"],
        "a date that is no date",
    )
    pull(
        "export_predictions_as_ids.json",
        export(task_with(predictions=[11, 12])),
        ["annotations"],
        "predictions as ids (an export option): accepted, they are not annotations",
        exit=0,
    )

    # ---- annotations: agree, adjudicate, publish -----------------------------------------------------------
    FILES["annotations_ok.jsonl"] = jsonl(ANNOTATION)
    case(
        "annotations_unknown_label.jsonl",
        jsonl({**ANNOTATION, "stance_territorial_integrity": "rigged"}),
        ["agree", "{data}/annotations_unknown_label.jsonl"],
        2,
        ["annotations_unknown_label.jsonl:1", "stance_territorial_integrity"],
        why="a label outside the set",
    )
    case(
        "annotations_duplicate_ids.jsonl",
        jsonl(ANNOTATION, ANNOTATION),
        ["agree", "{data}/annotations_duplicate_ids.jsonl"],
        2,
        ["annotations_duplicate_ids.jsonl:2", "duplicate id 'ls-7-201'"],
        why="one annotation twice",
    )
    case(
        "annotations_schema_v9.jsonl",
        jsonl({**ANNOTATION, "schema_version": "9.0.0"}),
        ["agree", "{data}/annotations_schema_v9.jsonl"],
        2,
        ["annotations_schema_v9.jsonl:1", "schema_version 9.0.0"],
        why="a future major schema",
    )
    ghost = jsonl({**ANNOTATION, "unit_id": "000_4ba2a8cfc94be69f-d01-0000000000"})
    case(
        "annotations_unit_gone.jsonl",
        ghost,
        ["adjudicate", "{data}/units_ok.jsonl", "--no-push", "--dir", "{out}/annotations"],
        2,
        ["claimstance-seeds.jsonl", "000_4ba2a8cfc94be69f-d01-0000000000", "units_ok.jsonl does not hold"],
        setup={"annotations/claimstance-seeds.jsonl": "annotations_unit_gone.jsonl"},
        why="adjudicating annotations of units that no longer exist",
    )
    case(
        "annotations_unit_gone.jsonl",
        None,
        PUBLISH,
        2,
        ["claimstance-seeds.jsonl", "seeds/units.jsonl does not hold"],
        setup={"annotations/claimstance-seeds.jsonl": "annotations_unit_gone.jsonl"},
        before=SEEDS_SEGMENTED,
        why="publishing annotations of units that no longer exist",
    )
    case(
        "annotations_email_annotator.jsonl",
        jsonl({**ANNOTATION, "annotator": "annotator.one@example.org"}),
        PUBLISH,
        5,
        ["ls-7-201", "e-mail"],
        setup={"annotations/claimstance-seeds.jsonl": "annotations_email_annotator.jsonl"},
        before=SEEDS_SEGMENTED,
        why="an annotator named by e-mail must never be published",
    )
    case(
        "card_bad.yaml",
        b"pretty_name: Claims\nlicense: [cc-by-4.0\nlanguage: en\n",
        PUBLISH,
        2,
        ["card.yaml:3", "yaml"],
        setup={"annotations/card.yaml": "card_bad.yaml"},
        before=SEEDS_SEGMENTED,
        why="a broken dataset card file",
    )
    case(
        "annotations_ok.jsonl",
        None,
        PUBLISH,
        2,
        ["seeds/units.jsonl", "no such file", "claimstance segment"],
        before=SEEDS_SEGMENTED[:1],
        why="publishing before segmenting: no units file",
    )
    config_xml = (HERE.parents[2] / "schema" / "labeling_config.xml").read_text(encoding="utf-8")
    edited = config_xml.replace('<Choice value="unfair"', '<Choice value="rigged"')
    assert edited != config_xml
    case(
        "labeling_config_edited.xml",
        edited.encode(),
        ["schema", "check", "--dir", "{out}/schema"],
        3,
        ["schema", "out of date", "claimstance schema export"],
        setup={"schema/labeling_config.xml": "labeling_config_edited.xml"},
        before=[["schema", "export", "--dir", "{out}/schema"]],
        detail=True,
        why="the generated labeling config edited by hand (as if copied back from the UI)",
    )


def main() -> None:
    build()
    for name, content in FILES.items():
        path = HERE / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    manifest = {"cases": CASES}
    (HERE / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(FILES)} files, {len(CASES)} cases")


if __name__ == "__main__":
    main()
