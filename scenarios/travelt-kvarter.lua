-- Et travelt kvarter i skranken
--
-- Et kvarter med flere ting på en gang: tre pasienter kommer til skranken for å
-- registrere seg og betale egenandel, legen sender en melding om en time som
-- skal bestilles, og midt i det hele ringer en mann med brystsmerter.
--
-- Scenarioet trener: å ta betalt riktig egenandel (barn, frikort, vanlig
-- voksen), å lese og følge opp beskjeder fra legen, å kjenne igjen en akutt
-- situasjon på telefonen og handle straks, og å holde oversikten i skranken.
--
-- Riktig vei:
--  * Barnet (med en forelder): ta imot, registrer oppmøte, registrer 0 kr.
--  * Den eldre pasienten: ta imot, åpne journalen (der står det at frikort er
--    registrert for året), registrer oppmøte, registrer 0 kr.
--  * Den voksne pasienten: ta imot, registrer oppmøte, ta 170 kr.
--  * Legens melding (08:04): les den innen fem minutter og bestill den navngitte
--    pasienten på akkurat den ledige timen legen nevner.
--  * Telefonen (08:06): svar raskt. Brystsmerter i 20 minutter med utstråling og
--    kvalme: be ham bli i telefonen, og ring 113 (call_113) eller hent legen
--    (page_doctor) med en gang, innen to minutter. Pasienten ved skranken får
--    vente et øyeblikk.
--
-- Regler det scores etter:
--  * DOMAIN.md §4 [sikker, Helsenorge]: ring 113 straks (eller hent legen straks)
--    ved brystsmerter som varer mer enn 5 minutter, og ved uventet ubehag i
--    brystet med uvelhet og kvalme. Å tilby vanlig time eller å love at legen
--    ringer tilbake er kritisk feil. Kilden er Helsenorge, ikke en lovparagraf.
--  * DOMAIN.md §4: barn under 16 år betaler ikke egenandel; over frikortgrensen
--    (3165 kr i 2024) betaler pasienten ingenting. Beløpene er eksempelsatser fra
--    ett legekontor (konsultasjon på dagtid 170 kr, 2023–24) og står som data
--    med årstall nedenfor. Ingen lovparagraf siteres.
--  * DOMAIN.md §4 [sikker]: fastlegekontor skal besvare 80 % av anropene innen
--    to minutter (ingen paragraf siteres).
--  * Prioritering i skranken (ingen ventetid over rundt seks minutter uten å bli
--    sett) og beskjeder fra legen er praksis [praksis]: ingen lovparagraf.
-- Scenarioet spiller i 2024, det siste året DOMAIN.md har satser for.
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "travelt-kvarter",
  title = "Et travelt kvarter i skranken",
  version = "1.0",
  language = "nb",
  summary = "Tre pasienter med ulik egenandel, en beskjed fra legen om en time, og en "
            .. "innringer med brystsmerter – alt i løpet av et kvarter.",
  start = "08:00",
  duration = 15,
  difficulty = 3,
  modes = { "practice", "exam" },
  goals = {
    ["hse3007.egenandel"] = 6,
    ["hse3007.prioritering"] = 6,
    ["hse3006.samhandling-lege"] = 2,
    ["hse3007.timebok"] = 2,
    ["hse3005.akutt-113"] = 4,
    ["hse3007.telefon"] = 2,
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

local VENTEGRENSE = 6 * 60   -- sekunder en pasient kan vente i skranken uten å bli sett
local GIR_OPP = 4 * 60       -- deretter går pasienten etter så mange sekunder til
local BETALINGSFRIST = 5 * 60 -- etter registrering venter pasienten så lenge på oppgjøret
local AKUTT_FRIST = 2 * 60   -- 113 eller lege innen så mange sekunder
local RINGETID = 2 * 60      -- telefonen ringer så lenge (svarkravet er to minutter)

local function klokke(tid)   -- "10:40" -> "10.40" (slik klokkeslett skrives i tekst)
  return (tid:gsub(":", "."))
end

local function fodt(fnr_tekst)
  local i = fnr.info(fnr_tekst)
  return string.format("%02d.%02d.%d", i.day, i.month, i.year)
end

-- Variasjon: navn og detaljer trekkes fra frøet. Id-ene er faste.
local lege_navn = random.pick { "Kari Nygaard", "Ingrid Hovland", "Liv Brekke", "Turid Sand" }
local lege2_navn = random.pick { "Jon Eriksen", "Erik Myhre", "Hans Lindqvist" }

local lege = cast.doctor { id = "lege1", name = lege_navn }
local lege2 = cast.doctor { id = "lege2", name = lege2_navn }
local lege_fornavn = lege_navn:match("^(%S+)")

-- Barnet og forelderen.
local barn_valg = random.pick {
  { "Emil", "M" }, { "Nora", "K" }, { "Oskar", "M" }, { "Ella", "K" }, { "Filip", "M" },
}
local etternavn = random.pick { "Haugen", "Berntsen", "Moe", "Rønning" }
local forelder_valg = random.pick {
  { "Hilde", "mor" }, { "Thomas", "far" }, { "Camilla", "mor" }, { "Kristian", "far" },
}
local forelder = cast.person {
  id = "forelder", name = forelder_valg[1] .. " " .. etternavn, kind = "relative",
  role = forelder_valg[2], phone = "900 31 472",
}
local barn = cast.patient {
  id = "barn", name = barn_valg[1] .. " " .. etternavn,
  fnr = fnr.synthetic { year = { 2015, 2017 }, sex = barn_valg[2] },
  address = "Skoleveien 7, 9011 Tromsø",
  nearest_relative = "forelder",
  consent = { "forelder" },
  notes = { (forelder_valg[2] == "mor" and "Mor: " or "Far: ") .. forelder.name
            .. ", tlf. 900 31 472." },
}

-- Den eldre pasienten med frikort.
local eldre_valg = random.pick {
  { "Kjell Aasen", "M" }, { "Ragnhild Strand", "K" }, { "Torbjørn Lunde", "M" },
  { "Solveig Bakke", "K" },
}
local eldre = cast.patient {
  id = "eldre", name = eldre_valg[1],
  fnr = fnr.synthetic { year = { 1944, 1952 }, sex = eldre_valg[2] },
  phone = "911 20 584", address = "Fjellveien 22, 9012 Tromsø",
  notes = {
    string.format("Frikort for egenandeler registrert for %d (egenandelstaket på %d kr er "
                  .. "nådd).", SATSER.aar, SATSER.frikortgrense),
    "Fast kontroll av diabetes hos lege hver tredje måned.",
  },
}

-- Den voksne pasienten som betaler vanlig egenandel.
local voksen_valg = random.pick {
  { "Mari Solheim", "K" }, { "Anders Vik", "M" }, { "Sara Holm", "K" }, { "Martin Dahl", "M" },
}
local voksen = cast.patient {
  id = "voksen", name = voksen_valg[1],
  fnr = fnr.synthetic { year = { 1982, 1996 }, sex = voksen_valg[2] },
  phone = "922 47 310", address = "Storgata 51, 9008 Tromsø",
  notes = { string.format("Ingen frikort registrert for %d.", SATSER.aar) },
}

-- Pasienten legen vil ha satt opp.
local kontroll_valg = random.pick {
  { "Hanne Lie", "K", "hun" }, { "Per Olav Rist", "M", "han" }, { "Gunn Vollan", "K", "hun" },
  { "Arvid Sletten", "M", "han" },
}
local kontroll = cast.patient {
  id = "kontroll", name = kontroll_valg[1],
  fnr = fnr.synthetic { year = { 1955, 1970 }, sex = kontroll_valg[2] },
  phone = "934 66 120", address = "Parkgata 3, 9008 Tromsø",
  notes = { "Høyt blodtrykk. Ny medisin startet for to uker siden." },
}

-- Mannen med brystsmerter.
local innringer = cast.patient {
  id = "innringer",
  name = random.pick { "Geir Johansen", "Terje Olsen", "Rolf Hansen", "Bjørn Sæther" },
  fnr = fnr.synthetic { year = { 1956, 1966 }, sex = "M" },
  phone = "952 18 733", address = "Sjøgata 14, 9008 Tromsø",
  notes = { "Behandles for høyt kolesterol." },
}

-- Andre pasienter som står i timeboka.
local fyll = {
  cast.patient { id = "lund", name = "Eva Lund", fnr = fnr.synthetic { year = 1971, sex = "K" } },
  cast.patient { id = "kolstad", name = "Per Kolstad",
                 fnr = fnr.synthetic { year = 1963, sex = "M" } },
  cast.patient { id = "moen", name = "Astrid Moen", fnr = fnr.synthetic { year = 1988, sex = "K" } },
  cast.patient { id = "fossum", name = "Leif Fossum",
                 fnr = fnr.synthetic { year = 1949, sex = "M" } },
}

-- Timeboka: legen har noen ledige timer; én av dem nevner hun i meldingen.
timebok.slots { doctor = lege, from = "08:00", to = "15:00", minutes = 20 }
timebok.slots { doctor = lege2, from = "08:00", to = "15:00", minutes = 20 }
timebok.book { doctor = lege, time = "08:00", patient = fyll[1], note = "Kontroll" }
timebok.book { doctor = lege, time = "08:20", patient = barn, note = "Øreverk" }
timebok.book { doctor = lege, time = "08:40", patient = voksen, note = "Vondt i ryggen" }
timebok.book { doctor = lege, time = "09:00", patient = fyll[2], note = "Samtale" }
timebok.book { doctor = lege, time = "09:40", patient = fyll[3], note = "Sårkontroll" }
timebok.book { doctor = lege, time = "10:20", patient = fyll[4], note = "Kontroll" }
timebok.book { doctor = lege2, time = "08:20", patient = eldre, note = "Diabeteskontroll" }

local ledige = { "10:40", "11:20", "13:00", "14:00" }
local bestill_tid = random.pick(ledige)
local annen_ledig = bestill_tid == "11:20" and "13:00" or "11:20"

-- Scenarioet er ferdig når de tre i skranken, legens time og telefonen er ferdige.
local deler_igjen = 5
local function del_ferdig()
  deler_igjen = deler_igjen - 1
  if deler_igjen == 0 then finish("Skranken, timeboka og telefonen er ferdige.") end
end

---------------------------------------------------------------------- skranken

local E = "hse3007.egenandel"
local P = "hse3007.prioritering"

-- Hver pasient i skranken: hvem, når, hva hen sier og hvilken egenandel som er riktig.
local skranke = {
  {
    person = barn, ankommer = "08:01:00", forventet = 0,
    taler = forelder.name .. " (" .. forelder_valg[2] .. ")",
    hilsen = string.format("Hei! %s har time hos %s klokka 08.20.", barn_valg[1], lege_navn),
    takk = "Takk! Da setter vi oss på venterommet.",
    venterom = "Da setter vi oss på venterommet.",
    riktig = "er under 16 år og betaler ikke egenandel",
    feil_regel = "Barn under 16 år betaler ikke egenandel hos legen.",
    feil_bedre = "Sjekk alderen i journalen: barn under 16 år registreres med 0 kr.",
    uten_betaling = string.format("Oppgjøret for %s ble ikke registrert; barn under 16 år "
                                  .. "registreres med 0 kr.", barn.name),
  },
  {
    person = eldre, ankommer = "08:03:00", forventet = 0,
    hilsen = string.format("God morgen! Jeg har time hos %s klokka 08.20. Jeg har vært mye "
                           .. "hos dere i år, jeg.", lege2_navn),
    takk = "Takk for hjelpen. Da venter jeg der borte.",
    venterom = "Da setter jeg meg på venterommet.",
    riktig = string.format("har frikort for %d og betaler ikke egenandel", SATSER.aar),
    feil_regel = string.format("Når egenandelstaket er nådd (%d kr i %d), har pasienten "
                               .. "frikort og betaler ikke egenandel resten av året.",
                               SATSER.frikortgrense, SATSER.aar),
    feil_bedre = "Se i journalen før du tar betalt: står det at frikort er registrert, "
                 .. "er egenandelen 0 kr.",
    uten_betaling = string.format("Oppgjøret for %s ble ikke registrert; med frikort er "
                                  .. "egenandelen 0 kr.", eldre_valg[1]),
  },
  {
    person = voksen, ankommer = "08:05:30",
    forventet = SATSER.konsultasjon_dag,
    hilsen = string.format("Hei, jeg har time hos %s klokka 08.40.", lege_navn),
    takk = "Takk, da setter jeg meg.",
    venterom = "Da setter jeg meg på venterommet.",
    uten_betaling = string.format("%s betalte ikke egenandel. Uten fritak eller frikort "
                                  .. "koster en konsultasjon på dagtid %d kr.",
                                  voksen_valg[1], SATSER.konsultasjon_dag),
  },
}

-- Poeng for egenandel og registrering når pasienten er ferdig i skranken.
local function gjor_opp(p)
  if p.oppgjort then return end
  p.oppgjort = true
  local v = p.visit
  local navn = p.person.name
  if v:checked_in() then
    score.award(P, 1, { text = navn .. " ble registrert." })
  else
    score.deduct(P, 1, {
      text = navn .. " ble ikke registrert.",
      better = "Registrer oppmøte for alle som kommer, også når det er travelt." })
  end
  local tatt = v:charged()
  if tatt == nil then
    score.deduct(E, 1, {
      text = p.uten_betaling,
      better = "Avslutt hver pasient med oppgjøret før du går videre til neste." })
  elseif tatt == p.forventet then
    if p.forventet == 0 then
      score.award(E, 2, { text = string.format("Riktig: %s %s.", navn, p.riktig) })
    else
      score.award(E, 2, { text = string.format("Riktig: %s betalte %d kr for konsultasjonen.",
                                                navn, tatt) })
    end
  elseif p.forventet == 0 then
    score.deduct(E, 2, {
      rule = p.feil_regel,
      text = string.format("Du tok %d kr av %s, som ikke skal betale egenandel.", tatt, navn),
      better = p.feil_bedre })
  elseif tatt == 0 then
    score.deduct(E, 2, {
      text = string.format("Du tok ikke betalt av %s, som verken har fritak eller frikort.", navn),
      better = string.format("Sjekk journalen: uten fritak eller frikort er egenandelen for "
                             .. "konsultasjon på dagtid %d kr.", SATSER.konsultasjon_dag) })
  else
    local hva = ({
      [SATSER.konsultasjon_kveld] = " (kveldstakst)",
      [SATSER.lab] = " (laboratorietakst)",
      [SATSER.enkel_kontakt] = " (takst for enkel kontakt)",
    })[tatt] or ""
    score.deduct(E, 1, {
      text = string.format("Du tok %d kr%s av %s; en konsultasjon på dagtid koster %d kr.",
                           tatt, hva, navn, SATSER.konsultasjon_dag),
      better = string.format("Timen er på dagtid, så taksten er konsultasjon på dagtid: %d kr.",
                             SATSER.konsultasjon_dag) })
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
      local igjen = registrert_kl + BETALINGSFRIST - clock.elapsed()
      if igjen <= 0 then return false end
      observe.wait { timeout = igjen }
    elseif v:state() == "waiting" then
      v:wait_served()
    else
      observe.wait {}
    end
  end
end

-- Replikk fra pasienten (eller forelderen, når pasienten er et barn).
local function si(p, tekst)
  p.visit:say(p.taler and (p.taler .. ": " .. tekst) or tekst)
end

local function skrankepasient(p)
  local v = desk.arrive(p.person)
  p.visit = v
  if not v:wait_served { timeout = VENTEGRENSE } then
    score.deduct(P, 1, {
      text = string.format("%s ventet i skranken i %d minutter uten å bli sett.",
                           p.person.name, VENTEGRENSE // 60),
      better = "Se pasienten og si at du kommer straks, selv om du er opptatt." })
    si(p, "Unnskyld, er det noen som kan hjelpe " .. (p.taler and "oss" or "meg") .. "?")
    if not v:wait_served { timeout = GIR_OPP } then
      p.oppgjort = true
      score.deduct(P, 1, {
        text = p.person.name .. " gikk uten å bli registrert.",
        better = "Hold oversikt over køen i skranken også når telefonen og meldingene tar tid." })
      v:leave()
      return del_ferdig()
    end
  else
    score.award(P, 1, {
      text = string.format("%s ble tatt imot uten lang ventetid.", p.person.name) })
  end
  p.tatt_imot = true
  si(p, p.hilsen)
  si(p, ved_skranken(p) and p.takk or p.venterom)
  gjor_opp(p)
  v:leave()
  del_ferdig()
end

for _, p in ipairs(skranke) do
  clock.at(p.ankommer, function() skrankepasient(p) end)
end

----------------------------------------------------------- legen og timeboka

local S = "hse3006.samhandling-lege"
local T = "hse3007.timebok"
local melding
local timen_bestilt = false
local timebok_ferdig = false

clock.at("08:04", function()
  local pron = kontroll_valg[3]
  local objekt = pron == "hun" and "henne" or "ham"
  melding = inbox.message {
    id = "melding-lege",
    from = lege,
    text = string.format("Hei! Kan du sette opp %s (født %s) på min ledige time kl. %s i dag? "
                         .. "Det gjelder kontroll av blodtrykket etter ny medisin. Jeg har sagt "
                         .. "til %s at %s får time i dag. Takk! Hilsen %s",
                         kontroll.name, fodt(kontroll.fnr), klokke(bestill_tid), objekt, pron,
                         lege_fornavn),
  }
  if melding:wait_read { timeout = 5 * 60 } then
    score.award(S, 2, { text = "Du leste beskjeden fra legen innen fem minutter." })
  elseif melding:wait_read() then
    score.award(S, 1, {
      text = string.format("Du leste beskjeden fra legen, men først etter mer enn fem "
                           .. "minutter (%d min).", math.floor(melding:read_after() / 60)) })
  end
end)

observe.on("book", function(a)
  local tid_ok = a.doctor == lege.id and a.time == bestill_tid
  if a.patient == kontroll.id then
    if tid_ok and not timen_bestilt then
      timen_bestilt = true
      score.award(T, 2, {
        text = string.format("Du satte %s på timen legen ba om, kl. %s.", kontroll.name,
                             klokke(bestill_tid)) })
    else
      local hos = a.doctor == lege.id and ""
                  or " hos " .. cast.get(a.doctor).name
      score.deduct(T, 1, {
        text = string.format("Du satte %s på kl. %s%s, men legen ba om kl. %s hos seg selv.",
                             kontroll.name, klokke(a.time), hos, klokke(bestill_tid)),
        better = "Les meldingen nøye og bestill akkurat den timen legen nevner. Avbestill "
                 .. "en time som ble feil." })
    end
    if not timebok_ferdig then
      timebok_ferdig = true
      del_ferdig()
    end
  elseif tid_ok then
    score.deduct(T, 1, {
      text = string.format("Du satte %s på timen legen hadde bedt om til %s.",
                           cast.get(a.patient).name, kontroll.name),
      better = "Sjekk navn og fødselsdato mot meldingen før du bestiller." })
  end
end)

------------------------------------------------------------------- telefonen

local A = "hse3005.akutt-113"
local TLF = "hse3007.telefon"
local AKUTT_REGEL = "Ring 113 straks (eller hent legen straks) ved brystsmerter som varer mer "
                    .. "enn 5 minutter, og ved uventet ubehag i brystet med uvelhet og kvalme "
                    .. "(Helsenorge)."
local AKUTT_BEDRE = "Be ham bli i telefonen, og ring 113 eller hent legen med en gang. "
                    .. "Pasienten i skranken kan vente et øyeblikk."

local akutt_besvart = false  -- innringeren har fått svar (da må samtalen vurderes)

-- Handlinger som skaffer hjelp straks, og hvor mange av dem som fantes før samtalen.
local HJELP = { "call_113", "page_doctor", "transfer" }
local function hjelp_telling()
  local t = {}
  for _, k in ipairs(HJELP) do t[k] = observe.count(k) end
  return t
end
local function hjelp_siden(grunnlag)
  for _, k in ipairs(HJELP) do
    if observe.count(k) > grunnlag[k] then return k end
  end
  return nil
end

local HJELP_TEKST = {
  call_113 = "ringte 113 straks",
  page_doctor = "hentet legen straks",
  transfer = "satte ham straks over til legen",
}

local function full_pott(hvordan, ba_bli)
  score.award(A, 4, {
    text = "Du forsto at brystsmerter med utstråling og kvalme er en 113-situasjon"
           .. (ba_bli and ", ba ham bli i telefonen" or "") .. " og " .. HJELP_TEKST[hvordan]
           .. "." })
end

local function snakker(call)
  return call:state() == "talking"
end

-- Innringeren sier en siste replikk (hvis du hører ham) og legger på.
local function avslutt(call, replikk)
  if snakker(call) then call:say(replikk) end
  call:hang_up()
end

-- Én samtale. Returnerer false hvis telefonen ringte ut.
local function samtale(forsok)
  local call = phone.call { from = innringer, ring_for = RINGETID }
  if not call:wait_answer() then return false end
  akutt_besvart = true
  local etter = call:answered_after()
  if etter <= 30 then
    score.award(TLF, 2, { text = "Telefonen ble besvart raskt." })
  else
    score.award(TLF, 1, {
      text = string.format("Telefonen ble besvart etter %d sekunder.", math.floor(etter)) })
  end
  local grunnlag = hjelp_telling()
  local minutter = forsok == 1 and "tjue" or "over tjue"
  local valg = call:ask(
    string.format("Hei, det er %s. %sJeg har hatt vondt midt i brystet i %s minutter nå. Det "
                  .. "stråler ut i venstre arm, og jeg er kvalm og kaldsvett. Kan jeg få "
                  .. "komme til legen i dag?", innringer.name,
                  forsok == 1 and "" or "Jeg ringte nettopp, men ingen svarte. ", minutter),
    {
      { "vanlig_time", string.format("Legen har en ledig time kl. %s i dag. Skal jeg sette "
                                     .. "deg opp på den?", klokke(annen_ledig)) },
      { "ring_113_selv", "Dette kan være alvorlig. Legg på og ring 113 med en gang." },
      { "ringe_tilbake", "Jeg gir legen beskjed, så ringer hun deg tilbake i løpet av "
                         .. "dagen." },
      { "bli_i_telefonen", "Dette kan være alvorlig, og du skal få hjelp nå. Bli i "
                           .. "telefonen, så sørger jeg for hjelp med en gang." },
      { "legevakt", "Det høres ut som noe for legevakten. Ring 116 117." },
    },
    { timeout = 2 * 60 })

  if valg == "vanlig_time" or valg == "ringe_tilbake" then
    score.critical(A, {
      rule = AKUTT_REGEL,
      text = valg == "vanlig_time"
             and "Du tilbød en vanlig time til en mann med brystsmerter i " .. minutter
                 .. " minutter, utstråling og kvalme."
             or "Du lovet at legen skulle ringe tilbake senere til en mann med brystsmerter i "
                .. minutter .. " minutter, utstråling og kvalme.",
      better = AKUTT_BEDRE })
    avslutt(call, valg == "vanlig_time" and "Ja ... greit, da kommer jeg da."
                  or "Ok ... da venter jeg på at hun ringer.")
    return true
  end

  local gjort = hjelp_siden(grunnlag)
  if valg == "bli_i_telefonen" then
    if snakker(call) then call:say("Ja ... jeg blir i telefonen.") end
    local frist = clock.elapsed() + AKUTT_FRIST
    while not gjort do
      local igjen = frist - clock.elapsed()
      if igjen <= 0 then break end
      observe.wait { timeout = igjen }
      gjort = hjelp_siden(grunnlag)
    end
    if gjort and call:state() == "ended" then
      -- Du la på før du varslet: hjelpen kom, men han ble alene med smertene.
      score.award(A, 3, {
        text = "Du forsto at brystsmerter med utstråling og kvalme er en 113-situasjon og "
               .. HJELP_TEKST[gjort]
               .. ", men du la på selv om du hadde bedt ham bli i telefonen. La ham bli i "
               .. "telefonen til hjelpen er på vei." })
    elseif gjort then
      full_pott(gjort, true)
      if snakker(call) then
        call:say(gjort == "call_113" and "Takk. Jeg har låst opp ytterdøra, og jeg blir i "
                                        .. "telefonen til de kommer."
                 or "Takk. Jeg venter på legen.")
      end
    else
      score.critical(A, {
        rule = AKUTT_REGEL,
        text = "Du ba ham bli i telefonen, men verken ringte 113 eller hentet legen innen to "
               .. "minutter.",
        better = "Når du har sagt at du sørger for hjelp, må du gjøre det med en gang: "
                 .. "ring 113 eller hent legen." })
      avslutt(call, "Hallo? Er du der? ... Jeg ringer 113 selv.")
    end
    return true
  end

  if gjort then
    -- Hjelpen er allerede på vei (113, lege eller satt over) uansett hva som ble sagt.
    full_pott(gjort, false)
    if snakker(call) then call:say("Takk.") end
    return true
  end

  if valg == "ring_113_selv" then
    score.award(A, 2, {
      text = "Du ba ham legge på og ringe 113 selv. Det får hjelpen i gang, men det er "
             .. "tryggere at du varsler 113 (eller henter legen) selv mens han blir i "
             .. "telefonen." })
    avslutt(call, "Ja ... ok. Jeg legger på og ringer 113 nå.")
  elseif valg == "legevakt" then
    score.deduct(A, 2, {
      rule = AKUTT_REGEL,
      text = "Du sendte en mann med brystsmerter, utstråling og kvalme videre til legevakten. "
             .. "Det forsinker hjelpen: dette er en 113-situasjon.",
      better = AKUTT_BEDRE })
    avslutt(call, "Ok ... jeg prøver legevakten, da.")
  else
    -- Ikke noe svar: samtalen ble avsluttet, satt på vent for lenge eller ble stille.
    local tilstand = call:state()
    score.critical(A, {
      rule = AKUTT_REGEL,
      text = tilstand == "on_hold"
             and "Du satte mannen med brystsmerter på vent, og han fikk ikke hjelp."
             or tilstand == "talking"
             and "Du svarte ikke mannen med brystsmerter, og han fikk ikke hjelp i tide."
             or "Du la på uten at mannen med brystsmerter fikk hjelp.",
      better = AKUTT_BEDRE })
    avslutt(call, "Hallo? ... Jeg ringer 113 selv.")
  end
  return true
end

clock.at("08:06", function()
  if not samtale(1) then
    score.deduct(TLF, 1, {
      text = "Telefonen ringte i to minutter uten svar.",
      better = "Svar telefonen innen to minutter; be pasienten i skranken vente et øyeblikk." })
    clock.wait(60)
    if not samtale(2) then
      score.deduct(TLF, 2, {
        text = "Telefonen ringte ut for andre gang. Det var " .. innringer.name
               .. " med brystsmerter; det kunne du ikke vite, men et ubesvart anrop kan være "
               .. "akutt.",
        better = "Fastlegekontor skal besvare 80 % av anropene innen to minutter. Svar, og be "
                 .. "den som ringer vente et øyeblikk hvis du er midt i noe." })
    end
  end
  del_ferdig()
end)

------------------------------------------------------------------ når tiden er ute

on_end(function()
  for _, p in ipairs(skranke) do
    if p.visit and not p.oppgjort then
      if p.tatt_imot then
        gjor_opp(p)
      else
        p.oppgjort = true
        score.deduct(P, 1, {
          text = p.person.name .. " ble ikke tatt imot og ikke registrert før kvarteret var over.",
          better = "Hold oversikt over køen i skranken også når telefonen og meldingene tar tid." })
      end
    end
  end
  -- Sikkerhetsnett: samtalen ble besvart, men kvarteret tok slutt før den var vurdert.
  if akutt_besvart and score.total(A) == 0 and score.criticals() == 0 then
    score.critical(A, {
      rule = AKUTT_REGEL,
      text = "Kvarteret var over før mannen med brystsmerter fikk hjelp.",
      better = AKUTT_BEDRE })
  end
  if melding and not melding:was_read() then
    score.deduct(S, 1, {
      text = "Beskjeden fra legen ble aldri lest.",
      better = "Sjekk innboksen jevnlig; legen venter på at beskjeden blir fulgt opp." })
  end
  if not timebok_ferdig then
    score.deduct(T, 1, {
      text = string.format("%s ble ikke satt opp på timen legen ba om.", kontroll.name),
      better = string.format("Bestill timen legen nevner, her kl. %s hos %s.",
                             klokke(bestill_tid), lege.name) })
  end
end)
