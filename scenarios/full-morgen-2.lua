-- En travel morgen: alt på en gang
--
-- Trener: å holde oversikten når oppgavene kommer oppå hverandre i 50 minutter
-- (08.00–08.50): telefonen ringer mens en pasient står i skranken og en
-- melding kommer inn; legen er forsinket og en pasient blir sint av å vente; en
-- kollega vil at du skal slå opp naboen hennes; en venøs blodprøve der en med
-- nesten samme navn sitter på venterommet; og en INR over 7,0 som kommer
-- midt i en telefonsamtale og må til legen med en gang.
--
-- Riktig vei (frø 1, se tests/playthroughs/full-morgen-2/riktig.inputs):
--  * 08:01 Pasient A i skranken. 08:01:20 ringer telefonen: svar innen 30
--    sekunder og sett innringeren på vent (hold), gjør ferdig A (registrert,
--    170 kr), ta så samtalen tilbake (unhold) innen to og et halvt minutt.
--  * Innringeren har svie ved vannlating, feber og vondt i siden av ryggen: be
--    om hele fødselsnummeret og skriv det inn, si at en lege bør se på det i
--    dag, og bestill en ledig time i dag (fastlegen er full; den andre legen har
--    ledig). Bekreft tid og sted.
--  * 08:02 Melding fra legen: hun er forsinket fordi en pasient (navngitt) ble
--    akutt dårlig. Les den før du informerer noen om ventetiden.
--  * 08:07 En pasient med nesten samme navn som blodprøvepasienten kommer og
--    registrerer seg (170 kr) og setter seg på venterommet.
--  * 08:10 En sint pasient har ventet siden før åtte: anerkjenn det, si sant når
--    legen er ledig (fra meldingen), si ingenting om den andre pasienten, og
--    gi et valg (vente eller ny time).
--  * 08:10:40 En kollega (kommer mens den sinte står i skranken) ber deg slå opp
--    naboen sin: si nei, forklar, og hold
--    fast under press. Ikke søk og ikke åpne journalen.
--  * 08:20 Venøs blodprøve: be pasienten si fullt navn og fødselsnummer (åpent
--    spørsmål) og skriv nummeret inn, spør om faste og hvile, så håndhygiene →
--    stase på → desinfiser → stikk → stase av (under ett minutt) → rørene
--    rekvisisjonen krever i riktig rekkefølge, hvert rør vendt → kanylen rett i
--    kanylebøtta → plaster → merk rørene med riktig pasient (ikke navnesøsteren
--    på venterommet) → håndhygiene → avslutt.
--  * 08:31 INR-kontroll (kapillær): åpent spørsmål om identitet, håndhygiene,
--    stikk i siden av fingertuppen, lett klemming, dråpen på strimmelen,
--    plaster, håndhygiene. 30 sekunder etter at dråpen er lagt på, ringer en
--    pasient som vil avbestille. Svaret (INR over 7,0) kommer midt i samtalen:
--    sett innringeren på vent, be INR-pasienten bli sittende og hent legen
--    straks (page_doctor), ta så samtalen tilbake: fødselsnummer, avbestill
--    riktig time og bekreft. Avslutt INR-oppgaven. Da er morgenen ferdig.
--
-- Regler det scores etter, med kilde:
--  * Egenandel (DOMAIN.md §4): konsultasjon på dagtid 170 kr (eksempelsats fra
--    ett kontor 2023–24), ingen paragraf.
--  * Telefonen (DOMAIN.md §4 [sikker]: 80 % innen to minutter; katalogen: sette
--    innringere på vent på en ordentlig måte) [praksis]: svar innen 30 s; sett
--    samtalen på vent før du snakker med andre, så innringeren ikke hører hva
--    som sies i skranken; ta den tilbake før innringeren gir opp. Ingen paragraf.
--  * Hastegrad (DOMAIN.md §4, Norsk indeks): urinveisplager med feber og vondt i
--    ryggen er gul – bør til lege i dag; kontoret er åpent og har timer, så
--    legevakten er ikke riktig sted. Ingen paragraf.
--  * Identitet på telefon: hele fødselsnummeret, aldri lest opp (DOMAIN.md §2
--    [praksis]); å avbestille en annen pasients time er kritisk feil (feil
--    pasient; seed 001 «dobbeltsjekke og ha god kontroll»). Ingen paragraf.
--  * hpl § 21 taushetsplikt (DOMAIN.md §2 [sikker]): å si hvem legen er hos, er
--    kritisk feil; å fortelle detaljer om den andre pasienten gir trekk.
--  * hpl § 21 a snokeforbudet (DOMAIN.md §2 [sikker]): å åpne naboens journal er
--    kritisk feil; et søk gir trekk.
--  * Møte med pasienten (katalogen, hse3006.pasientmote) [praksis]: rolig,
--    anerkjennende, sant og med valg. Ingen paragraf.
--  * Identitet ved prøvetaking (DOMAIN.md §2 [sikker]) og venøs prøvetaking,
--    prøvetakingsrekkefølgen og håndhygiene (DOMAIN.md §5, prosedyre): prøve
--    uten identifisering og rør merket med feil pasient er kritiske feil. Ingen
--    paragraf.
--  * Hurtigtester (DOMAIN.md §5): INR over 7,0 skal meldes legen med en gang;
--    ikke hentet innen 90 sekunder er kritisk feil (akutt verdi som ikke
--    eskaleres). Prosedyre, ingen paragraf.
--  * Prioritering (katalogen; seed 001) [praksis]: det akutte først, og den
--    som ble avbrutt, blir tatt tilbake og gjort ferdig.
--
-- Poeng (maks 54): egenandel 6; telefon 4 (per samtale: svart innen 30 s 1,
-- håndtert ryddig 1); prioritering 5 (A gjort ferdig, den sinte og
-- blodprøvepasienten tatt imot raskt, INR før telefonen, avbestillingen tatt
-- tilbake og gjort ferdig);
-- hastegrad 2; timebok 6; identitet-telefon 4; journaltilgang 4;
-- pasientmøte 3; taushetsplikt 2; samhandling-lege 3; pasientidentifikasjon 3;
-- håndhygiene 2; venepunksjon 5; prøvemerking 2; hurtigtester 2;
-- kapillærprøve 1.
-- Scenarioet spiller i november 2026. Alle personer er oppdiktet;
-- fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "full-morgen-2",
  title = "En travel morgen: alt på en gang",
  version = "1.1",
  language = "nb",
  summary = "Telefon og skranke samtidig, en sint pasient, en kollega som vil snoke, en "
            .. "blodprøve med navneforveksling og en INR over 7 midt i en samtale.",
  start = "08:00",
  duration = 50,
  difficulty = 4,
  modes = { "practice", "exam" },
  goals = {
    ["hse3007.egenandel"] = 6,
    ["hse3007.telefon"] = 4,
    ["hse3007.prioritering"] = 5,
    ["hse3005.hastegrad"] = 2,
    ["hse3007.timebok"] = 6,
    ["hse3006.identitet-telefon"] = 4,
    ["hse3007.journaltilgang"] = 4,
    ["hse3006.pasientmote"] = 3,
    ["hse3006.taushetsplikt"] = 2,
    ["hse3006.samhandling-lege"] = 3,
    ["hse3005.pasientidentifikasjon"] = 3,
    ["hse3005.handhygiene"] = 2,
    ["hse3005.venepunksjon"] = 5,
    ["hse3005.provemerking"] = 2,
    ["hse3005.hurtigtester"] = 2,
    ["hse3005.kapillaerprove"] = 1,
  },
}

local E = "hse3007.egenandel"
local TLF = "hse3007.telefon"
local P = "hse3007.prioritering"
local H = "hse3005.hastegrad"
local TB = "hse3007.timebok"
local ID = "hse3006.identitet-telefon"
local J = "hse3007.journaltilgang"
local M = "hse3006.pasientmote"
local T = "hse3006.taushetsplikt"
local SL = "hse3006.samhandling-lege"
local PI = "hse3005.pasientidentifikasjon"
local HH = "hse3005.handhygiene"
local VP = "hse3005.venepunksjon"
local PM = "hse3005.provemerking"
local HT = "hse3005.hurtigtester"
local KP = "hse3005.kapillaerprove"

local SATSER = { aar = 2024, konsultasjon_dag = 170, konsultasjon_kveld = 288, lab = 61,
                 enkel_kontakt = 72, frikortgrense = 3165 }

local PURRE_ETTER = 4 * 60    -- så lenge venter en pasient i køen før hen sier fra
local GIR_OPP_ETTER = 4 * 60  -- og så lenge til før hen går
local VENT_GRENSE = 150       -- sekunder en innringer holder ut på vent
local INR_FRIST = 90          -- sekunder fra INR-svaret til legen må være hentet
local KONTOR = "Elvebakken legesenter i Storgata 14"

local REGEL_21 = "hpl § 21 taushetsplikt (også at noen er pasient, og hva som feiler dem)"
local REGEL_21A = "hpl § 21 a (forbud mot å lese eller søke i journal uten tjenstlig behov)"
local REGEL_ID_PROVE = "Sikker pasientidentifikasjon (rutine): pasienten sier selv fullt navn "
                       .. "og hele fødselsnummeret, og svaret sjekkes mot rekvisisjonen"
local REGEL_INR = "Hurtigtester (prosedyre): INR over 7,0 skal meldes legen med en gang"
local REGEL_FEIL_PASIENT = "Riktig pasient i timeboka: finn timen med fødselsnummeret, ikke "
                           .. "med navn og dag alene (rutine)."

---------------------------------------------------------------- små hjelpere

local function klokke(hhmm) return (hhmm:gsub(":", ".")) end
local function siffer(tekst) return (tekst:gsub("%D", "")) end
local function mellomrom(n) return n:sub(1, 6) .. " " .. n:sub(7) end
local function kr(n) return string.format("%d kr", n) end
local function komma(x) return (string.format("%.1f", x):gsub("%.", ",")) end
local function fodt(nummer)
  local i = fnr.info(nummer)
  return string.format("%02d.%02d.%d", i.day, i.month, i.year)
end
local function sek(hms)
  local h, m, s = hms:match("^(%d+):(%d+):(%d+)")
  return tonumber(h) * 3600 + tonumber(m) * 60 + tonumber(s)
end
local function naa_sek() return sek(clock.now():sub(1, 8)) end
local function minutter(s)
  local m = math.floor(s / 60 + 0.5)
  return m == 1 and "ett minutt" or string.format("%d minutter", m)
end
local function liste(t)
  if #t <= 1 then return t[1] or "" end
  return table.concat(t, ", ", 1, #t - 1) .. " og " .. t[#t]
end
local DAGNAVN = { [0] = "i dag", [1] = "i morgen", [2] = "onsdag", [3] = "torsdag" }
local function del_tid(slot)
  local d, hm = slot:match("^%+(%d+)/(%d%d:%d%d)$")
  if d then return tonumber(d), hm end
  return 0, slot
end
local function ref(dag, hm) return dag == 0 and hm or string.format("+%d/%s", dag, hm) end
local function naar(slot)
  local dag, hm = del_tid(slot)
  return string.format("%s kl. %s", DAGNAVN[dag] or ("om " .. dag .. " virkedager"), klokke(hm))
end

---------------------------------------------------------------- rollelisten

local lege1 = cast.doctor { id = "lege1",
  name = random.pick { "Kari Nygaard", "Ingrid Hovland", "Liv Brekke", "Turid Sand" } }
local lege2 = cast.doctor { id = "lege2",
  name = random.pick { "Jon Eriksen", "Erik Myhre", "Hans Lindqvist", "Ola Bakken" } }
local lege1_fornavn = lege1.name:match("^(%S+)")

local a_valg = random.pick { { "Mari Solheim", "K" }, { "Anders Vik", "M" },
                             { "Sara Holm", "K" }, { "Martin Dahl", "M" } }
local pas_a = cast.patient { id = "voksen", name = a_valg[1],
  fnr = fnr.synthetic { year = { 1975, 1995 }, sex = a_valg[2] },
  phone = "922 47 310", notes = { string.format("Ingen frikort registrert for %d.", SATSER.aar) } }

local b_valg = random.pick { { "Silje Moen", "K", "hun" }, { "Hanne Strand", "K", "hun" },
                             { "Ida Korsvik", "K", "hun" }, { "Maria Solli", "K", "hun" } }
local pas_b = cast.patient { id = "uvi", name = b_valg[1],
  fnr = fnr.synthetic { year = { 1980, 1998 }, sex = b_valg[2] },
  phone = "984 10 672", address = "Skolegata 3, 9009 Tromsø",
  notes = { "Fastlege: " .. lege1.name .. "." } }

-- Navnesøstrene: blodprøvepasienten og hun som sitter på venterommet.
local navnepar = random.pick { { "Kari", "Nilsen", "Nielsen" }, { "Anne", "Hansen", "Hanssen" },
                               { "Eva", "Olsen", "Olsson" } }
local venos_p = cast.patient { id = "venos", name = navnepar[1] .. " " .. navnepar[2],
  fnr = fnr.synthetic { year = { 1950, 1962 }, sex = "K" },
  phone = "917 20 334", address = "Løkkeveien 7, 9008 Tromsø",
  notes = { "Blodprøver etter rekvisisjon fra " .. lege2.name .. "." } }
local navnesoster = cast.patient { id = "navnesoster", name = navnepar[1] .. " " .. navnepar[3],
  fnr = fnr.synthetic { year = { 1972, 1985 }, sex = "K" },
  phone = "948 61 207", notes = { string.format("Ingen frikort registrert for %d.", SATSER.aar) } }

local sint_valg = random.pick { { "Roger Pedersen", "M", "han", "ham" },
                                { "Bente Knudsen", "K", "hun", "henne" },
                                { "Frank Hagen", "M", "han", "ham" },
                                { "Wenche Lie", "K", "hun", "henne" } }
local sint = cast.patient { id = "sint", name = sint_valg[1],
  fnr = fnr.synthetic { year = { 1960, 1982 }, sex = sint_valg[2] },
  phone = "926 71 034", notes = { "Vondt i skulderen siden i sommer." } }

local akutt_valg = random.pick { { "Astrid Moen", 1949 }, { "Gerd Isaksen", 1951 },
                                 { "Marit Solbakken", 1947 } }
local akutt = cast.patient { id = "akutt", name = akutt_valg[1],
  fnr = fnr.synthetic { year = akutt_valg[2], sex = "K" }, phone = "913 05 886" }

local kollega = cast.person { id = "kollega",
  name = random.pick { "Hege Moen", "Kristin Aune", "Tone Berg" }, kind = "colleague",
  role = "helsesekretær" }
local kollega_fornavn = kollega.name:match("^(%S+)")
local nabo = cast.patient { id = "nabo",
  name = random.pick { "Sigrid Holmen", "Aud Korneliussen", "Berit Lysø" },
  fnr = fnr.synthetic { year = { 1938, 1948 }, sex = "K" }, phone = "776 32 190",
  notes = { "Hjertesvikt. Innlagt i natt." } }

local inr_valg = random.pick { { "Kjell Brattli", "M", "han", "ham" },
                               { "Solveig Rud", "K", "hun", "henne" },
                               { "Arvid Lunde", "M", "han", "ham" } }
local inr_p = cast.patient { id = "inr", name = inr_valg[1],
  fnr = fnr.synthetic { year = { 1940, 1955 }, sex = inr_valg[2] },
  phone = "913 62 905",
  notes = { "Bruker warfarin (Marevan) mot atrieflimmer. Mål: INR 2,0–3,0. " .. lege2.name
            .. " doserer." },
  results = { { test = "INR", value = "2,6", date = "2026-10-27", reference = "2,0-3,0" } } }
local inr_verdi = random.pick { 7.8, 8.4, 7.4, 9.1 }

local d_valg = random.pick { { "Terje Nilsen", "M", "han" }, { "Geir Haugland", "M", "han" },
                             { "Tone Lyngstad", "K", "hun" }, { "Bente Aas", "K", "hun" } }
local pas_d = cast.patient { id = "avbestiller", name = d_valg[1],
  fnr = fnr.synthetic { year = { 1958, 1975 }, sex = d_valg[2] },
  phone = "913 42 118", notes = { "Fastlege: " .. lege1.name .. "." },
  appointments = { { date = "i morgen", time = "09:40", doctor = "lege1", reason = "Kontroll" } } }

---------------------------------------------------------------- timeboka

local TIDER = {}
for m = 8 * 60, 10 * 60 + 40, 20 do TIDER[#TIDER + 1] = string.format("%02d:%02d", m // 60, m % 60) end
for m = 12 * 60, 14 * 60 + 40, 20 do TIDER[#TIDER + 1] = string.format("%02d:%02d", m // 60, m % 60) end

-- Fastlegen (lege 1) er full i dag; lege 2 har to ledige timer i dag.
local ledig_i_dag = { random.pick { "10:40", "11:20" }, random.pick { "13:00", "13:40", "14:20" } }
local LEDIG = { ["lege2/0/" .. ledig_i_dag[1]] = true, ["lege2/0/" .. ledig_i_dag[2]] = true,
                ["lege1/1/13:20"] = true, ["lege2/1/10:00"] = true, ["lege1/2/08:40"] = true,
                ["lege2/2/12:40"] = true, ["lege1/3/14:00"] = true }
local FASTE = {
  ["lege1/0/08:00"] = { sint, "Vondt i skulderen" },
  ["lege1/0/08:20"] = { akutt, "Kontroll" },
  ["lege2/0/08:20"] = { pas_a, "Vondt i kneet" },
  ["lege2/0/09:00"] = { navnesoster, "Kontroll" },
  ["lege1/1/09:40"] = { pas_d, "Kontroll" },
}
local FORNAVN = { "Astrid", "Bjørn", "Dag", "Eli", "Frode", "Gunn", "Harald", "Inger",
                  "Jostein", "Kjersti", "Leif", "Marit", "Nils", "Oddny", "Sverre", "Torill" }
local ETTERNAVN = { "Andersen", "Berg", "Dahl", "Eide", "Fossum", "Hagen", "Jensen",
                    "Karlsen", "Pettersen", "Sæther", "Vik", "Jakobsen" }
local KVINNE = { Astrid = true, Eli = true, Gunn = true, Inger = true, Kjersti = true,
                 Marit = true, Oddny = true, Torill = true }
local fyll = {}
for i = 1, 40 do
  local fn = FORNAVN[(i - 1) % #FORNAVN + 1]
  local en = ETTERNAVN[((i - 1) * 7) % #ETTERNAVN + 1]
  fyll[i] = cast.patient { id = "p" .. i, name = fn .. " " .. en,
    fnr = fnr.synthetic { year = { 1940, 2008 }, sex = KVINNE[fn] and "K" or "M" } }
end
local GRUNNER = { "Kontroll", "Blodtrykk", "Samtale", "Sårkontroll", "Resept", "Oppfølging",
                  "Attest", "Hoste", "Blodprøvesvar" }
local n_fyll = 0
for _, lege in ipairs { lege1, lege2 } do
  for dag = 0, 3 do
    timebok.slots { doctor = lege, day = dag, from = "08:00", to = "11:00", minutes = 20 }
    timebok.slots { doctor = lege, day = dag, from = "12:00", to = "15:00", minutes = 20 }
    for _, t in ipairs(TIDER) do
      local nokkel = lege.id .. "/" .. dag .. "/" .. t
      if FASTE[nokkel] then
        timebok.book { doctor = lege, time = ref(dag, t), patient = FASTE[nokkel][1],
                       note = FASTE[nokkel][2] }
      elseif not LEDIG[nokkel] then
        n_fyll = n_fyll + 1
        timebok.book { doctor = lege, time = ref(dag, t), patient = fyll[(n_fyll - 1) % #fyll + 1],
                       note = GRUNNER[(n_fyll - 1) % #GRUNNER + 1] }
      end
    end
  end
end

---------------------------------------------------------------- morgenens deler

-- En del som endte uten at arbeidet ble gjort (pasienten gikk, telefonen ringte
-- ut), gjør at morgenen går til tiden er ute.
local deler_igjen = 8
local noe_forsomt = false
local function del_ferdig(ok)
  deler_igjen = deler_igjen - 1
  if ok == false then noe_forsomt = true end
  if deler_igjen == 0 and not noe_forsomt then finish("Morgenens oppgaver er gjort.") end
end

---------------------------------------------------------------- telefonen

-- Samtaler som er i gang eller har vært det: S = { person, navn, call, ... }.
local samtaler = {}

local function snakker(S) return S.call and S.call:state() == "talking" end
local function legg_paa(S, replikk)
  if replikk and snakker(S) then S.call:say(replikk) end
  S.call:hang_up()
end

local function samtale_paa_linje(linje)
  for i = #samtaler, 1, -1 do
    local S = samtaler[i]
    if S.call and S.call:line() == linje and
       (S.call:state() == "talking" or S.call:state() == "on_hold") then
      return S
    end
  end
end

-- Ringer; gir poeng for svartiden. nil hvis telefonen ringte ut.
local function ring(person, felt)
  local S = felt or {}
  S.person, S.navn = person, person.name
  S.call = phone.call { from = person, ring_for = S.ring_for or 90 }
  samtaler[#samtaler + 1] = S
  if not S.call:wait_answer() then
    S.ubesvart = true
    score.deduct(TLF, 1, {
      text = string.format("Telefonen ringte ut uten svar (%s).", S.navn),
      better = "Svar innen 30 sekunder; er du midt i noe, svar og be innringeren vente et "
               .. "øyeblikk." })
    return nil
  end
  local etter = S.call:answered_after()
  if etter <= 30 then
    score.award(TLF, 1, { text = "Du svarte raskt da " .. S.navn .. " ringte." })
  else
    score.deduct(TLF, 1, {
      text = string.format("Telefonen ringte i %d sekunder før du svarte (%s).",
                           math.floor(etter), S.navn),
      better = "Svar innen 30 sekunder, og sett heller samtalen på vent hvis du er opptatt." })
  end
  return S
end

-- Spør innringeren. Ga innringeren opp på vent, ringer hen tilbake én gang og
-- får spørsmålet på nytt. valg = nil gir et skrevet svar.
local function spor(S, tekst, valg)
  while true do
    local st = S.call:state()
    if st == "talking" or st == "on_hold" then
      local svar
      if valg then svar = S.call:ask(tekst, valg) else svar = S.call:ask_text(tekst) end
      if svar then return svar end
    end
    if not S.la_paa_vent or S.ringt_igjen then return nil end
    S.ringt_igjen = true
    clock.wait(60)
    S.call = phone.call { from = S.person, ring_for = 90 }
    if not S.call:wait_answer() then
      score.deduct(TLF, 1, { text = S.navn .. " ringte tilbake, men fikk ikke svar.",
                             better = "Svar når den som ble satt på vent ringer igjen." })
      return nil
    end
    S.call:say("Hei igjen, det er " .. S.navn .. ". Jeg ble stående på vent så lenge at jeg "
               .. "la på.")
    tekst = tekst:gsub("^Hei, det er [^.]+%. ", "")
  end
end

-- På vent: innringeren holder ut i VENT_GRENSE sekunder.
observe.on("hold", function(a)
  local S = samtale_paa_linje(a.line)
  if not S then return end
  local call = S.call
  S.holdt = (S.holdt or 0) + 1
  local fra = clock.elapsed()
  local tilbake = observe.wait { kind = "unhold", line = a.line, timeout = VENT_GRENSE }
  if tilbake then
    S.lengste_vent = math.max(S.lengste_vent or 0, clock.elapsed() - fra)
    if call:state() == "talking" then call:say("Ja, jeg er her.") end
    return
  end
  if call:state() ~= "on_hold" then return end
  S.la_paa_vent = true
  score.deduct(TLF, 1, {
    text = string.format("%s sto på vent i over to minutter og la på.", S.navn),
    better = "Ta samtalen tilbake så snart det andre er gjort; glemmer du den, gir "
             .. "innringeren opp." })
  score.deduct(P, 1, {
    text = "Du glemte " .. S.navn .. " på vent.",
    better = "Hold oversikt over det du har avbrutt: den som står på vent, skal tas tilbake "
             .. "så snart det andre er gjort." })
  call:hang_up()
end)

-- Snakker du med noen andre mens en innringer er i telefonen (ikke på vent),
-- hører innringeren med.
local function hort_av(S, hva)
  if S.overhort then return end
  S.overhort = true
  score.deduct(TLF, 1, {
    text = string.format("%s var i telefonen uten å være satt på vent mens du %s.", S.navn, hva),
    better = "Sett samtalen på vent før du tar deg av noe annet, så innringeren ikke hører "
             .. "det som sies om andre." })
end
local function snakker_med(a)
  for _, S in ipairs(samtaler) do
    if snakker(S) and S.person.id ~= a.person then
      hort_av(S, "snakket med " .. cast.get(a.person).name)
    end
  end
end
observe.on("choose", snakker_med)
observe.on("type", snakker_med)
observe.on("answer", function(a)
  for _, S in ipairs(samtaler) do
    if snakker(S) and S.call:line() ~= a.line then hort_av(S, "svarte en ny linje") end
  end
end)

-- Poeng for å ha håndtert samtalen ryddig.
local function ryddig(S)
  if S.overhort or S.la_paa_vent then return end
  if S.holdt then
    score.award(TLF, 1, { text = string.format("Du satte %s på vent mens du gjorde noe annet, og "
                                               .. "tok samtalen tilbake etter %d sekunder.",
                                               S.navn, math.floor(S.lengste_vent or 0)) })
  else
    score.award(TLF, 1, { text = "Samtalen med " .. S.navn .. " ble gjort ferdig uten at "
                                 .. "andre hørte med." })
  end
end

---------------------------------------------------------------- skranken

local besok = {}

observe.on("serve", function(a)
  for _, b in ipairs(besok) do
    if not b.ferdig then
      if b.person.id == a.person then
        b.ventet_fra = nil
        b.tatt_imot = true
      elseif b.v:state() == "waiting" and not b.ventet_fra then
        b.ventet_fra = clock.elapsed()
        b.avbrutt = true
      end
    end
  end
end)

local function si(b, tekst)
  if b.v:state() ~= "done" then b.v:say(b.taler and (b.taler .. ": " .. tekst) or tekst) end
end

local function vakt(b)
  while not b.ferdig and b.v:state() ~= "done" do
    if b.ventet_fra then
      local ventet = clock.elapsed() - b.ventet_fra
      local grense = b.purret and (PURRE_ETTER + GIR_OPP_ETTER) or PURRE_ETTER
      if ventet >= grense then
        if not b.purret then
          b.purret = true
          si(b, b.purring or "Unnskyld, er det noen som kan hjelpe meg?")
          if not b.ingen_poeng then
            score.deduct(P, 1, {
              text = string.format("%s ventet i %s uten å bli tatt imot%s.", b.person.name,
                                   minutter(PURRE_ETTER), b.avbrutt and " igjen" or ""),
              better = "Når du har avbrutt noen, gå tilbake til dem så snart det andre er "
                       .. "gjort." })
          end
        else
          b.ferdig, b.gikk = true, true
          si(b, b.gaar or "Nei, nå går jeg.")
          b.v:leave()
          if not b.ingen_poeng then
            score.deduct(P, 1, { text = b.person.name .. " gikk fra skranken uten å bli ferdig.",
                                 better = "Hold oversikt over køen, også når telefonen og "
                                          .. "laben tar tid." })
          end
          return
        end
      else
        observe.wait { timeout = grense - ventet }
      end
    else
      observe.wait {}
    end
  end
end

local function kom(person, felt)
  local b = felt or {}
  b.person = person
  b.v = desk.arrive(person)
  b.ventet_fra = clock.elapsed()
  besok[#besok + 1] = b
  clock.after(0, function() vakt(b) end)
  return b
end

-- Innsjekking og egenandel (konsultasjon på dagtid).
local function innsjekking(b)
  local v = b.v
  while not (v:checked_in() and v:charged() ~= nil) do
    if v:state() == "done" then break end
    observe.wait { timeout = 20 }
  end
  if b.gikk then return end
  b.ferdig = true
  local navn = b.person.name
  if v:checked_in() then score.award(E, 1, { text = navn .. " ble registrert." }) end
  local tatt = v:charged()
  if tatt == SATSER.konsultasjon_dag then
    score.award(E, 2, { text = string.format("Riktig egenandel for %s: %s (konsultasjon på "
                                             .. "dagtid, ingen frikort).", navn, kr(tatt)) })
  else
    score.deduct(E, 1, {
      text = string.format("Du tok %s av %s; en konsultasjon på dagtid koster %s.", kr(tatt or 0),
                           navn, kr(SATSER.konsultasjon_dag)),
      better = "Uten fritak eller frikort er egenandelen for konsultasjon på dagtid "
               .. kr(SATSER.konsultasjon_dag) .. "." })
  end
  si(b, b.takk)
  v:leave()
end

---------------------------------------------------------------- A og telefonen med urinveisplager

clock.at("08:01:00", function()
  local b = kom(pas_a, { takk = "Takk, da setter jeg meg." })
  if not b.v:wait_served() then return del_ferdig(false) end
  si(b, string.format("Hei, jeg har time hos %s klokka 08.20.", lege2.name))
  innsjekking(b)
  if not b.gikk and not b.purret then
    score.award(P, 1, {
      text = b.avbrutt and "Du gikk tilbake til " .. pas_a.name .. " og gjorde ferdig "
                           .. "innsjekkingen."
             or pas_a.name .. " ble gjort ferdig i skranken selv om telefonen ringte." })
  end
  del_ferdig(not b.gikk)
end)

local B_FORSTE = random.shuffle {
  { "fnr", "Det skal vi se på. Kan du gi meg hele fødselsnummeret ditt først?" },
  { "fodselsdato", "Ja. Hvilken dato er du født?" },
  { "neste_uke", "Første ledige time hos legen din er torsdag. Skal jeg sette deg opp da?" },
  { "legevakt", "Det høres ut som noe for legevakten. Ring 116 117." },
}
local B_HAST = random.shuffle {
  { "i_dag", "Med feber og vondt i ryggen bør en lege se på deg i dag. Legen din er full, men "
             .. "jeg finner en time hos en annen lege i dag." },
  { "snart", "Jeg finner en ledig time til deg i løpet av uka." },
  { "drikke", "Drikk mye vann og tranebærjuice, så går det nok over. Ring igjen om et par "
              .. "dager hvis ikke." },
  { "legevakt", "Da bør du dra rett på legevakten." },
}

local function samtale_uvi()
  local S = ring(pas_b, { ring_for = 90 })
  if not S then return false end
  local forste = spor(S, string.format(
    "Hei, det er %s. Jeg har svie når jeg tisser, og i natt fikk jeg feber – 38,7. Nå har jeg "
      .. "vondt i ryggen på den ene siden også. Kan jeg få komme til legen?", S.navn), B_FORSTE)
  if not forste then return end
  if forste == "neste_uke" or forste == "legevakt" then
    score.deduct(H, 2, {
      text = forste == "legevakt"
             and "Du sendte pasienten til legevakten, selv om kontoret er åpent og har ledige "
                 .. "timer i dag."
             or "Du tilbød en time på torsdag til en pasient med urinveisplager, feber og vondt i "
                .. "ryggen.",
      better = "Feber og vondt i siden av ryggen kan bety at infeksjonen har nådd nyrene: en "
               .. "lege bør se på det i dag. Finn en ledig time i dag." })
    legg_paa(S, forste == "legevakt" and "Legevakten? Nå midt på dagen? ... Ok."
                or "Torsdag? Ja vel ... da får jeg vel det.")
    ryddig(S)
    return
  elseif forste == "fodselsdato" then
    score.deduct(ID, 1, {
      rule = "Identitet på telefon (rutine): be om hele fødselsnummeret.",
      text = "Du spurte bare om fødselsdatoen. Flere kan være født samme dag.",
      better = "Be innringeren si hele fødselsnummeret, og finn journalen med det." })
    S.call:say("Den " .. fodt(pas_b.fnr) .. ".")
  else
    score.award(ID, 1, { text = "Du ba " .. S.navn .. " om hele fødselsnummeret." })
    S.call:say("Ja, det er " .. mellomrom(pas_b.fnr) .. ".")
    local skrevet = spor(S, "Skriv inn fødselsnummeret hun oppgir.")
    if not skrevet then return end
    if siffer(skrevet) == pas_b.fnr then
      score.award(ID, 1, { text = "Du skrev inn fødselsnummeret riktig." })
    else
      score.deduct(ID, 1, { text = "Fødselsnummeret du skrev inn, stemmer ikke med det hun sa.",
                            better = "Be innringeren gjenta nummeret." })
    end
  end

  local hast = spor(S, "Hvor fort kan jeg komme? Jeg føler meg ganske dårlig.", B_HAST)
  if not hast then return end
  if hast == "i_dag" then
    score.award(H, 2, { text = "Du forsto at urinveisplager med feber og vondt i ryggen bør "
                               .. "ses av lege i dag." })
  elseif hast == "drikke" then
    score.deduct(H, 2, {
      text = "Du ga råd om å drikke og vente i stedet for å få pasienten til lege.",
      better = "Feber og vondt i ryggen: en lege bør se på det i dag. Medisinske råd er "
               .. "ikke resepsjonens oppgave." })
    legg_paa(S, "Ja vel ... da prøver jeg det.")
    ryddig(S)
    return
  elseif hast == "legevakt" then
    score.deduct(H, 1, {
      text = "Du sendte pasienten til legevakten mens kontoret er åpent og har ledige timer i "
             .. "dag.",
      better = "Legevakten er for det som ikke kan vente til fastlegekontoret har time." })
    legg_paa(S, "Ok ... da drar jeg dit.")
    ryddig(S)
    return
  else
    score.deduct(H, 1, {
      text = "Du lette etter en time «i løpet av uka». Med feber og vondt i ryggen bør en "
             .. "lege se på det i dag.",
      better = "Spør deg: kan dette vente? Feber og flankesmerter er gult – samme dag." })
  end

  -- Venter på bestillingen.
  local start = clock.elapsed()
  local timer, purret = {}, false
  while true do
    timer = timebok.booked(pas_b)
    if #timer > 0 or not (snakker(S) or (S.call:state() == "on_hold")) then break end
    local gaatt = clock.elapsed() - start
    if gaatt >= 5 * 60 then break end
    if gaatt >= 2 * 60 and not purret then
      purret = true
      if snakker(S) then S.call:say("Hallo? Fant du noe?") end
    end
    observe.wait { timeout = math.max(1, (gaatt >= 2 * 60 and 5 * 60 or 2 * 60) - gaatt) }
  end
  if #timer == 0 then
    score.deduct(TB, 2, { text = S.navn .. " fikk ingen time.",
                          better = "Bestill timen mens innringeren er i telefonen." })
    if S.call:state() ~= "ended" then legg_paa(S, "Nei, da ringer jeg legevakten.") end
    return
  end
  local t = timer[1]
  local dag = del_tid(t.time)
  if dag == 0 then
    score.award(TB, 2, { text = string.format("%s fikk time i dag kl. %s hos %s.", S.navn,
                                              klokke(t.time), cast.get(t.doctor).name) })
  else
    score.deduct(TB, 1, {
      text = string.format("%s fikk time %s, men burde vært sett av lege i dag.", S.navn,
                           naar(t.time)),
      better = string.format("Let i timeboka for i dag: %s hadde ledig kl. %s og %s.",
                             lege2.name, klokke(ledig_i_dag[1]), klokke(ledig_i_dag[2])) })
  end
  local slutt = spor(S, "Så bra. Når var det igjen?", random.shuffle {
    { "bekreft", string.format("Du har time %s hos %s, her på %s. Blir du verre før det, med "
                               .. "høy feber eller frysninger, ring oss eller legevakten på "
                               .. "116 117.", naar(t.time), cast.get(t.doctor).name, KONTOR) },
    { "sms", "Du får en SMS med tiden. Ha det bra!" },
  })
  if slutt == "bekreft" then
    score.award(TB, 1, { text = "Du bekreftet tid, lege og sted, og sa hva hun skal gjøre om "
                                .. "hun blir verre." })
    legg_paa(S, "Takk, da kommer jeg da.")
  elseif slutt then
    score.deduct(TB, 1, { text = S.navn .. " la på uten å ha hørt tid og sted.",
                          better = "Si tid, lege og sted før du avslutter." })
    legg_paa(S, "Ok.")
  end
  ryddig(S)
end

clock.at("08:01:20", function()
  del_ferdig(samtale_uvi())
end)

---------------------------------------------------------------- legens melding

local melding
clock.at("08:02:00", function()
  melding = inbox.message {
    id = "forsinket", from = lege1,
    text = string.format("Hei! %s (f. %d) ble dårlig inne hos meg med brystsmerter, og vi "
                         .. "venter på ambulansen. Jeg regner med å være i gang igjen rundt "
                         .. "kl. 08.35. Kan du si fra til dem som venter på meg? Hilsen %s",
                         akutt.name, akutt_valg[2], lege1_fornavn),
  }
end)
local function lest() return melding ~= nil and melding:was_read() end

observe.on({ kind = "open_record", patient = "akutt" }, function()
  score.deduct(T, 2, {
    rule = "hpl § 21 a (forbud mot å lese journal uten tjenstlig behov)",
    text = "Du åpnet journalen til " .. akutt.name .. " uten at du hadde noen oppgave i den.",
    better = "Legen har det som trengs. Åpne bare journaler du trenger for arbeidet ditt." })
end)

---------------------------------------------------------------- navnesøsteren

clock.at("08:07:00", function()
  local b = kom(navnesoster, { takk = "Takk! Da setter jeg meg på venterommet.",
                               ingen_poeng = true })
  if not b.v:wait_served() then return del_ferdig(false) end
  si(b, string.format("Hei, %s. Jeg har time hos %s klokka 09.00, men jeg kom litt tidlig.",
                      navnesoster.name, lege2.name))
  innsjekking(b)
  del_ferdig(not b.gikk)
end)

---------------------------------------------------------------- den sinte pasienten

local SINT_KRITISK = false
local function navngitt()
  if SINT_KRITISK then return end
  SINT_KRITISK = true
  score.critical(T, {
    rule = REGEL_21,
    text = string.format("Du sa til %s at legen er opptatt med %s, og at hun ble dårlig – så "
                         .. "alle på venterommet kunne høre det.", sint.name, akutt.name),
    better = "Si at legen er forsinket på grunn av noe som ikke kan vente, og at du ikke kan si "
             .. "noe om andre pasienter." })
end

local OPT_SANT = { "forsinket", "Jeg skjønner godt at du er irritert, det er lenge å vente. "
                                .. "Legen er dessverre forsinket og regner med å være i gang "
                                .. "igjen rundt kl. 08.35. Da er det deg hun tar først." }
local OPT_NAVN = { "navn", string.format("Beklager! Legen er opptatt med %s, som ble dårlig inne "
                                         .. "hos henne. De venter på ambulansen.", akutt.name) }
local OPT_LYVE = { "lyve", "Det er bare et par minutter igjen nå." }
local SINT_1 = random.shuffle {
  OPT_SANT, OPT_NAVN, OPT_LYVE,
  { "sjekk", "Jeg skjønner at du er irritert. Et øyeblikk, så sjekker jeg hvor lenge det er "
             .. "igjen." },
  { "avvis", "Det kan jeg ikke gjøre noe med. Sett deg, så kommer legen når hun kan." },
}
local SINT_1B = random.shuffle {
  OPT_NAVN, OPT_LYVE,
  { "forsinket", "Takk for at du ventet. Legen er dessverre forsinket og regner med å være i "
                 .. "gang igjen rundt kl. 08.35. Da er det deg hun tar først." },
}
local SINT_2 = random.shuffle {
  { "vag", "Det kan jeg ikke si noe om, for det gjelder andre pasienter. Men legen er opptatt "
           .. "med noe som ikke kan vente – det ville hun gjort for deg også." },
  { "detalj", "Ja, en eldre dame fikk vondt i brystet, og de venter på ambulansen." },
  { "navn", string.format("Ja, det er %s. Hun ble dårlig.", akutt.name) },
}
local SINT_3 = random.shuffle {
  { "valg", "Du kan vente – du er først når legen er klar, rundt 08.35. Eller, hvis det passer "
            .. "bedre, kan jeg finne en ny time til deg." },
  { "bare_vent", "Ja, du må bare vente." },
  { "ring_senere", "Du kan gå hjem, så ringer vi deg når legen er ledig." },
}

local function sint_pasient()
  local b = kom(sint, { purring = "(Høyt:) Hallo! Er det ingen som jobber her?",
                        gaar = "Nei, nå gidder jeg ikke mer. Jeg går!" })
  if not b.v:wait_served() then return false end
  if b.v:waited() <= 2 * 60 then
    score.award(P, 1, { text = sint.name .. " ble tatt imot raskt. Det roer ofte en sint "
                               .. "pasient." })
  end
  local forste = b.v:ask(string.format(
    "(Høyt, så flere på venterommet ser opp.) Jeg hadde time klokka 08.00, og jeg har sittet "
      .. "her siden før åtte! Nå er klokka %s. Hva er det som foregår?",
    klokke(clock.now():sub(1, 5))), SINT_1)
  if forste == "sjekk" then
    score.award(M, 1, { text = "Du anerkjente at ventetiden var irriterende, rolig og vennlig." })
    local frist = clock.elapsed() + 2 * 60
    while not lest() and clock.elapsed() < frist do
      observe.wait { kind = "read_message", timeout = frist - clock.elapsed() }
    end
    if not lest() then si(b, "Hallo? Vet du noe, eller ikke?") end
    forste = b.v:ask("Og?", SINT_1B)
  elseif forste == "forsinket" then
    score.award(M, 1, { text = "Du anerkjente at ventetiden var irriterende, rolig og vennlig." })
  elseif forste == "avvis" then
    score.deduct(M, 2, { text = "Du avviste pasienten i stedet for å ta klagen på alvor.",
                         better = "Anerkjenn at det er irriterende å vente, og si hva du vet." })
  end
  if forste == "forsinket" then
    if lest() then
      score.award(M, 1, { text = "Du sa sant når legen er ledig igjen, uten å si hvorfor." })
      score.award(SL, 1, { text = "Du leste beskjeden fra legen før du informerte." })
    else
      score.deduct(SL, 1, { text = "Du sa når legen er ledig uten å ha lest beskjeden fra henne.",
                            better = "Les beskjeden fra legen før du sier noe om ventetiden." })
    end
  elseif forste == "lyve" then
    score.deduct(M, 1, { text = "Du sa «et par minutter», men legen er ikke ledig før rundt "
                                .. "kl. 08.35.",
                         better = "Si sant hvor lenge det er igjen, selv om pasienten blir "
                                  .. "skuffet." })
  elseif forste == "navn" then
    navngitt()
  end
  if not forste or b.gikk then return not b.gikk end

  local andre
  if forste ~= "navn" then
    andre = b.v:ask("Hva er det som er så viktig, da? Er det noen som har blitt syke, eller?",
                    SINT_2)
    if andre == "vag" then
      score.award(T, 2, { text = "Du sa ingenting om den andre pasienten." })
    elseif andre == "detalj" then
      score.deduct(T, 2, { rule = REGEL_21,
        text = "Du fortalte om den andre pasienten (eldre dame, brystsmerter, ambulanse) så "
               .. "hele venterommet kunne høre det.",
        better = "Si bare at legen er opptatt med noe som ikke kan vente." })
    elseif andre == "navn" then
      navngitt()
    end
  end
  local tredje = b.v:ask("Så jeg må bare sitte her, altså?", SINT_3)
  if tredje == "valg" then
    score.award(M, 1, { text = "Du ga et valg: vente, eller en ny time." })
    si(b, "Nei, jeg venter. Men det er første og siste gang.")
  elseif tredje == "ring_senere" then
    score.deduct(M, 1, { text = "Du lovet at kontoret skal ringe når legen er ledig – et løfte "
                                .. "som lett glemmes en travel morgen.",
                         better = "Gi et ærlig valg: vente (han/hun er først) eller en ny time." })
    si(b, "Ja vel. Da går jeg en tur.")
  elseif tredje == "bare_vent" then
    si(b, "Typisk.")
  end
  b.ferdig = true
  b.v:leave()
end

clock.at("08:10:00", function()
  del_ferdig(sint_pasient())
end)

---------------------------------------------------------------- kollegaen

local snoket = false
observe.on({ kind = "open_record", patient = "nabo" }, function()
  if snoket then return end
  snoket = true
  score.critical(J, {
    rule = REGEL_21A,
    text = "Du åpnet journalen til " .. nabo.name .. ", naboen til kollegaen din, uten at du "
           .. "hadde en oppgave i den. Oppslaget logges.",
    better = "Si nei, også til en kollega: ingen av dere har tjenstlig behov. Hun kan ringe "
             .. "naboen eller familien selv." })
end)
observe.on("search_record", function(a)
  local q = a.query:lower()
  local etternavn = nabo.name:lower():match("(%S+)$")
  if q:find(etternavn, 1, true) then
    score.deduct(J, 2, { rule = REGEL_21A,
      text = "Du søkte etter " .. nabo.name .. " i journalsystemet. Søket logges.",
      better = "Ikke søk opp personer du ikke har en oppgave for." })
  end
end)

local KOLL_1 = random.shuffle {
  { "slaa_opp", "Ok, et øyeblikk." },
  { "du_selv", "Det kan ikke jeg, men du kan jo se selv når du har logget på." },
  { "nei", "Nei, det kan jeg ikke. Vi kan bare åpne journaler vi trenger i jobben, og alle "
           .. "oppslag logges. Er du bekymret, kan du ringe henne eller familien." },
  { "senere", "Jeg skal se når det blir roligere." },
}
local KOLL_2 = random.shuffle {
  { "gi_etter", "Greit, da. Et raskt blikk." },
  { "holde_fast", "Loggene blir faktisk sjekket, og forbudet gjelder oss begge. Jeg gjør det "
                  .. "ikke. Ring henne eller familien hennes heller." },
}

local function kollegaen()
  local b = kom(kollega, { ingen_poeng = true, purring = "Du, har du et øyeblikk?",
                          gaar = "Ok, jeg tar det en annen gang." })
  if not b.v:wait_served { timeout = 8 * 60 } then
    b.ferdig = true
    b.v:leave()
    return false
  end
  local forste = b.v:ask(string.format(
    "Hei! Kan du slå opp naboen min, %s? Ambulansen var hos henne i natt, og jeg er så "
      .. "bekymret. Jeg har ikke fått logget meg på ennå – bare se om hun er innlagt.",
    nabo.name), KOLL_1)
  local lovet = false
  if forste == "nei" then
    score.award(J, 2, { text = "Du sa nei til å slå opp naboen og forklarte hvorfor." })
  elseif forste == "du_selv" then
    score.deduct(J, 2, { rule = REGEL_21A,
      text = "Du oppfordret kollegaen til å slå opp naboen selv. Forbudet gjelder henne også.",
      better = "Si at ingen av dere har tjenstlig behov." })
  elseif forste then
    lovet = true
    score.deduct(J, forste == "senere" and 1 or 2, { rule = REGEL_21A,
      text = "Du lovet kollegaen å slå opp naboen hennes.",
      better = "Si nei med en gang: et oppslag uten tjenstlig behov er forbudt." })
  end
  if forste then
    local andre = b.v:ask("Kom igjen, det er ingen som sjekker de loggene. Og vi er jo "
                          .. "helsepersonell begge to. " .. (lovet and "Har du funnet henne?"
                                                             or "Bare et raskt blikk?"), KOLL_2)
    if andre == "holde_fast" then
      score.award(J, 2, { text = "Du holdt fast på nei, også under press fra en kollega." })
      si(b, "Ja ja, du har vel rett. Jeg ringer datteren hennes.")
    elseif andre == "gi_etter" then
      local aapnet = snoket
      if not aapnet then
        aapnet = observe.wait { kind = "open_record", patient = nabo, timeout = 60 } ~= nil
      end
      if aapnet then
        si(b, "Å nei, hun er innlagt. Stakkars. Takk!")
      else
        score.deduct(J, 1, { rule = REGEL_21A,
          text = "Du sa ja til å slå opp naboen, selv om du ikke gjorde det.",
          better = "Hold fast på nei, og forklar hvorfor." })
        si(b, "Fant du henne ikke? Nei vel.")
      end
    end
  end
  b.ferdig = true
  b.v:leave()
end

clock.at("08:10:40", function()
  del_ferdig(kollegaen())
end)

---------------------------------------------------------------- venøs blodprøve

local REKVISISJONER = {
  { analyser = "glukose (fastende), kreatinin og Hb", faste = true,
    ror = { "serum", "edta", "fluoride" },
    kart = "kreatinin i serumrør, Hb i EDTA-rør og glukose i fluoridrør" },
  { analyser = "INR, CRP og Hb", faste = false, ror = { "citrate", "serum", "edta" },
    kart = "INR i citratrør, CRP i serumrør og Hb i EDTA-rør" },
  { analyser = "natrium og kalium (heparinplasma) og SR", faste = false,
    ror = { "heparin", "esr" }, kart = "natrium og kalium i heparinrør og SR i SR-rør" },
}
local rek = random.pick(REKVISISJONER)
local trengs = {}
for _, r in ipairs(rek.ror) do trengs[r] = true end
local REKKEFOLGE = { blood_culture = 1, citrate = 2, serum = 3, heparin = 4, edta = 5, esr = 6,
                     fluoride = 7 }
local RORNAVN = { blood_culture = "blodkultur", citrate = "citratrøret (lyseblå)",
                  serum = "serumrøret (rød/gul)", heparin = "heparinrøret (grønn)",
                  edta = "EDTA-røret (lilla)", esr = "SR-røret (svart)",
                  fluoride = "fluoridrøret (grå)" }

local VEN_ID = random.shuffle {
  { "open", "Velkommen inn! Før vi begynner: Kan du si hele navnet ditt og fødselsnummeret?" },
  { "closed", "Velkommen inn! Du er " .. venos_p.name .. ", ikke sant?" },
  { "read_fnr", "Hei! Er fødselsnummeret ditt " .. mellomrom(venos_p.fnr) .. "?" },
  { "none", "Velkommen inn! Sett deg, så tar vi prøvene." },
}
local VEN_PREP = random.shuffle {
  { "prep", rek.faste and "Før vi begynner: Har du vært fastende siden i går kveld, og har du "
                          .. "sittet i ro en stund?"
                      or "Før vi begynner: Har du sittet i ro en stund nå?" },
  { "start", "Vi ser på begge armene og setter i gang med en gang." },
}

local ven = { identifisert = false }

local function ven_stikk()
  ven.startet = true
  if ven.identifisert or ven.kritisk then return end
  ven.kritisk = true
  score.critical(PI, { rule = REGEL_ID_PROVE,
    text = "Du tok blodprøven uten å ha identifisert pasienten – og på venterommet sitter "
           .. navnesoster.name .. ".",
    better = "Be pasienten si fullt navn og hele fødselsnummeret før du stikker, og sjekk mot "
             .. "rekvisisjonen." })
end
observe.on({ kind = "lab_step", task = "blodprove", step = "puncture" }, ven_stikk)
observe.on({ kind = "pick_tube", task = "blodprove" }, ven_stikk)

observe.on({ kind = "label", task = "blodprove" }, function(a)
  if a.patient == venos_p.id or ven.feil_merket then return end
  ven.feil_merket = true
  local hvem = cast.get(a.patient)
  score.critical(PM, {
    rule = REGEL_ID_PROVE .. "; etiketten skal ha navnet og fødselsnummeret til pasienten "
           .. "prøven er tatt av",
    text = "Feil pasient på prøverørene: du merket dem med " .. (hvem and hvem.name or a.patient)
           .. ", men blodet er " .. venos_p.name .. "s.",
    better = "Merk rørene mens pasienten sitter hos deg, og sjekk etiketten mot det hun selv sa. "
             .. "Vær ekstra nøye når noen på venterommet har nesten samme navn." })
end)

local function vurder_venos(hvordan)
  if ven.vurdert then return end
  ven.vurdert = true
  local trinn = {}
  for _, a in ipairs(ven.oppgave and ven.oppgave:actions() or {}) do
    local navn = a.kind == "lab_step" and a.step or a.kind == "pick_tube" and "ror"
                 or a.kind == "label" and "merk" or nil
    if navn then trinn[#trinn + 1] = { navn = navn, ror = a.tube, pasient = a.patient,
                                       t = sek(a.time) } end
  end
  local ror = {}
  for _, s in ipairs(trinn) do if s.navn == "ror" then ror[#ror + 1] = s.ror end end
  local stikk
  for i, s in ipairs(trinn) do if s.navn == "puncture" and not stikk then stikk = i end end
  if not stikk and #ror == 0 then
    score.deduct(VP, 1, {
      text = hvordan == "tid" and "Blodprøvene ble ikke tatt før morgenen var over."
             or "Du avsluttet uten å ta blodprøvene.",
      better = "Gå gjennom prosedyren trinn for trinn når pasienten er identifisert." })
    return
  end
  -- Håndhygiene før første og etter siste berøring.
  local KONTAKT = { stasis_on = true, stasis_off = true, disinfect = true, puncture = true,
                    ror = true, sharps = true, plaster = true }
  local fk, sk, hf, hs
  for i, s in ipairs(trinn) do
    if KONTAKT[s.navn] then fk = fk or i; sk = i end
    if s.navn == "hand_hygiene" then hf = hf or i; hs = i end
  end
  if hf and hf < fk and hs and hs > sk then
    score.award(HH, 1, { text = "Håndhygiene før og etter blodprøven." })
  else
    score.deduct(HH, 1, {
      text = "Håndhygienen manglet " .. ((not hf or hf > fk) and "før" or "etter")
             .. " blodprøven.",
      better = "Håndhygiene før du tar på pasienten og etter siste berøring." })
  end
  -- Stasen: av før kanylen, under ett minutt.
  local paa, lengst, paa_ved_kanyle = nil, 0, false
  for _, s in ipairs(trinn) do
    if s.navn == "stasis_on" and not paa then paa = s.t
    elseif s.navn == "stasis_off" and paa then lengst = math.max(lengst, s.t - paa); paa = nil
    elseif s.navn == "sharps" and paa then paa_ved_kanyle = true
    end
  end
  if paa then lengst = math.max(lengst, naa_sek() - paa) end
  local hadde_stase = false
  for _, s in ipairs(trinn) do if s.navn == "stasis_on" then hadde_stase = true end end
  if hadde_stase and lengst < 60 and not paa_ved_kanyle then
    score.award(VP, 1, { text = string.format("Stasen satt i %d sekunder og ble løsnet før "
                                              .. "kanylen ble trukket ut.", lengst) })
  else
    score.deduct(VP, 1, {
      text = not hadde_stase and "Du la ikke på stase."
             or paa_ved_kanyle and "Stasen satt fortsatt på da kanylen ble trukket ut."
             or string.format("Stasen satt på i %d sekunder.", lengst),
      better = "Stasen skal sitte under ett minutt: løsne den når blodet renner, og alltid før "
               .. "kanylen trekkes ut." })
  end
  -- Riktige rør i riktig rekkefølge.
  local sett, mangler, ekstra, feil_rekke = {}, {}, {}, nil
  for i, r in ipairs(ror) do
    if not trengs[r] or sett[r] then ekstra[#ekstra + 1] = RORNAVN[r] end
    sett[r] = true
    if i > 1 and REKKEFOLGE[r] < REKKEFOLGE[ror[i - 1]] and not feil_rekke then feil_rekke = i end
  end
  for _, r in ipairs(rek.ror) do if not sett[r] then mangler[#mangler + 1] = RORNAVN[r] end end
  if #mangler == 0 and #ekstra == 0 and not feil_rekke then
    score.award(VP, 1, { text = "Riktige rør i riktig rekkefølge (" .. rek.kart .. ")." })
  else
    local hva = {}
    if #mangler > 0 then hva[#hva + 1] = "mangler " .. liste(mangler) end
    if #ekstra > 0 then hva[#hva + 1] = "unødvendig " .. liste(ekstra) end
    if feil_rekke then
      hva[#hva + 1] = RORNAVN[ror[feil_rekke]] .. " kom etter " .. RORNAVN[ror[feil_rekke - 1]]
    end
    score.deduct(VP, 1, {
      text = "Rørene: " .. table.concat(hva, "; ") .. ".",
      better = "Rekkefølgen er blodkultur → citrat → serum → heparin → EDTA → SR → fluorid; "
               .. "her: " .. rek.kart .. "." })
  end
  -- Hvert rør vendt før neste.
  local uvendt = 0
  for i, s in ipairs(trinn) do
    if s.navn == "ror" then
      local vendt = false
      for j = i + 1, #trinn do
        if trinn[j].navn == "ror" then break end
        if trinn[j].navn == "mix" then vendt = true; break end
      end
      if not vendt then uvendt = uvendt + 1 end
    end
  end
  if #ror > 0 and uvendt == 0 then
    score.award(VP, 1, { text = "Du vendte hvert rør straks det var fylt." })
  else
    score.deduct(VP, 1, { text = string.format("%d av rørene ble ikke vendt.", uvendt),
                          better = "Vend hvert rør 5–10 ganger straks det er fylt." })
  end
  -- Kanylen rett i kanylebøtta.
  local siste_ror, kanyle = 0, nil
  for i, s in ipairs(trinn) do
    if s.navn == "ror" or s.navn == "puncture" then siste_ror = i end
    if s.navn == "sharps" and not kanyle then kanyle = i end
  end
  local rett = kanyle and kanyle > siste_ror
  if rett then
    for i = siste_ror + 1, kanyle - 1 do
      local n = trinn[i].navn
      if n ~= "mix" and n ~= "stasis_off" then rett = false end
    end
  end
  if rett then
    score.award(VP, 1, { text = "Kanylen gikk rett i kanylebøtta." })
  else
    score.deduct(VP, 1, { text = kanyle and "Kanylen gikk ikke rett i kanylebøtta."
                                 or "Kanylen ble ikke lagt i kanylebøtta.",
                          better = "Legg kanylen rett i kanylebøtta straks den er trukket ut, "
                                   .. "før plaster og merking." })
  end
  -- Merking.
  if not ven.feil_merket then
    local merket, etter = false, false
    for i, s in ipairs(trinn) do
      if s.navn == "merk" and s.pasient == venos_p.id then
        merket = true
        if i > siste_ror then etter = true end
      end
    end
    if merket and etter then
      score.award(PM, 2, { text = "Du merket rørene med riktig pasient mens hun satt hos deg." })
    elseif merket then
      score.award(PM, 1, { text = "Rørene ble merket med riktig pasient, men før de var fylt.",
                           better = "Merk rørene rett etter prøvetakingen." })
    else
      score.deduct(PM, 2, { text = "Rørene ble ikke merket.",
                            better = "Merk rørene hos pasienten rett etter prøvetakingen." })
    end
  end
end

local function venos()
  local b = kom(venos_p, { purring = "Unnskyld, jeg skulle ta blodprøver?" })
  ven.b = b
  ven.oppgave = lab.task {
    id = "blodprove", patient = venos_p, kind = "venous",
    title = "Venøs blodprøve: " .. rek.analyser .. (rek.faste and " (fastende)" or ""),
    steps = {
      { "hand_hygiene", "Håndhygiene" },
      { "stasis_on", "Legg på stase" },
      { "stasis_off", "Løsne stasen" },
      { "disinfect", "Desinfiser innstikkstedet" },
      { "puncture", "Stikk i venen" },
      { "mix", "Vend røret 5–10 ganger" },
      { "sharps", "Kanylen i kanylebøtta" },
      { "plaster", "Tupfer og plaster" },
      { "done", "Avslutt prøvetakingen" },
    },
  }
  if not b.v:wait_served() then return end
  if b.v:waited() <= 3 * 60 then
    score.award(P, 1, { text = venos_p.name .. " ble hentet inn til blodprøven uten å vente "
                               .. "lenge." })
  end
  local forste = b.v:ask("Hei! Jeg skal ta noen blodprøver. Legen sa at rekvisisjonen var "
                         .. "sendt hit.", VEN_ID)
  if forste == "open" then
    ven.identifisert = true
    si(b, venos_p.name .. ", " .. mellomrom(venos_p.fnr) .. ".")
    if not ven.kritisk then
      score.award(PI, 1, { text = "Du ba pasienten selv si fullt navn og fødselsnummer." })
    end
    local skrevet = b.v:ask_text("Skriv inn fødselsnummeret hun sier, og sammenlign med "
                                 .. "rekvisisjonen.")
    if skrevet and siffer(skrevet) == venos_p.fnr then
      if not ven.kritisk then
        score.award(PI, 1, { text = "Fødselsnummeret stemmer med rekvisisjonen." })
      end
    elseif skrevet then
      score.deduct(PI, 1, { text = "Fødselsnummeret du skrev inn, stemmer ikke med det hun sa.",
                            better = "Be pasienten gjenta og sammenlign siffer for siffer." })
    end
  elseif forste == "closed" or forste == "read_fnr" then
    ven.identifisert = true
    si(b, forste == "closed" and "Ja, det stemmer." or "Eh ... ja, det stemmer vel.")
    score.deduct(PI, 2, { rule = REGEL_ID_PROVE,
      text = forste == "closed" and "Du spurte «Du er ..., ikke sant?» – et lukket spørsmål."
             or "Du leste opp fødselsnummeret og ba om et ja.",
      better = "Be pasienten selv si fullt navn og hele fødselsnummeret. På venterommet sitter "
               .. navnesoster.name .. "." })
  elseif forste == "none" then
    si(b, "Ja da.")
  end
  if not forste then return end
  local andre = b.v:ask("Hvilken arm vil du ta prøven fra?", VEN_PREP)
  if andre == "prep" then
    si(b, rek.faste and "Ja, jeg har ikke spist siden ti i går kveld. Og jeg har sittet et "
                        .. "kvarter på venterommet."
                    or "Ja, jeg har sittet en stund på venterommet.")
    if ven.startet then
      score.deduct(VP, 1, { text = "Du spurte om forberedelsene først etter at du hadde begynt.",
                            better = "Sjekk faste og hvile før du begynner." })
    else
      score.award(VP, 1, { text = rek.faste and "Du sjekket faste og hvile før prøvetakingen."
                                            or "Du sjekket at pasienten hadde hvilt." })
    end
  elseif andre == "start" then
    score.deduct(VP, 1, { text = "Du sjekket ikke forberedelsene (faste og hvile).",
                          better = "Se på rekvisisjonen og spør om faste og hvile før du "
                                   .. "begynner." })
  end
end

observe.on({ kind = "lab_step", task = "blodprove", step = "done" }, function()
  vurder_venos("ferdig")
  ven.oppgave:close()
  ven.b.ferdig = true
  if ven.b.v:state() == "at_counter" then ven.b.v:say("Takk for hjelpen! Ha en fin dag.") end
  ven.b.v:leave()
  del_ferdig()
end)

clock.at("08:20:00", venos)

---------------------------------------------------------------- INR og avbestillingen

local INR_ID = random.shuffle {
  { "open", "Hei! Før vi begynner: Kan du si hele navnet ditt og fødselsnummeret?" },
  { "closed", "Hei! Du er " .. inr_p.name .. ", ikke sant?" },
  { "none", "Hei! Sett deg, så tar vi INR-en med en gang." },
}
local INR_SVAR = random.shuffle {
  { "stay_doctor", "Den er mye høyere enn den skal være. Bli sittende her, så henter jeg legen "
                   .. "med en gang." },
  { "call_later", "Den er litt høy. Legen ser på svaret og ringer deg om doseringen i løpet av "
                  .. "dagen." },
  { "skip_dose", "Hopp over tabletten i kveld, så tar vi en ny prøve om noen dager." },
  { "fine", "Den er innenfor målet ditt, så ta tabletten som vanlig." },
}

local inr = {}
local avbest = {}     -- avbestillingssamtalen

local function inr_stikk()
  if inr.identifisert or inr.kritisk then return end
  inr.kritisk = true
  score.critical(PI, { rule = REGEL_ID_PROVE,
    text = "Du stakk " .. inr_p.name .. " uten å ha identifisert pasienten.",
    better = "Be pasienten si fullt navn og hele fødselsnummeret før du stikker." })
end
observe.on({ kind = "lab_step", task = "inr", step = "puncture_side" }, inr_stikk)
observe.on({ kind = "lab_step", task = "inr", step = "puncture_thumb" }, inr_stikk)
observe.on({ kind = "lab_step", task = "inr", step = "apply" }, inr_stikk)

local function vurder_inr()
  if inr.vurdert then return end
  inr.vurdert = true
  local trinn = {}
  for _, a in ipairs(inr.oppgave and inr.oppgave:actions() or {}) do
    if a.kind == "lab_step" then trinn[#trinn + 1] = a.step end
  end
  local KONTAKT = { puncture_side = true, puncture_thumb = true, squeeze_light = true,
                    squeeze_hard = true, apply = true, plaster = true }
  local fk, sk, hf, hs, side, tommel, lett, hardt
  for i, s in ipairs(trinn) do
    if KONTAKT[s] then fk = fk or i; sk = i end
    if s == "hand_hygiene" then hf = hf or i; hs = i end
    side = side or s == "puncture_side"
    tommel = tommel or s == "puncture_thumb"
    lett = lett or s == "squeeze_light"
    hardt = hardt or s == "squeeze_hard"
  end
  if not fk then
    score.deduct(HT, 1, { text = "INR-prøven ble ikke tatt.",
                          better = "Ta INR-kontrollen når pasienten kommer." })
    return
  end
  if hf and hf < fk and hs and hs > sk then
    score.award(HH, 1, { text = "Håndhygiene før og etter INR-prøven." })
  else
    score.deduct(HH, 1, { text = "Håndhygienen manglet før eller etter INR-prøven.",
                          better = "Håndhygiene før du tar på pasienten og etter plasteret." })
  end
  if side and not tommel and lett and not hardt then
    score.award(KP, 1, { text = "Stikk i siden av fingertuppen og lett klemming." })
  else
    score.deduct(KP, 1, {
      rule = "Kapillærprøve (prosedyre): siden av fingertuppen, aldri tommel; bare lett klemming",
      text = (tommel and "Du stakk i tommelen. " or "") .. (hardt and "Du klemte hardt." or "")
             .. ((not tommel and not hardt) and "Stikksted eller klemming ble ikke registrert."
                 or ""),
      better = "Stikk i siden av fingertuppen på ring- eller langfingeren og klem bare lett." })
  end
end

-- Når hver avbestilling skjedde (i en cancel-handling er feltet time timen som
-- avbestilles, ikke klokkeslettet for handlingen).
local avbestilt_kl = {}
observe.on("cancel", function() avbestilt_kl[#avbestilt_kl + 1] = naa_sek() end)

-- Hentet legen innen fristen? Kalles når svaret er kommet.
local function inr_eskalering()
  local a = observe.wait { kind = "page_doctor", timeout = INR_FRIST }
  inr.eskalert = true
  inr.hentet = a ~= nil
  if a then
    score.award(SL, 2, { text = string.format("Du hentet legen straks (kl. %s) med INR %s.",
                                              klokke(a.time:sub(1, 5)), komma(inr_verdi)) })
    -- Det akutte først: ingen handling i avbestillingssamtalen mellom svaret og legen.
    local foer = 0
    for _, k in ipairs { "choose", "type" } do
      for _, x in ipairs(observe.list { kind = k, person = pas_d.id }) do
        if sek(x.time) >= inr.svar_kl and sek(x.time) <= sek(a.time) then foer = foer + 1 end
      end
    end
    for _, kl in ipairs(avbestilt_kl) do
      if kl >= inr.svar_kl and kl <= sek(a.time) then foer = foer + 1 end
    end
    if foer == 0 then
      score.award(P, 1, { text = "Du tok det akutte først: INR-svaret gikk foran "
                                 .. "telefonsamtalen." })
    else
      score.deduct(P, 1, { text = "Du fortsatte telefonsamtalen før du hentet legen til "
                                  .. "INR-svaret.",
                           better = "Det akutte først: sett samtalen på vent, hent legen, og ta "
                                    .. "så samtalen tilbake." })
    end
    inbox.message { id = "legen-kommer", from = lege2,
      text = string.format("Takk for beskjeden om INR %s. Jeg kommer og tar %s inn nå.",
                           komma(inr_verdi), inr_p.name) }
  else
    score.critical(HT, { rule = REGEL_INR,
      text = string.format("INR %s ble ikke meldt legen med en gang: legen var ikke hentet "
                           .. "halvannet minutt etter at svaret kom.", komma(inr_verdi)),
      better = "INR over 7,0 gir stor blødningsfare. Sett telefonen på vent, be pasienten bli "
               .. "sittende og hent legen straks." })
  end
  inr.ferdig_kanskje()
end

local function inr_svaret()
  clock.wait(60)       -- INR-apparatet: omtrent ett minutt
  inr.svar_kl = naa_sek()
  clock.after(0, inr_eskalering)
  -- Én person kan ikke få to spørsmål samtidig: tok eleven prøven før samtalen
  -- om identiteten var ferdig, venter svaret på den.
  while not inr.samtale_ferdig and inr.b.v:state() ~= "done" do
    observe.wait { timeout = 5 }
  end
  if inr.b.v:state() == "done" then
    inr.svar_gitt = true
    score.deduct(HT, 2, { text = "Pasienten gikk før INR-svaret var klart.",
                          better = "La pasienten vente til apparatet har gitt svar." })
    return
  end
  local svar = inr.b.v:ask(string.format("(INR-apparatet viser: INR %s.) Hva ble den? Kan jeg "
                                         .. "ta tabletten som vanlig i kveld?", komma(inr_verdi)),
                           INR_SVAR)
  inr.svar_gitt = true
  if not svar then return end
  if svar == "stay_doctor" then
    score.award(HT, 2, { text = string.format("Du så at INR %s er over 7,0 og ba pasienten bli "
                                              .. "sittende til legen kom.", komma(inr_verdi)) })
    si(inr.b, "Å, jøss. Ja, da blir jeg sittende.")
  else
    score.deduct(HT, 2, { rule = REGEL_INR,
      text = string.format("INR %s er over 7,0, men du %s.", komma(inr_verdi),
        svar == "call_later" and "lot pasienten gå hjem og vente på en telefon"
        or svar == "skip_dose" and "ga selv råd om doseringen"
        or "sa at verdien var innenfor målet"),
      better = "INR-målet er vanligvis 2,5 ± 0,5. Over 7,0: be pasienten bli sittende og hent "
               .. "legen med en gang. Doseringen bestemmer legen." })
    si(inr.b, "Ja vel.")
  end
end

inr.ferdig_kanskje = function()
  if inr.lukket and (not inr.paabegynt or inr.eskalert) and not inr.del_ferdig then
    inr.del_ferdig = true
    inr.b.ferdig = true
    if inr.b.v:state() == "at_counter" then
      inr.b.v:say(inr.hentet and "Da venter jeg her på legen." or "Takk. Da går jeg hjem.")
    end
    inr.b.v:leave()
    del_ferdig()
  end
end

-- Avbestillingen: ringer 30 sekunder etter at dråpen er lagt på (senest 08:37).
local D_FORSTE = random.shuffle {
  { "fnr", "Det skal jeg hjelpe deg med. Kan du gi meg hele fødselsnummeret ditt?" },
  { "si_tiden", "Ja, jeg ser at du har time i morgen kl. 09.40. Den skal jeg ta bort." },
  { "les_opp", "Er det " .. pas_d.name .. ", født " .. fodt(pas_d.fnr) .. "?" },
}

local function samtale_avbestilling()
  local S = ring(pas_d, avbest)
  if not S then return false end
  local forste = spor(S, string.format("Hei, det er %s. Jeg har time hos dere i morgen, men "
                                        .. "jeg må avbestille. Jeg har fått en jobbreise.",
                                        S.navn), D_FORSTE)
  if not forste then return end
  if forste == "si_tiden" or forste == "les_opp" then
    score.deduct(ID, 2, {
      rule = "Identitet på telefon (rutine): innringeren sier selv hele fødselsnummeret; les "
             .. "aldri opp, og si ingenting fra journalen før du vet hvem du snakker med.",
      text = forste == "si_tiden" and "Du sa tid for timen før du visste hvem du snakket med."
             or "Du leste opp navn og fødselsdato og ba om et ja.",
      better = "Be om hele fødselsnummeret og finn timen med det." })
    S.call:say("Ja, det stemmer.")
  else
    score.award(ID, 1, { text = "Du ba " .. S.navn .. " om hele fødselsnummeret." })
    S.call:say("Det er " .. mellomrom(pas_d.fnr) .. ".")
    local skrevet = spor(S, "Skriv inn fødselsnummeret " .. d_valg[3] .. " oppgir.")
    if not skrevet then return end
    if siffer(skrevet) == pas_d.fnr then
      score.award(ID, 1, { text = "Du skrev inn fødselsnummeret riktig." })
    else
      score.deduct(ID, 1, { text = "Fødselsnummeret du skrev inn, stemmer ikke.",
                            better = "Be innringeren gjenta nummeret." })
    end
  end
  -- Venter på avbestillingen.
  local start = clock.elapsed()
  local a
  while not a do
    local st = S.call:state()
    if st ~= "talking" and st ~= "on_hold" then break end
    local igjen = 5 * 60 - (clock.elapsed() - start)
    if igjen <= 0 then break end
    a = observe.wait { kind = "cancel", timeout = igjen }
  end
  if not a then
    score.deduct(TB, 2, { text = "Timen til " .. S.navn .. " ble ikke avbestilt.",
                          better = "Avbestill timen mens innringeren er i telefonen." })
    if S.call:state() ~= "ended" then legg_paa(S, "Hallo? ... Jeg prøver en annen gang.") end
    return
  end
  local riktig_time = a.doctor == lege1.id and a.time == "+1/09:40"
  if riktig_time then
    score.award(TB, 2, { text = "Du avbestilte riktig time: " .. S.navn .. ", i morgen kl. "
                                .. "09.40 hos " .. lege1.name .. "." })
  else
    score.critical(TB, { rule = REGEL_FEIL_PASIENT,
      text = string.format("Du avbestilte en annen pasients time (%s hos %s) i stedet for "
                           .. "timen til %s.", naar(a.time), cast.get(a.doctor).name, S.navn),
      better = "Finn timen i journalen eller timeboka med fødselsnummeret, og sjekk navnet i "
               .. "timen før du avbestiller." })
  end
  local slutt = spor(S, "Er det ordnet?", random.shuffle {
    { "bekreft", string.format("Ja, timen din i morgen kl. 09.40 hos %s er avbestilt. Ring oss "
                               .. "når du vil ha en ny time.", lege1.name) },
    { "ha_det", "Ja da. Ha det!" },
  })
  if slutt == "bekreft" then
    score.award(TB, 1, { text = "Du bekreftet hvilken time som ble avbestilt." })
    legg_paa(S, "Takk skal du ha!")
  elseif slutt then
    score.deduct(TB, 1, { text = S.navn .. " fikk ikke høre hvilken time som ble avbestilt.",
                          better = "Si hvilken time du har avbestilt før samtalen slutter." })
    legg_paa(S, "Ha det.")
  end
  ryddig(S)
  if not riktig_time then return end
  score.award(P, 1, { text = S.holdt and "Du tok avbestillingen tilbake fra vent og gjorde den "
                                         .. "ferdig."
                             or "Avbestillingen ble gjort ferdig." })
end

local avbest_startet = false
local function avbestilling_kommer()
  if avbest_startet then return end
  avbest_startet = true
  del_ferdig(samtale_avbestilling())
end

observe.on({ kind = "lab_step", task = "inr", step = "apply" }, function()
  if inr.paabegynt then return end
  inr.paabegynt = true
  -- (bare om det er tid igjen: clock.after etter slutten feiler)
  if clock.elapsed() + 30 <= 50 * 60 then clock.after(30, avbestilling_kommer) end
  inr_svaret()
end)

observe.on({ kind = "lab_step", task = "inr", step = "done" }, function()
  vurder_inr()
  inr.oppgave:close()
  inr.lukket = true
  inr.ferdig_kanskje()
end)

clock.at("08:31:00", function()
  inr.b = kom(inr_p, { purring = "Unnskyld, jeg skal bare ta INR-en?" })
  inr.oppgave = lab.task {
    id = "inr", patient = inr_p, kind = "quicktest",
    title = "INR-kontroll (hurtigtest): " .. inr_p.name .. ", bruker warfarin",
    steps = {
      { "hand_hygiene", "Håndhygiene" },
      { "puncture_side", "Stikk i siden av fingertuppen (ring- eller langfinger)" },
      { "puncture_thumb", "Stikk i tommelen" },
      { "squeeze_light", "Klem lett og la dråpen danne seg" },
      { "squeeze_hard", "Klem hardt for å få fram nok blod" },
      { "apply", "Legg bloddråpen på teststrimmelen i INR-apparatet" },
      { "plaster", "Tupfer og plaster" },
      { "done", "Avslutt oppgaven" },
    },
  }
  if not inr.b.v:wait_served() then inr.samtale_ferdig = true return end
  local forste = inr.b.v:ask("Hei, jeg skal ta INR-en min. Jeg har forresten blødd litt mer "
                             .. "enn vanlig fra tannkjøttet de siste dagene.", INR_ID)
  if forste == "open" then
    inr.identifisert = true
    si(inr.b, inr_p.name .. ", " .. mellomrom(inr_p.fnr) .. ".")
    if not inr.kritisk then
      score.award(PI, 1, { text = inr_p.name .. " sa selv fullt navn og fødselsnummer." })
    end
  elseif forste == "closed" then
    inr.identifisert = true
    si(inr.b, "Ja.")
    score.deduct(PI, 1, { rule = REGEL_ID_PROVE,
      text = "Du identifiserte " .. inr_p.name .. " med et lukket spørsmål.",
      better = "Be pasienten si fullt navn og hele fødselsnummeret selv." })
  elseif forste == "none" then
    si(inr.b, "Ja da.")
  end
  inr.samtale_ferdig = true
end)

clock.at("08:37:00", avbestilling_kommer)

---------------------------------------------------------------- når tiden er ute

on_end(function()
  for _, b in ipairs(besok) do
    if not b.ferdig and not b.gikk and not b.ingen_poeng then
      score.deduct(P, 1, {
        text = b.person.name .. (b.tatt_imot and " ble aldri ferdig i skranken."
                                 or " ble ikke tatt imot før morgenen var over."),
        better = "Gå tilbake til den du ble avbrutt hos, og gjør ferdig." })
    end
  end
  for _, S in ipairs(samtaler) do
    if S.call and (S.call:state() == "on_hold" or S.call:state() == "talking") then
      score.deduct(TLF, 1, { text = S.navn .. " var fortsatt i telefonen da morgenen var over.",
                             better = "Ta samtaler tilbake fra vent og avslutt dem." })
    end
  end
  vurder_venos("tid")
  vurder_inr()
  if inr.svar_kl and not inr.eskalert then
    if observe.count("page_doctor") > 0 then
      score.award(SL, 2, { text = "Du hentet legen med INR " .. komma(inr_verdi) .. "." })
    else
      score.critical(HT, { rule = REGEL_INR,
        text = "INR " .. komma(inr_verdi) .. " var ikke meldt legen da morgenen var over.",
        better = "INR over 7,0: be pasienten bli sittende og hent legen straks." })
    end
  end
  if melding and not melding:was_read() then
    score.deduct(SL, 1, { text = "Beskjeden fra legen om forsinkelsen ble aldri lest.",
                          better = "Sjekk innboksen jevnlig, også når det er travelt." })
  end
end)
