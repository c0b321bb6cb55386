-- expect: instruksjonsbudsjettet
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
local co = coroutine.wrap(function() while true do end end)
co()
