-- expect: minnegrensen
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
local s = string.rep("x", 1 << 30)
