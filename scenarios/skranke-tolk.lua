-- Sønnen vil tolke
--
-- En mor som snakker lite norsk kommer til skranken med sønnen sin på 14 år.
-- Hun vil ha time hos fastlegen fordi hun har hatt vondt i magen lenge, og
-- sønnen tilbyr seg å oversette, slik han «alltid gjør».
--
-- Scenarioet trener: å ikke bruke et barn som tolk i helsesaker, å bestille
-- kvalifisert tolk på riktig språk (det står i journalen), å sette av ekstra
-- tid i timeboka (dobbel time) – og å gjøre det vennlig, slik at barnet ikke
-- føler seg avvist.
--
-- Riktig vei:
--  * Ta imot dem. Takk sønnen for at han vil hjelpe, men si at dere bruker en
--    utdannet tolk når det gjelder helsen («tolk»).
--  * Når han insisterer: han kan gjerne være med som støtte, men tolkingen gjør
--    tolken («hold»).
--  * Åpne journalen til moren: der står det at hun trenger tolk, og på hvilket
--    språk (trekkes fra frøet; frø 1: se riktig.inputs).
--  * Bestill to timer rett etter hverandre hos fastlegen innen fem virkedager
--    (dobbel time). I dag er det fullt, og neste virkedag er det bare enkle
--    ledige timer; frø 1: «+2/09:00» og «+2/09:20».
--  * Si at tolk på riktig språk er bestilt til timen, og at sønnen ikke trenger
--    å ta fri fra skolen («tolk_riktig»).
--
-- Regler det scores etter (alle er praksis; DOMAIN.md nevner ikke tolk, så
-- ingen paragraf siteres):
--  * Katalogmålet hse3006.tolk: bestill kvalifisert tolk når pasient og
--    helsepersonell ikke forstår hverandre godt nok, sett av ekstra tid i
--    timeboka, og unngå å bruke barn eller andre pårørende som tolk [praksis].
--  * En vanlig time tilbys normalt innen fem virkedager [sikker, DOMAIN.md §4],
--    uten paragraf.
--  * Møte med pasienter og pårørende: vennlig også når svaret er nei
--    [praksis, katalogmålet hse3006.pasientmote].
-- Ingen kritiske feil: å la barnet tolke er en alvorlig faglig feil som gir
-- store trekk, men det står ikke på listen over kritiske brudd (taushetsplikt,
-- feil pasient, akutt situasjon, snoking).
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "skranke-tolk",
  title = "Sønnen vil tolke",
  version = "1.0",
  language = "nb",
  summary = "En mor som snakker lite norsk vil ha time, og sønnen på 14 år tilbyr seg å tolke.",
  start = "13:00",
  duration = 12,
  difficulty = 3,
  modes = { "practice", "exam" },
  goals = {
    ["hse3006.tolk"] = 5,
    ["hse3007.timebok"] = 3,
    ["hse3006.pasientmote"] = 2,
  },
}

local TK = "hse3006.tolk"
local B = "hse3007.timebok"
local M = "hse3006.pasientmote"

local FEMDAGER = 5
local REGEL_BARN = "Barn skal ikke brukes som tolk i helsesaker; bruk kvalifisert tolk."
local REGEL_TID = "Med tolk tar samtalen omtrent dobbelt så lang tid; sett av ekstra tid."

local function klokke(tid)
  return (tid:gsub(":", "."))
end

local function dag_tekst(n)
  if n == 0 then return "i dag" end
  if n == 1 then return "neste virkedag" end
  local ord = { "en", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti" }
  return string.format("om %s virkedager", ord[n] or tostring(n))
end

local function del_tid(slot)
  local d, hm = slot:match("^%+(%d+)/(%d%d:%d%d)$")
  if d then return tonumber(d), hm end
  return 0, slot
end

local function minutter(hm)
  local h, m = hm:match("^(%d%d):(%d%d)$")
  return tonumber(h) * 60 + tonumber(m)
end

-- Variasjon: språk, navn og legen. Id-ene er faste.
local SPRAK = random.pick {
  { sprak = "somali", feil = "arabisk", mor = { "Hodan Abdi", "Faadumo Warsame" },
    sonn = { "Abdirahman", "Mahad" } },
  { sprak = "tigrinja", feil = "amharisk", mor = { "Saba Tesfay", "Helen Ghebre" },
    sonn = { "Daniel", "Samuel" } },
  { sprak = "arabisk", feil = "kurdisk", mor = { "Amal Haddad", "Rania Khalil" },
    sonn = { "Omar", "Yusuf" } },
  { sprak = "dari", feil = "pashto", mor = { "Zahra Ahmadi", "Fatima Rahimi" },
    sonn = { "Ali", "Reza" } },
}
local mor_navn = random.pick(SPRAK.mor)
local etternavn = mor_navn:match("(%S+)$")
local sonn_fornavn = random.pick(SPRAK.sonn)

local lege = cast.doctor { id = "lege1",
  name = random.pick { "Kari Nygaard", "Ingrid Hovland", "Liv Brekke", "Turid Sand" } }

local sonn = cast.person { id = "sonn", name = sonn_fornavn .. " " .. etternavn,
                           kind = "relative", role = "sønn, 14 år" }
local mor = cast.patient {
  id = "mor", name = mor_navn,
  fnr = fnr.synthetic { year = { 1978, 1986 }, sex = "K" },
  phone = "940 12 877", address = "Stakkevollvegen 41, 9010 Tromsø",
  nearest_relative = "sonn",
  notes = {
    "Fastlege: " .. lege.name .. ".",
    string.format("Trenger tolk: %s. Bruk kvalifisert tolk (oppmøte eller skjerm).",
                  SPRAK.sprak),
  },
}

local fyll = {
  cast.patient { id = "fyll1", name = "Eva Lund", fnr = fnr.synthetic { year = 1971, sex = "K" } },
  cast.patient { id = "fyll2", name = "Per Kolstad", fnr = fnr.synthetic { year = 1963, sex = "M" } },
  cast.patient { id = "fyll3", name = "Leif Fossum", fnr = fnr.synthetic { year = 1949, sex = "M" } },
  cast.patient { id = "fyll4", name = "Hanne Lie", fnr = fnr.synthetic { year = 1975, sex = "K" } },
  cast.patient { id = "fyll5", name = "Geir Olsen", fnr = fnr.synthetic { year = 1958, sex = "M" } },
}
local NOTATER = { "Kontroll", "Samtale", "Blodtrykk", "Resept", "Oppfølging" }

-- Timeboka: fullt i dag; neste virkedag bare enkle ledige timer; to timer på
-- rad først om to og tre virkedager. Fra dag 6 er det god plass.
local LEDIG = {
  [0] = {},
  [1] = { "10:00", "11:20", "14:00" },
  [2] = { "09:00", "09:20", "13:40" },
  [3] = { "10:40", "11:00" },
  [4] = { "12:00" },
  [5] = { "08:40" },
}
local nr = 0
for dag = 0, 8 do
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

-------------------------------------------------------------- timeboka

observe.on("book", function(a)
  if a.patient == sonn.id then
    score.deduct(B, 1, {
      text = "Du bestilte timen på sønnen, ikke på moren.",
      better = "Timen skal stå på pasienten: moren." })
  end
end)

-- Finner den beste timen (eller dobbeltimen) moren har fått.
local function morens_time()
  local timer = timebok.booked(mor)
  if #timer == 0 then return nil end
  for i = 1, #timer do
    for j = 1, #timer do
      local di, hi = del_tid(timer[i].time)
      local dj, hj = del_tid(timer[j].time)
      if i ~= j and timer[i].doctor == timer[j].doctor and di == dj
         and minutter(hj) - minutter(hi) == 20 then
        return { dag = di, fra = hi, dobbel = true, antall = #timer }
      end
    end
  end
  local d, h = del_tid(timer[1].time)
  return { dag = d, fra = h, dobbel = false, antall = #timer }
end

local vurdert = false
local function vurder_timen()
  if vurdert then return end
  vurdert = true
  local t = morens_time()
  if not t then
    score.deduct(B, 1, {
      text = mor.name .. " fikk ingen time.",
      better = "Bestill en dobbel time (to timer på rad) mens de står i skranken." })
    return
  end
  local naar = string.format("%s kl. %s", dag_tekst(t.dag), klokke(t.fra))
  local innen = t.dag <= FEMDAGER
  if t.dobbel and innen then
    score.award(B, 3, {
      text = string.format("Du satte av en dobbel time (to timer på rad) %s, innen fem "
                           .. "virkedager – det trengs når legen snakker gjennom tolk.", naar) })
  elseif t.dobbel then
    score.award(B, 2, {
      text = string.format("Du satte av en dobbel time, men først %s. Det var ledig to timer "
                           .. "på rad innen fem virkedager.", naar) })
  else
    score.award(B, 1, { text = string.format("%s fikk time %s.", mor.name, naar) })
    score.deduct(B, 1, {
      rule = REGEL_TID,
      text = "Timen er en vanlig enkel time. Med tolk rekker ikke legen det på tjue minutter.",
      better = "Bestill to timer rett etter hverandre (dobbel time) når pasienten trenger tolk." })
  end
  if t.antall > (t.dobbel and 2 or 1) then
    score.deduct(B, 1, {
      text = mor.name .. " står med flere timer i timeboka enn hun skal ha.",
      better = "Avbestill timene som ble feil." })
  end
end

-------------------------------------------------------------- skranken

local function si(v, tekst)
  v:say(sonn.name .. " (sønn): " .. tekst)
end

local BARN_SOM_TOLK = { "barn_tolk", "Så flott at du kan hjelpe mamma! Da setter jeg opp en "
                                     .. "time, og så blir du med og oversetter." }
local TOLK = { "tolk", "Så fint at du vil hjelpe mamma! Men når det gjelder helsen, bruker vi "
                       .. "en utdannet tolk. Da kan mamma snakke fritt med legen, og du slipper "
                       .. "å ha det ansvaret." }

local function besok()
  local v = desk.arrive(mor)
  if not v:wait_served { timeout = 6 * 60 } then
    score.deduct(M, 1, { text = mor.name .. " og sønnen ble ikke tatt imot.",
                         better = "Ta imot dem som står i skranken." })
    v:leave()
    vurdert = true
    return finish("De gikk.")
  end

  local forste = v:ask(string.format(
    "%s (sønn): Hei! Jeg er %s, og dette er mamma. Hun snakker ikke så godt norsk. Hun har "
      .. "hatt vondt i magen lenge og vil gjerne til legen. Jeg kan oversette for henne – det "
      .. "gjør jeg alltid. Jeg har tatt fri fra skolen i dag for å bli med.",
    sonn.name, sonn_fornavn), {
      { "engelsk", "Legen kan litt engelsk. Det går sikkert fint uten tolk." },
      TOLK,
      { "app", "Mamma kan bruke en oversettelsesapp på telefonen inne hos legen." },
      BARN_SOM_TOLK,
    }, { timeout = 4 * 60 })

  if forste == "engelsk" or forste == "app" then
    score.deduct(TK, 1, {
      rule = "Bestill kvalifisert tolk når pasient og lege ikke forstår hverandre godt nok.",
      text = forste == "engelsk" and "Du ville klare deg uten tolk med litt engelsk."
                                  or "Du foreslo en oversettelsesapp i stedet for tolk.",
      better = "Bestill en kvalifisert tolk på språket hun snakker." })
    forste = v:ask(string.format("%s (sønn): Hm, det går ikke så bra. Jeg kan jo bare være "
                                 .. "med og oversette?", sonn.name),
                   { TOLK, BARN_SOM_TOLK }, { timeout = 3 * 60 })
  end

  local barn_tolker = false
  if forste == "tolk" then
    score.award(TK, 2, {
      text = "Du takket sønnen, men valgte en utdannet tolk i stedet for å la ham tolke." })
    local andre = v:ask(string.format(
      "%s (sønn): Men jeg kan norsk bedre enn mange voksne! Og mamma vil helst at jeg er med.",
      sonn.name), {
        { "nekte", "Nei, barn får ikke være med inn til legen." },
        { "gi_etter", "Ja vel, da kan du tolke, da." },
        { "hold", "Du kan gjerne være med mamma som støtte, men tolkingen gjør tolken. Da kan "
                  .. "mamma si alt hun vil til legen, og du slipper å oversette ting som kan "
                  .. "være vanskelige." },
      }, { timeout = 3 * 60 })
    if andre == "hold" then
      score.award(TK, 2, { text = "Du holdt fast på tolk da sønnen insisterte." })
      score.award(M, 1, {
        text = "Du var vennlig mot sønnen: han kan være med som støtte, men slipper å tolke." })
      si(v, "Ok ... det er jo greit, egentlig.")
    elseif andre == "nekte" then
      score.award(TK, 2, { text = "Du holdt fast på tolk da sønnen insisterte." })
      score.deduct(M, 1, {
        text = "Du sa at sønnen ikke fikk være med inn. Han kan gjerne være med som støtte, "
               .. "hvis moren vil.",
        better = "Si at han er velkommen som støtte, men at tolken tolker." })
      si(v, "Jøss. Ok.")
    elseif andre == "gi_etter" then
      barn_tolker = true
      score.deduct(TK, 2, {
        rule = REGEL_BARN,
        text = "Du ga etter og lot sønnen på 14 tolke for moren hos legen.",
        better = "Hold fast vennlig: han kan være med som støtte, men tolken tolker." })
      si(v, "Yes!")
    end
  elseif forste == "barn_tolk" then
    barn_tolker = true
    score.deduct(TK, 2, {
      rule = REGEL_BARN,
      text = "Du lot sønnen på 14 tolke for moren om helsen hennes.",
      better = "Takk ham for hjelpen, men bestill en kvalifisert tolk. Da kan moren snakke fritt, "
               .. "og han slipper ansvaret – og å ta fri fra skolen." })
  end

  if not forste then
    v:leave()
    vurder_timen()
    return finish("De gikk.")
  end

  if barn_tolker then
    si(v, "Kan timen være etter skolen, da? Etter klokka to? Da slipper jeg å ta fri igjen.")
  else
    si(v, "Mamma kan komme når det passer for dere. Når kan hun få time?")
  end

  local bestilt = observe.wait { kind = "book", patient = mor, timeout = 5 * 60 }
  if not bestilt then
    si(v, "Vi må gå nå. Vi ringer heller.")
    v:leave()
    vurder_timen()
    return finish("De gikk uten time.")
  end

  local sjekket = observe.count { kind = "open_record", patient = mor } > 0
  local slutt = v:ask(string.format("%s (sønn): Så hva skjer nå?", sonn.name), random.shuffle {
    { "tolk_riktig", string.format("Jeg bestiller en kvalifisert tolk på %s til timen, og "
                                   .. "setter av ekstra tid. Du trenger ikke ta fri fra "
                                   .. "skolen for å tolke.", SPRAK.sprak) },
    { "tolk_feil", string.format("Jeg bestiller en kvalifisert tolk på %s til timen, og "
                                 .. "setter av ekstra tid. Du trenger ikke ta fri fra skolen "
                                 .. "for å tolke.", SPRAK.feil) },
    { "barn_med", "Ta fri fra skolen den dagen, du, så kan du oversette for mamma." },
    { "kort", "Da er timen bestilt. Ha det bra!" },
  }, { timeout = 3 * 60 })
  -- Dobbeltimen kan bestilles før svaret; vurder timeboka nå.
  vurder_timen()

  if slutt == "tolk_riktig" then
    if barn_tolker then
      score.award(TK, 1, {
        text = string.format("Til slutt bestilte du likevel tolk på %s.", SPRAK.sprak) })
    elseif sjekket then
      score.award(TK, 1, {
        text = string.format("Du sjekket journalen og bestilte tolk på riktig språk (%s).",
                             SPRAK.sprak) })
    else
      score.award(TK, 1, {
        text = string.format("Du bestilte tolk på %s. (Det står i journalen; sjekk den, så "
                             .. "du ikke gjetter.)", SPRAK.sprak) })
    end
    score.award(M, 1, { text = "Du forklarte hva som skjer videre: tolk, ekstra tid, og at "
                               .. "sønnen slipper å ta fri." })
    si(v, "Takk! Det er egentlig litt deilig å slippe.")
  elseif slutt == "tolk_feil" then
    score.deduct(TK, 1, {
      text = string.format("Du bestilte tolk på %s, men journalen sier at hun trenger tolk på "
                           .. "%s.", SPRAK.feil, SPRAK.sprak),
      better = "Åpne journalen og se hvilket språk tolken skal ha." })
    score.award(M, 1, { text = "Du forklarte hva som skjer videre." })
    si(v, string.format("Eh ... mamma snakker %s, ikke %s.", SPRAK.sprak, SPRAK.feil))
  elseif slutt == "barn_med" then
    score.deduct(TK, 2, {
      rule = REGEL_BARN,
      text = "Du ba sønnen ta fri fra skolen for å tolke for moren hos legen.",
      better = "Bestill kvalifisert tolk til timen, så slipper han både ansvaret og fraværet." })
    si(v, "Ok. Da sier jeg det til læreren.")
  elseif slutt == "kort" then
    score.deduct(M, 1, {
      text = "Du sa ingenting om tolk eller hva som skjer videre.",
      better = "Fortell at tolk er bestilt, på hvilket språk, og at sønnen ikke trenger å tolke." })
    si(v, "Kommer det en tolk, da?")
  end
  v:leave()
  finish("Timen er bestilt, og de har gått.")
end

clock.at("13:01", besok)

on_end(function()
  vurder_timen()
end)
