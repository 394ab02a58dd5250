"""Auditing published copy at scale: many files and CMS exports, in parallel, cached, with
a corpus-wide view (term variants, scores per channel) and reports people can read."""
