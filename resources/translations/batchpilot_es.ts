<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../app/controls.py" line="82"/>
        <source>&amp;Resume</source>
        <translation>Rean&amp;udar</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="82"/>
        <location filename="../../app/controls.py" line="121"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="84"/>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="85"/>
        <location filename="../../app/controls.py" line="122"/>
        <source>Pause: running files finish, no new file starts</source>
        <translation>Pausar: los archivos en curso terminan y no empieza ninguno nuevo</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="114"/>
        <source>Add &amp;files…</source>
        <translation>Añadir &amp;archivos…</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="116"/>
        <source>Add files to the list</source>
        <translation>Añadir archivos a la lista</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="117"/>
        <source>Add f&amp;older…</source>
        <translation>Añadir &amp;carpeta…</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="118"/>
        <source>Add every file in a folder</source>
        <translation>Añadir todos los archivos de una carpeta</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="119"/>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="120"/>
        <source>Start working on the waiting files</source>
        <translation>Procesar los archivos en espera</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="123"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="124"/>
        <source>Cancel the batch (asks how)</source>
        <translation>Cancelar el lote (pregunta cómo)</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="125"/>
        <source>&amp;Retry failed</source>
        <translation>&amp;Reintentar fallidos</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="126"/>
        <source>Run the failed files again</source>
        <translation>Procesar de nuevo los archivos fallidos</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="127"/>
        <source>C&amp;lear finished</source>
        <translation>&amp;Quitar terminados</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="128"/>
        <source>Remove done and skipped files from the list</source>
        <translation>Quitar de la lista los archivos terminados y omitidos</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="129"/>
        <source>Open &amp;output folder</source>
        <translation>Abrir carpeta de &amp;salida</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="130"/>
        <source>Open the output folder in the file manager</source>
        <translation>Abrir la carpeta de salida en el gestor de archivos</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="131"/>
        <source>&amp;Quit</source>
        <translation>Sa&amp;lir</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="133"/>
        <source>Quit batchpilot (asks while a batch runs)</source>
        <translation>Salir de batchpilot (pregunta si hay un lote en curso)</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="134"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="136"/>
        <source>How to use batchpilot and its shortcuts</source>
        <translation>Cómo usar batchpilot y sus atajos de teclado</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="137"/>
        <source>&amp;About batchpilot</source>
        <translation>&amp;Acerca de batchpilot</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="138"/>
        <source>Version and credits</source>
        <translation>Versión y créditos</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../app/dialogs.py" line="16"/>
        <source>Add files</source>
        <translation>Añadir archivos</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="17"/>
        <source>Add a folder</source>
        <translation>Añadir una carpeta</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="18"/>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="19"/>
        <source>Pause or resume</source>
        <translation>Pausar o reanudar</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="20"/>
        <source>Cancel (asks whether to finish running files or stop now)</source>
        <translation>Cancelar (pregunta si terminar los archivos en curso o detener ya)</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="21"/>
        <source>Retry the failed files</source>
        <translation>Reintentar los archivos fallidos</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="22"/>
        <source>Quit (asks while a batch runs)</source>
        <translation>Salir (pregunta si hay un lote en curso)</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="23"/>
        <source>This help</source>
        <translation>Esta ayuda</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="28"/>
        <source>Drop files or folders on the window (or use &lt;b&gt;Add files…&lt;/b&gt; / &lt;b&gt;Add folder…&lt;/b&gt;), choose a task and its options on the left, then press &lt;b&gt;Start&lt;/b&gt;. Each file is worked on in a separate process; a file that fails never stops the others, and the sources are never changed.</source>
        <translation>Suelte archivos o carpetas en la ventana (o use &lt;b&gt;Añadir archivos…&lt;/b&gt; / &lt;b&gt;Añadir carpeta…&lt;/b&gt;), elija una tarea y sus opciones a la izquierda y pulse &lt;b&gt;Iniciar&lt;/b&gt;. Cada archivo se procesa en un proceso aparte; un archivo que falla nunca detiene a los demás, y los originales nunca se modifican.</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="33"/>
        <source>Outputs go to the output folder (by default a &lt;i&gt;-batchpilot&lt;/i&gt; folder beside the first folder added), mirroring the source folders. Double-click a finished file to open its output, or a failed one to read why it failed.</source>
        <translation>Los resultados van a la carpeta de salida (por omisión, una carpeta &lt;i&gt;-batchpilot&lt;/i&gt; junto a la primera carpeta añadida), con la misma estructura que las carpetas de origen. Haga doble clic en un archivo terminado para abrir su resultado, o en uno fallido para ver por qué falló.</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="52"/>
        <location filename="../../app/dialogs.py" line="53"/>
        <source>Cancel the batch?</source>
        <translation>¿Cancelar el lote?</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="54"/>
        <source>Files not started yet will not be worked on. Files being worked on now can finish first, or be stopped at once (their partial outputs are removed).</source>
        <translation>Los archivos que aún no han empezado no se procesarán. Los archivos en curso pueden terminar primero o detenerse al instante (sus resultados parciales se eliminan).</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="57"/>
        <source>Finish running files</source>
        <translation>Terminar los archivos en curso</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="58"/>
        <source>Stop now</source>
        <translation>Detener ya</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="59"/>
        <source>Keep going</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="74"/>
        <source>Quit batchpilot?</source>
        <translation>¿Salir de batchpilot?</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="75"/>
        <source>A batch is running. Quit and stop it now? Finished files are kept; files being worked on are stopped and their partial outputs removed.</source>
        <translation>Hay un lote en curso. ¿Salir y detenerlo ahora? Los archivos terminados se conservan; los archivos en curso se detienen y sus resultados parciales se eliminan.</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="82"/>
        <source>batchpilot help</source>
        <translation>Ayuda de batchpilot</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="87"/>
        <source>About batchpilot</source>
        <translation>Acerca de batchpilot</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="89"/>
        <source>&lt;p&gt;A desktop batch processor: parse documents, zip files and encode media in parallel worker processes, without ever touching the sources.&lt;/p&gt;&lt;p&gt;Built with Qt for Python (PySide6). MIT licence.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Un procesador por lotes de escritorio: analiza documentos, comprime archivos y convierte medios en procesos paralelos, sin tocar nunca los originales.&lt;/p&gt;&lt;p&gt;Hecho con Qt for Python (PySide6). Licencia MIT.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Drop</name>
    <message>
        <location filename="../../app/drop.py" line="30"/>
        <source>Only files and folders on this computer can be added; {address} (and {more} more) is not one. Download it first, then drop the file.</source>
        <translation>Solo se pueden añadir archivos y carpetas de este equipo; {address} (y {more} más) no lo es. Descárguelo primero y luego suelte el archivo.</translation>
    </message>
    <message>
        <location filename="../../app/drop.py" line="33"/>
        <source>Only files and folders on this computer can be added; {address} is not one. Download it first, then drop the file.</source>
        <translation>Solo se pueden añadir archivos y carpetas de este equipo; {address} no lo es. Descárguelo primero y luego suelte el archivo.</translation>
    </message>
</context>
<context>
    <name>DropArea</name>
    <message>
        <location filename="../../app/drop.py" line="98"/>
        <source>Drop area</source>
        <translation>Zona para soltar</translation>
    </message>
    <message>
        <location filename="../../app/drop.py" line="99"/>
        <source>Drop files or folders here to add them</source>
        <translation>Suelte aquí archivos o carpetas para añadirlos</translation>
    </message>
    <message>
        <location filename="../../app/drop.py" line="106"/>
        <source>Drop files or folders here</source>
        <translation>Suelte aquí archivos o carpetas</translation>
    </message>
    <message>
        <location filename="../../app/drop.py" line="114"/>
        <source>Then pick a task on the left and press Start (Ctrl+Return).</source>
        <translation>Después elija una tarea a la izquierda y pulse Iniciar (Ctrl+Intro).</translation>
    </message>
    <message>
        <location filename="../../app/drop.py" line="120"/>
        <source>Add files…</source>
        <translation>Añadir archivos…</translation>
    </message>
    <message>
        <location filename="../../app/drop.py" line="121"/>
        <source>Add files</source>
        <translation>Añadir archivos</translation>
    </message>
    <message>
        <location filename="../../app/drop.py" line="122"/>
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <location filename="../../app/drop.py" line="123"/>
        <source>Add folder</source>
        <translation>Añadir carpeta</translation>
    </message>
</context>
<context>
    <name>EngineBridge</name>
    <message>
        <location filename="../../app/bridge.py" line="168"/>
        <source>The worker processes could not be started: {problem}</source>
        <translation>No se pudieron iniciar los procesos de trabajo: {problem}</translation>
    </message>
    <message>
        <location filename="../../app/bridge.py" line="189"/>
        <source>The engine stopped unexpectedly:</source>
        <translation>El motor se detuvo de forma inesperada:</translation>
    </message>
</context>
<context>
    <name>EngineControl</name>
    <message>
        <location filename="../../app/engine_control.py" line="52"/>
        <source>Connecting to {address}…</source>
        <translation>Conectando con {address}…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/engine_control.py" line="69"/>
        <source>Connected to {address}: %1 threads on its workers.</source>
        <translation>
            <numerusform>Conectado a {address}: %1 hilo en sus workers.</numerusform>
            <numerusform>Conectado a {address}: %1 hilos en sus workers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileList</name>
    <message>
        <location filename="../../app/file_list.py" line="71"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="74"/>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="85"/>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="167"/>
        <source>Open source folder</source>
        <translation>Abrir carpeta de origen</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="168"/>
        <source>Open output</source>
        <translation>Abrir resultado</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="170"/>
        <source>Show log</source>
        <translation>Mostrar registro</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="172"/>
        <source>Copy error</source>
        <translation>Copiar error</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="176"/>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="179"/>
        <source>Remove from list</source>
        <translation>Quitar de la lista</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/file_list.py" line="186"/>
        <source>%1 files</source>
        <translation>
            <numerusform>%1 archivo</numerusform>
            <numerusform>%1 archivos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/file_list.py" line="189"/>
        <source>%1 running</source>
        <translation>
            <numerusform>%1 en curso</numerusform>
            <numerusform>%1 en curso</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/file_list.py" line="191"/>
        <source>%1 failed</source>
        <translation>
            <numerusform>%1 fallido</numerusform>
            <numerusform>%1 fallidos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Filter</name>
    <message>
        <location filename="../../app/file_filter.py" line="34"/>
        <source>All files</source>
        <translation>Todos los archivos</translation>
    </message>
    <message>
        <location filename="../../app/file_filter.py" line="35"/>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <location filename="../../app/file_filter.py" line="36"/>
        <source>Running</source>
        <translation>En curso</translation>
    </message>
    <message>
        <location filename="../../app/file_filter.py" line="37"/>
        <source>Done</source>
        <translation>Terminados</translation>
    </message>
    <message>
        <location filename="../../app/file_filter.py" line="38"/>
        <source>Failed</source>
        <translation>Fallidos</translation>
    </message>
    <message>
        <location filename="../../app/file_filter.py" line="39"/>
        <source>Skipped</source>
        <translation>Omitidos</translation>
    </message>
</context>
<context>
    <name>JobArea</name>
    <message>
        <location filename="../../app/job_area.py" line="35"/>
        <source>Overall progress</source>
        <translation>Progreso total</translation>
    </message>
    <message>
        <location filename="../../app/job_area.py" line="39"/>
        <source>Add files or folders to begin.</source>
        <translation>Añada archivos o carpetas para empezar.</translation>
    </message>
    <message>
        <location filename="../../app/job_area.py" line="40"/>
        <source>Batch status</source>
        <translation>Estado del lote</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/job_area.py" line="51"/>
        <source>%1 files waiting. Press Start (Ctrl+Return) to begin.</source>
        <translation>
            <numerusform>%1 archivo en espera. Pulse Iniciar (Ctrl+Intro) para empezar.</numerusform>
            <numerusform>%1 archivos en espera. Pulse Iniciar (Ctrl+Intro) para empezar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobModel</name>
    <message>
        <location filename="../../app/job_model.py" line="46"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="46"/>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="46"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="47"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="47"/>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="47"/>
        <source>Elapsed</source>
        <translation>Duración</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="48"/>
        <source>Output or reason</source>
        <translation>Resultado o motivo</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="111"/>
        <source>Cancelled before it finished</source>
        <translation>Cancelado antes de terminar</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message numerus="yes">
        <location filename="../../app/job_runner.py" line="132"/>
        <source>Planning %1 files for {task}…</source>
        <translation>
            <numerusform>Preparando %1 archivo para «{task}»…</numerusform>
            <numerusform>Preparando %1 archivos para «{task}»…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/job_runner.py" line="176"/>
        <source>item {number}</source>
        <translation>elemento {number}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/job_runner.py" line="188"/>
        <source>Started: %1 files to work on, {skipped} skipped; output in {folder}</source>
        <translation>
            <numerusform>Iniciado: %1 archivo por procesar, {skipped} omitidos; salida en {folder}</numerusform>
            <numerusform>Iniciado: %1 archivos por procesar, {skipped} omitidos; salida en {folder}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/job_runner.py" line="231"/>
        <source>Could not run the batch: {problem}</source>
        <translation>No se pudo ejecutar el lote: {problem}</translation>
    </message>
</context>
<context>
    <name>Log</name>
    <message>
        <location filename="../../app/log_dock.py" line="39"/>
        <source>failed   {file}: {reason}</source>
        <translation>fallido  {file}: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="42"/>
        <source>skipped  {file}: {reason}</source>
        <translation>omitido  {file}: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="45"/>
        <source>worker {worker} lost: {reason}</source>
        <translation>worker {worker} perdido: {reason}</translation>
    </message>
</context>
<context>
    <name>LogDock</name>
    <message>
        <location filename="../../app/log_dock.py" line="68"/>
        <source>Log</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="72"/>
        <source>Batch log</source>
        <translation>Registro del lote</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="74"/>
        <source>File log</source>
        <translation>Registro del archivo</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="75"/>
        <source>Select a file to see its log.</source>
        <translation>Seleccione un archivo para ver su registro.</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="76"/>
        <source>Show the full traceback</source>
        <translation>Mostrar la traza completa</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="77"/>
        <source>Failures caused by a bug keep their traceback; useful in a bug report</source>
        <translation>Los fallos causados por un error de programa conservan su traza; útil para un informe de error</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="78"/>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="79"/>
        <source>Copy the log shown</source>
        <translation>Copiar el registro mostrado</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="90"/>
        <source>Batch</source>
        <translation>Lote</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="91"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="127"/>
        <source>Source: {path}</source>
        <translation>Origen: {path}</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="129"/>
        <source>Output: {path}</source>
        <translation>Resultado: {path}</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="133"/>
        <source>{status} in {duration}</source>
        <translation>{status} en {duration}</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="136"/>
        <source>Messages from the task:</source>
        <translation>Mensajes de la tarea:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/main_window.py" line="84"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="86"/>
        <source>&amp;Recent folders</source>
        <translation>Carpetas &amp;recientes</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="90"/>
        <source>&amp;Batch</source>
        <translation>&amp;Lote</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="91"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="92"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="94"/>
        <source>Main toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="127"/>
        <source>&amp;Log panel</source>
        <translation>Panel de &amp;registro</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="135"/>
        <source>Cancel scan</source>
        <translation>Cancelar búsqueda</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="136"/>
        <source>Cancel the folder scan</source>
        <translation>Cancelar la búsqueda en las carpetas</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="240"/>
        <source>Preparing the files…</source>
        <translation>Preparando los archivos…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="242"/>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="243"/>
        <source>Finishing the running files…</source>
        <translation>Terminando los archivos en curso…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="269"/>
        <source>The batch could not start.</source>
        <translation>No se pudo iniciar el lote.</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="287"/>
        <source>Scanning…</source>
        <translation>Buscando archivos…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="294"/>
        <source>Add files</source>
        <translation>Añadir archivos</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="301"/>
        <source>Add folder</source>
        <translation>Añadir carpeta</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="312"/>
        <source>No recent folders</source>
        <translation>No hay carpetas recientes</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/main_window.py" line="322"/>
        <source>Scanning… %1 files</source>
        <translation>
            <numerusform>Buscando archivos… %1 archivo</numerusform>
            <numerusform>Buscando archivos… %1 archivos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/main_window.py" line="334"/>
        <source>Scan cancelled; %1 files in the list.</source>
        <translation>
            <numerusform>Búsqueda cancelada; %1 archivo en la lista.</numerusform>
            <numerusform>Búsqueda cancelada; %1 archivos en la lista.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="336"/>
        <source>No files found in what was added.</source>
        <translation>No se encontraron archivos en lo añadido.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/main_window.py" line="338"/>
        <source>%1 files in the list.</source>
        <translation>
            <numerusform>%1 archivo en la lista.</numerusform>
            <numerusform>%1 archivos en la lista.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="352"/>
        <source>An option is not valid: {problem}</source>
        <translation>Una opción no es válida: {problem}</translation>
    </message>
</context>
<context>
    <name>OptionsForm</name>
    <message>
        <location filename="../../app/options_form.py" line="115"/>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="116"/>
        <source>Choose {option}</source>
        <translation>Elegir {option}</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="143"/>
        <source>empty: none</source>
        <translation>vacío: ninguno</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="153"/>
        <source>comma-separated</source>
        <translation>separados por comas</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="222"/>
        <source>This task has no options.</source>
        <translation>Esta tarea no tiene opciones.</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="228"/>
        <source>{option}:</source>
        <translation>{option}:</translation>
    </message>
</context>
<context>
    <name>Overall</name>
    <message numerus="yes">
        <location filename="../../app/overall.py" line="61"/>
        <source>%2 of %1 files</source>
        <translation>
            <numerusform>%2 de %1 archivo</numerusform>
            <numerusform>%2 de %1 archivos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/overall.py" line="64"/>
        <source>%1 failed</source>
        <translation>
            <numerusform>%1 fallido</numerusform>
            <numerusform>%1 fallidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/overall.py" line="66"/>
        <source>%1 skipped</source>
        <translation>
            <numerusform>%1 omitido</numerusform>
            <numerusform>%1 omitidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/overall.py" line="69"/>
        <source>%1 cancelled</source>
        <translation>
            <numerusform>%1 cancelado</numerusform>
            <numerusform>%1 cancelados</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/overall.py" line="70"/>
        <source>took {duration}</source>
        <translation>duró {duration}</translation>
    </message>
    <message>
        <location filename="../../app/overall.py" line="73"/>
        <source>paused</source>
        <translation>en pausa</translation>
    </message>
    <message>
        <location filename="../../app/overall.py" line="78"/>
        <source>{rate} files/s</source>
        <translation>{rate} archivos/s</translation>
    </message>
</context>
<context>
    <name>RunOnBox</name>
    <message>
        <location filename="../../app/run_on.py" line="37"/>
        <source>Enter the Dask scheduler&apos;s address, for example dask://render-box:8786.</source>
        <translation>Escriba la dirección del scheduler de Dask, por ejemplo dask://render-box:8786.</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="58"/>
        <location filename="../../app/run_on.py" line="68"/>
        <source>Run on</source>
        <translation>Ejecutar en</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="69"/>
        <source>This computer</source>
        <translation>Este equipo</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="70"/>
        <source>A Dask cluster</source>
        <translation>Un clúster Dask</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="75"/>
        <source>Send the files to the workers of a running Dask scheduler; inputs and outputs must be on folders every worker mounts</source>
        <translation>Enviar los archivos a los workers de un scheduler de Dask en marcha; las entradas y los resultados deben estar en carpetas que monte cada worker</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="79"/>
        <source>Running on a Dask cluster needs the dask extra: {command}</source>
        <translation>Para ejecutar en un clúster Dask hace falta el complemento dask: {command}</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="81"/>
        <source>Run on:</source>
        <translation>Ejecutar en:</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="84"/>
        <source>Worker processes</source>
        <translation>Procesos de trabajo</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="86"/>
        <source>Automatic ({cores})</source>
        <translation>Automático ({cores})</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="87"/>
        <source>How many files are worked on at once (automatic: one per CPU core)</source>
        <translation>Cuántos archivos se procesan a la vez (automático: uno por núcleo de CPU)</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="88"/>
        <source>Workers:</source>
        <translation>Procesos:</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="91"/>
        <source>Dask scheduler address</source>
        <translation>Dirección del scheduler de Dask</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="92"/>
        <source>dask://HOST:8786</source>
        <translation>dask://EQUIPO:8786</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="93"/>
        <source>The address `dask scheduler` printed, with dask:// in front</source>
        <translation>La dirección que mostró `dask scheduler`, con dask:// delante</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="94"/>
        <source>Scheduler:</source>
        <translation>Scheduler:</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="97"/>
        <source>Path map</source>
        <translation>Correspondencia de rutas</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="98"/>
        <source>optional: /here=/there; …</source>
        <translation>opcional: /aquí=/allí; …</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="100"/>
        <source>Only when the workers mount the shared folders somewhere else: this computer&apos;s folder, &apos;=&apos;, the same folder on the workers; several separated by &apos;;&apos;</source>
        <translation>Solo si los workers montan las carpetas compartidas en otro sitio: la carpeta de este equipo, «=», la misma carpeta en los workers; varias separadas por «;»</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="102"/>
        <source>Path map:</source>
        <translation>Rutas:</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../app/job_model.py" line="55"/>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="56"/>
        <source>Running</source>
        <translation>En curso</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="57"/>
        <source>Done</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="58"/>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="59"/>
        <source>Skipped</source>
        <translation>Omitido</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="60"/>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
</context>
<context>
    <name>SummaryBanner</name>
    <message>
        <location filename="../../app/notify.py" line="82"/>
        <source>Batch summary</source>
        <translation>Resumen del lote</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="96"/>
        <source>Show failed</source>
        <translation>Mostrar fallidos</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="97"/>
        <source>Show the failed files</source>
        <translation>Mostrar los archivos fallidos</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="98"/>
        <source>Retry failed</source>
        <translation>Reintentar fallidos</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="99"/>
        <source>Retry the failed files</source>
        <translation>Reintentar los archivos fallidos</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="103"/>
        <source>Close the summary</source>
        <translation>Cerrar el resumen</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="104"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="128"/>
        <source>The batch could not start.</source>
        <translation>No se pudo iniciar el lote.</translation>
    </message>
</context>
<context>
    <name>SummaryText</name>
    <message numerus="yes">
        <location filename="../../app/notify.py" line="38"/>
        <source>%1 done</source>
        <translation>
            <numerusform>%1 terminado</numerusform>
            <numerusform>%1 terminados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/notify.py" line="40"/>
        <source>%1 failed</source>
        <translation>
            <numerusform>%1 fallido</numerusform>
            <numerusform>%1 fallidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/notify.py" line="42"/>
        <source>%1 skipped</source>
        <translation>
            <numerusform>%1 omitido</numerusform>
            <numerusform>%1 omitidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/notify.py" line="44"/>
        <source>%1 cancelled</source>
        <translation>
            <numerusform>%1 cancelado</numerusform>
            <numerusform>%1 cancelados</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="46"/>
        <source>Batch stopped: {counts} in {duration}.</source>
        <translation>Lote detenido: {counts} en {duration}.</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="48"/>
        <source>Batch cancelled: {counts} in {duration}.</source>
        <translation>Lote cancelado: {counts} en {duration}.</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="50"/>
        <source>Batch finished: {counts} in {duration}.</source>
        <translation>Lote terminado: {counts} en {duration}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/notify.py" line="54"/>
        <source>… and %1 more (filter: {filter})</source>
        <translation>
            <numerusform>… y %1 más (filtro: {filter})</numerusform>
            <numerusform>… y %1 más (filtro: {filter})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <location filename="../../app/task_panel.py" line="41"/>
        <source>Skip the file</source>
        <translation>Omitir el archivo</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="42"/>
        <source>Write beside it with a new name</source>
        <translation>Escribir al lado con otro nombre</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="43"/>
        <source>Overwrite it</source>
        <translation>Sobrescribirlo</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="80"/>
        <location filename="../../app/task_panel.py" line="83"/>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="88"/>
        <source>Task:</source>
        <translation>Tarea:</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="93"/>
        <source>Preset</source>
        <translation>Preajuste</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="94"/>
        <source>Ready-made option values for this task</source>
        <translation>Valores de opciones listos para esta tarea</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="95"/>
        <source>Preset:</source>
        <translation>Preajuste:</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="98"/>
        <source>Options</source>
        <translation>Opciones</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="104"/>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="108"/>
        <location filename="../../app/task_panel.py" line="247"/>
        <source>Output folder</source>
        <translation>Carpeta de salida</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="109"/>
        <source>beside the first folder added</source>
        <translation>junto a la primera carpeta añadida</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="110"/>
        <source>Where outputs are written; the source tree is mirrored inside it</source>
        <translation>Dónde se escriben los resultados; dentro se reproduce la estructura de las carpetas de origen</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="111"/>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="112"/>
        <source>Choose output folder</source>
        <translation>Elegir la carpeta de salida</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="115"/>
        <source>Folder:</source>
        <translation>Carpeta:</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="117"/>
        <source>If an output exists</source>
        <translation>Si ya existe un resultado</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="120"/>
        <source>If it exists:</source>
        <translation>Si ya existe:</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="128"/>
        <source>No task could be loaded. Check the installation (tasks register under the batchpilot.tasks entry points).</source>
        <translation>No se pudo cargar ninguna tarea. Compruebe la instalación (las tareas se registran en los puntos de entrada batchpilot.tasks).</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="219"/>
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
</context>
<context>
    <name>TaskText</name>
    <message>
        <source>Parse documents</source>
        <extracomment>title of the task &quot;parse&quot;</extracomment>
        <translation>Analizar documentos</translation>
    </message>
    <message>
        <source>Extract the text and metadata of PDFs, Word files, web pages, e-books, text, CSV, JSON and XML into one file per document, plus an index of the batch.</source>
        <extracomment>description of the task &quot;parse&quot;</extracomment>
        <translation>Extraer el texto y los metadatos de PDF, archivos de Word, páginas web, libros electrónicos, texto, CSV, JSON y XML en un archivo por documento, más un índice del lote.</translation>
    </message>
    <message>
        <source>text only</source>
        <extracomment>preset of the task &quot;parse&quot;</extracomment>
        <translation>solo texto</translation>
    </message>
    <message>
        <source>metadata only</source>
        <extracomment>preset of the task &quot;parse&quot;</extracomment>
        <translation>solo metadatos</translation>
    </message>
    <message>
        <source>markdown</source>
        <extracomment>preset of the task &quot;parse&quot;</extracomment>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>first pages</source>
        <extracomment>preset of the task &quot;parse&quot;</extracomment>
        <translation>primeras páginas</translation>
    </message>
    <message>
        <source>Output format</source>
        <extracomment>label of the option &quot;output_format&quot; (parse)</extracomment>
        <translation>Formato de salida</translation>
    </message>
    <message>
        <source>what each document becomes: json (text and metadata), txt (text) or md</source>
        <extracomment>help of the option &quot;output_format&quot; (parse)</extracomment>
        <translation>en qué se convierte cada documento: json (texto y metadatos), txt (texto) o md</translation>
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
        <translation>Formato del índice</translation>
    </message>
    <message>
        <source>the batch index in the output folder: index.jsonl or index.csv</source>
        <extracomment>help of the option &quot;index_format&quot; (parse)</extracomment>
        <translation>el índice del lote en la carpeta de salida: index.jsonl o index.csv</translation>
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
        <translation>Incluir texto</translation>
    </message>
    <message>
        <source>put the extracted text in .json outputs (off: metadata only)</source>
        <extracomment>help of the option &quot;include_text&quot; (parse)</extracomment>
        <translation>poner el texto extraído en los resultados .json (desactivado: solo metadatos)</translation>
    </message>
    <message>
        <source>Max pages</source>
        <extracomment>label of the option &quot;max_pages&quot; (parse)</extracomment>
        <translation>Máx. páginas</translation>
    </message>
    <message>
        <source>read at most this many pages of a PDF; the rest is noted as a warning</source>
        <extracomment>help of the option &quot;max_pages&quot; (parse)</extracomment>
        <translation>leer como mucho este número de páginas de un PDF; el resto se anota como aviso</translation>
    </message>
    <message>
        <source>PDF password</source>
        <extracomment>label of the option &quot;pdf_password&quot; (parse)</extracomment>
        <translation>Contraseña de PDF</translation>
    </message>
    <message>
        <source>password tried on encrypted PDFs (empty: they fail with a note)</source>
        <extracomment>help of the option &quot;pdf_password&quot; (parse)</extracomment>
        <translation>contraseña que se prueba en los PDF cifrados (vacío: fallan con una nota)</translation>
    </message>
    <message>
        <source>Max input MB</source>
        <extracomment>label of the option &quot;max_input_mb&quot; (parse)</extracomment>
        <translation>Máx. MB de entrada</translation>
    </message>
    <message>
        <source>largest file read whole (PDFs excepted); longer plain text is cut</source>
        <extracomment>help of the option &quot;max_input_mb&quot; (parse)</extracomment>
        <translation>archivo más grande que se lee entero (salvo PDF); el texto plano más largo se recorta</translation>
    </message>
    <message>
        <source>Zip</source>
        <extracomment>title of the task &quot;zip&quot;</extracomment>
        <translation>Comprimir</translation>
    </message>
    <message>
        <source>Pack files into .zip, .tar.gz, .tar.xz or .tar.zst archives (one per file, one per folder, or one for everything), checked after writing; or safely unpack archives.</source>
        <extracomment>description of the task &quot;zip&quot;</extracomment>
        <translation>Empaquetar archivos en archivos comprimidos .zip, .tar.gz, .tar.xz o .tar.zst (uno por archivo, uno por carpeta o uno para todo), comprobados tras escribirlos; o descomprimir archivos comprimidos de forma segura.</translation>
    </message>
    <message>
        <source>zip per file</source>
        <extracomment>preset of the task &quot;zip&quot;</extracomment>
        <translation>un zip por archivo</translation>
    </message>
    <message>
        <source>zip per folder</source>
        <extracomment>preset of the task &quot;zip&quot;</extracomment>
        <translation>un zip por carpeta</translation>
    </message>
    <message>
        <source>one .zip</source>
        <extracomment>preset of the task &quot;zip&quot;</extracomment>
        <translation>un solo .zip</translation>
    </message>
    <message>
        <source>one .tar.zst</source>
        <extracomment>preset of the task &quot;zip&quot;</extracomment>
        <translation>un solo .tar.zst</translation>
    </message>
    <message>
        <source>extract archives</source>
        <extracomment>preset of the task &quot;zip&quot;</extracomment>
        <translation>descomprimir</translation>
    </message>
    <message>
        <source>Mode</source>
        <extracomment>label of the option &quot;mode&quot; (zip)</extracomment>
        <translation>Modo</translation>
    </message>
    <message>
        <source>per-file, per-folder (one per top-level folder), selection (one archive of everything) or extract (unpack .zip and tar archives)</source>
        <extracomment>help of the option &quot;mode&quot; (zip)</extracomment>
        <translation>por archivo, por carpeta (uno por carpeta de primer nivel), selección (un archivo comprimido con todo) o descomprimir (extraer archivos .zip y tar)</translation>
    </message>
    <message>
        <source>per-file</source>
        <extracomment>value of the option &quot;mode&quot; (zip); keep technical names as they are</extracomment>
        <translation>por archivo</translation>
    </message>
    <message>
        <source>per-folder</source>
        <extracomment>value of the option &quot;mode&quot; (zip); keep technical names as they are</extracomment>
        <translation>por carpeta</translation>
    </message>
    <message>
        <source>selection</source>
        <extracomment>value of the option &quot;mode&quot; (zip); keep technical names as they are</extracomment>
        <translation>selección</translation>
    </message>
    <message>
        <source>extract</source>
        <extracomment>value of the option &quot;mode&quot; (zip); keep technical names as they are</extracomment>
        <translation>descomprimir</translation>
    </message>
    <message>
        <source>Format</source>
        <extracomment>label of the option &quot;format&quot; (zip); label of the option &quot;format&quot; (encode)</extracomment>
        <translation>Formato</translation>
    </message>
    <message>
        <source>archive format to write</source>
        <extracomment>help of the option &quot;format&quot; (zip)</extracomment>
        <translation>formato del archivo comprimido</translation>
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
        <translation>Método zip</translation>
    </message>
    <message>
        <source>how .zip members are compressed</source>
        <extracomment>help of the option &quot;zip_method&quot; (zip)</extracomment>
        <translation>cómo se comprimen los elementos de un .zip</translation>
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
        <translation>sin compresión</translation>
    </message>
    <message>
        <source>Level</source>
        <extracomment>label of the option &quot;level&quot; (zip)</extracomment>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>compression level, -1 for the format&apos;s default (6; 9 for bzip2, 3 for zstd); up to 9, or 22 for zstd; higher is smaller and slower</source>
        <extracomment>help of the option &quot;level&quot; (zip)</extracomment>
        <translation>nivel de compresión, -1 para el valor por omisión del formato (6; 9 para bzip2, 3 para zstd); hasta 9, o 22 para zstd; más alto es más pequeño y más lento</translation>
    </message>
    <message>
        <source>Verify</source>
        <extracomment>label of the option &quot;verify&quot; (zip)</extracomment>
        <translation>Verificar</translation>
    </message>
    <message>
        <source>read every archive back after writing; one that fails is removed</source>
        <extracomment>help of the option &quot;verify&quot; (zip)</extracomment>
        <translation>volver a leer cada archivo comprimido tras escribirlo; si falla, se elimina</translation>
    </message>
    <message>
        <source>Archive name</source>
        <extracomment>label of the option &quot;archive_name&quot; (zip)</extracomment>
        <translation>Nombre del archivo comprimido</translation>
    </message>
    <message>
        <source>name of the archive in selection mode (default: the folder&apos;s name)</source>
        <extracomment>help of the option &quot;archive_name&quot; (zip)</extracomment>
        <translation>nombre del archivo comprimido en el modo selección (por omisión: el nombre de la carpeta)</translation>
    </message>
    <message>
        <source>Max total MB</source>
        <extracomment>label of the option &quot;max_total_mb&quot; (zip)</extracomment>
        <translation>Máx. MB en total</translation>
    </message>
    <message>
        <source>extract: stop when one archive unpacks to more than this many MB</source>
        <extracomment>help of the option &quot;max_total_mb&quot; (zip)</extracomment>
        <translation>descomprimir: parar si un archivo comprimido ocupa más de estos MB al extraerlo</translation>
    </message>
    <message>
        <source>Max ratio</source>
        <extracomment>label of the option &quot;max_ratio&quot; (zip)</extracomment>
        <translation>Proporción máx.</translation>
    </message>
    <message>
        <source>extract: stop when an archive unpacks to more than this many times its size (zip bombs)</source>
        <extracomment>help of the option &quot;max_ratio&quot; (zip)</extracomment>
        <translation>descomprimir: parar si un archivo comprimido crece más de estas veces su tamaño (bombas zip)</translation>
    </message>
    <message>
        <source>Max files</source>
        <extracomment>label of the option &quot;max_files&quot; (zip)</extracomment>
        <translation>Máx. archivos</translation>
    </message>
    <message>
        <source>extract: refuse archives with more members than this</source>
        <extracomment>help of the option &quot;max_files&quot; (zip)</extracomment>
        <translation>descomprimir: rechazar archivos comprimidos con más elementos que estos</translation>
    </message>
    <message>
        <source>Skip unsafe</source>
        <extracomment>label of the option &quot;skip_unsafe&quot; (zip)</extracomment>
        <translation>Omitir inseguros</translation>
    </message>
    <message>
        <source>extract: leave out members that would land outside the folder instead of failing the archive</source>
        <extracomment>help of the option &quot;skip_unsafe&quot; (zip)</extracomment>
        <translation>descomprimir: omitir los elementos que irían fuera de la carpeta en vez de dar por fallido el archivo comprimido</translation>
    </message>
    <message>
        <source>Encode media</source>
        <extracomment>title of the task &quot;encode&quot;</extracomment>
        <translation>Convertir medios</translation>
    </message>
    <message>
        <source>Convert videos (H.264, H.265, VP9, AV1), sound (MP3, AAC, Opus, FLAC) and pictures (JPEG, WebP, PNG); every output is checked before it is kept</source>
        <extracomment>description of the task &quot;encode&quot;</extracomment>
        <translation>Convertir vídeos (H.264, H.265, VP9, AV1), sonido (MP3, AAC, Opus, FLAC) e imágenes (JPEG, WebP, PNG); cada resultado se comprueba antes de conservarlo</translation>
    </message>
    <message>
        <source>mp4-h264</source>
        <extracomment>preset of the task &quot;encode&quot;; value of the option &quot;format&quot; (encode); keep technical names as they are</extracomment>
        <translation>mp4-h264</translation>
    </message>
    <message>
        <source>mp4-h265</source>
        <extracomment>preset of the task &quot;encode&quot;; value of the option &quot;format&quot; (encode); keep technical names as they are</extracomment>
        <translation>mp4-h265</translation>
    </message>
    <message>
        <source>webm-vp9</source>
        <extracomment>preset of the task &quot;encode&quot;; value of the option &quot;format&quot; (encode); keep technical names as they are</extracomment>
        <translation>webm-vp9</translation>
    </message>
    <message>
        <source>mkv-av1</source>
        <extracomment>preset of the task &quot;encode&quot;; value of the option &quot;format&quot; (encode); keep technical names as they are</extracomment>
        <translation>mkv-av1</translation>
    </message>
    <message>
        <source>mp3</source>
        <extracomment>preset of the task &quot;encode&quot;; value of the option &quot;format&quot; (encode); keep technical names as they are</extracomment>
        <translation>mp3</translation>
    </message>
    <message>
        <source>aac</source>
        <extracomment>preset of the task &quot;encode&quot;; value of the option &quot;format&quot; (encode); keep technical names as they are</extracomment>
        <translation>aac</translation>
    </message>
    <message>
        <source>opus</source>
        <extracomment>preset of the task &quot;encode&quot;; value of the option &quot;format&quot; (encode); keep technical names as they are</extracomment>
        <translation>opus</translation>
    </message>
    <message>
        <source>flac</source>
        <extracomment>preset of the task &quot;encode&quot;; value of the option &quot;format&quot; (encode); keep technical names as they are</extracomment>
        <translation>flac</translation>
    </message>
    <message>
        <source>jpeg</source>
        <extracomment>preset of the task &quot;encode&quot;; value of the option &quot;format&quot; (encode); keep technical names as they are</extracomment>
        <translation>jpeg</translation>
    </message>
    <message>
        <source>webp</source>
        <extracomment>preset of the task &quot;encode&quot;; value of the option &quot;format&quot; (encode); keep technical names as they are</extracomment>
        <translation>webp</translation>
    </message>
    <message>
        <source>png</source>
        <extracomment>preset of the task &quot;encode&quot;; value of the option &quot;format&quot; (encode); keep technical names as they are</extracomment>
        <translation>png</translation>
    </message>
    <message>
        <source>what each file becomes (video, sound-only or picture format)</source>
        <extracomment>help of the option &quot;format&quot; (encode)</extracomment>
        <translation>en qué se convierte cada archivo (formato de vídeo, solo sonido o imagen)</translation>
    </message>
    <message>
        <source>CRF</source>
        <extracomment>label of the option &quot;crf&quot; (encode)</extracomment>
        <translation>CRF</translation>
    </message>
    <message>
        <source>video quality as CRF, lower is better and bigger; 0 = the codec&apos;s usual (H.264 23, H.265 28, VP9 31, AV1 35)</source>
        <extracomment>help of the option &quot;crf&quot; (encode)</extracomment>
        <translation>calidad de vídeo como CRF, más bajo es mejor y más grande; 0 = el valor habitual del códec (H.264 23, H.265 28, VP9 31, AV1 35)</translation>
    </message>
    <message>
        <source>Video bitrate</source>
        <extracomment>label of the option &quot;video_bitrate&quot; (encode)</extracomment>
        <translation>Tasa de bits de vídeo</translation>
    </message>
    <message>
        <source>video bitrate in kbit/s instead of CRF; 0 = use CRF</source>
        <extracomment>help of the option &quot;video_bitrate&quot; (encode)</extracomment>
        <translation>tasa de bits de vídeo en kbit/s en lugar de CRF; 0 = usar CRF</translation>
    </message>
    <message>
        <source>Speed</source>
        <extracomment>label of the option &quot;speed&quot; (encode)</extracomment>
        <translation>Velocidad</translation>
    </message>
    <message>
        <source>encoder effort: slower gives smaller files at the same quality</source>
        <extracomment>help of the option &quot;speed&quot; (encode)</extracomment>
        <translation>esfuerzo del codificador: más lento da archivos más pequeños con la misma calidad</translation>
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
        <translation>Ancho máx.</translation>
    </message>
    <message>
        <source>shrink wider videos and pictures to this width, aspect kept; 0 = no limit</source>
        <extracomment>help of the option &quot;max_width&quot; (encode)</extracomment>
        <translation>reducir los vídeos e imágenes más anchos a este ancho, manteniendo la proporción; 0 = sin límite</translation>
    </message>
    <message>
        <source>Max height</source>
        <extracomment>label of the option &quot;max_height&quot; (encode)</extracomment>
        <translation>Alto máx.</translation>
    </message>
    <message>
        <source>shrink taller videos and pictures to this height, aspect kept; 0 = no limit</source>
        <extracomment>help of the option &quot;max_height&quot; (encode)</extracomment>
        <translation>reducir los vídeos e imágenes más altos a este alto, manteniendo la proporción; 0 = sin límite</translation>
    </message>
    <message>
        <source>Audio bitrate</source>
        <extracomment>label of the option &quot;audio_bitrate&quot; (encode)</extracomment>
        <translation>Tasa de bits de audio</translation>
    </message>
    <message>
        <source>sound bitrate in kbit/s (not used by FLAC)</source>
        <extracomment>help of the option &quot;audio_bitrate&quot; (encode)</extracomment>
        <translation>tasa de bits del sonido en kbit/s (FLAC no la usa)</translation>
    </message>
    <message>
        <source>Subtitles</source>
        <extracomment>label of the option &quot;subtitles&quot; (encode)</extracomment>
        <translation>Subtítulos</translation>
    </message>
    <message>
        <source>keep subtitle tracks (converted to the text format the container takes)</source>
        <extracomment>help of the option &quot;subtitles&quot; (encode)</extracomment>
        <translation>conservar las pistas de subtítulos (convertidas al formato de texto que admite el contenedor)</translation>
    </message>
    <message>
        <source>Strip metadata</source>
        <extracomment>label of the option &quot;strip_metadata&quot; (encode)</extracomment>
        <translation>Quitar metadatos</translation>
    </message>
    <message>
        <source>drop tags (title, GPS, camera, EXIF, chapters); picture colour profiles are always kept</source>
        <extracomment>help of the option &quot;strip_metadata&quot; (encode)</extracomment>
        <translation>quitar etiquetas (título, GPS, cámara, EXIF, capítulos); los perfiles de color de las imágenes se conservan siempre</translation>
    </message>
    <message>
        <source>Threads</source>
        <extracomment>label of the option &quot;threads&quot; (encode)</extracomment>
        <translation>Hilos</translation>
    </message>
    <message>
        <source>threads per file; 0 = share the cores among the workers</source>
        <extracomment>help of the option &quot;threads&quot; (encode)</extracomment>
        <translation>hilos por archivo; 0 = repartir los núcleos entre los procesos</translation>
    </message>
    <message>
        <source>Image quality</source>
        <extracomment>label of the option &quot;image_quality&quot; (encode)</extracomment>
        <translation>Calidad de imagen</translation>
    </message>
    <message>
        <source>JPEG and WebP quality, 1-100</source>
        <extracomment>help of the option &quot;image_quality&quot; (encode)</extracomment>
        <translation>calidad JPEG y WebP, 1–100</translation>
    </message>
    <message>
        <source>Progressive</source>
        <extracomment>label of the option &quot;progressive&quot; (encode)</extracomment>
        <translation>Progresivo</translation>
    </message>
    <message>
        <source>progressive JPEG (shows coarse-to-fine while loading)</source>
        <extracomment>help of the option &quot;progressive&quot; (encode)</extracomment>
        <translation>JPEG progresivo (se ve de basto a fino mientras carga)</translation>
    </message>
    <message>
        <source>Lossless</source>
        <extracomment>label of the option &quot;lossless&quot; (encode)</extracomment>
        <translation>Sin pérdida</translation>
    </message>
    <message>
        <source>lossless WebP (bigger, exact pixels)</source>
        <extracomment>help of the option &quot;lossless&quot; (encode)</extracomment>
        <translation>WebP sin pérdida (más grande, píxeles exactos)</translation>
    </message>
    <message>
        <source>Optimize</source>
        <extracomment>label of the option &quot;optimize&quot; (encode)</extracomment>
        <translation>Optimizar</translation>
    </message>
    <message>
        <source>spend a little more time for smaller JPEG and PNG files</source>
        <extracomment>help of the option &quot;optimize&quot; (encode)</extracomment>
        <translation>dedicar algo más de tiempo para obtener archivos JPEG y PNG más pequeños</translation>
    </message>
</context>
<context>
    <name>Text</name>
    <message>
        <location filename="../../app/text.py" line="64"/>
        <source>{time} left</source>
        <translation>quedan {time}</translation>
    </message>
</context>
</TS>
