"""Detectors for how copy sounds (passive voice, contractions, formality), shared by the
tone rules and by `brandlint stats`."""
