"""The base layer: settings, errors, the version selector and the release version.

Every other package (``catalog``, ``jobs``, ``checks``, ``flight_server``, ``web``, ``lakehouse``)
may import ``core``; ``core`` imports none of them. Nothing here does I/O at import time.
"""

__version__ = "0.1.0"
