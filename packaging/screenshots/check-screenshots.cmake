# ctest: hh_make_screenshots runs end to end (demo vault, sync, pipeline, views, PDF) and writes
# non-trivial pictures. cmake -DTOOL=... -DOUT=... -P check-screenshots.cmake
file(REMOVE_RECURSE "${OUT}")
execute_process(COMMAND "${TOOL}" "${OUT}" --lang en RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "hh_make_screenshots failed (${rc}): ${err}")
endif()
foreach(name dashboard.png profile-summary.png profile-labs.png visit-summary.pdf)
    if(NOT EXISTS "${OUT}/${name}")
        message(FATAL_ERROR "missing ${name}")
    endif()
    file(SIZE "${OUT}/${name}" size)
    # An empty dashboard or table grabs to a few kB; the demo family's views are far larger.
    if(size LESS 20000)
        message(FATAL_ERROR "${name} is only ${size} bytes: the views look empty")
    endif()
endforeach()
file(REMOVE_RECURSE "${OUT}")
