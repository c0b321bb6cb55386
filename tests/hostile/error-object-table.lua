-- expect: error() med en table
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
error(setmetatable({}, { __tostring = function() while true do end end }))
