"""The one place the board reads the environment: BOARD_TODAY, BOARD_WORKERS and BOARD_CACHE become settings."""

from __future__ import annotations

import os
from typing import Mapping

from ..settings import BoardSettings

ENVIRONMENT_SETTINGS = ("BOARD_TODAY", "BOARD_WORKERS", "BOARD_CACHE")


def settings_from_environment(environ: Mapping[str, str] = os.environ) -> dict:
    """Pelican setting overrides for the board's variables that are set in the environment."""
    return {name: environ[name] for name in ENVIRONMENT_SETTINGS if environ.get(name)}


def board_settings(environ: Mapping[str, str] = os.environ) -> BoardSettings:
    """The board's settings for a command that runs without Pelican."""
    return BoardSettings.from_settings(settings_from_environment(environ))
