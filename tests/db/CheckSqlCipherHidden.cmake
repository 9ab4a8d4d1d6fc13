# Link check for an executable that contains hh_db_sqlcipher (run by CTest, see tests/db.cmake):
#   cmake -DBINARY=<file> -DNM=<nm> -DREADELF=<readelf> -P CheckSqlCipherHidden.cmake
# Fails if the executable exports any sqlite3_* symbol in its dynamic symbol table, if it needs a
# shared libsqlite3/libsqlcipher, or if SQLCipher is not linked in statically at all.
if(NOT EXISTS "${BINARY}")
    message("SKIP: ${BINARY} is not built")
    return()
endif()

execute_process(COMMAND "${NM}" -D --defined-only "${BINARY}"
                OUTPUT_VARIABLE dynamic RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "nm -D failed on ${BINARY}")
endif()
string(REGEX MATCHALL "[^\n]* sqlite3_[A-Za-z0-9_]*" exported "${dynamic}")
if(exported)
    message(FATAL_ERROR "SQLite symbols exported by ${BINARY}:\n${exported}")
endif()

execute_process(COMMAND "${READELF}" -d "${BINARY}" OUTPUT_VARIABLE dyn RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "readelf -d failed on ${BINARY}")
endif()
if(dyn MATCHES "libsqlite3|libsqlcipher")
    message(FATAL_ERROR "${BINARY} links a shared SQLite/SQLCipher library:\n${dyn}")
endif()

execute_process(COMMAND "${NM}" "${BINARY}" OUTPUT_VARIABLE all RESULT_VARIABLE rc)
if(NOT all MATCHES " sqlite3_key\n")
    message(FATAL_ERROR "SQLCipher (sqlite3_key) is not linked into ${BINARY}")
endif()
message("OK: ${BINARY} contains SQLCipher statically and exports no sqlite3_* symbol")
