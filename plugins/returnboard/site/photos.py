"""Publish a story's photo made again from its pixels alone.

A phone photo's EXIF can hold where it was taken; XMP, comments and colour profiles can hold
names and more. The published copy is a new image with none of them: turned upright as its
EXIF said, its colours converted to sRGB, and no larger than the page needs.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from ..content.photos import open_photo

PUBLISHED_MAX_SIDE = 1280
SAVE_OPTIONS = {"JPEG": {"quality": 85}, "PNG": {"optimize": True}, "WEBP": {"quality": 85}}
_SRGB = ImageCms.createProfile("sRGB")


def publish_photo(source: Path, target: Path) -> None:
    """Write `source` to `target` in the same format, with nothing from the file but its pixels."""
    with open_photo(source) as image:
        photo_format = image.format
        upright = ImageOps.exif_transpose(image)
    mode = "RGBA" if photo_format != "JPEG" and _has_transparency(upright) else "RGB"
    pixels = _in_srgb(upright, mode)
    pixels.thumbnail((PUBLISHED_MAX_SIDE, PUBLISHED_MAX_SIDE))
    # A new image from the raw pixels carries no info from the old one, whatever its format kept.
    clean = Image.frombytes(pixels.mode, pixels.size, pixels.tobytes())
    clean.save(target, format=photo_format, **SAVE_OPTIONS[photo_format])


def _has_transparency(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info


def _in_srgb(image: Image.Image, mode: str) -> Image.Image:
    """The image in `mode`, its colours moved from its own profile into sRGB where it has one."""
    profile = image.info.get("icc_profile")
    if profile and image.mode in ("RGB", "RGBA", "CMYK"):
        try:
            return ImageCms.profileToProfile(image, io.BytesIO(profile), _SRGB, outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a profile that cannot be read is dropped, and the colours taken as they are
    return image.convert(mode)
