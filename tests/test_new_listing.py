"""`python -m returnboard new` and `make new`: a commented listing that the validator accepts."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from tests.boardtools import EMPLOYER, ROOT, SAMPLE_TODAY, run_board, write_content

RETURNSHIP = ["--title", "Bridge inspection engineer returnship", "--employer", "tyne-test-works",
              "--sectors", "engineering,Infrastructure", "--regions", "north-east",
              "--location", "Gateshead", "--pay-min", "£38,000", "--pay-max", "44000",
              "--apply", "https://tyne-test-works.example/returners",
              "--description", "You will inspect bridges across the North East, with a mentor from your first day."]
SLUG = "bridge-inspection-engineer-returnship"


@pytest.fixture
def content(tmp_path) -> Path:
    return write_content(tmp_path, {}, {"tyne-test-works": EMPLOYER})


def new(content: Path, *args) -> subprocess.CompletedProcess:
    """Run `new` as a script would: no terminal on standard input."""
    env = dict(os.environ, BOARD_TODAY=SAMPLE_TODAY, PYTHONPATH=str(ROOT / "plugins"))
    return subprocess.run([sys.executable, "-m", "returnboard", "new", "--content", str(content), *args],
                          cwd=content.parent, env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=120)


def validates(content: Path, path: Path) -> None:
    result = run_board("validate", "--content", content, path, cwd=content.parent)
    assert result.returncode == 0, result.stderr
    assert "All good: 1 file(s) checked." in result.stdout


def test_given_answers_make_a_commented_listing_that_validates(content):
    result = new(content, *RETURNSHIP)
    assert result.returncode == 0, result.stderr
    path = content / "placements" / f"{SLUG}.yaml"
    assert f"Wrote {path.relative_to(content.parent)}" in result.stdout
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=https://returntostem.org.uk/schemas/placement.schema.json"
    assert "# One or more of: engineering, technology, science," in text
    data = yaml.safe_load(text)
    assert data["sectors"] == ["engineering", "infrastructure"]
    assert data["pay"] == {"min": 38000, "max": 44000, "period": "year"}
    # Defaults fill what a returnship needs, as the schema's conditions say.
    assert data["type"] == "returnship" and data["workplace"] == "hybrid" and data["hours"] == ["full-time"]
    assert data["duration_weeks"] == 12 and data["route_to_permanent"] is True
    assert str(data["posted"]) == SAMPLE_TODAY and str(data["closes"]) == "2027-01-17"
    assert data["summary"] == ("A returnship in Gateshead for people coming back to engineering "
                               "and infrastructure after a career break.")
    validates(content, path)


def test_a_remote_paid_programme_asks_for_a_fee_and_no_location_or_pay(content):
    result = new(content, "--no-input", "--title", "Data skills refresher for returners", "--type", "programme",
                 "--employer", "tyne-test-works", "--sectors", "data-and-maths", "--regions", "uk-wide",
                 "--workplace", "remote", "--hours", "part-time,flexible", "--free", "no",
                 "--fee", "£300, or free for members", "--support", "coaching,peer-cohort",
                 "--min-break-months", "12", "--closes", "2027-03-31", "--apply", "returners@tyne-test-works.example",
                 "--slug", "data-skills-refresher",
                 "--description", "Eight weeks of evening sessions on data skills, with a coach and a peer group.")
    assert result.returncode == 0, result.stderr
    path = content / "placements" / "data-skills-refresher.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert "location" not in data and "pay" not in data and "route_to_permanent" not in data
    assert data["free"] is False and data["fee"] == "£300, or free for members"
    assert data["apply"] == {"email": "returners@tyne-test-works.example"}
    assert data["support"] == ["coaching", "peer-cohort"] and data["min_break_months"] == 12
    validates(content, path)


def test_without_a_description_the_guidance_is_written_and_refused_until_replaced(content):
    arguments = RETURNSHIP[:RETURNSHIP.index("--description")]
    result = new(content, *arguments)
    assert result.returncode == 0, result.stderr
    assert "Its description is still our guidance" in result.stdout
    path = content / "placements" / f"{SLUG}.yaml"
    checked = run_board("validate", "--content", content, path, cwd=content.parent)
    assert checked.returncode == 1
    [problem] = [line for line in checked.stderr.splitlines() if ": description: " in line]
    line = next(number for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                if "Say what the work is" in text)
    assert f"{SLUG}.yaml:{line}:" in problem and "still has the template's placeholder" in problem


def test_an_existing_listing_is_never_overwritten(content):
    path = content / "placements" / f"{SLUG}.yaml"
    path.write_text("# someone's work\n", encoding="utf-8")
    result = new(content, *RETURNSHIP)
    assert result.returncode == 1
    assert f"{SLUG}.yaml already exists, and was left as it was" in result.stderr
    assert path.read_text(encoding="utf-8") == "# someone's work\n"


def test_missing_and_wrong_answers_are_all_named_and_nothing_is_written(content):
    result = new(content, "--title", "Hm", "--employer", "wear-test-works", "--sectors", "engineering,rockets")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == "new: nothing was written, because:"
    for expected in ("--title: write 5 to 120 characters (this is 2)",
                     "--employer: there is no content/employers/wear-test-works.yaml (known: tyne-test-works)",
                     "--sectors: 'rockets' is not one of: engineering, technology,",
                     "--regions is needed", "--location is needed", "--pay-min is needed",
                     "--apply is needed"):
        assert expected in result.stderr, expected
    assert list((content / "placements").iterdir()) == []


def test_a_slug_that_is_not_a_file_name_is_refused(content):
    result = new(content, *RETURNSHIP, "--slug", "../../elsewhere")
    assert result.returncode == 2
    assert "must be lowercase letters, digits and hyphens" in result.stderr
    assert list((content / "placements").iterdir()) == []


def test_make_new_passes_its_arguments_through(content):
    env = dict(os.environ, BOARD_TODAY=SAMPLE_TODAY)
    quoted = " ".join(f"'{arg}'" for arg in RETURNSHIP + ["--content", str(content)])
    result = subprocess.run(["make", "--no-print-directory", "new", f"ARGS={quoted}"], cwd=ROOT, env=env,
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    validates(content, content / "placements" / f"{SLUG}.yaml")


def converse(command: list[str], replies: list[tuple[str, str]], cwd: Path, env: dict) -> tuple[int, str]:
    """Drive a command through a real terminal: wait for each prompt, then type the reply."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(command, stdin=terminal, stdout=terminal, stderr=terminal,
                               cwd=cwd, env=env, close_fds=True)
    os.close(terminal)
    screen, answered = "", 0  # all that was shown, and how much of it has been replied to

    def read_until(text: str | None) -> None:
        nonlocal screen
        deadline = time.monotonic() + 30
        while text is None or text not in screen[answered:]:
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"no prompt {text!r}; the screen shows:\n{screen}")
            ready, _, _ = select.select([controller], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(controller, 4096)
                except OSError:  # the program has ended and closed its terminal
                    chunk = b""
                if not chunk:
                    return
                screen += chunk.decode(errors="replace")

    for prompt, reply in replies:
        read_until(prompt)
        answered = screen.index(prompt, answered) + len(prompt)
        os.write(controller, (reply + "\n").encode())
    read_until(None)
    os.close(controller)
    return process.wait(timeout=30), screen


def test_a_person_is_asked_each_question_and_a_wrong_answer_is_asked_again(content):
    env = dict(os.environ, BOARD_TODAY=SAMPLE_TODAY, PYTHONPATH=str(ROOT / "plugins"))
    replies = [
        ("Title (5 to 120 characters): ", "Cleanroom technician returnship"),
        ("Employer id: ", "tyne"),
        ("Employer id: ", "tyne-test-works"),
        ("[returnship]: ", ""),
        ("Sectors, separated by commas", "Manufacturing, science"),
        ("Regions, separated by commas", "north-east"),
        ("Workplace (on-site, hybrid, remote) [hybrid]: ", "on-site"),
        ("[full-time]: ", "part-time"),
        ("Town or city, or several separated by commas: ", "Sunderland, Durham"),
        ("Pay from (£): ", "lots"),
        ("Pay from (£): ", "31000"),
        ("Pay up to (£) (Enter to skip): ", ""),
        ("[year]: ", ""),
        ("Length in weeks (a whole number from 1 to 104) [12]: ", "10"),
        ("Can a permanent job follow? (yes/no) [yes]: ", "no"),
        ("(full-time-equivalent, actual) (Enter to skip): ", "full-time-equivalent"),
        ("hours a week", "20 to 30"),
        ("How many people will you take?", "3"),
        ("Support offered", "mentoring"),
        ("Shortest career break, in months (a whole number from 0 to 600) (Enter to skip): ", ""),
        ("Start date, YYYY-MM-DD (Enter to skip): ", ""),
        ("Closing date, YYYY-MM-DD [2027-01-17]: ", ""),
        ("or an email address): ", "https://tyne-test-works.example/cleanroom"),
        ("Summary (20 to 280 characters)", ""),
        ("Description (50 to 20,000 characters), in Markdown", "You will keep our cleanroom running, with a mentor and a phased start."),
    ]
    status, screen = converse([sys.executable, "-m", "returnboard", "new", "--content", str(content)],
                              replies, content.parent, env)
    assert status == 0, screen
    assert "there is no content/employers/tyne.yaml (known: tyne-test-works)" in screen
    assert "'lots' is not a number: write digits only, such as 38000" in screen
    assert "Wrote content/placements/cleanroom-technician-returnship.yaml" in screen.replace(str(content.parent) + "/", "")
    path = content / "placements" / "cleanroom-technician-returnship.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["employer"] == "tyne-test-works" and data["hours"] == ["part-time"]
    assert data["pay"] == {"min": 31000, "period": "year", "basis": "full-time-equivalent"}
    assert data["location"] == ["Sunderland", "Durham"] and data["hours_per_week"] == {"min": 20, "max": 30}
    assert data["places"] == 3
    assert data["duration_weeks"] == 10 and data["route_to_permanent"] is False
    validates(content, path)


def test_a_refused_listing_is_checked_in_memory_and_never_touches_the_folder(content):
    folder = content / "placements"
    before = folder.stat().st_mtime_ns
    refused = new(content, *RETURNSHIP, "--closes", "2025-01-01")  # before it was posted
    assert refused.returncode == 1 and "nothing was written" in refused.stderr
    assert folder.stat().st_mtime_ns == before  # no file was created, nor deleted again
    accepted = new(content, *RETURNSHIP)
    assert accepted.returncode == 0, accepted.stderr
    assert folder.stat().st_mtime_ns != before  # which is what writing one does


def test_a_part_time_job_in_several_towns_with_a_fixed_term_contract(content):
    result = new(content, "--no-input", "--title", "Structural engineer, part time", "--type", "job",
                 "--employer", "tyne-test-works", "--sectors", "engineering", "--regions", "yorkshire-and-the-humber",
                 "--location", "Leeds, York, Hull", "--hours", "part-time", "--pay-min", "£34,000", "--pay-max", "39k",
                 "--pay-basis", "full-time-equivalent", "--hours-per-week", "20 to 30",
                 "--contract", "fixed term, 12 months", "--closes", "31/01/2027",
                 "--apply", "https://tyne-test-works.example/jobs",
                 "--description", "You will check bridge designs for our Yorkshire offices, with a mentor and flexible days.")
    assert result.returncode == 0, result.stderr
    path = content / "placements" / "structural-engineer-part-time.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["location"] == ["Leeds", "York", "Hull"] and data["hours_per_week"] == {"min": 20, "max": 30}
    assert data["pay"] == {"min": 34000, "max": 39000, "period": "year", "basis": "full-time-equivalent"}
    assert data["contract"] == {"type": "fixed-term", "months": 12} and str(data["closes"]) == "2027-01-31"
    assert "places" not in data
    validates(content, path)
