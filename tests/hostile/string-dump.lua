-- expect: field 'dump'
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
local b = string.dump(function() return 1 end)
