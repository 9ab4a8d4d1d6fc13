# Tests of issue 4 (connect helper): tests/connect/*.
hh_add_test(NAME tst_connect_stores SOURCES connect/TestConnectStores.cpp connect/ConnectTestSupport.h
            LIBS hh_db hh_connect LABEL integration)
hh_add_test(NAME tst_connect_directory SOURCES connect/TestConnectDirectory.cpp connect/ConnectTestSupport.h
            LIBS hh_db hh_connect hh_demo LABEL integration)
hh_add_test(NAME tst_connect_login SOURCES connect/TestConnectLogin.cpp connect/ConnectTestSupport.h
            connect/WebTestSupport.h LIBS hh_db hh_ui hh_demo LABEL e2e WEBENGINE TIMEOUT 240)
hh_add_test(NAME tst_connect_tokens SOURCES connect/TestConnectTokens.cpp connect/ConnectTestSupport.h
            connect/WebTestSupport.h LIBS hh_db hh_ui hh_demo LABEL e2e WEBENGINE TIMEOUT 240)
hh_add_test(NAME tst_connect_cli SOURCES connect/TestConnectCli.cpp connect/ConnectTestSupport.h
            connect/WebTestSupport.h LIBS hh_db hh_ui hh_demo LABEL e2e WEBENGINE TIMEOUT 300)
add_dependencies(tst_connect_cli healthhub)
hh_add_test(NAME tst_connect_dialog SOURCES connect/TestConnectDialog.cpp connect/ConnectTestSupport.h
            connect/WebTestSupport.h LIBS hh_db hh_ui hh_demo LABEL gui WEBENGINE TIMEOUT 180)
hh_add_test(NAME tst_connect_id_token SOURCES connect/TestConnectIdToken.cpp connect/ConnectTestSupport.h
            LIBS hh_db hh_connect hh_smart_testsupport LABEL integration)
hh_add_test(NAME tst_connect_tls SOURCES connect/TestConnectTls.cpp connect/ConnectTestSupport.h
            LIBS hh_db hh_ui hh_smart_testsupport LABEL gui WEBENGINE TIMEOUT 120)
