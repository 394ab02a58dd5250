"""spaCy pipelines per language, built once and shared by every rule."""
