"""``python -m claimstance.cli``: the same as the ``claimstance`` command."""

from claimstance.cli import main

main()
