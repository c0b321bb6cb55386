-- fnr.synthetic with a day the month does not have must be refused with the line.
scenario { id = "x", title = "x", version = "1", duration = 10, goals = { ["hse3007.telefon"] = 1 } }
cast.patient { id = "q", name = "Q", fnr = fnr.synthetic { year = 1990, month = 2, day = 30 } }
