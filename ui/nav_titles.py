"""The navigation's pages as plain constants — key, title, icon name — for the frame the
window paints before its libraries are loaded (ui/start_frame.py), and the window's own
NAV in ui/main_window.py (the titles equal the registers' titles: a test checks)."""

from __future__ import annotations

NAV_TITLES = (
    ("dashboard", "工作台", "SP_ComputerIcon"),
    ("organization", "两新组织", "SP_DirHomeIcon"),
    ("party_org", "党组织", "SP_FileDialogListView"),
    ("member", "党员", "SP_FileDialogDetailedView"),
    ("life", "组织生活", "SP_FileDialogStart"),
    ("visits", "走访", "SP_DialogYesButton"),
    ("board", "专项行动", "SP_FileDialogContentsView"),
    ("appraisal", "考核评议", "SP_DialogApplyButton"),
    ("exchange", "数据交换", "SP_DriveNetIcon"),
    ("duplicates", "查重", "SP_FileDialogDetailedView"),
    ("audit", "操作日志", "SP_FileIcon"),  # not 设置's icon
    ("settings", "设置", "SP_FileDialogInfoView"),
)
DISTRICT_ONLY = ("duplicates",)  # hidden from a sub-district's navigation, as in the real window
