-- expect: ugyldig
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
cast.patient { id = "feil", name = "Feil Nummer", fnr = "15859012343" }
