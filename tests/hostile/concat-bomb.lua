-- expect: minnegrensen
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
local s = "x"
for i = 1, 40 do s = s .. s end
