<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>Go to the search field</source>
            <extracomment>Shortcuts of widgets that are not actions (the table, the search field, the forms).</extracomment>
            <translation>Перейти к полю поиска</translation>
        </message>
        <message>
            <source>In the update round: next row</source>
            <translation>В сборе обновлений: следующая строка</translation>
        </message>
        <message>
            <source>Next field in the form</source>
            <translation>Следующее поле формы</translation>
        </message>
        <message>
            <source>Close a dialog without saving</source>
            <translation>Закрыть окно без сохранения</translation>
        </message>
        <message>
            <source>This help</source>
            <translation>Эта справка</translation>
        </message>
        <message>
            <source>About Investment Tracker</source>
            <translation>О программе «Мониторинг инвестиций»</translation>
        </message>
        <message>
            <source>About</source>
            <translation>О программе</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Сочетания клавиш</translation>
        </message>
        <message>
            <source>Investment Tracker</source>
            <translation>Мониторинг инвестиций</translation>
        </message>
        <message>
            <source>Version {version}</source>
            <translation>Версия {version}</translation>
        </message>
        <message>
            <source>Follow foreign investment: bank-financed projects, industrial-park residents and companies with foreign capital, in one local SQLite file that works offline.</source>
            <translation>Мониторинг иностранных инвестиций: проекты с банковским финансированием, резиденты индустриальных парков и предприятия с иностранным капиталом — в одном локальном файле SQLite, без подключения к сети.</translation>
        </message>
        <message>
            <source>Your databases and backups are kept in:</source>
            <translation>Ваши базы данных и резервные копии хранятся в папке:</translation>
        </message>
        <message>
            <source>Free software under the MIT licence.</source>
            <translation>Свободная программа, лицензия MIT.</translation>
        </message>
        <message>
            <source>Python {python}, Qt {qt}, PySide6 {pyside} on {system}</source>
            <translation>Python {python}, Qt {qt}, PySide6 {pyside}, система {system}</translation>
        </message>
        <message>
            <source>Command</source>
            <translation>Команда</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Клавиши</translation>
        </message>
    </context>
    <context>
        <name>AddUpdateDialog</name>
        <message>
            <source>Keep it</source>
            <translation>Оставить</translation>
        </message>
        <message>
            <source>Go back</source>
            <translation>Вернуться</translation>
        </message>
        <message>
            <source>{what} looks unusual:

{found}

Keep it as typed?</source>
            <translation>{what} выглядит необычно:

{found}

Оставить как введено?</translation>
        </message>
        <message>
            <source>Add update — {code}</source>
            <translation>Новое обновление — {code}</translation>
        </message>
        <message>
            <source>As of</source>
            <translation>На дату</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Готовность</translation>
        </message>
        <message>
            <source>Disbursed (cumulative)</source>
            <translation>Освоено (нарастающим итогом)</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Примечание</translation>
        </message>
        <message>
            <source>Add update</source>
            <translation>Добавить обновление</translation>
        </message>
        <message>
            <source>Unusual update</source>
            <translation>Необычное обновление</translation>
        </message>
        <message>
            <source>The update of {code}</source>
            <translation>Обновление {code}</translation>
        </message>
        <message>
            <source>Update of {code}</source>
            <translation>Обновление {code}</translation>
        </message>
        <message>
            <source>The project was changed by someone else since this dialog opened; nothing was saved. Close and reopen it.</source>
            <translation>Пока окно было открыто, проект изменил другой пользователь; ничего не сохранено. Закройте окно и откройте его снова.</translation>
        </message>
        <message>
            <source>Disbursed goes down from {before} to {after} {currency}, though it is cumulative.</source>
            <translation>Освоено уменьшается с {before} до {after} {currency}, хотя это нарастающий итог.</translation>
        </message>
        <message>
            <source>The status is “{status}” but the progress is {progress} %, below 100 %.</source>
            <translation>Статус «{status}», но готовность {progress} % — меньше 100 %.</translation>
        </message>
        <message>
            <source>Progress jumps from {before} % to {after} %, more than {n} points at once.</source>
            <translation>Готовность скачком растёт с {before} % до {after} % — больше чем на {n} пунктов сразу.</translation>
        </message>
        <message>
            <source>There is an update on {date} already; this adds a second one for the same day.</source>
            <translation>На {date} уже есть обновление; это будет второе за тот же день.</translation>
        </message>
    </context>
    <context>
        <name>Attention</name>
        <message>
            <source>No recent update</source>
            <translation>Давно нет обновлений</translation>
        </message>
        <message>
            <source>Planned end passed</source>
            <translation>Плановый срок истёк</translation>
        </message>
        <message>
            <source>Behind plan</source>
            <translation>Отставание от плана</translation>
        </message>
        <message>
            <source>Disbursed fell</source>
            <translation>Освоение уменьшилось</translation>
        </message>
        <message>
            <source>No exchange rate</source>
            <translation>Нет курса валюты</translation>
        </message>
        <message>
            <source>Resident unchanged for a year</source>
            <translation>Резидент не менялся год</translation>
        </message>
    </context>
    <context>
        <name>AttentionFilter</name>
        <message>
            <source>Needs attention</source>
            <extracomment>Up to this many projects the worklist is computed at once (a few ms); above, on a worker (a million projects take 14 s here), the table waiting empty meanwhile. The worklist's projects, computed in the background, are there: filter again.</extracomment>
            <translation>Требует внимания</translation>
        </message>
        <message>
            <source>Show only the projects on the needs-attention worklist</source>
            <translation>Показать только проекты из списка «Требует внимания»</translation>
        </message>
        <message>
            <source>Finding what needs attention</source>
            <translation>Поиск того, что требует внимания</translation>
        </message>
    </context>
    <context>
        <name>AttentionPane</name>
        <message>
            <source>Needs attention</source>
            <extracomment>The window's Add update key (tracker.ui.main_window.ADD_UPDATE_KEY), here on a row. A change waits this long before the list is computed again (several edits, one read). At most this many worklist rows are put in the table (see _fill). (table, record id): the person asked to open this record. (project id): the person asked to add an update to this project. The worklist was computed (the navigation shows its count).</extracomment>
            <translation>Требует внимания</translation>
        </message>
        <message>
            <source>Reason:</source>
            <translation>Причина:</translation>
        </message>
        <message>
            <source>All reasons</source>
            <translation>Все причины</translation>
        </message>
        <message>
            <source>No update for more than</source>
            <translation>Нет обновлений дольше</translation>
        </message>
        <message>
            <source>days</source>
            <translation>дн.</translation>
        </message>
        <message>
            <source>· behind plan by more than</source>
            <translation>· отставание от плана больше</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Применить</translation>
        </message>
        <message>
            <source>Keep these rules in the database (for everyone who opens it)</source>
            <translation>Сохранить эти правила в базе (для всех, кто её открывает)</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Причина</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Код</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Название</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Подробности</translation>
        </message>
        <message>
            <source>Add update…</source>
            <translation>Добавить обновление…</translation>
        </message>
        <message>
            <source>Add an update to the selected project ({key})</source>
            <translation>Добавить обновление к выбранному проекту ({key})</translation>
        </message>
        <message>
            <source>Open record</source>
            <translation>Открыть запись</translation>
        </message>
        <message>
            <source>Rules not kept</source>
            <translation>Правила не сохранены</translation>
        </message>
        <message>
            <source>{items} for {records} as of {date}</source>
            <translation>{items} по {records} на {date}</translation>
        </message>
        <message numerus="yes">
            <source>%n item(s)</source>
            <translation>
                <numerusform>%n пункт</numerusform>
                <numerusform>%n пункта</numerusform>
                <numerusform>%n пунктов</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n record(s)</source>
            <translation>
                <numerusform>%n запись</numerusform>
                <numerusform>%n записи</numerusform>
                <numerusform>%n записей</numerusform>
            </translation>
        </message>
        <message>
            <source>the first {shown} of {n} are listed</source>
            <translation>в списке первые {shown} из {n}</translation>
        </message>
    </context>
    <context>
        <name>AttentionStrip</name>
        <message>
            <source>Needs attention</source>
            <extracomment>A reason's count was clicked ("" for the whole list).</extracomment>
            <translation>Требует внимания</translation>
        </message>
        <message>
            <source>nothing at the moment</source>
            <translation>сейчас ничего</translation>
        </message>
    </context>
    <context>
        <name>AuditPane</name>
        <message>
            <source>Audit log</source>
            <extracomment>Most entries the view lists at once (the export takes them all). Kinds whose records the view can open. (table, record id) to open.</extracomment>
            <translation>Журнал изменений</translation>
        </message>
        <message>
            <source>User:</source>
            <translation>Пользователь:</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>Вид:</translation>
        </message>
        <message>
            <source>Record id:</source>
            <translation>Номер записи:</translation>
        </message>
        <message>
            <source>From</source>
            <translation>С</translation>
        </message>
        <message>
            <source>to</source>
            <translation>по</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Экспорт…</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Когда</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Пользователь</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Запись</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Действие</translation>
        </message>
        <message>
            <source>Changes</source>
            <translation>Изменения</translation>
        </message>
        <message>
            <source>Everyone</source>
            <translation>Все</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>Все виды</translation>
        </message>
        <message>
            <source>{n} entries (the newest {shown}; Export writes them all)</source>
            <translation>Записей: {n} (последние {shown}; в экспорт попадут все)</translation>
        </message>
        <message numerus="yes">
            <source>%n entries</source>
            <translation>
                <numerusform>%n запись</numerusform>
                <numerusform>%n записи</numerusform>
                <numerusform>%n записей</numerusform>
            </translation>
        </message>
        <message>
            <source>Export the audit log</source>
            <translation>Экспорт журнала изменений</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
            <translation>Книга Excel (*.xlsx);;CSV (*.csv)</translation>
        </message>
        <message>
            <source>Not exported</source>
            <translation>Не экспортировано</translation>
        </message>
    </context>
    <context>
        <name>BackupsDialog</name>
        <message>
            <source>Backups</source>
            <extracomment>A backup was restored into this file: the window must reopen it.</extracomment>
            <translation>Резервные копии</translation>
        </message>
        <message>
            <source>SQLite copies of {name} in {folder}, each of one consistent moment. When the server cannot be reached, the program offers the newest one read-only. A server portfolio is not restored from here: copy a backup into a new database with tracker copy.</source>
            <translation>Копии SQLite портфеля {name} в папке {folder}, каждая — на один согласованный момент. Если сервер недоступен, программа предложит открыть последнюю из них только для чтения. Портфель на сервере отсюда не восстанавливается: скопируйте резервную копию в новую базу данных командой tracker copy.</translation>
        </message>
        <message>
            <source>Copies of {name} in {folder}. One is made when the file is opened (if it changed) and when it is closed after edits; the newest {keep} automatic copies are kept.</source>
            <translation>Копии файла {name} в папке {folder}. Копия создаётся при открытии файла (если он изменился) и при закрытии после правок; хранятся {keep} последних автоматических копий.</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Причина</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Размер</translation>
        </message>
        <message>
            <source>Back up now</source>
            <translation>Создать копию</translation>
        </message>
        <message>
            <source>Restore…</source>
            <translation>Восстановить…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
        <message>
            <source>Restoring is off: {reason}</source>
            <translation>Восстановление недоступно: {reason}</translation>
        </message>
        <message>
            <source>No backups yet.</source>
            <translation>Резервных копий пока нет.</translation>
        </message>
        <message>
            <source>Backup</source>
            <translation>Резервная копия</translation>
        </message>
        <message>
            <source>No backup was made: {error}</source>
            <translation>Копия не создана: {error}</translation>
        </message>
        <message>
            <source>Backup failed</source>
            <translation>Ошибка резервного копирования</translation>
        </message>
        <message>
            <source>Backup written: {name}</source>
            <translation>Копия сохранена: {name}</translation>
        </message>
        <message>
            <source>Cancelled; nothing was changed.</source>
            <translation>Отменено; ничего не изменено.</translation>
        </message>
        <message>
            <source>Replace {name} with the backup of {when}?

The current file is backed up first, so this can be taken back by restoring that copy.</source>
            <translation>Заменить {name} копией от {when}?

Сначала будет сохранена копия текущего файла, так что это действие можно отменить, восстановив её.</translation>
        </message>
        <message>
            <source>Restore backup</source>
            <translation>Восстановление из копии</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Восстановление</translation>
        </message>
        <message>
            <source>Not restored: {error}</source>
            <translation>Не восстановлено: {error}</translation>
        </message>
        <message>
            <source>Restore failed</source>
            <translation>Ошибка восстановления</translation>
        </message>
        <message>
            <source>Restored from the backup of {when}. The file it replaced was kept as {name}.</source>
            <translation>Восстановлено из копии от {when}. Заменённый файл сохранён как {name}.</translation>
        </message>
        <message>
            <source>Restored from the backup of {when}.</source>
            <translation>Восстановлено из копии от {when}.</translation>
        </message>
        <message>
            <source>On open</source>
            <translation>При открытии</translation>
        </message>
        <message>
            <source>On close</source>
            <translation>При закрытии</translation>
        </message>
        <message>
            <source>Made by hand</source>
            <translation>Вручную</translation>
        </message>
        <message>
            <source>Before a restore</source>
            <translation>Перед восстановлением</translation>
        </message>
        <message>
            <source>Before upgrade from schema {n}</source>
            <translation>Перед обновлением схемы {n}</translation>
        </message>
    </context>
    <context>
        <name>Brief</name>
        <message>
            <source>Project brief · as of {date} · {database}</source>
            <translation>Справка по проекту · на {date} · {database}</translation>
        </message>
        <message>
            <source>Disbursed, % of committed</source>
            <translation>Освоено, % от выделенного</translation>
        </message>
        <message>
            <source>Planned by {date}</source>
            <translation>По плану к {date}</translation>
        </message>
        <message>
            <source>Disbursed, % of plan</source>
            <translation>Освоено, % от плана</translation>
        </message>
        <message>
            <source>no plan</source>
            <translation>нет плана</translation>
        </message>
        <message>
            <source>no exchange rate</source>
            <translation>нет курса</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>Требует внимания</translation>
        </message>
        <message>
            <source>Nothing needs attention.</source>
            <translation>Ничто не требует внимания.</translation>
        </message>
        <message>
            <source>No disbursement plan.</source>
            <translation>Плана освоения нет.</translation>
        </message>
        <message>
            <source>Last updates</source>
            <translation>Последние обновления</translation>
        </message>
        <message>
            <source>No updates yet.</source>
            <translation>Обновлений пока нет.</translation>
        </message>
        <message>
            <source>As of</source>
            <translation>На дату</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Примечание</translation>
        </message>
        <message>
            <source>{app} · generated {when} by {user}</source>
            <translation>{app} · сформировано {when}, {user}</translation>
        </message>
        <message>
            <source>Project brief</source>
            <translation>Справка по проекту</translation>
        </message>
        <message>
            <source>Project briefs</source>
            <translation>Справки по проектам</translation>
        </message>
    </context>
    <context>
        <name>ChangedBanner</name>
        <message>
            <source>Reload</source>
            <translation>Загрузить заново</translation>
        </message>
        <message>
            <source>Show their version; your unsaved edits are dropped</source>
            <translation>Показать их версию; ваши несохранённые правки будут отброшены</translation>
        </message>
        <message>
            <source>Keep editing</source>
            <translation>Продолжить правку</translation>
        </message>
        <message>
            <source>Keep your edits; saving them is refused while they rest on the old version</source>
            <translation>Оставить ваши правки; сохранить их не удастся, пока они основаны на старой версии</translation>
        </message>
        <message>
            <source>someone else</source>
            <translation>другой пользователь</translation>
        </message>
        <message>
            <source>{who} deleted this record at {when}.</source>
            <translation>{who} удалил(а) эту запись в {when}.</translation>
        </message>
        <message>
            <source>{who} deleted this record.</source>
            <translation>{who} удалил(а) эту запись.</translation>
        </message>
        <message>
            <source>{who} changed this record at {when}.</source>
            <translation>{who} изменил(а) эту запись в {when}.</translation>
        </message>
        <message>
            <source>{who} changed this record.</source>
            <translation>{who} изменил(а) эту запись.</translation>
        </message>
        <message>
            <source>Your edits are kept. Reload shows their version (your edits are dropped); with Keep editing, saving is refused until you reload.</source>
            <translation>Ваши правки сохранены в форме. «Загрузить заново» покажет их версию (ваши правки будут отброшены); при «Продолжить правку» сохранение будет отклонено, пока вы не загрузите запись заново.</translation>
        </message>
        <message>
            <source>The form shows their version.</source>
            <translation>Форма показывает их версию.</translation>
        </message>
    </context>
    <context>
        <name>Changes</name>
        <message>
            <source>created</source>
            <translation>создано</translation>
        </message>
        <message>
            <source>edited</source>
            <translation>изменено</translation>
        </message>
        <message>
            <source>deleted</source>
            <translation>удалено</translation>
        </message>
        <message>
            <source>imported</source>
            <translation>импортировано</translation>
        </message>
        <message>
            <source>undone</source>
            <translation>отменено</translation>
        </message>
        <message>
            <source>redone</source>
            <translation>повторено</translation>
        </message>
        <message>
            <source>restored</source>
            <translation>восстановлено</translation>
        </message>
        <message>
            <source>by an update</source>
            <translation>обновлением</translation>
        </message>
        <message>
            <source>update undone</source>
            <translation>обновление отменено</translation>
        </message>
        <message>
            <source>file imported</source>
            <translation>файл импортирован</translation>
        </message>
        <message>
            <source>loaded</source>
            <translation>загружено</translation>
        </message>
    </context>
    <context>
        <name>ChangesPanel</name>
        <message>
            <source>When</source>
            <extracomment>Rows whose text sets a list's column widths.</extracomment>
            <translation>Когда</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Кто</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Поле</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Изменение</translation>
        </message>
        <message>
            <source>Put back the earlier value</source>
            <translation>Вернуть прежнее значение</translation>
        </message>
        <message>
            <source>Save the value this field had before the selected change (undoable)</source>
            <translation>Сохранить значение, которое поле имело до выбранного изменения (можно отменить)</translation>
        </message>
        <message numerus="yes">
            <source>%n change(s)</source>
            <translation>
                <numerusform>%n изменение</numerusform>
                <numerusform>%n изменения</numerusform>
                <numerusform>%n изменений</numerusform>
            </translation>
        </message>
        <message>
            <source>Put back {field}</source>
            <translation>Возврат: {field}</translation>
        </message>
        <message>
            <source>Not put back</source>
            <translation>Не возвращено</translation>
        </message>
    </context>
    <context>
        <name>ChartPane</name>
        <message>
            <source>&amp;Chart:</source>
            <extracomment>Changes of many rows: the chart is built and drawn in the background, shown as a picture. Number of figures built so far (tests and benchmarks count redraws). Text of the last failure to build a chart, None after a good draw. What the shown figure was built from: kind, chart, filter, selected id, currency, as-of. The background draw under way after an import or a round, if any. Counts the writes that concern the chart: a background picture of older data is dropped.</extracomment>
            <translation>&amp;Диаграмма:</translation>
        </message>
        <message>
            <source>There is no chart for this view.</source>
            <extracomment>The chart as the window last showed it (see tracker.ui.chart_picture), until a live draw. Key of the picture on screen, None while the chart is live (or there is none). The background warm-up after a start-up picture (its ``done`` is set when finished).</extracomment>
            <translation>Для этого раздела нет диаграммы.</translation>
        </message>
        <message>
            <source>The chart could not be drawn: {error}</source>
            <translation>Не удалось построить диаграмму: {error}</translation>
        </message>
        <message>
            <source>Portfolio by status</source>
            <translation>Портфель по статусам</translation>
        </message>
        <message>
            <source>Financing by sector</source>
            <translation>Финансирование по отраслям</translation>
        </message>
        <message>
            <source>Financing by bank</source>
            <translation>Финансирование по банкам</translation>
        </message>
        <message>
            <source>Disbursed vs committed per project</source>
            <translation>Освоено и выделено по проектам</translation>
        </message>
        <message>
            <source>Project timeline</source>
            <translation>График проектов</translation>
        </message>
        <message>
            <source>Cumulative disbursement</source>
            <translation>Освоение нарастающим итогом</translation>
        </message>
        <message>
            <source>Residents by country</source>
            <translation>Резиденты по странам</translation>
        </message>
        <message>
            <source>Residents by status</source>
            <translation>Резиденты по статусам</translation>
        </message>
        <message>
            <source>Ventures by kind and sector</source>
            <translation>Предприятия по видам и отраслям</translation>
        </message>
        <message>
            <source>Disbursement: plan against actual</source>
            <translation>Освоение: план и факт</translation>
        </message>
    </context>
    <context>
        <name>ChartTexts</name>
        <message>
            <source>No data for this selection</source>
            <translation>Нет данных для этой выборки</translation>
        </message>
        <message>
            <source>+ {n} more not shown</source>
            <translation>+ ещё {n} не показано</translation>
        </message>
        <message>
            <source>Committed</source>
            <translation>Выделено</translation>
        </message>
        <message>
            <source>Disbursed</source>
            <translation>Освоено</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Сумма</translation>
        </message>
        <message>
            <source>Disbursed (% of committed)</source>
            <translation>Освоено (% от выделенного)</translation>
        </message>
        <message>
            <source>Cumulative disbursement</source>
            <translation>Освоение нарастающим итогом</translation>
        </message>
        <message>
            <source>Committed: {amount}</source>
            <translation>Выделено: {amount}</translation>
        </message>
        <message>
            <source>Number of projects</source>
            <translation>Число проектов</translation>
        </message>
        <message>
            <source>Number of residents</source>
            <translation>Число резидентов</translation>
        </message>
        <message>
            <source>Number of ventures</source>
            <translation>Число предприятий</translation>
        </message>
        <message>
            <source>Declared investment</source>
            <translation>Заявленные инвестиции</translation>
        </message>
        <message>
            <source>Joint venture</source>
            <translation>Совместное предприятие</translation>
        </message>
        <message>
            <source>Foreign-owned</source>
            <translation>Иностранное предприятие</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>План</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Сегодня</translation>
        </message>
        <message>
            <source>{what}, {unit} {currency}</source>
            <translation>{what}, {unit} {currency}</translation>
        </message>
        <message>
            <source>{what}, {currency}</source>
            <translation>{what}, {currency}</translation>
        </message>
        <message>
            <source>thousand</source>
            <translation>тыс.</translation>
        </message>
        <message>
            <source>million</source>
            <translation>млн</translation>
        </message>
        <message>
            <source>billion</source>
            <translation>млрд</translation>
        </message>
    </context>
    <context>
        <name>ChoiceCombo</name>
        <message>
            <source>Choose…</source>
            <translation>Выберите…</translation>
        </message>
    </context>
    <context>
        <name>CompareDialog</name>
        <message>
            <source>Excel workbook (*.xlsx);;CSV (*.csv);;JSON (*.json)</source>
            <translation>Книга Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)</translation>
        </message>
        <message>
            <source>Compare with snapshot</source>
            <translation>Сравнение со срезом</translation>
        </message>
        <message>
            <source>Snapshots (*.xlsx *.json *.sqlite3 *.sqlite *.db);;Excel workbooks (*.xlsx);;JSON files (*.json);;SQLite snapshots (*.sqlite3 *.sqlite *.db);;All files (*)</source>
            <extracomment>Records listed per group in the tree; the saved comparison holds them all.</extracomment>
            <translation>Снимки (*.xlsx *.json *.sqlite3 *.sqlite *.db);;Книги Excel (*.xlsx);;Файлы JSON (*.json);;Снимки SQLite (*.sqlite3 *.sqlite *.db);;Все файлы (*)</translation>
        </message>
        <message>
            <source>Snapshots recorded in {name}:</source>
            <translation>Снимки, записанные в {name}:</translation>
        </message>
        <message>
            <source>Taken</source>
            <translation>Снят</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Формат</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Что</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Кто</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Файл</translation>
        </message>
        <message>
            <source>Compare</source>
            <translation>Сравнить</translation>
        </message>
        <message>
            <source>Other file…</source>
            <translation>Другой файл…</translation>
        </message>
        <message>
            <source>Choose a snapshot above, or an Excel, JSON or SQLite snapshot file</source>
            <translation>Выберите снимок выше или файл снимка Excel, JSON или SQLite</translation>
        </message>
        <message>
            <source>Compared with the open database, {name}.</source>
            <translation>Сравнение с открытой базой данных, {name}.</translation>
        </message>
        <message>
            <source>Record / field</source>
            <translation>Запись / поле</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>Было</translation>
        </message>
        <message>
            <source>After</source>
            <translation>Стало</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Итого</translation>
        </message>
        <message>
            <source>Moved</source>
            <translation>Изменение</translation>
        </message>
        <message>
            <source>Save comparison…</source>
            <translation>Сохранить сравнение…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
        <message>
            <source>{path} is not there any more</source>
            <translation>{path} больше нет на месте</translation>
        </message>
        <message>
            <source>Everything</source>
            <translation>Всё</translation>
        </message>
        <message>
            <source>Earlier snapshot</source>
            <translation>Прежний срез</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>отменено</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Запись</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Изменение</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Поле</translation>
        </message>
        <message>
            <source>added</source>
            <translation>добавлено</translation>
        </message>
        <message>
            <source>removed</source>
            <translation>удалено</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>изменено</translation>
        </message>
        <message>
            <source>total</source>
            <translation>итог</translation>
        </message>
        <message>
            <source>Changes</source>
            <translation>Изменения</translation>
        </message>
        <message>
            <source>Totals</source>
            <translation>Итоги</translation>
        </message>
        <message>
            <source>{kind}: {a} added, {r} removed, {c} changed</source>
            <translation>{kind}: добавлено {a}, удалено {r}, изменено {c}</translation>
        </message>
        <message>
            <source>{old} → {new} (open database): {what}</source>
            <translation>{old} → {new} (открытая база данных): {what}</translation>
        </message>
        <message>
            <source>no differences</source>
            <translation>различий нет</translation>
        </message>
        <message>
            <source>{kind} — {a} added, {r} removed, {c} changed</source>
            <translation>{kind} — добавлено {a}, удалено {r}, изменено {c}</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>Добавлено</translation>
        </message>
        <message>
            <source>Removed</source>
            <translation>Удалено</translation>
        </message>
        <message>
            <source>Changed ({n})</source>
            <translation>Изменено ({n})</translation>
        </message>
        <message>
            <source>committed</source>
            <translation>сумма соглашений</translation>
        </message>
        <message>
            <source>disbursed</source>
            <translation>освоено</translation>
        </message>
        <message>
            <source>declared investment</source>
            <translation>заявленные инвестиции</translation>
        </message>
        <message>
            <source>invested to date</source>
            <translation>инвестировано</translation>
        </message>
        <message>
            <source>charter capital</source>
            <translation>уставный капитал</translation>
        </message>
        <message>
            <source>… and {n} more (save the comparison to see all)</source>
            <translation>… и ещё {n} (сохраните сравнение, чтобы увидеть всё)</translation>
        </message>
        <message>
            <source>Cannot compare: {reason}</source>
            <translation>Сравнение невозможно: {reason}</translation>
        </message>
        <message>
            <source>Save comparison</source>
            <translation>Сохранение сравнения</translation>
        </message>
        <message>
            <source>Cannot save the comparison: {reason}</source>
            <translation>Не удалось сохранить сравнение: {reason}</translation>
        </message>
        <message>
            <source>Comparison saved to {path}</source>
            <translation>Сравнение сохранено: {path}</translation>
        </message>
    </context>
    <context>
        <name>ConnectDialog</name>
        <message>
            <source>Connect to server</source>
            <extracomment>Passwords typed in this dialog, by the URL without password: for this session only (a reopen from the recent list, the welcome screen or File › Open uses them), in memory, never written to the settings or a log.</extracomment>
            <translation>Подключение к серверу</translation>
        </message>
        <message>
            <source>The team's portfolio on a PostgreSQL server. Leave the password empty when your ~/.pgpass or service file holds it; a password typed here is used for this session only and never saved.</source>
            <translation>Общий портфель команды на сервере PostgreSQL. Оставьте пароль пустым, если он есть в вашем ~/.pgpass или файле служб; введённый здесь пароль используется только в этом сеансе и нигде не сохраняется.</translation>
        </message>
        <message>
            <source>localhost (or a socket folder)</source>
            <translation>localhost (или папка сокета)</translation>
        </message>
        <message>
            <source>empty: from ~/.pgpass or the service file</source>
            <translation>пусто: из ~/.pgpass или файла служб</translation>
        </message>
        <message>
            <source>&amp;Host:</source>
            <translation>&amp;Сервер:</translation>
        </message>
        <message>
            <source>&amp;Port:</source>
            <translation>&amp;Порт:</translation>
        </message>
        <message>
            <source>&amp;Database:</source>
            <translation>&amp;База данных:</translation>
        </message>
        <message>
            <source>&amp;User:</source>
            <translation>По&amp;льзователь:</translation>
        </message>
        <message>
            <source>Pass&amp;word:</source>
            <translation>Па&amp;роль:</translation>
        </message>
        <message>
            <source>&amp;Connect</source>
            <translation>По&amp;дключиться</translation>
        </message>
        <message>
            <source>Database: enter the name of the server database.</source>
            <translation>База данных: введите имя базы данных на сервере.</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Подключение…</translation>
        </message>
    </context>
    <context>
        <name>Dashboard</name>
        <message>
            <source>{amount} billion</source>
            <translation>{amount} млрд</translation>
        </message>
        <message>
            <source>{amount} million</source>
            <translation>{amount} млн</translation>
        </message>
        <message>
            <source>{amount} thousand</source>
            <translation>{amount} тыс.</translation>
        </message>
    </context>
    <context>
        <name>DashboardPane</name>
        <message>
            <source>projects</source>
            <extracomment>After the kept pictures are shown, matplotlib and the data load in the background this later. The dashboard's charts, row by row, each with its share of the row's width (the two-panel charts, status and residents, need more of it than the bars of sector and bank); the last is the portfolio's planned against actual disbursement by quarter. Narrower than this, the dashboard shows the first four charts two by two (three to a row would squeeze the bank and sector names) and leaves the plan chart to the Projects view's chart pane. Tables whose writes change something the dashboard shows. Languages that group large numbers by ten thousands (万, 亿) rather than thousands. Number of refreshes done (tests count them). Chart name -&gt; error text of charts that failed on the last refresh.</extracomment>
            <translation>проекты</translation>
        </message>
        <message>
            <source>total financing</source>
            <translation>общее финансирование</translation>
        </message>
        <message>
            <source>disbursed</source>
            <translation>освоено</translation>
        </message>
        <message>
            <source>industrial-park residents</source>
            <translation>резиденты индустриальных парков</translation>
        </message>
        <message>
            <source>joint ventures / foreign-owned</source>
            <translation>совместные / иностранные предприятия</translation>
        </message>
        <message>
            <source>projects by status</source>
            <translation>проекты по статусам</translation>
        </message>
        <message>
            <source>as of {date}</source>
            <extracomment>Per chart, its picture as the dashboard last showed it (tracker.ui.chart_picture), in the host's grid cell until the first live refresh. True while the figures and charts on screen are those kept at the last close. The background warm-up while the pictures are up. Whether the grid is laid out wide (DASHBOARD_GRID) or narrow (NARROW_GRID).</extracomment>
            <translation>на {date}</translation>
        </message>
        <message>
            <source>committed, in {currency}</source>
            <translation>выделено, {currency}</translation>
        </message>
        <message>
            <source>{pct} % of financing</source>
            <translation>{pct} % финансирования</translation>
        </message>
        <message>
            <source>from {countries} countries</source>
            <translation>из {countries} стран</translation>
        </message>
        <message>
            <source>{n} in all zones, from {countries} countries</source>
            <translation>{n} во всех зонах, из {countries} стран</translation>
        </message>
        <message>
            <source>residents of {zone}</source>
            <translation>резиденты: {zone}</translation>
        </message>
        <message numerus="yes">
            <source>%Ln venture(s) with foreign capital</source>
            <translation>
                <numerusform>%Ln предприятие с иностранным капиталом</numerusform>
                <numerusform>%Ln предприятия с иностранным капиталом</numerusform>
                <numerusform>%Ln предприятий с иностранным капиталом</numerusform>
            </translation>
        </message>
        <message>
            <source>{n} under way</source>
            <translation>{n} в работе</translation>
        </message>
    </context>
    <context>
        <name>DateEdit</name>
        <message>
            <source>Delete or Backspace clears the date.</source>
            <extracomment>How a field's error is shown beside it (forms and dialogs). The date a DateEdit shows as empty: the earliest QDateEdit allows, so that real old dates (the fx table's USD base rate is dated 1900-01-01) are shown, not blanked.</extracomment>
            <translation>Delete или Backspace очищает дату.</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <source>Total</source>
            <translation>Итого</translation>
        </message>
        <message>
            <source>{field} code</source>
            <translation>{field}: код</translation>
        </message>
        <message>
            <source>Project name</source>
            <translation>Название проекта</translation>
        </message>
        <message>
            <source>{field}, {currency}</source>
            <translation>{field}, {currency}</translation>
        </message>
        <message>
            <source>Portfolio snapshot as of {date}</source>
            <translation>Снимок портфеля на {date}</translation>
        </message>
        <message>
            <source>Portfolio snapshot</source>
            <translation>Снимок портфеля</translation>
        </message>
        <message>
            <source>all records</source>
            <translation>все записи</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>База данных</translation>
        </message>
        <message>
            <source>As of</source>
            <translation>На дату</translation>
        </message>
        <message>
            <source>Taken at (UTC)</source>
            <translation>Снят (UTC)</translation>
        </message>
        <message>
            <source>Filter</source>
            <translation>Фильтр</translation>
        </message>
        <message>
            <source>Reporting currency</source>
            <translation>Валюта отчёта</translation>
        </message>
        <message>
            <source>Generator</source>
            <translation>Программа</translation>
        </message>
        <message>
            <source>Key figures</source>
            <translation>Основные показатели</translation>
        </message>
        <message>
            <source>Sheets</source>
            <translation>Листы</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Предупреждение</translation>
        </message>
        <message>
            <source>Projects</source>
            <translation>Проекты</translation>
        </message>
        <message>
            <source>Projects: committed</source>
            <translation>Проекты: сумма соглашений</translation>
        </message>
        <message>
            <source>Projects: disbursed</source>
            <translation>Проекты: освоено</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>Резиденты</translation>
        </message>
        <message>
            <source>Residents: declared investment</source>
            <translation>Резиденты: заявленные инвестиции</translation>
        </message>
        <message>
            <source>Residents: invested to date</source>
            <translation>Резиденты: инвестировано</translation>
        </message>
        <message>
            <source>Residents: countries</source>
            <translation>Резиденты: стран</translation>
        </message>
        <message>
            <source>Ventures</source>
            <translation>Предприятия с иностранным капиталом</translation>
        </message>
        <message>
            <source>Ventures: charter capital</source>
            <translation>Предприятия: уставный капитал</translation>
        </message>
        <message>
            <source>Joint ventures</source>
            <translation>Совместные предприятия</translation>
        </message>
        <message>
            <source>Foreign-owned</source>
            <translation>Иностранные предприятия</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Replace the file?</source>
            <extracomment>format key -&gt; (file suffix or '' for a folder)</extracomment>
            <translation>Заменить файл?</translation>
        </message>
        <message>
            <source>{path} exists already. Replace it with this snapshot?</source>
            <translation>{path} уже существует. Заменить его этим снимком?</translation>
        </message>
        <message>
            <source>Excel workbook</source>
            <translation>Книга Excel</translation>
        </message>
        <message>
            <source>CSV files</source>
            <translation>Файлы CSV</translation>
        </message>
        <message>
            <source>JSON file</source>
            <translation>Файл JSON</translation>
        </message>
        <message>
            <source>PDF report</source>
            <translation>Отчёт PDF</translation>
        </message>
        <message>
            <source>SQLite snapshot</source>
            <translation>Снимок SQLite</translation>
        </message>
        <message>
            <source>IATI XML</source>
            <translation>IATI XML</translation>
        </message>
        <message>
            <source>Export snapshot</source>
            <translation>Экспорт среза</translation>
        </message>
        <message>
            <source>Excel workbook (.xlsx)</source>
            <translation>Книга Excel (.xlsx)</translation>
        </message>
        <message>
            <source>CSV files in a .zip</source>
            <translation>Файлы CSV в архиве .zip</translation>
        </message>
        <message>
            <source>CSV files in a folder</source>
            <translation>Файлы CSV в папке</translation>
        </message>
        <message>
            <source>JSON document (.json)</source>
            <translation>Документ JSON (.json)</translation>
        </message>
        <message>
            <source>PDF report (.pdf)</source>
            <translation>Отчёт PDF (.pdf)</translation>
        </message>
        <message>
            <source>SQLite copy of the database</source>
            <translation>Копия базы данных SQLite</translation>
        </message>
        <message>
            <source>IATI 2.03 activity XML (projects)</source>
            <translation>XML IATI 2.03 (проекты)</translation>
        </message>
        <message>
            <source>Format:</source>
            <translation>Формат:</translation>
        </message>
        <message>
            <source>all records</source>
            <translation>все записи</translation>
        </message>
        <message>
            <source>What the table shows: {kind} — {filter}</source>
            <translation>То, что показано в таблице: {kind} — {filter}</translation>
        </message>
        <message>
            <source>Everything (all kinds and reference data)</source>
            <translation>Всё (все виды записей и справочники)</translation>
        </message>
        <message>
            <source>What:</source>
            <translation>Что:</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Обзор…</translation>
        </message>
        <message>
            <source>Save to:</source>
            <translation>Сохранить в:</translation>
        </message>
        <message>
            <source>e.g. XM-DAC-41114</source>
            <translation>например, XM-DAC-41114</translation>
        </message>
        <message>
            <source>Identifier:</source>
            <translation>Идентификатор:</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Название:</translation>
        </message>
        <message>
            <source>Type:</source>
            <translation>Тип:</translation>
        </message>
        <message>
            <source>Leave both empty to write the placeholder {ref}; IATI's registry will not accept it.</source>
            <translation>Оставьте оба поля пустыми, чтобы записать заглушку {ref}; реестр IATI её не примет.</translation>
        </message>
        <message>
            <source>Reporting organisation:</source>
            <translation>Отчитывающаяся организация:</translation>
        </message>
        <message>
            <source>Open file</source>
            <translation>Открыть файл</translation>
        </message>
        <message>
            <source>Open folder</source>
            <translation>Открыть папку</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Экспорт</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
        <message>
            <source>A SQLite copy always holds the whole database.</source>
            <translation>Копия SQLite всегда содержит всю базу данных.</translation>
        </message>
        <message>
            <source>IATI XML holds projects only.</source>
            <translation>XML IATI содержит только проекты.</translation>
        </message>
        <message>
            <source>The report shows the projects the filter selects.</source>
            <translation>В отчёт попадают проекты, выбранные фильтром.</translation>
        </message>
        <message>
            <source>Folder for the CSV files</source>
            <translation>Папка для файлов CSV</translation>
        </message>
        <message>
            <source>{name} (*{suffix})</source>
            <translation>{name} (*{suffix})</translation>
        </message>
        <message>
            <source>Choose where to save the snapshot.</source>
            <translation>Выберите, куда сохранить срез.</translation>
        </message>
        <message>
            <source>PDF export is not available: the report module is not installed.</source>
            <translation>Экспорт в PDF недоступен: модуль отчётов не установлен.</translation>
        </message>
        <message>
            <source>Reporting organisation identifier</source>
            <translation>Идентификатор отчитывающейся организации</translation>
        </message>
        <message>
            <source>Reporting organisation name</source>
            <translation>Название отчитывающейся организации</translation>
        </message>
        <message>
            <source>Reporting organisation type</source>
            <translation>Тип отчитывающейся организации</translation>
        </message>
        <message>
            <source>cancelled; no file was written.</source>
            <translation>отменено; файл не записан.</translation>
        </message>
        <message>
            <source>sha256 {sha256}</source>
            <translation>sha256 {sha256}</translation>
        </message>
        <message>
            <source>{format} written to {path}: {rows} rows ({parts}) in {seconds} s</source>
            <translation>{format} — записано в {path}: строк {rows} ({parts}) за {seconds} с</translation>
        </message>
        <message>
            <source>none</source>
            <translation>нет</translation>
        </message>
        <message>
            <source>; recorded as snapshot #{id}</source>
            <translation>; записан как снимок №{id}</translation>
        </message>
        <message>
            <source>; not recorded in snapshots</source>
            <translation>; не записан в список снимков</translation>
        </message>
        <message>
            <source>Nothing was exported: {reason}</source>
            <translation>Ничего не экспортировано: {reason}</translation>
        </message>
    </context>
    <context>
        <name>ExtrasTabs</name>
        <message>
            <source>Updates</source>
            <extracomment>A brief of at most this many projects at once (a page takes about 0.3 s to draw). The last brief's print preview and PDF file (set when they are ready).</extracomment>
            <translation>Обновления</translation>
        </message>
        <message>
            <source>Plan</source>
            <translation>План</translation>
        </message>
        <message>
            <source>Changes</source>
            <translation>Изменения</translation>
        </message>
        <message>
            <source>Brief…</source>
            <translation>Справка…</translation>
        </message>
        <message>
            <source>Print preview of the project's one-page brief</source>
            <translation>Предпросмотр одностраничной справки по проекту</translation>
        </message>
        <message>
            <source>Brief PDF…</source>
            <translation>Справка в PDF…</translation>
        </message>
        <message>
            <source>Brief</source>
            <translation>Справка</translation>
        </message>
        <message>
            <source>{n} projects are selected; a brief is made of at most {max} at a time. Select fewer.</source>
            <translation>Выбрано проектов: {n}; справка делается не более чем по {max} за раз. Выберите меньше.</translation>
        </message>
        <message>
            <source>Save brief as PDF</source>
            <translation>Сохранить справку в PDF</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message numerus="yes">
            <source>Brief written: {file} (%n page(s))</source>
            <translation>
                <numerusform>Справка записана: {file} (%n страница)</numerusform>
                <numerusform>Справка записана: {file} (%n страницы)</numerusform>
                <numerusform>Справка записана: {file} (%n страниц)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Field</name>
        <message>
            <source>Code</source>
            <translation>Код</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Название</translation>
        </message>
        <message>
            <source>Sector</source>
            <translation>Отрасль</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Регион</translation>
        </message>
        <message>
            <source>Bank</source>
            <translation>Банк</translation>
        </message>
        <message>
            <source>Borrower</source>
            <translation>Заёмщик</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Сумма</translation>
        </message>
        <message>
            <source>Currency</source>
            <translation>Валюта</translation>
        </message>
        <message>
            <source>Disbursed</source>
            <translation>Освоено</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Agreement date</source>
            <translation>Дата кредитного соглашения</translation>
        </message>
        <message>
            <source>Start date</source>
            <translation>Дата начала</translation>
        </message>
        <message>
            <source>Planned end</source>
            <translation>Плановое окончание</translation>
        </message>
        <message>
            <source>Actual end</source>
            <translation>Фактическое окончание</translation>
        </message>
        <message>
            <source>Progress, %</source>
            <translation>Готовность, %</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Описание</translation>
        </message>
        <message>
            <source>Interest rate, %</source>
            <translation>Процентная ставка, %</translation>
        </message>
        <message>
            <source>Maturity, years</source>
            <translation>Срок кредита, лет</translation>
        </message>
        <message>
            <source>Grace period, years</source>
            <translation>Льготный период, лет</translation>
        </message>
        <message>
            <source>Zone</source>
            <translation>Зона</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>Страна</translation>
        </message>
        <message>
            <source>Registered on</source>
            <translation>Дата регистрации</translation>
        </message>
        <message>
            <source>Declared investment</source>
            <translation>Заявленные инвестиции</translation>
        </message>
        <message>
            <source>Invested to date</source>
            <translation>Инвестировано на дату</translation>
        </message>
        <message>
            <source>Jobs planned</source>
            <translation>Рабочих мест (план)</translation>
        </message>
        <message>
            <source>Jobs created</source>
            <translation>Рабочих мест создано</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Примечания</translation>
        </message>
        <message>
            <source>Foreign partner</source>
            <translation>Иностранный партнёр</translation>
        </message>
        <message>
            <source>Partner country</source>
            <translation>Страна партнёра</translation>
        </message>
        <message>
            <source>Local partner</source>
            <translation>Белорусский партнёр</translation>
        </message>
        <message>
            <source>Foreign share, %</source>
            <translation>Доля иностранного капитала, %</translation>
        </message>
        <message>
            <source>Charter capital</source>
            <translation>Уставный фонд</translation>
        </message>
        <message>
            <source>Established on</source>
            <translation>Дата создания</translation>
        </message>
        <message>
            <source>Project</source>
            <translation>Проект</translation>
        </message>
        <message>
            <source>As of</source>
            <translation>На дату</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Примечание</translation>
        </message>
        <message>
            <source>Author</source>
            <translation>Автор</translation>
        </message>
        <message>
            <source>Planned date</source>
            <translation>Плановая дата</translation>
        </message>
        <message>
            <source>Planned amount</source>
            <translation>Плановая сумма</translation>
        </message>
        <message>
            <source>Short name</source>
            <translation>Краткое название</translation>
        </message>
        <message>
            <source>Name (English)</source>
            <translation>Название (англ.)</translation>
        </message>
        <message>
            <source>Name (Russian)</source>
            <translation>Название (рус.)</translation>
        </message>
        <message>
            <source>Name (Chinese)</source>
            <translation>Название (кит.)</translation>
        </message>
        <message>
            <source>DAC 5-digit CRS code</source>
            <translation>Код CRS ОЭСР (5 цифр)</translation>
        </message>
        <message>
            <source>OECD DAC CRS purpose code of the sector (IATI sector vocabulary 1), like 23310; the IATI export writes it</source>
            <translation>Код назначения CRS ОЭСР для отрасли (словарь отраслей IATI 1), например 23310; его записывает выгрузка IATI</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>Units per USD</source>
            <translation>Единиц за 1 USD</translation>
        </message>
        <message>
            <source>Disbursed of plan, %</source>
            <extracomment>A background order starts after the first page is painted, or after this long. The view stood still this long: the pages around the shown ones are read then. Columns the table shows per main kind (reference kinds show all their fields): what identifies a record, its status and money first, so they are in view without scrolling. A derived column of ventures that is not an editable field. Columns of projects computed per page, not stored (tracker.services.project_columns): disbursed as a share of the plan due so far, and why the project needs attention.</extracomment>
            <translation>Выплачено от плана, %</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>Требует внимания</translation>
        </message>
    </context>
    <context>
        <name>FormPane</name>
        <message>
            <source>Unsaved changes</source>
            <extracomment>Labels wider than this many average characters wrap onto a second line.</extracomment>
            <translation>Несохранённые изменения</translation>
        </message>
        <message>
            <source>New</source>
            <extracomment>Emitted after a successful save/create with the record's primary key. Emitted when the form starts or stops holding unsaved edits. Emitted when what Save/Revert/Delete may do changes (record loaded, new, dirty).</extracomment>
            <translation>Создать</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Сохранить</translation>
        </message>
        <message>
            <source>Revert</source>
            <translation>Вернуть</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Invalid stored value {value}: {why}. Enter a correct one.</source>
            <translation>Недопустимое сохранённое значение {value}: {why}. Введите правильное.</translation>
        </message>
        <message>
            <source>New {what}</source>
            <translation>Новая запись: {what}</translation>
        </message>
        <message>
            <source>No record selected</source>
            <translation>Запись не выбрана</translation>
        </message>
        <message>
            <source>opened read-only</source>
            <translation>открыт только для чтения</translation>
        </message>
        <message>
            <source>Editing is off: {reason}.</source>
            <translation>Редактирование недоступно: {reason}.</translation>
        </message>
        <message>
            <source>This record is not in the table any more (search or filter); save or revert your edits.</source>
            <translation>Этой записи больше нет в таблице (поиск или фильтр); сохраните или отмените изменения.</translation>
        </message>
        <message>
            <source>Edit {what} of {record}</source>
            <translation>Изменить {what}: {record}</translation>
        </message>
        <message>
            <source>Record gone</source>
            <translation>Запись удалена</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Не сохранено</translation>
        </message>
        <message>
            <source>This record was changed by someone else since you opened it; nothing was overwritten.

{detail}

Reload it now (your edits are dropped)?</source>
            <translation>После того как вы открыли запись, её изменил другой пользователь; ничего не перезаписано.

{detail}

Загрузить запись заново (ваши правки будут отброшены)?</translation>
        </message>
        <message>
            <source>Not saved: changed by someone else.</source>
            <translation>Не сохранено: запись изменена другим пользователем.</translation>
        </message>
        <message>
            <source>Changed by someone else</source>
            <translation>Изменено другим пользователем</translation>
        </message>
        <message>
            <source>Delete {what} “{record}”? (Edit ▸ Undo brings it back.)</source>
            <translation>Удалить {what} «{record}»? (Правка ▸ Отменить вернёт запись.)</translation>
        </message>
        <message>
            <source>Delete record</source>
            <translation>Удаление записи</translation>
        </message>
        <message>
            <source>Delete {record}</source>
            <translation>Удалить {record}</translation>
        </message>
        <message>
            <source>Not deleted</source>
            <translation>Не удалено</translation>
        </message>
        <message>
            <source>the new record</source>
            <translation>новая запись</translation>
        </message>
        <message>
            <source>{what} has unsaved changes. Save them?</source>
            <translation>{what}: есть несохранённые изменения. Сохранить их?</translation>
        </message>
    </context>
    <context>
        <name>HistoryPane</name>
        <message>
            <source>Update history</source>
            <extracomment>The updates shown, newest first (rows of project_updates).</extracomment>
            <translation>История обновлений</translation>
        </message>
        <message>
            <source>Add update…</source>
            <translation>Добавить обновление…</translation>
        </message>
        <message>
            <source>As of</source>
            <translation>На дату</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Готовность</translation>
        </message>
        <message>
            <source>Disbursed</source>
            <translation>Освоено</translation>
        </message>
        <message>
            <source>Entered by {author} at {at}</source>
            <translation>Внёс(ла) {author}, {at}</translation>
        </message>
        <message>
            <source>Disbursed, {currency}</source>
            <translation>Освоено, {currency}</translation>
        </message>
        <message>
            <source>Update history ({n})</source>
            <translation>История обновлений ({n})</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Spreadsheets and data (*.csv *.xlsx *.json);;All files (*)</source>
            <extracomment>Rows shown in the preview; every problem is listed whatever the file's size. Preview rows filled per turn of the event loop.</extracomment>
            <translation>Таблицы и данные (*.csv *.xlsx *.json);;Все файлы (*)</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Импорт</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>Файл:</translation>
        </message>
        <message>
            <source>Choose a CSV, XLSX or JSON file</source>
            <translation>Выберите файл CSV, XLSX или JSON</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Выбрать…</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>Вид:</translation>
        </message>
        <message>
            <source>Projects</source>
            <translation>Проекты</translation>
        </message>
        <message>
            <source>Project updates</source>
            <translation>Обновления проектов</translation>
        </message>
        <message>
            <source>Disbursement plans</source>
            <translation>Планы освоения</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>Резиденты</translation>
        </message>
        <message>
            <source>Joint ventures</source>
            <translation>Предприятия</translation>
        </message>
        <message>
            <source>Banks</source>
            <translation>Банки</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>Зоны</translation>
        </message>
        <message>
            <source>FX rates</source>
            <translation>Курсы валют</translation>
        </message>
        <message>
            <source>Choose a file to see what it holds.</source>
            <translation>Выберите файл, чтобы увидеть его содержимое.</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Ошибки</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Строка</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>Столбец</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>Правило</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
        <message>
            <source>Importing is off: {reason}.</source>
            <translation>Импорт недоступен: {reason}.</translation>
        </message>
        <message>
            <source>Import a file</source>
            <translation>Импорт файла</translation>
        </message>
        <message>
            <source>Stopped after {problems} problems at row {row} of {last}; nothing was imported.</source>
            <translation>Проверка остановлена после {problems} ошибок на строке {row} из {last}; ничего не импортировано.</translation>
        </message>
        <message>
            <source>{file} cannot be imported: {problem}.</source>
            <translation>{file} нельзя импортировать: {problem}.</translation>
        </message>
        <message>
            <source>{problems} problem(s) in {bad} of {rows} rows of {file}; nothing was imported.</source>
            <translation>Ошибок: {problems} в {bad} из {rows} строк файла {file}; ничего не импортировано.</translation>
        </message>
        <message>
            <source>{rows} rows of {file}: {new} new, {changed} changed, {same} unchanged ({source}).</source>
            <translation>Строк в {file}: {rows}; новых: {new}, изменённых: {changed}, без изменений: {same} ({source}).</translation>
        </message>
        <message>
            <source>Problems: {n}</source>
            <translation>Ошибок: {n}</translation>
        </message>
        <message>
            <source>Nothing to import: every row is already in the database.</source>
            <translation>Нечего импортировать: все строки уже есть в базе данных.</translation>
        </message>
        <message>
            <source>Import {file}</source>
            <translation>Импорт {file}</translation>
        </message>
        <message>
            <source>Import refused</source>
            <translation>Импорт отклонён</translation>
        </message>
        <message>
            <source>Imported {new} new and {changed} changed rows from {file}. Edit › Undo takes the whole import back.</source>
            <translation>Из {file} импортировано новых строк: {new}, изменённых: {changed}. Правка › Отменить отменяет весь импорт.</translation>
        </message>
        <message>
            <source>Import cancelled; nothing was written.</source>
            <translation>Импорт отменён; ничего не записано.</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Действие</translation>
        </message>
        <message>
            <source>new</source>
            <translation>новая</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>изменена</translation>
        </message>
        <message>
            <source>unchanged</source>
            <translation>без изменений</translation>
        </message>
        <message>
            <source>error</source>
            <translation>ошибка</translation>
        </message>
        <message>
            <source>changes the stored value</source>
            <translation>меняет сохранённое значение</translation>
        </message>
    </context>
    <context>
        <name>IntegrityCheck</name>
        <message>
            <source>Integrity check</source>
            <extracomment>The problems found (an empty list: the file is healthy). The check finished: the problems (possibly none), or None if it could not run. Stored values that break the rules (services.row_check), said before ``finished``.</extracomment>
            <translation>Проверка целостности</translation>
        </message>
    </context>
    <context>
        <name>Kind</name>
        <message>
            <source>Projects</source>
            <translation>Проекты</translation>
        </message>
        <message>
            <source>Project</source>
            <translation>Проект</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>Резиденты</translation>
        </message>
        <message>
            <source>Resident</source>
            <translation>Резидент</translation>
        </message>
        <message>
            <source>Joint ventures</source>
            <translation>Предприятия с иностранным капиталом</translation>
        </message>
        <message>
            <source>Venture</source>
            <translation>Предприятие</translation>
        </message>
        <message>
            <source>Project updates</source>
            <translation>Обновления проектов</translation>
        </message>
        <message>
            <source>Update</source>
            <translation>Обновление</translation>
        </message>
        <message>
            <source>Disbursement plans</source>
            <translation>Планы освоения</translation>
        </message>
        <message>
            <source>Planned disbursement</source>
            <translation>Плановое освоение</translation>
        </message>
        <message>
            <source>Banks</source>
            <translation>Банки</translation>
        </message>
        <message>
            <source>Bank</source>
            <translation>Банк</translation>
        </message>
        <message>
            <source>Countries</source>
            <translation>Страны</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>Страна</translation>
        </message>
        <message>
            <source>Sectors</source>
            <translation>Отрасли</translation>
        </message>
        <message>
            <source>Sector</source>
            <translation>Отрасль</translation>
        </message>
        <message>
            <source>Regions</source>
            <translation>Регионы</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Регион</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>Зоны</translation>
        </message>
        <message>
            <source>Zone</source>
            <translation>Зона</translation>
        </message>
        <message>
            <source>FX rates</source>
            <translation>Курсы валют</translation>
        </message>
        <message>
            <source>FX rate</source>
            <translation>Курс валюты</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Views</source>
            <extracomment>The navigation's views, in order (tracker.ui.keeping_views finds its own by name). The window now works on another Store (the file was reopened after a restore). Set by the --smoke run, which must leave the person's settings alone. The background integrity check after the first paint (off for the --smoke run). Stored values breaking the rules, table -&gt; pk -&gt; column -&gt; why (start-up check).</extracomment>
            <translation>Разделы</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Сводка</translation>
        </message>
        <message>
            <source>Projects</source>
            <translation>Проекты</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>Резиденты</translation>
        </message>
        <message>
            <source>Joint ventures</source>
            <translation>Предприятия</translation>
        </message>
        <message>
            <source>Reference data</source>
            <translation>Справочники</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>Требует внимания</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>Журнал изменений</translation>
        </message>
        <message>
            <source>Investment Tracker — {file}</source>
            <translation>Мониторинг инвестиций — {file}</translation>
        </message>
        <message>
            <source>[read-only]</source>
            <translation>[только чтение]</translation>
        </message>
        <message>
            <source>&amp;New record</source>
            <translation>&amp;Новая запись</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Сохранить</translation>
        </message>
        <message>
            <source>&amp;Revert</source>
            <translation>&amp;Вернуть</translation>
        </message>
        <message>
            <source>&amp;Delete record…</source>
            <translation>&amp;Удалить запись…</translation>
        </message>
        <message>
            <source>Add &amp;update…</source>
            <translation>Добавить &amp;обновление…</translation>
        </message>
        <message>
            <source>Update &amp;round…</source>
            <translation>&amp;Сбор обновлений…</translation>
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation>&amp;Импорт…</translation>
        </message>
        <message>
            <source>&amp;Export snapshot…</source>
            <translation>&amp;Экспорт среза…</translation>
        </message>
        <message>
            <source>&amp;Compare with snapshot…</source>
            <translation>С&amp;равнить со срезом…</translation>
        </message>
        <message>
            <source>Print &amp;chart…</source>
            <translation>Печать &amp;диаграммы…</translation>
        </message>
        <message>
            <source>Print re&amp;port…</source>
            <translation>Печать &amp;отчёта…</translation>
        </message>
        <message>
            <source>Print brie&amp;f…</source>
            <translation>Печать &amp;справки…</translation>
        </message>
        <message>
            <source>The selected projects' one-page briefs, a page each</source>
            <translation>Одностраничные справки по выбранным проектам, по странице на проект</translation>
        </message>
        <message>
            <source>Brief as P&amp;DF…</source>
            <translation>Справка в P&amp;DF…</translation>
        </message>
        <message>
            <source>The selected projects' briefs in one PDF, a page each</source>
            <translation>Справки по выбранным проектам в одном PDF, по странице на проект</translation>
        </message>
        <message>
            <source>&amp;Backups…</source>
            <translation>&amp;Резервные копии…</translation>
        </message>
        <message>
            <source>&amp;Repair database…</source>
            <translation>&amp;Восстановить схему базы…</translation>
        </message>
        <message>
            <source>Se&amp;ttings…</source>
            <translation>&amp;Настройки…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>В&amp;ыход</translation>
        </message>
        <message>
            <source>&amp;Find</source>
            <translation>&amp;Найти</translation>
        </message>
        <message>
            <source>&amp;About Investment Tracker</source>
            <translation>&amp;О программе</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Отменить</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Повторить</translation>
        </message>
        <message>
            <source>&amp;Dashboard</source>
            <translation>&amp;Сводка</translation>
        </message>
        <message>
            <source>&amp;Projects</source>
            <translation>&amp;Проекты</translation>
        </message>
        <message>
            <source>&amp;Residents</source>
            <translation>&amp;Резиденты</translation>
        </message>
        <message>
            <source>&amp;Joint ventures</source>
            <translation>Пр&amp;едприятия</translation>
        </message>
        <message>
            <source>Reference &amp;data</source>
            <translation>Спр&amp;авочники</translation>
        </message>
        <message>
            <source>Needs &amp;attention</source>
            <translation>Требует &amp;внимания</translation>
        </message>
        <message>
            <source>Audit &amp;log</source>
            <translation>&amp;Журнал изменений</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Правка</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Вид</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Справка</translation>
        </message>
        <message>
            <source>opened read-only</source>
            <translation>открыт только для чтения</translation>
        </message>
        <message>
            <source>Read-only: {reason}</source>
            <translation>Только чтение: {reason}</translation>
        </message>
        <message>
            <source>Undone: {what} · Redo: {key}</source>
            <translation>Отменено: {what} · Повторить: {key}</translation>
        </message>
        <message>
            <source>Redone: {what} · Undo: {key}</source>
            <translation>Повторено: {what} · Отменить: {key}</translation>
        </message>
        <message>
            <source>Saved: {what} · Undo: {key}</source>
            <translation>Сохранено: {what} · Отменить: {key}</translation>
        </message>
        <message>
            <source>On a network share: keep the file on this computer</source>
            <translation>Файл в сетевой папке: храните его на этом компьютере</translation>
        </message>
        <message>
            <source>{path} is on a network share. SQLite needs the file on one computer; two computers writing to it over the network can damage it. Copy it to a local disk, or ask for the shared server database.</source>
            <translation>{path} находится в сетевой папке. SQLite требует, чтобы файл был на одном компьютере: запись в него с двух компьютеров по сети может его повредить. Скопируйте файл на локальный диск или запросите общую серверную базу данных.</translation>
        </message>
        <message>
            <source>The file is damaged: open File › Backups…</source>
            <translation>Файл повреждён: откройте Файл › Резервные копии…</translation>
        </message>
        <message>
            <source>(and {n} more problems)</source>
            <translation>(и ещё проблем: {n})</translation>
        </message>
        <message>
            <source>The integrity check found damage in {name}:

{detail}

Edits may be lost or refused. Open Backups… to restore a copy now?</source>
            <translation>Проверка целостности обнаружила повреждения в {name}:

{detail}

Правки могут быть потеряны или отклонены. Открыть «Резервные копии…», чтобы восстановить копию сейчас?</translation>
        </message>
        <message>
            <source>The database is damaged</source>
            <translation>База данных повреждена</translation>
        </message>
        <message>
            <source>{n} stored values break the rules (marked ⚠ in the tables)</source>
            <translation>Сохранённых значений, нарушающих правила: {n} (отмечены ⚠ в таблицах)</translation>
        </message>
        <message>
            <source>Automatic backup failed</source>
            <translation>Автоматическая резервная копия не создана</translation>
        </message>
        <message>
            <source>Repair database</source>
            <translation>Восстановление базы данных</translation>
        </message>
        <message>
            <source>{name} holds only what this program makes: there is nothing to repair.</source>
            <translation>{name} содержит только то, что создаёт эта программа: восстанавливать нечего.</translation>
        </message>
        <message>
            <source>{name} holds database objects this program did not make:

{listed}

Remove them? A backup of the file as it is is made first; the records are kept.</source>
            <translation>{name} содержит объекты базы данных, которые не создавала эта программа:

{listed}

Удалить их? Сначала будет сделана резервная копия файла в нынешнем виде; записи сохранятся.</translation>
        </message>
        <message>
            <source>{name} was repaired; the file as it was is kept as {backup}.</source>
            <translation>{name} восстановлен; файл в прежнем виде сохранён как {backup}.</translation>
        </message>
        <message>
            <source>Cannot reopen the database</source>
            <translation>Не удалось заново открыть базу данных</translation>
        </message>
        <message>
            <source>{name} was reopened after the restore.</source>
            <translation>{name} открыт заново после восстановления.</translation>
        </message>
        <message>
            <source>the report</source>
            <translation>отчёт</translation>
        </message>
        <message>
            <source>Print report</source>
            <translation>Печать отчёта</translation>
        </message>
    </context>
    <context>
        <name>MappingPanel</name>
        <message>
            <source>Columns this kind of record does not have: map each to a field</source>
            <translation>Столбцы, которых нет у этого вида записей: сопоставьте каждый с полем</translation>
        </message>
        <message>
            <source>The mapping is remembered for the next file with the same headers.</source>
            <translation>Сопоставление запоминается для следующего файла с теми же заголовками.</translation>
        </message>
        <message>
            <source>Use this mapping</source>
            <translation>Применить сопоставление</translation>
        </message>
        <message>
            <source>(skip this column)</source>
            <translation>(пропустить столбец)</translation>
        </message>
        <message>
            <source>Mapping not kept</source>
            <translation>Сопоставление не сохранено</translation>
        </message>
    </context>
    <context>
        <name>Operations</name>
        <message>
            <source>Reading the file</source>
            <translation>Чтение файла</translation>
        </message>
        <message>
            <source>Checking rows</source>
            <translation>Проверка строк</translation>
        </message>
        <message>
            <source>Writing rows</source>
            <translation>Запись строк</translation>
        </message>
        <message>
            <source>Saving</source>
            <translation>Сохранение</translation>
        </message>
        <message>
            <source>Copying</source>
            <translation>Копирование</translation>
        </message>
        <message>
            <source>Checking the file</source>
            <translation>Проверка файла</translation>
        </message>
        <message>
            <source>Adding up</source>
            <translation>Подсчёт итогов</translation>
        </message>
        <message>
            <source>Cancelled; nothing was changed.</source>
            <extracomment>Background writes run one at a time. Background reads at once (more would only queue for the two cores and the GIL). Idle read-only connections kept per open file (by the window's store and its path): the next query reuses one, with its caches (the footer's sums read the chart cube once).</extracomment>
            <translation>Отменено; ничего не изменено.</translation>
        </message>
        <message>
            <source>Not done</source>
            <translation>Не выполнено</translation>
        </message>
    </context>
    <context>
        <name>PlanPanel</name>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Сумма</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Примечание</translation>
        </message>
        <message>
            <source>Add row</source>
            <translation>Добавить строку</translation>
        </message>
        <message>
            <source>Remove row</source>
            <translation>Удалить строку</translation>
        </message>
        <message>
            <source>Save plan</source>
            <translation>Сохранить план</translation>
        </message>
        <message>
            <source>Amount, {currency}</source>
            <translation>Сумма, {currency}</translation>
        </message>
        <message>
            <source>Planned in total: {amount} {currency}</source>
            <translation>Всего по плану: {amount} {currency}</translation>
        </message>
        <message>
            <source>Save disbursement plan</source>
            <translation>Сохранение плана освоения</translation>
        </message>
        <message>
            <source>Row {n}</source>
            <translation>Строка {n}</translation>
        </message>
    </context>
    <context>
        <name>Printing</name>
        <message>
            <source>The printer could not be opened for painting.</source>
            <translation>Не удалось открыть принтер для печати.</translation>
        </message>
        <message>
            <source>{db} · as of {date} · printed {at} by {user}</source>
            <translation>{db} · на {date} · напечатано {at}, {user}</translation>
        </message>
        <message>
            <source>Print chart</source>
            <translation>Печать диаграммы</translation>
        </message>
        <message>
            <source>Print report</source>
            <translation>Печать отчёта</translation>
        </message>
    </context>
    <context>
        <name>ProgressPanel</name>
        <message>
            <source>Cancel</source>
            <extracomment>While work runs in the background, a thread waiting for the interpreter's lock (the window's, for its next event) gets it after this long instead of Python's 5 ms. Runs before the Change is announced (an undo entry goes on the stack first).</extracomment>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>Выполняется</translation>
        </message>
        <message>
            <source>{what}: {done} of {total}</source>
            <translation>{what}: {done} из {total}</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Отмена…</translation>
        </message>
        <message>
            <source>too late to cancel: saving</source>
            <translation>отменить уже нельзя: идёт сохранение</translation>
        </message>
    </context>
    <context>
        <name>ReferencePage</name>
        <message>
            <source>&amp;Reference table:</source>
            <extracomment>Navigation entries, in order: (view name, label). Charts start after the first paint; at the latest this long after the window is shown. The integrity check waits this long after the first paint (the first charts come first).</extracomment>
            <translation>&amp;Справочник:</translation>
        </message>
    </context>
    <context>
        <name>Report</name>
        <message>
            <source>All records</source>
            <translation>Все записи</translation>
        </message>
        <message>
            <source>Portfolio report</source>
            <translation>Отчёт по портфелю</translation>
        </message>
        <message>
            <source>Key figures</source>
            <translation>Основные показатели</translation>
        </message>
        <message>
            <source>Charts</source>
            <translation>Диаграммы</translation>
        </message>
        <message>
            <source>{kind}: {conditions}</source>
            <translation>{kind}: {conditions}</translation>
        </message>
        <message>
            <source>Projects</source>
            <translation>Проекты</translation>
        </message>
        <message>
            <source>Total financing (committed)</source>
            <translation>Общее финансирование (выделено)</translation>
        </message>
        <message>
            <source>Disbursed</source>
            <translation>Освоено</translation>
        </message>
        <message>
            <source>Residents of industrial parks</source>
            <translation>Резиденты индустриальных парков</translation>
        </message>
        <message>
            <source>Ventures with foreign capital</source>
            <translation>Предприятия с иностранным капиталом</translation>
        </message>
        <message>
            <source>The printer or PDF file could not be opened for painting.</source>
            <extracomment>The charts a report shows, in this order (all of them). Fonts in order of preference; Qt falls back through fontconfig for other scripts. What a line never breaks inside: a run of non-space text, except that CJK breaks anywhere. The one family a chart's SVG text asks for: an alias of :data:`FONT_FAMILIES` (QtSvg takes a single family name, and Qt's own fallback would pick the JP face for Chinese).</extracomment>
            <translation>Не удалось открыть принтер или файл PDF для печати.</translation>
        </message>
        <message>
            <source>Portfolio report — {db}</source>
            <translation>Отчёт по портфелю — {db}</translation>
        </message>
        <message>
            <source>as of {date}</source>
            <extracomment>After a start-up picture is shown, matplotlib and the chart data are loaded in the background this much later (so the first filter change draws at once). ``picture_key`` while a picture drawn in the background is shown (it is not kept on disk). A picture drawn in the background is drawn again this long after the last resize. Charts that show single projects, so the selected one matters to them. Reference tables whose names or rates appear in charts of every kind. Fallback when tracker.services.chart_data does not list a kind.</extracomment>
            <translation>на {date}</translation>
        </message>
        <message>
            <source>Generated {at} by {user}</source>
            <translation>Сформирован {at}, {user}</translation>
        </message>
        <message>
            <source>Page {n} of {total}</source>
            <translation>Страница {n} из {total}</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>База данных</translation>
        </message>
        <message>
            <source>As of</source>
            <translation>На дату</translation>
        </message>
        <message>
            <source>Filter used</source>
            <translation>Фильтр</translation>
        </message>
        <message>
            <source>Reporting currency</source>
            <translation>Валюта отчёта</translation>
        </message>
        <message>
            <source>Generated</source>
            <translation>Сформирован</translation>
        </message>
        <message>
            <source>Generated by</source>
            <translation>Кем сформирован</translation>
        </message>
        <message>
            <source>No records.</source>
            <translation>Записей нет.</translation>
        </message>
        <message>
            <source>The first {n} of {total} records are shown; export to XLSX or CSV for all of them.</source>
            <translation>Показаны первые {n} из {total} записей; для всех записей выполните экспорт в XLSX или CSV.</translation>
        </message>
        <message>
            <source>Kind of venture</source>
            <translation>Вид предприятия</translation>
        </message>
        <message>
            <source>Foreign investment portfolio as of {date}</source>
            <translation>Портфель иностранных инвестиций на {date}</translation>
        </message>
        <message>
            <source>{amount} ({pct} % of financing)</source>
            <translation>{amount} ({pct} % финансирования)</translation>
        </message>
        <message>
            <source>{n} from {countries} countries</source>
            <translation>{n} из {countries} стран</translation>
        </message>
        <message>
            <source>{n}: {jv} joint ventures, {fo} foreign-owned</source>
            <translation>{n}: совместных предприятий — {jv}, иностранных предприятий — {fo}</translation>
        </message>
        <message>
            <source>{table} (continued)</source>
            <translation>{table} (продолжение)</translation>
        </message>
        <message>
            <source>search “{text}”</source>
            <translation>поиск «{text}»</translation>
        </message>
        <message>
            <source>Residents in {zone}</source>
            <translation>Резиденты: {zone}</translation>
        </message>
        <message>
            <source>{n} selected records</source>
            <translation>выбрано записей: {n}</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <extracomment>Emitted after a successful save. The chosen language changed and the user wants the window rebuilt now.</extracomment>
            <translation>Настройки</translation>
        </message>
        <message>
            <source>System default ({language})</source>
            <translation>Как в системе ({language})</translation>
        </message>
        <message>
            <source>Written beside every change in the audit log</source>
            <translation>Записывается рядом с каждым изменением в журнале аудита</translation>
        </message>
        <message>
            <source>Beside the database</source>
            <translation>Рядом с базой данных</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Язык:</translation>
        </message>
        <message>
            <source>Reporting &amp;currency:</source>
            <translation>&amp;Валюта отчётов:</translation>
        </message>
        <message>
            <source>&amp;Your name in the audit log:</source>
            <translation>&amp;Ваше имя в журнале аудита:</translation>
        </message>
        <message>
            <source>&amp;Backup folder:</source>
            <translation>Папка &amp;резервных копий:</translation>
        </message>
        <message>
            <source>Backups to &amp;keep:</source>
            <translation>&amp;Хранить копий:</translation>
        </message>
        <message>
            <source>&amp;Export folder:</source>
            <translation>Папка &amp;экспорта:</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Обзор…</translation>
        </message>
        <message>
            <source>Choose a folder</source>
            <translation>Выберите папку</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Язык</translation>
        </message>
        <message>
            <source>Rebuild the window now in the new language? Unsaved edits in the form are kept only if you save them first.</source>
            <translation>Перестроить окно на новом языке сейчас? Несохранённые правки в форме сохранятся, только если сначала сохранить их.</translation>
        </message>
    </context>
    <context>
        <name>Sheet</name>
        <message>
            <source>Summary</source>
            <translation>Сводка</translation>
        </message>
        <message>
            <source>Projects</source>
            <translation>Проекты</translation>
        </message>
        <message>
            <source>Updates</source>
            <translation>Обновления</translation>
        </message>
        <message>
            <source>Disbursement plans</source>
            <translation>Планы освоения</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>Резиденты</translation>
        </message>
        <message>
            <source>Joint ventures</source>
            <translation>Предприятия с ин. капиталом</translation>
        </message>
        <message>
            <source>Banks</source>
            <translation>Банки</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>Зоны</translation>
        </message>
        <message>
            <source>FX rates</source>
            <translation>Курсы валют</translation>
        </message>
        <message>
            <source>Countries</source>
            <translation>Страны</translation>
        </message>
        <message>
            <source>Sectors</source>
            <translation>Отрасли</translation>
        </message>
        <message>
            <source>Regions</source>
            <translation>Регионы</translation>
        </message>
    </context>
    <context>
        <name>Shell</name>
        <message>
            <source>Cannot open the database</source>
            <extracomment>:func:`last_database`'s answer when the file open at the last close is no longer there.</extracomment>
            <translation>Не удалось открыть базу данных</translation>
        </message>
        <message>
            <source>&amp;Open database…</source>
            <translation>&amp;Открыть базу данных…</translation>
        </message>
        <message>
            <source>New &amp;database…</source>
            <translation>Новая &amp;база данных…</translation>
        </message>
        <message>
            <source>Connect to &amp;server…</source>
            <translation>Подключиться к &amp;серверу…</translation>
        </message>
        <message>
            <source>Recent &amp;files</source>
            <translation>&amp;Недавние файлы</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Сочетания клавиш</translation>
        </message>
        <message>
            <source>No recent files</source>
            <translation>Недавних файлов нет</translation>
        </message>
        <message>
            <source>&amp;Clear the list</source>
            <translation>&amp;Очистить список</translation>
        </message>
        <message>
            <source>Open database</source>
            <translation>Открыть базу данных</translation>
        </message>
        <message>
            <source>New database</source>
            <translation>Новая база данных</translation>
        </message>
        <message>
            <source>Cannot create the database</source>
            <translation>Не удалось создать базу данных</translation>
        </message>
        <message>
            <source>{path} already exists; choose another name.</source>
            <translation>Файл {path} уже существует; выберите другое имя.</translation>
        </message>
        <message>
            <source>Investment Tracker databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
            <translation>Базы данных «Мониторинга инвестиций» (*.sqlite3 *.sqlite *.db);;Все файлы (*)</translation>
        </message>
    </context>
    <context>
        <name>TablePane</name>
        <message>
            <source>Search…</source>
            <extracomment>Column widths follow the text of this many first rows (the first page, loaded anyway). Currency codes measured for a money column's width (the widest of them is used). From this many rows the footer totals are summed by a worker thread. Filter combos per kind: (Filter attribute, field giving names). Last on the line of filters, or beside the search when they are on two lines. The current record's primary key (None when nothing is selected). The filter the table now shows.</extracomment>
            <translation>Поиск…</translation>
        </message>
        <message>
            <source>Words to find in names, codes and notes (Ctrl+F)</source>
            <translation>Слова для поиска в названиях, кодах и примечаниях (Ctrl+F)</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Сбросить</translation>
        </message>
        <message>
            <source>Show all records again</source>
            <translation>Снова показать все записи</translation>
        </message>
        <message>
            <source>Columns shown</source>
            <extracomment>Widths the columns start with; the name column gives way to keep the key columns (what identifies a record, its status and its amount) in view (see _fit_columns). The header's column chooser while it is open (tests click in it). Numeric columns now painted by the NumberDelegate (those a number could be cut in).</extracomment>
            <translation>Показанные столбцы</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Все статусы</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>Все виды</translation>
        </message>
        <message>
            <source>All sectors</source>
            <translation>Все отрасли</translation>
        </message>
        <message>
            <source>All banks</source>
            <translation>Все банки</translation>
        </message>
        <message>
            <source>All zones</source>
            <translation>Все зоны</translation>
        </message>
        <message>
            <source>All regions</source>
            <translation>Все регионы</translation>
        </message>
        <message>
            <source>All countries</source>
            <translation>Все страны</translation>
        </message>
        <message>
            <source>{n} shown</source>
            <translation>показано: {n}</translation>
        </message>
        <message>
            <source>adding up the totals…</source>
            <translation>подсчёт итогов…</translation>
        </message>
        <message>
            <source>Totals could not be computed: {error}</source>
            <translation>Не удалось подсчитать итоги: {error}</translation>
        </message>
    </context>
    <context>
        <name>TeamFollower</name>
        <message>
            <source>Server unreachable: saving is off until it is back</source>
            <extracomment>How often news is looked for (well inside the two seconds a colleague's save may take). Tables whose change a window shows. Changes of others handed to the window so far (tests read it).</extracomment>
            <translation>Сервер недоступен: сохранение отключено до его возвращения</translation>
        </message>
        <message>
            <source>The window tries again by itself; your edits are kept.</source>
            <translation>Окно само повторяет попытки; ваши правки сохранены.</translation>
        </message>
        <message>
            <source>Connected to the server again</source>
            <translation>Снова подключено к серверу</translation>
        </message>
    </context>
    <context>
        <name>TemplateButton</name>
        <message>
            <source>Template…</source>
            <translation>Шаблон…</translation>
        </message>
        <message>
            <source>Write an empty file to fill in: headers in the window's language, one example row, the codelists on a second sheet</source>
            <translation>Создать пустой файл для заполнения: заголовки на языке окна, одна строка-пример, справочники на втором листе</translation>
        </message>
        <message>
            <source>Excel workbook (XLSX)…</source>
            <translation>Книга Excel (XLSX)…</translation>
        </message>
        <message>
            <source>CSV file…</source>
            <translation>Файл CSV…</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Книга Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>Save the template</source>
            <translation>Сохранить шаблон</translation>
        </message>
        <message>
            <source>Template not written</source>
            <translation>Шаблон не сохранён</translation>
        </message>
    </context>
    <context>
        <name>Templates</name>
        <message>
            <source>Codelists</source>
            <translation>Справочники</translation>
        </message>
    </context>
    <context>
        <name>UpdateRound</name>
        <message>
            <source>new status</source>
            <translation>новый статус</translation>
        </message>
        <message>
            <source>progress %</source>
            <translation>готовность, %</translation>
        </message>
        <message>
            <source>disbursed</source>
            <translation>освоено</translation>
        </message>
        <message>
            <source>note</source>
            <translation>примечание</translation>
        </message>
        <message>
            <source>project</source>
            <translation>проект</translation>
        </message>
        <message>
            <source>as of</source>
            <translation>на дату</translation>
        </message>
    </context>
    <context>
        <name>UpdateRoundDialog</name>
        <message>
            <source>Update round</source>
            <extracomment>Entry field -&gt; grid column, for showing errors on the cell they concern.</extracomment>
            <translation>Сбор обновлений</translation>
        </message>
        <message>
            <source>&amp;As of:</source>
            <extracomment>The Change of the saved round (None until Save succeeded).</extracomment>
            <translation>&amp;На дату:</translation>
        </message>
        <message>
            <source>Type the new values of each project; rows left blank are not updated. Tab goes to the next cell, Enter down the column, Ctrl+S saves.</source>
            <translation>Введите новые значения по каждому проекту; пустые строки не обновляются. Tab — следующая ячейка, Enter — вниз по столбцу, Ctrl+S — сохранить.</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Код</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Название</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Готовность</translation>
        </message>
        <message>
            <source>Disbursed</source>
            <translation>Освоено</translation>
        </message>
        <message>
            <source>New status</source>
            <translation>Новый статус</translation>
        </message>
        <message>
            <source>New progress, %</source>
            <translation>Новая готовность, %</translation>
        </message>
        <message>
            <source>New disbursed</source>
            <translation>Освоено (новое)</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Примечание</translation>
        </message>
        <message>
            <source>Type a status or its first letters; blank keeps the current</source>
            <translation>Введите статус или его первые буквы; пустое поле оставляет текущий</translation>
        </message>
        <message>
            <source>0 to 100; blank keeps the current progress</source>
            <translation>От 0 до 100; пустое поле оставляет текущую готовность</translation>
        </message>
        <message>
            <source>Total disbursed so far, in the project's currency</source>
            <translation>Всего освоено на сегодня, в валюте проекта</translation>
        </message>
        <message>
            <source>&amp;Reload projects</source>
            <translation>&amp;Перечитать проекты</translation>
        </message>
        <message>
            <source>Read the projects again (after someone else changed them); typed values stay</source>
            <translation>Заново прочитать проекты (если их изменил другой пользователь); введённые значения сохранятся</translation>
        </message>
        <message>
            <source>This file is open read-only ({reason}); the round cannot be saved.</source>
            <translation>Файл открыт только для чтения ({reason}); сбор нельзя сохранить.</translation>
        </message>
        <message>
            <source>read-only</source>
            <translation>только чтение</translation>
        </message>
        <message>
            <source>{disbursed} of {amount} {currency} committed</source>
            <translation>{disbursed} из {amount} {currency} выделенных</translation>
        </message>
        <message>
            <source>Discard the update round?</source>
            <translation>Отказаться от сбора обновлений?</translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) have new values that are not saved. Discard them?</source>
            <translation>
                <numerusform>В %n строке новые значения не сохранены. Отказаться от них?</numerusform>
                <numerusform>В %n строках новые значения не сохранены. Отказаться от них?</numerusform>
                <numerusform>В %n строках новые значения не сохранены. Отказаться от них?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Update round {as_of} (%n project(s))</source>
            <translation>
                <numerusform>Сбор обновлений {as_of} (%n проект)</numerusform>
                <numerusform>Сбор обновлений {as_of} (%n проекта)</numerusform>
                <numerusform>Сбор обновлений {as_of} (%n проектов)</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing to save: no row has a new value.</source>
            <translation>Нечего сохранять: ни в одной строке нет новых значений.</translation>
        </message>
        <message>
            <source>Unusual updates</source>
            <translation>Необычные обновления</translation>
        </message>
        <message>
            <source>This round</source>
            <translation>Этот сбор обновлений</translation>
        </message>
        <message>
            <source>Not saved: {error}</source>
            <translation>Не сохранено: {error}</translation>
        </message>
        <message>
            <source>{field}: {message}</source>
            <translation>{field}: {message}</translation>
        </message>
        <message>
            <source>Row {row} ({code}), {field}: {message}</source>
            <translation>Строка {row} ({code}), {field}: {message}</translation>
        </message>
        <message>
            <source>{n} active projects; {filled} rows to update.</source>
            <translation>Активных проектов: {n}; строк к обновлению: {filled}.</translation>
        </message>
    </context>
    <context>
        <name>Validation</name>
        <message>
            <source>{field}: {message}</source>
            <translation>{field}: {message}</translation>
        </message>
        <message>
            <source>row {row}, {field}: {message}</source>
            <translation>строка {row}, {field}: {message}</translation>
        </message>
        <message>
            <source>is required</source>
            <extracomment>(English message form, its template). Names in (?P&lt;…&gt;) go into the template's {…}; a part named ``reason`` is itself a message and is translated in turn.</extracomment>
            <translation>обязательно для заполнения</translation>
        </message>
        <message>
            <source>is longer than {n} characters</source>
            <translation>длиннее {n} символов</translation>
        </message>
        <message>
            <source>may hold only letters, digits and . _ / - (at most 40)</source>
            <translation>может содержать только буквы, цифры и . _ / - (не более 40)</translation>
        </message>
        <message>
            <source>{reason} (an amount like 1234567.89)</source>
            <translation>{reason} (сумма вида 1234567.89)</translation>
        </message>
        <message>
            <source>must not be negative</source>
            <translation>не может быть отрицательным</translation>
        </message>
        <message>
            <source>must be a three-letter ISO 4217 code like USD</source>
            <translation>должно быть трёхбуквенным кодом ISO 4217, например USD</translation>
        </message>
        <message>
            <source>is not a real date ({detail})</source>
            <translation>не является существующей датой ({detail})</translation>
        </message>
        <message>
            <source>is not a date (use YYYY-MM-DD or DD.MM.YYYY)</source>
            <translation>не является датой (используйте ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)</translation>
        </message>
        <message>
            <source>must be a whole number</source>
            <translation>должно быть целым числом</translation>
        </message>
        <message>
            <source>must be at least {n}</source>
            <translation>должно быть не меньше {n}</translation>
        </message>
        <message>
            <source>must be at most {n}</source>
            <translation>должно быть не больше {n}</translation>
        </message>
        <message>
            <source>is too large</source>
            <translation>слишком велико</translation>
        </message>
        <message>
            <source>must be one of {choices}</source>
            <translation>должно быть одним из: {choices}</translation>
        </message>
        <message>
            <source>'{value}' is not an ISO country code or name in the reference data</source>
            <translation>«{value}» — нет такого кода ISO или названия страны в справочнике</translation>
        </message>
        <message>
            <source>'{value}' is not a sector code or name in the reference data</source>
            <translation>«{value}» — нет такого кода или названия отрасли в справочнике</translation>
        </message>
        <message>
            <source>'{value}' is not a region code (BY-MI) or name in the reference data</source>
            <translation>«{value}» — нет такого кода (BY-MI) или названия региона в справочнике</translation>
        </message>
        <message>
            <source>no bank with id {id}</source>
            <translation>нет банка с id {id}</translation>
        </message>
        <message>
            <source>no zone with id {id}</source>
            <translation>нет зоны с id {id}</translation>
        </message>
        <message>
            <source>no project with id {id}</source>
            <translation>нет проекта с id {id}</translation>
        </message>
        <message>
            <source>'{value}' is not a known bank</source>
            <translation>«{value}» — неизвестный банк</translation>
        </message>
        <message>
            <source>'{value}' is not a known zone</source>
            <translation>«{value}» — неизвестная зона</translation>
        </message>
        <message>
            <source>'{value}' is not a known project</source>
            <translation>«{value}» — неизвестный проект</translation>
        </message>
        <message>
            <source>has more than two decimal places</source>
            <translation>больше двух знаков после запятой</translation>
        </message>
        <message>
            <source>is not a number</source>
            <translation>не является числом</translation>
        </message>
        <message>
            <source>is not a finite number</source>
            <translation>не является конечным числом</translation>
        </message>
        <message>
            <source>is empty</source>
            <translation>пусто</translation>
        </message>
        <message>
            <source>has more than one decimal comma</source>
            <translation>больше одной десятичной запятой</translation>
        </message>
        <message>
            <source>has a comma that is not a thousands separator (the file uses a decimal point)</source>
            <translation>содержит запятую, которая не является разделителем тысяч (в файле десятичная точка)</translation>
        </message>
        <message>
            <source>must not exceed the committed amount</source>
            <translation>не может превышать сумму обязательств</translation>
        </message>
        <message>
            <source>must not exceed the committed amount of the project</source>
            <translation>не может превышать сумму обязательств по проекту</translation>
        </message>
        <message>
            <source>must not be before the start date</source>
            <translation>не может быть раньше даты начала</translation>
        </message>
        <message>
            <source>must not be before the agreement date</source>
            <translation>не может быть раньше даты соглашения</translation>
        </message>
        <message>
            <source>must be 0 for a project still in the pipeline</source>
            <translation>должно быть 0 для проекта на стадии подготовки</translation>
        </message>
        <message>
            <source>must not exceed the maturity</source>
            <translation>не может превышать срок погашения</translation>
        </message>
        <message>
            <source>must not be after today for a project whose works have started (it is the actual start); a later start is planned</source>
            <translation>не может быть позже сегодняшнего дня у проекта, работы по которому начаты (это фактическое начало); более позднее начало — плановое</translation>
        </message>
        <message>
            <source>must not be after today (an end still to come is the planned end)</source>
            <translation>не может быть позже сегодняшнего дня (окончание в будущем — это плановое окончание)</translation>
        </message>
        <message>
            <source>must be a DAC 5-digit CRS purpose code (five digits, like 23210)</source>
            <translation>должен быть пятизначным кодом назначения CRS ОЭСР (пять цифр, например 23210)</translation>
        </message>
        <message>
            <source>{code} is not in IATI's Sector codelist ({version})</source>
            <translation>{code} нет в кодификаторе отраслей IATI ({version})</translation>
        </message>
        <message>
            <source>{code} ({name}) was withdrawn from IATI's Sector codelist; use a current code</source>
            <translation>{code} ({name}) исключён из кодификатора отраслей IATI; укажите действующий код</translation>
        </message>
        <message>
            <source>{code}: its DAC 3-digit category {category} was withdrawn; use a current code</source>
            <translation>{code}: его трёхзначная категория DAC {category} исключена; укажите действующий код</translation>
        </message>
        <message>
            <source>must be two capital letters (ISO 3166-1 alpha-2, like CN)</source>
            <translation>должно состоять из двух заглавных букв (ISO 3166-1 alpha-2, например CN)</translation>
        </message>
        <message>
            <source>must be above 0</source>
            <translation>должно быть больше 0</translation>
        </message>
        <message>
            <source>must be above 0 (a venture has foreign capital)</source>
            <translation>должно быть больше 0 (у предприятия есть иностранный капитал)</translation>
        </message>
        <message>
            <source>'{value}' is already used by another record</source>
            <translation>«{value}» уже используется другой записью</translation>
        </message>
        <message>
            <source>is still used by other records (or links to a missing one)</source>
            <translation>ещё используется другими записями (или ссылается на отсутствующую)</translation>
        </message>
        <message>
            <source>a rate for this currency and date exists already</source>
            <translation>курс для этой валюты и даты уже есть</translation>
        </message>
        <message>
            <source>required column is missing</source>
            <translation>нет обязательного столбца</translation>
        </message>
        <message>
            <source>this column appears twice</source>
            <translation>этот столбец встречается дважды</translation>
        </message>
        <message>
            <source>has more cells than the header has columns</source>
            <translation>ячеек больше, чем столбцов в заголовке</translation>
        </message>
        <message>
            <source>IATI identifiers may not contain / &amp; | or ?: the IATI export writes this code as {mapped}</source>
            <translation>идентификаторы IATI не могут содержать / &amp; | или ?: экспорт IATI запишет этот код как {mapped}</translation>
        </message>
        <message>
            <source>{path} is the open database {name}; choose another file name</source>
            <translation>{path} — это открытая база данных {name}; выберите другое имя файла</translation>
        </message>
        <message>
            <source>{path} is the {side} file of the open database {name}; choose another file name</source>
            <translation>{path} — это файл {side} открытой базы данных {name}; выберите другое имя файла</translation>
        </message>
        <message>
            <source>{path} is inside the backup folder of {name}; choose another folder</source>
            <translation>{path} находится в папке резервных копий {name}; выберите другую папку</translation>
        </message>
        <message>
            <source>a SQLite copy holds the whole database; the filter does not apply</source>
            <translation>копия SQLite содержит всю базу данных; фильтр не применяется</translation>
        </message>
        <message>
            <source>the snapshot could not be recorded: the database is {reason}</source>
            <translation>снимок не удалось записать: база данных — {reason}</translation>
        </message>
        <message>
            <source>the snapshot could not be recorded: {error}</source>
            <translation>снимок не удалось записать: {error}</translation>
        </message>
        <message>
            <source>Invalid stored value: {value} {why}. Another program wrote it; correct it in the form.</source>
            <translation>Недопустимое сохранённое значение: {value} {why}. Его записала другая программа; исправьте его в форме.</translation>
        </message>
    </context>
    <context>
        <name>WelcomeDialog</name>
        <message>
            <source>Welcome to Investment Tracker</source>
            <translation>Добро пожаловать в «Мониторинг инвестиций»</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>Добро пожаловать</translation>
        </message>
        <message>
            <source>Projects, park residents and ventures are kept in one database file on this computer. Start with the demo portfolio to look around, or with your own file.</source>
            <translation>Проекты, резиденты парков и предприятия хранятся в одном файле базы данных на этом компьютере. Начните с демонстрационного портфеля, чтобы осмотреться, или со своего файла.</translation>
        </message>
        <message>
            <source>Open the demo portfolio</source>
            <translation>Открыть демонстрационный портфель</translation>
        </message>
        <message>
            <source>Belarus–China projects, Great Stone residents and ventures, to try things out</source>
            <translation>Белорусско-китайские проекты, резиденты «Великого камня» и предприятия — чтобы попробовать</translation>
        </message>
        <message>
            <source>New empty database…</source>
            <translation>Новая пустая база данных…</translation>
        </message>
        <message>
            <source>Start your own portfolio; reference data (countries, sectors, banks) is included</source>
            <translation>Начать свой портфель; справочники (страны, отрасли, банки) уже заполнены</translation>
        </message>
        <message>
            <source>Open a file…</source>
            <translation>Открыть файл…</translation>
        </message>
        <message>
            <source>A database file you or a colleague already have</source>
            <translation>Файл базы данных, который уже есть у вас или коллеги</translation>
        </message>
        <message>
            <source>Connect to a server…</source>
            <translation>Подключиться к серверу…</translation>
        </message>
        <message>
            <source>The team's portfolio on a PostgreSQL server</source>
            <translation>Портфель команды на сервере PostgreSQL</translation>
        </message>
        <message>
            <source>Recent files:</source>
            <translation>Недавние файлы:</translation>
        </message>
        <message>
            <source>Investment Tracker databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
            <translation>Базы данных «Мониторинга инвестиций» (*.sqlite3 *.sqlite *.db);;Все файлы (*)</translation>
        </message>
        <message>
            <source>New database</source>
            <translation>Новая база данных</translation>
        </message>
        <message>
            <source>Open database</source>
            <translation>Открыть базу данных</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <source>Upgrading {name} for this version of Investment Tracker (a backup is made first). A large file takes a little while; this happens once.</source>
            <translation>Файл {name} обновляется для этой версии программы «Мониторинг инвестиций» (сначала делается резервная копия). Большой файл обновляется не сразу; это происходит один раз.</translation>
        </message>
        <message>
            <source>Investment Tracker</source>
            <translation>Мониторинг инвестиций</translation>
        </message>
        <message>
            <source>Investment Tracker cannot open the database</source>
            <translation>«Мониторинг инвестиций» не может открыть базу данных</translation>
        </message>
        <message>
            <source>Open read-only</source>
            <translation>Открыть только для чтения</translation>
        </message>
        <message>
            <source>Repair (after a backup)</source>
            <translation>Восстановить (после резервной копии)</translation>
        </message>
        <message>
            <source>Open the backup read-only</source>
            <translation>Открыть копию только для чтения</translation>
        </message>
        <message>
            <source>There is no backup copy of {db} to open instead (looked in {where}; tracker backup --db URL --to FOLDER makes one).</source>
            <translation>Резервной копии {db}, которую можно открыть вместо сервера, нет (искали в {where}; её создаёт команда tracker backup --db URL --to ПАПКА).</translation>
        </message>
        <message>
            <source>{error}

Restore the newest backup, of {when} ({name})? The damaged file is kept in the backup folder.</source>
            <translation>{error}

Восстановить последнюю резервную копию от {when} ({name})? Повреждённый файл будет сохранён в папке резервных копий.</translation>
        </message>
        <message>
            <source>{error}

Open the newest backup copy of {db}, of {when} ({name}), read-only? It shows the portfolio as it was then; nothing can be saved into it.</source>
            <translation>{error}

Открыть последнюю резервную копию {db} от {when} ({name}) только для чтения? Она показывает портфель на тот момент; сохранить в неё ничего нельзя.</translation>
        </message>
        <message>
            <source>a backup copy of {db} from {when} (the server cannot be reached)</source>
            <translation>резервная копия {db} от {when} (сервер недоступен)</translation>
        </message>
        <message>
            <source>There is no backup of this file to restore.</source>
            <translation>Резервных копий этого файла нет.</translation>
        </message>
        <message>
            <source>The backup could not be restored: {error}</source>
            <translation>Не удалось восстановить резервную копию: {error}</translation>
        </message>
        <message>
            <source>The backup could not be opened: {error}</source>
            <translation>Не удалось открыть резервную копию: {error}</translation>
        </message>
        <message>
            <source>Making the daily backup copy of {db} in {folder}…</source>
            <translation>Создаётся ежедневная резервная копия {db} в {folder}…</translation>
        </message>
        <message>
            <source>Daily backup copy of {db} made: {path}</source>
            <translation>Ежедневная резервная копия {db} создана: {path}</translation>
        </message>
        <message>
            <source>The daily backup copy of {db} could not be made: {error}</source>
            <translation>Не удалось создать ежедневную резервную копию {db}: {error}</translation>
        </message>
    </context>
    <context>
        <name>codelists</name>
        <message>
            <source>Pipeline</source>
            <translation>Подготовка</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Подписан</translation>
        </message>
        <message>
            <source>Implementation</source>
            <translation>Реализация</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Завершён</translation>
        </message>
        <message>
            <source>Suspended</source>
            <translation>Приостановлен</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Отменён</translation>
        </message>
        <message>
            <source>Registered</source>
            <translation>Зарегистрирован</translation>
        </message>
        <message>
            <source>Construction</source>
            <translation>Строительство</translation>
        </message>
        <message>
            <source>Operating</source>
            <translation>Действует</translation>
        </message>
        <message>
            <source>Withdrawn</source>
            <translation>Выбыл</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Работает</translation>
        </message>
        <message>
            <source>Liquidated</source>
            <translation>Ликвидировано</translation>
        </message>
        <message>
            <source>Joint venture</source>
            <translation>Совместное предприятие</translation>
        </message>
        <message>
            <source>Foreign-owned</source>
            <translation>Иностранное предприятие</translation>
        </message>
        <message>
            <source>Industrial park</source>
            <translation>Индустриальный парк</translation>
        </message>
        <message>
            <source>Special economic zone</source>
            <translation>Специальная экономическая зона</translation>
        </message>
        <message>
            <source>Free economic zone</source>
            <translation>Свободная экономическая зона</translation>
        </message>
        <message>
            <source>Government</source>
            <translation>Государственный орган</translation>
        </message>
        <message>
            <source>Local Government</source>
            <translation>Местный орган власти</translation>
        </message>
        <message>
            <source>Other Public Sector</source>
            <translation>Другой государственный сектор</translation>
        </message>
        <message>
            <source>International NGO</source>
            <translation>Международная НКО</translation>
        </message>
        <message>
            <source>National NGO</source>
            <translation>Национальная НКО</translation>
        </message>
        <message>
            <source>Regional NGO</source>
            <translation>Региональная НКО</translation>
        </message>
        <message>
            <source>Partner Country based NGO</source>
            <translation>НКО страны-партнёра</translation>
        </message>
        <message>
            <source>Public Private Partnership</source>
            <translation>Государственно-частное партнёрство</translation>
        </message>
        <message>
            <source>Multilateral</source>
            <translation>Многосторонняя организация</translation>
        </message>
        <message>
            <source>Foundation</source>
            <translation>Фонд</translation>
        </message>
        <message>
            <source>Private Sector</source>
            <translation>Частный сектор</translation>
        </message>
        <message>
            <source>Private Sector in Provider Country</source>
            <translation>Частный сектор страны-донора</translation>
        </message>
        <message>
            <source>Private Sector in Aid Recipient Country</source>
            <translation>Частный сектор страны-получателя</translation>
        </message>
        <message>
            <source>Private Sector in Third Country</source>
            <translation>Частный сектор третьей страны</translation>
        </message>
        <message>
            <source>Academic, Training and Research</source>
            <translation>Академические, учебные и научные организации</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Другое</translation>
        </message>
    </context>
    <context>
        <name>window</name>
        <message numerus="yes">
            <source>%n record(s) need attention</source>
            <extracomment>After the first paint, the worklist for the navigation's count waits this long (the first table page and charts come first).</extracomment>
            <translation>
                <numerusform>%n запись требует внимания</numerusform>
                <numerusform>%n записи требуют внимания</numerusform>
                <numerusform>%n записей требуют внимания</numerusform>
            </translation>
        </message>
    </context>
</TS>
