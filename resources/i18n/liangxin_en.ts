<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>liangxin</name>
    <message>
        <source>两新组织党建工作台</source>
        <translation>Party-Building Workbench</translation>
    </message>
    <message>
        <source>两新组织党建工作台 — {name}</source>
        <translation>Party-Building Workbench — {name}</translation>
    </message>
    <message>
        <source>两新组织</source>
        <translation>Organizations</translation>
    </message>
    <message>
        <source>党组织</source>
        <translation>Party organizations</translation>
    </message>
    <message>
        <source>党员</source>
        <translation>Party members</translation>
    </message>
    <message>
        <source>全局搜索</source>
        <translation>Search everything</translation>
    </message>
    <message>
        <source>{name}（{code}） · 数据文件 {db} · 两新组织 {orgs} · 党组织 {parties} · 党员 {members}</source>
        <translation>{name} ({code}) · data file {db} · organizations {orgs} · Party organizations {parties} · members {members}</translation>
    </message>
    <message>
        <source>搜索：名称、拼音首字母（如 zw）、代码或号码</source>
        <translation>Search: name, pinyin initials (e.g. zw), code or number</translation>
    </message>
    <message>
        <source>筛选：</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>全部{title}</source>
        <translation>All: {title}</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>也可双击一行或按回车</source>
        <translation>Or double-click a row, or press Enter</translation>
    </message>
    <message>
        <source>共 {n} 条</source>
        <translation>{n} records</translation>
    </message>
    <message>
        <source>正在查询……</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>正在统计……</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>查询失败：</source>
        <translation>Search failed: </translation>
    </message>
    <message>
        <source>确定删除{noun}“{name}”吗？</source>
        <translation>Delete the {noun} “{name}”?</translation>
    </message>
    <message>
        <source>删除只用于纠正误录入：记录会从登记簿中移除，删除操作保留在变更日志中。</source>
        <translation>Delete is for records entered by mistake: the record leaves the register and the deletion is kept in the change log.</translation>
    </message>
    <message>
        <source>无法删除</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <source>还没有两新组织。点击“新增”逐个录入，或用“liangxin import”导入台账。</source>
        <translation>No organizations yet. Click “Add” to enter one, or import a ledger with “liangxin import”.</translation>
    </message>
    <message>
        <source>还没有党组织。点击“新增”录入党组织，并选择它覆盖的两新组织。</source>
        <translation>No Party organizations yet. Click “Add” to enter one and choose the organizations it covers.</translation>
    </message>
    <message>
        <source>还没有党员。点击“新增”录入党员，公民身份号码会自动核验并带出出生日期和性别。</source>
        <translation>No Party members yet. Click “Add”; the ID number is checked and gives the birth date and gender.</translation>
    </message>
    <message>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>覆盖状态</source>
        <translation>Coverage</translation>
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
        <source>组织关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>党员类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>组织名称</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>职工人数</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>指导员</source>
        <translation>Instructor</translation>
    </message>
    <message>
        <source>党组织名称</source>
        <translation>Party organization</translation>
    </message>
    <message>
        <source>书记</source>
        <translation>Secretary</translation>
    </message>
    <message>
        <source>覆盖单位</source>
        <translation>Units covered</translation>
    </message>
    <message>
        <source>任期届满</source>
        <translation>Term ends</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
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
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>入党日期</source>
        <translation>Joined</translation>
    </message>
    <message>
        <source>在左侧表格中选择一条记录，这里会显示与它相关的组织、党员和待整改问题。</source>
        <translation>Select a record in the table to see its related organizations, members and findings here.</translation>
    </message>
    <message>
        <source>显示完整信息</source>
        <translation>Show full details</translation>
    </message>
    <message>
        <source>将显示这条记录完整的证件号码和电话。请确认周围无关人员看不到屏幕。</source>
        <translation>The full ID and phone numbers of this record will be shown. Make sure nobody else can see the screen.</translation>
    </message>
    <message>
        <source>待整改问题</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>未发现问题</source>
        <translation>No findings</translation>
    </message>
    <message>
        <source>依据：</source>
        <translation>Source: </translation>
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
        <source>（显示前 {n} 个）</source>
        <translation> (first {n} shown)</translation>
    </message>
    <message>
        <source>这条记录已被删除。</source>
        <translation>This record has been deleted.</translation>
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
        <source>所在党组织</source>
        <translation>Party organization</translation>
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
        <source>党建工作指导员</source>
        <translation>Party-building instructor</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>党员人数</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>超出覆盖上限的理由</source>
        <translation>Reason for covering more units</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Birth date</translation>
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
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>（未填）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation>Cannot save</translation>
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
        <source>证件号码和电话已遮蔽；如需修改，请先显示完整信息。</source>
        <translation>ID and phone numbers are masked; show full details to change them.</translation>
    </message>
    <message>
        <source>将显示并允许修改完整的证件号码和电话。请确认周围无关人员看不到屏幕。</source>
        <translation>The full ID and phone numbers will be shown and editable. Make sure nobody else can see the screen.</translation>
    </message>
    <message>
        <source>输入名称、拼音首字母或编号查找</source>
        <translation>Type a name, pinyin initials or an id</translation>
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
        <source>班子与届期</source>
        <translation>Committee and term</translation>
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
        <source>组织类型</source>
        <translation>Organization type</translation>
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
        <source>非公企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>社会组织</source>
        <translation>Social organization</translation>
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
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
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
        <source>已转入</source>
        <translation>Transferred in</translation>
    </message>
    <message>
        <source>口袋党员</source>
        <translation>“Pocket” member</translation>
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
        <source>未覆盖</source>
        <translation>Not covered</translation>
    </message>
    <message>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>专项行动</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>考核评议</source>
        <translation>Appraisals</translation>
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
        <source>逐份保存…</source>
        <translation>One file each…</translation>
    </message>
    <message>
        <source>打印本表…</source>
        <translation>Print this form…</translation>
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
        <source>评议意见</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>评议人</source>
        <translation>Evaluator</translation>
    </message>
    <message>
        <source>评议日期</source>
        <translation>Date</translation>
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
        <source>按今天的进度生成 PDF 通报（Ctrl+P）</source>
        <translation>Print today's progress notice as PDF (Ctrl+P)</translation>
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
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>Doing</translation>
    </message>
    <message>
        <source>已销号</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>共 {n} 项任务，逾期 {late} 项</source>
        <translation>{n} tasks, {late} overdue</translation>
    </message>
    <message>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>未完成任务（燃尽图）</source>
        <translation>Open tasks (burn-down)</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
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
        <source>逾期 {n} 天</source>
        <translation>{n} days overdue</translation>
    </message>
    <message>
        <source>特殊情况销号</source>
        <translation>Closed by exception</translation>
    </message>
    <message>
        <source>未能移动</source>
        <translation>Could not move the card</translation>
    </message>
    <message>
        <source>销号</source>
        <translation>Close out</translation>
    </message>
    <message>
        <source>完成情况</source>
        <translation>What was achieved</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>阶段</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>新建专项行动</source>
        <translation>New campaign</translation>
    </message>
    <message>
        <source>从问题生成任务</source>
        <translation>Tasks from findings</translation>
    </message>
    <message>
        <source>新增任务</source>
        <translation>Add task</translation>
    </message>
    <message>
        <source>生成任务</source>
        <translation>Create tasks</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>导出表格…</source>
        <translation>Export workbook…</translation>
    </message>
    <message>
        <source>打印通报…</source>
        <translation>Print report…</translation>
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
        <source>统计日期 {date} · 统计范围：{scope} · 覆盖率目标 {target}%</source>
        <translation>As of {date} · scope: {scope} · target {target}%</translation>
    </message>
    <message>
        <source>统计失败：</source>
        <translation>Could not compute the figures: </translation>
    </message>
    <message>
        <source>已建党组织覆盖</source>
        <translation>Covered</translation>
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
        <source>流动党员</source>
        <translation>Mobile members</translation>
    </message>
    <message>
        <source>各社区党的组织覆盖率（由低到高）</source>
        <translation>Coverage by community (lowest first)</translation>
    </message>
    <message>
        <source>党的组织覆盖率最低的 {n} 个社区（共 {all} 个）</source>
        <translation>The {n} communities with the lowest coverage (of {all})</translation>
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
        <source>已覆盖</source>
        <translation>Covered</translation>
    </message>
    <message>
        <source>覆盖率月度趋势</source>
        <translation>Monthly trend of the rates</translation>
    </message>
    <message>
        <source>规则检查：待整改问题</source>
        <translation>Rule checks: open findings</translation>
    </message>
    <message>
        <source>规则</source>
        <translation>Rule</translation>
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
        <source>双击一条问题，在登记簿中打开对应记录。</source>
        <translation>Double-click a finding to open its record.</translation>
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
        <source>数据反查</source>
        <translation>Records behind the figure</translation>
    </message>
    <message>
        <source>{title}：共 {n} 条。双击一行，在“{register}”中打开。</source>
        <translation>{title}: {n} records. Double-click a row to open it in {register}.</translation>
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
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Excel 表格 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>正在生成……</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <source>已生成通报：{path}</source>
        <translation>Report written: {path}</translation>
    </message>
    <message>
        <source>已导出表格：{path}</source>
        <translation>Workbook written: {path}</translation>
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
        <source>覆盖率统计</source>
        <translation>Coverage figures</translation>
    </message>
    <message>
        <source>设置项</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>界面</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
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
        <source>全部恢复默认值</source>
        <translation>Reset all to defaults</translation>
    </message>
    <message>
        <source>所有规则标准和统计范围都将恢复为默认值，工作台的数字会随之改变。确定吗？</source>
        <translation>Every threshold and the scope go back to their defaults and the dashboard's figures change. Continue?</translation>
    </message>
    <message>
        <source>已保存：{label} = {value}</source>
        <translation>Saved: {label} = {value}</translation>
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
</context>
</TS>
