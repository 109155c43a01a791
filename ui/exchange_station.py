"""The sub-district's side of 数据交换: enrol with the district (its enrolment file, a
passphrase of the clerk's choosing, the district's key id to confirm by phone, the
public-key file to hand back), make the packages it hands up, load the district's
receipts, and list the records the district refused."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.changes import SYNC, Changes
from app.errors import LiangxinError
from app.sync import keys
from app.sync.apply import Imported
from app.sync.export import Made, export_job
from app.sync.receipt import Receipt, load_receipt
from ui import exchange_dialogs as dialogs
from ui.dialogs import confirm
from ui.exchange_dialogs import (
    FORGOTTEN_STATION,
    ExportSummaryDialog,
    ImportDialog,
    ImportWords,
    ask_folder,
    ask_open,
    ask_open_many,
    ask_save,
    busy,
    fill_table,
    grouped,
    hint_label,
    import_after_dry_run,
    list_table,
    open_keys,
    selected,
)
from ui.i18n import N_, t, ui_settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from ui.exchange_page import ExchangePage

OPENS = ("organization", "party_org", "member")  # registers a refusal's row opens on
# What a down package brings, in the clerk's words and the order the clerk reads them.
CAME = (
    ("campaign", N_("专项行动 {n} 项")),
    ("phase", N_("行动阶段 {n} 个")),
    ("task", N_("任务 {n} 项")),
    ("appraisal_template", N_("考评模板 {n} 个")),
    ("setting", N_("设置 {n} 项")),
)


def what_came(results: list[Imported]) -> str:
    """One sentence on what the district's packages brought (new or changed rows)."""
    brought: dict[str, int] = {}
    for result in results:
        if result.state != "applied":
            continue
        for table, counts in result.counts.items():
            brought[table] = brought.get(table, 0) + counts.get("new", 0) + counts.get("updated", 0)
    parts = [t(words).format(n=f"{brought[table]:,}") for table, words in CAME if brought.get(table)]
    if not parts:
        return t("区里下发的内容本站点都已有，没有新变化。")
    text = t("载入了区里下发的：") + "、".join(parts) + "。"
    if brought.get("task"):
        text += t("区里的任务在“专项行动”页，与本站点自己的任务一样移动、销号。")
    if brought.get("setting"):
        text += t("区里统一设定的标准在“设置”页标为“区统一设定”，本站点不能修改。")
    return text


class StationSide(QWidget):
    def __init__(self, page: ExchangePage) -> None:
        super().__init__(page)
        self.page, self.store = page, page.store

        self.enrol_box = QGroupBox(t("登记到区里"))
        self.enrol_text = QLabel()
        self.enrol_text.setWordWrap(True)
        self.enrol_text.setTextFormat(Qt.TextFormat.PlainText)
        self.enrol_button = QPushButton(t("载入区里发来的登记文件…"))
        self.enrol_button.setObjectName("primary")
        self.enrol_button.clicked.connect(lambda: self.enrol())
        self.public_button = QPushButton(t("导出本站公钥文件…"))
        self.public_button.clicked.connect(self.export_public)
        self.again_button = QPushButton(t("重新登记…"))
        self.again_button.setToolTip(t("忘记口令时：载入区里重新发来的登记文件，生成新密钥，原密钥作废。"))
        self.again_button.clicked.connect(lambda: self.enrol(again=True))
        row = QHBoxLayout(self.enrol_box)
        row.addWidget(self.enrol_text, 1)
        for button in (self.enrol_button, self.public_button, self.again_button):
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)

        self.report_box = QGroupBox(t("上报数据"))
        self.make_button = QPushButton(t("生成上报数据包…"))
        self.make_button.setObjectName("primary")
        self.make_button.clicked.connect(self.make_package)
        self.full = QCheckBox(t("全量（重报本站点的全部记录）"))
        self.full.setToolTip(
            t("平时不用勾选：只上报区里上次确认以后的变化。区里数据丢失或要求重报时才勾选。")
        )
        self.receipt_button = QPushButton(t("载入回执…"))
        self.receipt_button.clicked.connect(self.load_receipt)
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.full)
        buttons.addStretch(1)
        buttons.addWidget(self.receipt_button)
        self.folder_hint = hint_label("")
        report = QVBoxLayout(self.report_box)
        report.addLayout(buttons)
        report.addWidget(self.folder_hint)

        self.refusal_box = QGroupBox(t("区里拒收的记录"))
        self.refusals = list_table([(t("登记簿"), 110), (t("名称"), 260), (t("原因"), 400)])
        self.refusals.doubleClicked.connect(lambda *_: self.open_refused())
        self.down_box = QGroupBox(t("区里下发"))
        self.down_button = QPushButton(t("载入下发数据包…"))
        self.down_button.clicked.connect(self.load_down)
        row = QHBoxLayout(self.down_box)
        row.addWidget(self.down_button)
        row.addWidget(
            hint_label(
                t(
                    "区里下发的专项行动和任务、考评模板、统一设定。先预检、再载入；"
                    "只改区里的内容，本站点自己的记录不会被改动。"
                )
            ),
            1,
        )

        refused = QVBoxLayout(self.refusal_box)
        refused.addWidget(
            hint_label(t("这些记录区里没有接收。请按原因改正，下次上报会带上修改。双击一行打开该记录。"))
        )
        refused.addWidget(self.refusals, 1)
        self.refusal_box.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enrol_box)
        layout.addWidget(self.report_box)
        layout.addWidget(self.down_box)
        layout.addWidget(self.refusal_box, 1)

    # -- what is on screen -----------------------------------------------------------------
    def show_data(self, data: dict[str, Any]) -> None:
        own, status = data["keys"], data["status"]
        enrolled = bool(status["enrolled"] and own["keys"] and own["district"])
        if enrolled:
            district = own["district"]
            self.enrol_text.setText(
                t(
                    "已登记到“{name}”（{code}）。区的密钥编号 {district_key}；本站点的密钥编号 {own_key}。"
                ).format(
                    name=district["name"],
                    code=district["code"],
                    district_key=grouped(district["key_id"]),
                    own_key=grouped(own["key_id"]),
                )
            )
        else:
            self.enrol_text.setText(
                t(
                    "第一步：载入区里发来的登记文件。载入时为本站点设定一个密钥口令，程序随即生成本站点的密钥；"
                    "然后导出本站公钥文件，交回区里。"
                )
            )
        self.enrol_button.setVisible(not enrolled)
        self.public_button.setVisible(enrolled)
        self.again_button.setVisible(enrolled)
        self.report_box.setEnabled(enrolled)
        self.down_box.setEnabled(enrolled)
        folder = str(ui_settings().value("exchange/folder", ""))
        self.folder_hint.setText(
            (t("上报数据包只含区里上次确认以后的变化，加密后只有区里能打开。"))
            + (t("上次保存到：{folder}").format(folder=folder) if folder else "")
            if enrolled
            else t("登记到区里之后才能生成上报数据包。")
        )
        rows = [(r, [r["register"], r["name"] or r["id"][:8], r["reason"]]) for r in data["refusals"]]
        fill_table(self.refusals, rows)
        self.refusal_box.setVisible(bool(rows))
        self.refusal_box.setTitle(t("区里拒收的记录（{n} 条）").format(n=len(rows)))

    def grows(self) -> bool:
        return not self.refusal_box.isHidden()

    def _refused(self, title: str) -> Callable[[LiangxinError], None]:
        def show(error: LiangxinError) -> None:
            self.page.say(error.message)
            QMessageBox.warning(self, title, error.message)

        return show

    # -- enrolment -------------------------------------------------------------------------
    def enrol(self, again: bool = False) -> None:
        if again and not confirm(
            self,
            t("重新登记"),
            t(
                "重新登记会生成新的密钥，原来的密钥作废。需要区里为本站点重新生成的登记文件；"
                "完成后要把新的公钥文件交回区里。确定继续吗？"
            ),
            QMessageBox.StandardButton.Yes,
        ):
            return
        path = ask_open(self, t("载入区里发来的登记文件"), t("登记文件 (*.json);;所有文件 (*)"))
        if not path:
            return
        try:  # every refusal of the file comes before anyone types a passphrase
            preview = keys.preview_enrolment(self.store, Path(path), again=again)
        except LiangxinError as exc:
            self._refused(t("未能载入登记文件"))(exc)
            return
        district = preview["district"]
        if not preview["needed"]:
            QMessageBox.information(
                self,
                t("登记到区里"),
                t("本站点已登记到“{name}”，这份登记文件与已载入的相同，无需再次载入。").format(
                    name=district["name"]
                ),
            )
            return
        passphrase = dialogs.ask_new_passphrase(
            self,
            t("设定密钥口令"),
            t(
                "登记文件来自“{name}”（{code}）。请为本站点设定密钥口令：生成上报数据包、载入回执时要用，"
                "每次运行程序输入一次。"
            ).format(name=district["name"], code=district["code"]),
            t(FORGOTTEN_STATION),
        )
        if passphrase is None:
            return
        try:
            with busy():  # making and locking the keys takes a few seconds
                result = self.page.runner.call(
                    lambda: keys.enrol(self.store, Path(path), passphrase, again=again), Changes.of(SYNC)
                )
        except LiangxinError as exc:
            self._refused(t("未能登记"))(exc)
            return
        self.page.load()
        self.page.say(t("已登记到“{name}”。").format(name=result["district"]["name"]))
        self._enrolled(result)

    def _enrolled(self, result: dict[str, Any]) -> None:
        """The district's key id, to confirm by phone, and the next step."""
        district = result["district"]
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(t("登记完成"))
        box.setText(
            t("已登记到“{name}”（{code}），本站点的密钥已生成。").format(
                name=district["name"], code=district["code"]
            )
        )
        box.setInformativeText(
            t(
                "请打电话给区里，核对区的密钥编号：\n{key}\n\n"
                "编号一致，才说明这份登记文件确实来自区里；不一致请停止使用，并告知区里。\n\n"
                "下一步：导出本站公钥文件，交给区里载入。"
            ).format(key=grouped(district["key_id"]))
        )
        export = box.addButton(t("导出本站公钥文件…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(t("稍后"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is export:
            self.export_public()

    def export_public(self) -> None:
        if not open_keys(self, self.store, self.page.runner):
            return
        code, name = self.store.station.code, self.store.station.name
        path = ask_save(self, t("导出本站公钥文件"), f"{code}-{name}-公钥.json", t("公钥文件 (*.json)"))
        if not path:
            return

        def done(result: dict[str, Any]) -> None:
            text = t(
                "公钥文件已保存到“{path}”。请把它交给区里，在区里的“数据交换”页用“载入街道公钥”载入；"
                "本站点的密钥编号是 {key}，区里载入时可电话核对。"
            ).format(path=result["file"], key=grouped(result["key_id"]))
            self.page.say(text)
            QMessageBox.information(self, t("导出本站公钥文件"), text)

        self.page.runner.write(
            lambda: keys.export_public(self.store, Path(path)), done, self._refused(t("未能导出公钥文件"))
        )

    # -- packages and receipts -------------------------------------------------------------
    def make_package(self) -> None:
        if not open_keys(self, self.store, self.page.runner):
            return
        folder = ask_folder(self, t("选择保存上报数据包的文件夹（如 U 盘）"))
        if not folder:
            return
        full = self.full.isChecked()
        self.page.say(t("正在生成上报数据包……"))
        self.page.runner.job(
            self,
            t("生成上报数据包"),
            lambda: export_job(self.store, folder, full=full),
            self._made,
            self._refused(t("未能生成上报数据包")),
            writes=True,
            changes=Changes.of(SYNC),
            on_cancel=lambda: self.page.say(t("已取消，没有生成数据包。")),
        )

    def _made(self, made: Made) -> None:
        self.page.say(t("已生成上报数据包：{path}").format(path=made.path))
        self.full.setChecked(False)
        self.page.load()
        ExportSummaryDialog(made, self).exec()

    def load_receipt(self) -> None:
        path = ask_open(self, t("载入回执"), t("回执 (*.lxpkg);;所有文件 (*)"))
        if not path or not open_keys(self, self.store, self.page.runner):
            return

        def done(receipt: Receipt) -> None:
            self.page.say(receipt.message)
            self.page.load()
            QMessageBox.information(self, t("载入回执"), receipt.message)

        self.page.runner.write(
            lambda: load_receipt(self.store, path), done, self._refused(t("未能载入回执")), Changes.of(SYNC)
        )

    # -- what the district sends down ------------------------------------------------------
    def load_down(self) -> None:
        """Dry run first (nothing written), its summary with 导入 / 取消, then the load."""
        paths = ask_open_many(
            self, t("选择区里发来的下发数据包"), t("下发数据包 (*-down.lxpkg);;数据包 (*.lxpkg)")
        )
        if not paths or not open_keys(self, self.store, self.page.runner):
            return
        words = ImportWords(
            checking=t("正在预检下发数据包……"),
            check_title=t("预检下发数据包"),
            check_cancelled=t("已取消，没有载入任何数据。"),
            declined=t("没有载入任何数据。"),
            title=t("载入下发数据包"),
            failed=t("未能载入下发数据包"),
            cancelled=t("已取消：尚未载入的数据包没有载入，取消前已载入的保留（见交换记录）。"),
        )
        import_after_dry_run(self, self.page, self.store, paths, words, self._down_loaded)

    def _down_loaded(self, results: list[Imported]) -> None:
        came = what_came(results)
        self.page.say(came if any(r.state == "applied" for r in results) else ImportDialog.summary(results))
        self.page.load()
        ImportDialog(results, preview=False, parent=self, note=came).exec()

    def open_refused(self) -> None:
        refusal = selected(self.refusals)
        if refusal and refusal["table"] in OPENS:
            self.page.open_link.emit(refusal["table"], refusal["id"])
