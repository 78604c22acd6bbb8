<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BoardState</name>
    <message>
        <location filename="../model/services/BoardState.cpp" line="80"/>
        <source>%1 (%2, %3 of %4 cut over)</source>
        <translation>%1 (%2, %3 von %4 umgeschaltet)</translation>
    </message>
    <message>
        <location filename="../model/services/BoardState.cpp" line="145"/>
        <source>%1 — %2
owner %3, %4 risk, %5
parity ready %6%7</source>
        <translation>%1 — %2
verantwortlich %3, Risiko %4, %5
Parität bereit %6%7</translation>
    </message>
    <message>
        <location filename="../model/services/BoardState.cpp" line="146"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../model/services/BoardState.cpp" line="150"/>
        <source>
needs first: %1</source>
        <translation>
braucht zuerst: %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/daybreak/ExportActions.cpp" line="18"/>
        <location filename="../app/daybreak/ExportActions.cpp" line="26"/>
        <source>Export graph</source>
        <translation>Graph exportieren</translation>
    </message>
    <message>
        <location filename="../app/daybreak/ExportActions.cpp" line="19"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <location filename="../app/daybreak/ExportActions.cpp" line="29"/>
        <source>Graph exported to %1</source>
        <translation>Graph exportiert nach %1</translation>
    </message>
    <message>
        <location filename="../app/daybreak/ExportActions.cpp" line="37"/>
        <location filename="../app/daybreak/ExportActions.cpp" line="45"/>
        <location filename="../app/daybreak/ExportActions.cpp" line="57"/>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <location filename="../app/daybreak/ExportActions.cpp" line="38"/>
        <source>PDF document (*.pdf);;HTML page (*.html);;Markdown (*.md);;CSV for spreadsheets (*.csv);;Graphviz DOT (*.dot)</source>
        <translation>PDF-Dokument (*.pdf);;HTML-Seite (*.html);;Markdown (*.md);;CSV für Tabellen (*.csv);;Graphviz DOT (*.dot)</translation>
    </message>
    <message>
        <location filename="../app/daybreak/ExportActions.cpp" line="46"/>
        <source>Choose a .pdf, .html, .md, .csv or .dot file name.</source>
        <translation>Wählen Sie einen Dateinamen mit .pdf, .html, .md, .csv oder .dot.</translation>
    </message>
    <message>
        <location filename="../app/daybreak/ExportActions.cpp" line="49"/>
        <source>Writing the report…</source>
        <translation>Der Bericht wird geschrieben…</translation>
    </message>
    <message>
        <location filename="../app/daybreak/ExportActions.cpp" line="60"/>
        <source>Report written to %1</source>
        <translation>Bericht geschrieben nach %1</translation>
    </message>
    <message>
        <location filename="../app/daybreak/main.cpp" line="131"/>
        <source>Daybreak</source>
        <translation>Daybreak</translation>
    </message>
    <message>
        <location filename="../app/daybreak/main.cpp" line="132"/>
        <source>Cannot open the store:
%1</source>
        <translation>Der Speicher lässt sich nicht öffnen:
%1</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StorePrompt.cpp" line="22"/>
        <source>Password for %1:</source>
        <translation>Passwort für %1:</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StorePrompt.cpp" line="23"/>
        <source>The server refused it:
%1

Password:</source>
        <translation>Der Server hat es abgelehnt:
%1

Passwort:</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StorePrompt.cpp" line="24"/>
        <source>PostgreSQL password</source>
        <translation>PostgreSQL-Passwort</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StorePrompt.cpp" line="27"/>
        <source>no password given for %1</source>
        <translation>kein Passwort für %1 angegeben</translation>
    </message>
    <message>
        <location filename="../views/ActionPrompter.cpp" line="30"/>
        <source>Reason (required, goes to the audit log)</source>
        <translation>Begründung (erforderlich, geht ins Prüfprotokoll)</translation>
    </message>
    <message>
        <location filename="../views/ActionPrompter.cpp" line="31"/>
        <source>Reason (optional, goes to the audit log)</source>
        <translation>Begründung (optional, geht ins Prüfprotokoll)</translation>
    </message>
    <message>
        <location filename="../views/ActionPrompter.cpp" line="57"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;ul&gt;%2&lt;/ul&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;ul&gt;%2&lt;/ul&gt;</translation>
    </message>
    <message>
        <location filename="../views/DependencyEdgeItem.cpp" line="35"/>
        <source>%1 reads %2 across sides</source>
        <translation>%1 liest %2 über die Seiten hinweg</translation>
    </message>
    <message>
        <location filename="../views/DependencyEdgeItem.cpp" line="43"/>
        <source>%1 → %2: %3 reads</source>
        <translation>%1 → %2: %3 Lesezugriffe</translation>
    </message>
    <message>
        <location filename="../views/GraphExport.cpp" line="24"/>
        <location filename="../views/GraphExport.cpp" line="50"/>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../views/GraphExport.cpp" line="34"/>
        <source>Daybreak dependency graph</source>
        <translation>Daybreak-Abhängigkeitsgraph</translation>
    </message>
    <message>
        <location filename="../views/WaveDialogs.cpp" line="42"/>
        <source>Add wave</source>
        <translation>Welle hinzufügen</translation>
    </message>
    <message>
        <location filename="../views/WaveDialogs.cpp" line="49"/>
        <source>wave-YYYY-MM-DD</source>
        <translation>wave-JJJJ-MM-TT</translation>
    </message>
    <message>
        <location filename="../views/WaveDialogs.cpp" line="50"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../views/WaveDialogs.cpp" line="51"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../views/WaveDialogs.cpp" line="52"/>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <location filename="../views/WaveDialogs.cpp" line="53"/>
        <source>Most high-risk</source>
        <translation>Höchstens hochriskant</translation>
    </message>
    <message>
        <location filename="../views/WaveDialogs.cpp" line="68"/>
        <source>Auto-plan the backlog</source>
        <translation>Rückstand automatisch planen</translation>
    </message>
    <message>
        <location filename="../views/WaveDialogs.cpp" line="76"/>
        <source>Plan from</source>
        <translation>Planen ab</translation>
    </message>
    <message>
        <location filename="../views/WaveDialogs.cpp" line="77"/>
        <source>Capacity of new waves</source>
        <translation>Kapazität neuer Wellen</translation>
    </message>
    <message>
        <location filename="../views/WaveDialogs.cpp" line="78"/>
        <source>Most high-risk per new wave</source>
        <translation>Höchstens hochriskant je neuer Welle</translation>
    </message>
    <message>
        <location filename="../views/WaveDialogs.cpp" line="85"/>
        <source>Apply plan</source>
        <translation>Plan übernehmen</translation>
    </message>
    <message>
        <location filename="../model/editing/PlanCommands.cpp" line="28"/>
        <location filename="../model/editing/PlanCommands.cpp" line="53"/>
        <source>Rename wave %1 to %2</source>
        <translation>Welle %1 in %2 umbenennen</translation>
    </message>
</context>
<context>
    <name>daybreak</name>
    <message>
        <location filename="../views/KeyboardHelp.cpp" line="12"/>
        <source>&lt;h3&gt;Everything the mouse does, from the keyboard&lt;/h3&gt;&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Tab&lt;/b&gt;, &lt;b&gt;Shift+Tab&lt;/b&gt;&lt;/td&gt;&lt;td&gt;move between the controls of a panel; &lt;b&gt;Ctrl+Tab&lt;/b&gt; between the tabs&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+1&lt;/b&gt;, &lt;b&gt;Alt+2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;the dependency graph, the wave board&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;find a pipeline or a selection (&lt;i&gt;+id+&lt;/i&gt;, &lt;i&gt;group:G&lt;/i&gt;); Enter selects it, and a group&apos;s id opens the group&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl++&lt;/b&gt;, &lt;b&gt;Ctrl+-&lt;/b&gt;, &lt;b&gt;Ctrl+0&lt;/b&gt;, &lt;b&gt;Ctrl+1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;zoom in, zoom out, fit, actual size&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Up&lt;/b&gt;, &lt;b&gt;Down&lt;/b&gt; in a wave&apos;s card list&lt;/td&gt;&lt;td&gt;choose a pipeline (&lt;b&gt;Shift&lt;/b&gt; to choose several)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Right&lt;/b&gt;, &lt;b&gt;Ctrl+Left&lt;/b&gt;&lt;/td&gt;&lt;td&gt;move the chosen cards to the next or the previous wave, as dragging them does; &lt;b&gt;Ctrl+Shift+Right&lt;/b&gt; takes their upstreams along&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z&lt;/b&gt;, &lt;b&gt;Ctrl+Shift+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;undo, redo a plan edit&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+C&lt;/b&gt;, &lt;b&gt;Ctrl+Shift+R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;cut over, roll back the chosen pipeline (every rule is checked, as from its menu)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Menu key&lt;/b&gt; or &lt;b&gt;Shift+F10&lt;/b&gt; in the pipeline table&lt;/td&gt;&lt;td&gt;the chosen pipeline&apos;s menu, as a right click on it in the graph&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;read the store again&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt;&lt;/td&gt;&lt;td&gt;the war room; &lt;b&gt;F11&lt;/b&gt; or &lt;b&gt;Esc&lt;/b&gt; leaves it&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E&lt;/b&gt;, &lt;b&gt;Ctrl+Shift+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;export the graph, the report&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h3&gt;Alles, was die Maus tut, mit der Tastatur&lt;/h3&gt;&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Tab&lt;/b&gt;, &lt;b&gt;Umschalt+Tab&lt;/b&gt;&lt;/td&gt;&lt;td&gt;zwischen den Bedienelementen eines Bereichs wechseln; &lt;b&gt;Strg+Tab&lt;/b&gt; zwischen den Reitern&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+1&lt;/b&gt;, &lt;b&gt;Alt+2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;der Abhängigkeitsgraph, die Wellenplan&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;eine Pipeline oder eine Auswahl suchen (&lt;i&gt;+id+&lt;/i&gt;, &lt;i&gt;group:G&lt;/i&gt;); Eingabe wählt sie aus, und die ID einer Gruppe öffnet die Gruppe&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg++&lt;/b&gt;, &lt;b&gt;Strg+-&lt;/b&gt;, &lt;b&gt;Strg+0&lt;/b&gt;, &lt;b&gt;Strg+1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;vergrößern, verkleinern, einpassen, Originalgröße&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Auf&lt;/b&gt;, &lt;b&gt;Ab&lt;/b&gt; in der Kartenliste einer Welle&lt;/td&gt;&lt;td&gt;eine Pipeline wählen (&lt;b&gt;Umschalt&lt;/b&gt; für mehrere)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+Rechts&lt;/b&gt;, &lt;b&gt;Strg+Links&lt;/b&gt;&lt;/td&gt;&lt;td&gt;die gewählten Karten in die nächste oder vorige Welle verschieben, wie beim Ziehen; &lt;b&gt;Strg+Umschalt+Rechts&lt;/b&gt; nimmt ihre Vorgänger mit&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+Z&lt;/b&gt;, &lt;b&gt;Strg+Umschalt+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;eine Planänderung rückgängig machen, wiederherstellen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+Umschalt+C&lt;/b&gt;, &lt;b&gt;Strg+Umschalt+R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;die gewählte Pipeline umschalten, zurückschalten (jede Regel wird geprüft, wie aus ihrem Menü)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Menütaste&lt;/b&gt; oder &lt;b&gt;Umschalt+F10&lt;/b&gt; in der Pipeline-Tabelle&lt;/td&gt;&lt;td&gt;das Menü der gewählten Pipeline, wie ein Rechtsklick auf sie im Graphen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;den Speicher neu lesen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt;&lt;/td&gt;&lt;td&gt;das Lagezentrum; &lt;b&gt;F11&lt;/b&gt; oder &lt;b&gt;Esc&lt;/b&gt; verlässt es&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+E&lt;/b&gt;, &lt;b&gt;Strg+Umschalt+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;den Graphen, den Bericht exportieren&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <location filename="../views/LastDiffHtml.cpp" line="50"/>
        <source>&lt;h4&gt;Last diff measured by Daybreak: %1&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Letzter von Daybreak gemessener Vergleich: %1&lt;/h4&gt;</translation>
    </message>
    <message>
        <location filename="../views/LastDiffHtml.cpp" line="52"/>
        <source>&lt;p&gt;%1 rows on-prem, %2 in the cloud; &lt;b style=&apos;color:%3&apos;&gt;%4 differing&lt;/b&gt;%5&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 Zeilen on-prem, %2 in der Cloud; &lt;b style=&apos;color:%3&apos;&gt;%4 abweichend&lt;/b&gt;%5&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../views/LastDiffHtml.cpp" line="58"/>
        <source> (%1 by %2)</source>
        <translation> (%1 von %2)</translation>
    </message>
    <message>
        <location filename="../views/LastDiffHtml.cpp" line="62"/>
        <source>&lt;p style=&apos;color:#1b7f3b&apos;&gt;Every row equal within tolerance.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#1b7f3b&apos;&gt;Jede Zeile gleich innerhalb der Toleranz.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../views/LastDiffHtml.cpp" line="75"/>
        <source> …</source>
        <translation> …</translation>
    </message>
    <message>
        <location filename="../views/LastDiffHtml.cpp" line="77"/>
        <source>Missing in the cloud</source>
        <translation>Fehlt in der Cloud</translation>
    </message>
    <message>
        <location filename="../views/LastDiffHtml.cpp" line="78"/>
        <source>Only in the cloud</source>
        <translation>Nur in der Cloud</translation>
    </message>
    <message>
        <location filename="../views/LastDiffHtml.cpp" line="80"/>
        <source>&lt;p&gt;&lt;b&gt;Changed: %1 rows&lt;/b&gt;&lt;/p&gt;&lt;table cellspacing=&apos;0&apos; cellpadding=&apos;2&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;Key&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Column&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;On-prem&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;Cloud&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Geändert: %1 Zeilen&lt;/b&gt;&lt;/p&gt;&lt;table cellspacing=&apos;0&apos; cellpadding=&apos;2&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;Schlüssel&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Spalte&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;On-prem&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;Cloud&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <location filename="../views/LastDiffHtml.cpp" line="103"/>
        <source>&lt;p style=&apos;color:#555&apos;&gt;Looks like %1 in %2 (%3 rows): %4 would absorb it — suggested, not applied.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#555&apos;&gt;Sieht aus wie %1 in %2 (%3 Zeilen): %4 würde es auffangen — vorgeschlagen, nicht angewandt.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>daybreak::GraphLegend</name>
    <message>
        <location filename="../views/GraphLegend.cpp" line="45"/>
        <source>stays on-prem</source>
        <translation>bleibt on-prem</translation>
    </message>
    <message>
        <location filename="../views/GraphLegend.cpp" line="52"/>
        <source>parity %1</source>
        <translation>Parität %1</translation>
    </message>
    <message>
        <location filename="../views/GraphLegend.cpp" line="58"/>
        <source>cross-side read</source>
        <translation>seitenübergreifender Lesezugriff</translation>
    </message>
</context>
<context>
    <name>daybreak::GraphMinimap</name>
    <message>
        <location filename="../views/GraphMinimap.cpp" line="16"/>
        <source>The whole graph; click or drag to move the view</source>
        <translation>Der ganze Graph; klicken oder ziehen, um die Ansicht zu verschieben</translation>
    </message>
</context>
<context>
    <name>daybreak::GraphPanel</name>
    <message>
        <location filename="../views/GraphPanel.cpp" line="21"/>
        <source>Hide the rest</source>
        <translation>Den Rest ausblenden</translation>
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="25"/>
        <source>Find or select pipelines</source>
        <translation>Pipelines suchen oder auswählen</translation>
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="26"/>
        <source>Find a pipeline, or select: +id  id+  @id  group:G  owner:O  state:S  wave:W (Ctrl+F)</source>
        <translation>Eine Pipeline suchen oder auswählen: +id  id+  @id  group:G  owner:O  state:S  wave:W (Strg+F)</translation>
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="28"/>
        <source>An id centres the view on it. A selector (dbt&apos;s grammar) shows what it selects: +id what it reads, id+ what reads it, 2+id two steps, @id its downstreams and what they read; a space for union, a comma for intersection. Empty clears.</source>
        <translation>Eine ID zentriert die Ansicht auf sie. Ein Selektor (dbt-Grammatik) zeigt, was er auswählt: +id was sie liest, id+ was sie liest, 2+id zwei Schritte, @id ihre Nachfolger und was diese lesen; ein Leerzeichen für die Vereinigung, ein Komma für die Schnittmenge. Leer hebt die Auswahl auf.</translation>
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="33"/>
        <source>Draw only the selection instead of dimming the rest</source>
        <translation>Nur die Auswahl zeichnen, statt den Rest abzublenden</translation>
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="51"/>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="51"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Verkleinern (Strg+-)</translation>
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="52"/>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="52"/>
        <source>Zoom in (Ctrl++)</source>
        <translation>Vergrößern (Strg++)</translation>
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="53"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="53"/>
        <source>Fit the graph to the window (Ctrl+0)</source>
        <translation>Den Graphen ins Fenster einpassen (Strg+0)</translation>
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="66"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="67"/>
        <source>Whole folders of groups as one box each; double-click one to go a level down</source>
        <translation>Ganze Ordner von Gruppen als je ein Kasten; Doppelklick geht eine Ebene tiefer</translation>
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="70"/>
        <source>Collapse groups</source>
        <translation>Gruppen zuklappen</translation>
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="70"/>
        <source>Every group as one box: the whole platform at once</source>
        <translation>Jede Gruppe als ein Kasten: die ganze Plattform auf einmal</translation>
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="72"/>
        <source>Expand groups</source>
        <translation>Gruppen aufklappen</translation>
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="72"/>
        <source>Every group open (double-click a group to toggle it)</source>
        <translation>Jede Gruppe offen (Doppelklick auf eine Gruppe schaltet sie um)</translation>
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="76"/>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="79"/>
        <source>Draw groups as boxes, or the plain layout</source>
        <translation>Gruppen als Kästen zeichnen oder das einfache Layout</translation>
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="130"/>
        <source>Selector: %1</source>
        <translation>Selektor: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/GraphPanel.cpp" line="140"/>
        <source>%n pipeline(s) selected by &quot;%1&quot;; %2</source>
        <translation>
            <numerusform>%n Pipeline von „%1“ ausgewählt; %2</numerusform>
            <numerusform>%n Pipelines von „%1“ ausgewählt; %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="141"/>
        <source>the rest hidden</source>
        <translation>der Rest ausgeblendet</translation>
    </message>
    <message>
        <location filename="../views/GraphPanel.cpp" line="141"/>
        <source>the rest dimmed</source>
        <translation>der Rest abgeblendet</translation>
    </message>
</context>
<context>
    <name>daybreak::GroupBoxItem</name>
    <message>
        <location filename="../views/GroupBoxItem.cpp" line="31"/>
        <source>Double-click to expand</source>
        <translation>Doppelklick zum Aufklappen</translation>
    </message>
    <message>
        <location filename="../views/GroupBoxItem.cpp" line="31"/>
        <source>Double-click to collapse</source>
        <translation>Doppelklick zum Zuklappen</translation>
    </message>
</context>
<context>
    <name>daybreak::MainWindow</name>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="66"/>
        <source>Daybreak</source>
        <translation>Daybreak</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="92"/>
        <source>Dependency graph</source>
        <translation>Abhängigkeitsgraph</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="93"/>
        <source>Wave board</source>
        <translation>Wellenplan</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="94"/>
        <source>6am timeline</source>
        <translation>6-Uhr-Zeitleiste</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="95"/>
        <source>Wave runbook</source>
        <translation>Wellen-Runbook</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="119"/>
        <source>Pipelines</source>
        <translation>Pipelines</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="120"/>
        <source>Parity</source>
        <translation>Parität</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="123"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="226"/>
        <source>Undo/redo not applied: %1</source>
        <translation>Rückgängig/Wiederholen nicht ausgeführt: %1</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="62"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="63"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="236"/>
        <source>Store reachable again: %1</source>
        <translation>Speicher wieder erreichbar: %1</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainWindow.cpp" line="238"/>
        <source>Daybreak — %1</source>
        <translation>Daybreak — %1</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="37"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="38"/>
        <source>&amp;Open store…</source>
        <translation>Speicher ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="41"/>
        <source>&amp;Connect to PostgreSQL…</source>
        <translation>Mit PostgreSQL &amp;verbinden…</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="44"/>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="46"/>
        <source>&amp;Export graph…</source>
        <translation>Graph &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="51"/>
        <source>Export &amp;report…</source>
        <translation>&amp;Bericht exportieren…</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="54"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="61"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="85"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="86"/>
        <source>War &amp;room</source>
        <translation>&amp;Lagezentrum</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="89"/>
        <source>Dependency &amp;graph</source>
        <translation>Abhängigkeits&amp;graph</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="91"/>
        <source>&amp;Wave board</source>
        <translation>&amp;Wellenplan</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="93"/>
        <source>Colour graph by &amp;wave</source>
        <translation>Graph nach &amp;Welle färben</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="98"/>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="99"/>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="100"/>
        <source>&amp;Fit to window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="102"/>
        <source>&amp;Actual size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="104"/>
        <source>F&amp;ind pipeline</source>
        <translation>Pipeline &amp;suchen</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="109"/>
        <source>&amp;Reload from store</source>
        <translation>Aus dem Speicher &amp;neu laden</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="121"/>
        <source>&amp;Pipeline</source>
        <translation>&amp;Pipeline</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="122"/>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="134"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="136"/>
        <source>&amp;Keyboard</source>
        <translation>&amp;Tastatur</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="137"/>
        <source>Keyboard</source>
        <translation>Tastatur</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="139"/>
        <source>&amp;About Daybreak</source>
        <translation>Ü&amp;ber Daybreak</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="141"/>
        <source>About Daybreak</source>
        <translation>Über Daybreak</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MainMenus.cpp" line="142"/>
        <source>&lt;b&gt;Daybreak&lt;/b&gt; %1&lt;br&gt;The migration console that keeps the 6am reports on time while nightly pipelines move from on-prem to the cloud.</source>
        <translation>&lt;b&gt;Daybreak&lt;/b&gt; %1&lt;br&gt;Die Migrationskonsole, die die 6-Uhr-Berichte pünktlich hält, während nächtliche Pipelines vom eigenen Rechenzentrum in die Cloud ziehen.</translation>
    </message>
</context>
<context>
    <name>daybreak::MigrationActions</name>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="19"/>
        <source>Start &amp;dual run…</source>
        <translation>&amp;Parallelbetrieb starten…</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="20"/>
        <source>&amp;Cut over…</source>
        <translation>&amp;Umschalten…</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="21"/>
        <source>&amp;Roll back…</source>
        <translation>&amp;Zurückschalten…</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="22"/>
        <source>&amp;Break-glass rollback…</source>
        <translation>&amp;Notfall-Rückschaltung…</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="23"/>
        <source>D&amp;ecommission on-prem…</source>
        <translation>On-prem &amp;stilllegen…</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="32"/>
        <source>Make the cloud side canonical (change window only)</source>
        <translation>Die Cloud-Seite maßgeblich machen (nur im Änderungsfenster)</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="33"/>
        <source>Flip the pointer back to on-prem (change window only)</source>
        <translation>Den Zeiger zurück auf on-prem stellen (nur im Änderungsfenster)</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="35"/>
        <source>Roll back outside the change window; needs a reason and is audited as break-glass</source>
        <translation>Außerhalb des Änderungsfensters zurückschalten; braucht eine Begründung und wird als Notfall protokolliert</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="100"/>
        <source>Start dual run</source>
        <translation>Parallelbetrieb starten</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="102"/>
        <source>Cut over</source>
        <translation>Umschalten</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="104"/>
        <source>Roll back</source>
        <translation>Zurückschalten</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="106"/>
        <source>Decommission</source>
        <translation>Stilllegen</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="125"/>
        <location filename="../app/daybreak/MigrationActions.cpp" line="218"/>
        <location filename="../app/daybreak/MigrationActions.cpp" line="244"/>
        <location filename="../app/daybreak/MigrationActions.cpp" line="270"/>
        <source>the store is unreachable</source>
        <translation>der Speicher ist nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="149"/>
        <source>Store unreachable</source>
        <translation>Speicher nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="150"/>
        <source>Store unreachable: %1</source>
        <translation>Speicher nicht erreichbar: %1</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="157"/>
        <source>Break-glass rollback</source>
        <translation>Notfall-Rückschaltung</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="165"/>
        <source>%1 needs a second operator</source>
        <translation>%1 braucht einen zweiten Operator</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="166"/>
        <source>%1 of %2 needs another operator&apos;s approval. Ask for it? The request waits until the change window closes; approving it carries the change out.</source>
        <translation>%1 von %2 braucht die Freigabe eines weiteren Operators. Darum bitten? Die Anfrage wartet bis zum Ende des Änderungsfensters; ihre Freigabe führt die Änderung aus.</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="177"/>
        <location filename="../app/daybreak/MigrationActions.cpp" line="179"/>
        <location filename="../app/daybreak/MigrationActions.cpp" line="224"/>
        <source>%1 of %2 refused</source>
        <translation>%1 von %2 abgelehnt</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="190"/>
        <source>Start the cloud shadow run of %1? On-prem stays canonical.</source>
        <translation>Den Cloud-Schattenlauf von %1 starten? On-prem bleibt maßgeblich.</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="193"/>
        <source>Cut %1 over? Its readers will use the cloud output from now on.</source>
        <translation>%1 umschalten? Seine Leser verwenden ab jetzt die Cloud-Ausgabe.</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="198"/>
        <source>BREAK-GLASS: roll %1 back to on-prem outside the change window? This is audited.</source>
        <translation>NOTFALL: %1 außerhalb des Änderungsfensters auf on-prem zurückschalten? Das wird protokolliert.</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="201"/>
        <source>Roll %1 back? On-prem becomes canonical again; nothing else moves.</source>
        <translation>%1 zurückschalten? On-prem wird wieder maßgeblich; sonst bewegt sich nichts.</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="205"/>
        <source>Retire the on-prem side of %1? There is no pointer rollback afterwards.</source>
        <translation>Die On-prem-Seite von %1 stilllegen? Danach gibt es keine Rückschaltung des Zeigers.</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="208"/>
        <source>It feeds tonight: %1.</source>
        <translation>Es speist heute Nacht: %1.</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="227"/>
        <source>%1 of %2 not done</source>
        <translation>%1 von %2 nicht ausgeführt</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="248"/>
        <source>Request for %1</source>
        <translation>Antrag für %1</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="259"/>
        <source>Reject request #%1</source>
        <translation>Antrag #%1 ablehnen</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="260"/>
        <source>Reject request #%1? Its requester reads your reason.</source>
        <translation>Antrag #%1 ablehnen? Wer ihn gestellt hat, liest Ihre Begründung.</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="276"/>
        <source>Approval of request #%1</source>
        <translation>Genehmigung von Antrag #%1</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="277"/>
        <source>Rejection of request #%1</source>
        <translation>Ablehnung von Antrag #%1</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="285"/>
        <source>%1 refused</source>
        <translation>%1 abgelehnt</translation>
    </message>
    <message>
        <location filename="../app/daybreak/MigrationActions.cpp" line="288"/>
        <source>%1 not done</source>
        <translation>%1 nicht ausgeführt</translation>
    </message>
</context>
<context>
    <name>daybreak::MigrationPlan</name>
    <message>
        <location filename="../model/editing/MigrationPlan.cpp" line="33"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../model/editing/MigrationPlan.cpp" line="37"/>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../model/editing/MigrationPlan.cpp" line="123"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../model/editing/MigrationPlan.cpp" line="135"/>
        <source>Add wave %1</source>
        <translation>Welle %1 hinzufügen</translation>
    </message>
    <message>
        <location filename="../model/editing/MigrationPlan.cpp" line="143"/>
        <source>Remove wave %1</source>
        <translation>Welle %1 entfernen</translation>
    </message>
    <message>
        <location filename="../model/editing/MigrationPlan.cpp" line="160"/>
        <location filename="../model/editing/MigrationPlan.cpp" line="192"/>
        <source>Move %1 to %2</source>
        <translation>%1 nach %2 verschieben</translation>
    </message>
    <message>
        <location filename="../model/editing/MigrationPlan.cpp" line="170"/>
        <location filename="../model/editing/MigrationPlan.cpp" line="190"/>
        <source>Move %1 to the backlog</source>
        <translation>%1 in den Rückstand verschieben</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/editing/MigrationPlan.cpp" line="204"/>
        <source>Auto-plan %n pipeline(s)</source>
        <translation>
            <numerusform>%n Pipeline automatisch planen</numerusform>
            <numerusform>%n Pipelines automatisch planen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>daybreak::NightController</name>
    <message>
        <location filename="../app/daybreak/NightController.cpp" line="145"/>
        <source>The last %1 recorded nights replayed as if live, each on the durations learned before it (daybreakctl sla backtest):
p95 coverage %2 % of %3 runs; %4, %5 missed; %6</source>
        <translation>Die letzten %1 erfassten Nächte wie live nachgespielt, jede mit den vor ihr gelernten Dauern (daybreakctl sla backtest):
p95-Abdeckung %2 % von %3 Läufen; %4, %5 verpasst; %6</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/daybreak/NightController.cpp" line="151"/>
        <source>%n late report-night(s)</source>
        <translation>
            <numerusform>%n verspätete Berichtsnacht</numerusform>
            <numerusform>%n verspätete Berichtsnächte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/daybreak/NightController.cpp" line="153"/>
        <source>%n false alarm(s)</source>
        <translation>
            <numerusform>%n Fehlalarm</numerusform>
            <numerusform>%n Fehlalarme</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/daybreak/NightController.cpp" line="177"/>
        <source>the store is unreachable</source>
        <translation>der Speicher ist nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../app/daybreak/NightController.cpp" line="179"/>
        <source>Not acknowledged: %1</source>
        <translation>Nicht bestätigt: %1</translation>
    </message>
</context>
<context>
    <name>daybreak::OpenStoreDialog</name>
    <message>
        <location filename="../views/OpenStoreDialog.cpp" line="16"/>
        <source>SQLite file on this machine</source>
        <translation>SQLite-Datei auf diesem Rechner</translation>
    </message>
    <message>
        <location filename="../views/OpenStoreDialog.cpp" line="18"/>
        <source>PostgreSQL server (shared by consoles, the CLI and the orchestrator)</source>
        <translation>PostgreSQL-Server (geteilt von Konsolen, der Kommandozeile und dem Orchestrator)</translation>
    </message>
    <message>
        <location filename="../views/OpenStoreDialog.cpp" line="21"/>
        <source>Open as a viewer (read-only: nothing can be changed from this console)</source>
        <translation>Als Betrachter öffnen (nur lesen: von dieser Konsole aus lässt sich nichts ändern)</translation>
    </message>
    <message>
        <location filename="../views/OpenStoreDialog.cpp" line="23"/>
        <location filename="../views/OpenStoreDialog.cpp" line="31"/>
        <source>Open store</source>
        <translation>Speicher öffnen</translation>
    </message>
    <message>
        <location filename="../views/OpenStoreDialog.cpp" line="28"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../views/OpenStoreDialog.cpp" line="32"/>
        <source>Daybreak stores (*.sqlite *.db);;All files (*)</source>
        <translation>Daybreak-Speicher (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../views/OpenStoreDialog.cpp" line="37"/>
        <source>The password comes from PGPASSWORD or ~/.pgpass; if neither has one you will be asked. It is never saved.</source>
        <translation>Das Passwort kommt aus PGPASSWORD oder ~/.pgpass; hat keines davon eines, werden Sie gefragt. Es wird nie gespeichert.</translation>
    </message>
</context>
<context>
    <name>daybreak::ParityChart</name>
    <message>
        <location filename="../views/ParityChart.cpp" line="22"/>
        <location filename="../views/ParityChart.cpp" line="118"/>
        <source>difference %</source>
        <translation>Abweichung %</translation>
    </message>
    <message>
        <location filename="../views/ParityChart.cpp" line="23"/>
        <source>tolerance</source>
        <translation>Toleranz</translation>
    </message>
    <message>
        <location filename="../views/ParityChart.cpp" line="28"/>
        <source>open breach</source>
        <translation>offener Verstoß</translation>
    </message>
    <message>
        <location filename="../views/ParityChart.cpp" line="32"/>
        <source>accepted / explained</source>
        <translation>akzeptiert / erklärt</translation>
    </message>
    <message>
        <location filename="../views/ParityChart.cpp" line="86"/>
        <source>clean comparisons %</source>
        <translation>saubere Vergleiche %</translation>
    </message>
    <message>
        <location filename="../views/ParityChart.cpp" line="97"/>
        <source>No parity comparison recorded yet: dual-run a pipeline and record its comparisons (daybreakctl parity record)</source>
        <translation>Noch kein Paritätsvergleich erfasst: eine Pipeline im Doppellauf betreiben und ihre Vergleiche erfassen (daybreakctl parity record)</translation>
    </message>
    <message>
        <location filename="../views/ParityChart.cpp" line="102"/>
        <source>All pipelines: clean comparisons per night (%1 compared)</source>
        <translation>Alle Pipelines: saubere Vergleiche je Nacht (%1 verglichen)</translation>
    </message>
    <message>
        <location filename="../views/ParityChart.cpp" line="103"/>
        <source>The share of the night&apos;s comparisons within their pipeline&apos;s tolerance; red marks a night with an open breach, grey one whose breaches were all accepted or explained. Select a pipeline for its own history.</source>
        <translation>Der Anteil der Vergleiche der Nacht innerhalb der Toleranz ihrer Pipeline; Rot markiert eine Nacht mit offenem Verstoß, Grau eine, deren Verstöße alle akzeptiert oder erklärt sind. Wählen Sie eine Pipeline für ihren eigenen Verlauf.</translation>
    </message>
    <message>
        <location filename="../views/ParityChart.cpp" line="148"/>
        <source>%1 — worst relative difference per night (tolerance %2%)</source>
        <translation>%1 — größte relative Abweichung je Nacht (Toleranz %2%)</translation>
    </message>
</context>
<context>
    <name>daybreak::ParityOverviewModel</name>
    <message>
        <location filename="../views/ParityOverviewModel.cpp" line="61"/>
        <source>%1 of %2: %3</source>
        <translation>%1 von %2: %3</translation>
    </message>
    <message>
        <location filename="../views/ParityOverviewModel.cpp" line="78"/>
        <source>%1 (missing)</source>
        <translation>%1 (fehlt)</translation>
    </message>
    <message>
        <location filename="../views/ParityOverviewModel.cpp" line="82"/>
        <source>ROLL BACK recommended</source>
        <translation>ZURÜCKSCHALTEN empfohlen</translation>
    </message>
    <message>
        <location filename="../views/ParityOverviewModel.cpp" line="83"/>
        <source>cutover held</source>
        <translation>Umschaltung zurückgehalten</translation>
    </message>
    <message>
        <location filename="../views/ParityOverviewModel.cpp" line="95"/>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../views/ParityOverviewModel.cpp" line="97"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../views/ParityOverviewModel.cpp" line="99"/>
        <source>Gate</source>
        <translation>Schranke</translation>
    </message>
    <message>
        <location filename="../views/ParityOverviewModel.cpp" line="101"/>
        <source>Clean nights</source>
        <translation>Saubere Nächte</translation>
    </message>
    <message>
        <location filename="../views/ParityOverviewModel.cpp" line="103"/>
        <source>Open breaches</source>
        <translation>Offene Verstöße</translation>
    </message>
    <message>
        <location filename="../views/ParityOverviewModel.cpp" line="105"/>
        <source>Advice</source>
        <translation>Empfehlung</translation>
    </message>
</context>
<context>
    <name>daybreak::ParityPanel</name>
    <message>
        <location filename="../views/ParityPanel.cpp" line="31"/>
        <source>Last parity diff of the selected pipeline</source>
        <translation>Letzter Paritätsvergleich der gewählten Pipeline</translation>
    </message>
    <message>
        <location filename="../views/ParityPanel.cpp" line="32"/>
        <source>Parity of every pipeline</source>
        <translation>Parität jeder Pipeline</translation>
    </message>
</context>
<context>
    <name>daybreak::PipelineDetailsPanel</name>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="35"/>
        <source>Details of the selected pipeline</source>
        <translation>Details der gewählten Pipeline</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="43"/>
        <source>&lt;p style=&apos;color:#666&apos;&gt;Select a pipeline in the graph or the table to see its details.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#666&apos;&gt;Wählen Sie eine Pipeline im Graphen oder in der Tabelle, um ihre Details zu sehen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="79"/>
        <source> · stays on-prem</source>
        <translation> · bleibt on-prem</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="81"/>
        <source>&lt;p style=&apos;color:#b00020&apos;&gt;&lt;b&gt;Rollback recommended:&lt;/b&gt; a parity breach is open since the cutover.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#b00020&apos;&gt;&lt;b&gt;Rückschaltung empfohlen:&lt;/b&gt; seit der Umschaltung ist ein Paritätsverstoß offen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="96"/>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="97"/>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="98"/>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="98"/>
        <source>after its upstreams</source>
        <translation>nach ihren Vorgängern</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="100"/>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="102"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="103"/>
        <source>on-prem %1 min%2 · cloud %3 min%4 (inventory)</source>
        <translation>on-prem %1 Min.%2 · Cloud %3 Min.%4 (Inventar)</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="105"/>
        <location filename="../views/PipelineDetailsPanel.cpp" line="107"/>
        <source> (p95 %1)</source>
        <translation> (p95 %1)</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="109"/>
        <source>Learned</source>
        <translation>Gelernt</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="113"/>
        <source>Readers</source>
        <translation>Leser</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="114"/>
        <source>Upstreams</source>
        <translation>Vorgänger</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="115"/>
        <source>Downstreams</source>
        <translation>Nachfolger</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="117"/>
        <source>Wave</source>
        <translation>Welle</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="117"/>
        <source>not planned</source>
        <translation>nicht geplant</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="118"/>
        <source>Pointer</source>
        <translation>Zeiger</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="119"/>
        <source>version %1, changed %2</source>
        <translation>Version %1, geändert %2</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="135"/>
        <source>&lt;h4&gt;Parity gate: %1 (%2 clean in a row, %3 needed)&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Paritätsschranke: %1 (%2 sauber in Folge, %3 nötig)&lt;/h4&gt;</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="144"/>
        <source>&lt;p style=&apos;color:#666&apos;&gt;No dual-run comparisons yet.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#666&apos;&gt;Noch keine Vergleiche aus dem Doppellauf.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="146"/>
        <source>&lt;table cellspacing=&apos;0&apos; cellpadding=&apos;2&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;Date&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;On-prem rows&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;Cloud rows&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;Diff&lt;/th&gt;&lt;th&gt;&lt;/th&gt;&lt;th&gt;&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;table cellspacing=&apos;0&apos; cellpadding=&apos;2&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;Datum&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;Zeilen on-prem&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;Zeilen Cloud&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;Abweichung&lt;/th&gt;&lt;th&gt;&lt;/th&gt;&lt;th&gt;&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="161"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="163"/>
        <source>BREACH</source>
        <translation>VERSTOSS</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="166"/>
        <source>&lt;/table&gt;&lt;p style=&apos;color:#666&apos;&gt;&amp;#9679; measured by Daybreak inside both warehouses; the others were imported.&lt;/p&gt;</source>
        <translation>&lt;/table&gt;&lt;p style=&apos;color:#666&apos;&gt;&amp;#9679; von Daybreak in beiden Warehouses gemessen; die übrigen wurden importiert.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="184"/>
        <source>&lt;h4&gt;Recent changes&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Letzte Änderungen&lt;/h4&gt;</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="186"/>
        <source>&lt;p style=&apos;color:#666&apos;&gt;None.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#666&apos;&gt;Keine.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="195"/>
        <source>%1 (db %2)</source>
        <translation>%1 (DB %2)</translation>
    </message>
    <message>
        <location filename="../views/PipelineDetailsPanel.cpp" line="199"/>
        <source> &lt;span style=&apos;color:#b00020&apos;&gt;[break-glass]&lt;/span&gt;</source>
        <translation> &lt;span style=&apos;color:#b00020&apos;&gt;[Notfall]&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>daybreak::PipelineNodeItem</name>
    <message>
        <location filename="../views/PipelineNodeItem.cpp" line="71"/>
        <source> (stays on-prem)</source>
        <translation> (bleibt on-prem)</translation>
    </message>
    <message>
        <location filename="../views/PipelineNodeItem.cpp" line="73"/>
        <source>&lt;br&gt;wave: %1</source>
        <translation>&lt;br&gt;Welle: %1</translation>
    </message>
</context>
<context>
    <name>daybreak::PipelineTableModel</name>
    <message>
        <location filename="../views/PipelineTableModel.cpp" line="93"/>
        <source>onprem (stays)</source>
        <translation>onprem (bleibt)</translation>
    </message>
    <message>
        <location filename="../views/PipelineTableModel.cpp" line="97"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../views/PipelineTableModel.cpp" line="122"/>
        <source>%1 — %2, owned by %3</source>
        <translation>%1 — %2, gehört %3</translation>
    </message>
    <message>
        <location filename="../views/PipelineTableModel.cpp" line="124"/>
        <source>%1 of %2: %3</source>
        <translation>%1 von %2: %3</translation>
    </message>
    <message>
        <location filename="../views/PipelineTableModel.cpp" line="141"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../views/PipelineTableModel.cpp" line="143"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../views/PipelineTableModel.cpp" line="145"/>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <location filename="../views/PipelineTableModel.cpp" line="147"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../views/PipelineTableModel.cpp" line="149"/>
        <source>Canonical</source>
        <translation>Maßgeblich</translation>
    </message>
    <message>
        <location filename="../views/PipelineTableModel.cpp" line="151"/>
        <source>Parity gate</source>
        <translation>Paritätsschranke</translation>
    </message>
    <message>
        <location filename="../views/PipelineTableModel.cpp" line="153"/>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
</context>
<context>
    <name>daybreak::PipelineTablePanel</name>
    <message>
        <location filename="../views/PipelineTablePanel.cpp" line="23"/>
        <source>Filter by id, name or owner…</source>
        <translation>Nach Id, Name oder Eigentümer filtern…</translation>
    </message>
    <message>
        <location filename="../views/PipelineTablePanel.cpp" line="26"/>
        <source>Filter pipelines by id, name or owner</source>
        <translation>Pipelines nach Id, Name oder Eigentümer filtern</translation>
    </message>
    <message>
        <location filename="../views/PipelineTablePanel.cpp" line="28"/>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <location filename="../views/PipelineTablePanel.cpp" line="34"/>
        <source>Pipelines</source>
        <translation>Pipelines</translation>
    </message>
</context>
<context>
    <name>daybreak::Reason</name>
    <message>
        <location filename="../views/LocalText.cpp" line="22"/>
        <source>Not in the state this needs</source>
        <translation>Nicht im nötigen Zustand</translation>
    </message>
    <message>
        <location filename="../views/LocalText.cpp" line="24"/>
        <source>Stays on-prem</source>
        <translation>Bleibt on-prem</translation>
    </message>
    <message>
        <location filename="../views/LocalText.cpp" line="26"/>
        <source>Parity gate not passed</source>
        <translation>Paritätsschranke nicht bestanden</translation>
    </message>
    <message>
        <location filename="../views/LocalText.cpp" line="28"/>
        <source>An upstream is not cut over</source>
        <translation>Ein Vorgänger ist nicht umgeschaltet</translation>
    </message>
    <message>
        <location filename="../views/LocalText.cpp" line="30"/>
        <source>Outside the change window</source>
        <translation>Außerhalb des Änderungsfensters</translation>
    </message>
    <message>
        <location filename="../views/LocalText.cpp" line="32"/>
        <source>Blackout date</source>
        <translation>Sperrtag</translation>
    </message>
    <message>
        <location filename="../views/LocalText.cpp" line="34"/>
        <source>A reason is required</source>
        <translation>Eine Begründung ist erforderlich</translation>
    </message>
    <message>
        <location filename="../views/LocalText.cpp" line="36"/>
        <source>No such wave</source>
        <translation>Diese Welle gibt es nicht</translation>
    </message>
    <message>
        <location filename="../views/LocalText.cpp" line="38"/>
        <source>The wave is full</source>
        <translation>Die Welle ist voll</translation>
    </message>
    <message>
        <location filename="../views/LocalText.cpp" line="40"/>
        <source>Too many high-risk pipelines in the wave</source>
        <translation>Zu viele hochriskante Pipelines in der Welle</translation>
    </message>
    <message>
        <location filename="../views/LocalText.cpp" line="42"/>
        <source>An upstream is planned later</source>
        <translation>Ein Vorgänger ist später geplant</translation>
    </message>
    <message>
        <location filename="../views/LocalText.cpp" line="44"/>
        <source>A downstream is planned earlier</source>
        <translation>Ein Nachfolger ist früher geplant</translation>
    </message>
    <message>
        <location filename="../views/LocalText.cpp" line="46"/>
        <source>Reads across sides</source>
        <translation>Liest über die Seiten hinweg</translation>
    </message>
    <message>
        <location filename="../views/LocalText.cpp" line="48"/>
        <source>Not planned</source>
        <translation>Nicht geplant</translation>
    </message>
    <message>
        <location filename="../views/LocalText.cpp" line="50"/>
        <source>Parity not ready by the wave</source>
        <translation>Parität zur Welle nicht bereit</translation>
    </message>
    <message>
        <location filename="../views/LocalText.cpp" line="52"/>
        <source>The night after puts a report at risk</source>
        <translation>Die Nacht danach gefährdet einen Bericht</translation>
    </message>
    <message>
        <location filename="../views/LocalText.cpp" line="54"/>
        <source>Your role does not allow this</source>
        <translation>Ihre Rolle erlaubt das nicht</translation>
    </message>
    <message>
        <location filename="../views/LocalText.cpp" line="56"/>
        <source>Would remove pipelines</source>
        <translation>Würde Pipelines entfernen</translation>
    </message>
    <message>
        <location filename="../views/LocalText.cpp" line="58"/>
        <source>Needs a second operator&apos;s approval</source>
        <translation>Braucht die Freigabe eines zweiten Operators</translation>
    </message>
</context>
<context>
    <name>daybreak::SlaPanel</name>
    <message>
        <location filename="../views/SlaPanel.cpp" line="24"/>
        <source>Forecast record: checking the recorded nights…</source>
        <translation>Prognosebilanz: die erfassten Nächte werden geprüft…</translation>
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="25"/>
        <source>Acknowledge</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="26"/>
        <source>◀ Night before</source>
        <translation>◀ Nacht davor</translation>
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="27"/>
        <source>Current night</source>
        <translation>Aktuelle Nacht</translation>
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="28"/>
        <source>Next night ▶</source>
        <translation>Nächste Nacht ▶</translation>
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="31"/>
        <source>Critical paths of the reports</source>
        <translation>Kritische Pfade der Berichte</translation>
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="32"/>
        <source>Every pipeline</source>
        <translation>Jede Pipeline</translation>
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="34"/>
        <source>Tonight&apos;s alerts</source>
        <translation>Die Alarme dieser Nacht</translation>
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="36"/>
        <source>R&amp;ows:</source>
        <translation>Z&amp;eilen:</translation>
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="60"/>
        <source>&lt;b&gt;Alerts&lt;/b&gt; (raised as soon as a report turns at risk)</source>
        <translation>&lt;b&gt;Alarme&lt;/b&gt; (ausgelöst, sobald ein Bericht gefährdet ist)</translation>
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="105"/>
        <source>Forecast record: %1</source>
        <translation>Prognosebilanz: %1</translation>
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="123"/>
        <source>%1 delivered %2</source>
        <translation>%1 zugestellt %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/SlaPanel.cpp" line="125"/>
        <source>%1 FAILING (%n attempt(s): %2; next %3)</source>
        <translation>
            <numerusform>%1 SCHEITERT (%n Versuch: %2; nächster %3)</numerusform>
            <numerusform>%1 SCHEITERT (%n Versuche: %2; nächster %3)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="130"/>
        <source>%1 queued</source>
        <translation>%1 wartet</translation>
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="143"/>
        <source>  — acknowledged by %1</source>
        <translation>  — bestätigt von %1</translation>
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="146"/>
        <source>  — resolved %1: %2</source>
        <translation>  — erledigt %1: %2</translation>
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="172"/>
        <source>No alert tonight</source>
        <translation>Heute Nacht kein Alarm</translation>
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="173"/>
        <source>Choose an alert to acknowledge</source>
        <translation>Wählen Sie einen Alarm zum Bestätigen</translation>
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="175"/>
        <source>This alert is already acknowledged or resolved</source>
        <translation>Dieser Alarm ist schon bestätigt oder erledigt</translation>
    </message>
    <message>
        <location filename="../views/SlaPanel.cpp" line="176"/>
        <source>Acknowledge the chosen alert: its pages stop</source>
        <translation>Den gewählten Alarm bestätigen: seine Benachrichtigungen hören auf</translation>
    </message>
</context>
<context>
    <name>daybreak::SlaTimeline</name>
    <message>
        <location filename="../views/SlaTimeline.cpp" line="121"/>
        <source>SIMULATION (runs reported ahead of this clock; now is the played night&apos;s %1) — </source>
        <translation>SIMULATION (Läufe vor dieser Uhr gemeldet; jetzt ist %1 der gespielten Nacht) — </translation>
    </message>
    <message>
        <location filename="../views/SlaTimeline.cpp" line="311"/>
        <source>Night of %1 (%2) — NO DATA: the orchestrator reported no run for this night (the first was due at %3) · the bars are the plan, not a projection</source>
        <translation>Nacht vom %1 (%2) — KEINE DATEN: der Orchestrator hat für diese Nacht keinen Lauf gemeldet (der erste war um %3 fällig) · die Balken sind der Plan, keine Prognose</translation>
    </message>
    <message>
        <location filename="../views/SlaTimeline.cpp" line="316"/>
        <location filename="../views/SlaTimeline.cpp" line="366"/>
        <source> · first %1 of %2 rows</source>
        <translation> · die ersten %1 von %2 Zeilen</translation>
    </message>
    <message>
        <location filename="../views/SlaTimeline.cpp" line="318"/>
        <source> · grey: plan · light blue: projected · green done · blue running · amber at-risk path · red failed · dashed: cloud shadow</source>
        <translation> · grau: Plan · hellblau: prognostiziert · grün fertig · blau läuft · bernstein gefährdeter Pfad · rot fehlgeschlagen · gestrichelt: Cloud-Schattenlauf</translation>
    </message>
    <message>
        <location filename="../views/SlaTimeline.cpp" line="333"/>
        <source>%1 (%2 against %3)</source>
        <translation>%1 (%2 gegen %3)</translation>
    </message>
    <message>
        <location filename="../views/SlaTimeline.cpp" line="336"/>
        <source>%1 (never finished)</source>
        <translation>%1 (nie fertig geworden)</translation>
    </message>
    <message>
        <location filename="../views/SlaTimeline.cpp" line="340"/>
        <source>Night of %1 (%2) — over: all %3 reports made their deadline (the last at %4)</source>
        <translation>Nacht vom %1 (%2) — vorbei: alle %3 Berichte waren rechtzeitig (der letzte um %4)</translation>
    </message>
    <message>
        <location filename="../views/SlaTimeline.cpp" line="345"/>
        <source>Night of %1 (%2) — over: %3 of %4 reports made their deadline; missed: %5</source>
        <translation>Nacht vom %1 (%2) — vorbei: %3 von %4 Berichten waren rechtzeitig; verpasst: %5</translation>
    </message>
    <message>
        <location filename="../views/SlaTimeline.cpp" line="355"/>
        <source>Night of %1 (%2) — coming: %3 reports, %4 at risk at p95 · nothing has run yet, the bars are the projection%5%6</source>
        <translation>Nacht vom %1 (%2) — bevorstehend: %3 Berichte, %4 gefährdet bei p95 · noch ist nichts gelaufen, die Balken sind die Prognose%5%6</translation>
    </message>
    <message>
        <location filename="../views/SlaTimeline.cpp" line="361"/>
        <source>Night of %1 (%2) — %3 reports: %4 at risk, %5 breached%6%7</source>
        <translation>Nacht vom %1 (%2) — %3 Berichte: %4 gefährdet, %5 verletzt%6%7</translation>
    </message>
</context>
<context>
    <name>daybreak::StatusBadges</name>
    <message>
        <location filename="../app/daybreak/StatusBadges.cpp" line="45"/>
        <source>Store: %1 · %2</source>
        <translation>Speicher: %1 · %2</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StatusBadges.cpp" line="52"/>
        <source>Store unreachable — retrying in %1 s</source>
        <translation>Speicher nicht erreichbar — neuer Versuch in %1 s</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StatusBadges.cpp" line="65"/>
        <source>%1 pipelines · %2 on-prem · %3 dual-run · %4 cloud · %5 decommissioned</source>
        <translation>%1 Pipelines · %2 on-prem · %3 parallel · %4 Cloud · %5 stillgelegt</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/daybreak/StatusBadges.cpp" line="75"/>
        <source>%n rollback(s) recommended</source>
        <translation>
            <numerusform>%n Rückschaltung empfohlen</numerusform>
            <numerusform>%n Rückschaltungen empfohlen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/daybreak/StatusBadges.cpp" line="88"/>
        <source>Cutovers, rollbacks and decommissions run %1 (%2). Blackout dates: %3</source>
        <translation>Umschalten, Zurückschalten und Stilllegen laufen %1 (%2). Sperrtage: %3</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StatusBadges.cpp" line="90"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StatusBadges.cpp" line="103"/>
        <source>data as of %1</source>
        <translation>Daten von %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/daybreak/StatusBadges.cpp" line="112"/>
        <source> — aging: no answer for %n s</source>
        <translation>
            <numerusform> — alternd: seit %n s keine Antwort</numerusform>
            <numerusform> — alternd: seit %n s keine Antwort</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/daybreak/StatusBadges.cpp" line="116"/>
        <source> — STALE: no answer for %n s</source>
        <translation>
            <numerusform> — VERALTET: seit %n s keine Antwort</numerusform>
            <numerusform> — VERALTET: seit %n s keine Antwort</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/daybreak/StatusBadges.cpp" line="125"/>
        <source>watch: none running</source>
        <translation>Wächter: keiner läuft</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StatusBadges.cpp" line="127"/>
        <source>No daybreakctl watch beats in this store: nothing raises alerts while no console is open, and nobody is paged.</source>
        <translation>In diesem Speicher schlägt kein daybreakctl-Wächter: Solange keine Konsole offen ist, löst nichts Alarme aus, und niemand wird benachrichtigt.</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StatusBadges.cpp" line="133"/>
        <source>watch: last ran %1%2</source>
        <translation>Wächter: zuletzt gelaufen %1%2</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StatusBadges.cpp" line="134"/>
        <source> — STALE</source>
        <translation> — VERALTET</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StatusBadges.cpp" line="137"/>
        <source>%1, every %2 s since %3; %4</source>
        <translation>%1, alle %2 s seit %3; %4</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/daybreak/StatusBadges.cpp" line="144"/>
        <source> · %n deliveries FAILING</source>
        <translation>
            <numerusform> · %n Zustellung SCHEITERT</numerusform>
            <numerusform> · %n Zustellungen SCHEITERN</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>daybreak::StoreBars</name>
    <message>
        <location filename="../views/StoreBars.cpp" line="33"/>
        <source>Store unreachable: what you see is frozen and no change can be made. Reconnecting by itself (next attempt in %1 s).
%2</source>
        <translation>Speicher nicht erreichbar: was Sie sehen, ist eingefroren, und keine Änderung ist möglich. Die Verbindung wird von selbst neu aufgebaut (nächster Versuch in %1 s).
%2</translation>
    </message>
    <message>
        <location filename="../views/StoreBars.cpp" line="47"/>
        <source>Read-only: %1 may only read this store: %2</source>
        <translation>Nur lesen: %1 darf diesen Speicher nur lesen: %2</translation>
    </message>
</context>
<context>
    <name>daybreak::StoreOpener</name>
    <message>
        <location filename="../app/daybreak/StoreOpener.cpp" line="42"/>
        <source>Still opening another store; try again when it answers</source>
        <translation>Ein anderer Speicher wird noch geöffnet; versuchen Sie es erneut, wenn er antwortet</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StoreOpener.cpp" line="66"/>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StoreOpener.cpp" line="83"/>
        <source>Password for %1:</source>
        <translation>Passwort für %1:</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StoreOpener.cpp" line="84"/>
        <source>The server refused it:
%1

Password:</source>
        <translation>Der Server hat es abgelehnt:
%1

Passwort:</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StoreOpener.cpp" line="86"/>
        <source>PostgreSQL password</source>
        <translation>PostgreSQL-Passwort</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StoreOpener.cpp" line="91"/>
        <source>no password given for %1</source>
        <translation>kein Passwort für %1 angegeben</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StoreOpener.cpp" line="94"/>
        <source>Open store</source>
        <translation>Speicher öffnen</translation>
    </message>
    <message>
        <location filename="../app/daybreak/StoreOpener.cpp" line="95"/>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
</context>
<context>
    <name>daybreak::WarRoomWindow</name>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="28"/>
        <location filename="../views/WarRoomWindow.cpp" line="51"/>
        <location filename="../views/WarRoomWindow.cpp" line="180"/>
        <source>Unlock controls</source>
        <translation>Bedienung entsperren</translation>
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="31"/>
        <source>Daybreak — war room</source>
        <translation>Daybreak — Lagezentrum</translation>
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="51"/>
        <location filename="../views/WarRoomWindow.cpp" line="179"/>
        <source>Lock controls</source>
        <translation>Bedienung sperren</translation>
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="59"/>
        <source>Latest routing changes</source>
        <translation>Letzte Routing-Änderungen</translation>
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="61"/>
        <source>Recent changes</source>
        <translation>Letzte Änderungen</translation>
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="109"/>
        <source>NO DATA from the orchestrator</source>
        <translation>KEINE DATEN vom Orchestrator</translation>
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="113"/>
        <source> · %1 at risk</source>
        <translation> · %1 gefährdet</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/WarRoomWindow.cpp" line="112"/>
        <source>BREACHED: %n report(s)</source>
        <translation>
            <numerusform>VERLETZT: %n Bericht</numerusform>
            <numerusform>VERLETZT: %n Berichte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/WarRoomWindow.cpp" line="116"/>
        <source>AT RISK: %n report(s)</source>
        <translation>
            <numerusform>GEFÄHRDET: %n Bericht</numerusform>
            <numerusform>GEFÄHRDET: %n Berichte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="119"/>
        <source>ON TRACK</source>
        <translation>IM PLAN</translation>
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="124"/>
        <source>SIMULATION · %1</source>
        <translation>SIMULATION · %1</translation>
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="126"/>
        <source>6am %1 — %2</source>
        <translation>6 Uhr %1 — %2</translation>
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="134"/>
        <source>STORE UNREACHABLE — figures frozen, reconnecting…</source>
        <translation>SPEICHER NICHT ERREICHBAR — Zahlen eingefroren, neue Verbindung…</translation>
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="158"/>
        <source>  BREAK-GLASS</source>
        <translation>  NOTFALL</translation>
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="159"/>
        <source>  unplanned</source>
        <translation>  ungeplant</translation>
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="178"/>
        <source>Viewer: read-only</source>
        <translation>Betrachter: nur lesen</translation>
    </message>
    <message>
        <location filename="../views/WarRoomWindow.cpp" line="183"/>
        <source>This console is connected as a viewer; operators act from their own consoles</source>
        <translation>Diese Konsole ist als Betrachter verbunden; Operatoren handeln von ihren eigenen Konsolen aus</translation>
    </message>
</context>
<context>
    <name>daybreak::WaveBoard</name>
    <message>
        <location filename="../views/WaveBoard.cpp" line="35"/>
        <source>Add wave…</source>
        <translation>Welle hinzufügen…</translation>
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="36"/>
        <source>Auto-plan the rest…</source>
        <translation>Den Rest automatisch planen…</translation>
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="38"/>
        <source> &amp;Backlog by: </source>
        <translation> &amp;Rückstand nach: </translation>
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="41"/>
        <source>dependency depth</source>
        <translation>Abhängigkeitstiefe</translation>
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="42"/>
        <source>owner</source>
        <translation>Verantwortliche</translation>
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="43"/>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="44"/>
        <source>group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="47"/>
        <source>Filter the backlog</source>
        <translation>Den Rückstand filtern</translation>
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="48"/>
        <source>Filter the backlog: text, or group:G  +id  owner:O …</source>
        <translation>Den Rückstand filtern: Text oder group:G  +id  owner:O …</translation>
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="55"/>
        <source> Drag cards between columns; Shift carries the upstreams they need; Ctrl+→/← moves the selected card.</source>
        <translation> Karten zwischen Spalten ziehen; Umschalt nimmt die nötigen Vorgänger mit; Strg+→/← verschiebt die gewählte Karte.</translation>
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="65"/>
        <source>&lt;h3&gt;No wave planned yet&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Add wave…&lt;/b&gt; plans one weekend: then drag cards onto it from the backlog.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Auto-plan the rest…&lt;/b&gt; fills as many weekends as the backlog needs, in dependency order, and shows the plan before it writes it.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Noch keine Welle geplant&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Welle hinzufügen…&lt;/b&gt; plant ein Wochenende: dann Karten aus dem Rückstand darauf ziehen.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Den Rest automatisch planen…&lt;/b&gt; füllt so viele Wochenenden, wie der Rückstand braucht, in Abhängigkeitsreihenfolge, und zeigt den Plan, bevor er ihn schreibt.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="112"/>
        <source>Past waves: %1</source>
        <translation>Vergangene Wellen: %1</translation>
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="138"/>
        <source>Rename wave</source>
        <translation>Welle umbenennen</translation>
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="138"/>
        <source>New name for %1:</source>
        <translation>Neuer Name für %1:</translation>
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="187"/>
        <source>&lt;b&gt;Backlog&lt;/b&gt;&lt;br&gt;%1 of %2 unplanned, filtered</source>
        <translation>&lt;b&gt;Rückstand&lt;/b&gt;&lt;br&gt;%1 von %2 ungeplant, gefiltert</translation>
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="188"/>
        <source>Cloud-target pipelines not cut over and not in any wave</source>
        <translation>Pipelines mit Ziel Cloud, nicht umgeschaltet und in keiner Welle</translation>
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="209"/>
        <source>&lt;span style=&apos;color:#c01c28&apos;&gt;✕ %1 invalid&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c01c28&apos;&gt;✕ %1 ungültig&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="210"/>
        <source>&lt;span style=&apos;color:#b36b00&apos;&gt;⚠ %1 not ready&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b36b00&apos;&gt;⚠ %1 nicht bereit&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="211"/>
        <source>&lt;span style=&apos;color:#1b7f3b&apos;&gt;✓ ready&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#1b7f3b&apos;&gt;✓ bereit&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="219"/>
        <source>The night after: %1</source>
        <translation>Die Nacht danach: %1</translation>
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="230"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 · %3/%4 pipelines · high-risk %5/%6&lt;br&gt;%7%8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 · %3/%4 Pipelines · hochriskant %5/%6&lt;br&gt;%7%8</translation>
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="227"/>
        <source>Window %1 – %2</source>
        <translation>Fenster %1 – %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/WaveBoard.cpp" line="185"/>
        <source>&lt;b&gt;Backlog&lt;/b&gt;&lt;br&gt;%n unplanned cloud-target pipeline(s)</source>
        <translation>
            <numerusform>&lt;b&gt;Rückstand&lt;/b&gt;&lt;br&gt;%n ungeplante Pipeline mit Ziel Cloud</numerusform>
            <numerusform>&lt;b&gt;Rückstand&lt;/b&gt;&lt;br&gt;%n ungeplante Pipelines mit Ziel Cloud</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/WaveBoard.cpp" line="353"/>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 — %n pipeline(s)&lt;br&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; %2 — %n Pipeline&lt;br&gt;</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; %2 — %n Pipelines&lt;br&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="379"/>
        <source>Rename %1…</source>
        <translation>%1 umbenennen…</translation>
    </message>
    <message>
        <location filename="../views/WaveBoard.cpp" line="381"/>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
</context>
<context>
    <name>daybreak::WaveColumn</name>
    <message>
        <location filename="../views/WaveColumn.cpp" line="32"/>
        <source>Backlog: pipelines in no wave</source>
        <translation>Rückstand: Pipelines in keiner Welle</translation>
    </message>
    <message>
        <location filename="../views/WaveColumn.cpp" line="33"/>
        <source>Pipelines of wave %1</source>
        <translation>Pipelines der Welle %1</translation>
    </message>
    <message>
        <location filename="../views/WaveColumn.cpp" line="46"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../views/WaveColumn.cpp" line="47"/>
        <source>Dismiss the refusal</source>
        <translation>Die Ablehnung schließen</translation>
    </message>
    <message>
        <location filename="../views/WaveColumn.cpp" line="87"/>
        <source>✓ drop allowed</source>
        <translation>✓ Ablegen erlaubt</translation>
    </message>
    <message>
        <location filename="../views/WaveColumn.cpp" line="88"/>
        <source>✕ refused: %1</source>
        <translation>✕ abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../views/WaveColumn.cpp" line="89"/>
        <source> (+%1 more)</source>
        <translation> (+%1 weitere)</translation>
    </message>
    <message>
        <location filename="../views/WaveColumn.cpp" line="99"/>
        <source>&lt;b&gt;✕ Not moved&lt;/b&gt;&lt;ul style=&apos;margin-left:-20px&apos;&gt;%1&lt;/ul&gt;</source>
        <translation>&lt;b&gt;✕ Nicht verschoben&lt;/b&gt;&lt;ul style=&apos;margin-left:-20px&apos;&gt;%1&lt;/ul&gt;</translation>
    </message>
</context>
<context>
    <name>daybreak::WaveColumnModel</name>
    <message>
        <location filename="../views/WaveColumnModel.cpp" line="37"/>
        <source>no store is open</source>
        <translation>kein Speicher ist offen</translation>
    </message>
</context>
<context>
    <name>daybreak::WaveRunbookPanel</name>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="46"/>
        <source>Waiting for a second operator</source>
        <translation>Wartet auf einen zweiten Operator</translation>
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="60"/>
        <source>The weekend&apos;s runbook: each member&apos;s steps</source>
        <translation>Das Ablaufbuch des Wochenendes: die Schritte jedes Mitglieds</translation>
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="62"/>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="62"/>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="62"/>
        <source>Standing</source>
        <translation>Stand</translation>
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="62"/>
        <source>Gate</source>
        <translation>Schranke</translation>
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="63"/>
        <source>Pre-check</source>
        <translation>Vorprüfung</translation>
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="63"/>
        <source>Cutover</source>
        <translation>Umschaltung</translation>
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="63"/>
        <source>First cloud run</source>
        <translation>Erster Cloud-Lauf</translation>
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="64"/>
        <source>First night&apos;s parity</source>
        <translation>Parität der ersten Nacht</translation>
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="64"/>
        <source>Why not yet</source>
        <translation>Warum noch nicht</translation>
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="95"/>
        <source>No wave is planned</source>
        <translation>Keine Welle ist geplant</translation>
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="96"/>
        <source>Plan one on the wave board.</source>
        <translation>Planen Sie eine auf der Wellenplan.</translation>
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="111"/>
        <source>%1 — %2 · window %3 to %4%5</source>
        <translation>%1 — %2 · Fenster %3 bis %4%5</translation>
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="115"/>
        <source> · open now</source>
        <translation> · jetzt offen</translation>
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="131"/>
        <source>
request #%1 by %2</source>
        <translation>
Anfrage Nr. %1 von %2</translation>
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="141"/>
        <source>
FLAG: </source>
        <translation>
HINWEIS: </translation>
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="161"/>
        <source>#%1  %2 of %3, asked by %4 at %5: %6 (expires %7)</source>
        <translation>Nr. %1  %2 von %3, angefragt von %4 um %5: %6 (läuft ab %7)</translation>
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="169"/>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="170"/>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="176"/>
        <source>You asked for it: another operator must decide (four eyes).</source>
        <translation>Sie haben angefragt: ein anderer Operator muss entscheiden (vier Augen).</translation>
    </message>
    <message>
        <location filename="../views/WaveRunbookPanel.cpp" line="177"/>
        <source>Approving needs the approver role.</source>
        <translation>Zum Freigeben braucht es die Rolle approver.</translation>
    </message>
</context>
</TS>
