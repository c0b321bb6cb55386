-- expect-exit: 0
-- Ordinary patterns on ordinary texts are not refused by the guard.
scenario { id = "fiendtlig", title = "Mønstre", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
local fnr = "25826509379"
assert(fnr:match("^%d+$") == fnr)
assert(("08:30"):match("^(%d%d):(%d%d)$") == "08")
local a, b, c = ("2026-11-24"):match("(%d+)-(%d+)-(%d+)")
assert(a == "2026" and b == "11" and c == "24")
local words = 0
for _ in ("Hei, det er Kari Nilsen. Jeg ringer om timen min."):gmatch("%a+") do words = words + 1 end
assert(words == 10)
assert((string.rep("x ", 400)):gsub("%s+", "_") ~= nil)
assert(("[tekst]"):find("[", 1, true) == 1)
assert(("a-b"):find("%-") == 2)
assert(("balansert (parentes)"):match("%b()") == "(parentes)")
clock.at("08:01", function() finish() end)
