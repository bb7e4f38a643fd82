<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>AttentionPane</name>
        <message numerus="yes">
            <source>%n item(s)</source>
            <translation>
                <numerusform>%n item</numerusform>
                <numerusform>%n items</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n record(s)</source>
            <translation>
                <numerusform>%n record</numerusform>
                <numerusform>%n records</numerusform>
            </translation>
        </message>
    </context>
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
        <name>ChangesPanel</name>
        <message numerus="yes">
            <source>%n change(s)</source>
            <translation>
                <numerusform>%n change</numerusform>
                <numerusform>%n changes</numerusform>
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
        <name>ExtrasTabs</name>
        <message numerus="yes">
            <source>Brief written: {file} (%n page(s))</source>
            <translation>
                <numerusform>Brief written: {file} (%n page)</numerusform>
                <numerusform>Brief written: {file} (%n pages)</numerusform>
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
    <context>
        <name>window</name>
        <message numerus="yes">
            <source>%n record(s) need attention</source>
            <extracomment>After the first paint, the worklist for the navigation's count waits this long (the first table page and charts come first).</extracomment>
            <translation>
                <numerusform>%n record needs attention</numerusform>
                <numerusform>%n records need attention</numerusform>
            </translation>
        </message>
    </context>
</TS>
