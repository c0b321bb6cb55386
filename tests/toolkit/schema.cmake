# The report's JSON Schema (docs/report-schema-v2.json, versioned with the report
# format): every kind of report the suite produces is played here and validated
# with ajv, the schema's version is checked against report.h and
# docs/report-format.md, its actions against engine/core/action.c, and broken
# copies of a valid report must each be rejected. Needs the npm validators
# (fixture "js").
add_test(NAME schema.reports
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/schema/run_schema_tests.sh $<TARGET_FILE:skranken>
          $<TARGET_FILE:report_expect> ${CMAKE_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}
          ${SKRANKEN_JS_DIR})
set_tests_properties(schema.reports PROPERTIES LABELS toolkit FIXTURES_REQUIRED js TIMEOUT 600)
