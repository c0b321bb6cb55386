-- expect: string.gsub: mønsteret har for mange gjentakelser
-- The same through gsub, called as a method inside an event.
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
clock.at("08:01", function()
  local s = ("ab"):rep(5000)
  s:gsub("(.-)(.-)(.-)(.-)c", "%1")
end)
