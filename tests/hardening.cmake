# Issue 8, hardening (tests/hardening): crash safety, no plaintext on disk, bad input at every boundary.

# SIGKILL at 20 points of a sync (HH_KILL_AT, core/TestHooks.h); the killed process is tests/sync's child.
# The clinical pipeline's kill points run through `healthhub sync` (connect once, offscreen login).
hh_add_test(NAME tst_crash_safety SOURCES hardening/TestCrashSafety.cpp hardening/HardeningSupport.h
            LIBS hh_sync_testsupport hh_demo LABEL e2e WEBENGINE TIMEOUT 240)
add_dependencies(tst_crash_safety tst_sync_crash_child healthhub)

# No plaintext: a whole CLI journey inside one directory, then every file in it is scanned.
hh_add_test(NAME tst_no_plaintext SOURCES hardening/TestNoPlaintext.cpp hardening/HardeningSupport.h
            LIBS hh_demo hh_db LABEL e2e WEBENGINE TIMEOUT 300)
add_dependencies(tst_no_plaintext healthhub)

# Bad input at every boundary: a table of healthhub command lines, files, server replies and settings.
hh_add_test(NAME tst_bad_input SOURCES hardening/TestBadInput.cpp hardening/HardeningSupport.h
            smart/FakeHttpServer.h smart/FakeHttpServer.cpp
            LIBS hh_demo hh_db LABEL e2e WEBENGINE TIMEOUT 300)
add_dependencies(tst_bad_input healthhub)
