-- expect: instruksjonsbudsjettet
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
table.sort({ 3, 2, 1 }, function(a, b) while true do end end)
