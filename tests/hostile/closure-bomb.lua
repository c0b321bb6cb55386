-- expect: minnegrensen
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
-- Closures chained into each other until memory runs out.
local f = function() return 0 end
for i = 1, math.maxinteger do
  local g = f
  f = function() return g() + i end
end
