"""Query a lakehouse Flight server from Python: ``from lakehouse.client import connect``.

A thin re-export of :mod:`flight_server.client`, because only ``flight_server`` may import
``pyarrow.flight``. See that module for the API and the README ("Arrow Flight SQL") for ADBC, R
and JDBC.
"""

from flight_server.client import LakehouseClient, connect, fetch_table

__all__ = ["LakehouseClient", "connect", "fetch_table"]
