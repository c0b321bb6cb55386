-- expect: global 'load'
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
local f = load("\27LuaT\0", "x", "b")
