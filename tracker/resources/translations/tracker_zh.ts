<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Go to the search field</source>
        <extracomment>Shortcuts of widgets that are not actions (the table, the search field, the forms).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the update round: next row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next field in the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close a dialog without saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Investment Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Investment Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow foreign investment: bank-financed projects, industrial-park residents and companies with foreign capital, in one local SQLite file that works offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your databases and backups are kept in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free software under the MIT licence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python {python}, Qt {qt}, PySide6 {pyside} on {system}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddUpdateDialog</name>
    <message>
        <source>Add update — {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disbursed (cumulative)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update of {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project was changed by someone else since this dialog opened; nothing was saved. Close and reopen it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartPane</name>
    <message>
        <source>&amp;Chart:</source>
        <extracomment>Charts that show single projects, so the selected one matters to them. Reference tables whose names or rates appear in charts of every kind. Fallback when tracker.services.chart_data does not list a kind. Number of figures built so far (tests and benchmarks count redraws). Text of the last failure to build a chart, None after a good draw. What the shown figure was built from: (kind, chart, filter, selected id).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chart could not be drawn: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPane</name>
    <message>
        <source>projects</source>
        <extracomment>The dashboard&apos;s charts, in grid order (row by row). Tables whose writes change something the dashboard shows. Number of refreshes done (tests count them). Chart name -&gt; error text of charts that failed on the last refresh.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total financing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disbursed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>industrial-park residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>joint ventures / foreign-owned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>projects by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as of {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>committed, in {currency}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{pct} % of financing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from {countries} countries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} in all zones, from {countries} countries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>residents of {zone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} ventures with foreign capital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} under way</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>Delete or Backspace clears the date.</source>
        <extracomment>The date a DateEdit shows as empty.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormPane</name>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <extracomment>Emitted after a successful save/create with the record&apos;s primary key. Emitted when the form starts or stops holding unsaved edits.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No record selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opened read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing is off: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit {what} of {record}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was changed by someone else since you opened it; nothing was overwritten.

{detail}

Reload it now (your edits are dropped)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: changed by someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {what} “{record}”? (Edit ▸ Undo brings it back.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {record}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} has unsaved changes. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message>
        <source>Update history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add update…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disbursed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update history ({n})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Views</source>
        <extracomment>Set by the --smoke run, which must leave the person&apos;s settings alone.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joint ventures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Investment Tracker — {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[read-only]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;update…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update &amp;round…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare with snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print &amp;chart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print re&amp;port…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Investment Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Joint ventures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference &amp;data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opened read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferencePage</name>
    <message>
        <source>&amp;Reference table:</source>
        <extracomment>Navigation entries, in order: (view name, label).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <extracomment>Emitted after a successful save. The chosen language changed and the user wants the window rebuilt now.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default ({language})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written beside every change in the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beside the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reporting &amp;currency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Your name in the audit log:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backup folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups to &amp;keep:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuild the window now in the new language? Unsaved edits in the form are kept only if you save them first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TablePane</name>
    <message>
        <source>Search…</source>
        <extracomment>Filter combos per kind: (Filter attribute, field giving names). The current record&apos;s primary key (None when nothing is selected). The filter the table now shows.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words to find in names, codes and notes (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all records again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All banks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All zones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All countries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpdateRoundDialog</name>
    <message>
        <source>Update round</source>
        <extracomment>Entry field -&gt; grid column, for showing errors on the cell they concern.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;As of:</source>
        <extracomment>The Change of the saved round (None until Save succeeded).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the new values of each project; rows left blank are not updated. Tab goes to the next cell, Enter down the column, Ctrl+S saves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disbursed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New progress, %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New disbursed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is open read-only ({reason}); the round cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{disbursed} of {amount} {currency} committed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to save: no row has a new value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update round {as_of} ({n} projects)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {row} ({code}), {field}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} active projects; {filled} rows to update.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Investment Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects, park residents and ventures are kept in one database file on this computer. Start with the demo portfolio to look around, or with your own file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the demo portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belarus–China projects, Great Stone residents and ventures, to try things out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New empty database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start your own portfolio; reference data (countries, sectors, banks) is included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database file you or a colleague already have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent files:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Investment Tracker databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Investment Tracker cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>domain</name>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disbursed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress, %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interest rate, %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maturity, years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grace period, years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declared investment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invested to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joint ventures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreign partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreign share, %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charter capital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Established on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Banks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Countries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (Russian)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FX rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FX rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units per USD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Implementation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Construction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liquidated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joint venture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreign-owned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industrial park</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special economic zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free economic zone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
