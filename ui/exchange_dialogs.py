"""The 数据交换 page's dialogs: the passphrase (asked once per run, or chosen new when
the keys are made), a sub-district to register, and what a package holds — the one
just made, the ones about to be imported (the dry run), the ones imported."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.station_code import validate_station_code
from app.domain.station_time import local_time, station_zone
from app.errors import FieldError, LiangxinError
from app.store import Store
from app.sync import crypto, keys
from app.sync.apply import Imported
from app.sync.export import Made
from app.sync.rows import label
from ui.background import Background
from ui.i18n import N_, t, ui_settings
from ui.style import PARTY_RED

# What became of a package, as the clerk reads it (the dry run's "dry_run" is "可以导入").
STATE_LABELS = {
    "dry_run": N_("可以导入"),
    "applied": N_("已导入"),
    "unchanged": N_("已导入过，无变化"),
    "waiting": N_("等待前序数据包"),
    "refused": N_("拒收"),
}
# A sub-district loads (载入) what the district sends down; it does not import it.
DOWN_STATE_LABELS = {**STATE_LABELS, "dry_run": N_("可以载入"), "applied": N_("已载入")}


def state_label(result: Imported) -> str:
    labels = DOWN_STATE_LABELS if result.path.stem.endswith("-down") else STATE_LABELS
    return t(labels.get(result.state, result.state))


STATE_COLOURS = {
    "dry_run": "#2E7D32",
    "applied": "#2E7D32",
    "unchanged": "#666666",
    "waiting": "#B26A00",
    "refused": PARTY_RED,
}
MADE_COLUMNS = (("insert", N_("新增")), ("update", N_("修改")), ("delete", N_("删除")))
IMPORT_COLUMNS = (
    ("new", N_("新增")),
    ("updated", N_("更新")),
    ("unchanged", N_("无变化")),
    ("refused", N_("拒收")),
)
FORGOTTEN_STATION = N_(
    "请牢记这个口令：它无法找回。忘记了只能请区里为本站点重新生成登记文件，重新登记（生成新密钥）。"
)
FORGOTTEN_DISTRICT = N_("请牢记这个口令：它无法找回。忘记了只能换新密钥，所有街道都要重新登记。")


def error_label(text: str = "") -> QLabel:
    label_ = QLabel(text)
    label_.setWordWrap(True)
    label_.setTextFormat(Qt.TextFormat.PlainText)
    label_.setStyleSheet(f"color: {PARTY_RED};")
    label_.setVisible(bool(text))
    return label_


def hint_label(text: str) -> QLabel:
    hint = QLabel(text)
    hint.setWordWrap(True)
    hint.setStyleSheet("color: #555;")
    return hint


@contextlib.contextmanager
def busy() -> Iterator[None]:
    """A wait cursor while a few seconds of key work run (scrypt, key generation)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


# --- files: the folder last used (a USB stick, usually) is where the next dialog opens --


def last_folder() -> str:
    return str(ui_settings().value("exchange/folder", "")) or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )


def remember(path: str) -> None:
    folder = Path(path)
    ui_settings().setValue("exchange/folder", str(folder if folder.is_dir() else folder.parent))


def ask_folder(parent: QWidget, caption: str) -> str:
    folder = QFileDialog.getExistingDirectory(parent, caption, last_folder())
    if folder:
        remember(folder)
    return folder


def ask_open(parent: QWidget, caption: str, pattern: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, caption, last_folder(), pattern)
    if path:
        remember(path)
    return path


def ask_open_many(parent: QWidget, caption: str, pattern: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, caption, last_folder(), pattern)
    if paths:
        remember(paths[0])
    return list(paths)


def ask_save(parent: QWidget, caption: str, name: str, pattern: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, caption, str(Path(last_folder()) / name), pattern)
    if path:
        remember(path)
    return path


# --- lists on the page -------------------------------------------------------------------


def list_table(columns: list[tuple[str, int]]) -> QTableWidget:
    """A read-only list, one row selected at a time; the last column takes the rest."""
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels([title for title, _ in columns])
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(28)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    metrics = header.fontMetrics()
    for column, (title, width) in enumerate(columns):  # a longer (English) title still shows whole
        table.setColumnWidth(column, max(width, metrics.horizontalAdvance(title) + 28))
    return table


def fill_table(table: QTableWidget, rows: list[tuple[Any, list[str]]]) -> None:
    """Rows of (what the row stands for, its cells); the full text shows on hover."""
    table.setRowCount(len(rows))
    for row, (data, cells) in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if column == 0:
                item.setData(Qt.ItemDataRole.UserRole, data)
            table.setItem(row, column, item)


def selected(table: QTableWidget) -> Any:
    row = table.currentRow()
    item = table.item(row, 0) if row >= 0 and table.selectionModel().hasSelection() else None
    return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


def grouped(key_id: str | None) -> str:
    """A key id in fours (AA6C F8D8 6A08 F2DE), read aloud over the phone to compare;
    the spaces do not break (a message box never splits an id over two lines)."""
    return "\u00a0".join(key_id[i : i + 4] for i in range(0, len(key_id), 4)) if key_id else ""


def day(moment: date | datetime | None) -> str:
    """2026年11月30日."""
    if moment is None:
        return "—"
    return t("{y}年{m}月{d}日").format(y=moment.year, m=moment.month, d=moment.day)


def when(moment: datetime | str | None, zone: str = "") -> str:
    """2026年11月30日 14:05 on the station's clock (``zone``: a stored moment's station)."""
    if moment is None:
        return ""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    if zone:
        moment = local_time(moment, station_zone(zone))
    return f"{day(moment)} {moment:%H:%M}"


# --- passphrases -----------------------------------------------------------------------


class PassphraseDialog(QDialog):
    """The passphrase that opens this station's keys; a wrong one comes back here with
    the reason above the field."""

    def __init__(self, parent: QWidget | None = None, error: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(t("输入密钥口令"))
        intro = hint_label(t("打开本站点的密钥需要口令（登记时设定的那个）。本次运行程序只需输入一次。"))
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMinimumWidth(360)
        self.field.setAccessibleName(t("密钥口令"))
        self.error = error_label(error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(t("打开密钥"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.field)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def passphrase(self) -> str:
        return self.field.text()


def ask_passphrase(parent: QWidget | None, error: str = "") -> str | None:
    dialog = PassphraseDialog(parent, error)
    return dialog.passphrase() if dialog.exec() else None


class NewPassphraseDialog(QDialog):
    """A new passphrase, typed twice, with the rule and what losing it costs; refused
    here (the same check the keys use) before any key is made."""

    def __init__(self, parent: QWidget | None, title: str, intro: str, forgotten: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.first = QLineEdit()
        self.second = QLineEdit()
        for field, name in ((self.first, t("口令")), (self.second, t("再输入一次"))):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMinimumWidth(320)
            field.setAccessibleName(name)
        form = QFormLayout()
        form.addRow(t("口令"), self.first)
        form.addRow(t("再输入一次"), self.second)
        rule = hint_label(
            t("口令至少 {n} 个字符，可以用汉字、字母和数字；开头和结尾的空格不算。").format(
                n=crypto.MIN_PASSPHRASE
            )
        )
        warning = QLabel("⚠ " + forgotten)
        warning.setWordWrap(True)
        warning.setStyleSheet(
            "background: #FFF4E5; border: 1px solid #F0C36D; border-radius: 3px; padding: 8px; color: #6B4200;"
        )
        self.error = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(t("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(intro))
        layout.addLayout(form)
        layout.addWidget(rule)
        layout.addWidget(warning)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def accept(self) -> None:
        first = self.first.text()
        try:
            crypto.check_new_passphrase(first)
        except FieldError as exc:
            self._refuse(exc.message)
            return
        if first.strip() != self.second.text().strip():
            self._refuse(t("两次输入的口令不一致，请重新输入。"))
            return
        super().accept()

    def _refuse(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.second.clear()
        self.first.setFocus()
        self.first.selectAll()

    def passphrase(self) -> str:
        return self.first.text()


def ask_new_passphrase(parent: QWidget | None, title: str, intro: str, forgotten: str) -> str | None:
    dialog = NewPassphraseDialog(parent, title, intro, forgotten)
    return dialog.passphrase() if dialog.exec() else None


def open_keys(parent: QWidget, store: Store, runner: Background) -> bool:
    """This station's keys, open for the rest of the run: the passphrase is asked the
    first time only; a wrong one is asked again with the reason, until 取消."""
    try:
        keys.unlocked(store)
        return True
    except keys.PassphraseNeeded:
        pass
    except LiangxinError as exc:  # no keys yet, or damaged
        QMessageBox.warning(parent, t("密钥"), exc.message)
        return False
    error = ""
    while True:
        passphrase = ask_passphrase(parent, error)
        if passphrase is None:
            return False
        try:
            with busy():  # ~2 s of scrypt, off the GUI thread
                runner.call(lambda given=passphrase: keys.unlocked(store, given))
        except crypto.WrongPassphrase as exc:
            error = exc.message
            continue
        except LiangxinError as exc:
            QMessageBox.warning(parent, t("密钥"), exc.message)
            return False
        return True


# --- a sub-district to register ----------------------------------------------------------


class StationDialog(QDialog):
    """登记街道: its code and name; the enrolment file is saved next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("登记街道"))
        self.code = QLineEdit()
        self.code.setPlaceholderText(t("9 位行政区划代码，如 440307001"))
        self.code.setMaxLength(9)
        self.name = QLineEdit()
        self.name.setPlaceholderText(t("如 南湾街道"))
        self.name.setMaxLength(100)
        form = QFormLayout()
        form.addRow(t("街道代码"), self.code)
        form.addRow(t("街道名称"), self.name)
        self.error = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(t("下一步：保存登记文件…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(t("登记后会生成该街道的登记文件，请把它交给街道，在其“数据交换”页载入。"))
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def accept(self) -> None:
        try:
            validate_station_code(self.code.text(), "subdistrict")
        except FieldError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        if not self.name.text().strip():
            self.error.setText(t("请填写街道名称。"))
            self.error.show()
            return
        super().accept()

    def values(self) -> tuple[str, str]:
        return self.code.text().strip(), self.name.text().strip()


# --- what a package holds ----------------------------------------------------------------


# The registers a clerk looks for first, then the rest in the order packages carry them
# (a down package: the campaign before its phases and tasks, templates and settings after).
FIRST = ("organization", "party_org", "member", "campaign", "phase", "task")


def in_clerks_order(counts: dict[str, Any]) -> list[tuple[str, Any]]:
    return sorted(counts.items(), key=lambda item: FIRST.index(item[0]) if item[0] in FIRST else len(FIRST))


class FitTable(QTableWidget):
    """As tall as its rows, measured once the style (the header's padding) applies."""

    def sizeHint(self) -> QSize:
        height = self.horizontalHeader().sizeHint().height() + self.verticalHeader().length()
        return QSize(super().sizeHint().width(), height + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


def counts_table(rows: list[tuple[str, list[int]]], headers: list[str]) -> QTableWidget:
    """A small table, register per row, with no scroll bar of its own inside a dialog."""
    table = FitTable(len(rows), len(headers) + 1)
    table.setHorizontalHeaderLabels([t("登记簿"), *headers])
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setAlternatingRowColors(True)
    for row, (name, numbers) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(name))
        for column, number in enumerate(numbers, start=1):
            item = QTableWidgetItem(f"{number:,}" if number else "—")
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, column, item)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(headers) + 1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        table.setColumnWidth(column, 76)
    table.verticalHeader().setDefaultSectionSize(26)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    table.setMinimumWidth(200 + 76 * len(headers))
    return table


def _open_folder(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def range_text(seq_from: int, seq_to: int, full: bool) -> str:
    span = t("#{a} 至 #{b}").format(a=f"{seq_from:,}", b=f"{seq_to:,}")
    return span + ("（" + t("全量") + "）" if full else "")


class ExportSummaryDialog(QDialog):
    """生成上报数据包 (or, at the district, 生成下发数据包 for the sub-district ``to``),
    done: the file, where it is, its range and what it holds."""

    open_folder: Callable[[Path], Any] = staticmethod(_open_folder)

    def __init__(self, made: Made, parent: QWidget | None = None, *, to: str = "") -> None:
        super().__init__(parent)
        self.made = made
        if to:
            self.setWindowTitle(t("下发数据包已生成"))
            headline = QLabel(
                (
                    t("发给{station}的全量下发数据包已生成。")
                    if made.full
                    else t("发给{station}的下发数据包已生成。")
                ).format(station=to)
            )
            next_step = t(
                "请把这个文件交给{station}，在其“数据交换”页用“载入下发数据包”载入。"
                "数据包只加密给{station}，别的街道打不开。"
            ).format(station=to)
        else:
            self.setWindowTitle(t("上报数据包已生成"))
            headline = QLabel(t("全量上报数据包已生成。") if made.full else t("上报数据包已生成。"))
            next_step = t(
                "请把这个文件交给区里导入。区里导入后会给一份回执，在本页“载入回执”后，"
                "下次只上报之后的新变化。"
            )
        headline.setWordWrap(True)
        headline.setStyleSheet("font-size: 12pt; font-weight: bold;")
        facts = QFormLayout()
        name = QLabel(made.path.name)
        name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder = QLabel(str(made.path.parent))
        folder.setWordWrap(True)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        facts.addRow(t("文件"), name)
        facts.addRow(t("保存在"), folder)
        facts.addRow(t("变更范围"), QLabel(range_text(made.seq_from, made.seq_to, made.full)))
        facts.addRow(t("记录"), QLabel(t("共 {n} 条").format(n=f"{made.rows:,}")))
        rows = [
            (t(label(table)), [ops.get(op, 0) for op, _ in MADE_COLUMNS])
            for table, ops in in_clerks_order(made.counts)
        ]
        self.table = counts_table(rows, [t(word) for _, word in MADE_COLUMNS])
        buttons = QDialogButtonBox()
        show = buttons.addButton(t("打开所在文件夹"), QDialogButtonBox.ButtonRole.ActionRole)
        show.clicked.connect(lambda: self.open_folder(made.path.parent))
        close = buttons.addButton(t("关闭"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addLayout(facts)
        layout.addWidget(self.table)
        self.next_step = hint_label(next_step)
        layout.addWidget(self.next_step)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)


WHOLE = 30  # refusals shown as wrapped lines; more go in a box that scrolls


class PackageBox(QFrame):
    """One package in the import dialog: its state, the sentence, counts, refusals."""

    def __init__(self, result: Imported, note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result = result
        self.setObjectName("package")
        self.setStyleSheet("#package { border: 1px solid #E0E0E0; border-radius: 4px; background: #FFFFFF; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        top = QHBoxLayout()
        title = QLabel(result.path.name)
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setStyleSheet("font-weight: bold;")
        top.addWidget(title)
        if result.station_name:
            station = QLabel(f"{result.station_name}（{result.station}）")
            station.setTextFormat(Qt.TextFormat.PlainText)
            station.setStyleSheet("color: #555;")
            top.addWidget(station)
        if result.seq_to:
            top.addWidget(QLabel(range_text(result.seq_from, result.seq_to, result.full)))
        top.addStretch(1)
        colour = STATE_COLOURS.get(result.state, "#666666")
        self.state = QLabel(state_label(result))
        self.state.setStyleSheet(
            f"color: white; background: {colour}; border-radius: 3px; padding: 2px 8px; font-weight: bold;"
        )
        top.addWidget(self.state)
        layout.addLayout(top)
        self.message = QLabel(result.message)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # names a file and a station people typed
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if result.state in ("refused", "waiting"):
            self.message.setStyleSheet(f"color: {colour};")
        layout.addWidget(self.message)
        if note:
            layout.addWidget(hint_label(note))
        if result.counts:
            rows = [
                (t(label(table)), [counts.get(key, 0) for key, _ in IMPORT_COLUMNS])
                for table, counts in in_clerks_order(result.counts)
            ]
            layout.addWidget(counts_table(rows, [t(word) for _, word in IMPORT_COLUMNS]))
        self.refusals: QLabel | QPlainTextEdit | None = None
        if result.refusals:
            header = QLabel(
                t("拒收的记录（{n} 条），其余记录照常导入：").format(n=f"{len(result.refusals):,}")
            )
            header.setStyleSheet(f"color: {PARTY_RED}; font-weight: bold; padding-top: 4px;")
            layout.addWidget(header)
            sentences = "\n".join("• " + r.sentence() for r in result.refusals)
            if len(result.refusals) <= WHOLE:  # wrapped, every one whole
                self.refusals = QLabel(sentences)
                self.refusals.setTextFormat(Qt.TextFormat.PlainText)
                self.refusals.setWordWrap(True)
                self.refusals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            else:  # hundreds: a box of their own that scrolls
                self.refusals = QPlainTextEdit(sentences)
                self.refusals.setReadOnly(True)
                self.refusals.setFixedHeight(220)
            layout.addWidget(self.refusals)


class ImportDialog(QDialog):
    """导入数据包: the dry run's summary with 导入 / 取消, or, after the import, what
    became of each package and where its receipt went. At a sub-district the same for
    载入下发数据包 (``note``: one sentence on what the district's packages brought)."""

    open_folder: Callable[[Path], Any] = staticmethod(_open_folder)

    def __init__(
        self, results: list[Imported], *, preview: bool, parent: QWidget | None = None, note: str = ""
    ) -> None:
        super().__init__(parent)
        self.results = results
        down = any(r.path.stem.endswith("-down") for r in results)
        if down:
            self.setWindowTitle(t("载入下发数据包：预检结果") if preview else t("载入下发数据包：结果"))
        else:
            self.setWindowTitle(t("导入数据包：预检结果") if preview else t("导入数据包：结果"))
        self.headline = QLabel(self.summary(results))
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-size: 11pt; font-weight: bold;")
        self.note = hint_label(note)
        self.note.setVisible(bool(note))
        body = QWidget()
        body.setObjectName("packages")
        body.setStyleSheet("#packages { background: #FFFFFF; }")
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        self.body = body
        self.boxes = [PackageBox(r, self.follows(r, results) if preview else "") for r in results]
        for box in self.boxes:
            column.addWidget(box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.scroll = scroll
        self.buttons = QDialogButtonBox()
        self.import_button: QPushButton | None = None
        if preview:
            self.import_button = self.buttons.addButton(
                t("载入") if down else t("导入"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.import_button.setObjectName("primary")
            self.import_button.setEnabled(self.importable(results))
            cancel = self.buttons.addButton(t("取消"), QDialogButtonBox.ButtonRole.RejectRole)
            cancel.setDefault(not self.importable(results))
        else:
            receipts = sorted({r.receipt.parent for r in results if r.receipt is not None})
            if receipts:
                show = self.buttons.addButton(t("打开回执所在文件夹"), QDialogButtonBox.ButtonRole.ActionRole)
                show.clicked.connect(lambda: [self.open_folder(folder) for folder in receipts])
            self.buttons.addButton(t("关闭"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.note)
        if preview:
            if not self.importable(results):
                hint = (
                    t("没有可以载入的数据包，数据库没有改动。")
                    if down
                    else t("没有可以导入的数据包，数据库没有改动。")
                )
            elif down:
                hint = t("以下是预检结果，数据库还没有改动。点“载入”才会真正载入。")
            else:
                hint = t("以下是预检结果，数据库还没有改动。点“导入”才会真正导入。")
            layout.addWidget(hint_label(hint))
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.resize(780, 560)

    def showEvent(self, event: Any) -> None:
        # As tall as the packages need (measured now that the style applies), up to 760.
        around = self.height() - self.scroll.viewport().height()
        self.resize(self.width(), min(760, around + self.body.sizeHint().height()))
        super().showEvent(event)

    @staticmethod
    def follows(result: Imported, results: list[Imported]) -> str:
        """The dry run judges each package against the district as it is now; a package
        waiting for one earlier in the same batch is imported right after it."""
        if result.state != "waiting":
            return ""
        earlier = [
            r
            for r in results
            if r.state == "dry_run" and r.station == result.station and r.seq_to + 1 >= result.seq_from
        ]
        return t("同一批里有它前面的数据包，导入时会先导入那一个，再接着导入这一个。") if earlier else ""

    @staticmethod
    def importable(results: list[Imported]) -> bool:
        return any(r.state == "dry_run" for r in results)

    @staticmethod
    def summary(results: list[Imported]) -> str:
        by_state: dict[str, int] = {}
        for result in results:
            label_ = state_label(result)
            by_state[label_] = by_state.get(label_, 0) + 1
        parts = [t("{state} {n} 个").format(state=state, n=n) for state, n in by_state.items()]
        return t("共 {n} 个数据包：").format(n=len(results)) + "，".join(parts) + "。"


# --- dry run, then import (the district's up packages, a station's down packages) ----------


@dataclass(frozen=True)
class ImportWords:
    """What the flow says at each step: 导入 at the district, 载入 at a sub-district."""

    checking: str  # status line while the dry run runs
    check_title: str  # the dry run's progress dialog
    check_cancelled: str
    declined: str  # the person closed the summary without importing
    title: str  # the import's progress dialog
    failed: str  # the title of a refusal's message box
    cancelled: str  # cancelled part-way: those before stay


def import_after_dry_run(
    owner: QWidget,
    page: Any,
    store: Store,
    paths: list[str],
    words: ImportWords,
    done: Callable[[list[Imported]], None],
) -> None:
    """The dry run (nothing written) as a job, its summary with 导入 / 取消, then the
    import as a job; each package is its own transaction, so a cancel keeps those before."""
    from app.changes import SYNC, SYNCED_KINDS, Changes
    from app.sync.apply import import_job

    def refused(error: LiangxinError) -> None:
        page.say(error.message)
        QMessageBox.warning(owner, words.failed, error.message)

    def cancelled() -> None:
        page.runner.changed.emit(Changes.of(*SYNCED_KINDS))
        page.load()
        page.say(words.cancelled)

    def checked(results: list[Imported]) -> None:
        page.say(ImportDialog.summary(results))
        if ImportDialog(results, preview=True, parent=owner).exec() != QDialog.DialogCode.Accepted:
            page.say(words.declined)
            return
        page.runner.job(
            owner,
            words.title,
            lambda: import_job(store, paths),
            done,
            refused,
            writes=True,
            changes=lambda results: (
                Changes.of(*SYNCED_KINDS)
                if any(r.state == "applied" for r in results or [])
                else Changes.of(SYNC)
            ),
            on_cancel=cancelled,
        )

    page.say(words.checking)
    page.runner.job(
        owner,
        words.check_title,
        lambda: import_job(store, paths, dry_run=True),
        checked,
        refused,
        on_cancel=lambda: page.say(words.check_cancelled),
    )
