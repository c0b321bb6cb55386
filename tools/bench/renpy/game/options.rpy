## The benchmark's Ren'Py peer (tools/bench.sh): a minimal project whose one screen
## resembles Skranken's library. No sound card on the benchmark machine.
define config.name = "Skranken (Ren'Py-måling)"
define config.version = "1.0"
define config.save_directory = "skranken-bench-renpy"
define config.has_sound = False
define config.has_music = False
define config.has_voice = False
define config.screen_width = 1280
define config.screen_height = 720
define config.window_title = "Skranken (Ren'Py-måling)"
define config.default_fullscreen = False
