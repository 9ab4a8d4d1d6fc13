# Issue 7 (views helper): records service, dashboard, profile view, exports. GUI tests run offscreen.
hh_add_test(NAME tst_views_recordsservice
            SOURCES views/TestRecordsService.cpp views/VaultFixture.h views/SampleFamily.h views/FhirSamples.h
                    views/FhirChecks.h
            LIBS hh_db hh_clinical LABEL integration TIMEOUT 180)

# Fakes of the records service and the sync control for the GUI tests.
add_library(hh_test_views_fakes STATIC views/FakeRecordsService.h views/FakeRecordsService.cpp
            views/ViewsTestData.h views/ViewsGuiSupport.h)
target_include_directories(hh_test_views_fakes PUBLIC ${CMAKE_SOURCE_DIR} ${CMAKE_SOURCE_DIR}/tests)
target_link_libraries(hh_test_views_fakes PUBLIC hh_test_fakes hh_records hh_sync Qt6::Test)

hh_add_test(NAME tst_views_models SOURCES views/TestViewModels.cpp
            LIBS hh_ui hh_test_views_fakes LABEL gui GUI)
hh_add_test(NAME tst_views_dashboard SOURCES views/TestDashboard.cpp
            LIBS hh_ui hh_test_views_fakes LABEL gui GUI)
hh_add_test(NAME tst_views_profileview SOURCES views/TestProfileView.cpp
            LIBS hh_ui hh_test_views_fakes LABEL gui GUI)
hh_add_test(NAME tst_views_offline SOURCES views/TestOffline.cpp
            LIBS hh_ui hh_test_views_fakes LABEL gui GUI)
# Exports against a real vault (and the `export` command line when healthhub is built).
hh_add_test(NAME tst_views_export SOURCES views/TestExport.cpp views/VaultFixture.h views/SampleFamily.h
            LIBS hh_ui hh_db hh_clinical LABEL integration GUI TIMEOUT 180)
if(TARGET healthhub)
    add_dependencies(tst_views_export healthhub)
endif()
hh_add_test(NAME tst_views_recordformat SOURCES views/TestRecordFormat.cpp LIBS hh_ui LABEL unit)
hh_add_test(NAME tst_views_pdfpagination SOURCES views/TestPdfPagination.cpp LIBS hh_ui LABEL unit GUI)
hh_add_test(NAME tst_views_fhirexport SOURCES views/TestFhirExport.cpp views/FhirChecks.h views/FhirSamples.h
            LIBS hh_records LABEL unit)
