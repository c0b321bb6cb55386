-- expect: hendelser kl.
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
local function again() clock.after(0, again) end
clock.after(0, again)
