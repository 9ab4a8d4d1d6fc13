# GUI tests (offscreen). Fakes of the core service interfaces live in support/FakeServices.*.
add_library(hh_test_fakes STATIC support/FakeServices.h support/FakeServices.cpp)
target_include_directories(hh_test_fakes PUBLIC ${CMAKE_SOURCE_DIR} ${CMAKE_SOURCE_DIR}/tests)
target_link_libraries(hh_test_fakes PUBLIC hh_core)

hh_add_test(NAME tst_gui_profilelistmodel SOURCES gui/TestProfileListModel.cpp
            LIBS hh_ui LABEL gui GUI)
hh_add_test(NAME tst_gui_firstrunwizard SOURCES gui/TestFirstRunWizard.cpp gui/GuiTestSupport.h
            LIBS hh_ui hh_test_fakes LABEL gui GUI)
hh_add_test(NAME tst_gui_signin SOURCES gui/TestSignInWindow.cpp gui/GuiTestSupport.h
            LIBS hh_ui hh_test_fakes LABEL gui GUI)
hh_add_test(NAME tst_gui_mainwindow SOURCES gui/TestMainWindow.cpp gui/GuiTestSupport.h
            LIBS hh_ui hh_test_fakes LABEL gui GUI)
