-- Flytte og avbestille timer på telefon
--
-- Trener: å endre timer i timeboka på telefon uten å ta feil av pasienten. Det
-- er mandag morgen. To pasienter ringer etter hverandre:
--  1. En kvinne vil flytte timen sin. Hun tror timen er på tirsdag, men det er
--     en annen pasient med nøyaktig samme navn som har time tirsdag. Hennes egen
--     time er på torsdag. Hun vil heller ha en time fredag etter klokka tolv.
--  2. En mann vil avbestille timen sin på onsdag fordi han er blitt frisk. Rett
--     før ham i timeboka står en pasient med nesten samme navn.
--
-- Riktig vei (for hver innringer): svar raskt; si ingenting om timer før du vet
-- hvem du snakker med; be om hele fødselsnummeret (ikke les det opp) og skriv
-- det inn; søk opp journalen med fødselsnummeret og åpne den (der står timen);
-- så:
--  1. flytt hennes time (torsdag) til den ledige timen fredag etter kl. 12
--     (move LEGE +3/HH:MM LEGE +4/HH:MM) og bekreft den nye tiden;
--  2. avbestill hans time onsdag (cancel LEGE +2/HH:MM) og bekreft hvilken time
--     som er avbestilt.
--
-- Regler det scores etter:
--  * Riktig pasient i timeboka: å flytte, avbestille eller bestille på en annen
--    pasient enn den som ringer, er kritisk feil (feil pasient). Kilde: DOMAIN.md
--    §2 (identitet på telefon: hele fødselsnummeret, aldri lest opp [praksis])
--    og seed 001 («dobbeltsjekke og ha god kontroll»). Ingen paragraf siteres.
--  * DOMAIN.md §2 [sikker]: hpl § 21 – taushetsplikten gjelder også at noen er
--    pasient; å fortelle en ukjent innringer om en time (her en annen pasients
--    time) er brudd. Å lese opp en fødselsdato for å få et ja gir trekk.
--  * DOMAIN.md §2 [sikker]: hpl § 21 a – åpne bare journaler du har tjenstlig
--    behov for (trekk for hver annen journal, også navnesøsterens).
--  * DOMAIN.md §4 [sikker]: svar innen to minutter (80 %-kravet), ingen
--    paragraf.
--  * Si fra til pasienten når noe er endret (katalogen: timeboka) [praksis].
--
-- Poeng (maks 18): telefon 4, identitet-telefon 4 (be om fødselsnummer 1 +
-- riktig innskrevet 1, per samtale), taushetsplikt 2 (ingenting sagt før
-- identiteten var kjent, 1 per samtale), journaltilgang 2 (åpnet innringerens
-- journal før endringen, 1 per samtale), timebok 6 (samtale 1: riktig time
-- flyttet 1, til ønsket tid 1, bekreftet 1; samtale 2: riktig time avbestilt 2,
-- bekreftet 1).
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "telefon-ombestilling",
  title = "Flytte og avbestille timer på telefon",
  version = "1.0",
  language = "nb",
  summary = "Mandag morgen: én pasient vil flytte timen sin og en annen vil avbestille. "
            .. "I timeboka står det pasienter med samme og nesten samme navn.",
  start = "08:00",
  duration = 20,
  difficulty = 3,
  modes = { "practice", "exam" },
  goals = {
    ["hse3007.telefon"] = 4,
    ["hse3006.identitet-telefon"] = 4,
    ["hse3006.taushetsplikt"] = 2,
    ["hse3007.journaltilgang"] = 2,
    ["hse3007.timebok"] = 6,
  },
}

local TLF = "hse3007.telefon"
local ID = "hse3006.identitet-telefon"
local T = "hse3006.taushetsplikt"
local J = "hse3007.journaltilgang"
local TB = "hse3007.timebok"

local RINGETID = 2 * 60        -- svarkravet er to minutter
local SVARTID = 3 * 60         -- så lenge venter innringeren på et svar
local FEIL_PASIENT = "Riktig pasient i timeboka: finn timen med fødselsnummeret, ikke med navn "
                     .. "og dag alene (rutine)."

-- I dag er mandag. Dag N = N virkedager fram.
local DAGNAVN = {
  [0] = "i dag", [1] = "i morgen tirsdag", [2] = "onsdag", [3] = "torsdag",
  [4] = "fredag", [5] = "mandag neste uke", [6] = "tirsdag neste uke",
}

local function klokke(hhmm) return (hhmm:gsub(":", ".")) end

local function del_tid(r)
  local d, t = r:match("^%+(%d+)/(%d%d:%d%d)$")
  if d then return tonumber(d), t end
  return 0, r
end

local function ref(dag, hhmm)
  return dag == 0 and hhmm or string.format("+%d/%s", dag, hhmm)
end

local function naar(r)
  local dag, hhmm = del_tid(r)
  return string.format("%s kl. %s", DAGNAVN[dag] or ("om " .. dag .. " virkedager"),
                       klokke(hhmm))
end

local function fodt(fnr_tekst)
  local i = fnr.info(fnr_tekst)
  return string.format("%02d.%02d.%d", i.day, i.month, i.year)
end

---------------------------------------------------------------- personer

local lege1 = cast.doctor { id = "lege1",
  name = random.pick { "Kari Nygaard", "Liv Brekke", "Turid Sand", "Ingrid Hovland" } }
local lege2 = cast.doctor { id = "lege2",
  name = random.pick { "Erik Myhre", "Hans Lindqvist", "Ola Bakken", "Stein Ruud" } }

-- Timeboka: 08:00-11:00 og 12:00-15:00, 20 minutter, i dag og seks dager fram.
local FORMIDDAG, ETTERMIDDAG = {}, {}
for m = 8 * 60, 10 * 60 + 40, 20 do
  FORMIDDAG[#FORMIDDAG + 1] = string.format("%02d:%02d", m // 60, m % 60)
end
for m = 12 * 60, 14 * 60 + 40, 20 do
  ETTERMIDDAG[#ETTERMIDDAG + 1] = string.format("%02d:%02d", m // 60, m % 60)
end
local ALLE = {}
for _, t in ipairs(FORMIDDAG) do ALLE[#ALLE + 1] = t end
for _, t in ipairs(ETTERMIDDAG) do ALLE[#ALLE + 1] = t end

-- Samtale 1: to kvinner med samme navn.
local navn1 = random.pick { "Anne Hansen", "Kari Olsen", "Marit Johansen", "Hilde Larsen" }
local fornavn1 = navn1:match("^(%S+)")
local hennes_tid = ref(3, random.pick { "09:20", "10:00", "13:40", "14:20" })
local soster_tid = ref(1, random.pick { "08:40", "09:40", "12:20", "13:00" })
local fredag_ledig = ref(4, random.pick { "12:40", "13:20", "14:00" })
local fredag_morgen = ref(4, random.pick { "08:20", "09:00", "10:20" })

local innringer1 = cast.patient {
  id = "innringer1", name = navn1,
  fnr = fnr.synthetic { year = { 1980, 1992 }, sex = "K" },
  phone = "918 55 201", address = "Sjøgata 21, 9008 Tromsø",
  notes = { "Fastlege: " .. lege1.name .. "." },
  appointments = { { date = "torsdag denne uka", time = select(2, del_tid(hennes_tid)),
                     doctor = lege1.name, reason = "Kontroll" } },
}
local soster = cast.patient {
  id = "navnesoster", name = navn1,
  fnr = fnr.synthetic { year = { 1945, 1958 }, sex = "K" },
  phone = "776 31 480", address = "Bakkeveien 5, 9010 Tromsø",
  notes = { "Fastlege: " .. lege1.name .. "." },
  appointments = { { date = "tirsdag denne uka", time = select(2, del_tid(soster_tid)),
                     doctor = lege1.name, reason = "Blodtrykkskontroll" } },
}

-- Samtale 2: to menn med nesten samme navn, rett etter hverandre i timeboka.
local par2 = random.pick {
  { "Ole Johansen", "Ola Johansen" }, { "Anders Lund", "Andreas Lund" },
  { "Kristian Moe", "Kristoffer Moe" }, { "Tor Arne Vik", "Tor Anders Vik" },
}
local hans_tid = ref(2, random.pick { "09:40", "10:20", "13:00", "14:00" })
local hans_klokke = select(2, del_tid(hans_tid))
local function tjue_for(hhmm)
  local h, m = hhmm:match("(%d+):(%d+)")
  local min = tonumber(h) * 60 + tonumber(m) - 20
  return string.format("%02d:%02d", min // 60, min % 60)
end
local nabo_tid = ref(2, tjue_for(hans_klokke))

local innringer2 = cast.patient {
  id = "innringer2", name = par2[1],
  fnr = fnr.synthetic { year = { 1960, 1975 }, sex = "M" },
  phone = "909 12 377", address = "Parkveien 40, 9011 Tromsø",
  notes = { "Fastlege: " .. lege2.name .. "." },
  appointments = { { date = "onsdag denne uka", time = hans_klokke, doctor = lege2.name,
                     reason = "Hoste" } },
}
local nabo = cast.patient {
  id = "navnebror", name = par2[2],
  fnr = fnr.synthetic { year = { 1978, 1990 }, sex = "M" },
  phone = "934 70 218", address = "Heiveien 2, 9012 Tromsø",
  notes = { "Fastlege: " .. lege2.name .. "." },
}

-- Andre pasienter som fyller timeboka.
local FORNAVN = { "Astrid", "Bjørn", "Camilla", "Dag", "Eli", "Frode", "Gunn", "Harald",
                  "Inger", "Jostein", "Kjersti", "Leif", "Marit", "Nils", "Oddny", "Per",
                  "Randi", "Sverre", "Torill", "Vidar" }
local KVINNER = { Astrid = 1, Camilla = 1, Eli = 1, Gunn = 1, Inger = 1, Kjersti = 1,
                  Marit = 1, Oddny = 1, Randi = 1, Torill = 1 }
local ETTERNAVN = { "Andersen", "Berg", "Dahl", "Eide", "Fossum", "Hagen", "Jensen",
                    "Karlsen", "Lie", "Moe", "Pettersen", "Rønning", "Sæther", "Vik" }
local fyll = {}
for i = 1, 70 do
  local fn = FORNAVN[(i - 1) % #FORNAVN + 1]
  local en = ETTERNAVN[((i - 1) * 3) % #ETTERNAVN + 1]
  fyll[i] = cast.patient { id = "p" .. i, name = fn .. " " .. en,
    fnr = fnr.synthetic { year = { 1940, 2012 }, sex = KVINNER[fn] and "K" or "M" } }
end
local GRUNNER = { "Kontroll", "Blodtrykk", "Samtale", "Sårkontroll", "Resept", "Vondt i ryggen",
                  "Oppfølging", "Attest", "Hoste", "Blodprøvesvar" }

---------------------------------------------------------------- timeboka

-- Skyggekopi av timeboka: hvem som sto i hver time før elevens handling.
local skygge = {}
local function nokkel(lege_id, r) return lege_id .. " " .. r end

local faste = {
  [nokkel("lege1", hennes_tid)] = innringer1,
  [nokkel("lege1", soster_tid)] = soster,
  [nokkel("lege2", hans_tid)] = innringer2,
  [nokkel("lege2", nabo_tid)] = nabo,
}
local ledige = {
  [nokkel("lege1", fredag_ledig)] = true,
  [nokkel("lege1", fredag_morgen)] = true,
}
-- Tirsdag neste uke (dag 6) har begge legene noen ledige timer.
for _, lid in ipairs { "lege1", "lege2" } do
  for i, t in ipairs(ALLE) do
    if i % 3 == 0 then ledige[nokkel(lid, ref(6, t))] = true end
  end
end

local neste = 0
for _, lege in ipairs { lege1, lege2 } do
  for dag = 0, 6 do
    timebok.slots { doctor = lege, day = dag, from = "08:00", to = "11:00", minutes = 20 }
    timebok.slots { doctor = lege, day = dag, from = "12:00", to = "15:00", minutes = 20 }
    for _, t in ipairs(ALLE) do
      local k = nokkel(lege.id, ref(dag, t))
      local pas = faste[k]
      local note
      if pas then
        note = pas == soster and "Blodtrykkskontroll" or pas == innringer2 and "Hoste"
               or "Kontroll"
      elseif not ledige[k] then
        neste = neste + 1
        pas = fyll[(neste - 1) % #fyll + 1]
        note = GRUNNER[(neste - 1) % #GRUNNER + 1]
      end
      if pas then
        timebok.book { doctor = lege, time = ref(dag, t), patient = pas, note = note }
        skygge[k] = pas.id
      end
    end
  end
end

local innringere = { [innringer1.id] = true, [innringer2.id] = true }

-- Hver endring i timeboka: er det innringerens egen time?
local feil_pasient = 0
local function kritisk(tekst, bedre)
  feil_pasient = feil_pasient + 1
  score.critical(TB, { rule = FEIL_PASIENT, text = tekst, better = bedre })
end

observe.on("move", function(a)
  local fra, til = nokkel(a.doctor, a.time), nokkel(a.to_doctor, a.to_time)
  local hvem = skygge[fra]
  skygge[fra], skygge[til] = nil, hvem
  if hvem and not innringere[hvem] then
    kritisk(string.format("Du flyttet timen til %s (født %s) %s. Den tilhører en annen "
                          .. "pasient enn den som ringte.", cast.get(hvem).name,
                          fodt(cast.get(hvem).fnr), naar(a.time)),
            "Finn innringerens journal med fødselsnummeret, og flytt timen som står der. "
            .. "Samme navn eller samme dag er ikke nok.")
  end
end)

observe.on("cancel", function(a)
  local k = nokkel(a.doctor, a.time)
  local hvem = skygge[k]
  skygge[k] = nil
  if hvem and not innringere[hvem] then
    kritisk(string.format("Du avbestilte timen til %s (født %s) %s, en annen pasient enn den "
                          .. "som ringte.", cast.get(hvem).name, fodt(cast.get(hvem).fnr),
                          naar(a.time)),
            "Sjekk fødselsnummeret og journalen før du avbestiller: nesten samme navn er "
            .. "ikke samme pasient.")
  end
end)

observe.on("book", function(a)
  skygge[nokkel(a.doctor, a.time)] = a.patient
  if not innringere[a.patient] then
    kritisk(string.format("Du satte opp en time %s på %s, som ikke har ringt.",
                          naar(a.time), cast.get(a.patient).name),
            "Bestill på pasienten du har identifisert med fødselsnummeret.")
  end
end)

local snoket = {}
observe.on("open_record", function(a)
  if innringere[a.patient] or snoket[a.patient] then return end
  snoket[a.patient] = true
  score.deduct(J, 1, {
    rule = "hpl § 21 a (forbud mot urettmessig tilegnelse av helseopplysninger)",
    text = "Du åpnet journalen til " .. cast.get(a.patient).name .. " (født "
           .. fodt(cast.get(a.patient).fnr) .. "), som ikke ringte.",
    better = "Søk med fødselsnummeret innringeren oppgir; da kommer du rett til riktig "
             .. "journal." })
end)

---------------------------------------------------------------- samtalene

local function snakker(call) return call:state() == "talking" end
local function i_samtale(call)
  local st = call:state()
  return st == "talking" or st == "on_hold"
end

local function legg_paa(call, replikk)
  if replikk and snakker(call) then call:say(replikk) end
  call:hang_up()
end

local function spor(call, tekst, valg)
  if not i_samtale(call) then return nil end
  return call:ask(tekst, random.shuffle(valg), { timeout = SVARTID })
end

local function besvar(call, navn)
  if not call:wait_answer() then
    score.deduct(TLF, 2, {
      text = string.format("Telefonen ringte i to minutter uten svar (%s).", navn),
      better = "Fastlegekontor skal besvare 80 % av anropene innen to minutter." })
    return false
  end
  local etter = call:answered_after()
  if etter <= 30 then
    score.award(TLF, 2, { text = "Du svarte telefonen raskt." })
  else
    score.award(TLF, 1, {
      text = string.format("Du svarte telefonen etter %d sekunder.", math.floor(etter)) })
  end
  return true
end

-- Fødselsnummeret: innringeren sier det, eleven skriver det inn.
local function ta_fnr(call, pas, pron)
  call:say("Ja, det er " .. pas.fnr .. ".")
  local skrevet = call:ask_text("Skriv inn fødselsnummeret " .. pron .. " oppgir.",
                                { timeout = SVARTID })
  if skrevet == pas.fnr then
    score.award(ID, 1, { text = "Du skrev inn fødselsnummeret riktig." })
  elseif skrevet then
    score.deduct(ID, 1, {
      text = "Fødselsnummeret du skrev inn stemmer ikke med det " .. pron .. " sa.",
      better = "Be innringeren gjenta nummeret, og sjekk det mot journalen." })
  end
end

local function journal_sjekket(pas)
  if observe.count { kind = "open_record", patient = pas.id } > 0 then
    score.award(J, 1, { text = string.format("Du åpnet journalen til %s og fant timen der.",
                                             pas.name) })
  else
    score.deduct(J, 1, {
      text = string.format("Du endret timeboka uten å ha åpnet journalen til %s.", pas.name),
      better = "Finn journalen med fødselsnummeret, og se hvilken time som er pasientens." })
  end
end

-- Venter (høyst fem minutter) til test() gir noe annet enn nil.
local function vent_til(call, test)
  local start = clock.elapsed()
  local purret = false
  while true do
    local svar = test()
    if svar ~= nil then return svar end
    if not i_samtale(call) then return nil end
    local gaatt = clock.elapsed() - start
    if gaatt >= 5 * 60 then return nil end
    if not purret and gaatt >= 2 * 60 then
      purret = true
      if snakker(call) then call:say("Hallo? Er du der fortsatt?") end
    end
    observe.wait { timeout = (purret and 5 * 60 or 2 * 60) - gaatt }
    clock.wait(0)   -- la observe.on-behandlerne (skyggekopien) se handlingen først
  end
end

-- Samtale 1: flytte timen.
local function samtale1()
  local call = phone.call { from = innringer1, ring_for = RINGETID }
  if not besvar(call, innringer1.name) then return false end
  local start_feil = feil_pasient

  local forste = spor(call, string.format(
    "Hei, det er %s. Jeg har en time hos dere på tirsdag, tror jeg, men jeg kan ikke komme "
      .. "likevel. Kan jeg flytte den?", navn1), {
    { "fnr", "Ja, det kan vi se på. Kan du først gi meg hele fødselsnummeret ditt?" },
    { "tirsdag", string.format("Ja, jeg ser en %s %s. Hva passer bedre for deg?", navn1,
                               naar(soster_tid)) },
    { "fodt", "Ja. Hva er fødselsdatoen din?" },
  })
  if forste == nil then
    legg_paa(call, "Hallo? ... Nei, da ringer jeg igjen senere.")
    return true
  elseif forste == "fnr" then
    score.award(T, 1, { text = "Du sa ingenting om timer før du visste hvem du snakket med." })
    score.award(ID, 1, { text = "Du ba om hele fødselsnummeret." })
    ta_fnr(call, innringer1, "hun")
  elseif forste == "tirsdag" then
    score.deduct(T, 1, {
      rule = "hpl § 21 taushetsplikt (også at noen er pasient og har time)",
      text = string.format("Du fortalte en innringer du ikke hadde identifisert om en time "
                           .. "%s. Den timen tilhører en annen %s.", naar(soster_tid), navn1),
      better = "Si ingenting om timer før du har bekreftet identiteten med hele "
               .. "fødselsnummeret." })
    score.deduct(ID, 1, {
      text = "Du gikk ut fra navnet alene.",
      better = "Be om hele fødselsnummeret før du leter i timeboka." })
    call:say("Ja, det er nok den.")
  else
    score.deduct(ID, 1, {
      rule = "Rutine for identitet på telefon: be om hele fødselsnummeret.",
      text = "Du spurte bare om fødselsdatoen.",
      better = "Be om hele fødselsnummeret, og søk opp journalen med det." })
    local i = fnr.info(innringer1.fnr)
    call:say(string.format("Jeg er født %d. %d. %d.", i.day, i.month, i.year))
  end

  local onske = spor(call, "Har dere noe på fredag i stedet? Helst etter klokka tolv.", {
    { "ser", "Et øyeblikk, så finner jeg timen din og ser hva som er ledig på fredag." },
    { "ring_senere", "Fredag er helt full. Kan du ringe igjen neste uke?" },
  })
  if onske == "ring_senere" then
    score.deduct(TB, 2, {
      text = "Du sa at fredag var full og ba henne ringe igjen, men det var ledig fredag "
             .. "ettermiddag, og hun har fortsatt en time hun ikke kan komme til.",
      better = "Se i timeboka og flytt timen mens hun er i telefonen." })
    legg_paa(call, "Ja vel ... da får jeg ringe igjen.")
    return true
  elseif onske == nil then
    legg_paa(call, "Hallo? ... Nei, jeg legger på.")
    return true
  end

  -- Vent til timeboka er endret: hennes time er flyttet, eller noe er gjort med en
  -- annen pasient.
  local endring = vent_til(call, function()
    if feil_pasient > start_feil then return "feil" end
    local timer = timebok.booked(innringer1)
    local har_gammel = timebok.patient_at(lege1, hennes_tid) == innringer1.id
    if #timer > 1 then return "to" end
    if #timer == 1 and not har_gammel then return "flyttet" end
    return nil
  end)
  if endring == nil then
    if timebok.patient_at(lege1, hennes_tid) == innringer1.id then
      score.deduct(TB, 2, {
        text = "Timen ble ikke flyttet.",
        better = "Flytt timen mens hun er i telefonen (move LEGE FRA_TID LEGE TIL_TID)." })
    end
    legg_paa(call, "Nei, nå har jeg ventet lenge nok. Jeg ringer en annen gang.")
    return true
  end

  journal_sjekket(innringer1)
  local timer = timebok.booked(innringer1)
  local ny
  for _, t in ipairs(timer) do
    if not (t.doctor == lege1.id and t.time == hennes_tid) then ny = t end
  end
  -- Det eleven kan bekrefte: den siste flyttingen (også når det var feil
  -- pasient), ellers hennes nye time.
  local flytt = observe.list("move")
  local siste = flytt[#flytt]
  local bekreft_tekst
  if siste then
    local fra = naar(siste.time)
    bekreft_tekst = string.format("Da har jeg flyttet timen din%s til %s hos %s. Kan du ikke "
                                  .. "komme da heller, så ring oss.",
                                  siste.time == hennes_tid
                                    and string.format(" – den var forresten %s, ikke på "
                                                      .. "tirsdag –", fra)
                                    or " fra " .. fra,
                                  naar(siste.to_time), cast.get(siste.to_doctor).name)
  elseif ny then
    bekreft_tekst = string.format("Da har du time hos %s %s. Kan du ikke komme da heller, så "
                                  .. "ring oss.", cast.get(ny.doctor).name, naar(ny.time))
  else
    bekreft_tekst = "Da har jeg ordnet det."
  end

  if endring == "flyttet" then
    score.award(TB, 1, { text = string.format("Du flyttet riktig time: %ss egen time %s.",
                                              navn1, naar(hennes_tid)) })
  elseif endring == "to" then
    score.deduct(TB, 1, {
      text = string.format("%s står nå med to timer: den gamle %s ble ikke flyttet.", navn1,
                           naar(hennes_tid)),
      better = "Flytt timen (eller avbestill den gamle) så pasienten bare har én time." })
  end
  if ny and ny.doctor == lege1.id and ny.time:match("^%+4/1[2-4]:") then
    score.award(TB, 1, { text = string.format("Den nye timen, %s, er den hun ba om: fredag "
                                              .. "etter klokka tolv.", naar(ny.time)) })
  elseif ny then
    score.deduct(TB, 1, {
      text = string.format("Den nye timen er %s hos %s; hun ba om fredag etter klokka tolv.",
                           naar(ny.time), cast.get(ny.doctor).name),
      better = string.format("Lytt etter ønsket: %s hadde ledig fredag kl. %s.", lege1.name,
                             klokke(select(2, del_tid(fredag_ledig)))) })
  end

  local slutt = spor(call, "Fikk du det til?", {
    { "bekreft", bekreft_tekst },
    { "ha_det", "Ja, nå er det ordnet. Ha en fin dag!" },
  })
  if slutt == "bekreft" then
    if endring ~= "feil" then
      score.award(TB, 1, { text = "Du sa den nye tiden tydelig til henne." })
    end
    legg_paa(call, "Supert, da skriver jeg det opp. Takk!")
  elseif slutt then
    score.deduct(TB, 1, {
      text = "Du sa ikke den nye tiden til henne.",
      better = "Si fra om den nye tiden og legen, så pasienten kan skrive det ned." })
    legg_paa(call, "Ok ... ha det.")
  else
    legg_paa(call, nil)
  end
  return true
end

-- Samtale 2: avbestille timen.
local function samtale2()
  local call = phone.call { from = innringer2, ring_for = RINGETID }
  if not besvar(call, innringer2.name) then return false end
  local start_feil = feil_pasient

  local forste = spor(call, string.format(
    "Hei, det er %s. Jeg har time hos %s på onsdag, en gang på %s. Jeg er blitt frisk, så "
      .. "jeg trenger den ikke likevel. Kan du avbestille den?",
    par2[1], lege2.name, hans_klokke < "12:00" and "formiddagen" or "ettermiddagen"), {
    { "fnr", "Det kan jeg gjøre. Kan du gi meg hele fødselsnummeret ditt først?" },
    { "les_opp", string.format("Jeg ser en %s her på onsdag. Er du født %s?", par2[2],
                               fodt(nabo.fnr)) },
    { "navn", "Ja, hva var navnet igjen?" },
  })
  if forste == nil then
    legg_paa(call, "Hallo? ... Nei, da ringer jeg igjen senere.")
    return true
  elseif forste == "fnr" then
    score.award(T, 1, { text = "Du sa ingenting om timer før du visste hvem du snakket med." })
    score.award(ID, 1, { text = "Du ba om hele fødselsnummeret." })
    ta_fnr(call, innringer2, "han")
  elseif forste == "les_opp" then
    score.deduct(T, 1, {
      rule = "hpl § 21 taushetsplikt (også at noen er pasient og har time)",
      text = string.format("Du leste opp navnet og fødselsdatoen til %s, som har time "
                           .. "%s, for en innringer du ikke hadde identifisert.", par2[2],
                           naar(nabo_tid)),
      better = "Be innringeren selv si hele fødselsnummeret. Les aldri opp opplysninger for "
               .. "å få et ja." })
    score.deduct(ID, 1, {
      rule = "Rutine for identitet på telefon: aldri les opp nummeret for et ja/nei.",
      text = "Et ja på en opplest fødselsdato bekrefter ingenting.",
      better = "Still et åpent spørsmål: «Kan du gi meg hele fødselsnummeret ditt?»" })
    call:say(string.format("Nei ... jeg heter %s, ikke %s. Jeg er født %s.", par2[1], par2[2],
                           fodt(innringer2.fnr)))
  else
    score.deduct(ID, 1, {
      rule = "Rutine for identitet på telefon: be om hele fødselsnummeret.",
      text = "Du spurte bare om navnet.",
      better = "Be om hele fødselsnummeret: nesten like navn er lette å blande." })
    call:say(par2[1] .. ".")
  end

  local svar = spor(call, "Får du avbestilt den?", {
    { "ser", "Ja, et øyeblikk, så finner jeg timen din." },
    { "helsenorge", "Det må du gjøre selv på Helsenorge." },
  })
  if svar == "helsenorge" then
    score.deduct(TB, 1, {
      text = "Du ba ham avbestille selv på nett, selv om han hadde ringt for å gjøre det.",
      better = "Avbestill timen for ham når han ringer; da blir den ledig for andre." })
    call:say("Jeg har ikke noe Helsenorge, det er derfor jeg ringer. Kan du ikke bare gjøre "
             .. "det?")
  elseif svar == nil then
    legg_paa(call, "Hallo? ... Nei, jeg legger på.")
    return true
  end

  local endring = vent_til(call, function()
    if feil_pasient > start_feil then return "feil" end
    if timebok.patient_at(lege2, hans_tid) ~= innringer2.id then return "avbestilt" end
    return nil
  end)
  if endring == nil then
    if timebok.patient_at(lege2, hans_tid) == innringer2.id then
      score.deduct(TB, 2, {
        text = "Timen ble ikke avbestilt; den står fortsatt og blir et tomt oppmøte.",
        better = "Avbestill timen mens han er i telefonen (cancel LEGE TID)." })
    end
    legg_paa(call, "Nei, nå har jeg ventet lenge nok. Jeg ringer en annen gang.")
    return true
  end

  journal_sjekket(innringer2)
  local avbestilt_tid
  if endring == "avbestilt" then
    avbestilt_tid = hans_tid
    if #timebok.booked(innringer2) > 0 then
      -- Flyttet i stedet for avbestilt: han har fortsatt en time.
      score.deduct(TB, 1, {
        text = "Han ville avbestille, men står fortsatt med en time.",
        better = "Avbestill timen (cancel LEGE TID) når pasienten ikke vil ha ny time." })
    else
      score.award(TB, 2, { text = string.format("Du avbestilte riktig time: %ss egen time %s.",
                                                par2[1], naar(hans_tid)) })
    end
  else
    local c = observe.list("cancel")
    local siste = c[#c]
    avbestilt_tid = siste and siste.time or hans_tid
  end

  local slutt = spor(call, "Takk. Da er den borte?", {
    { "bekreft", string.format("Ja, nå er timen din %s avbestilt. Ta gjerne kontakt igjen "
                               .. "hvis du trenger en ny time.", naar(avbestilt_tid)) },
    { "ja", "Ja da. Ha det bra!" },
  })
  if slutt == "bekreft" then
    if endring ~= "feil" then
      score.award(TB, 1, { text = "Du sa tydelig hvilken time som ble avbestilt." })
    end
    legg_paa(call, "Flott, takk for hjelpen!")
  elseif slutt then
    score.deduct(TB, 1, {
      text = "Du sa ikke hvilken time som ble avbestilt.",
      better = "Gjenta dag og klokkeslett for timen du avbestiller, så dere er sikre på at det "
               .. "er den samme." })
    legg_paa(call, "Ok ... ha det.")
  else
    legg_paa(call, nil)
  end
  return true
end

-- Scenarioet slutter når begge samtalene er besvart og ferdige; ringer en av dem
-- ut, går tiden ut.
clock.at(string.format("08:%02d", random.int(1, 2)), function()
  local ok1 = samtale1()
  clock.wait(random.int(40, 70))
  local ok2 = samtale2()
  if ok1 and ok2 then finish("Begge samtalene er ferdige.") end
end)
