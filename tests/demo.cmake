# Demo health systems (issue 3): the synthetic family, the SMART on FHIR server, replay and faults.
hh_add_test(NAME tst_demo_family SOURCES demo/TestSyntheticFamily.cpp LIBS hh_demo LABEL integration)
hh_add_test(NAME tst_demo_discovery SOURCES demo/TestDemoDiscovery.cpp demo/DemoTestSupport.h LIBS hh_demo Qt6::Network
            LABEL integration)
hh_add_test(NAME tst_demo_oauth SOURCES demo/TestDemoOAuth.cpp demo/DemoTestSupport.h
            LIBS hh_demo Qt6::Network OpenSSL::Crypto LABEL integration)
hh_add_test(NAME tst_demo_dcr SOURCES demo/TestDemoEpicDcr.cpp demo/DemoTestSupport.h
            LIBS hh_demo Qt6::Network OpenSSL::Crypto LABEL integration)
hh_add_test(NAME tst_demo_search SOURCES demo/TestDemoSearch.cpp demo/DemoTestSupport.h LIBS hh_demo Qt6::Network
            LABEL integration)
hh_add_test(NAME tst_demo_replay SOURCES demo/TestDemoReplay.cpp demo/DemoTestSupport.h LIBS hh_demo Qt6::Network
            LABEL integration)
hh_add_test(NAME tst_demo_faults SOURCES demo/TestDemoFaults.cpp demo/DemoTestSupport.h LIBS hh_demo Qt6::Network
            LABEL integration)

# `healthhub sandbox` through a minimal harness around app/SandboxCommand.cpp (and the real executable when built).
add_executable(hh_sandbox_harness demo/SandboxHarness.cpp ${CMAKE_SOURCE_DIR}/app/SandboxCommand.cpp)
target_include_directories(hh_sandbox_harness PRIVATE ${CMAKE_SOURCE_DIR})
target_link_libraries(hh_sandbox_harness PRIVATE hh_demo)
hh_add_test(NAME tst_demo_sandbox SOURCES demo/TestSandboxCommand.cpp demo/DemoTestSupport.h
            LIBS hh_demo Qt6::Network LABEL integration)
target_compile_definitions(tst_demo_sandbox PRIVATE HH_SANDBOX_HARNESS="$<TARGET_FILE:hh_sandbox_harness>")
add_dependencies(tst_demo_sandbox hh_sandbox_harness)

# The demo vault of `healthhub --demo` (app/DemoVault.cpp) holds the demo health systems' family.
hh_add_test(NAME tst_demo_vault SOURCES demo/TestDemoVault.cpp ${CMAKE_SOURCE_DIR}/app/DemoVault.cpp
            LIBS hh_demo hh_db hh_connect LABEL integration)
