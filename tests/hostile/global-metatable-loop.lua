-- expect: instruksjonsbudsjettet
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
-- A metatable on the global table whose __index never returns: reading any
-- unknown global loops (the scenario can only hurt itself).
setmetatable(_G, { __index = function() while true do end end })
local x = ukjent_variabel
