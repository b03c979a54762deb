"""Commands for the local Label Studio (install, start, stop, status) and annotator accounts."""

from __future__ import annotations

import click

from claimstance import api, config
from claimstance.cli._app import (
    STUDY,
    URL,
    _data_dir,
    cli,
    err_console,
)


@cli.group()
def server() -> None:
    """The local Label Studio: credentials generated in its data folder (owner-only).

    SQLite under var/label-studio by default; with --backend postgres, PostgreSQL (var/postgres) behind uwsgi
    (var/label-studio-pg). A team server elsewhere needs none of this: set LABEL_STUDIO_URL and
    LABEL_STUDIO_API_KEY.
    """


@server.command("install")
def server_install() -> None:
    """Install Label Studio (pinned) into its own environment in your data directory; reused when there."""
    with err_console.status("installing Label Studio into its own environment (a few minutes, once)"):
        report = api.install_server()
    state = f"Label Studio {report.version} {'already installed' if report.reused else 'installed'} in {report.venv}"
    err_console.print(f"{state}; in a study: claimstance server start", markup=False)


@server.command("start")
@click.option("--port", type=int, help="port [default: 8089]")
@click.option("--host", help="listen on this interface (IPv4) instead of 127.0.0.1: opens the server to a team")
@click.option("--public-url", help="the address annotators open, e.g. https://annotate.example.org (a TLS proxy)")
@click.option(
    "--backend",
    type=click.Choice(["sqlite", "postgres"]),
    default="sqlite",
    show_default=True,
    help="sqlite: the development server, for one person; postgres: PostgreSQL behind uwsgi, as a team runs it",
)
@click.option("--workers", type=click.IntRange(1, 32), default=4, show_default=True, help="uwsgi workers (postgres)")
@STUDY
def server_start(port: int | None, host: str | None, public_url: str | None, backend: str, workers: int) -> None:
    """Start Label Studio (or find it running) and wait until it answers /health.

    It listens on 127.0.0.1 unless --host or --public-url open it to a team: then it refuses weak
    credentials, accepts only that address, and prints what to put in front of it (docs/team-server.md).
    The admin's password and token are in credentials.json in its data folder (owner-only).
    """
    data_dir = _data_dir()
    first = "about 30 s" if backend == "sqlite" else "about 1-2 min"
    with err_console.status(f"starting Label Studio (the first start sets up its database, {first})"):
        info = api.start_server(port, data_dir, host=host, public_url=public_url, backend=backend, workers=workers)
    err_console.print(f"Label Studio is running at {info.url} (pid {info.pid}, data in {info.data_dir})")
    err_console.print(
        f"log in as {config.LOCAL_ADMIN_EMAIL} with the password in {info.data_dir / 'credentials.json'}",
        markup=False,
    )
    for line in api.server_advice(info, host, public_url):
        err_console.print(line, markup=False)


@server.command("stop")
@STUDY
def server_stop() -> None:
    """Stop the local Label Studio."""
    stopped = api.stop_server(_data_dir())
    err_console.print("Label Studio stopped" if stopped else "Label Studio was not running")


@server.command("status")
@STUDY
def server_status() -> None:
    """Say whether the local Label Studio runs, where, and whether it is healthy; exit 1 when it is down."""
    info = api.server_status(_data_dir())
    if info is None:
        err_console.print("Label Studio is not running (start it with: claimstance server start)")
        raise SystemExit(1)
    state = "healthy" if info.healthy else "NOT answering /health"
    err_console.print(f"Label Studio at {info.url}: {state} (pid {info.pid}, log {info.log_file})")
    if info.public_url:
        err_console.print(f"open to a team: annotators use {info.public_url}", markup=False)
    if not info.healthy:
        raise SystemExit(1)


@cli.group()
def annotators() -> None:
    """Annotator accounts: add one (its password is shown once), list them, deactivate one."""


@annotators.command("add")
@click.argument("email")
@URL
def annotators_add(email: str, url: str | None) -> None:
    """Make an account for EMAIL with a generated password, printed once on stdout for you to pass on.

    The password is not stored or logged anywhere: if it is lost, deactivate the account and add the
    annotator under another e-mail.
    """
    new = api.add_annotator(email, settings=config.server_settings(url=url))
    err_console.print(f"annotator added (user {new.id}, {new.pseudonym}); give them this line, it is not shown again:")
    click.echo(f"log in at {new.login_url} with your e-mail address and password {new.password}")


@annotators.command("list")
def annotators_list() -> None:
    """The local server's annotators: user id, pseudonym (as in the dataset), masked e-mail, status."""
    accounts = api.list_annotators()
    for account in accounts:
        state = "active" if account.active else "deactivated"
        click.echo(f"{account.id}\t{account.pseudonym}\t{account.email_hint}\t{state}")
    if not accounts:
        err_console.print("no annotators yet (add one with: claimstance annotators add EMAIL)")


@annotators.command("deactivate")
@click.argument("who")
def annotators_deactivate(who: str) -> None:
    """Stop WHO (an e-mail or a user id) from logging in or using a token; their annotations stay."""
    user_id, was_active = api.deactivate_annotator(who)
    err_console.print(f"user {user_id} deactivated" if was_active else f"user {user_id} was already deactivated")
