"""A story's photo: a real JPEG, PNG or WebP image of a sensible size, in the story's own folder.

The limits suit a portrait shown 320 pixels wide: generous for any phone photo, far short of
what would make decoding it a burden.
"""

from __future__ import annotations

import os
import stat
import warnings
from pathlib import Path

from PIL import Image

# Pillow's name for each format a photo may be in, with the file name endings that claim it.
PHOTO_FORMATS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "WEBP": (".webp",)}
MAX_PHOTO_BYTES = 5 * 1024 * 1024
MIN_SIDE = 100
MAX_SIDE = 6000
MAX_PIXELS = 24_000_000
RESIZE_HINT = f"save it at most {MAX_SIDE} pixels on its longest side and under {MAX_PHOTO_BYTES // 2**20} MB"


def photo_path(story: Path, src: str) -> Path | None:
    """The photo `src` beside the story file, or None if `src` would reach any other folder."""
    if src in ("", ".", "..") or set(src) & {"/", "\\", "\0", os.sep}:
        return None
    return story.parent / src


def open_photo(path: Path) -> Image.Image:
    """Open a photo with only the decoders of the formats a photo may be in."""
    return Image.open(path, formats=list(PHOTO_FORMATS))


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
        return f"`{src}` is {found.st_size / 2**20:.1f} MB, more than the {MAX_PHOTO_BYTES // 2**20} MB allowed", RESIZE_HINT
    return _image_problem(path, src)


def _image_problem(path: Path, src: str) -> tuple[str, str] | None:
    not_an_image = (f"`{src}` is not an image that can be read",
                    "save the photo again as a JPEG, PNG or WebP file")
    try:
        with warnings.catch_warnings():
            # Pillow only warns of a huge image; here it is refused.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with open_photo(path) as image:
                found, (width, height), frames = image.format, image.size, getattr(image, "n_frames", 1)
                if path.suffix.lower() not in PHOTO_FORMATS[found]:
                    return (f"`{src}` is a {found} image, not what its name says",
                            f"name it with the ending {PHOTO_FORMATS[found][0]}")
                if frames > 1:
                    return f"`{src}` is animated", "use a still photo"
                if min(width, height) < MIN_SIDE:
                    return (f"`{src}` is {width} by {height} pixels, too small to show",
                            f"use a photo at least {MIN_SIDE} pixels on each side")
                if max(width, height) > MAX_SIDE or width * height > MAX_PIXELS:
                    return f"`{src}` is {width} by {height} pixels, more than a photo here needs", RESIZE_HINT
                image.verify()
            # verify() checks the file's structure; decoding it finds a file cut short.
            with open_photo(path) as image:
                image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return not_an_image
    return None
