"""Returner stories, employer pages and the front door, on the sample board and small fixtures."""

from __future__ import annotations

import re

import yaml

from tests.boardtools import EMPLOYER, ROOT, build, listing, run_board, write_content
from tests.test_site import page

STORIES = ROOT / "content" / "stories"

STORY = """---
title: Back to the lab after five years
name: Sam
role: Laboratory scientist
{employer}region: {region}
sectors: [{sector}]
break_years: 5
returned: 2025
type: returnship
quote: I thought my skills were gone. They were just asleep.
published: {published}
consent: {consent}
---
I came back through a returnship and it was the best thing I did.
"""


def story(region="north-east", sector="science", employer="", published="2026-10-01", consent="true"):
    return STORY.format(region=region, sector=sector, published=published, consent=consent,
                        employer=f"employer: {employer}\n" if employer else "")


def front_matter(path):
    return yaml.safe_load(path.read_text().split("---")[1])


def test_sample_stories_are_varied():
    stories = [front_matter(path) for path in STORIES.glob("*.md")]
    assert len(stories) >= 8
    assert len({s["region"] for s in stories}) >= 6
    breaks = [s["break_years"] for s in stories]
    assert min(breaks) <= 1.5 and max(breaks) >= 12
    assert {s["type"] for s in stories} == {"returnship", "job", "programme"}
    assert all(s["consent"] is True for s in stories)


def test_stories_pages_newest_first_with_filters_that_work_without_javascript(sample_site):
    stories = sorted(((front_matter(p), p.stem) for p in STORIES.glob("*.md")),
                     key=lambda item: str(item[0]["published"]), reverse=True)
    html = page(sample_site, "stories/")
    shown = re.findall(r'<a href="/stories/([a-z0-9-]+)/">', html)
    assert [slug for slug in shown if slug not in ("regions", "types")] == [slug for _, slug in stories]
    region = stories[0][0]["region"]
    assert f'href="/stories/regions/{region}/"' in html
    in_region = page(sample_site, f"stories/regions/{region}/")
    expected = {slug for data, slug in stories if data["region"] == region}
    assert set(re.findall(r'card__title"><a href="/stories/([a-z0-9-]+)/"', in_region)) == expected
    returnships = page(sample_site, "stories/types/returnship/")
    assert set(re.findall(r'card__title"><a href="/stories/([a-z0-9-]+)/"', returnships)) == \
        {slug for data, slug in stories if data["type"] == "returnship"}


def test_a_story_page_is_searchable_as_a_story(sample_site):
    path = next(STORIES.glob("*.md"))
    data = front_matter(path)
    html = page(sample_site, f"stories/{path.stem}/")
    assert "data-pagefind-body" in html and 'data-pagefind-filter="type:story"' in html
    assert data["quote"].replace("'", "&#39;") in html
    assert f'data-pagefind-filter="region:{data["region"]}"' in html


def test_story_rules(tmp_path):
    content = write_content(tmp_path, {})
    stories = content / "stories"
    stories.mkdir()
    (stories / "no-consent.md").write_text(story(consent="false"))
    (stories / "no-alt.md").write_text(story().replace("consent: true", "consent: true\nphoto: {src: sam.jpg}"))
    (stories / "no-details.md").write_text("Just a story with no details.\n")
    (stories / "unknown.md").write_text(story(employer="nobody"))
    result = run_board("validate", "--content", content)
    assert result.returncode == 1
    report = result.stderr
    assert "no-consent.md:12:10: consent: must be true (publish a story only once the returner has agreed" in report
    assert "no-alt.md:13:8: photo.alt: `alt` is missing" in report
    assert "no-details.md:1:1: (file): the file does not start with a `---` line" in report
    assert "unknown.md:5:11: employer: there is no employer `nobody`" in report


def test_a_listing_shows_the_closest_story(tmp_path):
    employers = {"tyne-test-works": EMPLOYER, "other": dict(EMPLOYER, name="Other Works")}
    content = write_content(tmp_path, {
        "at-employer": listing(),
        "same-sector": listing(title="Sector match role", employer="other", regions=["wales"]),
        "same-region": listing(title="Region match role", employer="other", sectors=["energy"],
                               regions=["scotland"]),
        "nothing-alike": listing(title="Lonely role", employer="other", sectors=["energy"], regions=["london"]),
    }, employers)
    stories = content / "stories"
    stories.mkdir()
    (stories / "employer-story.md").write_text(story(employer="tyne-test-works", sector="life-sciences",
                                                     region="london", published="2026-01-01")
                                               .replace("Back to the lab", "Employer story"))
    (stories / "sector-story.md").write_text(story(sector="engineering", region="wales")
                                             .replace("Back to the lab", "Sector story"))
    (stories / "region-story.md").write_text(story(sector="science", region="scotland")
                                             .replace("Back to the lab", "Region story"))
    output = tmp_path / "output"
    result = build(content, output)
    assert result.returncode == 0, result.stderr

    def related(slug):
        html = page(output, f"placements/{slug}/")
        return re.findall(r'card--story">\s*<h3 class="card__title"><a href="/stories/([a-z-]+)/"', html)

    assert related("at-employer") == ["employer-story"]
    assert related("same-sector") == ["sector-story"]
    assert related("same-region") == ["region-story"]
    assert related("nothing-alike") == ["employer-story"]  # shares London with the employer's story


def test_employer_page_shows_commitments_open_past_and_stories(sample_site):
    employer = yaml.safe_load((ROOT / "content" / "employers" / "northumbria-robotics.yaml").read_text())
    html = page(sample_site, "employers/northumbria-robotics/")
    assert "Commitments to returners" in html
    programme = employer["returner_programme"]
    assert f"{programme['name']}, running since {programme['since']}" in html
    assert f"{programme['conversion_rate']}% of returners" in html
    assert "open opportunit" in html
    assert "back-to-robotics-after-six-years" in html


def test_front_door_answers_is_there_something_near_me(sample_site):
    html = page(sample_site, "/")
    assert 'action="/search/"' in html
    assert re.search(r'<svg role="img" aria-labelledby="region-chart-title"', html)
    title = re.search(r'<title id="region-chart-title">([^<]+)</title>', html).group(1)
    north_east = re.search(r'North East <span class="chip__count">\((\d+)\)', html).group(1)
    assert f"North East {north_east}," in title
    assert "Closing soon" in html and "What is a returnship?" in html
    newest = sorted(STORIES.glob("*.md"), key=lambda p: str(front_matter(p)["published"]))[-1]
    assert f'href="/stories/{newest.stem}/"' in html
    assert "What is a returnship?" not in page(sample_site, "page/2/") if (sample_site / "page" / "2").exists() else True
    employers = page(sample_site, "for-employers/")
    assert "CONTRIBUTING.md" in employers and "new-listing.yml" in employers
