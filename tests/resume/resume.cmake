# No lost work (docs/journal.md): attempts are journaled, killed (SIGKILL) at many
# points and resumed to the same report; bad journals and arguments give one clear
# line; a full disk and a read-only data folder keep the attempt resumable; the
# window offers an unfinished attempt and resumes it. Included from
# tests/CMakeLists.txt.
add_test(NAME resume.kill
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/resume/run_kill_tests.sh $<TARGET_FILE:skranken>
          $<TARGET_FILE:report_expect> ${CMAKE_SOURCE_DIR})
set_tests_properties(resume.kill PROPERTIES LABELS "resume;cli" TIMEOUT 600)
add_test(NAME resume.bad_input
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/resume/run_bad_journals.sh $<TARGET_FILE:skranken>
          $<TARGET_FILE:report_expect> ${CMAKE_SOURCE_DIR})
set_tests_properties(resume.bad_input PROPERTIES LABELS "resume;cli" TIMEOUT 600)
add_test(NAME resume.full_disk
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/resume/run_full_disk.sh $<TARGET_FILE:skranken>
          $<TARGET_FILE:report_expect> ${CMAKE_SOURCE_DIR})
set_tests_properties(resume.full_disk PROPERTIES LABELS "resume;cli" TIMEOUT 600)
add_test(NAME resume.gui
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/resume/run_gui_resume.sh $<TARGET_FILE:skranken>
          $<TARGET_FILE:report_expect> ${CMAKE_SOURCE_DIR}
          ${CMAKE_CURRENT_BINARY_DIR}/resume-screenshots)
set_tests_properties(resume.gui PROPERTIES LABELS "resume;gui" TIMEOUT 600)
