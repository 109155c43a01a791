"""``liangxin`` in the built bundle: the window. Without arguments it opens the window
(asking how to begin when there is no database yet); with arguments it is the command
line, but started from a desktop there is no terminal to read — on Windows none at
all — so a command that fails says why in a dialog as well."""

from __future__ import annotations

import io
import sys
from typing import TextIO


class _Keep(io.TextIOBase):
    """What the program writes, kept for a dialog and passed on to the real stream when
    there is one (a terminal on Linux; nothing under Windows' windowed programs)."""

    def __init__(self, real: TextIO | None) -> None:
        super().__init__()
        self.real = real
        self.kept = io.StringIO()

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.kept.write(text)
        if self.real is not None:
            try:
                self.real.write(text)
            except (OSError, ValueError):  # a closed or broken terminal: the dialog still has it
                self.real = None
        return len(text)

    def flush(self) -> None:
        if self.real is not None:
            try:
                self.real.flush()
            except (OSError, ValueError):
                self.real = None


def main(argv: list[str] | None = None) -> int:
    from app.cli.main import main as cli_main

    args = sys.argv[1:] if argv is None else argv
    real_out, real_err = sys.stdout, sys.stderr
    out, err = _Keep(real_out), _Keep(real_err)
    sys.stdout, sys.stderr = out, err  # type: ignore[assignment]
    try:
        try:
            code = cli_main(args)
        except SystemExit as leaving:  # argparse: a bad argument (2), or --help (0)
            code = leaving.code if isinstance(leaving.code, int) else (0 if leaving.code is None else 2)
    finally:
        sys.stdout, sys.stderr = real_out, real_err
    _tell(code, out.kept.getvalue(), err.kept.getvalue(), shown_in_terminal=real_out is not None)
    return code


def _tell(code: int, said: str, complaint: str, *, shown_in_terminal: bool) -> None:
    from ui import first_start

    if first_start.told:  # the window already said it in a dialog
        return
    if code != 0 and complaint.strip():
        _dialog(complaint.strip(), error=True)
    elif code == 0 and not shown_in_terminal and said.strip():
        _dialog(said.strip(), error=False)  # e.g. --help on Windows: otherwise it goes nowhere


def _dialog(text: str, *, error: bool) -> None:
    from ui.launch import _application, display_problem

    if display_problem():  # no screen: the sentence is on stderr already
        return
    from PySide6.QtWidgets import QMessageBox

    from ui.i18n import t

    _application()
    icon = QMessageBox.Icon.Critical if error else QMessageBox.Icon.Information
    box = QMessageBox(icon, t("两新组织党建工作台"), text[-4000:])  # the end says what went wrong
    box.exec()


if __name__ == "__main__":
    raise SystemExit(main())
