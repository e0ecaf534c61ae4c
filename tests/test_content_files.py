"""Files under content/ that are not what they claim: links, pipes, folders named like files, and photos."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from PIL import ExifTags, Image, ImageCms

from returnboard.content.photos import MAX_PHOTO_BYTES, photo_path
from tests.boardtools import ROOT, SAMPLE_TODAY, build, listing, run_board, write_content
from tests.htmltools import page
from tests.test_stories import story

SECRET = b"a file outside the repository"


def with_story_photo(tmp_path, src: str = "sam.jpg"):
    """A good board with one story whose photo is `src`; the photo itself is left to the test."""
    content = write_content(tmp_path, {"good": listing()})
    (content / "stories").mkdir()
    (content / "stories" / "sam.md").write_text(
        story().replace("consent: true", f"consent: true\nphoto: {{src: {src}, alt: Sam at her desk}}"))
    return content


def photo(size=(640, 480), colour=(200, 80, 40)) -> Image.Image:
    return Image.new("RGB", size, colour)


def saved(image: Image.Image, image_format: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, image_format, **options)
    return out.getvalue()


def problems_for(content: Path, name: str) -> list[str]:
    result = run_board("validate", "--content", content)
    assert "Traceback" not in result.stderr
    return [line for line in result.stderr.splitlines() if name in line]


def test_a_story_photo_that_links_outside_the_repository_is_refused_and_never_copied(tmp_path):
    outside = tmp_path / "outside.jpg"
    outside.write_bytes(saved(photo(), "JPEG") + SECRET)
    content = with_story_photo(tmp_path)
    (content / "stories" / "sam.jpg").symlink_to(outside)
    lines = problems_for(content, "sam.")
    assert any("stories/sam.jpg:1:1: (file): `sam.jpg` is a symbolic link" in line for line in lines)
    assert any("sam.md:13:" in line and "photo.src: `sam.jpg` is not a regular file" in line for line in lines)
    assert not any(str(outside) in line for line in lines)  # the link is named, not what it points to
    output = tmp_path / "output"
    assert build(content, output).returncode == 1
    assert not output.exists()


@pytest.mark.parametrize("where", ["placements/linked.yaml", "employers/linked.yaml", "stories/linked.md",
                                   "pages/linked.md", "elsewhere.txt"])
def test_every_symbolic_link_under_content_is_refused(tmp_path, where):
    target = tmp_path / "target"
    target.write_text(yaml.safe_dump(listing()))
    content = write_content(tmp_path, {"good": listing()})
    link = content / where
    link.parent.mkdir(exist_ok=True)
    link.symlink_to(target)
    result = run_board("validate", "--content", content)
    assert result.returncode == 1
    assert f"{where}:1:1: (file): `{link.name}` is a symbolic link" in result.stderr
    assert build(content, tmp_path / "output").returncode == 1


def test_a_broken_link_and_a_linked_folder_are_refused_and_not_followed(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "sneaky.yaml").write_text(yaml.safe_dump(listing(title="Sneaky returnship")))
    content = write_content(tmp_path, {"good": listing()})
    (content / "placements" / "more").symlink_to(elsewhere, target_is_directory=True)
    (content / "placements" / "gone.yaml").symlink_to(tmp_path / "no-such-file.yaml")
    result = run_board("validate", "--content", content)
    assert result.returncode == 1
    assert "placements/more:1:1: (file): the folder `more` is a symbolic link" in result.stderr
    assert "placements/gone.yaml:1:1: (file): `gone.yaml` is a symbolic link" in result.stderr
    assert "sneaky" not in result.stderr


def test_a_named_pipe_is_refused_without_being_read(tmp_path):
    content = write_content(tmp_path, {"good": listing()})
    os.mkfifo(content / "placements" / "pipe.yaml")
    # Reading a pipe nobody writes to never ends: the check must not open it.
    result = subprocess.run([sys.executable, "-m", "returnboard", "validate", "--content", str(content)],
                            cwd=ROOT, capture_output=True, text=True, timeout=60,
                            env=dict(os.environ, BOARD_TODAY=SAMPLE_TODAY, PYTHONPATH=str(ROOT / "plugins")))
    assert result.returncode == 1
    assert "placements/pipe.yaml:1:1: (file): `pipe.yaml` is not a regular file (it is a named pipe)" in result.stderr
    # Nor does a build, whose first step is a digest of every file it reads.
    built = subprocess.run([sys.executable, "-m", "returnboard", "build", "--content", str(content),
                            "--output", str(tmp_path / "output")],
                           cwd=ROOT, capture_output=True, text=True, timeout=60,
                           env=dict(os.environ, BOARD_TODAY=SAMPLE_TODAY, PYTHONPATH=str(ROOT / "plugins")))
    assert built.returncode == 1 and "pipe.yaml" in built.stderr


def test_a_folder_named_like_a_file_is_refused_and_not_read(tmp_path):
    content = write_content(tmp_path, {"good": listing(), "trick.yaml/inner": listing(title="Inner returnship")})
    result = run_board("validate", "--content", content)
    assert result.returncode == 1
    assert "placements/trick.yaml:1:1: (file): `trick.yaml` is a folder, named like a file" in result.stderr
    assert "inner" not in result.stderr


BAD_PHOTOS = [
    ("sam.jpg", lambda: b"not an image at all\n", "`sam.jpg` is not an image that can be read"),
    ("sam.jpg", lambda: saved(photo(), "JPEG")[:600], "`sam.jpg` is not an image that can be read"),
    ("sam.jpg", lambda: saved(photo(), "PNG"), "`sam.jpg` is a PNG image, not what its name says"),
    ("sam.png", lambda: saved(photo(), "GIF"), "`sam.png` is not an image that can be read"),
    ("sam.png", lambda: saved(photo((40, 40)), "PNG"), "`sam.png` is 40 by 40 pixels, too small to show"),
    ("sam.png", lambda: saved(photo((6001, 200)), "PNG"), "`sam.png` is 6001 by 200 pixels, more than a photo"),
    ("sam.png", lambda: saved(photo((5000, 5000)), "PNG"), "`sam.png` is 5000 by 5000 pixels, more than a photo"),
    ("sam.png", lambda: saved(photo(), "PNG") + bytes(MAX_PHOTO_BYTES), "MB, more than the 5 MB allowed"),
    ("sam.png", lambda: saved(photo(), "PNG", save_all=True, append_images=[photo(colour=(0, 0, 255))]),
     "`sam.png` is animated"),
]


@pytest.mark.parametrize("src, make, message", BAD_PHOTOS, ids=[message for _, _, message in BAD_PHOTOS])
def test_a_story_photo_must_really_be_a_still_image_of_a_sensible_size(tmp_path, src, make, message):
    content = with_story_photo(tmp_path, src)
    (content / "stories" / src).write_bytes(make())
    [line] = problems_for(content, "sam.md:")
    assert "sam.md:13:" in line and ": photo.src: " in line and message in line
    assert build(content, tmp_path / "output").returncode == 1


@pytest.mark.parametrize("src", ["../secret.jpg", "/etc/secret.jpg", "sub/sam.jpg", "..", "sam.jpg/"])
def test_a_photo_cannot_be_named_outside_the_story_folder(tmp_path, src):
    (tmp_path / "secret.jpg").write_bytes(saved(photo(), "JPEG"))
    content = with_story_photo(tmp_path, f"'{src}'")
    [line] = problems_for(content, "sam.md:")
    assert ": photo.src: " in line and "is not in the right form" in line
    assert photo_path(content / "stories" / "sam.md", src) is None


def test_a_photo_beside_its_story_is_found_there(tmp_path):
    assert photo_path(tmp_path / "stories" / "sam.md", "sam.jpg") == tmp_path / "stories" / "sam.jpg"


def exif_with_location() -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Orientation] = 6  # the camera was turned: shown rotated a quarter turn
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef], gps[ExifTags.GPS.GPSLatitude] = "N", (54.0, 58.0, 21.5)
    gps[ExifTags.GPS.GPSLongitudeRef], gps[ExifTags.GPS.GPSLongitude] = "W", (1.0, 36.0, 44.0)
    return exif


SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">PhoneMaker home address</x:xmpmeta>'
PHONE_PHOTOS = {
    "sam.jpg": lambda: saved(photo((640, 480)), "JPEG", exif=exif_with_location(), comment=b"PhoneMaker home",
                             xmp=XMP, icc_profile=SRGB),
    "sam.png": lambda: saved(photo((640, 480)), "PNG", exif=exif_with_location(), icc_profile=SRGB),
    "sam.webp": lambda: saved(photo((640, 480)), "WEBP", exif=exif_with_location(), xmp=XMP, icc_profile=SRGB),
}


def test_a_jpeg_with_extra_pictures_is_published_as_its_first_picture_alone(tmp_path):
    """Some cameras store a second picture after the first in a JPEG (MPO), with its own EXIF."""
    original = saved(photo(), "MPO", save_all=True, append_images=[photo(colour=(0, 0, 255))],
                     exif=exif_with_location())
    assert Image.open(io.BytesIO(original)).format == "MPO"
    content = with_story_photo(tmp_path, "sam.jpg")
    (content / "stories" / "sam.jpg").write_bytes(original)
    output = tmp_path / "output"
    result = build(content, output)
    assert result.returncode == 0, result.stderr
    published = (output / "stories" / "sam" / "sam.jpg").read_bytes()
    image = Image.open(io.BytesIO(published))
    assert image.format == "JPEG" and getattr(image, "n_frames", 1) == 1
    assert b"PhoneMaker" not in published and not image.getexif()
    assert image.convert("RGB").getpixel((240, 320))[0] > 150  # the first picture, not the blue one


@pytest.mark.parametrize("src", list(PHONE_PHOTOS))
def test_a_phone_photo_is_published_upright_with_no_location_or_other_metadata(tmp_path, src):
    original = PHONE_PHOTOS[src]()
    assert b"PhoneMaker" in original
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    content = with_story_photo(tmp_path, src)
    (content / "stories" / src).write_bytes(original)
    output = tmp_path / "output"
    result = build(content, output)
    assert result.returncode == 0, result.stderr
    [img] = page(output, "stories/sam/").main.select("img.story__photo")
    assert img["src"] == f"/stories/sam/{src}"
    published = (output / "stories" / "sam" / src).read_bytes()
    assert b"PhoneMaker" not in published and b"xmpmeta" not in published
    image = Image.open(io.BytesIO(published))
    assert image.format == Image.open(io.BytesIO(original)).format
    assert not image.getexif() and not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert not {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment"} & set(image.info)
    assert image.size == (480, 640)  # turned upright, as the EXIF said it should be shown
    red, green, blue = image.convert("RGB").getpixel((240, 320))
    assert abs(red - 200) < 12 and abs(green - 80) < 12 and abs(blue - 40) < 12


def test_a_large_photo_is_published_no_larger_than_the_page_needs(tmp_path):
    content = with_story_photo(tmp_path, "sam.jpg")
    (content / "stories" / "sam.jpg").write_bytes(saved(photo((4000, 3000)), "JPEG"))
    output = tmp_path / "output"
    assert build(content, output).returncode == 0
    assert Image.open(output / "stories" / "sam" / "sam.jpg").size == (1280, 960)
