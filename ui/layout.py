"""The shape every page shares: rows at the top, then the main area beside a side
panel in a splitter that the window remembers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLayout, QSplitter, QVBoxLayout, QWidget


def beside_panel(main: QWidget, panel: QWidget, sizes: tuple[int, int]) -> QSplitter:
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(main)
    splitter.addWidget(panel)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes(list(sizes))
    return splitter


def page_layout(page: QWidget, rows: list[QLayout], body: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(page)
    layout.setContentsMargins(16, 12, 16, 8)
    for row in rows:
        layout.addLayout(row)
    layout.addWidget(body, 1)
    return layout
