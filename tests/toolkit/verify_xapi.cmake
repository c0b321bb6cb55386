# skranken verify and export-xapi (docs/verify.md, docs/xapi.md).

# verify: untouched reports are OK; each kind of edit, a changed or missing
# scenario, another engine version, bad files and wrong arguments.
add_test(NAME toolkit.verify
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/verify/run_verify_tests.sh $<TARGET_FILE:skranken>
          ${CMAKE_SOURCE_DIR})
set_tests_properties(toolkit.verify PROPERTIES LABELS toolkit TIMEOUT 600)

# The version 5 UUIDs (and the SHA-1 under them) against known values.
add_executable(test_xapi_uuid ${CMAKE_CURRENT_SOURCE_DIR}/xapi/test_xapi_uuid.c)
target_link_libraries(test_xapi_uuid PRIVATE skranken_report)
target_include_directories(test_xapi_uuid PRIVATE ${CMAKE_SOURCE_DIR}/engine)
add_test(NAME toolkit.xapi_uuid COMMAND test_xapi_uuid)
set_tests_properties(toolkit.xapi_uuid PROPERTIES LABELS toolkit)

# export-xapi: every statement from several reports validated with Learning
# Locker's xapi-validation (npm, dev-only, installed by js.setup), a broken
# statement that must fail, structure and determinism, bad input, --out.
add_test(NAME toolkit.xapi
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/xapi/run_xapi_tests.sh $<TARGET_FILE:skranken>
          ${CMAKE_SOURCE_DIR} ${SKRANKEN_JS_DIR})
set_tests_properties(toolkit.xapi PROPERTIES LABELS toolkit TIMEOUT 600 FIXTURES_REQUIRED js)
