hh_add_test(NAME tst_vaultservice SOURCES integration/TestVaultService.cpp LIBS hh_db LABEL integration)
hh_add_test(NAME tst_keychain SOURCES integration/TestKeychain.cpp LIBS hh_db LABEL integration KEYRING TIMEOUT 120)
