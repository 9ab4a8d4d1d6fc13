hh_add_test(NAME tst_vaultheader SOURCES unit/TestVaultHeader.cpp LIBS hh_core LABEL unit)
