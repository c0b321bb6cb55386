-- The smallest scenario that plays: a seed for the scenario-loader fuzzer (the
-- shipped scenarios in scenarios/ are seeds too).
scenario { id = "minimal", title = "Minimal", version = "1", duration = 5,
           goals = { ["hse3007.telefon"] = 1 } }
local ola = cast.person { id = "ola", name = "Ola", kind = "caller" }
clock.at("08:01", function()
  local call = phone.call { from = ola, ring_for = 30 }
  if call:wait_answer() then score.award("hse3007.telefon", 1, { text = "Svarte." }) end
  local svar = call:ask("Ja?", { { "a", "A" }, { "b", "B" } })
  if svar == "a" then finish() end
end)
