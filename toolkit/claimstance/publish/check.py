"""Check a published dataset folder as another repository's CI would: card, configs, features, no e-mail addresses.

``claimstance check-dataset DIR`` (and the ``claimstance-check-dataset`` pre-commit hook) runs
:func:`check_dataset`: the folder's ``README.md`` must be a card whose YAML block parses, lists the ``units``
config and only configs claimstance publishes, points at data files that exist, and declares for each config
the features this version of claimstance publishes; each Parquet file must have exactly those features; the
card must hold no e-mail address and no token. The first problem is raised as one
:class:`~claimstance.errors.PublishError` naming the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimstance import config, io
from claimstance.errors import InputError, PublishError
from claimstance.publish.card import EMAIL
from claimstance.publish.features import CONFIGS, features


def _front_matter(readme: Path) -> dict[str, Any]:
    import yaml

    text = io.read_text(readme)
    head, sep, _ = text.removeprefix("---\n").partition("\n---\n")
    if not text.startswith("---\n") or not sep:
        raise PublishError("has no YAML metadata block between '---' lines", path=readme, hint=_REPUBLISH)
    try:
        values = yaml.safe_load(head)
    except yaml.YAMLError as exc:
        raise PublishError(f"metadata block is not valid YAML ({exc.__class__.__name__})", path=readme) from None
    if not isinstance(values, dict):
        raise PublishError("metadata block is not a mapping", path=readme, hint=_REPUBLISH)
    if EMAIL.search(text):
        raise PublishError("the card contains an e-mail address", path=readme, hint="remove it from card.yaml")
    if config.redact(text) != text:
        raise PublishError("the card contains a token", path=readme, hint="remove it from card.yaml")
    return values


_REPUBLISH = "make it again with 'claimstance publish'"


def _config_files(readme: Path, meta: dict[str, Any]) -> dict[str, list[Path]]:
    entries = meta.get("configs")
    if not isinstance(entries, list) or not entries:
        raise PublishError("the card lists no configs", path=readme, hint=_REPUBLISH)
    found: dict[str, list[Path]] = {}
    for entry in entries:
        name = entry.get("config_name") if isinstance(entry, dict) else None
        if name not in CONFIGS:
            raise PublishError(f"unknown config {name!r} (claimstance publishes {', '.join(CONFIGS)})", path=readme)
        files = [readme.parent / str(item.get("path", "")) for item in entry.get("data_files") or []]
        missing = [f for f in files if not f.is_file()]
        if not files or missing:
            what = f"data file {missing[0].relative_to(readme.parent)} is missing" if missing else "has no data files"
            raise PublishError(f"config {name!r}: {what}", path=readme, hint=_REPUBLISH)
        found[name] = files
    if "units" not in found:
        raise PublishError("the card lists no 'units' config", path=readme, hint=_REPUBLISH)
    return found


def _check_features(readme: Path, meta: dict[str, Any], files: dict[str, list[Path]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq
    from datasets import DatasetInfo

    infos = meta.get("dataset_info")
    by_name = {i.get("config_name"): i for i in infos if isinstance(i, dict)} if isinstance(infos, list) else {}
    for name, paths in files.items():
        expected = features(name)
        declared = by_name.get(name)
        if declared is None or DatasetInfo._from_yaml_dict(dict(declared)).features != expected:
            raise PublishError(
                f"config {name!r}: the card's features are not those of claimstance's {name!r} records",
                path=readme,
                hint=_REPUBLISH,
            )
        for path in paths:
            try:
                schema = pq.read_schema(path)
            except (OSError, pa.ArrowInvalid) as exc:
                raise PublishError(f"not a Parquet file ({exc})", path=path, hint=_REPUBLISH) from None
            if not schema.remove_metadata().equals(expected.arrow_schema.remove_metadata()):
                raise PublishError(f"columns differ from the {name!r} features", path=path, hint=_REPUBLISH)


def check_dataset(folder: str | Path) -> dict[str, int]:
    """Check a dataset folder written by ``claimstance publish``; return each config's number of data files."""
    directory = Path(folder)
    readme = directory / "README.md"
    if not readme.is_file():
        raise InputError("has no README.md (the dataset card)", path=directory, hint=_REPUBLISH)
    meta = _front_matter(readme)
    files = _config_files(readme, meta)
    _check_features(readme, meta, files)
    return {name: len(paths) for name, paths in files.items()}
