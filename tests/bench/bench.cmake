# Issue 8 (bench helper): healthhub-bench, the performance figures of README "Performance".
# Built by default with the tests, into <build>/tests/bench/healthhub-bench.
add_executable(healthhub-bench
    bench/BenchMain.cpp bench/BenchTypes.h
    bench/BenchVault.h bench/BenchVault.cpp
    bench/PageSource.h bench/PageSource.cpp
    bench/LocalBench.h bench/LocalBench.cpp
    bench/SyncBench.h bench/SyncBench.cpp
    bench/CountingRecordsService.h bench/CountingRecordsService.cpp
    bench/ProfileOpenBench.h bench/ProfileOpenBench.cpp
    bench/StartupBench.h bench/StartupBench.cpp
    ${CMAKE_SOURCE_DIR}/app/DemoVault.h ${CMAKE_SOURCE_DIR}/app/DemoVault.cpp)
target_include_directories(healthhub-bench PRIVATE ${CMAKE_SOURCE_DIR} ${CMAKE_SOURCE_DIR}/tests)
target_link_libraries(healthhub-bench PRIVATE hh_sync_testsupport hh_demo hh_db hh_clinical hh_ui
                      Qt6::Widgets Qt6::Concurrent)
# pipeline_rows_per_s needs db::ClinicalPipeline (issue 6); until hh_db builds it the bench reports the
# normalize/dedup/summary step as not measured.
get_target_property(hh_bench_db_sources hh_db SOURCES)
if("${hh_bench_db_sources}" MATCHES "ClinicalPipeline\\.cpp")
    target_compile_definitions(healthhub-bench PRIVATE HH_BENCH_HAVE_PIPELINE=1)
else()
    target_compile_definitions(healthhub-bench PRIVATE HH_BENCH_HAVE_PIPELINE=0)
endif()
set_target_properties(healthhub-bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/bench)
if(TARGET healthhub)
    target_compile_definitions(healthhub-bench PRIVATE HH_HEALTHHUB_EXE="$<TARGET_FILE:healthhub>")
    add_dependencies(healthhub-bench healthhub)
else()
    target_compile_definitions(healthhub-bench PRIVATE HH_HEALTHHUB_EXE="")
endif()

# Smoke test: a tiny run with --json produces every figure (no timing is asserted).
hh_add_test(NAME tst_bench_smoke SOURCES bench/TestBenchSmoke.cpp LIBS Qt6::Core LABEL bench TIMEOUT 300)
target_compile_definitions(tst_bench_smoke PRIVATE HH_BENCH_EXE="$<TARGET_FILE:healthhub-bench>")
add_dependencies(tst_bench_smoke healthhub-bench)
