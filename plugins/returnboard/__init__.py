"""Return to STEM: a Pelican plugin that reads YAML listings and builds the board."""

import logging

from .content.problems import BoardError


def _generators(pelican):
    # Imported only when Pelican builds: checking listings (`make validate`, the pull request
    # check) needs neither Pelican's generators nor the site's, and starts faster without them.
    from .site.generator import BoardGenerator

    return BoardGenerator


def _no_pelican_readers(readers) -> None:
    """The board reads every content file itself, checked; Pelican's own readers would read pages
    unchecked (reStructuredText can include any file on the machine), so none is left."""
    readers.reader_classes.clear()


def _explain_without_traceback(record: logging.LogRecord) -> bool:
    """Pelican logs a failed run with its traceback; the board's own errors already say all there is."""
    error = record.exc_info[1] if record.exc_info else None
    if isinstance(error, BoardError):
        record.msg, record.args, record.exc_info = "%s", (str(error),), None
    return True


def register():
    """Pelican's entry point; importing Pelican only here keeps the board's checks quick to start."""
    from pelican import signals

    signals.get_generators.connect(_generators)
    signals.readers_init.connect(_no_pelican_readers)
    pelican_logger = logging.getLogger("pelican")
    if _explain_without_traceback not in pelican_logger.filters:
        pelican_logger.addFilter(_explain_without_traceback)
