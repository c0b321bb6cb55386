-- expect: instruksjonsbudsjettet
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
-- The budget cannot be dodged by an error handler that loops, nor by a closure
-- that re-enters pcall for ever.
local function again() return pcall(again) end
clock.at("08:01", function()
  while true do again() end
end)
