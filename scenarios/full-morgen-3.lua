-- Morgenen der alt skjer
--
-- Trener: en hel morgen (08.00–09.00) der flere saker er levende samtidig og
-- den akutte kommer midt i alt det andre: en ombestilling på telefon blir
-- avbrutt av en innringer med tegn på hjerneslag; politiet ringer; en
-- forelder til en 15-åring vil ha prøvesvar; legen ber deg om en oppgave du
-- ikke har opplæring i og sender deg til skiftestua; skjermen står igjen når
-- du går fra pulten; telefoner som ringer ut, ringer tilbake; egenandel med
-- frikort; og til slutt en beskjed fra legen om en ny time.
--
-- Riktig vei (frø 1, se tests/playthroughs/full-morgen-3/riktig.inputs):
--  * 08:00:20 Les meldingen fra veilederen (hva du har og ikke har opplæring i).
--  * 08:01 Frikortpasienten: åpne journalen (frikort er registrert), registrer,
--    0 kr. 08:01:40 den neste: registrer, 170 kr.
--  * 08:04 Ombestilling på telefon: be om hele fødselsnummeret og skriv det
--    inn, åpne journalen, og flytt timen (onsdag kl. 10.20) til den ledige
--    timen torsdag etter kl. 12 hos samme lege.
--  * 08:05:30 Midt i ombestillingen ringer linje 2: en mann sier at kona
--    plutselig snakker utydelig og har skjevt ansikt. Sett linje 1 på vent,
--    svar linje 2, be ham bli i telefonen og ring 113 straks; gi råd mens han
--    venter. Ta så linje 1 tilbake før innringeren gir opp (to og et halvt
--    minutt), flytt timen og bekreft.
--  * 08:14 Politiet ringer og spør om en pasient: verken bekreft eller avkreft,
--    si at legen vurderer slike henvendelser, skriv ned navn og nummer, og hold
--    fast når betjenten presser. Ikke slå opp pasienten.
--  * 08:14:30 En gravid kommer til svangerskapskontroll mens du snakker med
--    politiet: ta henne imot etterpå, registrer, 0 kr.
--  * 08:24 En forelder ringer om datteren på 15: be om hele fødselsnummeret,
--    åpne jentas journal (foreldreansvar, prøvesvar som kan gis, og en
--    reservasjon), gi prøvesvarene, men ingenting om det hun har reservert seg
--    mot – heller ikke når forelderen presser på.
--  * 08:25:30 Legen kommer til skranken mens du er i telefonen: gjør ferdig
--    samtalen, ta legen imot, si vennlig nei til å sette B12-injeksjonen (ingen
--    opplæring), tilby å gjøre klar, hold fast under press, og gi legen
--    beskjeden fra politiet med navn og nummer.
--  * Før du går til skiftestua: lukk journalen og lås skjermen. På skiftestua:
--    håndhygiene → hent pasienten → be hen si fullt navn og fødselsnummer →
--    legg fram utstyret → gi legen beskjed (ikke sett injeksjonen selv) → gå
--    tilbake til pulten og lås opp.
--  * Mens du er borte kommer en pasient til skranken, og telefonen ringer ut.
--    Ta pasienten imot når du er tilbake: hen tror hen har frikort, men
--    journalen sier nei – forklar, registrer, 170 kr. Innringeren ringer
--    tilbake: fødselsnummer, avbestill timen i dag, bekreft.
--  * Seks minutter etter at legen fikk beskjed, kommer en melding: sett opp
--    B12-pasienten til ny injeksjon om fire uker (20 virkedager) kl. 08.20.
--    Les den innen fem minutter og bestill timen. Da er morgenen ferdig.
--
-- Regler det scores etter, med kilde:
--  * Akutt (DOMAIN.md §4 [sikker, Helsenorge]): nye taleproblemer og lammelse
--    i ansiktet → ring 113 straks (eller hent legen straks). Å tilby time, sende
--    til legevakten, love at legen ringer tilbake, eller ikke skaffe hjelp innen
--    to minutter er kritisk feil. Ingen paragraf.
--  * Telefonen (DOMAIN.md §4 [sikker], 80 % innen to minutter; katalogen) og
--    prioritering (seed 001 «flere ting på en gang») [praksis]: svar innen 30 s,
--    sett samtaler på vent før du tar noe annet (så ingen hører det som sies om
--    andre), ta dem tilbake, det akutte først. En samtale som ringer ut mens du
--    er på skiftestua etter legens oppdrag, gir ikke trekk; ellers gir den det.
--  * Politiet (DOMAIN.md §2, hpl § 21 og § 23): ikke bekreft at noen er
--    pasient; ta navn og nummer; legen vurderer. Å bekrefte er kritisk feil.
--  * hpl § 21 a (DOMAIN.md §2 [sikker]): å slå opp pasienten politiet spør om,
--    gir trekk.
--  * Foreldre (pbrl § 3-4, DOMAIN.md §2): under 16 år får foreldrene som
--    hovedregel informasjon, men barn mellom 12 og 16 kan begrense det. Å gi
--    opplysninger før identiteten er kjent, eller fortelle om det hun har
--    reservert seg mot, er kritisk feil (hpl § 21).
--  * Delegering (hpl § 5, DOMAIN.md §2 [sikker]; seed 004 «avstå fra å gi
--    helsehjelp på områder som en ikke behersker»): si nei til en oppgave du
--    ikke er opplært i, også når legen ber om det. Å sette injeksjonen er
--    kritisk feil.
--  * Skjermen (hpl § 21 og § 21 a, DOMAIN.md §2; katalogen: «Låser skjermen
--    før hen går fra den»): en åpen journal på en ulåst skjerm som en pasient
--    kan lese mens du er borte, er kritisk feil; en ulåst skjerm uten journal
--    gir trekk.
--  * Egenandel (DOMAIN.md §4): svangerskapskontroll og frikort (taket 3165 kr i
--    2024) → 0 kr; ellers konsultasjon på dagtid 170 kr. Ingen paragraf.
--  * Identitet på telefon (DOMAIN.md §2 [praksis]): hele fødselsnummeret, aldri
--    lest opp; å flytte eller avbestille en annen pasients time er kritisk feil
--    (feil pasient). Vanlig time innen rimelig tid og tid/sted bekreftet:
--    praksis. Ingen paragraf.
--  * Skiftestua (DOMAIN.md §5): håndhygiene før pasientkontakt; identitet med
--    åpent spørsmål. Prosedyre, ingen paragraf.
--
-- Poeng (maks 66): akutt-113 4 (113 straks 3, råd mens han venter 1); telefon 10
-- (per samtale: svart innen 30 s 1, håndtert ryddig 1); prioritering 5 (det
-- akutte først, ombestillingen tatt tilbake, den gravide og den som kom mens du
-- var borte tatt imot, tilbakeanropet gjort ferdig); egenandel 8;
-- journaltilgang 4; identitet-telefon 6; timebok 7; tredjepart 4;
-- taushetsplikt 4; samhandling-lege 4; mindreårige 2; delegering 3;
-- skiftestue 3; pasientmøte 2.
-- Scenarioet spiller i november 2026, med egenandelssatsene for 2024. Alle
-- personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "full-morgen-3",
  title = "Morgenen der alt skjer",
  version = "1.1",
  language = "nb",
  summary = "En hel morgen der flere saker lever samtidig: hjerneslag midt i en ombestilling, "
            .. "politiet, en forelder til en 15-åring, legen som vil delegere, og skjermen du "
            .. "går fra.",
  start = "08:00",
  duration = 60,
  difficulty = 5,
  modes = { "practice", "exam" },
  goals = {
    ["hse3005.akutt-113"] = 4,
    ["hse3007.telefon"] = 10,
    ["hse3007.prioritering"] = 5,
    ["hse3007.egenandel"] = 8,
    ["hse3007.journaltilgang"] = 4,
    ["hse3006.identitet-telefon"] = 6,
    ["hse3007.timebok"] = 7,
    ["hse3006.tredjepart"] = 4,
    ["hse3006.taushetsplikt"] = 4,
    ["hse3006.samhandling-lege"] = 4,
    ["hse3006.mindrearige"] = 2,
    ["hse3007.delegering"] = 3,
    ["hse3005.skiftestue"] = 3,
    ["hse3006.pasientmote"] = 2,
  },
}

-- clock.after, men bare når det er tid igjen før scenarioet slutter (etter
-- slutten feiler clock.after; det som da ikke rekker å skje, skjer ikke).
local function senere(sek, fn)
  if clock.elapsed() + sek <= 60 * 60 then clock.after(sek, fn) end
end

local A = "hse3005.akutt-113"
local TLF = "hse3007.telefon"
local P = "hse3007.prioritering"
local E = "hse3007.egenandel"
local J = "hse3007.journaltilgang"
local ID = "hse3006.identitet-telefon"
local TB = "hse3007.timebok"
local TP = "hse3006.tredjepart"
local T = "hse3006.taushetsplikt"
local SL = "hse3006.samhandling-lege"
local MIN = "hse3006.mindrearige"
local D = "hse3007.delegering"
local K = "hse3005.skiftestue"
local M = "hse3006.pasientmote"

local SATSER = { aar = 2024, konsultasjon_dag = 170, konsultasjon_kveld = 288, lab = 61,
                 enkel_kontakt = 72, frikortgrense = 3165 }

local PURRE_ETTER = 4 * 60
local GIR_OPP_ETTER = 4 * 60
local VENT_GRENSE = 150       -- sekunder en innringer holder ut på vent
local AKUTT_FRIST = 60        -- sekunder fra du lover hjelp til 113 skal være varslet
local AKUTT_SEN = 2 * 60      -- etter dette er det kritisk
local KONTOR = "Sjøsiden legekontor i Havnegata 2"

local REGEL_21 = "hpl § 21 taushetsplikt (også at noen er pasient)"
local REGEL_23 = "hpl § 23 (unntakene gir en rett, ikke en plikt, og det er legen som "
                 .. "vurderer henvendelser fra politiet)"
local REGEL_21A = "hpl § 21 a (forbud mot å lese eller søke i journal uten tjenstlig behov)"
local REGEL_5 = "hpl § 5: en oppgave kan bare delegeres når det er forsvarlig, og elever får "
                .. "oppgaver bare for opplæring. Si nei til oppgaver du ikke har opplæring i, "
                .. "også når legen ber om det."
local REGEL_UNDER_16 = "pbrl § 3-4 (under 16 år får foreldrene som hovedregel informasjon; "
                       .. "barn mellom 12 og 16 kan begrense det)"
local REGEL_FEIL_PASIENT = "Riktig pasient i timeboka: finn timen med fødselsnummeret, ikke "
                           .. "med navn og dag alene (rutine)."
local AKUTT_REGEL = "Ring 113 straks ved tegn på hjerneslag: skjevt ansikt, lammelse eller nye "
                    .. "taleproblemer (Helsenorge)."
local AKUTT_BEDRE = "Si at det kan være hjerneslag, be ham bli i telefonen og ring 113 med en "
                    .. "gang – eller be ham legge på og ringe 113 nå og bli hos henne."

---------------------------------------------------------------- små hjelpere

local function klokke(hhmm) return (hhmm:gsub(":", ".")) end
local function siffer(tekst) return (tekst:gsub("%D", "")) end
local function mellomrom(n) return n:sub(1, 6) .. " " .. n:sub(7) end
local function kr(n) return string.format("%d kr", n) end
local function fodt(nummer)
  local i = fnr.info(nummer)
  return string.format("%02d.%02d.%d", i.day, i.month, i.year)
end
local function sek(hms)
  local h, m, s = hms:match("^(%d+):(%d+):(%d+)")
  return tonumber(h) * 3600 + tonumber(m) * 60 + tonumber(s)
end
local function minutter(s)
  local m = math.floor(s / 60 + 0.5)
  return m == 1 and "ett minutt" or string.format("%d minutter", m)
end
local DAGNAVN = { [0] = "i dag", [1] = "i morgen, tirsdag", [2] = "onsdag", [3] = "torsdag",
                  [4] = "fredag", [20] = "mandag om fire uker" }
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
  name = random.pick { "Jon Eriksen", "Erik Myhre", "Hans Lindqvist", "Ola Bakken" } }
local lege2 = cast.doctor { id = "lege2",
  name = random.pick { "Kari Nygaard", "Ingrid Hovland", "Liv Brekke", "Turid Sand" } }
local lege1_fornavn = lege1.name:match("^(%S+)")
local veileder = cast.person { id = "veileder",
  name = random.pick { "Kristin Aune", "Hege Moen", "Tone Berg" }, kind = "colleague",
  role = "helsesekretær, praksisveileder" }

local p1_valg = random.pick { { "Kjell Aasen", "M" }, { "Ragnhild Strand", "K" },
                              { "Torbjørn Lunde", "M" }, { "Solveig Bakke", "K" } }
local frikort = cast.patient { id = "frikort", name = p1_valg[1],
  fnr = fnr.synthetic { year = { 1942, 1952 }, sex = p1_valg[2] }, phone = "911 20 584",
  notes = { string.format("Frikort for egenandeler registrert %s%d (taket på %d kr er nådd).",
                          random.pick { "12.09.", "30.08.", "04.10." }, SATSER.aar,
                          SATSER.frikortgrense) } }

local p2_valg = random.pick { { "Mari Solheim", "K" }, { "Anders Vik", "M" },
                              { "Sara Holm", "K" }, { "Martin Dahl", "M" } }
local voksen = cast.patient { id = "voksen", name = p2_valg[1],
  fnr = fnr.synthetic { year = { 1975, 1995 }, sex = p2_valg[2] }, phone = "922 47 310",
  notes = { string.format("Ingen frikort registrert for %d.", SATSER.aar) } }

local r_valg = random.pick { { "Silje Moen", "K", "hun" }, { "Geir Haugland", "M", "han" },
                             { "Ida Korsvik", "K", "hun" }, { "Terje Nilsen", "M", "han" } }
local ombestiller = cast.patient { id = "ombestiller", name = r_valg[1],
  fnr = fnr.synthetic { year = { 1965, 1990 }, sex = r_valg[2] }, phone = "984 10 672",
  notes = { "Fastlege: " .. lege1.name .. "." },
  appointments = { { date = "onsdag", time = "10:20", doctor = "lege1", reason = "Kontroll" } } }

-- Innringeren med tegn på hjerneslag hos kona.
local ektepar = random.pick { { "Arne", "Gerd", "Solberg" }, { "Kåre", "Randi", "Nilsen" },
                              { "Odd", "Bjørg", "Lien" }, { "Magne", "Liv", "Hauge" } }
local kona = cast.patient { id = "kona", name = ektepar[2] .. " " .. ektepar[3],
  fnr = fnr.synthetic { year = { 1944, 1952 }, sex = "K" }, phone = "755 20 418",
  notes = { "Bruker blodtrykksmedisin." } }
local mannen = cast.person { id = "mannen", name = ektepar[1] .. " " .. ektepar[3],
  kind = "relative", role = "ektemann", phone = "755 20 418" }
local slag_minutter = random.int(5, 15)

-- Politiet og pasienten de spør om.
local betjent_etternavn = random.pick { "Nilsen", "Vold", "Sørli", "Brenna" }
local betjent_nummer = random.pick { "917 33 482", "934 71 205", "902 58 116" }
local betjent = cast.person { id = "politi",
  name = random.pick { "Lise", "Hanne", "Marit" } .. " " .. betjent_etternavn,
  kind = "caller", role = "politibetjent", phone = betjent_nummer }
local politisak = cast.patient { id = "politisak",
  name = random.pick { "Stian Karlsen", "Kenneth Lyngstad", "Ronny Fagerli" },
  fnr = fnr.synthetic { year = { 1984, 1996 }, sex = "M" }, phone = "945 20 671",
  notes = { "I går: kuttskade i venstre hånd, sydd med fire sting." } }

local gravid = cast.patient { id = "gravid",
  name = random.pick { "Ida Sørensen", "Maria Kristiansen", "Julie Nilsen", "Hanna Lund" },
  fnr = fnr.synthetic { year = { 1990, 1997 }, sex = "K" }, phone = "918 42 605",
  notes = { string.format("Gravid, uke %d. Svangerskapskontroller hos %s.",
                          random.pick { 24, 28, 32 }, lege1.name),
            string.format("Ingen frikort registrert for %d.", SATSER.aar) } }

-- Forelderen og 15-åringen.
local ung_fornavn = random.pick { "Emma", "Nora", "Ida", "Maja" }
local ung_etternavn = random.pick { "Berntsen", "Rønning", "Aune", "Stene" }
local forelder_valg = random.pick { { "Hilde", "mor", "K", "moren" },
                                    { "Thomas", "far", "M", "faren" },
                                    { "Camilla", "mor", "K", "moren" },
                                    { "Kristian", "far", "M", "faren" } }
local forelder_fnr = fnr.synthetic { year = { 1976, 1986 }, sex = forelder_valg[3] }
local forelder = cast.person { id = "forelder", name = forelder_valg[1] .. " " .. ung_etternavn,
  kind = "relative", role = forelder_valg[2], phone = "915 40 218" }
local TEMAER = {
  { kort = "at hun har vært mye lei seg", lang = "at hun har vært mye lei seg i høst",
    sier = "Hun har også snakket med legen om at hun har vært mye lei seg i høst, og hun skal "
           .. "få samtaler." },
  { kort = "prevensjon", lang = "prevensjon",
    sier = "Hun snakket også med legen om prevensjon, og hun har fått resept på p-piller." },
}
local tema = random.pick(TEMAER)
local ungdom = cast.patient { id = "ungdom", name = ung_fornavn .. " " .. ung_etternavn,
  fnr = fnr.synthetic { year = 2011, month = random.int(1, 9), sex = "K" },
  phone = "948 12 507", nearest_relative = "forelder",
  reservations = { string.format("%s (15 år) vil ikke at foreldrene skal få vite om samtalen "
                                 .. "om %s. Legen mener ønsket skal respekteres. – %s",
                                 ung_fornavn, tema.lang, lege2.name) },
  results = {
    { test = "Hb", value = "12.1", unit = "g/dL", date = "2026-11-12", reference = "11.7-15.3" },
    { test = "Ferritin", value = "9", unit = "µg/L", date = "2026-11-12", reference = "15-200" },
  },
  notes = {
    string.format("Foreldreansvar: begge foreldrene. %s: %s, fnr. %s.",
                  forelder_valg[2] == "mor" and "Mor" or "Far", forelder.name,
                  mellomrom(forelder_fnr)),
    "12.11.: Sliten. Blodprøver tatt (Hb, ferritin).",
    "13.11.: Lav ferritin, jerntilskudd startet. Svarene kan gis til pasienten og foreldrene. – "
      .. lege2.name,
  } }

-- B12-pasienten legen vil ha hjelp med.
local b12_valg = random.pick { { "Odd Hansen", "M", "han", "ham" },
                               { "Reidun Lie", "K", "hun", "henne" },
                               { "Bjørn Aas", "M", "han", "ham" } }
local b12 = cast.patient { id = "b12", name = b12_valg[1],
  fnr = fnr.synthetic { year = { 1950, 1970 }, sex = b12_valg[2] }, phone = "917 40 233",
  notes = { "B12-mangel. B12-injeksjon hver fjerde uke hos " .. lege1.name .. "." } }

-- Den som kommer mens du er på skiftestua, og tror hen har frikort.
local p5_valg = random.pick { { "Rolf Aasen", "M" }, { "Wenche Lie", "K" },
                              { "Frank Hagen", "M" }, { "Bente Knudsen", "K" } }
local tror_frikort = cast.patient { id = "tror-frikort", name = p5_valg[1],
  fnr = fnr.synthetic { year = { 1960, 1980 }, sex = p5_valg[2] }, phone = "926 71 034",
  notes = { string.format("Ingen frikort registrert for %d.", SATSER.aar),
            "Fysioterapi for nakken i høst." } }

-- Den som ringer for å avbestille dagens time.
local w_valg = random.pick { { "Tone Lyngstad", "K", "hun" }, { "Bente Aas", "K", "hun" },
                             { "Per Olav Rist", "M", "han" }, { "Arvid Sletten", "M", "han" } }
local avbestiller = cast.patient { id = "avbestiller", name = w_valg[1],
  fnr = fnr.synthetic { year = { 1958, 1985 }, sex = w_valg[2] }, phone = "913 42 118",
  appointments = { { date = "i dag", time = "13:20", doctor = "lege2", reason = "Kontroll" } } }

---------------------------------------------------------------- timeboka

local TIDER = {}
for m = 8 * 60, 10 * 60 + 40, 20 do TIDER[#TIDER + 1] = string.format("%02d:%02d", m // 60, m % 60) end
for m = 12 * 60, 14 * 60 + 40, 20 do TIDER[#TIDER + 1] = string.format("%02d:%02d", m // 60, m % 60) end

local ny_tid = random.pick { "12:40", "13:20", "14:00" }     -- torsdag etter kl. 12, lege 1
local LEDIG = {
  ["lege1/3/" .. ny_tid] = true, ["lege1/3/09:00"] = true, ["lege2/3/12:20"] = true,
  ["lege1/4/10:00"] = true, ["lege2/1/14:20"] = true, ["lege1/0/11:00"] = true,
  ["lege1/20/08:20"] = true, ["lege1/20/09:40"] = true, ["lege1/20/10:20"] = true,
}
local FASTE = {
  ["lege1/0/08:20"] = { b12, "B12-injeksjon" },
  ["lege1/0/08:40"] = { voksen, "Vondt i skulderen" },
  ["lege1/0/09:00"] = { gravid, "Svangerskapskontroll" },
  ["lege2/0/08:40"] = { frikort, "Blodtrykkskontroll" },
  ["lege2/0/09:20"] = { tror_frikort, "Nakken" },
  ["lege2/0/13:20"] = { avbestiller, "Kontroll" },
  ["lege1/2/10:20"] = { ombestiller, "Kontroll" },
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
  local en = ETTERNAVN[((i - 1) * 5 + 3) % #ETTERNAVN + 1]
  fyll[i] = cast.patient { id = "p" .. i, name = fn .. " " .. en,
    fnr = fnr.synthetic { year = { 1940, 2008 }, sex = KVINNE[fn] and "K" or "M" } }
end
local GRUNNER = { "Kontroll", "Blodtrykk", "Samtale", "Sårkontroll", "Resept", "Oppfølging",
                  "Attest", "Hoste", "Blodprøvesvar" }
local n_fyll = 0
for _, lege in ipairs { lege1, lege2 } do
  for _, dag in ipairs { 0, 1, 2, 3, 4, 20 } do
    if not (dag == 20 and lege == lege2) then
      timebok.slots { doctor = lege, day = dag, from = "08:00", to = "11:00", minutes = 20 }
      timebok.slots { doctor = lege, day = dag, from = "12:00", to = "15:00", minutes = 20 }
      for _, t in ipairs(TIDER) do
        local nokkel = lege.id .. "/" .. dag .. "/" .. t
        if FASTE[nokkel] then
          timebok.book { doctor = lege, time = ref(dag, t), patient = FASTE[nokkel][1],
                         note = FASTE[nokkel][2] }
        elseif not LEDIG[nokkel] then
          n_fyll = n_fyll + 1
          timebok.book { doctor = lege, time = ref(dag, t),
                         patient = fyll[(n_fyll - 1) % #fyll + 1],
                         note = GRUNNER[(n_fyll - 1) % #GRUNNER + 1] }
        end
      end
    end
  end
end

---------------------------------------------------------------- morgenens deler

-- En del som endte uten at arbeidet ble gjort (pasienten gikk, telefonen ringte
-- ut to ganger, legen gikk), gjør at morgenen går til tiden er ute.
local deler_igjen = 11
local noe_forsomt = false
local function del_ferdig(ok)
  deler_igjen = deler_igjen - 1
  if ok == false then noe_forsomt = true end
  if deler_igjen == 0 and not noe_forsomt then finish("Morgenens oppgaver er gjort.") end
end

---------------------------------------------------------------- borte fra pulten

-- Du er borte fra pulten fra første trinn på skiftestua til du går tilbake
-- (trinnet «tilbake», eller du tar imot noen eller svarer telefonen).
local borte = false
local function er_borte() return borte end

---------------------------------------------------------------- telefonen

local samtaler = {}

local function snakker(S) return S.call and S.call:state() == "talking" end
local function i_samtale(S)
  local st = S.call and S.call:state()
  return st == "talking" or st == "on_hold"
end
local function legg_paa(S, replikk)
  if replikk and snakker(S) then S.call:say(replikk) end
  S.call:hang_up()
end

local function samtale_paa_linje(linje)
  for i = #samtaler, 1, -1 do
    local S = samtaler[i]
    if S.call and S.call:line() == linje and i_samtale(S) then return S end
  end
end

-- Ringer. Ringer telefonen ut, ringer innringeren tilbake én gang (etter
-- S.ringer_igjen sekunder) hvis S.ringer_igjen er satt. nil hvis ingen svarte.
local function ring(person, felt)
  local S = felt or {}
  S.person, S.navn = person, person.name
  samtaler[#samtaler + 1] = S
  for forsok = 1, 2 do
    S.forsok = forsok
    S.call = phone.call { from = person, ring_for = forsok == 1 and (S.ring_for or 60) or 90 }
    if S.call:wait_answer() then break end
    if forsok == 1 and S.borte_ved_ring and er_borte() then
      -- Ringte ut mens du var på skiftestua etter legens oppdrag: ingen trekk.
      S.ringte_ut_borte = true
    else
      score.deduct(TLF, 1, {
        text = string.format("Telefonen ringte ut uten svar (%s%s).", S.navn,
                             forsok == 2 and ", andre gang" or ""),
        better = "Svar innen 30 sekunder; er du midt i noe, svar og sett samtalen på vent." })
    end
    if forsok == 2 or not S.ringer_igjen then
      S.ubesvart = true
      return nil
    end
    clock.wait(S.ringer_igjen)
  end
  local etter = S.call:answered_after()
  if etter <= 30 then
    score.award(TLF, 1, { text = string.format("Du svarte raskt da %s ringte%s.", S.navn,
                                               S.forsok == 2 and " igjen" or "") })
  else
    score.deduct(TLF, 1, {
      text = string.format("Telefonen ringte i %d sekunder før du svarte (%s).",
                           math.floor(etter), S.navn),
      better = "Svar innen 30 sekunder, og sett heller en annen samtale på vent." })
  end
  return S
end

-- Spør innringeren; ga hen opp på vent, ringer hen tilbake én gang og får
-- spørsmålet på nytt. valg = nil gir et skrevet svar.
-- Den som la på fordi hen sto for lenge på vent, ringer tilbake én gang.
-- true hvis du svarte.
local function ring_tilbake(S)
  if not S.la_paa_vent or S.ringt_igjen_vent then return false end
  S.ringt_igjen_vent = true
  clock.wait(60)
  S.call = phone.call { from = S.person, ring_for = 90 }
  if not S.call:wait_answer() then
    score.deduct(TLF, 1, { text = S.navn .. " ringte tilbake, men fikk ikke svar.",
                           better = "Svar når den som ble satt på vent, ringer igjen." })
    return false
  end
  S.call:say("Hei igjen, det er " .. S.navn .. ". Jeg ble stående på vent så lenge at jeg "
             .. "la på.")
  return true
end

local function spor(S, tekst, valg)
  while true do
    if i_samtale(S) then
      local svar
      if valg then svar = S.call:ask(tekst, valg) else svar = S.call:ask_text(tekst) end
      if svar then return svar end
    end
    if not ring_tilbake(S) then return nil end
    tekst = tekst:gsub("^Hei, det er [^.]+%. ", "")
  end
end

observe.on("hold", function(a)
  local S = samtale_paa_linje(a.line)
  if not S then return end
  local call = S.call
  S.holdt = (S.holdt or 0) + 1
  local fra = clock.elapsed()
  local tilbake = observe.wait { kind = "unhold", line = a.line, timeout = VENT_GRENSE }
  if tilbake then
    S.tilbake_kl = clock.elapsed()
    S.lengste_vent = math.max(S.lengste_vent or 0, clock.elapsed() - fra)
    if call:state() == "talking" and not S.taus then call:say("Ja, jeg er her.") end
    return
  end
  if call:state() ~= "on_hold" then return end
  S.la_paa_vent = true
  score.deduct(TLF, 1, {
    text = string.format("%s sto på vent i over to minutter og la på.", S.navn),
    better = "Ta samtalen tilbake så snart det andre er gjort." })
  score.deduct(P, 1, { text = "Du glemte " .. S.navn .. " på vent.",
                       better = "Hold oversikt over det du har avbrutt, og ta det tilbake." })
  call:hang_up()
end)

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
  if borte then borte = false end
  for _, S in ipairs(samtaler) do
    if snakker(S) and S.call:line() ~= a.line then hort_av(S, "svarte en ny linje") end
  end
end)

local function ryddig(S)
  if S.overhort or S.la_paa_vent then return end
  if S.holdt then
    score.award(TLF, 1, { text = string.format("Du satte %s på vent mens du tok deg av noe "
                                               .. "annet, og tok samtalen tilbake etter %d "
                                               .. "sekunder.", S.navn,
                                               math.floor(S.lengste_vent or 0)) })
  else
    score.award(TLF, 1, { text = "Samtalen med " .. S.navn .. " ble gjort ferdig uten at "
                                 .. "andre hørte med." })
  end
end

-- Venter på en handling i timeboka mens samtalen pågår (høyst fem minutter).
-- Tiden regnes fra samtalen sist ble tatt tilbake fra vent.
local function vent_paa(S, filter)
  local start = clock.elapsed()
  local purret = false
  while true do
    if not i_samtale(S) then
      if not ring_tilbake(S) then return nil end
      S.tilbake_kl = clock.elapsed()
      S.call:say(S.gjenta or "Fant du noe?")
    end
    local gaatt = clock.elapsed() - math.max(start, S.tilbake_kl or 0)
    if gaatt >= 5 * 60 then return nil end
    if gaatt >= 2 * 60 and not purret and snakker(S) then
      purret = true
      S.call:say("Hallo? Er du der fortsatt?")
    end
    local f = {}
    for k, v in pairs(filter) do f[k] = v end
    -- Høyst ti sekunder om gangen, så et tilbakeanrop kommer i tide.
    f.timeout = math.min(10, math.max(1, ((purret or gaatt >= 2 * 60) and 5 * 60 or 2 * 60)
                                         - gaatt))
    local a = observe.wait(f)
    if a then return a end
  end
end

---------------------------------------------------------------- skranken

local besok = {}

observe.on("serve", function(a)
  if borte then borte = false end
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
      local purre = b.purre_etter or PURRE_ETTER
      local grense = b.purret and (purre + GIR_OPP_ETTER) or purre
      if ventet >= grense then
        if not b.purret then
          b.purret = true
          si(b, b.purring or "Unnskyld, er det noen som kan hjelpe meg?")
          if not b.ingen_poeng then
            score.deduct(P, 1, {
              text = string.format("%s ventet i %s uten å bli tatt imot%s.", b.person.name,
                                   minutter(purre), b.avbrutt and " igjen" or ""),
              better = "Se den som venter, og ta hen imot så snart det akutte er tatt." })
          end
        else
          b.ferdig, b.gikk = true, true
          si(b, b.gaar or "Nei, nå går jeg.")
          b.v:leave()
          if not b.ingen_poeng then
            score.deduct(P, 1, { text = b.person.name .. " gikk fra skranken uten å bli ferdig.",
                                 better = "Hold oversikt over køen, også når telefonen tar "
                                          .. "tid." })
          end
          if b.ved_gaar then b.ved_gaar() end
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

-- Innsjekking og egenandel. b.forventet, b.grunn, b.journalsjekk, b.regel, b.bedre.
local function innsjekking(b)
  local v = b.v
  while not (v:checked_in() and v:charged() ~= nil) do
    if v:state() == "done" then break end
    observe.wait { timeout = 20 }
  end
  if b.gikk then return false end
  b.ferdig = true
  local navn = b.person.name
  if v:checked_in() then score.award(E, 1, { text = navn .. " ble registrert." }) end
  if b.journalsjekk then
    local aapnet = observe.list { kind = "open_record", patient = b.person.id }[1]
    local betalt = observe.list { kind = "charge", patient = b.person.id }[1]
    if aapnet and betalt and sek(aapnet.time) <= sek(betalt.time) then
      score.award(J, 1, { text = "Du sjekket frikort i journalen til " .. navn .. " før du tok "
                                 .. "betalt." })
    else
      score.deduct(J, 1, { text = "Du tok betalt av " .. navn .. " uten å ha sjekket frikort i "
                                  .. "journalen først.",
                           better = "Åpne journalen før du tar betalt: det er den som avgjør, "
                                    .. "ikke det pasienten tror." })
    end
  end
  local tatt = v:charged()
  if tatt == b.forventet then
    score.award(E, 1, { text = string.format("Riktig egenandel for %s: %s (%s).", navn, kr(tatt),
                                             b.grunn) })
  elseif b.forventet == 0 then
    score.deduct(E, 1, { rule = b.regel,
      text = string.format("Du tok %s av %s, som ikke skal betale egenandel.", kr(tatt), navn),
      better = b.bedre })
  else
    score.deduct(E, 1, {
      text = string.format("Du tok %s av %s; uten fritak eller frikort er egenandelen for "
                           .. "konsultasjon på dagtid %s.", kr(tatt), navn,
                           kr(SATSER.konsultasjon_dag)),
      better = "Journalen avgjør: her er det ikke registrert frikort." })
  end
  si(b, b.takk)
  v:leave()
  return true
end

-- Poeng for at en som ble avbrutt eller kom midt i noe, ble gjort ferdig.
local function gjort_ferdig(b, hva)
  if b.purret or b.gikk then return end
  score.award(P, 1, { text = b.avbrutt and ("Du gikk tilbake til " .. b.person.name
                                             .. " og gjorde ferdig " .. hva .. ".")
                             or (b.person.name .. " fikk vente litt mens du var opptatt, og "
                                 .. "ble tatt imot så snart du var ledig.") })
end

---------------------------------------------------------------- journaler

-- Journaler du har et tjenstlig behov for i løpet av morgenen.
local BEHOV = { frikort = true, voksen = true, ombestiller = true, kona = true, gravid = true,
                ungdom = true, b12 = true, ["tror-frikort"] = true, avbestiller = true }
local snoket = {}
observe.on("open_record", function(a)
  if BEHOV[a.patient] or snoket[a.patient] then return end
  snoket[a.patient] = true
  if a.patient == politisak.id then
    score.deduct(J, 2, { rule = REGEL_21A,
      text = "Du åpnet journalen til " .. politisak.name .. " fordi politiet spurte etter ham. "
             .. "Det gir deg ikke noe tjenstlig behov, og oppslaget logges.",
      better = "La journalen være: det er legen som vurderer henvendelsen." })
  else
    score.deduct(J, 2, { rule = REGEL_21A,
      text = "Du åpnet journalen til " .. cast.get(a.patient).name .. " uten at du hadde en "
             .. "oppgave i den.",
      better = "Åpne bare journalen til den du holder på med." })
  end
end)
local politisok = false
observe.on("search_record", function(a)
  local q = a.query:lower()
  local fornavn, etternavn = politisak.name:lower():match("^(%S+)%s+(%S+)$")
  if not politisok and (q:find(etternavn, 1, true) or q:find(fornavn, 1, true)) then
    politisok = true
    score.deduct(J, 1, { rule = REGEL_21A,
      text = "Du søkte etter " .. politisak.name .. " i journalsystemet fordi politiet spurte.",
      better = "Ikke søk opp personer du ikke har en oppgave for. Søket logges." })
  end
end)

---------------------------------------------------------------- veilederen

clock.at("08:00:20", function()
  inbox.message { id = "veileder", from = veileder,
    text = string.format("God morgen! I dag er du alene i skranken til jeg er ferdig med møtet "
                         .. "kl. 09. Husk: Du har hatt opplæring i venøs blodprøve, EKG og "
                         .. "sårskift, og det kan du gjøre. Du har ikke hatt opplæring i å sette "
                         .. "injeksjoner ennå – det tar vi neste uke. Hilsen %s",
                         veileder.name:match("^(%S+)")) }
end)

---------------------------------------------------------------- de to første i skranken

clock.at("08:01:00", function()
  local b = kom(frikort, {
    forventet = 0, journalsjekk = true,
    grunn = string.format("frikort for %d er registrert i journalen", SATSER.aar),
    takk = "Takk for hjelpen. Da venter jeg der borte.",
    regel = string.format("Når egenandelstaket er nådd (%d kr i %d), har pasienten frikort og "
                          .. "betaler ikke egenandel resten av året.", SATSER.frikortgrense,
                          SATSER.aar),
    bedre = "Se i journalen før du tar betalt: står det at frikort er registrert, er "
            .. "egenandelen 0 kr." })
  local ok = b.v:wait_served()
  if ok then
    si(b, string.format("God morgen! Jeg har time hos %s klokka 08.40. Bare den vanlige "
                        .. "kontrollen.", lege2.name))
    ok = innsjekking(b)
  end
  del_ferdig(ok)
end)

clock.at("08:01:40", function()
  local b = kom(voksen, {
    forventet = SATSER.konsultasjon_dag, grunn = "konsultasjon på dagtid, ingen frikort",
    takk = "Takk, da setter jeg meg." })
  local ok = b.v:wait_served()
  if ok then
    si(b, string.format("Hei, jeg har time hos %s klokka 08.40.", lege1.name))
    ok = innsjekking(b)
  end
  del_ferdig(ok)
end)

---------------------------------------------------------------- ombestillingen og hjerneslaget

local R = { ring_for = 60, ringer_igjen = 90 }
local KS = { ring_for = 60, ringer_igjen = 45 }   -- samtalen om kona

local R_FORSTE = random.shuffle {
  { "fnr", "Det kan jeg hjelpe deg med. Kan du gi meg hele fødselsnummeret ditt først?" },
  { "si_tiden", "Ja, jeg ser du har time onsdag kl. 10.20. Hva vil du flytte den til?" },
  { "les_opp", "Er det " .. ombestiller.name .. ", født " .. fodt(ombestiller.fnr) .. "?" },
}

local function samtale_ombestilling()
  local S = ring(ombestiller, R)
  if not S then return false end
  local forste = spor(S, string.format("Hei, det er %s. %sJeg må flytte timen min hos %s.",
                                        S.navn, S.forsok == 2 and "Jeg ringte nettopp, men "
                                                                   .. "ingen svarte. " or "",
                                        lege1.name), R_FORSTE)
  if not forste then return end
  if forste == "fnr" then
    score.award(ID, 1, { text = "Du ba " .. S.navn .. " om hele fødselsnummeret." })
    S.call:say("Ja, det er " .. mellomrom(ombestiller.fnr) .. ".")
    local skrevet = spor(S, "Skriv inn fødselsnummeret " .. r_valg[3] .. " oppgir.")
    if not skrevet then return end
    if siffer(skrevet) == ombestiller.fnr then
      score.award(ID, 1, { text = "Du skrev inn fødselsnummeret riktig." })
    else
      score.deduct(ID, 1, { text = "Fødselsnummeret du skrev inn, stemmer ikke.",
                            better = "Be innringeren gjenta nummeret." })
    end
  else
    score.deduct(ID, 2, {
      rule = "Identitet på telefon (rutine): innringeren sier selv hele fødselsnummeret; si "
             .. "ingenting fra journalen før du vet hvem du snakker med.",
      text = forste == "si_tiden" and "Du sa når timen er før du visste hvem du snakket med."
             or "Du leste opp navn og fødselsdato og ba om et ja.",
      better = "Be om hele fødselsnummeret, og finn timen med det." })
    S.call:say("Ja, det stemmer.")
  end
  S.gjenta = "Jeg skulle flytte timen på onsdag til torsdag etter klokka tolv, hos samme lege."
  S.call:say("Timen er på onsdag, men da må jeg på jobb. Har dere noe på torsdag etter "
             .. "klokka tolv, hos samme lege?")
  local a = vent_paa(S, { kind = "move" })
  if not a then
    score.deduct(TB, 2, { text = "Timen til " .. S.navn .. " ble ikke flyttet.",
                          better = "Flytt timen mens innringeren er i telefonen." })
    if i_samtale(S) then legg_paa(S, "Nei, jeg ringer heller en annen gang.") end
    return
  end
  if observe.count { kind = "open_record", patient = ombestiller.id } > 0 then
    score.award(J, 1, { text = "Du åpnet journalen til " .. S.navn .. " før du flyttet timen." })
  else
    score.deduct(J, 1, { text = "Du flyttet timen uten å ha sjekket journalen.",
                         better = "Finn pasienten med fødselsnummeret, så du vet at det er "
                                  .. "riktig time." })
  end
  if not (a.doctor == lege1.id and a.time == "+2/10:20") then
    score.critical(TB, { rule = REGEL_FEIL_PASIENT,
      text = string.format("Du flyttet en annen pasients time (%s hos %s) i stedet for timen "
                           .. "til %s.", naar(a.time), cast.get(a.doctor).name, S.navn),
      better = "Finn timen med fødselsnummeret, og sjekk navnet før du flytter." })
    legg_paa(S, "Ok ... takk.")
    return
  end
  local dag, hm = del_tid(a.to_time)
  local riktig_ny = a.to_doctor == lege1.id and dag == 3 and hm >= "12:00"
  if riktig_ny then
    score.award(TB, 2, { text = string.format("Du flyttet timen til %s hos %s, slik %s ønsket.",
                                              naar(a.to_time), lege1.name, r_valg[3]) })
  else
    score.award(TB, 1, {
      text = string.format("Du flyttet riktig time, men til %s hos %s.", naar(a.to_time),
                           cast.get(a.to_doctor).name),
      better = string.format("%s ba om torsdag etter kl. 12 hos samme lege: %s hadde ledig "
                             .. "kl. %s.", (r_valg[3]:gsub("^%l", string.upper)), lege1.name,
                             klokke(ny_tid)) })
  end
  local slutt = spor(S, "Fant du noe?", random.shuffle {
    { "bekreft", string.format("Ja: timen din er flyttet til %s hos %s, her på %s. Onsdagstimen "
                               .. "er tatt bort.", naar(a.to_time), cast.get(a.to_doctor).name,
                               KONTOR) },
    { "ha_det", "Ja, det ordnet seg. Ha det!" },
  })
  if slutt == "bekreft" then
    score.award(TB, 1, { text = "Du bekreftet den nye tiden og at den gamle er tatt bort." })
    legg_paa(S, "Supert, takk!")
  elseif slutt then
    score.deduct(TB, 1, { text = S.navn .. " fikk ikke høre den nye tiden.",
                          better = "Si den nye tiden tydelig før du avslutter." })
    legg_paa(S, "Ok ... ha det.")
  end
  ryddig(S)
  score.award(P, 1, { text = S.holdt and "Du tok ombestillingen tilbake fra vent og gjorde den "
                                         .. "ferdig."
                             or "Ombestillingen ble gjort ferdig." })
end

clock.at("08:04:00", function()
  del_ferdig(samtale_ombestilling())
end)

-- Handlinger som skaffer hjelp straks.
local HJELP = { "call_113", "page_doctor", "transfer" }
local HJELP_TEKST = { call_113 = "ringte 113", page_doctor = "hentet legen",
                      transfer = "satte samtalen over til legen" }
local function hjelp_telling()
  local t = {}
  for _, k in ipairs(HJELP) do t[k] = observe.count(k) end
  return t
end
local function hjelp_siden(grunnlag)
  for _, k in ipairs(HJELP) do
    if observe.count(k) > grunnlag[k] then return k end
  end
end

local K_VALG = {
  { "bli", "Dette kan være hjerneslag, og hun må få hjelp nå. Bli i telefonen, så ringer jeg "
           .. "113 med en gang." },
  { "selv_113", "Dette kan være hjerneslag. Legg på og ring 113 nå, og bli hos henne til "
                .. "ambulansen kommer." },
  { "time", "Legen har en ledig time kl. 11.00 i dag. Kan dere komme da?" },
  { "legevakt", "Det høres ut som noe for legevakten. Ring 116 117." },
  { "ringe_tilbake", "Jeg gir legen beskjed, så ringer han deg tilbake så snart han kan." },
  { "fnr", "Før jeg kan hjelpe deg, må jeg ha fødselsnummeret hennes." },
}
local K_RAD = random.shuffle {
  { "rad", "Ambulansen er på vei. Bli hos henne og følg med. Ikke gi henne noe å spise eller "
           .. "drikke. Lås opp ytterdøra og slå på lyset ute, så de finner fram. Blir hun "
           .. "verre, ring 113 igjen." },
  { "kjor", "Hvis det går fortere, kan du kjøre henne til legevakten selv." },
  { "vann", "Gi henne et glass vann og en Paracet, så hun slapper av." },
}

local akutt = { apen = false }

local function akutt_kritisk(tekst)
  akutt.apen = false
  akutt.vurdert = true
  score.critical(A, { rule = AKUTT_REGEL, text = tekst, better = AKUTT_BEDRE })
end

local function samtale_slag()
  local S = ring(mannen, KS)
  if not S then
    -- Ringte ut to ganger: eleven kunne ikke vite hva det gjaldt.
    score.deduct(TLF, 1, { text = "Den som ringte to ganger uten å få svar, var en mann hvis kone "
                                  .. "hadde fått tegn på hjerneslag. Et ubesvart anrop kan være "
                                  .. "akutt.",
                           better = "Svar innen 30 sekunder; sett en annen samtale på vent." })
    return false
  end
  akutt.apen = true
  akutt.besvart_kl = clock.elapsed()
  local grunnlag = hjelp_telling()
  local tekst = string.format(
    "Hei, det er %s. %sKona mi, %s, snakker så rart! For %d minutter siden begynte munnen å "
      .. "henge ned på den ene siden, og hun får ikke løftet høyre arm. Kan legen se på henne i "
      .. "dag?", S.navn, S.forsok == 2 and "Jeg ringte nettopp, men ingen svarte! " or "",
    kona.name, slag_minutter)
  local valg = random.shuffle(K_VALG)
  local svar
  while true do
    svar = spor(S, tekst, valg)
    if svar ~= "fnr" then break end
    score.deduct(A, 1, { text = "Du ba om fødselsnummeret før du sørget for hjelp.",
                         better = "Ved tegn på hjerneslag kommer 113 først; identiteten kan "
                                  .. "vente." })
    S.call:say("Hva? Hun er jo kjempedårlig! ... Det er " .. kona.fnr .. ".")
    tekst = "Men hva skal jeg gjøre? Hun sitter bare og prøver å si noe!"
    local ny = {}
    for _, v in ipairs(valg) do if v[1] ~= "fnr" then ny[#ny + 1] = v end end
    valg = ny
  end
  if svar == "time" or svar == "legevakt" or svar == "ringe_tilbake" then
    akutt_kritisk(({ time = "Du tilbød en vanlig time", legevakt = "Du sendte ham til legevakten",
                     ringe_tilbake = "Du lovet at legen skulle ringe tilbake" })[svar]
                  .. " da kona hadde skjevt ansikt, svak arm og utydelig tale. Det er tegn på "
                  .. "hjerneslag, og hvert minutt teller.")
    legg_paa(S, svar == "legevakt" and "Ok ... jeg ringer legevakten, da." or "Ja vel ... ok.")
    return
  end
  local gjort = hjelp_siden(grunnlag)
  if svar == "selv_113" then
    akutt.apen = false
    akutt.vurdert = true
    akutt.hjelp_kl = clock.elapsed()
    score.award(A, 4, { text = "Du forsto at skjevt ansikt, svak arm og utydelig tale kan være "
                               .. "hjerneslag, ba ham ringe 113 med en gang og bli hos henne." })
    legg_paa(S, "Ja! Jeg legger på og ringer 113 nå.")
    ryddig(S)
    return
  end
  if svar == "bli" then
    if snakker(S) then S.call:say("Ja ... ja, jeg blir i telefonen.") end
    local start = clock.elapsed()
    while not gjort and clock.elapsed() - start < AKUTT_SEN do
      observe.wait { timeout = AKUTT_SEN - (clock.elapsed() - start) }
      gjort = hjelp_siden(grunnlag)
    end
    local brukt = clock.elapsed() - start
    if not gjort then
      akutt_kritisk("Du lovet å ringe 113, men varslet ikke 113 (eller legen) innen to minutter.")
      if i_samtale(S) then legg_paa(S, "Hallo? Er du der? ... Jeg ringer 113 selv!") end
      return
    end
    akutt.apen = false
    akutt.vurdert = true
    akutt.hjelp_kl = clock.elapsed()
    if brukt > AKUTT_FRIST then
      score.award(A, 2, { text = string.format("Du forsto at det kunne være hjerneslag og %s, "
                                               .. "men det gikk %d sekunder fra du lovet hjelp.",
                                               HJELP_TEKST[gjort], math.floor(brukt)),
                          better = "Når du har sagt at du ringer 113, gjør det med en gang." })
    else
      score.award(A, 3, { text = "Du forsto at skjevt ansikt, svak arm og utydelig tale kan være "
                                 .. "hjerneslag, ba ham bli i telefonen og " .. HJELP_TEKST[gjort]
                                 .. " straks." })
    end
    if not snakker(S) then
      if S.call:state() ~= "on_hold" then return end
    end
    local rad = spor(S, gjort == "call_113" and "Kommer de? ... Hva gjør jeg nå mens vi venter?"
                         or "Hva gjør jeg nå mens vi venter?", K_RAD)
    if rad == "rad" then
      score.award(A, 1, { text = "Du ga gode råd mens han ventet: bli hos henne, ikke mat eller "
                                 .. "drikke, lås opp døra, ring 113 igjen om hun blir verre." })
      legg_paa(S, "Ja ... ja. Jeg låser opp nå. Jeg hører sirenene! Takk!")
    elseif rad then
      score.deduct(A, 1, { text = rad == "kjor"
                                  and "Du foreslo at han skulle kjøre henne selv, mens "
                                      .. "ambulansen allerede var på vei."
                                  or "Du ga råd om medisin og drikke. Hun kan ha problemer med "
                                     .. "å svelge.",
                           better = "Gi praktiske råd: bli hos henne, ingen mat eller drikke, "
                                    .. "lås opp, ring 113 igjen om hun blir verre." })
      legg_paa(S, "Ok ...")
    end
    ryddig(S)
    return
  end
  -- Ingen svar: lagt på eller taus.
  if gjort then
    akutt.apen = false
    akutt.vurdert = true
    score.award(A, 3, { text = "Du " .. HJELP_TEKST[gjort] .. " straks da mannen fortalte om "
                               .. "tegnene på hjerneslag." })
    return
  end
  akutt_kritisk(S.call:state() == "on_hold" and "Du satte ham på vent, og kona fikk ikke hjelp."
                or "Du la på uten at kona fikk hjelp.")
end

-- Det akutte først: svart innen 30 sekunder og hjelp innen et minutt.
clock.at("08:05:30", function()
  local ok = samtale_slag()
  if akutt.hjelp_kl and KS.forsok == 1 and KS.call:answered_after() <= 30 and
     akutt.hjelp_kl - akutt.besvart_kl <= 90 then
    score.award(P, 1, { text = "Du tok det akutte først: svarte linje 2 midt i en annen "
                               .. "samtale og skaffet hjelp med en gang." })
  end
  del_ferdig(ok)
end)

---------------------------------------------------------------- politiet

local politi = { bekreftet = false, nummer = false, satt_over = false }
local PO_FORSTE = random.shuffle {
  { "sjekke", "Et øyeblikk, så skal jeg se i timeboka." },
  { "ikke_bekrefte", "Jeg kan verken bekrefte eller avkrefte om noen er pasient hos oss. Slike "
                     .. "henvendelser vurderer legen. Kan jeg få navnet ditt og et nummer legen "
                     .. "kan ringe deg på?" },
  { "bekreft", "Ja, han var her i går formiddag, han hadde et kutt i hånda." },
  { "avkreft", "Nei, han har ikke vært her." },
}
local PO_ANDRE = random.shuffle {
  { "hint", "Jeg kan ikke si noe … men du har ikke ringt helt feil, for å si det sånn." },
  { "holde_fast", "Nei, heller ikke det. Jeg kan verken bekrefte eller avkrefte noe. Legen "
                  .. "får beskjeden din så snart han er ledig." },
  { "sjekke", "Greit, jeg kan se om han står i systemet, men mer kan jeg ikke si." },
}

local function politi_kritisk(tekst)
  politi.bekreftet = true
  score.critical(T, { rule = REGEL_21 .. "; " .. REGEL_23, text = tekst,
    better = "Verken bekreft eller avkreft at noen er pasient. Si at legen vurderer slike "
             .. "henvendelser, og ta navn og nummer." })
end

local function samtale_politi()
  local S = ring(betjent, { ring_for = 60, ringer_igjen = 90 })
  if not S then return false end
  politi.S = S
  local forste = spor(S, string.format(
    "Hei, dette er politibetjent %s. %sVi etterforsker en sak, og jeg må vite om %s var hos "
      .. "dere i går formiddag, og hva han var der for.", S.navn,
    S.forsok == 2 and "Jeg prøvde å ringe for litt siden. " or "", politisak.name), PO_FORSTE)
  if not forste then return end
  politi.svart = true
  if forste == "bekreft" then
    politi_kritisk("Du bekreftet overfor en innringer at " .. politisak.name .. " var hos legen "
                   .. "i går, og hva han var der for.")
    return legg_paa(S, "Takk, det var det jeg trengte.")
  elseif forste == "avkreft" then
    score.deduct(TP, 2, { rule = REGEL_21,
      text = "Du avkreftet at " .. politisak.name .. " hadde vært her. Også et nei er et svar om "
             .. "hvem som er pasient – og her var det ikke sant.",
      better = "Verken bekreft eller avkreft. Legen vurderer slike henvendelser." })
  elseif forste == "sjekke" then
    score.deduct(TP, 1, { rule = REGEL_21,
      text = "Du sa at du skulle sjekke timeboka for politiet. Da har du antydet at du kan svare.",
      better = "Si med en gang at du verken kan bekrefte eller avkrefte noe." })
    local igjen = spor(S, "Og? Var han der?", random.shuffle {
      { "angre", "Beklager, jeg kan likevel ikke si noe om hvem som er pasient her. Slike "
                 .. "henvendelser vurderer legen. Kan jeg få navnet ditt og et nummer?" },
      { "bekreft", "Ja, han var her i går. Han hadde et kutt i hånda." },
    })
    if igjen == "bekreft" then
      politi_kritisk("Du bekreftet overfor en innringer at " .. politisak.name .. " var hos "
                     .. "legen i går, og hva han var der for.")
      return legg_paa(S, "Takk.")
    elseif not igjen then
      return
    end
    forste = "ikke_bekrefte"
  else
    score.award(TP, 2, { text = "Du verken bekreftet eller avkreftet at " .. politisak.name
                                .. " er pasient, og sa at legen vurderer henvendelsen." })
  end
  if forste == "ikke_bekrefte" then
    S.call:say(string.format("Greit. Jeg heter %s, og du når meg på %s.", S.navn, betjent_nummer))
    local skrevet = spor(S, "Skriv ned navnet og telefonnummeret til beskjeden til legen.")
    if not skrevet then return end
    local har_nr = siffer(skrevet):find(siffer(betjent_nummer), 1, true) ~= nil
    local har_navn = skrevet:lower():find(betjent_etternavn:lower(), 1, true) ~= nil
    politi.nummer = har_nr
    if har_nr and har_navn then
      score.award(TP, 1, { text = "Du skrev ned navn og nummer, så legen kan ta stilling til "
                                  .. "henvendelsen." })
    else
      score.deduct(TP, 1, { text = "Beskjeden mangler " .. (har_nr and "navnet" or "det riktige "
                                                            .. "nummeret") .. " til betjenten.",
                            better = "Skriv ned navn og nummer nøyaktig." })
    end
  end
  local andre = spor(S, "Jeg skjønner. Men det haster. Kan du ikke bare si om han i det hele "
                        .. "tatt er pasient hos dere? Det tar deg ti sekunder.", PO_ANDRE)
  if andre == "hint" then
    politi_kritisk("Du hintet om at " .. politisak.name .. " er pasient her. Et hint er også en "
                   .. "bekreftelse.")
    return legg_paa(S, "Skjønner. Takk!")
  elseif andre == "sjekke" then
    score.deduct(TP, 2, { rule = REGEL_21,
      text = "Du lovet å sjekke om han står i systemet. Både et ja og et nei er et svar.",
      better = "Hold fast: legen vurderer saken." })
    legg_paa(S, "Ja takk, ring meg.")
  elseif andre == "holde_fast" then
    score.award(TP, 1, { text = "Du holdt fast også da betjenten presset på." })
    legg_paa(S, "Ok. Da venter jeg på at legen ringer. Ha det.")
  end
  ryddig(S)
end

-- Satt over til legen: legen har henvendelsen og vurderer den selv.
observe.on("transfer", function(a)
  local S = politi.S
  if not S or politi.satt_over or S.call:state() ~= "transferred" or S.call:line() ~= a.line then
    return
  end
  politi.satt_over = true
  if not politi.bekreftet then
    score.award(SL, 2, { text = "Du satte politiet over til legen, som vurderer henvendelsen "
                                .. "selv." })
    if not politi.svart then
      score.award(TP, 2, { text = "Legen fikk henvendelsen uten at du sa noe om pasienten." })
    end
  end
end)

clock.at("08:14:00", function()
  del_ferdig(samtale_politi())
end)

clock.at("08:14:30", function()
  local b = kom(gravid, {
    forventet = 0, grunn = "svangerskapskontroll er fritatt for egenandel",
    takk = "Så fint, takk! Da setter jeg meg.",
    regel = "Svangerskapskontroller er fritatt for egenandel.",
    bedre = "Se hva timen gjelder: svangerskapskontroll registreres med 0 kr." })
  local ok = b.v:wait_served()
  if ok then
    si(b, string.format("Hei, jeg skal til svangerskapskontroll hos %s klokka 09.00.",
                        lege1.name))
    ok = innsjekking(b)
    if ok then gjort_ferdig(b, "innsjekkingen") end
  end
  del_ferdig(ok)
end)

---------------------------------------------------------------- forelderen til 15-åringen

local F_FORSTE = random.shuffle {
  { "nekt", "Jeg kan dessverre ikke gi deg noen opplysninger om " .. ung_fornavn .. ". Hun må "
            .. "ringe selv." },
  { "verifiser", "Det skal jeg se på. Men først: kan du si hele fødselsnummeret ditt?" },
  { "svar_med_en_gang", "Et øyeblikk … Hb var fin, men ferritinen var lav, så hun har fått "
                        .. "jerntilskudd." },
  { "les_opp", string.format("Er du %s til %s, født %s?", forelder_valg[2], ung_fornavn,
                             fodt(ungdom.fnr)) },
}
local F_ANDRE = random.shuffle {
  { "bare_prover", "Hb var normal, men ferritinen – jernlageret – var lav, og legen har startet "
                   .. "jerntilskudd. Det andre hun snakket med legen om, kan jeg ikke gå inn på. "
                   .. "Det må du ta med " .. ung_fornavn .. " selv." },
  { "ingenting", ung_fornavn .. " har taushetsplikt på sin side hos oss, så jeg kan ikke si noe "
                 .. "om verken prøvene eller timen." },
  { "alt", "Ferritinen var lav, så hun har fått jerntilskudd. " .. tema.sier },
  { "legen_ringer", "Jeg ber legen ringe deg om begge deler." },
}
local F_TREDJE = random.shuffle {
  { "holde_fast", "Jeg skjønner at du er bekymret. Det hun har snakket med legen om, må hun få "
                  .. "fortelle selv – hun er 15, og da kan hun be om at noe ikke deles. Snakk med "
                  .. "henne, eller be henne ta det opp med legen." },
  { "gi_etter", "Ja, du er jo " .. forelder_valg[2] .. "en hennes. " .. tema.sier },
}

local function samtale_forelder()
  local S = ring(forelder, { ring_for = 90, ringer_igjen = 90 })
  if not S then return false end
  local aapnet_for = observe.count { kind = "open_record", patient = ungdom.id }
  local forste = spor(S, string.format(
    "Hei, det er %s, %s til %s, som er 15. %sHun tok blodprøver hos dere forrige uke fordi hun er "
      .. "så sliten. Hva viste de? Og hun snakket visst med legen om noe annet også – hun vil "
      .. "ikke si hva.", S.navn, forelder_valg[2], ung_fornavn,
    S.forsok == 2 and "Jeg prøvde å ringe nettopp. " or ""), F_FORSTE)
  if not forste then return end
  if forste == "svar_med_en_gang" then
    score.critical(T, { rule = REGEL_21 .. "; identitet på telefon (rutine)",
      text = "Du ga prøvesvar fra journalen før du visste hvem du snakket med, og uten å sjekke "
             .. "journalen for reservasjoner.",
      better = "Be om hele fødselsnummeret, sjekk i journalen at innringeren har "
               .. "foreldreansvar og om barnet har reservert seg, og gi så det du kan." })
    return legg_paa(S, "Takk, da vet jeg det.")
  elseif forste == "nekt" then
    score.deduct(MIN, 2, { rule = REGEL_UNDER_16,
      text = "Du nektet å gi noe som helst til en forelder til en 15-åring.",
      better = "Foreldre til barn under 16 år får som hovedregel opplysninger – unntatt det "
               .. "barnet har reservert seg mot. Bekreft identiteten og sjekk journalen." })
    return legg_paa(S, "Hun er 15! Dette var rart. Ha det.")
  elseif forste == "les_opp" then
    score.deduct(ID, 2, { rule = "Identitet på telefon (rutine): innringeren sier selv hele "
                                 .. "fødselsnummeret.",
      text = "Du leste opp datterens fødselsdato og ba om et ja, og vet fortsatt ikke hvem du "
             .. "snakker med.",
      better = "Be innringeren si hele fødselsnummeret sitt, og sammenlign med "
               .. "foreldreansvaret i journalen." })
    S.call:say("Ja, det stemmer.")
  else
    score.award(ID, 1, { text = "Du ba " .. forelder_valg[2] .. "en selv si hele "
                                .. "fødselsnummeret." })
    S.call:say("Ja, det er " .. mellomrom(forelder_fnr) .. ".")
    local skrevet = spor(S, "Skriv inn fødselsnummeret " .. forelder_valg[2] .. "en oppgir.")
    if not skrevet then return end
    if siffer(skrevet) == forelder_fnr then
      score.award(ID, 1, { text = "Du skrev inn nummeret riktig; det står ved foreldreansvaret "
                                  .. "i journalen." })
    else
      score.deduct(ID, 1, { text = "Nummeret du skrev inn, stemmer ikke med det " .. forelder_valg[2]
                                   .. "en sa.", better = "Be innringeren gjenta nummeret." })
    end
  end
  local andre = spor(S, "Så, hva viste prøvene? Og hva var det andre hun snakket med legen om?",
                     F_ANDRE)
  if not andre then return end
  local sjekket = observe.count { kind = "open_record", patient = ungdom.id } > aapnet_for
  if sjekket then
    score.award(J, 1, { text = "Du åpnet journalen til " .. ungdom.name .. " og så "
                               .. "foreldreansvaret, legens merknad og reservasjonen." })
  end
  if andre == "alt" then
    score.critical(T, { rule = REGEL_21 .. "; " .. REGEL_UNDER_16,
      text = string.format("Du fortalte om samtalen om %s, som %s har reservert seg mot at "
                           .. "foreldrene får vite om.", tema.kort, ung_fornavn),
      better = "Les reservasjonene i journalen før du svarer. Gi prøvesvarene, og si at resten "
               .. "må hun fortelle selv." })
    return legg_paa(S, "Hva? Det visste jeg ikke ...")
  elseif andre == "bare_prover" then
    score.award(MIN, sjekket and 2 or 1, {
      text = sjekket and "Du ga prøvesvarene, som legen hadde merket at kan gis, og holdt "
                         .. "tilbake det hun har reservert seg mot."
             or "Du ga prøvesvarene og holdt tilbake resten, men uten å ha sjekket journalen "
                .. "først.",
      better = not sjekket and "Åpne barnets journal før du svarer: foreldreansvar, legens "
                               .. "merknad og reservasjoner." or nil })
  elseif andre == "ingenting" then
    score.deduct(MIN, 1, { rule = REGEL_UNDER_16,
      text = "Du holdt tilbake prøvesvarene, som legen hadde merket at kunne gis til foreldrene.",
      better = "Gi det legen har merket at kan gis; hold bare tilbake det hun har reservert seg "
               .. "mot." })
  elseif andre == "legen_ringer" then
    score.deduct(MIN, 1, { text = "Å love at legen ringer om «begge deler» gir inntrykk av at "
                                  .. "forelderen får vite om det jenta har reservert seg mot.",
                           better = "Gi prøvesvarene selv, og si at resten må hun fortelle "
                                    .. "selv." })
  end
  local tredje = spor(S, "Jeg er " .. forelder_valg[2] .. "en hennes! Jeg har rett til å vite "
                         .. "hva hun har snakket med legen om.", F_TREDJE)
  if tredje == "gi_etter" then
    score.critical(T, { rule = REGEL_21 .. "; " .. REGEL_UNDER_16,
      text = "Du ga etter for press og fortalte om det " .. ung_fornavn .. " har reservert seg "
             .. "mot.",
      better = "Hold vennlig fast: barn mellom 12 og 16 kan begrense hva foreldrene får vite." })
    return legg_paa(S, "Jaså ... takk.")
  elseif tredje == "holde_fast" then
    score.award(T, 2, { text = "Du holdt fast på det " .. ung_fornavn .. " har reservert seg "
                               .. "mot, også under press." })
    score.award(M, 1, { text = "Du møtte bekymringen vennlig og ga en vei videre." })
    legg_paa(S, "Nei vel. Da får jeg snakke med henne. Ha det.")
  end
  ryddig(S)
end

clock.at("08:24:00", function()
  del_ferdig(samtale_forelder())
end)

---------------------------------------------------------------- legen, skiftestua og skjermen

local lege_visit = {}
local skift = {}
local b12_melding

local L_FORSTE = random.shuffle {
  { "nei_forklar", "Det har jeg dessverre ikke opplæring i ennå, så det kan jeg ikke gjøre. "
                   .. "Men jeg kan gjøre klar skiftestua, hente og identifisere pasienten, og si "
                   .. "fra når alt er klart." },
  { "ja", "Ja, det kan jeg gjøre." },
  { "vis_meg", "Hvis du viser meg fort, så kan jeg prøve." },
  { "nei_kort", "Nei, det gjør jeg ikke." },
}
local L_ANDRE = random.shuffle {
  { "holde_fast", "Jeg vil gjerne lære det, men ordentlig, med veilederen min. Jeg gjør klar "
                  .. "alt, så tar det deg bare et minutt." },
  { "gi_etter", "Ok, da prøver jeg." },
}

local function lege_kommer()
  local b = kom(lege1, { ingen_poeng = true, purre_etter = 3 * 60,
                         purring = "Du, jeg har litt dårlig tid. Har du et øyeblikk?",
                         gaar = "Jeg tar det selv, da." })
  lege_visit.b = b
  if not b.v:wait_served() then return end
  local forste = b.v:ask(string.format(
    "Hei! Jeg ligger etter. Kan du sette B12-injeksjonen på %s? %s sitter på venterommet. "
      .. "Sprøyta og ampullen ligger klare på skiftestua.", b12.name,
    (b12_valg[3]:gsub("^%l", string.upper))), L_FORSTE)
  if forste == "ja" then
    lege_visit.sa_ja = true
    score.deduct(D, 2, { rule = REGEL_5,
      text = "Du sa ja til å sette en injeksjon du ikke har opplæring i.",
      better = "Si vennlig nei, forklar hvorfor, og tilby det du kan: gjøre klar og hente "
               .. "pasienten." })
    si(b, "Fint, takk! Da sparer jeg litt tid.")
  elseif forste == "vis_meg" or forste == "nei_kort" then
    score.award(D, 1, {
      text = forste == "nei_kort" and "Du sa nei, men uten å forklare eller tilby hjelp."
             or "Du ville ikke sette den uten at legen viste deg, men en rask demonstrasjon er "
                .. "ikke opplæring.",
      better = "Si nei, forklar at du ikke har opplæring, og tilby å gjøre klar." })
  elseif forste == "nei_forklar" then
    score.award(D, 2, { text = "Du sa vennlig nei, forklarte at du ikke har opplæring, og tilbød "
                               .. "det du kan gjøre." })
  end
  if forste and forste ~= "ja" then
    local andre = b.v:ask("Det er bare en sprøyte i overarmen. Jeg kan vise deg på to minutter – "
                          .. "jeg rekker ikke å gjøre alt selv i dag.", L_ANDRE)
    if andre == "holde_fast" then
      score.award(D, 1, { text = "Du holdt fast på nei, også da legen presset på." })
      si(b, "Ja, du har rett. Gjør klar, så kommer jeg.")
    elseif andre == "gi_etter" then
      lege_visit.sa_ja = true
      score.deduct(D, 1, { rule = REGEL_5, text = "Du ga etter for press fra legen.",
                           better = "Hold fast: en rask demonstrasjon er ikke opplæring." })
      si(b, "Fint, takk.")
    end
  end
  if politi.S and not politi.satt_over then
    local innhold = "Politiet ringte og spurte om " .. politisak.name .. " var her i går og "
                    .. "hvorfor." .. (politi.bekreftet and " Jeg sa dessverre at han var her."
                                      or " Jeg bekreftet ingenting.")
                    .. (politi.nummer and " Her er navnet og nummeret til betjenten." or "")
                    .. " Det er du som vurderer om vi skal svare."
    local tredje = b.v:ask("Var det noe annet jeg må vite om?", random.shuffle {
      { "beskjed", innhold },
      { "ordnet", "Politiet ringte om " .. politisak.name .. ", men det har jeg ordnet. Du "
                  .. "trenger ikke gjøre noe." },
      { "ingenting", "Nei, det har vært en rolig morgen." },
    })
    if tredje == "beskjed" then
      score.award(SL, 2, { text = "Du ga legen beskjeden fra politiet: hvem, hva det gjaldt og "
                                  .. "hva du svarte" .. (politi.nummer and ", med navn og nummer."
                                                         or ".") })
      si(b, "Takk. Jeg ringer dem tilbake via sentralbordet, så jeg vet at det er politiet.")
    elseif tredje == "ordnet" then
      score.award(SL, 1, { rule = REGEL_23,
        text = "Du fortalte om henvendelsen, men sa at den var ordnet. Det er legen som vurderer.",
        better = "Gi legen hele beskjeden med navn og nummer." })
    elseif tredje == "ingenting" then
      score.deduct(SL, 2, { text = "Legen fikk ikke vite at politiet hadde ringt.",
                            better = "Gi legen beskjed om henvendelser fra politiet, med navn og "
                                     .. "nummer." })
    end
  end
  si(b, lege_visit.sa_ja and "Si fra når du er ferdig."
        or "Si fra når " .. b12.name .. " er klar på skiftestua.")
  b.ferdig = true
  b.v:leave()
  return true
end

-- Skiftestua: første trinn betyr at du går fra pulten.
local function vurder_skift()
  if skift.vurdert or not skift.oppgave then return end
  skift.vurdert = true
  local forst = {}
  for i, a in ipairs(skift.oppgave:actions()) do
    if a.kind == "lab_step" and not forst[a.step] then forst[a.step] = i end
  end
  local kontakt = math.min(forst.hent_pasient or 999, forst.identifiser or 999)
  if forst.hand_hygiene and forst.hand_hygiene < kontakt then
    score.award(K, 1, { text = "Du tok håndhygiene før du hentet pasienten." })
  else
    score.deduct(K, 1, { text = "Du tok ikke håndhygiene før pasientkontakten.",
                         better = "Håndhygiene før pasientkontakt (WHOs fem situasjoner)." })
  end
  if forst.identifiser then
    score.award(K, 1, { text = "Du ba " .. b12.name .. " si fullt navn og fødselsnummer." })
  else
    score.deduct(K, 1, { text = "Du kontrollerte ikke identiteten til pasienten.",
                         better = "Be pasienten si fullt navn og fødselsnummer selv." })
  end
  if forst.legg_fram then
    score.award(K, 1, { text = "Du la fram utstyret, så legen kunne begynne med en gang." })
  else
    score.deduct(K, 1, { text = "Utstyret var ikke lagt fram.",
                         better = "Legg fram utstyret før du gir legen beskjed." })
  end
end

local tror_b
local W = { ring_for = 45, ringer_igjen = 90 }

local P5_SPM = random.shuffle {
  { "sjekket", string.format("Jeg ser i journalen at det ikke er registrert frikort på deg i år "
                             .. "ennå. Taket er %d kr i %d; når du har betalt så mye, betaler du "
                             .. "ikke mer resten av året. I dag blir det %s.",
                             SATSER.frikortgrense, SATSER.aar, kr(SATSER.konsultasjon_dag)) },
  { "tror_ja", "Ja, det har du sikkert, med så mye fysioterapi. Da blir det ingenting i dag." },
  { "vet_ikke", "Det vet jeg ikke. Det må du spørre Helfo om." },
}

local function tror_frikort_kommer()
  tror_b = kom(tror_frikort, {
    forventet = SATSER.konsultasjon_dag, journalsjekk = true,
    grunn = "ingen frikort registrert, konsultasjon på dagtid",
    takk = "Ja ja. Takk, da setter jeg meg." })
  local b = tror_b
  clock.wait(15)
  if skift.skjerm and not skift.skjerm.locked and borte then
    local naa = observe.screen()
    if not naa.locked and naa.record then
      local navn = cast.get(naa.record).name
      si(b, string.format("(For seg selv:) Oi ... står ikke journalen til %s åpen der på "
                          .. "skjermen?", navn))
      skift.kritisk = true
      score.critical(T, { rule = REGEL_21 .. "; " .. REGEL_21A,
        text = string.format("Du gikk til skiftestua med journalen til %s åpen på en ulåst "
                             .. "skjerm, og %s, som kom til skranken mens du var borte, kunne "
                             .. "lese den.", navn, tror_frikort.name),
        better = "Lukk journalen og lås skjermen hver gang du går fra pulten." })
    end
  end
  local ok = b.v:wait_served()
  if ok then
    si(b, string.format("Hei, jeg har time hos %s klokka 09.20. Jeg har vært så mye hos "
                        .. "fysioterapeuten i høst, så jeg har vel frikort nå?", lege2.name))
    local svar = b.v:ask("Så det blir vel ingenting å betale?", P5_SPM)
    if svar == "sjekket" then
      if observe.count { kind = "open_record", patient = tror_frikort.id } > 0 then
        score.award(M, 1, { text = "Du sjekket journalen og forklarte vennlig hvorfor det ikke "
                                   .. "er frikort ennå, og når det gjelder." })
      else
        score.deduct(M, 1, { text = "Du sa at du så det i journalen, men du hadde ikke åpnet "
                                    .. "den.",
                             better = "Åpne journalen før du svarer på spørsmål om frikort." })
      end
      si(b, "Å ja. Da er jeg ikke der ennå.")
    elseif svar == "tror_ja" then
      score.deduct(M, 1, { text = "Du sa at pasienten sikkert hadde frikort, uten å sjekke.",
                           better = "Sjekk journalen og svar ut fra den." })
    elseif svar == "vet_ikke" then
      score.deduct(M, 1, { text = "Du sendte spørsmålet videre til Helfo, selv om svaret sto i "
                                  .. "journalen.",
                           better = "Sjekk frikort i journalen, og forklar taket." })
    end
    ok = innsjekking(b)
    if ok then gjort_ferdig(b, "innsjekkingen") end
  end
  del_ferdig(ok)
end

local W_FORSTE = random.shuffle {
  { "fnr", "Så kjedelig at du er syk. Kan du gi meg hele fødselsnummeret ditt?" },
  { "si_tiden", "Ja, du har time kl. 13.20 i dag. Den tar jeg bort." },
}

local function samtale_avbestilling()
  local S = ring(avbestiller, W)
  if not S then return false end
  local forste = spor(S, string.format("Hei, det er %s. %sJeg har time hos dere i dag, men jeg "
                                        .. "har fått feber og må avbestille.", S.navn,
                                        S.forsok == 2 and "Jeg prøvde å ringe for litt siden. "
                                        or ""), W_FORSTE)
  if not forste then return end
  if forste == "fnr" then
    score.award(ID, 1, { text = "Du ba " .. S.navn .. " om hele fødselsnummeret." })
    S.call:say("Ja, det er " .. mellomrom(avbestiller.fnr) .. ".")
    local skrevet = spor(S, "Skriv inn fødselsnummeret " .. w_valg[3] .. " oppgir.")
    if not skrevet then return end
    if siffer(skrevet) == avbestiller.fnr then
      score.award(ID, 1, { text = "Du skrev inn fødselsnummeret riktig." })
    else
      score.deduct(ID, 1, { text = "Fødselsnummeret du skrev inn, stemmer ikke.",
                            better = "Be innringeren gjenta nummeret." })
    end
  else
    score.deduct(ID, 2, { rule = "Identitet på telefon (rutine): si ingenting fra timeboka før "
                                 .. "du vet hvem du snakker med.",
      text = "Du sa tid for timen før du visste hvem du snakket med.",
      better = "Be om hele fødselsnummeret først." })
  end
  local a = vent_paa(S, { kind = "cancel" })
  if not a then
    score.deduct(TB, 2, { text = "Timen til " .. S.navn .. " ble ikke avbestilt.",
                          better = "Avbestill timen mens innringeren er i telefonen." })
    if i_samtale(S) then legg_paa(S, "Hallo? ... Jeg prøver igjen senere.") end
    return
  end
  if a.doctor == lege2.id and a.time == "13:20" then
    score.award(TB, 2, { text = "Du avbestilte riktig time: " .. S.navn .. " kl. 13.20 i dag." })
  else
    score.critical(TB, { rule = REGEL_FEIL_PASIENT,
      text = string.format("Du avbestilte en annen pasients time (%s hos %s).", naar(a.time),
                           cast.get(a.doctor).name),
      better = "Finn timen med fødselsnummeret og sjekk navnet før du avbestiller." })
    return legg_paa(S, "Ok, takk.")
  end
  legg_paa(S, "Takk. Jeg ringer når jeg er frisk igjen.")
  ryddig(S)
  score.award(P, 1, { text = S.ringte_ut_borte and "Du svarte da " .. S.navn .. " ringte igjen "
                                                   .. "etter at du var tilbake fra skiftestua, "
                                                   .. "og gjorde ferdig avbestillingen."
                             or "Avbestillingen ble gjort ferdig." })
end

local skift_ferdig = false
local function skift_avsluttet()
  if skift_ferdig then return end
  skift_ferdig = true
  vurder_skift()
  if skift.oppgave then skift.oppgave:close() end
  -- Legen setter injeksjonen og sender en melding om ny time.
  senere(6 * 60, function()
    b12_melding = inbox.message { id = "ny-b12", from = lege1,
      text = string.format((skift.utfort and "Takk for hjelpen med injeksjonen! "
                            or "Takk for hjelpen! Injeksjonen er satt. ")
                           .. "Kan du sette opp %s (født %s) "
                           .. "til neste B12-injeksjon om fire uker, mandag kl. 08.20, hos meg? "
                           .. "Hilsen %s", b12.name, fodt(b12.fnr), lege1_fornavn) }
    if b12_melding:wait_read { timeout = 5 * 60 } then
      score.award(SL, 1, { text = "Du leste meldingen om den nye B12-timen innen fem minutter." })
    end
  end)
  del_ferdig()
end

observe.on("book", function(a)
  if a.patient ~= b12.id or skift.b12_bestilt then return end
  skift.b12_bestilt = true
  if a.doctor == lege1.id and a.time == "+20/08:20" then
    score.award(TB, 2, { text = "Du satte opp " .. b12.name .. " til neste injeksjon "
                                .. naar("+20/08:20") .. ", slik legen ba om." })
  else
    score.deduct(TB, 1, { text = string.format("Du satte opp %s %s hos %s, men legen ba om %s.",
                                               b12.name, naar(a.time), cast.get(a.doctor).name,
                                               naar("+20/08:20")),
                          better = "Les meldingen nøye og bestill akkurat den timen." })
  end
  del_ferdig()
end)

-- Pasienten som tror hen har frikort og innringeren som vil avbestille kommer
-- mens du er på skiftestua (eller senest 08:39).
local borte_hendelser = false
local function start_borte_hendelser()
  if borte_hendelser then return end
  borte_hendelser = true
  senere(25, tror_frikort_kommer)
  senere(40, function()
    W.borte_ved_ring = true
    del_ferdig(samtale_avbestilling())
  end)
end

local function gaar_fra_pulten()
  borte = true
  skift.skjerm = observe.screen()
  local s = skift.skjerm
  if s.locked then
    score.award(T, 2, { text = "Du låste skjermen før du gikk fra pulten til skiftestua." })
  elseif not s.record then
    score.deduct(T, 2, { rule = REGEL_21,
      text = "Du gikk fra pulten uten å låse skjermen. Hvem som helst i skranken kunne sett "
             .. "timeboka eller åpnet en journal.",
      better = "Lås skjermen hver gang du går fra pulten." })
  end
  start_borte_hendelser()
end

observe.on({ kind = "lab_step", task = "skiftestue" }, function(a)
  if not skift.gaatt then
    skift.gaatt = true
    gaar_fra_pulten()
  end
  if a.step == "utfor" and not skift.utfort then
    skift.utfort = true
    score.critical(D, { rule = REGEL_5,
      text = "Du satte B12-injeksjonen på " .. b12.name .. " selv om du ikke har opplæring i å "
             .. "sette injeksjoner. Veilederen hadde skrevet det i morges.",
      better = "Si vennlig nei, forklar at du ikke har opplæring, og tilby å gjøre klar, hente "
               .. "og identifisere pasienten – og gi legen beskjed." })
  elseif a.step == "si_fra" and not skift.sagt_fra then
    skift.sagt_fra = true
    if not skift.utfort then
      score.award(SL, 1, { text = "Du ga legen beskjed da pasienten og utstyret var klart." })
    end
  elseif a.step == "tilbake" then
    borte = false
    skift_avsluttet()
  end
end)

clock.at("08:25:30", function()
  local kom_ferdig = lege_kommer()
  if not kom_ferdig then
    -- Legen gikk: ingen skiftestue og ingen ny time å bestille. Pasienten og
    -- innringeren som ellers kommer mens du er borte, kommer 08:38:35.
    score.deduct(SL, 1, { text = "Legen ventet i skranken uten å bli tatt imot, og gikk.",
                          better = "Ta imot legen når han kommer bort; det kan være viktig." })
    skift_ferdig = true
    skift.b12_bestilt = true
    del_ferdig(false); del_ferdig(false)
    return
  end
  skift.oppgave = lab.task {
    id = "skiftestue", patient = b12, kind = "skiftestue",
    title = "Skiftestua: " .. b12.name .. " – B12-injeksjon (" .. lege1.name .. ")",
    steps = {
      { "ga_fra", "Gå fra pulten til skiftestua" },
      { "hand_hygiene", "Håndhygiene" },
      { "hent_pasient", "Hent pasienten på venterommet" },
      { "identifiser", "Be pasienten si fullt navn og fødselsnummer" },
      { "legg_fram", "Legg fram sprøyte, ampulle, tupfer og plaster" },
      { "utfor", "Sett B12-injeksjonen i overarmen" },
      { "si_fra", "Gi legen beskjed om at pasienten er klar" },
      { "tilbake", "Gå tilbake til pulten" },
    },
  }
end)

clock.at("08:38:35", start_borte_hendelser)

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
    if i_samtale(S) then
      score.deduct(TLF, 1, { text = S.navn .. " var fortsatt i telefonen da morgenen var over.",
                             better = "Ta samtaler tilbake fra vent og avslutt dem." })
    end
  end
  if akutt.apen and not akutt.vurdert then
    score.critical(A, { rule = AKUTT_REGEL,
      text = "Morgenen var over før kona med tegn på hjerneslag fikk hjelp.",
      better = AKUTT_BEDRE })
  end
  if skift.oppgave and not skift_ferdig then
    vurder_skift()
    if borte then
      score.deduct(P, 1, { text = "Du kom aldri tilbake til pulten fra skiftestua.",
                           better = "Gå tilbake til skranken så snart legen har fått beskjed." })
    end
  end
  if b12_melding and not skift.b12_bestilt then
    score.deduct(TB, 1, { text = b12.name .. " ble ikke satt opp til neste injeksjon.",
                          better = "Les meldingene fra legen og bestill timen." })
  end
end)
