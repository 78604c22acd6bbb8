<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>daybreak::GraphPanel</name>
    <message numerus="yes">
        <location filename="../views/GraphPanel.cpp" line="140" />
        <source>%n pipeline(s) selected by "%1"; %2</source>
        <translation>
            <numerusform>%n pipeline selected by "%1"; %2</numerusform><numerusform>%n pipelines selected by "%1"; %2</numerusform></translation>
    </message>
</context>
<context>
    <name>daybreak::StatusBadges</name>
    <message numerus="yes">
        <location filename="../app/daybreak/StatusBadges.cpp" line="74" />
        <source>%n rollback(s) recommended</source>
        <translation>
            <numerusform>%n rollback recommended</numerusform><numerusform>%n rollbacks recommended</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/daybreak/StatusBadges.cpp" line="112" />
        <source> — aging: no answer for %n s</source>
        <translation>
            <numerusform> — aging: no answer for %n s</numerusform><numerusform> — aging: no answer for %n s</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/daybreak/StatusBadges.cpp" line="116" />
        <source> — STALE: no answer for %n s</source>
        <translation>
            <numerusform> — STALE: no answer for %n s</numerusform><numerusform> — STALE: no answer for %n s</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/daybreak/StatusBadges.cpp" line="144" />
        <source> · %n deliveries FAILING</source>
        <translation>
            <numerusform> · %n delivery FAILING</numerusform><numerusform> · %n deliveries FAILING</numerusform></translation>
    </message>
</context>
</TS>