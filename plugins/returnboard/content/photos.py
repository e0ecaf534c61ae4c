"""A story's photo: a real JPEG, PNG or WebP image of a sensible size, in the story's own folder.

The limits suit a portrait shown 320 pixels wide: generous for any phone photo, far short of
what would make decoding it a burden. A photo passes only if its pixels can be read the way
they are published (`pixels_only`), so publishing never meets a file the check did not.
"""

from __future__ import annotations

import io
import os
import stat
import warnings
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

# Pillow's name for each format a photo may be in, with the file name endings that claim it.
PHOTO_FORMATS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "WEBP": (".webp",)}
MAX_PHOTO_BYTES = 5 * 1024 * 1024
MIN_SIDE = 100
MAX_SIDE = 6000
MAX_PIXELS = 24_000_000
RESIZE_HINT = f"save it at most {MAX_SIDE} pixels on its longest side and under {MAX_PHOTO_BYTES // 2**20} MB"
_SRGB = ImageCms.createProfile("sRGB")


def photo_path(story: Path, src: str) -> Path | None:
    """The photo `src` beside the story file, or None if `src` would reach any other folder."""
    if src in ("", ".", "..") or set(src) & {"/", "\\", "\0", os.sep}:
        return None
    return story.parent / src


def _open(path: Path) -> Image.Image:
    """Open a photo with only the decoders of the formats a photo may be in."""
    return Image.open(path, formats=list(PHOTO_FORMATS))


def _format_of(image: Image.Image) -> str:
    # Some cameras add pictures after the first in a JPEG (MPO); the first is the photo.
    return "JPEG" if image.format == "MPO" else image.format


def pixels_only(path: Path) -> tuple[str, Image.Image]:
    """The photo's format, and a new image of its pixels alone: upright as its EXIF said, in sRGB.

    Nothing else of the file comes with them: no EXIF (with its GPS location), XMP, comments or
    colour profile.
    """
    with _open(path) as image:
        photo_format = _format_of(image)
        upright = ImageOps.exif_transpose(image)
    has_alpha = upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info
    pixels = _in_srgb(upright, "RGBA" if has_alpha and photo_format != "JPEG" else "RGB")
    # A new image made from the raw pixels carries no info from the old one, whatever a format keeps.
    return photo_format, Image.frombytes(pixels.mode, pixels.size, pixels.tobytes())


def _in_srgb(image: Image.Image, mode: str) -> Image.Image:
    """The image in `mode`, its colours moved from its own profile into sRGB where it has one."""
    profile = image.info.get("icc_profile")
    if profile and image.mode in ("RGB", "RGBA", "CMYK"):
        try:
            return ImageCms.profileToProfile(image, io.BytesIO(profile), _SRGB, outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a profile that cannot be read is dropped, and the colours taken as they are
    return image.convert(mode)


def photo_problem(story: Path, src: str) -> tuple[str, str] | None:
    """What is wrong with the story's photo `src`, as (message, hint), or None if it can be published."""
    path = photo_path(story, src)
    if path is None:
        return f"`{src}` is not a file name", "give just the name of a photo in the story's folder"
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return f"there is no file `{src}` beside the story", "put the photo in content/stories/, or leave `photo` out"
    if not stat.S_ISREG(found.st_mode):  # lstat: a link is not a regular file
        return f"`{src}` is not a regular file", "put the photo itself in content/stories/, not a link to it"
    if found.st_size > MAX_PHOTO_BYTES:
        megabytes = found.st_size / 2**20
        return f"`{src}` is {megabytes:.1f} MB, more than the {MAX_PHOTO_BYTES // 2**20} MB allowed", RESIZE_HINT
    return _image_problem(path, src)


def _image_problem(path: Path, src: str) -> tuple[str, str] | None:
    try:
        with warnings.catch_warnings():
            # Pillow only warns of a huge image; here it is refused.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with _open(path) as image:
                found, (width, height) = _format_of(image), image.size
                if path.suffix.lower() not in PHOTO_FORMATS[found]:
                    return (f"`{src}` is a {found} image, not what its name says",
                            f"name it with the ending {PHOTO_FORMATS[found][0]}")
                if found != "JPEG" and getattr(image, "is_animated", False):
                    return f"`{src}` is animated", "use a still photo"
                if min(width, height) < MIN_SIDE:
                    return (f"`{src}` is {width} by {height} pixels, too small to show",
                            f"use a photo at least {MIN_SIDE} pixels on each side")
                if max(width, height) > MAX_SIDE or width * height > MAX_PIXELS:
                    return f"`{src}` is {width} by {height} pixels, more than a photo here needs", RESIZE_HINT
                image.verify()
            # verify() checks the file's structure; reading the pixels as they are published finds the rest.
            pixels_only(path)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return f"`{src}` is not an image that can be read", "save the photo again as a JPEG, PNG or WebP file"
    return None
