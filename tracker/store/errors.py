"""The program's errors moved to :mod:`tracker.domain.errors` (every layer may import
them); the names stay importable here for the store's own modules."""

from tracker.domain.errors import *  # noqa: F403
from tracker.domain.errors import __all__  # noqa: F401
