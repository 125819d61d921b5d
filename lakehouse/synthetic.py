"""Moved to the :mod:`synthetic` package; this name stays only until every caller imports it there."""

from synthetic import *  # noqa: F403
from synthetic import __all__  # noqa: F401
