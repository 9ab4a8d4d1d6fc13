# Tests for hh_smart (issue 4): tests/smart/*. Fuzz targets only with -DHH_FUZZ=ON and clang.

# In-test fakes: an HTTP server on 127.0.0.1 (QtHttpServer) and an independent OpenSSL JWS verifier.
add_library(hh_smart_testsupport STATIC
    smart/FakeHttpServer.h smart/FakeHttpServer.cpp
    smart/JwtVerifier.h smart/JwtVerifier.cpp
    smart/TlsTestServer.h smart/TlsTestServer.cpp)
target_include_directories(hh_smart_testsupport PUBLIC ${CMAKE_SOURCE_DIR} ${CMAKE_SOURCE_DIR}/tests)
target_link_libraries(hh_smart_testsupport PUBLIC Qt6::Core Qt6::Network Qt6::HttpServer OpenSSL::Crypto)

hh_add_test(NAME tst_smart_configuration SOURCES smart/TestSmartConfiguration.cpp LIBS hh_smart LABEL unit)
hh_add_test(NAME tst_smart_pkce SOURCES smart/TestPkce.cpp LIBS hh_smart LABEL unit)
hh_add_test(NAME tst_smart_scopes SOURCES smart/TestScopeSet.cpp LIBS hh_smart LABEL unit)
hh_add_test(NAME tst_smart_authorization SOURCES smart/TestAuthorization.cpp LIBS hh_smart LABEL unit)
hh_add_test(NAME tst_smart_token_response SOURCES smart/TestTokenResponse.cpp LIBS hh_smart LABEL unit)
hh_add_test(NAME tst_smart_device_key SOURCES smart/TestDeviceKey.cpp
            LIBS hh_smart hh_smart_testsupport LABEL unit)
hh_add_test(NAME tst_smart_token_client SOURCES smart/TestTokenClient.cpp
            LIBS hh_smart hh_smart_testsupport LABEL integration)
hh_add_test(NAME tst_smart_discovery SOURCES smart/TestDiscovery.cpp
            LIBS hh_smart hh_smart_testsupport LABEL integration)
hh_add_test(NAME tst_smart_loopback SOURCES smart/TestLoopbackListener.cpp LIBS hh_smart LABEL integration)
hh_add_test(NAME tst_smart_tls SOURCES smart/TestTls.cpp LIBS hh_smart hh_smart_testsupport LABEL integration)
hh_add_test(NAME tst_smart_id_token SOURCES smart/TestIdToken.cpp LIBS hh_smart LABEL unit)
hh_add_test(NAME tst_smart_directory SOURCES smart/TestEndpointDirectory.cpp
            LIBS hh_smart hh_smart_testsupport LABEL unit)

# libFuzzer targets for the token-response parser and the directory importer (issue 4), only with
# -DHH_FUZZ=ON and clang. The parsers are compiled again with coverage instrumentation:
#   cmake -S . -B build-smart-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang -DHH_FUZZ=ON
#   cmake --build build-smart-fuzz --target fuzz_token_response fuzz_endpoint_directory
#   mkdir -p /tmp/fz-token /tmp/fz-dir
#   build-smart-fuzz/tests/fuzz_token_response -max_total_time=60 /tmp/fz-token
#   build-smart-fuzz/tests/fuzz_endpoint_directory -max_total_time=60 -max_len=65536 /tmp/fz-dir \
#       ../shared/fhir-corpus/directory/hl7-smart-app-launch-2.2.0 ../shared/fhir-corpus/directory/oracle-health
if(HH_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "HH_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
    endif()
    set(HH_SMART_FUZZ_FLAGS -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer
                            -fno-sanitize-recover=undefined)
    set(HH_SMART_DIR ${CMAKE_SOURCE_DIR}/core/smart)

    add_executable(fuzz_token_response fuzz/FuzzTokenResponse.cpp
        ${HH_SMART_DIR}/TokenResponse.cpp ${HH_SMART_DIR}/Jwt.cpp ${HH_SMART_DIR}/Base64Url.cpp
        ${HH_SMART_DIR}/ScopeSet.cpp ${HH_SMART_DIR}/Vendor.cpp ${HH_SMART_DIR}/DeviceKey.cpp)
    add_executable(fuzz_endpoint_directory fuzz/FuzzEndpointDirectory.cpp
        ${HH_SMART_DIR}/EndpointDirectory.cpp ${HH_SMART_DIR}/UrlPolicy.cpp ${HH_SMART_DIR}/Vendor.cpp
        ${HH_SMART_DIR}/HttpCall.cpp)
    foreach(t fuzz_token_response fuzz_endpoint_directory)
        target_include_directories(${t} PRIVATE ${CMAKE_SOURCE_DIR} ${CMAKE_SOURCE_DIR}/tests)
        target_compile_options(${t} PRIVATE ${HH_SMART_FUZZ_FLAGS})
        target_link_options(${t} PRIVATE -fsanitize=fuzzer,address,undefined)
        target_link_libraries(${t} PRIVATE hh_core Qt6::Core Qt6::Network Qt6::Concurrent OpenSSL::Crypto)
    endforeach()
endif()
