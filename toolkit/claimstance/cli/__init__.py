"""The ``claimstance`` command: a thin layer over the library, one command per pipeline stage.

Each command parses its options, calls one library function (see :mod:`claimstance.api`) and reports.
A :class:`~claimstance.errors.ClaimstanceError` becomes one line on stderr and the error's exit code; any
other exception is a bug and keeps its traceback. The group and its shared options are in ``_app``; the
commands, along the pipeline, in ``_corpus`` (texts to units), ``_server`` (the local Label Studio and
annotator accounts), ``_annotation`` (push to agree) and ``_dataset`` (publish, the demo).
"""

from __future__ import annotations

from claimstance.cli import _annotation, _corpus, _dataset, _server  # noqa: F401 (importing registers the commands)
from claimstance.cli._app import cli, main, reference_markdown

__all__ = ["cli", "main", "reference_markdown"]
