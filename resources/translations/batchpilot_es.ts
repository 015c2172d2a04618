<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../app/controls.py" line="105"/>
        <source>&amp;Resume</source>
        <translation>Rean&amp;udar</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="105"/>
        <location filename="../../app/controls.py" line="147"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="107"/>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="137"/>
        <source>Add &amp;files…</source>
        <translation>Añadir &amp;archivos…</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="139"/>
        <source>Add files to the list</source>
        <translation>Añadir archivos a la lista</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="140"/>
        <source>Add f&amp;older…</source>
        <translation>Añadir &amp;carpeta…</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="141"/>
        <source>Add every file in a folder</source>
        <translation>Añadir todos los archivos de una carpeta</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="142"/>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="108"/>
        <location filename="../../app/controls.py" line="148"/>
        <source>Pause: running files stop where they are</source>
        <translation>Pausa: los archivos en curso se detienen donde están</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="143"/>
        <source>Queue the files as a job and start the queue</source>
        <translation>Poner los archivos en la cola como un trabajo e iniciar la cola</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="144"/>
        <source>Add to &amp;queue</source>
        <translation>Añadir a la c&amp;ola</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="146"/>
        <source>Queue the files as a job without starting it</source>
        <translation>Poner los archivos en la cola como un trabajo sin iniciarlo</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="149"/>
        <source>&amp;Finish running files, then pause</source>
        <translation>&amp;Terminar los archivos en curso y pausar</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="150"/>
        <source>Running files finish; no new file starts</source>
        <translation>Los archivos en curso terminan; no empieza ningún archivo nuevo</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="151"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="152"/>
        <source>Cancel the batch (asks how)</source>
        <translation>Cancelar el lote (pregunta cómo)</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="153"/>
        <source>&amp;Retry failed</source>
        <translation>&amp;Reintentar fallidos</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="154"/>
        <source>Run the failed files again</source>
        <translation>Procesar de nuevo los archivos fallidos</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="155"/>
        <source>Run a&amp;gain</source>
        <translation>&amp;Volver a ejecutar</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="156"/>
        <source>Run the job again: files already done are skipped</source>
        <translation>Volver a ejecutar el trabajo: se omiten los archivos ya terminados</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="157"/>
        <source>&amp;Edit as new job</source>
        <translation>&amp;Editar como trabajo nuevo</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="158"/>
        <source>Make a new job from this job&apos;s files and settings</source>
        <translation>Crear un trabajo nuevo con los archivos y ajustes de este trabajo</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="159"/>
        <source>C&amp;lear finished</source>
        <translation>&amp;Quitar terminados</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="160"/>
        <source>Remove done and skipped files from the list</source>
        <translation>Quitar de la lista los archivos terminados y omitidos</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="161"/>
        <source>Clear the l&amp;ist</source>
        <translation>Vaciar la &amp;lista</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="163"/>
        <source>Remove every file from the new job</source>
        <translation>Quitar todos los archivos del trabajo nuevo</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="164"/>
        <source>&amp;Watch a folder…</source>
        <translation>Vi&amp;gilar una carpeta…</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="166"/>
        <source>Process each file that arrives in a folder, with these settings, while batchpilot runs</source>
        <translation>Procesar cada archivo que llega a una carpeta, con estos ajustes, mientras batchpilot esté abierto</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="168"/>
        <source>Open &amp;output folder</source>
        <translation>Abrir carpeta de &amp;salida</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="169"/>
        <source>Open the output folder in the file manager</source>
        <translation>Abrir la carpeta de salida en el gestor de archivos</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="170"/>
        <source>&amp;Quit</source>
        <translation>Sa&amp;lir</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="172"/>
        <source>Quit batchpilot (asks while a batch runs)</source>
        <translation>Salir de batchpilot (pregunta si hay un lote en curso)</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="173"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="175"/>
        <source>How to use batchpilot and its shortcuts</source>
        <translation>Cómo usar batchpilot y sus atajos de teclado</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="176"/>
        <source>&amp;About batchpilot</source>
        <translation>&amp;Acerca de batchpilot</translation>
    </message>
    <message>
        <location filename="../../app/controls.py" line="177"/>
        <source>Version and credits</source>
        <translation>Versión y créditos</translation>
    </message>
</context>
<context>
    <name>Adding</name>
    <message>
        <location filename="../../app/adding.py" line="42"/>
        <source>Scanning…</source>
        <translation>Buscando archivos…</translation>
    </message>
    <message>
        <location filename="../../app/adding.py" line="50"/>
        <source>Add files</source>
        <translation>Añadir archivos</translation>
    </message>
    <message>
        <location filename="../../app/adding.py" line="59"/>
        <source>Add folder</source>
        <translation>Añadir carpeta</translation>
    </message>
    <message>
        <location filename="../../app/adding.py" line="72"/>
        <source>No recent folders</source>
        <translation>No hay carpetas recientes</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/adding.py" line="79"/>
        <source>Scanning… %1 files</source>
        <translation>
            <numerusform>Buscando archivos… %1 archivo</numerusform>
            <numerusform>Buscando archivos… %1 archivos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/adding.py" line="93"/>
        <source>Scan cancelled; %1 files in the list.</source>
        <translation>
            <numerusform>Búsqueda cancelada; %1 archivo en la lista.</numerusform>
            <numerusform>Búsqueda cancelada; %1 archivos en la lista.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/adding.py" line="95"/>
        <source>No files found in what was added.</source>
        <translation>No se encontraron archivos en lo añadido.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/adding.py" line="97"/>
        <source>%1 files in the list.</source>
        <translation>
            <numerusform>%1 archivo en la lista.</numerusform>
            <numerusform>%1 archivos en la lista.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommandRunner</name>
    <message>
        <location filename="../../app/when_done.py" line="221"/>
        <source>The command {command} was ended by a signal.</source>
        <translation>La orden {command} terminó por una señal.</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="224"/>
        <source>The command {command} finished (exit status 0).</source>
        <translation>La orden {command} terminó (código de salida 0).</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="228"/>
        <source>The command {command} failed with exit status 127 (the shell did not find the program).</source>
        <translation>La orden {command} falló con código de salida 127 (el shell no encontró el programa).</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="231"/>
        <source>The command {command} failed with exit status {code}.</source>
        <translation>La orden {command} falló con código de salida {code}.</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="242"/>
        <source>The command {command} could not start ({reason}).</source>
        <translation>La orden {command} no pudo iniciarse ({reason}).</translation>
    </message>
</context>
<context>
    <name>CountdownDialog</name>
    <message>
        <location filename="../../app/when_done.py" line="111"/>
        <source>Suspend</source>
        <translation>Suspender</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="111"/>
        <source>Power off</source>
        <translation>Apagar</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="112"/>
        <source>Suspending in {seconds} s</source>
        <translation>Suspendiendo en {seconds} s</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="112"/>
        <source>Powering off in {seconds} s</source>
        <translation>Apagando en {seconds} s</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="117"/>
        <source>The queue is done. Cancel to keep the computer on.</source>
        <translation>La cola ha terminado. Cancele para dejar el equipo encendido.</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="121"/>
        <source>Suspend now</source>
        <translation>Suspender ahora</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="121"/>
        <source>Power off now</source>
        <translation>Apagar ahora</translation>
    </message>
</context>
<context>
    <name>DBus</name>
    <message>
        <location filename="../../app/dbus.py" line="37"/>
        <source>{service} is not running here</source>
        <translation>{service} no se está ejecutando aquí</translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="41"/>
        <source>{service} did not answer</source>
        <translation>{service} no respondió</translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="45"/>
        <source>{service} refused ({error})</source>
        <translation>{service} lo rechazó ({error})</translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="49"/>
        <source>there is no D-Bus system bus here</source>
        <translation>aquí no hay bus de sistema D-Bus</translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="60"/>
        <source>the D-Bus connection was lost</source>
        <translation>se perdió la conexión D-Bus</translation>
    </message>
</context>
<context>
    <name>DesktopNotifier</name>
    <message>
        <location filename="../../app/dbus.py" line="343"/>
        <source>Open output</source>
        <translation>Abrir la salida</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../app/dialogs.py" line="61"/>
        <source>Drop files or folders on the window (or use &lt;b&gt;Add files…&lt;/b&gt; / &lt;b&gt;Add folder…&lt;/b&gt;), choose a task and its options on the left, then press &lt;b&gt;Start&lt;/b&gt;. Each file is worked on in a separate process; a file that fails never stops the others, and the sources are never changed.</source>
        <translation>Suelte archivos o carpetas en la ventana (o use &lt;b&gt;Añadir archivos…&lt;/b&gt; / &lt;b&gt;Añadir carpeta…&lt;/b&gt;), elija una tarea y sus opciones a la izquierda y pulse &lt;b&gt;Iniciar&lt;/b&gt;. Cada archivo se procesa en un proceso aparte; un archivo que falla nunca detiene a los demás, y los originales nunca se modifican.</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="66"/>
        <source>Outputs go to the output folder, mirroring the source folders. By default that is a folder beside the first folder added, named after it and the task: &lt;i&gt;folder&lt;/i&gt;-parsed, &lt;i&gt;folder&lt;/i&gt;-zipped or &lt;i&gt;folder&lt;/i&gt;-encoded. Double-click a finished file to open its output, or a failed one to read why it failed.</source>
        <translation>Los resultados van a la carpeta de salida, que reproduce la estructura de las carpetas de origen. Por omisión es una carpeta junto a la primera carpeta añadida, con su nombre y el de la tarea: &lt;i&gt;carpeta-parsed&lt;/i&gt;, &lt;i&gt;carpeta-zipped&lt;/i&gt; o &lt;i&gt;carpeta-encoded&lt;/i&gt;. Haga doble clic en un archivo terminado para abrir su resultado, o en uno fallido para ver por qué falló.</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="86"/>
        <location filename="../../app/dialogs.py" line="87"/>
        <source>Cancel the batch?</source>
        <translation>¿Cancelar el lote?</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="88"/>
        <source>Files not started yet will not be worked on. Files being worked on now can finish first, or be stopped at once (their partial outputs are removed).</source>
        <translation>Los archivos que aún no han empezado no se procesarán. Los archivos en curso pueden terminar primero o detenerse al instante (sus resultados parciales se eliminan).</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="91"/>
        <source>Finish running files</source>
        <translation>Terminar los archivos en curso</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="92"/>
        <source>Stop now</source>
        <translation>Detener ya</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="93"/>
        <source>Keep going</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="108"/>
        <source>Quit batchpilot?</source>
        <translation>¿Salir de batchpilot?</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="109"/>
        <source>A batch is running. Quit and stop it now? Finished files are kept; files being worked on are stopped and their partial outputs removed.</source>
        <translation>Hay un lote en curso. ¿Salir y detenerlo ahora? Los archivos terminados se conservan; los archivos en curso se detienen y sus resultados parciales se eliminan.</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="117"/>
        <source>batchpilot help</source>
        <translation>Ayuda de batchpilot</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="123"/>
        <source>About batchpilot</source>
        <translation>Acerca de batchpilot</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="125"/>
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
        <location filename="../../app/bridge.py" line="172"/>
        <source>The worker processes could not be started: {problem}</source>
        <translation>No se pudieron iniciar los procesos de trabajo: {problem}</translation>
    </message>
    <message>
        <location filename="../../app/bridge.py" line="193"/>
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
        <location filename="../../app/file_list.py" line="111"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="114"/>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="125"/>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="296"/>
        <source>Open source folder</source>
        <translation>Abrir carpeta de origen</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="297"/>
        <source>Open output</source>
        <translation>Abrir resultado</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="299"/>
        <source>Show in folder</source>
        <translation>Mostrar en la carpeta</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="300"/>
        <source>Show log</source>
        <translation>Mostrar registro</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="302"/>
        <source>Copy error</source>
        <translation>Copiar error</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="306"/>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../../app/file_list.py" line="156"/>
        <location filename="../../app/file_list.py" line="309"/>
        <source>Remove from list</source>
        <translation>Quitar de la lista</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/file_list.py" line="318"/>
        <source>%1 files</source>
        <translation>
            <numerusform>%1 archivo</numerusform>
            <numerusform>%1 archivos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/file_list.py" line="321"/>
        <source>%1 running</source>
        <translation>
            <numerusform>%1 en curso</numerusform>
            <numerusform>%1 en curso</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/file_list.py" line="323"/>
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
        <location filename="../../app/job_area.py" line="39"/>
        <source>Overall progress</source>
        <translation>Progreso total</translation>
    </message>
    <message>
        <location filename="../../app/job_area.py" line="43"/>
        <source>Add files or folders to begin.</source>
        <translation>Añada archivos o carpetas para empezar.</translation>
    </message>
    <message>
        <location filename="../../app/job_area.py" line="44"/>
        <source>Batch status</source>
        <translation>Estado del lote</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/job_area.py" line="55"/>
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
        <location filename="../../app/job_model.py" line="52"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="53"/>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="53"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="52"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="52"/>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="53"/>
        <source>Elapsed</source>
        <translation>Duración</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="54"/>
        <source>Output or reason</source>
        <translation>Resultado o motivo</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="118"/>
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
        <location filename="../../app/job_runner.py" line="192"/>
        <source>item {number}</source>
        <translation>elemento {number}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/job_runner.py" line="206"/>
        <source>Started: %1 files to work on, {skipped} skipped; output in {folder}</source>
        <translation>
            <numerusform>Iniciado: %1 archivo por procesar, {skipped} omitidos; salida en {folder}</numerusform>
            <numerusform>Iniciado: %1 archivos por procesar, {skipped} omitidos; salida en {folder}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/job_runner.py" line="261"/>
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
        <location filename="../../app/log_dock.py" line="118"/>
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
        <location filename="../../app/log_dock.py" line="147"/>
        <source>Source: {path}</source>
        <translation>Origen: {path}</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="149"/>
        <source>Output: {path}</source>
        <translation>Resultado: {path}</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="153"/>
        <source>{status} in {duration}</source>
        <translation>{status} en {duration}</translation>
    </message>
    <message>
        <location filename="../../app/log_dock.py" line="156"/>
        <source>Messages from the task:</source>
        <translation>Mensajes de la tarea:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/main_window.py" line="128"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="130"/>
        <source>&amp;Recent folders</source>
        <translation>Carpetas &amp;recientes</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="134"/>
        <source>&amp;Batch</source>
        <translation>&amp;Lote</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="141"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="142"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="144"/>
        <source>Main toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="189"/>
        <source>&amp;Log panel</source>
        <translation>Panel de &amp;registro</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="197"/>
        <source>Cancel scan</source>
        <translation>Cancelar búsqueda</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="198"/>
        <source>Cancel the folder scan</source>
        <translation>Cancelar la búsqueda en las carpetas</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="343"/>
        <source>Preparing the files…</source>
        <translation>Preparando los archivos…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="345"/>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="346"/>
        <source>Finishing the running files…</source>
        <translation>Terminando los archivos en curso…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/main_window.py" line="348"/>
        <source>%1 files wait for their turn in the queue.</source>
        <translation>
            <numerusform>%1 archivo espera su turno en la cola.</numerusform>
            <numerusform>%1 archivos esperan su turno en la cola.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="394"/>
        <source>The batch could not start.</source>
        <translation>No se pudo iniciar el lote.</translation>
    </message>
</context>
<context>
    <name>OptionsForm</name>
    <message>
        <location filename="../../app/options_form.py" line="91"/>
        <source>auto</source>
        <translation>automático</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="163"/>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="164"/>
        <source>Choose {option}</source>
        <translation>Elegir {option}</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="196"/>
        <source>empty: none</source>
        <translation>vacío: ninguno</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="206"/>
        <source>comma-separated</source>
        <translation>separados por comas</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="290"/>
        <source>This task has no options.</source>
        <translation>Esta tarea no tiene opciones.</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="298"/>
        <source>{option}:</source>
        <translation>{option}:</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="390"/>
        <source>Fewer options</source>
        <translation>Menos opciones</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/options_form.py" line="393"/>
        <source>More options (%n changed)</source>
        <translation>
            <numerusform>Más opciones (%n cambiada)</numerusform>
            <numerusform>Más opciones (%n cambiadas)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/options_form.py" line="395"/>
        <source>More options (%n)</source>
        <translation>
            <numerusform>Más opciones (%n)</numerusform>
            <numerusform>Más opciones (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="396"/>
        <source>More options</source>
        <translation>Más opciones</translation>
    </message>
    <message>
        <location filename="../../app/options_form.py" line="397"/>
        <source>Show or hide the options most batches leave as they are</source>
        <translation>Mostrar u ocultar las opciones que la mayoría de los lotes dejan como están</translation>
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
    <name>Overnight</name>
    <message>
        <location filename="../../app/overnight.py" line="85"/>
        <source>The queue is done, but watch folders are active: “When the queue is done” waits for them to be paused or removed.</source>
        <translation>La cola ha terminado, pero hay carpetas vigiladas activas: «Cuando la cola acabe» espera a que se pausen o se quiten.</translation>
    </message>
</context>
<context>
    <name>PowerActions</name>
    <message>
        <location filename="../../app/dbus.py" line="217"/>
        <source>this user is not allowed to (logind&apos;s {method} says no)</source>
        <translation>este usuario no tiene permiso ({method} de logind responde no)</translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="220"/>
        <source>this computer does not support it (logind&apos;s {method} says {answer})</source>
        <translation>este equipo no lo admite ({method} de logind responde {answer})</translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="235"/>
        <source>Cannot suspend: {reason}.</source>
        <translation>No se puede suspender: {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="237"/>
        <source>Cannot power off: {reason}.</source>
        <translation>No se puede apagar: {reason}.</translation>
    </message>
</context>
<context>
    <name>PresetBox</name>
    <message>
        <location filename="../../app/preset_box.py" line="89"/>
        <source>Preset</source>
        <translation>Preajuste</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="93"/>
        <source>Preset actions</source>
        <translation>Acciones de preajustes</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="94"/>
        <source>Save the options as a preset; rename, delete, import or export your presets</source>
        <translation>Guardar las opciones como preajuste; cambiar el nombre, eliminar, importar o exportar sus preajustes</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="98"/>
        <source>&amp;Save as preset…</source>
        <translation>&amp;Guardar como preajuste…</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="99"/>
        <source>&amp;Rename…</source>
        <translation>Cambiar &amp;nombre…</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="100"/>
        <location filename="../../app/preset_box.py" line="216"/>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="102"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="103"/>
        <source>&amp;Export…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="178"/>
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="179"/>
        <source>The options as they are in the form</source>
        <translation>Las opciones tal como están en el formulario</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="190"/>
        <source>Ready-made option values: the task&apos;s own, then the ones you saved</source>
        <translation>Valores de opciones ya preparados: los de la tarea y después los que ha guardado</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="214"/>
        <source>&amp;Delete “{name}”</source>
        <translation>&amp;Eliminar «{name}»</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="224"/>
        <source>batchpilot presets (*.json);;All files (*)</source>
        <translation>Preajustes de batchpilot (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="233"/>
        <source>Presets</source>
        <translation>Preajustes</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="249"/>
        <source>The preset “{name}” does not fit this version of the task: {reason}.</source>
        <translation>El preajuste «{name}» no es compatible con esta versión de la tarea: {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="268"/>
        <source>The options cannot be saved as a preset: {reason}.</source>
        <translation>No se pueden guardar las opciones como preajuste: {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="273"/>
        <source>Save as preset</source>
        <translation>Guardar como preajuste</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="274"/>
        <source>Name of the preset (one of the same name is replaced):</source>
        <translation>Nombre del preajuste (si ya existe uno con ese nombre, se reemplaza):</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="282"/>
        <source>Rename preset</source>
        <translation>Cambiar el nombre del preajuste</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="282"/>
        <source>New name of the preset:</source>
        <translation>Nuevo nombre del preajuste:</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="308"/>
        <source>Import a preset</source>
        <translation>Importar un preajuste</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="324"/>
        <source>The options cannot be exported: {reason}.</source>
        <translation>No se pueden exportar las opciones: {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="328"/>
        <location filename="../../app/preset_box.py" line="333"/>
        <source>Export a preset</source>
        <translation>Exportar un preajuste</translation>
    </message>
    <message>
        <location filename="../../app/preset_box.py" line="328"/>
        <source>Name of the preset:</source>
        <translation>Nombre del preajuste:</translation>
    </message>
</context>
<context>
    <name>QueueControl</name>
    <message>
        <location filename="../../app/queue_control.py" line="51"/>
        <source>An option is not valid: {problem}</source>
        <translation>Una opción no es válida: {problem}</translation>
    </message>
    <message>
        <location filename="../../app/queue_control.py" line="65"/>
        <source>Next to the sources works on this computer only; choose an output folder to run on a Dask cluster.</source>
        <translation>«Junto a los originales» solo funciona en este equipo; elija una carpeta de salida para trabajar en un clúster Dask.</translation>
    </message>
    <message>
        <location filename="../../app/queue_control.py" line="103"/>
        <source>Queued: {job}. Press Start (Ctrl+Return) to run the queue.</source>
        <translation>En la cola: {job}. Pulse Iniciar (Ctrl+Intro) para ejecutar la cola.</translation>
    </message>
    <message>
        <location filename="../../app/queue_control.py" line="156"/>
        <source>On a Dask cluster, Pause lets the running files finish; no new file starts until you resume.</source>
        <translation>En un clúster Dask, Pausar deja terminar los archivos en curso; no empieza ningún archivo nuevo hasta que reanude.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/queue_control.py" line="196"/>
        <source>The queue is stopped: %1 jobs wait. Press Start to go on.</source>
        <translation>
            <numerusform>La cola está detenida: %1 trabajo en espera. Pulse Iniciar para continuar.</numerusform>
            <numerusform>La cola está detenida: %1 trabajos en espera. Pulse Iniciar para continuar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../app/queue_panel.py" line="41"/>
        <source>not queued</source>
        <translation>fuera de la cola</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="42"/>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="43"/>
        <location filename="../../app/queue_panel.py" line="46"/>
        <source>paused</source>
        <translation>en pausa</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="44"/>
        <source>preparing</source>
        <translation>preparando</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="45"/>
        <source>running</source>
        <translation>en curso</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="47"/>
        <source>stopping</source>
        <translation>deteniendo</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="48"/>
        <source>done</source>
        <translation>terminado</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="49"/>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="50"/>
        <source>could not start</source>
        <translation>no se pudo iniciar</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="64"/>
        <source>Job</source>
        <translation>Trabajo</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="64"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="64"/>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="64"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="64"/>
        <source>Elapsed</source>
        <translation>Duración</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="65"/>
        <source>Left</source>
        <translation>Restante</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="67"/>
        <source>New job</source>
        <translation>Trabajo nuevo</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="151"/>
        <source>watching</source>
        <translation>vigilando</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/queue_panel.py" line="154"/>
        <source>%1 done today</source>
        <translation>
            <numerusform>%1 hecho hoy</numerusform>
            <numerusform>%1 hechos hoy</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/queue_panel.py" line="176"/>
        <source>%1 files</source>
        <translation>
            <numerusform>%1 archivo</numerusform>
            <numerusform>%1 archivos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/queue_panel.py" line="177"/>
        <source>%2 of %1</source>
        <translation>
            <numerusform>%2 de %1</numerusform>
            <numerusform>%2 de %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/queue_panel.py" line="156"/>
        <location filename="../../app/queue_panel.py" line="181"/>
        <source>%1 failed</source>
        <translation>
            <numerusform>%1 fallido</numerusform>
            <numerusform>%1 fallidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/queue_panel.py" line="183"/>
        <source>%1 skipped</source>
        <translation>
            <numerusform>%1 omitido</numerusform>
            <numerusform>%1 omitidos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../app/queue_panel.py" line="230"/>
        <source>Queue of jobs</source>
        <translation>Cola de trabajos</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="251"/>
        <source>Move the job up</source>
        <translation>Subir el trabajo</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="252"/>
        <source>Move the job down</source>
        <translation>Bajar el trabajo</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="253"/>
        <source>Pause or resume the job</source>
        <translation>Pausar o reanudar el trabajo</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="254"/>
        <source>Cancel the job</source>
        <translation>Cancelar el trabajo</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="255"/>
        <source>Remove the job from the queue</source>
        <translation>Quitar el trabajo de la cola</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="256"/>
        <source>Open the job&apos;s output folder</source>
        <translation>Abrir la carpeta de salida del trabajo</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="257"/>
        <source>Retry the job&apos;s failed files</source>
        <translation>Reintentar los archivos fallidos del trabajo</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="258"/>
        <source>Run the job again (files already done are skipped)</source>
        <translation>Volver a ejecutar el trabajo (se omiten los archivos ya terminados)</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="259"/>
        <source>Edit as a new job: its files and settings become the new job</source>
        <translation>Editar como trabajo nuevo: sus archivos y ajustes pasan al trabajo nuevo</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="322"/>
        <source>Resume the job</source>
        <translation>Reanudar el trabajo</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="322"/>
        <source>Pause the job</source>
        <translation>Pausar el trabajo</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="338"/>
        <source>Pause the watch</source>
        <translation>Pausar la vigilancia</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="338"/>
        <source>Resume the watch</source>
        <translation>Reanudar la vigilancia</translation>
    </message>
    <message>
        <location filename="../../app/queue_panel.py" line="339"/>
        <source>Stop watching the folder</source>
        <translation>Dejar de vigilar la carpeta</translation>
    </message>
</context>
<context>
    <name>ResumeOffer</name>
    <message>
        <location filename="../../app/queue_saver.py" line="144"/>
        <source>Unfinished jobs</source>
        <translation>Trabajos sin terminar</translation>
    </message>
    <message>
        <location filename="../../app/queue_saver.py" line="149"/>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <location filename="../../app/queue_saver.py" line="149"/>
        <source>Run them now; files already done are skipped</source>
        <translation>Ejecutarlos ahora; se omiten los archivos ya terminados</translation>
    </message>
    <message>
        <location filename="../../app/queue_saver.py" line="150"/>
        <source>Re&amp;view</source>
        <translation>Revi&amp;sar</translation>
    </message>
    <message>
        <location filename="../../app/queue_saver.py" line="150"/>
        <source>Put them in the queue without starting</source>
        <translation>Ponerlos en la cola sin iniciarlos</translation>
    </message>
    <message>
        <location filename="../../app/queue_saver.py" line="151"/>
        <source>&amp;Discard</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <location filename="../../app/queue_saver.py" line="151"/>
        <source>Forget them (their finished outputs stay)</source>
        <translation>Olvidarlos (sus resultados ya terminados se conservan)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/queue_saver.py" line="167"/>
        <source>%1 jobs were not finished when batchpilot last closed ({names}).</source>
        <translation>
            <numerusform>%1 trabajo no había terminado cuando batchpilot se cerró por última vez ({names}).</numerusform>
            <numerusform>%1 trabajos no habían terminado cuando batchpilot se cerró por última vez ({names}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunOnBox</name>
    <message>
        <location filename="../../app/run_on.py" line="38"/>
        <source>Enter the Dask scheduler&apos;s address, for example dask://render-box:8786.</source>
        <translation>Escriba la dirección del scheduler de Dask, por ejemplo dask://render-box:8786.</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="59"/>
        <location filename="../../app/run_on.py" line="71"/>
        <source>Run on</source>
        <translation>Ejecutar en</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="72"/>
        <source>This computer</source>
        <translation>Este equipo</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="73"/>
        <source>A Dask cluster</source>
        <translation>Un clúster Dask</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="78"/>
        <source>Send the files to the workers of a running Dask scheduler; inputs and outputs must be on folders every worker mounts</source>
        <translation>Enviar los archivos a los workers de un scheduler de Dask en marcha; las entradas y los resultados deben estar en carpetas que monte cada worker</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="82"/>
        <source>Running on a Dask cluster needs the dask extra: {command}</source>
        <translation>Para ejecutar en un clúster Dask hace falta el complemento dask: {command}</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="84"/>
        <source>Run on:</source>
        <translation>Ejecutar en:</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="87"/>
        <source>Worker processes</source>
        <translation>Procesos de trabajo</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="89"/>
        <source>Automatic ({cores})</source>
        <translation>Automático ({cores})</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="90"/>
        <source>How many files are worked on at once (automatic: one per CPU core)</source>
        <translation>Cuántos archivos se procesan a la vez (automático: uno por núcleo de CPU)</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="91"/>
        <source>Workers:</source>
        <translation>Procesos:</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="94"/>
        <source>Dask scheduler address</source>
        <translation>Dirección del scheduler de Dask</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="95"/>
        <source>dask://HOST:8786</source>
        <translation>dask://EQUIPO:8786</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="96"/>
        <source>The address `dask scheduler` printed, with dask:// in front</source>
        <translation>La dirección que mostró `dask scheduler`, con dask:// delante</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="97"/>
        <source>Scheduler:</source>
        <translation>Scheduler:</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="100"/>
        <source>Path map</source>
        <translation>Correspondencia de rutas</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="101"/>
        <source>optional: /here=/there; …</source>
        <translation>opcional: /aquí=/allí; …</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="103"/>
        <source>Only when the workers mount the shared folders somewhere else: this computer&apos;s folder, &apos;=&apos;, the same folder on the workers; several separated by &apos;;&apos;</source>
        <translation>Solo si los workers montan las carpetas compartidas en otro sitio: la carpeta de este equipo, «=», la misma carpeta en los workers; varias separadas por «;»</translation>
    </message>
    <message>
        <location filename="../../app/run_on.py" line="105"/>
        <source>Path map:</source>
        <translation>Rutas:</translation>
    </message>
</context>
<context>
    <name>SleepGuard</name>
    <message>
        <location filename="../../app/dbus.py" line="122"/>
        <source>batchpilot: 1 job running</source>
        <translation>batchpilot: 1 trabajo en curso</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/dbus.py" line="123"/>
        <source>batchpilot: %1 jobs running</source>
        <translation>
            <numerusform>batchpilot: %1 trabajo en curso</numerusform>
            <numerusform>batchpilot: %1 trabajos en curso</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="159"/>
        <source>logind ({service}) answered without a lock</source>
        <translation>logind ({service}) respondió sin bloqueo</translation>
    </message>
    <message>
        <location filename="../../app/dbus.py" line="174"/>
        <source>The computer may go to sleep while jobs run: {reason}.</source>
        <translation>El equipo puede suspenderse mientras hay trabajos en curso: {reason}.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../app/job_model.py" line="61"/>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="62"/>
        <source>Running</source>
        <translation>En curso</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="63"/>
        <source>Done</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="64"/>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="65"/>
        <source>Skipped</source>
        <translation>Omitido</translation>
    </message>
    <message>
        <location filename="../../app/job_model.py" line="66"/>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
</context>
<context>
    <name>SummaryBanner</name>
    <message>
        <location filename="../../app/notify.py" line="85"/>
        <source>Batch summary</source>
        <translation>Resumen del lote</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="99"/>
        <source>Show failed</source>
        <translation>Mostrar fallidos</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="100"/>
        <source>Show the failed files</source>
        <translation>Mostrar los archivos fallidos</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="101"/>
        <source>Retry failed</source>
        <translation>Reintentar fallidos</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="102"/>
        <source>Retry the failed files</source>
        <translation>Reintentar los archivos fallidos</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="106"/>
        <source>Close the summary</source>
        <translation>Cerrar el resumen</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="107"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="131"/>
        <source>The batch could not start.</source>
        <translation>No se pudo iniciar el lote.</translation>
    </message>
</context>
<context>
    <name>SummaryText</name>
    <message numerus="yes">
        <location filename="../../app/notify.py" line="41"/>
        <source>%1 done</source>
        <translation>
            <numerusform>%1 terminado</numerusform>
            <numerusform>%1 terminados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/notify.py" line="43"/>
        <source>%1 failed</source>
        <translation>
            <numerusform>%1 fallido</numerusform>
            <numerusform>%1 fallidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/notify.py" line="45"/>
        <source>%1 skipped</source>
        <translation>
            <numerusform>%1 omitido</numerusform>
            <numerusform>%1 omitidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/notify.py" line="47"/>
        <source>%1 cancelled</source>
        <translation>
            <numerusform>%1 cancelado</numerusform>
            <numerusform>%1 cancelados</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="49"/>
        <source>Batch stopped: {counts} in {duration}.</source>
        <translation>Lote detenido: {counts} en {duration}.</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="51"/>
        <source>Batch cancelled: {counts} in {duration}.</source>
        <translation>Lote cancelado: {counts} en {duration}.</translation>
    </message>
    <message>
        <location filename="../../app/notify.py" line="53"/>
        <source>Batch finished: {counts} in {duration}.</source>
        <translation>Lote terminado: {counts} en {duration}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/notify.py" line="57"/>
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
        <location filename="../../app/task_panel.py" line="49"/>
        <source>Skip the file</source>
        <translation>Omitir el archivo</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="50"/>
        <source>Write beside it with a new name</source>
        <translation>Escribir al lado con otro nombre</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="51"/>
        <source>Overwrite it</source>
        <translation>Sobrescribirlo</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="103"/>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="108"/>
        <source>Task:</source>
        <translation>Tarea:</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="114"/>
        <source>Preset:</source>
        <translation>Preajuste:</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="117"/>
        <source>Options</source>
        <translation>Opciones</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="125"/>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="130"/>
        <location filename="../../app/task_panel.py" line="295"/>
        <source>Output folder</source>
        <translation>Carpeta de salida</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="131"/>
        <source>beside the first folder added</source>
        <translation>junto a la primera carpeta añadida</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="132"/>
        <source>Where outputs are written; the source tree is mirrored inside it</source>
        <translation>Dónde se escriben los resultados; dentro se reproduce la estructura de las carpetas de origen</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="133"/>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="134"/>
        <source>Choose output folder</source>
        <translation>Elegir la carpeta de salida</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="137"/>
        <source>Folder:</source>
        <translation>Carpeta:</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="138"/>
        <source>Next to the sources</source>
        <translation>Junto a los originales</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="139"/>
        <source>Write each output in its source&apos;s folder instead; a source is never overwritten</source>
        <translation>Escribir cada salida en la carpeta de su original; nunca se sobrescribe un original</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="143"/>
        <source>File names</source>
        <translation>Nombres de archivo</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="145"/>
        <source>The outputs&apos; names; the task adds its own ending. Fields: {fields}</source>
        <translation>Los nombres de las salidas; la tarea añade su propia extensión. Campos: {fields}</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="147"/>
        <source>File names:</source>
        <translation>Nombres de archivo:</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="149"/>
        <source>If an output exists</source>
        <translation>Si ya existe un resultado</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="152"/>
        <source>If it exists:</source>
        <translation>Si ya existe:</translation>
    </message>
    <message>
        <location filename="../../app/task_panel.py" line="161"/>
        <source>No task could be loaded. Check the installation (tasks register under the batchpilot.tasks entry points).</source>
        <translation>No se pudo cargar ninguna tarea. Compruebe la instalación (las tareas se registran en los puntos de entrada batchpilot.tasks).</translation>
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
        <source>Mode</source>
        <extracomment>label of the option &quot;mode&quot; (zip)</extracomment>
        <translation>Modo</translation>
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
        <extracomment>label of the option &quot;format&quot; (zip)</extracomment>
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
        <translation>Texto y metadatos (JSON)</translation>
    </message>
    <message>
        <source>Plain text</source>
        <extracomment>preset of the task &quot;parse&quot; (--preset text only)</extracomment>
        <translation>Texto plano</translation>
    </message>
    <message>
        <source>Markdown for notes</source>
        <extracomment>preset of the task &quot;parse&quot; (--preset markdown)</extracomment>
        <translation>Markdown para notas</translation>
    </message>
    <message>
        <source>Metadata only, no text</source>
        <extracomment>preset of the task &quot;parse&quot; (--preset metadata only)</extracomment>
        <translation>Solo metadatos, sin texto</translation>
    </message>
    <message>
        <source>Catalogue for a spreadsheet (CSV)</source>
        <extracomment>preset of the task &quot;parse&quot; (--preset catalogue)</extracomment>
        <translation>Catálogo para hoja de cálculo (CSV)</translation>
    </message>
    <message>
        <source>Quick look: first 10 pages</source>
        <extracomment>preset of the task &quot;parse&quot; (--preset first pages)</extracomment>
        <translation>Vistazo rápido: primeras 10 páginas</translation>
    </message>
    <message>
        <source>Scans: OCR every page</source>
        <extracomment>preset of the task &quot;parse&quot; (--preset scans)</extracomment>
        <translation>Escaneos: reconocimiento de texto en cada página</translation>
    </message>
    <message>
        <source>Text and chunks for search</source>
        <extracomment>preset of the task &quot;parse&quot; (--preset search chunks)</extracomment>
        <translation>Texto y fragmentos para búsqueda</translation>
    </message>
    <message>
        <source>none</source>
        <extracomment>shown instead of the automatic value of the option &quot;pdf_password&quot; (parse); shown instead of the automatic value of the option &quot;password&quot; (zip)</extracomment>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>OCR</source>
        <extracomment>label of the option &quot;ocr&quot; (parse)</extracomment>
        <translation>Reconocimiento de texto</translation>
    </message>
    <message>
        <source>read pages by OCR: auto (pages without usable text, and pictures), off, or always (every page)</source>
        <extracomment>help of the option &quot;ocr&quot; (parse)</extracomment>
        <translation>leer páginas con reconocimiento de texto: auto (páginas sin texto utilizable, e imágenes), off (nunca) o always (cada página)</translation>
    </message>
    <message>
        <source>auto</source>
        <extracomment>value of the option &quot;ocr&quot; (parse); keep technical names as they are</extracomment>
        <translation>automático</translation>
    </message>
    <message>
        <source>off</source>
        <extracomment>value of the option &quot;ocr&quot; (parse); keep technical names as they are; shown instead of the automatic value of the option &quot;resume_after&quot; (encode); value of the option &quot;same_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>always</source>
        <extracomment>value of the option &quot;ocr&quot; (parse); keep technical names as they are</extracomment>
        <translation>siempre</translation>
    </message>
    <message>
        <source>OCR languages</source>
        <extracomment>label of the option &quot;ocr_languages&quot; (parse)</extracomment>
        <translation>Idiomas del reconocimiento</translation>
    </message>
    <message>
        <source>Tesseract languages for OCR, joined by + (eng+deu)</source>
        <extracomment>help of the option &quot;ocr_languages&quot; (parse)</extracomment>
        <translation>idiomas de Tesseract para el reconocimiento, unidos con + (eng+spa)</translation>
    </message>
    <message>
        <source>installed</source>
        <extracomment>shown instead of the automatic value of the option &quot;ocr_languages&quot; (parse)</extracomment>
        <translation>los instalados</translation>
    </message>
    <message>
        <source>Chunks</source>
        <extracomment>label of the option &quot;chunks&quot; (parse)</extracomment>
        <translation>Fragmentos</translation>
    </message>
    <message>
        <source>also write a .chunks.jsonl beside each output: the text in overlapping chunks for search</source>
        <extracomment>help of the option &quot;chunks&quot; (parse)</extracomment>
        <translation>escribir también un .chunks.jsonl junto a cada salida: el texto en fragmentos solapados para búsqueda</translation>
    </message>
    <message>
        <source>Chunk size</source>
        <extracomment>label of the option &quot;chunk_size&quot; (parse)</extracomment>
        <translation>Tamaño del fragmento</translation>
    </message>
    <message>
        <source>characters per chunk (about: chunks end at a paragraph, sentence or word)</source>
        <extracomment>help of the option &quot;chunk_size&quot; (parse)</extracomment>
        <translation>caracteres por fragmento (aproximado: un fragmento acaba en un párrafo, frase o palabra)</translation>
    </message>
    <message>
        <source>Chunk overlap</source>
        <extracomment>label of the option &quot;chunk_overlap&quot; (parse)</extracomment>
        <translation>Solapamiento</translation>
    </message>
    <message>
        <source>characters each chunk repeats from the one before (at most half a chunk)</source>
        <extracomment>help of the option &quot;chunk_overlap&quot; (parse)</extracomment>
        <translation>caracteres que cada fragmento repite del anterior (como mucho medio fragmento)</translation>
    </message>
    <message>
        <source>Pack files into .zip, .7z, .tar.gz, .tar.xz or .tar.zst archives (one per file, one per folder, or one for everything; .zip and .7z encrypted with a password), checked after writing; or safely unpack archives.</source>
        <extracomment>description of the task &quot;zip&quot;</extracomment>
        <translation>Empaquetar archivos en .zip, .7z, .tar.gz, .tar.xz o .tar.zst (uno por archivo, uno por carpeta o uno para todo; .zip y .7z cifrados con contraseña), comprobados tras escribirlos; o desempaquetar archivos comprimidos con seguridad.</translation>
    </message>
    <message>
        <source>A .zip of each file</source>
        <extracomment>preset of the task &quot;zip&quot; (--preset zip per file)</extracomment>
        <translation>Un .zip por archivo</translation>
    </message>
    <message>
        <source>A .zip of each folder</source>
        <extracomment>preset of the task &quot;zip&quot; (--preset zip per folder)</extracomment>
        <translation>Un .zip por carpeta</translation>
    </message>
    <message>
        <source>Everything in one .zip</source>
        <extracomment>preset of the task &quot;zip&quot; (--preset one .zip)</extracomment>
        <translation>Todo en un solo .zip</translation>
    </message>
    <message>
        <source>One small .zip to send</source>
        <extracomment>preset of the task &quot;zip&quot; (--preset send-zip)</extracomment>
        <translation>Un .zip pequeño para enviar</translation>
    </message>
    <message>
        <source>Everything in one .tar.zst (fast, small)</source>
        <extracomment>preset of the task &quot;zip&quot; (--preset one .tar.zst)</extracomment>
        <translation>Todo en un solo .tar.zst (rápido, pequeño)</translation>
    </message>
    <message>
        <source>Everything in one .7z (small, 7-Zip&apos;s format)</source>
        <extracomment>preset of the task &quot;zip&quot; (--preset one .7z)</extracomment>
        <translation>Todo en un .7z (pequeño, el formato de 7-Zip)</translation>
    </message>
    <message>
        <source>Backup in one .tar.xz (smallest, slow)</source>
        <extracomment>preset of the task &quot;zip&quot; (--preset backup-xz)</extracomment>
        <translation>Copia de seguridad en un solo .tar.xz (el más pequeño, lento)</translation>
    </message>
    <message>
        <source>Unpack archives</source>
        <extracomment>preset of the task &quot;zip&quot; (--preset extract archives)</extracomment>
        <translation>Descomprimir archivos comprimidos</translation>
    </message>
    <message>
        <source>per-file, per-folder (one per top-level folder), selection (one archive of everything) or extract (unpack .zip, .7z and tar archives)</source>
        <extracomment>help of the option &quot;mode&quot; (zip)</extracomment>
        <translation>per-file (uno por archivo), per-folder (uno por carpeta de primer nivel), selection (uno para todo) o extract (desempaquetar .zip, .7z y tar)</translation>
    </message>
    <message>
        <source>7z</source>
        <extracomment>value of the option &quot;format&quot; (zip); keep technical names as they are</extracomment>
        <translation>7z</translation>
    </message>
    <message>
        <source>compression level, -1 for the format&apos;s default (6; 9 for bzip2, 3 for zstd, 5 for 7z); up to 9, or 22 for zstd; higher is smaller and slower</source>
        <extracomment>help of the option &quot;level&quot; (zip)</extracomment>
        <translation>nivel de compresión, -1 para el del formato (6; 9 para bzip2, 3 para zstd, 5 para 7z); hasta 9, o 22 para zstd; más alto es más pequeño y más lento</translation>
    </message>
    <message>
        <source>Password</source>
        <extracomment>label of the option &quot;password&quot; (zip)</extracomment>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>encrypt .zip and .7z archives with AES-256 (a .7z&apos;s file names too); extract: the password of encrypted archives. Never saved</source>
        <extracomment>help of the option &quot;password&quot; (zip)</extracomment>
        <translation>cifrar .zip y .7z con AES-256 (en un .7z también los nombres); al extraer: la contraseña de los archivos cifrados. Nunca se guarda</translation>
    </message>
    <message>
        <source>the folder&apos;s name</source>
        <extracomment>shown instead of the automatic value of the option &quot;archive_name&quot; (zip)</extracomment>
        <translation>el nombre de la carpeta</translation>
    </message>
    <message>
        <source>Web: videos, sound and photos (H.264, AAC, WebP)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset web)</extracomment>
        <translation>Web: vídeos, sonido y fotos (H.264, AAC, WebP)</translation>
    </message>
    <message>
        <source>Phone backup (H.265, AAC, JPEG)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset phone-backup)</extracomment>
        <translation>Copia del móvil (H.265, AAC, JPEG)</translation>
    </message>
    <message>
        <source>Web video 1080p</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset web-1080p)</extracomment>
        <translation>Vídeo web 1080p</translation>
    </message>
    <message>
        <source>Phone video 720p</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset phone-720p)</extracomment>
        <translation>Vídeo para móvil 720p</translation>
    </message>
    <message>
        <source>MP4 video, full size (H.264)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset mp4-h264)</extracomment>
        <translation>Vídeo MP4, tamaño original (H.264)</translation>
    </message>
    <message>
        <source>Small video (H.265)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset mp4-h265)</extracomment>
        <translation>Vídeo pequeño (H.265)</translation>
    </message>
    <message>
        <source>WebM video for browsers (VP9)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset webm-vp9)</extracomment>
        <translation>Vídeo WebM para navegadores (VP9)</translation>
    </message>
    <message>
        <source>Smallest video (AV1, slow to make)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset mkv-av1)</extracomment>
        <translation>Vídeo más pequeño (AV1, lento de generar)</translation>
    </message>
    <message>
        <source>Podcast MP3</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset podcast-mp3)</extracomment>
        <translation>MP3 para pódcast</translation>
    </message>
    <message>
        <source>Music MP3</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset mp3)</extracomment>
        <translation>MP3 para música</translation>
    </message>
    <message>
        <source>Music AAC (.m4a)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset aac)</extracomment>
        <translation>AAC para música (.m4a)</translation>
    </message>
    <message>
        <source>Small sound files (Opus)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset opus)</extracomment>
        <translation>Archivos de sonido pequeños (Opus)</translation>
    </message>
    <message>
        <source>Archive sound (FLAC, lossless)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset flac)</extracomment>
        <translation>Sonido para archivar (FLAC, sin pérdida)</translation>
    </message>
    <message>
        <source>Photos for the web (WebP)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset webp)</extracomment>
        <translation>Fotos para la web (WebP)</translation>
    </message>
    <message>
        <source>Photos for e-mail (JPEG, 1600 px)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset email-photos)</extracomment>
        <translation>Fotos para correo electrónico (JPEG, 1600 px)</translation>
    </message>
    <message>
        <source>JPEG photos, full size</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset jpeg)</extracomment>
        <translation>Fotos JPEG, tamaño original</translation>
    </message>
    <message>
        <source>Pictures without loss (PNG)</source>
        <extracomment>preset of the task &quot;encode&quot; (--preset png)</extracomment>
        <translation>Imágenes sin pérdida (PNG)</translation>
    </message>
    <message>
        <source>Video format</source>
        <extracomment>label of the option &quot;video_format&quot; (encode)</extracomment>
        <translation>Formato de vídeo</translation>
    </message>
    <message>
        <source>what videos become: a video format, their sound only (in the sound format), kept as they are, or left out</source>
        <extracomment>help of the option &quot;video_format&quot; (encode)</extracomment>
        <translation>en qué se convierten los vídeos: un formato de vídeo, solo su sonido (en el formato de sonido), tal cual o se omiten</translation>
    </message>
    <message>
        <source>sound-only</source>
        <extracomment>value of the option &quot;video_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>solo sonido</translation>
    </message>
    <message>
        <source>keep</source>
        <extracomment>value of the option &quot;video_format&quot; (encode); keep technical names as they are; value of the option &quot;audio_format&quot; (encode); keep technical names as they are; value of the option &quot;picture_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>conservar</translation>
    </message>
    <message>
        <source>leave-out</source>
        <extracomment>value of the option &quot;video_format&quot; (encode); keep technical names as they are; value of the option &quot;audio_format&quot; (encode); keep technical names as they are; value of the option &quot;picture_format&quot; (encode); keep technical names as they are; value of the option &quot;same_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>omitir</translation>
    </message>
    <message>
        <source>Audio format</source>
        <extracomment>label of the option &quot;audio_format&quot; (encode)</extracomment>
        <translation>Formato de sonido</translation>
    </message>
    <message>
        <source>what sound files become (and a video&apos;s sound, when videos become sound only)</source>
        <extracomment>help of the option &quot;audio_format&quot; (encode)</extracomment>
        <translation>en qué se convierten los archivos de sonido (y el sonido de un vídeo, cuando los vídeos dan solo su sonido)</translation>
    </message>
    <message>
        <source>Picture format</source>
        <extracomment>label of the option &quot;picture_format&quot; (encode)</extracomment>
        <translation>Formato de imagen</translation>
    </message>
    <message>
        <source>what pictures become</source>
        <extracomment>help of the option &quot;picture_format&quot; (encode)</extracomment>
        <translation>en qué se convierten las imágenes</translation>
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
        <source>off: use CRF</source>
        <extracomment>shown instead of the automatic value of the option &quot;video_bitrate&quot; (encode)</extracomment>
        <translation>desactivado: usar CRF</translation>
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
        <source>no limit</source>
        <extracomment>shown instead of the automatic value of the option &quot;max_width&quot; (encode); shown instead of the automatic value of the option &quot;max_height&quot; (encode)</extracomment>
        <translation>sin límite</translation>
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
    <message>
        <source>Resume after</source>
        <extracomment>label of the option &quot;resume_after&quot; (encode)</extracomment>
        <translation>Reanudable desde</translation>
    </message>
    <message>
        <source>videos longer than this many seconds are encoded in pieces that a re-run after a crash keeps; 0 = always in one piece</source>
        <extracomment>help of the option &quot;resume_after&quot; (encode)</extracomment>
        <translation>los vídeos de más de estos segundos se codifican en partes que una nueva ejecución tras un fallo conserva; 0 = siempre de una pieza</translation>
    </message>
    <message>
        <source>Same format</source>
        <extracomment>label of the option &quot;same_format&quot; (encode)</extracomment>
        <translation>Mismo formato</translation>
    </message>
    <message>
        <source>files already in the target format (same codec, within the size limits, at or below the target quality): encoded anyway (off), copied as they are, or left out</source>
        <extracomment>help of the option &quot;same_format&quot; (encode)</extracomment>
        <translation>archivos ya en el formato de destino (mismo códec, dentro de los límites de tamaño, con la calidad de destino o menos): se codifican igualmente (off), se copian tal cual o se omiten</translation>
    </message>
    <message>
        <source>copy</source>
        <extracomment>value of the option &quot;same_format&quot; (encode); keep technical names as they are</extracomment>
        <translation>copiar</translation>
    </message>
    <message>
        <source>Keep if bigger</source>
        <extracomment>label of the option &quot;keep_if_bigger&quot; (encode)</extracomment>
        <translation>Conservar si es mayor</translation>
    </message>
    <message>
        <source>when the new file comes out bigger than the source, keep a copy of the source instead</source>
        <extracomment>help of the option &quot;keep_if_bigger&quot; (encode)</extracomment>
        <translation>cuando el archivo nuevo sale mayor que el original, conservar en su lugar una copia del original</translation>
    </message>
    <message>
        <source>Min size MB</source>
        <extracomment>label of the option &quot;min_size_mb&quot; (encode)</extracomment>
        <translation>Tamaño mín. MB</translation>
    </message>
    <message>
        <source>only files larger than this many MB; 0 = every size</source>
        <extracomment>help of the option &quot;min_size_mb&quot; (encode)</extracomment>
        <translation>solo archivos de más de estos MB; 0 = cualquier tamaño</translation>
    </message>
    <message>
        <source>any size</source>
        <extracomment>shown instead of the automatic value of the option &quot;min_size_mb&quot; (encode)</extracomment>
        <translation>cualquier tamaño</translation>
    </message>
    <message>
        <source>Min seconds</source>
        <extracomment>label of the option &quot;min_seconds&quot; (encode)</extracomment>
        <translation>Duración mín. s</translation>
    </message>
    <message>
        <source>only videos and sound longer than this many seconds; 0 = any length</source>
        <extracomment>help of the option &quot;min_seconds&quot; (encode)</extracomment>
        <translation>solo vídeos y sonido de más de estos segundos; 0 = cualquier duración</translation>
    </message>
    <message>
        <source>any length</source>
        <extracomment>shown instead of the automatic value of the option &quot;min_seconds&quot; (encode)</extracomment>
        <translation>cualquier duración</translation>
    </message>
    <message>
        <source>Min width</source>
        <extracomment>label of the option &quot;min_width&quot; (encode)</extracomment>
        <translation>Ancho mín.</translation>
    </message>
    <message>
        <source>only videos and pictures wider than this many pixels; 0 = any width</source>
        <extracomment>help of the option &quot;min_width&quot; (encode)</extracomment>
        <translation>solo vídeos e imágenes de más de estos píxeles de ancho; 0 = cualquier ancho</translation>
    </message>
    <message>
        <source>any width</source>
        <extracomment>shown instead of the automatic value of the option &quot;min_width&quot; (encode)</extracomment>
        <translation>cualquier ancho</translation>
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
<context>
    <name>WatchControl</name>
    <message>
        <location filename="../../app/watch_control.py" line="51"/>
        <source>An option is not valid: {problem}</source>
        <translation>Una opción no es válida: {problem}</translation>
    </message>
    <message>
        <location filename="../../app/watch_control.py" line="54"/>
        <source>Choose a folder to watch</source>
        <translation>Elegir una carpeta para vigilar</translation>
    </message>
    <message>
        <location filename="../../app/watch_control.py" line="64"/>
        <source>Watching {folder}: each file that arrives goes to {output}.</source>
        <translation>Vigilando {folder}: cada archivo que llega va a {output}.</translation>
    </message>
    <message>
        <location filename="../../app/watch_control.py" line="76"/>
        <source>Show batchpilot</source>
        <translation>Mostrar batchpilot</translation>
    </message>
    <message>
        <location filename="../../app/watch_control.py" line="77"/>
        <source>Quit batchpilot</source>
        <translation>Salir de batchpilot</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/watch_control.py" line="81"/>
        <source>batchpilot keeps watching %1 folders. Its tray icon shows the window again or quits.</source>
        <translation>
            <numerusform>batchpilot sigue vigilando %1 carpeta. Su icono en la bandeja vuelve a mostrar la ventana o lo cierra.</numerusform>
            <numerusform>batchpilot sigue vigilando %1 carpetas. Su icono en la bandeja vuelve a mostrar la ventana o lo cierra.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WatchFolder</name>
    <message>
        <location filename="../../app/watch_folders.py" line="65"/>
        <source>Watch · {folder} · {task}</source>
        <translation>Vigilancia · {folder} · {task}</translation>
    </message>
</context>
<context>
    <name>WhenDoneMenu</name>
    <message>
        <location filename="../../app/when_done.py" line="38"/>
        <source>When the queue is &amp;done</source>
        <translation>Cuando la cola &amp;acabe</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="44"/>
        <source>Do &amp;nothing</source>
        <translation>&amp;No hacer nada</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="45"/>
        <source>&amp;Quit batchpilot</source>
        <translation>&amp;Salir de batchpilot</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="46"/>
        <source>&amp;Suspend</source>
        <translation>Sus&amp;pender</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="47"/>
        <source>&amp;Power off</source>
        <translation>Apa&amp;gar</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="48"/>
        <source>&amp;Run a command…</source>
        <translation>E&amp;jecutar una orden…</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="75"/>
        <source>Run a command line of your own, with the outcome in environment variables</source>
        <translation>Ejecutar una orden propia, con el resultado en variables de entorno</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="93"/>
        <source>Run a command when the queue is done</source>
        <translation>Ejecutar una orden cuando la cola acabe</translation>
    </message>
    <message>
        <location filename="../../app/when_done.py" line="94"/>
        <source>Command line (run by the shell; the outcome is in variables such as $BATCHPILOT_DONE, $BATCHPILOT_FAILED and $BATCHPILOT_OUTPUT):</source>
        <translation>Orden (la ejecuta el shell; el resultado está en variables como $BATCHPILOT_DONE, $BATCHPILOT_FAILED y $BATCHPILOT_OUTPUT):</translation>
    </message>
</context>
</TS>
