-- fuzz: fnr.synthetic with a year outside 1855-2039 made lua_pushfstring fail on "%02d"
-- and lost the file name from the message.
scenario { id = "x", title = "x", version = "1", duration = 10, goals = { ["hse3007.telefon"] = 1 } }
cast.patient { id = "p", name = "P", fnr = fnr.synthetic { year = 0995, sex = "M" } }
