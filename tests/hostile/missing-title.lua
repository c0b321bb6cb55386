-- expect: feltet title mangler
scenario { id = "x", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
