hh_add_test(NAME tst_validation SOURCES unit/TestValidation.cpp LIBS hh_core LABEL unit)
