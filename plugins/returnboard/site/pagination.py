"""Split a long list into numbered pages at /<base>/, /<base>/page/2/, ...

Page numbers live in a folder of the list's own, so `sectors/energy/page/2/`
can never collide with another list's address.
"""

from __future__ import annotations

from dataclasses import dataclass

PER_PAGE = 50


@dataclass
class ListPage:
    items: list
    number: int
    count: int
    base_url: str
    total: int
    per_page: int = PER_PAGE

    def url_for(self, number: int) -> str:
        return self.base_url if number == 1 else f"{self.base_url}page/{number}/"

    @property
    def url(self) -> str:
        return self.url_for(self.number)

    @property
    def save_as(self) -> str:
        return f"{self.url}index.html"

    @property
    def previous_url(self) -> str | None:
        return self.url_for(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.url_for(self.number + 1) if self.number < self.count else None

    @property
    def is_first(self) -> bool:
        return self.number == 1

    @property
    def is_split(self) -> bool:
        """Whether the list runs to more than one page."""
        return self.count > 1

    @property
    def first_index(self) -> int:
        """The position (from 1) of this page's first item in the whole list."""
        return (self.number - 1) * self.per_page + 1

    @property
    def last_index(self) -> int:
        """The position (from 1) of this page's last item in the whole list."""
        return self.first_index + len(self.items) - 1

    def numbers(self) -> list[int | None]:
        """Page numbers to link, with None for a gap: 1 ... 4 5 6 ... 20."""
        wanted = {1, self.count, self.number - 1, self.number, self.number + 1}
        shown, previous = [], 0
        for number in sorted(n for n in wanted if 1 <= n <= self.count):
            if number > previous + 1:
                shown.append(None)
            shown.append(number)
            previous = number
        return shown


def paginate(items: list, base_url: str, per_page: int = PER_PAGE) -> list[ListPage]:
    """Every page of the list; an empty list still gets one (empty) page."""
    count = max(1, -(-len(items) // per_page))
    return [
        ListPage(items[start : start + per_page], number, count, base_url, len(items), per_page)
        for number, start in enumerate(range(0, max(len(items), 1), per_page), start=1)
    ]
