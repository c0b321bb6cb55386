-- expect: kan bare brukes inne i en hendelse
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
clock.wait(10)
