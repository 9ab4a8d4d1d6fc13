# Issue 6: the clinical pipeline on the vault (db/ClinicalPipeline, db/PipelineRunner), its hooks and the
# `summary` command (tests/pipeline).
add_library(hh_pipeline_testsupport STATIC pipeline/PipelineTestSupport.h pipeline/PipelineTestSupport.cpp)
target_include_directories(hh_pipeline_testsupport PUBLIC ${CMAKE_SOURCE_DIR} ${CMAKE_SOURCE_DIR}/tests)
target_link_libraries(hh_pipeline_testsupport PUBLIC hh_sync_testsupport hh_demo hh_db)

# Not a test: prints the pipeline's speed on a demo patient (`tst_pipeline_measure --scale 100`).
add_executable(tst_pipeline_measure EXCLUDE_FROM_ALL pipeline/PipelineMeasure.cpp)
target_link_libraries(tst_pipeline_measure PRIVATE hh_pipeline_testsupport)

# (a)-(c): first run, incremental = full, crash safety (cancel, and SIGKILL through a child process).
add_executable(tst_pipeline_child pipeline/PipelineChild.cpp)
target_link_libraries(tst_pipeline_child PRIVATE hh_db)
target_include_directories(tst_pipeline_child PRIVATE ${CMAKE_SOURCE_DIR})
hh_add_test(NAME tst_pipeline SOURCES pipeline/TestClinicalPipeline.cpp LIBS hh_pipeline_testsupport LABEL integration
            TIMEOUT 120)
target_compile_definitions(tst_pipeline PRIVATE HH_PIPELINE_CHILD="$<TARGET_FILE:tst_pipeline_child>")
add_dependencies(tst_pipeline tst_pipeline_child)

# (d): the demo family's mother and father synced from demo-epic and demo-athena, then the pipeline.
hh_add_test(NAME tst_pipeline_demo SOURCES pipeline/TestPipelineDemo.cpp pipeline/DemoSyncFixture.h
            LIBS hh_pipeline_testsupport LABEL integration TIMEOUT 180)

# (f): the background runner wired as app/Gui.cpp wires it.
hh_add_test(NAME tst_pipeline_runner SOURCES pipeline/TestPipelineRunner.cpp pipeline/DemoSyncFixture.h
            LIBS hh_pipeline_testsupport LABEL integration TIMEOUT 120)

# (e): `healthhub summary` end to end.
hh_add_test(NAME tst_pipeline_summary_cli SOURCES pipeline/TestSummaryCli.cpp LIBS hh_pipeline_testsupport LABEL e2e
            TIMEOUT 120)
add_dependencies(tst_pipeline_summary_cli healthhub)
