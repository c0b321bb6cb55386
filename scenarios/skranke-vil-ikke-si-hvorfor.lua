-- Hun vil ikke si hvorfor
--
-- En pasient kommer til skranken og vil ha time hos fastlegen sin, men vil ikke
-- si hva det gjelder. Det står en annen pasient rett bak henne i køen.
--
-- Scenarioet trener: å respektere at en pasient ikke vil si hvorfor hen vil ha
-- time, å vurdere hastegrad uten å kreve en grunn, og å finne og bestille en
-- vanlig time innen rimelig tid (timeboka strekker seg over flere dager), som
-- passer for pasienten – og å ta imot den neste i køen etterpå.
--
-- Riktig vei:
--  * Ta imot pasienten. Det er greit å spørre én gang hva det gjelder, men når
--    hun sier at hun helst ikke vil si det, godta det vennlig og spør bare om
--    det haster (valget «godta»).
--  * Hun sier at det ikke haster, men at hun vil komme i løpet av de nærmeste
--    dagene, og når på dagen det passer (trekkes fra frøet: etter kl. 14 eller
--    før kl. 10). I dag er fastlegen full. Bestill en ledig time hos fastlegen
--    innen fem virkedager som passer (frø 1: «+2/14:20» eller «+4/15:00»), og si
--    tiden til henne uten å be om grunnen igjen.
--  * Ta så imot mannen bak i køen og registrer oppmøtet hans.
--
-- Regler det scores etter:
--  * DOMAIN.md §4: en pasient kan la være å si til resepsjonen hvorfor hen vil
--    ha time; å insistere er galt. Ingen paragraf siteres (DOMAIN.md gir ingen).
--  * DOMAIN.md §4 [sikker]: en ikke-akutt time tilbys normalt innen fem
--    virkedager. Hastegrad (grønn: vanlig time) fra Norsk indeks, DOMAIN.md §4.
--    Ingen paragraf siteres.
--  * Timen hos fastlegen, på et tidspunkt som passer, og å si tiden tydelig til
--    pasienten: kontorpraksis [praksis].
--  * Å ta imot og registrere neste pasient i køen: praksis [praksis].
-- Ingen kritiske feil: å mase om grunnen er galt og gir trekk, men er ikke et
-- brudd på taushetsplikten eller en fare for pasienten.
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "skranke-vil-ikke-si-hvorfor",
  title = "Hun vil ikke si hvorfor",
  version = "1.0",
  language = "nb",
  summary = "En pasient i skranken vil ha time hos fastlegen, men vil ikke si hva det gjelder.",
  start = "09:00",
  duration = 12,
  difficulty = 2,
  modes = { "practice", "exam" },
  goals = {
    ["hse3005.hastegrad"] = 3,
    ["hse3007.timebok"] = 3,
    ["hse3006.pasientmote"] = 2,
    ["hse3007.prioritering"] = 2,
  },
}

local H = "hse3005.hastegrad"
local T = "hse3007.timebok"
local M = "hse3006.pasientmote"
local P = "hse3007.prioritering"

local FEMDAGER = 5            -- virkedager: en vanlig time tilbys normalt innen fem
local VENTEGRENSE = 6 * 60    -- så lenge kan mannen i køen vente uten å bli sett

local REGEL_GRUNN = "En pasient kan la være å si til resepsjonen hvorfor hen vil ha time; "
                    .. "å insistere er galt."

local function klokke(tid)    -- "14:20" -> "14.20"
  return (tid:gsub(":", "."))
end

local function dag_tekst(n)
  if n == 0 then return "i dag" end
  if n == 1 then return "neste virkedag" end
  local ord = { "en", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti" }
  return string.format("om %s virkedager", ord[n] or tostring(n))
end

-- "+2/14:20" -> 2, "14:20"; "14:20" -> 0, "14:20"
local function del_tid(slot)
  local d, hm = slot:match("^%+(%d+)/(%d%d:%d%d)$")
  if d then return tonumber(d), hm end
  return 0, slot
end

-- Variasjon: navn, fødselsår og når på dagen det passer. Id-ene er faste.
local lege = cast.doctor { id = "lege1",
  name = random.pick { "Kari Nygaard", "Ingrid Hovland", "Liv Brekke", "Turid Sand" } }
local lege2 = cast.doctor { id = "lege2",
  name = random.pick { "Jon Eriksen", "Erik Myhre", "Hans Lindqvist" } }

local pas_valg = random.pick {
  { "Line Johansen", "K" }, { "Tone Haugland", "K" }, { "Siri Mathisen", "K" },
  { "Kristin Aune", "K" },
}
local pasient = cast.patient {
  id = "pasient", name = pas_valg[1],
  fnr = fnr.synthetic { year = { 1979, 1998 }, sex = pas_valg[2] },
  phone = "915 60 218", address = "Grønnegata 30, 9008 Tromsø",
  notes = { "Fastlege: " .. lege.name .. "." },
}
local info = fnr.info(pasient.fnr)
local fodt = string.format("%02d.%02d.%d", info.day, info.month, info.year)
local fornavn = pas_valg[1]:match("^(%S+)")

local ONSKER = random.pick {
  { tekst = "helst etter klokka 14, for jeg jobber", passer = function(hm) return hm >= "14:00" end,
    kort = "etter kl. 14" },
  { tekst = "helst før klokka 10, så jeg rekker jobben etterpå",
    passer = function(hm) return hm < "10:00" end, kort = "før kl. 10" },
}

local mann = cast.patient {
  id = "mann", name = random.pick { "Arne Berge", "Odd Strøm", "Nils Karlsen", "Kåre Eide" },
  fnr = fnr.synthetic { year = { 1945, 1955 }, sex = "M" },
  phone = "907 33 412", address = "Tollbugata 8, 9008 Tromsø",
}

-- Andre pasienter som fyller timeboka.
local fyllnavn = {
  { "Eva Lund", "K", 1971 }, { "Per Kolstad", "M", 1963 }, { "Astrid Moen", "K", 1988 },
  { "Leif Fossum", "M", 1949 }, { "Hanne Lie", "K", 1975 }, { "Geir Olsen", "M", 1958 },
  { "Randi Holm", "K", 1966 }, { "Tor Ness", "M", 1992 },
}
local fyll = {}
for i, f in ipairs(fyllnavn) do
  fyll[i] = cast.patient { id = "fyll" .. i, name = f[1],
                           fnr = fnr.synthetic { year = f[3], sex = f[2] } }
end
local NOTATER = { "Kontroll", "Samtale", "Blodtrykk", "Sårkontroll", "Resept", "Oppfølging" }

-- Timeboka: fastlegen er full i dag og nesten full de neste dagene. Ledige
-- timer (alt annet er tatt). Fra dag 8 er det god plass, men det er for sent.
local LEDIG = {
  [0] = {},
  [1] = { "08:40", "11:00" },
  [2] = { "14:20" },
  [3] = { "09:20" },
  [4] = { "15:00" },
  [5] = { "12:00" },
  [6] = { "14:40", "08:20" },
  [7] = {},
}
local nr = 0
for dag = 0, 10 do
  timebok.slots { doctor = lege, day = dag, from = "08:00", to = "15:40", minutes = 20 }
  if LEDIG[dag] then
    local fri = {}
    for _, t in ipairs(LEDIG[dag]) do fri[t] = true end
    for m = 8 * 60, 15 * 60 + 20, 20 do
      local t = string.format("%02d:%02d", m // 60, m % 60)
      if not fri[t] then
        nr = nr + 1
        timebok.book { doctor = lege, day = dag, time = t, patient = fyll[nr % #fyll + 1],
                       note = NOTATER[nr % #NOTATER + 1] }
      end
    end
  end
end
-- Den andre legen har ledig neste virkedag, både tidlig og sent.
timebok.slots { doctor = lege2, from = "08:00", to = "15:40", minutes = 20 }
timebok.slots { doctor = lege2, day = 1, from = "08:00", to = "15:40", minutes = 20 }
timebok.book { doctor = lege2, time = "09:20", patient = mann, note = "Kontroll" }

local igjen = 2
local function en_ferdig()
  igjen = igjen - 1
  if igjen == 0 then finish("Begge i skranken er ferdige.") end
end

-------------------------------------------------------------- pasienten

local bestillinger = {}   -- hver book-handling for pasienten, i rekkefølge
observe.on("book", function(a)
  if a.patient == pasient.id then bestillinger[#bestillinger + 1] = a end
end)

-- Vurderer timen hun fikk. Kalles én gang, når hun går (eller tiden er ute).
local vurdert = false
local function vurder_timen()
  if vurdert then return end
  vurdert = true
  local timer = timebok.booked(pasient)
  if #timer == 0 then
    score.deduct(T, 1, {
      text = pasient.name .. " gikk uten time.",
      better = string.format("Finn en ledig time hos %s innen fem virkedager som passer "
                             .. "(%s), og bestill den mens hun står der.", lege.name,
                             ONSKER.kort) })
    return
  end
  local t = timer[1]
  local dag, hm = del_tid(t.time)
  local hos_fastlege = t.doctor == lege.id
  local passer = ONSKER.passer(hm)
  local innen = dag <= FEMDAGER
  local naar = string.format("%s kl. %s", dag_tekst(dag), klokke(hm))
  if hos_fastlege and innen and passer then
    score.award(T, 3, {
      text = string.format("Du bestilte en time hos fastlegen innen fem virkedager som passet "
                           .. "for henne: %s.", naar) })
  elseif not innen then
    score.award(T, 1, {
      text = string.format("Hun fikk en time, men først %s. En vanlig time tilbys normalt innen "
                           .. "fem virkedager, og %s hadde ledig tid tidligere.", naar,
                           hos_fastlege and "fastlegen" or "legene") })
  elseif not hos_fastlege then
    score.award(T, 2, {
      text = string.format("Du bestilte en time innen fem virkedager (%s), men hos %s og ikke "
                           .. "hos fastlegen hennes.", naar, cast.get(t.doctor).name) })
  else
    score.award(T, 2, {
      text = string.format("Du bestilte en time hos fastlegen innen fem virkedager (%s), men "
                           .. "hun ba om en time %s.", naar, ONSKER.kort) })
  end
  if #timer > 1 then
    score.deduct(T, 1, {
      text = fornavn .. " står med flere timer i timeboka.",
      better = "Avbestill timen som ble feil, slik at hun bare har én." })
  end
end

-- Bestillinger på feil person mens hun står i skranken.
observe.on("book", function(a)
  if a.patient ~= pasient.id and a.patient ~= mann.id then
    score.deduct(T, 1, {
      text = string.format("Du bestilte en time på %s, som ikke var i skranken.",
                           cast.get(a.patient).name),
      better = "Kontroller navn og fødselsdato før du bestiller." })
  end
end)

local function pasienten()
  local v = desk.arrive(pasient)
  if not v:wait_served { timeout = 8 * 60 } then
    score.deduct(M, 1, { text = pasient.name .. " ble ikke tatt imot.",
                         better = "Ta imot den som står først i køen." })
    v:leave()
    vurdert = true
    return en_ferdig()
  end

  local forste = v:ask(
    string.format("Hei. Jeg heter %s, født %s. Jeg vil gjerne ha en time hos fastlegen min, "
                  .. "%s.", pasient.name, fodt, lege.name),
    {
      { "ring", "Timer bestiller du på telefon eller på nett. Ring oss gjerne etter klokka ti." },
      { "haster", "Ja, det skal vi få til. Haster det, eller går det fint med en time i løpet "
                  .. "av noen dager?" },
      { "hva", "Ja, det skal vi få til. Hva gjelder det?" },
    }, { timeout = 4 * 60 })

  if forste == "ring" then
    score.deduct(M, 1, {
      text = "Du ba henne ringe i stedet for å hjelpe henne i skranken.",
      better = "Den som står i skranken, kan få time der og da." })
    v:say("Men jeg står jo her nå. Kan du ikke bare finne en time til meg?")
  elseif forste then
    score.award(M, 1, { text = "Du tok imot ønsket om time vennlig." })
  end

  local andre
  if forste then
    local spm = forste == "hva"
      and "(Hun ser seg over skulderen og senker stemmen.) Det vil jeg helst ikke si her, "
          .. "egentlig. Må jeg det?"
      or "(Hun senker stemmen.) Bare så du vet det: jeg vil helst ikke si hva det gjelder. "
         .. "Må jeg det?"
    andre = v:ask(spm, {
      { "mas", "Vi må nesten vite litt om hva det gjelder for å sette opp riktig time. Du kan "
               .. "bare si det lavt." },
      { "lege", "Da må jeg spørre legen om det er greit at du får time uten å si hvorfor." },
      { "godta", "Nei, det må du ikke – det tar du med legen. Jeg trenger bare å vite om det "
                 .. "haster, eller om det går fint med en vanlig time i løpet av noen dager." },
    }, { timeout = 4 * 60 })
  end

  local godtatt = false
  if andre == "godta" then
    godtatt = true
    score.award(H, 3, {
      text = "Du godtok at hun ikke ville si hva det gjaldt, og spurte bare om det hastet." })
  elseif andre == "mas" or andre == "lege" then
    score.deduct(H, 2, {
      rule = REGEL_GRUNN,
      text = andre == "mas"
             and "Du presset henne til å si hva det gjaldt, med en annen pasient rett bak henne."
             or "Du ga inntrykk av at hun trengte legens tillatelse for å slippe å si hvorfor.",
      better = "Godta vennlig at hun ikke vil si det, og spør bare om det haster." })
    local tredje = v:ask(
      andre == "mas" and "Nei ... det vil jeg ikke. Da lar jeg det heller være."
                     or "Må legen bestemme det? Jeg trodde jeg ikke måtte si det.",
      {
        { "avvis", "Ja vel. Da får du ringe når du vil si hva det gjelder." },
        { "beklag", "Unnskyld, det var dumt sagt. Du trenger ikke si hvorfor. Haster det, eller "
                    .. "går det fint med en time i løpet av noen dager?" },
      }, { timeout = 4 * 60 })
    if tredje == "beklag" then
      godtatt = true
      score.award(H, 1, {
        text = "Du snudde, ba om unnskyldning og spurte bare om det hastet." })
    elseif tredje == "avvis" then
      score.deduct(H, 1, {
        rule = REGEL_GRUNN,
        text = "Du sendte henne hjem uten time fordi hun ikke ville si hvorfor.",
        better = "Hun har rett til å la være å si det. Gi henne en time likevel." })
      score.deduct(M, 1, {
        text = "Hun gikk fra skranken uten hjelp og følte seg avvist.",
        better = "Vis at du forstår, og gi henne en time selv om hun ikke sier hvorfor." })
      v:say("Jeg tror jeg bytter fastlege, jeg.")
    end
  end

  if not godtatt then
    v:leave()
    vurder_timen()
    return en_ferdig()
  end

  v:say(string.format("Nei, det haster ikke. Men jeg vil gjerne komme i løpet av de nærmeste "
                      .. "dagene, %s.", ONSKER.tekst))
  local bestilt = observe.wait { kind = "book", patient = pasient, timeout = 5 * 60 }
  if not bestilt then
    v:say("Jeg må visst gå nå. Jeg ringer heller.")
    v:leave()
    vurder_timen()
    return en_ferdig()
  end
  local dag, hm = del_tid(bestilt.time)
  local hos = cast.get(bestilt.doctor).name
  local slutt = v:ask("Fint. Når ble det?", random.shuffle {
    { "si_tid", string.format("Du har time hos %s %s kl. %s. Velkommen da!", hos, dag_tekst(dag),
                              klokke(hm)) },
    { "si_tid_mas", string.format("Du har time hos %s %s kl. %s. Hvis du ombestemmer deg, er "
                                  .. "det fint om du ringer og sier hva det gjelder, så legen "
                                  .. "kan forberede seg.", hos, dag_tekst(dag), klokke(hm)) },
  }, { timeout = 3 * 60 })
  if slutt == "si_tid" then
    score.award(M, 1, { text = "Du sa tydelig når timen er, uten å spørre om grunnen igjen." })
  elseif slutt == "si_tid_mas" then
    score.deduct(M, 1, {
      rule = REGEL_GRUNN,
      text = "Du ba henne likevel om å si hva det gjaldt, når hun først hadde sagt nei.",
      better = "Si tiden og ønsk henne velkommen; grunnen tar hun med legen." })
  end
  v:say("Takk. Ha en fin dag.")
  v:leave()
  vurder_timen()
  en_ferdig()
end

clock.at("09:01", pasienten)

-------------------------------------------------------------- mannen i køen

clock.at("09:01:40", function()
  local v = desk.arrive(mann)
  if not v:wait_served { timeout = VENTEGRENSE } then
    score.deduct(P, 1, {
      text = string.format("%s sto i køen i %d minutter uten å bli sett.", mann.name,
                           VENTEGRENSE // 60),
      better = "Når du er ferdig med én pasient, ta imot den neste i køen." })
    v:wait_served()
  else
    score.award(P, 1, { text = mann.name .. " ble tatt imot uten lang ventetid." })
  end
  v:say(string.format("Hei, jeg har time hos %s klokka 09.20.", lege2.name))
  if observe.wait { kind = "check_in", patient = mann, timeout = 3 * 60 } then
    score.award(P, 1, { text = mann.name .. " ble registrert." })
    v:say("Takk, da setter jeg meg.")
  end
  v:leave()
  en_ferdig()
end)

on_end(function()
  vurder_timen()
  local v = observe.count { kind = "check_in", patient = mann }
  if v == 0 then
    score.deduct(P, 1, {
      text = mann.name .. " ble ikke registrert.",
      better = "Registrer oppmøtet for alle som kommer til timen sin." })
  end
end)
