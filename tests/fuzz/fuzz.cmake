# Fuzzing (issue 8). Four libFuzzer targets, built with clang in their own build dir (-DHH_FUZZ=ON):
#   fuzz_fhir_page          the sync's page reader (this file)         seeds: fuzz_page_seeds
#   fuzz_normalizer         the clinical pipeline (fuzz/normalizer.cmake) seeds: fuzz_normalizer_seeds
#   fuzz_token_response     token replies (tests/smart.cmake)          seeds: fuzz_smart_seeds
#   fuzz_endpoint_directory endpoint directories (tests/smart.cmake)   seeds: fuzz_smart_seeds
# The seed makers and the harness regression test build in every configuration (gcc too). When the
# main build is configured with -DHH_FUZZ_BIN_DIR=<fuzz build dir> (build.sh does), CTest gets one
# `fuzz_run_<name>` test per fuzzer (label fuzz): fresh seeds, a fresh corpus under
# <build>/fuzz-runs/<name>, HH_FUZZ_SECONDS of fuzzing; a crash or broken invariant fails it and
# leaves the input in <build>/fuzz-runs/<name>/crash-*. Missing fuzz binaries: the tests are skipped.
# A dictionary tests/fuzz/<name>.dict, if present, is passed with -dict=.
set(HH_SYNC_DIR ${CMAKE_SOURCE_DIR}/core/sync)

# --- Always: the page harness on every seed and on the inputs fuzzing found, and the seed makers.
hh_add_test(NAME tst_fuzz_page_regressions
            SOURCES fuzz/TestPageFuzzRegressions.cpp fuzz/PageFuzzHarness.cpp fuzz/PageFuzzHarness.h
                    fuzz/PageSeeds.cpp fuzz/PageSeeds.h
            LIBS hh_sync hh_demo LABEL unit)

add_executable(fuzz_page_seeds fuzz/MakePageSeeds.cpp fuzz/PageSeeds.cpp fuzz/PageFuzzHarness.cpp)
add_executable(fuzz_smart_seeds fuzz/MakeSmartSeeds.cpp)
add_executable(fuzz_normalizer_seeds fuzz/MakeNormalizerSeeds.cpp)
foreach(t fuzz_page_seeds fuzz_smart_seeds fuzz_normalizer_seeds)
    target_include_directories(${t} PRIVATE ${CMAKE_SOURCE_DIR} ${CMAKE_SOURCE_DIR}/tests)
endforeach()
target_link_libraries(fuzz_page_seeds PRIVATE hh_sync hh_demo)
target_link_libraries(fuzz_smart_seeds PRIVATE hh_demo)
target_link_libraries(fuzz_normalizer_seeds PRIVATE Qt6::Core)

# --- -DHH_FUZZ=ON (clang): the page-reader fuzzer. Its sources are compiled again with coverage
# instrumentation; hh_core comes uninstrumented.
if(HH_FUZZ)
    add_executable(fuzz_fhir_page fuzz/FuzzFhirPage.cpp fuzz/PageFuzzHarness.cpp
        ${HH_SYNC_DIR}/FhirPage.cpp ${HH_SYNC_DIR}/JsonText.cpp ${HH_SYNC_DIR}/FhirClient.cpp
        ${HH_SYNC_DIR}/ReferenceScanner.cpp
        ${HH_SYNC_DIR}/RetryPolicy.cpp ${HH_SYNC_DIR}/SyncTypes.cpp)
    target_include_directories(fuzz_fhir_page PRIVATE ${CMAKE_SOURCE_DIR} ${CMAKE_SOURCE_DIR}/tests)
    target_compile_options(fuzz_fhir_page PRIVATE -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer
                                                  -fno-sanitize-recover=undefined)
    target_link_options(fuzz_fhir_page PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_libraries(fuzz_fhir_page PRIVATE hh_core Qt6::Core Qt6::Network)
    # What build.sh builds in the fuzz build dir (nothing else of the project).
    add_custom_target(fuzz_all DEPENDS fuzz_fhir_page fuzz_normalizer fuzz_token_response fuzz_endpoint_directory)
endif()

# --- Main build with -DHH_FUZZ_BIN_DIR: bounded fuzz runs in CTest.
set(HH_FUZZ_BIN_DIR "" CACHE PATH "Build dir of a -DHH_FUZZ=ON build: adds fuzz_run_* tests to CTest")
set(HH_FUZZ_SECONDS 60 CACHE STRING "Seconds each fuzz_run_* test fuzzes")
if(HH_FUZZ_BIN_DIR AND NOT HH_FUZZ)
    set(work ${CMAKE_BINARY_DIR}/fuzz-runs)
    add_test(NAME fuzz_seeds_page COMMAND fuzz_page_seeds ${work}/seeds/page)
    add_test(NAME fuzz_seeds_smart COMMAND fuzz_smart_seeds ${work}/seeds/token_response ${work}/seeds/endpoint_directory)
    add_test(NAME fuzz_seeds_normalizer COMMAND fuzz_normalizer_seeds ${work}/seeds/normalizer)
    foreach(s page smart normalizer)
        set_tests_properties(fuzz_seeds_${s} PROPERTIES FIXTURES_SETUP fuzz_seeds_${s} LABELS fuzz TIMEOUT 120
                             ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8")
    endforeach()
    foreach(spec fhir_page:page:page normalizer:normalizer:normalizer token_response:token_response:smart
                 endpoint_directory:endpoint_directory:smart)
        string(REPLACE ":" ";" spec "${spec}")
        list(GET spec 0 name)
        list(GET spec 1 seeds)
        list(GET spec 2 fixture)
        set(extra)
        if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/${name}.dict)
            set(extra -- -dict=${CMAKE_CURRENT_LIST_DIR}/${name}.dict)
        endif()
        add_test(NAME fuzz_run_${name}
                 COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/run-fuzzer.sh ${HH_FUZZ_BIN_DIR}/tests/fuzz_${name}
                         ${work}/${name} ${HH_FUZZ_SECONDS} ${work}/seeds/${seeds} ${extra})
        math(EXPR timeout "${HH_FUZZ_SECONDS} + 240")
        set_tests_properties(fuzz_run_${name} PROPERTIES
            FIXTURES_REQUIRED fuzz_seeds_${fixture} LABELS fuzz TIMEOUT ${timeout} SKIP_RETURN_CODE 77
            ENVIRONMENT "LC_ALL=C.UTF-8;QT_LOGGING_RULES=*.debug=false;ASAN_OPTIONS=detect_leaks=1;UBSAN_OPTIONS=print_stacktrace=1")
    endforeach()
endif()
