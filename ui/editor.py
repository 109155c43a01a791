"""The record editor: grouped fields built from the app's field specs, drop-downs for
coded values, date pickers, inline validation (a wrong credit code or ID number
turns red with the reason and Save stays disabled), and a question before
unsaved changes are thrown away."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QStringListModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.bounds import YEAR_MAX, YEAR_MIN
from app.domain.fields import Field
from app.errors import FieldError, LiangxinError
from ui.dialogs import confirm_discard, confirm_reveal
from ui.i18n import t

NO_DATE = QDate(1900, 1, 1)
ERROR_STYLE = "border: 1px solid #C8161D; background: #FFF3F3;"


class FieldWidget:
    """Adapts one Qt widget to get/set a field's value as the service expects it."""

    def __init__(
        self, field: Field, widget: QWidget, get: Callable[[], Any], put: Callable[[Any], None]
    ) -> None:
        self.field, self.widget, self.get, self.put = field, widget, get, put
        self.error = QLabel()
        self.error.setStyleSheet("color: #C8161D;")
        self.error.setWordWrap(True)
        self.error.hide()


class DateEdit(QDateEdit):
    """A date picker that can be empty; its calendar opens on this month, not on 1900."""

    def mousePressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.date() == NO_DATE and self.calendarWidget() is not None:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        super().mousePressEvent(event)


def _date_widget(field: Field) -> tuple[QWidget, Callable[[], Any], Callable[[Any], None]]:
    edit = DateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setMaximumDate(QDate(YEAR_MAX, 12, 31))
    edit.setSpecialValueText(t("（未填）"))
    edit.setDate(NO_DATE)

    def get() -> str | None:
        return None if edit.date() == NO_DATE else edit.date().toString("yyyy-MM-dd")

    def put(value: Any) -> None:
        # A stored date outside the years allowed (from before the bounds) shows as empty,
        # with a note (see RecordEditor._out_of_range); Qt would clamp it to a wrong date.
        edit.setDate(QDate(value.year, value.month, value.day) if _date_fits(value) else NO_DATE)

    return edit, get, put


def _date_fits(value: Any) -> bool:
    return isinstance(value, date) and YEAR_MIN <= value.year <= YEAR_MAX


def _code_widget(field: Field, codes: Any) -> tuple[QComboBox, Callable[[], Any], Callable[[Any], None]]:
    combo = QComboBox()
    if not field.required:
        combo.addItem(t("（未填）"), None)
    for code, label in codes.labels.items():
        combo.addItem(t(label), code)

    def put(value: Any) -> None:
        combo.setCurrentIndex(max(0, combo.findData(value)))

    return combo, lambda: combo.currentData(), put


class RecordEditor(QDialog):
    """Add (``record is None``) or edit one record of a register."""

    def __init__(
        self,
        title: str,
        fields: dict[str, Field],
        groups: list[tuple[str, list[str]]],
        save: Callable[[dict[str, Any]], dict[str, Any]],
        record: dict[str, Any] | None = None,
        lookups: dict[str, Callable[[str], list[str]]] | None = None,
        subtypes: Callable[[str], Any] | None = None,
        masked: tuple[str, ...] = (),
        reveal: Callable[[], dict[str, Any]] | None = None,
        parent: QWidget | None = None,
        defaults: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.resize(640, 720)
        self.fields, self._save, self.record = fields, save, record
        self._lookups = lookups or {}
        self._subtypes = subtypes
        self.saved: dict[str, Any] | None = None
        self.widgets: dict[str, FieldWidget] = {}

        body = QWidget()
        column = QVBoxLayout(body)
        for group_title, names in groups:
            box = QGroupBox(t(group_title))
            form = QFormLayout(box)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            for name in names:
                fw = self._make(fields[name])
                self.widgets[name] = fw
                label = t(fields[name].label) + (" *" if fields[name].required else "")
                holder = QWidget()
                stack = QVBoxLayout(holder)
                stack.setContentsMargins(0, 0, 0, 0)
                stack.addWidget(fw.widget)
                stack.addWidget(fw.error)
                form.addRow(label, holder)
            column.addWidget(box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(t("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("取消"))
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.try_save)

        layout = QVBoxLayout(self)
        if masked and record is not None and reveal is not None:
            bar = QHBoxLayout()
            note = QLabel(t("证件号码和电话已遮蔽；如需修改，请先显示完整信息。"))
            note.setStyleSheet("color: #666;")
            button = QPushButton(t("显示完整信息"))
            button.clicked.connect(lambda: self._reveal(reveal, masked, button))
            bar.addWidget(note, 1)
            bar.addWidget(button)
            layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)

        for name, value in ({} if record is not None else defaults or {}).items():
            self.widgets[name].put(value)
        if record is not None:
            for name, fw in self.widgets.items():
                fw.put(record.get(name))
            for name in masked:
                if name in self.widgets:
                    self.widgets[name].widget.setEnabled(False)
        self._initial = self.values()
        self._notes: dict[str, str] = {}
        if record is not None:
            self._out_of_range(record)
        for fw in self.widgets.values():
            self._watch(fw)
        self.validate()

    def _out_of_range(self, record: dict[str, Any]) -> None:
        """Stored values the widgets cannot hold (saved before the bounds existed): the
        widget shows the nearest allowed value, a note says what was stored, and the
        field counts as changed, so saving applies the bounds."""
        for name, fw in self.widgets.items():
            value, field = record.get(name), fw.field
            note = None
            if field.kind == "int" and value is not None and field.maximum is not None:
                if not field.minimum <= int(value) <= field.maximum:
                    note = t(
                        "库中原值 {value} 超出 {low} 至 {high} 的范围，已改为 {shown}，保存时按此值保存。"
                    )
                    note = note.format(
                        value=f"{int(value):,}",
                        low=f"{field.minimum:,}",
                        high=f"{field.maximum:,}",
                        shown=f"{fw.get():,}",
                    )
            elif field.kind == "date" and isinstance(value, date) and not _date_fits(value):
                note = t("库中原值 {value} 不在 {low} 至 {high} 年之间，已清空，请填写正确日期后保存。")
                note = note.format(value=value.isoformat(), low=YEAR_MIN, high=YEAR_MAX)
            if note is not None:
                self._notes[name] = note
                self._initial[name] = ("stored", value)  # differs from any widget value: dirty

    # -- widgets -----------------------------------------------------------------
    def _make(self, field: Field) -> FieldWidget:
        if field.kind == "bool":
            box = QCheckBox(t("是"))
            return FieldWidget(field, box, box.isChecked, lambda v: box.setChecked(bool(v)))
        if field.kind == "int":
            spin = QSpinBox()
            spin.setRange(field.minimum, field.maximum or 0)  # the field's own bounds (≤ 32 bits)
            spin.setGroupSeparatorShown(True)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)

            def put_int(v: Any) -> None:
                # Clamped here: QSpinBox.setValue raises OverflowError beyond 32 bits, and a
                # stored value from before the bounds must still open (with a note).
                spin.setValue(min(max(int(v or 0), spin.minimum()), spin.maximum()))

            return FieldWidget(field, spin, spin.value, put_int)
        if field.kind == "date":
            return FieldWidget(field, *_date_widget(field))
        if field.kind == "code" and field.codes is not None:
            return FieldWidget(field, *_code_widget(field, field.codes))
        if field.name == "subtype" and self._subtypes is not None:
            combo = QComboBox()
            return FieldWidget(
                field,
                combo,
                lambda: combo.currentData(),
                lambda v: combo.setCurrentIndex(max(0, combo.findData(v))),
            )
        if field.is_multiline:
            text = QPlainTextEdit()
            text.setFixedHeight(70)
            return FieldWidget(
                field, text, lambda: text.toPlainText().strip() or None, lambda v: text.setPlainText(v or "")
            )
        line = QLineEdit()
        if field.kind in ("uscc", "id_number"):
            line.setPlaceholderText(t("18位") if field.kind == "uscc" else t("18位（旧式15位可自动转换）"))
        lookup = self._lookups.get(field.ref or field.name)
        if lookup is not None:
            model = QStringListModel()
            completer = QCompleter(model, line)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            line.setCompleter(completer)
            line.textEdited.connect(lambda text: model.setStringList(lookup(text)))
            line.setPlaceholderText(t("输入名称、拼音首字母或编号查找"))
        return FieldWidget(
            field,
            line,
            lambda: line.text().strip() or None,
            lambda v: line.setText("" if v is None else str(v)),
        )

    def _watch(self, fw: FieldWidget) -> None:
        w = fw.widget
        signal = None
        if isinstance(w, QLineEdit):
            signal = w.textChanged
        elif isinstance(w, QComboBox):
            signal = w.currentIndexChanged
        elif isinstance(w, QSpinBox):
            signal = w.valueChanged
        elif isinstance(w, QCheckBox):
            signal = w.toggled
        elif isinstance(w, QDateEdit):
            signal = w.dateChanged
        elif isinstance(w, QPlainTextEdit):
            signal = w.textChanged
        if signal is not None:
            signal.connect(lambda *_: self.validate())
        if fw.field.name == "kind" and "subtype" in self.widgets and self._subtypes is not None:
            self._fill_subtypes()
            signal.connect(lambda *_: self._fill_subtypes())  # type: ignore[union-attr]

    def _fill_subtypes(self) -> None:
        combo = self.widgets["subtype"].widget
        assert isinstance(combo, QComboBox) and self._subtypes is not None
        current = combo.currentData() or (self.record or {}).get("subtype")
        codes = self._subtypes(self.widgets["kind"].get() or "enterprise")
        combo.blockSignals(True)
        combo.clear()
        for code, label in codes.labels.items():
            combo.addItem(t(label), code)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _reveal(
        self, reveal: Callable[[], dict[str, Any]], masked: tuple[str, ...], button: QPushButton
    ) -> None:
        if not confirm_reveal(
            self, t("将显示并允许修改完整的证件号码和电话。请确认周围无关人员看不到屏幕。")
        ):
            return
        full = reveal()
        for name in masked:
            self.widgets[name].put(full.get(name))
            self.widgets[name].widget.setEnabled(True)
        self._initial.update({name: self.widgets[name].get() for name in masked})
        button.setEnabled(False)

    # -- values and validation ------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {name: fw.get() for name, fw in self.widgets.items() if fw.widget.isEnabled()}

    def changes(self) -> dict[str, Any]:
        now = self.values()
        if self.record is None:
            return {k: v for k, v in now.items() if v not in (None, "", False, 0)}
        return {k: v for k, v in now.items() if v != self._initial.get(k)}

    @property
    def dirty(self) -> bool:
        return self.values() != self._initial

    def show_error(self, name: str, message: str | None) -> None:
        fw = self.widgets.get(name)
        if fw is None:
            return
        note = self._notes.get(name)
        fw.widget.setStyleSheet(ERROR_STYLE if message else "")
        fw.error.setStyleSheet("color: #C8161D;" if message else "color: #8A6D00;")
        fw.error.setText(message or note or "")
        fw.error.setVisible(bool(message or note))
        fw.widget.setToolTip(message or note or "")

    def validate(self) -> bool:
        """Check every field with the same rules the service applies; Save only when all pass."""
        ok = True
        for name, fw in self.widgets.items():
            # Integers and dates too: the bounds (years 1921–2100) are checked as one types.
            if fw.field.kind in ("ref", "code", "bool") or not fw.widget.isEnabled():
                self.show_error(name, None)
                continue
            try:
                fw.field.parse(fw.get())
                self.show_error(name, None)
            except FieldError as exc:
                self.show_error(name, exc.message)
                ok = False
        self.save_button.setEnabled(ok and (self.record is None or self.dirty))
        return ok

    def try_save(self) -> None:
        if not self.validate():
            return
        try:
            self.saved = self._save(self.changes())
        except FieldError as exc:
            if exc.field in self.widgets:
                self.show_error(exc.field, exc.message)
                self.widgets[exc.field].widget.setFocus()
            else:
                QMessageBox.warning(self, t("无法保存"), exc.message)
            return
        except LiangxinError as exc:
            QMessageBox.warning(self, t("无法保存"), exc.message)
            return
        self._initial = self.values()
        super().accept()

    def reject(self) -> None:
        if self.dirty and not confirm_discard(self):
            return
        super().reject()
