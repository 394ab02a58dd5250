"""How each channel measures copy: SMS segments, X's weighted length, copy fields."""
