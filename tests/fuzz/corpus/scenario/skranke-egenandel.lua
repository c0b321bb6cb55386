-- Hvem skal betale egenandel?
--
-- Fire pasienter kommer til skranken etter hverandre for å registrere seg. Alle
-- skal registreres, og for hver av dem skal eleven ta riktig egenandel – og det
-- er journalen, ikke det pasienten tror, som avgjør.
--
-- Scenarioet trener: innsjekking og egenandel (hvem som er fritatt), å sjekke
-- journalen før man tar betalt når frikort kan være aktuelt, og å svare en
-- pasient som tror hen har frikort, vennlig og riktig.
--
-- Riktig vei:
--  * Barnet (med en forelder, 08:01): ta imot, registrer oppmøte, registrer 0 kr
--    (under 16 år).
--  * Den gravide (08:03:30, time til svangerskapskontroll): registrer oppmøte,
--    registrer 0 kr.
--  * Den eldre pasienten (08:06): sier ingenting om frikort. Åpne journalen før
--    du tar betalt: der står det at frikort er registrert for året. Registrer
--    oppmøte, registrer 0 kr.
--  * Den voksne pasienten (08:08:30) tror hen har frikort. Åpne journalen: det
--    er ikke registrert frikort. Svar at det ikke er frikort ennå og hva taket er,
--    registrer oppmøte og ta 170 kr.
--  Å åpne journalen til andre enn de fire i skranken gir trekk (snoking).
--
-- Regler det scores etter:
--  * DOMAIN.md §4: ingen egenandel for barn under 16 år og for
--    svangerskapskontroller; over frikortgrensen (3165 kr i 2024) betaler
--    pasienten ingenting. Beløpene er eksempelsatser fra ett legekontor
--    (konsultasjon på dagtid 170 kr, 2023–24) og står som data med årstall i
--    SATSER nedenfor. Ingen lovparagraf siteres (DOMAIN.md gir ingen).
--  * Å sjekke journalen før man tar betalt er kontorrutine [praksis], uten
--    paragraf. Å åpne journaler uten tjenstlig behov: hpl § 21 a [sikker,
--    DOMAIN.md §2], sitert i tilbakemeldingen.
--  * Møte med pasienten: svare vennlig og riktig, også når svaret er at hen må
--    betale [praksis, katalogmålet hse3006.pasientmote].
-- Ingen kritiske feil: feil egenandel er en feil som kan rettes, ikke et brudd
-- på taushetsplikten eller en fare for pasienten.
-- Scenarioet spiller i 2024, det siste året DOMAIN.md har satser for.
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "skranke-egenandel",
  title = "Hvem skal betale egenandel?",
  version = "1.0",
  language = "nb",
  summary = "Fire pasienter i skranken: et barn, en gravid til svangerskapskontroll, en med "
            .. "frikort i journalen og en som tror hen har frikort.",
  start = "08:00",
  duration = 15,
  difficulty = 2,
  modes = { "practice", "exam" },
  goals = {
    ["hse3007.egenandel"] = 12,
    ["hse3007.journaltilgang"] = 2,
    ["hse3006.pasientmote"] = 2,
  },
}

-- Satser (DOMAIN.md §4). Eksempel fra ett legekontor 2023–24; frikortgrensen
-- gjelder 2024. Endres satsene, endres bare denne tabellen.
local SATSER = {
  aar = 2024,
  konsultasjon_dag = 170,   -- kr, konsultasjon på dagtid
  konsultasjon_kveld = 288, -- kr
  lab = 61,                 -- kr, laboratorietakst
  enkel_kontakt = 72,       -- kr
  frikortgrense = 3165,     -- kr, egenandelstaket for 2024
}

local BETALINGSFRIST = 5 * 60 -- etter registrering venter pasienten så lenge på oppgjøret
local VENTEGRENSE = 6 * 60    -- så lenge står en pasient i køen før hen går

local E = "hse3007.egenandel"
local J = "hse3007.journaltilgang"
local M = "hse3006.pasientmote"

local function kr(n)           -- 3165 -> "3165 kr"
  return string.format("%d kr", n)
end

-- Variasjon: navn og detaljer trekkes fra frøet. Id-ene er faste.
local lege = cast.doctor { id = "lege1",
  name = random.pick { "Kari Nygaard", "Ingrid Hovland", "Liv Brekke", "Turid Sand" } }
local lege2 = cast.doctor { id = "lege2",
  name = random.pick { "Jon Eriksen", "Erik Myhre", "Hans Lindqvist" } }

-- 1. Barnet og forelderen.
local barn_valg = random.pick {
  { "Emil", "M" }, { "Nora", "K" }, { "Oskar", "M" }, { "Ella", "K" }, { "Jakob", "M" },
}
local etternavn = random.pick { "Haugen", "Berntsen", "Moe", "Rønning" }
local forelder_valg = random.pick {
  { "Hilde", "mor" }, { "Thomas", "far" }, { "Camilla", "mor" }, { "Kristian", "far" },
}
local forelder = cast.person {
  id = "forelder", name = forelder_valg[1] .. " " .. etternavn, kind = "relative",
  role = forelder_valg[2], phone = "900 31 472",
}
local barn_fnr = fnr.synthetic { year = { 2011, 2014 }, sex = barn_valg[2] }
local barn = cast.patient {
  id = "barn", name = barn_valg[1] .. " " .. etternavn, fnr = barn_fnr,
  address = "Skoleveien 7, 9011 Tromsø",
  nearest_relative = "forelder", consent = { "forelder" },
  notes = { (forelder_valg[2] == "mor" and "Mor: " or "Far: ") .. forelder.name
            .. ", tlf. 900 31 472." },
}
local barn_fodt = fnr.info(barn_fnr).year

-- 2. Den gravide.
local uke = random.pick { 24, 28, 32 }
local gravid = cast.patient {
  id = "gravid",
  name = random.pick { "Ida Sørensen", "Maria Kristiansen", "Julie Nilsen", "Hanna Lund" },
  fnr = fnr.synthetic { year = { 1990, 1997 }, sex = "K" },
  phone = "918 42 605", address = "Bakkegata 9, 9009 Tromsø",
  notes = { string.format("Gravid, uke %d. Svangerskapskontroller hos fastlegen.", uke),
            string.format("Ingen frikort registrert for %d.", SATSER.aar) },
}

-- 3. Den eldre pasienten med frikort i journalen.
local frikort_valg = random.pick {
  { "Kjell Aasen", "M" }, { "Ragnhild Strand", "K" }, { "Torbjørn Lunde", "M" },
  { "Solveig Bakke", "K" },
}
local frikort_dato = random.pick { "14.08.", "02.09.", "21.10." }
local frikort = cast.patient {
  id = "frikort", name = frikort_valg[1],
  fnr = fnr.synthetic { year = { 1946, 1956 }, sex = frikort_valg[2] },
  phone = "911 20 584", address = "Fjellveien 22, 9012 Tromsø",
  notes = {
    string.format("Frikort for egenandeler registrert %s%d: egenandelstaket for %d (%s) er "
                  .. "nådd.", frikort_dato, SATSER.aar, SATSER.aar, kr(SATSER.frikortgrense)),
    "Fast kontroll av blodtrykket hos lege hver tredje måned.",
  },
}

-- 4. Den voksne som tror hen har frikort, men ikke har det.
local voksen_valg = random.pick {
  { "Mari Solheim", "K" }, { "Anders Vik", "M" }, { "Sara Holm", "K" }, { "Martin Dahl", "M" },
}
local voksen = cast.patient {
  id = "voksen", name = voksen_valg[1],
  fnr = fnr.synthetic { year = { 1976, 1992 }, sex = voksen_valg[2] },
  phone = "922 47 310", address = "Storgata 51, 9008 Tromsø",
  notes = { string.format("Ingen frikort registrert for %d.", SATSER.aar),
            "Fysioterapi for ryggen i vår." },
}

-- Andre pasienter som står i timeboka (journalene deres har eleven ikke noe i).
local fyll = {
  cast.patient { id = "lund", name = "Eva Lund", fnr = fnr.synthetic { year = 1971, sex = "K" } },
  cast.patient { id = "kolstad", name = "Per Kolstad",
                 fnr = fnr.synthetic { year = 1963, sex = "M" } },
  cast.patient { id = "moen", name = "Astrid Moen", fnr = fnr.synthetic { year = 1988, sex = "K" } },
}

timebok.slots { doctor = lege, from = "08:00", to = "12:00", minutes = 20 }
timebok.slots { doctor = lege2, from = "08:00", to = "12:00", minutes = 20 }
timebok.book { doctor = lege, time = "08:00", patient = fyll[1], note = "Kontroll" }
timebok.book { doctor = lege, time = "08:20", patient = barn, note = "Vondt i øret" }
timebok.book { doctor = lege, time = "08:40", patient = gravid,
               note = string.format("Svangerskapskontroll, uke %d", uke) }
timebok.book { doctor = lege2, time = "08:20", patient = fyll[2], note = "Samtale" }
timebok.book { doctor = lege2, time = "08:40", patient = frikort, note = "Blodtrykkskontroll" }
timebok.book { doctor = lege, time = "09:00", patient = voksen, note = "Vondt i ryggen" }
timebok.book { doctor = lege2, time = "09:00", patient = fyll[3], note = "Kontroll" }

-------------------------------------------------------------- journalen

-- Første gang hver journal ble åpnet (sekunder fra start), og første oppgjør.
local apnet = {}
local betalt_kl = {}
local I_SKRANKEN = { barn = true, gravid = true, frikort = true, voksen = true }

observe.on("open_record", function(a)
  if not apnet[a.patient] then apnet[a.patient] = clock.elapsed() end
  if not I_SKRANKEN[a.patient] then
    score.deduct(J, 2, {
      rule = "hpl § 21 a (forbud mot å lese journal uten tjenstlig behov)",
      text = string.format("Du åpnet journalen til %s, som ikke var i skranken.",
                           cast.get(a.patient).name),
      better = "Åpne bare journalen til pasienten du holder på med." })
  end
end)

observe.on("charge", function(a)
  if not betalt_kl[a.patient] then betalt_kl[a.patient] = clock.elapsed() end
end)

-- Var journalen åpnet før første oppgjør (eller nå, hvis ikke betalt ennå)?
local function sjekket_for_betaling(id)
  local a = apnet[id]
  if not a then return false end
  local b = betalt_kl[id]
  return b == nil or a <= b
end

-------------------------------------------------------------- skranken

local skranke = {
  {
    person = barn, ankommer = "08:01:00", forventet = 0,
    taler = forelder.name .. " (" .. forelder_valg[2] .. ")",
    hilsen = string.format("Hei! %s har time hos %s klokka 08.20. Hva skylder vi?",
                           barn_valg[1], lege.name),
    takk = "Takk! Da setter vi oss på venterommet.",
    riktig = string.format("er født i %d, og barn under 16 år betaler ikke egenandel",
                           barn_fodt),
    feil_regel = "Barn under 16 år betaler ikke egenandel.",
    feil_bedre = "Se på fødselsdatoen: barn under 16 år registreres med 0 kr.",
  },
  {
    person = gravid, ankommer = "08:03:30", forventet = 0,
    hilsen = string.format("Hei, jeg skal til svangerskapskontroll hos %s klokka 08.40.",
                           lege.name),
    takk = "Så fint, takk! Da setter jeg meg.",
    riktig = "skal til svangerskapskontroll, og den er fritatt for egenandel",
    feil_regel = "Svangerskapskontroller er fritatt for egenandel.",
    feil_bedre = "Se hva timen gjelder: svangerskapskontroll registreres med 0 kr.",
  },
  {
    person = frikort, ankommer = "08:06:00", forventet = 0, sjekk = true,
    hilsen = string.format("God morgen! Jeg har time hos %s klokka 08.40. Det er bare den "
                           .. "vanlige kontrollen.", lege2.name),
    takk = "Takk for hjelpen. Da venter jeg der borte.",
    riktig = string.format("har frikort for %d og betaler ikke egenandel", SATSER.aar),
    feil_regel = string.format("Når egenandelstaket er nådd (%s i %d), har pasienten frikort "
                               .. "og betaler ikke egenandel resten av året.",
                               kr(SATSER.frikortgrense), SATSER.aar),
    feil_bedre = "Se i journalen før du tar betalt: står det at frikort er registrert, er "
                 .. "egenandelen 0 kr – også når pasienten ikke sier noe om det.",
  },
  {
    person = voksen, ankommer = "08:08:30", forventet = SATSER.konsultasjon_dag, sjekk = true,
    hilsen = string.format("Hei, jeg har time hos %s klokka 09.00.", lege.name),
    takk = "Ja ja. Takk, da setter jeg meg.",
  },
}

local igjen = #skranke
local function ferdig_med_en()
  igjen = igjen - 1
  if igjen == 0 then finish("Alle fire har vært i skranken.") end
end

local function si(p, tekst)
  p.visit:say(p.taler and (p.taler .. ": " .. tekst) or tekst)
end

-- Poeng for registrering, egenandel og journalsjekk når pasienten er ferdig.
local function gjor_opp(p)
  if p.oppgjort then return end
  p.oppgjort = true
  local v = p.visit
  local navn = p.person.name
  if v:checked_in() then
    score.award(E, 1, { text = navn .. " ble registrert." })
  else
    score.deduct(E, 1, {
      text = navn .. " ble ikke registrert.",
      better = "Registrer oppmøtet for alle som kommer til timen sin." })
  end

  if p.sjekk then
    if apnet[p.person.id] and sjekket_for_betaling(p.person.id) then
      score.award(J, 1, {
        text = string.format("Du sjekket frikortet i journalen til %s før du tok betalt.", navn) })
    elseif apnet[p.person.id] then
      score.deduct(J, 1, {
        text = string.format("Du registrerte oppgjøret for %s før du sjekket journalen.", navn),
        better = "Sjekk frikort i journalen før du tar betalt, ikke etterpå." })
    else
      score.deduct(J, 1, {
        text = string.format("Du registrerte oppgjøret for %s uten å sjekke frikort i "
                             .. "journalen.", navn),
        better = "Åpne journalen og se om frikort er registrert før du tar betalt." })
    end
  end

  local tatt = v:charged()
  if tatt == nil then
    score.deduct(E, 1, {
      text = string.format("Oppgjøret for %s ble ikke registrert (riktig: %s).", navn,
                           kr(p.forventet)),
      better = "Avslutt hver pasient med oppgjøret, også når egenandelen er 0 kr." })
  elseif tatt == p.forventet then
    if p.forventet == 0 then
      score.award(E, 2, { text = string.format("Riktig: %s %s.", navn, p.riktig) })
    else
      score.award(E, 2, {
        text = string.format("Riktig: %s har ikke frikort og betalte %s for konsultasjonen.",
                             navn, kr(tatt)) })
    end
  elseif p.forventet == 0 then
    score.deduct(E, 1, {
      rule = p.feil_regel,
      text = string.format("Du tok %s av %s, som ikke skal betale egenandel.", kr(tatt), navn),
      better = p.feil_bedre })
  elseif tatt == 0 then
    score.deduct(E, 1, {
      rule = string.format("Frikort gjelder først når egenandelstaket (%s i %d) er nådd.",
                           kr(SATSER.frikortgrense), SATSER.aar),
      text = string.format("Du tok ikke betalt av %s, som verken har fritak eller frikort.",
                           navn),
      better = string.format("Journalen avgjør, ikke hva pasienten tror: uten frikort er "
                             .. "egenandelen for konsultasjon på dagtid %s.",
                             kr(SATSER.konsultasjon_dag)) })
  else
    local hva = ({
      [SATSER.konsultasjon_kveld] = " (kveldstakst)",
      [SATSER.lab] = " (laboratorietakst)",
      [SATSER.enkel_kontakt] = " (takst for enkel kontakt)",
    })[tatt] or ""
    score.deduct(E, 1, {
      text = string.format("Du tok %s%s av %s; en konsultasjon på dagtid koster %s.",
                           kr(tatt), hva, navn, kr(SATSER.konsultasjon_dag)),
      better = string.format("Timen er på dagtid, så taksten er konsultasjon på dagtid: %s.",
                             kr(SATSER.konsultasjon_dag)) })
  end
end

-- Venter til pasienten er registrert og har gjort opp. Pasienten går når begge
-- deler er gjort, når du tar imot en annen etter registreringen, eller når
-- oppgjøret ikke kommer innen fristen.
local function ved_skranken(p)
  local v = p.visit
  local registrert_kl
  while true do
    if v:checked_in() and v:charged() ~= nil then return true end
    if v:checked_in() then
      registrert_kl = registrert_kl or clock.elapsed()
      if v:state() == "waiting" then return false end
      local rest = registrert_kl + BETALINGSFRIST - clock.elapsed()
      if rest <= 0 then return false end
      observe.wait { timeout = rest }
    elseif v:state() == "waiting" then
      v:wait_served()
    else
      observe.wait {}
    end
  end
end

-- Den voksne spør om frikort. Svaret vurderes ut fra om journalen var åpnet.
local function frikort_sporsmal(p)
  local svar = p.visit:ask(
    "Forresten: jeg har vært veldig mye hos lege i år, og hos fysioterapeut. Jeg har vel "
      .. "frikort nå, så jeg slipper å betale?",
    {
      { "vet_ikke", "Det vet jeg ikke. Det må du nesten spørre Helfo om." },
      { "sjekket", string.format("Jeg ser i journalen at det ikke er registrert frikort på deg "
                                 .. "i år ennå. Taket er %s i %d; når du har betalt så mye i "
                                 .. "egenandeler, betaler du ikke mer resten av året. I dag "
                                 .. "blir det %s.", kr(SATSER.frikortgrense), SATSER.aar,
                                 kr(SATSER.konsultasjon_dag)) },
      { "tror_ja", "Ja, det har du sikkert, med så mange besøk. Da blir det ingenting i dag." },
      { "alle_betaler", "Alle voksne må betale egenandel hos legen, det er ikke noe å gjøre "
                        .. "med det." },
    },
    { timeout = 4 * 60 })
  local navn = p.person.name
  if svar == "sjekket" then
    if apnet.voksen then
      score.award(M, 2, {
        text = "Du sjekket journalen og forklarte vennlig hvorfor " .. navn
               .. " må betale, og når frikortet gjelder." })
    else
      score.award(M, 1, {
        text = "Svaret om frikort var riktig, men du sa at du så det i journalen uten å ha "
               .. "åpnet den." })
    end
    si(p, "Å ja. Da er jeg ikke der ennå. Greit, da betaler jeg.")
  elseif svar == "tror_ja" then
    score.deduct(M, 2, {
      text = "Du sa at " .. navn .. " sikkert hadde frikort, uten å sjekke.",
      better = "Sjekk journalen og svar ut fra den: her var det ikke registrert frikort." })
    si(p, "Så fint!")
  elseif svar == "vet_ikke" then
    score.deduct(M, 1, {
      text = "Du sendte spørsmålet videre til Helfo, selv om svaret sto i journalen.",
      better = "Sjekk frikort i journalen og forklar taket ("
               .. kr(SATSER.frikortgrense) .. " i " .. SATSER.aar .. ")." })
    si(p, "Hm. Ja vel.")
  elseif svar == "alle_betaler" then
    score.deduct(M, 2, {
      text = "Du sa at alle voksne må betale, men over frikortgrensen betaler man ingenting.",
      better = string.format("Sjekk frikort i journalen og forklar taket (%s i %d).",
                             kr(SATSER.frikortgrense), SATSER.aar) })
    si(p, "Jaså? Jeg trodde det fantes noe som het frikort.")
  end
end

local function skrankepasient(p)
  local v = desk.arrive(p.person)
  p.visit = v
  if not v:wait_served { timeout = VENTEGRENSE } then
    p.oppgjort = true
    score.deduct(E, 1, {
      text = string.format("%s ventet i %d minutter i skranken uten å bli tatt imot.",
                           p.person.name, VENTEGRENSE // 60),
      better = "Ta imot pasientene i skranken etter tur." })
    si(p, "Nei, jeg går og setter meg. Da får noen heller registrere meg senere.")
    v:leave()
    return ferdig_med_en()
  end
  p.tatt_imot = true
  si(p, p.hilsen)
  if p.person.id == "voksen" then frikort_sporsmal(p) end
  if ved_skranken(p) then si(p, p.takk) end
  gjor_opp(p)
  v:leave()
  ferdig_med_en()
end

for _, p in ipairs(skranke) do
  clock.at(p.ankommer, function() skrankepasient(p) end)
end

on_end(function()
  for _, p in ipairs(skranke) do
    if p.visit and not p.oppgjort then
      if p.tatt_imot then
        gjor_opp(p)
      else
        p.oppgjort = true
        score.deduct(E, 1, {
          text = p.person.name .. " ble ikke tatt imot før tiden var ute.",
          better = "Ta imot pasientene i skranken etter tur." })
      end
    end
  end
end)
