-- Venøs blodprøve
--
-- Trener: venøs blodprøvetaking på laboratoriet, fra identifisering til merket
-- rør. Kari Nilsen kommer med en rekvisisjon fra legen (analysene trekkes fra
-- frøet, se REKVISISJONER). Kari Nielsen – nesten samme navn – har registrert
-- seg og sitter på venterommet og venter på legetimen sin.
--
-- Riktig vei: ta imot Kari Nilsen (serve), be henne selv si fullt navn og
-- fødselsnummer (åpent spørsmål) og skriv inn nummeret hun sier, sjekk
-- forberedelsene (faste og hvile), så: håndhygiene → stase på → desinfiser →
-- stikk → løsne stasen når blodet renner (under ett minutt) → rørene analysene
-- krever, i riktig rekkefølge, hvert rør vendt → kanylen rett i kanylebøtta →
-- plaster → merk rørene med Kari Nilsen → håndhygiene → avslutt.
--
-- Personer: kari-nilsen (pasienten, oppgaven «blodprove») og kari-nielsen
-- (venterommet). Samtalen med Kari Nilsen: open (be om navn og fødselsnummer;
-- så type nummeret), closed («Du er Kari Nilsen, ikke sant?», trekk),
-- read_fnr (leser opp nummeret, trekk) eller none (ingen identifisering);
-- deretter prep (spør om faste og hvile) eller start (trekk).
--
-- Trinnene scenarioet forstår (lab_step blodprove TRINN):
--   hand_hygiene  håndhygiene (før første og etter siste berøring av pasienten)
--   stasis_on     stase på        stasis_off  stase av
--   disinfect     desinfisere innstikkstedet
--   puncture      stikket i venen
--   mix           vende røret som nettopp ble fylt (5–10 ganger)
--   sharps        kanylen i kanylebøtta
--   plaster       tupfer og plaster
--   done          avslutte prøvetakingen (scenarioet vurderes og slutter)
-- Andre trinnavn er elevens frie valg: de gir verken poeng eller trekk (men et
-- kjent trinn mellom siste rør og kanylebøtta teller som at kanylen ikke gikk
-- rett i bøtta). I tillegg: pick_tube blodprove RØR og label blodprove PASIENT.
--
-- Regler og kilder (DOMAIN.md, prosjektets domenebeskrivelse):
--   §2 Identitet ved prøvetaking: pasienten sier fullt navn og hele
--      fødselsnummeret på et åpent spørsmål, kontrollert mot rekvisisjonen
--      [sikker]. Brukes som regel i tilbakemeldingen. Prøve uten identifisering
--      og prøverør merket med feil pasient er kritiske feil (samme regel:
--      etiketten skal stemme med pasienten som er identifisert).
--   §5 Venøs prøvetaking i 16 trinn (håndhygiene, identifisering, forberedelser
--      – faste 8–12 t, hvile 10–15 min –, stase under ett minutt, desinfeksjon,
--      stikk, stase av når blodet renner, rør i rekkefølge og vendt 5–10 ganger,
--      kanylen rett i kanylebøtta, tupfer og plaster, merking, håndhygiene),
--      prøvetakingsrekkefølgen (blodkultur → citrat → serum → heparin → EDTA →
--      SR → fluorid) og WHOs fem situasjoner for håndhygiene. Ikke merket
--      [sikker] i DOMAIN.md: lært som prosedyre, uten lovhenvisning.
--
-- Poeng (maks 15): håndhygiene 2 (før og etter pasientkontakt);
-- pasientidentifikasjon 3 (åpent spørsmål 2, riktig innskrevet nummer 1);
-- venepunksjon 8 (forberedelser, stase, desinfeksjon før stikk, riktige rør,
-- riktig rekkefølge, rørene vendt, kanylebøtte, plaster); prøvemerking 2
-- (riktig pasient på etiketten; trekk 1 om rørene merkes før de er fylt).
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "blodprove-venos",
  title = "Venøs blodprøve",
  version = "1.1",
  language = "nb",
  summary = "En pasient kommer med rekvisisjon på blodprøver; en annen med nesten "
            .. "samme navn sitter på venterommet.",
  start = "09:00",
  duration = 15,
  difficulty = 2,
  modes = { "practice", "exam" },
  goals = {
    ["hse3005.handhygiene"] = 2,
    ["hse3005.pasientidentifikasjon"] = 3,
    ["hse3005.venepunksjon"] = 8,
    ["hse3005.provemerking"] = 2,
  },
}

local HH = "hse3005.handhygiene"
local ID = "hse3005.pasientidentifikasjon"
local VP = "hse3005.venepunksjon"
local PM = "hse3005.provemerking"
local TASK = "blodprove"

local ID_RULE = "Identitet ved prøvetaking: pasienten sier selv fullt navn og hele "
                .. "fødselsnummeret på et åpent spørsmål, og svaret kontrolleres mot rekvisisjonen"

-- Prøvetakingsrekkefølgen (DOMAIN §5), samme rekkefølge som motorens rørliste.
local DRAW_ORDER = { blood_culture = 1, citrate = 2, serum = 3, heparin = 4,
                     edta = 5, esr = 6, fluoride = 7 }
local TUBE_NAME = {
  blood_culture = "blodkulturflaskene",
  citrate = "citratrøret (lyseblå kork)",
  serum = "serumrøret (rød/gul kork)",
  heparin = "heparinrøret (grønn kork)",
  edta = "EDTA-røret (lilla kork)",
  esr = "SR-røret (svart kork)",
  fluoride = "fluoridrøret (grå kork)",
}
local SHORT_NAME = {
  blood_culture = "blodkultur", citrate = "citrat", serum = "serum", heparin = "heparin",
  edta = "EDTA", esr = "SR", fluoride = "fluorid",
}
-- Hva et kjent trinn heter i tilbakemeldingen.
local STEP_TEXT = {
  hand_hygiene = "håndhygiene", stasis_on = "stase på", stasis_off = "stase av",
  disinfect = "desinfeksjon", puncture = "stikk", mix = "vending av røret",
  sharps = "kanylebøtta", plaster = "plaster", done = "avslutning",
  label = "merking", tube = "nytt rør",
}

-- Variasjon: rekvisisjonen trekkes fra frøet.
local REKVISISJONER = {
  { analyses = "SR, CRP, kreatinin og Hb", fasting = false,
    tubes = { "serum", "edta", "esr" },
    map = "CRP og kreatinin i serumrør, Hb i EDTA-rør og SR i SR-rør" },
  { analyses = "INR, kreatinin, Hb og glukose", fasting = true,
    tubes = { "citrate", "serum", "edta", "fluoride" },
    map = "INR i citratrør, kreatinin i serumrør, Hb i EDTA-rør og glukose i fluoridrør" },
  { analyses = "INR, natrium og kalium (heparinplasma) og HbA1c", fasting = false,
    tubes = { "citrate", "heparin", "edta" },
    map = "INR i citratrør, natrium og kalium i heparinrør og HbA1c i EDTA-rør" },
}
local req = random.pick(REKVISISJONER)
local needed = {}
for _, tube in ipairs(req.tubes) do needed[tube] = true end

local kari = cast.patient {
  id = "kari-nilsen", name = "Kari Nilsen",
  fnr = fnr.synthetic { year = { 1950, 1962 }, sex = "K" },
  phone = "917 20 334", address = "Løkkeveien 7, 7030 Trondheim",
  notes = { "Bruker Marevan. Blodprøver etter rekvisisjon fra legen." },
}
local nielsen = cast.patient {
  id = "kari-nielsen", name = "Kari Nielsen",
  fnr = fnr.synthetic { year = { 1972, 1985 }, sex = "K" },
  phone = "948 61 207", address = "Bakkegata 21, 7014 Trondheim",
}

local visit, task          -- Kari Nilsens besøk og laboratorieoppgaven
local identified           -- nil, "open" eller "closed"
local id_critical = false  -- prøve tatt uten identifisering
local label_critical = false
local sampling_started = false
local judged = false

-- ------------------------------------------------------------ hjelpere

local function spaced(number)
  return number:sub(1, 6) .. " " .. number:sub(7)
end

local function seconds(hms)
  local h, m, s = hms:match("^(%d+):(%d+):(%d+)")   -- også med millisekunder (vinduet)
  return tonumber(h) * 3600 + tonumber(m) * 60 + tonumber(s)
end

local function duration_text(s)
  if s < 60 then return string.format("%d sekunder", s) end
  local m, rest = s // 60, s % 60
  local mins = m == 1 and "1 minutt" or string.format("%d minutter", m)
  if rest == 0 then return mins end
  return string.format("%s og %d sekunder", mins, rest)
end

-- "a", "a og b", "a, b og c"
local function join(list)
  if #list <= 1 then return list[1] or "" end
  return table.concat(list, ", ", 1, #list - 1) .. " og " .. list[#list]
end

-- ------------------------------------------------------------ samtalen

local function conversation()
  local first = visit:ask(
    "Hei! Jeg skal ta noen blodprøver. Legen sa at rekvisisjonen var sendt hit.",
    {
      { "open", "Hei, velkommen inn! Før vi begynner: Kan du si hele navnet ditt og "
                .. "fødselsnummeret ditt?" },
      { "closed", "Hei, velkommen inn! Du er Kari Nilsen, ikke sant?" },
      { "read_fnr", "Hei! Jeg skal bare sjekke: Er fødselsnummeret ditt "
                    .. spaced(kari.fnr) .. "?" },
      { "none", "Hei, velkommen inn! Bare sett deg, så tar vi prøvene." },
    })
  if not first then return end

  if first == "open" then
    identified = "open"
    visit:say("Kari Nilsen, " .. spaced(kari.fnr) .. ".")
    if not id_critical then
      score.award(ID, 2, {
        text = "Du ba pasienten selv si fullt navn og fødselsnummer (åpent spørsmål)." })
    end
    local typed = visit:ask_text(
      "Skriv inn fødselsnummeret hun sier, og sammenlign det med rekvisisjonen.")
    if typed then
      typed = typed:gsub("%s", "")
      if typed == kari.fnr then
        if not id_critical then
          score.award(ID, 1, {
            text = "Fødselsnummeret hun sa stemmer med rekvisisjonen, og du skrev det riktig." })
        end
      else
        score.deduct(ID, 1, {
          text = "Fødselsnummeret du skrev inn stemmer ikke med det hun sa og det som står "
                 .. "på rekvisisjonen.",
          better = "Be pasienten gjenta nummeret, og sammenlign siffer for siffer med "
                   .. "rekvisisjonen før du stikker." })
      end
    end
  elseif first == "closed" then
    identified = "closed"
    visit:say("Ja, det stemmer.")
    score.deduct(ID, 2, {
      rule = ID_RULE,
      text = "Du spurte «Du er Kari Nilsen, ikke sant?» – et lukket spørsmål som bare "
             .. "får et ja eller nei.",
      better = "Be pasienten selv si fullt navn og hele fødselsnummeret. Mange svarer ja "
               .. "uten å høre etter – og på venterommet sitter Kari Nielsen." })
  elseif first == "read_fnr" then
    identified = "closed"
    visit:say("Eh … ja, det stemmer vel.")
    score.deduct(ID, 2, {
      rule = ID_RULE,
      text = "Du leste opp fødselsnummeret og ba om et ja.",
      better = "Les aldri opp nummeret: be pasienten si fullt navn og hele "
               .. "fødselsnummeret selv, og sjekk det mot rekvisisjonen." })
  elseif first == "none" then
    visit:say("Ja da.")
  end
  if judged or visit:state() ~= "at_counter" then return end

  local check = req.fasting
    and "Har du vært fastende siden i går kveld, og har du sittet i ro en stund?"
    or "Har du sittet i ro en stund før prøven?"
  local second = visit:ask("Hvilken arm vil du ta prøven fra?", {
    { "prep", "Vi ser på begge to. Men først: " .. check },
    { "start", "Vi ser på begge to, og så setter vi i gang med en gang." },
  })
  if second == "prep" then
    visit:say(req.fasting
      and "Ja, jeg har ikke spist noe siden ti i går kveld, bare drukket litt vann. Og jeg "
          .. "har sittet et kvarter på venterommet."
      or "Ja, jeg har sittet et kvarter på venterommet.")
    if sampling_started then
      score.deduct(VP, 1, {
        text = "Du spurte om forberedelsene først etter at prøvetakingen var i gang.",
        better = "Sjekk rekvisisjonen og forberedelsene før du begynner." })
    else
      score.award(VP, 1, {
        text = req.fasting
          and "Du sjekket forberedelsene (faste og hvile) før prøvetakingen."
          or "Du sjekket at pasienten hadde hvilt før prøvetakingen." })
    end
  elseif second == "start" then
    score.deduct(VP, 1, {
      text = "Du sjekket ikke forberedelsene før prøvetakingen.",
      better = "Se på rekvisisjonen og spør: Har pasienten fastet 8–12 timer når analysen "
               .. "krever det, og har hun sittet i ro 10–15 minutter?" })
  end
end

-- ------------------------------------------------------------ vurderingen

-- Vurderer prosedyren ut fra elevens handlinger på oppgaven. how: "done" når
-- eleven avsluttet, "time" når tiden gikk ut.
local function judge(how)
  if judged then return end
  judged = true

  local steps = {}     -- { name=, tube=, patient=, t= } i rekkefølge
  for _, a in ipairs(task and task:actions() or {}) do
    local name
    if a.kind == "lab_step" then name = a.step
    elseif a.kind == "pick_tube" then name = "tube"
    elseif a.kind == "label" then name = "label"
    end
    if name then
      steps[#steps + 1] = { name = name, tube = a.tube, patient = a.patient,
                            t = seconds(a.time) }
    end
  end
  local function first(name, from)
    for i = from or 1, #steps do
      if steps[i].name == name then return i end
    end
  end
  local function last(name)
    for i = #steps, 1, -1 do
      if steps[i].name == name then return i end
    end
  end

  local puncture = first("puncture")
  local tubes = {}     -- rørene i den rekkefølgen de ble fylt
  for _, s in ipairs(steps) do
    if s.name == "tube" then tubes[#tubes + 1] = s.tube end
  end

  if not puncture and #tubes == 0 then
    local never_served = visit and visit:state() == "waiting"
    score.deduct(VP, 1, {
      text = never_served and "Kari Nilsen ble aldri hentet inn, og blodprøvene ble ikke tatt."
             or how == "time" and "Tiden gikk ut før blodprøvene var tatt."
             or "Du avsluttet uten å ta blodprøvene.",
      better = "Gå gjennom prosedyren: håndhygiene, identifisering, stase, desinfeksjon, "
               .. "stikk, rørene i riktig rekkefølge, kanylebøtta, plaster, merking og "
               .. "håndhygiene." })
    if not identified then
      score.deduct(ID, 2, {
        rule = ID_RULE,
        text = "Pasienten ble ikke identifisert.",
        better = "Be pasienten si fullt navn og hele fødselsnummeret, og sjekk mot "
                 .. "rekvisisjonen." })
    end
    return
  end

  -- Håndhygiene før og etter pasientkontakt.
  local CONTACT = { stasis_on = true, stasis_off = true, disinfect = true, puncture = true,
                    tube = true, sharps = true, plaster = true }
  local first_contact, last_contact
  for i, s in ipairs(steps) do
    if CONTACT[s.name] then
      first_contact = first_contact or i
      last_contact = i
    end
  end
  local hh_first, hh_last = first("hand_hygiene"), last("hand_hygiene")
  if hh_first and hh_first < first_contact then
    score.award(HH, 1, { text = "Du gjorde håndhygiene før du tok på pasienten." })
  else
    score.deduct(HH, 1, {
      text = "Du gjorde ikke håndhygiene før du tok på pasienten.",
      better = "Håndhygiene før pasientkontakt og før en aseptisk oppgave som stikket er "
               .. "første trinn – vask eller sprit hendene før du setter på stasen." })
  end
  if hh_last and hh_last > last_contact then
    score.award(HH, 1, { text = "Du gjorde håndhygiene etter pasientkontakten." })
  else
    score.deduct(HH, 1, {
      text = "Du gjorde ikke håndhygiene etter pasientkontakten.",
      better = "Avslutt med håndhygiene når prøvetakingen er ferdig og før du går videre "
               .. "til neste oppgave." })
  end

  -- Stasen: på før stikket, av før kanylen ut, under ett minutt hver gang.
  local sharps = first("sharps")
  local on_since, longest, on_at_sharps = nil, 0, false
  for i, s in ipairs(steps) do
    if i == sharps and on_since then on_at_sharps = true end
    if s.name == "stasis_on" and not on_since then
      on_since = s.t
    elseif s.name == "stasis_off" and on_since then
      longest = math.max(longest, s.t - on_since)
      on_since = nil
    end
  end
  local stasis_on = first("stasis_on")
  local stasis_better = "Sett stasen ca. 10 cm over innstikkstedet, ha utstyret klart før "
                        .. "du strammer, og løsne den når blodet renner. Stase over ett "
                        .. "minutt kan gi feil prøvesvar."
  if not stasis_on then
    score.deduct(VP, 1, { text = puncture and "Du satte ikke på stase før stikket."
                                           or "Du satte ikke på stase.",
                          better = stasis_better })
  elseif puncture and stasis_on > puncture then
    score.deduct(VP, 1, { text = "Stasen kom på først etter stikket.", better = stasis_better })
  elseif on_since then
    score.deduct(VP, 1, { text = "Stasen ble aldri løsnet.", better = stasis_better })
  elseif on_at_sharps then
    score.deduct(VP, 1, {
      text = "Stasen satt fortsatt på da kanylen ble trukket ut.",
      better = "Løsne stasen når blodet renner, og alltid før kanylen trekkes ut." })
  elseif longest >= 60 then
    score.deduct(VP, 1, {
      text = "Stasen satt på i " .. duration_text(longest) .. ". Den skal sitte under ett "
             .. "minutt.",
      better = stasis_better })
  else
    score.award(VP, 1, {
      text = "Stasen satt på i " .. duration_text(longest) .. " – under ett minutt – og "
             .. "ble løsnet før kanylen kom ut." })
  end

  -- Desinfeksjon før stikket.
  local disinfect = first("disinfect")
  if not puncture then
    score.deduct(VP, 1, {
      text = "Selve stikket i venen ble ikke registrert før rørene ble fylt.",
      better = "Desinfiser, la huden tørke, stikk – og fyll rørene først når kanylen er i "
               .. "venen." })
  elseif not disinfect or disinfect > puncture then
    score.deduct(VP, 1, {
      text = "Du desinfiserte ikke innstikkstedet før stikket.",
      better = "Desinfiser med 70 % alkohol (klorheksidin ved blodkultur), og la huden "
               .. "tørke før du stikker." })
  else
    score.award(VP, 1, { text = "Du desinfiserte innstikkstedet før stikket." })
  end

  -- Riktige rør: ingen mangler, ingen ekstra.
  local seen, missing, extra = {}, {}, {}
  for _, tube in ipairs(tubes) do
    if not needed[tube] then
      extra[#extra + 1] = TUBE_NAME[tube]
    elseif seen[tube] then
      extra[#extra + 1] = TUBE_NAME[tube] .. " en gang til"
    end
    seen[tube] = true
  end
  for _, tube in ipairs(req.tubes) do
    if not seen[tube] then missing[#missing + 1] = TUBE_NAME[tube] end
  end
  if #missing == 0 and #extra == 0 then
    score.award(VP, 1, {
      text = "Du tok akkurat de rørene rekvisisjonen krever (" .. req.map .. ")." })
  end
  if #missing > 0 then
    score.deduct(VP, 1, {
      text = "Disse rørene manglet: " .. join(missing) .. ".",
      better = "Les rekvisisjonen nøye før du begynner: " .. req.map .. "." })
  end
  if #extra > 0 then
    score.deduct(VP, 1, {
      text = "Du tok rør som ikke trengtes: " .. join(extra) .. ".",
      better = "Ta bare de rørene analysene krever (" .. req.map .. ")." })
  end

  -- Prøvetakingsrekkefølgen (vurderes når minst to rør er fylt; samme rør to
  -- ganger er et ekstra rør, ikke en rekkefølgefeil).
  if #tubes > 1 then
    local wrong
    for i = 2, #tubes do
      if DRAW_ORDER[tubes[i]] < DRAW_ORDER[tubes[i - 1]] and not wrong then
        wrong = i
      end
    end
    if wrong then
      score.deduct(VP, 1, {
        text = "Rørene ble fylt i feil rekkefølge: " .. TUBE_NAME[tubes[wrong]] .. " kom etter "
               .. TUBE_NAME[tubes[wrong - 1]] .. ".",
        better = "Rekkefølgen er blodkultur → citrat (lyseblå) → serum (rød/gul) → heparin "
                 .. "(grønn) → EDTA (lilla) → SR (svart) → fluorid (grå). Ellers kan "
                 .. "tilsetning fra ett rør følge med til det neste og gi feil svar." })
    else
      local names, shown = {}, {}
      for _, tube in ipairs(tubes) do
        if not shown[tube] then
          shown[tube] = true
          names[#names + 1] = SHORT_NAME[tube]
        end
      end
      score.award(VP, 1, {
        text = "Rørene ble fylt i riktig rekkefølge: " .. table.concat(names, ", ") .. "." })
    end
  end

  -- Hvert rør vendt før neste rør.
  if #tubes > 0 then
    local unmixed, listed, count = {}, {}, 0
    for i, s in ipairs(steps) do
      if s.name == "tube" then
        local mixed = false
        for j = i + 1, #steps do
          if steps[j].name == "tube" then break end
          if steps[j].name == "mix" then mixed = true; break end
        end
        if not mixed then
          count = count + 1
          if not listed[s.tube] then
            listed[s.tube] = true
            unmixed[#unmixed + 1] = TUBE_NAME[s.tube]
          end
        end
      end
    end
    if count == 0 then
      score.award(VP, 1, { text = "Du vendte hvert rør straks det var fylt." })
    else
      score.deduct(VP, 1, {
        text = count == #tubes and "Ingen av rørene ble vendt etter fyllingen."
               or "Disse rørene ble ikke vendt etter fyllingen: " .. join(unmixed) .. ".",
        better = "Vend hvert rør forsiktig 5–10 ganger straks det er fylt, så tilsetningen "
                 .. "blandes med blodet." })
    end
  end

  -- Kanylen rett i kanylebøtta.
  local last_tube = last("tube")
  local anchor = math.max(last_tube or 0, puncture or 0)
  local sharps_better = "Legg kanylen rett i kanylebøtta straks den er trukket ut – før "
                        .. "plaster og merking, og aldri med hetten på igjen."
  if not sharps then
    score.deduct(VP, 1, { text = "Kanylen ble ikke lagt i kanylebøtta.",
                          better = sharps_better })
  elseif sharps < anchor then
    score.deduct(VP, 1, { text = "Du kastet kanylen før alle rørene var fylt.",
                          better = "Fyll alle rørene først, så kanylen rett i kanylebøtta." })
  else
    local between = {}
    for i = anchor + 1, sharps - 1 do
      local name = steps[i].name
      if STEP_TEXT[name] and name ~= "stasis_off" and name ~= "mix" then
        between[#between + 1] = STEP_TEXT[name]
      end
    end
    if #between > 0 then
      score.deduct(VP, 1, {
        text = "Kanylen gikk ikke rett i kanylebøtta: først kom " .. join(between) .. ".",
        better = sharps_better })
    else
      score.award(VP, 1, { text = "Kanylen gikk rett i kanylebøtta." })
    end
  end

  -- Tupfer og plaster etter stikket.
  local plaster = last("plaster")
  if plaster and (not puncture or plaster > puncture) then
    score.award(VP, 1, { text = "Du la på tupfer og plaster etter stikket." })
  else
    score.deduct(VP, 1, {
      text = "Du satte ikke på tupfer og plaster etter stikket.",
      better = "Trykk med en tupfer når kanylen er ute, og sett på plaster." })
  end

  -- Merking hos pasienten (feil pasient er allerede en kritisk feil).
  if not label_critical then
    local labelled, after_tubes = false, false
    local first_tube = first("tube")
    for i, s in ipairs(steps) do
      if s.name == "label" and s.patient == kari.id then
        labelled = true
        if first_tube and i > first_tube then after_tubes = true end
      end
    end
    if labelled then
      score.award(PM, 2, {
        text = "Du merket rørene med riktig pasient mens hun fortsatt satt hos deg." })
      if first_tube and not after_tubes then
        score.deduct(PM, 1, {
          text = "Du merket rørene før de var fylt.",
          better = "Merk rørene rett etter prøvetakingen, mens pasienten fortsatt sitter hos "
                   .. "deg, og sjekk etiketten mot rekvisisjonen." })
      end
    else
      score.deduct(PM, 2, {
        text = how == "time" and "Rørene var ikke merket da tiden gikk ut."
                              or "Rørene ble ikke merket før pasienten gikk.",
        better = "Merk rørene hos pasienten rett etter prøvetakingen, og kontroller "
                 .. "etiketten mot rekvisisjonen og det pasienten selv sa." })
    end
  end
end

-- ------------------------------------------------------------ hendelser

-- Kari Nielsen: har time hos legen og setter seg på venterommet.
clock.at("09:00", function()
  local v = desk.arrive(nielsen)
  v:say("Hei! Jeg har time hos legen klokka halv ti. Jeg har registrert meg i automaten, "
        .. "så jeg setter meg på venterommet.")
  v:leave()
end)

-- Kari Nilsen: kommer med rekvisisjon på blodprøver.
clock.at("09:01", function()
  visit = desk.arrive(kari)
  task = lab.task {
    id = TASK, patient = kari, kind = "venous",
    title = "Venøs blodprøve: " .. req.analyses .. (req.fasting and " (fastende)" or ""),
    -- Benken viser trinnene sortert etter tekst, så rekkefølgen her er ingen hjelp.
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
  if visit:wait_served() then conversation() end
end)

-- Prøve tatt uten at pasienten er identifisert: kritisk.
local function sampling()
  sampling_started = true
  if not identified and not id_critical then
    id_critical = true
    score.critical(ID, {
      rule = ID_RULE,
      text = "Du tok blodprøven uten å ha identifisert pasienten.",
      better = "Be pasienten si fullt navn og hele fødselsnummeret før du stikker, og "
               .. "kontroller svaret mot rekvisisjonen." })
  end
end
observe.on({ kind = "pick_tube", task = TASK }, sampling)
observe.on({ kind = "lab_step", task = TASK, step = "puncture" }, sampling)

-- Rør merket med en annen enn Kari Nilsen: kritisk.
observe.on({ kind = "label", task = TASK }, function(a)
  if a.patient == kari.id or label_critical then return end
  label_critical = true
  local who = cast.get(a.patient)
  score.critical(PM, {
    rule = ID_RULE .. "; etiketten skal ha navnet og fødselsnummeret til den samme pasienten",
    text = "Feil pasient på prøverøret: du merket rørene med " .. (who and who.name or a.patient)
           .. ", men blodet er Kari Nilsens.",
    better = "Merk rørene mens pasienten sitter hos deg, og sjekk etiketten mot "
             .. "rekvisisjonen og navnet og fødselsnummeret hun selv sa. Vær ekstra "
             .. "nøye når noen på venterommet har nesten samme navn." })
end)

-- Avslutning: vurder, la pasienten gå og avslutt scenarioet.
observe.on({ kind = "lab_step", task = TASK, step = "done" }, function()
  judge("done")
  task:close()
  if visit:state() == "at_counter" then
    visit:say("Takk for hjelpen! Ha en fin dag.")
  end
  visit:leave()
  finish("Prøvetakingen er avsluttet.")
end)

-- Tiden ute før eleven avsluttet: vurder det som ble gjort.
on_end(function()
  judge("time")
end)
