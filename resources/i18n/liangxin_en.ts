<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>liangxin</name>
    <message>
        <source>选择评议对象</source>
        <translation>Choose subjects</translation>
    </message>
    <message>
        <source>筛选名称</source>
        <translation>Filter by name</translation>
    </message>
    <message>
        <source>全选（可见的）</source>
        <translation>Select all (shown)</translation>
    </message>
    <message>
        <source>全不选</source>
        <translation>Select none</translation>
    </message>
    <message>
        <source>开始评议</source>
        <translation>Start appraisals</translation>
    </message>
    <message>
        <source>考核评议</source>
        <translation>Appraisals</translation>
    </message>
    <message>
        <source>年度 </source>
        <translation>Year </translation>
    </message>
    <message>
        <source>开始评议…</source>
        <translation>Start appraisals…</translation>
    </message>
    <message>
        <source>导入模板…</source>
        <translation>Import template…</translation>
    </message>
    <message>
        <source>批量打印…</source>
        <translation>Print all…</translation>
    </message>
    <message>
        <source>本年度本模板的全部考核表合成一个 PDF，每份从新页开始</source>
        <translation>All of this year's forms for this template in one PDF, each on a new page</translation>
    </message>
    <message>
        <source>逐份保存…</source>
        <translation>One file each…</translation>
    </message>
    <message>
        <source>每个评议对象单独保存一个 PDF 文件</source>
        <translation>One PDF file per subject</translation>
    </message>
    <message>
        <source>还没有考核记录。选好模板和年度，点击“开始评议…”选择评议对象。</source>
        <translation>No appraisals yet. Choose a template and a year, then click “Start appraisals…” to choose the subjects.</translation>
    </message>
    <message>
        <source>评议意见</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>定稿</source>
        <translation>Make final</translation>
    </message>
    <message>
        <source>重新打开…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <source>打印本表…</source>
        <translation>Print this form…</translation>
    </message>
    <message>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>预览本表的 PDF，可从预览直接送打印机</source>
        <translation>Preview this form's PDF; you can print from the preview</translation>
    </message>
    <message>
        <source>评议人</source>
        <translation>Evaluator</translation>
    </message>
    <message>
        <source>导入考核模板</source>
        <translation>Import appraisal template</translation>
    </message>
    <message>
        <source>考核模板 (*.json)</source>
        <translation>Appraisal templates (*.json)</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>已定稿，不能再修改。</source>
        <translation>Final; it can no longer be changed.</translation>
    </message>
    <message>
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>重新打开已定稿的考核，请写明理由（将记入变更日志）：</source>
        <translation>Reopening a final appraisal: give the reason (it goes into the change log):</translation>
    </message>
    <message>
        <source>已重新打开。</source>
        <translation>Reopened.</translation>
    </message>
    <message>
        <source>打印考核表</source>
        <translation>Print appraisal form</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>已生成考核表：{path}</source>
        <translation>Appraisal form written: {path}</translation>
    </message>
    <message>
        <source>逐份保存到文件夹</source>
        <translation>Save one file each to a folder</translation>
    </message>
    <message>
        <source>已逐份保存到：{path}</source>
        <translation>One file each saved to: {path}</translation>
    </message>
    <message>
        <source>逐份保存</source>
        <translation>Save one file each</translation>
    </message>
    <message>
        <source>评议对象</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>等次</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>考核内容</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <source>满分</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>评议日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>已为 {n} 个对象建立考核记录（已有的不重复建立）。</source>
        <translation>Appraisals created for {n} subjects (existing ones were kept).</translation>
    </message>
    <message>
        <source>已导入模板“{name}”（第 {v} 版，{n} 项考核内容）。</source>
        <translation>Template “{name}” imported (version {v}, {n} criteria).</translation>
    </message>
    <message>
        <source>模板已是最新，未做改动。</source>
        <translation>The template is already up to date; nothing was changed.</translation>
    </message>
    <message>
        <source>未评分</source>
        <translation>Not scored</translation>
    </message>
    <message>
        <source>（重新打开：{why}）</source>
        <translation> (reopened: {why})</translation>
    </message>
    <message>
        <source>评分标准：</source>
        <translation>Scoring guide: </translation>
    </message>
    <message>
        <source>尚未评分（共 {n} 项）</source>
        <translation>Not scored yet ({n} criteria)</translation>
    </message>
    <message>
        <source>已评 {k}/{n} 项，小计 {total:g}</source>
        <translation>{k}/{n} scored, subtotal {total:g}</translation>
    </message>
    <message>
        <source>合计 {total:g} / {max:g}　等次：{grade}</source>
        <translation>Total {total:g} / {max:g}   Grade: {grade}</translation>
    </message>
    <message>
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>无时限</source>
        <translation>No due date</translation>
    </message>
    <message>
        <source>责任单位：</source>
        <translation>Responsible unit: </translation>
    </message>
    <message>
        <source>特殊情况销号</source>
        <translation>Closed by exception</translation>
    </message>
    <message>
        <source>完成时限：</source>
        <translation>Due: </translation>
    </message>
    <message>
        <source>完成情况：</source>
        <translation>Achieved: </translation>
    </message>
    <message>
        <source>特殊情况销号：</source>
        <translation>Closed by exception: </translation>
    </message>
    <message>
        <source>逾期 {n} 天</source>
        <translation>{n} days overdue</translation>
    </message>
    <message>
        <source>  逾期 {n}</source>
        <translation>  overdue {n}</translation>
    </message>
    <message>
        <source>已销号</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>阶段</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>全部阶段</source>
        <translation>All phases</translation>
    </message>
    <message>
        <source>全部责任单位</source>
        <translation>All responsible units</translation>
    </message>
    <message>
        <source>全部社区</source>
        <translation>All communities</translation>
    </message>
    <message>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>专项行动</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>新建专项行动…</source>
        <translation>New campaign…</translation>
    </message>
    <message>
        <source>从问题生成任务…</source>
        <translation>Tasks from findings…</translation>
    </message>
    <message>
        <source>新增任务…</source>
        <translation>Add task…</translation>
    </message>
    <message>
        <source>打印通报…</source>
        <translation>Print report…</translation>
    </message>
    <message>
        <source>按今天的进度生成 PDF 通报（Ctrl+P）</source>
        <translation>Print today's progress notice as PDF (Ctrl+P)</translation>
    </message>
    <message>
        <source>导出表格…</source>
        <translation>Export workbook…</translation>
    </message>
    <message>
        <source>只看逾期</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>搜索：组织名称、任务或责任单位</source>
        <translation>Search: organization, task or responsible unit</translation>
    </message>
    <message>
        <source>泳道：按责任单位</source>
        <translation>Lanes: by responsible unit</translation>
    </message>
    <message>
        <source>泳道：按社区</source>
        <translation>Lanes: by community</translation>
    </message>
    <message>
        <source>看板</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>列表</source>
        <translation>List</translation>
    </message>
    <message>
        <source>未能移动</source>
        <translation>Could not move the card</translation>
    </message>
    <message>
        <source>已生成通报：{path}</source>
        <translation>Report written: {path}</translation>
    </message>
    <message>
        <source>Excel 表格 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>已导出表格：{path}</source>
        <translation>Workbook written: {path}</translation>
    </message>
    <message>
        <source>专项行动进度通报</source>
        <translation>Campaign progress report</translation>
    </message>
    <message>
        <source>未完成</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>未完成任务（燃尽图）</source>
        <translation>Open tasks (burn-down)</translation>
    </message>
    <message>
        <source>筛选：</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>还没有专项行动。点击“新建专项行动…”，可按“大组建”专项攻坚模板一次建好阶段和责任单位。</source>
        <translation>No campaigns yet. Click “New campaign…”; the “大组建” template sets up the phases and responsible units in one go.</translation>
    </message>
    <message>
        <source>共 {n} 项：已销号 {done}，未完成 {open}，其中逾期 {late}。</source>
        <translation>{n} tasks: {done} done, {open} open, {late} of them overdue.</translation>
    </message>
    <message>
        <source>共 {n} 项任务，逾期 {late} 项</source>
        <translation>{n} tasks, {late} overdue</translation>
    </message>
    <message>
        <source>这个专项行动还没有任务。点击“从问题生成任务…”，按规则检查出的问题一键生成，每个单位一项。</source>
        <translation>This campaign has no tasks yet. Click “Tasks from findings…” to create one task per organization from the rule checks.</translation>
    </message>
    <message>
        <source>{name}（截止 {end}）：{done}/{n}，逾期 {late}</source>
        <translation>{name} (ends {end}): {done}/{n}, {late} overdue</translation>
    </message>
    <message>
        <source>已建立专项行动“{name}”。</source>
        <translation>Campaign “{name}” created.</translation>
    </message>
    <message>
        <source>已将“{record}”移到“{status}”</source>
        <translation>Moved “{record}” to “{status}”</translation>
    </message>
    <message>
        <source>已生成任务 {n} 项；{old} 项此前已有任务，未重复生成。</source>
        <translation>{n} tasks created; {old} already had a task and were skipped.</translation>
    </message>
    <message>
        <source>，责任单位改为 {who}</source>
        <translation>, responsible unit now {who}</translation>
    </message>
    <message>
        <source>（逾期 {n} 天）</source>
        <translation> ({n} days overdue)</translation>
    </message>
    <message>
        <source>（未填）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>新建专项行动</source>
        <translation>New campaign</translation>
    </message>
    <message>
        <source>空白（自行填写）</source>
        <translation>Blank (fill in yourself)</translation>
    </message>
    <message>
        <source>添加阶段</source>
        <translation>Add phase</translation>
    </message>
    <message>
        <source>删除所选阶段</source>
        <translation>Delete selected phase</translation>
    </message>
    <message>
        <source>每行一个，如：挂点领导:王书记、驻街部门:区人社局、社区:南岭村社区</source>
        <translation>One per line, e.g. 挂点领导:王书记, 驻街部门:区人社局, 社区:南岭村社区</translation>
    </message>
    <message>
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>行动名称</source>
        <translation>Campaign name</translation>
    </message>
    <message>
        <source>工作目标</source>
        <translation>Goals</translation>
    </message>
    <message>
        <source>起止日期</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>建立</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>当前阶段</source>
        <translation>Current phase</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>生成任务</source>
        <translation>Create tasks</translation>
    </message>
    <message>
        <source>分派给</source>
        <translation>Assign to</translation>
    </message>
    <message>
        <source>新增任务</source>
        <translation>Add task</translation>
    </message>
    <message>
        <source>两新组织的名称（可不填）</source>
        <translation>Organization name (optional)</translation>
    </message>
    <message>
        <source>（不分阶段）</source>
        <translation>(no phase)</translation>
    </message>
    <message>
        <source>任务内容</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>两新组织</source>
        <translation>Organizations</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>完成情况，如：已于11月20日召开党员大会，成立党支部。</source>
        <translation>What was achieved, e.g. held the members’ meeting on 20 November and set up a branch.</translation>
    </message>
    <message>
        <source>特殊情况说明：数据暂未更新但确已完成的原因（将显示在卡片上）</source>
        <translation>Exception note: why it is done although the records do not show it yet (shown on the card)</translation>
    </message>
    <message>
        <source>销号</source>
        <translation>Close out</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>依据：</source>
        <translation>Source: </translation>
    </message>
    <message>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>已有任务</source>
        <translation>Has a task</translation>
    </message>
    <message>
        <source>按哪些规则检查出的问题生成：</source>
        <translation>Create tasks from the findings of these rules:</translation>
    </message>
    <message>
        <source>请至少选择一条规则。</source>
        <translation>Choose at least one rule.</translation>
    </message>
    <message>
        <source>完成情况</source>
        <translation>What was achieved</translation>
    </message>
    <message>
        <source>从问题生成任务</source>
        <translation>Tasks from findings</translation>
    </message>
    <message>
        <source>共 {n} 项问题，将生成 {new} 项任务（{old} 项此前已有任务，不会重复生成）。</source>
        <translation>{n} findings: {new} tasks will be created ({old} already have a task and are skipped).</translation>
    </message>
    <message>
        <source>生成 {n} 项任务</source>
        <translation>Create {n} tasks</translation>
    </message>
    <message>
        <source>已有</source>
        <translation>Exists</translation>
    </message>
    <message>
        <source>规则检查：待整改问题</source>
        <translation>Rule checks: open findings</translation>
    </message>
    <message>
        <source>双击一条问题，在登记簿中打开对应记录。</source>
        <translation>Double-click a finding to open its record.</translation>
    </message>
    <message>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>正在统计……</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>把工作台的各张表和问题明细导出为 Excel 表格（.xlsx）</source>
        <translation>Export every table of the dashboard and the findings to an Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <source>生成一页 A4 的 PDF 通报（Ctrl+P）</source>
        <translation>Make a one-page A4 PDF report (Ctrl+P)</translation>
    </message>
    <message>
        <source>各社区党的组织覆盖率（由低到高）</source>
        <translation>Coverage by community (lowest first)</translation>
    </message>
    <message>
        <source>各行业党的组织覆盖率（由低到高）</source>
        <translation>Coverage by industry (lowest first)</translation>
    </message>
    <message>
        <source>按职工规模：已覆盖 / 统计范围内</source>
        <translation>By staff size: covered / in scope</translation>
    </message>
    <message>
        <source>覆盖率月度趋势</source>
        <translation>Monthly trend of the rates</translation>
    </message>
    <message>
        <source>打印通报</source>
        <translation>Print report</translation>
    </message>
    <message>
        <source>导出表格</source>
        <translation>Export workbook</translation>
    </message>
    <message>
        <source>问题数</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>点击一条规则，查看它的依据和问题清单。</source>
        <translation>Click a rule to see its source and its findings.</translation>
    </message>
    <message>
        <source>已覆盖</source>
        <translation>Covered</translation>
    </message>
    <message>
        <source>未覆盖</source>
        <translation>Not covered</translation>
    </message>
    <message>
        <source>本月统计快照未能保存：</source>
        <translation>This month's snapshot of the figures could not be saved: </translation>
    </message>
    <message>
        <source>统计失败：</source>
        <translation>Could not compute the figures: </translation>
    </message>
    <message>
        <source>统计日期 {date} · 统计范围：{scope} · 覆盖率目标 {target}%</source>
        <translation>As of {date} · scope: {scope} · target {target}%</translation>
    </message>
    <message>
        <source>党的组织覆盖率最低的 {n} 个社区（共 {all} 个）</source>
        <translation>The {n} communities with the lowest coverage (of {all})</translation>
    </message>
    <message>
        <source>在左侧表格中选择一条记录，这里会显示与它相关的组织、党员和待整改问题。</source>
        <translation>Select a record in the table to see its related organizations, members and findings here.</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>显示完整信息</source>
        <translation>Show full details</translation>
    </message>
    <message>
        <source>待整改问题</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>单击打开</source>
        <translation>Click to open</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>未发现问题</source>
        <translation>No findings</translation>
    </message>
    <message>
        <source>（显示前 {n} 个）</source>
        <translation> (first {n} shown)</translation>
    </message>
    <message>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>有尚未保存的修改。确定放弃这些修改吗？</source>
        <translation>There are unsaved changes. Discard them?</translation>
    </message>
    <message>
        <source>删除只用于纠正误录入：记录会从登记簿中移除，删除操作保留在变更日志中。</source>
        <translation>Delete is for records entered by mistake: the record leaves the register and the deletion is kept in the change log.</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>确定删除{noun}“{name}”吗？</source>
        <translation>Delete the {noun} “{name}”?</translation>
    </message>
    <message>
        <source>数据反查</source>
        <translation>Records behind the figure</translation>
    </message>
    <message>
        <source>{title}：共 {n} 条。双击一行，在“{register}”中打开。</source>
        <translation>{title}: {n} records. Double-click a row to open it in {register}.</translation>
    </message>
    <message>
        <source>证件号码和电话已遮蔽；如需修改，请先显示完整信息。</source>
        <translation>ID and phone numbers are masked; show full details to change them.</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>输入名称、拼音首字母或编号查找</source>
        <translation>Type a name, pinyin initials or an id</translation>
    </message>
    <message>
        <source>将显示并允许修改完整的证件号码和电话。请确认周围无关人员看不到屏幕。</source>
        <translation>The full ID and phone numbers will be shown and editable. Make sure nobody else can see the screen.</translation>
    </message>
    <message>
        <source>库中原值 {value} 超出 {low} 至 {high} 的范围，已改为 {shown}，保存时按此值保存。</source>
        <translation>The stored value {value} is outside {low} to {high}; it was changed to {shown}, which is saved when you save.</translation>
    </message>
    <message>
        <source>库中原值 {value} 不在 {low} 至 {high} 年之间，已清空，请填写正确日期后保存。</source>
        <translation>The stored value {value} is not between {low} and {high}; it was cleared. Enter the right date, then save.</translation>
    </message>
    <message>
        <source>18位</source>
        <translation>18 characters</translation>
    </message>
    <message>
        <source>18位（旧式15位可自动转换）</source>
        <translation>18 characters (old 15-digit numbers are converted)</translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>程序出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>此前已保存的数据不受影响。点“打开日志文件夹”可找到该文件。</source>
        <translation>Data saved before is not affected. Click Open log folder to find the file.</translation>
    </message>
    <message>
        <source>打开日志文件夹</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>正在生成……</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <source>未能生成</source>
        <translation>Could not write the file</translation>
    </message>
    <message>
        <source>已取消，没有生成文件。</source>
        <translation>Cancelled; no file was written.</translation>
    </message>
    <message>
        <source>（共 {n} 个文件）</source>
        <translation> ({n} files)</translation>
    </message>
    <message>
        <source>全局搜索</source>
        <translation>Search everything</translation>
    </message>
    <message>
        <source>输入名称、拼音首字母、信用代码或身份证号码……</source>
        <translation>Type a name, pinyin initials, credit code or ID number…</translation>
    </message>
    <message>
        <source>↑↓ 选择，回车打开，Esc 关闭</source>
        <translation>↑↓ choose, Enter opens, Esc closes</translation>
    </message>
    <message>
        <source>没有找到匹配的记录</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <source>{name}（{code}） · 数据文件 {db} · 两新组织 {orgs} · 党组织 {parties} · 党员 {members}</source>
        <translation>{name} ({code}) · data file {db} · organizations {orgs} · Party organizations {parties} · members {members}</translation>
    </message>
    <message>
        <source>{name}（{code}） · 数据库 {db} · 两新组织 {orgs} · 党组织 {parties} · 党员 {members}</source>
        <translation>{name} ({code}) · database {db} · organizations {orgs} · Party organizations {parties} · members {members}</translation>
    </message>
    <message>
        <source>两新组织党建工作台 — {name}</source>
        <translation>Party-Building Workbench — {name}</translation>
    </message>
    <message>
        <source>两新组织党建工作台</source>
        <translation>Party-Building Workbench</translation>
    </message>
    <message>
        <source>搜索：名称、拼音首字母（如 zw）、代码或号码</source>
        <translation>Search: name, pinyin initials (e.g. zw), code or number</translation>
    </message>
    <message>
        <source>也可双击一行或按回车</source>
        <translation>Or double-click a row, or press Enter</translation>
    </message>
    <message>
        <source>正在查询……</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>已生成：{path}</source>
        <translation>Written: {path}</translation>
    </message>
    <message>
        <source>将显示这条记录完整的证件号码和电话。请确认周围无关人员看不到屏幕。</source>
        <translation>The full ID and phone numbers of this record will be shown. Make sure nobody else can see the screen.</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>查询失败：</source>
        <translation>Search failed: </translation>
    </message>
    <message>
        <source>请先在列表中选中一条记录。</source>
        <translation>Select a record in the list first.</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>花名册将打印完整的身份证号码和联系电话。请妥善保管打印件。继续吗？</source>
        <translation>The roster will show full ID and phone numbers. Keep the printout safe. Continue?</translation>
    </message>
    <message>
        <source>这条记录已被删除。</source>
        <translation>This record has been deleted.</translation>
    </message>
    <message>
        <source>无法删除</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <source>全部{title}</source>
        <translation>All: {title}</translation>
    </message>
    <message>
        <source>共 {n} 条</source>
        <translation>{n} records</translation>
    </message>
    <message>
        <source>新增{noun}</source>
        <translation>New {noun}</translation>
    </message>
    <message>
        <source>编辑{noun}：{name}</source>
        <translation>Edit {noun}: {name}</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>修改后立即保存，工作台的统计数字和问题清单随之更新。每项都可恢复为默认值；修改记入变更日志。</source>
        <translation>Changes are saved at once and the dashboard follows. Each can be reset to its default; changes are journaled.</translation>
    </message>
    <message>
        <source>规则标准</source>
        <translation>Rule thresholds</translation>
    </message>
    <message>
        <source>覆盖率统计</source>
        <translation>Coverage figures</translation>
    </message>
    <message>
        <source>界面</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>重新打开程序后生效。</source>
        <translation>Takes effect when the program is opened again.</translation>
    </message>
    <message>
        <source>全部恢复默认值…</source>
        <translation>Reset all to defaults…</translation>
    </message>
    <message>
        <source>恢复默认</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>标准</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>默认值</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>设置项</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>多人使用</source>
        <translation>Several clerks</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>全部恢复默认值</source>
        <translation>Reset all to defaults</translation>
    </message>
    <message>
        <source>所有规则标准和统计范围都将恢复为默认值，工作台的数字会随之改变。确定吗？</source>
        <translation>Every threshold and the scope go back to their defaults and the dashboard's figures change. Continue?</translation>
    </message>
    <message>
        <source>所有设置已恢复为默认值。</source>
        <translation>All settings are back to their defaults.</translation>
    </message>
    <message>
        <source>界面语言已改为 {name}，重新打开程序后生效。</source>
        <translation>Language set to {name}; it takes effect when the program is opened again.</translation>
    </message>
    <message>
        <source>已保存：{label} = {value}</source>
        <translation>Saved: {label} = {value}</translation>
    </message>
    <message>
        <source>数据库中保存的值 {stored} 超出范围，现按默认值 {default} 执行；点“恢复默认”可改正。</source>
        <translation>The stored value {stored} is out of range; the default {default} applies. Click Restore default to correct it.</translation>
    </message>
    <message>
        <source>已建党组织覆盖</source>
        <translation>Covered</translation>
    </message>
    <message>
        <source>党员</source>
        <translation>Party members</translation>
    </message>
    <message>
        <source>口袋党员</source>
        <translation>“Pocket” member</translation>
    </message>
    <message>
        <source>流动党员</source>
        <translation>Mobile members</translation>
    </message>
    <message>
        <source>所属党组织</source>
        <translation>Party organization</translation>
    </message>
    <message>
        <source>本单位党员</source>
        <translation>Members working here</translation>
    </message>
    <message>
        <source>覆盖的两新组织</source>
        <translation>Organizations covered</translation>
    </message>
    <message>
        <source>上级党组织</source>
        <translation>Parent Party organization</translation>
    </message>
    <message>
        <source>下设党组织</source>
        <translation>Subordinate Party organizations</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>所在党组织</source>
        <translation>Party organization</translation>
    </message>
    <message>
        <source>未检查</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <source>✓ 符合</source>
        <translation>✓ Meets</translation>
    </message>
    <message>
        <source>✗ 不符合</source>
        <translation>✗ Does not meet</translation>
    </message>
    <message>
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>Doing</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>规模较大的非公企业应有党员</source>
        <translation>Larger enterprises should have Party members</translation>
    </message>
    <message>
        <source>百人以上或规模以上非公企业应有党组织</source>
        <translation>Enterprises with 100+ staff or above designated size should have a Party organization</translation>
    </message>
    <message>
        <source>实体性社会组织应有党组织</source>
        <translation>Substantive social organizations should have a Party organization</translation>
    </message>
    <message>
        <source>正式党员3名以上应单独组建</source>
        <translation>Three or more full members: set up an independent organization</translation>
    </message>
    <message>
        <source>联合党组织覆盖单位不超过5个</source>
        <translation>A joint Party organization covers at most 5 units</translation>
    </message>
    <message>
        <source>党员50名以上的党支部应升格</source>
        <translation>Branches with 50+ members should be upgraded</translation>
    </message>
    <message>
        <source>没有党员的“空壳”党组织</source>
        <translation>“Empty shell” Party organizations without members</translation>
    </message>
    <message>
        <source>未建党组织的应派党建工作指导员</source>
        <translation>Units without a Party organization should have an instructor</translation>
    </message>
    <message>
        <source>建有党组织的应同步建立群团组织</source>
        <translation>Units with a Party organization should also have mass organizations</translation>
    </message>
    <message>
        <source>每月开展一次主题党日</source>
        <translation>A themed Party day every month</translation>
    </message>
    <message>
        <source>支委会每月召开</source>
        <translation>Branch committee meets every month</translation>
    </message>
    <message>
        <source>党课每季度至少一次</source>
        <translation>A Party lecture at least every quarter</translation>
    </message>
    <message>
        <source>任期届满应按期换届</source>
        <translation>Elections due when the term ends</translation>
    </message>
    <message>
        <source>党的组织覆盖率</source>
        <translation>Party organization coverage</translation>
    </message>
    <message>
        <source>党的工作覆盖率</source>
        <translation>Party work coverage</translation>
    </message>
    <message>
        <source>单独组建率</source>
        <translation>Independent rate</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>具体类型</source>
        <translation>Subtype</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>职工人数</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>覆盖状态</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <source>党建工作指导员</source>
        <translation>Party-building instructor</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>组建方式</source>
        <translation>Formation</translation>
    </message>
    <message>
        <source>书记</source>
        <translation>Secretary</translation>
    </message>
    <message>
        <source>党员人数</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>任期届满</source>
        <translation>Term ends</translation>
    </message>
    <message>
        <source>超出覆盖上限的理由</source>
        <translation>Reason for covering more units</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>公民身份号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>党员类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>组织关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>入党日期</source>
        <translation>Joined</translation>
    </message>
    <message>
        <source>还没有两新组织。点击“新增”逐个录入，或用“liangxin import”导入台账。</source>
        <translation>No organizations yet. Click “Add” to enter one, or import a ledger with “liangxin import”.</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <source>党建情况</source>
        <translation>Party building</translation>
    </message>
    <message>
        <source>“六有”阵地</source>
        <translation>Venue (“six haves”)</translation>
    </message>
    <message>
        <source>联系方式</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>组织名称</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>党组织</source>
        <translation>Party organizations</translation>
    </message>
    <message>
        <source>指导员</source>
        <translation>Instructor</translation>
    </message>
    <message>
        <source>组织类型</source>
        <translation>Organization type</translation>
    </message>
    <message>
        <source>规模以上企业</source>
        <translation>Above designated size</translation>
    </message>
    <message>
        <source>所属社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>经营状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>挂点领导</source>
        <translation>Linked leader</translation>
    </message>
    <message>
        <source>已建工会</source>
        <translation>Trade union</translation>
    </message>
    <message>
        <source>已建共青团</source>
        <translation>Youth League</translation>
    </message>
    <message>
        <source>已建妇联</source>
        <translation>Women's federation</translation>
    </message>
    <message>
        <source>有场所</source>
        <translation>Has a room</translation>
    </message>
    <message>
        <source>有设施</source>
        <translation>Has facilities</translation>
    </message>
    <message>
        <source>有标志</source>
        <translation>Has signage</translation>
    </message>
    <message>
        <source>有党旗</source>
        <translation>Has the Party flag</translation>
    </message>
    <message>
        <source>有书报</source>
        <translation>Has reading material</translation>
    </message>
    <message>
        <source>有制度</source>
        <translation>Has rules posted</translation>
    </message>
    <message>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>还没有党组织。点击“新增”录入党组织，并选择它覆盖的两新组织。</source>
        <translation>No Party organizations yet. Click “Add” to enter one and choose the organizations it covers.</translation>
    </message>
    <message>
        <source>班子与届期</source>
        <translation>Committee and term</translation>
    </message>
    <message>
        <source>党组织名称</source>
        <translation>Party organization</translation>
    </message>
    <message>
        <source>覆盖单位</source>
        <translation>Units covered</translation>
    </message>
    <message>
        <source>党组织类别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>所在社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>书记电话</source>
        <translation>Secretary's phone</translation>
    </message>
    <message>
        <source>成立日期</source>
        <translation>Founded</translation>
    </message>
    <message>
        <source>本届任期开始</source>
        <translation>Term starts</translation>
    </message>
    <message>
        <source>本届任期届满</source>
        <translation>Term ends</translation>
    </message>
    <message>
        <source>还没有党员。点击“新增”录入党员，公民身份号码会自动核验并带出出生日期和性别。</source>
        <translation>No Party members yet. Click “Add”; the ID number is checked and gives the birth date and gender.</translation>
    </message>
    <message>
        <source>党籍</source>
        <translation>Membership</translation>
    </message>
    <message>
        <source>减少（转出、死亡等）</source>
        <translation>Leaving (transfer out, death …)</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>学历</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>转正日期</source>
        <translation>Full membership</translation>
    </message>
    <message>
        <source>流出地/来自</source>
        <translation>Comes from</translation>
    </message>
    <message>
        <source>流入地/去向</source>
        <translation>Works in</translation>
    </message>
    <message>
        <source>减少方式</source>
        <translation>Left by</translation>
    </message>
    <message>
        <source>减少日期</source>
        <translation>Left on</translation>
    </message>
    <message>
        <source>减少说明</source>
        <translation>Leaving note</translation>
    </message>
    <message>
        <source>两新组织档案卡（所选单位）</source>
        <translation>Organization card (selected unit)</translation>
    </message>
    <message>
        <source>两新组织台账（全部，横向）</source>
        <translation>Organization ledger (all, landscape)</translation>
    </message>
    <message>
        <source>党员花名册（所选党组织，横向）</source>
        <translation>Member roster (selected Party organization, landscape)</translation>
    </message>
    <message>
        <source>党员花名册（含完整身份证号码）</source>
        <translation>Member roster (with full ID numbers)</translation>
    </message>
    <message>
        <source>正式党员</source>
        <translation>Full member</translation>
    </message>
    <message>
        <source>预备党员</source>
        <translation>Probationary</translation>
    </message>
    <message>
        <source>单独组建</source>
        <translation>Independent</translation>
    </message>
    <message>
        <source>联合组建</source>
        <translation>Joint</translation>
    </message>
    <message>
        <source>挂靠组建</source>
        <translation>Attached</translation>
    </message>
    <message>
        <source>互联网</source>
        <translation>Internet</translation>
    </message>
    <message>
        <source>制造业</source>
        <translation>Manufacturing</translation>
    </message>
    <message>
        <source>物业管理</source>
        <translation>Property management</translation>
    </message>
    <message>
        <source>物流快递</source>
        <translation>Logistics and delivery</translation>
    </message>
    <message>
        <source>外卖配送</source>
        <translation>Food delivery</translation>
    </message>
    <message>
        <source>新兴金融</source>
        <translation>New finance</translation>
    </message>
    <message>
        <source>批发零售</source>
        <translation>Wholesale and retail</translation>
    </message>
    <message>
        <source>住宿餐饮</source>
        <translation>Hotels and catering</translation>
    </message>
    <message>
        <source>建筑业</source>
        <translation>Construction</translation>
    </message>
    <message>
        <source>商务服务</source>
        <translation>Business services</translation>
    </message>
    <message>
        <source>法律服务</source>
        <translation>Legal services</translation>
    </message>
    <message>
        <source>会计审计</source>
        <translation>Accounting and audit</translation>
    </message>
    <message>
        <source>税务服务</source>
        <translation>Tax services</translation>
    </message>
    <message>
        <source>教育培训</source>
        <translation>Education and training</translation>
    </message>
    <message>
        <source>医疗卫生</source>
        <translation>Health care</translation>
    </message>
    <message>
        <source>社会服务</source>
        <translation>Social services</translation>
    </message>
    <message>
        <source>文化体育</source>
        <translation>Culture and sports</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>非公企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>社会组织</source>
        <translation>Social organization</translation>
    </message>
    <message>
        <source>党委</source>
        <translation>Committee</translation>
    </message>
    <message>
        <source>党总支</source>
        <translation>General branch</translation>
    </message>
    <message>
        <source>党支部</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>联合党支部</source>
        <translation>Joint branch</translation>
    </message>
    <message>
        <source>已转入</source>
        <translation>Transferred in</translation>
    </message>
    <message>
        <source>流出党员</source>
        <translation>Mobile (out)</translation>
    </message>
    <message>
        <source>流入党员</source>
        <translation>Mobile (in)</translation>
    </message>
    <message>
        <source>已覆盖（单独组建）</source>
        <translation>Covered (independent)</translation>
    </message>
    <message>
        <source>已覆盖（联合组建）</source>
        <translation>Covered (joint)</translation>
    </message>
    <message>
        <source>已覆盖（挂靠组建）</source>
        <translation>Covered (attached)</translation>
    </message>
    <message>
        <source>工作覆盖（已派指导员）</source>
        <translation>Work coverage (instructor)</translation>
    </message>
    <message>
        <source>全部在营两新组织</source>
        <translation>All active organizations</translation>
    </message>
    <message>
        <source>在营非公企业</source>
        <translation>Active enterprises</translation>
    </message>
    <message>
        <source>在营社会组织</source>
        <translation>Active social organizations</translation>
    </message>
    <message>
        <source>应有党员的非公企业职工人数下限</source>
        <translation>Staff from which an enterprise should have members</translation>
    </message>
    <message>
        <source>应建党组织的非公企业职工人数下限</source>
        <translation>Staff from which an enterprise should have a Party organization</translation>
    </message>
    <message>
        <source>应建党组织的实体性社会组织从业人员下限</source>
        <translation>Staff from which a social organization should have a Party organization</translation>
    </message>
    <message>
        <source>应单独组建的正式党员人数下限</source>
        <translation>Full members from which to organize independently</translation>
    </message>
    <message>
        <source>联合党组织覆盖单位数上限</source>
        <translation>Most units a joint organization may cover</translation>
    </message>
    <message>
        <source>党支部党员人数上限（超过应升格）</source>
        <translation>Most members of a branch (more: upgrade)</translation>
    </message>
    <message>
        <source>党员人数不超过此数视为空壳</source>
        <translation>Members at or below which it is an empty shell</translation>
    </message>
    <message>
        <source>应派党建工作指导员的职工人数下限（0 为全部）</source>
        <translation>Staff from which an instructor is due (0: all)</translation>
    </message>
    <message>
        <source>应同步建立群团组织的职工人数下限（0 为全部）</source>
        <translation>Staff from which mass organizations are due (0: all)</translation>
    </message>
    <message>
        <source>每月主题党日最少次数</source>
        <translation>Themed Party days per month, at least</translation>
    </message>
    <message>
        <source>设支部委员会的党支部党员人数下限</source>
        <translation>Members from which a branch has a committee</translation>
    </message>
    <message>
        <source>每季度党课最少次数</source>
        <translation>Party lectures per quarter, at least</translation>
    </message>
    <message>
        <source>党组织任期（年）</source>
        <translation>Term of office (years)</translation>
    </message>
    <message>
        <source>覆盖率统计范围</source>
        <translation>Coverage scope</translation>
    </message>
    <message>
        <source>覆盖率统计范围的职工人数下限</source>
        <translation>Minimum staff in the coverage scope</translation>
    </message>
    <message>
        <source>覆盖率目标（%）</source>
        <translation>Coverage target (%)</translation>
    </message>
    <message>
        <source>本站点所在时区（按此时区把时间归入日期）</source>
        <translation>Station's time zone (times are counted into dates in it)</translation>
    </message>
    <message>
        <source>多人同时保存时最长等待（秒，PostgreSQL 数据库）</source>
        <translation>Longest wait for another clerk's save (seconds, PostgreSQL)</translation>
    </message>
    <message>
        <source>有限责任公司</source>
        <translation>Limited liability company</translation>
    </message>
    <message>
        <source>股份有限公司</source>
        <translation>Joint-stock company</translation>
    </message>
    <message>
        <source>个人独资企业</source>
        <translation>Sole proprietorship</translation>
    </message>
    <message>
        <source>合伙企业</source>
        <translation>Partnership</translation>
    </message>
    <message>
        <source>外商投资企业</source>
        <translation>Foreign-invested enterprise</translation>
    </message>
    <message>
        <source>港澳台投资企业</source>
        <translation>HK/Macao/Taiwan-invested enterprise</translation>
    </message>
    <message>
        <source>个体工商户</source>
        <translation>Individual business</translation>
    </message>
    <message>
        <source>民办学校</source>
        <translation>Private school</translation>
    </message>
    <message>
        <source>民办医院/医疗机构</source>
        <translation>Private hospital/clinic</translation>
    </message>
    <message>
        <source>律师事务所</source>
        <translation>Law firm</translation>
    </message>
    <message>
        <source>会计师事务所</source>
        <translation>Accounting firm</translation>
    </message>
    <message>
        <source>税务师事务所</source>
        <translation>Tax agency</translation>
    </message>
    <message>
        <source>行业协会/商会</source>
        <translation>Trade association/chamber</translation>
    </message>
    <message>
        <source>社会团体</source>
        <translation>Social group</translation>
    </message>
    <message>
        <source>民办非企业单位</source>
        <translation>Private non-enterprise unit</translation>
    </message>
    <message>
        <source>基金会</source>
        <translation>Foundation</translation>
    </message>
    <message>
        <source>在营</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>注销</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>迁出</source>
        <translation>Moved out</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>研究生（博士）</source>
        <translation>Doctorate</translation>
    </message>
    <message>
        <source>研究生（硕士）</source>
        <translation>Master's degree</translation>
    </message>
    <message>
        <source>大学本科</source>
        <translation>Bachelor's degree</translation>
    </message>
    <message>
        <source>大学专科</source>
        <translation>College diploma</translation>
    </message>
    <message>
        <source>中专/高中</source>
        <translation>Secondary school</translation>
    </message>
    <message>
        <source>初中及以下</source>
        <translation>Junior middle school or less</translation>
    </message>
    <message>
        <source>转出</source>
        <translation>Transferred out</translation>
    </message>
    <message>
        <source>死亡</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <source>出党</source>
        <translation>Left the Party</translation>
    </message>
    <message>
        <source>停止党籍</source>
        <translation>Membership suspended</translation>
    </message>
    <message>
        <source>支部党员大会</source>
        <translation>Branch members’ meeting</translation>
    </message>
    <message>
        <source>支委会</source>
        <translation>Branch committee meeting</translation>
    </message>
    <message>
        <source>党小组会</source>
        <translation>Party group meeting</translation>
    </message>
    <message>
        <source>党课</source>
        <translation>Party lecture</translation>
    </message>
    <message>
        <source>主题党日</source>
        <translation>Themed Party day</translation>
    </message>
    <message>
        <source>组织生活会</source>
        <translation>Organizational life meeting</translation>
    </message>
    <message>
        <source>民主评议党员</source>
        <translation>Democratic appraisal of members</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>已定稿</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>未评议</source>
        <translation>Not appraised</translation>
    </message>
    <message>
        <source>驻街部门</source>
        <translation>Sub-district department</translation>
    </message>
    <message>
        <source>主管单位</source>
        <translation>Supervising unit</translation>
    </message>
    <message>
        <source>群团组织</source>
        <translation>Mass organization</translation>
    </message>
    <message>
        <source>党建指导员</source>
        <translation>Party-building instructor</translation>
    </message>
    <message>
        <source>其他单位</source>
        <translation>Other unit</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>该组织的党建指导员</source>
        <translation>The organization's instructor</translation>
    </message>
    <message>
        <source>该组织所在社区</source>
        <translation>The organization's community</translation>
    </message>
    <message>
        <source>指定的责任单位</source>
        <translation>A unit you choose</translation>
    </message>
    <message>
        <source>程序出错了，刚才的操作可能没有完成。已保存的数据不受影响。</source>
        <translation type="vanished">Something went wrong; the last action may not have finished. Data already saved is not affected.</translation>
    </message>
    <message>
        <source>{n} 个文件，在 {folder}</source>
        <translation type="vanished">{n} files in {folder}</translation>
    </message>
</context>
</TS>
