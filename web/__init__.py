"""The HTTP API (``/v1``) and the analysts' web app, served by one ASGI process (``lakehouse web``).

Layers, outside in:

* :mod:`~web.app`: the Starlette application, token auth, static assets, ``serve()``.
* :mod:`~web.api`: the JSON/CSV/Arrow endpoints and their OpenAPI document; :mod:`~web.pages`:
  the server-rendered HTML pages (templates/, static/).
* :mod:`~web.data`: runs Flight's named queries (:mod:`flight_server.named`, one definition) in
  Flight's sandbox (:mod:`flight_server.service`), pinned to snapshots; reads the ops tables for the
  data-quality dashboard. :mod:`~web.formats`: content negotiation and encoders.

Nothing here imports ``pyarrow.flight``: the service layer we reuse does not need it.
"""
