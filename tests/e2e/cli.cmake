hh_add_test(NAME tst_cli SOURCES e2e/TestCli.cpp LIBS Qt6::Core LABEL e2e KEYRING TIMEOUT 300)
add_dependencies(tst_cli healthhub)
add_test(NAME tst_package COMMAND sh ${CMAKE_SOURCE_DIR}/tests/e2e/check-package.sh ${CMAKE_BINARY_DIR})
set_tests_properties(tst_package PROPERTIES LABELS e2e TIMEOUT 300)
