<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>liangxin</name>
    <message>
        <source>添加账户…</source>
        <translation>Add account…</translation>
    </message>
    <message>
        <source>重设密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>改变角色…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>启用账户：建立第一个管理员</source>
        <translation>Enable accounts: create the first administrator</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Type it again</translation>
    </message>
    <message>
        <source>账户管理</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>添加账户</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>改变角色</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>账户名</source>
        <translation>Account name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>两次输入的密码不一致，请重新输入。</source>
        <translation>The two passwords differ; please type them again.</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>请先在列表中选中一个账户。</source>
        <translation>Select an account in the list first.</translation>
    </message>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>重设“{name}”的密码</source>
        <translation>Reset the password of “{name}”</translation>
    </message>
    <message>
        <source>“{name}”的角色：</source>
        <translation>Role of “{name}”:</translation>
    </message>
    <message>
        <source>）</source>
        <translation>)</translation>
    </message>
    <message>
        <source>输入党组织名称，点“添加”；联合开展的逐个添加</source>
        <translation>Type a Party organization's name and click "Add"; add each one of a joint activity</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>几个党支部联合开展的活动，逐个添加，只需登记一次</source>
        <translation>For an activity several branches hold together, add each one: it is recorded once</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>主题党日的“1”（上级确定的主题），或会议的议题</source>
        <translation>The theme day's "1" (the theme set from above), or the meeting's agenda</translation>
    </message>
    <message>
        <source>“X”自选内容，如 支部联建、扶贫济困</source>
        <translation>The "X" items of its own choosing, e.g. joint branch work, helping those in need</translation>
    </message>
    <message>
        <source>“6”即学习讨论、现场教学、党性分析、民主议事、缴纳党费、志愿服务（全市“两新”组织党建工作推进会讲话）</source>
        <translation>The "6": study and discussion, on-site teaching, Party-spirit review, democratic deliberation, paying dues, volunteering (city Party-building meeting speech)</translation>
    </message>
    <message>
        <source>开展党组织</source>
        <translation>Held by</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>主持人</source>
        <translation>Chaired by</translation>
    </message>
    <message>
        <source>1+6+X</source>
        <translation>1+6+X</translation>
    </message>
    <message>
        <source>全部出席</source>
        <translation>All present</translation>
    </message>
    <message>
        <source>全部应参加</source>
        <translation>All expected</translation>
    </message>
    <message>
        <source>按纸质记录补录，只填实到人数</source>
        <translation>Entered from a paper record: headcount only</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <source>内容纪要：议程、讨论和决定的事项</source>
        <translation>Minutes: agenda, discussion and decisions</translation>
    </message>
    <message>
        <source>添加附件…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <source>照片或扫描的签到表；文件复制保存在数据文件旁，并记下其校验值</source>
        <translation>A photo or a scanned sign-in sheet; the file is copied beside the database and its checksum recorded</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>出席情况（从开展党组织的在册党员中选择）</source>
        <translation>Attendance (chosen from the members on the roll of the organizations holding it)</translation>
    </message>
    <message>
        <source>添加附件</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <source>照片或扫描件 (*.jpg *.jpeg *.png *.pdf *.tif *.tiff);;所有文件 (*)</source>
        <translation>Photos or scans (*.jpg *.jpeg *.png *.pdf *.tif *.tiff);;All files (*)</translation>
    </message>
    <message>
        <source>出席率 {rate}（应到 {expected} 人，实到 {present} 人</source>
        <translation>Attendance {rate} (expected {expected}, present {present}</translation>
    </message>
    <message>
        <source>修改组织生活记录</source>
        <translation>Edit activity record</translation>
    </message>
    <message>
        <source>登记组织生活</source>
        <translation>Record an activity</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>党组织</source>
        <translation>Party organizations</translation>
    </message>
    <message>
        <source>身份</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>应参加</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>出席</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>缺席原因</source>
        <translation>Reason absent</translation>
    </message>
    <message>
        <source>评议等次</source>
        <translation>Review grade</translation>
    </message>
    <message>
        <source>内容纪要</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>尚未选择出席人员</source>
        <translation>No attendees chosen yet</translation>
    </message>
    <message>
        <source>；流出党员请假 {n} 人不计入应到</source>
        <translation>; {n} outbound members excused, not counted as expected</translation>
    </message>
    <message>
        <source>联合开展：一次登记，记入 {n} 个党组织各自的台账</source>
        <translation>Held jointly: recorded once, in the ledgers of all {n} organizations</translation>
    </message>
    <message>
        <source>{names}没有在册党员；可勾选“按纸质记录补录”只填实到人数。</source>
        <translation>{names} has no members on the roll; tick "Entered from a paper record" to give the headcount only.</translation>
    </message>
    <message>
        <source>按纸质记录补录：实到 {n} 人，未登记名单</source>
        <translation>From a paper record: {n} present, no list</translation>
    </message>
    <message>
        <source>★ 得星</source>
        <translation>★ Star earned</translation>
    </message>
    <message>
        <source>☆ 未得星</source>
        <translation>☆ No star</translation>
    </message>
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
        <source>评议日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>模板已是最新，未做改动。</source>
        <translation>The template is already up to date; nothing was changed.</translation>
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
        <source>评分标准</source>
        <translation>Scoring guidance</translation>
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
        <source>已为 {n} 个对象建立考核记录（已有的不重复建立）。</source>
        <translation>Appraisals created for {n} subjects (existing ones were kept).</translation>
    </message>
    <message>
        <source>填表说明：</source>
        <translation>How to fill in: </translation>
    </message>
    <message>
        <source>依据：</source>
        <translation>Source: </translation>
    </message>
    <message>
        <source>评分标准：</source>
        <translation>Scoring guide: </translation>
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
        <source>检查结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>符合 {total:g} / 应检 {max:g} 项</source>
        <translation>{total:g} of {max:g} applicable items met</translation>
    </message>
    <message>
        <source>合计 {total:g} / {max:g}</source>
        <translation>Total {total:g} / {max:g}</translation>
    </message>
    <message>
        <source>　得星 {n} 颗</source>
        <translation>   Stars earned: {n}</translation>
    </message>
    <message>
        <source>已导入模板“{name}”（第 {v} 版，{n} 项考核内容）。</source>
        <translation>Template “{name}” imported (version {v}, {n} criteria).</translation>
    </message>
    <message>
        <source>尚未评分（共 {n} 项）</source>
        <translation>Not scored yet ({n} criteria)</translation>
    </message>
    <message>
        <source>已检查 {k}/{n} 项</source>
        <translation>Checked {k}/{n} items</translation>
    </message>
    <message>
        <source>已评 {k}/{n} 项，小计 {total:g}</source>
        <translation>{k}/{n} scored, subtotal {total:g}</translation>
    </message>
    <message>
        <source>（不适用 {n} 项，不计入）</source>
        <translation> ({n} not applicable, left out)</translation>
    </message>
    <message>
        <source>　等次：{grade}</source>
        <translation>   Grade: {grade}</translation>
    </message>
    <message>
        <source>{section}　{score:g} / {max:g} 分（得星分数线 {line:g} 分）　{star}</source>
        <translation>{section}   {score:g} / {max:g} points (star from {line:g})   {star}</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <source>登记簿</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>显示全部记录</source>
        <translation>Show all</translation>
    </message>
    <message>
        <source>导出 .xlsx</source>
        <translation>Export .xlsx</translation>
    </message>
    <message>
        <source>选择一条操作日志，这里显示它改动的全部字段。</source>
        <translation>Select an entry to see every field it changed.</translation>
    </message>
    <message>
        <source>打开这条记录</source>
        <translation>Open this record</translation>
    </message>
    <message>
        <source>操作日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>全部用户</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>正在读取……</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>导出操作日志</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>没有符合条件的操作日志</source>
        <translation>No entries match</translation>
    </message>
    <message>
        <source>只显示{what}“{name}”的记录</source>
        <translation>Only {what} “{name}”</translation>
    </message>
    <message>
        <source>共 {n} 条</source>
        <translation>{n} records</translation>
    </message>
    <message>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>选择备份到哪个文件夹（如 U 盘）</source>
        <translation>Choose the folder to back up to (e.g. a USB stick)</translation>
    </message>
    <message>
        <source>正在备份</source>
        <translation>Backing up</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>liangxin 备份 (*.db *.dump);;所有文件 (*)</source>
        <translation>liangxin backups (*.db *.dump);;All files (*)</translation>
    </message>
    <message>
        <source>恢复备份</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>数据文件的位置不安全</source>
        <translation>The data file is in an unsafe place</translation>
    </message>
    <message>
        <source>移到本机</source>
        <translation>Move to this computer</translation>
    </message>
    <message>
        <source>留在原处</source>
        <translation>Leave it there</translation>
    </message>
    <message>
        <source>不再提醒</source>
        <translation>Don't remind me again</translation>
    </message>
    <message>
        <source>正在移动数据文件</source>
        <translation>Moving the data file</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>不详</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>正在恢复</source>
        <translation>Restoring</translation>
    </message>
    <message>
        <source>检查数据</source>
        <translation>Check data</translation>
    </message>
    <message>
        <source>备份文件</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <source>备份时间</source>
        <translation>Made on</translation>
    </message>
    <message>
        <source>站点</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>结构版本</source>
        <translation>Schema revision</translation>
    </message>
    <message>
        <source>程序版本</source>
        <translation>Program version</translation>
    </message>
    <message>
        <source>备份旁齐全</source>
        <translation>all beside the backup</translation>
    </message>
    <message>
        <source>检查项</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>例子</source>
        <translation>Example</translation>
    </message>
    <message>
        <source>今天的自动备份没有成功：</source>
        <translation>Today's automatic backup failed: </translation>
    </message>
    <message>
        <source>移动数据文件</source>
        <translation>Move the data file</translation>
    </message>
    <message>
        <source>组织生活附件</source>
        <translation>Activity attachments</translation>
    </message>
    <message>
        <source>恢复会用这个备份替换当前的全部数据；当前数据库会先另存到“{folder}”。</source>
        <translation>Restoring replaces all current data with this backup; the current database is first kept in “{folder}”.</translation>
    </message>
    <message>
        <source>已从“{path}”恢复；恢复前的数据库另存在“{aside}”。</source>
        <translation>Restored from “{path}”; the database as it was before is kept in “{aside}”.</translation>
    </message>
    <message>
        <source>有问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>数据文件已移到“{target}”，以后打开这里的文件；原文件仍在“{path}”，未删除。</source>
        <translation>The data file was moved to “{target}” and is opened from there from now on; the original is still in “{path}”, not deleted.</translation>
    </message>
    <message>
        <source>已备份到“{path}”（{size}）。</source>
        <translation>Backed up to “{path}” ({size}).</translation>
    </message>
    <message>
        <source>备份旁缺 {n} 个，恢复后这些附件打不开</source>
        <translation>{n} missing beside the backup; they will not open after the restore</translation>
    </message>
    <message>
        <source>已自动备份到“{path}”。</source>
        <translation>Backed up automatically to “{path}”.</translation>
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
        <source>泳道：按{lane}</source>
        <translation>Lanes: {lane}</translation>
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
        <source>按模板建立时，各阶段从开始日期起按方案规定的时长排定</source>
        <translation>With a template, the phases run from the start date, each as long as the plan gives it</translation>
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
        <source>至</source>
        <translation>to</translation>
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
        <source>挂点促建：最难组建的大企业（未发现党员或300人以上）交区领导；驻街保建：其他大企业交区直机关；主管包建：有业务主管单位的社会组织交该单位；党群共建：群团组织的问题交群团；其余交所在社区</source>
        <translation>Leader link: the hardest large enterprises (no Party member found, or 300 staff or more) go to the district leaders; street teams: other large enterprises go to the district departments; supervisor: social organizations with a supervising unit go to that unit; Party and mass organizations: mass-organization findings go to the mass organizations; the rest go to their community</translation>
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
        <source>街道：工作台的每个数字、图表和问题清单都只算所选街道</source>
        <translation>Sub-district: every figure, chart and finding on the dashboard counts only the one chosen</translation>
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
        <source>各街道</source>
        <translation>By sub-district</translation>
    </message>
    <message>
        <source>社区、行业、规模与趋势</source>
        <translation>Communities, industries, size and trend</translation>
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
        <source>覆盖率月度趋势（单个街道只有本月）</source>
        <translation>Monthly trend of the rates (one sub-district: this month only)</translation>
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
        <source>修改记录</source>
        <translation>History</translation>
    </message>
    <message>
        <source>改正这条记录后，下一个上报数据包会带上修改，区里重新审核。</source>
        <translation>Once this record is corrected, the next package carries the change and the district checks it again.</translation>
    </message>
    <message>
        <source>显示完整信息</source>
        <translation>Show full details</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>更多…</source>
        <translation>More…</translation>
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
        <source>未发现问题</source>
        <translation>No findings</translation>
    </message>
    <message>
        <source>区里拒收：{reason}</source>
        <translation>Refused by the district: {reason}</translation>
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
        <source>党员</source>
        <translation>Party members</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>同一身份证号登记在两个及以上街道的党员（口袋党员或重复登记）。每组并列列出各街道的记录，请核实应由哪个街道管理。双击一行打开该记录。</source>
        <translation>Party members whose ID number is registered in two or more sub-districts (kept in the pocket, or registered twice). Each group lists every sub-district's record side by side; check which sub-district should keep the person. Double-click a row to open the record.</translation>
    </message>
    <message>
        <source>同一统一社会信用代码登记在两个及以上街道的两新组织。每组并列列出各街道的记录，请核实应由哪个街道管理。双击一行打开该记录。</source>
        <translation>Organizations whose unified social credit code is registered in two or more sub-districts. Each group lists every sub-district's record side by side; check which sub-district should keep it. Double-click a row to open the record.</translation>
    </message>
    <message>
        <source>街道</source>
        <translation>Sub-district</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Level</translation>
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
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>所在党组织</source>
        <translation>Party organization</translation>
    </message>
    <message>
        <source>从业人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>已建党组织</source>
        <translation>Has Party org.</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>生成核查任务</source>
        <translation>Make check tasks</translation>
    </message>
    <message>
        <source>生成</source>
        <translation>Make</translation>
    </message>
    <message>
        <source>查重</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <source>显示完整号码</source>
        <translation>Show full numbers</translation>
    </message>
    <message>
        <source>导出 .xlsx…</source>
        <translation>Export .xlsx…</translation>
    </message>
    <message>
        <source>生成核查任务…</source>
        <translation>Make check tasks…</translation>
    </message>
    <message>
        <source>正在查找……</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>组</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>导出查重结果</source>
        <translation>Export duplicates</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>已导出查重结果（含完整号码）：{path}</source>
        <translation>Duplicates exported (with full numbers): {path}</translation>
    </message>
    <message>
        <source>已导出查重结果：{path}</source>
        <translation>Duplicates exported: {path}</translation>
    </message>
    <message>
        <source>放入专项行动</source>
        <translation>Into campaign</translation>
    </message>
    <message>
        <source>查重比对各街道上报的数据，只在区里进行。</source>
        <translation>Duplicates compare what the sub-districts report; they are found at the district only.</translation>
    </message>
    <message>
        <source>隐藏完整号码</source>
        <translation>Hide full numbers</translation>
    </message>
    <message>
        <source>读取失败：</source>
        <translation>Could not read: </translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>查重-{what}-{day}.xlsx</source>
        <translation>duplicates-{what}-{day}.xlsx</translation>
    </message>
    <message>
        <source>还没有专项行动：请先在“专项行动”页新建一个（如“查重核实”），再回来生成核查任务。</source>
        <translation>There is no campaign yet: make one on the Campaigns page (such as “Duplicate check”), then come back to make the check tasks.</translation>
    </message>
    <message>
        <source>未能生成核查任务</source>
        <translation>Check tasks not made</translation>
    </message>
    <message>
        <source>为每条重复登记的{what}记录生成一项核查任务，交给保存它的街道，请其核实应由哪个街道管理；已有核查任务的记录不再重复生成。任务随下次的下发数据包发给各街道。</source>
        <translation>One check task is made for each duplicate record ({what}), for the sub-district that keeps it, to settle which sub-district should keep it; a record that already has a check task gets no second one. The tasks go to the sub-districts in their next down packages.</translation>
    </message>
    <message>
        <source>没有发现重复登记：没有同一身份证号登记在两个及以上街道的党员。</source>
        <translation>No duplicates: no ID number is registered in two or more sub-districts.</translation>
    </message>
    <message>
        <source>没有发现重复登记：没有同一统一社会信用代码登记在两个及以上街道的两新组织。</source>
        <translation>No duplicates: no credit code is registered in two or more sub-districts.</translation>
    </message>
    <message>
        <source>这里列出前 {shown} 组，共 {n} 组；全部请导出 .xlsx。</source>
        <translation>The first {shown} of {n} groups are listed here; export .xlsx for all of them.</translation>
    </message>
    <message>
        <source>{y}年{m}月{d}日</source>
        <translation>{y}-{m}-{d}</translation>
    </message>
    <message>
        <source>将显示完整的身份证号码（导出时也是完整号码）。请确认周围无关人员看不到屏幕。</source>
        <translation>Full ID numbers will be shown (and exported). Make sure nobody else can see the screen.</translation>
    </message>
    <message>
        <source>{n} 组重复登记的{what}，共 {records} 条记录，涉及 {stations} 个街道</source>
        <translation>{n} duplicate groups ({what}), {records} records in {stations} sub-districts</translation>
    </message>
    <message>
        <source>已在“{campaign}”中生成 {n} 项核查任务，每条记录一项，交给保存它的街道。</source>
        <translation>{n} check tasks made in “{campaign}”, one per record, for the sub-district that keeps it.</translation>
    </message>
    <message>
        <source>这些重复登记在“{campaign}”中都已有核查任务，没有新生成。</source>
        <translation>Every one of these duplicates already has a check task in “{campaign}”; none were made.</translation>
    </message>
    <message>
        <source>证件号码和电话已遮蔽；如需修改，请先显示完整信息。</source>
        <translation>ID and phone numbers are masked; show full details to change them.</translation>
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
        <source>两新组织党建工作台</source>
        <translation>Party-Building Workbench</translation>
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
        <source>请牢记这个口令：它无法找回。忘记了只能请区里为本站点重新生成登记文件，重新登记（生成新密钥）。</source>
        <translation>Remember this passphrase: it cannot be recovered. If it is forgotten, the district must make a new enrolment file for this station and it must enrol again (with new keys).</translation>
    </message>
    <message>
        <source>请牢记这个口令：它无法找回。忘记了只能换新密钥，所有街道都要重新登记。</source>
        <translation>Remember this passphrase: it cannot be recovered. If it is forgotten, the district needs new keys and every sub-district must enrol again.</translation>
    </message>
    <message>
        <source>可以导入</source>
        <translation>Can be imported</translation>
    </message>
    <message>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>已导入过，无变化</source>
        <translation>Already imported, no change</translation>
    </message>
    <message>
        <source>等待前序数据包</source>
        <translation>Waiting for an earlier package</translation>
    </message>
    <message>
        <source>拒收</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>可以载入</source>
        <translation>Can be loaded</translation>
    </message>
    <message>
        <source>已载入</source>
        <translation>Loaded</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>无变化</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>输入密钥口令</source>
        <translation>Enter the key passphrase</translation>
    </message>
    <message>
        <source>打开本站点的密钥需要口令（登记时设定的那个）。本次运行程序只需输入一次。</source>
        <translation>Opening this station's keys needs the passphrase (the one set at enrolment). You enter it once each time the program runs.</translation>
    </message>
    <message>
        <source>密钥口令</source>
        <translation>Key passphrase</translation>
    </message>
    <message>
        <source>打开密钥</source>
        <translation>Open keys</translation>
    </message>
    <message>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>登记街道</source>
        <translation>Register a sub-district</translation>
    </message>
    <message>
        <source>9 位行政区划代码，如 440307001</source>
        <translation>9-digit division code, e.g. 440307001</translation>
    </message>
    <message>
        <source>如 南湾街道</source>
        <translation>e.g. 南湾街道</translation>
    </message>
    <message>
        <source>街道代码</source>
        <translation>Sub-district code</translation>
    </message>
    <message>
        <source>街道名称</source>
        <translation>Sub-district name</translation>
    </message>
    <message>
        <source>下一步：保存登记文件…</source>
        <translation>Next: save the enrolment file…</translation>
    </message>
    <message>
        <source>#{a} 至 #{b}</source>
        <translation>#{a} to #{b}</translation>
    </message>
    <message>
        <source>请把这个文件交给区里导入。区里导入后会给一份回执，在本页“载入回执”后，下次只上报之后的新变化。</source>
        <translation>Hand this file to the district for import. After importing, the district gives back a receipt; once it is loaded here with “Load receipt”, the next package carries only the changes since.</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>保存在</source>
        <translation>Saved in</translation>
    </message>
    <message>
        <source>变更范围</source>
        <translation>Range of changes</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open the folder</translation>
    </message>
    <message>
        <source>同一批里有它前面的数据包，导入时会先导入那一个，再接着导入这一个。</source>
        <translation>An earlier package of the same sub-district is in this batch: it is imported first, then this one.</translation>
    </message>
    <message>
        <source>两次输入的口令不一致，请重新输入。</source>
        <translation>The two passphrases differ; please type them again.</translation>
    </message>
    <message>
        <source>密钥</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>登记后会生成该街道的登记文件，请把它交给街道，在其“数据交换”页载入。</source>
        <translation>Registering makes the sub-district's enrolment file; give it to the sub-district to load on its 数据交换 (Data exchange) page.</translation>
    </message>
    <message>
        <source>请填写街道名称。</source>
        <translation>Please enter the sub-district's name.</translation>
    </message>
    <message>
        <source>下发数据包已生成</source>
        <translation>Down package made</translation>
    </message>
    <message>
        <source>上报数据包已生成</source>
        <translation>Package made</translation>
    </message>
    <message>
        <source>口令至少 {n} 个字符，可以用汉字、字母和数字；开头和结尾的空格不算。</source>
        <translation>The passphrase needs at least {n} characters: Chinese characters, letters and digits; spaces at either end do not count.</translation>
    </message>
    <message>
        <source>全量</source>
        <translation>full</translation>
    </message>
    <message>
        <source>请把这个文件交给{station}，在其“数据交换”页用“载入下发数据包”载入。数据包只加密给{station}，别的街道打不开。</source>
        <translation>Hand this file to {station}, to load with “Load down package” on its Data exchange page. It is encrypted to {station} alone; no other sub-district can open it.</translation>
    </message>
    <message>
        <source>全量上报数据包已生成。</source>
        <translation>Full package made.</translation>
    </message>
    <message>
        <source>上报数据包已生成。</source>
        <translation>Package made.</translation>
    </message>
    <message>
        <source>载入下发数据包：预检结果</source>
        <translation>Load down package: check</translation>
    </message>
    <message>
        <source>载入下发数据包：结果</source>
        <translation>Load down package: result</translation>
    </message>
    <message>
        <source>导入数据包：预检结果</source>
        <translation>Import packages: dry run</translation>
    </message>
    <message>
        <source>导入数据包：结果</source>
        <translation>Import packages: result</translation>
    </message>
    <message>
        <source>载入</source>
        <translation>Load</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>打开回执所在文件夹</source>
        <translation>Open the receipts' folder</translation>
    </message>
    <message>
        <source>没有可以载入的数据包，数据库没有改动。</source>
        <translation>No package can be loaded; nothing in the database changed.</translation>
    </message>
    <message>
        <source>没有可以导入的数据包，数据库没有改动。</source>
        <translation>No package can be imported; nothing has changed in the database.</translation>
    </message>
    <message>
        <source>以下是预检结果，数据库还没有改动。点“载入”才会真正载入。</source>
        <translation>This is the check; nothing in the database has changed yet. Click “Load” to load.</translation>
    </message>
    <message>
        <source>以下是预检结果，数据库还没有改动。点“导入”才会真正导入。</source>
        <translation>This is a dry run: nothing has changed in the database yet. Click “Import” to import.</translation>
    </message>
    <message>
        <source>{state} {n} 个</source>
        <translation>{state}: {n}</translation>
    </message>
    <message>
        <source>拒收的记录（{n} 条），其余记录照常导入：</source>
        <translation>Refused records ({n}); the other records are imported as usual:</translation>
    </message>
    <message>
        <source>共 {n} 个数据包：</source>
        <translation>{n} package(s): </translation>
    </message>
    <message>
        <source>发给{station}的全量下发数据包已生成。</source>
        <translation>Full down package for {station} made.</translation>
    </message>
    <message>
        <source>发给{station}的下发数据包已生成。</source>
        <translation>Down package for {station} made.</translation>
    </message>
    <message>
        <source>最近上报</source>
        <translation>Last report</translation>
    </message>
    <message>
        <source>距今天数</source>
        <translation>Days ago</translation>
    </message>
    <message>
        <source>已收到至</source>
        <translation>Received up to</translation>
    </message>
    <message>
        <source>密钥编号</source>
        <translation>Key id</translation>
    </message>
    <message>
        <source>区的密钥已生成。下一步：登记街道，把登记文件交给各街道。</source>
        <translation>The district's keys are made. Next: register the sub-districts and give each its enrolment file.</translation>
    </message>
    <message>
        <source>区的密钥</source>
        <translation>District keys</translation>
    </message>
    <message>
        <source>生成区里的密钥…</source>
        <translation>Make the district's keys…</translation>
    </message>
    <message>
        <source>已登记的街道</source>
        <translation>Registered sub-districts</translation>
    </message>
    <message>
        <source>登记街道…</source>
        <translation>Register a sub-district…</translation>
    </message>
    <message>
        <source>载入街道公钥…</source>
        <translation>Load a sub-district's public key…</translation>
    </message>
    <message>
        <source>重新生成登记文件…</source>
        <translation>Make the enrolment file again…</translation>
    </message>
    <message>
        <source>生成回执…</source>
        <translation>Make a receipt…</translation>
    </message>
    <message>
        <source>撤销登记…</source>
        <translation>Revoke registration…</translation>
    </message>
    <message>
        <source>导入数据包</source>
        <translation>Import packages</translation>
    </message>
    <message>
        <source>导入数据包…</source>
        <translation>Import packages…</translation>
    </message>
    <message>
        <source>导入文件夹…</source>
        <translation>Import a folder…</translation>
    </message>
    <message>
        <source>下发数据包</source>
        <translation>Down packages</translation>
    </message>
    <message>
        <source>生成下发数据包…</source>
        <translation>Make down package…</translation>
    </message>
    <message>
        <source>全量（重发给该街道的全部内容）</source>
        <translation>Full (send everything for it again)</translation>
    </message>
    <message>
        <source>平时不用勾选：只发上次下发以后的新内容。街道重装程序或数据丢失时才勾选。</source>
        <translation>Usually left unticked: only what is new since the last down package is sent. Tick it when the sub-district has reinstalled or lost its data.</translation>
    </message>
    <message>
        <source>尚未上报：还没有导入过这个街道的上报数据包</source>
        <translation>Not reported yet: no package from this sub-district has been imported</translation>
    </message>
    <message>
        <source>先在上面的列表中选中一个街道。</source>
        <translation>Select a sub-district in the list above first.</translation>
    </message>
    <message>
        <source>设定区的密钥口令</source>
        <translation>Set the district's key passphrase</translation>
    </message>
    <message>
        <source>区的密钥用来给登记文件和回执签名、打开街道上报的数据包。请设定密钥口令，每次运行程序输入一次。</source>
        <translation>The district's keys sign enrolment files and receipts and open the packages sub-districts send. Set a key passphrase; you enter it once each time the program runs.</translation>
    </message>
    <message>
        <source>生成区里的密钥</source>
        <translation>Make the district's keys</translation>
    </message>
    <message>
        <source>保存登记文件</source>
        <translation>Save the enrolment file</translation>
    </message>
    <message>
        <source>登记文件 (*.json)</source>
        <translation>Enrolment file (*.json)</translation>
    </message>
    <message>
        <source>载入街道交回的公钥文件</source>
        <translation>Load the public-key file a sub-district sent back</translation>
    </message>
    <message>
        <source>公钥文件 (*.json);;所有文件 (*)</source>
        <translation>Public-key file (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>载入街道公钥</source>
        <translation>Load a sub-district's public key</translation>
    </message>
    <message>
        <source>选择保存回执的文件夹（如 U 盘）</source>
        <translation>Choose the folder for the receipt (e.g. a USB stick)</translation>
    </message>
    <message>
        <source>生成下发数据包</source>
        <translation>Make down package</translation>
    </message>
    <message>
        <source>选择要导入的数据包</source>
        <translation>Choose the packages to import</translation>
    </message>
    <message>
        <source>数据包 (*.lxpkg)</source>
        <translation>Packages (*.lxpkg)</translation>
    </message>
    <message>
        <source>选择装有数据包的文件夹</source>
        <translation>Choose a folder with packages</translation>
    </message>
    <message>
        <source>也可以把 .lxpkg 数据包或装有数据包的文件夹直接拖到本页。先预检、再导入；导入后回执写在数据包旁边，交给街道载入。</source>
        <translation>You can also drop .lxpkg packages, or a folder of them, onto this page. A dry run comes first, then the import; the receipt is written beside each package, for the sub-district to load.</translation>
    </message>
    <message>
        <source>还没有区的密钥。先生成密钥（设定一个口令），才能登记街道、导入街道上报的数据包。</source>
        <translation>The district has no keys yet. Make them first (setting a passphrase) to register sub-districts and import their packages.</translation>
    </message>
    <message>
        <source>已登记“{name}”（{code}），登记文件已保存到“{path}”。

请把登记文件交给街道，并告诉对方区的密钥编号 {key}，让其电话核对。街道载入后会交回一个公钥文件，请用“载入街道公钥”载入。</source>
        <translation>Registered “{name}” ({code}); the enrolment file is saved as “{path}”.

Give the enrolment file to the sub-district and tell them the district's key id {key} so they can check it by phone. After loading it, the sub-district sends back a public-key file: load it with “Load a sub-district's public key”.</translation>
    </message>
    <message>
        <source>撤销登记</source>
        <translation>Revoke registration</translation>
    </message>
    <message>
        <source>未能撤销登记</source>
        <translation>Could not revoke the registration</translation>
    </message>
    <message>
        <source>生成回执</source>
        <translation>Make a receipt</translation>
    </message>
    <message>
        <source>未能生成回执</source>
        <translation>Could not make the receipt</translation>
    </message>
    <message>
        <source>未能生成下发数据包</source>
        <translation>Down package not made</translation>
    </message>
    <message>
        <source>正在预检数据包……</source>
        <translation>Checking the packages……</translation>
    </message>
    <message>
        <source>预检数据包</source>
        <translation>Dry run</translation>
    </message>
    <message>
        <source>已取消，没有导入任何数据。</source>
        <translation>Cancelled; nothing was imported.</translation>
    </message>
    <message>
        <source>没有导入任何数据。</source>
        <translation>Nothing was imported.</translation>
    </message>
    <message>
        <source>未能导入数据包</source>
        <translation>Could not import the packages</translation>
    </message>
    <message>
        <source>已取消：尚未导入的数据包没有导入，取消前已导入的保留（见交换记录）。</source>
        <translation>Cancelled: the packages not yet imported were not imported; those imported before the cancel stay (see the history).</translation>
    </message>
    <message>
        <source>底色标黄的街道超过 {n} 天未上报（或还没有上报过）。双击一行，查看与该街道的交换记录。</source>
        <translation>Sub-districts in yellow have not reported for more than {n} days (or never). Double-click a row for its exchange history.</translation>
    </message>
    <message>
        <source>等待街道交回公钥文件</source>
        <translation>Waiting for its public-key file</translation>
    </message>
    <message>
        <source>已登记的街道（{n} 个）</source>
        <translation>Registered sub-districts ({n})</translation>
    </message>
    <message>
        <source>超过 {n} 天未上报</source>
        <translation>No report for over {n} days</translation>
    </message>
    <message>
        <source>已登记“{name}”（{code}）。</source>
        <translation>Registered “{name}” ({code}).</translation>
    </message>
    <message>
        <source>“{name}”的这份公钥与已登记的相同，没有改动。</source>
        <translation>This public key of “{name}” is the one already registered; nothing changed.</translation>
    </message>
    <message>
        <source>已载入“{name}”（{code}）的公钥，密钥编号 {key}。请与街道电话核对这个编号；核对无误后即可导入它上报的数据包。</source>
        <translation>Loaded the public key of “{name}” ({code}), key id {key}. Check this id with the sub-district by phone; once it matches, its packages can be imported.</translation>
    </message>
    <message>
        <source>已撤销“{name}”（{code}）的登记，今后它的数据包一律拒收。</source>
        <translation>Revoked the registration of “{name}” ({code}); its packages are refused from now on.</translation>
    </message>
    <message>
        <source>选择保存“{name}”下发数据包的文件夹（如 U 盘）</source>
        <translation>Folder for the down package of “{name}” (a USB stick, say)</translation>
    </message>
    <message>
        <source>正在为“{name}”生成下发数据包……</source>
        <translation>Making the down package for “{name}”…</translation>
    </message>
    <message>
        <source>区的密钥编号 {key}（生成于 {day}）。登记街道时请把这个编号告诉街道，供其电话核对。</source>
        <translation>District key id {key} (made on {day}). When registering a sub-district, tell them this id so they can check it by phone.</translation>
    </message>
    <message>
        <source>已撤销登记（{day}）</source>
        <translation>Registration revoked ({day})</translation>
    </message>
    <message>
        <source>“{name}”已撤销登记或还没有交回公钥文件，不能给它生成下发数据包。</source>
        <translation>“{name}” is revoked or has not handed back its public-key file; no down package can be made for it.</translation>
    </message>
    <message>
        <source>发给“{name}”：区里给它的专项行动和任务、考评模板、设置（含统一设定）；只有它能打开。</source>
        <translation>For “{name}”: the district's campaigns and tasks for it, appraisal templates and settings (district-wide ones included); only it can open the package.</translation>
    </message>
    <message>
        <source>上次保存到：{folder}</source>
        <translation>Last saved to: {folder}</translation>
    </message>
    <message>
        <source>未能生成区里的密钥</source>
        <translation>Could not make the district's keys</translation>
    </message>
    <message>
        <source>未能登记街道</source>
        <translation>Could not register the sub-district</translation>
    </message>
    <message>
        <source>未能载入公钥文件</source>
        <translation>Could not load the public-key file</translation>
    </message>
    <message>
        <source>已为“{name}”生成下发数据包：{path}</source>
        <translation>Down package for “{name}” made: {path}</translation>
    </message>
    <message>
        <source>已取消，没有生成数据包。</source>
        <translation>Cancelled; no package was made.</translation>
    </message>
    <message>
        <source>尚未上报</source>
        <translation>Not reported yet</translation>
    </message>
    <message>
        <source>撤销“{name}”（{code}）的登记后，它上报的数据包一律拒收，已导入的数据保留。要恢复，须为它重新生成登记文件，让其重新登记并交回新的公钥文件。确定撤销吗？</source>
        <translation>After revoking “{name}” ({code}), every package it sends is refused; the data already imported stays. To restore it, make a new enrolment file for it, let it enrol again and load its new public-key file. Revoke?</translation>
    </message>
    <message>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>{n} 条</source>
        <translation>{n}</translation>
    </message>
    <message>
        <source>{n} 天</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Range</translation>
    </message>
    <message>
        <source>数据交换</source>
        <translation>Data exchange</translation>
    </message>
    <message>
        <source>交换记录</source>
        <translation>Exchange history</translation>
    </message>
    <message>
        <source>撤销导入…</source>
        <translation>Undo import…</translation>
    </message>
    <message>
        <source>撤销导入</source>
        <translation>Undo import</translation>
    </message>
    <message>
        <source>未能撤销导入</source>
        <translation>Could not undo the import</translation>
    </message>
    <message>
        <source>撤销导入：把区里恢复到导入这个数据包之前（只能撤销每个街道最近的一次导入）。</source>
        <translation>Undo import: the district goes back to how it was before that package (only each sub-district's latest import can be undone).</translation>
    </message>
    <message>
        <source>区已确认至 #{n}</source>
        <translation>District confirmed up to #{n}</translation>
    </message>
    <message>
        <source>共 {n} 条：</source>
        <translation>{n} records: </translation>
    </message>
    <message>
        <source>撤销“{file}”（{station}）的导入后，区里这个街道的数据回到导入之前，下次可以重新导入这个数据包。确定撤销吗？</source>
        <translation>After undoing the import of “{file}” ({station}), this sub-district's data at the district is as before that import, and the package can be imported again. Undo?</translation>
    </message>
    <message>
        <source>只显示“{name}”（{code}）的交换记录：收到的上报数据包和发给它的下发数据包。</source>
        <translation>Only “{name}” ({code}): the packages received from it and the down packages made for it.</translation>
    </message>
    <message>
        <source>“{name}”（{code}）还没有交换记录：还没有导入过它的上报数据包，也没有给它生成过下发数据包。</source>
        <translation>“{name}” ({code}) has no exchange history yet: no package from it has been imported and no down package made for it.</translation>
    </message>
    <message>
        <source>专项行动 {n} 项</source>
        <translation>{n} campaigns</translation>
    </message>
    <message>
        <source>行动阶段 {n} 个</source>
        <translation>{n} phases</translation>
    </message>
    <message>
        <source>任务 {n} 项</source>
        <translation>{n} tasks</translation>
    </message>
    <message>
        <source>考评模板 {n} 个</source>
        <translation>{n} appraisal templates</translation>
    </message>
    <message>
        <source>设置 {n} 项</source>
        <translation>{n} settings</translation>
    </message>
    <message>
        <source>区里下发的内容本站点都已有，没有新变化。</source>
        <translation>This station already has everything the district sent; nothing changed.</translation>
    </message>
    <message>
        <source>区里的任务在“专项行动”页，与本站点自己的任务一样移动、销号。</source>
        <translation>The district's tasks are on the Campaigns page, moved and closed like this station's own.</translation>
    </message>
    <message>
        <source>区里统一设定的标准在“设置”页标为“区统一设定”，本站点不能修改。</source>
        <translation>Thresholds the district sets for all are marked “Set by district” on the Settings page and cannot be changed here.</translation>
    </message>
    <message>
        <source>载入了区里下发的：</source>
        <translation>Loaded from the district: </translation>
    </message>
    <message>
        <source>登记到区里</source>
        <translation>Enrol with the district</translation>
    </message>
    <message>
        <source>载入区里发来的登记文件…</source>
        <translation>Load the district's enrolment file…</translation>
    </message>
    <message>
        <source>导出本站公钥文件…</source>
        <translation>Export this station's public key…</translation>
    </message>
    <message>
        <source>重新登记…</source>
        <translation>Enrol again…</translation>
    </message>
    <message>
        <source>忘记口令时：载入区里重新发来的登记文件，生成新密钥，原密钥作废。</source>
        <translation>If the passphrase is forgotten: load a new enrolment file from the district and make new keys; the old ones stop working.</translation>
    </message>
    <message>
        <source>上报数据</source>
        <translation>Report to the district</translation>
    </message>
    <message>
        <source>生成上报数据包…</source>
        <translation>Make a package…</translation>
    </message>
    <message>
        <source>全量（重报本站点的全部记录）</source>
        <translation>Full (report every record of this station again)</translation>
    </message>
    <message>
        <source>平时不用勾选：只上报区里上次确认以后的变化。区里数据丢失或要求重报时才勾选。</source>
        <translation>Usually leave this off: only changes since the district's last confirmation are reported. Tick it when the district lost its data or asks for everything again.</translation>
    </message>
    <message>
        <source>载入回执…</source>
        <translation>Load a receipt…</translation>
    </message>
    <message>
        <source>区里拒收的记录</source>
        <translation>Records the district refused</translation>
    </message>
    <message>
        <source>区里下发</source>
        <translation>From the district</translation>
    </message>
    <message>
        <source>载入下发数据包…</source>
        <translation>Load down package…</translation>
    </message>
    <message>
        <source>载入区里发来的登记文件</source>
        <translation>Load the district's enrolment file</translation>
    </message>
    <message>
        <source>登记文件 (*.json);;所有文件 (*)</source>
        <translation>Enrolment file (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>设定密钥口令</source>
        <translation>Set the key passphrase</translation>
    </message>
    <message>
        <source>登记完成</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>稍后</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>导出本站公钥文件</source>
        <translation>Export this station's public key</translation>
    </message>
    <message>
        <source>公钥文件 (*.json)</source>
        <translation>Public-key file (*.json)</translation>
    </message>
    <message>
        <source>选择保存上报数据包的文件夹（如 U 盘）</source>
        <translation>Choose the folder for the package (e.g. a USB stick)</translation>
    </message>
    <message>
        <source>正在生成上报数据包……</source>
        <translation>Making the package……</translation>
    </message>
    <message>
        <source>生成上报数据包</source>
        <translation>Make a package</translation>
    </message>
    <message>
        <source>载入回执</source>
        <translation>Load a receipt</translation>
    </message>
    <message>
        <source>回执 (*.lxpkg);;所有文件 (*)</source>
        <translation>Receipt (*.lxpkg);;All files (*)</translation>
    </message>
    <message>
        <source>选择区里发来的下发数据包</source>
        <translation>Choose the district's down packages</translation>
    </message>
    <message>
        <source>下发数据包 (*-down.lxpkg);;数据包 (*.lxpkg)</source>
        <translation>Down packages (*-down.lxpkg);;Packages (*.lxpkg)</translation>
    </message>
    <message>
        <source>区里下发的专项行动和任务、考评模板、统一设定。先预检、再载入；只改区里的内容，本站点自己的记录不会被改动。</source>
        <translation>The district's campaigns and tasks, appraisal templates and district-wide settings. Checked first, then loaded; only the district's own rows change, never this station's records.</translation>
    </message>
    <message>
        <source>这些记录区里没有接收。请按原因改正，下次上报会带上修改。双击一行打开该记录。</source>
        <translation>The district did not accept these records. Correct them as the reason says; the next package carries the change. Double-click a row to open the record.</translation>
    </message>
    <message>
        <source>第一步：载入区里发来的登记文件。载入时为本站点设定一个密钥口令，程序随即生成本站点的密钥；然后导出本站公钥文件，交回区里。</source>
        <translation>Step one: load the enrolment file the district sent. You set a key passphrase while loading it and the program makes this station's keys; then export this station's public key and send it back to the district.</translation>
    </message>
    <message>
        <source>登记到区里之后才能生成上报数据包。</source>
        <translation>Packages can be made once the station is enrolled with the district.</translation>
    </message>
    <message>
        <source>未能导出公钥文件</source>
        <translation>Could not export the public key</translation>
    </message>
    <message>
        <source>未能生成上报数据包</source>
        <translation>Could not make the package</translation>
    </message>
    <message>
        <source>未能载入回执</source>
        <translation>Could not load the receipt</translation>
    </message>
    <message>
        <source>正在预检下发数据包……</source>
        <translation>Checking the down packages…</translation>
    </message>
    <message>
        <source>预检下发数据包</source>
        <translation>Checking down packages</translation>
    </message>
    <message>
        <source>已取消，没有载入任何数据。</source>
        <translation>Cancelled; nothing was loaded.</translation>
    </message>
    <message>
        <source>没有载入任何数据。</source>
        <translation>Nothing was loaded.</translation>
    </message>
    <message>
        <source>载入下发数据包</source>
        <translation>Load down package</translation>
    </message>
    <message>
        <source>未能载入下发数据包</source>
        <translation>Down package not loaded</translation>
    </message>
    <message>
        <source>已取消：尚未载入的数据包没有载入，取消前已载入的保留（见交换记录）。</source>
        <translation>Cancelled: packages not yet loaded were not loaded; those loaded before stay (see the history).</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>上报数据包只含区里上次确认以后的变化，加密后只有区里能打开。</source>
        <translation>A package holds the changes since the district's last confirmation; encrypted, only the district can open it. </translation>
    </message>
    <message>
        <source>区里拒收的记录（{n} 条）</source>
        <translation>Records the district refused ({n})</translation>
    </message>
    <message>
        <source>重新登记</source>
        <translation>Enrol again</translation>
    </message>
    <message>
        <source>重新登记会生成新的密钥，原来的密钥作废。需要区里为本站点重新生成的登记文件；完成后要把新的公钥文件交回区里。确定继续吗？</source>
        <translation>Enrolling again makes new keys and the old ones stop working. It needs a new enrolment file from the district; afterwards, send the new public-key file to the district. Continue?</translation>
    </message>
    <message>
        <source>登记文件来自“{name}”（{code}）。请为本站点设定密钥口令：生成上报数据包、载入回执时要用，每次运行程序输入一次。</source>
        <translation>The enrolment file comes from “{name}” ({code}). Set a key passphrase for this station: it is needed to make packages and load receipts, once each time the program runs.</translation>
    </message>
    <message>
        <source>已登记到“{name}”。</source>
        <translation>Enrolled with “{name}”.</translation>
    </message>
    <message>
        <source>已登记到“{name}”（{code}），本站点的密钥已生成。</source>
        <translation>Enrolled with “{name}” ({code}); this station's keys are made.</translation>
    </message>
    <message>
        <source>请打电话给区里，核对区的密钥编号：
{key}

编号一致，才说明这份登记文件确实来自区里；不一致请停止使用，并告知区里。

下一步：导出本站公钥文件，交给区里载入。</source>
        <translation>Phone the district and check the district's key id:
{key}

Only if the ids match does the enrolment file really come from the district; if they differ, stop and tell the district.

Next: export this station's public key and give it to the district.</translation>
    </message>
    <message>
        <source>公钥文件已保存到“{path}”。请把它交给区里，在区里的“数据交换”页用“载入街道公钥”载入；本站点的密钥编号是 {key}，区里载入时可电话核对。</source>
        <translation>The public-key file is saved as “{path}”. Give it to the district to load on its 数据交换 (Data exchange) page with “Load a sub-district's public key”; this station's key id is {key}, for the district to check by phone.</translation>
    </message>
    <message>
        <source>已生成上报数据包：{path}</source>
        <translation>Package made: {path}</translation>
    </message>
    <message>
        <source>已登记到“{name}”（{code}）。区的密钥编号 {district_key}；本站点的密钥编号 {own_key}。</source>
        <translation>Enrolled with “{name}” ({code}). District key id {district_key}; this station's key id {own_key}.</translation>
    </message>
    <message>
        <source>未能载入登记文件</source>
        <translation>Could not load the enrolment file</translation>
    </message>
    <message>
        <source>本站点已登记到“{name}”，这份登记文件与已载入的相同，无需再次载入。</source>
        <translation>This station is already enrolled with “{name}”; this enrolment file is the one already loaded.</translation>
    </message>
    <message>
        <source>未能登记</source>
        <translation>Could not enrol</translation>
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
        <source>演示数据（虚构，不是正式数据）</source>
        <translation>Demo data (fictitious, not real records)</translation>
    </message>
    <message>
        <source>无法打开两新组织党建工作台</source>
        <translation>Cannot open the Party-building workbench</translation>
    </message>
    <message>
        <source>两新组织党建工作台 — 开始使用</source>
        <translation>Party-building workbench — getting started</translation>
    </message>
    <message>
        <source>欢迎使用两新组织党建工作台</source>
        <translation>Welcome to the Party-building workbench</translation>
    </message>
    <message>
        <source>新建本街道数据</source>
        <translation>Start this sub-district's data</translation>
    </message>
    <message>
        <source>登记本街道（或本区）的行政区划代码和名称，从空白开始录入。</source>
        <translation>Register this sub-district's (or district's) division code and name, and start entering records from scratch.</translation>
    </message>
    <message>
        <source>打开已有数据文件</source>
        <translation>Open an existing data file</translation>
    </message>
    <message>
        <source>选择以前用过的、或从旧电脑恢复出来的数据文件（.sqlite3）。</source>
        <translation>Choose a data file used before, or one restored from the old PC (.sqlite3).</translation>
    </message>
    <message>
        <source>先看演示数据</source>
        <translation>Look at demo data first</translation>
    </message>
    <message>
        <source>生成一个虚构的南湾街道，单独存放，不影响正式数据，随时可以再新建。</source>
        <translation>Builds a fictitious 南湾街道 in a file of its own; your real data is not touched, and you can start your own at any time.</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>街道 9 位、区 6 位行政区划代码，如 440307001</source>
        <translation>9-digit (sub-district) or 6-digit (district) division code, e.g. 440307001</translation>
    </message>
    <message>
        <source>本站点是</source>
        <translation>This station is a</translation>
    </message>
    <message>
        <source>行政区划代码</source>
        <translation>Division code</translation>
    </message>
    <message>
        <source>接着建立管理员账户（推荐：此后打开须登录，操作记下是谁做的）</source>
        <translation>Then create an administrator account (recommended: signing in is required from then on, and every change records who made it)</translation>
    </message>
    <message>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>打开数据文件</source>
        <translation>Open data file</translation>
    </message>
    <message>
        <source>数据文件 (*.sqlite3 *.db);;所有文件 (*)</source>
        <translation>Data files (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <source>正在建立演示数据</source>
        <translation>Building the demo data</translation>
    </message>
    <message>
        <source>演示数据</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <source>这台电脑上还没有党建数据。请选择如何开始：</source>
        <translation>There is no Party-building data on this computer yet. How would you like to start?</translation>
    </message>
    <message>
        <source>数据文件位置：{path}</source>
        <translation>Data file location: {path}</translation>
    </message>
    <message>
        <source>数据文件将建在 {path}。</source>
        <translation>The data file will be created at {path}.</translation>
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
        <source>表格文件 (*.xlsx *.xls *.ods *.csv *.et);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.ods *.csv *.et);;All files (*)</translation>
    </message>
    <message>
        <source>是否建立党组织</source>
        <translation>Party organization set up</translation>
    </message>
    <message>
        <source>核对：与“所属党组织”是否一致</source>
        <translation>Check: agrees with the Party organization column</translation>
    </message>
    <message>
        <source>组建方式</source>
        <translation>Formation</translation>
    </message>
    <message>
        <source>核对：与所属党组织的组建方式是否一致</source>
        <translation>Check: agrees with the Party organization's formation</translation>
    </message>
    <message>
        <source>党组织书记</source>
        <translation>Party secretary</translation>
    </message>
    <message>
        <source>核对：与所属党组织登记的书记是否一致</source>
        <translation>Check: agrees with the Party organization's registered secretary</translation>
    </message>
    <message>
        <source>党建指导员</source>
        <translation>Party-building instructor</translation>
    </message>
    <message>
        <source>核对：与该单位登记的指导员是否一致</source>
        <translation>Check: agrees with the organization's registered instructor</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>核对：与公民身份号码中的出生日期是否一致</source>
        <translation>Check: agrees with the birth date in the ID number</translation>
    </message>
    <message>
        <source>覆盖单位</source>
        <translation>Units covered</translation>
    </message>
    <message>
        <source>按名称或统一社会信用代码关联所覆盖的两新组织（多个用顿号分隔）</source>
        <translation>Links the covered organizations by name or credit code (several separated by 、)</translation>
    </message>
    <message>
        <source>1 选择文件</source>
        <translation>1 Choose file</translation>
    </message>
    <message>
        <source>2 核对列</source>
        <translation>2 Check columns</translation>
    </message>
    <message>
        <source>3 试导入结果</source>
        <translation>3 Dry run</translation>
    </message>
    <message>
        <source>4 完成</source>
        <translation>4 Done</translation>
    </message>
    <message>
        <source>空白模板</source>
        <translation>Blank template</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>已导出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>导入记录…</source>
        <translation>Import history…</translation>
    </message>
    <message>
        <source>选择 .xlsx、.xls、.ods 或 .csv 文件</source>
        <translation>Choose an .xlsx, .xls, .ods or .csv file</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>下载空白模板…</source>
        <translation>Blank template…</translation>
    </message>
    <message>
        <source>按本登记簿的列生成空白表格，附填写说明和示例</source>
        <translation>A blank sheet with this register's columns, with rules and examples</translation>
    </message>
    <message>
        <source>程序会自动找到表头（上方的标题、填报单位和空行会跳过），合计、小计和填表人行不会导入。</source>
        <translation>The header row is found by itself (titles, the reporting-unit line and blank rows above it are skipped); total, subtotal and signature rows are not imported.</translation>
    </message>
    <message>
        <source>保存这组对应，以后遇到同样表头的表格时自动使用</source>
        <translation>Save this mapping and use it again for sheets with the same headers</translation>
    </message>
    <message>
        <source>保存核对结果…</source>
        <translation>Save the check report…</translation>
    </message>
    <message>
        <source>原表各行加上处理结果和原因两列，在 Excel 中改好后可直接再导入</source>
        <translation>The original rows with two columns added (result and reason); fix them in Excel and import the file again</translation>
    </message>
    <message>
        <source>导入可以导入的行，其余的改好后再导入</source>
        <translation>Import the rows that can be imported; fix the rest and import them later</translation>
    </message>
    <message>
        <source>全部改正后再导入（有未导入的行时，本次一行也不导入）</source>
        <translation>Import nothing until every row is fixed</translation>
    </message>
    <message>
        <source>选择台账</source>
        <translation>Choose a ledger</translation>
    </message>
    <message>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <source>保存核对结果</source>
        <translation>Save the check report</translation>
    </message>
    <message>
        <source>正在导入台账</source>
        <translation>Importing the ledger</translation>
    </message>
    <message>
        <source>台账导入记录</source>
        <translation>Ledger import history</translation>
    </message>
    <message>
        <source>撤销所选导入</source>
        <translation>Undo the selected import</translation>
    </message>
    <message>
        <source>正在撤销导入</source>
        <translation>Undoing the import</translation>
    </message>
    <message>
        <source>已生成空白模板：{path}</source>
        <translation>Blank template written: {path}</translation>
    </message>
    <message>
        <source>{title}-{day}.xlsx</source>
        <translation>{title}-{day}.xlsx</translation>
    </message>
    <message>
        <source>文件：</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>工作表：</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <source>表格中的列</source>
        <translation>Column in the sheet</translation>
    </message>
    <message>
        <source>第一行的内容</source>
        <translation>First row</translation>
    </message>
    <message>
        <source>导入到</source>
        <translation>Import into</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>处理</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>已按上次保存的对应填好，请核对。</source>
        <translation>Filled in from the mapping saved last time; please check it.</translation>
    </message>
    <message>
        <source>已按列名自动对应，请核对；不需要导入的列选“（不导入）”。带“核对”的列只用来检查，不会写入。</source>
        <translation>Matched by the column names; please check. Choose "(not imported)" for columns you do not need. Columns marked "check" are only compared, not stored.</translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <source>如导入有误，可在“导入记录”中撤销这次导入。</source>
        <translation>If something went wrong, undo this import from the import history.</translation>
    </message>
    <message>
        <source>没有需要写入的内容：台账与登记簿一致。</source>
        <translation>Nothing to write: the ledger matches the register.</translation>
    </message>
    <message>
        <source>未导入</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <source>导入人</source>
        <translation>Imported by</translation>
    </message>
    <message>
        <source>请先在列表中选中一次导入。</source>
        <translation>Select an import in the list first.</translation>
    </message>
    <message>
        <source>{title}台账模板.xlsx</source>
        <translation>{title} ledger template.xlsx</translation>
    </message>
    <message>
        <source>导出的表格将含完整的身份证号码和电话号码。请妥善保管该文件，不要通过微信、QQ 等发送。继续吗？</source>
        <translation>The exported sheet will hold full ID numbers and phone numbers. Keep the file safe and do not send it by WeChat or QQ. Continue?</translation>
    </message>
    <message>
        <source>导入台账：{title}</source>
        <translation>Import ledger: {title}</translation>
    </message>
    <message>
        <source>表头在第 {rows} 行，数据从第 {data} 行开始。</source>
        <translation>Header on row {rows}; data from row {data}.</translation>
    </message>
    <message>
        <source>列对应有误</source>
        <translation>Mapping problem</translation>
    </message>
    <message>
        <source>试导入（未写入）：新增 {new} 条，更新 {update} 条，无变化 {unchanged} 条，未导入 {refused} 条，跳过 {skipped} 行。</source>
        <translation>Dry run (nothing written): {new} new, {update} updated, {unchanged} unchanged, {refused} refused, {skipped} rows skipped.</translation>
    </message>
    <message>
        <source>同意新建以下社区（将新建）：{names}</source>
        <translation>Create these communities (to be created): {names}</translation>
    </message>
    <message>
        <source>已导入 {written} 条：新增 {new} 条，更新 {update} 条。未导入 {refused} 条，跳过 {skipped} 行。</source>
        <translation>Imported {written}: {new} new, {update} updated. {refused} refused, {skipped} rows skipped.</translation>
    </message>
    <message>
        <source>撤销 {day} 导入的“{file}”？这次新增的记录将被删除，更新的记录恢复原值。</source>
        <translation>Undo the import of "{file}" on {day}? The records it added will be deleted and the ones it updated get their old values back.</translation>
    </message>
    <message>
        <source>无法撤销</source>
        <translation>Cannot undo</translation>
    </message>
    <message>
        <source>（核对）</source>
        <translation> (check)</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>已取消导入，数据库没有任何改动。</source>
        <translation>Import cancelled; the database is unchanged.</translation>
    </message>
    <message>
        <source>没有导入任何数据：有 {refused} 行未能导入。请保存核对结果，在表格中改正后重新导入。</source>
        <translation>Nothing was imported: {refused} rows could not be imported. Save the check report, fix them in the sheet and import again.</translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation>Undone</translation>
    </message>
    <message>
        <source>已保存：{path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>✓ 已开展</source>
        <translation>✓ Held</translation>
    </message>
    <message>
        <source>○ 待开展</source>
        <translation>○ Due</translation>
    </message>
    <message>
        <source>✗ 未开展</source>
        <translation>✗ Missed</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>已开展</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>待开展</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>未开展</source>
        <translation>Missed</translation>
    </message>
    <message>
        <source>未到</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>{n}月</source>
        <translation>{n}</translation>
    </message>
    <message>
        <source>{month}月尚未到来</source>
        <translation>Month {month} has not begun</translation>
    </message>
    <message>
        <source>本季度</source>
        <translation>this quarter</translation>
    </message>
    <message>
        <source>本月</source>
        <translation>this month</translation>
    </message>
    <message>
        <source>第{q}季度</source>
        <translation>Q{q}</translation>
    </message>
    <message>
        <source>本月组织生活</source>
        <translation>This month's organizational life</translation>
    </message>
    <message>
        <source>组织生活…</source>
        <translation>Organizational life…</translation>
    </message>
    <message>
        <source>走访…</source>
        <translation>Visits…</translation>
    </message>
    <message>
        <source>党课按季度核对：本季度尚未结束的为“待开展”，“上月未开展”一项中的党课指上一季度。</source>
        <translation>Party lectures are checked by quarter: due while the quarter runs; under "missed last month" the lecture count is last quarter's.</translation>
    </message>
    <message>
        <source>应开展的都已开展</source>
        <translation>Everything due has been held</translation>
    </message>
    <message>
        <source>待开展：{items}</source>
        <translation>Due: {items}</translation>
    </message>
    <message>
        <source>上月未开展：{items}</source>
        <translation>Missed last month: {items}</translation>
    </message>
    <message>
        <source>逾期未走访 {n} 个组织</source>
        <translation>{n} organizations not visited in time</translation>
    </message>
    <message>
        <source>挂名不管事 {n} 名指导员</source>
        <translation>{n} instructors in name only</translation>
    </message>
    <message>
        <source>在左侧选择一次活动，这里显示出席情况、缺席原因、内容纪要和附件。</source>
        <translation>Select an activity on the left to see its attendance, reasons for absence, minutes and attachments.</translation>
    </message>
    <message>
        <source>实到/应到</source>
        <translation>Present/expected</translation>
    </message>
    <message>
        <source>组织生活</source>
        <translation>Party activities</translation>
    </message>
    <message>
        <source>组织生活纪实：登记“三会一课”、主题党日等活动和出席情况；“开展情况”按规则逐月核对，与工作台的问题清单同一标准。</source>
        <translation>Record of organizational life: meetings, lectures and theme days with their attendance; "Compliance" checks each month by the same rules as the dashboard's findings.</translation>
    </message>
    <message>
        <source>活动记录</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>开展情况</source>
        <translation>Compliance</translation>
    </message>
    <message>
        <source>日历</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>全年</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>搜索主题或党组织</source>
        <translation>Search topic or Party organization</translation>
    </message>
    <message>
        <source>会议记录</source>
        <translation>Meeting record</translation>
    </message>
    <message>
        <source>已生成会议记录：{path}</source>
        <translation>Meeting record written: {path}</translation>
    </message>
    <message>
        <source>组织生活台账</source>
        <translation>Organizational life ledger</translation>
    </message>
    <message>
        <source>已生成组织生活台账：{path}</source>
        <translation>Organizational life ledger written: {path}</translation>
    </message>
    <message>
        <source>全部（三项中最需关注的）</source>
        <translation>All (the most pressing of the three)</translation>
    </message>
    <message>
        <source>只看有未开展、待开展的</source>
        <translation>Only those with missed or due items</translation>
    </message>
    <message>
        <source>每格按规则判定：本月（本季度）尚未结束的为“待开展”；党委、党总支本级，成立前的月份，以及正式党员不足规定人数、不设支委会的支部为“不适用”。党员人数按当前登记。双击一行查看该党组织的日历。</source>
        <translation>Each cell is judged by the rule: "due" while the month (quarter) runs; "n/a" for committees and general branches themselves, months before founding, and branches too small to have a committee. Member counts are as registered today. Double-click a row for its calendar.</translation>
    </message>
    <message>
        <source>正在核对……</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>开展情况表</source>
        <translation>Compliance table</translation>
    </message>
    <message>
        <source>已生成开展情况表：{path}</source>
        <translation>Compliance table written: {path}</translation>
    </message>
    <message>
        <source>登记活动</source>
        <translation>Record activity</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>这里还没有组织生活记录。点击“登记活动”录入一次主题党日、支委会或党课；联合开展的活动只需登记一次。</source>
        <translation>No activities recorded yet. Click "Record activity" to enter a theme day, committee meeting or lecture; a joint activity is recorded once.</translation>
    </message>
    <message>
        <source>已登记组织生活记录。</source>
        <translation>Activity recorded.</translation>
    </message>
    <message>
        <source>已保存修改。</source>
        <translation>Changes saved.</translation>
    </message>
    <message>
        <source>组织生活记录</source>
        <translation>activity record</translation>
    </message>
    <message>
        <source>请先在列表中选择一次活动。</source>
        <translation>Select an activity in the list first.</translation>
    </message>
    <message>
        <source>请先在上方选择一个党组织，再打印它的组织生活台账。</source>
        <translation>Choose a Party organization above first, then print its ledger.</translation>
    </message>
    <message>
        <source>组织生活开展情况</source>
        <translation>Organizational life compliance</translation>
    </message>
    <message>
        <source>未能删除</source>
        <translation>Not deleted</translation>
    </message>
    <message>
        <source>{n} 个党组织；未开展 {missed} 项次，待开展 {due} 项次</source>
        <translation>{n} Party organizations; {missed} missed, {due} due</translation>
    </message>
    <message>
        <source>会议记录（所选活动，A4）…</source>
        <translation>Meeting record (selected activity, A4)…</translation>
    </message>
    <message>
        <source>组织生活台账（所选党组织，全年）…</source>
        <translation>Ledger (selected Party organization, whole year)…</translation>
    </message>
    <message>
        <source>会议记录导出 .xlsx…</source>
        <translation>Meeting record as .xlsx…</translation>
    </message>
    <message>
        <source>组织生活台账导出 .xlsx…</source>
        <translation>Ledger as .xlsx…</translation>
    </message>
    <message>
        <source>联合：</source>
        <translation>Joint: </translation>
    </message>
    <message>
        <source>，显示最近 {n} 条，可按月份、类型或党组织筛选</source>
        <translation>, showing the latest {n}; filter by month, kind or Party organization</translation>
    </message>
    <message>
        <source>（联合开展）</source>
        <translation> (held jointly)</translation>
    </message>
    <message>
        <source>已删除 {what}。</source>
        <translation>Deleted {what}.</translation>
    </message>
    <message>
        <source>（每季度）</source>
        <translation> (quarterly)</translation>
    </message>
    <message>
        <source>（每月）</source>
        <translation> (monthly)</translation>
    </message>
    <message>
        <source>开展情况表（横向）…</source>
        <translation>Compliance table (landscape)…</translation>
    </message>
    <message>
        <source>共 {n} 次活动</source>
        <translation>{n} activities</translation>
    </message>
    <message>
        <source>缺席</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>评议结果</source>
        <translation>Review results</translation>
    </message>
    <message>
        <source>全部党组织</source>
        <translation>All Party organizations</translation>
    </message>
    <message>
        <source>还没有党组织。请先在“党组织”中登记。</source>
        <translation>No Party organizations yet. Register one under "Party organizations" first.</translation>
    </message>
    <message>
        <source>本月没有登记活动。</source>
        <translation>No activities recorded this month.</translation>
    </message>
    <message>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>{day}日  {kind}：{topic}</source>
        <translation>Day {day}  {kind}: {topic}</translation>
    </message>
    <message>
        <source>{year}年{month}月</source>
        <translation>{year}-{month}</translation>
    </message>
    <message>
        <source>窗口已锁定（长时间无操作）。请重新登录；未保存的内容都还在。</source>
        <translation>The window locked itself after a time without use. Please sign in again; nothing unsaved was lost.</translation>
    </message>
    <message>
        <source>未启用账户</source>
        <translation>Accounts not enabled</translation>
    </message>
    <message>
        <source>未登录</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>用户：{name}（{role}）</source>
        <translation>User: {name} ({role})</translation>
    </message>
    <message>
        <source>登录 — 两新组织党建工作台</source>
        <translation>Sign in — Liangxin Party-building desk</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
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
        <source>{name}（{code}） · 数据文件 {db} · 全区两新组织 {orgs} · 党组织 {parties} · 党员 {members}</source>
        <translation>{name} ({code}) · data file {db} · whole district: organizations {orgs} · Party organizations {parties} · members {members}</translation>
    </message>
    <message>
        <source>{name}（{code}） · 数据库 {db} · 全区两新组织 {orgs} · 党组织 {parties} · 党员 {members}</source>
        <translation>{name} ({code}) · database {db} · whole district: organizations {orgs} · Party organizations {parties} · members {members}</translation>
    </message>
    <message>
        <source>两新组织党建工作台 — {name}</source>
        <translation>Party-Building Workbench — {name}</translation>
    </message>
    <message>
        <source>数据范围：{scope}</source>
        <translation>Showing: {scope}</translation>
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
        <source>导入台账</source>
        <translation>Import ledger</translation>
    </message>
    <message>
        <source>从 Excel、WPS 表格导入台账：先试导入核对，再导入</source>
        <translation>Import a ledger from Excel or WPS: a dry run first, then the import</translation>
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
        <source>全部街道</source>
        <translation>All sub-districts</translation>
    </message>
    <message>
        <source>街道：只看一个街道报来的记录</source>
        <translation>Sub-district: show only the records one sub-district sent</translation>
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
        <source>导出当前列表（号码打码）…</source>
        <translation>Export this list (numbers masked)…</translation>
    </message>
    <message>
        <source>导出当前列表（含完整号码）…</source>
        <translation>Export this list (full numbers)…</translation>
    </message>
    <message>
        <source>空白模板…</source>
        <translation>Blank template…</translation>
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
        <source>勾选后，这项的数值随下发数据包发给各街道，街道照此执行、不能修改；取消勾选，街道可以自己设定。</source>
        <translation>Ticked, this value goes to every sub-district in its down package and they follow it without changing it; unticked, each sub-district may set its own.</translation>
    </message>
    <message>
        <source>这项由区里统一设定，随区里的下发数据包更新，本站点不能修改。</source>
        <translation>The district sets this for all sub-districts; it follows the district's down packages and cannot be changed here.</translation>
    </message>
    <message>
        <source>统一设定</source>
        <translation>District-wide</translation>
    </message>
    <message>
        <source>区统一设定</source>
        <translation>Set by district</translation>
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
        <source>账户与安全</source>
        <translation>Accounts and security</translation>
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
        <source>数据备份</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>每天打开程序时自动备份到数据文件旁的 backups 文件夹，保留 14 天及每月一份。</source>
        <translation>Each day the program backs up automatically when opened, into the backups folder beside the data file; the last 14 days and one a month are kept.</translation>
    </message>
    <message>
        <source>恢复默认</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>勾选“统一设定”的项，下次生成下发数据包时发给各街道，街道照此执行、不能修改。</source>
        <translation>Settings ticked “District-wide” go to every sub-district in the next down packages; the sub-districts follow them and cannot change them.</translation>
    </message>
    <message>
        <source>标有“区统一设定”的项由区里统一设定，本站点照此执行、不能修改。</source>
        <translation>Settings marked “Set by district” are set by the district for all sub-districts; this station follows them and cannot change them.</translation>
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
        <source>立即备份…</source>
        <translation>Back up now…</translation>
    </message>
    <message>
        <source>恢复备份…</source>
        <translation>Restore backup…</translation>
    </message>
    <message>
        <source>账户管理…</source>
        <translation>Accounts…</translation>
    </message>
    <message>
        <source>启用账户（推荐）…</source>
        <translation>Enable accounts (recommended)…</translation>
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
        <source>已统一设定：{label}。下次生成下发数据包时发给各街道。</source>
        <translation>District-wide: {label}. It goes to the sub-districts in the next down packages.</translation>
    </message>
    <message>
        <source>已取消统一设定：{label}。下次下发后街道可以自己设定。</source>
        <translation>No longer district-wide: {label}. After the next down packages the sub-districts may set their own.</translation>
    </message>
    <message>
        <source>正在打开…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <source>各街道党的组织覆盖率（由低到高）</source>
        <translation>Party organization coverage by sub-district (lowest first)</translation>
    </message>
    <message>
        <source>点击柱条或双击一行，查看该街道尚未被党组织覆盖的单位。</source>
        <translation>Click a bar or double-click a row to list that sub-district's organizations not yet covered.</translation>
    </message>
    <message>
        <source>这个街道还没有报来在营的两新组织。</source>
        <translation>This sub-district has not sent any active organizations yet.</translation>
    </message>
    <message>
        <source>低于覆盖率目标 {target}%</source>
        <translation>Below the coverage target of {target}%</translation>
    </message>
    <message>
        <source>登记走访</source>
        <translation>Record a visit</translation>
    </message>
    <message>
        <source>输入两新组织名称或拼音首字母</source>
        <translation>Type the organization's name or pinyin initials</translation>
    </message>
    <message>
        <source>（不是党建指导员）</source>
        <translation>(not an instructor)</translation>
    </message>
    <message>
        <source>不是指导员时填写走访人</source>
        <translation>The visitor, when not an instructor</translation>
    </message>
    <message>
        <source>“四必访”（2022年度述职评议会讲话：按照“四必访”的要求，积极作为、靠前服务）</source>
        <translation>"Four must-visits" (2022 review meeting speech)</translation>
    </message>
    <message>
        <source>需要跟进的事项；保存后可在走访记录中“转为任务”放上看板</source>
        <translation>What needs following up; after saving it can become a task on the board</translation>
    </message>
    <message>
        <source>留空则按设置的走访间隔推算，如 2027-02-28</source>
        <translation>Leave empty to use the visit interval setting, e.g. 2027-02-28</translation>
    </message>
    <message>
        <source>走访日期</source>
        <translation>Visited on</translation>
    </message>
    <message>
        <source>走访人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>发现的情况</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>跟进事项</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>下次走访</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <source>走访</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>党建指导员按“四必访”要求走访所联系的两新组织。超过设置的月数没有走访的组织列入问题清单；所联系的组织都没有走访的指导员标为“挂名不管事”。</source>
        <translation>Instructors visit the organizations they guide ("four must-visits"). An organization not visited within the set months is a finding; an instructor who visited none of theirs is marked "in name only".</translation>
    </message>
    <message>
        <source>跟进事项转为任务…</source>
        <translation>Follow-up to task…</translation>
    </message>
    <message>
        <source>全部年份</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>跟进事项转为任务</source>
        <translation>Follow-up to task</translation>
    </message>
    <message>
        <source>走访记录</source>
        <translation>Visit log</translation>
    </message>
    <message>
        <source>已生成走访记录：{path}</source>
        <translation>Visit log written: {path}</translation>
    </message>
    <message>
        <source>联系组织</source>
        <translation>Guides</translation>
    </message>
    <message>
        <source>近期走访</source>
        <translation>Recent visits</translation>
    </message>
    <message>
        <source>上次走访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>联系的两新组织</source>
        <translation>Organizations guided</translation>
    </message>
    <message>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>挂名不管事</source>
        <translation>In name only</translation>
    </message>
    <message>
        <source>还没有党建指导员。请先在两新组织中指派党建工作指导员。</source>
        <translation>No instructors yet. Assign one to an organization first.</translation>
    </message>
    <message>
        <source>还没有走访记录。点击“登记走访”录入一次走访。</source>
        <translation>No visits recorded yet. Click "Record a visit" to enter one.</translation>
    </message>
    <message>
        <source>请先在走访记录中选择一次走访。</source>
        <translation>Select a visit in the log first.</translation>
    </message>
    <message>
        <source>还没有专项行动。请先在“专项行动”中新建一项行动，再把跟进事项放上看板。</source>
        <translation>No campaigns yet. Create one under "Campaigns" first, then put the follow-up on its board.</translation>
    </message>
    <message>
        <source>已生成任务，可在“专项行动”看板上跟进。</source>
        <translation>Task created; follow it on the campaign board.</translation>
    </message>
    <message>
        <source>未联系组织</source>
        <translation>No organizations</translation>
    </message>
    <message>
        <source>未能生成任务</source>
        <translation>Task not created</translation>
    </message>
    <message>
        <source>走访记录（横向）…</source>
        <translation>Visit log (landscape)…</translation>
    </message>
    <message>
        <source>走访记录导出 .xlsx…</source>
        <translation>Visit log as .xlsx…</translation>
    </message>
    <message>
        <source>从未走访</source>
        <translation>Never visited</translation>
    </message>
    <message>
        <source>挂名不管事：{names}（所联系的组织近期都没有走访记录）</source>
        <translation>In name only: {names} (no recent visit to any of their organizations)</translation>
    </message>
    <message>
        <source>应走访</source>
        <translation>Visit due</translation>
    </message>
    <message>
        <source>已转任务</source>
        <translation>Task made</translation>
    </message>
    <message>
        <source>走访记录（{who}，最近 {n} 条）</source>
        <translation>Visits ({who}, latest {n})</translation>
    </message>
    <message>
        <source>已登记走访，下次走访：{day}。</source>
        <translation>Visit recorded; next visit: {day}.</translation>
    </message>
    <message>
        <source>已建党组织覆盖</source>
        <translation>Covered</translation>
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
        <source>账户</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>最近登录</source>
        <translation>Last sign-in</translation>
    </message>
    <message>
        <source>创建人</source>
        <translation>Created by</translation>
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
        <source>谈心谈话</source>
        <translation>Heart-to-heart talk</translation>
    </message>
    <message>
        <source>优秀</source>
        <translation>Excellent</translation>
    </message>
    <message>
        <source>合格</source>
        <translation>Qualified</translation>
    </message>
    <message>
        <source>基本合格</source>
        <translation>Basically qualified</translation>
    </message>
    <message>
        <source>不合格</source>
        <translation>Unqualified</translation>
    </message>
    <message>
        <source>学习讨论</source>
        <translation>Study and discussion</translation>
    </message>
    <message>
        <source>现场教学</source>
        <translation>On-site teaching</translation>
    </message>
    <message>
        <source>党性分析</source>
        <translation>Party-spirit review</translation>
    </message>
    <message>
        <source>民主议事</source>
        <translation>Democratic deliberation</translation>
    </message>
    <message>
        <source>缴纳党费</source>
        <translation>Paying dues</translation>
    </message>
    <message>
        <source>志愿服务</source>
        <translation>Volunteering</translation>
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
        <source>字段变化</source>
        <translation>Changes</translation>
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
        <source>正式党员不足3名的应联合建、挂靠建</source>
        <translation>Units with fewer than 3 full members should organize jointly or be attached</translation>
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
        <source>未建党组织的应先行建立群团组织</source>
        <translation>Units without a Party organization should set up mass organizations first</translation>
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
        <source>联系指导的组织应定期走访</source>
        <translation>Organizations guided by an instructor should be visited regularly</translation>
    </message>
    <message>
        <source>任期届满应按期换届</source>
        <translation>Elections due when the term ends</translation>
    </message>
    <message>
        <source>任期即将届满，应准备换届</source>
        <translation>Term ending soon: prepare the election</translation>
    </message>
    <message>
        <source>没有登记任期，无法提醒换届</source>
        <translation>No term recorded: no election reminder possible</translation>
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
        <source>非公企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>社会组织</source>
        <translation>Social organization</translation>
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
        <source>党的组织覆盖率</source>
        <translation>Party organization coverage</translation>
    </message>
    <message>
        <source>党的工作覆盖率</source>
        <translation>Party work coverage</translation>
    </message>
    <message>
        <source>应建尽建率</source>
        <translation>Establishment rate</translation>
    </message>
    <message>
        <source>单独组建率</source>
        <translation>Independent rate</translation>
    </message>
    <message>
        <source>具体类型</source>
        <translation>Subtype</translation>
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
        <source>党员类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>民主评议</source>
        <translation>Member review</translation>
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
        <source>业务主管单位</source>
        <translation>Supervising authority</translation>
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
        <source>未覆盖</source>
        <translation>Not covered</translation>
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
        <source>民办学校算作实体性社会组织（1 是，0 否）</source>
        <translation>Private schools count as substantive social organizations (1 yes, 0 no)</translation>
    </message>
    <message>
        <source>民办医院/医疗机构算作实体性社会组织（1 是，0 否）</source>
        <translation>Private hospitals and clinics count as substantive social organizations (1 yes, 0 no)</translation>
    </message>
    <message>
        <source>律师事务所算作实体性社会组织（1 是，0 否）</source>
        <translation>Law firms count as substantive social organizations (1 yes, 0 no)</translation>
    </message>
    <message>
        <source>会计师事务所算作实体性社会组织（1 是，0 否）</source>
        <translation>Accounting firms count as substantive social organizations (1 yes, 0 no)</translation>
    </message>
    <message>
        <source>税务师事务所算作实体性社会组织（1 是，0 否）</source>
        <translation>Tax agent firms count as substantive social organizations (1 yes, 0 no)</translation>
    </message>
    <message>
        <source>民办非企业单位（社会服务机构）算作实体性社会组织（1 是，0 否）</source>
        <translation>Private non-enterprise units (social service agencies) count as substantive social organizations (1 yes, 0 no)</translation>
    </message>
    <message>
        <source>行业协会/商会算作实体性社会组织（1 是，0 否）</source>
        <translation>Trade associations and chambers of commerce count as substantive social organizations (1 yes, 0 no)</translation>
    </message>
    <message>
        <source>社会团体算作实体性社会组织（1 是，0 否）</source>
        <translation>Social groups count as substantive social organizations (1 yes, 0 no)</translation>
    </message>
    <message>
        <source>基金会算作实体性社会组织（1 是，0 否）</source>
        <translation>Foundations count as substantive social organizations (1 yes, 0 no)</translation>
    </message>
    <message>
        <source>应单独组建的正式党员人数下限（不足此数的开展联合建、挂靠建）</source>
        <translation>Full members from which to organize independently (fewer: joint or attached)</translation>
    </message>
    <message>
        <source>联合党组织覆盖单位数上限</source>
        <translation>Most units a joint organization may cover</translation>
    </message>
    <message>
        <source>党员达到此数（含本数）的党支部应升格</source>
        <translation>Members at which (inclusive) a branch should be upgraded</translation>
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
        <source>应建工会的职工人数下限（0 为全部）</source>
        <translation>Staff from which a trade union is due (0: all)</translation>
    </message>
    <message>
        <source>应建共青团组织的职工人数下限</source>
        <translation>Staff from which a Youth League organization is due</translation>
    </message>
    <message>
        <source>应建妇联组织的职工人数下限</source>
        <translation>Staff from which a women's federation is due</translation>
    </message>
    <message>
        <source>未建党组织的应先行建立群团组织的职工人数下限</source>
        <translation>Staff from which a unit without a Party organization should first set up mass organizations</translation>
    </message>
    <message>
        <source>每月主题党日最少次数</source>
        <translation>Themed Party days per month, at least</translation>
    </message>
    <message>
        <source>设支部委员会的党支部正式党员人数下限（不含预备党员、流入党员）</source>
        <translation>Full members from which a branch has a committee (probationary and transferred-in members not counted)</translation>
    </message>
    <message>
        <source>每季度党课最少次数</source>
        <translation>Party lectures per quarter, at least</translation>
    </message>
    <message>
        <source>走访间隔上限（月）：超过此月数没有走访的组织、所联系组织都没有走访的指导员列为问题</source>
        <translation>Longest gap between visits (months): organizations not visited, and instructors who visited none of theirs, within it are findings</translation>
    </message>
    <message>
        <source>党委每届任期（年）</source>
        <translation>Term of a Party committee (years)</translation>
    </message>
    <message>
        <source>党总支每届任期（年）</source>
        <translation>Term of a general Party branch (years)</translation>
    </message>
    <message>
        <source>党支部（含联合党支部）每届任期（年）</source>
        <translation>Term of a branch, joint branches included (years)</translation>
    </message>
    <message>
        <source>任期届满前提前提醒换届（月，0 为不提醒）</source>
        <translation>Months before the term ends to remind of the election (0: no reminder)</translation>
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
        <source>无操作自动锁定窗口（分钟，0 为不锁定）</source>
        <translation>Lock the window after this many idle minutes (0: never)</translation>
    </message>
    <message>
        <source>已覆盖
/ 范围内</source>
        <translation>Covered
/ in scope</translation>
    </message>
    <message>
        <source>已被党组织覆盖的两新组织 / 统计范围内的两新组织</source>
        <translation>Organizations covered by a Party organization / organizations in scope</translation>
    </message>
    <message>
        <source>尚未被党组织覆盖的两新组织：点击柱条或双击一行列出它们</source>
        <translation>Organizations not yet covered: click a bar or double-click a row to list them</translation>
    </message>
    <message>
        <source>组织
覆盖率</source>
        <translation>Org.
coverage</translation>
    </message>
    <message>
        <source>工作
覆盖率</source>
        <translation>Work
coverage</translation>
    </message>
    <message>
        <source>应建
尽建率</source>
        <translation>Establish-
ment rate</translation>
    </message>
    <message>
        <source>新成立必访</source>
        <translation>New unit</translation>
    </message>
    <message>
        <source>遇困难必访</source>
        <translation>In difficulty</translation>
    </message>
    <message>
        <source>有变动必访</source>
        <translation>Change of head or Party organization</translation>
    </message>
    <message>
        <source>逢节日必访</source>
        <translation>Festival</translation>
    </message>
    <message>
        <source>日常走访</source>
        <translation>Routine</translation>
    </message>
    <message>
        <source>党建工作指导员挂名不管事</source>
        <translation>Instructor in name only</translation>
    </message>
    <message>
        <source>指导员联系单位</source>
        <translation>Instructor assignments</translation>
    </message>
    <message>
        <source>组织生活出席</source>
        <translation>Activity attendance</translation>
    </message>
    <message>
        <source>民主评议结果</source>
        <translation>Member review results</translation>
    </message>
    <message>
        <source>行动阶段</source>
        <translation>Campaign phases</translation>
    </message>
    <message>
        <source>任务进度</source>
        <translation>Task progress</translation>
    </message>
    <message>
        <source>考评模板</source>
        <translation>Appraisal templates</translation>
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
        <source>查看完整信息</source>
        <translation>Viewed in full</translation>
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
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>覆盖状态认定</source>
        <translation>Coverage status ruling</translation>
    </message>
    <message>
        <source>发现问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>整改跟进</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>开展日期</source>
        <translation>Held on</translation>
    </message>
    <message>
        <source>实到人数</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>应到人数</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>主题党日内容</source>
        <translation>Party Day content</translation>
    </message>
    <message>
        <source>其他内容</source>
        <translation>Other content</translation>
    </message>
    <message>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>大小（字节）</source>
        <translation>Size (bytes)</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>责任类型</source>
        <translation>Responsibility type</translation>
    </message>
    <message>
        <source>责任人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>承办站点</source>
        <translation>Handling station</translation>
    </message>
    <message>
        <source>特殊情况说明</source>
        <translation>Special circumstances</translation>
    </message>
    <message>
        <source>变更日期</source>
        <translation>Changed on</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>考评对象类型</source>
        <translation>Appraised kind</translation>
    </message>
    <message>
        <source>总分</source>
        <translation>Total score</translation>
    </message>
    <message>
        <source>评语</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>重新打开原因</source>
        <translation>Reason for reopening</translation>
    </message>
    <message>
        <source>值</source>
        <translation>Value</translation>
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
        <source>其他单位</source>
        <translation>Other unit</translation>
    </message>
    <message>
        <source>承办街道</source>
        <translation>Sub-district in charge</translation>
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
        <source>按行动分工</source>
        <translation>By action line</translation>
    </message>
    <message>
        <source>年份</source>
        <translation type="vanished">Year</translation>
    </message>
    <message>
        <source>合计 {total:g} / {max:g}　等次：{grade}</source>
        <translation type="vanished">Total {total:g} / {max:g}   Grade: {grade}</translation>
    </message>
    <message>
        <source>泳道：按责任单位</source>
        <translation type="vanished">Lanes: by responsible unit</translation>
    </message>
    <message>
        <source>泳道：按社区</source>
        <translation type="vanished">Lanes: by community</translation>
    </message>
    <message>
        <source>党支部每月开展一次主题党日</source>
        <translation type="vanished">Branches hold a themed Party day every month</translation>
    </message>
    <message>
        <source>设支委会的党支部每月召开支委会</source>
        <translation type="vanished">Branches with a committee hold a committee meeting every month</translation>
    </message>
    <message>
        <source>党支部党课每季度至少一次</source>
        <translation type="vanished">Branches hold a Party lecture at least every quarter</translation>
    </message>
    <message>
        <source>已覆盖</source>
        <translation type="vanished">Covered</translation>
    </message>
    <message>
        <source>应单独组建的正式党员人数下限</source>
        <translation type="vanished">Full members from which to organize independently</translation>
    </message>
    <message>
        <source>党支部党员人数上限（超过应升格）</source>
        <translation type="vanished">Most members of a branch (more: upgrade)</translation>
    </message>
    <message>
        <source>应同步建立群团组织的职工人数下限（0 为全部）</source>
        <translation type="vanished">Staff from which mass organizations are due (0: all)</translation>
    </message>
    <message>
        <source>设支部委员会的党支部党员人数下限</source>
        <translation type="vanished">Members from which a branch has a committee</translation>
    </message>
    <message>
        <source>党组织任期（年）</source>
        <translation type="vanished">Term of office (years)</translation>
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
