"""The library API a researcher calls from Python; the CLI is a thin layer over these functions.

A facade: each function wires stages and files together in a few lines; the stages never import each other,
and this is where they meet. Heavy stages (Label Studio, datasets) are imported inside the functions that need
them, so ``import claimstance.api`` stays fast. The functions live in three modules along the pipeline:
``_corpus`` (texts to units: ingest, segment, dedup, sample, predict, validate, schema), ``_annotation``
(Label Studio: server, annotators, push, pull, progress, agree, adjudicate) and ``_dataset`` (the study,
publish, the demo).
"""

from __future__ import annotations

from claimstance.api._annotation import (
    DEFAULT_PROJECT as DEFAULT_PROJECT,
)
from claimstance.api._annotation import (
    MIN_OVERLAPPING_UNITS as MIN_OVERLAPPING_UNITS,
)
from claimstance.api._annotation import (
    AdjudicationSummary as AdjudicationSummary,
)
from claimstance.api._annotation import (
    add_annotator as add_annotator,
)
from claimstance.api._annotation import (
    adjudicate as adjudicate,
)
from claimstance.api._annotation import (
    agree as agree,
)
from claimstance.api._annotation import (
    agreement_tables as agreement_tables,
)
from claimstance.api._annotation import (
    deactivate_annotator as deactivate_annotator,
)
from claimstance.api._annotation import (
    install_server as install_server,
)
from claimstance.api._annotation import (
    list_annotators as list_annotators,
)
from claimstance.api._annotation import (
    progress as progress,
)
from claimstance.api._annotation import (
    pull as pull,
)
from claimstance.api._annotation import (
    push as push,
)
from claimstance.api._annotation import (
    push_passes as push_passes,
)
from claimstance.api._annotation import (
    read_annotations as read_annotations,
)
from claimstance.api._annotation import (
    server_advice as server_advice,
)
from claimstance.api._annotation import (
    server_status as server_status,
)
from claimstance.api._annotation import (
    start_server as start_server,
)
from claimstance.api._annotation import (
    stop_server as stop_server,
)
from claimstance.api._corpus import (
    RECORD_MODELS as RECORD_MODELS,
)
from claimstance.api._corpus import (
    DedupSummary as DedupSummary,
)
from claimstance.api._corpus import (
    Tracker as Tracker,
)
from claimstance.api._corpus import (
    count_lines as count_lines,
)
from claimstance.api._corpus import (
    dedup as dedup,
)
from claimstance.api._corpus import (
    evaluate_predictions as evaluate_predictions,
)
from claimstance.api._corpus import (
    ingest as ingest,
)
from claimstance.api._corpus import (
    predict as predict,
)
from claimstance.api._corpus import (
    sample as sample,
)
from claimstance.api._corpus import (
    schema_check as schema_check,
)
from claimstance.api._corpus import (
    schema_export as schema_export,
)
from claimstance.api._corpus import (
    segment as segment,
)
from claimstance.api._corpus import (
    submit_segment as submit_segment,
)
from claimstance.api._corpus import (
    validate as validate,
)
from claimstance.api._dataset import (
    DEMO_ANNOTATOR_EMAIL as DEMO_ANNOTATOR_EMAIL,
)
from claimstance.api._dataset import (
    DEMO_PROJECT as DEMO_PROJECT,
)
from claimstance.api._dataset import (
    DemoSummary as DemoSummary,
)
from claimstance.api._dataset import (
    check_dataset as check_dataset,
)
from claimstance.api._dataset import (
    demo as demo,
)
from claimstance.api._dataset import (
    init as init,
)
from claimstance.api._dataset import (
    publish as publish,
)
from claimstance.api._dataset import (
    study as study,
)
from claimstance.layout import Study as Study
from claimstance.layout import StudyConfig as StudyConfig
from claimstance.layout import sole_project as sole_project
from claimstance.layout import unit_files as unit_files

__all__ = [
    "DEFAULT_PROJECT",
    "DEMO_ANNOTATOR_EMAIL",
    "DEMO_PROJECT",
    "MIN_OVERLAPPING_UNITS",
    "RECORD_MODELS",
    "AdjudicationSummary",
    "DedupSummary",
    "DemoSummary",
    "Study",
    "StudyConfig",
    "Tracker",
    "add_annotator",
    "adjudicate",
    "agree",
    "agreement_tables",
    "check_dataset",
    "count_lines",
    "deactivate_annotator",
    "dedup",
    "demo",
    "evaluate_predictions",
    "ingest",
    "init",
    "install_server",
    "list_annotators",
    "predict",
    "progress",
    "publish",
    "pull",
    "push",
    "push_passes",
    "read_annotations",
    "sample",
    "schema_check",
    "schema_export",
    "segment",
    "server_advice",
    "server_status",
    "sole_project",
    "start_server",
    "stop_server",
    "study",
    "submit_segment",
    "unit_files",
    "validate",
]
