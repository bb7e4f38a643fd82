<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>AuditPane</name>
        <message numerus="yes">
            <source>%n entries</source>
            <translation>
                <numerusform>%n entry</numerusform>
                <numerusform>%n entries</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DashboardPane</name>
        <message numerus="yes">
            <source>%Ln venture(s) with foreign capital</source>
            <translation>
                <numerusform>%Ln venture with foreign capital</numerusform>
                <numerusform>%Ln ventures with foreign capital</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>UpdateRoundDialog</name>
        <message numerus="yes">
            <source>%n row(s) have new values that are not saved. Discard them?</source>
            <translation>
                <numerusform>%n row has new values that are not saved. Discard them?</numerusform>
                <numerusform>%n rows have new values that are not saved. Discard them?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Update round {as_of} (%n project(s))</source>
            <translation>
                <numerusform>Update round {as_of} (%n project)</numerusform>
                <numerusform>Update round {as_of} (%n projects)</numerusform>
            </translation>
        </message>
    </context>
</TS>
