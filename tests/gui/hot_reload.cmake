# Hot reload in the window (F5, docs/gui.md): the scenario file is edited while it
# runs and read again with the same trainee, seed and mode; a syntax error shows
# the error screen (file:line) and a fixed file starts again; exam mode ignores F5;
# abandoned attempts save no report. Offscreen driver; screenshots kept in
# build/tests/gui-hot-reload to look at. Included from tests/CMakeLists.txt.
add_test(NAME gui.hot_reload
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/gui/run_hot_reload.sh $<TARGET_FILE:skranken>
          $<TARGET_FILE:report_expect> ${CMAKE_SOURCE_DIR}
          ${CMAKE_CURRENT_BINARY_DIR}/gui-hot-reload)
set_tests_properties(gui.hot_reload PROPERTIES LABELS gui TIMEOUT 600)

# The window's start (docs/performance.md): the library cache is written, used,
# refreshed for changed files and another catalog, and survives every kind of bad
# cache file; --exit-after-first-frame and --frame-log do what they say.
add_test(NAME gui.startup
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/gui/run_startup.sh $<TARGET_FILE:skranken> ${CMAKE_SOURCE_DIR})
set_tests_properties(gui.startup PROPERTIES LABELS gui TIMEOUT 600)
