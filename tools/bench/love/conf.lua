-- LÖVE 11 configuration for the benchmark's peer screen (tools/bench.sh).
-- No sound card on the benchmark machine: audio and sound are off, as the issue
-- says; everything else is LÖVE's default, as a new user would have it.
function love.conf(t)
  t.identity = "skranken-bench"
  t.version = "11.4"
  t.window.title = "Skranken (LÖVE-måling)"
  t.window.width = 1280
  t.window.height = 720
  t.window.resizable = true
  t.modules.audio = false
  t.modules.sound = false
end
