<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/daybreak/ExportActions.cpp" line="18" />
        <location filename="../app/daybreak/ExportActions.cpp" line="26" />
        <source>Export graph</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/daybreak/ExportActions.cpp" line="19" />
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/daybreak/ExportActions.cpp" line="29" />
        <source>Graph exported to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/daybreak/ExportActions.cpp" line="37" />
        <location filename="../app/daybreak/ExportActions.cpp" line="45" />
        <location filename="../app/daybreak/ExportActions.cpp" line="57" />
        <source>Export report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/daybreak/ExportActions.cpp" line="38" />
        <source>PDF document (*.pdf);;HTML page (*.html);;Markdown (*.md);;CSV for spreadsheets (*.csv);;Graphviz DOT (*.dot)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/daybreak/ExportActions.cpp" line="46" />
        <source>Choose a .pdf, .html, .md, .csv or .dot file name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/daybreak/ExportActions.cpp" line="49" />
        <source>Writing the report…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/daybreak/ExportActions.cpp" line="60" />
        <source>Report written to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/daybreak/main.cpp" line="131" />
        <source>Daybreak</source>
        <translation>Daybreak</translation>
    </message>
    <message>
        <location filename="../app/daybreak/main.cpp" line="132" />
        <source>Cannot open the store:
%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/daybreak/StorePrompt.cpp" line="22" />
        <source>Password for %1:</source>
        <translation>Passwort für %1:</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StorePrompt.cpp" line="23" />
        <source>The server refused it:
%1

Password:</source>
        <translation>Der Server hat es abgelehnt:
%1

Passwort:</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StorePrompt.cpp" line="24" />
        <source>PostgreSQL password</source>
        <translation>PostgreSQL-Passwort</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StorePrompt.cpp" line="27" />
        <source>no password given for %1</source>
        <translation>kein Passwort für %1 angegeben</translation>
    </message>
    <message>
        <location filename="../views/ActionPrompter.cpp" line="30" />
        <source>Reason (required, goes to the audit log)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/ActionPrompter.cpp" line="31" />
        <source>Reason (optional, goes to the audit log)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/ActionPrompter.cpp" line="57" />
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;ul&gt;%2&lt;/ul&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/DependencyEdgeItem.cpp" line="35" />
        <source>%1 reads %2 across sides</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/DependencyEdgeItem.cpp" line="43" />
        <source>%1 → %2: %3 reads</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GraphExport.cpp" line="24" />
        <location filename="../views/GraphExport.cpp" line="50" />
        <source>cannot write %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GraphExport.cpp" line="34" />
        <source>Daybreak dependency graph</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveDialogs.cpp" line="42" />
        <source>Add wave</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveDialogs.cpp" line="49" />
        <source>wave-YYYY-MM-DD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveDialogs.cpp" line="50" />
        <source>Date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveDialogs.cpp" line="51" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../views/WaveDialogs.cpp" line="52" />
        <source>Capacity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveDialogs.cpp" line="53" />
        <source>Most high-risk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveDialogs.cpp" line="68" />
        <source>Auto-plan the backlog</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveDialogs.cpp" line="76" />
        <source>Plan from</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveDialogs.cpp" line="77" />
        <source>Capacity of new waves</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveDialogs.cpp" line="78" />
        <source>Most high-risk per new wave</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveDialogs.cpp" line="85" />
        <source>Apply plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../model/editing/PlanCommands.cpp" line="28" />
        <location filename="../model/editing/PlanCommands.cpp" line="53" />
        <source>Rename wave %1 to %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>daybreak</name>
    <message>
        <location filename="../views/KeyboardHelp.cpp" line="12" />
        <source>&lt;h3&gt;Everything the mouse does, from the keyboard&lt;/h3&gt;&lt;table cellpadding='3'&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Tab&lt;/b&gt;, &lt;b&gt;Shift+Tab&lt;/b&gt;&lt;/td&gt;&lt;td&gt;move between the controls of a panel; &lt;b&gt;Ctrl+Tab&lt;/b&gt; between the tabs&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+1&lt;/b&gt;, &lt;b&gt;Alt+2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;the dependency graph, the wave board&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;find a pipeline or a selection (&lt;i&gt;+id+&lt;/i&gt;, &lt;i&gt;group:G&lt;/i&gt;); Enter selects it, and a group's id opens the group&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl++&lt;/b&gt;, &lt;b&gt;Ctrl+-&lt;/b&gt;, &lt;b&gt;Ctrl+0&lt;/b&gt;, &lt;b&gt;Ctrl+1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;zoom in, zoom out, fit, actual size&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Up&lt;/b&gt;, &lt;b&gt;Down&lt;/b&gt; in a wave's card list&lt;/td&gt;&lt;td&gt;choose a pipeline (&lt;b&gt;Shift&lt;/b&gt; to choose several)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Right&lt;/b&gt;, &lt;b&gt;Ctrl+Left&lt;/b&gt;&lt;/td&gt;&lt;td&gt;move the chosen cards to the next or the previous wave, as dragging them does; &lt;b&gt;Ctrl+Shift+Right&lt;/b&gt; takes their upstreams along&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z&lt;/b&gt;, &lt;b&gt;Ctrl+Shift+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;undo, redo a plan edit&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+C&lt;/b&gt;, &lt;b&gt;Ctrl+Shift+R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;cut over, roll back the chosen pipeline (every rule is checked, as from its menu)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Menu key&lt;/b&gt; or &lt;b&gt;Shift+F10&lt;/b&gt; in the pipeline table&lt;/td&gt;&lt;td&gt;the chosen pipeline's menu, as a right click on it in the graph&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;read the store again&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt;&lt;/td&gt;&lt;td&gt;the war room; &lt;b&gt;F11&lt;/b&gt; or &lt;b&gt;Esc&lt;/b&gt; leaves it&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E&lt;/b&gt;, &lt;b&gt;Ctrl+Shift+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;export the graph, the report&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/LastDiffHtml.cpp" line="50" />
        <source>&lt;h4&gt;Last diff measured by Daybreak: %1&lt;/h4&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/LastDiffHtml.cpp" line="52" />
        <source>&lt;p&gt;%1 rows on-prem, %2 in the cloud; &lt;b style='color:%3'&gt;%4 differing&lt;/b&gt;%5&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/LastDiffHtml.cpp" line="58" />
        <source> (%1 by %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/LastDiffHtml.cpp" line="62" />
        <source>&lt;p style='color:#1b7f3b'&gt;Every row equal within tolerance.&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/LastDiffHtml.cpp" line="75" />
        <source> …</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/LastDiffHtml.cpp" line="77" />
        <source>Missing in the cloud</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/LastDiffHtml.cpp" line="78" />
        <source>Only in the cloud</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/LastDiffHtml.cpp" line="80" />
        <source>&lt;p&gt;&lt;b&gt;Changed: %1 rows&lt;/b&gt;&lt;/p&gt;&lt;table cellspacing='0' cellpadding='2'&gt;&lt;tr&gt;&lt;th align='left'&gt;Key&lt;/th&gt;&lt;th align='left'&gt;Column&lt;/th&gt;&lt;th align='right'&gt;On-prem&lt;/th&gt;&lt;th align='right'&gt;Cloud&lt;/th&gt;&lt;/tr&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/LastDiffHtml.cpp" line="103" />
        <source>&lt;p style='color:#555'&gt;Looks like %1 in %2 (%3 rows): %4 would absorb it — suggested, not applied.&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>daybreak::GraphLegend</name>
    <message>
        <location filename="../views/GraphLegend.cpp" line="45" />
        <source>stays on-prem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GraphLegend.cpp" line="52" />
        <source>parity %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GraphLegend.cpp" line="58" />
        <source>cross-side read</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>daybreak::GraphMinimap</name>
    <message>
        <location filename="../views/GraphMinimap.cpp" line="16" />
        <source>The whole graph; click or drag to move the view</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>daybreak::GraphPanel</name>
    <message>
        <location filename="../views/GraphPanel.cpp" line="21" />
        <source>Hide the rest</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="25" />
        <source>Find or select pipelines</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="26" />
        <source>Find a pipeline, or select: +id  id+  @id  group:G  owner:O  state:S  wave:W (Ctrl+F)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="28" />
        <source>An id centres the view on it. A selector (dbt's grammar) shows what it selects: +id what it reads, id+ what reads it, 2+id two steps, @id its downstreams and what they read; a space for union, a comma for intersection. Empty clears.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="33" />
        <source>Draw only the selection instead of dimming the rest</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="51" />
        <source>Zoom out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="51" />
        <source>Zoom out (Ctrl+-)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="52" />
        <source>Zoom in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="52" />
        <source>Zoom in (Ctrl++)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="53" />
        <source>Fit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="53" />
        <source>Fit the graph to the window (Ctrl+0)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="66" />
        <source>Overview</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="67" />
        <source>Whole folders of groups as one box each; double-click one to go a level down</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="70" />
        <source>Collapse groups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="70" />
        <source>Every group as one box: the whole platform at once</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="72" />
        <source>Expand groups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="72" />
        <source>Every group open (double-click a group to toggle it)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="76" />
        <source>Groups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="79" />
        <source>Draw groups as boxes, or the plain layout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="130" />
        <source>Selector: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../views/GraphPanel.cpp" line="140" />
        <source>%n pipeline(s) selected by "%1"; %2</source>
        <translation>
            <numerusform>%n Pipeline von „%1“ ausgewählt; %2</numerusform><numerusform>%n Pipelines von „%1“ ausgewählt; %2</numerusform></translation>
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="141" />
        <source>the rest hidden</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="141" />
        <source>the rest dimmed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>daybreak::GroupBoxItem</name>
    <message>
        <location filename="../views/GroupBoxItem.cpp" line="30" />
        <source>Double-click to expand</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/GroupBoxItem.cpp" line="30" />
        <source>Double-click to collapse</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>daybreak::MainWindow</name>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="71" />
        <source>Daybreak</source>
        <translation>Daybreak</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="72" />
        <source>Dependency graph</source>
        <translation>Abhängigkeitsgraph</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="73" />
        <source>Wave board</source>
        <translation>Wellenplan</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="74" />
        <source>6am timeline</source>
        <translation>6-Uhr-Zeitleiste</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="75" />
        <source>Wave runbook</source>
        <translation>Wellen-Runbook</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="105" />
        <source>Pipelines</source>
        <translation>Pipelines</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="109" />
        <source>Parity</source>
        <translation>Parität</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="115" />
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="156" />
        <source>the store is unreachable</source>
        <translation>der Speicher ist nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="159" />
        <source>Not acknowledged: %1</source>
        <translation>Nicht bestätigt: %1</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="205" />
        <source>Read-only: %1 may only read this store: %2</source>
        <translation>Nur lesen: %1 darf diesen Speicher nur lesen: %2</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="218" />
        <source>Undo/redo not applied: %1</source>
        <translation>Rückgängig/Wiederholen nicht ausgeführt: %1</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="233" />
        <location filename="../app/daybreak/MainWindow.cpp" line="284" />
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="233" />
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="236" />
        <location filename="../app/daybreak/MainWindow.cpp" line="288" />
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="236" />
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="245" />
        <source>Store reachable again: %1</source>
        <translation>Speicher wieder erreichbar: %1</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="247" />
        <source>Daybreak — %1</source>
        <translation>Daybreak — %1</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="254" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="256" />
        <source>&amp;Open store…</source>
        <translation>Speicher ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="259" />
        <source>&amp;Connect to PostgreSQL…</source>
        <translation>Mit PostgreSQL &amp;verbinden…</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="262" />
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="268" />
        <source>&amp;Export graph…</source>
        <translation>Graph &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="270" />
        <source>Export &amp;report…</source>
        <translation>&amp;Bericht exportieren…</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="281" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="283" />
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="298" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="300" />
        <source>War &amp;room</source>
        <translation>&amp;Lagezentrum</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="302" />
        <source>Dependency &amp;graph</source>
        <translation>Abhängigkeits&amp;graph</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="304" />
        <source>&amp;Wave board</source>
        <translation>&amp;Wellenplan</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="306" />
        <source>Colour graph by &amp;wave</source>
        <translation>Graph nach &amp;Welle färben</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="311" />
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="312" />
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="313" />
        <source>&amp;Fit to window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="315" />
        <source>&amp;Actual size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="317" />
        <source>F&amp;ind pipeline</source>
        <translation>Pipeline &amp;suchen</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="322" />
        <source>&amp;Reload from store</source>
        <translation>Aus dem Speicher &amp;neu laden</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="330" />
        <source>&amp;Pipeline</source>
        <translation>&amp;Pipeline</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="333" />
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="342" />
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="343" />
        <source>&amp;Keyboard</source>
        <translation>&amp;Tastatur</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="344" />
        <source>Keyboard</source>
        <translation>Tastatur</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="346" />
        <source>&amp;About Daybreak</source>
        <translation>Ü&amp;ber Daybreak</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="348" />
        <source>About Daybreak</source>
        <translation>Über Daybreak</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="349" />
        <source>&lt;b&gt;Daybreak&lt;/b&gt; %1&lt;br&gt;The migration console that keeps the 6am reports on time while nightly pipelines move from on-prem to the cloud.</source>
        <translation>&lt;b&gt;Daybreak&lt;/b&gt; %1&lt;br&gt;Die Migrationskonsole, die die 6-Uhr-Berichte pünktlich hält, während nächtliche Pipelines vom eigenen Rechenzentrum in die Cloud ziehen.</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="537" />
        <source>Store unreachable: what you see is frozen and no change can be made. Reconnecting by itself (next attempt in %1 s).
%2</source>
        <translation>Speicher nicht erreichbar: Was Sie sehen, ist eingefroren, und nichts kann geändert werden. Die Verbindung wird selbst wiederhergestellt (nächster Versuch in %1 s).
%2</translation>
    </message>
</context>
<context>
    <name>daybreak::MigrationActions</name>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="18" />
        <source>Start &amp;dual run…</source>
        <translation>&amp;Parallelbetrieb starten…</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="19" />
        <source>&amp;Cut over…</source>
        <translation>&amp;Umschalten…</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="20" />
        <source>&amp;Roll back…</source>
        <translation>&amp;Zurückschalten…</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="21" />
        <source>&amp;Break-glass rollback…</source>
        <translation>&amp;Notfall-Rückschaltung…</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="22" />
        <source>D&amp;ecommission on-prem…</source>
        <translation>On-prem &amp;stilllegen…</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="31" />
        <source>Make the cloud side canonical (change window only)</source>
        <translation>Die Cloud-Seite maßgeblich machen (nur im Änderungsfenster)</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="32" />
        <source>Flip the pointer back to on-prem (change window only)</source>
        <translation>Den Zeiger zurück auf on-prem stellen (nur im Änderungsfenster)</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="34" />
        <source>Roll back outside the change window; needs a reason and is audited as break-glass</source>
        <translation>Außerhalb des Änderungsfensters zurückschalten; braucht eine Begründung und wird als Notfall protokolliert</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="99" />
        <source>Start dual run</source>
        <translation>Parallelbetrieb starten</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="101" />
        <source>Cut over</source>
        <translation>Umschalten</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="103" />
        <source>Roll back</source>
        <translation>Zurückschalten</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="105" />
        <source>Decommission</source>
        <translation>Stilllegen</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="124" />
        <location filename="../app/daybreak/MigrationActions.cpp" line="219" />
        <location filename="../app/daybreak/MigrationActions.cpp" line="247" />
        <location filename="../app/daybreak/MigrationActions.cpp" line="273" />
        <source>the store is unreachable</source>
        <translation>der Speicher ist nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="148" />
        <source>Store unreachable</source>
        <translation>Speicher nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="149" />
        <source>Store unreachable: %1</source>
        <translation>Speicher nicht erreichbar: %1</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="156" />
        <source>Break-glass rollback</source>
        <translation>Notfall-Rückschaltung</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="164" />
        <source>%1 needs a second operator</source>
        <translation>%1 braucht einen zweiten Operator</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="165" />
        <source>%1 of %2 needs another operator's approval. Ask for it? The request waits until the change window closes; approving it carries the change out.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="179" />
        <location filename="../app/daybreak/MigrationActions.cpp" line="180" />
        <location filename="../app/daybreak/MigrationActions.cpp" line="228" />
        <source>%1 of %2 refused</source>
        <translation>%1 von %2 abgelehnt</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="191" />
        <source>Start the cloud shadow run of %1? On-prem stays canonical.</source>
        <translation>Den Cloud-Schattenlauf von %1 starten? On-prem bleibt maßgeblich.</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="194" />
        <source>Cut %1 over? Its readers will use the cloud output from now on.</source>
        <translation>%1 umschalten? Seine Leser verwenden ab jetzt die Cloud-Ausgabe.</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="199" />
        <source>BREAK-GLASS: roll %1 back to on-prem outside the change window? This is audited.</source>
        <translation>NOTFALL: %1 außerhalb des Änderungsfensters auf on-prem zurückschalten? Das wird protokolliert.</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="202" />
        <source>Roll %1 back? On-prem becomes canonical again; nothing else moves.</source>
        <translation>%1 zurückschalten? On-prem wird wieder maßgeblich; sonst bewegt sich nichts.</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="206" />
        <source>Retire the on-prem side of %1? There is no pointer rollback afterwards.</source>
        <translation>Die On-prem-Seite von %1 stilllegen? Danach gibt es keine Rückschaltung des Zeigers.</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="209" />
        <source>It feeds tonight: %1.</source>
        <translation>Es speist heute Nacht: %1.</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="230" />
        <source>%1 of %2 not done</source>
        <translation>%1 von %2 nicht ausgeführt</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="251" />
        <source>Request for %1</source>
        <translation>Antrag für %1</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="262" />
        <source>Reject request #%1</source>
        <translation>Antrag #%1 ablehnen</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="263" />
        <source>Reject request #%1? Its requester reads your reason.</source>
        <translation>Antrag #%1 ablehnen? Wer ihn gestellt hat, liest Ihre Begründung.</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="279" />
        <source>Approval of request #%1</source>
        <translation>Genehmigung von Antrag #%1</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="280" />
        <source>Rejection of request #%1</source>
        <translation>Ablehnung von Antrag #%1</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="291" />
        <source>%1 refused</source>
        <translation>%1 abgelehnt</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="293" />
        <source>%1 not done</source>
        <translation>%1 nicht ausgeführt</translation>
    </message>
</context>
<context>
    <name>daybreak::MigrationPlan</name>
    <message>
        <location filename="../model/editing/MigrationPlan.cpp" line="33" />
        <source>Not saved: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../model/editing/MigrationPlan.cpp" line="37" />
        <source>Refused: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../model/editing/MigrationPlan.cpp" line="123" />
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../model/editing/MigrationPlan.cpp" line="135" />
        <source>Add wave %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../model/editing/MigrationPlan.cpp" line="143" />
        <source>Remove wave %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../model/editing/MigrationPlan.cpp" line="160" />
        <location filename="../model/editing/MigrationPlan.cpp" line="192" />
        <source>Move %1 to %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../model/editing/MigrationPlan.cpp" line="170" />
        <location filename="../model/editing/MigrationPlan.cpp" line="190" />
        <source>Move %1 to the backlog</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../model/editing/MigrationPlan.cpp" line="204" />
        <source>Auto-plan %1 pipeline(s)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>daybreak::NightController</name>
    <message>
        <location filename="../app/daybreak/NightController.cpp" line="137" />
        <source>The last %1 recorded nights replayed as if live, each on the durations learned before it (daybreakctl sla backtest):
p95 coverage %2 % of %3 runs; %4 late report-night(s), %5 missed; %6 false alarm(s)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>daybreak::OpenStoreDialog</name>
    <message>
        <location filename="../views/OpenStoreDialog.cpp" line="16" />
        <source>SQLite file on this machine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/OpenStoreDialog.cpp" line="18" />
        <source>PostgreSQL server (shared by consoles, the CLI and the orchestrator)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/OpenStoreDialog.cpp" line="21" />
        <source>Open as a viewer (read-only: nothing can be changed from this console)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/OpenStoreDialog.cpp" line="23" />
        <location filename="../views/OpenStoreDialog.cpp" line="31" />
        <source>Open store</source>
        <translation>Speicher öffnen</translation>
    </message>
    <message>
        <location filename="../views/OpenStoreDialog.cpp" line="28" />
        <source>Browse…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/OpenStoreDialog.cpp" line="32" />
        <source>Daybreak stores (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/OpenStoreDialog.cpp" line="37" />
        <source>The password comes from PGPASSWORD or ~/.pgpass; if neither has one you will be asked. It is never saved.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>daybreak::ParityChart</name>
    <message>
        <location filename="../views/ParityChart.cpp" line="22" />
        <location filename="../views/ParityChart.cpp" line="113" />
        <source>difference %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/ParityChart.cpp" line="23" />
        <source>tolerance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/ParityChart.cpp" line="26" />
        <source>open breach</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/ParityChart.cpp" line="30" />
        <source>accepted / explained</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/ParityChart.cpp" line="82" />
        <source>clean comparisons %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/ParityChart.cpp" line="93" />
        <source>No parity comparison recorded yet: dual-run a pipeline and record its comparisons (daybreakctl parity record)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/ParityChart.cpp" line="98" />
        <source>All pipelines: clean comparisons per night (%1 compared)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/ParityChart.cpp" line="99" />
        <source>The share of the night's comparisons within their pipeline's tolerance; red marks a night with an open breach. Select a pipeline for its own history.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/ParityChart.cpp" line="143" />
        <source>%1 — worst relative difference per night (tolerance %2%)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>daybreak::ParityOverviewModel</name>
    <message>
        <location filename="../views/ParityOverviewModel.cpp" line="61" />
        <source>%1 of %2: %3</source>
        <translation>%1 von %2: %3</translation>
    </message>
    <message>
        <location filename="../views/ParityOverviewModel.cpp" line="78" />
        <source>%1 (missing)</source>
        <translation>%1 (fehlt)</translation>
    </message>
    <message>
        <location filename="../views/ParityOverviewModel.cpp" line="82" />
        <source>ROLL BACK recommended</source>
        <translation>ZURÜCKSCHALTEN empfohlen</translation>
    </message>
    <message>
        <location filename="../views/ParityOverviewModel.cpp" line="83" />
        <source>cutover held</source>
        <translation>Umschaltung zurückgehalten</translation>
    </message>
    <message>
        <location filename="../views/ParityOverviewModel.cpp" line="95" />
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../views/ParityOverviewModel.cpp" line="97" />
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../views/ParityOverviewModel.cpp" line="99" />
        <source>Gate</source>
        <translation>Schranke</translation>
    </message>
    <message>
        <location filename="../views/ParityOverviewModel.cpp" line="101" />
        <source>Clean nights</source>
        <translation>Saubere Nächte</translation>
    </message>
    <message>
        <location filename="../views/ParityOverviewModel.cpp" line="103" />
        <source>Open breaches</source>
        <translation>Offene Verstöße</translation>
    </message>
    <message>
        <location filename="../views/ParityOverviewModel.cpp" line="105" />
        <source>Advice</source>
        <translation>Empfehlung</translation>
    </message>
</context>
<context>
    <name>daybreak::ParityPanel</name>
    <message>
        <location filename="../views/ParityPanel.cpp" line="31" />
        <source>Last parity diff of the selected pipeline</source>
        <translation>Letzter Paritätsvergleich der gewählten Pipeline</translation>
    </message>
    <message>
        <location filename="../views/ParityPanel.cpp" line="32" />
        <source>Parity of every pipeline</source>
        <translation>Parität jeder Pipeline</translation>
    </message>
</context>
<context>
    <name>daybreak::PipelineDetailsPanel</name>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="34" />
        <source>Details of the selected pipeline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="42" />
        <source>&lt;p style='color:#666'&gt;Select a pipeline in the graph or the table to see its details.&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="69" />
        <source> · stays on-prem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="71" />
        <source>&lt;p style='color:#b00020'&gt;&lt;b&gt;Rollback recommended:&lt;/b&gt; a parity breach is open since the cutover.&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="74" />
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="75" />
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="76" />
        <source>Schedule</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="77" />
        <source>after its upstreams</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="79" />
        <source>SLA</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="81" />
        <source>Duration</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="82" />
        <source>on-prem %1 min%2 · cloud %3 min%4 (inventory)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="84" />
        <location filename="../views/PipelineDetailsPanel.cpp" line="86" />
        <source> (p95 %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="88" />
        <source>Learned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="92" />
        <source>Readers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="93" />
        <source>Upstreams</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="94" />
        <source>Downstreams</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="96" />
        <source>Wave</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="96" />
        <source>not planned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="97" />
        <source>Pointer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="98" />
        <source>version %1, changed %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="103" />
        <source>&lt;h4&gt;Parity gate: %1 (%2 clean in a row, %3 needed)&lt;/h4&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="112" />
        <source>&lt;p style='color:#666'&gt;No dual-run comparisons yet.&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="114" />
        <source>&lt;table cellspacing='0' cellpadding='2'&gt;&lt;tr&gt;&lt;th align='left'&gt;Date&lt;/th&gt;&lt;th align='right'&gt;On-prem rows&lt;/th&gt;&lt;th align='right'&gt;Cloud rows&lt;/th&gt;&lt;th align='right'&gt;Diff&lt;/th&gt;&lt;th&gt;&lt;/th&gt;&lt;th&gt;&lt;/th&gt;&lt;/tr&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="129" />
        <source>ok</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="131" />
        <source>BREACH</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="134" />
        <source>&lt;/table&gt;&lt;p style='color:#666'&gt;&amp;#9679; measured by Daybreak inside both warehouses; the others were imported.&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="144" />
        <source>&lt;h4&gt;Recent changes&lt;/h4&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="146" />
        <source>&lt;p style='color:#666'&gt;None.&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="155" />
        <source>%1 (db %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="159" />
        <source> &lt;span style='color:#b00020'&gt;[break-glass]&lt;/span&gt;</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>daybreak::PipelineNodeItem</name>
    <message>
        <location filename="../views/PipelineNodeItem.cpp" line="71" />
        <source> (stays on-prem)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineNodeItem.cpp" line="73" />
        <source>&lt;br&gt;wave: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>daybreak::PipelineTableModel</name>
    <message>
        <location filename="../views/PipelineTableModel.cpp" line="93" />
        <source>onprem (stays)</source>
        <translation>onprem (bleibt)</translation>
    </message>
    <message>
        <location filename="../views/PipelineTableModel.cpp" line="97" />
        <source>—</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/PipelineTableModel.cpp" line="122" />
        <source>%1 — %2, owned by %3</source>
        <translation>%1 — %2, gehört %3</translation>
    </message>
    <message>
        <location filename="../views/PipelineTableModel.cpp" line="124" />
        <source>%1 of %2: %3</source>
        <translation>%1 von %2: %3</translation>
    </message>
    <message>
        <location filename="../views/PipelineTableModel.cpp" line="141" />
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../views/PipelineTableModel.cpp" line="143" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../views/PipelineTableModel.cpp" line="145" />
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <location filename="../views/PipelineTableModel.cpp" line="147" />
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../views/PipelineTableModel.cpp" line="149" />
        <source>Canonical</source>
        <translation>Maßgeblich</translation>
    </message>
    <message>
        <location filename="../views/PipelineTableModel.cpp" line="151" />
        <source>Parity gate</source>
        <translation>Paritätsschranke</translation>
    </message>
    <message>
        <location filename="../views/PipelineTableModel.cpp" line="153" />
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
</context>
<context>
    <name>daybreak::PipelineTablePanel</name>
    <message>
        <location filename="../views/PipelineTablePanel.cpp" line="21" />
        <source>Filter by id, name or owner…</source>
        <translation>Nach Id, Name oder Eigentümer filtern…</translation>
    </message>
    <message>
        <location filename="../views/PipelineTablePanel.cpp" line="24" />
        <source>Filter pipelines by id, name or owner</source>
        <translation>Pipelines nach Id, Name oder Eigentümer filtern</translation>
    </message>
    <message>
        <location filename="../views/PipelineTablePanel.cpp" line="26" />
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <location filename="../views/PipelineTablePanel.cpp" line="32" />
        <source>Pipelines</source>
        <translation>Pipelines</translation>
    </message>
</context>
<context>
    <name>daybreak::SlaPanel</name>
    <message>
        <location filename="../views/SlaPanel.cpp" line="23" />
        <source>Forecast record: checking the recorded nights…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="24" />
        <source>Acknowledge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="25" />
        <source>◀ Night before</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="26" />
        <source>Current night</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="27" />
        <source>Next night ▶</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="30" />
        <source>Critical paths of the reports</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="31" />
        <source>Every pipeline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="33" />
        <source>Tonight's alerts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="35" />
        <source>R&amp;ows:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="59" />
        <source>&lt;b&gt;Alerts&lt;/b&gt; (raised as soon as a report turns at risk)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="102" />
        <source>Forecast record: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="120" />
        <source>%1 delivered %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="123" />
        <source>%1 FAILING (%2 attempt(s): %3; next %4)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="129" />
        <source>%1 queued</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="142" />
        <source>  — acknowledged by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="145" />
        <source>  — resolved %1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>daybreak::SlaTimeline</name>
    <message>
        <location filename="../views/SlaTimeline.cpp" line="256" />
        <source>Night of %1 (%2) — NO DATA: the orchestrator reported no run for this night (the first was due at %3) · the bars are the plan, not a projection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/SlaTimeline.cpp" line="262" />
        <location filename="../views/SlaTimeline.cpp" line="317" />
        <source> · first %1 of %2 rows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/SlaTimeline.cpp" line="264" />
        <source> · grey: plan · green done · blue running · amber at-risk path · red failed · dashed: cloud shadow</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/SlaTimeline.cpp" line="279" />
        <source>%1 (%2 against %3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/SlaTimeline.cpp" line="285" />
        <source>%1 (never finished)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/SlaTimeline.cpp" line="289" />
        <source>Night of %1 (%2) — over: all %3 reports made their deadline (the last at %4)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/SlaTimeline.cpp" line="294" />
        <source>Night of %1 (%2) — over: %3 of %4 reports made their deadline; missed: %5</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/SlaTimeline.cpp" line="303" />
        <source>Night of %1 (%2) — coming: %3 reports, %4 at risk at p95 · nothing has run yet, the bars are the projection%5%6</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/SlaTimeline.cpp" line="309" />
        <source>Night of %1 (%2) — %3 reports: %4 at risk, %5 breached%6 · grey: plan · green done · blue running · amber at-risk path · red failed · dashed: cloud shadow</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>daybreak::StatusBadges</name>
    <message>
        <location filename="../app/daybreak/StatusBadges.cpp" line="43" />
        <source>Store: %1 · %2</source>
        <translation>Speicher: %1 · %2</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StatusBadges.cpp" line="51" />
        <source>Store unreachable — retrying in %1 s</source>
        <translation>Speicher nicht erreichbar — neuer Versuch in %1 s</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StatusBadges.cpp" line="64" />
        <source>%1 pipelines · %2 on-prem · %3 dual-run · %4 cloud · %5 decommissioned</source>
        <translation>%1 Pipelines · %2 on-prem · %3 parallel · %4 Cloud · %5 stillgelegt</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/daybreak/StatusBadges.cpp" line="74" />
        <source>%n rollback(s) recommended</source>
        <translation>
            <numerusform>%n Rückschaltung empfohlen</numerusform><numerusform>%n Rückschaltungen empfohlen</numerusform></translation>
    </message>
    <message>
        <location filename="../app/daybreak/StatusBadges.cpp" line="87" />
        <source>High-risk changes (cutover, rollback, decommission) run %1 (%2). Blackout dates: %3</source>
        <translation>Änderungen mit hohem Risiko (Umschalten, Zurückschalten, Stilllegen) laufen %1 (%2). Sperrtage: %3</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StatusBadges.cpp" line="89" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StatusBadges.cpp" line="102" />
        <source>data as of %1</source>
        <translation>Daten von %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/daybreak/StatusBadges.cpp" line="112" />
        <source> — aging: no answer for %n s</source>
        <translation>
            <numerusform> — alternd: seit %n s keine Antwort</numerusform><numerusform> — alternd: seit %n s keine Antwort</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/daybreak/StatusBadges.cpp" line="116" />
        <source> — STALE: no answer for %n s</source>
        <translation>
            <numerusform> — VERALTET: seit %n s keine Antwort</numerusform><numerusform> — VERALTET: seit %n s keine Antwort</numerusform></translation>
    </message>
    <message>
        <location filename="../app/daybreak/StatusBadges.cpp" line="125" />
        <source>watch: none running</source>
        <translation>Wächter: keiner läuft</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StatusBadges.cpp" line="127" />
        <source>No daybreakctl watch beats in this store: nothing raises alerts while no console is open, and nobody is paged.</source>
        <translation>In diesem Speicher schlägt kein daybreakctl-Wächter: Solange keine Konsole offen ist, löst nichts Alarme aus, und niemand wird benachrichtigt.</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StatusBadges.cpp" line="132" />
        <source>watch: last ran %1%2</source>
        <translation>Wächter: zuletzt gelaufen %1%2</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StatusBadges.cpp" line="134" />
        <source> — STALE</source>
        <translation> — VERALTET</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StatusBadges.cpp" line="137" />
        <source>%1, every %2 s since %3; %4</source>
        <translation>%1, alle %2 s seit %3; %4</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/daybreak/StatusBadges.cpp" line="144" />
        <source> · %n deliveries FAILING</source>
        <translation>
            <numerusform> · %n Zustellung SCHEITERT</numerusform><numerusform> · %n Zustellungen SCHEITERN</numerusform></translation>
    </message>
</context>
<context>
    <name>daybreak::StoreOpener</name>
    <message>
        <location filename="../app/daybreak/StoreOpener.cpp" line="42" />
        <source>Still opening another store; try again when it answers</source>
        <translation>Ein anderer Speicher wird noch geöffnet; versuchen Sie es erneut, wenn er antwortet</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StoreOpener.cpp" line="66" />
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StoreOpener.cpp" line="83" />
        <source>Password for %1:</source>
        <translation>Passwort für %1:</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StoreOpener.cpp" line="84" />
        <source>The server refused it:
%1

Password:</source>
        <translation>Der Server hat es abgelehnt:
%1

Passwort:</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StoreOpener.cpp" line="86" />
        <source>PostgreSQL password</source>
        <translation>PostgreSQL-Passwort</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StoreOpener.cpp" line="91" />
        <source>no password given for %1</source>
        <translation>kein Passwort für %1 angegeben</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StoreOpener.cpp" line="94" />
        <source>Open store</source>
        <translation>Speicher öffnen</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StoreOpener.cpp" line="95" />
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
</context>
<context>
    <name>daybreak::WarRoomWindow</name>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="28" />
        <location filename="../views/WarRoomWindow.cpp" line="51" />
        <location filename="../views/WarRoomWindow.cpp" line="177" />
        <source>Unlock controls</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="31" />
        <source>Daybreak — war room</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="51" />
        <location filename="../views/WarRoomWindow.cpp" line="176" />
        <source>Lock controls</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="59" />
        <source>Latest routing changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="61" />
        <source>Recent changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="109" />
        <source>NO DATA from the orchestrator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="112" />
        <source>BREACHED: %1 report(s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="113" />
        <source> · %1 at risk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="116" />
        <source>AT RISK: %1 report(s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="119" />
        <source>ON TRACK</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="123" />
        <source>6am %1 — %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="131" />
        <source>STORE UNREACHABLE — figures frozen, reconnecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="155" />
        <source>  BREAK-GLASS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="156" />
        <source>  unplanned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="175" />
        <source>Viewer: read-only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="180" />
        <source>This console is connected as a viewer; operators act from their own consoles</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>daybreak::WaveBoard</name>
    <message>
        <location filename="../views/WaveBoard.cpp" line="34" />
        <source>Add wave…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="35" />
        <source>Auto-plan the rest…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="37" />
        <source> &amp;Backlog by: </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="40" />
        <source>dependency depth</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="41" />
        <source>owner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="42" />
        <source>id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="43" />
        <source>group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="46" />
        <source>Filter the backlog</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="47" />
        <source>Filter the backlog: text, or group:G  +id  owner:O …</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="54" />
        <source> Drag cards between columns; Shift carries the upstreams they need; Ctrl+→/← moves the selected card.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="109" />
        <source>%1 (%2, %3 of %4 cut over)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="117" />
        <source>Past waves: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="141" />
        <source>Rename wave</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="141" />
        <source>New name for %1:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="226" />
        <source>&lt;b&gt;Backlog&lt;/b&gt;&lt;br&gt;%1 unplanned cloud-target pipeline(s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="227" />
        <source>&lt;b&gt;Backlog&lt;/b&gt;&lt;br&gt;%1 of %2 unplanned, filtered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="230" />
        <source>Cloud-target pipelines not cut over and not in any wave</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="248" />
        <source>&lt;span style='color:#c01c28'&gt;✕ %1 invalid&lt;/span&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="249" />
        <source>&lt;span style='color:#b36b00'&gt;⚠ %1 not ready&lt;/span&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="250" />
        <source>&lt;span style='color:#1b7f3b'&gt;✓ ready&lt;/span&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="256" />
        <source>The night after: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="259" />
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 · %3/%4 pipelines · high-risk %5/%6&lt;br&gt;%7%8</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="272" />
        <source>Window %1 – %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="417" />
        <source>Rename %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="419" />
        <source>Remove %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="457" />
        <source>%1 — %2
owner %3, %4 risk, %5
parity ready %6%7</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="461" />
        <source>
needs first: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>daybreak::WaveColumn</name>
    <message>
        <location filename="../views/WaveColumn.cpp" line="26" />
        <source>Backlog: pipelines in no wave</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveColumn.cpp" line="27" />
        <source>Pipelines of wave %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveColumn.cpp" line="65" />
        <source>✓ drop allowed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveColumn.cpp" line="66" />
        <source>✕ refused: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveColumn.cpp" line="67" />
        <source> (+%1 more)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>daybreak::WaveColumnModel</name>
    <message>
        <location filename="../views/WaveColumnModel.cpp" line="37" />
        <source>no store is open</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>daybreak::WaveRunbookPanel</name>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="46" />
        <source>Waiting for a second operator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="60" />
        <source>The weekend's runbook: each member's steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="62" />
        <source>#</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="62" />
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="62" />
        <source>Standing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="62" />
        <source>Gate</source>
        <translation>Schranke</translation>
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="63" />
        <source>Pre-check</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="63" />
        <source>Cutover</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="63" />
        <source>First cloud run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="64" />
        <source>First night's parity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="64" />
        <source>Why not yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="95" />
        <source>No wave is planned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="96" />
        <source>Plan one on the wave board.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="111" />
        <source>%1 — %2 · window %3 to %4%5</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="115" />
        <source> · open now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="131" />
        <source>
request #%1 by %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="141" />
        <source>
FLAG: </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="161" />
        <source>#%1  %2 of %3, asked by %4 at %5: %6 (expires %7)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="169" />
        <source>Approve</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="170" />
        <source>Reject</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="176" />
        <source>You asked for it: another operator must decide (four eyes).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="177" />
        <source>Approving needs the approver role.</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>