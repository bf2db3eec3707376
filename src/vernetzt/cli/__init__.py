"""The `vernetzt` command line. Each module registers its commands on the shared group."""

from vernetzt.cli import (  # noqa: F401  (registers commands)
    accounts,
    journal,
    organizations,
    privacy,
    profile,
    research,
    retention,
    setup,
    sources,
    transfer,
)
from vernetzt.cli.app import main

__all__ = ["main"]
