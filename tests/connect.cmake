# Tests of issue 4 (connect helper): tests/connect/*.
hh_add_test(NAME tst_connect_stores SOURCES connect/TestConnectStores.cpp connect/ConnectTestSupport.h
            LIBS hh_db hh_connect LABEL integration)
hh_add_test(NAME tst_connect_directory SOURCES connect/TestConnectDirectory.cpp connect/ConnectTestSupport.h
            LIBS hh_db hh_connect hh_demo LABEL integration)
# The login window's browser is the module hh_login_webengine (ui/CMakeLists.txt), loaded on the first
# sign-in: tests that open a LoginDialog point LoginBrowserLoader at the built module
# (connect/LoginModuleSupport.h); those that drive the page itself link QtWebEngine too.
hh_add_test(NAME tst_connect_login SOURCES connect/TestConnectLogin.cpp connect/ConnectTestSupport.h
            connect/WebTestSupport.h connect/LoginModuleSupport.h
            LIBS hh_db hh_ui hh_demo Qt6::WebEngineWidgets LABEL e2e WEBENGINE TIMEOUT 240)
hh_add_test(NAME tst_connect_tokens SOURCES connect/TestConnectTokens.cpp connect/ConnectTestSupport.h
            connect/WebTestSupport.h connect/LoginModuleSupport.h
            LIBS hh_db hh_ui hh_demo Qt6::WebEngineWidgets LABEL e2e WEBENGINE TIMEOUT 240)
hh_add_test(NAME tst_connect_cli SOURCES connect/TestConnectCli.cpp connect/ConnectTestSupport.h
            connect/WebTestSupport.h LIBS hh_db hh_ui hh_demo Qt6::WebEngineWidgets LABEL e2e WEBENGINE TIMEOUT 300)
add_dependencies(tst_connect_cli healthhub)
hh_add_test(NAME tst_connect_dialog SOURCES connect/TestConnectDialog.cpp connect/ConnectTestSupport.h
            connect/WebTestSupport.h connect/LoginModuleSupport.h
            LIBS hh_db hh_ui hh_demo Qt6::WebEngineWidgets LABEL gui WEBENGINE TIMEOUT 180)
hh_add_test(NAME tst_connect_id_token SOURCES connect/TestConnectIdToken.cpp connect/ConnectTestSupport.h
            LIBS hh_db hh_connect hh_smart_testsupport LABEL integration)
hh_add_test(NAME tst_connect_tls SOURCES connect/TestConnectTls.cpp connect/ConnectTestSupport.h
            connect/LoginModuleSupport.h LIBS hh_db hh_ui hh_smart_testsupport LABEL gui WEBENGINE TIMEOUT 120)
foreach(t tst_connect_login tst_connect_tokens tst_connect_dialog tst_connect_tls)
    target_compile_definitions(${t} PRIVATE HH_LOGIN_MODULE_DIR="$<TARGET_FILE_DIR:hh_login_webengine>")
    add_dependencies(${t} hh_login_webengine)
endforeach()

# Issue 8: the app starts without QtWebEngine (not linked, not mapped at the dashboard); the loader maps
# it only when asked, and a missing or broken module is a clear error.
hh_add_test(NAME tst_startup_no_webengine SOURCES connect/TestStartupWithoutWebEngine.cpp
            LIBS hh_ui LABEL gui WEBENGINE TIMEOUT 120)
target_compile_definitions(tst_startup_no_webengine PRIVATE
    HH_HEALTHHUB_EXE="$<TARGET_FILE:healthhub>" HH_LOGIN_MODULE_DIR="$<TARGET_FILE_DIR:hh_login_webengine>")
add_dependencies(tst_startup_no_webengine healthhub hh_login_webengine)
