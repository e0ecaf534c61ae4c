"""Settings for the public site (`make publish`): the local settings plus the real address."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "https://returntostem.org.uk")
EXAMPLE_CONTENT = os.environ.get("EXAMPLE_CONTENT", "1") == "1"
