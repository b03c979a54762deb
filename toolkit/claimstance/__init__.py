"""claimstance: political news and speech texts in, a claim-and-stance annotation dataset out."""

from claimstance.schema import SCHEMA_VERSION

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "__version__"]
