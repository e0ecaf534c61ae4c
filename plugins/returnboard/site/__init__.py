"""Deciding and writing the site: pages, pagination, feeds, JobPosting data, search indexing."""
