"""A stand-in for a placement or story with nothing in it, for the search page's card templates."""

from __future__ import annotations


class Blank:
    """Any value, empty: its attributes, items and calls are Blanks, and it prints as nothing.

    A card macro given a Blank renders every part it can show (a Blank is true), with no text.
    The search page keeps that as a <template>; its script fills a clone from each result, so
    a result looks exactly like the server's card.
    """

    def __getattr__(self, name: str) -> Blank:
        if name.startswith("_"):  # Python's own hooks (copying, pickling) must not find one
            raise AttributeError(name)
        return self

    def __getitem__(self, key) -> Blank:
        return self

    def __call__(self, *args, **kwargs) -> Blank:
        return self

    def __iter__(self):
        return iter(())

    def __bool__(self) -> bool:
        return True

    def __str__(self) -> str:
        return ""

    def __html__(self) -> str:
        return ""
