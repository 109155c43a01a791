"""Moved to ``ui.background`` (reads, the write lane and jobs); this name stays only
until every caller says ``ui.background``."""

import sys

import ui.background

sys.modules[__name__] = ui.background
