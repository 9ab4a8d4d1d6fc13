# Issue 7 (i18n helper): translation catalogs, the Spanish UI and the language setting (tests/i18n).
set(HH_TS_FILES ${CMAKE_SOURCE_DIR}/translations/healthhub_en.ts ${CMAKE_SOURCE_DIR}/translations/healthhub_es.ts)

hh_add_test(NAME tst_i18n_catalogs SOURCES i18n/TestTranslationCatalogs.cpp i18n/TsCatalog.h LABEL unit)
target_compile_definitions(tst_i18n_catalogs PRIVATE HH_TRANSLATIONS_DIR="${CMAKE_SOURCE_DIR}/translations")

# The GUI tests load the .qm files lrelease makes from the same .ts files, embedded under :/i18n — the
# resource path qt_add_translations(healthhub ... RESOURCE_PREFIX /i18n) gives them in the app.
hh_add_test(NAME tst_i18n_spanish_ui
            SOURCES i18n/TestSpanishUi.cpp i18n/TsCatalog.h ${CMAKE_SOURCE_DIR}/app/Bootstrap.cpp
            LIBS hh_ui hh_test_views_fakes LABEL gui GUI)
target_compile_definitions(tst_i18n_spanish_ui PRIVATE HH_TRANSLATIONS_DIR="${CMAKE_SOURCE_DIR}/translations")
qt_add_lrelease(tst_i18n_spanish_ui TS_FILES ${HH_TS_FILES} QM_FILES_OUTPUT_VARIABLE HH_I18N_TEST_QM NO_GLOBAL_TARGET)
qt_add_resources(tst_i18n_spanish_ui "hh_i18n_test_qm" PREFIX /i18n BASE ${CMAKE_CURRENT_BINARY_DIR}
                 FILES ${HH_I18N_TEST_QM})

hh_add_test(NAME tst_i18n_language
            SOURCES i18n/TestLanguageSetting.cpp ${CMAKE_SOURCE_DIR}/app/Bootstrap.cpp
            LIBS hh_ui hh_test_views_fakes LABEL gui GUI ENV HH_I18N_EXPECT_SYSTEM=en)
qt_add_resources(tst_i18n_language "hh_i18n_test_qm_lang" PREFIX /i18n BASE ${CMAKE_CURRENT_BINARY_DIR}
                 FILES ${HH_I18N_TEST_QM})
add_dependencies(tst_i18n_language tst_i18n_spanish_ui_lrelease)
# A plain QTranslator: every catalog message and real call sites of each layer, `healthhub --help` (en, es).
hh_add_test(NAME tst_i18n_call_sites
            SOURCES i18n/TestCallSites.cpp i18n/TsCatalog.h ${CMAKE_SOURCE_DIR}/app/Bootstrap.cpp
            LIBS hh_ui hh_db hh_smart LABEL integration)
target_compile_definitions(tst_i18n_call_sites PRIVATE HH_TRANSLATIONS_DIR="${CMAKE_SOURCE_DIR}/translations")
qt_add_resources(tst_i18n_call_sites "hh_i18n_test_qm_call_sites" PREFIX /i18n BASE ${CMAKE_CURRENT_BINARY_DIR}
                 FILES ${HH_I18N_TEST_QM})
add_dependencies(tst_i18n_call_sites tst_i18n_spanish_ui_lrelease healthhub)
# The same test under a Spanish system locale: "system" must then mean Spanish, and --lang en wins.
add_test(NAME tst_i18n_language_es_system COMMAND tst_i18n_language)
set_tests_properties(tst_i18n_language_es_system PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=es_ES.UTF-8;LANG=es_ES.UTF-8;LANGUAGE=es;HH_I18N_EXPECT_SYSTEM=es;QT_LOGGING_RULES=hh.*.debug=false"
    TIMEOUT 120 LABELS gui)

# The README screenshots' tool (packaging/screenshots/make-screenshots.sh builds and runs it).
add_subdirectory(${CMAKE_SOURCE_DIR}/packaging/screenshots ${CMAKE_BINARY_DIR}/packaging/screenshots)
# Keeps the tool working: it runs in the suite (a few seconds) into a scratch folder of the build.
add_test(NAME tst_screenshots_tool
         COMMAND ${CMAKE_COMMAND} -DTOOL=$<TARGET_FILE:hh_make_screenshots>
                 -DOUT=${CMAKE_CURRENT_BINARY_DIR}/screenshots-check
                 -P ${CMAKE_SOURCE_DIR}/packaging/screenshots/check-screenshots.cmake)
set_tests_properties(tst_screenshots_tool PROPERTIES LABELS e2e TIMEOUT 300
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;QT_LOGGING_RULES=hh.*.debug=false\\;hh.*.info=false")
