-- En vanlig morgen i skranken
--
-- Trener: å holde oversikten gjennom en hel morgen der oppgavene kommer oppå
-- hverandre, men med litt luft imellom: innsjekking og egenandel, en
-- timebestilling på telefon, en pårørende uten samtykke som vil ha prøvesvar,
-- en beskjed fra legen om en time som skal settes opp, og en CRP på
-- laboratoriet. Morgenen varer 45 minutter (08.00–08.45).
--
-- Riktig vei (frø 1, se tests/playthroughs/full-morgen-1/riktig.inputs):
--  * 08:01 Den voksne pasienten: ta imot, registrer oppmøte, ta 170 kr.
--  * 08:04 Telefonen: en pasient vil ha en vanlig time. Svar innen 30 sekunder,
--    be om hele fødselsnummeret og skriv det inn, åpne journalen (der står
--    hvem som er fastlegen), finn en ledig time hos fastlegen innen fem
--    virkedager (i dag og i morgen er fullt), og bekreft tid og sted.
--  * 08:05:30 Et barn med en forelder kommer mens du snakker i telefonen. Gjør
--    ferdig samtalen, ta så imot dem: registrer oppmøte, 0 kr (under 16 år).
--  * 08:12 Telefonen: sønnen til en eldre pasient vil ha farens prøvesvar. Ikke
--    bekreft at faren er pasient, be om hele fødselsnummeret, sjekk samtykket i
--    farens journal (bare kona har samtykke), avslå vennlig med en vei videre,
--    og hold fast når han presser på.
--  * 08:13:30 Midt i samtalen kommer en melding fra legen: sett opp en navngitt
--    pasient på en bestemt time i morgen. Les den innen fem minutter og bestill
--    akkurat den timen.
--  * 08:24 CRP: legen har sendt en pasient ut fra konsultasjonen. Be pasienten
--    si fullt navn og fødselsnummer (åpent spørsmål) og skriv nummeret inn,
--    håndhygiene, stikk i siden av fingertuppen, klem lett, fyll kapillæren,
--    plaster, håndhygiene.
--  * Ett minutt etter at kapillæren er satt i instrumentet kommer en eldre
--    pasient til skranken. Ta henne/ham imot mens instrumentet jobber: åpne
--    journalen (frikort er registrert), registrer oppmøte, 0 kr.
--  * CRP-svaret kommer 3,5 minutter etter at kapillæren ble satt i: ta
--    CRP-pasienten inn igjen (serve), si verdien og referanseområdet og at legen
--    får svaret, og avslutt oppgaven. Da er morgenen ferdig.
--
-- Regler det scores etter, med kilde:
--  * Egenandel (DOMAIN.md §4): ingen egenandel for barn under 16 år; med frikort
--    (taket 3165 kr i 2024) betaler pasienten ingenting; konsultasjon på dagtid
--    170 kr (eksempelsats fra ett kontor, 2023–24). Ingen paragraf.
--  * Svar telefonen innen to minutter (DOMAIN.md §4 [sikker], 80 %-kravet);
--    her gir svar innen 30 sekunder full uttelling. Ingen paragraf.
--  * Vanlig time innen fem virkedager (DOMAIN.md §4 [sikker]). Ingen paragraf.
--  * Identitet på telefon: hele fødselsnummeret, aldri lest opp (DOMAIN.md §2
--    [praksis]; seed 001: «må du få personnummer og vite at personen kan få
--    informasjon»). Ingen paragraf.
--  * hpl § 21 taushetsplikt (også at noen er pasient) og pbrl § 3-3 (pårørende
--    til pasient over 16 år får opplysninger bare med samtykke), DOMAIN.md §2:
--    å gi prøvesvarene til sønnen er kritisk feil.
--  * hpl § 21 a (DOMAIN.md §2 [sikker]): å åpne journaler uten tjenstlig behov
--    gir trekk.
--  * Hurtigtester og kapillærprøve (DOMAIN.md §5): CRP normalt < 5 mg/L; siden
--    av fingertuppen på ring- eller langfinger, aldri tommel; bare lett
--    klemming; håndhygiene før og etter pasientkontakt. Prosedyre, ingen
--    paragraf.
--  * Identitet ved prøvetaking (DOMAIN.md §2 [sikker]): pasienten sier fullt
--    navn og fødselsnummer på et åpent spørsmål. Stikk uten identifisering er
--    kritisk feil (sikker pasientidentifikasjon, rutine – ingen paragraf).
--  * Prioritering og avbrytelser (katalogen; seed 001 «flere ting på en gang»)
--    [praksis]: ingen venter for lenge, og den som ble avbrutt blir tatt inn
--    igjen og gjort ferdig. Ingen paragraf.
--
-- Poeng (maks 44): egenandel 9 (per pasient: registrert 1 + riktig beløp 2);
-- prioritering 4 (voksen, barn, frikortpasient og CRP-pasienten tatt inn igjen
-- og gjort ferdig uten å vente for lenge); telefon 4; identitet-telefon 4;
-- journaltilgang 3 (fastlegen, samtykket, frikortet sjekket i journalen);
-- timebok 5; samhandling-lege 2; taushetsplikt 4; pårørende 2;
-- pasientidentifikasjon 2; håndhygiene 1; kapillærprøve 2; hurtigtester 2.
-- Scenarioet spiller i november 2026, med egenandelssatsene for 2024 (de
-- siste DOMAIN.md har). Alle personer er oppdiktet; fødselsnumrene er
-- syntetiske (måned + 80).

scenario {
  id = "full-morgen-1",
  title = "En vanlig morgen i skranken",
  version = "1.1",
  language = "nb",
  summary = "Tre kvarter med innsjekking, en timebestilling på telefon, en pårørende som vil "
            .. "ha prøvesvar, en beskjed fra legen og en CRP – oppå hverandre, men med litt luft.",
  start = "08:00",
  duration = 45,
  difficulty = 3,
  modes = { "practice", "exam" },
  goals = {
    ["hse3007.egenandel"] = 9,
    ["hse3007.prioritering"] = 4,
    ["hse3007.telefon"] = 4,
    ["hse3006.identitet-telefon"] = 4,
    ["hse3007.journaltilgang"] = 3,
    ["hse3007.timebok"] = 5,
    ["hse3006.samhandling-lege"] = 2,
    ["hse3006.taushetsplikt"] = 4,
    ["hse3006.parorende"] = 2,
    ["hse3005.pasientidentifikasjon"] = 2,
    ["hse3005.handhygiene"] = 1,
    ["hse3005.kapillaerprove"] = 2,
    ["hse3005.hurtigtester"] = 2,
  },
}

local E = "hse3007.egenandel"
local P = "hse3007.prioritering"
local TLF = "hse3007.telefon"
local ID = "hse3006.identitet-telefon"
local J = "hse3007.journaltilgang"
local TB = "hse3007.timebok"
local SL = "hse3006.samhandling-lege"
local T = "hse3006.taushetsplikt"
local PR = "hse3006.parorende"
local PI = "hse3005.pasientidentifikasjon"
local HH = "hse3005.handhygiene"
local KP = "hse3005.kapillaerprove"
local HT = "hse3005.hurtigtester"

-- Satser (DOMAIN.md §4): eksempel fra ett legekontor 2023–24, frikortgrensen for 2024.
local SATSER = { aar = 2024, konsultasjon_dag = 170, konsultasjon_kveld = 288, lab = 61,
                 enkel_kontakt = 72, frikortgrense = 3165 }

local FEMDAGER = 5
local PURRE_ETTER = 5 * 60   -- så lenge venter en pasient i køen før hen sier fra
local GIR_OPP_ETTER = 4 * 60 -- og så lenge til før hen går
local KONTOR = "Brygga legesenter i Sjøgata 9"

local REGEL_PARORENDE = "hpl § 21 taushetsplikt; pbrl § 3-3 (pårørende til en pasient over "
                        .. "16 år får opplysninger bare med samtykke)"
local REGEL_ID_PROVE = "Sikker pasientidentifikasjon (rutine): pasienten sier selv fullt navn "
                       .. "og hele fødselsnummeret før prøven tas"

---------------------------------------------------------------- små hjelpere

local function klokke(hhmm) return (hhmm:gsub(":", ".")) end
local function siffer(tekst) return (tekst:gsub("%D", "")) end
local function mellomrom(n) return n:sub(1, 6) .. " " .. n:sub(7) end
local function kr(n) return string.format("%d kr", n) end
local function fodt(nummer)
  local i = fnr.info(nummer)
  return string.format("%02d.%02d.%d", i.day, i.month, i.year)
end
local function sek(hms)        -- "08:03:10" -> sekunder etter midnatt
  local h, m, s = hms:match("^(%d+):(%d+):(%d+)")
  return tonumber(h) * 3600 + tonumber(m) * 60 + tonumber(s)
end
local function minutter(s)
  local m = math.floor(s / 60 + 0.5)
  return m == 1 and "ett minutt" or string.format("%d minutter", m)
end

-- I dag er mandag. Dag N = N virkedager fram.
local DAGNAVN = { [0] = "i dag", [1] = "i morgen, tirsdag", [2] = "onsdag", [3] = "torsdag",
                  [4] = "fredag", [5] = "mandag neste uke", [6] = "tirsdag neste uke" }
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
-- Navn og detaljer trekkes fra frøet; id-ene er faste.

local lege1 = cast.doctor { id = "lege1",
  name = random.pick { "Kari Nygaard", "Ingrid Hovland", "Liv Brekke", "Turid Sand" } }
local lege2 = cast.doctor { id = "lege2",
  name = random.pick { "Jon Eriksen", "Erik Myhre", "Hans Lindqvist", "Ola Bakken" } }
local lege1_fornavn = lege1.name:match("^(%S+)")

local voksen_valg = random.pick { { "Mari Solheim", "K" }, { "Anders Vik", "M" },
                                  { "Sara Holm", "K" }, { "Martin Dahl", "M" } }
local voksen = cast.patient {
  id = "voksen", name = voksen_valg[1],
  fnr = fnr.synthetic { year = { 1978, 1996 }, sex = voksen_valg[2] },
  phone = "922 47 310", address = "Storgata 51, 9008 Tromsø",
  notes = { string.format("Ingen frikort registrert for %d.", SATSER.aar) },
}

local ringer_valg = random.pick {
  { "Terje Nilsen", "M", "han" }, { "Bente Aas", "K", "hun" },
  { "Geir Haugland", "M", "han" }, { "Tone Lyngstad", "K", "hun" },
}
local ringer = cast.patient {
  id = "timebestiller", name = ringer_valg[1],
  fnr = fnr.synthetic { year = { 1960, 1980 }, sex = ringer_valg[2] },
  phone = "913 42 118", address = "Fjordgata 9, 9008 Tromsø",
  notes = { "Fastlege: " .. lege2.name .. ".", "Høyt blodtrykk, kontroll hver sjette måned." },
}

local barn_valg = random.pick { { "Emil", "M" }, { "Nora", "K" }, { "Oskar", "M" },
                                { "Ella", "K" } }
local barn_etternavn = random.pick { "Haugen", "Berntsen", "Rønning", "Moe" }
local forelder_valg = random.pick { { "Hilde", "mor" }, { "Thomas", "far" },
                                    { "Camilla", "mor" }, { "Kristian", "far" } }
local forelder = cast.person {
  id = "forelder", name = forelder_valg[1] .. " " .. barn_etternavn, kind = "relative",
  role = forelder_valg[2], phone = "900 31 472",
}
local barn_fnr = fnr.synthetic { year = { 2015, 2018 }, sex = barn_valg[2] }
local barn = cast.patient {
  id = "barn", name = barn_valg[1] .. " " .. barn_etternavn, fnr = barn_fnr,
  address = "Skoleveien 7, 9011 Tromsø", nearest_relative = "forelder", consent = { "forelder" },
  notes = { (forelder_valg[2] == "mor" and "Mor: " or "Far: ") .. forelder.name
            .. ", tlf. 900 31 472." },
}

-- Faren og sønnen som ringer.
local far_etternavn = random.pick { "Lund", "Strand", "Aune", "Lie" }
local far_fornavn = random.pick { "Odd", "Kjell", "Arne", "Rolf" }
local kone = cast.person { id = "kone", name = random.pick { "Gerd", "Randi", "Solveig" }
                                               .. " " .. far_etternavn,
                           kind = "relative", role = "kone", phone = "900 11 223" }
local sonn = cast.person { id = "sonn",
  name = random.pick { "Stian", "Espen", "Rune", "Trond" } .. " " .. far_etternavn,
  kind = "relative", role = "sønn", phone = "482 63 019" }
local sonn_fnr = fnr.synthetic { year = { 1972, 1982 }, sex = "M" }
local far = cast.patient {
  id = "far", name = far_fornavn .. " " .. far_etternavn,
  fnr = fnr.synthetic { year = { 1944, 1950 }, sex = "M" },
  phone = "755 20 418", address = "Lyngveien 6, 9020 Tromsdalen",
  nearest_relative = "kone", consent = { "kone" },
  results = {
    { test = "Kolesterol", value = "6.8", unit = "mmol/L", date = "2026-11-13",
      reference = "< 5.0" },
    { test = "HbA1c", value = "51", unit = "mmol/mol", date = "2026-11-13", reference = "< 48" },
  },
  notes = { "Samtykke til å gi opplysninger: bare kona, " .. kone.name .. ".",
            "Blodprøver 13.11. Svar gis pasienten selv; legen ringer ham om HbA1c." },
}

-- Pasienten legen vil ha satt opp i morgen.
local kontroll_valg = random.pick { { "Hanne Lie", "K" }, { "Per Olav Rist", "M" },
                                    { "Gunn Vollan", "K" }, { "Arvid Sletten", "M" } }
local kontroll = cast.patient {
  id = "kontroll", name = kontroll_valg[1],
  fnr = fnr.synthetic { year = { 1955, 1970 }, sex = kontroll_valg[2] },
  phone = "934 66 120", address = "Parkgata 3, 9008 Tromsø",
  notes = { "Høyt blodtrykk. Ny medisin startet i forrige uke." },
}

-- CRP-pasienten (sendt ut fra konsultasjonen hos lege 1).
local crp_valg = random.pick { { "Jonas Berntsen", "M", "han" }, { "Line Haug", "K", "hun" },
                               { "Stian Moe", "M", "han" }, { "Eva Sandvik", "K", "hun" } }
local crp_p = cast.patient {
  id = "crp", name = crp_valg[1],
  fnr = fnr.synthetic { year = { 1975, 1995 }, sex = crp_valg[2] },
  phone = "932 11 470", address = "Torget 2, 9008 Tromsø",
  notes = { "I dag 08.20 hos " .. lege1.name .. ": hoste og feber i ti dager. CRP tas nå." },
}
local CRP_VERDIER = { 64, 38, 112, 0 }   -- 0 betyr «under 5»
local crp_verdi = random.pick(CRP_VERDIER)
local crp_hoy = crp_verdi >= 5
local crp_vist = crp_hoy and (tostring(crp_verdi) .. " mg/L") or "< 5 mg/L"

-- Den eldre pasienten med frikort.
local frikort_valg = random.pick { { "Kjell Aasen", "M" }, { "Ragnhild Strand", "K" },
                                   { "Torbjørn Lunde", "M" }, { "Solveig Bakke", "K" } }
local frikort = cast.patient {
  id = "frikort", name = frikort_valg[1],
  fnr = fnr.synthetic { year = { 1942, 1952 }, sex = frikort_valg[2] },
  phone = "911 20 584", address = "Fjellveien 22, 9012 Tromsø",
  notes = { string.format("Frikort for egenandeler registrert %s%d (taket på %d kr er nådd).",
                          random.pick { "03.09.", "18.10.", "27.08." }, SATSER.aar,
                          SATSER.frikortgrense),
            "Diabeteskontroll hver tredje måned." },
}

---------------------------------------------------------------- timeboka

local TIDER = {}
for m = 8 * 60, 10 * 60 + 40, 20 do TIDER[#TIDER + 1] = string.format("%02d:%02d", m // 60, m % 60) end
for m = 12 * 60, 14 * 60 + 40, 20 do TIDER[#TIDER + 1] = string.format("%02d:%02d", m // 60, m % 60) end
local FORMIDDAG, ETTERMIDDAG = {}, {}
for i, t in ipairs(TIDER) do
  if i <= 9 then FORMIDDAG[#FORMIDDAG + 1] = t else ETTERMIDDAG[#ETTERMIDDAG + 1] = t end
end

-- Timen legen vil ha: i morgen formiddag.
local kontroll_tid = random.pick { "09:20", "10:00", "10:40" }
local kontroll_slot = "+1/" .. kontroll_tid

-- Ledige timer (resten fylles). Fastlegen (lege 2) har én ledig time på dag 2 og
-- én på dag 4; lege 1 har én på dag 3 og legens time i morgen; dag 6 er åpen.
local ledig = { lege1 = {}, lege2 = {} }
local function fri(lid, dag, t)
  ledig[lid][dag] = ledig[lid][dag] or {}
  ledig[lid][dag][t] = true
end
fri("lege2", 2, random.pick(ETTERMIDDAG))
fri("lege2", 4, random.pick(FORMIDDAG))
fri("lege1", 3, random.pick(FORMIDDAG))
fri("lege1", 1, kontroll_tid)
fri("lege1", 1, kontroll_tid == "10:40" and "14:20" or "10:40")
for i, t in ipairs(TIDER) do
  if i % 2 == 0 then fri("lege1", 6, t); fri("lege2", 6, t) end
end

-- Faste timer i dag.
local FASTE = {
  ["lege1/0/08:20"] = { voksen, "Vondt i ryggen" },
  ["lege1/0/08:00"] = { crp_p, "Hoste og feber" },
  ["lege2/0/08:40"] = { barn, "Vondt i øret" },
  ["lege2/0/09:00"] = { frikort, "Diabeteskontroll" },
}

local FORNAVN = { "Astrid", "Bjørn", "Dag", "Eli", "Frode", "Gunn", "Harald", "Inger",
                  "Jostein", "Kjersti", "Leif", "Marit", "Nils", "Oddny", "Sverre", "Torill" }
local ETTERNAVN = { "Andersen", "Berg", "Dahl", "Eide", "Fossum", "Hagen", "Jensen",
                    "Karlsen", "Pettersen", "Sæther", "Vik", "Jakobsen" }
local KVINNE = { Astrid = true, Eli = true, Gunn = true, Inger = true, Kjersti = true,
                 Marit = true, Oddny = true, Torill = true }
local fyll = {}
for i = 1, 48 do
  local fn = FORNAVN[(i - 1) % #FORNAVN + 1]
  local en = ETTERNAVN[((i - 1) * 5) % #ETTERNAVN + 1]
  fyll[i] = cast.patient { id = "p" .. i, name = fn .. " " .. en,
    fnr = fnr.synthetic { year = { 1940, 2010 }, sex = KVINNE[fn] and "K" or "M" } }
end
local GRUNNER = { "Kontroll", "Blodtrykk", "Samtale", "Sårkontroll", "Resept", "Oppfølging",
                  "Attest", "Hoste", "Blodprøvesvar", "Vondt i kneet" }

local n_fyll = 0
for _, lege in ipairs { lege1, lege2 } do
  for dag = 0, 6 do
    timebok.slots { doctor = lege, day = dag, from = "08:00", to = "11:00", minutes = 20 }
    timebok.slots { doctor = lege, day = dag, from = "12:00", to = "15:00", minutes = 20 }
    for _, t in ipairs(TIDER) do
      local fast = FASTE[lege.id .. "/" .. dag .. "/" .. t]
      if fast then
        timebok.book { doctor = lege, time = ref(dag, t), patient = fast[1], note = fast[2] }
      elseif not (ledig[lege.id][dag] and ledig[lege.id][dag][t]) then
        n_fyll = n_fyll + 1
        timebok.book { doctor = lege, time = ref(dag, t), patient = fyll[(n_fyll - 1) % #fyll + 1],
                       note = GRUNNER[(n_fyll - 1) % #GRUNNER + 1] }
      end
    end
  end
end

local function forste_ledige(lege_id)
  for dag = 0, FEMDAGER do
    for _, t in ipairs(TIDER) do
      if timebok.patient_at(lege_id, ref(dag, t)) == false then return ref(dag, t) end
    end
  end
end

---------------------------------------------------------------- morgenens deler

-- Morgenen er ferdig når alle delene er ferdige (en del kan også ende uten at
-- oppgaven ble gjort, f.eks. når telefonen ringer ut).
-- En del som endte uten at arbeidet ble gjort (pasienten gikk, telefonen ringte
-- ut), gjør at morgenen går til tiden er ute.
local deler_igjen = 7
local noe_forsomt = false
local function del_ferdig(ok)
  deler_igjen = deler_igjen - 1
  if ok == false then noe_forsomt = true end
  if deler_igjen == 0 and not noe_forsomt then finish("Morgenens oppgaver er gjort.") end
end

---------------------------------------------------------------- journalen

local HAR_BEHOV = { voksen = true, timebestiller = true, barn = true, far = true,
                    kontroll = true, crp = true, frikort = true }
local snoket = {}
observe.on("open_record", function(a)
  if HAR_BEHOV[a.patient] or snoket[a.patient] then return end
  snoket[a.patient] = true
  score.deduct(J, 2, {
    rule = "hpl § 21 a (forbud mot å lese journal uten tjenstlig behov)",
    text = "Du åpnet journalen til " .. cast.get(a.patient).name .. ", som ikke hadde noe "
           .. "med morgenens oppgaver å gjøre. Oppslaget logges.",
    better = "Åpne bare journalen til den du holder på med." })
end)

---------------------------------------------------------------- skranken

-- Alle som står eller har stått i skranken, og som ikke er ferdige.
local besok = {}

-- Når du tar imot noen, går den som sto ved skranken tilbake i køen: da
-- begynner ventetiden hennes/hans på nytt.
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
  if b.v:state() ~= "done" then
    b.v:say(b.taler and (b.taler .. ": " .. tekst) or tekst)
  end
end

-- Passer på køen: den som venter for lenge, sier fra, og går til slutt.
local function vakt(b)
  while not b.ferdig and b.v:state() ~= "done" do
    if b.ventet_fra then
      local ventet = clock.elapsed() - b.ventet_fra
      local grense = b.purret and (PURRE_ETTER + GIR_OPP_ETTER) or PURRE_ETTER
      if ventet >= grense then
        if not b.purret then
          b.purret = true
          si(b, b.purring or "Unnskyld, er det noen som kan hjelpe meg?")
          score.deduct(P, 1, {
            text = string.format("%s ventet i %s uten å bli tatt imot%s.", b.person.name,
                                 minutter(PURRE_ETTER), b.avbrutt and " igjen" or ""),
            better = b.avbrutt and "Når du har avbrutt noen i skranken, gå tilbake til dem så "
                                   .. "snart det andre er gjort."
                     or "Se den som kommer, si at du kommer straks, og ta hen imot så snart du "
                        .. "kan." })
        else
          b.ferdig, b.gikk = true, true
          si(b, b.gaar or "Nei, nå går jeg.")
          b.v:leave()
          score.deduct(P, 1, {
            text = b.person.name .. " gikk fra skranken uten å bli ferdig.",
            better = "Hold oversikt over køen, også når telefonen og laben tar tid." })
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

-- Poeng for prioritering når en pasient er ferdig i skranken.
local function prioritering_ferdig(b, hva)
  if b.purret then return end
  if b.avbrutt then
    score.award(P, 1, { text = string.format("Du gikk tilbake til %s og gjorde ferdig %s.",
                                             b.person.name, hva) })
  else
    score.award(P, 1, { text = string.format("%s ble tatt imot uten lang ventetid, og %s ble "
                                             .. "gjort ferdig.", b.person.name, hva) })
  end
end

-- Innsjekking og egenandel for én pasient: vent til registrert og betalt (eller til
-- hen går), og gi poeng.
local function innsjekking(b)
  local v = b.v
  while not (v:checked_in() and v:charged() ~= nil) do
    if v:state() == "done" then break end
    observe.wait { timeout = 20 }
  end
  if b.gikk then return end
  b.ferdig = true
  local navn = b.person.name
  if v:checked_in() then
    score.award(E, 1, { text = navn .. " ble registrert." })
  end
  if b.journalsjekk then
    -- Journalen må være åpnet før første oppgjør (klokkeslettene fra handlingene).
    local aapnet = observe.list { kind = "open_record", patient = b.person.id }[1]
    local betalt = observe.list { kind = "charge", patient = b.person.id }[1]
    if aapnet and betalt and sek(aapnet.time) <= sek(betalt.time) then
      score.award(J, 1, { text = string.format("Du sjekket journalen til %s før du tok betalt.",
                                               navn) })
    elseif aapnet then
      score.deduct(J, 1, { text = string.format("Du så i journalen til %s først etter "
                                                .. "oppgjøret.", navn),
                           better = "Sjekk frikort i journalen før du tar betalt." })
    else
      score.deduct(J, 1, {
        text = string.format("Du tok betalt av %s uten å sjekke frikort i journalen.", navn),
        better = "Åpne journalen før du tar betalt når pasienten kan ha nådd egenandelstaket." })
    end
  end
  local tatt = v:charged()
  if tatt == b.forventet then
    score.award(E, 2, { text = string.format("Riktig egenandel: %s (%s).", kr(tatt), b.grunn) })
  elseif b.forventet == 0 then
    score.deduct(E, 1, {
      rule = b.regel,
      text = string.format("Du tok %s av %s, som ikke skal betale egenandel.", kr(tatt), navn),
      better = b.bedre })
  elseif tatt == 0 then
    score.deduct(E, 1, {
      text = string.format("Du tok ikke betalt av %s, som verken har fritak eller frikort.",
                           navn),
      better = string.format("Uten fritak eller frikort er egenandelen for konsultasjon på "
                             .. "dagtid %s.", kr(SATSER.konsultasjon_dag)) })
  else
    score.deduct(E, 1, {
      text = string.format("Du tok %s av %s; en konsultasjon på dagtid koster %s.", kr(tatt),
                           navn, kr(SATSER.konsultasjon_dag)),
      better = "Timen er på dagtid: taksten er konsultasjon på dagtid." })
  end
  prioritering_ferdig(b, "innsjekkingen")
  si(b, b.takk)
  v:leave()
end

local function skrankepasient(b)
  kom(b.person, b)
  if not b.v:wait_served() then return del_ferdig(false) end
  si(b, b.hilsen)
  innsjekking(b)
  del_ferdig(not b.gikk)
end

clock.at("08:01:00", function()
  skrankepasient {
    person = voksen, forventet = SATSER.konsultasjon_dag,
    grunn = "konsultasjon på dagtid, ingen frikort",
    hilsen = string.format("Hei, jeg har time hos %s klokka 08.20.", lege1.name),
    takk = "Takk, da setter jeg meg.",
  }
end)

clock.at("08:05:30", function()
  skrankepasient {
    person = barn, forventet = 0, grunn = "barn under 16 år betaler ikke egenandel",
    taler = forelder.name .. " (" .. forelder_valg[2] .. ")",
    hilsen = string.format("Hei! %s har time hos %s klokka 08.40. Hva blir det å betale?",
                           barn_valg[1], lege2.name),
    takk = "Takk! Da setter vi oss på venterommet.",
    purring = "Unnskyld, vi har time klokka 08.40. Skal vi bare sette oss?",
    regel = "Barn under 16 år betaler ikke egenandel.",
    bedre = "Se på fødselsdatoen: barn under 16 år registreres med 0 kr.",
  }
end)

---------------------------------------------------------------- telefonen

local function snakker(call) return call:state() == "talking" end
local function legg_paa(call, replikk)
  if replikk and snakker(call) then call:say(replikk) end
  call:hang_up()
end

-- Ringer, og gir poeng for hvor raskt telefonen ble besvart. nil hvis den ringte ut.
local function ring(person, navn, ring_for)
  local call = phone.call { from = person, ring_for = ring_for }
  if not call:wait_answer() then
    score.deduct(TLF, 2, {
      text = string.format("Telefonen ringte i %s uten svar (%s).", minutter(ring_for), navn),
      better = "Fastlegekontor skal besvare 80 % av anropene innen to minutter. Svar, og be "
               .. "den som står i skranken vente et øyeblikk." })
    return nil
  end
  local etter = call:answered_after()
  if etter <= 30 then
    score.award(TLF, 2, { text = "Du svarte raskt da " .. navn .. " ringte." })
  else
    score.award(TLF, 1, { text = string.format("Du svarte etter %d sekunder da %s ringte.",
                                               math.floor(etter), navn) })
  end
  return call
end

-- Svaralternativene stokkes ved innlasting, så rekkefølgen ikke røper noe.
local B_FORSTE = random.shuffle {
  { "fnr", "Det ordner vi. Kan du gi meg hele fødselsnummeret ditt, så finner jeg deg?" },
  { "fodselsdato", "Ja da. Hvilken dato er du født?" },
  { "ring_senere", "Vi er dessverre fulle denne uka. Kan du ringe igjen på mandag?" },
  { "legevakt", "Det bør du heller ta med legevakten. Ring 116 117." },
}
local B_ANDRE = random.shuffle {
  { "ser", "Et øyeblikk, så ser jeg i timeboka til legen din." },
  { "ring_i_morgen", "Det er fullt i dag og i morgen. Prøv å ringe i morgen tidlig, så kan "
                     .. "noen ha avbestilt." },
}

local b_aarsak = random.pick {
  "Jeg har hatt vondt i skulderen i et par uker. Det er ikke verre, men det går ikke over.",
  "Jeg har fått et utslett på armen som ikke vil gi seg. Det haster ikke, men jeg vil gjerne "
    .. "at legen ser på det.",
}

local function samtale_timebestilling()
  local call = ring(ringer, ringer.name, 2 * 60)
  if not call then return false end
  local pron = ringer_valg[3]
  local forste = call:ask(string.format("Hei, det er %s. %s Kan jeg få en time hos legen min?",
                                        ringer.name, b_aarsak), B_FORSTE)
  if not forste then return end
  if forste == "ring_senere" or forste == "legevakt" then
    score.deduct(TB, 2, {
      rule = "En vanlig (ikke-akutt) time skal normalt tilbys innen fem virkedager (krav til "
             .. "fastlegekontorene).",
      text = forste == "legevakt"
             and "Du sendte en pasient med en vanlig, ikke-akutt plage til legevakten."
             or "Du ba pasienten ringe igjen neste uke uten å lete i timeboka.",
      better = "Let i timeboka: fastlegen har ledige timer innen fem virkedager." })
    return legg_paa(call, "Å ... ja vel. Da får jeg prøve en annen gang.")
  elseif forste == "fodselsdato" then
    score.deduct(ID, 1, {
      rule = "Identitet på telefon (rutine): be om hele fødselsnummeret.",
      text = "Du spurte bare om fødselsdatoen. Flere kan være født samme dag.",
      better = "Be innringeren si hele fødselsnummeret, og finn journalen med det." })
    call:say("Den " .. fodt(ringer.fnr) .. ".")
  else
    score.award(ID, 1, { text = "Du ba om hele fødselsnummeret." })
    call:say("Ja, det er " .. mellomrom(ringer.fnr) .. ".")
    local skrevet = call:ask_text("Skriv inn fødselsnummeret " .. pron .. " oppgir.")
    if not skrevet then return end
    if siffer(skrevet) == ringer.fnr then
      score.award(ID, 1, { text = "Du skrev inn fødselsnummeret riktig." })
    else
      score.deduct(ID, 1, {
        text = "Fødselsnummeret du skrev inn, stemmer ikke med det " .. pron .. " sa.",
        better = "Be innringeren gjenta nummeret, og sammenlign siffer for siffer." })
    end
  end

  local andre = call:ask("Har dere noe ledig i løpet av uka? Det haster ikke.", B_ANDRE)
  if not andre then return end
  if andre == "ring_i_morgen" then
    score.deduct(TB, 2, {
      rule = "En vanlig time skal normalt tilbys innen fem virkedager.",
      text = "Du ba pasienten ringe igjen i morgen i stedet for å lete videre i timeboka.",
      better = "Bla fram i timeboka: fastlegen hadde ledige timer senere i uka." })
    return legg_paa(call, "Ja vel ... da får jeg vel ringe igjen.")
  end

  -- Venter på bestillingen; etter to minutter lurer innringeren på om du er der.
  local start = clock.elapsed()
  local timer
  local call_purret = false
  while true do
    timer = timebok.booked(ringer)
    if #timer > 0 or not snakker(call) then break end
    local gaatt = clock.elapsed() - start
    if gaatt >= 5 * 60 then break end
    if gaatt >= 2 * 60 and not call_purret then
      call_purret = true
      call:say("Hallo? Er du der fortsatt?")
    end
    observe.wait { timeout = math.max(1, (gaatt >= 2 * 60 and 5 * 60 or 2 * 60) - gaatt) }
  end
  if #timer == 0 then
    score.deduct(TB, 2, {
      text = ringer.name .. " fikk ingen time.",
      better = "Bestill timen mens innringeren er i telefonen (book LEGE TID PASIENT)." })
    return legg_paa(call, "Nei, nå har jeg ventet lenge nok. Jeg ringer en annen gang.")
  end

  if observe.count { kind = "open_record", patient = ringer.id } > 0 then
    score.award(J, 1, { text = "Du åpnet journalen til " .. ringer.name .. " og så hvem som er "
                               .. "fastlegen." })
  else
    score.deduct(J, 1, {
      text = "Du bestilte time til " .. ringer.name .. " uten å sjekke journalen.",
      better = "Finn journalen med fødselsnummeret: da vet du at du har riktig person, og du "
               .. "ser hvem som er fastlegen." })
  end
  local t = timer[1]
  local dag = del_tid(t.time)
  if #timer > 1 then
    score.deduct(TB, 1, { text = string.format("%s står med %d timer i timeboka.", ringer.name,
                                               #timer),
                          better = "Én time per henvendelse; flytt en time som ble feil." })
  end
  if dag > FEMDAGER then
    local f = forste_ledige(lege2.id)
    score.deduct(TB, 1, {
      rule = "En vanlig time skal normalt tilbys innen fem virkedager.",
      text = string.format("Timen (%s) er mer enn fem virkedager fram%s.", naar(t.time),
                           f and (", selv om fastlegen hadde ledig " .. naar(f)) or ""),
      better = "Bla gjennom dagene og ta den første ledige timen innen fem virkedager." })
  elseif t.doctor ~= lege2.id then
    score.award(TB, 1, {
      text = string.format("Timen er innen fem virkedager, men hos %s og ikke hos fastlegen "
                           .. "%s.", cast.get(t.doctor).name, lege2.name),
      better = "Se i journalen hvem som er fastlegen, og let hos hen først." })
  else
    score.award(TB, 2, { text = string.format("%s fikk time hos fastlegen %s, innen fem "
                                              .. "virkedager.", ringer.name, naar(t.time)) })
  end

  local hos = cast.get(t.doctor).name
  local slutt = call:ask("Fant du noe?", random.shuffle {
    { "bekreft", string.format("Ja: du har time hos %s %s, her hos oss på %s. Kom gjerne fem "
                               .. "minutter før. Kan du ikke komme, ring oss så tidlig du kan.",
                               hos, naar(t.time), KONTOR) },
    { "sms", "Ja, nå står du i timeboka. Du får en SMS, ha det bra!" },
    { "ha_det", "Det ordnet seg. Ha det!" },
  })
  if slutt == "bekreft" then
    score.award(TB, 1, { text = "Du bekreftet tid, lege og sted før samtalen var slutt." })
    legg_paa(call, "Flott, da har jeg skrevet det ned. Takk for hjelpen!")
  elseif slutt then
    score.deduct(TB, 1, {
      text = ringer.name .. " la på uten å ha hørt tid og sted for timen.",
      better = "Si tid, lege og sted tydelig før du avslutter." })
    legg_paa(call, "Ok ... ha det.")
  end
end

clock.at("08:04:00", function()
  del_ferdig(samtale_timebestilling())
end)

---------------------------------------------------------------- sønnen som ringer

local S_FORSTE = random.shuffle {
  { "bekreft", string.format("Ja, %s er pasient hos oss, men svarene kan jeg ikke gi deg.",
                             far_fornavn) },
  { "identitet", "Før jeg kan hjelpe deg, må jeg vite hvem jeg snakker med. Kan du si hele "
                 .. "fødselsnummeret ditt?" },
  { "gi_svar", "Et øyeblikk ... Kolesterolet var litt høyt, og langtidsblodsukkeret også. "
               .. "Ellers var det fint." },
  { "les_opp", string.format("Er det %s, født %s, det gjelder?", far.name, fodt(far.fnr)) },
}
local S_ANDRE = random.shuffle {
  { "nei_vennlig", "Jeg kan dessverre ikke gi opplysninger om andre voksne uten at de har "
                   .. "samtykket. Be faren din ringe oss selv – han kan også gi samtykke til at "
                   .. "du får vite." },
  { "gi_svar", "Kolesterolet var 6,8, litt høyt, og langtidsblodsukkeret 51. Legen ringer ham "
               .. "om det." },
  { "legen_ringer", "Jeg skal be legen ringe deg med svarene." },
}
local S_TREDJE = random.shuffle {
  { "holde_fast", "Jeg skjønner at du vil hjelpe ham. Men samtykket må komme fra ham selv. "
                  .. "Han kan ringe, gjerne med deg ved siden av, eller komme innom." },
  { "gi_etter", "Ja vel, når han har sagt det: kolesterolet var litt høyt." },
}

local function samtale_sonn()
  local call = ring(sonn, sonn.name, 90)
  if not call then return false end
  local forste = call:ask(string.format(
    "Hei, det er %s. Pappa, %s, tok blodprøver hos dere for en uke siden, og han ba meg ringe "
      .. "og høre hva de viste. Han hører så dårlig i telefonen. Kan du si meg det?",
    sonn.name, far.name), S_FORSTE)
  if not forste then return end
  if forste == "gi_svar" then
    score.critical(T, {
      rule = REGEL_PARORENDE,
      text = "Du ga prøvesvar til en som sa han var sønnen, uten å vite hvem han var og uten "
             .. "samtykke fra pasienten.",
      better = "Bekreft ikke at faren er pasient, be om fødselsnummer, sjekk samtykket i "
               .. "journalen, og avslå vennlig: faren kan ringe selv eller gi samtykke." })
    return legg_paa(call, "Å, takk! Da skal jeg si det til ham.")
  elseif forste == "bekreft" or forste == "les_opp" then
    score.deduct(T, 2, {
      rule = "hpl § 21 (taushetsplikten gjelder også at noen er pasient)",
      text = forste == "bekreft" and "Du bekreftet at " .. far.name .. " er pasient her."
             or "Du leste opp navnet og fødselsdatoen til " .. far.name .. " og bekreftet "
                .. "dermed at han er pasient her.",
      better = "Si ingenting om hvem som er pasient før du vet hvem du snakker med og om hen "
               .. "kan få opplysninger." })
    call:say(forste == "les_opp" and "Ja, det er ham." or "Hvorfor ikke?")
  else
    score.award(T, 2, { text = "Du ga ingen opplysninger før du visste hvem du snakket med." })
    score.award(ID, 1, { text = "Du ba sønnen selv si hele fødselsnummeret." })
    call:say("Ja da, det er " .. mellomrom(sonn_fnr) .. ".")
    local skrevet = call:ask_text("Skriv inn fødselsnummeret han oppgir.")
    if not skrevet then return end
    if siffer(skrevet) == sonn_fnr then
      score.award(ID, 1, { text = "Du registrerte fødselsnummeret riktig." })
    else
      score.deduct(ID, 1, { text = "Fødselsnummeret du skrev inn, stemmer ikke med det han sa.",
                            better = "Be innringeren gjenta nummeret." })
    end
  end

  local andre = call:ask("Så, hva viste prøvene til pappa?", S_ANDRE)
  if not andre then return end
  local sjekket = observe.count { kind = "open_record", patient = far.id } > 0
  if sjekket then
    score.award(J, 1, { text = "Du sjekket i journalen hvem " .. far.name .. " har gitt "
                               .. "samtykke til (bare kona)." })
  end
  if andre == "gi_svar" then
    score.critical(T, {
      rule = REGEL_PARORENDE,
      text = "Du ga farens prøvesvar til sønnen, som ikke har samtykke i journalen.",
      better = "Pårørende til en voksen pasient får opplysninger bare med samtykke. Be faren "
               .. "ringe selv, eller gi samtykke." })
    return legg_paa(call, "Takk, da vet jeg det.")
  elseif andre == "legen_ringer" then
    score.deduct(PR, 1, {
      rule = REGEL_PARORENDE,
      text = "Å love at legen ringer sønnen med svarene gir inntrykk av at han kan få dem uten "
             .. "samtykke.",
      better = "Samtykket må komme fra faren. Be faren ringe selv, eller gi samtykke." })
  else
    if sjekket then
      score.award(PR, 2, { text = "Du sjekket samtykket og avslo vennlig, med en vei videre: "
                                  .. "faren kan ringe selv eller gi samtykke." })
    else
      score.award(PR, 1, {
        text = "Du avslo vennlig, med en vei videre, men uten å ha sjekket samtykket.",
        better = "Se i journalen hvem pasienten har gitt samtykke til, før du svarer en "
                 .. "pårørende. Der kunne sønnen ha stått." })
    end
  end

  local tredje = call:ask("Men han ba meg jo ringe! Han sitter her ved siden av meg, og han "
                          .. "sier det er greit.", S_TREDJE)
  if tredje == "gi_etter" then
    score.critical(T, {
      rule = REGEL_PARORENDE,
      text = "Du ga etter for press og ga prøvesvar uten samtykke fra pasienten.",
      better = "Hold vennlig fast: samtykket må komme fra pasienten selv, for eksempel ved at "
               .. "han selv ringer." })
    return legg_paa(call, "Ja, takk.")
  elseif tredje == "holde_fast" then
    score.award(T, 2, { text = "Du holdt fast på taushetsplikten også da han presset på." })
    legg_paa(call, "Nei vel. Da får han ringe selv, da. Ha det.")
  end
end

clock.at("08:14:00", function()
  del_ferdig(samtale_sonn())
end)

---------------------------------------------------------------- legens melding

local melding
local kontroll_bestilt = false
clock.at("08:15:30", function()
  melding = inbox.message {
    id = "melding-lege", from = lege1,
    text = string.format("Hei! Kan du sette opp %s (født %s) til kontroll hos meg %s? Det "
                         .. "gjelder blodtrykket etter den nye medisinen. Jeg har sagt at "
                         .. "timen kommer på Helsenorge. Hilsen %s", kontroll.name,
                         fodt(kontroll.fnr), naar(kontroll_slot), lege1_fornavn),
  }
  if melding:wait_read { timeout = 5 * 60 } then
    score.award(SL, 2, { text = "Du leste beskjeden fra legen innen fem minutter." })
  elseif melding:wait_read() then
    score.award(SL, 1, { text = string.format("Du leste beskjeden fra legen, men først etter "
                                              .. "%s.", minutter(melding:read_after())) })
  end
end)

observe.on("book", function(a)
  if a.patient ~= kontroll.id then
    if a.doctor == lege1.id and a.time == kontroll_slot then
      score.deduct(TB, 1, {
        text = string.format("Du satte %s på timen legen ville ha til %s.",
                             cast.get(a.patient).name, kontroll.name),
        better = "Sjekk navn og fødselsdato mot meldingen før du bestiller." })
    end
    return
  end
  if kontroll_bestilt then return end
  kontroll_bestilt = true
  if a.doctor == lege1.id and a.time == kontroll_slot then
    score.award(TB, 2, { text = string.format("Du satte %s på timen legen ba om, %s.",
                                              kontroll.name, naar(kontroll_slot)) })
  else
    score.deduct(TB, 1, {
      text = string.format("Du satte %s på %s hos %s, men legen ba om %s hos seg selv.",
                           kontroll.name, naar(a.time), cast.get(a.doctor).name,
                           naar(kontroll_slot)),
      better = "Les meldingen nøye og bestill akkurat den timen legen nevner." })
  end
  del_ferdig()
end)

---------------------------------------------------------------- CRP og frikortpasienten

local CRP_ID = random.shuffle {
  { "open", "Hei! Før vi begynner: Kan du si hele navnet ditt og fødselsnummeret?" },
  { "closed", "Hei! Du er " .. crp_p.name .. ", ikke sant?" },
  { "none", "Hei! Sett deg her, så tar vi prøven med en gang." },
}
local CRP_SVAR = random.shuffle {
  { "lege", crp_hoy
      and string.format("CRP-en er %d. Normalt er den under 5, så den er forhøyet. %s får "
                        .. "svaret nå og går gjennom det med deg.", crp_verdi, lege1_fornavn)
      or string.format("CRP-en er under 5, som er normalt. %s får svaret nå og går gjennom det "
                       .. "med deg.", lege1_fornavn) },
  { "normal", crp_hoy and "Den er innenfor det normale, så det er nok bare et virus."
      or "Den er normal, så da trenger du egentlig ikke gå inn til legen igjen." },
  { "antibiotika", crp_hoy and "Den er høy, så da blir det nok penicillin."
      or "Den er lav, men du får sikkert penicillin likevel når du har hatt feber så lenge." },
}

local crp = { identifisert = false }
local crp_fylt_kl   -- clock.elapsed() da kapillæren ble satt i instrumentet
local frikort_b

local function crp_si(tekst)
  if crp.b and crp.b.v:state() == "at_counter" then crp.b.v:say(tekst) end
end

local function vurder_crp(hvordan)
  if crp.vurdert then return end
  crp.vurdert = true
  local trinn = {}
  for _, a in ipairs(crp.oppgave and crp.oppgave:actions() or {}) do
    if a.kind == "lab_step" then trinn[#trinn + 1] = a.step end
  end
  local KONTAKT = { puncture_side = true, puncture_thumb = true, squeeze_light = true,
                    squeeze_hard = true, fill = true, plaster = true }
  local forste_k, siste_k, hh_forste, hh_siste, side, tommel, lett, hardt
  for i, s in ipairs(trinn) do
    if KONTAKT[s] then forste_k = forste_k or i; siste_k = i end
    if s == "hand_hygiene" then hh_forste = hh_forste or i; hh_siste = i end
    side = side or s == "puncture_side"
    tommel = tommel or s == "puncture_thumb"
    lett = lett or s == "squeeze_light"
    hardt = hardt or s == "squeeze_hard"
  end
  if not forste_k then
    score.deduct(HT, 1, {
      text = "CRP-en ble ikke tatt" .. (hvordan == "tid" and " før morgenen var over." or "."),
      better = "Legen venter på svaret: ta prøven når pasienten kommer, og bruk ventetiden på "
               .. "instrumentet til andre oppgaver." })
    return
  end
  if hh_forste and hh_forste < forste_k and hh_siste and hh_siste > siste_k then
    score.award(HH, 1, { text = "Håndhygiene før og etter CRP-prøven." })
  else
    score.deduct(HH, 1, {
      text = "Håndhygienen manglet " .. ((not hh_forste or hh_forste > forste_k)
                                         and "før" or "etter") .. " CRP-prøven.",
      better = "Håndhygiene før du tar på pasienten, og etter at plasteret er på." })
  end
  if side and not tommel then
    score.award(KP, 1, { text = "Du stakk i siden av fingertuppen." })
  else
    score.deduct(KP, 1, {
      rule = "Kapillærprøve (prosedyre): siden av fingertuppen på ring- eller langfinger, "
             .. "aldri tommel",
      text = tommel and "Du stakk i tommelen." or "Stikkstedet ble ikke registrert.",
      better = "Stikk i siden av fingertuppen på ring- eller langfingeren." })
  end
  if lett and not hardt then
    score.award(KP, 1, { text = "Du klemte bare lett for å få fram dråpen." })
  else
    score.deduct(KP, 1, {
      text = hardt and "Du klemte hardt. Da blandes vevsvæske i dråpen, og svaret blir feil."
             or "Du lot ikke dråpen danne seg med lett klemming.",
      better = "Klem bare lett, og la dråpen danne seg." })
  end
end

-- Stikk uten identifisering: kritisk.
local function stikk()
  if crp.identifisert or crp.kritisk then return end
  crp.kritisk = true
  score.critical(PI, {
    rule = REGEL_ID_PROVE,
    text = "Du stakk " .. crp_p.name .. " uten å ha identifisert pasienten.",
    better = "Be pasienten si fullt navn og hele fødselsnummeret før du stikker." })
end
observe.on({ kind = "lab_step", task = "crp", step = "puncture_side" }, stikk)
observe.on({ kind = "lab_step", task = "crp", step = "puncture_thumb" }, stikk)
observe.on({ kind = "lab_step", task = "crp", step = "fill" }, stikk)

local function frikortpasient()
  frikort_b = {
    person = frikort, forventet = 0, journalsjekk = true,
    grunn = string.format("frikort for %d er registrert i journalen", SATSER.aar),
    hilsen = string.format("God morgen! Jeg har time hos %s klokka 09.00.", lege2.name),
    takk = "Takk for hjelpen. Da venter jeg der borte.",
    regel = string.format("Når egenandelstaket er nådd (%d kr i %d), har pasienten frikort og "
                          .. "betaler ikke egenandel resten av året.", SATSER.frikortgrense,
                          SATSER.aar),
    bedre = "Se i journalen før du tar betalt: står det at frikort er registrert, er "
            .. "egenandelen 0 kr – også når pasienten ikke nevner det.",
  }
  skrankepasient(frikort_b)
end

local frikort_kommet = false
local function frikort_kommer()
  if frikort_kommet then return end
  frikort_kommet = true
  frikortpasient()
end

local function crp_svaret()
  clock.wait(210)       -- Afinion: 3–4 minutter
  crp.svar_kl = clock.elapsed()
  -- Én person kan ikke få to spørsmål samtidig: tok eleven prøven før samtalen
  -- om identiteten var ferdig, venter svaret på den.
  while not crp.samtale_ferdig and crp.b.v:state() ~= "done" do
    observe.wait { timeout = 5 }
  end
  if crp.b.v:state() == "done" then
    crp.svar_gitt = true
    score.deduct(HT, 2, {
      text = "Du avsluttet CRP-oppgaven og lot pasienten gå før svaret var klart.",
      better = "La pasienten vente til instrumentet har gitt svar (3–4 minutter)." })
    return
  end
  local svar = crp.b.v:ask(string.format("(Instrumentet viser: CRP %s.) Er det farlig?",
                                         crp_vist), CRP_SVAR)
  if not svar then
    if crp.b.gikk then
      crp.svar_gitt = true
      score.deduct(HT, 2, {
        text = crp_p.name .. " gikk tilbake til legen uten CRP-svaret.",
        better = "Når instrumentet har gitt svar, ta pasienten inn igjen og gi svaret med "
                 .. "referanseområdet; legen venter på det." })
    end
    return
  end
  crp.svar_gitt = true
  if svar == "lege" then
    score.award(HT, 2, { text = "Du sammenlignet CRP-svaret med referanseområdet (under 5 "
                                .. "mg/L) og overlot vurderingen til legen." })
    crp_si("Ok, takk. Da går jeg inn til legen igjen når hun roper.")
  else
    score.deduct(HT, 2, {
      rule = "Hurtigtester (prosedyre): CRP er normalt under 5 mg/L; svaret sammenlignes med "
             .. "referanseområdet, og legen vurderer det",
      text = svar == "normal" and (crp_hoy and "Du sa at CRP " .. crp_verdi .. " var normalt."
                                  or "Du sa at pasienten ikke trengte å gå inn til legen igjen.")
             or "Du lovet eller antydet antibiotika ut fra CRP-svaret.",
      better = "Si verdien og referanseområdet, og la legen vurdere svaret." })
    crp_si("Ja vel.")
  end
  prioritering_ferdig(crp.b, "CRP-prøven")
end

observe.on({ kind = "lab_step", task = "crp", step = "fill" }, function()
  if crp_fylt_kl then return end
  crp_fylt_kl = clock.elapsed()
  -- Frikortpasienten kommer et minutt etter, men senest 08:36 (timeren under).
  if clock.elapsed() < 35 * 60 then clock.after(60, frikort_kommer) end
  crp_svaret()
end)

observe.on({ kind = "lab_step", task = "crp", step = "done" }, function()
  vurder_crp("ferdig")
  crp.oppgave:close()
  crp.b.ferdig = true
  if crp.b.v:state() == "at_counter" then crp.b.v:say("Takk for hjelpen!") end
  crp.b.v:leave()
  if not crp.del_ferdig then
    crp.del_ferdig = true
    del_ferdig()
  end
end)

clock.at("08:27:00", function()
  crp.b = kom(crp_p, {
    purring = "Unnskyld, er svaret klart? Legen venter på meg.",
    gaar = "Nei, jeg går inn til legen igjen uten svar, jeg.",
  })
  crp.oppgave = lab.task {
    id = "crp", patient = crp_p, kind = "quicktest",
    title = "CRP (hurtigtest) for " .. lege1.name .. ": " .. crp_p.name,
    steps = {
      { "hand_hygiene", "Håndhygiene" },
      { "puncture_side", "Stikk i siden av fingertuppen (ring- eller langfinger)" },
      { "puncture_thumb", "Stikk i tommelen" },
      { "squeeze_light", "Klem lett og la dråpen danne seg" },
      { "squeeze_hard", "Klem hardt for å få fram nok blod" },
      { "fill", "Fyll kapillæren og sett kassetten i instrumentet" },
      { "plaster", "Tupfer og plaster" },
      { "done", "Avslutt oppgaven" },
    },
  }
  if not crp.b.v:wait_served() then crp.samtale_ferdig = true return end
  local forste = crp.b.v:ask("Hei! " .. lege1_fornavn .. " sendte meg ut for å ta en CRP. Hun "
                             .. "vil ha svaret før hun bestemmer seg.", CRP_ID)
  if forste == "open" then
    crp.identifisert = true
    crp_si(crp_p.name .. ", " .. mellomrom(crp_p.fnr) .. ".")
    if not crp.kritisk then
      score.award(PI, 1, { text = "Du ba pasienten selv si fullt navn og fødselsnummer." })
    end
    local skrevet = crp.b.v:ask_text("Skriv inn fødselsnummeret og sjekk det mot "
                                     .. "rekvisisjonen.")
    if skrevet and siffer(skrevet) == crp_p.fnr then
      if not crp.kritisk then
        score.award(PI, 1, { text = "Fødselsnummeret stemmer med rekvisisjonen." })
      end
    elseif skrevet then
      score.deduct(PI, 1, { text = "Fødselsnummeret du skrev inn, stemmer ikke med det "
                                   .. "pasienten sa.",
                            better = "Be pasienten gjenta, og sjekk siffer for siffer." })
    end
  elseif forste == "closed" then
    crp.identifisert = true
    crp_si("Ja.")
    score.deduct(PI, 1, {
      rule = REGEL_ID_PROVE,
      text = "Du identifiserte pasienten med et lukket spørsmål som bare får et ja.",
      better = "Be pasienten si fullt navn og hele fødselsnummeret selv." })
  elseif forste == "none" then
    crp_si("Ja da.")
  end
  crp.samtale_ferdig = true
end)

-- Kommer ikke CRP-en i gang, kommer frikortpasienten likevel 08:36.
clock.at("08:36:00", frikort_kommer)

---------------------------------------------------------------- når tiden er ute

on_end(function()
  for _, b in ipairs(besok) do
    if not b.ferdig and not b.gikk then
      if b.tatt_imot then
        score.deduct(P, 1, {
          text = b.person.name .. " ble aldri ferdig i skranken.",
          better = "Gå tilbake til den du ble avbrutt hos, og gjør ferdig." })
        if b.forventet and b.v:charged() == nil then
          score.deduct(E, 1, { text = "Oppgjøret for " .. b.person.name .. " ble ikke "
                                      .. "registrert.",
                               better = "Avslutt hver pasient med oppgjøret, også når det er "
                                        .. "0 kr." })
        end
      else
        score.deduct(P, 1, {
          text = b.person.name .. " ble ikke tatt imot før morgenen var over.",
          better = "Hold oversikt over køen i skranken." })
      end
    end
  end
  vurder_crp("tid")
  if crp_fylt_kl and not crp.svar_gitt then
    score.deduct(HT, 1, { text = "CRP-svaret ble aldri gitt videre.",
                          better = "Svaret kommer etter 3–4 minutter: gi det til pasienten og "
                                   .. "legen." })
  elseif crp.svar_kl and crp.b and crp.b.v:state() ~= "done" and not crp.b.ferdig then
    score.deduct(HT, 1, { text = "Pasienten fikk aldri CRP-svaret.",
                          better = "Ta pasienten inn igjen når instrumentet har gitt svar." })
  end
  if melding and not melding:was_read() then
    score.deduct(SL, 1, { text = "Beskjeden fra legen ble aldri lest.",
                          better = "Sjekk innboksen jevnlig, også når det er travelt." })
  end
  if melding and not kontroll_bestilt then
    score.deduct(TB, 1, { text = kontroll.name .. " ble ikke satt opp på timen legen ba om.",
                          better = "Bestill timen legen nevner, her " .. naar(kontroll_slot)
                                   .. " hos " .. lege1.name .. "." })
  end
end)
