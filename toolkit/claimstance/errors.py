"""The one error hierarchy of claimstance.

Every error a user can cause (bad input, a server that is down, a wrong token, a labeling config that
changed under us) is a :class:`ClaimstanceError`. The CLI turns each into one line and an exit code; anything
else is a bug and keeps its traceback. Errors also subclass the matching built-in, so ``except ValueError``
in a researcher's notebook still works::

    ClaimstanceError
    ├── InputError (ValueError)                 a file or record we were given is unusable   exit 2
    │   ├── DecodeError                         not UTF-8 text, or binary
    │   ├── EmptyInputError                     empty, or nothing but scraping noise
    │   ├── InputTooLargeError                  a line or file past the safety limits
    │   ├── RecordError                         one JSONL record: bad JSON or schema violation
    │   ├── ExportFormatError                   a Label Studio export we cannot read
    │   └── NotAStudyError                      no study folder here or above (or not at --study)
    ├── SchemaDriftError                        generated files in schema/ are out of date     exit 3
    ├── LabelStudioError                        talking to Label Studio failed                 exit 4
    │   ├── ServerUnavailableError (ConnectionError)  down, slow, or not started
    │   ├── AuthenticationError (PermissionError)     wrong or missing token
    │   ├── ProjectConfigError                  the project's labeling config would break annotations
    │   └── ProjectLockedError                  another push is running on this project
    └── PublishError                            the dataset cannot be built as asked           exit 5

Messages never contain a secret: :func:`claimstance.config.redact` is applied to every message.
"""

from __future__ import annotations

from pathlib import Path


class ClaimstanceError(Exception):
    """Base class of every error a user can cause; carries where it happened."""

    exit_code = 1
    default_hint: str | None = None
    """What to do, when the place that raises has nothing more specific to say."""

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        task_id: int | None = None,
        hint: str | None = None,
        detail: str | None = None,
    ) -> None:
        from claimstance.config import redact  # local: config imports nothing from here at import time

        self.message = redact(message)
        self.path = str(path) if path is not None else None
        self.line = line
        self.task_id = task_id
        hint = hint or self.default_hint
        self.hint = redact(hint) if hint else None
        # Shown after the one line (a diff, a list of bad records); never needed to understand the error.
        self.detail = redact(detail) if detail else None
        super().__init__(self.one_line())

    def where(self) -> str:
        """Where the error happened: ``file:line``, ``task 12`` or an empty string."""
        parts: list[str] = []
        if self.path is not None:
            parts.append(self.path if self.line is None else f"{self.path}:{self.line}")
        elif self.line is not None:
            parts.append(f"line {self.line}")
        if self.task_id is not None:
            parts.append(f"task {self.task_id}")
        return " ".join(parts)

    def one_line(self) -> str:
        """The error as the CLI prints it: where, what, and what to do, on one line."""
        text = self.message
        where = self.where()
        if where:
            text = f"{where}: {text}"
        if self.hint:
            text = f"{text} ({self.hint})"
        return " ".join(text.split())


class InputError(ClaimstanceError, ValueError):
    """A file or record we were given is unusable."""

    exit_code = 2


class DecodeError(InputError):
    """The file is not UTF-8 text (binary, another encoding, NUL bytes)."""

    default_hint = "save it as UTF-8 text"


class EmptyInputError(InputError):
    """The file is empty or holds nothing but scraping noise."""

    default_hint = "check that this is the file you meant"


class InputTooLargeError(InputError):
    """A line or file is past the safety limits."""

    default_hint = "split it into smaller files"


class RecordError(InputError):
    """One JSONL record is malformed JSON or violates the schema."""

    default_hint = "fix that record or make the file again ('claimstance validate FILE' lists every bad line)"


class ExportFormatError(InputError):
    """A Label Studio export (or API payload) we cannot turn into annotations."""

    default_hint = "export the claimstance project again (Export > JSON), or pull with --project"


class NotAStudyError(InputError):
    """The command needs a study folder (one holding ``claimstance.toml``) and there is none."""

    default_hint = "create one with 'claimstance init DIR', or pass --study DIR"


class SchemaDriftError(ClaimstanceError):
    """Files generated from the schema are out of date or a label change needs a version bump."""

    exit_code = 3


class LabelStudioError(ClaimstanceError):
    """Talking to Label Studio failed."""

    exit_code = 4


class ServerUnavailableError(LabelStudioError, ConnectionError):
    """The server is down, too slow, or was never started."""


class AuthenticationError(LabelStudioError, PermissionError):
    """The API token is wrong or missing."""


class ProjectConfigError(LabelStudioError):
    """The project's labeling config differs in a way that would break existing annotations."""


class ProjectLockedError(LabelStudioError):
    """Another push holds the project's lock."""


class PublishError(ClaimstanceError):
    """The dataset cannot be built as asked."""

    exit_code = 5
