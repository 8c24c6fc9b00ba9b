"""storyline: what many news articles about the same events say, and on whose authority."""

__version__ = "0.1.0"
