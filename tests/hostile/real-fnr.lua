-- expect: real-fnr.lua:3: et gyldig fødselsnummer i det virkelige området
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
cast.patient { id = "ekte", name = "Ekte Person", fnr = "31129956715" }
