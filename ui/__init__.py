"""The PySide6 user interface. The only layer that imports Qt; it calls ``app`` services only."""
