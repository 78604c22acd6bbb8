<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>daybreak::GraphPanel</name>
    <message numerus="yes">
        <location filename="../views/GraphPanel.cpp" line="140"/>
        <source>%n pipeline(s) selected by &quot;%1&quot;; %2</source>
        <translation>
            <numerusform>%n pipeline selected by &quot;%1&quot;; %2</numerusform>
            <numerusform>%n pipelines selected by &quot;%1&quot;; %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>daybreak::MigrationPlan</name>
    <message numerus="yes">
        <location filename="../model/editing/MigrationPlan.cpp" line="204"/>
        <source>Auto-plan %n pipeline(s)</source>
        <translation>
            <numerusform>Auto-plan %n pipeline</numerusform>
            <numerusform>Auto-plan %n pipelines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>daybreak::NightController</name>
    <message numerus="yes">
        <location filename="../app/daybreak/NightController.cpp" line="151"/>
        <source>%n late report-night(s)</source>
        <translation>
            <numerusform>%n late report-night</numerusform>
            <numerusform>%n late report-nights</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/daybreak/NightController.cpp" line="153"/>
        <source>%n false alarm(s)</source>
        <translation>
            <numerusform>%n false alarm</numerusform>
            <numerusform>%n false alarms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>daybreak::SlaPanel</name>
    <message numerus="yes">
        <location filename="../views/SlaPanel.cpp" line="125"/>
        <source>%1 FAILING (%n attempt(s): %2; next %3)</source>
        <translation>
            <numerusform>%1 FAILING (%n attempt: %2; next %3)</numerusform>
            <numerusform>%1 FAILING (%n attempts: %2; next %3)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>daybreak::StatusBadges</name>
    <message numerus="yes">
        <location filename="../app/daybreak/StatusBadges.cpp" line="75"/>
        <source>%n rollback(s) recommended</source>
        <translation>
            <numerusform>%n rollback recommended</numerusform>
            <numerusform>%n rollbacks recommended</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/daybreak/StatusBadges.cpp" line="112"/>
        <source> — aging: no answer for %n s</source>
        <translation>
            <numerusform> — aging: no answer for %n s</numerusform>
            <numerusform> — aging: no answer for %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/daybreak/StatusBadges.cpp" line="116"/>
        <source> — STALE: no answer for %n s</source>
        <translation>
            <numerusform> — STALE: no answer for %n s</numerusform>
            <numerusform> — STALE: no answer for %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/daybreak/StatusBadges.cpp" line="144"/>
        <source> · %n deliveries FAILING</source>
        <translation>
            <numerusform> · %n delivery FAILING</numerusform>
            <numerusform> · %n deliveries FAILING</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>daybreak::WarRoomWindow</name>
    <message numerus="yes">
        <location filename="../views/WarRoomWindow.cpp" line="112"/>
        <source>BREACHED: %n report(s)</source>
        <translation>
            <numerusform>BREACHED: %n report</numerusform>
            <numerusform>BREACHED: %n reports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/WarRoomWindow.cpp" line="116"/>
        <source>AT RISK: %n report(s)</source>
        <translation>
            <numerusform>AT RISK: %n report</numerusform>
            <numerusform>AT RISK: %n reports</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>daybreak::WaveBoard</name>
    <message numerus="yes">
        <location filename="../views/WaveBoard.cpp" line="185"/>
        <source>&lt;b&gt;Backlog&lt;/b&gt;&lt;br&gt;%n unplanned cloud-target pipeline(s)</source>
        <translation>
            <numerusform>&lt;b&gt;Backlog&lt;/b&gt;&lt;br&gt;%n unplanned cloud-target pipeline</numerusform>
            <numerusform>&lt;b&gt;Backlog&lt;/b&gt;&lt;br&gt;%n unplanned cloud-target pipelines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/WaveBoard.cpp" line="353"/>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 — %n pipeline(s)&lt;br&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; %2 — %n pipeline&lt;br&gt;</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; %2 — %n pipelines&lt;br&gt;</numerusform>
        </translation>
    </message>
</context>
</TS>
