-- expect: __gc er ikke tillatt
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
setmetatable({}, { __gc = function() while true do end end })
