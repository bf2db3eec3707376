"""The `vernetzt` command line. Each module registers its commands on the shared group."""

from vernetzt.cli import accounts, journal, profile, research, setup, transfer  # noqa: F401  (registers commands)
from vernetzt.cli.app import main

__all__ = ["main"]
