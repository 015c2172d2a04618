<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../app/controls.py" line="105"/>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
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
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="137"/>
        <source>Add &amp;files…</source>
        <translation>Ajouter des &amp;fichiers…</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="139"/>
        <source>Add files to the list</source>
        <translation>Ajouter des fichiers à la liste</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="140"/>
        <source>Add f&amp;older…</source>
        <translation>Ajouter un &amp;dossier…</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="141"/>
        <source>Add every file in a folder</source>
        <translation>Ajouter tous les fichiers d’un dossier</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="142"/>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="108"/>
        <location filename="../../app/controls.py" line="148"/>
        <source>Pause: running files stop where they are</source>
        <translation>Pause : les fichiers en cours s’arrêtent là où ils en sont</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="143"/>
        <source>Queue the files as a job and start the queue</source>
        <translation>Placer les fichiers dans la file d’attente comme un travail et démarrer la file</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="144"/>
        <source>Add to &amp;queue</source>
        <translation>Ajouter à la &amp;file d’attente</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="146"/>
        <source>Queue the files as a job without starting it</source>
        <translation>Placer les fichiers dans la file d’attente comme un travail sans le démarrer</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="149"/>
        <source>&amp;Finish running files, then pause</source>
        <translation>Terminer les fichiers en &amp;cours, puis mettre en pause</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="150"/>
        <source>Running files finish; no new file starts</source>
        <translation>Les fichiers en cours se terminent ; aucun nouveau fichier ne démarre</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="151"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="152"/>
        <source>Cancel the batch (asks how)</source>
        <translation>Annuler le lot (demande comment)</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="153"/>
        <source>&amp;Retry failed</source>
        <translation>Réessa&amp;yer les échecs</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="154"/>
        <source>Run the failed files again</source>
        <translation>Traiter à nouveau les fichiers en échec</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="155"/>
        <source>Run a&amp;gain</source>
        <translation>Re&amp;lancer</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="156"/>
        <source>Run the job again: files already done are skipped</source>
        <translation>Relancer le travail : les fichiers déjà terminés sont ignorés</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="157"/>
        <source>&amp;Edit as new job</source>
        <translation>&amp;Modifier comme nouveau travail</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="158"/>
        <source>Make a new job from this job&apos;s files and settings</source>
        <translation>Créer un nouveau travail à partir des fichiers et paramètres de ce travail</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="159"/>
        <source>C&amp;lear finished</source>
        <translation>Retirer les &amp;terminés</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="160"/>
        <source>Remove done and skipped files from the list</source>
        <translation>Retirer de la liste les fichiers terminés et ignorés</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="161"/>
        <source>Clear the l&amp;ist</source>
        <translation>&amp;Vider la liste</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="163"/>
        <source>Remove every file from the new job</source>
        <translation>Retirer tous les fichiers du nouveau travail</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="164"/>
        <source>&amp;Watch a folder…</source>
        <translation>Surveiller un d&amp;ossier…</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="166"/>
        <source>Process each file that arrives in a folder, with these settings, while batchpilot runs</source>
        <translation>Traiter chaque fichier qui arrive dans un dossier, avec ces réglages, tant que batchpilot tourne</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="168"/>
        <source>Open &amp;output folder</source>
        <translation>Ouvrir le dossier de &amp;sortie</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="169"/>
        <source>Open the output folder in the file manager</source>
        <translation>Ouvrir le dossier de sortie dans le gestionnaire de fichiers</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="170"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="172"/>
        <source>Quit batchpilot (asks while a batch runs)</source>
        <translation>Quitter batchpilot (demande confirmation pendant un lot)</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="173"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="175"/>
        <source>How to use batchpilot and its shortcuts</source>
        <translation>Utilisation de batchpilot et raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="176"/>
        <source>&amp;About batchpilot</source>
        <translation>À &amp;propos de batchpilot</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="177"/>
        <source>Version and credits</source>
        <translation>Version et crédits</translation>
    </message>
</context>
<context>
    <name>Adding</name>
    <message>
        <location filename="../../app/adding.py" line="42"/>
        <source>Scanning…</source>
        <translation>Analyse des dossiers…</translation>
    </message>
    <message>
        <location filename="../../app/adding.py" line="50"/>
        <source>Add files</source>
        <translation>Ajouter des fichiers</translation>
    </message>
    <message>
        <location filename="../../app/adding.py" line="59"/>
        <source>Add folder</source>
        <translation>Ajouter un dossier</translation>
    </message>
    <message>
        <location filename="../../app/adding.py" line="72"/>
        <source>No recent folders</source>
        <translation>Aucun dossier récent</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/adding.py" line="79"/>
        <source>Scanning… %1 files</source>
        <translation>
            <numerusform>Analyse des dossiers… %1 fichier</numerusform>
            <numerusform>Analyse des dossiers… %1 fichiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/adding.py" line="93"/>
        <source>Scan cancelled; %1 files in the list.</source>
        <translation>
            <numerusform>Analyse annulée ; %1 fichier dans la liste.</numerusform>
            <numerusform>Analyse annulée ; %1 fichiers dans la liste.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/adding.py" line="95"/>
        <source>No files found in what was added.</source>
        <translation>Aucun fichier trouvé dans ce qui a été ajouté.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/adding.py" line="97"/>
        <source>%1 files in the list.</source>
        <translation>
            <numerusform>%1 fichier dans la liste.</numerusform>
            <numerusform>%1 fichiers dans la liste.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommandRunner</name>
    <message>
        <location filename="../../app/when_done.py" line="221"/>
        <source>The command {command} was ended by a signal.</source>
        <translation>La commande {command} a été arrêtée par un signal.</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="224"/>
        <source>The command {command} finished (exit status 0).</source>
        <translation>La commande {command} est terminée (code de sortie 0).</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="228"/>
        <source>The command {command} failed with exit status 127 (the shell did not find the program).</source>
        <translation>La commande {command} a échoué avec le code de sortie 127 (le shell n’a pas trouvé le programme).</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="231"/>
        <source>The command {command} failed with exit status {code}.</source>
        <translation>La commande {command} a échoué avec le code de sortie {code}.</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="242"/>
        <source>The command {command} could not start ({reason}).</source>
        <translation>La commande {command} n’a pas pu démarrer ({reason}).</translation>
    </message>
</context>
<context>
    <name>CountdownDialog</name>
    <message>
        <location filename="../../app/when_done.py" line="111"/>
        <source>Suspend</source>
        <translation>Mise en veille</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="111"/>
        <source>Power off</source>
        <translation>Extinction</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="112"/>
        <source>Suspending in {seconds} s</source>
        <translation>Mise en veille dans {seconds} s</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="112"/>
        <source>Powering off in {seconds} s</source>
        <translation>Extinction dans {seconds} s</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="117"/>
        <source>The queue is done. Cancel to keep the computer on.</source>
        <translation>La file d’attente est terminée. Annulez pour laisser l’ordinateur allumé.</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="121"/>
        <source>Suspend now</source>
        <translation>Mettre en veille maintenant</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="121"/>
        <source>Power off now</source>
        <translation>Éteindre maintenant</translation>
    </message>
</context>
<context>
    <name>DBus</name>
    <message>
        <location filename="../../app/dbus.py" line="37"/>
        <source>{service} is not running here</source>
        <translation>{service} ne tourne pas ici</translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="41"/>
        <source>{service} did not answer</source>
        <translation>{service} n’a pas répondu</translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="45"/>
        <source>{service} refused ({error})</source>
        <translation>{service} a refusé ({error})</translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="49"/>
        <source>there is no D-Bus system bus here</source>
        <translation>il n’y a pas de bus système D-Bus ici</translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="60"/>
        <source>the D-Bus connection was lost</source>
        <translation>la connexion D-Bus a été perdue</translation>
    </message>
</context>
<context>
    <name>DesktopNotifier</name>
    <message>
        <location filename="../../app/dbus.py" line="343"/>
        <source>Open output</source>
        <translation>Ouvrir la sortie</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../app/dialogs.py" line="61"/>
        <source>Drop files or folders on the window (or use &lt;b&gt;Add files…&lt;/b&gt; / &lt;b&gt;Add folder…&lt;/b&gt;), choose a task and its options on the left, then press &lt;b&gt;Start&lt;/b&gt;. Each file is worked on in a separate process; a file that fails never stops the others, and the sources are never changed.</source>
        <translation>Déposez des fichiers ou des dossiers sur la fenêtre (ou utilisez &lt;b&gt;Ajouter des fichiers…&lt;/b&gt; / &lt;b&gt;Ajouter un dossier…&lt;/b&gt;), choisissez une tâche et ses options à gauche, puis cliquez sur &lt;b&gt;Démarrer&lt;/b&gt;. Chaque fichier est traité dans un processus séparé ; un fichier en échec n’arrête jamais les autres, et les fichiers source ne sont jamais modifiés.</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="66"/>
        <source>Outputs go to the output folder, mirroring the source folders. By default that is a folder beside the first folder added, named after it and the task: &lt;i&gt;folder&lt;/i&gt;-parsed, &lt;i&gt;folder&lt;/i&gt;-zipped or &lt;i&gt;folder&lt;/i&gt;-encoded. Double-click a finished file to open its output, or a failed one to read why it failed.</source>
        <translation>Les résultats sont écrits dans le dossier de sortie, avec la même arborescence que les sources. Par défaut, c’est un dossier à côté du premier dossier ajouté, nommé d’après celui-ci et la tâche : &lt;i&gt;dossier-parsed&lt;/i&gt;, &lt;i&gt;dossier-zipped&lt;/i&gt; ou &lt;i&gt;dossier-encoded&lt;/i&gt;. Double-cliquez sur un fichier terminé pour ouvrir son résultat, ou sur un fichier en échec pour lire la raison.</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="86"/>
        <location filename="../../app/dialogs.py" line="87"/>
        <source>Cancel the batch?</source>
        <translation>Annuler le lot ?</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="88"/>
        <source>Files not started yet will not be worked on. Files being worked on now can finish first, or be stopped at once (their partial outputs are removed).</source>
        <translation>Les fichiers pas encore commencés ne seront pas traités. Les fichiers en cours peuvent d’abord se terminer, ou être arrêtés immédiatement (leurs résultats partiels sont supprimés).</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="91"/>
        <source>Finish running files</source>
        <translation>Terminer les fichiers en cours</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="92"/>
        <source>Stop now</source>
        <translation>Arrêter maintenant</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="93"/>
        <source>Keep going</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="108"/>
        <source>Quit batchpilot?</source>
        <translation>Quitter batchpilot ?</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="109"/>
        <source>A batch is running. Quit and stop it now? Finished files are kept; files being worked on are stopped and their partial outputs removed.</source>
        <translation>Un lot est en cours. Quitter et l’arrêter maintenant ? Les fichiers terminés sont conservés ; les fichiers en cours sont arrêtés et leurs résultats partiels supprimés.</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="117"/>
        <source>batchpilot help</source>
        <translation>Aide de batchpilot</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="123"/>
        <source>About batchpilot</source>
        <translation>À propos de batchpilot</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="125"/>
        <source>&lt;p&gt;A desktop batch processor: parse documents, zip files and encode media in parallel worker processes, without ever touching the sources.&lt;/p&gt;&lt;p&gt;Built with Qt for Python (PySide6). MIT licence.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Un outil de traitement par lots : analyser des documents, compresser des fichiers et convertir des médias dans des processus parallèles, sans jamais modifier les fichiers source.&lt;/p&gt;&lt;p&gt;Réalisé avec Qt for Python (PySide6). Licence MIT.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Drop</name>
    <message>
        <location filename="../../app/drop.py" line="30"/>
        <source>Only files and folders on this computer can be added; {address} (and {more} more) is not one. Download it first, then drop the file.</source>
        <translation>Seuls les fichiers et dossiers de cet ordinateur peuvent être ajoutés ; {address} (et {more} autres) n’en fait pas partie. Téléchargez-le d’abord, puis déposez le fichier.</translation>
    </message>
    <message>
        <location filename="../../app/drop.py" line="33"/>
        <source>Only files and folders on this computer can be added; {address} is not one. Download it first, then drop the file.</source>
        <translation>Seuls les fichiers et dossiers de cet ordinateur peuvent être ajoutés ; {address} n’en fait pas partie. Téléchargez-le d’abord, puis déposez le fichier.</translation>
    </message>
</context>
<context>
    <name>DropArea</name>
    <message>
        <location filename="../../app/drop.py" line="98"/>
        <source>Drop area</source>
        <translation>Zone de dépôt</translation>
    </message>
    <message>
        <location filename="../../app/drop.py" line="99"/>
        <source>Drop files or folders here to add them</source>
        <translation>Déposez ici des fichiers ou des dossiers pour les ajouter</translation>
    </message>
    <message>
        <location filename="../../app/drop.py" line="106"/>
        <source>Drop files or folders here</source>
        <translation>Déposez des fichiers ou des dossiers ici</translation>
    </message>
    <message>
        <location filename="../../app/drop.py" line="114"/>
        <source>Then pick a task on the left and press Start (Ctrl+Return).</source>
        <translation>Choisissez ensuite une tâche à gauche et cliquez sur Démarrer (Ctrl+Entrée).</translation>
    </message>
    <message>
        <location filename="../../app/drop.py" line="120"/>
        <source>Add files…</source>
        <translation>Ajouter des fichiers…</translation>
    </message>
    <message>
        <location filename="../../app/drop.py" line="121"/>
        <source>Add files</source>
        <translation>Ajouter des fichiers</translation>
    </message>
    <message>
        <location filename="../../app/drop.py" line="122"/>
        <source>Add folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <location filename="../../app/drop.py" line="123"/>
        <source>Add folder</source>
        <translation>Ajouter un dossier</translation>
    </message>
</context>
<context>
    <name>EngineBridge</name>
    <message>
        <location filename="../../app/bridge.py" line="172"/>
        <source>The worker processes could not be started: {problem}</source>
        <translation>Impossible de démarrer les processus de travail : {problem}</translation>
    </message>
    <message>
        <location filename="../../app/bridge.py" line="193"/>
        <source>The engine stopped unexpectedly:</source>
        <translation>Le moteur s’est arrêté de manière inattendue :</translation>
    </message>
</context>
<context>
    <name>EngineControl</name>
    <message>
        <location filename="../../app/engine_control.py" line="52"/>
        <source>Connecting to {address}…</source>
        <translation>Connexion à {address}…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/engine_control.py" line="69"/>
        <source>Connected to {address}: %1 threads on its workers.</source>
        <translation>
            <numerusform>Connecté à {address} : %1 thread sur ses workers.</numerusform>
            <numerusform>Connecté à {address} : %1 threads sur ses workers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileList</name>
    <message>
        <location filename="../../app/file_list.py" line="111"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="114"/>
        <source>&amp;Show:</source>
        <translation>&amp;Afficher :</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="125"/>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="296"/>
        <source>Open source folder</source>
        <translation>Ouvrir le dossier source</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="297"/>
        <source>Open output</source>
        <translation>Ouvrir le résultat</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="299"/>
        <source>Show in folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="300"/>
        <source>Show log</source>
        <translation>Afficher le journal</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="302"/>
        <source>Copy error</source>
        <translation>Copier l’erreur</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="306"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="156"/>
        <location filename="../../app/file_list.py" line="309"/>
        <source>Remove from list</source>
        <translation>Retirer de la liste</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/file_list.py" line="318"/>
        <source>%1 files</source>
        <translation>
            <numerusform>%1 fichier</numerusform>
            <numerusform>%1 fichiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/file_list.py" line="321"/>
        <source>%1 running</source>
        <translation>
            <numerusform>%1 en cours</numerusform>
            <numerusform>%1 en cours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/file_list.py" line="323"/>
        <source>%1 failed</source>
        <translation>
            <numerusform>%1 en échec</numerusform>
            <numerusform>%1 en échec</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Filter</name>
    <message>
        <location filename="../../app/file_filter.py" line="34"/>
        <source>All files</source>
        <translation>Tous les fichiers</translation>
    </message>
    <message>
        <location filename="../../app/file_filter.py" line="35"/>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../../app/file_filter.py" line="36"/>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../app/file_filter.py" line="37"/>
        <source>Done</source>
        <translation>Terminés</translation>
    </message>
    <message>
        <location filename="../../app/file_filter.py" line="38"/>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <location filename="../../app/file_filter.py" line="39"/>
        <source>Skipped</source>
        <translation>Ignorés</translation>
    </message>
</context>
<context>
    <name>JobArea</name>
    <message>
        <location filename="../../app/job_area.py" line="39"/>
        <source>Overall progress</source>
        <translation>Progression globale</translation>
    </message>
    <message>
        <location filename="../../app/job_area.py" line="43"/>
        <source>Add files or folders to begin.</source>
        <translation>Ajoutez des fichiers ou des dossiers pour commencer.</translation>
    </message>
    <message>
        <location filename="../../app/job_area.py" line="44"/>
        <source>Batch status</source>
        <translation>État du lot</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/job_area.py" line="55"/>
        <source>%1 files waiting. Press Start (Ctrl+Return) to begin.</source>
        <translation>
            <numerusform>%1 fichier en attente. Cliquez sur Démarrer (Ctrl+Entrée) pour commencer.</numerusform>
            <numerusform>%1 fichiers en attente. Cliquez sur Démarrer (Ctrl+Entrée) pour commencer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobModel</name>
    <message>
        <location filename="../../app/job_model.py" line="52"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="53"/>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="53"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="52"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="52"/>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="53"/>
        <source>Elapsed</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="54"/>
        <source>Output or reason</source>
        <translation>Résultat ou raison</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="118"/>
        <source>Cancelled before it finished</source>
        <translation>Annulé avant la fin</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message numerus="yes">
        <location filename="../../app/job_runner.py" line="132"/>
        <source>Planning %1 files for {task}…</source>
        <translation>
            <numerusform>Préparation de %1 fichier pour « {task} »…</numerusform>
            <numerusform>Préparation de %1 fichiers pour « {task} »…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/job_runner.py" line="192"/>
        <source>item {number}</source>
        <translation>élément {number}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/job_runner.py" line="206"/>
        <source>Started: %1 files to work on, {skipped} skipped; output in {folder}</source>
        <translation>
            <numerusform>Démarré : %1 fichier à traiter, {skipped} ignoré(s) ; sortie dans {folder}</numerusform>
            <numerusform>Démarré : %1 fichiers à traiter, {skipped} ignoré(s) ; sortie dans {folder}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/job_runner.py" line="261"/>
        <source>Could not run the batch: {problem}</source>
        <translation>Impossible d’exécuter le lot : {problem}</translation>
    </message>
</context>
<context>
    <name>Log</name>
    <message>
        <location filename="../../app/log_dock.py" line="39"/>
        <source>failed   {file}: {reason}</source>
        <translation>échec    {file} : {reason}</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="42"/>
        <source>skipped  {file}: {reason}</source>
        <translation>ignoré   {file} : {reason}</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="45"/>
        <source>worker {worker} lost: {reason}</source>
        <translation>worker {worker} perdu : {reason}</translation>
    </message>
</context>
<context>
    <name>LogDock</name>
    <message>
        <location filename="../../app/log_dock.py" line="68"/>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="72"/>
        <source>Batch log</source>
        <translation>Journal du lot</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="74"/>
        <source>File log</source>
        <translation>Journal du fichier</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="75"/>
        <location filename="../../app/log_dock.py" line="118"/>
        <source>Select a file to see its log.</source>
        <translation>Sélectionnez un fichier pour voir son journal.</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="76"/>
        <source>Show the full traceback</source>
        <translation>Afficher la trace complète</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="77"/>
        <source>Failures caused by a bug keep their traceback; useful in a bug report</source>
        <translation>Les échecs dus à un bogue gardent leur trace d’appels ; utile pour un rapport de bogue</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="78"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="79"/>
        <source>Copy the log shown</source>
        <translation>Copier le journal affiché</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="90"/>
        <source>Batch</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="91"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="147"/>
        <source>Source: {path}</source>
        <translation>Source : {path}</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="149"/>
        <source>Output: {path}</source>
        <translation>Résultat : {path}</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="153"/>
        <source>{status} in {duration}</source>
        <translation>{status} en {duration}</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="156"/>
        <source>Messages from the task:</source>
        <translation>Messages de la tâche :</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/main_window.py" line="128"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="130"/>
        <source>&amp;Recent folders</source>
        <translation>Dossiers &amp;récents</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="134"/>
        <source>&amp;Batch</source>
        <translation>&amp;Lot</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="141"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="142"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="144"/>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="189"/>
        <source>&amp;Log panel</source>
        <translation>Panneau du &amp;journal</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="197"/>
        <source>Cancel scan</source>
        <translation>Annuler l’analyse</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="198"/>
        <source>Cancel the folder scan</source>
        <translation>Annuler l’analyse des dossiers</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="343"/>
        <source>Preparing the files…</source>
        <translation>Préparation des fichiers…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="345"/>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="346"/>
        <source>Finishing the running files…</source>
        <translation>Fin des fichiers en cours…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/main_window.py" line="348"/>
        <source>%1 files wait for their turn in the queue.</source>
        <translation>
            <numerusform>%1 fichier attend son tour dans la file d’attente.</numerusform>
            <numerusform>%1 fichiers attendent leur tour dans la file d’attente.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="394"/>
        <source>The batch could not start.</source>
        <translation>Le lot n’a pas pu démarrer.</translation>
    </message>
</context>
<context>
    <name>OptionsForm</name>
    <message>
        <location filename="../../app/options_form.py" line="91"/>
        <source>auto</source>
        <translation>automatique</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="163"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="164"/>
        <source>Choose {option}</source>
        <translation>Choisir : {option}</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="196"/>
        <source>empty: none</source>
        <translation>vide : aucun</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="206"/>
        <source>comma-separated</source>
        <translation>séparés par des virgules</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="290"/>
        <source>This task has no options.</source>
        <translation>Cette tâche n’a pas d’options.</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="298"/>
        <source>{option}:</source>
        <translation>{option} :</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="390"/>
        <source>Fewer options</source>
        <translation>Moins d’options</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/options_form.py" line="393"/>
        <source>More options (%n changed)</source>
        <translation>
            <numerusform>Plus d’options (%n modifiée)</numerusform>
            <numerusform>Plus d’options (%n modifiées)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/options_form.py" line="395"/>
        <source>More options (%n)</source>
        <translation>
            <numerusform>Plus d’options (%n)</numerusform>
            <numerusform>Plus d’options (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="396"/>
        <source>More options</source>
        <translation>Plus d’options</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="397"/>
        <source>Show or hide the options most batches leave as they are</source>
        <translation>Afficher ou masquer les options que la plupart des lots laissent telles quelles</translation>
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
            <numerusform>%2 sur %1 fichier</numerusform>
            <numerusform>%2 sur %1 fichiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/overall.py" line="64"/>
        <source>%1 failed</source>
        <translation>
            <numerusform>%1 en échec</numerusform>
            <numerusform>%1 en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/overall.py" line="66"/>
        <source>%1 skipped</source>
        <translation>
            <numerusform>%1 ignoré</numerusform>
            <numerusform>%1 ignorés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/overall.py" line="69"/>
        <source>%1 cancelled</source>
        <translation>
            <numerusform>%1 annulé</numerusform>
            <numerusform>%1 annulés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/overall.py" line="70"/>
        <source>took {duration}</source>
        <translation>durée {duration}</translation>
    </message>
    <message>
        <location filename="../../app/overall.py" line="73"/>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <location filename="../../app/overall.py" line="78"/>
        <source>{rate} files/s</source>
        <translation>{rate} fichiers/s</translation>
    </message>
</context>
<context>
    <name>Overnight</name>
    <message>
        <location filename="../../app/overnight.py" line="85"/>
        <source>The queue is done, but watch folders are active: “When the queue is done” waits for them to be paused or removed.</source>
        <translation>La file d’attente est terminée, mais des dossiers surveillés sont actifs : « Quand la file est terminée » attend qu’ils soient en pause ou retirés.</translation>
    </message>
</context>
<context>
    <name>PowerActions</name>
    <message>
        <location filename="../../app/dbus.py" line="217"/>
        <source>this user is not allowed to (logind&apos;s {method} says no)</source>
        <translation>cet utilisateur n’en a pas le droit ({method} de logind répond no)</translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="220"/>
        <source>this computer does not support it (logind&apos;s {method} says {answer})</source>
        <translation>cet ordinateur ne le permet pas ({method} de logind répond {answer})</translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="235"/>
        <source>Cannot suspend: {reason}.</source>
        <translation>Mise en veille impossible : {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="237"/>
        <source>Cannot power off: {reason}.</source>
        <translation>Extinction impossible : {reason}.</translation>
    </message>
</context>
<context>
    <name>PresetBox</name>
    <message>
        <location filename="../../app/preset_box.py" line="89"/>
        <source>Preset</source>
        <translation>Préréglage</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="93"/>
        <source>Preset actions</source>
        <translation>Actions sur les préréglages</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="94"/>
        <source>Save the options as a preset; rename, delete, import or export your presets</source>
        <translation>Enregistrer les options comme préréglage ; renommer, supprimer, importer ou exporter vos préréglages</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="98"/>
        <source>&amp;Save as preset…</source>
        <translation>&amp;Enregistrer comme préréglage…</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="99"/>
        <source>&amp;Rename…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="100"/>
        <location filename="../../app/preset_box.py" line="216"/>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="102"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="103"/>
        <source>&amp;Export…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="178"/>
        <source>Custom</source>
        <translation>Personnalisé</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="179"/>
        <source>The options as they are in the form</source>
        <translation>Les options telles qu’elles sont dans le formulaire</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="190"/>
        <source>Ready-made option values: the task&apos;s own, then the ones you saved</source>
        <translation>Valeurs d’options toutes prêtes : celles de la tâche, puis celles que vous avez enregistrées</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="214"/>
        <source>&amp;Delete “{name}”</source>
        <translation>&amp;Supprimer « {name} »</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="224"/>
        <source>batchpilot presets (*.json);;All files (*)</source>
        <translation>Préréglages batchpilot (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="233"/>
        <source>Presets</source>
        <translation>Préréglages</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="249"/>
        <source>The preset “{name}” does not fit this version of the task: {reason}.</source>
        <translation>Le préréglage « {name} » ne correspond pas à cette version de la tâche : {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="268"/>
        <source>The options cannot be saved as a preset: {reason}.</source>
        <translation>Impossible d’enregistrer les options comme préréglage : {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="273"/>
        <source>Save as preset</source>
        <translation>Enregistrer comme préréglage</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="274"/>
        <source>Name of the preset (one of the same name is replaced):</source>
        <translation>Nom du préréglage (un préréglage du même nom sera remplacé) :</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="282"/>
        <source>Rename preset</source>
        <translation>Renommer le préréglage</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="282"/>
        <source>New name of the preset:</source>
        <translation>Nouveau nom du préréglage :</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="308"/>
        <source>Import a preset</source>
        <translation>Importer un préréglage</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="324"/>
        <source>The options cannot be exported: {reason}.</source>
        <translation>Impossible d’exporter les options : {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="328"/>
        <location filename="../../app/preset_box.py" line="333"/>
        <source>Export a preset</source>
        <translation>Exporter un préréglage</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="328"/>
        <source>Name of the preset:</source>
        <translation>Nom du préréglage :</translation>
    </message>
</context>
<context>
    <name>QueueControl</name>
    <message>
        <location filename="../../app/queue_control.py" line="51"/>
        <source>An option is not valid: {problem}</source>
        <translation>Une option n’est pas valide : {problem}</translation>
    </message>
    <message>
        <location filename="../../app/queue_control.py" line="65"/>
        <source>Next to the sources works on this computer only; choose an output folder to run on a Dask cluster.</source>
        <translation>« À côté des sources » ne fonctionne que sur cet ordinateur ; choisissez un dossier de sortie pour travailler sur un cluster Dask.</translation>
    </message>
    <message>
        <location filename="../../app/queue_control.py" line="103"/>
        <source>Queued: {job}. Press Start (Ctrl+Return) to run the queue.</source>
        <translation>Ajouté à la file d’attente : {job}. Cliquez sur Démarrer (Ctrl+Entrée) pour lancer la file.</translation>
    </message>
    <message>
        <location filename="../../app/queue_control.py" line="156"/>
        <source>On a Dask cluster, Pause lets the running files finish; no new file starts until you resume.</source>
        <translation>Sur un cluster Dask, Pause laisse les fichiers en cours se terminer ; aucun nouveau fichier ne démarre avant la reprise.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/queue_control.py" line="196"/>
        <source>The queue is stopped: %1 jobs wait. Press Start to go on.</source>
        <translation>
            <numerusform>La file d’attente est arrêtée : %1 travail attend. Cliquez sur Démarrer pour continuer.</numerusform>
            <numerusform>La file d’attente est arrêtée : %1 travaux attendent. Cliquez sur Démarrer pour continuer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../app/queue_panel.py" line="41"/>
        <source>not queued</source>
        <translation>pas dans la file</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="42"/>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="43"/>
        <location filename="../../app/queue_panel.py" line="46"/>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="44"/>
        <source>preparing</source>
        <translation>préparation</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="45"/>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="47"/>
        <source>stopping</source>
        <translation>arrêt en cours</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="48"/>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="49"/>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="50"/>
        <source>could not start</source>
        <translation>démarrage impossible</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="64"/>
        <source>Job</source>
        <translation>Travail</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="64"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="64"/>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="64"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="64"/>
        <source>Elapsed</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="65"/>
        <source>Left</source>
        <translation>Restant</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="67"/>
        <source>New job</source>
        <translation>Nouveau travail</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="151"/>
        <source>watching</source>
        <translation>surveillé</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/queue_panel.py" line="154"/>
        <source>%1 done today</source>
        <translation>
            <numerusform>%1 traité aujourd’hui</numerusform>
            <numerusform>%1 traités aujourd’hui</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/queue_panel.py" line="176"/>
        <source>%1 files</source>
        <translation>
            <numerusform>%1 fichier</numerusform>
            <numerusform>%1 fichiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/queue_panel.py" line="177"/>
        <source>%2 of %1</source>
        <translation>
            <numerusform>%2 sur %1</numerusform>
            <numerusform>%2 sur %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/queue_panel.py" line="156"/>
        <location filename="../../app/queue_panel.py" line="181"/>
        <source>%1 failed</source>
        <translation>
            <numerusform>%1 en échec</numerusform>
            <numerusform>%1 en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/queue_panel.py" line="183"/>
        <source>%1 skipped</source>
        <translation>
            <numerusform>%1 ignoré</numerusform>
            <numerusform>%1 ignorés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../app/queue_panel.py" line="230"/>
        <source>Queue of jobs</source>
        <translation>File d’attente des travaux</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="251"/>
        <source>Move the job up</source>
        <translation>Monter le travail</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="252"/>
        <source>Move the job down</source>
        <translation>Descendre le travail</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="253"/>
        <source>Pause or resume the job</source>
        <translation>Mettre en pause ou reprendre le travail</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="254"/>
        <source>Cancel the job</source>
        <translation>Annuler le travail</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="255"/>
        <source>Remove the job from the queue</source>
        <translation>Retirer le travail de la file d’attente</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="256"/>
        <source>Open the job&apos;s output folder</source>
        <translation>Ouvrir le dossier de sortie du travail</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="257"/>
        <source>Retry the job&apos;s failed files</source>
        <translation>Réessayer les fichiers en échec du travail</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="258"/>
        <source>Run the job again (files already done are skipped)</source>
        <translation>Relancer le travail (les fichiers déjà terminés sont ignorés)</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="259"/>
        <source>Edit as a new job: its files and settings become the new job</source>
        <translation>Modifier comme nouveau travail : ses fichiers et paramètres deviennent le nouveau travail</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="322"/>
        <source>Resume the job</source>
        <translation>Reprendre le travail</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="322"/>
        <source>Pause the job</source>
        <translation>Mettre le travail en pause</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="338"/>
        <source>Pause the watch</source>
        <translation>Mettre la surveillance en pause</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="338"/>
        <source>Resume the watch</source>
        <translation>Reprendre la surveillance</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="339"/>
        <source>Stop watching the folder</source>
        <translation>Ne plus surveiller le dossier</translation>
    </message>
</context>
<context>
    <name>ResumeOffer</name>
    <message>
        <location filename="../../app/queue_saver.py" line="144"/>
        <source>Unfinished jobs</source>
        <translation>Travaux inachevés</translation>
    </message>
    <message>
        <location filename="../../app/queue_saver.py" line="149"/>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <location filename="../../app/queue_saver.py" line="149"/>
        <source>Run them now; files already done are skipped</source>
        <translation>Les exécuter maintenant ; les fichiers déjà terminés sont ignorés</translation>
    </message>
    <message>
        <location filename="../../app/queue_saver.py" line="150"/>
        <source>Re&amp;view</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <location filename="../../app/queue_saver.py" line="150"/>
        <source>Put them in the queue without starting</source>
        <translation>Les placer dans la file d’attente sans les démarrer</translation>
    </message>
    <message>
        <location filename="../../app/queue_saver.py" line="151"/>
        <source>&amp;Discard</source>
        <translation>Aban&amp;donner</translation>
    </message>
    <message>
        <location filename="../../app/queue_saver.py" line="151"/>
        <source>Forget them (their finished outputs stay)</source>
        <translation>Les oublier (leurs résultats déjà produits sont conservés)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/queue_saver.py" line="167"/>
        <source>%1 jobs were not finished when batchpilot last closed ({names}).</source>
        <translation>
            <numerusform>%1 travail n’était pas terminé à la dernière fermeture de batchpilot ({names}).</numerusform>
            <numerusform>%1 travaux n’étaient pas terminés à la dernière fermeture de batchpilot ({names}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunOnBox</name>
    <message>
        <location filename="../../app/run_on.py" line="38"/>
        <source>Enter the Dask scheduler&apos;s address, for example dask://render-box:8786.</source>
        <translation>Saisissez l’adresse du scheduler Dask, par exemple dask://render-box:8786.</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="59"/>
        <location filename="../../app/run_on.py" line="71"/>
        <source>Run on</source>
        <translation>Exécuter sur</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="72"/>
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="73"/>
        <source>A Dask cluster</source>
        <translation>Un cluster Dask</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="78"/>
        <source>Send the files to the workers of a running Dask scheduler; inputs and outputs must be on folders every worker mounts</source>
        <translation>Envoyer les fichiers aux workers d’un scheduler Dask en marche ; les entrées et les résultats doivent se trouver dans des dossiers montés par chaque worker</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="82"/>
        <source>Running on a Dask cluster needs the dask extra: {command}</source>
        <translation>L’exécution sur un cluster Dask nécessite le module complémentaire dask : {command}</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="84"/>
        <source>Run on:</source>
        <translation>Exécuter sur :</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="87"/>
        <source>Worker processes</source>
        <translation>Processus de travail</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="89"/>
        <source>Automatic ({cores})</source>
        <translation>Automatique ({cores})</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="90"/>
        <source>How many files are worked on at once (automatic: one per CPU core)</source>
        <translation>Nombre de fichiers traités en même temps (automatique : un par cœur de processeur)</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="91"/>
        <source>Workers:</source>
        <translation>Processus :</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="94"/>
        <source>Dask scheduler address</source>
        <translation>Adresse du scheduler Dask</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="95"/>
        <source>dask://HOST:8786</source>
        <translation>dask://HÔTE:8786</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="96"/>
        <source>The address `dask scheduler` printed, with dask:// in front</source>
        <translation>L’adresse affichée par `dask scheduler`, précédée de dask://</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="97"/>
        <source>Scheduler:</source>
        <translation>Scheduler :</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="100"/>
        <source>Path map</source>
        <translation>Correspondance des chemins</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="101"/>
        <source>optional: /here=/there; …</source>
        <translation>facultatif : /ici=/là-bas ; …</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="103"/>
        <source>Only when the workers mount the shared folders somewhere else: this computer&apos;s folder, &apos;=&apos;, the same folder on the workers; several separated by &apos;;&apos;</source>
        <translation>Seulement si les workers montent les dossiers partagés ailleurs : le dossier de cet ordinateur, « = », le même dossier sur les workers ; plusieurs séparés par « ; »</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="105"/>
        <source>Path map:</source>
        <translation>Chemins :</translation>
    </message>
</context>
<context>
    <name>SleepGuard</name>
    <message>
        <location filename="../../app/dbus.py" line="122"/>
        <source>batchpilot: 1 job running</source>
        <translation>batchpilot : 1 travail en cours</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/dbus.py" line="123"/>
        <source>batchpilot: %1 jobs running</source>
        <translation>
            <numerusform>batchpilot : %1 travail en cours</numerusform>
            <numerusform>batchpilot : %1 travaux en cours</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="159"/>
        <source>logind ({service}) answered without a lock</source>
        <translation>logind ({service}) a répondu sans verrou</translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="174"/>
        <source>The computer may go to sleep while jobs run: {reason}.</source>
        <translation>L’ordinateur peut se mettre en veille pendant les travaux : {reason}.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../app/job_model.py" line="61"/>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="62"/>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="63"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="64"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="65"/>
        <source>Skipped</source>
        <translation>Ignoré</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="66"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>SummaryBanner</name>
    <message>
        <location filename="../../app/notify.py" line="85"/>
        <source>Batch summary</source>
        <translation>Bilan du lot</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="99"/>
        <source>Show failed</source>
        <translation>Afficher les échecs</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="100"/>
        <source>Show the failed files</source>
        <translation>Afficher les fichiers en échec</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="101"/>
        <source>Retry failed</source>
        <translation>Réessayer les échecs</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="102"/>
        <source>Retry the failed files</source>
        <translation>Réessayer les fichiers en échec</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="106"/>
        <source>Close the summary</source>
        <translation>Fermer le bilan</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="107"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="131"/>
        <source>The batch could not start.</source>
        <translation>Le lot n’a pas pu démarrer.</translation>
    </message>
</context>
<context>
    <name>SummaryText</name>
    <message numerus="yes">
        <location filename="../../app/notify.py" line="41"/>
        <source>%1 done</source>
        <translation>
            <numerusform>%1 terminé</numerusform>
            <numerusform>%1 terminés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/notify.py" line="43"/>
        <source>%1 failed</source>
        <translation>
            <numerusform>%1 en échec</numerusform>
            <numerusform>%1 en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/notify.py" line="45"/>
        <source>%1 skipped</source>
        <translation>
            <numerusform>%1 ignoré</numerusform>
            <numerusform>%1 ignorés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/notify.py" line="47"/>
        <source>%1 cancelled</source>
        <translation>
            <numerusform>%1 annulé</numerusform>
            <numerusform>%1 annulés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="49"/>
        <source>Batch stopped: {counts} in {duration}.</source>
        <translation>Lot arrêté : {counts} en {duration}.</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="51"/>
        <source>Batch cancelled: {counts} in {duration}.</source>
        <translation>Lot annulé : {counts} en {duration}.</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="53"/>
        <source>Batch finished: {counts} in {duration}.</source>
        <translation>Lot terminé : {counts} en {duration}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/notify.py" line="57"/>
        <source>… and %1 more (filter: {filter})</source>
        <translation>
            <numerusform>… et %1 autre (filtre : {filter})</numerusform>
            <numerusform>… et %1 autres (filtre : {filter})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <location filename="../../app/task_panel.py" line="49"/>
        <source>Skip the file</source>
        <translation>Ignorer le fichier</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="50"/>
        <source>Write beside it with a new name</source>
        <translation>Écrire à côté sous un nouveau nom</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="51"/>
        <source>Overwrite it</source>
        <translation>L’écraser</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="103"/>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="108"/>
        <source>Task:</source>
        <translation>Tâche :</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="114"/>
        <source>Preset:</source>
        <translation>Préréglage :</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="117"/>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="125"/>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="130"/>
        <location filename="../../app/task_panel.py" line="295"/>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="131"/>
        <source>beside the first folder added</source>
        <translation>à côté du premier dossier ajouté</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="132"/>
        <source>Where outputs are written; the source tree is mirrored inside it</source>
        <translation>Où les résultats sont écrits ; l’arborescence des sources y est reproduite</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="133"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="134"/>
        <source>Choose output folder</source>
        <translation>Choisir le dossier de sortie</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="137"/>
        <source>Folder:</source>
        <translation>Dossier :</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="138"/>
        <source>Next to the sources</source>
        <translation>À côté des sources</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="139"/>
        <source>Write each output in its source&apos;s folder instead; a source is never overwritten</source>
        <translation>Écrire chaque sortie dans le dossier de sa source ; une source n&apos;est jamais écrasée</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="143"/>
        <source>File names</source>
        <translation>Noms des fichiers</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="145"/>
        <source>The outputs&apos; names; the task adds its own ending. Fields: {fields}</source>
        <translation>Les noms des sorties ; la tâche ajoute sa propre extension. Champs : {fields}</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="147"/>
        <source>File names:</source>
        <translation>Noms des fichiers :</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="149"/>
        <source>If an output exists</source>
        <translation>Si un résultat existe déjà</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="152"/>
        <source>If it exists:</source>
        <translation>S’il existe :</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="161"/>
        <source>No task could be loaded. Check the installation (tasks register under the batchpilot.tasks entry points).</source>
        <translation>Aucune tâche n’a pu être chargée. Vérifiez l’installation (les tâches s’enregistrent sous les points d’entrée batchpilot.tasks).</translation>
    </message>
</context>
<context>
    <name>TaskText</name>
    <message>
        <source>Parse documents</source>
        <extracomment>title of the task &quot;parse&quot;</extracomment>
        <translation>Analyser des documents</translation>
    </message>
    <message>
        <source>Extract the text and metadata of PDFs, Word files, web pages, e-books, text, CSV, JSON and XML into one file per document, plus an index of the batch.</source>
        <extracomment>description of the task &quot;parse&quot;</extracomment>
        <translation>Extraire le texte et les métadonnées de PDF, fichiers Word, pages web, livres numériques, texte, CSV, JSON et XML dans un fichier par document, avec un index du lot.</translation>
    </message>
    <message>
        <source>Output format</source>
        <extracomment>label of the option &quot;output_format&quot; (parse)</extracomment>
        <translation>Format de sortie</translation>
    </message>
    <message>
        <source>what each document becomes: json (text and metadata), txt (text) or md</source>
        <extracomment>help of the option &quot;output_format&quot; (parse)</extracomment>
        <translation>ce que devient chaque document : json (texte et métadonnées), txt (texte) ou md</translation>
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
        <translation>Format de l’index</translation>
    </message>
    <message>
        <source>the batch index in the output folder: index.jsonl or index.csv</source>
        <extracomment>help of the option &quot;index_format&quot; (parse)</extracomment>
        <translation>l’index du lot dans le dossier de sortie : index.jsonl ou index.csv</translation>
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
        <translation>Inclure le texte</translation>
    </message>
    <message>
        <source>put the extracted text in .json outputs (off: metadata only)</source>
        <extracomment>help of the option &quot;include_text&quot; (parse)</extracomment>
        <translation>mettre le texte extrait dans les résultats .json (désactivé : métadonnées seules)</translation>
    </message>
    <message>
        <source>Max pages</source>
        <extracomment>label of the option &quot;max_pages&quot; (parse)</extracomment>
        <translation>Pages max.</translation>
    </message>
    <message>
        <source>read at most this many pages of a PDF; the rest is noted as a warning</source>
        <extracomment>help of the option &quot;max_pages&quot; (parse)</extracomment>
        <translation>lire au plus ce nombre de pages d’un PDF ; le reste est signalé par un avertissement</translation>
    </message>
    <message>
        <source>PDF password</source>
        <extracomment>label of the option &quot;pdf_password&quot; (parse)</extracomment>
        <translation>Mot de passe PDF</translation>
    </message>
    <message>
        <source>password tried on encrypted PDFs (empty: they fail with a note)</source>
        <extracomment>help of the option &quot;pdf_password&quot; (parse)</extracomment>
        <translation>mot de passe essayé sur les PDF chiffrés (vide : ils échouent avec une remarque)</translation>
    </message>
    <message>
        <source>Max input MB</source>
        <extracomment>label of the option &quot;max_input_mb&quot; (parse)</extracomment>
        <translation>Taille d’entrée max. (Mo)</translation>
    </message>
    <message>
        <source>largest file read whole (PDFs excepted); longer plain text is cut</source>
        <extracomment>help of the option &quot;max_input_mb&quot; (parse)</extracomment>
        <translation>plus gros fichier lu en entier (sauf PDF) ; un texte brut plus long est tronqué</translation>
    </message>
    <message>
        <source>Zip</source>
        <extracomment>title of the task &quot;zip&quot;</extracomment>
        <translation>Compresser</translation>
    </message>
    <message>
        <source>Mode</source>
        <extracomment>label of the option &quot;mode&quot; (zip)</extracomment>
        <translation>Mode</translation>
    </message>
    <message>
        <source>per-file</source>
        <extracomment>value of the option &quot;mode&quot; (zip); keep technical names as they are</extracomment>
        <translation>par fichier</translation>
    </message>
    <message>
        <source>per-folder</source>
        <extracomment>value of the option &quot;mode&quot; (zip); keep technical names as they are</extracomment>
        <translation>par dossier</translation>
    </message>
    <message>
        <source>selection</source>
        <extracomment>value of the option &quot;mode&quot; (zip); keep technical names as they are</extracomment>
        <translation>sélection</translation>
    </message>
    <message>
        <source>extract</source>
        <extracomment>value of the option &quot;mode&quot; (zip); keep technical names as they are</extracomment>
        <translation>extraction</translation>
    </message>
    <message>
        <source>Format</source>
        <extracomment>label of the option &quot;format&quot; (zip)</extracomment>
        <translation>Format</translation>
    </message>
    <message>
        <source>archive format to write</source>
        <extracomment>help of the option &quot;format&quot; (zip)</extracomment>
        <translation>format d’archive à écrire</translation>
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
        <translation>Méthode zip</translation>
    </message>
    <message>
        <source>how .zip members are compressed</source>
        <extracomment>help of the option &quot;zip_method&quot; (zip)</extracomment>
        <translation>comment les éléments d’un .zip sont compressés</translation>
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
        <translation>sans compression</translation>
    </message>
    <message>
        <source>Level</source>
        <extracomment>label of the option &quot;level&quot; (zip)</extracomment>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Verify</source>
        <extracomment>label of the option &quot;verify&quot; (zip)</extracomment>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>read every archive back after writing; one that fails is removed</source>
        <extracomment>help of the option &quot;verify&quot; (zip)</extracomment>
        <translation>relire chaque archive après écriture ; une archive défectueuse est supprimée</translation>
    </message>
    <message>
        <source>Archive name</source>
        <extracomment>label of the option &quot;archive_name&quot; (zip)</extracomment>
        <translation>Nom de l’archive</translation>
    </message>
    <message>
        <source>name of the archive in selection mode (default: the folder&apos;s name)</source>
        <extracomment>help of the option &quot;archive_name&quot; (zip)</extracomment>
        <translation>nom de l’archive en mode sélection (par défaut : le nom du dossier)</translation>
    </message>
    <message>
        <source>Max total MB</source>
        <extracomment>label of the option &quot;max_total_mb&quot; (zip)</extracomment>
        <translation>Total max. (Mo)</translation>
    </message>
    <message>
        <source>extract: stop when one archive unpacks to more than this many MB</source>
        <extracomment>help of the option &quot;max_total_mb&quot; (zip)</extracomment>
        <translation>extraction : arrêter quand une archive dépasse ce nombre de Mo une fois décompressée</translation>
    </message>
    <message>
        <source>Max ratio</source>
        <extracomment>label of the option &quot;max_ratio&quot; (zip)</extracomment>
        <translation>Ratio max.</translation>
    </message>
    <message>
        <source>extract: stop when an archive unpacks to more than this many times its size (zip bombs)</source>
        <extracomment>help of the option &quot;max_ratio&quot; (zip)</extracomment>
        <translation>extraction : arrêter quand une archive décompressée dépasse ce multiple de sa taille (bombes zip)</translation>
    </message>
    <message>
        <source>Max files</source>
        <extracomment>label of the option &quot;max_files&quot; (zip)</extracomment>
        <translation>Fichiers max.</translation>
    </message>
    <message>
        <source>extract: refuse archives with more members than this</source>
        <extracomment>help of the option &quot;max_files&quot; (zip)</extracomment>
        <translation>extraction : refuser les archives contenant plus d’éléments</translation>
    </message>
    <message>
        <source>Skip unsafe</source>
        <extracomment>label of the option &quot;skip_unsafe&quot; (zip)</extracomment>
        <translation>Ignorer les éléments dangereux</translation>
    </message>
    <message>
        <source>extract: leave out members that would land outside the folder instead of failing the archive</source>
        <extracomment>help of the option &quot;skip_unsafe&quot; (zip)</extracomment>
        <translation>extraction : laisser de côté les éléments qui sortiraient du dossier au lieu de faire échouer l’archive</translation>
    </message>
    <message>
        <source>Encode media</source>
        <extracomment>title of the task &quot;encode&quot;</extracomment>
        <translation>Convertir des médias</translation>
    </message>
    <message>
        <source>Convert videos (H.264, H.265, VP9, AV1), sound (MP3, AAC, Opus, FLAC) and pictures (JPEG, WebP, PNG); every output is checked before it is kept</source>
        <extracomment>description of the task &quot;encode&quot;</extracomment>
        <translation>Convertir des vidéos (H.264, H.265, VP9, AV1), du son (MP3, AAC, Opus, FLAC) et des images (JPEG, WebP, PNG) ; chaque résultat est vérifié avant d’être conservé</translation>
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
        <translation>Texte et métadonnées (JSON)</translation>
    </message>
    <message>
        <source>Plain text</source>
        <extracomment>preset of the task &quot;parse&quot; (--preset text only)</extracomment>
        <translation>Texte brut</translation>
    </message>
    <message>
        <source>Markdown for notes</source>
        <extracomment>preset of the task &quot;parse&quot; (--preset markdown)</extracomment>
        <translation>Markdown pour prendre des notes</translation>
    </message>
    <message>
        <source>Metadata only, no text</source>
        <extracomment>preset of the task &quot;parse&quot; (--preset metadata only)</extracomment>
        <translation>Métadonnées seules, sans texte</translation>
    </message>
    <message>
        <source>Catalogue for a spreadsheet (CSV)</source>
        <extracomment>preset of the task &quot;parse&quot; (--preset catalogue)</extracomment>
        <translation>Catalogue pour un tableur (CSV)</translation>
    </message>
    <message>
        <source>Quick look: first 10 pages</source>
        <extracomment>preset of the task &quot;parse&quot; (--preset first pages)</extracomment>
        <translation>Aperçu rapide : 10 premières pages</translation>
    </message>
    <message>
        <source>Scans: OCR every page</source>
        <extracomment>preset of the task &quot;parse&quot; (--preset scans)</extracomment>
        <translation>Numérisations : reconnaissance de texte sur chaque page</translation>
    </message>
    <message>
        <source>Text and chunks for search</source>
        <extracomment>preset of the task &quot;parse&quot; (--preset search chunks)</extracomment>
        <translation>Texte et extraits pour la recherche</translation>
    </message>
    <message>
        <source>none</source>
        <extracomment>shown instead of the automatic value of the option &quot;pdf_password&quot; (parse); shown instead of the automatic value of the option &quot;password&quot; (zip)</extracomment>
        <translation>aucun</translation>
    </message>
    <message>
        <source>OCR</source>
        <extracomment>label of the option &quot;ocr&quot; (parse)</extracomment>
        <translation>Reconnaissance de texte</translation>
    </message>
    <message>
        <source>read pages by OCR: auto (pages without usable text, and pictures), off, or always (every page)</source>
        <extracomment>help of the option &quot;ocr&quot; (parse)</extracomment>
        <translation>lire les pages par reconnaissance de texte : auto (pages sans texte utilisable, et images), off (jamais) ou always (chaque page)</translation>
    </message>
    <message>
        <source>auto</source>
        <extracomment>value of the option &quot;ocr&quot; (parse); keep technical names as they are</extracomment>
        <translation>automatique</translation>
    </message>
    <message>
        <source>off</source>
        <extracomment>value of the option &quot;ocr&quot; (parse); keep technical names as they are; shown instead of the automatic value of the option &quot;resume_after&quot; (encode); value of the option &quot;same_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>désactivée</translation>
    </message>
    <message>
        <source>always</source>
        <extracomment>value of the option &quot;ocr&quot; (parse); keep technical names as they are</extracomment>
        <translation>toujours</translation>
    </message>
    <message>
        <source>OCR languages</source>
        <extracomment>label of the option &quot;ocr_languages&quot; (parse)</extracomment>
        <translation>Langues de la reconnaissance</translation>
    </message>
    <message>
        <source>Tesseract languages for OCR, joined by + (eng+deu)</source>
        <extracomment>help of the option &quot;ocr_languages&quot; (parse)</extracomment>
        <translation>langues de Tesseract pour la reconnaissance, jointes par + (eng+fra)</translation>
    </message>
    <message>
        <source>installed</source>
        <extracomment>shown instead of the automatic value of the option &quot;ocr_languages&quot; (parse)</extracomment>
        <translation>celles installées</translation>
    </message>
    <message>
        <source>Chunks</source>
        <extracomment>label of the option &quot;chunks&quot; (parse)</extracomment>
        <translation>Extraits</translation>
    </message>
    <message>
        <source>also write a .chunks.jsonl beside each output: the text in overlapping chunks for search</source>
        <extracomment>help of the option &quot;chunks&quot; (parse)</extracomment>
        <translation>écrire aussi un .chunks.jsonl à côté de chaque sortie : le texte en extraits qui se chevauchent, pour la recherche</translation>
    </message>
    <message>
        <source>Chunk size</source>
        <extracomment>label of the option &quot;chunk_size&quot; (parse)</extracomment>
        <translation>Taille des extraits</translation>
    </message>
    <message>
        <source>characters per chunk (about: chunks end at a paragraph, sentence or word)</source>
        <extracomment>help of the option &quot;chunk_size&quot; (parse)</extracomment>
        <translation>caractères par extrait (environ : un extrait finit à un paragraphe, une phrase ou un mot)</translation>
    </message>
    <message>
        <source>Chunk overlap</source>
        <extracomment>label of the option &quot;chunk_overlap&quot; (parse)</extracomment>
        <translation>Chevauchement</translation>
    </message>
    <message>
        <source>characters each chunk repeats from the one before (at most half a chunk)</source>
        <extracomment>help of the option &quot;chunk_overlap&quot; (parse)</extracomment>
        <translation>caractères que chaque extrait reprend du précédent (au plus la moitié d’un extrait)</translation>
    </message>
    <message>
        <source>Pack files into .zip, .7z, .tar.gz, .tar.xz or .tar.zst archives (one per file, one per folder, or one for everything; .zip and .7z encrypted with a password), checked after writing; or safely unpack archives.</source>
        <extracomment>description of the task &quot;zip&quot;</extracomment>
        <translation>Mettre les fichiers dans des archives .zip, .7z, .tar.gz, .tar.xz ou .tar.zst (une par fichier, une par dossier ou une pour tout ; .zip et .7z chiffrées par un mot de passe), vérifiées après écriture ; ou extraire des archives sans danger.</translation>
    </message>
    <message>
        <source>A .zip of each file</source>
        <extracomment>preset of the task &quot;zip&quot; (--preset zip per file)</extracomment>
        <translation>Un .zip par fichier</translation>
    </message>
    <message>
        <source>A .zip of each folder</source>
        <extracomment>preset of the task &quot;zip&quot; (--preset zip per folder)</extracomment>
        <translation>Un .zip par dossier</translation>
    </message>
    <message>
        <source>Everything in one .zip</source>
        <extracomment>preset of the task &quot;zip&quot; (--preset one .zip)</extracomment>
        <translation>Tout dans un seul .zip</translation>
    </message>
    <message>
        <source>One small .zip to send</source>
        <extracomment>preset of the task &quot;zip&quot; (--preset send-zip)</extracomment>
        <translation>Un petit .zip à envoyer</translation>
    </message>
    <message>
        <source>Everything in one .tar.zst (fast, small)</source>
        <extracomment>preset of the task &quot;zip&quot; (--preset one .tar.zst)</extracomment>
        <translation>Tout dans un seul .tar.zst (rapide, compact)</translation>
    </message>
    <message>
        <source>Everything in one .7z (small, 7-Zip&apos;s format)</source>
        <extracomment>preset of the task &quot;zip&quot; (--preset one .7z)</extracomment>
        <translation>Tout dans un .7z (petit, le format de 7-Zip)</translation>
    </message>
    <message>
        <source>Backup in one .tar.xz (smallest, slow)</source>
        <extracomment>preset of the task &quot;zip&quot; (--preset backup-xz)</extracomment>
        <translation>Sauvegarde dans un seul .tar.xz (le plus compact, lent)</translation>
    </message>
    <message>
        <source>Unpack archives</source>
        <extracomment>preset of the task &quot;zip&quot; (--preset extract archives)</extracomment>
        <translation>Extraire des archives</translation>
    </message>
    <message>
        <source>per-file, per-folder (one per top-level folder), selection (one archive of everything) or extract (unpack .zip, .7z and tar archives)</source>
        <extracomment>help of the option &quot;mode&quot; (zip)</extracomment>
        <translation>per-file (une par fichier), per-folder (une par dossier de premier niveau), selection (une archive pour tout) ou extract (extraire des archives .zip, .7z et tar)</translation>
    </message>
    <message>
        <source>7z</source>
        <extracomment>value of the option &quot;format&quot; (zip); keep technical names as they are</extracomment>
        <translation>7z</translation>
    </message>
    <message>
        <source>compression level, -1 for the format&apos;s default (6; 9 for bzip2, 3 for zstd, 5 for 7z); up to 9, or 22 for zstd; higher is smaller and slower</source>
        <extracomment>help of the option &quot;level&quot; (zip)</extracomment>
        <translation>niveau de compression, -1 pour celui du format (6 ; 9 pour bzip2, 3 pour zstd, 5 pour 7z) ; jusqu’à 9, ou 22 pour zstd ; plus haut, c’est plus petit et plus lent</translation>
    </message>
    <message>
        <source>Password</source>
        <extracomment>label of the option &quot;password&quot; (zip)</extracomment>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>encrypt .zip and .7z archives with AES-256 (a .7z&apos;s file names too); extract: the password of encrypted archives. Never saved</source>
        <extracomment>help of the option &quot;password&quot; (zip)</extracomment>
        <translation>chiffrer les archives .zip et .7z en AES-256 (pour un .7z, les noms de fichiers aussi) ; extraction : le mot de passe des archives chiffrées. Jamais enregistré</translation>
    </message>
    <message>
        <source>the folder&apos;s name</source>
        <extracomment>shown instead of the automatic value of the option &quot;archive_name&quot; (zip)</extracomment>
        <translation>le nom du dossier</translation>
    </message>
    <message>
        <source>Web: videos, sound and photos (H.264, AAC, WebP)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset web)</extracomment>
        <translation>Web : vidéos, son et photos (H.264, AAC, WebP)</translation>
    </message>
    <message>
        <source>Phone backup (H.265, AAC, JPEG)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset phone-backup)</extracomment>
        <translation>Sauvegarde du téléphone (H.265, AAC, JPEG)</translation>
    </message>
    <message>
        <source>Web video 1080p</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset web-1080p)</extracomment>
        <translation>Vidéo web 1080p</translation>
    </message>
    <message>
        <source>Phone video 720p</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset phone-720p)</extracomment>
        <translation>Vidéo pour téléphone 720p</translation>
    </message>
    <message>
        <source>MP4 video, full size (H.264)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset mp4-h264)</extracomment>
        <translation>Vidéo MP4, taille d’origine (H.264)</translation>
    </message>
    <message>
        <source>Small video (H.265)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset mp4-h265)</extracomment>
        <translation>Vidéo compacte (H.265)</translation>
    </message>
    <message>
        <source>WebM video for browsers (VP9)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset webm-vp9)</extracomment>
        <translation>Vidéo WebM pour navigateurs (VP9)</translation>
    </message>
    <message>
        <source>Smallest video (AV1, slow to make)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset mkv-av1)</extracomment>
        <translation>Vidéo la plus compacte (AV1, lente à produire)</translation>
    </message>
    <message>
        <source>Podcast MP3</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset podcast-mp3)</extracomment>
        <translation>MP3 pour podcast</translation>
    </message>
    <message>
        <source>Music MP3</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset mp3)</extracomment>
        <translation>MP3 pour la musique</translation>
    </message>
    <message>
        <source>Music AAC (.m4a)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset aac)</extracomment>
        <translation>AAC pour la musique (.m4a)</translation>
    </message>
    <message>
        <source>Small sound files (Opus)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset opus)</extracomment>
        <translation>Petits fichiers audio (Opus)</translation>
    </message>
    <message>
        <source>Archive sound (FLAC, lossless)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset flac)</extracomment>
        <translation>Son d’archive (FLAC, sans perte)</translation>
    </message>
    <message>
        <source>Photos for the web (WebP)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset webp)</extracomment>
        <translation>Photos pour le web (WebP)</translation>
    </message>
    <message>
        <source>Photos for e-mail (JPEG, 1600 px)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset email-photos)</extracomment>
        <translation>Photos pour e-mail (JPEG, 1600 px)</translation>
    </message>
    <message>
        <source>JPEG photos, full size</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset jpeg)</extracomment>
        <translation>Photos JPEG, taille d’origine</translation>
    </message>
    <message>
        <source>Pictures without loss (PNG)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset png)</extracomment>
        <translation>Images sans perte (PNG)</translation>
    </message>
    <message>
        <source>Video format</source>
        <extracomment>label of the option &quot;video_format&quot; (encode)</extracomment>
        <translation>Format vidéo</translation>
    </message>
    <message>
        <source>what videos become: a video format, their sound only (in the sound format), kept as they are, or left out</source>
        <extracomment>help of the option &quot;video_format&quot; (encode)</extracomment>
        <translation>ce que deviennent les vidéos : un format vidéo, leur son seul (dans le format audio), gardées telles quelles ou laissées de côté</translation>
    </message>
    <message>
        <source>sound-only</source>
        <extracomment>value of the option &quot;video_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>son seul</translation>
    </message>
    <message>
        <source>keep</source>
        <extracomment>value of the option &quot;video_format&quot; (encode); keep technical names as they are; value of the option &quot;audio_format&quot; (encode); keep technical names as they are; value of the option &quot;picture_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>garder</translation>
    </message>
    <message>
        <source>leave-out</source>
        <extracomment>value of the option &quot;video_format&quot; (encode); keep technical names as they are; value of the option &quot;audio_format&quot; (encode); keep technical names as they are; value of the option &quot;picture_format&quot; (encode); keep technical names as they are; value of the option &quot;same_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>laisser de côté</translation>
    </message>
    <message>
        <source>Audio format</source>
        <extracomment>label of the option &quot;audio_format&quot; (encode)</extracomment>
        <translation>Format audio</translation>
    </message>
    <message>
        <source>what sound files become (and a video&apos;s sound, when videos become sound only)</source>
        <extracomment>help of the option &quot;audio_format&quot; (encode)</extracomment>
        <translation>ce que deviennent les fichiers audio (et le son d&apos;une vidéo, quand les vidéos ne donnent que leur son)</translation>
    </message>
    <message>
        <source>Picture format</source>
        <extracomment>label of the option &quot;picture_format&quot; (encode)</extracomment>
        <translation>Format d&apos;image</translation>
    </message>
    <message>
        <source>what pictures become</source>
        <extracomment>help of the option &quot;picture_format&quot; (encode)</extracomment>
        <translation>ce que deviennent les images</translation>
    </message>
    <message>
        <source>CRF</source>
        <extracomment>label of the option &quot;crf&quot; (encode)</extracomment>
        <translation>CRF</translation>
    </message>
    <message>
        <source>video quality as CRF, lower is better and bigger; 0 = the codec&apos;s usual (H.264 23, H.265 28, VP9 31, AV1 35)</source>
        <extracomment>help of the option &quot;crf&quot; (encode)</extracomment>
        <translation>qualité vidéo en CRF, plus bas est meilleur et plus gros ; 0 = valeur habituelle du codec (H.264 23, H.265 28, VP9 31, AV1 35)</translation>
    </message>
    <message>
        <source>Video bitrate</source>
        <extracomment>label of the option &quot;video_bitrate&quot; (encode)</extracomment>
        <translation>Débit vidéo</translation>
    </message>
    <message>
        <source>video bitrate in kbit/s instead of CRF; 0 = use CRF</source>
        <extracomment>help of the option &quot;video_bitrate&quot; (encode)</extracomment>
        <translation>débit vidéo en kbit/s au lieu du CRF ; 0 = utiliser le CRF</translation>
    </message>
    <message>
        <source>off: use CRF</source>
        <extracomment>shown instead of the automatic value of the option &quot;video_bitrate&quot; (encode)</extracomment>
        <translation>désactivé : utiliser le CRF</translation>
    </message>
    <message>
        <source>Speed</source>
        <extracomment>label of the option &quot;speed&quot; (encode)</extracomment>
        <translation>Vitesse</translation>
    </message>
    <message>
        <source>encoder effort: slower gives smaller files at the same quality</source>
        <extracomment>help of the option &quot;speed&quot; (encode)</extracomment>
        <translation>effort de l’encodeur : plus lent donne des fichiers plus petits à qualité égale</translation>
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
        <translation>Largeur max.</translation>
    </message>
    <message>
        <source>shrink wider videos and pictures to this width, aspect kept; 0 = no limit</source>
        <extracomment>help of the option &quot;max_width&quot; (encode)</extracomment>
        <translation>réduire les vidéos et images plus larges à cette largeur, proportions conservées ; 0 = sans limite</translation>
    </message>
    <message>
        <source>no limit</source>
        <extracomment>shown instead of the automatic value of the option &quot;max_width&quot; (encode); shown instead of the automatic value of the option &quot;max_height&quot; (encode)</extracomment>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>Max height</source>
        <extracomment>label of the option &quot;max_height&quot; (encode)</extracomment>
        <translation>Hauteur max.</translation>
    </message>
    <message>
        <source>shrink taller videos and pictures to this height, aspect kept; 0 = no limit</source>
        <extracomment>help of the option &quot;max_height&quot; (encode)</extracomment>
        <translation>réduire les vidéos et images plus hautes à cette hauteur, proportions conservées ; 0 = sans limite</translation>
    </message>
    <message>
        <source>Audio bitrate</source>
        <extracomment>label of the option &quot;audio_bitrate&quot; (encode)</extracomment>
        <translation>Débit audio</translation>
    </message>
    <message>
        <source>sound bitrate in kbit/s (not used by FLAC)</source>
        <extracomment>help of the option &quot;audio_bitrate&quot; (encode)</extracomment>
        <translation>débit audio en kbit/s (sans effet pour FLAC)</translation>
    </message>
    <message>
        <source>Subtitles</source>
        <extracomment>label of the option &quot;subtitles&quot; (encode)</extracomment>
        <translation>Sous-titres</translation>
    </message>
    <message>
        <source>keep subtitle tracks (converted to the text format the container takes)</source>
        <extracomment>help of the option &quot;subtitles&quot; (encode)</extracomment>
        <translation>conserver les pistes de sous-titres (converties au format texte accepté par le conteneur)</translation>
    </message>
    <message>
        <source>Strip metadata</source>
        <extracomment>label of the option &quot;strip_metadata&quot; (encode)</extracomment>
        <translation>Supprimer les métadonnées</translation>
    </message>
    <message>
        <source>drop tags (title, GPS, camera, EXIF, chapters); picture colour profiles are always kept</source>
        <extracomment>help of the option &quot;strip_metadata&quot; (encode)</extracomment>
        <translation>supprimer les balises (titre, GPS, appareil photo, EXIF, chapitres) ; les profils colorimétriques des images sont toujours conservés</translation>
    </message>
    <message>
        <source>Threads</source>
        <extracomment>label of the option &quot;threads&quot; (encode)</extracomment>
        <translation>Threads</translation>
    </message>
    <message>
        <source>threads per file; 0 = share the cores among the workers</source>
        <extracomment>help of the option &quot;threads&quot; (encode)</extracomment>
        <translation>threads par fichier ; 0 = répartir les cœurs entre les processus</translation>
    </message>
    <message>
        <source>Image quality</source>
        <extracomment>label of the option &quot;image_quality&quot; (encode)</extracomment>
        <translation>Qualité d’image</translation>
    </message>
    <message>
        <source>JPEG and WebP quality, 1-100</source>
        <extracomment>help of the option &quot;image_quality&quot; (encode)</extracomment>
        <translation>qualité JPEG et WebP, 1–100</translation>
    </message>
    <message>
        <source>Progressive</source>
        <extracomment>label of the option &quot;progressive&quot; (encode)</extracomment>
        <translation>Progressif</translation>
    </message>
    <message>
        <source>progressive JPEG (shows coarse-to-fine while loading)</source>
        <extracomment>help of the option &quot;progressive&quot; (encode)</extracomment>
        <translation>JPEG progressif (s’affiche du grossier au détaillé pendant le chargement)</translation>
    </message>
    <message>
        <source>Lossless</source>
        <extracomment>label of the option &quot;lossless&quot; (encode)</extracomment>
        <translation>Sans perte</translation>
    </message>
    <message>
        <source>lossless WebP (bigger, exact pixels)</source>
        <extracomment>help of the option &quot;lossless&quot; (encode)</extracomment>
        <translation>WebP sans perte (plus gros, pixels exacts)</translation>
    </message>
    <message>
        <source>Optimize</source>
        <extracomment>label of the option &quot;optimize&quot; (encode)</extracomment>
        <translation>Optimiser</translation>
    </message>
    <message>
        <source>spend a little more time for smaller JPEG and PNG files</source>
        <extracomment>help of the option &quot;optimize&quot; (encode)</extracomment>
        <translation>prendre un peu plus de temps pour des fichiers JPEG et PNG plus petits</translation>
    </message>
    <message>
        <source>Resume after</source>
        <extracomment>label of the option &quot;resume_after&quot; (encode)</extracomment>
        <translation>Reprise après</translation>
    </message>
    <message>
        <source>videos longer than this many seconds are encoded in pieces that a re-run after a crash keeps; 0 = always in one piece</source>
        <extracomment>help of the option &quot;resume_after&quot; (encode)</extracomment>
        <translation>les vidéos plus longues que ce nombre de secondes sont encodées en morceaux qu&apos;une nouvelle exécution après un plantage conserve ; 0 = toujours d&apos;un seul tenant</translation>
    </message>
    <message>
        <source>Same format</source>
        <extracomment>label of the option &quot;same_format&quot; (encode)</extracomment>
        <translation>Même format</translation>
    </message>
    <message>
        <source>files already in the target format (same codec, within the size limits, at or below the target quality): encoded anyway (off), copied as they are, or left out</source>
        <extracomment>help of the option &quot;same_format&quot; (encode)</extracomment>
        <translation>fichiers déjà au format visé (même codec, dans les limites de taille, à la qualité visée ou en dessous) : encodés quand même (off), copiés tels quels ou laissés de côté</translation>
    </message>
    <message>
        <source>copy</source>
        <extracomment>value of the option &quot;same_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>copier</translation>
    </message>
    <message>
        <source>Keep if bigger</source>
        <extracomment>label of the option &quot;keep_if_bigger&quot; (encode)</extracomment>
        <translation>Garder si plus gros</translation>
    </message>
    <message>
        <source>when the new file comes out bigger than the source, keep a copy of the source instead</source>
        <extracomment>help of the option &quot;keep_if_bigger&quot; (encode)</extracomment>
        <translation>quand le nouveau fichier est plus gros que la source, garder plutôt une copie de la source</translation>
    </message>
    <message>
        <source>Min size MB</source>
        <extracomment>label of the option &quot;min_size_mb&quot; (encode)</extracomment>
        <translation>Taille min. Mo</translation>
    </message>
    <message>
        <source>only files larger than this many MB; 0 = every size</source>
        <extracomment>help of the option &quot;min_size_mb&quot; (encode)</extracomment>
        <translation>seulement les fichiers de plus de ce nombre de Mo ; 0 = toute taille</translation>
    </message>
    <message>
        <source>any size</source>
        <extracomment>shown instead of the automatic value of the option &quot;min_size_mb&quot; (encode)</extracomment>
        <translation>toute taille</translation>
    </message>
    <message>
        <source>Min seconds</source>
        <extracomment>label of the option &quot;min_seconds&quot; (encode)</extracomment>
        <translation>Durée min. s</translation>
    </message>
    <message>
        <source>only videos and sound longer than this many seconds; 0 = any length</source>
        <extracomment>help of the option &quot;min_seconds&quot; (encode)</extracomment>
        <translation>seulement les vidéos et sons de plus de ce nombre de secondes ; 0 = toute durée</translation>
    </message>
    <message>
        <source>any length</source>
        <extracomment>shown instead of the automatic value of the option &quot;min_seconds&quot; (encode)</extracomment>
        <translation>toute durée</translation>
    </message>
    <message>
        <source>Min width</source>
        <extracomment>label of the option &quot;min_width&quot; (encode)</extracomment>
        <translation>Largeur min.</translation>
    </message>
    <message>
        <source>only videos and pictures wider than this many pixels; 0 = any width</source>
        <extracomment>help of the option &quot;min_width&quot; (encode)</extracomment>
        <translation>seulement les vidéos et images plus larges que ce nombre de pixels ; 0 = toute largeur</translation>
    </message>
    <message>
        <source>any width</source>
        <extracomment>shown instead of the automatic value of the option &quot;min_width&quot; (encode)</extracomment>
        <translation>toute largeur</translation>
    </message>
</context>
<context>
    <name>Text</name>
    <message>
        <location filename="../../app/text.py" line="64"/>
        <source>{time} left</source>
        <translation>encore {time}</translation>
    </message>
</context>
<context>
    <name>WatchControl</name>
    <message>
        <location filename="../../app/watch_control.py" line="51"/>
        <source>An option is not valid: {problem}</source>
        <translation>Une option n’est pas valide : {problem}</translation>
    </message>
    <message>
        <location filename="../../app/watch_control.py" line="54"/>
        <source>Choose a folder to watch</source>
        <translation>Choisir un dossier à surveiller</translation>
    </message>
    <message>
        <location filename="../../app/watch_control.py" line="64"/>
        <source>Watching {folder}: each file that arrives goes to {output}.</source>
        <translation>Surveillance de {folder} : chaque fichier qui arrive va dans {output}.</translation>
    </message>
    <message>
        <location filename="../../app/watch_control.py" line="76"/>
        <source>Show batchpilot</source>
        <translation>Afficher batchpilot</translation>
    </message>
    <message>
        <location filename="../../app/watch_control.py" line="77"/>
        <source>Quit batchpilot</source>
        <translation>Quitter batchpilot</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/watch_control.py" line="81"/>
        <source>batchpilot keeps watching %1 folders. Its tray icon shows the window again or quits.</source>
        <translation>
            <numerusform>batchpilot continue de surveiller %1 dossier. Son icône dans la zone de notification rouvre la fenêtre ou quitte.</numerusform>
            <numerusform>batchpilot continue de surveiller %1 dossiers. Son icône dans la zone de notification rouvre la fenêtre ou quitte.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WatchFolder</name>
    <message>
        <location filename="../../app/watch_folders.py" line="65"/>
        <source>Watch · {folder} · {task}</source>
        <translation>Surveillance · {folder} · {task}</translation>
    </message>
</context>
<context>
    <name>WhenDoneMenu</name>
    <message>
        <location filename="../../app/when_done.py" line="38"/>
        <source>When the queue is &amp;done</source>
        <translation>&amp;Quand la file est terminée</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="44"/>
        <source>Do &amp;nothing</source>
        <translation>Ne &amp;rien faire</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="45"/>
        <source>&amp;Quit batchpilot</source>
        <translation>&amp;Quitter batchpilot</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="46"/>
        <source>&amp;Suspend</source>
        <translation>&amp;Mettre en veille</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="47"/>
        <source>&amp;Power off</source>
        <translation>É&amp;teindre</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="48"/>
        <source>&amp;Run a command…</source>
        <translation>&amp;Lancer une commande…</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="75"/>
        <source>Run a command line of your own, with the outcome in environment variables</source>
        <translation>Lancer une commande de votre choix, avec le résultat dans des variables d’environnement</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="93"/>
        <source>Run a command when the queue is done</source>
        <translation>Lancer une commande quand la file est terminée</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="94"/>
        <source>Command line (run by the shell; the outcome is in variables such as $BATCHPILOT_DONE, $BATCHPILOT_FAILED and $BATCHPILOT_OUTPUT):</source>
        <translation>Ligne de commande (lancée par le shell ; le résultat est dans des variables comme $BATCHPILOT_DONE, $BATCHPILOT_FAILED et $BATCHPILOT_OUTPUT) :</translation>
    </message>
</context>
</TS>
