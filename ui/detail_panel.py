"""The panel beside a register's table: the selected record's key facts, what is
related to it (each item opens with one click), and the rule findings about it."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.masking import birth_display
from app.domain.text import visible
from app.services.related import Detail
from ui.i18n import t

LINK_ROLE = Qt.ItemDataRole.UserRole + 2
HISTORY_SHOWN = 5  # the newest changes on the panel; 更多… opens the 操作日志 page

# Key facts per register: (record key, label)
FACTS = {
    "organization": [
        ("kind_label", "类型"),
        ("subtype_label", "具体类型"),
        ("uscc", "统一社会信用代码"),
        ("community", "社区"),
        ("industry_label", "行业"),
        ("employees", "职工人数"),
        ("coverage_label", "覆盖状态"),
        ("instructor", "党建工作指导员"),
        ("contact_phone", "联系电话"),
    ],
    "party_org": [
        ("level_label", "类别"),
        ("formation_label", "组建方式"),
        ("secretary", "书记"),
        ("members", "党员人数"),
        ("term_end", "任期届满"),
        ("coverage_override", "超出覆盖上限的理由"),
    ],
    "member": [
        ("gender_label", "性别"),
        ("id_number", "公民身份号码"),
        ("birth_date", "出生日期"),
        ("phone", "联系电话"),
        ("category_label", "党员类别"),
        ("relation_label", "组织关系"),
        ("joined_on", "入党日期"),
        ("reviews", "民主评议"),
    ],
}


def fact_text(key: str, value: Any, record: dict[str, Any]) -> str:
    """One fact as shown. The birth date follows the ID number: where the number is
    masked, only the year (the masked digits are the birth date)."""
    if key == "birth_date" and isinstance(value, date):
        return birth_display(value, masked="*" in (record.get("id_number") or ""))
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, date):
        return value.isoformat()
    return visible(str(value))


def history_reader(store: Any) -> Callable[[str, str, int], list[Any]]:
    """What the window gives each panel to read a record's newest history with (the
    audit module is imported when a record is first shown, not at start-up)."""

    def read(kind: str, record_id: str, limit: int) -> list[Any]:
        from app.services.audit import record_history

        return record_history(store, kind, record_id, limit=limit)

    return read


class DetailPanel(QScrollArea):
    open_link = Signal(str, str)  # kind, id
    edit_requested = Signal()
    reveal_requested = Signal()
    history_requested = Signal(str, str, str)  # register, id, name: the 操作日志 page for it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setMinimumWidth(260)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._body = QWidget()
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(12, 8, 12, 8)
        self.setWidget(self._body)
        self.detail: Detail | None = None
        # (register, id) -> why the district refused the record, on a sub-district (the window sets it)
        self.refusal_of: Callable[[str, str], str | None] | None = None
        # (register, id, how many) -> its newest history entries (the window sets it)
        self.history_of: Callable[[str, str, int], list[Any]] | None = None
        self.show_empty(t("在左侧表格中选择一条记录，这里会显示与它相关的组织、党员和待整改问题。"))

    def _clear(self, layout: QVBoxLayout | QHBoxLayout | None = None) -> None:
        # Detached at once (not only deleteLater), so old content never shows under new.
        layout = layout or self._layout
        while layout.count():
            item = layout.takeAt(0)
            widget, child = item.widget(), item.layout()
            if widget is not None:
                widget.hide()
                widget.setParent(None)  # type: ignore[call-overload]
                widget.deleteLater()
            elif child is not None:
                self._clear(child)  # type: ignore[arg-type]

    def show_empty(self, text: str) -> None:
        self._clear()
        self.detail = None
        hint = QLabel(text)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #777; padding: 24px 4px;")
        self._layout.addWidget(hint)
        self._layout.addStretch(1)

    def show_detail(self, detail: Detail, can_reveal: bool) -> None:
        self._clear()
        self.detail = detail
        record = detail.record
        title = QLabel(visible(record.get("name") or ""))
        title.setTextFormat(Qt.TextFormat.PlainText)  # a name is text, never markup
        title.setWordWrap(True)
        title.setStyleSheet("font-size: 13pt; font-weight: bold; padding: 4px 0;")
        self._layout.addWidget(title)
        reason = self.refusal_of(detail.kind, record["id"]) if self.refusal_of and "id" in record else None
        if reason:
            refused = QLabel(t("区里拒收：{reason}").format(reason=visible(reason)))
            refused.setObjectName("refused")
            refused.setTextFormat(Qt.TextFormat.PlainText)  # the reason quotes what people typed
            refused.setWordWrap(True)
            refused.setToolTip(t("改正这条记录后，下一个上报数据包会带上修改，区里重新审核。"))
            refused.setStyleSheet(
                "background: #FDECEA; color: #8E0E12; border-left: 4px solid #C8161D; padding: 6px 8px;"
            )
            self._layout.addWidget(refused)
            self._layout.addSpacing(4)

        facts = QLabel()
        facts.setTextFormat(Qt.TextFormat.RichText)
        facts.setWordWrap(True)
        rows = []
        for key, label in FACTS[detail.kind]:
            value = record.get(key)
            if value in (None, ""):
                continue
            rows.append(
                f"<tr><td style='color:#666; padding-right:10px'>{t(label)}</td>"
                f"<td>{html.escape(fact_text(key, value, record))}</td></tr>"
            )
        facts.setText(f"<table>{''.join(rows)}</table>")
        self._layout.addWidget(facts)

        buttons = QHBoxLayout()
        edit = QPushButton(t("编辑"))
        edit.clicked.connect(self.edit_requested.emit)
        buttons.addWidget(edit)
        if can_reveal:
            reveal = QPushButton(t("显示完整信息"))
            reveal.clicked.connect(self.reveal_requested.emit)
            buttons.addWidget(reveal)
        buttons.addStretch(1)
        self._layout.addLayout(buttons)

        if detail.kind != "member":
            self._add_findings(detail)
        for section, links in detail.links.items():
            total = detail.totals.get(section, len(links))
            more = t("（显示前 {n} 个）").format(n=len(links)) if total > len(links) else ""
            header = QLabel(f"{t(section)}  {total:,}{more}")
            header.setStyleSheet("font-weight: bold; padding-top: 10px;")
            self._layout.addWidget(header)
            if not links:
                none = QLabel(t("（无）"))
                none.setStyleSheet("color: #999;")
                self._layout.addWidget(none)
                continue
            self._layout.addWidget(self._link_list(links))
        self._add_history(detail)
        self._layout.addStretch(1)

    def _add_history(self, detail: Detail) -> None:
        """修改记录: who changed what, newest first; the rest on the 操作日志 page."""
        record = detail.record
        if self.history_of is None or "id" not in record:
            return
        entries = self.history_of(detail.kind, record["id"], HISTORY_SHOWN + 1)
        header = QLabel(t("修改记录"))
        header.setStyleSheet("font-weight: bold; padding-top: 10px;")
        self._layout.addWidget(header)
        if not entries:
            none = QLabel(t("（无）"))
            none.setStyleSheet("color: #999;")
            self._layout.addWidget(none)
        for entry in entries[:HISTORY_SHOWN]:
            line = QLabel(
                f"{entry.when}  {visible(entry.by)}  {t(entry.action_label)}"
                + (f"\n{visible(entry.summary)}" if entry.summary else "")
            )
            line.setObjectName("history")
            line.setTextFormat(Qt.TextFormat.PlainText)  # values are what people typed
            line.setWordWrap(True)
            line.setStyleSheet("padding: 2px 0 4px 0; color: #333;")
            self._layout.addWidget(line)
        if len(entries) > HISTORY_SHOWN:
            more = QPushButton(t("更多…"))
            more.setFlat(True)
            more.setStyleSheet("text-align: left; color: #1565C0;")
            more.clicked.connect(
                lambda: self.history_requested.emit(detail.kind, record["id"], record.get("name") or "")
            )
            self._layout.addWidget(more)

    def _add_findings(self, detail: Detail) -> None:
        header = QLabel(t("待整改问题") + f"  {len(detail.findings)}")
        header.setStyleSheet("font-weight: bold; padding-top: 10px;")
        self._layout.addWidget(header)
        if not detail.findings:
            ok = QLabel("✓ " + t("未发现问题"))
            ok.setStyleSheet("color: #2E7D32;")
            self._layout.addWidget(ok)
            return
        for finding in detail.findings:
            label = QLabel(f"⚠ {visible(finding.message)}")
            label.setTextFormat(Qt.TextFormat.PlainText)  # messages quote names people typed
            label.setWordWrap(True)
            label.setToolTip(t("依据：") + finding.source)
            label.setStyleSheet("color: #B71C1C; padding: 2px 0;")
            self._layout.addWidget(label)

    def _link_list(self, links: list[Any]) -> QListWidget:
        widget = QListWidget()
        widget.setFrameShape(QFrame.Shape.StyledPanel)
        for link in links:
            text = f"{link.name}  {link.note}" if link.note else link.name
            item = QListWidgetItem(text)
            item.setData(LINK_ROLE, (link.kind, link.id))
            item.setToolTip(t("单击打开"))
            widget.addItem(item)
        widget.setUniformItemSizes(True)
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        widget.setStyleSheet("QListWidget::item { padding: 3px 2px; }")
        row_height = max(widget.sizeHintForRow(0), 24)
        widget.setFixedHeight(min(len(links), 8) * row_height + 6)
        widget.itemClicked.connect(lambda item: self.open_link.emit(*item.data(LINK_ROLE)))
        return widget
