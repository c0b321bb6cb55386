-- Arbeidsgiveren som ringer
--
-- Kari Nilsen kommer til skranken for en kontroll. Samtidig ringer sjefen hennes
-- og vil vite om hun var hos legen. Riktig: ta imot Kari, registrere oppmøtet,
-- svare telefonen raskt og avvise vennlig uten å bekrefte at hun er pasient.
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske.

scenario {
  id = "arbeidsgiveren",
  title = "Arbeidsgiveren som ringer",
  version = "1.0",
  language = "nb",
  summary = "En arbeidsgiver vil vite om en ansatt var hos legen, mens hun står ved skranken.",
  start = "08:00",
  duration = 15,
  difficulty = 2,
  modes = { "practice", "exam" },
  goals = {
    ["hse3006.taushetsplikt"] = 4,
    ["hse3007.telefon"] = 2,
    ["hse3007.prioritering"] = 2,
  },
}

local T = "hse3006.taushetsplikt"

local lege = cast.doctor { id = "berg", name = "Anne Berg" }
local kari = cast.patient {
  id = "kari", name = "Kari Nilsen",
  fnr = fnr.synthetic { year = { 1980, 1990 }, sex = "K" },
  phone = "900 12 345", address = "Storgata 1, 9008 Tromsø",
}
local sjef = cast.person {
  id = "sjef", name = random.pick { "Terje Holm", "Geir Lunde" }, kind = "caller",
  role = "arbeidsgiver", phone = "900 98 765",
}

timebok.slots { doctor = lege, from = "08:00", to = "12:00", minutes = 20 }
timebok.book { doctor = lege, time = "08:20", patient = kari, note = "Kontroll" }

-- Scenarioet er ferdig når både skranken og telefonen er ferdige.
local deler_igjen = 2
local function del_ferdig()
  deler_igjen = deler_igjen - 1
  if deler_igjen == 0 then finish("Skranken og telefonen er ferdige.") end
end

clock.at("08:01", function()
  local besok = desk.arrive(kari)
  if not besok:wait_served { timeout = 10 * 60 } then
    score.deduct("hse3007.prioritering", 2, {
      text = "Kari ble aldri tatt imot ved skranken.",
      better = "Hold oversikt over skranken også når telefonen ringer." })
    return del_ferdig()
  end
  if besok:waited() <= 3 * 60 then
    score.award("hse3007.prioritering", 1, { text = "Kari ble tatt imot raskt." })
  end
  besok:say("Hei, jeg har time hos Anne Berg klokka 08.20.")
  if observe.wait { kind = "check_in", patient = kari, timeout = 5 * 60 } then
    score.award("hse3007.prioritering", 1, { text = "Du registrerte oppmøtet." })
    besok:say("Takk, da setter jeg meg.")
  end
  besok:leave()
  del_ferdig()
end)

clock.at("08:02", function()
  local samtale = phone.call { from = sjef, ring_for = 90 }
  if not samtale:wait_answer() then
    score.deduct("hse3007.telefon", 2, {
      text = "Telefonen ble ikke besvart.",
      better = "Svar telefonen raskt; be den ved skranken vente et øyeblikk." })
    return del_ferdig()
  end
  if samtale:answered_after() <= 30 then
    score.award("hse3007.telefon", 2, { text = "Du svarte telefonen raskt." })
  else
    score.award("hse3007.telefon", 1, { text = "Du svarte telefonen, men etter en stund." })
  end
  local svar = samtale:ask(
    "Hei, det er " .. sjef.name .. ", sjefen til Kari Nilsen. Var hun hos legen i går? "
      .. "Jeg må vite om hun faktisk er syk.", {
      { "bekreft", "Ja, hun var her i går." },
      { "avvis", "Jeg kan ikke si noe om hvem som er pasienter her. Spør Kari selv." },
      { "sjekk", "Et øyeblikk, så skal jeg se etter." },
    })
  if svar == "bekreft" then
    score.critical(T, {
      rule = "hpl § 21 taushetsplikt (også at noen er pasient)",
      text = "Du bekreftet overfor arbeidsgiveren at Kari var hos legen.",
      better = "Ikke bekreft eller avkreft at noen er pasient; be ham spørre Kari selv." })
  elseif svar == "avvis" then
    score.award(T, 4, { text = "Du avviste vennlig uten å bekrefte noe." })
  elseif svar == "sjekk" then
    score.deduct(T, 2, {
      rule = "hpl § 21",
      text = "Å love å se etter gir inntrykk av at hun er pasient her.",
      better = "Avvis med en gang: du kan ikke si noe om hvem som er pasienter." })
  end
  samtale:say("Nei vel. Ha det.")
  samtale:hang_up()
  del_ferdig()
end)

observe.on("open_record", function(a)
  if a.patient ~= "kari" then
    score.deduct(T, 1, {
      rule = "hpl § 21 a (forbud mot urettmessig tilegnelse)",
      text = "Du åpnet en journal du ikke hadde oppgave i.",
      better = "Åpne bare journaler du har et tjenstlig behov for." })
  end
end)
