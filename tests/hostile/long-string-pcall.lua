-- expect: minnegrensen
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
-- A very long string built by doubling, caught by pcall: the memory cap still
-- holds and the scenario ends.
local s = "x"
while true do
  local ok = pcall(function() s = s .. s end)
  if not ok then s = s .. s end
end
