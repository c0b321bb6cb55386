-- expect: minnegrensen
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
local t = {}
for i = 1, 1e9 do t[i] = string.rep("x", 1000) .. i end
