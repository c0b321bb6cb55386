-- expect: global 'os'
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
getmetatable("").__index = function() return os.exit end
local x = ("a").anything
