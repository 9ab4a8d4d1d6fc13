<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>hh::Keychain</name>
    <message>
        <source>The system keychain is not available.</source>
        <translation>El llavero del sistema no está disponible.</translation>
    </message>
    <message>
        <source>The system keychain holds no key for this vault.</source>
        <translation>El llavero del sistema no guarda ninguna clave para esta bóveda.</translation>
    </message>
</context>
<context>
    <name>hh::Relationship</name>
    <message>
        <source>Self</source>
        <translation>Yo</translation>
    </message>
    <message>
        <source>Mother</source>
        <translation>Madre</translation>
    </message>
    <message>
        <source>Father</source>
        <translation>Padre</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>Cónyuge</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Hijo o hija</translation>
    </message>
    <message>
        <source>Sibling</source>
        <translation>Hermano o hermana</translation>
    </message>
    <message>
        <source>Grandparent</source>
        <translation>Abuelo o abuela</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
</context>
<context>
    <name>hh::Validation</name>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>La contraseña necesita al menos %n carácter.</numerusform>
            <numerusform>La contraseña necesita al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter a valid email address, such as name@example.org.</source>
        <translation>Escriba un correo electrónico válido, por ejemplo nombre@ejemplo.org.</translation>
    </message>
    <message>
        <source>Enter your name.</source>
        <translation>Escriba su nombre.</translation>
    </message>
    <message>
        <source>The name is too long.</source>
        <translation>El nombre es demasiado largo.</translation>
    </message>
    <message>
        <source>Enter the date of birth as YYYY-MM-DD.</source>
        <translation>Escriba la fecha de nacimiento como AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>The date of birth cannot be in the future.</source>
        <translation>La fecha de nacimiento no puede estar en el futuro.</translation>
    </message>
    <message>
        <source>The date of birth is too far in the past.</source>
        <translation>La fecha de nacimiento es demasiado antigua.</translation>
    </message>
    <message>
        <source>A profile needs a display name.</source>
        <translation>Un perfil necesita un nombre para mostrar.</translation>
    </message>
    <message>
        <source>A name cannot contain line breaks or control characters.</source>
        <translation>Un nombre no puede contener saltos de línea ni caracteres de control.</translation>
    </message>
</context>
<context>
    <name>hh::VaultHeader</name>
    <message>
        <source>There is no vault in this data folder.</source>
        <translation>No hay ninguna bóveda en esta carpeta de datos.</translation>
    </message>
    <message>
        <source>The vault header could not be read.</source>
        <translation>No se pudo leer el encabezado de la bóveda.</translation>
    </message>
    <message>
        <source>This vault was created by a newer version of Health Hub. Update Health Hub to open it.</source>
        <translation>Esta bóveda se creó con una versión más reciente de Health Hub. Actualice Health Hub para abrirla.</translation>
    </message>
    <message>
        <source>The vault header could not be written.</source>
        <translation>No se pudo escribir el encabezado de la bóveda.</translation>
    </message>
    <message>
        <source>No account with this email address exists in this vault.</source>
        <translation>No existe ninguna cuenta con este correo electrónico en esta bóveda.</translation>
    </message>
    <message>
        <source>The password is not correct.</source>
        <translation>La contraseña no es correcta.</translation>
    </message>
    <message>
        <source>The vault header file is damaged.</source>
        <translation>El archivo de encabezado de la bóveda está dañado.</translation>
    </message>
</context>
<context>
    <name>hh::VaultKeys</name>
    <message>
        <source>A vault already exists in this data folder.</source>
        <translation>Ya existe una bóveda en esta carpeta de datos.</translation>
    </message>
    <message>
        <source>The data folder could not be created.</source>
        <translation>No se pudo crear la carpeta de datos.</translation>
    </message>
    <message>
        <source>No account with this email address exists in this vault.</source>
        <translation>No existe ninguna cuenta con este correo electrónico en esta bóveda.</translation>
    </message>
    <message>
        <source>The keychain entry is damaged.</source>
        <translation>La entrada del llavero está dañada.</translation>
    </message>
</context>
<context>
    <name>hh::app</name>
    <message>
        <source>Profile name or id.</source>
        <translation>Nombre o id del perfil.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Primero inicie sesión.</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>perfil</translation>
    </message>
    <message>
        <source>Endpoint id (see &apos;endpoint list&apos;).</source>
        <translation>Id del punto de conexión (vea &apos;endpoint list&apos;).</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>User name to suggest to the portal.</source>
        <translation>Nombre de usuario que se sugiere al portal.</translation>
    </message>
    <message>
        <source>user</source>
        <translation>usuario</translation>
    </message>
    <message>
        <source>Redirect URI to use instead of the endpoint&apos;s setting.</source>
        <translation>URI de redirección que se usará en lugar de la configurada para el punto de conexión.</translation>
    </message>
    <message>
        <source>uri</source>
        <translation>uri</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>segundos</translation>
    </message>
    <message>
        <source>connect needs --profile and --endpoint.</source>
        <translation>connect necesita --profile y --endpoint.</translation>
    </message>
    <message>
        <source>--timeout needs a number of seconds.</source>
        <translation>--timeout necesita un número de segundos.</translation>
    </message>
    <message>
        <source>--redirect-uri needs a URL.</source>
        <translation>--redirect-uri necesita una URL.</translation>
    </message>
    <message>
        <source>connect needs a window system (or QT_QPA_PLATFORM=offscreen).</source>
        <translation>connect necesita un sistema de ventanas (o QT_QPA_PLATFORM=offscreen).</translation>
    </message>
    <message>
        <source>The sign-in did not finish in time.</source>
        <translation>El inicio de sesión no terminó a tiempo.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Se canceló el inicio de sesión.</translation>
    </message>
    <message>
        <source>Connected %1 to %2.</source>
        <translation>Se conectó %1 a %2.</translation>
    </message>
    <message>
        <source>Endpoint id.</source>
        <translation>Id del punto de conexión.</translation>
    </message>
    <message>
        <source>Also delete the records synced from this health system.</source>
        <translation>Eliminar también los registros sincronizados desde este sistema de salud.</translation>
    </message>
    <message>
        <source>disconnect needs --profile and --endpoint.</source>
        <translation>disconnect necesita --profile y --endpoint.</translation>
    </message>
    <message>
        <source>The health system revoked Health Hub&apos;s access.</source>
        <translation>El sistema de salud revocó el acceso de Health Hub.</translation>
    </message>
    <message>
        <source>The access could not be revoked at the health system: %1</source>
        <translation>No se pudo revocar el acceso en el sistema de salud: %1</translation>
    </message>
    <message>
        <source>This health system offers no way to revoke access; it ends on its own.</source>
        <translation>Este sistema de salud no ofrece una forma de revocar el acceso; este terminará por sí solo.</translation>
    </message>
    <message>
        <source>Disconnected; the records synced from it were deleted.</source>
        <translation>Desconectado; se eliminaron los registros sincronizados desde él.</translation>
    </message>
    <message>
        <source>Disconnected; the records synced from it were kept.</source>
        <translation>Desconectado; se conservaron los registros sincronizados desde él.</translation>
    </message>
    <message>
        <source>Demo caregiver</source>
        <translation>Cuidador de demostración</translation>
    </message>
    <message>
        <source>Health Hub</source>
        <translation>Health Hub</translation>
    </message>
    <message>
        <source>The demo vault could not be opened: %1</source>
        <translation>No se pudo abrir la bóveda de demostración: %1</translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 necesita un valor.</translation>
    </message>
    <message>
        <source>Unknown option %1.</source>
        <translation>Opción desconocida %1.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Comando desconocido «%1».</translation>
    </message>
    <message>
        <source>The demo family is incomplete.</source>
        <translation>La familia de demostración está incompleta.</translation>
    </message>
    <message>
        <source>Give up after this many seconds (default: 120 offscreen, none otherwise).</source>
        <translation>Desistir después de estos segundos (predeterminado: 120 sin pantalla, ninguno en otro caso).</translation>
    </message>
    <message>
        <source>The demo health systems have no patient for this profile&apos;s relationship: give --login-hint self, mother, father or child.</source>
        <translation>Los sistemas de salud de demostración no tienen ningún paciente para el parentesco de este perfil: indique --login-hint self, mother, father o child.</translation>
    </message>
    <message>
        <source>%1 was already disconnected from %2; the records synced from it were deleted.</source>
        <translation>%1 ya estaba desconectado de %2; se eliminaron los registros sincronizados desde allí.</translation>
    </message>
    <message>
        <source>%1 was already disconnected from %2; its records are kept.</source>
        <translation>%1 ya estaba desconectado de %2; sus registros se conservan.</translation>
    </message>
</context>
<context>
    <name>hh::app::AccountCommands</name>
    <message>
        <source>Name shown in Health Hub.</source>
        <translation>Nombre que se muestra en Health Hub.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>Legal name.</source>
        <translation>Nombre legal.</translation>
    </message>
    <message>
        <source>Date of birth, YYYY-MM-DD.</source>
        <translation>Fecha de nacimiento, AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>date</source>
        <translation>fecha</translation>
    </message>
    <message>
        <source>self, mother, father, spouse, child, sibling, grandparent or other.</source>
        <translation>self, mother, father, spouse, child, sibling, grandparent u other.</translation>
    </message>
    <message>
        <source>relationship</source>
        <translation>parentesco</translation>
    </message>
    <message>
        <source>profile add needs --display-name.</source>
        <translation>profile add necesita --display-name.</translation>
    </message>
    <message>
        <source>Unknown relationship &quot;%1&quot;; use self, mother, father, spouse, child, sibling, grandparent or other.</source>
        <translation>Parentesco desconocido «%1»; use self, mother, father, spouse, child, sibling, grandparent u other.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Mostrar en formato JSON.</translation>
    </message>
    <message>
        <source>Profile name or id.</source>
        <translation>Nombre o id del perfil.</translation>
    </message>
    <message>
        <source>profile remove needs exactly one profile name or id.</source>
        <translation>profile remove necesita exactamente un nombre o id de perfil.</translation>
    </message>
    <message>
        <source>Removed profile %1 and all of its records.</source>
        <translation>Se eliminó el perfil %1 y todos sus registros.</translation>
    </message>
    <message>
        <source>Account email.</source>
        <translation>Correo electrónico de la cuenta.</translation>
    </message>
    <message>
        <source>email</source>
        <translation>correo</translation>
    </message>
    <message>
        <source>Your name.</source>
        <translation>Su nombre.</translation>
    </message>
    <message>
        <source>init needs --email and --name.</source>
        <translation>init necesita --email y --name.</translation>
    </message>
    <message>
        <source>New password for %1: </source>
        <translation>Nueva contraseña para %1: </translation>
    </message>
    <message>
        <source>Created the account %1 in %2.</source>
        <translation>Se creó la cuenta %1 en %2.</translation>
    </message>
    <message>
        <source>profile needs one of: add, list, remove.</source>
        <translation>profile necesita uno de: add, list, remove.</translation>
    </message>
    <message>
        <source>Unknown profile command &quot;%1&quot;; use add, list or remove.</source>
        <translation>Comando de perfil desconocido «%1»; use add, list o remove.</translation>
    </message>
</context>
<context>
    <name>hh::app::Cli</name>
    <message>
        <source>The operation failed.</source>
        <translation>La operación falló.</translation>
    </message>
    <message>
        <source>Run &apos;healthhub --help&apos; for usage.</source>
        <translation>Ejecute &apos;healthhub --help&apos; para ver cómo se usa.</translation>
    </message>
    <message>
        <source>The password file %1 cannot be read.</source>
        <translation>No se puede leer el archivo de contraseña %1.</translation>
    </message>
    <message>
        <source>The password file is empty.</source>
        <translation>El archivo de contraseña está vacío.</translation>
    </message>
    <message>
        <source>No password: give --password-file or the password on the first line of the input.</source>
        <translation>No hay contraseña: indique --password-file o escriba la contraseña en la primera línea de la entrada.</translation>
    </message>
    <message>
        <source>No password given.</source>
        <translation>No se indicó ninguna contraseña.</translation>
    </message>
    <message>
        <source>This command needs --email.</source>
        <translation>Este comando necesita --email.</translation>
    </message>
    <message>
        <source>There is no vault in %1. Create one with &apos;healthhub init&apos;.</source>
        <translation>No hay ninguna bóveda en %1. Cree una con &apos;healthhub init&apos;.</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Contraseña para %1: </translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argumento inesperado: %1</translation>
    </message>
    <message>
        <source>The password is longer than %1 bytes.</source>
        <translation>La contraseña tiene más de %1 bytes.</translation>
    </message>
    <message>
        <source>The password is not UTF-8 text.</source>
        <translation>La contraseña no es texto UTF-8.</translation>
    </message>
</context>
<context>
    <name>hh::app::ConnectCommands</name>
    <message>
        <source>The demo health systems are closed.</source>
        <translation>Los sistemas de salud de demostración están cerrados.</translation>
    </message>
</context>
<context>
    <name>hh::app::EndpointCommands</name>
    <message>
        <source>Sign in first.</source>
        <translation>Primero inicie sesión.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Mostrar en formato JSON.</translation>
    </message>
    <message>
        <source>Only health systems whose name or city matches.</source>
        <translation>Solo los sistemas de salud cuyo nombre o ciudad coincida.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>File or https URL of the directory.</source>
        <translation>Archivo o URL https del directorio.</translation>
    </message>
    <message>
        <source>endpoint import needs exactly one file or URL.</source>
        <translation>endpoint import necesita exactamente un archivo o una URL.</translation>
    </message>
    <message>
        <source>Health Hub downloads directories over https only.</source>
        <translation>Health Hub solo descarga directorios mediante https.</translation>
    </message>
    <message>
        <source>Imported the directory: %1 new, %2 updated, %3 skipped.</source>
        <translation>Directorio importado: %1 nuevos, %2 actualizados, %3 omitidos.</translation>
    </message>
    <message>
        <source>Name of the health system.</source>
        <translation>Nombre del sistema de salud.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>Its FHIR R4 base URL.</source>
        <translation>Su URL base FHIR R4.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>The client id registered there.</source>
        <translation>El id de cliente registrado allí.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>endpoint add needs --name and --fhir-base.</source>
        <translation>endpoint add necesita --name y --fhir-base.</translation>
    </message>
    <message>
        <source>--fhir-base needs a URL such as https://fhir.example.org/r4.</source>
        <translation>--fhir-base necesita una URL como https://fhir.example.org/r4.</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>Se agregó %1.</translation>
    </message>
    <message>
        <source>endpoint needs one of: list, import, add.</source>
        <translation>endpoint necesita uno de: list, import, add.</translation>
    </message>
    <message>
        <source>Unknown endpoint command &quot;%1&quot;; use list, import or add.</source>
        <translation>Comando de punto de conexión desconocido «%1»; use list, import o add.</translation>
    </message>
</context>
<context>
    <name>hh::app::ExportCommand</name>
    <message>
        <source>Profile name or id.</source>
        <translation>Nombre o id del perfil.</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>perfil</translation>
    </message>
    <message>
        <source>Write a visit summary PDF to this file.</source>
        <translation>Escribir un resumen para la consulta en PDF en este archivo.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>Write the records as a FHIR R4 bundle (JSON).</source>
        <translation>Escribir los registros como un paquete FHIR R4 (JSON).</translation>
    </message>
    <message>
        <source>With --fhir: write an International Patient Summary (FHIR document) instead of every record.</source>
        <translation>Con --fhir: escribir un Resumen Internacional del Paciente (documento FHIR) en lugar de todos los registros.</translation>
    </message>
    <message>
        <source>Paper size of the PDF: a4 or letter (default: from the locale).</source>
        <translation>Tamaño del papel del PDF: a4 o letter (predeterminado: según la configuración regional).</translation>
    </message>
    <message>
        <source>size</source>
        <translation>tamaño</translation>
    </message>
    <message>
        <source>export needs --profile NAME_OR_ID.</source>
        <translation>export necesita --profile NOMBRE_O_ID.</translation>
    </message>
    <message>
        <source>export needs --pdf FILE or --fhir FILE.</source>
        <translation>export necesita --pdf ARCHIVO o --fhir ARCHIVO.</translation>
    </message>
    <message>
        <source>--ips goes with --fhir.</source>
        <translation>--ips se usa junto con --fhir.</translation>
    </message>
    <message>
        <source>The file name is empty.</source>
        <translation>El nombre del archivo está vacío.</translation>
    </message>
    <message>
        <source>Unknown paper size &quot;%1&quot;; use a4 or letter.</source>
        <translation>Tamaño de papel desconocido «%1»; use a4 o letter.</translation>
    </message>
    <message>
        <source>PDF export needs the graphical libraries; run with QT_QPA_PLATFORM=offscreen when there is no display.</source>
        <translation>Exportar a PDF necesita las bibliotecas gráficas; ejecute con QT_QPA_PLATFORM=offscreen cuando no haya pantalla.</translation>
    </message>
    <message>
        <source>The vault is not open.</source>
        <translation>La bóveda no está abierta.</translation>
    </message>
    <message>
        <source>Wrote %1 FHIR entries for %2 to %3.</source>
        <translation>Se escribieron %1 entradas FHIR de %2 en %3.</translation>
    </message>
    <message>
        <source>Wrote the visit summary of %1 to %2.</source>
        <translation>Se escribió el resumen para la consulta de %1 en %2.</translation>
    </message>
    <message>
        <source>Give --pdf FILE or --fhir FILE, not both.</source>
        <translation>Indique --pdf FILE o --fhir FILE, no ambos.</translation>
    </message>
</context>
<context>
    <name>hh::app::SummaryCommand</name>
    <message>
        <source>The summary could not be read.</source>
        <translation>No se pudo leer el resumen.</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>listo</translation>
    </message>
    <message>
        <source>syncing</source>
        <translation>sincronizando</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>no summary yet</source>
        <translation>todavía sin resumen</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>(trend: %1)</source>
        <translation>(tendencia: %1)</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>– from %1</source>
        <translation>– de %1</translation>
    </message>
    <message>
        <source>– the sources disagree</source>
        <translation>– las fuentes no coinciden</translation>
    </message>
    <message>
        <source>– %1</source>
        <translation>– %1</translation>
    </message>
    <message>
        <source>Summary of %1: %2</source>
        <translation>Resumen de %1: %2</translation>
    </message>
    <message>
        <source>Updated: %1</source>
        <translation>Actualizado: %1</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>Problema: %1</translation>
    </message>
    <message>
        <source>No summary yet: connect a health system and sync this profile.</source>
        <translation>Todavía no hay resumen: conecte un sistema de salud y sincronice este perfil.</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Afecciones</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>Medicamentos</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Alergias</translation>
    </message>
    <message>
        <source>Immunizations</source>
        <translation>Vacunas</translation>
    </message>
    <message>
        <source>Immunizations due</source>
        <translation>Vacunas pendientes</translation>
    </message>
    <message>
        <source>Recent labs</source>
        <translation>Análisis de laboratorio recientes</translation>
    </message>
    <message>
        <source>Latest vital signs</source>
        <translation>Últimos signos vitales</translation>
    </message>
    <message>
        <source>Encounters</source>
        <translation>Consultas</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No known allergies</source>
        <translation>Sin alergias conocidas</translation>
    </message>
    <message>
        <source>Sources (%1)</source>
        <translation>Fuentes (%1)</translation>
    </message>
    <message>
        <source>%1 (%2): %3 records, last sync %4</source>
        <translation>%1 (%2): %3 registros, última sincronización %4</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Profile name or id.</source>
        <translation>Nombre o id del perfil.</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>perfil</translation>
    </message>
    <message>
        <source>Print the summary as JSON.</source>
        <translation>Mostrar el resumen en formato JSON.</translation>
    </message>
    <message>
        <source>summary needs --profile NAME_OR_ID.</source>
        <translation>summary necesita --profile NOMBRE_O_ID.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Primero inicie sesión.</translation>
    </message>
</context>
<context>
    <name>hh::app::SyncCommand</name>
    <message>
        <source>Profile name or id (default: every profile).</source>
        <translation>Nombre o id del perfil (predeterminado: todos los perfiles).</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>perfil</translation>
    </message>
    <message>
        <source>Print the jobs as JSON.</source>
        <translation>Mostrar los trabajos en formato JSON.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Primero inicie sesión.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 kinds of records, %4 records</source>
        <translation>%1: %2 de %3 tipos de registros, %4 registros</translation>
    </message>
    <message>
        <source>%1 at %2: %3, %4 records</source>
        <translation>%1 en %2: %3, %4 registros</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>No connected health system to sync.</source>
        <translation>No hay ningún sistema de salud conectado para sincronizar.</translation>
    </message>
    <message>
        <source>%1: updating the records, %2%</source>
        <translation>%1: actualizando los registros, %2%</translation>
    </message>
    <message>
        <source>The records of %1 could not be updated: %2</source>
        <translation>No se pudieron actualizar los registros de %1: %2</translation>
    </message>
    <message>
        <source>%1: %2 records, %3 after removing duplicates</source>
        <translation>%1: %2 registros, %3 después de quitar los duplicados</translation>
    </message>
    <message>
        <source>--profile needs a profile name or id.</source>
        <translation>--profile necesita un nombre o id de perfil.</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 en %2</translation>
    </message>
</context>
<context>
    <name>hh::app::Usage</name>
    <message>
        <source>Usage: healthhub [GLOBAL OPTIONS] [COMMAND [ARGS]]</source>
        <extracomment>The synopsis line: keep &quot;healthhub&quot;; the words in capitals may be translated.</extracomment>
        <translation>Uso: healthhub [OPCIONES GLOBALES] [COMANDO [ARGUMENTOS]]</translation>
    </message>
    <message>
        <source>With no command, the Health Hub window opens.</source>
        <translation>Sin comando, se abre la ventana de Health Hub.</translation>
    </message>
    <message>
        <source>Exit status: 0 success, 1 the operation failed, 2 the command line is wrong.</source>
        <translation>Estado de salida: 0 éxito, 1 la operación falló, 2 la línea de comandos es incorrecta.</translation>
    </message>
    <message>
        <source>Global options:
  --data-dir DIR        vault folder (default: $HH_DATA_DIR or the platform data folder)
  --email E             account to sign in with
  --password-file F     read the password from the first line of F (else from the
                        first line of standard input when it is not a terminal)
  --no-keychain         do not use the system keychain (password only)
  --lang CODE           user interface language (en, es)
  --demo                open the demo vault (demo family, demo health systems);
                        commands sign in as its demo account
  --version, --help</source>
        <extracomment>Keep the option names and their value names (--data-dir DIR ...) as they are; align the descriptions in one column (wrap a long one onto an indented line).</extracomment>
        <translation>Opciones globales:
  --data-dir DIR        carpeta de la bóveda (predeterminada: $HH_DATA_DIR o la carpeta
                        de datos de la plataforma)
  --email E             cuenta con la que iniciar sesión
  --password-file F     leer la contraseña de la primera línea de F (si no, de la primera
                        línea de la entrada estándar cuando no es un terminal)
  --no-keychain         no usar el llavero del sistema (solo la contraseña)
  --lang CODE           idioma de la interfaz (en, es)
  --demo                abrir la bóveda de demostración (familia de demostración, sistemas
                        de salud de demostración); los comandos inician sesión con su
                        cuenta de demostración
  --version, --help</translation>
    </message>
    <message>
        <source>Commands:
  init --email E --name N                     create an account (and the vault)
  profile add --display-name N [--legal-name L] [--dob YYYY-MM-DD] [--relationship R]
  profile list [--json]
  profile remove NAME_OR_ID
  endpoint list [--json]                      the directory of health systems
  endpoint import FILE_OR_URL                 import an Epic or SMART Brands directory
  endpoint add --name N --fhir-base URL [--client-id ID]
  connect --profile P --endpoint ID [--login-hint USER] [--timeout SECONDS]
                                              sign in to a patient portal for a profile
  disconnect --profile P --endpoint ID [--delete-data]
  sync [--profile P] [--json]                 fetch records from connected health systems
  summary --profile P [--json]                a profile&apos;s summary (clean, de-duplicated records)
  export --profile P (--pdf FILE | --fhir FILE) [--ips] [--paper a4|letter]
                                              write a visit summary PDF or a FHIR bundle
  sandbox [--port N] [--auto-approve] [--scale N] [--replay DIR] [--fault SPEC ...]
                                              run the demo health systems</source>
        <extracomment>Keep the command lines (init --email E --name N ...) as they are; align the descriptions in one column (after a long command line, the description goes on the next line).</extracomment>
        <translation>Comandos:
  init --email E --name N                     crear una cuenta (y la bóveda)
  profile add --display-name N [--legal-name L] [--dob YYYY-MM-DD] [--relationship R]
  profile list [--json]
  profile remove NAME_OR_ID
  endpoint list [--json]                      el directorio de sistemas de salud
  endpoint import FILE_OR_URL                 importar un directorio de Epic o de SMART Brands
  endpoint add --name N --fhir-base URL [--client-id ID]
  connect --profile P --endpoint ID [--login-hint USER] [--timeout SECONDS]
                                              iniciar sesión en el portal del paciente de un perfil
  disconnect --profile P --endpoint ID [--delete-data]
  sync [--profile P] [--json]                 obtener registros de los sistemas de salud conectados
  summary --profile P [--json]                resumen de un perfil (registros limpios, sin duplicar)
  export --profile P (--pdf FILE | --fhir FILE) [--ips] [--paper a4|letter]
                                              escribir un resumen para la consulta en PDF
                                              o un paquete FHIR
  sandbox [--port N] [--auto-approve] [--scale N] [--replay DIR] [--fault SPEC ...]
                                              ejecutar los sistemas de salud de demostración</translation>
    </message>
</context>
<context>
    <name>hh::app::sandbox</name>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 necesita un valor</translation>
    </message>
    <message>
        <source>--port needs a number from 0 to 65535</source>
        <translation>--port necesita un número de 0 a 65535</translation>
    </message>
    <message>
        <source>--scale needs a number from 1 to %1</source>
        <translation>--scale necesita un número de 1 a %1</translation>
    </message>
    <message>
        <source>unknown argument &quot;%1&quot;</source>
        <translation>argumento desconocido «%1»</translation>
    </message>
    <message>
        <source>--replay needs a directory</source>
        <translation>--replay necesita una carpeta</translation>
    </message>
</context>
<context>
    <name>hh::clinical::SummaryBuilder</name>
    <message>
        <source>Dose %1 of %2 is expected by %3 months of age.</source>
        <translation>Se espera la dosis %1 de %2 a los %3 meses de edad.</translation>
    </message>
    <message>
        <source>No flu vaccine recorded for this season.</source>
        <translation>No hay vacuna contra la gripe registrada para esta temporada.</translation>
    </message>
    <message>
        <source>No tetanus booster (Td/Tdap) on record.</source>
        <translation>No hay refuerzo contra el tétanos (Td/Tdap) registrado.</translation>
    </message>
    <message>
        <source>Last tetanus booster (Td/Tdap) was more than 10 years ago.</source>
        <translation>El último refuerzo contra el tétanos (Td/Tdap) fue hace más de 10 años.</translation>
    </message>
    <message>
        <source>Two doses of shingles vaccine are recommended from age 50.</source>
        <translation>Se recomiendan dos dosis de la vacuna contra el herpes zóster a partir de los 50 años.</translation>
    </message>
    <message>
        <source>A pneumococcal vaccine is recommended from age 65.</source>
        <translation>Se recomienda una vacuna antineumocócica a partir de los 65 años.</translation>
    </message>
    <message>
        <source>%1 needs you to sign in again.</source>
        <translation>%1 necesita que vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>Syncing %1 failed.</source>
        <translation>Falló la sincronización de %1.</translation>
    </message>
    <message>
        <source>%1 did not share: %2 (the health system refused).</source>
        <translation>%1 no compartió: %2 (el sistema de salud lo rechazó).</translation>
    </message>
    <message>
        <source>conditions</source>
        <translation>afecciones</translation>
    </message>
    <message>
        <source>medications</source>
        <translation>medicamentos</translation>
    </message>
    <message>
        <source>allergies</source>
        <translation>alergias</translation>
    </message>
    <message>
        <source>immunizations</source>
        <translation>vacunas</translation>
    </message>
    <message>
        <source>test results and vital signs</source>
        <translation>resultados de análisis y signos vitales</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>consultas</translation>
    </message>
    <message>
        <source>The health systems give different dates of birth or sexes for this person: check that each connection is this family member&apos;s record (Sources &amp; sync history).</source>
        <translation>Los sistemas de salud dan fechas de nacimiento o sexos distintos para esta persona: compruebe que cada conexión sea el expediente de este familiar (Fuentes e historial de sincronización).</translation>
    </message>
</context>
<context>
    <name>hh::clinical::Vaccines</name>
    <message>
        <source>Influenza (flu)</source>
        <translation>Influenza (gripe)</translation>
    </message>
    <message>
        <source>Tetanus and diphtheria (Td/Tdap)</source>
        <translation>Tétanos y difteria (Td/Tdap)</translation>
    </message>
    <message>
        <source>DTaP</source>
        <translation>DTaP</translation>
    </message>
    <message>
        <source>Hepatitis B</source>
        <translation>Hepatitis B</translation>
    </message>
    <message>
        <source>Hib</source>
        <translation>Hib</translation>
    </message>
    <message>
        <source>Pneumococcal conjugate</source>
        <translation>Neumocócica conjugada</translation>
    </message>
    <message>
        <source>Pneumococcal polysaccharide</source>
        <translation>Neumocócica polisacárida</translation>
    </message>
    <message>
        <source>Polio</source>
        <translation>Polio</translation>
    </message>
    <message>
        <source>Measles, mumps, rubella</source>
        <translation>Sarampión, paperas, rubéola</translation>
    </message>
    <message>
        <source>Varicella (chickenpox)</source>
        <translation>Varicela</translation>
    </message>
    <message>
        <source>Hepatitis A</source>
        <translation>Hepatitis A</translation>
    </message>
    <message>
        <source>Rotavirus</source>
        <translation>Rotavirus</translation>
    </message>
    <message>
        <source>HPV</source>
        <translation>VPH</translation>
    </message>
    <message>
        <source>Meningococcal ACWY</source>
        <translation>Meningocócica ACWY</translation>
    </message>
    <message>
        <source>Meningococcal B</source>
        <translation>Meningocócica B</translation>
    </message>
    <message>
        <source>Shingles (zoster)</source>
        <translation>Herpes zóster (culebrilla)</translation>
    </message>
    <message>
        <source>COVID-19</source>
        <translation>COVID-19</translation>
    </message>
</context>
<context>
    <name>hh::connect</name>
    <message>
        <source>The demo health systems are not available here.</source>
        <translation>Los sistemas de salud de demostración no están disponibles aquí.</translation>
    </message>
    <message>
        <source>The demo health systems do not offer %1.</source>
        <translation>Los sistemas de salud de demostración no ofrecen %1.</translation>
    </message>
</context>
<context>
    <name>hh::connect::ConnectService</name>
    <message>
        <source>The request was cancelled.</source>
        <translation>Se canceló la solicitud.</translation>
    </message>
    <message>
        <source>Health Hub downloads directories over https only.</source>
        <translation>Health Hub solo descarga directorios mediante https.</translation>
    </message>
    <message>
        <source>Give the health system a name.</source>
        <translation>Asigne un nombre al sistema de salud.</translation>
    </message>
    <message>
        <source>The FHIR address must start with https:// (plain http only on this computer).</source>
        <translation>La dirección FHIR debe empezar por https:// (http simple solo en esta computadora).</translation>
    </message>
    <message>
        <source>%1 did not answer as a SMART on FHIR server: %2</source>
        <translation>%1 no respondió como un servidor SMART on FHIR: %2</translation>
    </message>
    <message>
        <source>The FHIR address of %1 is not valid.</source>
        <translation>La dirección FHIR de %1 no es válida.</translation>
    </message>
    <message>
        <source>No such profile.</source>
        <translation>No existe ese perfil.</translation>
    </message>
    <message>
        <source>Health Hub has no client id for %1 yet. Enter the client id you registered with the vendor in the health system settings.</source>
        <translation>Health Hub todavía no tiene un id de cliente para %1. Escriba el id de cliente que registró con el proveedor en la configuración del sistema de salud.</translation>
    </message>
    <message>
        <source>Health Hub could not reach the sign-in service of %1: %2</source>
        <translation>Health Hub no pudo comunicarse con el servicio de inicio de sesión de %1: %2</translation>
    </message>
    <message>
        <source>The health system&apos;s answer had no sign-in reference. Nothing was connected.</source>
        <translation>La respuesta del sistema de salud no tenía ninguna referencia de inicio de sesión. No se conectó nada.</translation>
    </message>
    <message>
        <source>This sign-in answer does not belong to a sign-in Health Hub started. Nothing was connected.</source>
        <translation>Esta respuesta de inicio de sesión no corresponde a un inicio de sesión que haya empezado Health Hub. No se conectó nada.</translation>
    </message>
    <message>
        <source>This sign-in answer was already used. Start the sign-in again.</source>
        <translation>Esta respuesta de inicio de sesión ya se usó. Vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>The sign-in took longer than 10 minutes and has expired. Start it again.</source>
        <translation>El inicio de sesión tardó más de 10 minutos y caducó. Vuelva a empezar.</translation>
    </message>
    <message>
        <source>The sign-in answer was refused.</source>
        <translation>Se rechazó la respuesta de inicio de sesión.</translation>
    </message>
    <message>
        <source>That page is not the end of the sign-in.</source>
        <translation>Esa página no es el final del inicio de sesión.</translation>
    </message>
    <message>
        <source>This sign-in answer belongs to another sign-in. Nothing was connected.</source>
        <translation>Esta respuesta de inicio de sesión pertenece a otro inicio de sesión. No se conectó nada.</translation>
    </message>
    <message>
        <source>Access was not granted at %1, so nothing was connected.</source>
        <translation>No se concedió el acceso en %1, así que no se conectó nada.</translation>
    </message>
    <message>
        <source>%1 ended the sign-in (%2).</source>
        <translation>%1 terminó el inicio de sesión (%2).</translation>
    </message>
    <message>
        <source>%1 ended the sign-in: %2</source>
        <translation>%1 terminó el inicio de sesión: %2</translation>
    </message>
    <message>
        <source>The health system&apos;s answer was incomplete. Nothing was connected.</source>
        <translation>La respuesta del sistema de salud estaba incompleta. No se conectó nada.</translation>
    </message>
    <message>
        <source>The sign-in could not be completed.</source>
        <translation>No se pudo completar el inicio de sesión.</translation>
    </message>
    <message>
        <source>%1 did not say whose records Health Hub may read. Nothing was connected.</source>
        <translation>%1 no indicó de quién son los registros que Health Hub puede leer. No se conectó nada.</translation>
    </message>
    <message>
        <source>%1 offers no lasting access to this app: sign in again when this access ends.</source>
        <translation>%1 no ofrece acceso duradero a esta aplicación: vuelva a iniciar sesión cuando termine este acceso.</translation>
    </message>
    <message>
        <source>%1 gave no lasting access: sign in again when this access ends.</source>
        <translation>%1 no concedió acceso duradero: vuelva a iniciar sesión cuando termine este acceso.</translation>
    </message>
    <message>
        <source>Lasting access could not be set up: %1</source>
        <translation>No se pudo configurar el acceso duradero: %1</translation>
    </message>
    <message>
        <source>Lasting access could not be set up at %1: sign in again when this access ends.</source>
        <translation>No se pudo configurar el acceso duradero en %1: vuelva a iniciar sesión cuando termine este acceso.</translation>
    </message>
    <message>
        <source>Lasting access could not be set up.</source>
        <translation>No se pudo configurar el acceso duradero.</translation>
    </message>
    <message>
        <source>The health system could not be reached to revoke the access; it ends on its own.</source>
        <translation>No se pudo contactar al sistema de salud para revocar el acceso; este terminará por sí solo.</translation>
    </message>
    <message>
        <source>The stored sign-in of this connection cannot be read.</source>
        <translation>No se puede leer el inicio de sesión guardado de esta conexión.</translation>
    </message>
    <message>
        <source>This connection needs you to sign in again.</source>
        <translation>Esta conexión necesita que vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>This connection was disconnected.</source>
        <translation>Esta conexión se desconectó.</translation>
    </message>
    <message>
        <source>This health system gives no lasting access: sign in again to keep syncing.</source>
        <translation>Este sistema de salud no ofrece acceso duradero: vuelva a iniciar sesión para seguir sincronizando.</translation>
    </message>
    <message>
        <source>The stored sign-in cannot be read: sign in again.</source>
        <translation>No se puede leer el inicio de sesión guardado: vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>The device key of this connection cannot be read: sign in again.</source>
        <translation>No se puede leer la clave del dispositivo de esta conexión: vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>The health system no longer accepts this sign-in: sign in again.</source>
        <translation>El sistema de salud ya no acepta este inicio de sesión: vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>The redirect URI must be https, or http to 127.0.0.1 on this computer.</source>
        <translation>El URI de redirección debe ser https, o http a 127.0.0.1 en esta computadora.</translation>
    </message>
    <message>
        <source>Unknown vendor.</source>
        <translation>Proveedor desconocido.</translation>
    </message>
    <message>
        <source>The sign-in could not be renewed.</source>
        <translation>No se pudo renovar el inicio de sesión.</translation>
    </message>
    <message>
        <source>The sign-in renewal was cancelled.</source>
        <translation>Se canceló la renovación del inicio de sesión.</translation>
    </message>
    <message>
        <source>%1 sent a proof of identity (id_token) that Health Hub cannot check: the health system does not publish its issuer and signing keys. Nothing was connected.</source>
        <translation>%1 envió una prueba de identidad (id_token) que Health Hub no puede comprobar: el sistema de salud no publica su emisor ni sus claves de firma. No se conectó nada.</translation>
    </message>
    <message>
        <source>The answer of %1 did not prove who signed in (invalid id_token). Nothing was connected.</source>
        <translation>La respuesta de %1 no demostró quién inició sesión (id_token no válido). No se conectó nada.</translation>
    </message>
    <message>
        <source>Health Hub could not get the signing keys of %1 to check the sign-in: %2</source>
        <translation>Health Hub no pudo obtener las claves de firma de %1 para comprobar el inicio de sesión: %2</translation>
    </message>
    <message>
        <source>The demo health system is not running. Start it and try again.</source>
        <translation>El sistema de salud de demostración no está en funcionamiento. Inícielo e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The sign-in answer did not come from %1. Nothing was connected.</source>
        <translation>La respuesta del inicio de sesión no vino de %1. No se conectó nada.</translation>
    </message>
    <message>
        <source>Access was not granted at %1, so nothing was connected. The health system said: “%2”</source>
        <translation>No se concedió el acceso en %1, así que no se conectó nada. El sistema de salud dijo: «%2»</translation>
    </message>
</context>
<context>
    <name>hh::crypto</name>
    <message>
        <source>A cryptographic operation failed.</source>
        <translation>Falló una operación criptográfica.</translation>
    </message>
    <message>
        <source>The data could not be decrypted.</source>
        <translation>No se pudieron descifrar los datos.</translation>
    </message>
</context>
<context>
    <name>hh::db::ClinicalPipeline</name>
    <message>
        <source>The records could not be read.</source>
        <translation>No se pudieron leer los registros.</translation>
    </message>
</context>
<context>
    <name>hh::db::ClinicalPipeline::Impl</name>
    <message>
        <source>Updating the records was cancelled.</source>
        <translation>Se canceló la actualización de los registros.</translation>
    </message>
    <message>
        <source>The records could not be updated.</source>
        <translation>No se pudieron actualizar los registros.</translation>
    </message>
    <message>
        <source>The profile no longer exists.</source>
        <translation>El perfil ya no existe.</translation>
    </message>
    <message>
        <source>The records could not be read.</source>
        <translation>No se pudieron leer los registros.</translation>
    </message>
    <message>
        <source>The summary could not be saved.</source>
        <translation>No se pudo guardar el resumen.</translation>
    </message>
    <message>
        <source>The last sync failed.</source>
        <translation>La última sincronización falló.</translation>
    </message>
</context>
<context>
    <name>hh::db::ConnectionFactory</name>
    <message>
        <source>The vault database could not be read.</source>
        <translation>No se pudo leer la base de datos de la bóveda.</translation>
    </message>
    <message>
        <source>The database file is not encrypted. Health Hub refuses to open it.</source>
        <translation>El archivo de la base de datos no está cifrado. Health Hub se niega a abrirlo.</translation>
    </message>
    <message>
        <source>The database key is malformed.</source>
        <translation>La clave de la base de datos no tiene un formato válido.</translation>
    </message>
    <message>
        <source>The vault database could not be created.</source>
        <translation>No se pudo crear la base de datos de la bóveda.</translation>
    </message>
    <message>
        <source>A vault database already exists here.</source>
        <translation>Ya existe una base de datos de bóveda aquí.</translation>
    </message>
    <message>
        <source>The vault database could not be opened.</source>
        <translation>No se pudo abrir la base de datos de la bóveda.</translation>
    </message>
    <message>
        <source>There is no vault database in this folder.</source>
        <translation>No hay ninguna base de datos de bóveda en esta carpeta.</translation>
    </message>
    <message>
        <source>The folder for the vault could not be created.</source>
        <translation>No se pudo crear la carpeta de la bóveda.</translation>
    </message>
    <message>
        <source>The key does not open this vault.</source>
        <translation>La clave no abre esta bóveda.</translation>
    </message>
    <message>
        <source>The database would not be encrypted. Health Hub refuses to open it.</source>
        <translation>La base de datos no estaría cifrada. Health Hub se niega a abrirla.</translation>
    </message>
    <message>
        <source>The vault database is empty. Restore it from a backup, or move the data folder away to start a new vault.</source>
        <translation>La base de datos de la bóveda está vacía. Restáurela desde una copia de seguridad, o aparte la carpeta de datos para empezar una bóveda nueva.</translation>
    </message>
</context>
<context>
    <name>hh::db::ConnectionStore</name>
    <message>
        <source>The profile could not be read.</source>
        <translation>No se pudo leer el perfil.</translation>
    </message>
    <message>
        <source>The connection could not be read.</source>
        <translation>No se pudo leer la conexión.</translation>
    </message>
    <message>
        <source>This profile is not connected to that health system.</source>
        <translation>Este perfil no está conectado a ese sistema de salud.</translation>
    </message>
    <message>
        <source>The connections could not be read.</source>
        <translation>No se pudieron leer las conexiones.</translation>
    </message>
    <message>
        <source>The connection could not be saved.</source>
        <translation>No se pudo guardar la conexión.</translation>
    </message>
    <message>
        <source>No such profile.</source>
        <translation>No existe ese perfil.</translation>
    </message>
    <message>
        <source>The new sign-in tokens could not be saved.</source>
        <translation>No se pudieron guardar los nuevos tokens de inicio de sesión.</translation>
    </message>
    <message>
        <source>The connection could not be removed.</source>
        <translation>No se pudo eliminar la conexión.</translation>
    </message>
    <message>
        <source>No such connection.</source>
        <translation>No existe esa conexión.</translation>
    </message>
    <message>
        <source>You signed in as a different patient than the one this profile is connected to at this health system. Sign in as that patient, or disconnect it (deleting its records) and connect again.</source>
        <translation>Inició sesión como un paciente distinto del que este perfil tiene conectado en este sistema de salud. Inicie sesión como ese paciente, o desconéctelo (eliminando sus registros) y vuelva a conectarlo.</translation>
    </message>
    <message>
        <source>The health system now answers for a different patient. Sign in again.</source>
        <translation>El sistema de salud ahora responde por otro paciente. Vuelva a iniciar sesión.</translation>
    </message>
</context>
<context>
    <name>hh::db::EndpointStore</name>
    <message>
        <source>The built-in health systems could not be saved.</source>
        <translation>No se pudieron guardar los sistemas de salud incluidos.</translation>
    </message>
    <message>
        <source>The directory of health systems could not be read.</source>
        <translation>No se pudo leer el directorio de sistemas de salud.</translation>
    </message>
    <message>
        <source>The health system could not be read.</source>
        <translation>No se pudo leer el sistema de salud.</translation>
    </message>
    <message>
        <source>The directory of health systems could not be searched.</source>
        <translation>No se pudo buscar en el directorio de sistemas de salud.</translation>
    </message>
    <message>
        <source>The directory could not be imported.</source>
        <translation>No se pudo importar el directorio.</translation>
    </message>
    <message>
        <source>The health system could not be added.</source>
        <translation>No se pudo agregar el sistema de salud.</translation>
    </message>
    <message>
        <source>The directory already lists &quot;%1&quot; with this FHIR address.</source>
        <translation>El directorio ya incluye «%1» con esta dirección FHIR.</translation>
    </message>
    <message>
        <source>The settings of the health system could not be saved.</source>
        <translation>No se pudo guardar la configuración del sistema de salud.</translation>
    </message>
    <message>
        <source>The health system could not be saved.</source>
        <translation>No se pudo guardar el sistema de salud.</translation>
    </message>
    <message>
        <source>The settings could not be read.</source>
        <translation>No se pudo leer la configuración.</translation>
    </message>
    <message>
        <source>The settings could not be saved.</source>
        <translation>No se pudo guardar la configuración.</translation>
    </message>
    <message>
        <source>No such health system in the directory.</source>
        <translation>Ese sistema de salud no está en el directorio.</translation>
    </message>
</context>
<context>
    <name>hh::db::Migrations</name>
    <message>
        <source>The database schema could not be updated.</source>
        <translation>No se pudo actualizar el esquema de la base de datos.</translation>
    </message>
    <message>
        <source>This vault was created by a newer version of Health Hub. Please update Health Hub to open it.</source>
        <translation>Esta bóveda se creó con una versión más reciente de Health Hub. Actualice Health Hub para abrirla.</translation>
    </message>
</context>
<context>
    <name>hh::db::OAuthStateStore</name>
    <message>
        <source>The sign-in could not be started.</source>
        <translation>No se pudo iniciar el inicio de sesión.</translation>
    </message>
    <message>
        <source>The sign-in answer could not be checked.</source>
        <translation>No se pudo comprobar la respuesta de inicio de sesión.</translation>
    </message>
    <message>
        <source>Old sign-in requests could not be removed.</source>
        <translation>No se pudieron eliminar las solicitudes de inicio de sesión antiguas.</translation>
    </message>
</context>
<context>
    <name>hh::db::ProfileStore</name>
    <message>
        <source>The profiles could not be read.</source>
        <translation>No se pudieron leer los perfiles.</translation>
    </message>
    <message>
        <source>The profile could not be read.</source>
        <translation>No se pudo leer el perfil.</translation>
    </message>
    <message>
        <source>No profile is named &quot;%1&quot;.</source>
        <translation>Ningún perfil se llama «%1».</translation>
    </message>
    <message>
        <source>Several profiles are named &quot;%1&quot;; use the profile id instead.</source>
        <translation>Varios perfiles se llaman «%1»; use el id del perfil.</translation>
    </message>
    <message>
        <source>The profile could not be saved.</source>
        <translation>No se pudo guardar el perfil.</translation>
    </message>
    <message>
        <source>The profile could not be removed.</source>
        <translation>No se pudo eliminar el perfil.</translation>
    </message>
    <message>
        <source>No such profile.</source>
        <translation>No existe ese perfil.</translation>
    </message>
</context>
<context>
    <name>hh::db::RecordsReader</name>
    <message>
        <source>This profile does not exist (any more).</source>
        <translation>Este perfil no existe (o ya no existe).</translation>
    </message>
    <message>
        <source>This record is no longer in the vault.</source>
        <translation>Este registro ya no está en la bóveda.</translation>
    </message>
    <message>
        <source>This record is not a document.</source>
        <translation>Este registro no es un documento.</translation>
    </message>
    <message>
        <source>The content of this document was not downloaded from the health system.</source>
        <translation>El contenido de este documento no se descargó del sistema de salud.</translation>
    </message>
    <message>
        <source>The document&apos;s content is damaged.</source>
        <translation>El contenido del documento está dañado.</translation>
    </message>
    <message>
        <source>Sign in again to keep syncing.</source>
        <translation>Vuelva a iniciar sesión para seguir sincronizando.</translation>
    </message>
    <message>
        <source>The export could not be written.</source>
        <translation>No se pudo escribir la exportación.</translation>
    </message>
    <message>
        <source>Your records could not be read from the vault.</source>
        <translation>No se pudieron leer sus registros de la bóveda.</translation>
    </message>
</context>
<context>
    <name>hh::db::RecordsService</name>
    <message>
        <source>The vault is locked.</source>
        <translation>La bóveda está bloqueada.</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>Se canceló la operación.</translation>
    </message>
</context>
<context>
    <name>hh::db::SqlCipherDriver</name>
    <message>
        <source>The database is not open.</source>
        <translation>La base de datos no está abierta.</translation>
    </message>
    <message>
        <source>The database key is malformed.</source>
        <translation>La clave de la base de datos no tiene un formato válido.</translation>
    </message>
    <message>
        <source>The database could not be keyed.</source>
        <translation>No se pudo aplicar la clave a la base de datos.</translation>
    </message>
</context>
<context>
    <name>hh::db::SyncHistoryService</name>
    <message>
        <source>The connections could not be read.</source>
        <translation>No se pudieron leer las conexiones.</translation>
    </message>
    <message>
        <source>The sync history could not be read.</source>
        <translation>No se pudo leer el historial de sincronización.</translation>
    </message>
</context>
<context>
    <name>hh::db::SyncSession</name>
    <message>
        <source>The sync history could not be updated.</source>
        <translation>No se pudo actualizar el historial de sincronización.</translation>
    </message>
    <message>
        <source>The connections could not be read.</source>
        <translation>No se pudieron leer las conexiones.</translation>
    </message>
    <message>
        <source>The sync could not be started.</source>
        <translation>No se pudo iniciar la sincronización.</translation>
    </message>
    <message>
        <source>The records could not be saved.</source>
        <translation>No se pudieron guardar los registros.</translation>
    </message>
    <message>
        <source>The records could not be read.</source>
        <translation>No se pudieron leer los registros.</translation>
    </message>
    <message>
        <source>The records could not be updated.</source>
        <translation>No se pudieron actualizar los registros.</translation>
    </message>
    <message>
        <source>The sync state could not be read.</source>
        <translation>No se pudo leer el estado de la sincronización.</translation>
    </message>
    <message>
        <source>The connection no longer exists.</source>
        <translation>La conexión ya no existe.</translation>
    </message>
    <message>
        <source>The sync state could not be saved.</source>
        <translation>No se pudo guardar el estado de la sincronización.</translation>
    </message>
    <message>
        <source>The profile status could not be updated.</source>
        <translation>No se pudo actualizar el estado del perfil.</translation>
    </message>
    <message>
        <source>The last sync failed.</source>
        <translation>La última sincronización falló.</translation>
    </message>
    <message>
        <source>The end of the sync could not be recorded.</source>
        <translation>No se pudo registrar el final de la sincronización.</translation>
    </message>
    <message>
        <source>The sync settings could not be read.</source>
        <translation>No se pudo leer la configuración de sincronización.</translation>
    </message>
    <message>
        <source>The sync settings could not be saved.</source>
        <translation>No se pudo guardar la configuración de sincronización.</translation>
    </message>
</context>
<context>
    <name>hh::db::UserStore</name>
    <message>
        <source>The account could not be created.</source>
        <translation>No se pudo crear la cuenta.</translation>
    </message>
    <message>
        <source>An account with this email address already exists.</source>
        <translation>Ya existe una cuenta con este correo electrónico.</translation>
    </message>
    <message>
        <source>The account could not be read.</source>
        <translation>No se pudo leer la cuenta.</translation>
    </message>
    <message>
        <source>No account with this email address exists in this vault.</source>
        <translation>No existe ninguna cuenta con este correo electrónico en esta bóveda.</translation>
    </message>
    <message>
        <source>The password could not be changed.</source>
        <translation>No se pudo cambiar la contraseña.</translation>
    </message>
    <message>
        <source>The account no longer exists.</source>
        <translation>La cuenta ya no existe.</translation>
    </message>
</context>
<context>
    <name>hh::db::VaultService</name>
    <message>
        <source>The data folder holds a database without its vault header; it cannot be opened.</source>
        <translation>La carpeta de datos contiene una base de datos sin el encabezado de su bóveda; no se puede abrir.</translation>
    </message>
    <message>
        <source>A vault already exists here. Sign in with an existing account to add another account.</source>
        <translation>Ya existe una bóveda aquí. Inicie sesión con una cuenta existente para agregar otra cuenta.</translation>
    </message>
    <message>
        <source>There is no vault in this data folder. Create an account first.</source>
        <translation>No hay ninguna bóveda en esta carpeta de datos. Primero cree una cuenta.</translation>
    </message>
    <message>
        <source>The password is not correct.</source>
        <translation>La contraseña no es correcta.</translation>
    </message>
    <message>
        <source>No account with this email address exists in this vault.</source>
        <translation>No existe ninguna cuenta con este correo electrónico en esta bóveda.</translation>
    </message>
    <message>
        <source>The current password is not correct.</source>
        <translation>La contraseña actual no es correcta.</translation>
    </message>
    <message>
        <source>The password could not be changed.</source>
        <translation>No se pudo cambiar la contraseña.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Primero inicie sesión.</translation>
    </message>
</context>
<context>
    <name>hh::demo::DemoServer</name>
    <message>
        <source>The demo health systems are already running.</source>
        <translation>Los sistemas de salud de demostración ya están en funcionamiento.</translation>
    </message>
    <message>
        <source>The scale must be between 1 and %1.</source>
        <translation>La escala debe estar entre 1 y %1.</translation>
    </message>
    <message>
        <source>The access token lifetime must be at least one second.</source>
        <translation>La duración del token de acceso debe ser de al menos un segundo.</translation>
    </message>
    <message>
        <source>The demo health systems could not listen on 127.0.0.1:%1: %2</source>
        <translation>Los sistemas de salud de demostración no pudieron escuchar en 127.0.0.1:%1: %2</translation>
    </message>
    <message>
        <source>Lakeside Health (demo, Epic)</source>
        <translation>Lakeside Health (demostración, Epic)</translation>
    </message>
    <message>
        <source>Riverbend Medical Group (demo, athenahealth)</source>
        <translation>Riverbend Medical Group (demostración, athenahealth)</translation>
    </message>
    <message>
        <source>Replay: %1</source>
        <translation>Reproducción: %1</translation>
    </message>
</context>
<context>
    <name>hh::demo::FaultPlan</name>
    <message>
        <source>Invalid fault &quot;%1&quot;: %2</source>
        <translation>Falla no válida «%1»: %2</translation>
    </message>
</context>
<context>
    <name>hh::demo::ReplayLibrary</name>
    <message>
        <source>Cannot replay the recording: %1</source>
        <translation>No se puede reproducir la grabación: %1</translation>
    </message>
    <message>
        <source>no index.json in %1</source>
        <translation>no hay index.json en %1</translation>
    </message>
    <message>
        <source>index.json is not valid JSON</source>
        <translation>index.json no es un JSON válido</translation>
    </message>
    <message>
        <source>index.json lists no FHIR requests</source>
        <translation>index.json no contiene solicitudes FHIR</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 no existe</translation>
    </message>
    <message>
        <source>no index.json under %1</source>
        <translation>no hay index.json dentro de %1</translation>
    </message>
</context>
<context>
    <name>hh::records::ExportFile</name>
    <message>
        <source>Choose a file to export to, not a folder.</source>
        <translation>Elija un archivo para exportar, no una carpeta.</translation>
    </message>
    <message>
        <source>Choose a regular file to export to.</source>
        <translation>Elija un archivo normal para exportar.</translation>
    </message>
    <message>
        <source>Cannot write to %1: %2</source>
        <translation>No se puede escribir en %1: %2</translation>
    </message>
    <message>
        <source>Cannot protect %1 (owner-only access).</source>
        <translation>No se puede proteger %1 (acceso solo para el propietario).</translation>
    </message>
</context>
<context>
    <name>hh::records::FhirBundleWriter</name>
    <message>
        <source>The export file could not be written.</source>
        <translation>No se pudo escribir el archivo de exportación.</translation>
    </message>
    <message>
        <source>The export could not be written.</source>
        <translation>No se pudo escribir la exportación.</translation>
    </message>
</context>
<context>
    <name>hh::records::RecordTypes</name>
    <message>
        <source>Conditions</source>
        <translation>Afecciones</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>Medicamentos</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Alergias</translation>
    </message>
    <message>
        <source>Immunizations</source>
        <translation>Vacunas</translation>
    </message>
    <message>
        <source>Encounters</source>
        <translation>Consultas</translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation>Procedimientos</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Labs &amp; vitals</source>
        <translation>Análisis de laboratorio y signos vitales</translation>
    </message>
    <message>
        <source>Other records</source>
        <translation>Otros registros</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Afección</translation>
    </message>
    <message>
        <source>Medication order</source>
        <translation>Receta médica</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation>Alergia</translation>
    </message>
    <message>
        <source>Immunization</source>
        <translation>Vacuna</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedimiento</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Lab or vital sign</source>
        <translation>Análisis de laboratorio o signo vital</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <source>Care plan</source>
        <translation>Plan de cuidados</translation>
    </message>
    <message>
        <source>Care team</source>
        <translation>Equipo de atención</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Cobertura</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Profesional de salud</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Demographics</source>
        <translation>Datos personales</translation>
    </message>
    <message>
        <source>Lab result</source>
        <translation>Resultado de laboratorio</translation>
    </message>
    <message>
        <source>Vital sign</source>
        <translation>Signo vital</translation>
    </message>
    <message>
        <source>Other observation</source>
        <translation>Otra observación</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Cualquiera</translation>
    </message>
</context>
<context>
    <name>hh::smart</name>
    <message>
        <source>The sign-in settings for this health system are incomplete or invalid.</source>
        <translation>La configuración de inicio de sesión de este sistema de salud está incompleta o no es válida.</translation>
    </message>
    <message>
        <source>The device key could not be created or used.</source>
        <translation>No se pudo crear ni usar la clave del dispositivo.</translation>
    </message>
    <message>
        <source>This file is not an endpoint directory Health Hub can read (an Epic endpoint Bundle or a SMART User-access Brands Bundle).</source>
        <translation>Este archivo no es un directorio de puntos de conexión que Health Hub pueda leer (un Bundle de puntos de conexión de Epic o un Bundle de SMART User-access Brands).</translation>
    </message>
    <message>
        <source>No network is available.</source>
        <translation>No hay ninguna red disponible.</translation>
    </message>
    <message>
        <source>Health Hub only connects to health systems over https.</source>
        <translation>Health Hub solo se conecta a sistemas de salud mediante https.</translation>
    </message>
    <message>
        <source>The health system did not answer in time.</source>
        <translation>El sistema de salud no respondió a tiempo.</translation>
    </message>
    <message>
        <source>The health system sent an unexpectedly large answer.</source>
        <translation>El sistema de salud envió una respuesta inesperadamente grande.</translation>
    </message>
    <message>
        <source>The health system could not be reached. Check the connection and try again.</source>
        <translation>No se pudo contactar al sistema de salud. Revise la conexión e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The health system sent an answer Health Hub cannot read.</source>
        <translation>El sistema de salud envió una respuesta que Health Hub no puede leer.</translation>
    </message>
    <message>
        <source>The health system refused access. Please sign in again.</source>
        <translation>El sistema de salud rechazó el acceso. Vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>The health system does not offer this service.</source>
        <translation>El sistema de salud no ofrece este servicio.</translation>
    </message>
    <message>
        <source>The health system is busy. Please try again in a minute.</source>
        <translation>El sistema de salud está ocupado. Inténtelo de nuevo en un minuto.</translation>
    </message>
    <message>
        <source>The health system answered with an error (HTTP %1).</source>
        <translation>El sistema de salud respondió con un error (HTTP %1).</translation>
    </message>
    <message>
        <source>The sign-in request is damaged. Please try again.</source>
        <translation>La solicitud de inicio de sesión está dañada. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The health system&apos;s sign-in settings could not be read.</source>
        <translation>No se pudo leer la configuración de inicio de sesión del sistema de salud.</translation>
    </message>
    <message>
        <source>This connection needs you to sign in again.</source>
        <translation>Esta conexión necesita que vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Se canceló la solicitud.</translation>
    </message>
    <message>
        <source>The health system sent a sign-in answer Health Hub cannot read.</source>
        <translation>El sistema de salud envió una respuesta de inicio de sesión que Health Hub no puede leer.</translation>
    </message>
    <message>
        <source>The health system no longer accepts this sign-in. Please sign in again.</source>
        <translation>El sistema de salud ya no acepta este inicio de sesión. Vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>The health system no longer accepts this sign-in (%1). Please sign in again.</source>
        <translation>El sistema de salud ya no acepta este inicio de sesión (%1). Vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>The health system refused the request (%1).</source>
        <translation>El sistema de salud rechazó la solicitud (%1).</translation>
    </message>
    <message>
        <source>The health system refused the request (%1: %2).</source>
        <translation>El sistema de salud rechazó la solicitud (%1: %2).</translation>
    </message>
    <message>
        <source>The security certificate of %1 is not valid, so Health Hub did not connect. Nothing was sent to that site.</source>
        <translation>El certificado de seguridad de %1 no es válido, así que Health Hub no se conectó. No se envió nada a ese sitio.</translation>
    </message>
    <message>
        <source>The health system&apos;s proof of identity (id_token) is not valid, so Health Hub did not connect. Nothing was stored.</source>
        <translation>La prueba de identidad (id_token) del sistema de salud no es válida, así que Health Hub no se conectó. No se guardó nada.</translation>
    </message>
    <message>
        <source>The stored device key is damaged.</source>
        <translation>La clave del dispositivo guardada está dañada.</translation>
    </message>
    <message>
        <source>No health systems were found in this directory.</source>
        <translation>No se encontraron sistemas de salud en este directorio.</translation>
    </message>
    <message>
        <source>The file could not be opened.</source>
        <translation>No se pudo abrir el archivo.</translation>
    </message>
    <message>
        <source>The file is too large for an endpoint directory.</source>
        <translation>El archivo es demasiado grande para un directorio de puntos de conexión.</translation>
    </message>
    <message>
        <source>Health Hub only downloads directories over https.</source>
        <translation>Health Hub solo descarga directorios mediante https.</translation>
    </message>
    <message>
        <source>This health system does not support the secure sign-in method (PKCE S256) that Health Hub requires.</source>
        <translation>Este sistema de salud no admite el método de inicio de sesión seguro (PKCE S256) que Health Hub requiere.</translation>
    </message>
    <message>
        <source>The health system did not confirm.</source>
        <translation>El sistema de salud no lo confirmó.</translation>
    </message>
    <message>
        <source>The device could not be registered.</source>
        <translation>No se pudo registrar el dispositivo.</translation>
    </message>
</context>
<context>
    <name>hh::smart::LoopbackRedirectListener</name>
    <message>
        <source>The browser sign-in could not be prepared.</source>
        <translation>No se pudo preparar el inicio de sesión en el navegador.</translation>
    </message>
    <message>
        <source>The browser sign-in could not be prepared: port %1 is in use.</source>
        <translation>No se pudo preparar el inicio de sesión en el navegador: el puerto %1 está en uso.</translation>
    </message>
    <message>
        <source>The browser sign-in was not completed in time.</source>
        <translation>El inicio de sesión en el navegador no se completó a tiempo.</translation>
    </message>
    <message>
        <source>Request too large</source>
        <translation>Solicitud demasiado grande</translation>
    </message>
    <message>
        <source>This request was not accepted.</source>
        <translation>No se aceptó esta solicitud.</translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation>Solicitud incorrecta</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>No permitido</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>No encontrado</translation>
    </message>
    <message>
        <source>This page does not exist.</source>
        <translation>Esta página no existe.</translation>
    </message>
    <message>
        <source>Sign-in not accepted</source>
        <translation>Inicio de sesión no aceptado</translation>
    </message>
    <message>
        <source>Health Hub did not expect this sign-in. Please start again from Health Hub.</source>
        <translation>Health Hub no esperaba este inicio de sesión. Vuelva a empezar desde Health Hub.</translation>
    </message>
    <message>
        <source>Sign-in not completed</source>
        <translation>Inicio de sesión no completado</translation>
    </message>
    <message>
        <source>The sign-in was not completed. You can close this window and return to Health Hub.</source>
        <translation>El inicio de sesión no se completó. Puede cerrar esta ventana y volver a Health Hub.</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Sesión iniciada</translation>
    </message>
    <message>
        <source>You can close this window and return to Health Hub.</source>
        <translation>Puede cerrar esta ventana y volver a Health Hub.</translation>
    </message>
</context>
<context>
    <name>hh::sync</name>
    <message>
        <source>The health system sent a page that could not be read.</source>
        <translation>El sistema de salud envió una página que no se pudo leer.</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Sincronizando</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Sincronizado</translation>
    </message>
    <message>
        <source>Synced, some data unavailable</source>
        <translation>Sincronizado, algunos datos no disponibles</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falló</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
</context>
<context>
    <name>hh::sync::FhirClient</name>
    <message>
        <source>The sync was cancelled.</source>
        <translation>Se canceló la sincronización.</translation>
    </message>
    <message>
        <source>No access to this health system; sign in again.</source>
        <translation>No hay acceso a este sistema de salud; vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>The health system sent a link to another server.</source>
        <translation>El sistema de salud envió un enlace a otro servidor.</translation>
    </message>
    <message>
        <source>The request could not be sent.</source>
        <translation>No se pudo enviar la solicitud.</translation>
    </message>
    <message>
        <source>The health system sent an answer that is too large.</source>
        <translation>El sistema de salud envió una respuesta demasiado grande.</translation>
    </message>
    <message>
        <source>The health system did not answer in time.</source>
        <translation>El sistema de salud no respondió a tiempo.</translation>
    </message>
    <message>
        <source>The health system could not be reached.</source>
        <translation>No se pudo contactar al sistema de salud.</translation>
    </message>
    <message>
        <source>The health system refused access; sign in again.</source>
        <translation>El sistema de salud rechazó el acceso; vuelva a iniciar sesión.</translation>
    </message>
</context>
<context>
    <name>hh::sync::SessionPipe</name>
    <message>
        <source>The vault is not open.</source>
        <translation>La bóveda no está abierta.</translation>
    </message>
</context>
<context>
    <name>hh::sync::SyncRun</name>
    <message>
        <source>The health system asked to slow down (%1).</source>
        <translation>El sistema de salud pidió reducir la velocidad (%1).</translation>
    </message>
    <message>
        <source>The health system answered with an error (%1).</source>
        <translation>El sistema de salud respondió con un error (%1).</translation>
    </message>
    <message>
        <source>The health system sent a page that could not be read.</source>
        <translation>El sistema de salud envió una página que no se pudo leer.</translation>
    </message>
    <message>
        <source>Some entries had no id and were skipped.</source>
        <translation>Algunas entradas no tenían id y se omitieron.</translation>
    </message>
    <message>
        <source>The health system kept sending the same page; paging was stopped.</source>
        <translation>El sistema de salud siguió enviando la misma página; se detuvo la paginación.</translation>
    </message>
    <message>
        <source>Too many pages; paging was stopped after %1 pages.</source>
        <translation>Demasiadas páginas; la paginación se detuvo después de %1 páginas.</translation>
    </message>
    <message>
        <source>The health system sent a link to another server; paging was stopped.</source>
        <translation>El sistema de salud envió un enlace a otro servidor; se detuvo la paginación.</translation>
    </message>
    <message>
        <source>Not every referenced record was read (limit reached).</source>
        <translation>No se leyeron todos los registros referenciados (se alcanzó el límite).</translation>
    </message>
    <message>
        <source>The health system did not say whose record this is.</source>
        <translation>El sistema de salud no indicó de quién es este registro.</translation>
    </message>
    <message>
        <source>The sync was cancelled.</source>
        <translation>Se canceló la sincronización.</translation>
    </message>
    <message>
        <source>The health system needs you to sign in again.</source>
        <translation>El sistema de salud necesita que vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>No data could be fetched.</source>
        <translation>No se pudo obtener ningún dato.</translation>
    </message>
    <message>
        <source>Some data could not be fetched (%1).</source>
        <translation>No se pudieron obtener algunos datos (%1).</translation>
    </message>
</context>
<context>
    <name>hh::sync::SyncScheduler</name>
    <message>
        <source>The sync was interrupted (the app stopped).</source>
        <translation>Se interrumpió la sincronización (la aplicación se detuvo).</translation>
    </message>
    <message>
        <source>The sync was cancelled.</source>
        <translation>Se canceló la sincronización.</translation>
    </message>
    <message>
        <source>Another Health Hub (a window or a command) is syncing this vault. Try again when it has finished.</source>
        <translation>Otro Health Hub (una ventana o un comando) está sincronizando esta bóveda. Vuelva a intentarlo cuando termine.</translation>
    </message>
</context>
<context>
    <name>hh::sync::SyncWorker</name>
    <message>
        <source>The health system&apos;s address is not available right now.</source>
        <translation>La dirección del sistema de salud no está disponible en este momento.</translation>
    </message>
</context>
<context>
    <name>hh::ui::AddEndpointDialog</name>
    <message>
        <source>Add a health system</source>
        <translation>Agregar un sistema de salud</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;FHIR address:</source>
        <translation>Dirección &amp;FHIR:</translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation>Id de &amp;cliente:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>Enter a name and the FHIR address.</source>
        <translation>Escriba un nombre y la dirección FHIR.</translation>
    </message>
    <message>
        <source>Asking %1 how to sign in…</source>
        <translation>Consultando a %1 cómo iniciar sesión…</translation>
    </message>
</context>
<context>
    <name>hh::ui::Async</name>
    <message>
        <source>The operation was cancelled.</source>
        <translation>Se canceló la operación.</translation>
    </message>
</context>
<context>
    <name>hh::ui::BusyIndicator</name>
    <message>
        <source>Working</source>
        <translation>Trabajando</translation>
    </message>
</context>
<context>
    <name>hh::ui::ChangePasswordDialog</name>
    <message>
        <source>Current password</source>
        <translation>Contraseña actual</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nueva contraseña</translation>
    </message>
    <message>
        <source>Confirm new password</source>
        <translation>Confirmar la nueva contraseña</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Cambiar la contraseña</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters</source>
        <translation>
            <numerusform>Al menos %n carácter</numerusform>
            <numerusform>Al menos %n caracteres</numerusform>
        </translation>
    </message>
    <message>
        <source>C&amp;hange password</source>
        <translation>Cam&amp;biar la contraseña</translation>
    </message>
    <message>
        <source>The new password will open the vault from now on. Nobody can recover it for you, so keep it somewhere safe.</source>
        <translation>La nueva contraseña abrirá la bóveda a partir de ahora. Nadie puede recuperarla por usted, así que guárdela en un lugar seguro.</translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation>Contraseña &amp;actual:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nueva contraseña:</translation>
    </message>
    <message>
        <source>C&amp;onfirm new password:</source>
        <translation>C&amp;onfirmar la nueva contraseña:</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>Escriba su contraseña actual.</translation>
    </message>
    <message>
        <source>The new password is the same as the current one.</source>
        <translation>La nueva contraseña es igual a la actual.</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>The password could not be changed.</source>
        <translation>No se pudo cambiar la contraseña.</translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation>Cambiando la contraseña…</translation>
    </message>
</context>
<context>
    <name>hh::ui::ConnectDialog</name>
    <message>
        <source>Connect %1 to a health system</source>
        <translation>Conectar a %1 con un sistema de salud</translation>
    </message>
    <message>
        <source>Find the health system where %1 has a patient portal, then sign in to that portal. Health Hub receives read-only access to the records.</source>
        <translation>Busque el sistema de salud donde %1 tiene un portal del paciente y luego inicie sesión en ese portal. Health Hub recibe acceso de solo lectura a los registros.</translation>
    </message>
    <message>
        <source>Search by name or city</source>
        <translation>Buscar por nombre o ciudad</translation>
    </message>
    <message>
        <source>No health system matches.</source>
        <translation>Ningún sistema de salud coincide.</translation>
    </message>
    <message>
        <source>Sign-in settings</source>
        <translation>Configuración de inicio de sesión</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated.</source>
        <translation>Importados: %1 nuevos, %2 actualizados.</translation>
    </message>
    <message>
        <source>Search health systems</source>
        <translation>Buscar sistemas de salud</translation>
    </message>
    <message>
        <source>&amp;Find your health system:</source>
        <translation>&amp;Busque su sistema de salud:</translation>
    </message>
    <message>
        <source>Health systems</source>
        <translation>Sistemas de salud</translation>
    </message>
    <message>
        <source>&amp;Add by FHIR address…</source>
        <translation>&amp;Añadir por dirección FHIR…</translation>
    </message>
    <message>
        <source>&amp;Import directory…</source>
        <translation>&amp;Importar directorio…</translation>
    </message>
    <message>
        <source>Sign-in se&amp;ttings…</source>
        <translation>Con&amp;figuración de inicio de sesión…</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>Iniciar &amp;sesión…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln health system(s) shown</source>
        <translation>
            <numerusform>Mostrando %1 de %Ln sistema de salud</numerusform>
            <numerusform>Mostrando %1 de %Ln sistemas de salud</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hh::ui::DialogButtons</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>hh::ui::DocumentViewer</name>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Documento PDF</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Choose a document to read it here.</source>
        <translation>Elija un documento para leerlo aquí.</translation>
    </message>
    <message>
        <source>Health Hub cannot show this kind of document (%1).</source>
        <translation>Health Hub no puede mostrar este tipo de documento (%1).</translation>
    </message>
</context>
<context>
    <name>hh::ui::DocumentsSection</name>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Detalles…</translation>
    </message>
    <message>
        <source>Filter documents by title</source>
        <translation>Filtrar documentos por título</translation>
    </message>
    <message>
        <source>Filter documents</source>
        <translation>Filtrar documentos</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Choose a document to read it here.</source>
        <translation>Elija un documento para leerlo aquí.</translation>
    </message>
    <message>
        <source>Opening the document…</source>
        <translation>Abriendo el documento…</translation>
    </message>
    <message>
        <source>This document could not be opened.</source>
        <translation>No se pudo abrir este documento.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>No documents found.</source>
        <translation>No se encontraron documentos.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln document(s)</source>
        <translation>
            <numerusform>%Ln documento</numerusform>
            <numerusform>%Ln documentos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hh::ui::EncountersSection</name>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Detalles…</translation>
    </message>
    <message>
        <source>Filter visits by name</source>
        <translation>Filtrar consultas por nombre</translation>
    </message>
    <message>
        <source>Filter visits</source>
        <translation>Filtrar consultas</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Visits, newest first</source>
        <translation>Consultas, las más recientes primero</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>No visits found.</source>
        <translation>No se encontraron consultas.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln visit(s)</source>
        <translation>
            <numerusform>%Ln consulta</numerusform>
            <numerusform>%Ln consultas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hh::ui::EndpointListModel</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (test system)</source>
        <translation>%1 (sistema de prueba)</translation>
    </message>
    <message>
        <source>Demo health system on this computer</source>
        <translation>Sistema de salud de demostración en esta computadora</translation>
    </message>
</context>
<context>
    <name>hh::ui::EndpointSettingsPage</name>
    <message>
        <source>Defaults per vendor</source>
        <translation>Valores predeterminados por proveedor</translation>
    </message>
    <message>
        <source>Epic</source>
        <translation>Epic</translation>
    </message>
    <message>
        <source>athenahealth</source>
        <translation>athenahealth</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>the client id registered with the vendor</source>
        <translation>el id de cliente registrado con el proveedor</translation>
    </message>
    <message>
        <source>default scopes</source>
        <translation>alcances predeterminados</translation>
    </message>
    <message>
        <source>&amp;Vendor:</source>
        <translation>&amp;Proveedor:</translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation>Id de cliente:</translation>
    </message>
    <message>
        <source>Redirect URI:</source>
        <translation>URI de redirección:</translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation>Alcances:</translation>
    </message>
    <message>
        <source>This health system</source>
        <translation>Este sistema de salud</translation>
    </message>
    <message>
        <source>vendor default</source>
        <translation>predeterminado del proveedor</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>In use: client id %1; redirect URI %2</source>
        <translation>En uso: id de cliente %1; URI de redirección %2</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(todavía ninguno)</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
</context>
<context>
    <name>hh::ui::ErrorLabel</name>
    <message>
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
</context>
<context>
    <name>hh::ui::FamilyPage</name>
    <message>
        <source>S&amp;ync all</source>
        <translation>&amp;Sincronizar todo</translation>
    </message>
    <message>
        <source>Opening your family&apos;s profiles…</source>
        <translation>Abriendo los perfiles de su familia…</translation>
    </message>
    <message>
        <source>Nobody here yet</source>
        <translation>Todavía no hay nadie</translation>
    </message>
    <message>
        <source>Add the first family member — yourself, a parent, a child — to start keeping their health records together.</source>
        <translation>Agregue al primer familiar (usted, su madre o padre, un hijo o una hija) para empezar a reunir sus registros de salud.</translation>
    </message>
    <message>
        <source>Add family member</source>
        <translation>Agregar familiar</translation>
    </message>
    <message>
        <source>Family members</source>
        <translation>Familiares</translation>
    </message>
    <message>
        <source>Your family</source>
        <translation>Su familia</translation>
    </message>
    <message>
        <source>Search everyone&apos;s records (name or code)</source>
        <translation>Buscar en los registros de todos (nombre o código)</translation>
    </message>
    <message>
        <source>Search the family&apos;s records</source>
        <translation>Buscar en los registros de la familia</translation>
    </message>
    <message>
        <source>Sync all</source>
        <translation>Sincronizar todo</translation>
    </message>
    <message>
        <source>Fetch new records from every connected health system</source>
        <translation>Obtener registros nuevos de todos los sistemas de salud conectados</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Progreso de la sincronización</translation>
    </message>
    <message>
        <source>Cancel sync</source>
        <translation>Cancelar la sincronización</translation>
    </message>
    <message>
        <source>Syncing %1 of %2…</source>
        <translation>Sincronizando %1 de %2…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>A&amp;dd family member</source>
        <translation>Añadir fa&amp;miliar</translation>
    </message>
    <message>
        <source>Cancel s&amp;ync</source>
        <translation>Cancelar &amp;sincronización</translation>
    </message>
</context>
<context>
    <name>hh::ui::FirstRunWizard</name>
    <message>
        <source>Welcome to Health Hub</source>
        <translation>Le damos la bienvenida a Health Hub</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>Crear una cuenta</translation>
    </message>
    <message>
        <source>Health Hub keeps your family&apos;s health records together on this computer, in an encrypted vault.

Everything in the vault — profiles, records from your health systems, summaries — is encrypted. It opens with your password, or with the system keychain while you are signed in to this computer.

First, create your account. Choose a password you will remember: it protects the vault, and nobody can recover it for you.</source>
        <translation>Health Hub reúne los registros de salud de su familia en esta computadora, en una bóveda cifrada.

Todo lo que hay en la bóveda (perfiles, registros de sus sistemas de salud, resúmenes) está cifrado. Se abre con su contraseña, o con el llavero del sistema mientras tenga la sesión iniciada en esta computadora.

Primero, cree su cuenta. Elija una contraseña que vaya a recordar: protege la bóveda y nadie puede recuperarla por usted.</translation>
    </message>
    <message>
        <source>&amp;Get started</source>
        <translation>&amp;Comenzar</translation>
    </message>
    <message>
        <source>Get started</source>
        <translation>Comenzar</translation>
    </message>
    <message>
        <source>Create your account</source>
        <translation>Cree su cuenta</translation>
    </message>
    <message>
        <source>Create another account</source>
        <translation>Crear otra cuenta</translation>
    </message>
    <message>
        <source>Your email identifies your account on this computer; nothing is sent anywhere.</source>
        <translation>Su correo electrónico identifica su cuenta en esta computadora; no se envía nada a ningún lugar.</translation>
    </message>
    <message>
        <source>The new account shares this computer&apos;s vault but sees only its own family profiles.</source>
        <translation>La nueva cuenta comparte la bóveda de esta computadora, pero solo ve sus propios perfiles familiares.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>nombre@ejemplo.org</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters</source>
        <translation>
            <numerusform>Al menos %n carácter</numerusform>
            <numerusform>Al menos %n caracteres</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>Confirmar la contraseña</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Correo electrónico:</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Su &amp;nombre:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Contra&amp;seña:</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>Con&amp;firmar la contraseña:</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <source>&amp;Back to sign in</source>
        <translation>&amp;Volver a iniciar sesión</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Back to sign in</source>
        <translation>Volver a iniciar sesión</translation>
    </message>
    <message>
        <source>Create &amp;account</source>
        <translation>Crear c&amp;uenta</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Crear cuenta</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>The account could not be created.</source>
        <translation>No se pudo crear la cuenta.</translation>
    </message>
    <message>
        <source>Creating your account…</source>
        <translation>Creando su cuenta…</translation>
    </message>
    <message>
        <source>Creating your encrypted vault…</source>
        <translation>Creando su bóveda cifrada…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>hh::ui::ImportDirectoryDialog</name>
    <message>
        <source>Import a directory of health systems</source>
        <translation>Importar un directorio de sistemas de salud</translation>
    </message>
    <message>
        <source>Choose an endpoint directory file (Epic&apos;s R4 endpoint list or a SMART &quot;User-access Brands&quot; bundle) or enter its https address.</source>
        <translation>Elija un archivo de directorio de puntos de conexión (la lista de puntos de conexión R4 de Epic o un paquete SMART «User-access Brands») o escriba su dirección https.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Endpoint directory</source>
        <translation>Directorio de puntos de conexión</translation>
    </message>
    <message>
        <source>FHIR JSON (*.json);;All files (*)</source>
        <translation>FHIR JSON (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Choose a file or enter an address.</source>
        <translation>Elija un archivo o escriba una dirección.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
</context>
<context>
    <name>hh::ui::LabsSection</name>
    <message>
        <source>&amp;Out of range only</source>
        <translation>Solo fuera de ran&amp;go</translation>
    </message>
    <message>
        <source>Filter by test name or code</source>
        <translation>Filtrar por nombre o código del análisis</translation>
    </message>
    <message>
        <source>Filter tests</source>
        <translation>Filtrar análisis</translation>
    </message>
    <message>
        <source>Kind of test</source>
        <translation>Tipo de análisis</translation>
    </message>
    <message>
        <source>Labs and vitals</source>
        <translation>Análisis de laboratorio y signos vitales</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>Resultados de laboratorio</translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation>Signos vitales</translation>
    </message>
    <message>
        <source>Other observations</source>
        <translation>Otras observaciones</translation>
    </message>
    <message>
        <source>Show chart</source>
        <translation>Mostrar gráfico</translation>
    </message>
    <message>
        <source>Labs and vital signs</source>
        <translation>Análisis de laboratorio y signos vitales</translation>
    </message>
    <message>
        <source>The results could not be read.</source>
        <translation>No se pudieron leer los resultados.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>No results found.</source>
        <translation>No se encontraron resultados.</translation>
    </message>
    <message>
        <source>Show cha&amp;rt…</source>
        <translation>Mostrar gráf&amp;ico…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln test(s)</source>
        <translation>
            <numerusform>%Ln prueba</numerusform>
            <numerusform>%Ln pruebas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hh::ui::LanguageDialog</name>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Language of Health Hub</source>
        <translation>Idioma de Health Hub</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>Idioma del sistema (%1)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Health Hub uses the new language the next time it starts. Dates and numbers follow the language too. The --lang command-line option overrides this choice.</source>
        <translation>Health Hub usará el nuevo idioma la próxima vez que se inicie. Las fechas y los números también siguen el idioma. La opción de línea de comandos --lang tiene prioridad sobre esta elección.</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;Aceptar</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Language changed</source>
        <translation>Idioma cambiado</translation>
    </message>
    <message>
        <source>Health Hub will use %1 the next time it starts.</source>
        <translation>Health Hub usará %1 la próxima vez que se inicie.</translation>
    </message>
    <message>
        <source>Close Health Hub and open it again to switch now.</source>
        <translation>Cierre Health Hub y vuelva a abrirlo para cambiarlo ahora.</translation>
    </message>
</context>
<context>
    <name>hh::ui::LoginBrowserLoader</name>
    <message>
        <source>The sign-in window could not be loaded: %1</source>
        <translation>No se pudo cargar la ventana de inicio de sesión: %1</translation>
    </message>
    <message>
        <source>the file %1 is missing. Reinstall Health Hub.</source>
        <translation>falta el archivo %1. Vuelva a instalar Health Hub.</translation>
    </message>
    <message>
        <source>%1 belongs to another version of Health Hub. Reinstall Health Hub.</source>
        <translation>%1 pertenece a otra versión de Health Hub. Vuelva a instalar Health Hub.</translation>
    </message>
</context>
<context>
    <name>hh::ui::LoginDialog</name>
    <message>
        <source>Sign in to your health system</source>
        <translation>Inicie sesión en su sistema de salud</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Volver a cargar</translation>
    </message>
    <message>
        <source>The connection to this site is encrypted.</source>
        <translation>La conexión con este sitio está cifrada.</translation>
    </message>
    <message>
        <source>Address of the sign-in page</source>
        <translation>Dirección de la página de inicio de sesión</translation>
    </message>
    <message>
        <source>Some portals do not work inside apps. Sign in with your web browser; Health Hub receives the answer on this computer.</source>
        <translation>Algunos portales no funcionan dentro de las aplicaciones. Inicie sesión con su navegador web; Health Hub recibe la respuesta en esta computadora.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>The security certificate of %1 is not valid, so Health Hub did not continue. Nothing was sent to that site.</source>
        <translation>El certificado de seguridad de %1 no es válido, así que Health Hub no continuó. No se envió nada a ese sitio.</translation>
    </message>
    <message>
        <source>The sign-in page tried to open an unprotected page (%1). Health Hub only opens encrypted (https) pages and refused it.</source>
        <translation>La página de inicio de sesión intentó abrir una página no protegida (%1). Health Hub solo abre páginas cifradas (https) y la rechazó.</translation>
    </message>
    <message>
        <source>The sign-in page stopped working. Try again.</source>
        <translation>La página de inicio de sesión dejó de funcionar. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Health Hub is locked.</source>
        <translation>Health Hub está bloqueado.</translation>
    </message>
    <message>
        <source>Opening the sign-in page…</source>
        <translation>Abriendo la página de inicio de sesión…</translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation>Iniciar sesión en %1</translation>
    </message>
    <message>
        <source>Encrypted connection to %1</source>
        <translation>Conexión cifrada con %1</translation>
    </message>
    <message>
        <source>%1 runs on this computer (not encrypted)</source>
        <translation>%1 se ejecuta en esta computadora (sin cifrar)</translation>
    </message>
    <message>
        <source>Finishing the sign-in with %1…</source>
        <translation>Terminando el inicio de sesión con %1…</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>Conectado.</translation>
    </message>
    <message>
        <source>Health Hub cannot receive the answer from your browser on port %1: %2</source>
        <translation>Health Hub no puede recibir la respuesta de su navegador en el puerto %1: %2</translation>
    </message>
    <message>
        <source>Your web browser could not be opened.</source>
        <translation>No se pudo abrir su navegador web.</translation>
    </message>
    <message>
        <source>Finish signing in to %1 in your web browser. Health Hub continues here as soon as the portal sends you back.</source>
        <translation>Termine de iniciar sesión en %1 en su navegador web. Health Hub continuará aquí en cuanto el portal lo devuelva.</translation>
    </message>
    <message>
        <source>The sign-in failed.</source>
        <translation>El inicio de sesión falló.</translation>
    </message>
    <message>
        <source>&amp;Open in my browser instead</source>
        <translation>&amp;Abrir en mi navegador</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>The sign-in page of %1 could not be reached. Check the internet connection and try again.</source>
        <translation>No se pudo acceder a la página de inicio de sesión de %1. Compruebe la conexión a internet e inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>hh::ui::MainWindow</name>
    <message>
        <source>Health Hub</source>
        <translation>Health Hub</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Sesión iniciada como %1</translation>
    </message>
    <message>
        <source>%1 — Health Hub</source>
        <translation>%1 — Health Hub</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Bloquear ahora</translation>
    </message>
    <message>
        <source>Close the vault; your password opens it again</source>
        <translation>Cerrar la bóveda; su contraseña la vuelve a abrir</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ce&amp;rrar sesión</translation>
    </message>
    <message>
        <source>Close the vault and forget the account</source>
        <translation>Cerrar la bóveda y olvidar la cuenta</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Quit Health Hub</source>
        <translation>Salir de Health Hub</translation>
    </message>
    <message>
        <source>&amp;Add profile…</source>
        <translation>&amp;Agregar perfil…</translation>
    </message>
    <message>
        <source>Add a family member</source>
        <translation>Agregar un familiar</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>&amp;Edit profile…</source>
        <translation>&amp;Editar perfil…</translation>
    </message>
    <message>
        <source>Edit the selected family member</source>
        <translation>Editar el familiar seleccionado</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>&amp;Remove profile…</source>
        <translation>&amp;Quitar perfil…</translation>
    </message>
    <message>
        <source>Remove the selected family member and all their records</source>
        <translation>Quitar el familiar seleccionado y todos sus registros</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Cambiar la &amp;contraseña…</translation>
    </message>
    <message>
        <source>Change the password that opens the vault</source>
        <translation>Cambiar la contraseña que abre la bóveda</translation>
    </message>
    <message>
        <source>&amp;About Health Hub</source>
        <translation>&amp;Acerca de Health Hub</translation>
    </message>
    <message>
        <source>Version and license</source>
        <translation>Versión y licencia</translation>
    </message>
    <message>
        <source>Export &amp;visit summary (PDF)…</source>
        <translation>Exportar resumen para la &amp;consulta (PDF)…</translation>
    </message>
    <message>
        <source>Write a visit summary of the selected family member to a PDF file</source>
        <translation>Escribir un resumen para la consulta del familiar seleccionado en un archivo PDF</translation>
    </message>
    <message>
        <source>Export &amp;FHIR bundle…</source>
        <translation>Exportar paquete &amp;FHIR…</translation>
    </message>
    <message>
        <source>Write all records of the selected family member as a FHIR bundle (JSON)</source>
        <translation>Escribir todos los registros del familiar seleccionado como un paquete FHIR (JSON)</translation>
    </message>
    <message>
        <source>Export &amp;patient summary (IPS)…</source>
        <translation>Exportar resumen del &amp;paciente (IPS)…</translation>
    </message>
    <message>
        <source>Write an International Patient Summary (FHIR document) of the selected family member</source>
        <translation>Escribir un Resumen Internacional del Paciente (documento FHIR) del familiar seleccionado</translation>
    </message>
    <message>
        <source>&amp;Connect a health system…</source>
        <translation>C&amp;onectar un sistema de salud…</translation>
    </message>
    <message>
        <source>Sign in to a patient portal for the selected family member</source>
        <translation>Iniciar sesión en un portal del paciente para el familiar seleccionado</translation>
    </message>
    <message>
        <source>S&amp;ync all</source>
        <translation>&amp;Sincronizar todo</translation>
    </message>
    <message>
        <source>Fetch new records from every connected health system</source>
        <translation>Obtener registros nuevos de todos los sistemas de salud conectados</translation>
    </message>
    <message>
        <source>&amp;Family</source>
        <translation>&amp;Familia</translation>
    </message>
    <message>
        <source>Show the whole family</source>
        <translation>Mostrar a toda la familia</translation>
    </message>
    <message>
        <source>&amp;Open profile</source>
        <translation>&amp;Abrir perfil</translation>
    </message>
    <message>
        <source>Open the selected family member&apos;s records</source>
        <translation>Abrir los registros del familiar seleccionado</translation>
    </message>
    <message>
        <source>&amp;Search records…</source>
        <translation>&amp;Buscar en los registros…</translation>
    </message>
    <message>
        <source>Search by name or code</source>
        <translation>Buscar por nombre o código</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>F&amp;amily</source>
        <translation>&amp;Familia</translation>
    </message>
    <message>
        <source>A&amp;ccount</source>
        <translation>C&amp;uenta</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>C&amp;onfiguración</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familia</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Bloquear ahora</translation>
    </message>
    <message>
        <source>Sync finished.</source>
        <translation>Sincronización terminada.</translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <comment>file name: person, what, date</comment>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <source>Export visit summary</source>
        <translation>Exportar resumen para la consulta</translation>
    </message>
    <message>
        <source>visit summary</source>
        <translation>resumen para la consulta</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing %1&apos;s visit summary…</source>
        <translation>Escribiendo el resumen para la consulta de %1…</translation>
    </message>
    <message>
        <source>Could not export the visit summary</source>
        <translation>No se pudo exportar el resumen para la consulta</translation>
    </message>
    <message>
        <source>Saved the visit summary to %1.</source>
        <translation>Se guardó el resumen para la consulta en %1.</translation>
    </message>
    <message>
        <source>Export patient summary (IPS)</source>
        <translation>Exportar resumen del paciente (IPS)</translation>
    </message>
    <message>
        <source>Export FHIR bundle</source>
        <translation>Exportar paquete FHIR</translation>
    </message>
    <message>
        <source>patient summary</source>
        <translation>resumen del paciente</translation>
    </message>
    <message>
        <source>FHIR records</source>
        <translation>registros FHIR</translation>
    </message>
    <message>
        <source>FHIR JSON (*.json)</source>
        <translation>FHIR JSON (*.json)</translation>
    </message>
    <message>
        <source>Writing %1&apos;s records…</source>
        <translation>Escribiendo los registros de %1…</translation>
    </message>
    <message>
        <source>Saved %1 records to %2.</source>
        <translation>Se guardaron %1 registros en %2.</translation>
    </message>
    <message>
        <source>Could not export the records</source>
        <translation>No se pudieron exportar los registros</translation>
    </message>
    <message>
        <source>Could not open the family list</source>
        <translation>No se pudo abrir la lista de la familia</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Se guardó %1.</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Quitar perfil</translation>
    </message>
    <message>
        <source>Remove %1 from Health Hub?</source>
        <translation>¿Quitar a %1 de Health Hub?</translation>
    </message>
    <message>
        <source>This deletes %1&apos;s profile and everything stored for it: health system connections, records and summaries. It cannot be undone.</source>
        <translation>Esto elimina el perfil de %1 y todo lo que se guardó para él o ella: conexiones con sistemas de salud, registros y resúmenes. No se puede deshacer.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation>Quitando a %1…</translation>
    </message>
    <message>
        <source>Could not remove %1</source>
        <translation>No se pudo quitar a %1</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>Se quitó a %1.</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>Contraseña cambiada.</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Contraseña cambiada</translation>
    </message>
    <message>
        <source>Your new password opens the vault from now on.</source>
        <translation>Su nueva contraseña abre la bóveda a partir de ahora.</translation>
    </message>
    <message>
        <source>About Health Hub</source>
        <translation>Acerca de Health Hub</translation>
    </message>
    <message>
        <source>Health Hub %1</source>
        <translation>Health Hub %1</translation>
    </message>
    <message>
        <source>Your family&apos;s health records, synced from their health systems and kept in an encrypted vault on this computer.</source>
        <translation>Los registros de salud de su familia, sincronizados desde sus sistemas de salud y guardados en una bóveda cifrada en esta computadora.</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>Algo salió mal. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>&amp;Language…</source>
        <translation>&amp;Idioma…</translation>
    </message>
    <message>
        <source>Choose the language Health Hub uses</source>
        <translation>Elegir el idioma que usa Health Hub</translation>
    </message>
    <message>
        <source>Cancel s&amp;ync</source>
        <translation>Cancelar &amp;sincronización</translation>
    </message>
    <message>
        <source>Stop every sync that is running</source>
        <translation>Detener todas las sincronizaciones en curso</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>Auto-lock and automatic sync</source>
        <translation>Bloqueo automático y sincronización automática</translation>
    </message>
    <message>
        <source>Add another &amp;account…</source>
        <translation>Añadir otra c&amp;uenta…</translation>
    </message>
    <message>
        <source>Create another account in this vault; it sees only its own family profiles</source>
        <translation>Crear otra cuenta en esta bóveda; solo verá sus propios perfiles familiares</translation>
    </message>
    <message numerus="yes">
        <source>Sync finished; %1 of %Ln health system(s) failed.</source>
        <translation>
            <numerusform>Sincronización terminada; con errores en %1 de %Ln sistema de salud.</numerusform>
            <numerusform>Sincronización terminada; con errores en %1 de %Ln sistemas de salud.</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>The sync schedule could not be saved: %1</source>
        <translation>No se pudo guardar la programación de la sincronización: %1</translation>
    </message>
</context>
<context>
    <name>hh::ui::ProfileCardDelegate</name>
    <message>
        <source>%1 · %2</source>
        <comment>relationship · age</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 (+%2 more)</source>
        <translation>%1 (y %2 más)</translation>
    </message>
</context>
<context>
    <name>hh::ui::ProfileEditorDialog</name>
    <message>
        <source>Date of birth &amp;unknown</source>
        <translation>Fecha de nacimiento &amp;desconocida</translation>
    </message>
    <message>
        <source>Add family member</source>
        <translation>Agregar familiar</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>Editar perfil</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nombre para mostrar</translation>
    </message>
    <message>
        <source>How the family calls them, e.g. Mom</source>
        <translation>Cómo lo llama la familia, por ejemplo Mamá</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Nombre legal</translation>
    </message>
    <message>
        <source>As on insurance cards (optional)</source>
        <translation>Como en las tarjetas del seguro (opcional)</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Date of birth unknown</source>
        <translation>Fecha de nacimiento desconocida</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Parentesco</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Agregar</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>Agregar perfil</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Guardar perfil</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Nombre para mostrar:</translation>
    </message>
    <message>
        <source>&amp;Legal name:</source>
        <translation>Nombre &amp;legal:</translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation>Fecha de naci&amp;miento:</translation>
    </message>
    <message>
        <source>&amp;Relationship:</source>
        <translation>&amp;Parentesco:</translation>
    </message>
    <message>
        <source>The profile could not be saved.</source>
        <translation>No se pudo guardar el perfil.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>hh::ui::ProfileListModel</name>
    <message>
        <source>%1, %2, %3</source>
        <extracomment>Profile card for screen readers and tooltips: name, relationship, age</extracomment>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>%1. %2. %3.</source>
        <extracomment>Profile card, continued: sync state, counts</extracomment>
        <translation>%1. %2. %3.</translation>
    </message>
    <message>
        <source>Age unknown</source>
        <translation>Edad desconocida</translation>
    </message>
    <message numerus="yes">
        <source>%n years</source>
        <comment>age</comment>
        <translation>
            <numerusform>%n año</numerusform>
            <numerusform>%n años</numerusform>
        </translation>
    </message>
    <message>
        <source>Under a month</source>
        <translation>Menos de un mes</translation>
    </message>
    <message>
        <source>1 month</source>
        <comment>age</comment>
        <translation>1 mes</translation>
    </message>
    <message numerus="yes">
        <source>%n months</source>
        <comment>age</comment>
        <translation>
            <numerusform>%n mes</numerusform>
            <numerusform>%n meses</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hh::ui::ProfileView</name>
    <message>
        <source>E&amp;xport visit summary…</source>
        <translation>E&amp;xportar resumen para la consulta…</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familia</translation>
    </message>
    <message>
        <source>Back to the family</source>
        <translation>Volver a la familia</translation>
    </message>
    <message>
        <source>Back to the family (Alt+Left)</source>
        <translation>Volver a la familia (Alt+Izquierda)</translation>
    </message>
    <message>
        <source>Avatar</source>
        <translation>Avatar</translation>
    </message>
    <message>
        <source>Search by name or code</source>
        <translation>Buscar por nombre o código</translation>
    </message>
    <message>
        <source>Search this person&apos;s records</source>
        <translation>Buscar en los registros de esta persona</translation>
    </message>
    <message>
        <source>Export visit summary as PDF</source>
        <translation>Exportar el resumen para la consulta como PDF</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Afecciones</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>Medicamentos</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Alergias</translation>
    </message>
    <message>
        <source>Labs &amp; vitals</source>
        <translation>Análisis de laboratorio y signos vitales</translation>
    </message>
    <message>
        <source>Immunizations</source>
        <translation>Vacunas</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Consultas</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Sources &amp; sync history</source>
        <translation>Fuentes e historial de sincronización</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>nació el %1</translation>
    </message>
</context>
<context>
    <name>hh::ui::RawJsonDialog</name>
    <message>
        <source>Raw FHIR data — %1</source>
        <translation>Datos FHIR sin procesar — %1</translation>
    </message>
    <message>
        <source>What each health system sent, exactly as received (FHIR JSON).</source>
        <translation>Lo que envió cada sistema de salud, exactamente como se recibió (FHIR JSON).</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Fuente:</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Raw FHIR JSON</source>
        <translation>FHIR JSON sin procesar</translation>
    </message>
    <message>
        <source>No source data is stored for this record.</source>
        <translation>No hay datos de origen guardados para este registro.</translation>
    </message>
    <message>
        <source>This source&apos;s data is no longer in the vault (it was removed at the health system or the connection was deleted).</source>
        <translation>Los datos de esta fuente ya no están en la bóveda (se eliminaron en el sistema de salud o se borró la conexión).</translation>
    </message>
    <message>
        <source>%1 (id %2)</source>
        <comment>health system, FHIR id</comment>
        <translation>%1 (id %2)</translation>
    </message>
</context>
<context>
    <name>hh::ui::RecordDetailsDialog</name>
    <message>
        <source>Opening the record…</source>
        <translation>Abriendo el registro…</translation>
    </message>
    <message>
        <source>The health systems disagree</source>
        <translation>Los sistemas de salud no coinciden</translation>
    </message>
    <message>
        <source>Show &amp;raw FHIR data…</source>
        <translation>Mostrar datos FHIR sin p&amp;rocesar…</translation>
    </message>
    <message>
        <source>Show &amp;chart…</source>
        <translation>Mostrar &amp;gráfico…</translation>
    </message>
    <message>
        <source>Record details</source>
        <translation>Detalles del registro</translation>
    </message>
    <message>
        <source>Conflicting values</source>
        <translation>Valores en conflicto</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Health Hub keeps every value; the record shows the one from the most complete source. Ask your care team which one is right.</source>
        <translation>Health Hub conserva todos los valores; el registro muestra el de la fuente más completa. Pregunte a su equipo de atención cuál es el correcto.</translation>
    </message>
    <message>
        <source>&amp;Where this came from</source>
        <translation>&amp;De dónde proviene</translation>
    </message>
    <message>
        <source>Sources of this record</source>
        <translation>Fuentes de este registro</translation>
    </message>
    <message>
        <source>Health system</source>
        <translation>Sistema de salud</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Record id there</source>
        <translation>Id del registro allí</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation>Última sincronización</translation>
    </message>
    <message>
        <source>Show raw FHIR data</source>
        <translation>Mostrar datos FHIR sin procesar</translation>
    </message>
    <message>
        <source>Show chart</source>
        <translation>Mostrar gráfico</translation>
    </message>
    <message>
        <source>This record could not be opened.</source>
        <translation>No se pudo abrir este registro.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>%1 — record details</source>
        <translation>%1 — detalles del registro</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>value and flag</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Resultado:</translation>
    </message>
    <message>
        <source>Reference range:</source>
        <translation>Rango de referencia:</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Código:</translation>
    </message>
    <message>
        <source>Other codes:</source>
        <translation>Otros códigos:</translation>
    </message>
    <message>
        <source>Resolved:</source>
        <translation>Resuelto:</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>Hasta:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Concentración:</translation>
    </message>
    <message>
        <source>Dose:</source>
        <translation>Dosis:</translation>
    </message>
    <message>
        <source>Risk:</source>
        <translation>Riesgo:</translation>
    </message>
    <message>
        <source>Reactions:</source>
        <translation>Reacciones:</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Dónde:</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Prestador:</translation>
    </message>
    <message>
        <source>Clinician:</source>
        <translation>Profesional de salud:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Descripción:</translation>
    </message>
    <message>
        <source>Conclusion:</source>
        <translation>Conclusión:</translation>
    </message>
    <message>
        <source>No longer stored</source>
        <translation>Ya no está guardado</translation>
    </message>
</context>
<context>
    <name>hh::ui::RecordFormat</name>
    <message>
        <source>%1 %2</source>
        <comment>value and unit</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <comment>reference range</comment>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>≤ %1</source>
        <comment>reference range</comment>
        <translation>≤ %1</translation>
    </message>
    <message>
        <source>≥ %1</source>
        <comment>reference range</comment>
        <translation>≥ %1</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alto</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <source>Critically high</source>
        <translation>Críticamente alto</translation>
    </message>
    <message>
        <source>Critically low</source>
        <translation>Críticamente bajo</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Crítico</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positivo</translation>
    </message>
    <message>
        <source>Resistant</source>
        <translation>Resistente</translation>
    </message>
    <message>
        <source>Abnormal</source>
        <translation>Anormal</translation>
    </message>
    <message>
        <source>Rising</source>
        <translation>En aumento</translation>
    </message>
    <message>
        <source>Falling</source>
        <translation>En descenso</translation>
    </message>
    <message>
        <source>Stable</source>
        <translation>Estable</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactivo</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <source>In remission</source>
        <translation>En remisión</translation>
    </message>
    <message>
        <source>Recurred</source>
        <translation>Recurrente</translation>
    </message>
    <message>
        <source>Relapsed</source>
        <translation>Recaída</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Suspendido</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Intended</source>
        <translation>Previsto</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>No realizado</translation>
    </message>
    <message>
        <source>Not taken</source>
        <translation>No tomado</translation>
    </message>
    <message>
        <source>Entered in error</source>
        <translation>Registrado por error</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Amended</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Corregido</translation>
    </message>
    <message>
        <source>Preliminary</source>
        <translation>Preliminar</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planificado</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Llegó</translation>
    </message>
    <message>
        <source>Triaged</source>
        <translation>Evaluado en triaje</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>On leave</source>
        <translation>De permiso</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>Reemplazado</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>In preparation</source>
        <translation>En preparación</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>leve</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderada</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>grave</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Needs sign-in</source>
        <translation>Necesita iniciar sesión</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Sincronizando</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Sincronizado</translation>
    </message>
    <message>
        <source>Partly synced</source>
        <translation>Sincronizado en parte</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falló</translation>
    </message>
    <message>
        <source>No records yet</source>
        <translation>Todavía no hay registros</translation>
    </message>
    <message>
        <source>Updating</source>
        <translation>Actualizando</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Al día</translation>
    </message>
    <message>
        <source>Could not be updated</source>
        <translation>No se pudo actualizar</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>code system and code</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>No health system connected</source>
        <translation>Ningún sistema de salud conectado</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Nunca sincronizado</translation>
    </message>
    <message>
        <source>Last sync failed</source>
        <translation>La última sincronización falló</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>Sincronizado: %1</translation>
    </message>
    <message>
        <source>1 condition</source>
        <translation>1 afección</translation>
    </message>
    <message numerus="yes">
        <source>%n conditions</source>
        <comment>active</comment>
        <translation>
            <numerusform>%n afección</numerusform>
            <numerusform>%n afecciones</numerusform>
        </translation>
    </message>
    <message>
        <source>1 medication</source>
        <translation>1 medicamento</translation>
    </message>
    <message numerus="yes">
        <source>%n medications</source>
        <comment>active</comment>
        <translation>
            <numerusform>%n medicamento</numerusform>
            <numerusform>%n medicamentos</numerusform>
        </translation>
    </message>
    <message>
        <source>no known allergies</source>
        <translation>sin alergias conocidas</translation>
    </message>
    <message>
        <source>1 allergy</source>
        <translation>1 alergia</translation>
    </message>
    <message numerus="yes">
        <source>%n allergies</source>
        <translation>
            <numerusform>%n alergia</numerusform>
            <numerusform>%n alergias</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <comment>counts on a profile card</comment>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 is out of range</source>
        <translation>%1 está fuera de rango</translation>
    </message>
    <message>
        <source>%1 is out of range: %2</source>
        <translation>%1 está fuera de rango: %2</translation>
    </message>
    <message>
        <source>%1: the health systems disagree</source>
        <translation>%1: los sistemas de salud no coinciden</translation>
    </message>
    <message>
        <source>%1 needs you to sign in again</source>
        <translation>%1 necesita que vuelva a iniciar sesión</translation>
    </message>
    <message>
        <source>%1 has a connection problem</source>
        <translation>%1 tiene un problema de conexión</translation>
    </message>
    <message>
        <source>Syncing %1 failed</source>
        <translation>Falló la sincronización de %1</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>Riesgo alto</translation>
    </message>
    <message>
        <source>Low risk</source>
        <translation>Riesgo bajo</translation>
    </message>
    <message>
        <source>Unknown risk</source>
        <translation>Riesgo desconocido</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>reaction and severity</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Alerta</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>Página web</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
</context>
<context>
    <name>hh::ui::RecordTableModel</name>
    <message>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <comment>visit, date, place</comment>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>%1 (the health systems disagree)</source>
        <translation>%1 (los sistemas de salud no coinciden)</translation>
    </message>
    <message>
        <source>The health systems disagree about this record. Open it to compare their values.</source>
        <translation>Los sistemas de salud no coinciden sobre este registro. Ábralo para comparar sus valores.</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>De: %1</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Afección</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation>Alergia</translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation>Vacuna</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Prescribed</source>
        <translation>Recetado</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Strength and dose</source>
        <translation>Concentración y dosis</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Riesgo</translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation>Reacciones</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Alerta</translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation>Rango de referencia</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
</context>
<context>
    <name>hh::ui::RecordsSection</name>
    <message>
        <source>No conditions found.</source>
        <translation>No se encontraron afecciones.</translation>
    </message>
    <message>
        <source>No medications found.</source>
        <translation>No se encontraron medicamentos.</translation>
    </message>
    <message>
        <source>No allergies found.</source>
        <translation>No se encontraron alergias.</translation>
    </message>
    <message>
        <source>No immunizations found.</source>
        <translation>No se encontraron vacunas.</translation>
    </message>
    <message>
        <source>No procedures found.</source>
        <translation>No se encontraron procedimientos.</translation>
    </message>
    <message>
        <source>No records found.</source>
        <translation>No se encontraron registros.</translation>
    </message>
    <message>
        <source>Current conditions</source>
        <translation>Afecciones actuales</translation>
    </message>
    <message>
        <source>Current medications</source>
        <translation>Medicamentos actuales</translation>
    </message>
    <message>
        <source>Active allergies</source>
        <translation>Alergias activas</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Aplicadas</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Past conditions</source>
        <translation>Afecciones anteriores</translation>
    </message>
    <message>
        <source>Past medications</source>
        <translation>Medicamentos anteriores</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>No aplicadas</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactivo</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Detalles…</translation>
    </message>
    <message>
        <source>Filter by name or code</source>
        <translation>Filtrar por nombre o código</translation>
    </message>
    <message>
        <source>Filter %1</source>
        <translation>Filtrar %1</translation>
    </message>
    <message>
        <source>Which records</source>
        <translation>Qué registros</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>The records could not be read.</source>
        <translation>No se pudieron leer los registros.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln registro</numerusform>
            <numerusform>%Ln registros</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hh::ui::SearchResultsModel</name>
    <message>
        <source>%1 results</source>
        <translation>%1 resultados</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Family member</source>
        <translation>Familiar</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Más reciente</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Coincidencias</translation>
    </message>
</context>
<context>
    <name>hh::ui::SearchResultsView</name>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Results for “%1”</source>
        <translation>Resultados para «%1»</translation>
    </message>
    <message>
        <source>Type a name or a code to search.</source>
        <translation>Escriba un nombre o un código para buscar.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>The search failed.</source>
        <translation>La búsqueda falló.</translation>
    </message>
    <message>
        <source>Nothing found. Try another name or a code.</source>
        <translation>No se encontró nada. Pruebe con otro nombre o con un código.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln match(es). Press Enter to open one.</source>
        <translation>
            <numerusform>%Ln coincidencia. Pulse Intro para abrirla.</numerusform>
            <numerusform>%Ln coincidencias. Pulse Intro para abrir una.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hh::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Lock automatically after minutes without use</source>
        <translation>Bloquear automáticamente después de estos minutos sin uso</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Health Hub locks itself when nobody has used it for this long. 0 turns automatic locking off.</source>
        <translation>Health Hub se bloquea solo cuando nadie lo ha usado durante este tiempo. Con 0 se desactiva el bloqueo automático.</translation>
    </message>
    <message>
        <source>&amp;Lock after:</source>
        <translation>&amp;Bloquear después de:</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;Aceptar</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Sync automatically</source>
        <translation>Sincronizar automáticamente</translation>
    </message>
    <message>
        <source>Never (only when I ask)</source>
        <translation>Nunca (solo cuando lo pida)</translation>
    </message>
    <message>
        <source>When Health Hub starts</source>
        <translation>Al iniciar Health Hub</translation>
    </message>
    <message>
        <source>Once a day</source>
        <translation>Una vez al día</translation>
    </message>
    <message>
        <source>&amp;Sync automatically:</source>
        <translation>&amp;Sincronizar automáticamente:</translation>
    </message>
    <message>
        <source>Once a day: while Health Hub is open, every health system not synced in the last 24 hours is synced. The choice is kept in the vault, for every account that uses it.</source>
        <translation>Una vez al día: mientras Health Hub está abierto, se sincroniza cada sistema de salud que no se haya sincronizado en las últimas 24 horas. La elección se guarda en la bóveda, para todas las cuentas que la usan.</translation>
    </message>
</context>
<context>
    <name>hh::ui::SignInWindow</name>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>Create &amp;another account…</source>
        <translation>Crear &amp;otra cuenta…</translation>
    </message>
    <message>
        <source>Health Hub</source>
        <translation>Health Hub</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>nombre@ejemplo.org</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Create another account</source>
        <translation>Crear otra cuenta</translation>
    </message>
    <message>
        <source>Add another person&apos;s account to the vault on this computer.</source>
        <translation>Agregar la cuenta de otra persona a la bóveda de esta computadora.</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Correo electrónico:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Contra&amp;seña:</translation>
    </message>
    <message>
        <source>Sign in to Health Hub</source>
        <translation>Iniciar sesión en Health Hub</translation>
    </message>
    <message>
        <source>Enter the email and password of your Health Hub account.</source>
        <translation>Escriba el correo electrónico y la contraseña de su cuenta de Health Hub.</translation>
    </message>
    <message>
        <source>Unlock Health Hub</source>
        <translation>Desbloquear Health Hub</translation>
    </message>
    <message>
        <source>Your family&apos;s records are locked. Enter your password to open them.</source>
        <translation>Los registros de su familia están bloqueados. Escriba su contraseña para abrirlos.</translation>
    </message>
    <message>
        <source>The password is not correct.</source>
        <translation>La contraseña no es correcta.</translation>
    </message>
    <message>
        <source>There is no account with this email on this computer.</source>
        <translation>No hay ninguna cuenta con este correo electrónico en esta computadora.</translation>
    </message>
    <message>
        <source>The vault was created by a newer version of Health Hub. Please update Health Hub.</source>
        <translation>La bóveda se creó con una versión más reciente de Health Hub. Actualice Health Hub.</translation>
    </message>
    <message>
        <source>There is no vault on this computer yet.</source>
        <translation>Todavía no hay ninguna bóveda en esta computadora.</translation>
    </message>
    <message>
        <source>Signing in failed. Please try again.</source>
        <translation>No se pudo iniciar sesión. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Escriba su contraseña.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
</context>
<context>
    <name>hh::ui::SourcesSection</name>
    <message>
        <source>Connected health systems</source>
        <translation>Sistemas de salud conectados</translation>
    </message>
    <message>
        <source>Health system</source>
        <translation>Sistema de salud</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation>Última sincronización</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>Último problema</translation>
    </message>
    <message>
        <source>Connect a health system</source>
        <translation>Conectar un sistema de salud</translation>
    </message>
    <message>
        <source>Connecting health systems is not available in this session.</source>
        <translation>La conexión de sistemas de salud no está disponible en esta sesión.</translation>
    </message>
    <message>
        <source>Syncing is not available in this session. The records below are the ones already stored on this computer.</source>
        <translation>La sincronización no está disponible en esta sesión. Los registros de abajo son los que ya están guardados en esta computadora.</translation>
    </message>
    <message>
        <source>Recent syncs</source>
        <translation>Sincronizaciones recientes</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Recursos</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>No health system is connected yet. Connect one to bring in the records.</source>
        <translation>Todavía no hay ningún sistema de salud conectado. Conecte uno para traer los registros.</translation>
    </message>
    <message>
        <source>Sign in again to keep syncing.</source>
        <translation>Vuelva a iniciar sesión para seguir sincronizando.</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Co&amp;nnect a health system…</source>
        <translation>Co&amp;nectar un sistema de salud…</translation>
    </message>
    <message>
        <source>Health syste&amp;ms</source>
        <translation>Siste&amp;mas de salud</translation>
    </message>
    <message>
        <source>Recen&amp;t syncs</source>
        <translation>Sincronizaciones &amp;recientes</translation>
    </message>
    <message>
        <source>&amp;Disconnect…</source>
        <translation>D&amp;esconectar…</translation>
    </message>
    <message>
        <source>Disconnect the selected health system</source>
        <translation>Desconectar el sistema de salud seleccionado</translation>
    </message>
    <message>
        <source>Stop syncing the selected health system and revoke Health Hub&apos;s access there; its records are kept unless you choose to delete them.</source>
        <translation>Deja de sincronizar el sistema de salud seleccionado y revoca allí el acceso de Health Hub; sus registros se conservan salvo que elija eliminarlos.</translation>
    </message>
    <message>
        <source>Disconnect %1</source>
        <translation>Desconectar %1</translation>
    </message>
    <message>
        <source>%1 is already disconnected. Delete the records synced from it?</source>
        <translation>%1 ya está desconectado. ¿Eliminar los registros sincronizados desde él?</translation>
    </message>
    <message>
        <source>Disconnect %1?</source>
        <translation>¿Desconectar %1?</translation>
    </message>
    <message>
        <source>The records of the other health systems are kept.</source>
        <translation>Los registros de los demás sistemas de salud se conservan.</translation>
    </message>
    <message>
        <source>Health Hub stops syncing it and asks it to revoke Health Hub&apos;s access. You can connect it again later.</source>
        <translation>Health Hub deja de sincronizarlo y le pide que revoque el acceso de Health Hub. Puede volver a conectarlo más tarde.</translation>
    </message>
    <message>
        <source>Disconnecting and deleting the records…</source>
        <translation>Desconectando y eliminando los registros…</translation>
    </message>
    <message>
        <source>Disconnecting…</source>
        <translation>Desconectando…</translation>
    </message>
    <message>
        <source>Delete records</source>
        <translation>Eliminar registros</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Desconectar</translation>
    </message>
    <message>
        <source>Also delete the records synced from it</source>
        <translation>Eliminar también los registros sincronizados desde él</translation>
    </message>
    <message>
        <source>The health system revoked Health Hub&apos;s access.</source>
        <translation>El sistema de salud revocó el acceso de Health Hub.</translation>
    </message>
    <message>
        <source>Disconnected; the records synced from it were deleted.</source>
        <translation>Desconectado; se eliminaron los registros sincronizados desde él.</translation>
    </message>
    <message>
        <source>Disconnected; the records synced from it were kept.</source>
        <translation>Desconectado; se conservaron los registros sincronizados desde él.</translation>
    </message>
    <message>
        <source>The summary is being built again from the other health systems.</source>
        <translation>El resumen se está generando de nuevo a partir de los demás sistemas de salud.</translation>
    </message>
</context>
<context>
    <name>hh::ui::SummaryHtml</name>
    <message>
        <source>Connect a health system</source>
        <translation>Conecte un sistema de salud</translation>
    </message>
    <message>
        <source>Syncing now — this summary updates when it finishes.</source>
        <translation>Sincronizando ahora; este resumen se actualiza cuando termine.</translation>
    </message>
    <message>
        <source>The summary could not be brought up to date.</source>
        <translation>No se pudo actualizar el resumen.</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Requiere atención</translation>
    </message>
    <message>
        <source>Born %1</source>
        <translation>Nació el %1</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Femenino</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculino</translation>
    </message>
    <message>
        <source>Name in the records: %1</source>
        <translation>Nombre en los registros: %1</translation>
    </message>
    <message>
        <source>(sources disagree)</source>
        <translation>(las fuentes no coinciden)</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Afecciones</translation>
    </message>
    <message>
        <source>No current conditions recorded.</source>
        <translation>No hay afecciones actuales registradas.</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>desde %1</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>Medicamentos</translation>
    </message>
    <message>
        <source>No current medications recorded.</source>
        <translation>No hay medicamentos actuales registrados.</translation>
    </message>
    <message>
        <source>prescribed %1</source>
        <translation>recetado el %1</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Alergias</translation>
    </message>
    <message>
        <source>No known allergies.</source>
        <translation>Sin alergias conocidas.</translation>
    </message>
    <message>
        <source>No allergies recorded.</source>
        <translation>No hay alergias registradas.</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Análisis</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Más reciente</translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation>Rango de referencia</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Tendencia</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Recent lab results</source>
        <translation>Resultados de laboratorio recientes</translation>
    </message>
    <message>
        <source>No lab results recorded.</source>
        <translation>No hay resultados de laboratorio registrados.</translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation>Signos vitales</translation>
    </message>
    <message>
        <source>No vital signs recorded.</source>
        <translation>No hay signos vitales registrados.</translation>
    </message>
    <message>
        <source>Immunizations</source>
        <translation>Vacunas</translation>
    </message>
    <message>
        <source>No immunizations recorded.</source>
        <translation>No hay vacunas registradas.</translation>
    </message>
    <message>
        <source>Possibly due:</source>
        <translation>Posiblemente pendiente:</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Consultas</translation>
    </message>
    <message>
        <source>No visits recorded.</source>
        <translation>No hay consultas registradas.</translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation>próxima</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>No health system connected.</source>
        <translation>Ningún sistema de salud conectado.</translation>
    </message>
    <message>
        <source>%1 · last synced %2 · %3 records</source>
        <translation>%1 · última sincronización %2 · %3 registros</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Summary updated %1.</source>
        <translation>Resumen actualizado: %1.</translation>
    </message>
    <message>
        <source>There are no records for %1 yet. %2 to bring them in; once synced, they stay readable here without a network.</source>
        <translation>Todavía no hay registros de %1. %2 para traerlos; una vez sincronizados, se pueden leer aquí sin conexión a la red.</translation>
    </message>
</context>
<context>
    <name>hh::ui::SummarySection</name>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Opening the summary…</source>
        <translation>Abriendo el resumen…</translation>
    </message>
    <message>
        <source>The records of this family member are not available in this session.</source>
        <translation>Los registros de este familiar no están disponibles en esta sesión.</translation>
    </message>
    <message>
        <source>The summary could not be read.</source>
        <translation>No se pudo leer el resumen.</translation>
    </message>
</context>
<context>
    <name>hh::ui::SyncConnectionRow</name>
    <message>
        <source>Waiting to sync…</source>
        <translation>Esperando para sincronizar…</translation>
    </message>
    <message>
        <source>Syncing (%1)…</source>
        <translation>Sincronizando (%1)…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Needs sign-in again</source>
        <translation>Necesita volver a iniciar sesión</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Connected, not synced yet</source>
        <translation>Conectado, todavía sin sincronizar</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 of %2 kinds of records · %3 records</source>
        <translation>%1 de %2 tipos de registros · %3 registros</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Comenzando…</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>En espera…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Sync progress of %1</source>
        <translation>Progreso de la sincronización de %1</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Nunca sincronizado</translation>
    </message>
    <message>
        <source>Last synced: %1</source>
        <translation>Última sincronización: %1</translation>
    </message>
    <message>
        <source>Last problem: %1</source>
        <translation>Último problema: %1</translation>
    </message>
    <message>
        <source>Cancel the sync of %1</source>
        <translation>Cancelar la sincronización de %1</translation>
    </message>
    <message>
        <source>Sync %1 now</source>
        <translation>Sincronizar %1 ahora</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
</context>
<context>
    <name>hh::ui::SyncHistoryModel</name>
    <message numerus="yes">
        <source>%n kind(s) of record not offered by this health system</source>
        <translation>
            <numerusform>%n tipo de registro que este sistema de salud no ofrece</numerusform>
            <numerusform>%n tipos de registros que este sistema de salud no ofrece</numerusform>
        </translation>
    </message>
    <message>
        <source>Finished %1</source>
        <translation>Terminado: %1</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Family member</source>
        <translation>Familiar</translation>
    </message>
    <message>
        <source>Health system</source>
        <translation>Sistema de salud</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
</context>
<context>
    <name>hh::ui::SyncPanel</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualizar</translation>
    </message>
    <message>
        <source>No health system is connected yet.</source>
        <translation>Todavía no hay ningún sistema de salud conectado.</translation>
    </message>
    <message>
        <source>Overall sync progress</source>
        <translation>Progreso general de la sincronización</translation>
    </message>
    <message>
        <source>Sync history</source>
        <translation>Historial de sincronización</translation>
    </message>
    <message>
        <source>Sync every family member now</source>
        <translation>Sincronizar a todos los familiares ahora</translation>
    </message>
    <message>
        <source>Sync all health systems of this family member now</source>
        <translation>Sincronizar ahora todos los sistemas de salud de este familiar</translation>
    </message>
    <message>
        <source>Nothing to sync.</source>
        <translation>No hay nada que sincronizar.</translation>
    </message>
    <message>
        <source>Not syncing.</source>
        <translation>Sin sincronizar.</translation>
    </message>
    <message>
        <source>Cancel a&amp;ll</source>
        <translation>Cancelar to&amp;do</translation>
    </message>
    <message>
        <source>Sync hist&amp;ory</source>
        <translation>&amp;Historial de sincronización</translation>
    </message>
    <message>
        <source>S&amp;ync everyone</source>
        <translation>&amp;Sincronizar a todos</translation>
    </message>
    <message>
        <source>S&amp;ync all</source>
        <translation>&amp;Sincronizar todo</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) fetched</source>
        <translation>
            <numerusform>%Ln registro descargado</numerusform>
            <numerusform>%Ln registros descargados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Syncing %1 of %Ln health system(s)…</source>
        <translation>
            <numerusform>Sincronizando %1 de %Ln sistema de salud…</numerusform>
            <numerusform>Sincronizando %1 de %Ln sistemas de salud…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hh::ui::TestChartDialog</name>
    <message>
        <source>Reading the results…</source>
        <translation>Leyendo los resultados…</translation>
    </message>
    <message>
        <source>Results over time</source>
        <translation>Resultados a lo largo del tiempo</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Alerta</translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation>Rango de referencia</translation>
    </message>
    <message>
        <source>%1 over time</source>
        <translation>%1 a lo largo del tiempo</translation>
    </message>
    <message>
        <source>Chart of %1 over time</source>
        <translation>Gráfico de %1 a lo largo del tiempo</translation>
    </message>
    <message>
        <source>The results could not be read.</source>
        <translation>No se pudieron leer los resultados.</translation>
    </message>
    <message>
        <source>There are no numeric results to chart.</source>
        <translation>No hay resultados numéricos para graficar.</translation>
    </message>
    <message>
        <source>The newest %1 of %2 results.</source>
        <translation>Los %1 más recientes de %2 resultados.</translation>
    </message>
    <message>
        <source>One result.</source>
        <translation>Un resultado.</translation>
    </message>
    <message>
        <source>%1 results.</source>
        <translation>%1 resultados.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>series and value</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Out of range</source>
        <translation>Fuera de rango</translation>
    </message>
</context>
<context>
    <name>hh::ui::TestTableModel</name>
    <message>
        <source>%1 %2</source>
        <comment>trend arrow and word</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 (the health systems disagree)</source>
        <translation>%1 (los sistemas de salud no coinciden)</translation>
    </message>
    <message>
        <source>Previous result: %1</source>
        <translation>Resultado anterior: %1</translation>
    </message>
    <message>
        <source>The health systems disagree about the latest result.</source>
        <translation>Los sistemas de salud no coinciden sobre el resultado más reciente.</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Análisis</translation>
    </message>
    <message>
        <source>Latest result</source>
        <translation>Último resultado</translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation>Rango de referencia</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Alerta</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Tendencia</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
</context>
<context>
    <name>hh::ui::TimelineDelegate</name>
    <message>
        <source>Date unknown</source>
        <translation>Fecha desconocida</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Próxima</translation>
    </message>
</context>
<context>
    <name>hh::ui::VisitSummaryPdf</name>
    <message>
        <source>Born %1 (%2)</source>
        <translation>Nació el %1 (%2)</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Femenino</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculino</translation>
    </message>
    <message>
        <source>Known as %1</source>
        <translation>Nombre habitual: %1</translation>
    </message>
    <message>
        <source>Visit summary: %1</source>
        <translation>Resumen para la consulta: %1</translation>
    </message>
    <message>
        <source>Records as of %1, from %2. Printed %3.</source>
        <translation>Registros al %1, de %2. Impreso el %3.</translation>
    </message>
    <message>
        <source>an unknown date</source>
        <translation>una fecha desconocida</translation>
    </message>
    <message>
        <source>no connected health system</source>
        <translation>ningún sistema de salud conectado</translation>
    </message>
    <message>
        <source>No records have been synced for %1 yet.</source>
        <translation>Todavía no se han sincronizado registros de %1.</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Requiere atención</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>alert and date</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Current conditions</source>
        <translation>Afecciones actuales</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>Nada registrado.</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Afección</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Current medications</source>
        <translation>Medicamentos actuales</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <source>How to take</source>
        <translation>Cómo tomarlo</translation>
    </message>
    <message>
        <source>Prescribed</source>
        <translation>Recetado</translation>
    </message>
    <message>
        <source>Allergies and intolerances</source>
        <translation>Alergias e intolerancias</translation>
    </message>
    <message>
        <source>No known allergies.</source>
        <translation>Sin alergias conocidas.</translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation>Alergia</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Riesgo</translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation>Reacciones</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Análisis</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation>Rango de referencia</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Alerta</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Tendencia</translation>
    </message>
    <message>
        <source>Recent lab results</source>
        <translation>Resultados de laboratorio recientes</translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation>Signos vitales</translation>
    </message>
    <message>
        <source>Immunizations</source>
        <translation>Vacunas</translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation>Vacuna</translation>
    </message>
    <message>
        <source>Recent and upcoming visits</source>
        <translation>Consultas recientes y próximas</translation>
    </message>
    <message>
        <source>%1 (upcoming)</source>
        <translation>%1 (próxima)</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Where these records come from</source>
        <translation>De dónde provienen estos registros</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>No health system connected.</source>
        <translation>Ningún sistema de salud conectado.</translation>
    </message>
    <message>
        <source>Health system</source>
        <translation>Sistema de salud</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation>Última sincronización</translation>
    </message>
    <message>
        <source>Made with Health Hub from the records these health systems shared. Values from different systems were merged; please confirm anything important with the care team.</source>
        <translation>Hecho con Health Hub a partir de los registros que compartieron estos sistemas de salud. Se combinaron valores de distintos sistemas; confirme cualquier dato importante con el equipo de atención.</translation>
    </message>
    <message>
        <source>Writing a PDF needs the graphical application (fonts).</source>
        <translation>Escribir un PDF necesita la aplicación gráfica (fuentes).</translation>
    </message>
    <message>
        <source>The PDF could not be started.</source>
        <translation>No se pudo iniciar el PDF.</translation>
    </message>
    <message>
        <source>Visit summary — %1</source>
        <translation>Resumen para la consulta — %1</translation>
    </message>
    <message>
        <source>Date of birth: %1</source>
        <translation>Fecha de nacimiento: %1</translation>
    </message>
    <message>
        <source>Date of birth not recorded</source>
        <translation>Fecha de nacimiento no registrada</translation>
    </message>
    <message>
        <source>Printed %1 by Health Hub</source>
        <translation>Impreso el %1 por Health Hub</translation>
    </message>
    <message>
        <source>The PDF could not be written.</source>
        <translation>No se pudo escribir el PDF.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>Not shared by %1.</source>
        <translation>No lo compartió %1.</translation>
    </message>
</context>
</TS>
