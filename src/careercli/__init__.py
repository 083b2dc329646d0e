"""careercli: an offline, private, scriptable career advisor for data and AI careers."""

__version__ = "0.1.0"
