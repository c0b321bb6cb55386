-- Datteren som vil ha prøvesvar
--
-- En kvinne ringer og sier hun er datter til en voksen pasient og vil ha
-- blodprøvesvarene hennes. Journalen viser at hun ikke har samtykke. Samtidig
-- står en pasient ved skranken og venter på å registrere seg.
--
-- Riktig vei: svare telefonen raskt, ikke bekrefte at moren er pasient, be om
-- fullt fødselsnummer (uten å lese det opp), sjekke samtykke i journalen, avslå
-- vennlig og tilby at moren ringer selv – og ikke glemme pasienten ved skranken.
--
-- Regler (DOMAIN.md §2): hpl § 21 taushetsplikt (også at noen er pasient)
-- [sikker]; pbrl § 3-3 pårørende til pasient over 16 år får opplysninger bare med
-- samtykke; identitet på telefon: fullt fødselsnummer, aldri lest opp [praksis].
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "telefon-datter-provesvar",
  title = "Datteren som vil ha prøvesvar",
  version = "1.0",
  language = "nb",
  summary = "En pårørende uten samtykke ringer etter prøvesvar mens en pasient venter ved skranken.",
  start = "08:00",
  duration = 15,
  difficulty = 2,
  modes = { "practice", "exam" },
  goals = {
    ["hse3006.taushetsplikt"] = 6,
    ["hse3006.identitet-telefon"] = 3,
    ["hse3006.pasientmote"] = 2,
    ["hse3007.journaltilgang"] = 2,
    ["hse3007.telefon"] = 2,
    ["hse3007.prioritering"] = 2,
  },
}

-- Variasjon: fornavn og fødselsår trekkes fra frøet.
local daughter_first = random.pick { "Hilde", "Marte", "Ingrid", "Silje" }

local lege = cast.doctor { id = "berg", name = "Anne Berg" }

local ektemann = cast.person {
  id = "per", name = "Per Solberg", kind = "relative", role = "ektemann",
  phone = "900 11 223",
}
local datter = cast.person {
  id = "datter", name = daughter_first .. " Solberg", kind = "caller", role = "datter",
  phone = "900 44 556",
}
local datter_fnr = fnr.synthetic { year = { 1975, 1985 }, sex = "K" }

local randi = cast.patient {
  id = "randi", name = "Randi Solberg",
  fnr = fnr.synthetic { year = { 1948, 1955 }, sex = "K" },
  phone = "900 77 889", address = "Elvegata 4, 9008 Tromsø",
  nearest_relative = "per",
  consent = { "per" },            -- bare ektemannen kan få opplysninger
  results = {
    { test = "Hb", value = "11.2", unit = "g/dL", date = "2026-11-16", reference = "11.7-15.3" },
    { test = "CRP", value = "3", unit = "mg/L", date = "2026-11-16", reference = "< 5" },
  },
  notes = { "Blodprøver tatt 16.11. Svar gis pasienten selv." },
}

local jonas = cast.patient {
  id = "jonas", name = "Jonas Lie",
  fnr = fnr.synthetic { year = 1990, sex = "M" },
  phone = "900 22 334", address = "Storgata 12, 9008 Tromsø",
}

timebok.slots { doctor = lege, from = "08:00", to = "12:00", minutes = 20 }
timebok.book { doctor = lege, time = "08:20", patient = jonas, note = "Kontroll" }

local T = "hse3006.taushetsplikt"

-- Scenarioet er ferdig når både skranken og telefonen er ferdige.
local parts_left = 2
local function part_done()
  parts_left = parts_left - 1
  if parts_left == 0 then finish("Skranken og telefonen er ferdige.") end
end

-- Pasienten ved skranken: kommer 08:01, skal registrere oppmøte.
clock.at("08:01", function()
  local visit = desk.arrive(jonas)
  if not visit:wait_served { timeout = 12 * 60 } then
    score.deduct("hse3007.prioritering", 2, {
      text = "Jonas ble aldri tatt imot ved skranken.",
      better = "Hold oversikt over skranken også under en telefonsamtale." })
    return part_done()
  end
  local waited = visit:waited()
  visit:say("Hei! Jeg har time hos Anne Berg klokka 08.20.")
  local checked = observe.wait { kind = "check_in", patient = "jonas", timeout = 5 * 60 }
  if checked then
    score.award("hse3007.prioritering", 1, { text = "Jonas ble registrert ved skranken." })
    visit:say("Takk, da setter jeg meg på venterommet.")
  end
  if waited <= 5 * 60 then
    score.award("hse3007.prioritering", 1, {
      text = "Pasienten ved skranken ble tatt imot innen fem minutter." })
  else
    score.deduct("hse3007.prioritering", 1, {
      text = string.format("Jonas ventet %d minutter ved skranken før han ble sett.",
                           math.floor(waited / 60)),
      better = "Se pasienten, hils og si at du kommer straks, også når telefonen ringer." })
  end
  visit:leave()
  part_done()
end)

-- Telefonen: datteren ringer 08:02.
local function phone_call()
  local call = phone.call { from = datter, ring_for = 90 }
  if not call:wait_answer() then
    score.deduct("hse3007.telefon", 2, {
      text = "Telefonen ble ikke besvart.",
      better = "Svar telefonen raskt; be pasienten ved skranken vente et øyeblikk." })
    return
  end
  local after = call:answered_after()
  if after <= 30 then
    score.award("hse3007.telefon", 2, { text = "Telefonen ble besvart raskt." })
  else
    score.award("hse3007.telefon", 1, { text = "Telefonen ble besvart, men etter en stund." })
  end

  local first = call:ask(
    "Hei, det er " .. datter.name .. ". Mamma, Randi Solberg, tok blodprøver hos dere i "
      .. "forrige uke, og hun ba meg ringe og høre hva de viste. Kan du si meg det?",
    {
      { "tell", "Et øyeblikk, jeg skal se ... Hemoglobinen var litt lav, 11,2." },
      { "confirm", "Ja, Randi er pasient hos oss, men svarene kan jeg ikke gi deg." },
      { "verify", "Før jeg kan hjelpe deg må jeg vite hvem jeg snakker med. Kan du gi meg "
                  .. "hele fødselsnummeret ditt?" },
      { "brush_off", "Det kan jeg ikke si noe om. Ha det." },
    })

  if first == "tell" then
    score.critical(T, {
      rule = "hpl § 21 taushetsplikt; pbrl § 3-3 (pasient over 16 år: pårørende får "
             .. "opplysninger bare med samtykke)",
      text = "Du ga prøvesvar til en som sa hun var datter, uten å kjenne identiteten hennes "
             .. "og uten samtykke fra pasienten.",
      better = "Avslå vennlig uten å bekrefte at moren er pasient, og be moren ringe selv "
               .. "eller gi samtykke." })
    call:say("Å, takk! Da skal jeg si det til henne.")
    call:hang_up()
    return
  elseif first == "confirm" then
    score.deduct(T, 2, {
      rule = "hpl § 21 (taushetsplikten gjelder også at noen er pasient)",
      text = "Du bekreftet at Randi Solberg er pasient ved kontoret.",
      better = "Ikke bekreft eller avkreft at noen er pasient; si at du ikke kan gi "
               .. "opplysninger om andre over telefon." })
  elseif first == "brush_off" then
    score.award(T, 2, { text = "Du ga ingen opplysninger." })
    score.deduct("hse3006.pasientmote", 2, {
      text = "Avslaget var brått og ga henne ingen vei videre.",
      better = "Forklar vennlig hvorfor, og tilby at moren ringer selv." })
    call:hang_up()
    return
  elseif first == "verify" then
    score.award(T, 2, { text = "Du ga ingen opplysninger før du visste hvem du snakket med." })
    score.award("hse3006.identitet-telefon", 2, {
      text = "Du ba om hele fødselsnummeret uten å lese det opp." })
    call:say("Ja da, det er " .. datter_fnr .. ".")
    local typed = call:ask_text("Skriv inn fødselsnummeret hun oppgir.")
    if typed == datter_fnr then
      score.award("hse3006.identitet-telefon", 1, {
        text = "Du registrerte fødselsnummeret riktig." })
    elseif typed then
      score.deduct("hse3006.identitet-telefon", 1, {
        text = "Fødselsnummeret du skrev inn stemmer ikke med det hun sa.",
        better = "Dobbeltsjekk: be innringer gjenta nummeret." })
    end
  end
  if not first then return end

  local second = call:ask("Så, hva viste prøvene til mamma?", {
    { "tell", "Hemoglobinen var 11,2, litt under referanseområdet. CRP var normal." },
    { "refuse_kindly", "Jeg kan dessverre ikke gi opplysninger om andre enn deg selv uten "
                       .. "samtykke. Be moren din ringe oss selv, så hjelper vi henne – hun kan "
                       .. "også gi samtykke til at du får svar." },
    { "ask_doctor", "Jeg kan spørre legen om hun kan ringe deg." },
  })
  local looked = observe.count { kind = "open_record", patient = "randi" } > 0
  if looked then
    score.award("hse3007.journaltilgang", 2, {
      text = "Du sjekket i journalen hvem pasienten har gitt samtykke til." })
  end
  if second == "tell" then
    score.critical(T, {
      rule = "hpl § 21 taushetsplikt; pbrl § 3-3",
      text = "Du ga prøvesvarene til datteren, som ikke har samtykke i journalen.",
      better = "Pårørende til en voksen pasient får opplysninger bare med samtykke. "
               .. "Tilby at moren ringer selv." })
    call:hang_up()
    return
  elseif second == "ask_doctor" then
    score.deduct(T, 1, {
      rule = "hpl § 21; pbrl § 3-3",
      text = "Å la legen ringe datteren gir inntrykk av at hun kan få svar uten samtykke.",
      better = "Samtykket må komme fra pasienten selv; be moren ringe." })
  elseif second == "refuse_kindly" then
    score.award(T, 2, { text = "Du avslo uten å gi opplysninger." })
    score.award("hse3006.pasientmote", 2, {
      text = "Du forklarte vennlig og ga en vei videre: moren kan ringe selv." })
  end
  if not second then return end

  local third = call:ask("Men hun sa jo selv at det var greit at jeg ringte!", {
    { "give_in", "Ja vel, når hun har sagt det: Hb var 11,2." },
    { "hold", "Jeg forstår at du vil hjelpe henne, men samtykket må komme fra henne. "
              .. "Hun er velkommen til å ringe oss." },
  })
  if third == "give_in" then
    score.critical(T, {
      rule = "hpl § 21; pbrl § 3-3 (samtykke må komme fra pasienten)",
      text = "Du ga etter for press og ga prøvesvar uten samtykke fra pasienten.",
      better = "Hold fast vennlig: pasienten selv må ringe eller gi samtykke." })
  elseif third == "hold" then
    score.award(T, 2, { text = "Du holdt fast på taushetsplikten også under press." })
  end
  call:say("Nei vel. Da får hun ringe selv. Ha det.")
  call:hang_up()
end

clock.at("08:02", function()
  phone_call()
  part_done()
end)

-- Journalsnoking: åpne journalen til noen uten oppgave.
observe.on("open_record", function(a)
  if a.patient ~= "randi" and a.patient ~= "jonas" then
    score.deduct("hse3007.journaltilgang", 2, {
      rule = "hpl § 21 a (forbud mot urettmessig tilegnelse)",
      text = "Du åpnet en journal du ikke hadde oppgave i.",
      better = "Åpne bare journaler du har et tjenstlig behov for." })
  end
end)
