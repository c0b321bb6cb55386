-- skranken-mal: et malscenario fra «skranken new»
--
-- Dette er et lite, komplett scenario som du kan bygge videre på. Slik det står,
-- laster det, kan spilles og består «skranken check». Les det fra toppen, endre
-- én ting om gangen, og kjør «skranken check skranken-mal.lua» etter hver endring.
-- Veiledningen står i docs/authoring.md, alle funksjonene i docs/scenario-api.md.
--
-- Handlingen: Kari Nilsen kommer til skranken for en time og skal registreres.
-- Rett etter ringer sjefen hennes og vil vite om hun er syk – en taushetsfelle.
--
-- Riktig vei: ta imot Kari straks (serve kari), registrer oppmøtet (check_in
-- kari), svar telefonen raskt (answer 1) og avvis arbeidsgiveren vennlig uten å
-- bekrefte at Kari er pasient (choose sjef avvis).
--
-- Regler (se DOMAIN-listen i docs/scoring.md): hpl § 21 taushetsplikt gjelder
-- også at noen er pasient; hpl § 21 a forbyr å åpne journaler uten tjenstlig behov.
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

-- 1. Opplysningene om scenarioet. «skranken check» krever alle feltene.
--    id må være lik filnavnet (uten .lua). goals er arbeidsmål fra
--    assets/catalog.json, med det høyeste antall poeng scenarioet kan gi for hvert.
scenario {
  id = "skranken-mal",
  title = "Min første vakt",
  version = "1.0",
  language = "nb",
  summary = "En pasient ved skranken, og en arbeidsgiver som ringer og vil vite om henne.",
  start = "08:00",                   -- når vakta begynner (simulert tid)
  duration = 15,                     -- minutter simulert tid
  difficulty = 1,                    -- 1 (lett) til 5
  modes = { "practice", "exam" },    -- øving og eksamen
  goals = {
    ["hse3007.prioritering"] = 2,    -- ta imot og registrere pasienten i tide
    ["hse3007.telefon"] = 2,         -- svare telefonen raskt
    ["hse3006.taushetsplikt"] = 4,   -- ikke røpe noe til arbeidsgiveren
  },
}

local T = "hse3006.taushetsplikt"

-- 2. Rollelisten. cast.patient gir personen en journal; fødselsnummeret lages
--    med fnr.synthetic, som trekker et syntetisk nummer fra frøet. Skriv aldri
--    et ekte fødselsnummer i fila (heller ikke i en kommentar).
local lege = cast.doctor { id = "berg", name = "Anne Berg" }

local kari = cast.patient {
  id = "kari", name = "Kari Nilsen",
  fnr = fnr.synthetic { year = { 1980, 1990 }, sex = "K" },
  phone = "900 12 345", address = "Storgata 1, 9008 Tromsø",
  notes = { "Kontroll etter ryggsmerter." },
}

-- 3. Variasjon: random.* følger frøet, så samme frø gir alltid samme scenario,
--    mens to elever med hvert sitt frø møter hver sin arbeidsgiver.
local sjef = cast.person {
  id = "sjef", name = random.pick { "Terje Holm", "Geir Lunde", "Randi Moe" },
  kind = "caller", role = "arbeidsgiver", phone = "900 98 765",
}

-- 4. Timeboka: ledige timer for legen, og Karis time klokka 08.20.
timebok.slots { doctor = lege, from = "08:00", to = "12:00", minutes = 20 }
timebok.book { doctor = lege, time = "08:20", patient = kari, note = "Kontroll" }

-- Scenarioet er ferdig når både skranken og telefonen er ferdige: finish() lar
-- eleven slippe å vente til tiden renner ut.
local deler_igjen = 2
local function del_ferdig()
  deler_igjen = deler_igjen - 1
  if deler_igjen == 0 then finish("Skranken og telefonen er ferdige.") end
end

-- 5. Et besøk ved skranken. Hver clock.at-funksjon er en hendelse som går for
--    seg selv; kall som wait_served og observe.wait venter der til eleven gjør
--    noe (eller tiden går ut), mens resten av kontoret går videre.
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
    besok:say("Takk, da setter jeg meg på venterommet.")
  else
    score.deduct("hse3007.prioritering", 1, {
      text = "Oppmøtet ble ikke registrert.",
      better = "Registrer oppmøtet mens pasienten står ved skranken (check_in)." })
  end
  besok:leave()
  del_ferdig()
end)

-- 6. En telefon med et valg. ask gir nøkkelen til svaret eleven velger (eller nil
--    hvis samtalen sluttet). Den kritiske feilen er taushetsfellen: score.critical
--    gjør at forsøket ikke kan bestås, uansett poeng.
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
      rule = "hpl § 21 taushetsplikt (også at noen er pasient)",
      text = "Å love å se etter gir inntrykk av at hun er pasient her.",
      better = "Avvis med en gang: du kan ikke si noe om hvem som er pasienter." })
  end
  samtale:say("Nei vel. Ha det.")
  samtale:hang_up()
  del_ferdig()
end)

-- 7. observe.on ser alle handlinger av et slag, når som helst: her hver journal
--    som åpnes. Kari har time i dag, så hennes journal er i orden å åpne.
observe.on("open_record", function(a)
  if a.patient ~= kari.id then
    score.deduct(T, 1, {
      rule = "hpl § 21 a (forbud mot urettmessig tilegnelse)",
      text = "Du åpnet en journal du ikke hadde oppgave i.",
      better = "Åpne bare journaler du har et tjenstlig behov for." })
  end
end)
