-- expect: instruksjonsbudsjettet
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
clock.at("08:01", function() local i = 0; while true do i = i + 1 end end)
