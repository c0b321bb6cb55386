-- expect: instruksjonsbudsjettet
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
xpcall(function() while true do end end, function() while true do end end)
while true do end
