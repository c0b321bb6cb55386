-- fuzz: an error raised by string.format inside the sandbox prelude named the
-- prelude ("[skranken]:34:") instead of the scenario file and line.
scenario { id = "x", title = "x", version = "1", duration = 10, goals = { ["hse3007.telefon"] = 1 } }
local s = string.format("%$s", 1)
