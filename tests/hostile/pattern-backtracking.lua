-- expect: mønsteret har for mange gjentakelser
-- A pattern with many unbounded repetitions over a long text backtracks for
-- hours inside one C call, where the instruction budget cannot stop it.
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
local s = string.rep("a", 20000)
local found = s:find("a*a*a*a*a*a*a*a*b")
