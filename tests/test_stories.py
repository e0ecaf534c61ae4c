"""Returner stories, employer pages and the front door, on the sample board and small fixtures."""

from __future__ import annotations

import yaml

from tests.boardtools import EMPLOYER, ROOT, build, listing, run_board, write_content
from tests.htmltools import facts, link_to, page, slugs, text

STORIES = ROOT / "content" / "stories"
VOCABULARIES = yaml.safe_load((ROOT / "data" / "vocabularies.yaml").read_text())

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
    assert slugs(html, "stories") == [slug for _, slug in stories]
    region = stories[0][0]["region"]
    assert link_to(html.main, f"/stories/regions/{region}/")
    in_region = page(sample_site, f"stories/regions/{region}/")
    expected = {slug for data, slug in stories if data["region"] == region}
    assert set(slugs(in_region, "stories")) == expected
    returnships = page(sample_site, "stories/types/returnship/")
    assert set(slugs(returnships, "stories")) == {slug for data, slug in stories if data["type"] == "returnship"}


def test_every_story_page_is_searchable_as_a_story(sample_site):
    paths = sorted(STORIES.glob("*.md"))
    assert paths
    for path in paths:
        data = front_matter(path)
        html = page(sample_site, f"stories/{path.stem}/")
        (body,) = html.select("[data-pagefind-body]")
        filters = {element["data-pagefind-filter"] for element in body.select("[data-pagefind-filter]")}
        assert {"section:stories", f"region:{data['region']}"} <= filters, path.stem
        assert any(data["quote"] in text(quote) for quote in body.find_all("blockquote")), path.stem


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
        return [story for card in page(output, f"placements/{slug}/").select(".card--story")
                for story in slugs(card, "stories")]

    assert related("at-employer") == ["employer-story"]
    assert related("same-sector") == ["sector-story"]
    assert related("same-region") == ["region-story"]
    assert related("nothing-alike") == ["employer-story"]  # shares London with the employer's story


def test_employer_page_shows_commitments_open_past_and_stories(sample_site):
    employer = yaml.safe_load((ROOT / "content" / "employers" / "northumbria-robotics.yaml").read_text())
    html = page(sample_site, "employers/northumbria-robotics/")
    headings = [text(heading) for heading in html.main.find_all("h2")]
    assert "Commitments to returners" in headings
    programme = employer["returner_programme"]
    shown = facts(html.main)
    assert shown["Returner programme"] == f"{programme['name']}, running since {programme['since']}"
    assert shown["Offered a permanent job"].startswith(f"{programme['conversion_rate']}% of returners")
    charters = {term["id"]: term for term in VOCABULARIES["charters"]["values"]}
    for charter in employer["commitments"]:
        assert shown[charters[charter]["name"]] == charters[charter]["description"]
    open_count = sum(1 for path in (ROOT / "content" / "placements").glob("*.yaml")
                     if (data := yaml.safe_load(path.read_text()))["employer"] == "northumbria-robotics"
                     and str(data["closes"]) >= "2026-11-22")
    noun = "opportunity" if open_count == 1 else "opportunities"
    assert f"{open_count} open {noun}" in headings
    assert slugs(html, "stories") == ["back-to-robotics-after-six-years"]


def test_front_door_answers_is_there_something_near_me(sample_site):
    html = page(sample_site, "/")
    assert html.main.find("form", action="/search/")
    listings = [yaml.safe_load(path.read_text()) for path in (ROOT / "content" / "placements").glob("*.yaml")]
    open_regions = [data["regions"] for data in listings if str(data["closes"]) >= "2026-11-22"]
    counts = {region["id"]: sum(region["id"] in regions or "uk-wide" in regions for regions in open_regions)
              for region in VOCABULARIES["regions"]["values"]}
    counts["uk-wide"] = sum("uk-wide" in regions for regions in open_regions)
    for region in VOCABULARIES["regions"]["values"]:
        chip = link_to(html.main, f"/regions/{region['id']}/")
        assert text(chip) == f"{region['name']} ({counts[region['id']]})"
    (chart,) = html.main.find_all("svg", role="img")
    title = html.find(id=chart["aria-labelledby"])
    assert title.name == "title" and title.find_parent("svg") is chart
    assert text(title).endswith(", ".join(f"{region['name']} {counts[region['id']]}"
                                          for region in VOCABULARIES["regions"]["values"]))
    headings = [text(heading) for heading in html.main.find_all("h2")]
    assert "Closing soon" in headings and "What is a returnship?" in headings
    newest = sorted(STORIES.glob("*.md"), key=lambda p: str(front_matter(p)["published"]))[-1]
    assert link_to(html.main, f"/stories/{newest.stem}/")
    # Under fifty open listings: one page, with no pagination.
    assert len(open_regions) < 50 and not (sample_site / "page").exists()
    assert html.main.select("a[rel~=next], a[rel~=prev]") == []
    links = [link["href"] for link in page(sample_site, "for-employers/").main.find_all("a", href=True)]
    assert [href for href in links if href.endswith("/blob/main/CONTRIBUTING.md")]
    assert [href for href in links if href.endswith("/issues/new?template=new-listing.yml")]
