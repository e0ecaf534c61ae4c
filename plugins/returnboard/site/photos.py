"""Publish a story's photo made again from its pixels alone (`content.photos.pixels_only`).

A phone photo's EXIF can hold where it was taken; XMP, comments and colour profiles can hold
names and more. The published copy has none of them, and is no larger than the page needs.
"""

from __future__ import annotations

from pathlib import Path

from ..content.photos import pixels_only

PUBLISHED_MAX_SIDE = 1280
SAVE_OPTIONS = {"JPEG": {"quality": 85}, "PNG": {"optimize": True}, "WEBP": {"quality": 85}}


def publish_photo(source: Path, target: Path) -> None:
    """Write the photo `source` to `target` in the same format, with nothing from the file but its pixels."""
    photo_format, pixels = pixels_only(source)
    pixels.thumbnail((PUBLISHED_MAX_SIDE, PUBLISHED_MAX_SIDE))
    pixels.save(target, format=photo_format, **SAVE_OPTIONS[photo_format])
