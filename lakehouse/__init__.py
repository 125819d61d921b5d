"""The application layer of the Congress disclosures lakehouse: the facade, the pipeline, the demo and the CLI.

The layers live in sibling packages: ``catalog`` (Iceberg catalog, table registry, storage),
``jobs`` (bronze ingestion and the Ibis transforms with their shared runner), ``checks`` (data
quality) and ``flight_server`` (Arrow Flight). Nothing here does I/O at import time.
"""

from core import __version__

__all__ = ["__version__"]
