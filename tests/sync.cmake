# Issue 5: the sync engine, its storage, its widget and its command line (tests/sync).
add_library(hh_sync_testsupport STATIC sync/SyncTestSupport.h sync/SyncTestSupport.cpp)
target_include_directories(hh_sync_testsupport PUBLIC ${CMAKE_SOURCE_DIR} ${CMAKE_SOURCE_DIR}/tests)
target_link_libraries(hh_sync_testsupport PUBLIC hh_sync hh_db Qt6::Network Qt6::Sql)

hh_add_test(NAME tst_sync_units SOURCES sync/TestSyncUnits.cpp LIBS hh_sync LABEL unit)
hh_add_test(NAME tst_sync_engine SOURCES sync/TestSyncEngine.cpp
            LIBS hh_sync_testsupport hh_demo LABEL integration TIMEOUT 300)
# Issue 8: group commit and parse-once writes of the sync store.
hh_add_test(NAME tst_sync_store_batch SOURCES sync/TestSyncStoreBatch.cpp LIBS hh_sync_testsupport LABEL integration)
hh_add_test(NAME tst_sync_replay SOURCES sync/TestSyncReplay.cpp
            LIBS hh_sync_testsupport hh_demo LABEL integration TIMEOUT 120)

# The SIGKILL test runs a child process (a small sync runner) and kills it mid-sync.
add_executable(tst_sync_crash_child sync/SyncCrashChild.cpp)
target_link_libraries(tst_sync_crash_child PRIVATE hh_sync_testsupport)
hh_add_test(NAME tst_sync_crash SOURCES sync/TestSyncCrash.cpp
            LIBS hh_sync_testsupport hh_demo LABEL e2e TIMEOUT 120)
add_dependencies(tst_sync_crash tst_sync_crash_child)
hh_add_test(NAME tst_sync_panel SOURCES sync/TestSyncPanel.cpp LIBS hh_ui LABEL gui GUI)
# `healthhub sync` end to end (a sandbox process, connect through the offscreen login window, sync --json).
hh_add_test(NAME tst_sync_cli SOURCES sync/TestSyncCli.cpp LIBS hh_demo LABEL e2e WEBENGINE TIMEOUT 300)
add_dependencies(tst_sync_cli healthhub)
