<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>hh::Keychain</name>
    <message>
        <source>The system keychain is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain holds no key for this vault.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::Relationship</name>
    <message>
        <source>Self</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mother</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Father</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sibling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grandparent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::Validation</name>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>The password needs at least %n character.</numerusform>
            <numerusform>The password needs at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter a valid email address, such as name@example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date of birth as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth is too far in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile needs a display name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name cannot contain line breaks or control characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::VaultHeader</name>
    <message>
        <source>There is no vault in this data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault header could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This vault was created by a newer version of Health Hub. Update Health Hub to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault header could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account with this email address exists in this vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is not correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault header file is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::VaultKeys</name>
    <message>
        <source>A vault already exists in this data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account with this email address exists in this vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain entry is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::app</name>
    <message>
        <source>Profile name or id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint id (see &apos;endpoint list&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name to suggest to the portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redirect URI to use instead of the endpoint&apos;s setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connect needs --profile and --endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout needs a number of seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--redirect-uri needs a URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connect needs a window system (or QT_QPA_PLATFORM=offscreen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in did not finish in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also delete the records synced from this health system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disconnect needs --profile and --endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system revoked Health Hub&apos;s access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access could not be revoked at the health system: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This health system offers no way to revoke access; it ends on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected; the records synced from it were deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected; the records synced from it were kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo caregiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo vault could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown option %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo family is incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up after this many seconds (default: 120 offscreen, none otherwise).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo health systems have no patient for this profile&apos;s relationship: give --login-hint self, mother, father or child.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was already disconnected from %2; the records synced from it were deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was already disconnected from %2; its records are kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::app::AccountCommands</name>
    <message>
        <source>Name shown in Health Hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth, YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>self, mother, father, spouse, child, sibling, grandparent or other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile add needs --display-name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown relationship &quot;%1&quot;; use self, mother, father, spouse, child, sibling, grandparent or other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name or id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile remove needs exactly one profile name or id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed profile %1 and all of its records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init needs --email and --name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the account %1 in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile needs one of: add, list, remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown profile command &quot;%1&quot;; use add, list or remove.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::app::Cli</name>
    <message>
        <source>The operation failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;healthhub --help&apos; for usage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password file %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password: give --password-file or the password on the first line of the input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This command needs --email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no vault in %1. Create one with &apos;healthhub init&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is longer than %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is not UTF-8 text.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::app::ConnectCommands</name>
    <message>
        <source>The demo health systems are closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::app::EndpointCommands</name>
    <message>
        <source>Sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only health systems whose name or city matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File or https URL of the directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>endpoint import needs exactly one file or URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health Hub downloads directories over https only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported the directory: %1 new, %2 updated, %3 skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the health system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its FHIR R4 base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client id registered there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>endpoint add needs --name and --fhir-base.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--fhir-base needs a URL such as https://fhir.example.org/r4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>endpoint needs one of: list, import, add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown endpoint command &quot;%1&quot;; use list, import or add.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::app::ExportCommand</name>
    <message>
        <source>Profile name or id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a visit summary PDF to this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the records as a FHIR R4 bundle (JSON).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --fhir: write an International Patient Summary (FHIR document) instead of every record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper size of the PDF: a4 or letter (default: from the locale).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export needs --profile NAME_OR_ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export needs --pdf FILE or --fhir FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--ips goes with --fhir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown paper size &quot;%1&quot;; use a4 or letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF export needs the graphical libraries; run with QT_QPA_PLATFORM=offscreen when there is no display.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 FHIR entries for %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote the visit summary of %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give --pdf FILE or --fhir FILE, not both.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::app::SummaryCommand</name>
    <message>
        <source>The summary could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>syncing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no summary yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(trend: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>– from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>– the sources disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>– %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No summary yet: connect a health system and sync this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immunizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immunizations due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent labs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest vital signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encounters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No known allergies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): %3 records, last sync %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name or id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the summary as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>summary needs --profile NAME_OR_ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::app::SyncCommand</name>
    <message>
        <source>Profile name or id (default: every profile).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the jobs as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 kinds of records, %4 records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2: %3, %4 records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connected health system to sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: updating the records, %2%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records of %1 could not be updated: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 records, %3 after removing duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--profile needs a profile name or id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::app::Usage</name>
    <message>
        <source>Usage: healthhub [GLOBAL OPTIONS] [COMMAND [ARGS]]</source>
        <extracomment>The synopsis line: keep &quot;healthhub&quot;; the words in capitals may be translated.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With no command, the Health Hub window opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit status: 0 success, 1 the operation failed, 2 the command line is wrong.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::app::sandbox</name>
    <message>
        <source>%1 needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--port needs a number from 0 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--scale needs a number from 1 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown argument &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--replay needs a directory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::clinical::SummaryBuilder</name>
    <message>
        <source>Dose %1 of %2 is expected by %3 months of age.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No flu vaccine recorded for this season.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tetanus booster (Td/Tdap) on record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last tetanus booster (Td/Tdap) was more than 10 years ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two doses of shingles vaccine are recommended from age 50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pneumococcal vaccine is recommended from age 65.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs you to sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not share: %2 (the health system refused).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>medications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allergies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>immunizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test results and vital signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health systems give different dates of birth or sexes for this person: check that each connection is this family member&apos;s record (Sources &amp; sync history).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::clinical::Vaccines</name>
    <message>
        <source>Influenza (flu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tetanus and diphtheria (Td/Tdap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DTaP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hepatitis B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hib</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pneumococcal conjugate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pneumococcal polysaccharide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measles, mumps, rubella</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Varicella (chickenpox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hepatitis A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotavirus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HPV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meningococcal ACWY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meningococcal B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shingles (zoster)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COVID-19</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::connect</name>
    <message>
        <source>The demo health systems are not available here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo health systems do not offer %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::connect::ConnectService</name>
    <message>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health Hub downloads directories over https only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the health system a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The FHIR address must start with https:// (plain http only on this computer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer as a SMART on FHIR server: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The FHIR address of %1 is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health Hub has no client id for %1 yet. Enter the client id you registered with the vendor in the health system settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health Hub could not reach the sign-in service of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system&apos;s answer had no sign-in reference. Nothing was connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sign-in answer does not belong to a sign-in Health Hub started. Nothing was connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sign-in answer was already used. Start the sign-in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in took longer than 10 minutes and has expired. Start it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in answer was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That page is not the end of the sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sign-in answer belongs to another sign-in. Nothing was connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access was not granted at %1, so nothing was connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ended the sign-in (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ended the sign-in: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system&apos;s answer was incomplete. Nothing was connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in could not be completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not say whose records Health Hub may read. Nothing was connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 offers no lasting access to this app: sign in again when this access ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 gave no lasting access: sign in again when this access ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lasting access could not be set up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lasting access could not be set up at %1: sign in again when this access ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lasting access could not be set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system could not be reached to revoke the access; it ends on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored sign-in of this connection cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection needs you to sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection was disconnected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This health system gives no lasting access: sign in again to keep syncing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored sign-in cannot be read: sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device key of this connection cannot be read: sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system no longer accepts this sign-in: sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The redirect URI must be https, or http to 127.0.0.1 on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown vendor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in could not be renewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in renewal was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a proof of identity (id_token) that Health Hub cannot check: the health system does not publish its issuer and signing keys. Nothing was connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer of %1 did not prove who signed in (invalid id_token). Nothing was connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health Hub could not get the signing keys of %1 to check the sign-in: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo health system is not running. Start it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in answer did not come from %1. Nothing was connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access was not granted at %1, so nothing was connected. The health system said: “%2”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::crypto</name>
    <message>
        <source>A cryptographic operation failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data could not be decrypted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::db::ClinicalPipeline</name>
    <message>
        <source>The records could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::db::ClinicalPipeline::Impl</name>
    <message>
        <source>Updating the records was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records could not be updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The summary could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last sync failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::db::ConnectionFactory</name>
    <message>
        <source>The vault database could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file is not encrypted. Health Hub refuses to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database key is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault database could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A vault database already exists here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault database could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no vault database in this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder for the vault could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key does not open this vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database would not be encrypted. Health Hub refuses to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault database is empty. Restore it from a backup, or move the data folder away to start a new vault.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::db::ConnectionStore</name>
    <message>
        <source>The profile could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile is not connected to that health system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connections could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new sign-in tokens could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection could not be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You signed in as a different patient than the one this profile is connected to at this health system. Sign in as that patient, or disconnect it (deleting its records) and connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system now answers for a different patient. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::db::EndpointStore</name>
    <message>
        <source>The built-in health systems could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The directory of health systems could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The directory of health systems could not be searched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The directory could not be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system could not be added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The directory already lists &quot;%1&quot; with this FHIR address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings of the health system could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such health system in the directory.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::db::Migrations</name>
    <message>
        <source>The database schema could not be updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This vault was created by a newer version of Health Hub. Please update Health Hub to open it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::db::OAuthStateStore</name>
    <message>
        <source>The sign-in could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in answer could not be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old sign-in requests could not be removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::db::ProfileStore</name>
    <message>
        <source>The profiles could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile is named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several profiles are named &quot;%1&quot;; use the profile id instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile could not be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such profile.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::db::RecordsReader</name>
    <message>
        <source>This profile does not exist (any more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record is no longer in the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record is not a document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The content of this document was not downloaded from the health system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document&apos;s content is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again to keep syncing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your records could not be read from the vault.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::db::RecordsService</name>
    <message>
        <source>The vault is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::db::SqlCipherDriver</name>
    <message>
        <source>The database is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database key is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be keyed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::db::SyncHistoryService</name>
    <message>
        <source>The connections could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync history could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::db::SyncSession</name>
    <message>
        <source>The sync history could not be updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connections could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records could not be updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync state could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync state could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile status could not be updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last sync failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end of the sync could not be recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync settings could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync settings could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::db::UserStore</name>
    <message>
        <source>The account could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An account with this email address already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account with this email address exists in this vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::db::VaultService</name>
    <message>
        <source>The data folder holds a database without its vault header; it cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A vault already exists here. Sign in with an existing account to add another account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no vault in this data folder. Create an account first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is not correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account with this email address exists in this vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current password is not correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::demo::DemoServer</name>
    <message>
        <source>The demo health systems are already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scale must be between 1 and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access token lifetime must be at least one second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo health systems could not listen on 127.0.0.1:%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lakeside Health (demo, Epic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Riverbend Medical Group (demo, athenahealth)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::demo::FaultPlan</name>
    <message>
        <source>Invalid fault &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::demo::ReplayLibrary</name>
    <message>
        <source>Cannot replay the recording: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no index.json in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>index.json is not valid JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>index.json lists no FHIR requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no index.json under %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::records::ExportFile</name>
    <message>
        <source>Choose a file to export to, not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a regular file to export to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot protect %1 (owner-only access).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::records::FhirBundleWriter</name>
    <message>
        <source>The export file could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::records::RecordTypes</name>
    <message>
        <source>Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immunizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encounters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labs &amp; vitals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immunization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab or vital sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Care plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Care team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demographics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vital sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::smart</name>
    <message>
        <source>The sign-in settings for this health system are incomplete or invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device key could not be created or used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not an endpoint directory Health Hub can read (an Epic endpoint Bundle or a SMART User-access Brands Bundle).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No network is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health Hub only connects to health systems over https.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system sent an unexpectedly large answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system could not be reached. Check the connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system sent an answer Health Hub cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system refused access. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system does not offer this service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system is busy. Please try again in a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system answered with an error (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in request is damaged. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system&apos;s sign-in settings could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection needs you to sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system sent a sign-in answer Health Hub cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system no longer accepts this sign-in. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system no longer accepts this sign-in (%1). Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system refused the request (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system refused the request (%1: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The security certificate of %1 is not valid, so Health Hub did not connect. Nothing was sent to that site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system&apos;s proof of identity (id_token) is not valid, so Health Hub did not connect. Nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored device key is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No health systems were found in this directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large for an endpoint directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health Hub only downloads directories over https.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This health system does not support the secure sign-in method (PKCE S256) that Health Hub requires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system did not confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device could not be registered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::smart::LoopbackRedirectListener</name>
    <message>
        <source>The browser sign-in could not be prepared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The browser sign-in could not be prepared: port %1 is in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The browser sign-in was not completed in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This request was not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health Hub did not expect this sign-in. Please start again from Health Hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in not completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in was not completed. You can close this window and return to Health Hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can close this window and return to Health Hub.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::sync</name>
    <message>
        <source>The health system sent a page that could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced, some data unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::sync::FhirClient</name>
    <message>
        <source>The sync was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access to this health system; sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system sent a link to another server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request could not be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system sent an answer that is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system could not be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system refused access; sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::sync::SessionPipe</name>
    <message>
        <source>The vault is not open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::sync::SyncRun</name>
    <message>
        <source>The health system asked to slow down (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system answered with an error (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system sent a page that could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some entries had no id and were skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system kept sending the same page; paging was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many pages; paging was stopped after %1 pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system sent a link to another server; paging was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not every referenced record was read (limit reached).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system did not say whose record this is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system needs you to sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data could be fetched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some data could not be fetched (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::sync::SyncScheduler</name>
    <message>
        <source>The sync was interrupted (the app stopped).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Health Hub (a window or a command) is syncing this vault. Try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::sync::SyncWorker</name>
    <message>
        <source>The health system&apos;s address is not available right now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::AddEndpointDialog</name>
    <message>
        <source>Add a health system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;FHIR address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name and the FHIR address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1 how to sign in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::Async</name>
    <message>
        <source>The operation was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::BusyIndicator</name>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::ChangePasswordDialog</name>
    <message>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters</source>
        <translation>
            <numerusform>At least %n character</numerusform>
            <numerusform>At least %n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>C&amp;hange password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new password will open the vault from now on. Nobody can recover it for you, so keep it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onfirm new password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new password is the same as the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::ConnectDialog</name>
    <message>
        <source>Connect %1 to a health system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the health system where %1 has a patient portal, then sign in to that portal. Health Hub receives read-only access to the records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name or city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No health system matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search health systems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find your health system:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health systems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add by FHIR address…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import directory…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in se&amp;ttings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln health system(s) shown</source>
        <translation>
            <numerusform>%1 of %Ln health system shown</numerusform>
            <numerusform>%1 of %Ln health systems shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hh::ui::DialogButtons</name>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::DocumentViewer</name>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a document to read it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health Hub cannot show this kind of document (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::DocumentsSection</name>
    <message>
        <source>&amp;Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter documents by title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a document to read it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No documents found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln document(s)</source>
        <translation>
            <numerusform>%Ln document</numerusform>
            <numerusform>%Ln documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hh::ui::EncountersSection</name>
    <message>
        <source>&amp;Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter visits by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No visits found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln visit(s)</source>
        <translation>
            <numerusform>%Ln visit</numerusform>
            <numerusform>%Ln visits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hh::ui::EndpointListModel</name>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (test system)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo health system on this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::EndpointSettingsPage</name>
    <message>
        <source>Defaults per vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>athenahealth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client id registered with the vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vendor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redirect URI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This health system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vendor default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use: client id %1; redirect URI %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::ErrorLabel</name>
    <message>
        <source>Error message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::FamilyPage</name>
    <message>
        <source>S&amp;ync all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening your family&apos;s profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody here yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the first family member — yourself, a parent, a child — to start keeping their health records together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add family member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search everyone&apos;s records (name or code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the family&apos;s records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch new records from every connected health system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd family member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel s&amp;ync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::FirstRunWizard</name>
    <message>
        <source>Welcome to Health Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health Hub keeps your family&apos;s health records together on this computer, in an encrypted vault.

Everything in the vault — profiles, records from your health systems, summaries — is encrypted. It opens with your password, or with the system keychain while you are signed in to this computer.

First, create your account. Choose a password you will remember: it protects the vault, and nobody can recover it for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Get started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create another account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your email identifies your account on this computer; nothing is sent anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new account shares this computer&apos;s vault but sees only its own family profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters</source>
        <translation>
            <numerusform>At least %n character</numerusform>
            <numerusform>At least %n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create &amp;account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating your account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating your encrypted vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::ImportDirectoryDialog</name>
    <message>
        <source>Import a directory of health systems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an endpoint directory file (Epic&apos;s R4 endpoint list or a SMART &quot;User-access Brands&quot; bundle) or enter its https address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FHIR JSON (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file or enter an address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::LabsSection</name>
    <message>
        <source>&amp;Out of range only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by test name or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labs and vitals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other observations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labs and vital signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No results found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show cha&amp;rt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln test(s)</source>
        <translation>
            <numerusform>%Ln test</numerusform>
            <numerusform>%Ln tests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hh::ui::LanguageDialog</name>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of Health Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health Hub uses the new language the next time it starts. Dates and numbers follow the language too. The --lang command-line option overrides this choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health Hub will use %1 the next time it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Health Hub and open it again to switch now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::LoginBrowserLoader</name>
    <message>
        <source>The sign-in window could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file %1 is missing. Reinstall Health Hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 belongs to another version of Health Hub. Reinstall Health Hub.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::LoginDialog</name>
    <message>
        <source>Sign in to your health system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to this site is encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address of the sign-in page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some portals do not work inside apps. Sign in with your web browser; Health Hub receives the answer on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The security certificate of %1 is not valid, so Health Hub did not continue. Nothing was sent to that site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in page tried to open an unprotected page (%1). Health Hub only opens encrypted (https) pages and refused it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in page stopped working. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health Hub is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the sign-in page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted connection to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs on this computer (not encrypted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing the sign-in with %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health Hub cannot receive the answer from your browser on port %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your web browser could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish signing in to %1 in your web browser. Health Hub continues here as soon as the portal sends you back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open in my browser instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in page of %1 could not be reached. Check the internet connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::MainWindow</name>
    <message>
        <source>Health Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Health Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the vault; your password opens it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the vault and forget the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Health Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a family member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected family member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected family member and all their records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the password that opens the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Health Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version and license</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;visit summary (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a visit summary of the selected family member to a PDF file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;FHIR bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write all records of the selected family member as a FHIR bundle (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;patient summary (IPS)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write an International Patient Summary (FHIR document) of the selected family member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect a health system…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to a patient portal for the selected family member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch new records from every connected health system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected family member&apos;s records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;amily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ccount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <comment>file name: person, what, date</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export visit summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visit summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1&apos;s visit summary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export the visit summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the visit summary to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export patient summary (IPS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export FHIR bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patient summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FHIR records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FHIR JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1&apos;s records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 records to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export the records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the family list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from Health Hub?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This deletes %1&apos;s profile and everything stored for it: health system connections, records and summaries. It cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your new password opens the vault from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Health Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health Hub %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your family&apos;s health records, synced from their health systems and kept in an encrypted vault on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the language Health Hub uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel s&amp;ync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop every sync that is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-lock and automatic sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add another &amp;account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create another account in this vault; it sees only its own family profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sync finished; %1 of %Ln health system(s) failed.</source>
        <translation>
            <numerusform>Sync finished; %1 of %Ln health system failed.</numerusform>
            <numerusform>Sync finished; %1 of %Ln health systems failed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync schedule could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::ProfileCardDelegate</name>
    <message>
        <source>%1 · %2</source>
        <comment>relationship · age</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (+%2 more)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::ProfileEditorDialog</name>
    <message>
        <source>Date of birth &amp;unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add family member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the family calls them, e.g. Mom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As on insurance cards (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Legal name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Relationship:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::ProfileListModel</name>
    <message>
        <source>%1, %2, %3</source>
        <extracomment>Profile card for screen readers and tooltips: name, relationship, age</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2. %3.</source>
        <extracomment>Profile card, continued: sync state, counts</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n years</source>
        <comment>age</comment>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message>
        <source>Under a month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 month</source>
        <comment>age</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n months</source>
        <comment>age</comment>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hh::ui::ProfileView</name>
    <message>
        <source>E&amp;xport visit summary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the family (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avatar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search this person&apos;s records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export visit summary as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labs &amp; vitals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immunizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources &amp; sync history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>born %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::RawJsonDialog</name>
    <message>
        <source>Raw FHIR data — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What each health system sent, exactly as received (FHIR JSON).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw FHIR JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No source data is stored for this record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This source&apos;s data is no longer in the vault (it was removed at the health system or the connection was deleted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (id %2)</source>
        <comment>health system, FHIR id</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::RecordDetailsDialog</name>
    <message>
        <source>Opening the record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health systems disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;raw FHIR data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;chart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicting values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health Hub keeps every value; the record shows the one from the most complete source. Ask your care team which one is right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Where this came from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources of this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record id there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show raw FHIR data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — record details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>value and flag</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other codes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reactions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinician:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conclusion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer stored</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::RecordFormat</name>
    <message>
        <source>%1 %2</source>
        <comment>value and unit</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2</source>
        <comment>reference range</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≤ %1</source>
        <comment>reference range</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≥ %1</source>
        <comment>reference range</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critically high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critically low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abnormal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rising</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Falling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In remission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recurred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered in error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preliminary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In preparation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moderate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>severe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No records yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not be updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>code system and code</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No health system connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n conditions</source>
        <comment>active</comment>
        <translation>
            <numerusform>%n condition</numerusform>
            <numerusform>%n conditions</numerusform>
        </translation>
    </message>
    <message>
        <source>1 medication</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n medications</source>
        <comment>active</comment>
        <translation>
            <numerusform>%n medication</numerusform>
            <numerusform>%n medications</numerusform>
        </translation>
    </message>
    <message>
        <source>no known allergies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 allergy</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n allergies</source>
        <translation>
            <numerusform>%n allergy</numerusform>
            <numerusform>%n allergies</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <comment>counts on a profile card</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is out of range: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the health systems disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs you to sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a connection problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>reaction and severity</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::RecordTableModel</name>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <comment>visit, date, place</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the health systems disagree)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health systems disagree about this record. Open it to compare their values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prescribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength and dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::RecordsSection</name>
    <message>
        <source>No conditions found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No medications found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No allergies found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No immunizations found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No procedures found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No records found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current medications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active allergies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past medications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hh::ui::SearchResultsModel</name>
    <message>
        <source>%1 results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::SearchResultsView</name>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results for “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a name or a code to search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found. Try another name or a code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln match(es). Press Enter to open one.</source>
        <translation>
            <numerusform>%Ln match. Press Enter to open it.</numerusform>
            <numerusform>%Ln matches. Press Enter to open one.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hh::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock automatically after minutes without use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health Hub locks itself when nobody has used it for this long. 0 turns automatic locking off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never (only when I ask)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When Health Hub starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync automatically:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once a day: while Health Hub is open, every health system not synced in the last 24 hours is synced. The choice is kept in the vault, for every account that uses it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::SignInWindow</name>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create &amp;another account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create another account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add another person&apos;s account to the vault on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to Health Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the email and password of your Health Hub account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock Health Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your family&apos;s records are locked. Enter your password to open them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is not correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no account with this email on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault was created by a newer version of Health Hub. Please update Health Hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no vault on this computer yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in failed. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::SourcesSection</name>
    <message>
        <source>Connected health systems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a health system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting health systems is not available in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing is not available in this session. The records below are the ones already stored on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent syncs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No health system is connected yet. Connect one to bring in the records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again to keep syncing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;nnect a health system…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health syste&amp;ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recen&amp;t syncs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disconnect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect the selected health system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop syncing the selected health system and revoke Health Hub&apos;s access there; its records are kept unless you choose to delete them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already disconnected. Delete the records synced from it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records of the other health systems are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health Hub stops syncing it and asks it to revoke Health Hub&apos;s access. You can connect it again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnecting and deleting the records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also delete the records synced from it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health system revoked Health Hub&apos;s access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected; the records synced from it were deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected; the records synced from it were kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The summary is being built again from the other health systems.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::SummaryHtml</name>
    <message>
        <source>Connect a health system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing now — this summary updates when it finishes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The summary could not be brought up to date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Born %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name in the records: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(sources disagree)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No current conditions recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No current medications recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prescribed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No known allergies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No allergies recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent lab results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lab results recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No vital signs recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immunizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No immunizations recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possibly due:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No visits recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No health system connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · last synced %2 · %3 records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary updated %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no records for %1 yet. %2 to bring them in; once synced, they stay readable here without a network.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::SummarySection</name>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the summary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records of this family member are not available in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The summary could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::SyncConnectionRow</name>
    <message>
        <source>Waiting to sync…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing (%1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs sign-in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected, not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 kinds of records · %3 records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync progress of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the sync of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync %1 now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::SyncHistoryModel</name>
    <message numerus="yes">
        <source>%n kind(s) of record not offered by this health system</source>
        <translation>
            <numerusform>%n kind of record not offered by this health system</numerusform>
            <numerusform>%n kinds of record not offered by this health system</numerusform>
        </translation>
    </message>
    <message>
        <source>Finished %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::SyncPanel</name>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No health system is connected yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall sync progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync every family member now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync all health systems of this family member now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not syncing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel a&amp;ll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync hist&amp;ory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync all</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) fetched</source>
        <translation>
            <numerusform>%Ln record fetched</numerusform>
            <numerusform>%Ln records fetched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Syncing %1 of %Ln health system(s)…</source>
        <translation>
            <numerusform>Syncing %1 of %Ln health system…</numerusform>
            <numerusform>Syncing %1 of %Ln health systems…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hh::ui::TestChartDialog</name>
    <message>
        <source>Reading the results…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart of %1 over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no numeric results to chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest %1 of %2 results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>series and value</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of range</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::TestTableModel</name>
    <message>
        <source>%1 %2</source>
        <comment>trend arrow and word</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the health systems disagree)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous result: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health systems disagree about the latest result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::TimelineDelegate</name>
    <message>
        <source>Date unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hh::ui::VisitSummaryPdf</name>
    <message>
        <source>Born %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit summary: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records as of %1, from %2. Printed %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no connected health system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No records have been synced for %1 yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>alert and date</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current medications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prescribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies and intolerances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No known allergies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent lab results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immunizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent and upcoming visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (upcoming)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where these records come from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No health system connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made with Health Hub from the records these health systems shared. Values from different systems were merged; please confirm anything important with the care team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing a PDF needs the graphical application (fonts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit summary — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed %1 by Health Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not shared by %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
