# hh_db tests: the SQLCipher driver, encryption proof, migrations, connection factory.
hh_add_test(NAME tst_db_driver SOURCES db/TestSqlCipherDriver.cpp db/DbTestSupport.h
            LIBS hh_db_sqlcipher Qt6::Sql Qt6::Concurrent LABEL unit)
hh_add_test(NAME tst_db_migrations SOURCES db/TestMigrations.cpp db/DbTestSupport.h
            LIBS hh_db_sqlcipher Qt6::Sql LABEL unit)
hh_add_test(NAME tst_db_connection_factory SOURCES db/TestConnectionFactory.cpp db/DbTestSupport.h
            LIBS hh_db_sqlcipher Qt6::Sql LABEL integration)
# Reports whether another process holds a POSIX lock on a file (the factory test's second process).
add_executable(hh-lockprobe db/LockProbe.cpp)
add_dependencies(tst_db_connection_factory hh-lockprobe)
target_compile_definitions(tst_db_connection_factory PRIVATE HH_LOCKPROBE="$<TARGET_FILE:hh-lockprobe>")
hh_add_test(NAME tst_db_encryption SOURCES db/TestDbEncryption.cpp db/DbTestSupport.h
            LIBS hh_db_sqlcipher Qt6::Sql LABEL integration)

# Link checks: SQLCipher is inside the executables but none of its symbols is exported.
function(hh_add_sqlcipher_link_check name target)
    add_test(NAME ${name}
             COMMAND ${CMAKE_COMMAND} -DBINARY=$<TARGET_FILE:${target}> -DNM=${CMAKE_NM}
                     -DREADELF=${CMAKE_READELF} -P ${CMAKE_CURRENT_SOURCE_DIR}/db/CheckSqlCipherHidden.cmake)
    set_tests_properties(${name} PROPERTIES LABELS unit SKIP_REGULAR_EXPRESSION "SKIP:")
endfunction()
hh_add_sqlcipher_link_check(tst_db_link_test_binary tst_db_encryption)
if(TARGET healthhub)
    hh_add_sqlcipher_link_check(tst_db_link_healthhub healthhub)
endif()
