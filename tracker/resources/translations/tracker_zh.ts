<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>Go to the search field</source>
            <extracomment>Shortcuts of widgets that are not actions (the table, the search field, the forms).</extracomment>
            <translation>转到搜索框</translation>
        </message>
        <message>
            <source>In the update round: next row</source>
            <translation>批量更新中：下一行</translation>
        </message>
        <message>
            <source>Next field in the form</source>
            <translation>表单中的下一个字段</translation>
        </message>
        <message>
            <source>Close a dialog without saving</source>
            <translation>关闭对话框且不保存</translation>
        </message>
        <message>
            <source>This help</source>
            <translation>本帮助</translation>
        </message>
        <message>
            <source>About Investment Tracker</source>
            <translation>关于“投资项目跟踪”</translation>
        </message>
        <message>
            <source>About</source>
            <translation>关于</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <source>Investment Tracker</source>
            <translation>投资项目跟踪</translation>
        </message>
        <message>
            <source>Version {version}</source>
            <translation>版本 {version}</translation>
        </message>
        <message>
            <source>Follow foreign investment: bank-financed projects, industrial-park residents and companies with foreign capital, in one local SQLite file that works offline.</source>
            <translation>跟踪外国投资：银行融资项目、工业园区入园企业和外资企业，全部保存在一个本地 SQLite 文件中，无需联网。</translation>
        </message>
        <message>
            <source>Your databases and backups are kept in:</source>
            <translation>您的数据库和备份保存在：</translation>
        </message>
        <message>
            <source>Free software under the MIT licence.</source>
            <translation>自由软件，采用 MIT 许可证。</translation>
        </message>
        <message>
            <source>Python {python}, Qt {qt}, PySide6 {pyside} on {system}</source>
            <translation>Python {python}，Qt {qt}，PySide6 {pyside}，系统 {system}</translation>
        </message>
        <message>
            <source>Command</source>
            <translation>命令</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>按键</translation>
        </message>
    </context>
    <context>
        <name>AddUpdateDialog</name>
        <message>
            <source>Keep it</source>
            <translation>保留</translation>
        </message>
        <message>
            <source>Go back</source>
            <translation>返回修改</translation>
        </message>
        <message>
            <source>{what} looks unusual:

{found}

Keep it as typed?</source>
            <translation>{what}看起来不寻常：

{found}

按输入内容保留吗？</translation>
        </message>
        <message>
            <source>Add update — {code}</source>
            <translation>添加进展 — {code}</translation>
        </message>
        <message>
            <source>As of</source>
            <translation>截至日期</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <source>Disbursed (cumulative)</source>
            <translation>已拨付（累计）</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Add update</source>
            <translation>添加进展</translation>
        </message>
        <message>
            <source>Unusual update</source>
            <translation>不寻常的更新</translation>
        </message>
        <message>
            <source>The update of {code}</source>
            <translation>{code} 的更新</translation>
        </message>
        <message>
            <source>Update of {code}</source>
            <translation>{code} 的进展</translation>
        </message>
        <message>
            <source>The project was changed by someone else since this dialog opened; nothing was saved. Close and reopen it.</source>
            <translation>此对话框打开后，该项目已被他人修改；未保存任何内容。请关闭后重新打开。</translation>
        </message>
        <message>
            <source>Disbursed goes down from {before} to {after} {currency}, though it is cumulative.</source>
            <translation>已拨付金额从 {before} 降至 {after} {currency}，但它是累计值。</translation>
        </message>
        <message>
            <source>The status is “{status}” but the progress is {progress} %, below 100 %.</source>
            <translation>状态为“{status}”，但进度为 {progress} %，低于 100 %。</translation>
        </message>
        <message>
            <source>Progress jumps from {before} % to {after} %, more than {n} points at once.</source>
            <translation>进度从 {before} % 跃升至 {after} %，一次超过 {n} 个百分点。</translation>
        </message>
        <message>
            <source>There is an update on {date} already; this adds a second one for the same day.</source>
            <translation>{date} 已有一条更新；这将为同一天添加第二条。</translation>
        </message>
    </context>
    <context>
        <name>Attention</name>
        <message>
            <source>No recent update</source>
            <translation>长期未更新</translation>
        </message>
        <message>
            <source>Planned end passed</source>
            <translation>已过计划完工日期</translation>
        </message>
        <message>
            <source>Behind plan</source>
            <translation>落后于计划</translation>
        </message>
        <message>
            <source>Disbursed fell</source>
            <translation>已拨付额下降</translation>
        </message>
        <message>
            <source>No exchange rate</source>
            <translation>缺少汇率</translation>
        </message>
        <message>
            <source>Resident unchanged for a year</source>
            <translation>入园企业一年未变更</translation>
        </message>
    </context>
    <context>
        <name>AttentionFilter</name>
        <message>
            <source>Needs attention</source>
            <extracomment>Up to this many projects the worklist is computed at once (a few ms); above, on a worker (a million projects take 14 s here), the table waiting empty meanwhile. The worklist's projects, computed in the background, are there: filter again.</extracomment>
            <translation>需要关注</translation>
        </message>
        <message>
            <source>Show only the projects on the needs-attention worklist</source>
            <translation>仅显示需要关注清单中的项目</translation>
        </message>
        <message>
            <source>Finding what needs attention</source>
            <translation>正在查找需要关注的项目</translation>
        </message>
    </context>
    <context>
        <name>AttentionPane</name>
        <message>
            <source>Needs attention</source>
            <extracomment>The window's Add update key (tracker.ui.main_window.ADD_UPDATE_KEY), here on a row. A change waits this long before the list is computed again (several edits, one read). At most this many worklist rows are put in the table (see _fill). (table, record id): the person asked to open this record. (project id): the person asked to add an update to this project. The worklist was computed (the navigation shows its count).</extracomment>
            <translation>需要关注</translation>
        </message>
        <message>
            <source>Reason:</source>
            <translation>原因：</translation>
        </message>
        <message>
            <source>All reasons</source>
            <translation>所有原因</translation>
        </message>
        <message>
            <source>No update for more than</source>
            <translation>超过以下时间未更新</translation>
        </message>
        <message>
            <source>days</source>
            <translation>天</translation>
        </message>
        <message>
            <source>· behind plan by more than</source>
            <translation>· 落后计划超过</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>应用</translation>
        </message>
        <message>
            <source>Keep these rules in the database (for everyone who opens it)</source>
            <translation>将这些规则保存在数据库中（对所有打开它的人有效）</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>Add update…</source>
            <translation>添加进展…</translation>
        </message>
        <message>
            <source>Add an update to the selected project ({key})</source>
            <translation>为所选项目添加进展 ({key})</translation>
        </message>
        <message>
            <source>Open record</source>
            <translation>打开记录</translation>
        </message>
        <message>
            <source>Rules not kept</source>
            <translation>规则未保存</translation>
        </message>
        <message>
            <source>{items} for {records} as of {date}</source>
            <translation>{records}共{items}，截至 {date}</translation>
        </message>
        <message numerus="yes">
            <source>%n item(s)</source>
            <translation>
                <numerusform>%n 项</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n record(s)</source>
            <translation>
                <numerusform>%n 条记录</numerusform>
            </translation>
        </message>
        <message>
            <source>the first {shown} of {n} are listed</source>
            <translation>仅列出 {n} 项中的前 {shown} 项</translation>
        </message>
    </context>
    <context>
        <name>AttentionStrip</name>
        <message>
            <source>Needs attention</source>
            <extracomment>A reason's count was clicked ("" for the whole list).</extracomment>
            <translation>需要关注</translation>
        </message>
        <message>
            <source>nothing at the moment</source>
            <translation>目前没有</translation>
        </message>
    </context>
    <context>
        <name>AuditPane</name>
        <message>
            <source>Audit log</source>
            <extracomment>Most entries the view lists at once (the export takes them all). Kinds whose records the view can open. (table, record id) to open.</extracomment>
            <translation>审计日志</translation>
        </message>
        <message>
            <source>User:</source>
            <translation>用户：</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>类型：</translation>
        </message>
        <message>
            <source>Record id:</source>
            <translation>记录编号：</translation>
        </message>
        <message>
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>User</source>
            <translation>用户</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Changes</source>
            <translation>变更</translation>
        </message>
        <message>
            <source>Everyone</source>
            <translation>所有人</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>所有类型</translation>
        </message>
        <message>
            <source>{n} entries (the newest {shown}; Export writes them all)</source>
            <translation>{n} 条（最新的 {shown} 条；导出包含全部）</translation>
        </message>
        <message numerus="yes">
            <source>%n entries</source>
            <translation>
                <numerusform>%n 条记录</numerusform>
            </translation>
        </message>
        <message>
            <source>Export the audit log</source>
            <translation>导出审计日志</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
            <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
        </message>
        <message>
            <source>Not exported</source>
            <translation>未导出</translation>
        </message>
    </context>
    <context>
        <name>BackupsDialog</name>
        <message>
            <source>Backups</source>
            <extracomment>A backup was restored into this file: the window must reopen it.</extracomment>
            <translation>备份</translation>
        </message>
        <message>
            <source>SQLite copies of {name} in {folder}, each of one consistent moment. When the server cannot be reached, the program offers the newest one read-only. A server portfolio is not restored from here: copy a backup into a new database with tracker copy.</source>
            <translation>{name} 的 SQLite 副本位于 {folder}，每份对应一个一致的时刻。当无法连接服务器时，程序会提供以只读方式打开最新的副本。服务器上的项目组合不能在此恢复：请使用 tracker copy 将备份复制到新数据库中。</translation>
        </message>
        <message>
            <source>Copies of {name} in {folder}. One is made when the file is opened (if it changed) and when it is closed after edits; the newest {keep} automatic copies are kept.</source>
            <translation>{name} 的副本位于 {folder}。打开文件时（如有更改）以及编辑后关闭时会各生成一份副本；保留最新的 {keep} 份自动副本。</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Back up now</source>
            <translation>立即备份</translation>
        </message>
        <message>
            <source>Restore…</source>
            <translation>恢复…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Restoring is off: {reason}</source>
            <translation>无法恢复：{reason}</translation>
        </message>
        <message>
            <source>No backups yet.</source>
            <translation>尚无备份。</translation>
        </message>
        <message>
            <source>Backup</source>
            <translation>备份</translation>
        </message>
        <message>
            <source>No backup was made: {error}</source>
            <translation>未能备份：{error}</translation>
        </message>
        <message>
            <source>Backup failed</source>
            <translation>备份失败</translation>
        </message>
        <message>
            <source>Backup written: {name}</source>
            <translation>已写入备份：{name}</translation>
        </message>
        <message>
            <source>Cancelled; nothing was changed.</source>
            <translation>已取消；未做任何更改。</translation>
        </message>
        <message>
            <source>Replace {name} with the backup of {when}?

The current file is backed up first, so this can be taken back by restoring that copy.</source>
            <translation>用 {when} 的备份替换 {name}？

会先备份当前文件，因此可以通过恢复该副本撤销此操作。</translation>
        </message>
        <message>
            <source>Restore backup</source>
            <translation>从备份恢复</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>Not restored: {error}</source>
            <translation>未恢复：{error}</translation>
        </message>
        <message>
            <source>Restore failed</source>
            <translation>恢复失败</translation>
        </message>
        <message>
            <source>Restored from the backup of {when}. The file it replaced was kept as {name}.</source>
            <translation>已从 {when} 的备份恢复。被替换的文件已保存为 {name}。</translation>
        </message>
        <message>
            <source>Restored from the backup of {when}.</source>
            <translation>已从 {when} 的备份恢复。</translation>
        </message>
        <message>
            <source>On open</source>
            <translation>打开时</translation>
        </message>
        <message>
            <source>On close</source>
            <translation>关闭时</translation>
        </message>
        <message>
            <source>Made by hand</source>
            <translation>手动</translation>
        </message>
        <message>
            <source>Before a restore</source>
            <translation>恢复前</translation>
        </message>
        <message>
            <source>Before upgrade from schema {n}</source>
            <translation>从架构 {n} 升级前</translation>
        </message>
    </context>
    <context>
        <name>Brief</name>
        <message>
            <source>Project brief · as of {date} · {database}</source>
            <translation>项目简报 · 截至 {date} · {database}</translation>
        </message>
        <message>
            <source>Disbursed, % of committed</source>
            <translation>已拨付占承诺额 %</translation>
        </message>
        <message>
            <source>Planned by {date}</source>
            <translation>截至 {date} 计划</translation>
        </message>
        <message>
            <source>Disbursed, % of plan</source>
            <translation>已拨付占计划 %</translation>
        </message>
        <message>
            <source>no plan</source>
            <translation>无计划</translation>
        </message>
        <message>
            <source>no exchange rate</source>
            <translation>无汇率</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>需要关注</translation>
        </message>
        <message>
            <source>Nothing needs attention.</source>
            <translation>没有需要关注的事项。</translation>
        </message>
        <message>
            <source>No disbursement plan.</source>
            <translation>没有拨付计划。</translation>
        </message>
        <message>
            <source>Last updates</source>
            <translation>最近进展</translation>
        </message>
        <message>
            <source>No updates yet.</source>
            <translation>尚无进展。</translation>
        </message>
        <message>
            <source>As of</source>
            <translation>截至日期</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>{app} · generated {when} by {user}</source>
            <translation>{app} · 由 {user} 于 {when} 生成</translation>
        </message>
        <message>
            <source>Project brief</source>
            <translation>项目简报</translation>
        </message>
        <message>
            <source>Project briefs</source>
            <translation>项目简报</translation>
        </message>
    </context>
    <context>
        <name>ChangedBanner</name>
        <message>
            <source>Reload</source>
            <translation>重新载入</translation>
        </message>
        <message>
            <source>Show their version; your unsaved edits are dropped</source>
            <translation>显示对方的版本；您未保存的修改将被丢弃</translation>
        </message>
        <message>
            <source>Keep editing</source>
            <translation>继续编辑</translation>
        </message>
        <message>
            <source>Keep your edits; saving them is refused while they rest on the old version</source>
            <translation>保留您的修改；只要它们基于旧版本，保存就会被拒绝</translation>
        </message>
        <message>
            <source>someone else</source>
            <translation>其他人</translation>
        </message>
        <message>
            <source>{who} deleted this record at {when}.</source>
            <translation>{who} 于 {when} 删除了此记录。</translation>
        </message>
        <message>
            <source>{who} deleted this record.</source>
            <translation>{who} 删除了此记录。</translation>
        </message>
        <message>
            <source>{who} changed this record at {when}.</source>
            <translation>{who} 于 {when} 修改了此记录。</translation>
        </message>
        <message>
            <source>{who} changed this record.</source>
            <translation>{who} 修改了此记录。</translation>
        </message>
        <message>
            <source>Your edits are kept. Reload shows their version (your edits are dropped); with Keep editing, saving is refused until you reload.</source>
            <translation>您的修改仍保留在表单中。“重新载入”显示对方的版本（您的修改将被丢弃）；选择“继续编辑”时，在重新载入之前保存会被拒绝。</translation>
        </message>
        <message>
            <source>The form shows their version.</source>
            <translation>表单显示的是对方的版本。</translation>
        </message>
    </context>
    <context>
        <name>Changes</name>
        <message>
            <source>created</source>
            <translation>已创建</translation>
        </message>
        <message>
            <source>edited</source>
            <translation>已编辑</translation>
        </message>
        <message>
            <source>deleted</source>
            <translation>已删除</translation>
        </message>
        <message>
            <source>imported</source>
            <translation>已导入</translation>
        </message>
        <message>
            <source>undone</source>
            <translation>已撤销</translation>
        </message>
        <message>
            <source>redone</source>
            <translation>已重做</translation>
        </message>
        <message>
            <source>restored</source>
            <translation>已恢复</translation>
        </message>
        <message>
            <source>by an update</source>
            <translation>由进展更新</translation>
        </message>
        <message>
            <source>update undone</source>
            <translation>进展已撤销</translation>
        </message>
        <message>
            <source>file imported</source>
            <translation>文件已导入</translation>
        </message>
        <message>
            <source>loaded</source>
            <translation>已载入</translation>
        </message>
    </context>
    <context>
        <name>ChangesPanel</name>
        <message>
            <source>When</source>
            <extracomment>Rows whose text sets a list's column widths.</extracomment>
            <translation>时间</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>操作人</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>变更</translation>
        </message>
        <message>
            <source>Put back the earlier value</source>
            <translation>恢复先前的值</translation>
        </message>
        <message>
            <source>Save the value this field had before the selected change (undoable)</source>
            <translation>保存该字段在所选变更之前的值（可撤销）</translation>
        </message>
        <message numerus="yes">
            <source>%n change(s)</source>
            <translation>
                <numerusform>%n 处更改</numerusform>
            </translation>
        </message>
        <message>
            <source>Put back {field}</source>
            <translation>恢复 {field}</translation>
        </message>
        <message>
            <source>Not put back</source>
            <translation>未恢复</translation>
        </message>
    </context>
    <context>
        <name>ChartPane</name>
        <message>
            <source>&amp;Chart:</source>
            <extracomment>Changes of many rows: the chart is built and drawn in the background, shown as a picture. Number of figures built so far (tests and benchmarks count redraws). Text of the last failure to build a chart, None after a good draw. What the shown figure was built from: kind, chart, filter, selected id, currency, as-of. The background draw under way after an import or a round, if any. Counts the writes that concern the chart: a background picture of older data is dropped.</extracomment>
            <translation>图表(&amp;C)：</translation>
        </message>
        <message>
            <source>There is no chart for this view.</source>
            <extracomment>The chart as the window last showed it (see tracker.ui.chart_picture), until a live draw. Key of the picture on screen, None while the chart is live (or there is none). The background warm-up after a start-up picture (its ``done`` is set when finished).</extracomment>
            <translation>此视图没有图表。</translation>
        </message>
        <message>
            <source>The chart could not be drawn: {error}</source>
            <translation>无法绘制图表：{error}</translation>
        </message>
        <message>
            <source>Portfolio by status</source>
            <translation>按状态划分的项目组合</translation>
        </message>
        <message>
            <source>Financing by sector</source>
            <translation>按行业划分的融资</translation>
        </message>
        <message>
            <source>Financing by bank</source>
            <translation>按银行划分的融资</translation>
        </message>
        <message>
            <source>Disbursed vs committed per project</source>
            <translation>各项目已拨付与承诺金额</translation>
        </message>
        <message>
            <source>Project timeline</source>
            <translation>项目时间表</translation>
        </message>
        <message>
            <source>Cumulative disbursement</source>
            <translation>累计拨付</translation>
        </message>
        <message>
            <source>Residents by country</source>
            <translation>按国家划分的入园企业</translation>
        </message>
        <message>
            <source>Residents by status</source>
            <translation>按状态划分的入园企业</translation>
        </message>
        <message>
            <source>Ventures by kind and sector</source>
            <translation>按类型和行业划分的外资企业</translation>
        </message>
        <message>
            <source>Disbursement: plan against actual</source>
            <translation>拨付：计划与实际</translation>
        </message>
    </context>
    <context>
        <name>ChartTexts</name>
        <message>
            <source>No data for this selection</source>
            <translation>所选范围内无数据</translation>
        </message>
        <message>
            <source>+ {n} more not shown</source>
            <translation>另有 {n} 项未显示</translation>
        </message>
        <message>
            <source>Committed</source>
            <translation>承诺金额</translation>
        </message>
        <message>
            <source>Disbursed</source>
            <translation>已拨付</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Disbursed (% of committed)</source>
            <translation>已拨付（占承诺额 %）</translation>
        </message>
        <message>
            <source>Cumulative disbursement</source>
            <translation>累计拨付</translation>
        </message>
        <message>
            <source>Committed: {amount}</source>
            <translation>承诺金额：{amount}</translation>
        </message>
        <message>
            <source>Number of projects</source>
            <translation>项目数</translation>
        </message>
        <message>
            <source>Number of residents</source>
            <translation>入园企业数</translation>
        </message>
        <message>
            <source>Number of ventures</source>
            <translation>企业数</translation>
        </message>
        <message>
            <source>Declared investment</source>
            <translation>承诺投资额</translation>
        </message>
        <message>
            <source>Joint venture</source>
            <translation>合资企业</translation>
        </message>
        <message>
            <source>Foreign-owned</source>
            <translation>外商独资企业</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>计划</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>{what}, {unit} {currency}</source>
            <translation>{what}，{unit} {currency}</translation>
        </message>
        <message>
            <source>{what}, {currency}</source>
            <translation>{what}，{currency}</translation>
        </message>
        <message>
            <source>thousand</source>
            <translation>千</translation>
        </message>
        <message>
            <source>million</source>
            <translation>百万</translation>
        </message>
        <message>
            <source>billion</source>
            <translation>十亿</translation>
        </message>
    </context>
    <context>
        <name>ChoiceCombo</name>
        <message>
            <source>Choose…</source>
            <translation>请选择…</translation>
        </message>
    </context>
    <context>
        <name>CompareDialog</name>
        <message>
            <source>Excel workbook (*.xlsx);;CSV (*.csv);;JSON (*.json)</source>
            <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv);;JSON (*.json)</translation>
        </message>
        <message>
            <source>Compare with snapshot</source>
            <translation>与快照比较</translation>
        </message>
        <message>
            <source>Snapshots (*.xlsx *.json *.sqlite3 *.sqlite *.db);;Excel workbooks (*.xlsx);;JSON files (*.json);;SQLite snapshots (*.sqlite3 *.sqlite *.db);;All files (*)</source>
            <extracomment>Records listed per group in the tree; the saved comparison holds them all.</extracomment>
            <translation>快照 (*.xlsx *.json *.sqlite3 *.sqlite *.db);;Excel 工作簿 (*.xlsx);;JSON 文件 (*.json);;SQLite 快照 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Snapshots recorded in {name}:</source>
            <translation>{name} 中记录的快照：</translation>
        </message>
        <message>
            <source>Taken</source>
            <translation>生成时间</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>格式</translation>
        </message>
        <message>
            <source>What</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>生成人</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Compare</source>
            <translation>比较</translation>
        </message>
        <message>
            <source>Other file…</source>
            <translation>其他文件…</translation>
        </message>
        <message>
            <source>Choose a snapshot above, or an Excel, JSON or SQLite snapshot file</source>
            <translation>请在上方选择快照，或选择 Excel、JSON 或 SQLite 快照文件</translation>
        </message>
        <message>
            <source>Compared with the open database, {name}.</source>
            <translation>与当前打开的数据库 {name} 比较。</translation>
        </message>
        <message>
            <source>Record / field</source>
            <translation>记录 / 字段</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>之前</translation>
        </message>
        <message>
            <source>After</source>
            <translation>之后</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>Moved</source>
            <translation>变动</translation>
        </message>
        <message>
            <source>Save comparison…</source>
            <translation>保存比较结果…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>{path} is not there any more</source>
            <translation>{path} 已不存在</translation>
        </message>
        <message>
            <source>Everything</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Earlier snapshot</source>
            <translation>较早的快照</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>变化</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <source>added</source>
            <translation>新增</translation>
        </message>
        <message>
            <source>removed</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>修改</translation>
        </message>
        <message>
            <source>total</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>Changes</source>
            <translation>变化</translation>
        </message>
        <message>
            <source>Totals</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>{kind}: {a} added, {r} removed, {c} changed</source>
            <translation>{kind}：新增 {a}，删除 {r}，更改 {c}</translation>
        </message>
        <message>
            <source>{old} → {new} (open database): {what}</source>
            <translation>{old} → {new}（当前数据库）：{what}</translation>
        </message>
        <message>
            <source>no differences</source>
            <translation>无差异</translation>
        </message>
        <message>
            <source>{kind} — {a} added, {r} removed, {c} changed</source>
            <translation>{kind} — 新增 {a}，删除 {r}，更改 {c}</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>新增</translation>
        </message>
        <message>
            <source>Removed</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Changed ({n})</source>
            <translation>更改（{n}）</translation>
        </message>
        <message>
            <source>committed</source>
            <translation>承诺金额</translation>
        </message>
        <message>
            <source>disbursed</source>
            <translation>已拨付</translation>
        </message>
        <message>
            <source>declared investment</source>
            <translation>申报投资</translation>
        </message>
        <message>
            <source>invested to date</source>
            <translation>累计投资</translation>
        </message>
        <message>
            <source>charter capital</source>
            <translation>注册资本</translation>
        </message>
        <message>
            <source>… and {n} more (save the comparison to see all)</source>
            <translation>…… 另有 {n} 项（保存比较结果可查看全部）</translation>
        </message>
        <message>
            <source>Cannot compare: {reason}</source>
            <translation>无法比较：{reason}</translation>
        </message>
        <message>
            <source>Save comparison</source>
            <translation>保存比较结果</translation>
        </message>
        <message>
            <source>Cannot save the comparison: {reason}</source>
            <translation>无法保存比较结果：{reason}</translation>
        </message>
        <message>
            <source>Comparison saved to {path}</source>
            <translation>比较结果已保存到 {path}</translation>
        </message>
    </context>
    <context>
        <name>ConnectDialog</name>
        <message>
            <source>Connect to server</source>
            <extracomment>Passwords typed in this dialog, by the URL without password: for this session only (a reopen from the recent list, the welcome screen or File › Open uses them), in memory, never written to the settings or a log.</extracomment>
            <translation>连接到服务器</translation>
        </message>
        <message>
            <source>The team's portfolio on a PostgreSQL server. Leave the password empty when your ~/.pgpass or service file holds it; a password typed here is used for this session only and never saved.</source>
            <translation>团队在 PostgreSQL 服务器上的项目组合。如果密码已保存在 ~/.pgpass 或服务文件中，请将密码留空；在此输入的密码仅用于本次会话，绝不保存。</translation>
        </message>
        <message>
            <source>localhost (or a socket folder)</source>
            <translation>localhost（或套接字文件夹）</translation>
        </message>
        <message>
            <source>empty: from ~/.pgpass or the service file</source>
            <translation>留空：从 ~/.pgpass 或服务文件读取</translation>
        </message>
        <message>
            <source>&amp;Host:</source>
            <translation>主机(&amp;H)：</translation>
        </message>
        <message>
            <source>&amp;Port:</source>
            <translation>端口(&amp;P)：</translation>
        </message>
        <message>
            <source>&amp;Database:</source>
            <translation>数据库(&amp;D)：</translation>
        </message>
        <message>
            <source>&amp;User:</source>
            <translation>用户(&amp;U)：</translation>
        </message>
        <message>
            <source>Pass&amp;word:</source>
            <translation>密码(&amp;W)：</translation>
        </message>
        <message>
            <source>&amp;Connect</source>
            <translation>连接(&amp;C)</translation>
        </message>
        <message>
            <source>Database: enter the name of the server database.</source>
            <translation>数据库：请输入服务器上的数据库名称。</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>正在连接…</translation>
        </message>
    </context>
    <context>
        <name>Dashboard</name>
        <message>
            <source>{amount} billion</source>
            <translation>{amount} 十亿</translation>
        </message>
        <message>
            <source>{amount} million</source>
            <translation>{amount} 百万</translation>
        </message>
        <message>
            <source>{amount} thousand</source>
            <translation>{amount} 千</translation>
        </message>
    </context>
    <context>
        <name>DashboardPane</name>
        <message>
            <source>projects</source>
            <extracomment>After the kept pictures are shown, matplotlib and the data load in the background this later. The dashboard's charts, row by row, each with its share of the row's width (the two-panel charts, status and residents, need more of it than the bars of sector and bank); the last is the portfolio's planned against actual disbursement by quarter. Narrower than this, the dashboard shows the first four charts two by two (three to a row would squeeze the bank and sector names) and leaves the plan chart to the Projects view's chart pane. Tables whose writes change something the dashboard shows. Languages that group large numbers by ten thousands (万, 亿) rather than thousands. Number of refreshes done (tests count them). Chart name -&gt; error text of charts that failed on the last refresh.</extracomment>
            <translation>项目</translation>
        </message>
        <message>
            <source>total financing</source>
            <translation>融资总额</translation>
        </message>
        <message>
            <source>disbursed</source>
            <translation>已拨付</translation>
        </message>
        <message>
            <source>industrial-park residents</source>
            <translation>工业园区入园企业</translation>
        </message>
        <message>
            <source>joint ventures / foreign-owned</source>
            <translation>合资企业 / 外商独资企业</translation>
        </message>
        <message>
            <source>projects by status</source>
            <translation>各状态项目数</translation>
        </message>
        <message>
            <source>as of {date}</source>
            <extracomment>Per chart, its picture as the dashboard last showed it (tracker.ui.chart_picture), in the host's grid cell until the first live refresh. True while the figures and charts on screen are those kept at the last close. The background warm-up while the pictures are up. Whether the grid is laid out wide (DASHBOARD_GRID) or narrow (NARROW_GRID).</extracomment>
            <translation>截至 {date}</translation>
        </message>
        <message>
            <source>committed, in {currency}</source>
            <translation>承诺金额，{currency}</translation>
        </message>
        <message>
            <source>{pct} % of financing</source>
            <translation>占融资额的 {pct}%</translation>
        </message>
        <message>
            <source>from {countries} countries</source>
            <translation>来自 {countries} 个国家</translation>
        </message>
        <message>
            <source>{n} in all zones, from {countries} countries</source>
            <translation>所有园区共 {n} 家，来自 {countries} 个国家</translation>
        </message>
        <message>
            <source>residents of {zone}</source>
            <translation>{zone} 入园企业</translation>
        </message>
        <message numerus="yes">
            <source>%Ln venture(s) with foreign capital</source>
            <translation>
                <numerusform>%Ln 家外资企业</numerusform>
            </translation>
        </message>
        <message>
            <source>{n} under way</source>
            <translation>{n} 个在建</translation>
        </message>
    </context>
    <context>
        <name>DateEdit</name>
        <message>
            <source>Delete or Backspace clears the date.</source>
            <extracomment>How a field's error is shown beside it (forms and dialogs). The date a DateEdit shows as empty: the earliest QDateEdit allows, so that real old dates (the fx table's USD base rate is dated 1900-01-01) are shown, not blanked.</extracomment>
            <translation>按 Delete 或 Backspace 清除日期。</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>{field} code</source>
            <translation>{field}代码</translation>
        </message>
        <message>
            <source>Project name</source>
            <translation>项目名称</translation>
        </message>
        <message>
            <source>{field}, {currency}</source>
            <translation>{field}（{currency}）</translation>
        </message>
        <message>
            <source>Portfolio snapshot as of {date}</source>
            <translation>截至 {date} 的项目组合快照</translation>
        </message>
        <message>
            <source>Portfolio snapshot</source>
            <translation>项目组合快照</translation>
        </message>
        <message>
            <source>all records</source>
            <translation>全部记录</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>数据库</translation>
        </message>
        <message>
            <source>As of</source>
            <translation>截至日期</translation>
        </message>
        <message>
            <source>Taken at (UTC)</source>
            <translation>生成时间（UTC）</translation>
        </message>
        <message>
            <source>Filter</source>
            <translation>筛选条件</translation>
        </message>
        <message>
            <source>Reporting currency</source>
            <translation>报告货币</translation>
        </message>
        <message>
            <source>Generator</source>
            <translation>生成程序</translation>
        </message>
        <message>
            <source>Key figures</source>
            <translation>主要指标</translation>
        </message>
        <message>
            <source>Sheets</source>
            <translation>工作表</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <source>Projects</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Projects: committed</source>
            <translation>项目：承诺金额</translation>
        </message>
        <message>
            <source>Projects: disbursed</source>
            <translation>项目：已拨付</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>入园企业</translation>
        </message>
        <message>
            <source>Residents: declared investment</source>
            <translation>入园企业：申报投资</translation>
        </message>
        <message>
            <source>Residents: invested to date</source>
            <translation>入园企业：累计投资</translation>
        </message>
        <message>
            <source>Residents: countries</source>
            <translation>入园企业：国家数</translation>
        </message>
        <message>
            <source>Ventures</source>
            <translation>外资企业</translation>
        </message>
        <message>
            <source>Ventures: charter capital</source>
            <translation>外资企业：注册资本</translation>
        </message>
        <message>
            <source>Joint ventures</source>
            <translation>合资企业</translation>
        </message>
        <message>
            <source>Foreign-owned</source>
            <translation>外商独资企业</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Replace the file?</source>
            <extracomment>format key -&gt; (file suffix or '' for a folder)</extracomment>
            <translation>替换该文件？</translation>
        </message>
        <message>
            <source>{path} exists already. Replace it with this snapshot?</source>
            <translation>{path} 已存在。要用此快照替换它吗？</translation>
        </message>
        <message>
            <source>Excel workbook</source>
            <translation>Excel 工作簿</translation>
        </message>
        <message>
            <source>CSV files</source>
            <translation>CSV 文件</translation>
        </message>
        <message>
            <source>JSON file</source>
            <translation>JSON 文件</translation>
        </message>
        <message>
            <source>PDF report</source>
            <translation>PDF 报告</translation>
        </message>
        <message>
            <source>SQLite snapshot</source>
            <translation>SQLite 快照</translation>
        </message>
        <message>
            <source>IATI XML</source>
            <translation>IATI XML</translation>
        </message>
        <message>
            <source>Export snapshot</source>
            <translation>导出快照</translation>
        </message>
        <message>
            <source>Excel workbook (.xlsx)</source>
            <translation>Excel 工作簿 (.xlsx)</translation>
        </message>
        <message>
            <source>CSV files in a .zip</source>
            <translation>打包为 .zip 的 CSV 文件</translation>
        </message>
        <message>
            <source>CSV files in a folder</source>
            <translation>文件夹中的 CSV 文件</translation>
        </message>
        <message>
            <source>JSON document (.json)</source>
            <translation>JSON 文档 (.json)</translation>
        </message>
        <message>
            <source>PDF report (.pdf)</source>
            <translation>PDF 报告 (.pdf)</translation>
        </message>
        <message>
            <source>SQLite copy of the database</source>
            <translation>数据库的 SQLite 副本</translation>
        </message>
        <message>
            <source>IATI 2.03 activity XML (projects)</source>
            <translation>IATI 2.03 活动 XML（项目）</translation>
        </message>
        <message>
            <source>Format:</source>
            <translation>格式：</translation>
        </message>
        <message>
            <source>all records</source>
            <translation>全部记录</translation>
        </message>
        <message>
            <source>What the table shows: {kind} — {filter}</source>
            <translation>表格当前显示的内容：{kind} — {filter}</translation>
        </message>
        <message>
            <source>Everything (all kinds and reference data)</source>
            <translation>全部（所有类型及参考数据）</translation>
        </message>
        <message>
            <source>What:</source>
            <translation>内容：</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Save to:</source>
            <translation>保存到：</translation>
        </message>
        <message>
            <source>e.g. XM-DAC-41114</source>
            <translation>例如 XM-DAC-41114</translation>
        </message>
        <message>
            <source>Identifier:</source>
            <translation>标识符：</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <source>Type:</source>
            <translation>类型：</translation>
        </message>
        <message>
            <source>Leave both empty to write the placeholder {ref}; IATI's registry will not accept it.</source>
            <translation>两项都留空将写入占位符 {ref}；IATI 注册处不会接受它。</translation>
        </message>
        <message>
            <source>Reporting organisation:</source>
            <translation>报告组织：</translation>
        </message>
        <message>
            <source>Open file</source>
            <translation>打开文件</translation>
        </message>
        <message>
            <source>Open folder</source>
            <translation>打开文件夹</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>A SQLite copy always holds the whole database.</source>
            <translation>SQLite 副本始终包含整个数据库。</translation>
        </message>
        <message>
            <source>IATI XML holds projects only.</source>
            <translation>IATI XML 仅包含项目。</translation>
        </message>
        <message>
            <source>The report shows the projects the filter selects.</source>
            <translation>报告显示筛选条件选中的项目。</translation>
        </message>
        <message>
            <source>Folder for the CSV files</source>
            <translation>CSV 文件的保存文件夹</translation>
        </message>
        <message>
            <source>{name} (*{suffix})</source>
            <translation>{name} (*{suffix})</translation>
        </message>
        <message>
            <source>Choose where to save the snapshot.</source>
            <translation>请选择快照的保存位置。</translation>
        </message>
        <message>
            <source>PDF export is not available: the report module is not installed.</source>
            <translation>无法导出 PDF：未安装报告模块。</translation>
        </message>
        <message>
            <source>Reporting organisation identifier</source>
            <translation>报告组织标识符</translation>
        </message>
        <message>
            <source>Reporting organisation name</source>
            <translation>报告组织名称</translation>
        </message>
        <message>
            <source>Reporting organisation type</source>
            <translation>报告组织类型</translation>
        </message>
        <message>
            <source>cancelled; no file was written.</source>
            <translation>已取消；未写入任何文件。</translation>
        </message>
        <message>
            <source>sha256 {sha256}</source>
            <translation>sha256 {sha256}</translation>
        </message>
        <message>
            <source>{format} written to {path}: {rows} rows ({parts}) in {seconds} s</source>
            <translation>{format}已写入 {path}：{rows} 行（{parts}），用时 {seconds} 秒</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>; recorded as snapshot #{id}</source>
            <translation>；已记录为快照 #{id}</translation>
        </message>
        <message>
            <source>; not recorded in snapshots</source>
            <translation>；未记录到快照列表</translation>
        </message>
        <message>
            <source>Nothing was exported: {reason}</source>
            <translation>未导出任何内容：{reason}</translation>
        </message>
    </context>
    <context>
        <name>ExtrasTabs</name>
        <message>
            <source>Updates</source>
            <extracomment>A brief of at most this many projects at once (a page takes about 0.3 s to draw). The last brief's print preview and PDF file (set when they are ready).</extracomment>
            <translation>进展</translation>
        </message>
        <message>
            <source>Plan</source>
            <translation>计划</translation>
        </message>
        <message>
            <source>Changes</source>
            <translation>变更</translation>
        </message>
        <message>
            <source>Brief…</source>
            <translation>简报…</translation>
        </message>
        <message>
            <source>Print preview of the project's one-page brief</source>
            <translation>项目单页简报的打印预览</translation>
        </message>
        <message>
            <source>Brief PDF…</source>
            <translation>简报 PDF…</translation>
        </message>
        <message>
            <source>Brief</source>
            <translation>简报</translation>
        </message>
        <message>
            <source>{n} projects are selected; a brief is made of at most {max} at a time. Select fewer.</source>
            <translation>已选择 {n} 个项目；一次最多可生成 {max} 个项目的简报。请少选一些。</translation>
        </message>
        <message>
            <source>Save brief as PDF</source>
            <translation>将简报保存为 PDF</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message numerus="yes">
            <source>Brief written: {file} (%n page(s))</source>
            <translation>
                <numerusform>简报已写入：{file}（%n 页）</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Field</name>
        <message>
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Sector</source>
            <translation>行业</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>Bank</source>
            <translation>银行</translation>
        </message>
        <message>
            <source>Borrower</source>
            <translation>借款人</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <source>Disbursed</source>
            <translation>已拨付</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Agreement date</source>
            <translation>协议签署日期</translation>
        </message>
        <message>
            <source>Start date</source>
            <translation>开工日期</translation>
        </message>
        <message>
            <source>Planned end</source>
            <translation>计划完工</translation>
        </message>
        <message>
            <source>Actual end</source>
            <translation>实际完工</translation>
        </message>
        <message>
            <source>Progress, %</source>
            <translation>进度，%</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>Interest rate, %</source>
            <translation>利率，%</translation>
        </message>
        <message>
            <source>Maturity, years</source>
            <translation>贷款期限，年</translation>
        </message>
        <message>
            <source>Grace period, years</source>
            <translation>宽限期，年</translation>
        </message>
        <message>
            <source>Zone</source>
            <translation>园区</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>国家</translation>
        </message>
        <message>
            <source>Registered on</source>
            <translation>注册日期</translation>
        </message>
        <message>
            <source>Declared investment</source>
            <translation>承诺投资额</translation>
        </message>
        <message>
            <source>Invested to date</source>
            <translation>累计已投资</translation>
        </message>
        <message>
            <source>Jobs planned</source>
            <translation>计划就业岗位</translation>
        </message>
        <message>
            <source>Jobs created</source>
            <translation>已创造就业岗位</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Foreign partner</source>
            <translation>外方合作伙伴</translation>
        </message>
        <message>
            <source>Partner country</source>
            <translation>合作伙伴国别</translation>
        </message>
        <message>
            <source>Local partner</source>
            <translation>本地合作伙伴</translation>
        </message>
        <message>
            <source>Foreign share, %</source>
            <translation>外资占比，%</translation>
        </message>
        <message>
            <source>Charter capital</source>
            <translation>注册资本</translation>
        </message>
        <message>
            <source>Established on</source>
            <translation>成立日期</translation>
        </message>
        <message>
            <source>Project</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>As of</source>
            <translation>截至日期</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Author</source>
            <translation>填报人</translation>
        </message>
        <message>
            <source>Planned date</source>
            <translation>计划日期</translation>
        </message>
        <message>
            <source>Planned amount</source>
            <translation>计划金额</translation>
        </message>
        <message>
            <source>Short name</source>
            <translation>简称</translation>
        </message>
        <message>
            <source>Name (English)</source>
            <translation>名称（英文）</translation>
        </message>
        <message>
            <source>Name (Russian)</source>
            <translation>名称（俄文）</translation>
        </message>
        <message>
            <source>Name (Chinese)</source>
            <translation>名称（中文）</translation>
        </message>
        <message>
            <source>DAC 5-digit CRS code</source>
            <translation>DAC 五位 CRS 代码</translation>
        </message>
        <message>
            <source>OECD DAC CRS purpose code of the sector (IATI sector vocabulary 1), like 23310; the IATI export writes it</source>
            <translation>该行业的经合组织 DAC CRS 用途代码（IATI 行业词表 1），如 23310；IATI 导出会写入此代码</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Units per USD</source>
            <translation>每美元单位数</translation>
        </message>
        <message>
            <source>Disbursed of plan, %</source>
            <extracomment>A background order starts after the first page is painted, or after this long. The view stood still this long: the pages around the shown ones are read then. Columns the table shows per main kind (reference kinds show all their fields): what identifies a record, its status and money first, so they are in view without scrolling. A derived column of ventures that is not an editable field. Columns of projects computed per page, not stored (tracker.services.project_columns): disbursed as a share of the plan due so far, and why the project needs attention.</extracomment>
            <translation>已拨付占计划, %</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>需要关注</translation>
        </message>
    </context>
    <context>
        <name>FormPane</name>
        <message>
            <source>Unsaved changes</source>
            <extracomment>Labels wider than this many average characters wrap onto a second line.</extracomment>
            <translation>未保存的更改</translation>
        </message>
        <message>
            <source>New</source>
            <extracomment>Emitted after a successful save/create with the record's primary key. Emitted when the form starts or stops holding unsaved edits. Emitted when what Save/Revert/Delete may do changes (record loaded, new, dirty).</extracomment>
            <translation>新建</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Revert</source>
            <translation>还原</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Invalid stored value {value}: {why}. Enter a correct one.</source>
            <translation>无效的存储值 {value}：{why}。请输入正确的值。</translation>
        </message>
        <message>
            <source>New {what}</source>
            <translation>新建{what}</translation>
        </message>
        <message>
            <source>No record selected</source>
            <translation>未选择记录</translation>
        </message>
        <message>
            <source>opened read-only</source>
            <translation>以只读方式打开</translation>
        </message>
        <message>
            <source>Editing is off: {reason}.</source>
            <translation>无法编辑：{reason}。</translation>
        </message>
        <message>
            <source>This record is not in the table any more (search or filter); save or revert your edits.</source>
            <translation>表格中已不再显示此记录（搜索或筛选）；请保存或撤销您的修改。</translation>
        </message>
        <message>
            <source>Edit {what} of {record}</source>
            <translation>编辑 {record} 的{what}</translation>
        </message>
        <message>
            <source>Record gone</source>
            <translation>记录已不存在</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>未保存</translation>
        </message>
        <message>
            <source>This record was changed by someone else since you opened it; nothing was overwritten.

{detail}

Reload it now (your edits are dropped)?</source>
            <translation>您打开此记录后，它已被他人修改；未覆盖任何内容。

{detail}

现在重新加载吗（您的编辑将被丢弃）？</translation>
        </message>
        <message>
            <source>Not saved: changed by someone else.</source>
            <translation>未保存：已被他人修改。</translation>
        </message>
        <message>
            <source>Changed by someone else</source>
            <translation>已被他人修改</translation>
        </message>
        <message>
            <source>Delete {what} “{record}”? (Edit ▸ Undo brings it back.)</source>
            <translation>删除{what}“{record}”？（编辑 ▸ 撤销 可恢复。）</translation>
        </message>
        <message>
            <source>Delete record</source>
            <translation>删除记录</translation>
        </message>
        <message>
            <source>Delete {record}</source>
            <translation>删除 {record}</translation>
        </message>
        <message>
            <source>Not deleted</source>
            <translation>未删除</translation>
        </message>
        <message>
            <source>the new record</source>
            <translation>新记录</translation>
        </message>
        <message>
            <source>{what} has unsaved changes. Save them?</source>
            <translation>{what} 有未保存的更改。是否保存？</translation>
        </message>
    </context>
    <context>
        <name>HistoryPane</name>
        <message>
            <source>Update history</source>
            <extracomment>The updates shown, newest first (rows of project_updates).</extracomment>
            <translation>进展记录</translation>
        </message>
        <message>
            <source>Add update…</source>
            <translation>添加进展…</translation>
        </message>
        <message>
            <source>As of</source>
            <translation>截至日期</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <source>Disbursed</source>
            <translation>已拨付</translation>
        </message>
        <message>
            <source>Entered by {author} at {at}</source>
            <translation>由 {author} 于 {at} 录入</translation>
        </message>
        <message>
            <source>Disbursed, {currency}</source>
            <translation>已拨付，{currency}</translation>
        </message>
        <message>
            <source>Update history ({n})</source>
            <translation>进展记录（{n}）</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Spreadsheets and data (*.csv *.xlsx *.json);;All files (*)</source>
            <extracomment>Rows shown in the preview; every problem is listed whatever the file's size. Preview rows filled per turn of the event loop.</extracomment>
            <translation>电子表格和数据 (*.csv *.xlsx *.json);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>文件：</translation>
        </message>
        <message>
            <source>Choose a CSV, XLSX or JSON file</source>
            <translation>选择 CSV、XLSX 或 JSON 文件</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>类型：</translation>
        </message>
        <message>
            <source>Projects</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Project updates</source>
            <translation>项目进展</translation>
        </message>
        <message>
            <source>Disbursement plans</source>
            <translation>拨付计划</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>入园企业</translation>
        </message>
        <message>
            <source>Joint ventures</source>
            <translation>合资企业</translation>
        </message>
        <message>
            <source>Banks</source>
            <translation>银行</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>园区</translation>
        </message>
        <message>
            <source>FX rates</source>
            <translation>汇率</translation>
        </message>
        <message>
            <source>Choose a file to see what it holds.</source>
            <translation>选择文件以查看其内容。</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>行</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>规则</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Importing is off: {reason}.</source>
            <translation>无法导入：{reason}。</translation>
        </message>
        <message>
            <source>Import a file</source>
            <translation>导入文件</translation>
        </message>
        <message>
            <source>Stopped after {problems} problems at row {row} of {last}; nothing was imported.</source>
            <translation>发现 {problems} 个问题后在第 {row} 行（共 {last} 行）停止检查；未导入任何内容。</translation>
        </message>
        <message>
            <source>{file} cannot be imported: {problem}.</source>
            <translation>无法导入 {file}：{problem}。</translation>
        </message>
        <message>
            <source>{problems} problem(s) in {bad} of {rows} rows of {file}; nothing was imported.</source>
            <translation>{file} 的 {rows} 行中有 {bad} 行存在 {problems} 个问题；未导入任何内容。</translation>
        </message>
        <message>
            <source>{rows} rows of {file}: {new} new, {changed} changed, {same} unchanged ({source}).</source>
            <translation>{file} 共 {rows} 行：新增 {new}，更改 {changed}，未变 {same}（{source}）。</translation>
        </message>
        <message>
            <source>Problems: {n}</source>
            <translation>问题：{n}</translation>
        </message>
        <message>
            <source>Nothing to import: every row is already in the database.</source>
            <translation>无需导入：所有行均已在数据库中。</translation>
        </message>
        <message>
            <source>Import {file}</source>
            <translation>导入 {file}</translation>
        </message>
        <message>
            <source>Import refused</source>
            <translation>导入被拒绝</translation>
        </message>
        <message>
            <source>Imported {new} new and {changed} changed rows from {file}. Edit › Undo takes the whole import back.</source>
            <translation>已从 {file} 导入 {new} 行新数据和 {changed} 行更改。编辑 › 撤销 可撤回整个导入。</translation>
        </message>
        <message>
            <source>Import cancelled; nothing was written.</source>
            <translation>导入已取消；未写入任何内容。</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>new</source>
            <translation>新增</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>已更改</translation>
        </message>
        <message>
            <source>unchanged</source>
            <translation>未变</translation>
        </message>
        <message>
            <source>error</source>
            <translation>错误</translation>
        </message>
        <message>
            <source>changes the stored value</source>
            <translation>将更改已存储的值</translation>
        </message>
    </context>
    <context>
        <name>IntegrityCheck</name>
        <message>
            <source>Integrity check</source>
            <extracomment>The problems found (an empty list: the file is healthy). The check finished: the problems (possibly none), or None if it could not run. Stored values that break the rules (services.row_check), said before ``finished``.</extracomment>
            <translation>完整性检查</translation>
        </message>
    </context>
    <context>
        <name>Kind</name>
        <message>
            <source>Projects</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Project</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>入园企业</translation>
        </message>
        <message>
            <source>Resident</source>
            <translation>入园企业</translation>
        </message>
        <message>
            <source>Joint ventures</source>
            <translation>外资企业</translation>
        </message>
        <message>
            <source>Venture</source>
            <translation>企业</translation>
        </message>
        <message>
            <source>Project updates</source>
            <translation>项目进展</translation>
        </message>
        <message>
            <source>Update</source>
            <translation>进展</translation>
        </message>
        <message>
            <source>Disbursement plans</source>
            <translation>拨付计划</translation>
        </message>
        <message>
            <source>Planned disbursement</source>
            <translation>计划拨付</translation>
        </message>
        <message>
            <source>Banks</source>
            <translation>银行</translation>
        </message>
        <message>
            <source>Bank</source>
            <translation>银行</translation>
        </message>
        <message>
            <source>Countries</source>
            <translation>国家</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>国家</translation>
        </message>
        <message>
            <source>Sectors</source>
            <translation>行业</translation>
        </message>
        <message>
            <source>Sector</source>
            <translation>行业</translation>
        </message>
        <message>
            <source>Regions</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>园区</translation>
        </message>
        <message>
            <source>Zone</source>
            <translation>园区</translation>
        </message>
        <message>
            <source>FX rates</source>
            <translation>汇率</translation>
        </message>
        <message>
            <source>FX rate</source>
            <translation>汇率</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Views</source>
            <extracomment>The navigation's views, in order (tracker.ui.keeping_views finds its own by name). The window now works on another Store (the file was reopened after a restore). Set by the --smoke run, which must leave the person's settings alone. The background integrity check after the first paint (off for the --smoke run). Stored values breaking the rules, table -&gt; pk -&gt; column -&gt; why (start-up check).</extracomment>
            <translation>视图</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>概览</translation>
        </message>
        <message>
            <source>Projects</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>入园企业</translation>
        </message>
        <message>
            <source>Joint ventures</source>
            <translation>外资企业</translation>
        </message>
        <message>
            <source>Reference data</source>
            <translation>参考数据</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>需要关注</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>审计日志</translation>
        </message>
        <message>
            <source>Investment Tracker — {file}</source>
            <translation>投资项目跟踪 — {file}</translation>
        </message>
        <message>
            <source>[read-only]</source>
            <translation>[只读]</translation>
        </message>
        <message>
            <source>&amp;New record</source>
            <translation>新建记录(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Revert</source>
            <translation>还原(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Delete record…</source>
            <translation>删除记录(&amp;D)…</translation>
        </message>
        <message>
            <source>Add &amp;update…</source>
            <translation>添加进展(&amp;U)…</translation>
        </message>
        <message>
            <source>Update &amp;round…</source>
            <translation>批量更新(&amp;R)…</translation>
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation>导入(&amp;I)…</translation>
        </message>
        <message>
            <source>&amp;Export snapshot…</source>
            <translation>导出快照(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Compare with snapshot…</source>
            <translation>与快照比较(&amp;C)…</translation>
        </message>
        <message>
            <source>Print &amp;chart…</source>
            <translation>打印图表(&amp;C)…</translation>
        </message>
        <message>
            <source>Print re&amp;port…</source>
            <translation>打印报告(&amp;P)…</translation>
        </message>
        <message>
            <source>Print brie&amp;f…</source>
            <translation>打印简报(&amp;B)…</translation>
        </message>
        <message>
            <source>The selected projects' one-page briefs, a page each</source>
            <translation>所选项目的一页简报，每个项目一页</translation>
        </message>
        <message>
            <source>Brief as P&amp;DF…</source>
            <translation>简报另存为 PDF(&amp;D)…</translation>
        </message>
        <message>
            <source>The selected projects' briefs in one PDF, a page each</source>
            <translation>所选项目的简报合为一个 PDF，每个项目一页</translation>
        </message>
        <message>
            <source>&amp;Backups…</source>
            <translation>备份(&amp;B)…</translation>
        </message>
        <message>
            <source>&amp;Repair database…</source>
            <translation>修复数据库(&amp;R)…</translation>
        </message>
        <message>
            <source>Se&amp;ttings…</source>
            <translation>设置(&amp;T)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Find</source>
            <translation>查找(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;About Investment Tracker</source>
            <translation>关于投资项目跟踪(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Dashboard</source>
            <translation>概览(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Projects</source>
            <translation>项目(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Residents</source>
            <translation>入园企业(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Joint ventures</source>
            <translation>外资企业(&amp;J)</translation>
        </message>
        <message>
            <source>Reference &amp;data</source>
            <translation>参考数据(&amp;D)</translation>
        </message>
        <message>
            <source>Needs &amp;attention</source>
            <translation>需要关注(&amp;A)</translation>
        </message>
        <message>
            <source>Audit &amp;log</source>
            <translation>审计日志(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>opened read-only</source>
            <translation>以只读方式打开</translation>
        </message>
        <message>
            <source>Read-only: {reason}</source>
            <translation>只读：{reason}</translation>
        </message>
        <message>
            <source>Undone: {what} · Redo: {key}</source>
            <translation>已撤销：{what} · 重做：{key}</translation>
        </message>
        <message>
            <source>Redone: {what} · Undo: {key}</source>
            <translation>已重做：{what} · 撤销：{key}</translation>
        </message>
        <message>
            <source>Saved: {what} · Undo: {key}</source>
            <translation>已保存：{what} · 撤销：{key}</translation>
        </message>
        <message>
            <source>On a network share: keep the file on this computer</source>
            <translation>文件位于网络共享：请将其保存在本机</translation>
        </message>
        <message>
            <source>{path} is on a network share. SQLite needs the file on one computer; two computers writing to it over the network can damage it. Copy it to a local disk, or ask for the shared server database.</source>
            <translation>{path} 位于网络共享中。SQLite 要求文件保存在一台计算机上；两台计算机通过网络同时写入可能损坏文件。请将其复制到本地磁盘，或申请使用共享的服务器数据库。</translation>
        </message>
        <message>
            <source>The file is damaged: open File › Backups…</source>
            <translation>文件已损坏：请打开 文件 › 备份…</translation>
        </message>
        <message>
            <source>(and {n} more problems)</source>
            <translation>（另有 {n} 个问题）</translation>
        </message>
        <message>
            <source>The integrity check found damage in {name}:

{detail}

Edits may be lost or refused. Open Backups… to restore a copy now?</source>
            <translation>完整性检查发现 {name} 已损坏：

{detail}

编辑可能丢失或被拒绝。现在打开“备份…”恢复副本吗？</translation>
        </message>
        <message>
            <source>The database is damaged</source>
            <translation>数据库已损坏</translation>
        </message>
        <message>
            <source>{n} stored values break the rules (marked ⚠ in the tables)</source>
            <translation>{n} 个存储值违反规则（在表格中以 ⚠ 标出）</translation>
        </message>
        <message>
            <source>Automatic backup failed</source>
            <translation>自动备份失败</translation>
        </message>
        <message>
            <source>Repair database</source>
            <translation>修复数据库</translation>
        </message>
        <message>
            <source>{name} holds only what this program makes: there is nothing to repair.</source>
            <translation>{name} 只包含本程序创建的内容：无需修复。</translation>
        </message>
        <message>
            <source>{name} holds database objects this program did not make:

{listed}

Remove them? A backup of the file as it is is made first; the records are kept.</source>
            <translation>{name} 包含不是本程序创建的数据库对象：

{listed}

要删除它们吗？会先备份当前文件；记录将保留。</translation>
        </message>
        <message>
            <source>{name} was repaired; the file as it was is kept as {backup}.</source>
            <translation>{name} 已修复；原文件保存为 {backup}。</translation>
        </message>
        <message>
            <source>Cannot reopen the database</source>
            <translation>无法重新打开数据库</translation>
        </message>
        <message>
            <source>{name} was reopened after the restore.</source>
            <translation>恢复后已重新打开 {name}。</translation>
        </message>
        <message>
            <source>the report</source>
            <translation>报告</translation>
        </message>
        <message>
            <source>Print report</source>
            <translation>打印报告</translation>
        </message>
    </context>
    <context>
        <name>MappingPanel</name>
        <message>
            <source>Columns this kind of record does not have: map each to a field</source>
            <translation>此类记录没有的列：请将每列对应到一个字段</translation>
        </message>
        <message>
            <source>The mapping is remembered for the next file with the same headers.</source>
            <translation>该对应关系会被记住，用于下一个具有相同表头的文件。</translation>
        </message>
        <message>
            <source>Use this mapping</source>
            <translation>使用此对应关系</translation>
        </message>
        <message>
            <source>(skip this column)</source>
            <translation>（跳过此列）</translation>
        </message>
        <message>
            <source>Mapping not kept</source>
            <translation>对应关系未保存</translation>
        </message>
    </context>
    <context>
        <name>Operations</name>
        <message>
            <source>Reading the file</source>
            <translation>正在读取文件</translation>
        </message>
        <message>
            <source>Checking rows</source>
            <translation>正在检查行</translation>
        </message>
        <message>
            <source>Writing rows</source>
            <translation>正在写入行</translation>
        </message>
        <message>
            <source>Saving</source>
            <translation>正在保存</translation>
        </message>
        <message>
            <source>Copying</source>
            <translation>正在复制</translation>
        </message>
        <message>
            <source>Checking the file</source>
            <translation>正在检查文件</translation>
        </message>
        <message>
            <source>Adding up</source>
            <translation>正在汇总</translation>
        </message>
        <message>
            <source>Cancelled; nothing was changed.</source>
            <extracomment>Background writes run one at a time. Background reads at once (more would only queue for the two cores and the GIL). Idle read-only connections kept per open file (by the window's store and its path): the next query reuses one, with its caches (the footer's sums read the chart cube once).</extracomment>
            <translation>已取消；未做任何更改。</translation>
        </message>
        <message>
            <source>Not done</source>
            <translation>未完成</translation>
        </message>
    </context>
    <context>
        <name>PlanPanel</name>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Add row</source>
            <translation>添加行</translation>
        </message>
        <message>
            <source>Remove row</source>
            <translation>删除行</translation>
        </message>
        <message>
            <source>Save plan</source>
            <translation>保存计划</translation>
        </message>
        <message>
            <source>Amount, {currency}</source>
            <translation>金额，{currency}</translation>
        </message>
        <message>
            <source>Planned in total: {amount} {currency}</source>
            <translation>计划合计：{amount} {currency}</translation>
        </message>
        <message>
            <source>Save disbursement plan</source>
            <translation>保存拨付计划</translation>
        </message>
        <message>
            <source>Row {n}</source>
            <translation>第 {n} 行</translation>
        </message>
    </context>
    <context>
        <name>Printing</name>
        <message>
            <source>The printer could not be opened for painting.</source>
            <translation>无法打开打印机进行绘制。</translation>
        </message>
        <message>
            <source>{db} · as of {date} · printed {at} by {user}</source>
            <translation>{db} · 截至 {date} · {user} 于 {at} 打印</translation>
        </message>
        <message>
            <source>Print chart</source>
            <translation>打印图表</translation>
        </message>
        <message>
            <source>Print report</source>
            <translation>打印报告</translation>
        </message>
    </context>
    <context>
        <name>ProgressPanel</name>
        <message>
            <source>Cancel</source>
            <extracomment>While work runs in the background, a thread waiting for the interpreter's lock (the window's, for its next event) gets it after this long instead of Python's 5 ms. Runs before the Change is announced (an undo entry goes on the stack first).</extracomment>
            <translation>取消</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>正在处理</translation>
        </message>
        <message>
            <source>{what}: {done} of {total}</source>
            <translation>{what}：{done} / {total}</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <source>too late to cancel: saving</source>
            <translation>已无法取消：正在保存</translation>
        </message>
    </context>
    <context>
        <name>ReferencePage</name>
        <message>
            <source>&amp;Reference table:</source>
            <extracomment>Navigation entries, in order: (view name, label). Charts start after the first paint; at the latest this long after the window is shown. The integrity check waits this long after the first paint (the first charts come first).</extracomment>
            <translation>参考表(&amp;R)：</translation>
        </message>
    </context>
    <context>
        <name>Report</name>
        <message>
            <source>All records</source>
            <translation>全部记录</translation>
        </message>
        <message>
            <source>Portfolio report</source>
            <translation>项目组合报告</translation>
        </message>
        <message>
            <source>Key figures</source>
            <translation>主要指标</translation>
        </message>
        <message>
            <source>Charts</source>
            <translation>图表</translation>
        </message>
        <message>
            <source>{kind}: {conditions}</source>
            <translation>{kind}：{conditions}</translation>
        </message>
        <message>
            <source>Projects</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Total financing (committed)</source>
            <translation>融资总额（承诺）</translation>
        </message>
        <message>
            <source>Disbursed</source>
            <translation>已拨付</translation>
        </message>
        <message>
            <source>Residents of industrial parks</source>
            <translation>工业园区入园企业</translation>
        </message>
        <message>
            <source>Ventures with foreign capital</source>
            <translation>外资企业</translation>
        </message>
        <message>
            <source>The printer or PDF file could not be opened for painting.</source>
            <extracomment>The charts a report shows, in this order (all of them). Fonts in order of preference; Qt falls back through fontconfig for other scripts. What a line never breaks inside: a run of non-space text, except that CJK breaks anywhere. The one family a chart's SVG text asks for: an alias of :data:`FONT_FAMILIES` (QtSvg takes a single family name, and Qt's own fallback would pick the JP face for Chinese).</extracomment>
            <translation>无法打开打印机或 PDF 文件进行绘制。</translation>
        </message>
        <message>
            <source>Portfolio report — {db}</source>
            <translation>项目组合报告 — {db}</translation>
        </message>
        <message>
            <source>as of {date}</source>
            <extracomment>After a start-up picture is shown, matplotlib and the chart data are loaded in the background this much later (so the first filter change draws at once). ``picture_key`` while a picture drawn in the background is shown (it is not kept on disk). A picture drawn in the background is drawn again this long after the last resize. Charts that show single projects, so the selected one matters to them. Reference tables whose names or rates appear in charts of every kind. Fallback when tracker.services.chart_data does not list a kind.</extracomment>
            <translation>截至 {date}</translation>
        </message>
        <message>
            <source>Generated {at} by {user}</source>
            <translation>由 {user} 于 {at} 生成</translation>
        </message>
        <message>
            <source>Page {n} of {total}</source>
            <translation>第 {n} 页，共 {total} 页</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>数据库</translation>
        </message>
        <message>
            <source>As of</source>
            <translation>截至日期</translation>
        </message>
        <message>
            <source>Filter used</source>
            <translation>筛选条件</translation>
        </message>
        <message>
            <source>Reporting currency</source>
            <translation>报告货币</translation>
        </message>
        <message>
            <source>Generated</source>
            <translation>生成时间</translation>
        </message>
        <message>
            <source>Generated by</source>
            <translation>生成人</translation>
        </message>
        <message>
            <source>No records.</source>
            <translation>无记录。</translation>
        </message>
        <message>
            <source>The first {n} of {total} records are shown; export to XLSX or CSV for all of them.</source>
            <translation>仅显示 {total} 条记录中的前 {n} 条；如需全部记录，请导出为 XLSX 或 CSV。</translation>
        </message>
        <message>
            <source>Kind of venture</source>
            <translation>企业类型</translation>
        </message>
        <message>
            <source>Foreign investment portfolio as of {date}</source>
            <translation>截至 {date} 的外国投资项目组合</translation>
        </message>
        <message>
            <source>{amount} ({pct} % of financing)</source>
            <translation>{amount}（占融资额的 {pct}%）</translation>
        </message>
        <message>
            <source>{n} from {countries} countries</source>
            <translation>{n} 家，来自 {countries} 个国家</translation>
        </message>
        <message>
            <source>{n}: {jv} joint ventures, {fo} foreign-owned</source>
            <translation>{n} 家：合资企业 {jv} 家，外商独资企业 {fo} 家</translation>
        </message>
        <message>
            <source>{table} (continued)</source>
            <translation>{table}（续）</translation>
        </message>
        <message>
            <source>search “{text}”</source>
            <translation>搜索“{text}”</translation>
        </message>
        <message>
            <source>Residents in {zone}</source>
            <translation>{zone} 入园企业</translation>
        </message>
        <message>
            <source>{n} selected records</source>
            <translation>已选择 {n} 条记录</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <extracomment>Emitted after a successful save. The chosen language changed and the user wants the window rebuilt now.</extracomment>
            <translation>设置</translation>
        </message>
        <message>
            <source>System default ({language})</source>
            <translation>跟随系统（{language}）</translation>
        </message>
        <message>
            <source>Written beside every change in the audit log</source>
            <translation>随每项更改记入审计日志</translation>
        </message>
        <message>
            <source>Beside the database</source>
            <translation>与数据库同一位置</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>语言(&amp;L)：</translation>
        </message>
        <message>
            <source>Reporting &amp;currency:</source>
            <translation>报告货币(&amp;C)：</translation>
        </message>
        <message>
            <source>&amp;Your name in the audit log:</source>
            <translation>审计日志中的姓名(&amp;Y)：</translation>
        </message>
        <message>
            <source>&amp;Backup folder:</source>
            <translation>备份文件夹(&amp;B)：</translation>
        </message>
        <message>
            <source>Backups to &amp;keep:</source>
            <translation>保留备份数(&amp;K)：</translation>
        </message>
        <message>
            <source>&amp;Export folder:</source>
            <translation>导出文件夹(&amp;E)：</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Choose a folder</source>
            <translation>选择文件夹</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>Rebuild the window now in the new language? Unsaved edits in the form are kept only if you save them first.</source>
            <translation>现在以新语言重建窗口吗？表单中未保存的编辑只有先保存才会保留。</translation>
        </message>
    </context>
    <context>
        <name>Sheet</name>
        <message>
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <source>Projects</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Updates</source>
            <translation>进展</translation>
        </message>
        <message>
            <source>Disbursement plans</source>
            <translation>拨付计划</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>入园企业</translation>
        </message>
        <message>
            <source>Joint ventures</source>
            <translation>外资企业</translation>
        </message>
        <message>
            <source>Banks</source>
            <translation>银行</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>园区</translation>
        </message>
        <message>
            <source>FX rates</source>
            <translation>汇率</translation>
        </message>
        <message>
            <source>Countries</source>
            <translation>国家</translation>
        </message>
        <message>
            <source>Sectors</source>
            <translation>行业</translation>
        </message>
        <message>
            <source>Regions</source>
            <translation>地区</translation>
        </message>
    </context>
    <context>
        <name>Shell</name>
        <message>
            <source>Cannot open the database</source>
            <extracomment>:func:`last_database`'s answer when the file open at the last close is no longer there.</extracomment>
            <translation>无法打开数据库</translation>
        </message>
        <message>
            <source>&amp;Open database…</source>
            <translation>打开数据库(&amp;O)…</translation>
        </message>
        <message>
            <source>New &amp;database…</source>
            <translation>新建数据库(&amp;D)…</translation>
        </message>
        <message>
            <source>Connect to &amp;server…</source>
            <translation>连接到服务器(&amp;S)…</translation>
        </message>
        <message>
            <source>Recent &amp;files</source>
            <translation>最近的文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <source>No recent files</source>
            <translation>没有最近的文件</translation>
        </message>
        <message>
            <source>&amp;Clear the list</source>
            <translation>清除列表(&amp;C)</translation>
        </message>
        <message>
            <source>Open database</source>
            <translation>打开数据库</translation>
        </message>
        <message>
            <source>New database</source>
            <translation>新建数据库</translation>
        </message>
        <message>
            <source>Cannot create the database</source>
            <translation>无法创建数据库</translation>
        </message>
        <message>
            <source>{path} already exists; choose another name.</source>
            <translation>{path} 已存在；请另选名称。</translation>
        </message>
        <message>
            <source>Investment Tracker databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
            <translation>投资项目跟踪数据库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
        </message>
    </context>
    <context>
        <name>TablePane</name>
        <message>
            <source>Search…</source>
            <extracomment>Column widths follow the text of this many first rows (the first page, loaded anyway). Currency codes measured for a money column's width (the widest of them is used). From this many rows the footer totals are summed by a worker thread. Filter combos per kind: (Filter attribute, field giving names). Last on the line of filters, or beside the search when they are on two lines. The current record's primary key (None when nothing is selected). The filter the table now shows.</extracomment>
            <translation>搜索…</translation>
        </message>
        <message>
            <source>Words to find in names, codes and notes (Ctrl+F)</source>
            <translation>在名称、代码和备注中查找的词语（Ctrl+F）</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <source>Show all records again</source>
            <translation>重新显示全部记录</translation>
        </message>
        <message>
            <source>Columns shown</source>
            <extracomment>Widths the columns start with; the name column gives way to keep the key columns (what identifies a record, its status and its amount) in view (see _fit_columns). The header's column chooser while it is open (tests click in it). Numeric columns now painted by the NumberDelegate (those a number could be cut in).</extracomment>
            <translation>显示的列</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>全部类型</translation>
        </message>
        <message>
            <source>All sectors</source>
            <translation>全部行业</translation>
        </message>
        <message>
            <source>All banks</source>
            <translation>全部银行</translation>
        </message>
        <message>
            <source>All zones</source>
            <translation>全部园区</translation>
        </message>
        <message>
            <source>All regions</source>
            <translation>全部地区</translation>
        </message>
        <message>
            <source>All countries</source>
            <translation>全部国家</translation>
        </message>
        <message>
            <source>{n} shown</source>
            <translation>显示 {n} 条</translation>
        </message>
        <message>
            <source>adding up the totals…</source>
            <translation>正在计算合计…</translation>
        </message>
        <message>
            <source>Totals could not be computed: {error}</source>
            <translation>无法计算合计：{error}</translation>
        </message>
    </context>
    <context>
        <name>TeamFollower</name>
        <message>
            <source>Server unreachable: saving is off until it is back</source>
            <extracomment>How often news is looked for (well inside the two seconds a colleague's save may take). Tables whose change a window shows. Changes of others handed to the window so far (tests read it).</extracomment>
            <translation>无法连接服务器：恢复前无法保存</translation>
        </message>
        <message>
            <source>The window tries again by itself; your edits are kept.</source>
            <translation>窗口会自动重试；您的编辑已保留。</translation>
        </message>
        <message>
            <source>Connected to the server again</source>
            <translation>已重新连接到服务器</translation>
        </message>
    </context>
    <context>
        <name>TemplateButton</name>
        <message>
            <source>Template…</source>
            <translation>模板…</translation>
        </message>
        <message>
            <source>Write an empty file to fill in: headers in the window's language, one example row, the codelists on a second sheet</source>
            <translation>生成待填写的空文件：表头使用窗口语言，含一行示例，第二个工作表为代码表</translation>
        </message>
        <message>
            <source>Excel workbook (XLSX)…</source>
            <translation>Excel 工作簿 (XLSX)…</translation>
        </message>
        <message>
            <source>CSV file…</source>
            <translation>CSV 文件…</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>Save the template</source>
            <translation>保存模板</translation>
        </message>
        <message>
            <source>Template not written</source>
            <translation>模板未写入</translation>
        </message>
    </context>
    <context>
        <name>Templates</name>
        <message>
            <source>Codelists</source>
            <translation>代码表</translation>
        </message>
    </context>
    <context>
        <name>UpdateRound</name>
        <message>
            <source>new status</source>
            <translation>新状态</translation>
        </message>
        <message>
            <source>progress %</source>
            <translation>进度 %</translation>
        </message>
        <message>
            <source>disbursed</source>
            <translation>已拨付</translation>
        </message>
        <message>
            <source>note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>project</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>as of</source>
            <translation>截至日期</translation>
        </message>
    </context>
    <context>
        <name>UpdateRoundDialog</name>
        <message>
            <source>Update round</source>
            <extracomment>Entry field -&gt; grid column, for showing errors on the cell they concern.</extracomment>
            <translation>批量更新</translation>
        </message>
        <message>
            <source>&amp;As of:</source>
            <extracomment>The Change of the saved round (None until Save succeeded).</extracomment>
            <translation>截至日期(&amp;A)：</translation>
        </message>
        <message>
            <source>Type the new values of each project; rows left blank are not updated. Tab goes to the next cell, Enter down the column, Ctrl+S saves.</source>
            <translation>逐项输入各项目的新数值；留空的行不会更新。Tab 转到下一单元格，Enter 沿列向下，Ctrl+S 保存。</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <source>Disbursed</source>
            <translation>已拨付</translation>
        </message>
        <message>
            <source>New status</source>
            <translation>新状态</translation>
        </message>
        <message>
            <source>New progress, %</source>
            <translation>新进度，%</translation>
        </message>
        <message>
            <source>New disbursed</source>
            <translation>新已拨付额</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Type a status or its first letters; blank keeps the current</source>
            <translation>输入状态或其开头字母；留空则保持当前状态</translation>
        </message>
        <message>
            <source>0 to 100; blank keeps the current progress</source>
            <translation>0 到 100；留空则保持当前进度</translation>
        </message>
        <message>
            <source>Total disbursed so far, in the project's currency</source>
            <translation>迄今累计已拨付金额，以项目币种计</translation>
        </message>
        <message>
            <source>&amp;Reload projects</source>
            <translation>重新载入项目(&amp;R)</translation>
        </message>
        <message>
            <source>Read the projects again (after someone else changed them); typed values stay</source>
            <translation>重新读取项目（在他人修改之后）；已输入的数值保留</translation>
        </message>
        <message>
            <source>This file is open read-only ({reason}); the round cannot be saved.</source>
            <translation>此文件以只读方式打开（{reason}）；无法保存本轮更新。</translation>
        </message>
        <message>
            <source>read-only</source>
            <translation>只读</translation>
        </message>
        <message>
            <source>{disbursed} of {amount} {currency} committed</source>
            <translation>已承诺 {amount} {currency}，已拨付 {disbursed}</translation>
        </message>
        <message>
            <source>Discard the update round?</source>
            <translation>放弃本轮批量更新？</translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) have new values that are not saved. Discard them?</source>
            <translation>
                <numerusform>%n 行的新值尚未保存。要放弃吗？</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Update round {as_of} (%n project(s))</source>
            <translation>
                <numerusform>批量更新 {as_of}（%n 个项目）</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing to save: no row has a new value.</source>
            <translation>无需保存：没有任何行有新数值。</translation>
        </message>
        <message>
            <source>Unusual updates</source>
            <translation>不寻常的更新</translation>
        </message>
        <message>
            <source>This round</source>
            <translation>本轮更新</translation>
        </message>
        <message>
            <source>Not saved: {error}</source>
            <translation>未保存：{error}</translation>
        </message>
        <message>
            <source>{field}: {message}</source>
            <translation>{field}：{message}</translation>
        </message>
        <message>
            <source>Row {row} ({code}), {field}: {message}</source>
            <translation>第 {row} 行（{code}），{field}：{message}</translation>
        </message>
        <message>
            <source>{n} active projects; {filled} rows to update.</source>
            <translation>{n} 个在跟踪项目；{filled} 行待更新。</translation>
        </message>
    </context>
    <context>
        <name>Validation</name>
        <message>
            <source>{field}: {message}</source>
            <translation>{field}：{message}</translation>
        </message>
        <message>
            <source>row {row}, {field}: {message}</source>
            <translation>第 {row} 行，{field}：{message}</translation>
        </message>
        <message>
            <source>is required</source>
            <extracomment>(English message form, its template). Names in (?P&lt;…&gt;) go into the template's {…}; a part named ``reason`` is itself a message and is translated in turn.</extracomment>
            <translation>为必填项</translation>
        </message>
        <message>
            <source>is longer than {n} characters</source>
            <translation>超过 {n} 个字符</translation>
        </message>
        <message>
            <source>may hold only letters, digits and . _ / - (at most 40)</source>
            <translation>只能包含字母、数字和 . _ / -（最多 40 个）</translation>
        </message>
        <message>
            <source>{reason} (an amount like 1234567.89)</source>
            <translation>{reason}（金额格式如 1234567.89）</translation>
        </message>
        <message>
            <source>must not be negative</source>
            <translation>不能为负数</translation>
        </message>
        <message>
            <source>must be a three-letter ISO 4217 code like USD</source>
            <translation>必须是三个字母的 ISO 4217 代码，例如 USD</translation>
        </message>
        <message>
            <source>is not a real date ({detail})</source>
            <translation>不是有效日期（{detail}）</translation>
        </message>
        <message>
            <source>is not a date (use YYYY-MM-DD or DD.MM.YYYY)</source>
            <translation>不是日期（请使用 YYYY-MM-DD 或 DD.MM.YYYY）</translation>
        </message>
        <message>
            <source>must be a whole number</source>
            <translation>必须是整数</translation>
        </message>
        <message>
            <source>must be at least {n}</source>
            <translation>不能小于 {n}</translation>
        </message>
        <message>
            <source>must be at most {n}</source>
            <translation>不能大于 {n}</translation>
        </message>
        <message>
            <source>is too large</source>
            <translation>数值过大</translation>
        </message>
        <message>
            <source>must be one of {choices}</source>
            <translation>必须是以下之一：{choices}</translation>
        </message>
        <message>
            <source>'{value}' is not an ISO country code or name in the reference data</source>
            <translation>参考数据中没有国家代码或名称“{value}”</translation>
        </message>
        <message>
            <source>'{value}' is not a sector code or name in the reference data</source>
            <translation>参考数据中没有行业代码或名称“{value}”</translation>
        </message>
        <message>
            <source>'{value}' is not a region code (BY-MI) or name in the reference data</source>
            <translation>参考数据中没有地区代码（BY-MI）或名称“{value}”</translation>
        </message>
        <message>
            <source>no bank with id {id}</source>
            <translation>没有 id 为 {id} 的银行</translation>
        </message>
        <message>
            <source>no zone with id {id}</source>
            <translation>没有 id 为 {id} 的园区</translation>
        </message>
        <message>
            <source>no project with id {id}</source>
            <translation>没有 id 为 {id} 的项目</translation>
        </message>
        <message>
            <source>'{value}' is not a known bank</source>
            <translation>“{value}”不是已知的银行</translation>
        </message>
        <message>
            <source>'{value}' is not a known zone</source>
            <translation>“{value}”不是已知的园区</translation>
        </message>
        <message>
            <source>'{value}' is not a known project</source>
            <translation>“{value}”不是已知的项目</translation>
        </message>
        <message>
            <source>has more than two decimal places</source>
            <translation>小数位超过两位</translation>
        </message>
        <message>
            <source>is not a number</source>
            <translation>不是数字</translation>
        </message>
        <message>
            <source>is not a finite number</source>
            <translation>不是有限数值</translation>
        </message>
        <message>
            <source>is empty</source>
            <translation>为空</translation>
        </message>
        <message>
            <source>has more than one decimal comma</source>
            <translation>包含多个小数逗号</translation>
        </message>
        <message>
            <source>has a comma that is not a thousands separator (the file uses a decimal point)</source>
            <translation>包含的逗号不是千位分隔符（文件使用小数点）</translation>
        </message>
        <message>
            <source>must not exceed the committed amount</source>
            <translation>不能超过承诺金额</translation>
        </message>
        <message>
            <source>must not exceed the committed amount of the project</source>
            <translation>不能超过项目的承诺金额</translation>
        </message>
        <message>
            <source>must not be before the start date</source>
            <translation>不能早于开始日期</translation>
        </message>
        <message>
            <source>must not be before the agreement date</source>
            <translation>不能早于协议日期</translation>
        </message>
        <message>
            <source>must be 0 for a project still in the pipeline</source>
            <translation>对仍在筹备中的项目必须为 0</translation>
        </message>
        <message>
            <source>must not exceed the maturity</source>
            <translation>不能超过贷款期限</translation>
        </message>
        <message>
            <source>must not be after today for a project whose works have started (it is the actual start); a later start is planned</source>
            <translation>对于已开工的项目不能晚于今天（这是实际开始日期）；更晚的开始日期属于计划日期</translation>
        </message>
        <message>
            <source>must not be after today (an end still to come is the planned end)</source>
            <translation>不能晚于今天（尚未到来的结束日期属于计划结束日期）</translation>
        </message>
        <message>
            <source>must be a DAC 5-digit CRS purpose code (five digits, like 23210)</source>
            <translation>必须是 DAC 五位 CRS 用途代码（五位数字，如 23210）</translation>
        </message>
        <message>
            <source>{code} is not in IATI's Sector codelist ({version})</source>
            <translation>{code} 不在 IATI 行业代码表中（{version}）</translation>
        </message>
        <message>
            <source>{code} ({name}) was withdrawn from IATI's Sector codelist; use a current code</source>
            <translation>{code}（{name}）已从 IATI 行业代码表中撤销；请使用现行代码</translation>
        </message>
        <message>
            <source>{code}: its DAC 3-digit category {category} was withdrawn; use a current code</source>
            <translation>{code}：其 DAC 三位类别 {category} 已撤销；请使用现行代码</translation>
        </message>
        <message>
            <source>must be two capital letters (ISO 3166-1 alpha-2, like CN)</source>
            <translation>必须是两个大写字母（ISO 3166-1 alpha-2，例如 CN）</translation>
        </message>
        <message>
            <source>must be above 0</source>
            <translation>必须大于 0</translation>
        </message>
        <message>
            <source>must be above 0 (a venture has foreign capital)</source>
            <translation>必须大于 0（合资企业有外资）</translation>
        </message>
        <message>
            <source>'{value}' is already used by another record</source>
            <translation>“{value}”已被另一条记录使用</translation>
        </message>
        <message>
            <source>is still used by other records (or links to a missing one)</source>
            <translation>仍被其他记录使用（或链接到不存在的记录）</translation>
        </message>
        <message>
            <source>a rate for this currency and date exists already</source>
            <translation>该货币和日期的汇率已存在</translation>
        </message>
        <message>
            <source>required column is missing</source>
            <translation>缺少必需的列</translation>
        </message>
        <message>
            <source>this column appears twice</source>
            <translation>该列出现了两次</translation>
        </message>
        <message>
            <source>has more cells than the header has columns</source>
            <translation>单元格数多于表头的列数</translation>
        </message>
        <message>
            <source>IATI identifiers may not contain / &amp; | or ?: the IATI export writes this code as {mapped}</source>
            <translation>IATI 标识符不能包含 / &amp; | 或 ?：IATI 导出会将此代码写为 {mapped}</translation>
        </message>
        <message>
            <source>{path} is the open database {name}; choose another file name</source>
            <translation>{path} 是已打开的数据库 {name}；请选择其他文件名</translation>
        </message>
        <message>
            <source>{path} is the {side} file of the open database {name}; choose another file name</source>
            <translation>{path} 是已打开的数据库 {name} 的 {side} 文件；请选择其他文件名</translation>
        </message>
        <message>
            <source>{path} is inside the backup folder of {name}; choose another folder</source>
            <translation>{path} 位于 {name} 的备份文件夹中；请选择其他文件夹</translation>
        </message>
        <message>
            <source>a SQLite copy holds the whole database; the filter does not apply</source>
            <translation>SQLite 副本包含整个数据库；筛选不适用</translation>
        </message>
        <message>
            <source>the snapshot could not be recorded: the database is {reason}</source>
            <translation>无法记录快照：数据库为{reason}</translation>
        </message>
        <message>
            <source>the snapshot could not be recorded: {error}</source>
            <translation>无法记录快照：{error}</translation>
        </message>
        <message>
            <source>Invalid stored value: {value} {why}. Another program wrote it; correct it in the form.</source>
            <translation>无效的存储值：{value} {why}。该值由其他程序写入；请在表单中更正。</translation>
        </message>
    </context>
    <context>
        <name>WelcomeDialog</name>
        <message>
            <source>Welcome to Investment Tracker</source>
            <translation>欢迎使用投资项目跟踪</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>欢迎</translation>
        </message>
        <message>
            <source>Projects, park residents and ventures are kept in one database file on this computer. Start with the demo portfolio to look around, or with your own file.</source>
            <translation>项目、入园企业和合资企业保存在本机的一个数据库文件中。可先打开演示数据熟悉功能，或直接使用您自己的文件。</translation>
        </message>
        <message>
            <source>Open the demo portfolio</source>
            <translation>打开演示项目组合</translation>
        </message>
        <message>
            <source>Belarus–China projects, Great Stone residents and ventures, to try things out</source>
            <translation>中白合作项目、巨石园入园企业及合资企业，供试用</translation>
        </message>
        <message>
            <source>New empty database…</source>
            <translation>新建空数据库…</translation>
        </message>
        <message>
            <source>Start your own portfolio; reference data (countries, sectors, banks) is included</source>
            <translation>建立您自己的项目组合；已包含参考数据（国家、行业、银行）</translation>
        </message>
        <message>
            <source>Open a file…</source>
            <translation>打开文件…</translation>
        </message>
        <message>
            <source>A database file you or a colleague already have</source>
            <translation>您或同事已有的数据库文件</translation>
        </message>
        <message>
            <source>Connect to a server…</source>
            <translation>连接到服务器…</translation>
        </message>
        <message>
            <source>The team's portfolio on a PostgreSQL server</source>
            <translation>PostgreSQL 服务器上的团队投资组合</translation>
        </message>
        <message>
            <source>Recent files:</source>
            <translation>最近的文件：</translation>
        </message>
        <message>
            <source>Investment Tracker databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
            <translation>投资项目跟踪数据库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
        </message>
        <message>
            <source>New database</source>
            <translation>新建数据库</translation>
        </message>
        <message>
            <source>Open database</source>
            <translation>打开数据库</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <source>Upgrading {name} for this version of Investment Tracker (a backup is made first). A large file takes a little while; this happens once.</source>
            <translation>正在为此版本的投资项目跟踪升级 {name}（先进行备份）。大文件需要一些时间；此操作只进行一次。</translation>
        </message>
        <message>
            <source>Investment Tracker</source>
            <translation>投资项目跟踪</translation>
        </message>
        <message>
            <source>Investment Tracker cannot open the database</source>
            <translation>投资项目跟踪无法打开数据库</translation>
        </message>
        <message>
            <source>Open read-only</source>
            <translation>以只读方式打开</translation>
        </message>
        <message>
            <source>Repair (after a backup)</source>
            <translation>修复（先备份）</translation>
        </message>
        <message>
            <source>Open the backup read-only</source>
            <translation>以只读方式打开备份</translation>
        </message>
        <message>
            <source>There is no backup copy of {db} to open instead (looked in {where}; tracker backup --db URL --to FOLDER makes one).</source>
            <translation>没有可代替打开的 {db} 备份副本（已在 {where} 中查找；可用 tracker backup --db URL --to 文件夹 创建）。</translation>
        </message>
        <message>
            <source>{error}

Restore the newest backup, of {when} ({name})? The damaged file is kept in the backup folder.</source>
            <translation>{error}

恢复 {when} 的最新备份（{name}）吗？损坏的文件将保留在备份文件夹中。</translation>
        </message>
        <message>
            <source>{error}

Open the newest backup copy of {db}, of {when} ({name}), read-only? It shows the portfolio as it was then; nothing can be saved into it.</source>
            <translation>{error}

以只读方式打开 {db} 于 {when} 的最新备份（{name}）？它显示的是当时的项目组合；无法向其中保存任何内容。</translation>
        </message>
        <message>
            <source>a backup copy of {db} from {when} (the server cannot be reached)</source>
            <translation>{db} 于 {when} 的备份副本（无法连接服务器）</translation>
        </message>
        <message>
            <source>There is no backup of this file to restore.</source>
            <translation>此文件没有可恢复的备份。</translation>
        </message>
        <message>
            <source>The backup could not be restored: {error}</source>
            <translation>无法恢复备份：{error}</translation>
        </message>
        <message>
            <source>The backup could not be opened: {error}</source>
            <translation>无法打开备份：{error}</translation>
        </message>
        <message>
            <source>Making the daily backup copy of {db} in {folder}…</source>
            <translation>正在 {folder} 中创建 {db} 的每日备份副本…</translation>
        </message>
        <message>
            <source>Daily backup copy of {db} made: {path}</source>
            <translation>{db} 的每日备份副本已创建：{path}</translation>
        </message>
        <message>
            <source>The daily backup copy of {db} could not be made: {error}</source>
            <translation>无法创建 {db} 的每日备份副本：{error}</translation>
        </message>
    </context>
    <context>
        <name>codelists</name>
        <message>
            <source>Pipeline</source>
            <translation>筹备中</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>已签约</translation>
        </message>
        <message>
            <source>Implementation</source>
            <translation>实施中</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>已完工</translation>
        </message>
        <message>
            <source>Suspended</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>Registered</source>
            <translation>已注册</translation>
        </message>
        <message>
            <source>Construction</source>
            <translation>建设中</translation>
        </message>
        <message>
            <source>Operating</source>
            <translation>运营中</translation>
        </message>
        <message>
            <source>Withdrawn</source>
            <translation>已退出</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>存续</translation>
        </message>
        <message>
            <source>Liquidated</source>
            <translation>已注销</translation>
        </message>
        <message>
            <source>Joint venture</source>
            <translation>合资企业</translation>
        </message>
        <message>
            <source>Foreign-owned</source>
            <translation>外商独资企业</translation>
        </message>
        <message>
            <source>Industrial park</source>
            <translation>工业园区</translation>
        </message>
        <message>
            <source>Special economic zone</source>
            <translation>特殊经济区</translation>
        </message>
        <message>
            <source>Free economic zone</source>
            <translation>自由经济区</translation>
        </message>
        <message>
            <source>Government</source>
            <translation>政府</translation>
        </message>
        <message>
            <source>Local Government</source>
            <translation>地方政府</translation>
        </message>
        <message>
            <source>Other Public Sector</source>
            <translation>其他公共部门</translation>
        </message>
        <message>
            <source>International NGO</source>
            <translation>国际非政府组织</translation>
        </message>
        <message>
            <source>National NGO</source>
            <translation>国家非政府组织</translation>
        </message>
        <message>
            <source>Regional NGO</source>
            <translation>区域非政府组织</translation>
        </message>
        <message>
            <source>Partner Country based NGO</source>
            <translation>伙伴国非政府组织</translation>
        </message>
        <message>
            <source>Public Private Partnership</source>
            <translation>公私合作</translation>
        </message>
        <message>
            <source>Multilateral</source>
            <translation>多边机构</translation>
        </message>
        <message>
            <source>Foundation</source>
            <translation>基金会</translation>
        </message>
        <message>
            <source>Private Sector</source>
            <translation>私营部门</translation>
        </message>
        <message>
            <source>Private Sector in Provider Country</source>
            <translation>提供国私营部门</translation>
        </message>
        <message>
            <source>Private Sector in Aid Recipient Country</source>
            <translation>受援国私营部门</translation>
        </message>
        <message>
            <source>Private Sector in Third Country</source>
            <translation>第三国私营部门</translation>
        </message>
        <message>
            <source>Academic, Training and Research</source>
            <translation>学术、培训和研究机构</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
    </context>
    <context>
        <name>window</name>
        <message numerus="yes">
            <source>%n record(s) need attention</source>
            <extracomment>After the first paint, the worklist for the navigation's count waits this long (the first table page and charts come first).</extracomment>
            <translation>
                <numerusform>%n 条记录需要关注</numerusform>
            </translation>
        </message>
    </context>
</TS>
