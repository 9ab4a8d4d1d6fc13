# hh_add_test(NAME <name> SOURCES <files...> LIBS <targets...> LABEL <unit|integration|gui|e2e>
#             [GUI] [WEBENGINE] [KEYRING] [TIMEOUT <s>] [ENV <VAR=value>...])
#
# One Qt Test class = one executable = one CTest test. The environment that headless runs need is
# set here so that a bare `ctest` works from any shell (PLATFORM-NOTES.md).
set(HH_CORPUS_DIR "${CMAKE_SOURCE_DIR}/../shared/fhir-corpus" CACHE PATH "Real-world FHIR corpus (optional)")

function(hh_add_test)
    cmake_parse_arguments(T "GUI;WEBENGINE;KEYRING" "NAME;LABEL;TIMEOUT" "SOURCES;LIBS;ENV" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test ${T_LIBS})
    target_include_directories(${T_NAME} PRIVATE ${CMAKE_SOURCE_DIR} ${CMAKE_SOURCE_DIR}/tests)
    target_compile_definitions(${T_NAME} PRIVATE
        HH_CORPUS_DIR="${HH_CORPUS_DIR}"
        HH_TEST_DATA_DIR="${CMAKE_SOURCE_DIR}/tests/data"
        HH_BINARY_DIR="${CMAKE_BINARY_DIR}")
    if(T_KEYRING)
        add_test(NAME ${T_NAME}
                 COMMAND sh ${CMAKE_SOURCE_DIR}/tests/support/with-keyring.sh $<TARGET_FILE:${T_NAME}>)
    else()
        add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    endif()
    set(env "QT_QPA_PLATFORM=offscreen" "LC_ALL=C.UTF-8" "QT_LOGGING_RULES=hh.*.debug=false")
    if(T_WEBENGINE)
        list(APPEND env "QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox --disable-gpu" "QTWEBENGINE_DISABLE_SANDBOX=1")
    endif()
    list(APPEND env ${T_ENV})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    if(NOT T_LABEL)
        set(T_LABEL unit)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES ENVIRONMENT "${env}" TIMEOUT ${T_TIMEOUT} LABELS ${T_LABEL})
endfunction()
