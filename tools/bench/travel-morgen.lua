-- travel-morgen: the benchmark's busy desk (tools/bench.sh, docs/performance.md).
--
-- Not a training scenario: it exists to make the front desk as full as a bad
-- morning gets, so the frame time is measured while much happens at once.
-- At 08:00 twelve patients arrive at once, all four phone lines ring and twenty messages
-- land in the inbox; after that a new message, a new caller or a new visitor
-- arrives every few simulated seconds until 08:30, and three lab tasks are open.
-- Everyone is fictional; the fødselsnummer are synthetic (month + 80).
scenario {
  id = "travel-morgen",
  title = "Travel morgen (måling)",
  version = "1.0",
  language = "nb",
  summary = "Måling: tolv ved skranken, fire telefoner og tjue meldinger på en gang.",
  start = "08:00",
  duration = 40,
  difficulty = 5,
  modes = { "practice" },
  goals = {
    ["hse3007.prioritering"] = 24,
    ["hse3007.telefon"] = 12,
  },
}

local leger = {
  cast.doctor { id = "berg", name = "Anne Berg" },
  cast.doctor { id = "haugen", name = "Øystein Haugen" },
}
for _, lege in ipairs(leger) do
  timebok.slots { doctor = lege, from = "08:00", to = "15:00", minutes = 15 }
end

local fornavn = { "Kari", "Jonas", "Åse", "Bjørn", "Sølvi", "Pål", "Æsa", "Trond",
                  "Hilde", "Øyvind", "Mona", "Lars", "Ingrid", "Per", "Nora", "Ola",
                  "Siri", "Rune", "Tone", "Eirik", "Liv", "Geir", "Randi", "Håkon" }
local etternavn = { "Nilsen", "Lie", "Ødegård", "Hansen", "Bråthen", "Dæhli" }

local pasienter = {}
for i = 1, 24 do
  local p = cast.patient {
    id = "p" .. i,
    name = fornavn[i] .. " " .. etternavn[(i - 1) % #etternavn + 1],
    fnr = fnr.synthetic { year = { 1940, 2005 } },
    phone = string.format("900 %02d %03d", i, 100 + i),
    address = "Storgata " .. i .. ", 9008 Tromsø",
    notes = { "Kontroll.", "Blodtrykk " .. (120 + i) .. "/" .. (70 + i % 10) .. "." },
  }
  pasienter[i] = p
  if i <= 16 then
    local lege = leger[(i - 1) % 2 + 1]
    timebok.book { doctor = lege, time = string.format("%02d:%02d", 8 + (i - 1) // 4,
                                                       ((i - 1) % 4) * 15),
                   patient = p, note = "Kontroll" }
  end
end

local innringere = {}
for i = 1, 12 do
  innringere[i] = cast.person {
    id = "c" .. i, name = "Innringer " .. i, kind = "caller",
    role = (i % 3 == 0) and "arbeidsgiver" or "pårørende",
    phone = string.format("400 %02d %03d", i, 200 + i),
  }
end

local function besok(p)
  local v = desk.arrive(p)
  if not v:wait_served { timeout = 30 * 60 } then return end
  score.award("hse3007.prioritering", 1, { text = p.name .. " ble tatt imot." })
  local svar = v:ask("Hei, jeg har time i dag. Kan du registrere meg? Jeg har også et "
    .. "spørsmål om en resept og om å bytte time til neste uke.", {
      { "registrer", "Ja, da registrerer jeg deg nå." },
      { "vent", "Sett deg, så tar jeg det etterpå." },
      { "bytt", "Vi kan se på en ny time med en gang." },
    }, { timeout = 10 * 60 })
  if svar == "registrer" then
    score.award("hse3007.prioritering", 1, { text = "Registrert." })
  end
  v:say("Takk skal du ha.")
  v:leave()
end

local function samtale(c, ring_for)
  -- four lines: when all are busy, this caller gives up
  local ok, s = pcall(phone.call, { from = c, ring_for = ring_for })
  if not ok then return end
  if not s:wait_answer() then return end
  score.award("hse3007.telefon", 1, { text = "Du svarte." })
  s:ask("Hei, jeg ringer om en time og et prøvesvar. Kan du hjelpe meg?", {
    { "ja", "Ja, hva gjelder det?" },
    { "nei", "Det kan jeg dessverre ikke svare på over telefon." },
  }, { timeout = 5 * 60 })
  s:say("Takk, ha det.")
  s:hang_up()
end

clock.at("08:00", function()
  for i = 1, 12 do
    clock.at("08:00", function() besok(pasienter[i]) end)
  end
  for i = 1, 4 do
    clock.at("08:00", function() samtale(innringere[i], 20 * 60) end)
  end
  for i = 1, 20 do
    inbox.message { id = "m" .. i, from = leger[i % 2 + 1],
      text = "Melding " .. i .. ": kan du ringe " .. pasienter[i].name .. " og avtale ny "
        .. "time for kontroll? Husk også å sende innkalling til blodprøve neste uke, og "
        .. "noter i journalen at prøvesvaret er gjennomgått." }
  end
  for i = 1, 3 do
    lab.task { id = "lab" .. i, patient = pasienter[20 + i], kind = "venous",
               title = "Blodprøve " .. i .. ": CRP og blodstatus",
               steps = { { "hand_hygiene", "Håndhygiene" }, { "stasis_on", "Legg på stase" },
                         { "puncture", "Stikk" }, { "stasis_off", "Løsne stasen" } } }
  end
end)

-- and more keeps coming
for n = 1, 60 do
  local t = string.format("08:%02d:%02d", (n * 30) // 60, (n * 30) % 60)
  clock.at(t, function()
    inbox.message { id = "ny" .. n, from = leger[n % 2 + 1],
      text = "Ny melding " .. n .. ": sjekk timeboka for i morgen." }
  end)
end
for n = 5, 12 do
  clock.at(string.format("08:%02d", n * 2), function() samtale(innringere[n], 90) end)
end
for n = 13, 20 do
  clock.at(string.format("08:%02d", n), function() besok(pasienter[n]) end)
end
