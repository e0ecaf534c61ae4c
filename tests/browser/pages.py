"""Pages of the sample board the browser checks visit, and what they do on them."""

from __future__ import annotations

HOME = "/"
LISTING = "/placements/robotics-software-returnship/"
CLOSED = "/placements/rail-engineering-return-to-work-programme-birmingham/"
CLOSED_TITLE = "Rail engineering return-to-work programme"
REGION = "/regions/north-east/"
SECTOR = "/sectors/engineering/"
EMPLOYER = "/employers/northumbria-robotics/"
SEARCH = "/search/"
STORIES = "/stories/"
STORY = "/stories/back-to-robotics-after-six-years/"
FOR_EMPLOYERS = "/for-employers/"
SCHEMAS = "/schemas/"
ABOUT = "/about/"
ACCESSIBILITY = "/accessibility/"
MISSING = "/no-such-page/"
INSIGHTS = "/insights/"

# A wide screen, for the layouts that change there.
DESKTOP = {"width": 1280, "height": 800}

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# axe's good-practice rules as well: Lighthouse counts them (heading order, landmarks),
# and a fast test here saves a slow Lighthouse run finding them.
AXE_TAGS = WCAG_TAGS + ["best-practice"]


def axe_violations(page) -> list[dict]:
    """What axe-core finds wrong with the page as it is now."""
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)",
        AXE_TAGS)


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines += [f"    {node['target']}: {node['failureSummary']}" for node in violation["nodes"][:5]]
    return "\n".join(lines)


def search_settled(page):
    """Wait until the search page has answered its latest question, results and filter counts
    alike, and return its results."""
    page.wait_for_function("""() => document.getElementById('search-status').textContent
        && !document.querySelector('#search-results[aria-busy], #search-filters[aria-busy]')""")
    return page.locator("#search-results > li")


def result_paths(page) -> list[str]:
    """The addresses (paths) of the search results now shown, in order."""
    return page.eval_on_selector_all(
        "#search-results .card__title a", "links => links.map(a => new URL(a.href).pathname)")


def listing_paths(page) -> list[str]:
    """The addresses (paths) of the listing cards on a list page (not stories or others)."""
    return [path for path in page.eval_on_selector_all(
        ".cards .card__title a", "links => links.map(a => new URL(a.href).pathname)")
        if path.startswith("/placements/")]
