"""Reading content files: finding them, loading YAML, checking schemas and rules, reporting problems."""
