"""The board's command line: `python -m returnboard validate|build|serve|new|from-issue|issue-form|contributing|
postcode-districts|deploy|check-links`."""

from __future__ import annotations

import argparse
import sys

from ..content.problems import BoardError
from . import new_listing


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="returnboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check listings, employers and stories")
    check.add_argument("files", nargs="*", help="only these files (default: all content)")
    check.add_argument("--content", default="content", help="the content folder")
    check.add_argument("--format", choices=["text", "github"], default="text",
                       help="github: annotations for pull requests and a job summary")
    build = commands.add_parser("build", help="validate, build and index the site")
    build.add_argument("--settings", default="pelicanconf.py")
    build.add_argument("--output", default="output")
    build.add_argument("--content", help="the content folder (default: the settings' PATH)")
    new_listing.add_parser(commands)
    issue = commands.add_parser("from-issue", help="turn a New listing issue into a listing file")
    issue.add_argument("--body", required=True, help="a file holding the issue's body")
    issue.add_argument("--out", default="content/placements/", help="the placements folder")
    issue.add_argument("--comment", help="if the issue cannot be converted, write the reply to post here")
    form = commands.add_parser("issue-form", help="print the New listing issue form")
    form.add_argument("--write", action="store_true", help="write it into .github/ISSUE_TEMPLATE/")
    guide = commands.add_parser("contributing", help="print CONTRIBUTING.md with its generated parts made afresh")
    guide.add_argument("--write", action="store_true", help="write it over CONTRIBUTING.md")
    districts = commands.add_parser("postcode-districts",
                                    help="print the centre of each postcode district from Code-Point Open")
    districts.add_argument("--write", action="store_true", help="write it over data/postcode-districts.tsv")
    serve = commands.add_parser("serve", help="serve a built site on 127.0.0.1 as the static host does")
    serve.add_argument("--site", default="output", help="the built site")
    serve.add_argument("--port", type=int, default=8000)
    deploy = commands.add_parser("deploy", help="copy the built site to a folder, or rsync it to a server")
    deploy.add_argument("destination", help="a folder, or host:path / user@host:path for rsync")
    deploy.add_argument("--site", default="output", help="the built site")
    links = commands.add_parser("check-links", help="check open listings' apply links and employers' websites")
    links.add_argument("--content", default="content", help="the content folder")
    links.add_argument("--timeout", type=float, help="seconds to wait for an answer (default 15)")
    links.add_argument("--markdown", help="also write the report here, as an issue's body")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return run(args)
    except BoardError as error:  # a setting or data file that cannot be used: say which, no traceback
        print(f"returnboard: {error}", file=sys.stderr)
        return 2


def run(args) -> int:
    # Each command imports only what it needs: the pull request check starts without Pelican.
    if args.command == "validate":
        from . import validate

        return validate.main(args.content, args.files, args.format)
    if args.command == "new":
        return new_listing.main(args)
    if args.command == "from-issue":
        from . import from_issue

        return from_issue.main(args.body, args.out, comment=args.comment)
    if args.command == "issue-form":
        from . import issue_form

        return issue_form.main(args.write)
    if args.command == "contributing":
        from . import contributing

        return contributing.main(args.write)
    if args.command == "postcode-districts":
        from . import postcode_districts

        return postcode_districts.main(args.write)
    if args.command == "serve":
        from . import serve

        return serve.main(args.site, args.port)
    if args.command == "check-links":
        from . import check_links

        return check_links.main(args.content, args.timeout, args.markdown)
    if args.command == "deploy":
        from . import deploy

        return deploy.main(args.site, args.destination)
    from . import build

    return build.main(args.settings, args.output, args.content)


