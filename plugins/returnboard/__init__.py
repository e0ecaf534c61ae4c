"""Return to STEM: a Pelican plugin that reads YAML listings and builds the board."""

from pelican import signals

from .site.generator import BoardGenerator


def _generators(pelican):
    return BoardGenerator


def register():
    signals.get_generators.connect(_generators)
