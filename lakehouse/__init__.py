"""Core of the Congress disclosures lakehouse: settings, errors, the application facade and the CLI.

The layers live in sibling packages: ``catalog`` (Iceberg catalog, table registry, storage),
``jobs`` (bronze ingestion and the Ibis transforms with their shared runner), ``checks`` (data
quality) and ``flight_server`` (Arrow Flight). Nothing here does I/O at import time.
"""

__version__ = "0.1.0"
