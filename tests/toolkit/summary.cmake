# skranken summary (docs/summary.md): a small class played from recorded
# playthroughs with known numbers in the text, CSV and HTML; hostile names;
# broken, foreign and missing files skipped and named; wrong arguments. The
# benchmark (tools/bench-summary.sh) is run by hand, not here.
add_test(NAME toolkit.summary
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/summary/run_summary_tests.sh $<TARGET_FILE:skranken>
          ${CMAKE_SOURCE_DIR})
set_tests_properties(toolkit.summary PROPERTIES LABELS toolkit TIMEOUT 300)
