"""assetmap: community asset mapping for place-based planning."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("assetmap")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
