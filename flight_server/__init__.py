"""Arrow Flight SQL and Flight access to the Gold tables; the only package that imports ``pyarrow.flight``.

Layers, outside in:

* :mod:`~flight_server.server`: the Flight/Flight SQL adapter (wire in, Flight errors out), and
  ``serve()`` behind ``lakehouse serve``; :mod:`~flight_server.auth`: tokens, sessions, headers;
  :mod:`~flight_server.flightsql`: Flight SQL envelopes and metadata result tables.
* :mod:`~flight_server.service`: requests, version pinning, streaming within limits;
  :mod:`~flight_server.named`: the named queries.
* :mod:`~flight_server.sandbox`: the locked-down DuckDB every query runs in;
  :mod:`~flight_server.cache`: exact freshness and warm (table, snapshot) copies.
* :mod:`~flight_server.client` (re-exported as ``lakehouse.client``) for analysts. An ADBC
  example is ``lakehouse.adbc_example``; load numbers come from ``benchmarks.flight_standalone``.
"""
