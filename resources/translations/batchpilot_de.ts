<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../app/controls.py" line="105"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="105"/>
        <location filename="../../app/controls.py" line="147"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="107"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="137"/>
        <source>Add &amp;files…</source>
        <translation>&amp;Dateien hinzufügen …</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="139"/>
        <source>Add files to the list</source>
        <translation>Dateien zur Liste hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="140"/>
        <source>Add f&amp;older…</source>
        <translation>&amp;Ordner hinzufügen …</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="141"/>
        <source>Add every file in a folder</source>
        <translation>Alle Dateien eines Ordners hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="142"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="108"/>
        <location filename="../../app/controls.py" line="148"/>
        <source>Pause: running files stop where they are</source>
        <translation>Pause: laufende Dateien halten an, wo sie gerade sind</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="143"/>
        <source>Queue the files as a job and start the queue</source>
        <translation>Die Dateien als Auftrag einreihen und die Warteschlange starten</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="144"/>
        <source>Add to &amp;queue</source>
        <translation>Zur Warteschlange &amp;hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="146"/>
        <source>Queue the files as a job without starting it</source>
        <translation>Die Dateien als Auftrag einreihen, ohne ihn zu starten</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="149"/>
        <source>&amp;Finish running files, then pause</source>
        <translation>Laufende Dateien fertigstellen, dann pa&amp;usieren</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="150"/>
        <source>Running files finish; no new file starts</source>
        <translation>Laufende Dateien werden fertiggestellt; keine neue Datei beginnt</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="151"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="152"/>
        <source>Cancel the batch (asks how)</source>
        <translation>Den Stapel abbrechen (mit Rückfrage)</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="153"/>
        <source>&amp;Retry failed</source>
        <translation>Fehlgeschlagene &amp;wiederholen</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="154"/>
        <source>Run the failed files again</source>
        <translation>Die fehlgeschlagenen Dateien erneut bearbeiten</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="155"/>
        <source>Run a&amp;gain</source>
        <translation>&amp;Erneut ausführen</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="156"/>
        <source>Run the job again: files already done are skipped</source>
        <translation>Den Auftrag erneut ausführen: bereits fertige Dateien werden übersprungen</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="157"/>
        <source>&amp;Edit as new job</source>
        <translation>Als neuen Auftrag &amp;bearbeiten</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="158"/>
        <source>Make a new job from this job&apos;s files and settings</source>
        <translation>Aus den Dateien und Einstellungen dieses Auftrags einen neuen Auftrag erstellen</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="159"/>
        <source>C&amp;lear finished</source>
        <translation>Erledigte e&amp;ntfernen</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="160"/>
        <source>Remove done and skipped files from the list</source>
        <translation>Fertige und übersprungene Dateien aus der Liste entfernen</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="161"/>
        <source>Clear the l&amp;ist</source>
        <translation>&amp;Liste leeren</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="163"/>
        <source>Remove every file from the new job</source>
        <translation>Alle Dateien aus dem neuen Auftrag entfernen</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="164"/>
        <source>&amp;Watch a folder…</source>
        <translation>&amp;Ordner überwachen…</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="166"/>
        <source>Process each file that arrives in a folder, with these settings, while batchpilot runs</source>
        <translation>Jede Datei, die in einem Ordner ankommt, mit diesen Einstellungen verarbeiten, solange batchpilot läuft</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="168"/>
        <source>Open &amp;output folder</source>
        <translation>&amp;Ausgabeordner öffnen</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="169"/>
        <source>Open the output folder in the file manager</source>
        <translation>Den Ausgabeordner in der Dateiverwaltung öffnen</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="170"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="172"/>
        <source>Quit batchpilot (asks while a batch runs)</source>
        <translation>batchpilot beenden (mit Rückfrage, solange ein Stapel läuft)</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="173"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="175"/>
        <source>How to use batchpilot and its shortcuts</source>
        <translation>Bedienung von batchpilot und Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="176"/>
        <source>&amp;About batchpilot</source>
        <translation>Ü&amp;ber batchpilot</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="177"/>
        <source>Version and credits</source>
        <translation>Version und Mitwirkende</translation>
    </message>
</context>
<context>
    <name>Adding</name>
    <message>
        <location filename="../../app/adding.py" line="42"/>
        <source>Scanning…</source>
        <translation>Ordner werden durchsucht …</translation>
    </message>
    <message>
        <location filename="../../app/adding.py" line="50"/>
        <source>Add files</source>
        <translation>Dateien hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/adding.py" line="59"/>
        <source>Add folder</source>
        <translation>Ordner hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/adding.py" line="72"/>
        <source>No recent folders</source>
        <translation>Keine zuletzt verwendeten Ordner</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/adding.py" line="79"/>
        <source>Scanning… %1 files</source>
        <translation>
            <numerusform>Ordner werden durchsucht … %1 Datei</numerusform>
            <numerusform>Ordner werden durchsucht … %1 Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/adding.py" line="93"/>
        <source>Scan cancelled; %1 files in the list.</source>
        <translation>
            <numerusform>Suche abgebrochen; %1 Datei in der Liste.</numerusform>
            <numerusform>Suche abgebrochen; %1 Dateien in der Liste.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/adding.py" line="95"/>
        <source>No files found in what was added.</source>
        <translation>In den hinzugefügten Ordnern wurden keine Dateien gefunden.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/adding.py" line="97"/>
        <source>%1 files in the list.</source>
        <translation>
            <numerusform>%1 Datei in der Liste.</numerusform>
            <numerusform>%1 Dateien in der Liste.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommandRunner</name>
    <message>
        <location filename="../../app/when_done.py" line="221"/>
        <source>The command {command} was ended by a signal.</source>
        <translation>Der Befehl {command} wurde durch ein Signal beendet.</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="224"/>
        <source>The command {command} finished (exit status 0).</source>
        <translation>Der Befehl {command} ist fertig (Rückgabewert 0).</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="228"/>
        <source>The command {command} failed with exit status 127 (the shell did not find the program).</source>
        <translation>Der Befehl {command} ist mit Rückgabewert 127 fehlgeschlagen (die Shell hat das Programm nicht gefunden).</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="231"/>
        <source>The command {command} failed with exit status {code}.</source>
        <translation>Der Befehl {command} ist mit Rückgabewert {code} fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="242"/>
        <source>The command {command} could not start ({reason}).</source>
        <translation>Der Befehl {command} konnte nicht starten ({reason}).</translation>
    </message>
</context>
<context>
    <name>CountdownDialog</name>
    <message>
        <location filename="../../app/when_done.py" line="111"/>
        <source>Suspend</source>
        <translation>Bereitschaft</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="111"/>
        <source>Power off</source>
        <translation>Ausschalten</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="112"/>
        <source>Suspending in {seconds} s</source>
        <translation>Bereitschaft in {seconds} s</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="112"/>
        <source>Powering off in {seconds} s</source>
        <translation>Ausschalten in {seconds} s</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="117"/>
        <source>The queue is done. Cancel to keep the computer on.</source>
        <translation>Die Warteschlange ist abgearbeitet. Abbrechen lässt den Computer an.</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="121"/>
        <source>Suspend now</source>
        <translation>Jetzt in Bereitschaft</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="121"/>
        <source>Power off now</source>
        <translation>Jetzt ausschalten</translation>
    </message>
</context>
<context>
    <name>DBus</name>
    <message>
        <location filename="../../app/dbus.py" line="37"/>
        <source>{service} is not running here</source>
        <translation>{service} läuft hier nicht</translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="41"/>
        <source>{service} did not answer</source>
        <translation>{service} hat nicht geantwortet</translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="45"/>
        <source>{service} refused ({error})</source>
        <translation>{service} hat abgelehnt ({error})</translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="49"/>
        <source>there is no D-Bus system bus here</source>
        <translation>hier gibt es keinen D-Bus-Systembus</translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="60"/>
        <source>the D-Bus connection was lost</source>
        <translation>die D-Bus-Verbindung ist abgebrochen</translation>
    </message>
</context>
<context>
    <name>DesktopNotifier</name>
    <message>
        <location filename="../../app/dbus.py" line="343"/>
        <source>Open output</source>
        <translation>Ausgabe öffnen</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../app/dialogs.py" line="61"/>
        <source>Drop files or folders on the window (or use &lt;b&gt;Add files…&lt;/b&gt; / &lt;b&gt;Add folder…&lt;/b&gt;), choose a task and its options on the left, then press &lt;b&gt;Start&lt;/b&gt;. Each file is worked on in a separate process; a file that fails never stops the others, and the sources are never changed.</source>
        <translation>Ziehen Sie Dateien oder Ordner auf das Fenster (oder nutzen Sie &lt;b&gt;Dateien hinzufügen …&lt;/b&gt; / &lt;b&gt;Ordner hinzufügen …&lt;/b&gt;), wählen Sie links eine Aufgabe und ihre Optionen und klicken Sie dann auf &lt;b&gt;Starten&lt;/b&gt;. Jede Datei wird in einem eigenen Prozess bearbeitet; eine fehlschlagende Datei hält die anderen nie auf, und die Quelldateien werden nie verändert.</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="66"/>
        <source>Outputs go to the output folder, mirroring the source folders. By default that is a folder beside the first folder added, named after it and the task: &lt;i&gt;folder&lt;/i&gt;-parsed, &lt;i&gt;folder&lt;/i&gt;-zipped or &lt;i&gt;folder&lt;/i&gt;-encoded. Double-click a finished file to open its output, or a failed one to read why it failed.</source>
        <translation>Die Ergebnisse kommen in den Ausgabeordner, mit derselben Ordnerstruktur wie die Quellen. Standardmäßig ist das ein Ordner neben dem ersten hinzugefügten Ordner, benannt nach diesem und der Aufgabe: &lt;i&gt;Ordner-parsed&lt;/i&gt;, &lt;i&gt;Ordner-zipped&lt;/i&gt; oder &lt;i&gt;Ordner-encoded&lt;/i&gt;. Doppelklicken Sie auf eine fertige Datei, um ihr Ergebnis zu öffnen, oder auf eine fehlgeschlagene, um den Grund zu lesen.</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="86"/>
        <location filename="../../app/dialogs.py" line="87"/>
        <source>Cancel the batch?</source>
        <translation>Stapel abbrechen?</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="88"/>
        <source>Files not started yet will not be worked on. Files being worked on now can finish first, or be stopped at once (their partial outputs are removed).</source>
        <translation>Noch nicht begonnene Dateien werden nicht bearbeitet. Dateien in Bearbeitung können erst fertig werden oder sofort gestoppt werden (ihre unvollständigen Ergebnisse werden gelöscht).</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="91"/>
        <source>Finish running files</source>
        <translation>Laufende fertigstellen</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="92"/>
        <source>Stop now</source>
        <translation>Sofort stoppen</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="93"/>
        <source>Keep going</source>
        <translation>Weitermachen</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="108"/>
        <source>Quit batchpilot?</source>
        <translation>batchpilot beenden?</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="109"/>
        <source>A batch is running. Quit and stop it now? Finished files are kept; files being worked on are stopped and their partial outputs removed.</source>
        <translation>Ein Stapel läuft gerade. Beenden und ihn jetzt stoppen? Fertige Dateien bleiben erhalten; Dateien in Bearbeitung werden gestoppt und ihre unvollständigen Ergebnisse gelöscht.</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="117"/>
        <source>batchpilot help</source>
        <translation>batchpilot-Hilfe</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="123"/>
        <source>About batchpilot</source>
        <translation>Über batchpilot</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="125"/>
        <source>&lt;p&gt;A desktop batch processor: parse documents, zip files and encode media in parallel worker processes, without ever touching the sources.&lt;/p&gt;&lt;p&gt;Built with Qt for Python (PySide6). MIT licence.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ein Programm zur Stapelverarbeitung: Dokumente auslesen, Dateien packen und Medien umwandeln, parallel in eigenen Prozessen und ohne je die Quelldateien anzutasten.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt for Python (PySide6). MIT-Lizenz.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Drop</name>
    <message>
        <location filename="../../app/drop.py" line="30"/>
        <source>Only files and folders on this computer can be added; {address} (and {more} more) is not one. Download it first, then drop the file.</source>
        <translation>Nur Dateien und Ordner auf diesem Rechner können hinzugefügt werden; {address} (und {more} weitere) gehört nicht dazu. Laden Sie die Datei zuerst herunter und ziehen Sie sie dann hierher.</translation>
    </message>
    <message>
        <location filename="../../app/drop.py" line="33"/>
        <source>Only files and folders on this computer can be added; {address} is not one. Download it first, then drop the file.</source>
        <translation>Nur Dateien und Ordner auf diesem Rechner können hinzugefügt werden; {address} gehört nicht dazu. Laden Sie die Datei zuerst herunter und ziehen Sie sie dann hierher.</translation>
    </message>
</context>
<context>
    <name>DropArea</name>
    <message>
        <location filename="../../app/drop.py" line="98"/>
        <source>Drop area</source>
        <translation>Ablagebereich</translation>
    </message>
    <message>
        <location filename="../../app/drop.py" line="99"/>
        <source>Drop files or folders here to add them</source>
        <translation>Dateien oder Ordner hierher ziehen, um sie hinzuzufügen</translation>
    </message>
    <message>
        <location filename="../../app/drop.py" line="106"/>
        <source>Drop files or folders here</source>
        <translation>Dateien oder Ordner hierher ziehen</translation>
    </message>
    <message>
        <location filename="../../app/drop.py" line="114"/>
        <source>Then pick a task on the left and press Start (Ctrl+Return).</source>
        <translation>Dann links eine Aufgabe wählen und auf Starten klicken (Strg+Eingabe).</translation>
    </message>
    <message>
        <location filename="../../app/drop.py" line="120"/>
        <source>Add files…</source>
        <translation>Dateien hinzufügen …</translation>
    </message>
    <message>
        <location filename="../../app/drop.py" line="121"/>
        <source>Add files</source>
        <translation>Dateien hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/drop.py" line="122"/>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen …</translation>
    </message>
    <message>
        <location filename="../../app/drop.py" line="123"/>
        <source>Add folder</source>
        <translation>Ordner hinzufügen</translation>
    </message>
</context>
<context>
    <name>EngineBridge</name>
    <message>
        <location filename="../../app/bridge.py" line="172"/>
        <source>The worker processes could not be started: {problem}</source>
        <translation>Die Worker-Prozesse konnten nicht gestartet werden: {problem}</translation>
    </message>
    <message>
        <location filename="../../app/bridge.py" line="193"/>
        <source>The engine stopped unexpectedly:</source>
        <translation>Die Verarbeitung wurde unerwartet beendet:</translation>
    </message>
</context>
<context>
    <name>EngineControl</name>
    <message>
        <location filename="../../app/engine_control.py" line="52"/>
        <source>Connecting to {address}…</source>
        <translation>Verbindung zu {address} wird hergestellt …</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/engine_control.py" line="69"/>
        <source>Connected to {address}: %1 threads on its workers.</source>
        <translation>
            <numerusform>Verbunden mit {address}: %1 Thread auf den Workern.</numerusform>
            <numerusform>Verbunden mit {address}: %1 Threads auf den Workern.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileList</name>
    <message>
        <location filename="../../app/file_list.py" line="111"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="114"/>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="125"/>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="296"/>
        <source>Open source folder</source>
        <translation>Quellordner öffnen</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="297"/>
        <source>Open output</source>
        <translation>Ergebnis öffnen</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="299"/>
        <source>Show in folder</source>
        <translation>Im Ordner anzeigen</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="300"/>
        <source>Show log</source>
        <translation>Protokoll anzeigen</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="302"/>
        <source>Copy error</source>
        <translation>Fehler kopieren</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="306"/>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="156"/>
        <location filename="../../app/file_list.py" line="309"/>
        <source>Remove from list</source>
        <translation>Aus der Liste entfernen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/file_list.py" line="318"/>
        <source>%1 files</source>
        <translation>
            <numerusform>%1 Datei</numerusform>
            <numerusform>%1 Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/file_list.py" line="321"/>
        <source>%1 running</source>
        <translation>
            <numerusform>%1 läuft</numerusform>
            <numerusform>%1 laufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/file_list.py" line="323"/>
        <source>%1 failed</source>
        <translation>
            <numerusform>%1 fehlgeschlagen</numerusform>
            <numerusform>%1 fehlgeschlagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Filter</name>
    <message>
        <location filename="../../app/file_filter.py" line="34"/>
        <source>All files</source>
        <translation>Alle Dateien</translation>
    </message>
    <message>
        <location filename="../../app/file_filter.py" line="35"/>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location filename="../../app/file_filter.py" line="36"/>
        <source>Running</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <location filename="../../app/file_filter.py" line="37"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../../app/file_filter.py" line="38"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../app/file_filter.py" line="39"/>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
</context>
<context>
    <name>JobArea</name>
    <message>
        <location filename="../../app/job_area.py" line="39"/>
        <source>Overall progress</source>
        <translation>Gesamtfortschritt</translation>
    </message>
    <message>
        <location filename="../../app/job_area.py" line="43"/>
        <source>Add files or folders to begin.</source>
        <translation>Fügen Sie Dateien oder Ordner hinzu, um zu beginnen.</translation>
    </message>
    <message>
        <location filename="../../app/job_area.py" line="44"/>
        <source>Batch status</source>
        <translation>Stapelstatus</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/job_area.py" line="55"/>
        <source>%1 files waiting. Press Start (Ctrl+Return) to begin.</source>
        <translation>
            <numerusform>%1 Datei wartet. Klicken Sie auf Starten (Strg+Eingabe), um zu beginnen.</numerusform>
            <numerusform>%1 Dateien warten. Klicken Sie auf Starten (Strg+Eingabe), um zu beginnen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobModel</name>
    <message>
        <location filename="../../app/job_model.py" line="52"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="53"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="53"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="52"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="52"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="53"/>
        <source>Elapsed</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="54"/>
        <source>Output or reason</source>
        <translation>Ergebnis oder Grund</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="118"/>
        <source>Cancelled before it finished</source>
        <translation>Vor dem Ende abgebrochen</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message numerus="yes">
        <location filename="../../app/job_runner.py" line="132"/>
        <source>Planning %1 files for {task}…</source>
        <translation>
            <numerusform>%1 Datei für „{task}“ wird geplant …</numerusform>
            <numerusform>%1 Dateien für „{task}“ werden geplant …</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/job_runner.py" line="192"/>
        <source>item {number}</source>
        <translation>Eintrag {number}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/job_runner.py" line="206"/>
        <source>Started: %1 files to work on, {skipped} skipped; output in {folder}</source>
        <translation>
            <numerusform>Gestartet: %1 Datei zu bearbeiten, {skipped} übersprungen; Ausgabe in {folder}</numerusform>
            <numerusform>Gestartet: %1 Dateien zu bearbeiten, {skipped} übersprungen; Ausgabe in {folder}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/job_runner.py" line="261"/>
        <source>Could not run the batch: {problem}</source>
        <translation>Der Stapel konnte nicht ausgeführt werden: {problem}</translation>
    </message>
</context>
<context>
    <name>Log</name>
    <message>
        <location filename="../../app/log_dock.py" line="39"/>
        <source>failed   {file}: {reason}</source>
        <translation>fehlgeschlagen  {file}: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="42"/>
        <source>skipped  {file}: {reason}</source>
        <translation>übersprungen    {file}: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="45"/>
        <source>worker {worker} lost: {reason}</source>
        <translation>Worker {worker} verloren: {reason}</translation>
    </message>
</context>
<context>
    <name>LogDock</name>
    <message>
        <location filename="../../app/log_dock.py" line="68"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="72"/>
        <source>Batch log</source>
        <translation>Stapelprotokoll</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="74"/>
        <source>File log</source>
        <translation>Dateiprotokoll</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="75"/>
        <location filename="../../app/log_dock.py" line="118"/>
        <source>Select a file to see its log.</source>
        <translation>Wählen Sie eine Datei, um ihr Protokoll zu sehen.</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="76"/>
        <source>Show the full traceback</source>
        <translation>Vollständigen Traceback anzeigen</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="77"/>
        <source>Failures caused by a bug keep their traceback; useful in a bug report</source>
        <translation>Fehler durch einen Programmfehler behalten ihren Traceback; nützlich für einen Fehlerbericht</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="78"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="79"/>
        <source>Copy the log shown</source>
        <translation>Das angezeigte Protokoll kopieren</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="90"/>
        <source>Batch</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="91"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="147"/>
        <source>Source: {path}</source>
        <translation>Quelle: {path}</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="149"/>
        <source>Output: {path}</source>
        <translation>Ergebnis: {path}</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="153"/>
        <source>{status} in {duration}</source>
        <translation>{status} in {duration}</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="156"/>
        <source>Messages from the task:</source>
        <translation>Meldungen der Aufgabe:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/main_window.py" line="128"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="130"/>
        <source>&amp;Recent folders</source>
        <translation>&amp;Zuletzt verwendete Ordner</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="134"/>
        <source>&amp;Batch</source>
        <translation>&amp;Stapel</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="141"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="142"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="144"/>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="189"/>
        <source>&amp;Log panel</source>
        <translation>&amp;Protokollbereich</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="197"/>
        <source>Cancel scan</source>
        <translation>Suche abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="198"/>
        <source>Cancel the folder scan</source>
        <translation>Das Durchsuchen der Ordner abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="343"/>
        <source>Preparing the files…</source>
        <translation>Dateien werden vorbereitet …</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="345"/>
        <source>Stopping…</source>
        <translation>Wird gestoppt …</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="346"/>
        <source>Finishing the running files…</source>
        <translation>Laufende Dateien werden fertiggestellt …</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/main_window.py" line="348"/>
        <source>%1 files wait for their turn in the queue.</source>
        <translation>
            <numerusform>%1 Datei wartet in der Warteschlange, bis sie an der Reihe ist.</numerusform>
            <numerusform>%1 Dateien warten in der Warteschlange, bis sie an der Reihe sind.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="394"/>
        <source>The batch could not start.</source>
        <translation>Der Stapel konnte nicht starten.</translation>
    </message>
</context>
<context>
    <name>OptionsForm</name>
    <message>
        <location filename="../../app/options_form.py" line="91"/>
        <source>auto</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="163"/>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="164"/>
        <source>Choose {option}</source>
        <translation>{option} wählen</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="196"/>
        <source>empty: none</source>
        <translation>leer: keine Angabe</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="206"/>
        <source>comma-separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="290"/>
        <source>This task has no options.</source>
        <translation>Diese Aufgabe hat keine Optionen.</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="298"/>
        <source>{option}:</source>
        <translation>{option}:</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="390"/>
        <source>Fewer options</source>
        <translation>Weniger Optionen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/options_form.py" line="393"/>
        <source>More options (%n changed)</source>
        <translation>
            <numerusform>Weitere Optionen (%n geändert)</numerusform>
            <numerusform>Weitere Optionen (%n geändert)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/options_form.py" line="395"/>
        <source>More options (%n)</source>
        <translation>
            <numerusform>Weitere Optionen (%n)</numerusform>
            <numerusform>Weitere Optionen (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="396"/>
        <source>More options</source>
        <translation>Weitere Optionen</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="397"/>
        <source>Show or hide the options most batches leave as they are</source>
        <translation>Die Optionen ein- oder ausblenden, die die meisten Stapel unverändert lassen</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="413"/>
        <source>{auto} ({value})</source>
        <translation>{auto} ({value})</translation>
    </message>
</context>
<context>
    <name>Overall</name>
    <message numerus="yes">
        <location filename="../../app/overall.py" line="61"/>
        <source>%2 of %1 files</source>
        <translation>
            <numerusform>%2 von %1 Datei</numerusform>
            <numerusform>%2 von %1 Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/overall.py" line="64"/>
        <source>%1 failed</source>
        <translation>
            <numerusform>%1 fehlgeschlagen</numerusform>
            <numerusform>%1 fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/overall.py" line="66"/>
        <source>%1 skipped</source>
        <translation>
            <numerusform>%1 übersprungen</numerusform>
            <numerusform>%1 übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/overall.py" line="69"/>
        <source>%1 cancelled</source>
        <translation>
            <numerusform>%1 abgebrochen</numerusform>
            <numerusform>%1 abgebrochen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/overall.py" line="70"/>
        <source>took {duration}</source>
        <translation>Dauer {duration}</translation>
    </message>
    <message>
        <location filename="../../app/overall.py" line="73"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location filename="../../app/overall.py" line="78"/>
        <source>{rate} files/s</source>
        <translation>{rate} Dateien/s</translation>
    </message>
</context>
<context>
    <name>Overnight</name>
    <message>
        <location filename="../../app/overnight.py" line="85"/>
        <source>The queue is done, but watch folders are active: “When the queue is done” waits for them to be paused or removed.</source>
        <translation>Die Warteschlange ist abgearbeitet, aber überwachte Ordner sind aktiv: „Wenn die Warteschlange durch ist“ wartet, bis sie pausiert oder entfernt sind.</translation>
    </message>
</context>
<context>
    <name>PowerActions</name>
    <message>
        <location filename="../../app/dbus.py" line="217"/>
        <source>this user is not allowed to (logind&apos;s {method} says no)</source>
        <translation>dieser Benutzer darf es nicht (logind antwortet auf {method} mit no)</translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="220"/>
        <source>this computer does not support it (logind&apos;s {method} says {answer})</source>
        <translation>dieser Computer unterstützt es nicht (logind antwortet auf {method} mit {answer})</translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="235"/>
        <source>Cannot suspend: {reason}.</source>
        <translation>Bereitschaft nicht möglich: {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="237"/>
        <source>Cannot power off: {reason}.</source>
        <translation>Ausschalten nicht möglich: {reason}.</translation>
    </message>
</context>
<context>
    <name>PresetBox</name>
    <message>
        <location filename="../../app/preset_box.py" line="89"/>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="93"/>
        <source>Preset actions</source>
        <translation>Aktionen für Voreinstellungen</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="94"/>
        <source>Save the options as a preset; rename, delete, import or export your presets</source>
        <translation>Die Optionen als Voreinstellung speichern; eigene Voreinstellungen umbenennen, löschen, importieren oder exportieren</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="98"/>
        <source>&amp;Save as preset…</source>
        <translation>Als Voreinstellung &amp;speichern …</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="99"/>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen …</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="100"/>
        <location filename="../../app/preset_box.py" line="216"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="102"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren …</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="103"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="178"/>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="179"/>
        <source>The options as they are in the form</source>
        <translation>Die Optionen, wie sie im Formular stehen</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="190"/>
        <source>Ready-made option values: the task&apos;s own, then the ones you saved</source>
        <translation>Fertige Optionswerte: zuerst die der Aufgabe, dann Ihre gespeicherten</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="214"/>
        <source>&amp;Delete “{name}”</source>
        <translation>„{name}“ &amp;löschen</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="224"/>
        <source>batchpilot presets (*.json);;All files (*)</source>
        <translation>batchpilot-Voreinstellungen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="233"/>
        <source>Presets</source>
        <translation>Voreinstellungen</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="249"/>
        <source>The preset “{name}” does not fit this version of the task: {reason}.</source>
        <translation>Die Voreinstellung „{name}“ passt nicht zu dieser Version der Aufgabe: {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="268"/>
        <source>The options cannot be saved as a preset: {reason}.</source>
        <translation>Die Optionen können nicht als Voreinstellung gespeichert werden: {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="273"/>
        <source>Save as preset</source>
        <translation>Als Voreinstellung speichern</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="274"/>
        <source>Name of the preset (one of the same name is replaced):</source>
        <translation>Name der Voreinstellung (eine gleichnamige wird ersetzt):</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="282"/>
        <source>Rename preset</source>
        <translation>Voreinstellung umbenennen</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="282"/>
        <source>New name of the preset:</source>
        <translation>Neuer Name der Voreinstellung:</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="308"/>
        <source>Import a preset</source>
        <translation>Voreinstellung importieren</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="324"/>
        <source>The options cannot be exported: {reason}.</source>
        <translation>Die Optionen können nicht exportiert werden: {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="328"/>
        <location filename="../../app/preset_box.py" line="333"/>
        <source>Export a preset</source>
        <translation>Voreinstellung exportieren</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="328"/>
        <source>Name of the preset:</source>
        <translation>Name der Voreinstellung:</translation>
    </message>
</context>
<context>
    <name>QueueControl</name>
    <message>
        <location filename="../../app/queue_control.py" line="51"/>
        <source>An option is not valid: {problem}</source>
        <translation>Eine Option ist ungültig: {problem}</translation>
    </message>
    <message>
        <location filename="../../app/queue_control.py" line="65"/>
        <source>Next to the sources works on this computer only; choose an output folder to run on a Dask cluster.</source>
        <translation>„Neben den Quellen“ funktioniert nur auf diesem Rechner; wählen Sie einen Ausgabeordner, um auf einem Dask-Cluster zu arbeiten.</translation>
    </message>
    <message>
        <location filename="../../app/queue_control.py" line="103"/>
        <source>Queued: {job}. Press Start (Ctrl+Return) to run the queue.</source>
        <translation>Eingereiht: {job}. Klicken Sie auf Starten (Strg+Eingabe), um die Warteschlange abzuarbeiten.</translation>
    </message>
    <message>
        <location filename="../../app/queue_control.py" line="156"/>
        <source>On a Dask cluster, Pause lets the running files finish; no new file starts until you resume.</source>
        <translation>Auf einem Dask-Cluster lässt Pause die laufenden Dateien fertig werden; bis Sie fortsetzen, beginnt keine neue Datei.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/queue_control.py" line="196"/>
        <source>The queue is stopped: %1 jobs wait. Press Start to go on.</source>
        <translation>
            <numerusform>Die Warteschlange ist angehalten: %1 Auftrag wartet. Klicken Sie auf Starten, um weiterzumachen.</numerusform>
            <numerusform>Die Warteschlange ist angehalten: %1 Aufträge warten. Klicken Sie auf Starten, um weiterzumachen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../app/queue_panel.py" line="41"/>
        <source>not queued</source>
        <translation>nicht eingereiht</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="42"/>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="43"/>
        <location filename="../../app/queue_panel.py" line="46"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="44"/>
        <source>preparing</source>
        <translation>wird vorbereitet</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="45"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="47"/>
        <source>stopping</source>
        <translation>wird gestoppt</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="48"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="49"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="50"/>
        <source>could not start</source>
        <translation>Start fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="64"/>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="64"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="64"/>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="64"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="64"/>
        <source>Elapsed</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="65"/>
        <source>Left</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="67"/>
        <source>New job</source>
        <translation>Neuer Auftrag</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="151"/>
        <source>watching</source>
        <translation>überwacht</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/queue_panel.py" line="154"/>
        <source>%1 done today</source>
        <translation>
            <numerusform>%1 heute erledigt</numerusform>
            <numerusform>%1 heute erledigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/queue_panel.py" line="176"/>
        <source>%1 files</source>
        <translation>
            <numerusform>%1 Datei</numerusform>
            <numerusform>%1 Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/queue_panel.py" line="177"/>
        <source>%2 of %1</source>
        <translation>
            <numerusform>%2 von %1</numerusform>
            <numerusform>%2 von %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/queue_panel.py" line="156"/>
        <location filename="../../app/queue_panel.py" line="181"/>
        <source>%1 failed</source>
        <translation>
            <numerusform>%1 fehlgeschlagen</numerusform>
            <numerusform>%1 fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/queue_panel.py" line="183"/>
        <source>%1 skipped</source>
        <translation>
            <numerusform>%1 übersprungen</numerusform>
            <numerusform>%1 übersprungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../app/queue_panel.py" line="230"/>
        <source>Queue of jobs</source>
        <translation>Warteschlange der Aufträge</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="251"/>
        <source>Move the job up</source>
        <translation>Auftrag nach oben verschieben</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="252"/>
        <source>Move the job down</source>
        <translation>Auftrag nach unten verschieben</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="253"/>
        <source>Pause or resume the job</source>
        <translation>Auftrag pausieren oder fortsetzen</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="254"/>
        <source>Cancel the job</source>
        <translation>Auftrag abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="255"/>
        <source>Remove the job from the queue</source>
        <translation>Auftrag aus der Warteschlange entfernen</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="256"/>
        <source>Open the job&apos;s output folder</source>
        <translation>Ausgabeordner des Auftrags öffnen</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="257"/>
        <source>Retry the job&apos;s failed files</source>
        <translation>Fehlgeschlagene Dateien des Auftrags wiederholen</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="258"/>
        <source>Run the job again (files already done are skipped)</source>
        <translation>Auftrag erneut ausführen (bereits fertige Dateien werden übersprungen)</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="259"/>
        <source>Edit as a new job: its files and settings become the new job</source>
        <translation>Als neuen Auftrag bearbeiten: seine Dateien und Einstellungen werden zum neuen Auftrag</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="322"/>
        <source>Resume the job</source>
        <translation>Auftrag fortsetzen</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="322"/>
        <source>Pause the job</source>
        <translation>Auftrag pausieren</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="338"/>
        <source>Pause the watch</source>
        <translation>Überwachung pausieren</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="338"/>
        <source>Resume the watch</source>
        <translation>Überwachung fortsetzen</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="339"/>
        <source>Stop watching the folder</source>
        <translation>Ordner nicht mehr überwachen</translation>
    </message>
</context>
<context>
    <name>ResumeOffer</name>
    <message>
        <location filename="../../app/queue_saver.py" line="144"/>
        <source>Unfinished jobs</source>
        <translation>Nicht abgeschlossene Aufträge</translation>
    </message>
    <message>
        <location filename="../../app/queue_saver.py" line="149"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../../app/queue_saver.py" line="149"/>
        <source>Run them now; files already done are skipped</source>
        <translation>Jetzt ausführen; bereits fertige Dateien werden übersprungen</translation>
    </message>
    <message>
        <location filename="../../app/queue_saver.py" line="150"/>
        <source>Re&amp;view</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <location filename="../../app/queue_saver.py" line="150"/>
        <source>Put them in the queue without starting</source>
        <translation>In die Warteschlange stellen, ohne zu starten</translation>
    </message>
    <message>
        <location filename="../../app/queue_saver.py" line="151"/>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <location filename="../../app/queue_saver.py" line="151"/>
        <source>Forget them (their finished outputs stay)</source>
        <translation>Vergessen (fertige Ergebnisse bleiben erhalten)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/queue_saver.py" line="167"/>
        <source>%1 jobs were not finished when batchpilot last closed ({names}).</source>
        <translation>
            <numerusform>%1 Auftrag war beim letzten Beenden von batchpilot nicht abgeschlossen ({names}).</numerusform>
            <numerusform>%1 Aufträge waren beim letzten Beenden von batchpilot nicht abgeschlossen ({names}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunOnBox</name>
    <message>
        <location filename="../../app/run_on.py" line="38"/>
        <source>Enter the Dask scheduler&apos;s address, for example dask://render-box:8786.</source>
        <translation>Geben Sie die Adresse des Dask-Schedulers ein, zum Beispiel dask://render-box:8786.</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="59"/>
        <location filename="../../app/run_on.py" line="71"/>
        <source>Run on</source>
        <translation>Ausführen auf</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="72"/>
        <source>This computer</source>
        <translation>Diesem Rechner</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="73"/>
        <source>A Dask cluster</source>
        <translation>Einem Dask-Cluster</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="78"/>
        <source>Send the files to the workers of a running Dask scheduler; inputs and outputs must be on folders every worker mounts</source>
        <translation>Die Dateien an die Worker eines laufenden Dask-Schedulers senden; Eingaben und Ergebnisse müssen in Ordnern liegen, die jeder Worker eingebunden hat</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="82"/>
        <source>Running on a Dask cluster needs the dask extra: {command}</source>
        <translation>Für einen Dask-Cluster wird das Zusatzpaket dask benötigt: {command}</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="84"/>
        <source>Run on:</source>
        <translation>Ausführen auf:</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="87"/>
        <source>Worker processes</source>
        <translation>Worker-Prozesse</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="89"/>
        <source>Automatic ({cores})</source>
        <translation>Automatisch ({cores})</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="90"/>
        <source>How many files are worked on at once (automatic: one per CPU core)</source>
        <translation>Wie viele Dateien gleichzeitig bearbeitet werden (automatisch: eine pro CPU-Kern)</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="91"/>
        <source>Workers:</source>
        <translation>Worker:</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="94"/>
        <source>Dask scheduler address</source>
        <translation>Adresse des Dask-Schedulers</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="95"/>
        <source>dask://HOST:8786</source>
        <translation>dask://RECHNER:8786</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="96"/>
        <source>The address `dask scheduler` printed, with dask:// in front</source>
        <translation>Die Adresse, die `dask scheduler` ausgegeben hat, mit dask:// davor</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="97"/>
        <source>Scheduler:</source>
        <translation>Scheduler:</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="100"/>
        <source>Path map</source>
        <translation>Pfadzuordnung</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="101"/>
        <source>optional: /here=/there; …</source>
        <translation>optional: /hier=/dort; …</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="103"/>
        <source>Only when the workers mount the shared folders somewhere else: this computer&apos;s folder, &apos;=&apos;, the same folder on the workers; several separated by &apos;;&apos;</source>
        <translation>Nur wenn die Worker die gemeinsamen Ordner an anderer Stelle eingebunden haben: Ordner auf diesem Rechner, „=“, derselbe Ordner auf den Workern; mehrere durch „;“ getrennt</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="105"/>
        <source>Path map:</source>
        <translation>Pfadzuordnung:</translation>
    </message>
</context>
<context>
    <name>SleepGuard</name>
    <message>
        <location filename="../../app/dbus.py" line="122"/>
        <source>batchpilot: 1 job running</source>
        <translation>batchpilot: 1 Auftrag läuft</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/dbus.py" line="123"/>
        <source>batchpilot: %1 jobs running</source>
        <translation>
            <numerusform>batchpilot: %1 Auftrag läuft</numerusform>
            <numerusform>batchpilot: %1 Aufträge laufen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="159"/>
        <source>logind ({service}) answered without a lock</source>
        <translation>logind ({service}) hat ohne Sperre geantwortet</translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="174"/>
        <source>The computer may go to sleep while jobs run: {reason}.</source>
        <translation>Der Computer kann in den Ruhezustand gehen, während Aufträge laufen: {reason}.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../app/job_model.py" line="61"/>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="62"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="63"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="64"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="65"/>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="66"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>SummaryBanner</name>
    <message>
        <location filename="../../app/notify.py" line="85"/>
        <source>Batch summary</source>
        <translation>Stapelübersicht</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="99"/>
        <source>Show failed</source>
        <translation>Fehlgeschlagene anzeigen</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="100"/>
        <source>Show the failed files</source>
        <translation>Die fehlgeschlagenen Dateien anzeigen</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="101"/>
        <source>Retry failed</source>
        <translation>Fehlgeschlagene wiederholen</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="102"/>
        <source>Retry the failed files</source>
        <translation>Die fehlgeschlagenen Dateien wiederholen</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="106"/>
        <source>Close the summary</source>
        <translation>Übersicht schließen</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="107"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="131"/>
        <source>The batch could not start.</source>
        <translation>Der Stapel konnte nicht starten.</translation>
    </message>
</context>
<context>
    <name>SummaryText</name>
    <message numerus="yes">
        <location filename="../../app/notify.py" line="41"/>
        <source>%1 done</source>
        <translation>
            <numerusform>%1 fertig</numerusform>
            <numerusform>%1 fertig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/notify.py" line="43"/>
        <source>%1 failed</source>
        <translation>
            <numerusform>%1 fehlgeschlagen</numerusform>
            <numerusform>%1 fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/notify.py" line="45"/>
        <source>%1 skipped</source>
        <translation>
            <numerusform>%1 übersprungen</numerusform>
            <numerusform>%1 übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/notify.py" line="47"/>
        <source>%1 cancelled</source>
        <translation>
            <numerusform>%1 abgebrochen</numerusform>
            <numerusform>%1 abgebrochen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="49"/>
        <source>Batch stopped: {counts} in {duration}.</source>
        <translation>Stapel gestoppt: {counts} in {duration}.</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="51"/>
        <source>Batch cancelled: {counts} in {duration}.</source>
        <translation>Stapel abgebrochen: {counts} in {duration}.</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="53"/>
        <source>Batch finished: {counts} in {duration}.</source>
        <translation>Stapel abgeschlossen: {counts} in {duration}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/notify.py" line="57"/>
        <source>… and %1 more (filter: {filter})</source>
        <translation>
            <numerusform>… und %1 weitere (Filter: {filter})</numerusform>
            <numerusform>… und %1 weitere (Filter: {filter})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <location filename="../../app/task_panel.py" line="49"/>
        <source>Skip the file</source>
        <translation>Datei überspringen</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="50"/>
        <source>Write beside it with a new name</source>
        <translation>Mit neuem Namen daneben schreiben</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="51"/>
        <source>Overwrite it</source>
        <translation>Überschreiben</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="103"/>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="108"/>
        <source>Task:</source>
        <translation>Aufgabe:</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="114"/>
        <source>Preset:</source>
        <translation>Voreinstellung:</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="117"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="125"/>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="130"/>
        <location filename="../../app/task_panel.py" line="295"/>
        <source>Output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="131"/>
        <source>beside the first folder added</source>
        <translation>neben dem ersten Ordner</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="132"/>
        <source>Where outputs are written; the source tree is mirrored inside it</source>
        <translation>Wohin die Ergebnisse geschrieben werden; die Ordnerstruktur der Quellen wird darin nachgebildet</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="133"/>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="134"/>
        <source>Choose output folder</source>
        <translation>Ausgabeordner wählen</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="137"/>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="138"/>
        <source>Next to the sources</source>
        <translation>Neben den Quellen</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="139"/>
        <source>Write each output in its source&apos;s folder instead; a source is never overwritten</source>
        <translation>Jede Ausgabe stattdessen in den Ordner ihrer Quelle schreiben; eine Quelle wird nie überschrieben</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="143"/>
        <source>File names</source>
        <translation>Dateinamen</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="145"/>
        <source>The outputs&apos; names; the task adds its own ending. Fields: {fields}</source>
        <translation>Die Namen der Ausgaben; die Aufgabe hängt ihre eigene Endung an. Felder: {fields}</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="147"/>
        <source>File names:</source>
        <translation>Dateinamen:</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="149"/>
        <source>If an output exists</source>
        <translation>Wenn ein Ergebnis schon existiert</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="152"/>
        <source>If it exists:</source>
        <translation>Falls vorhanden:</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="161"/>
        <source>No task could be loaded. Check the installation (tasks register under the batchpilot.tasks entry points).</source>
        <translation>Es konnte keine Aufgabe geladen werden. Prüfen Sie die Installation (Aufgaben registrieren sich über die Einstiegspunkte batchpilot.tasks).</translation>
    </message>
</context>
<context>
    <name>TaskText</name>
    <message>
        <source>Parse documents</source>
        <extracomment>title of the task &quot;parse&quot;</extracomment>
        <translation>Dokumente auslesen</translation>
    </message>
    <message>
        <source>Extract the text and metadata of PDFs, Word files, web pages, e-books, text, CSV, JSON and XML into one file per document, plus an index of the batch.</source>
        <extracomment>description of the task &quot;parse&quot;</extracomment>
        <translation>Text und Metadaten aus PDFs, Word-Dateien, Webseiten, E-Books, Text, CSV, JSON und XML in je eine Datei pro Dokument übernehmen, dazu ein Verzeichnis des Stapels.</translation>
    </message>
    <message>
        <source>Output format</source>
        <extracomment>label of the option &quot;output_format&quot; (parse)</extracomment>
        <translation>Ausgabeformat</translation>
    </message>
    <message>
        <source>what each document becomes: json (text and metadata), txt (text) or md</source>
        <extracomment>help of the option &quot;output_format&quot; (parse)</extracomment>
        <translation>was aus jedem Dokument wird: json (Text und Metadaten), txt (Text) oder md</translation>
    </message>
    <message>
        <source>json</source>
        <extracomment>value of the option &quot;output_format&quot; (parse); keep technical names as they are</extracomment>
        <translation>json</translation>
    </message>
    <message>
        <source>txt</source>
        <extracomment>value of the option &quot;output_format&quot; (parse); keep technical names as they are</extracomment>
        <translation>txt</translation>
    </message>
    <message>
        <source>md</source>
        <extracomment>value of the option &quot;output_format&quot; (parse); keep technical names as they are</extracomment>
        <translation>md</translation>
    </message>
    <message>
        <source>Index format</source>
        <extracomment>label of the option &quot;index_format&quot; (parse)</extracomment>
        <translation>Format des Verzeichnisses</translation>
    </message>
    <message>
        <source>the batch index in the output folder: index.jsonl or index.csv</source>
        <extracomment>help of the option &quot;index_format&quot; (parse)</extracomment>
        <translation>das Verzeichnis des Stapels im Ausgabeordner: index.jsonl oder index.csv</translation>
    </message>
    <message>
        <source>jsonl</source>
        <extracomment>value of the option &quot;index_format&quot; (parse); keep technical names as they are</extracomment>
        <translation>jsonl</translation>
    </message>
    <message>
        <source>csv</source>
        <extracomment>value of the option &quot;index_format&quot; (parse); keep technical names as they are</extracomment>
        <translation>csv</translation>
    </message>
    <message>
        <source>Include text</source>
        <extracomment>label of the option &quot;include_text&quot; (parse)</extracomment>
        <translation>Text übernehmen</translation>
    </message>
    <message>
        <source>put the extracted text in .json outputs (off: metadata only)</source>
        <extracomment>help of the option &quot;include_text&quot; (parse)</extracomment>
        <translation>den ausgelesenen Text in die .json-Ergebnisse schreiben (aus: nur Metadaten)</translation>
    </message>
    <message>
        <source>Max pages</source>
        <extracomment>label of the option &quot;max_pages&quot; (parse)</extracomment>
        <translation>Höchstens Seiten</translation>
    </message>
    <message>
        <source>read at most this many pages of a PDF; the rest is noted as a warning</source>
        <extracomment>help of the option &quot;max_pages&quot; (parse)</extracomment>
        <translation>höchstens so viele Seiten einer PDF lesen; der Rest wird als Warnung vermerkt</translation>
    </message>
    <message>
        <source>PDF password</source>
        <extracomment>label of the option &quot;pdf_password&quot; (parse)</extracomment>
        <translation>PDF-Passwort</translation>
    </message>
    <message>
        <source>password tried on encrypted PDFs (empty: they fail with a note)</source>
        <extracomment>help of the option &quot;pdf_password&quot; (parse)</extracomment>
        <translation>Passwort für verschlüsselte PDFs (leer: sie schlagen mit einem Hinweis fehl)</translation>
    </message>
    <message>
        <source>Max input MB</source>
        <extracomment>label of the option &quot;max_input_mb&quot; (parse)</extracomment>
        <translation>Höchstens MB je Eingabe</translation>
    </message>
    <message>
        <source>largest file read whole (PDFs excepted); longer plain text is cut</source>
        <extracomment>help of the option &quot;max_input_mb&quot; (parse)</extracomment>
        <translation>größte Datei, die ganz gelesen wird (außer PDFs); längerer reiner Text wird gekürzt</translation>
    </message>
    <message>
        <source>Zip</source>
        <extracomment>title of the task &quot;zip&quot;</extracomment>
        <translation>Packen</translation>
    </message>
    <message>
        <source>Mode</source>
        <extracomment>label of the option &quot;mode&quot; (zip)</extracomment>
        <translation>Modus</translation>
    </message>
    <message>
        <source>per-file</source>
        <extracomment>value of the option &quot;mode&quot; (zip); keep technical names as they are</extracomment>
        <translation>pro Datei</translation>
    </message>
    <message>
        <source>per-folder</source>
        <extracomment>value of the option &quot;mode&quot; (zip); keep technical names as they are</extracomment>
        <translation>pro Ordner</translation>
    </message>
    <message>
        <source>selection</source>
        <extracomment>value of the option &quot;mode&quot; (zip); keep technical names as they are</extracomment>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>extract</source>
        <extracomment>value of the option &quot;mode&quot; (zip); keep technical names as they are</extracomment>
        <translation>entpacken</translation>
    </message>
    <message>
        <source>Format</source>
        <extracomment>label of the option &quot;format&quot; (zip)</extracomment>
        <translation>Format</translation>
    </message>
    <message>
        <source>archive format to write</source>
        <extracomment>help of the option &quot;format&quot; (zip)</extracomment>
        <translation>zu schreibendes Archivformat</translation>
    </message>
    <message>
        <source>zip</source>
        <extracomment>value of the option &quot;format&quot; (zip); keep technical names as they are</extracomment>
        <translation>zip</translation>
    </message>
    <message>
        <source>tar.gz</source>
        <extracomment>value of the option &quot;format&quot; (zip); keep technical names as they are</extracomment>
        <translation>tar.gz</translation>
    </message>
    <message>
        <source>tar.xz</source>
        <extracomment>value of the option &quot;format&quot; (zip); keep technical names as they are</extracomment>
        <translation>tar.xz</translation>
    </message>
    <message>
        <source>tar.zst</source>
        <extracomment>value of the option &quot;format&quot; (zip); keep technical names as they are</extracomment>
        <translation>tar.zst</translation>
    </message>
    <message>
        <source>Zip method</source>
        <extracomment>label of the option &quot;zip_method&quot; (zip)</extracomment>
        <translation>Zip-Verfahren</translation>
    </message>
    <message>
        <source>how .zip members are compressed</source>
        <extracomment>help of the option &quot;zip_method&quot; (zip)</extracomment>
        <translation>wie die Einträge eines .zip komprimiert werden</translation>
    </message>
    <message>
        <source>deflate</source>
        <extracomment>value of the option &quot;zip_method&quot; (zip); keep technical names as they are</extracomment>
        <translation>deflate</translation>
    </message>
    <message>
        <source>bzip2</source>
        <extracomment>value of the option &quot;zip_method&quot; (zip); keep technical names as they are</extracomment>
        <translation>bzip2</translation>
    </message>
    <message>
        <source>lzma</source>
        <extracomment>value of the option &quot;zip_method&quot; (zip); keep technical names as they are</extracomment>
        <translation>lzma</translation>
    </message>
    <message>
        <source>stored</source>
        <extracomment>value of the option &quot;zip_method&quot; (zip); keep technical names as they are</extracomment>
        <translation>ungepackt</translation>
    </message>
    <message>
        <source>Level</source>
        <extracomment>label of the option &quot;level&quot; (zip)</extracomment>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Verify</source>
        <extracomment>label of the option &quot;verify&quot; (zip)</extracomment>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>read every archive back after writing; one that fails is removed</source>
        <extracomment>help of the option &quot;verify&quot; (zip)</extracomment>
        <translation>jedes Archiv nach dem Schreiben wieder lesen; ein fehlerhaftes wird gelöscht</translation>
    </message>
    <message>
        <source>Archive name</source>
        <extracomment>label of the option &quot;archive_name&quot; (zip)</extracomment>
        <translation>Archivname</translation>
    </message>
    <message>
        <source>name of the archive in selection mode (default: the folder&apos;s name)</source>
        <extracomment>help of the option &quot;archive_name&quot; (zip)</extracomment>
        <translation>Name des Archivs im Modus Auswahl (Vorgabe: der Name des Ordners)</translation>
    </message>
    <message>
        <source>Max total MB</source>
        <extracomment>label of the option &quot;max_total_mb&quot; (zip)</extracomment>
        <translation>Höchstens MB gesamt</translation>
    </message>
    <message>
        <source>extract: stop when one archive unpacks to more than this many MB</source>
        <extracomment>help of the option &quot;max_total_mb&quot; (zip)</extracomment>
        <translation>entpacken: abbrechen, wenn ein Archiv zu mehr als so vielen MB entpackt</translation>
    </message>
    <message>
        <source>Max ratio</source>
        <extracomment>label of the option &quot;max_ratio&quot; (zip)</extracomment>
        <translation>Höchstes Verhältnis</translation>
    </message>
    <message>
        <source>extract: stop when an archive unpacks to more than this many times its size (zip bombs)</source>
        <extracomment>help of the option &quot;max_ratio&quot; (zip)</extracomment>
        <translation>entpacken: abbrechen, wenn ein Archiv auf mehr als das So-vielfache seiner Größe anwächst (Zip-Bomben)</translation>
    </message>
    <message>
        <source>Max files</source>
        <extracomment>label of the option &quot;max_files&quot; (zip)</extracomment>
        <translation>Höchstens Dateien</translation>
    </message>
    <message>
        <source>extract: refuse archives with more members than this</source>
        <extracomment>help of the option &quot;max_files&quot; (zip)</extracomment>
        <translation>entpacken: Archive mit mehr Einträgen ablehnen</translation>
    </message>
    <message>
        <source>Skip unsafe</source>
        <extracomment>label of the option &quot;skip_unsafe&quot; (zip)</extracomment>
        <translation>Unsichere überspringen</translation>
    </message>
    <message>
        <source>extract: leave out members that would land outside the folder instead of failing the archive</source>
        <extracomment>help of the option &quot;skip_unsafe&quot; (zip)</extracomment>
        <translation>entpacken: Einträge auslassen, die außerhalb des Ordners landen würden, statt das ganze Archiv scheitern zu lassen</translation>
    </message>
    <message>
        <source>Encode media</source>
        <extracomment>title of the task &quot;encode&quot;</extracomment>
        <translation>Medien umwandeln</translation>
    </message>
    <message>
        <source>Convert videos (H.264, H.265, VP9, AV1), sound (MP3, AAC, Opus, FLAC) and pictures (JPEG, WebP, PNG); every output is checked before it is kept</source>
        <extracomment>description of the task &quot;encode&quot;</extracomment>
        <translation>Videos (H.264, H.265, VP9, AV1), Ton (MP3, AAC, Opus, FLAC) und Bilder (JPEG, WebP, PNG) umwandeln; jedes Ergebnis wird geprüft, bevor es behalten wird</translation>
    </message>
    <message>
        <source>mp4-h264</source>
        <extracomment>value of the option &quot;video_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>mp4-h264</translation>
    </message>
    <message>
        <source>mp4-h265</source>
        <extracomment>value of the option &quot;video_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>mp4-h265</translation>
    </message>
    <message>
        <source>webm-vp9</source>
        <extracomment>value of the option &quot;video_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>webm-vp9</translation>
    </message>
    <message>
        <source>mkv-av1</source>
        <extracomment>value of the option &quot;video_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>mkv-av1</translation>
    </message>
    <message>
        <source>mp3</source>
        <extracomment>value of the option &quot;audio_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>mp3</translation>
    </message>
    <message>
        <source>aac</source>
        <extracomment>value of the option &quot;audio_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>aac</translation>
    </message>
    <message>
        <source>opus</source>
        <extracomment>value of the option &quot;audio_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>opus</translation>
    </message>
    <message>
        <source>flac</source>
        <extracomment>value of the option &quot;audio_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>flac</translation>
    </message>
    <message>
        <source>jpeg</source>
        <extracomment>value of the option &quot;picture_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>jpeg</translation>
    </message>
    <message>
        <source>webp</source>
        <extracomment>value of the option &quot;picture_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>webp</translation>
    </message>
    <message>
        <source>png</source>
        <extracomment>value of the option &quot;picture_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>png</translation>
    </message>
    <message>
        <source>Text and metadata (JSON)</source>
        <extracomment>preset of the task &quot;parse&quot; (--preset json)</extracomment>
        <translation>Text und Metadaten (JSON)</translation>
    </message>
    <message>
        <source>Plain text</source>
        <extracomment>preset of the task &quot;parse&quot; (--preset text only)</extracomment>
        <translation>Reiner Text</translation>
    </message>
    <message>
        <source>Markdown for notes</source>
        <extracomment>preset of the task &quot;parse&quot; (--preset markdown)</extracomment>
        <translation>Markdown für Notizen</translation>
    </message>
    <message>
        <source>Metadata only, no text</source>
        <extracomment>preset of the task &quot;parse&quot; (--preset metadata only)</extracomment>
        <translation>Nur Metadaten, kein Text</translation>
    </message>
    <message>
        <source>Catalogue for a spreadsheet (CSV)</source>
        <extracomment>preset of the task &quot;parse&quot; (--preset catalogue)</extracomment>
        <translation>Katalog für eine Tabellenkalkulation (CSV)</translation>
    </message>
    <message>
        <source>Quick look: first 10 pages</source>
        <extracomment>preset of the task &quot;parse&quot; (--preset first pages)</extracomment>
        <translation>Schnellansicht: erste 10 Seiten</translation>
    </message>
    <message>
        <source>Scans: OCR every page</source>
        <extracomment>preset of the task &quot;parse&quot; (--preset scans)</extracomment>
        <translation>Scans: Texterkennung auf jeder Seite</translation>
    </message>
    <message>
        <source>Text and chunks for search</source>
        <extracomment>preset of the task &quot;parse&quot; (--preset search chunks)</extracomment>
        <translation>Text und Abschnitte für die Suche</translation>
    </message>
    <message>
        <source>none</source>
        <extracomment>shown instead of the automatic value of the option &quot;pdf_password&quot; (parse); shown instead of the automatic value of the option &quot;password&quot; (zip)</extracomment>
        <translation>keines</translation>
    </message>
    <message>
        <source>OCR</source>
        <extracomment>label of the option &quot;ocr&quot; (parse)</extracomment>
        <translation>Texterkennung</translation>
    </message>
    <message>
        <source>read pages by OCR: auto (pages without usable text, and pictures), off, or always (every page)</source>
        <extracomment>help of the option &quot;ocr&quot; (parse)</extracomment>
        <translation>Seiten per Texterkennung lesen: auto (Seiten ohne brauchbaren Text, und Bilder), off (nie) oder always (jede Seite)</translation>
    </message>
    <message>
        <source>auto</source>
        <extracomment>value of the option &quot;ocr&quot; (parse); keep technical names as they are</extracomment>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>off</source>
        <extracomment>value of the option &quot;ocr&quot; (parse); keep technical names as they are; shown instead of the automatic value of the option &quot;resume_after&quot; (encode); value of the option &quot;same_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>aus</translation>
    </message>
    <message>
        <source>always</source>
        <extracomment>value of the option &quot;ocr&quot; (parse); keep technical names as they are</extracomment>
        <translation>immer</translation>
    </message>
    <message>
        <source>OCR languages</source>
        <extracomment>label of the option &quot;ocr_languages&quot; (parse)</extracomment>
        <translation>Sprachen der Texterkennung</translation>
    </message>
    <message>
        <source>Tesseract languages for OCR, joined by + (eng+deu)</source>
        <extracomment>help of the option &quot;ocr_languages&quot; (parse)</extracomment>
        <translation>Tesseract-Sprachen für die Texterkennung, mit + verbunden (eng+deu)</translation>
    </message>
    <message>
        <source>installed</source>
        <extracomment>shown instead of the automatic value of the option &quot;ocr_languages&quot; (parse)</extracomment>
        <translation>die installierten</translation>
    </message>
    <message>
        <source>Chunks</source>
        <extracomment>label of the option &quot;chunks&quot; (parse)</extracomment>
        <translation>Abschnitte</translation>
    </message>
    <message>
        <source>also write a .chunks.jsonl beside each output: the text in overlapping chunks for search</source>
        <extracomment>help of the option &quot;chunks&quot; (parse)</extracomment>
        <translation>neben jede Ausgabe auch eine .chunks.jsonl schreiben: der Text in überlappenden Abschnitten für die Suche</translation>
    </message>
    <message>
        <source>Chunk size</source>
        <extracomment>label of the option &quot;chunk_size&quot; (parse)</extracomment>
        <translation>Abschnittsgröße</translation>
    </message>
    <message>
        <source>characters per chunk (about: chunks end at a paragraph, sentence or word)</source>
        <extracomment>help of the option &quot;chunk_size&quot; (parse)</extracomment>
        <translation>Zeichen je Abschnitt (ungefähr: Abschnitte enden an einem Absatz, Satz oder Wort)</translation>
    </message>
    <message>
        <source>Chunk overlap</source>
        <extracomment>label of the option &quot;chunk_overlap&quot; (parse)</extracomment>
        <translation>Überlappung</translation>
    </message>
    <message>
        <source>characters each chunk repeats from the one before (at most half a chunk)</source>
        <extracomment>help of the option &quot;chunk_overlap&quot; (parse)</extracomment>
        <translation>Zeichen, die jeder Abschnitt vom vorigen wiederholt (höchstens ein halber Abschnitt)</translation>
    </message>
    <message>
        <source>Pack files into .zip, .7z, .tar.gz, .tar.xz or .tar.zst archives (one per file, one per folder, or one for everything; .zip and .7z encrypted with a password), checked after writing; or safely unpack archives.</source>
        <extracomment>description of the task &quot;zip&quot;</extracomment>
        <translation>Dateien in .zip-, .7z-, .tar.gz-, .tar.xz- oder .tar.zst-Archive packen (eines je Datei, je Ordner oder eines für alles; .zip und .7z mit Passwort verschlüsselt), nach dem Schreiben geprüft; oder Archive sicher entpacken.</translation>
    </message>
    <message>
        <source>A .zip of each file</source>
        <extracomment>preset of the task &quot;zip&quot; (--preset zip per file)</extracomment>
        <translation>Ein .zip pro Datei</translation>
    </message>
    <message>
        <source>A .zip of each folder</source>
        <extracomment>preset of the task &quot;zip&quot; (--preset zip per folder)</extracomment>
        <translation>Ein .zip pro Ordner</translation>
    </message>
    <message>
        <source>Everything in one .zip</source>
        <extracomment>preset of the task &quot;zip&quot; (--preset one .zip)</extracomment>
        <translation>Alles in einem .zip</translation>
    </message>
    <message>
        <source>One small .zip to send</source>
        <extracomment>preset of the task &quot;zip&quot; (--preset send-zip)</extracomment>
        <translation>Ein kleines .zip zum Versenden</translation>
    </message>
    <message>
        <source>Everything in one .tar.zst (fast, small)</source>
        <extracomment>preset of the task &quot;zip&quot; (--preset one .tar.zst)</extracomment>
        <translation>Alles in einem .tar.zst (schnell, klein)</translation>
    </message>
    <message>
        <source>Everything in one .7z (small, 7-Zip&apos;s format)</source>
        <extracomment>preset of the task &quot;zip&quot; (--preset one .7z)</extracomment>
        <translation>Alles in einer .7z (klein, das Format von 7-Zip)</translation>
    </message>
    <message>
        <source>Backup in one .tar.xz (smallest, slow)</source>
        <extracomment>preset of the task &quot;zip&quot; (--preset backup-xz)</extracomment>
        <translation>Sicherung in einem .tar.xz (am kleinsten, langsam)</translation>
    </message>
    <message>
        <source>Unpack archives</source>
        <extracomment>preset of the task &quot;zip&quot; (--preset extract archives)</extracomment>
        <translation>Archive entpacken</translation>
    </message>
    <message>
        <source>per-file, per-folder (one per top-level folder), selection (one archive of everything) or extract (unpack .zip, .7z and tar archives)</source>
        <extracomment>help of the option &quot;mode&quot; (zip)</extracomment>
        <translation>per-file (je Datei), per-folder (je oberstem Ordner), selection (ein Archiv für alles) oder extract (.zip-, .7z- und tar-Archive entpacken)</translation>
    </message>
    <message>
        <source>7z</source>
        <extracomment>value of the option &quot;format&quot; (zip); keep technical names as they are</extracomment>
        <translation>7z</translation>
    </message>
    <message>
        <source>compression level, -1 for the format&apos;s default (6; 9 for bzip2, 3 for zstd, 5 for 7z); up to 9, or 22 for zstd; higher is smaller and slower</source>
        <extracomment>help of the option &quot;level&quot; (zip)</extracomment>
        <translation>Kompressionsstufe, -1 für die Vorgabe des Formats (6; 9 für bzip2, 3 für zstd, 5 für 7z); bis 9, bei zstd bis 22; höher ist kleiner und langsamer</translation>
    </message>
    <message>
        <source>Password</source>
        <extracomment>label of the option &quot;password&quot; (zip)</extracomment>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>encrypt .zip and .7z archives with AES-256 (a .7z&apos;s file names too); extract: the password of encrypted archives. Never saved</source>
        <extracomment>help of the option &quot;password&quot; (zip)</extracomment>
        <translation>Archive .zip und .7z mit AES-256 verschlüsseln (bei .7z auch die Dateinamen); beim Entpacken: das Passwort verschlüsselter Archive. Wird nie gespeichert</translation>
    </message>
    <message>
        <source>the folder&apos;s name</source>
        <extracomment>shown instead of the automatic value of the option &quot;archive_name&quot; (zip)</extracomment>
        <translation>Name des Ordners</translation>
    </message>
    <message>
        <source>Web: videos, sound and photos (H.264, AAC, WebP)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset web)</extracomment>
        <translation>Web: Videos, Ton und Fotos (H.264, AAC, WebP)</translation>
    </message>
    <message>
        <source>Phone backup (H.265, AAC, JPEG)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset phone-backup)</extracomment>
        <translation>Handy-Sicherung (H.265, AAC, JPEG)</translation>
    </message>
    <message>
        <source>Web video 1080p</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset web-1080p)</extracomment>
        <translation>Webvideo 1080p</translation>
    </message>
    <message>
        <source>Phone video 720p</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset phone-720p)</extracomment>
        <translation>Handyvideo 720p</translation>
    </message>
    <message>
        <source>MP4 video, full size (H.264)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset mp4-h264)</extracomment>
        <translation>MP4-Video, volle Größe (H.264)</translation>
    </message>
    <message>
        <source>Small video (H.265)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset mp4-h265)</extracomment>
        <translation>Kleines Video (H.265)</translation>
    </message>
    <message>
        <source>WebM video for browsers (VP9)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset webm-vp9)</extracomment>
        <translation>WebM-Video für Browser (VP9)</translation>
    </message>
    <message>
        <source>Smallest video (AV1, slow to make)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset mkv-av1)</extracomment>
        <translation>Kleinstes Video (AV1, langsam zu erstellen)</translation>
    </message>
    <message>
        <source>Podcast MP3</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset podcast-mp3)</extracomment>
        <translation>MP3 für Podcasts</translation>
    </message>
    <message>
        <source>Music MP3</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset mp3)</extracomment>
        <translation>MP3 für Musik</translation>
    </message>
    <message>
        <source>Music AAC (.m4a)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset aac)</extracomment>
        <translation>AAC für Musik (.m4a)</translation>
    </message>
    <message>
        <source>Small sound files (Opus)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset opus)</extracomment>
        <translation>Kleine Tondateien (Opus)</translation>
    </message>
    <message>
        <source>Archive sound (FLAC, lossless)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset flac)</extracomment>
        <translation>Ton zum Archivieren (FLAC, verlustfrei)</translation>
    </message>
    <message>
        <source>Photos for the web (WebP)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset webp)</extracomment>
        <translation>Fotos fürs Web (WebP)</translation>
    </message>
    <message>
        <source>Photos for e-mail (JPEG, 1600 px)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset email-photos)</extracomment>
        <translation>Fotos für E-Mails (JPEG, 1600 px)</translation>
    </message>
    <message>
        <source>JPEG photos, full size</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset jpeg)</extracomment>
        <translation>JPEG-Fotos, volle Größe</translation>
    </message>
    <message>
        <source>Pictures without loss (PNG)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset png)</extracomment>
        <translation>Bilder ohne Verlust (PNG)</translation>
    </message>
    <message>
        <source>Video format</source>
        <extracomment>label of the option &quot;video_format&quot; (encode)</extracomment>
        <translation>Videoformat</translation>
    </message>
    <message>
        <source>what videos become: a video format, their sound only (in the sound format), kept as they are, or left out</source>
        <extracomment>help of the option &quot;video_format&quot; (encode)</extracomment>
        <translation>was aus Videos wird: ein Videoformat, nur ihr Ton (im Tonformat), unverändert behalten oder weggelassen</translation>
    </message>
    <message>
        <source>sound-only</source>
        <extracomment>value of the option &quot;video_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>nur Ton</translation>
    </message>
    <message>
        <source>keep</source>
        <extracomment>value of the option &quot;video_format&quot; (encode); keep technical names as they are; value of the option &quot;audio_format&quot; (encode); keep technical names as they are; value of the option &quot;picture_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>behalten</translation>
    </message>
    <message>
        <source>leave-out</source>
        <extracomment>value of the option &quot;video_format&quot; (encode); keep technical names as they are; value of the option &quot;audio_format&quot; (encode); keep technical names as they are; value of the option &quot;picture_format&quot; (encode); keep technical names as they are; value of the option &quot;same_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>weglassen</translation>
    </message>
    <message>
        <source>Audio format</source>
        <extracomment>label of the option &quot;audio_format&quot; (encode)</extracomment>
        <translation>Tonformat</translation>
    </message>
    <message>
        <source>what sound files become (and a video&apos;s sound, when videos become sound only)</source>
        <extracomment>help of the option &quot;audio_format&quot; (encode)</extracomment>
        <translation>was aus Tondateien wird (und aus dem Ton eines Videos, wenn Videos nur ihren Ton liefern)</translation>
    </message>
    <message>
        <source>Picture format</source>
        <extracomment>label of the option &quot;picture_format&quot; (encode)</extracomment>
        <translation>Bildformat</translation>
    </message>
    <message>
        <source>what pictures become</source>
        <extracomment>help of the option &quot;picture_format&quot; (encode)</extracomment>
        <translation>was aus Bildern wird</translation>
    </message>
    <message>
        <source>CRF</source>
        <extracomment>label of the option &quot;crf&quot; (encode)</extracomment>
        <translation>CRF</translation>
    </message>
    <message>
        <source>video quality as CRF, lower is better and bigger; 0 = the codec&apos;s usual (H.264 23, H.265 28, VP9 31, AV1 35)</source>
        <extracomment>help of the option &quot;crf&quot; (encode)</extracomment>
        <translation>Videoqualität als CRF, niedriger ist besser und größer; 0 = üblicher Wert des Codecs (H.264 23, H.265 28, VP9 31, AV1 35)</translation>
    </message>
    <message>
        <source>Video bitrate</source>
        <extracomment>label of the option &quot;video_bitrate&quot; (encode)</extracomment>
        <translation>Video-Bitrate</translation>
    </message>
    <message>
        <source>video bitrate in kbit/s instead of CRF; 0 = use CRF</source>
        <extracomment>help of the option &quot;video_bitrate&quot; (encode)</extracomment>
        <translation>Video-Bitrate in kbit/s statt CRF; 0 = CRF verwenden</translation>
    </message>
    <message>
        <source>off: use CRF</source>
        <extracomment>shown instead of the automatic value of the option &quot;video_bitrate&quot; (encode)</extracomment>
        <translation>aus: CRF verwenden</translation>
    </message>
    <message>
        <source>Speed</source>
        <extracomment>label of the option &quot;speed&quot; (encode)</extracomment>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>encoder effort: slower gives smaller files at the same quality</source>
        <extracomment>help of the option &quot;speed&quot; (encode)</extracomment>
        <translation>Aufwand des Encoders: langsamer ergibt kleinere Dateien bei gleicher Qualität</translation>
    </message>
    <message>
        <source>ultrafast</source>
        <extracomment>value of the option &quot;speed&quot; (encode); keep technical names as they are</extracomment>
        <translation>ultrafast</translation>
    </message>
    <message>
        <source>superfast</source>
        <extracomment>value of the option &quot;speed&quot; (encode); keep technical names as they are</extracomment>
        <translation>superfast</translation>
    </message>
    <message>
        <source>veryfast</source>
        <extracomment>value of the option &quot;speed&quot; (encode); keep technical names as they are</extracomment>
        <translation>veryfast</translation>
    </message>
    <message>
        <source>faster</source>
        <extracomment>value of the option &quot;speed&quot; (encode); keep technical names as they are</extracomment>
        <translation>faster</translation>
    </message>
    <message>
        <source>fast</source>
        <extracomment>value of the option &quot;speed&quot; (encode); keep technical names as they are</extracomment>
        <translation>fast</translation>
    </message>
    <message>
        <source>medium</source>
        <extracomment>value of the option &quot;speed&quot; (encode); keep technical names as they are</extracomment>
        <translation>medium</translation>
    </message>
    <message>
        <source>slow</source>
        <extracomment>value of the option &quot;speed&quot; (encode); keep technical names as they are</extracomment>
        <translation>slow</translation>
    </message>
    <message>
        <source>slower</source>
        <extracomment>value of the option &quot;speed&quot; (encode); keep technical names as they are</extracomment>
        <translation>slower</translation>
    </message>
    <message>
        <source>veryslow</source>
        <extracomment>value of the option &quot;speed&quot; (encode); keep technical names as they are</extracomment>
        <translation>veryslow</translation>
    </message>
    <message>
        <source>Max width</source>
        <extracomment>label of the option &quot;max_width&quot; (encode)</extracomment>
        <translation>Höchste Breite</translation>
    </message>
    <message>
        <source>shrink wider videos and pictures to this width, aspect kept; 0 = no limit</source>
        <extracomment>help of the option &quot;max_width&quot; (encode)</extracomment>
        <translation>breitere Videos und Bilder auf diese Breite verkleinern, Seitenverhältnis bleibt; 0 = keine Grenze</translation>
    </message>
    <message>
        <source>no limit</source>
        <extracomment>shown instead of the automatic value of the option &quot;max_width&quot; (encode); shown instead of the automatic value of the option &quot;max_height&quot; (encode)</extracomment>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>Max height</source>
        <extracomment>label of the option &quot;max_height&quot; (encode)</extracomment>
        <translation>Höchste Höhe</translation>
    </message>
    <message>
        <source>shrink taller videos and pictures to this height, aspect kept; 0 = no limit</source>
        <extracomment>help of the option &quot;max_height&quot; (encode)</extracomment>
        <translation>höhere Videos und Bilder auf diese Höhe verkleinern, Seitenverhältnis bleibt; 0 = keine Grenze</translation>
    </message>
    <message>
        <source>Audio bitrate</source>
        <extracomment>label of the option &quot;audio_bitrate&quot; (encode)</extracomment>
        <translation>Audio-Bitrate</translation>
    </message>
    <message>
        <source>sound bitrate in kbit/s (not used by FLAC)</source>
        <extracomment>help of the option &quot;audio_bitrate&quot; (encode)</extracomment>
        <translation>Ton-Bitrate in kbit/s (bei FLAC ohne Wirkung)</translation>
    </message>
    <message>
        <source>Subtitles</source>
        <extracomment>label of the option &quot;subtitles&quot; (encode)</extracomment>
        <translation>Untertitel</translation>
    </message>
    <message>
        <source>keep subtitle tracks (converted to the text format the container takes)</source>
        <extracomment>help of the option &quot;subtitles&quot; (encode)</extracomment>
        <translation>Untertitelspuren behalten (in das Textformat umgewandelt, das der Container annimmt)</translation>
    </message>
    <message>
        <source>Strip metadata</source>
        <extracomment>label of the option &quot;strip_metadata&quot; (encode)</extracomment>
        <translation>Metadaten entfernen</translation>
    </message>
    <message>
        <source>drop tags (title, GPS, camera, EXIF, chapters); picture colour profiles are always kept</source>
        <extracomment>help of the option &quot;strip_metadata&quot; (encode)</extracomment>
        <translation>Tags entfernen (Titel, GPS, Kamera, EXIF, Kapitel); Farbprofile von Bildern bleiben immer erhalten</translation>
    </message>
    <message>
        <source>Threads</source>
        <extracomment>label of the option &quot;threads&quot; (encode)</extracomment>
        <translation>Threads</translation>
    </message>
    <message>
        <source>threads per file; 0 = share the cores among the workers</source>
        <extracomment>help of the option &quot;threads&quot; (encode)</extracomment>
        <translation>Threads pro Datei; 0 = die Kerne unter den Workern aufteilen</translation>
    </message>
    <message>
        <source>Image quality</source>
        <extracomment>label of the option &quot;image_quality&quot; (encode)</extracomment>
        <translation>Bildqualität</translation>
    </message>
    <message>
        <source>JPEG and WebP quality, 1-100</source>
        <extracomment>help of the option &quot;image_quality&quot; (encode)</extracomment>
        <translation>Qualität für JPEG und WebP, 1–100</translation>
    </message>
    <message>
        <source>Progressive</source>
        <extracomment>label of the option &quot;progressive&quot; (encode)</extracomment>
        <translation>Progressiv</translation>
    </message>
    <message>
        <source>progressive JPEG (shows coarse-to-fine while loading)</source>
        <extracomment>help of the option &quot;progressive&quot; (encode)</extracomment>
        <translation>progressives JPEG (wird beim Laden von grob nach fein aufgebaut)</translation>
    </message>
    <message>
        <source>Lossless</source>
        <extracomment>label of the option &quot;lossless&quot; (encode)</extracomment>
        <translation>Verlustfrei</translation>
    </message>
    <message>
        <source>lossless WebP (bigger, exact pixels)</source>
        <extracomment>help of the option &quot;lossless&quot; (encode)</extracomment>
        <translation>verlustfreies WebP (größer, exakte Pixel)</translation>
    </message>
    <message>
        <source>Optimize</source>
        <extracomment>label of the option &quot;optimize&quot; (encode)</extracomment>
        <translation>Optimieren</translation>
    </message>
    <message>
        <source>spend a little more time for smaller JPEG and PNG files</source>
        <extracomment>help of the option &quot;optimize&quot; (encode)</extracomment>
        <translation>etwas mehr Zeit für kleinere JPEG- und PNG-Dateien aufwenden</translation>
    </message>
    <message>
        <source>Resume after</source>
        <extracomment>label of the option &quot;resume_after&quot; (encode)</extracomment>
        <translation>Fortsetzbar ab</translation>
    </message>
    <message>
        <source>videos longer than this many seconds are encoded in pieces that a re-run after a crash keeps; 0 = always in one piece</source>
        <extracomment>help of the option &quot;resume_after&quot; (encode)</extracomment>
        <translation>Videos, die länger als so viele Sekunden sind, werden in Stücken kodiert, die ein erneuter Lauf nach einem Absturz behält; 0 = immer am Stück</translation>
    </message>
    <message>
        <source>Same format</source>
        <extracomment>label of the option &quot;same_format&quot; (encode)</extracomment>
        <translation>Gleiches Format</translation>
    </message>
    <message>
        <source>files already in the target format (same codec, within the size limits, at or below the target quality): encoded anyway (off), copied as they are, or left out</source>
        <extracomment>help of the option &quot;same_format&quot; (encode)</extracomment>
        <translation>Dateien, die schon im Zielformat sind (gleicher Codec, innerhalb der Größengrenzen, höchstens in der Zielqualität): trotzdem kodiert (off), unverändert kopiert oder weggelassen</translation>
    </message>
    <message>
        <source>copy</source>
        <extracomment>value of the option &quot;same_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>kopieren</translation>
    </message>
    <message>
        <source>Keep if bigger</source>
        <extracomment>label of the option &quot;keep_if_bigger&quot; (encode)</extracomment>
        <translation>Original bei größerem Ergebnis</translation>
    </message>
    <message>
        <source>when the new file comes out bigger than the source, keep a copy of the source instead</source>
        <extracomment>help of the option &quot;keep_if_bigger&quot; (encode)</extracomment>
        <translation>wenn die neue Datei größer als die Quelle wird, stattdessen eine Kopie der Quelle behalten</translation>
    </message>
    <message>
        <source>Min size MB</source>
        <extracomment>label of the option &quot;min_size_mb&quot; (encode)</extracomment>
        <translation>Mindestgröße MB</translation>
    </message>
    <message>
        <source>only files larger than this many MB; 0 = every size</source>
        <extracomment>help of the option &quot;min_size_mb&quot; (encode)</extracomment>
        <translation>nur Dateien größer als so viele MB; 0 = jede Größe</translation>
    </message>
    <message>
        <source>any size</source>
        <extracomment>shown instead of the automatic value of the option &quot;min_size_mb&quot; (encode)</extracomment>
        <translation>jede Größe</translation>
    </message>
    <message>
        <source>Min seconds</source>
        <extracomment>label of the option &quot;min_seconds&quot; (encode)</extracomment>
        <translation>Mindestdauer s</translation>
    </message>
    <message>
        <source>only videos and sound longer than this many seconds; 0 = any length</source>
        <extracomment>help of the option &quot;min_seconds&quot; (encode)</extracomment>
        <translation>nur Videos und Ton länger als so viele Sekunden; 0 = jede Länge</translation>
    </message>
    <message>
        <source>any length</source>
        <extracomment>shown instead of the automatic value of the option &quot;min_seconds&quot; (encode)</extracomment>
        <translation>jede Länge</translation>
    </message>
    <message>
        <source>Min width</source>
        <extracomment>label of the option &quot;min_width&quot; (encode)</extracomment>
        <translation>Mindestbreite</translation>
    </message>
    <message>
        <source>only videos and pictures wider than this many pixels; 0 = any width</source>
        <extracomment>help of the option &quot;min_width&quot; (encode)</extracomment>
        <translation>nur Videos und Bilder breiter als so viele Pixel; 0 = jede Breite</translation>
    </message>
    <message>
        <source>any width</source>
        <extracomment>shown instead of the automatic value of the option &quot;min_width&quot; (encode)</extracomment>
        <translation>jede Breite</translation>
    </message>
</context>
<context>
    <name>Text</name>
    <message>
        <location filename="../../app/text.py" line="64"/>
        <source>{time} left</source>
        <translation>noch {time}</translation>
    </message>
</context>
<context>
    <name>WatchControl</name>
    <message>
        <location filename="../../app/watch_control.py" line="51"/>
        <source>An option is not valid: {problem}</source>
        <translation>Eine Option ist ungültig: {problem}</translation>
    </message>
    <message>
        <location filename="../../app/watch_control.py" line="54"/>
        <source>Choose a folder to watch</source>
        <translation>Zu überwachenden Ordner wählen</translation>
    </message>
    <message>
        <location filename="../../app/watch_control.py" line="64"/>
        <source>Watching {folder}: each file that arrives goes to {output}.</source>
        <translation>{folder} wird überwacht: jede ankommende Datei geht nach {output}.</translation>
    </message>
    <message>
        <location filename="../../app/watch_control.py" line="76"/>
        <source>Show batchpilot</source>
        <translation>batchpilot anzeigen</translation>
    </message>
    <message>
        <location filename="../../app/watch_control.py" line="77"/>
        <source>Quit batchpilot</source>
        <translation>batchpilot beenden</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/watch_control.py" line="81"/>
        <source>batchpilot keeps watching %1 folders. Its tray icon shows the window again or quits.</source>
        <translation>
            <numerusform>batchpilot überwacht weiter %1 Ordner. Sein Symbol im Infobereich zeigt das Fenster wieder an oder beendet es.</numerusform>
            <numerusform>batchpilot überwacht weiter %1 Ordner. Sein Symbol im Infobereich zeigt das Fenster wieder an oder beendet es.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WatchFolder</name>
    <message>
        <location filename="../../app/watch_folders.py" line="65"/>
        <source>Watch · {folder} · {task}</source>
        <translation>Überwachung · {folder} · {task}</translation>
    </message>
</context>
<context>
    <name>WhenDoneMenu</name>
    <message>
        <location filename="../../app/when_done.py" line="38"/>
        <source>When the queue is &amp;done</source>
        <translation>Wenn die Warteschlange &amp;durch ist</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="44"/>
        <source>Do &amp;nothing</source>
        <translation>&amp;Nichts tun</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="45"/>
        <source>&amp;Quit batchpilot</source>
        <translation>batchpilot &amp;beenden</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="46"/>
        <source>&amp;Suspend</source>
        <translation>&amp;Standby</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="47"/>
        <source>&amp;Power off</source>
        <translation>&amp;Ausschalten</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="48"/>
        <source>&amp;Run a command…</source>
        <translation>Befehl a&amp;usführen…</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="75"/>
        <source>Run a command line of your own, with the outcome in environment variables</source>
        <translation>Eine eigene Befehlszeile ausführen, mit dem Ergebnis in Umgebungsvariablen</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="93"/>
        <source>Run a command when the queue is done</source>
        <translation>Befehl ausführen, wenn die Warteschlange durch ist</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="94"/>
        <source>Command line (run by the shell; the outcome is in variables such as $BATCHPILOT_DONE, $BATCHPILOT_FAILED and $BATCHPILOT_OUTPUT):</source>
        <translation>Befehlszeile (von der Shell ausgeführt; das Ergebnis steht in Variablen wie $BATCHPILOT_DONE, $BATCHPILOT_FAILED und $BATCHPILOT_OUTPUT):</translation>
    </message>
</context>
</TS>
