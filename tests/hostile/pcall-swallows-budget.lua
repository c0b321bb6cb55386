-- expect: instruksjonsbudsjettet
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
clock.at("08:01", function()
  while true do
    pcall(function() while true do end end)
  end
end)
