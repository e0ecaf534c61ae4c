"""Settings for building the board locally (`make html`, `make serve`)."""

SITENAME = "Return to STEM"
SITE_TAGLINE = "Paid returnships, returner-friendly jobs and return-to-work programmes across the UK"
SITEURL = ""
PATH = "content"
THEME = "theme"
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en-GB"

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["returnboard"]

# The board plugin reads every content file itself (listings, employers, stories and the pages
# in content/pages/), and leaves Pelican no reader of its own.
ARTICLE_PATHS = []
PAGE_PATHS = []
STATIC_PATHS = []
DIRECT_TEMPLATES = []
for _kind in ("ARTICLE", "DRAFT", "DRAFT_PAGE", "AUTHOR", "CATEGORY", "TAG", "ARCHIVES",
              "AUTHORS", "CATEGORIES", "TAGS", "YEAR_ARCHIVE", "MONTH_ARCHIVE", "DAY_ARCHIVE",
              "PAGE", "ARTICLE_LANG", "PAGE_LANG", "DRAFT_LANG", "DRAFT_PAGE_LANG"):
    globals()[f"{_kind}_SAVE_AS"] = ""
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

DELETE_OUTPUT_DIRECTORY = True
# The sample listings are fictional; every page says so while this is on.
EXAMPLE_CONTENT = True

# Every value a template prints is escaped unless it is marked safe.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

# Where employers find the guide and the form for posting without git.
REPOSITORY_URL = "https://github.com/return-to-stem/board"

# Templates are found by name with .html added, or by their full name (sitemap.xml, robots.txt).
TEMPLATE_EXTENSIONS = [".html", ""]
