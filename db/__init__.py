"""Storage: typed SQLAlchemy models, the engine, the change journal and migrations.

Imports neither ``app`` nor ``ui``.
"""
