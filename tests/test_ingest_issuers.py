"""Document metadata on parliamentary records, embassy and EU pages, and reposts (issue 15, fifth round)."""

from __future__ import annotations

from claimstance.ingest import ingest_text
from claimstance.schema import Document


def _first(raw: str) -> Document:
    return next(iter(ingest_text(raw, "page.txt")))


BODY = "The minister said the talks would resume next week. Both sides welcomed the plan.\n"


def test_a_follow_line_for_a_ministers_account_is_no_publisher() -> None:
    raw = (
        "Minister meets harbour negotiators\n\n"
        + BODY
        + "\nFurther information\n\nFollow Harbour Office Minister Jane Doe on twitter @janedoe\n\n"
        "Follow the Harbour Office on twitter @harbouroffice\n"
    )
    assert _first(raw).source == "Harbour Office"
