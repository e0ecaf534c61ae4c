"""The board's own data files (vocabularies, apply hosts, places), read with the same YAML loader as content."""

from __future__ import annotations

from pathlib import Path

from ..domain.vocabularies import Vocabulary, vocabularies_from_data
from ..settings import DEFAULTS
from .problems import BoardError
from .yaml_loader import read_yaml_bytes

DEFAULT_DATA_PATH = Path(DEFAULTS["BOARD_DATA_PATH"])
POSTCODE_DISTRICTS = "postcode-districts.tsv"


class DataFileInvalid(BoardError):
    """A data file of the board's own could not be read."""


def read_data_file(path: Path):
    """A trusted data file's plain data; its problems, if any, stop the build with file and line."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DataFileInvalid(f"{path}: cannot be read: {error.strerror}") from None
    document = read_yaml_bytes(raw)
    if document.problems:
        raise DataFileInvalid("\n".join(
            f"{path}:{p.position.line}:{p.position.column}: {p.field}: {p.message} ({p.hint})"
            for p in document.problems))
    return document.data


def load_vocabularies(data_path: Path = DEFAULT_DATA_PATH) -> dict[str, Vocabulary]:
    """Every vocabulary of data/vocabularies.yaml, keyed by its name there."""
    return vocabularies_from_data(read_data_file(Path(data_path) / "vocabularies.yaml"))


def load_apply_hosts(data_path: Path = DEFAULT_DATA_PATH) -> frozenset[str]:
    """Job sites that employers often take applications through (data/apply-hosts.yaml)."""
    return frozenset(read_data_file(Path(data_path) / "apply-hosts.yaml"))


def load_postcode_districts(data_path: Path = DEFAULT_DATA_PATH) -> dict[str, tuple[float, float]]:
    """The centre of each postcode district as (latitude, longitude), by district (made by
    `make postcode-districts`; lines starting with # are notes)."""
    path = Path(data_path) / POSTCODE_DISTRICTS
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise DataFileInvalid(f"{path}: cannot be read: {error.strerror}") from None
    districts = {}
    for number, line in enumerate(lines, start=1):
        if line.startswith("#"):
            continue
        try:
            district, latitude, longitude = line.split("\t")
            districts[district] = (float(latitude), float(longitude))
        except ValueError:
            raise DataFileInvalid(f"{path}:{number}: not a district, latitude and longitude "
                                  "(run `make postcode-districts` to make the file again)") from None
    return districts
