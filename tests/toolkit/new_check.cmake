# skranken new and skranken check (docs/check.md, docs/authoring.md).

# Wrong arguments, files that cannot be read, a fixture for every kind of finding
# with its file and line, a printed failing path replayed with skranken run,
# determinism, and `new`: the template passes check and its best path reaches
# full points; nothing is ever overwritten.
add_test(NAME toolkit.new_check
  COMMAND ${CMAKE_SOURCE_DIR}/tests/check/run_check_tests.sh $<TARGET_FILE:skranken>
          $<TARGET_FILE:report_expect> ${CMAKE_SOURCE_DIR})
set_tests_properties(toolkit.new_check PROPERTIES LABELS toolkit TIMEOUT 900)

# Every shipped scenario passes check (exit 0: no findings).
add_test(NAME toolkit.check_scenarios
  COMMAND sh -c "\"$1\" check --quiet \"$2\"/scenarios/*.lua" check
          $<TARGET_FILE:skranken> ${CMAKE_SOURCE_DIR})
set_tests_properties(toolkit.check_scenarios PROPERTIES LABELS toolkit TIMEOUT 900)
