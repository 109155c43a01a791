"""Write resources/i18n/liangxin_en.ts (open it in Qt Linguist) and compile the .qm.

Run after changing UI strings:  python scripts/translations.py
The source language is Simplified Chinese; every string lives in the context
"liangxin" (see ui/i18n.py). A test fails when the .qm is older than this catalogue.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "liangxin_en.ts"
QM = TS.with_suffix(".qm")

EN = {
    # window and navigation
    "两新组织党建工作台": "Party-Building Workbench",
    "两新组织党建工作台 — {name}": "Party-Building Workbench — {name}",
    "两新组织": "Organizations",
    "党组织": "Party organizations",
    "党员": "Party members",
    "全局搜索": "Search everything",
    "{name}（{code}） · 数据文件 {db} · 两新组织 {orgs} · 党组织 {parties} · 党员 {members}": "{name} ({code}) · data file {db} · organizations {orgs} · Party organizations {parties} · members {members}",
    # register page
    "搜索：名称、拼音首字母（如 zw）、代码或号码": "Search: name, pinyin initials (e.g. zw), code or number",
    "筛选：": "Filter:",
    "全部{title}": "All: {title}",
    "新增": "Add",
    "删除": "Delete",
    "编辑": "Edit",
    "也可双击一行或按回车": "Or double-click a row, or press Enter",
    "共 {n} 条": "{n} records",
    "正在查询……": "Searching…",
    "正在统计……": "Counting…",
    "查询失败：": "Search failed: ",
    "确定删除{noun}“{name}”吗？": "Delete the {noun} “{name}”?",
    "删除只用于纠正误录入：记录会从登记簿中移除，删除操作保留在变更日志中。": "Delete is for records entered by mistake: the record leaves the register and the deletion is kept in the change log.",
    "无法删除": "Cannot delete",
    "还没有两新组织。点击“新增”逐个录入，或用“liangxin import”导入台账。": "No organizations yet. Click “Add” to enter one, or import a ledger with “liangxin import”.",
    "还没有党组织。点击“新增”录入党组织，并选择它覆盖的两新组织。": "No Party organizations yet. Click “Add” to enter one and choose the organizations it covers.",
    "还没有党员。点击“新增”录入党员，公民身份号码会自动核验并带出出生日期和性别。": "No Party members yet. Click “Add”; the ID number is checked and gives the birth date and gender.",
    # filters and columns
    "社区": "Community",
    "类型": "Type",
    "行业": "Industry",
    "覆盖状态": "Coverage",
    "类别": "Level",
    "组建方式": "Formation",
    "组织关系": "Relation",
    "党员类别": "Category",
    "组织名称": "Organization",
    "职工人数": "Staff",
    "指导员": "Instructor",
    "党组织名称": "Party organization",
    "书记": "Secretary",
    "覆盖单位": "Units covered",
    "任期届满": "Term ends",
    "姓名": "Name",
    "性别": "Gender",
    "公民身份号码": "ID number",
    "工作单位": "Employer",
    "入党日期": "Joined",
    # detail panel
    "在左侧表格中选择一条记录，这里会显示与它相关的组织、党员和待整改问题。": "Select a record in the table to see its related organizations, members and findings here.",
    "显示完整信息": "Show full details",
    "将显示这条记录完整的证件号码和电话。请确认周围无关人员看不到屏幕。": "The full ID and phone numbers of this record will be shown. Make sure nobody else can see the screen.",
    "待整改问题": "Findings",
    "未发现问题": "No findings",
    "依据：": "Source: ",
    "单击打开": "Click to open",
    "（无）": "(none)",
    "（显示前 {n} 个）": " (first {n} shown)",
    "这条记录已被删除。": "This record has been deleted.",
    "所属党组织": "Party organization",
    "本单位党员": "Members working here",
    "覆盖的两新组织": "Organizations covered",
    "上级党组织": "Parent Party organization",
    "下设党组织": "Subordinate Party organizations",
    "所在党组织": "Party organization",
    "具体类型": "Subtype",
    "统一社会信用代码": "Unified social credit code",
    "党建工作指导员": "Party-building instructor",
    "联系电话": "Phone",
    "党员人数": "Members",
    "超出覆盖上限的理由": "Reason for covering more units",
    "出生日期": "Birth date",
    # editor
    "保存": "Save",
    "取消": "Cancel",
    "是": "Yes",
    "（未填）": "(not set)",
    "无法保存": "Cannot save",
    "放弃修改": "Discard changes",
    "有尚未保存的修改。确定放弃这些修改吗？": "There are unsaved changes. Discard them?",
    "证件号码和电话已遮蔽；如需修改，请先显示完整信息。": "ID and phone numbers are masked; show full details to change them.",
    "将显示并允许修改完整的证件号码和电话。请确认周围无关人员看不到屏幕。": "The full ID and phone numbers will be shown and editable. Make sure nobody else can see the screen.",
    "输入名称、拼音首字母或编号查找": "Type a name, pinyin initials or an id",
    "18位": "18 characters",
    "18位（旧式15位可自动转换）": "18 characters (old 15-digit numbers are converted)",
    "基本信息": "Basic information",
    "党建情况": "Party building",
    "“六有”阵地": "Venue (“six haves”)",
    "联系方式": "Contact",
    "班子与届期": "Committee and term",
    "党籍": "Membership",
    "减少（转出、死亡等）": "Leaving (transfer out, death …)",
    # field labels
    "组织类型": "Organization type",
    "所属社区": "Community",
    "经营状态": "Status",
    "挂点领导": "Linked leader",
    "已建工会": "Trade union",
    "已建共青团": "Youth League",
    "已建妇联": "Women's federation",
    "有场所": "Has a room",
    "有设施": "Has facilities",
    "有标志": "Has signage",
    "有党旗": "Has the Party flag",
    "有书报": "Has reading material",
    "有制度": "Has rules posted",
    "法定代表人": "Legal representative",
    "联系人": "Contact person",
    "地址": "Address",
    "备注": "Notes",
    "党组织类别": "Level",
    "所在社区": "Community",
    "书记电话": "Secretary's phone",
    "成立日期": "Founded",
    "本届任期开始": "Term starts",
    "本届任期届满": "Term ends",
    "民族": "Ethnicity",
    "学历": "Education",
    "转正日期": "Full membership",
    "流出地/来自": "Comes from",
    "流入地/去向": "Works in",
    "减少方式": "Left by",
    "减少日期": "Left on",
    "减少说明": "Leaving note",
    # coded values
    "非公企业": "Enterprise",
    "社会组织": "Social organization",
    "在营": "Active",
    "注销": "Closed",
    "迁出": "Moved out",
    "党委": "Committee",
    "党总支": "General branch",
    "党支部": "Branch",
    "联合党支部": "Joint branch",
    "单独组建": "Independent",
    "联合组建": "Joint",
    "挂靠组建": "Attached",
    "男": "Male",
    "女": "Female",
    "正式党员": "Full member",
    "预备党员": "Probationary",
    "已转入": "Transferred in",
    "口袋党员": "“Pocket” member",
    "流出党员": "Mobile (out)",
    "流入党员": "Mobile (in)",
    "已覆盖（单独组建）": "Covered (independent)",
    "已覆盖（联合组建）": "Covered (joint)",
    "已覆盖（挂靠组建）": "Covered (attached)",
    "工作覆盖（已派指导员）": "Work coverage (instructor)",
    "未覆盖": "Not covered",
    # dashboard
    "工作台": "Dashboard",
    "设置": "Settings",
    "刷新": "Refresh",
    "导出表格…": "Export workbook…",
    "打印通报…": "Print report…",
    "把工作台的各张表和问题明细导出为 Excel 表格（.xlsx）": "Export every table of the dashboard and the findings to an Excel workbook (.xlsx)",
    "生成一页 A4 的 PDF 通报（Ctrl+P）": "Make a one-page A4 PDF report (Ctrl+P)",
    "统计日期 {date} · 统计范围：{scope} · 覆盖率目标 {target}%": "As of {date} · scope: {scope} · target {target}%",
    "统计失败：": "Could not compute the figures: ",
    "已建党组织覆盖": "Covered",
    "党的组织覆盖率": "Party organization coverage",
    "党的工作覆盖率": "Party work coverage",
    "单独组建率": "Independent rate",
    "流动党员": "Mobile members",
    "各社区党的组织覆盖率（由低到高）": "Coverage by community (lowest first)",
    "党的组织覆盖率最低的 {n} 个社区（共 {all} 个）": "The {n} communities with the lowest coverage (of {all})",
    "各行业党的组织覆盖率（由低到高）": "Coverage by industry (lowest first)",
    "按职工规模：已覆盖 / 统计范围内": "By staff size: covered / in scope",
    "已覆盖": "Covered",
    "覆盖率月度趋势": "Monthly trend of the rates",
    "规则检查：待整改问题": "Rule checks: open findings",
    "规则": "Rule",
    "问题数": "Findings",
    "点击一条规则，查看它的依据和问题清单。": "Click a rule to see its source and its findings.",
    "双击一条问题，在登记簿中打开对应记录。": "Double-click a finding to open its record.",
    "名称": "Name",
    "问题": "Finding",
    "数据反查": "Records behind the figure",
    "{title}：共 {n} 条。双击一行，在“{register}”中打开。": "{title}: {n} records. Double-click a row to open it in {register}.",
    "打印通报": "Print report",
    "导出表格": "Export workbook",
    "PDF 文件 (*.pdf)": "PDF files (*.pdf)",
    "Excel 表格 (*.xlsx)": "Excel workbooks (*.xlsx)",
    "正在生成……": "Writing…",
    "已生成通报：{path}": "Report written: {path}",
    "已导出表格：{path}": "Workbook written: {path}",
    # settings
    "修改后立即保存，工作台的统计数字和问题清单随之更新。每项都可恢复为默认值；修改记入变更日志。": "Changes are saved at once and the dashboard follows. Each can be reset to its default; changes are journaled.",
    "规则标准": "Rule thresholds",
    "标准": "Threshold",
    "数值": "Value",
    "默认值": "Default",
    "覆盖率统计": "Coverage figures",
    "设置项": "Setting",
    "界面": "Interface",
    "界面语言": "Language",
    "重新打开程序后生效。": "Takes effect when the program is opened again.",
    "全部恢复默认值…": "Reset all to defaults…",
    "恢复默认": "Reset",
    "全部恢复默认值": "Reset all to defaults",
    "所有规则标准和统计范围都将恢复为默认值，工作台的数字会随之改变。确定吗？": "Every threshold and the scope go back to their defaults and the dashboard's figures change. Continue?",
    "已保存：{label} = {value}": "Saved: {label} = {value}",
    "所有设置已恢复为默认值。": "All settings are back to their defaults.",
    "界面语言已改为 {name}，重新打开程序后生效。": "Language set to {name}; it takes effect when the program is opened again.",
    # global search
    "输入名称、拼音首字母、信用代码或身份证号码……": "Type a name, pinyin initials, credit code or ID number…",
    "↑↓ 选择，回车打开，Esc 关闭": "↑↓ choose, Enter opens, Esc closes",
    "没有找到匹配的记录": "Nothing found",
}


def write_ts() -> None:
    messages = "\n".join(
        f"    <message>\n        <source>{escape(zh)}</source>\n        <translation>{escape(en)}</translation>\n    </message>"
        for zh, en in EN.items()
    )
    TS.parent.mkdir(parents=True, exist_ok=True)
    TS.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="en_US" sourcelanguage="zh_CN">\n<context>\n    <name>liangxin</name>\n'
        f"{messages}\n</context>\n</TS>\n",
        encoding="utf-8",
    )


def compile_qm() -> None:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run(
        [str(lrelease) if lrelease.exists() else "pyside6-lrelease", str(TS), "-qm", str(QM)], check=True
    )


if __name__ == "__main__":
    write_ts()
    compile_qm()
