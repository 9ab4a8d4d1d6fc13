# ASan/UBSan run-time settings for every test of a -DHH_SANITIZE=ON build (`./build.sh sanitize`,
# build dir build-asan). Included last from tests/CMakeLists.txt so it sees every registered test.
#  - UBSan stops at the first report, so undefined behaviour fails the test instead of scrolling by.
#  - LSan reads tests/sanitizers/lsan.supp: leaks inside third-party libraries only (Qt plugins,
#    fontconfig, D-Bus...), never a frame of project code.
#  - fast_unwind_on_malloc=0 for the tests that link hh_ui: Debian's Qt has no frame pointers, so the
#    fast unwinder stops after one frame and the Qt PDF suppression could not match. (Not for all
#    tests: it makes malloc-heavy ones several times slower. To read any other leak report whole,
#    rerun that test with ASAN_OPTIONS=fast_unwind_on_malloc=0.)
#  - fast_unwind_on_malloc=0 also for the tests in HH_SANITIZE_FULL_UNWIND_TESTS below (inherited by the
#    healthhub, harness and bench processes they start): libcrypto has no frame pointers either, so with
#    the fast unwinder every OpenSSL allocation is reported as just malloc <- CRYPTO_zalloc, and the
#    EVP_RAND_CTX_new suppression (OpenSSL's per-thread random state, lsan.supp) cannot match. These
#    tests end processes right after a worker thread used OpenSSL's RNG (SQLCipher writes, the demo
#    server's RSA key): Qt's pool threads are detached, so the exit can overtake that thread's TLS
#    destructors; under load LSan then reports that state and the test fails at random.
#  - Timeouts are tripled: instrumented code runs about 2-3x slower on the 2-core CI machine.
if(NOT HH_SANITIZE)
    return()
endif()

set(HH_SANITIZER_ENV
    "ASAN_OPTIONS=detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=0:abort_on_error=0:halt_on_error=1"
    "UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1"
    # Qt Test aborts a test function after 300 s; PDF and sync tests need longer instrumented.
    "QTEST_FUNCTION_TIMEOUT=1500000"
    "LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_LIST_DIR}/lsan.supp:print_suppressions=0")

# Measured in the 2026-11-27 runs (each failed at least once on that report, only under -j2 load); the full-stack
# unwinder costs 2-10x on malloc-heavy tests, so it stays off for the rest.
set(HH_SANITIZE_FULL_UNWIND_TESTS
    tst_cli tst_demo_sandbox tst_sync_crash tst_sync_replay tst_connect_directory tst_pipeline_summary_cli
    tst_bench_smoke tst_screenshots_tool tst_pipeline_demo tst_vaultservice tst_demo_dcr)

# Tests measured slower than three times their timeout under ASan: tst_views_export renders PDFs at -O0
# (471-498 s in two full runs, over its 540 s when the machine was also busy) gets six times.
set(HH_SANITIZE_SLOW_TESTS tst_views_export)

get_property(hh_all_tests DIRECTORY PROPERTY TESTS)
foreach(t IN LISTS hh_all_tests)
    set_property(TEST ${t} APPEND PROPERTY ENVIRONMENT ${HH_SANITIZER_ENV})
    get_test_property(${t} TIMEOUT hh_timeout)
    if(NOT hh_timeout)
        set(hh_timeout 120)
    endif()
    if(t IN_LIST HH_SANITIZE_SLOW_TESTS)
        math(EXPR hh_timeout "${hh_timeout} * 6")
    else()
        math(EXPR hh_timeout "${hh_timeout} * 3")
    endif()
    set_tests_properties(${t} PROPERTIES TIMEOUT ${hh_timeout})
    # Tests that start QtWebEngine (hh_add_test ... WEBENGINE) also get the label `webengine`, so the
    # sanitizer run can leave them out with `ctest -LE webengine` (see README, Hardening).
    # Tests that start QtWebEngine: Chromium inside libQt6WebEngineCore (not instrumented, not ours)
    #  - frees objects through a base pointer with a sized delete: ASan reports new-delete-type-mismatch
    #    in QtWebEngineCore::WebContentsAdapter::~WebContentsAdapter() whenever a page is deleted;
    #  - never frees its process-lifetime objects (ProfileAdapter, browser threads, udev monitors):
    #    LSan reports ~20 KB at every exit, allocated on Chromium's own threads.
    # Those two checks are off for these tests (and the healthhub processes they start); every other
    # ASan/UBSan check stays on, and leaks are checked by the tests without WebEngine.
    get_test_property(${t} ENVIRONMENT hh_env)
    set(hh_full_unwind OFF)
    if(t IN_LIST HH_SANITIZE_FULL_UNWIND_TESTS) # not all are targets (tst_screenshots_tool is a script)
        set(hh_full_unwind ON)
    elseif(TARGET ${t})
        get_target_property(hh_libs ${t} LINK_LIBRARIES)
        if("hh_ui" IN_LIST hh_libs)
            set(hh_full_unwind ON)
        endif()
    endif()
    if(hh_full_unwind)
        list(TRANSFORM hh_env REPLACE "^ASAN_OPTIONS=(.*)$" "ASAN_OPTIONS=\\1:fast_unwind_on_malloc=0")
        set_tests_properties(${t} PROPERTIES ENVIRONMENT "${hh_env}")
    endif()
    if(hh_env MATCHES "QTWEBENGINE_")
        set_property(TEST ${t} APPEND PROPERTY LABELS webengine)
        list(TRANSFORM hh_env REPLACE "^ASAN_OPTIONS=(.*)$" "ASAN_OPTIONS=\\1:new_delete_type_mismatch=0:detect_leaks=0")
        set_tests_properties(${t} PROPERTIES ENVIRONMENT "${hh_env}")
    endif()
endforeach()
