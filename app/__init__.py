"""Application layer: domain rules, services, demo data and the CLI. Never imports Qt."""

__version__ = "0.1.0"
