"""Turning files (text, Markdown, HTML) into plain copy with a map back to the source."""
