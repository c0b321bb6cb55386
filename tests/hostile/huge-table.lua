-- expect: minnegrensen
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
-- A table grown without end, inside an event.
clock.at("08:01", function()
  local t = {}
  for i = 1, math.maxinteger do t[i] = i end
end)
