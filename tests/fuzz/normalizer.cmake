# fuzz_normalizer: libFuzzer target (clang only). Included from tests/clinical.cmake when HH_FUZZ is
# ON. Its seed maker, fuzz_normalizer_seeds (the project's own hand-written samples), is defined in
# tests/fuzz/fuzz.cmake with the other seed makers. Typical run: `./build.sh fuzz`, or
#   cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang -DHH_FUZZ=ON
#   cmake --build build-fuzz --target fuzz_normalizer fuzz_normalizer_seeds
#   build-fuzz/tests/fuzz_normalizer_seeds seeds && mkdir -p corpus
#   build-fuzz/tests/fuzz_normalizer -max_total_time=60 corpus seeds
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "HH_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
endif()

set(HH_FUZZ_FLAGS -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)

# The pipeline compiled again with coverage instrumentation, so libFuzzer sees inside it.
get_target_property(HH_CLINICAL_SOURCES hh_clinical SOURCES)
list(TRANSFORM HH_CLINICAL_SOURCES PREPEND "${CMAKE_SOURCE_DIR}/core/clinical/")
add_executable(fuzz_normalizer fuzz/FuzzNormalizer.cpp fuzz/NormalizerFuzzHarness.cpp ${HH_CLINICAL_SOURCES})
target_include_directories(fuzz_normalizer PRIVATE ${CMAKE_SOURCE_DIR} ${CMAKE_SOURCE_DIR}/tests)
target_compile_options(fuzz_normalizer PRIVATE ${HH_FUZZ_FLAGS})
target_link_options(fuzz_normalizer PRIVATE -fsanitize=fuzzer,address,undefined)
target_link_libraries(fuzz_normalizer PRIVATE Qt6::Core)
