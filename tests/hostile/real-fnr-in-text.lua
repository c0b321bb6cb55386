-- expect: real-fnr-in-text.lua:4: et gyldig fødselsnummer i det virkelige området
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
clock.at("08:01", function()
  local s = "Han sa 31129956715 i telefonen"
end)
