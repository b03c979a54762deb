"""Account changes that Label Studio Community's API does not offer, run inside its own environment.

Never imported by claimstance: :mod:`.admin` runs this file with ``.venv-ls``'s Python and the server's
environment, sends one JSON request on stdin (secrets never go on a command line, which every user of the
machine can read) and reads one result line back. Actions:

- ``rotate``: set the admin's password and replace its legacy API token, and set the demo annotator's
  password (a data folder made with the credentials earlier versions published);
- ``list``: every account with whether it can log in;
- ``deactivate``: an account can no longer log in or use a token (``is_active`` off: the login form,
  token and session authentication all refuse it), its task locks are released, its annotations stay.
"""

from __future__ import annotations

import json
import sys
from typing import Any

RESULT_PREFIX = "claimstance-admin-result: "


def _setup() -> None:
    # The same start-up as ``label-studio start``: settings from the environment, then any migration.
    from label_studio.server import _apply_database_migrations, _setup_env

    _setup_env()
    _apply_database_migrations()


def rotate(request: dict[str, Any]) -> dict[str, Any]:
    """Rewrite the admin's password and token and the demo annotator's password to the new credentials."""
    from django.db import transaction
    from rest_framework.authtoken.models import Token
    from users.models import User

    with transaction.atomic():
        admin = User.objects.filter(email__iexact=request["admin_email"]).first()
        if admin is not None:
            admin.set_password(request["admin_password"])
            admin.save(update_fields=["password"])
            Token.objects.filter(user=admin).delete()
            Token.objects.create(user=admin, key=request["api_token"])
        demo = User.objects.filter(email__iexact=request["demo_email"]).first()
        if demo is not None:
            demo.set_password(request["demo_password"])
            demo.save(update_fields=["password"])
    return {"admin": admin is not None, "demo": demo is not None}


def list_accounts(request: dict[str, Any]) -> dict[str, Any]:
    """Every account: id, e-mail, whether it may log in, whether it is an administrator."""
    from users.models import User

    accounts = [
        {"id": user.id, "email": user.email, "active": user.is_active, "admin": user.is_superuser}
        for user in User.objects.order_by("id")
    ]
    return {"accounts": accounts}


def deactivate(request: dict[str, Any]) -> dict[str, Any]:
    """Turn an annotator's account off (never an administrator's); annotations are kept."""
    from users.models import User

    if "id" in request:
        user = User.objects.filter(id=int(request["id"])).first()
    else:
        user = User.objects.filter(email__iexact=request["email"]).first()
    if user is None:
        return {"found": False}
    if user.is_superuser:
        return {"found": True, "id": user.id, "admin": True}
    was_active = user.is_active
    user.is_active = False
    user.save(update_fields=["is_active"])
    user.task_locks.all().delete()
    return {"found": True, "id": user.id, "admin": False, "was_active": was_active}


ACTIONS = {"rotate": rotate, "list": list_accounts, "deactivate": deactivate}


def main() -> None:
    """Run the action named on the command line with the JSON request read from stdin."""
    action = ACTIONS[sys.argv[1]]
    request = json.loads(sys.stdin.read() or "{}")
    _setup()
    result = action(request)
    sys.stdout.write(RESULT_PREFIX + json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
