# Clinical pipeline (issue 6): normalizer, de-duplicator, summary builder. Pure: link hh_clinical only.
hh_add_test(NAME tst_clinical_basics SOURCES clinical/TestClinicalBasics.cpp LIBS hh_clinical LABEL unit)
hh_add_test(NAME tst_clinical_normalizer SOURCES clinical/TestNormalizer.cpp clinical/ClinicalSamples.h
            LIBS hh_clinical LABEL unit)
hh_add_test(NAME tst_clinical_dedup SOURCES clinical/TestDeduplicator.cpp clinical/ClinicalSamples.h clinical/SampleRecords.h
            LIBS hh_clinical LABEL unit)
hh_add_test(NAME tst_clinical_summary SOURCES clinical/TestSummaryBuilder.cpp clinical/ClinicalSamples.h clinical/SampleRecords.h
            LIBS hh_clinical LABEL unit)
hh_add_test(NAME tst_clinical_summary_accumulator
            SOURCES clinical/TestSummaryAccumulator.cpp clinical/TestSummaryReference.cpp clinical/TestSummaryReference.h
                    clinical/ClinicalSamples.h clinical/SampleRecords.h
            LIBS hh_clinical LABEL unit TIMEOUT 300)
hh_add_test(NAME tst_clinical_corpus SOURCES clinical/TestClinicalCorpus.cpp LIBS hh_clinical LABEL unit TIMEOUT 300)
hh_add_test(NAME tst_clinical_fuzz_regressions
            SOURCES clinical/TestFuzzRegressions.cpp fuzz/NormalizerFuzzHarness.cpp fuzz/NormalizerFuzzHarness.h
            LIBS hh_clinical LABEL unit)

# libFuzzer target for the normalizer (issue 8), only with -DHH_FUZZ=ON and clang.
if(HH_FUZZ)
    include(fuzz/normalizer.cmake)
endif()
