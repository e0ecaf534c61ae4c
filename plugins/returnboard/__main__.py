"""The board's command line: `python -m returnboard validate|build`."""

from __future__ import annotations

import argparse
import sys

from . import validate


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
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.command == "validate":
        return validate.main(args.content, args.files, args.format)
    from . import build

    return build.main(args.settings, args.output, args.content)


if __name__ == "__main__":
    sys.exit(main())
