-- expect: stack overflow
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
local function f(n) return 1 + f(n + 1) end
f(1)
