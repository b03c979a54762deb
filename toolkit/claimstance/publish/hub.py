"""Upload a published dataset folder to the Hugging Face Hub."""

from __future__ import annotations

from pathlib import Path

from claimstance import config
from claimstance.errors import PublishError
from claimstance.publish.card import is_published
from claimstance.publish.features import CONFIGS
from claimstance.schema import SCHEMA_VERSION

_TRUE = {"1", "ON", "YES", "TRUE"}


def push_to_hub(out_dir: str | Path, repo_id: str, token: str | None = None, *, private: bool | None = None) -> str:
    """Upload a published folder to the Hub as dataset ``repo_id``; return the commit URL.

    The token is the argument, else ``HF_TOKEN`` (read now), else the login saved by ``hf auth login``;
    it is never printed. ``HF_ENDPOINT`` (read now) points at another Hub; ``HF_HUB_OFFLINE`` (read now)
    stops the upload before any request. Data files the folder no longer has are deleted from the
    repository in the same commit. Any failure is one :class:`PublishError` line.
    """
    from huggingface_hub import HfApi, get_token
    from huggingface_hub import constants as hub_constants
    from huggingface_hub import errors as hub

    transport_error = getattr(hub, "HTTPError", OSError)  # the HTTP client's base error, as the Hub client names it

    out = Path(out_dir)
    if not is_published(out):
        raise PublishError("not a published dataset folder", path=out, hint="run 'claimstance publish --out DIR' first")
    if any(
        config.resolve(None, name, "").strip().upper() in _TRUE for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
    ):
        raise PublishError("offline mode is on: nothing was uploaded", hint="unset HF_HUB_OFFLINE to upload")
    resolved = token or config.resolve(None, "HF_TOKEN", "") or get_token()
    if not resolved:
        raise PublishError("no Hugging Face token", hint="set HF_TOKEN to a token with write access")
    endpoint = config.resolve(None, "HF_ENDPOINT", "") or None
    api = HfApi(endpoint=endpoint, token=resolved)
    data = [f"{name}/*.parquet" for name in CONFIGS]
    # The Hub client reads HF_HUB_OFFLINE once, at import; the environment was checked just now instead.
    frozen, hub_constants.HF_HUB_OFFLINE = hub_constants.HF_HUB_OFFLINE, False
    try:
        api.create_repo(repo_id, repo_type="dataset", exist_ok=True, private=private)
        commit = api.upload_folder(
            repo_id=repo_id,
            folder_path=out,
            repo_type="dataset",
            allow_patterns=["README.md", *data],
            delete_patterns=data,
            commit_message=f"claimstance publish (schema {SCHEMA_VERSION})",
        )
    except hub.HFValidationError as exc:
        raise PublishError(f"invalid repository id {repo_id!r}: {exc}", hint="use 'owner/name'") from None
    except hub.HfHubHTTPError as exc:
        status = exc.response.status_code if exc.response is not None else None
        hint = "check that the token has write access" if status in (401, 403) else None
        raise PublishError(f"the Hub refused the upload to {repo_id} (HTTP {status})", hint=hint) from None
    except (transport_error, OSError) as exc:
        raise PublishError(
            f"cannot reach the Hub at {endpoint or 'huggingface.co'}: {type(exc).__name__}: {exc}",
            hint="check the network and HF_ENDPOINT",
        ) from None
    finally:
        hub_constants.HF_HUB_OFFLINE = frozen
    return str(getattr(commit, "commit_url", commit))
