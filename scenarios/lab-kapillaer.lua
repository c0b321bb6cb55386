-- Kapillær blodprøve
--
-- Trener: kapillær prøvetaking på laboratoriet, fra identifisering til merkede
-- mikrorør. Frøet trekker pasienten: en voksen med vanskelige vener (legen har
-- bedt om kapillærprøve: blodstatus og kreatinin), eller et spedbarn på noen
-- uker som kommer med mor eller far (Hb og bilirubin ved langvarig gulsott).
-- Pasienten (eller forelderen) foreslår et feil stikksted, for å friste.
--
-- Riktig vei: ta imot pasienten (serve), be pasienten – eller forelderen, når
-- pasienten er et spedbarn – si fullt navn og fødselsnummer (åpent spørsmål) og
-- skriv inn nummeret, så: håndhygiene → stikk i siden av fingertuppen på
-- ringfingeren eller langfingeren (voksen) / i hælen (spedbarn under tre
-- måneder) → klem bare lett → EDTA-mikrorøret først, deretter røret uten
-- tilsetning (serum) → tupfer og plaster → merk rørene med pasienten →
-- håndhygiene → avslutt.
--
-- Personer: pasient (voksen eller spedbarn, oppgaven «kapillar») og forelder
-- (bare med spedbarnet: forelderen kommer til skranken med barnet, og det er
-- forelderen du tar imot og snakker med). Samtalen: open (be om navn og fødselsnummer; så type
-- nummeret), closed («Du er …, ikke sant?», trekk), read_fnr (leser opp
-- nummeret, trekk) eller none (ingen identifisering).
--
-- Trinnene (lab_step kapillar TRINN):
--   hand_hygiene  håndhygiene          gloves      hansker (gir ingen poeng)
--   warm          varme stikkstedet    disinfect   desinfisere (gir ingen poeng)
--   site_ring, site_middle             stikk i siden av fingertuppen på ring-
--                                      eller langfingeren (riktig for voksne)
--   site_heel     stikk i hælen (riktig for spedbarn under tre måneder)
--   site_pad, site_thumb, site_little  midt på fingertuppen, tommel, lillefinger
--                                      (alltid feil)
--   squeeze_light klemme lett          squeeze_hard  klemme/melke hardt (trekk)
--   plaster       tupfer og plaster    done          avslutte (vurderes, slutter)
-- I tillegg: pick_tube kapillar edta|serum og label kapillar PASIENT.
-- Oppvarming og desinfeksjon står på benken fordi de hører til arbeidet, men
-- DOMAIN.md nevner dem ikke for kapillærprøver, så de gir verken poeng eller
-- trekk. Å tørke bort første bloddråpe er utelatt av samme grunn.
--
-- Regler og kilder (DOMAIN.md):
--   §5 Kapillærprøve: EDTA først, så rør uten tilsetning; siden av fingertuppen
--      på ring- eller langfinger, aldri tommel eller lillefinger; hælen hos
--      spedbarn under 3 måneder; bare lett klemming. Lært som prosedyre, uten
--      lovhenvisning.
--   §5 Håndhygiene: WHOs fem situasjoner (før pasientkontakt, etter
--      pasientkontakt). Prosedyre, uten lovhenvisning.
--   §2 Identitet ved prøvetaking [sikker]: pasienten sier fullt navn og hele
--      fødselsnummeret på et åpent spørsmål, kontrollert mot rekvisisjonen (for
--      spedbarn: forelderen). Prøve uten identifisering og rør merket med feil
--      person (også forelderens navn på barnets rør) er kritiske feil.
--
-- Poeng (maks 12): pasientidentifikasjon 3 (åpent spørsmål 2, riktig
-- innskrevet nummer 1); håndhygiene 2 (før og etter); kapillærprøve 5
-- (stikksted 2, lett klemming 1, riktige rør 1, EDTA først 1); prøvemerking 2.
-- Scenarioet spiller midt i november 2026 (som de andre scenarioene); spedbarnet
-- er født i slutten av september eller begynnelsen av oktober.
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "lab-kapillaer",
  title = "Kapillær blodprøve",
  version = "1.0",
  language = "nb",
  summary = "Kapillærprøve på laboratoriet: riktig stikksted, lett klemming, EDTA-røret "
            .. "først og merking hos pasienten.",
  start = "10:00",
  duration = 15,
  difficulty = 2,
  modes = { "practice", "exam" },
  goals = {
    ["hse3005.pasientidentifikasjon"] = 3,
    ["hse3005.handhygiene"] = 2,
    ["hse3005.kapillaerprove"] = 5,
    ["hse3005.provemerking"] = 2,
  },
}

local ID = "hse3005.pasientidentifikasjon"
local HH = "hse3005.handhygiene"
local KP = "hse3005.kapillaerprove"
local PM = "hse3005.provemerking"
local TASK = "kapillar"

local ID_RULE = "Identitet ved prøvetaking: pasienten (for et spedbarn: forelderen) sier "
                .. "fullt navn og hele fødselsnummeret på et åpent spørsmål, og svaret "
                .. "kontrolleres mot rekvisisjonen"
local SITE_RULE = "Kapillærprøve (prosedyre): siden av fingertuppen på ring- eller langfinger, "
                  .. "aldri tommel eller lillefinger; hælen hos spedbarn under tre måneder"
local SQUEEZE_RULE = "Kapillærprøve (prosedyre): bare lett klemming"
local ORDER_RULE = "Kapillærprøve (prosedyre): EDTA-røret først, så rør uten tilsetning"

local TUBE_NAME = {
  edta = "EDTA-mikrorøret (lilla)",
  serum = "mikrorøret uten tilsetning (serum)",
  blood_culture = "blodkulturflaskene", citrate = "citratrøret", heparin = "heparinrøret",
  esr = "SR-røret", fluoride = "fluoridrøret",
}
local SITE_TEXT = {
  site_ring = "i siden av fingertuppen på ringfingeren",
  site_middle = "i siden av fingertuppen på langfingeren",
  site_heel = "i hælen",
  site_pad = "midt på fingertuppen",
  site_thumb = "i tommelen",
  site_little = "i lillefingeren",
}
local CONTACT = { warm = true, disinfect = true, site_ring = true, site_middle = true,
                  site_heel = true, site_pad = true, site_thumb = true, site_little = true,
                  squeeze_light = true, squeeze_hard = true, plaster = true, tube = true }

-- ------------------------------------------------------------ variasjon

local baby = random.pick { false, true }
local patient, parent, req

if baby then
  local child = random.pick { { "Ella", "K", "hun", "henne" }, { "Noah", "M", "han", "ham" },
                              { "Sofie", "K", "hun", "henne" }, { "Lukas", "M", "han", "ham" } }
  local surname = random.pick { "Berge", "Aune", "Strand", "Lie" }
  local par = random.pick { { "Ida", "mor" }, { "Henrik", "far" }, { "Maria", "mor" } }
  local day = random.int(28, 30)
  parent = cast.person { id = "forelder", name = par[1] .. " " .. surname, kind = "relative",
                         role = par[2], phone = "913 40 226" }
  patient = cast.patient {
    id = "pasient", name = child[1] .. " " .. surname,
    fnr = fnr.synthetic { year = 2026, month = 9, day = day, sex = child[2] },
    address = "Fjordgata 9, 7010 Trondheim",
    nearest_relative = "forelder", consent = { "forelder" },
    notes = { "Gulsott som varer utover to ukers alder. Kapillærprøve: Hb og bilirubin.",
              (par[2] == "mor" and "Mor: " or "Far: ") .. parent.name .. ", tlf. 913 40 226." },
  }
  req = { analyses = "Hb og bilirubin", tubes = { "edta", "serum" },
          map = "Hb i EDTA-mikrorøret og bilirubin i mikrorøret uten tilsetning",
          first = child[1], pron = child[3], obj = child[4],
          age = random.pick { "seks uker", "sju uker" } }
else
  local who = random.pick { { "Torill Haugland", "K" }, { "Bjørn Eide", "M" },
                            { "Randi Myklebust", "K" }, { "Arne Vollan", "M" } }
  patient = cast.patient {
    id = "pasient", name = who[1],
    fnr = fnr.synthetic { year = { 1950, 1975 }, sex = who[2] },
    phone = "917 55 102", address = "Kirkegata 12, 7013 Trondheim",
    notes = { "Svært vanskelige vener. Legen har bedt om kapillærprøve: blodstatus og "
              .. "kreatinin." },
  }
  req = { analyses = "blodstatus og kreatinin", tubes = { "edta", "serum" },
          map = "blodstatus i EDTA-mikrorøret og kreatinin i mikrorøret uten tilsetning",
          first = who[1]:match("^(%S+)") }
end

local function spaced(number)
  return number:sub(1, 6) .. " " .. number:sub(7)
end

local function join(list)
  if #list <= 1 then return list[1] or "" end
  return table.concat(list, ", ", 1, #list - 1) .. " og " .. list[#list]
end

-- Svarvalgene stokkes ved innlasting: rekkefølgen røper ikke svaret.
local subject = baby and ("hele navnet og fødselsnummeret til " .. req.first)
                      or "hele navnet ditt og fødselsnummeret ditt"
local ID_OPTIONS = random.shuffle {
  { "open", "Hei, velkommen inn! Før vi begynner: Kan du si " .. subject .. "?" },
  { "closed", baby and ("Hei, velkommen inn! Dette er " .. patient.name .. ", ikke sant?")
                    or ("Hei, velkommen inn! Du er " .. patient.name .. ", ikke sant?") },
  { "read_fnr", "Hei! Jeg skal bare sjekke: Er fødselsnummeret "
                .. (baby and ((req.pron == "hun" and "hennes " or "hans ")) or "ditt ")
                .. spaced(patient.fnr) .. "?" },
  { "none", "Hei, velkommen inn! Sett " .. (baby and "dere" or "deg")
            .. ", så tar vi prøven med en gang." },
}

-- ------------------------------------------------------------ tilstand

local visit, task
local identified          -- nil, "open" eller "closed"
local id_critical, label_critical, judged = false, false, false

local function say(text)
  if visit:state() == "at_counter" then
    visit:say(text)
  end
end

-- ------------------------------------------------------------ samtalen

local function conversation()
  local hello = baby
    and string.format("Hei! Vi skal ta blodprøve av %s. Helsesykepleieren sa at gulsotten "
                      .. "har vart for lenge. %s er bare %s gammel.", req.first,
                      req.pron == "hun" and "Hun" or "Han", req.age)
    or "Hei! Jeg skal ta blodprøver. Legen sa det skulle tas i fingeren denne gangen, siden "
       .. "venene mine er så vanskelige."
  local first = visit:ask(hello, ID_OPTIONS)
  if not first then return end

  if first == "open" then
    identified = "open"
    say(patient.name .. ", " .. spaced(patient.fnr) .. ".")
    if not id_critical then
      score.award(ID, 2, {
        text = baby and "Du ba forelderen si barnets fulle navn og fødselsnummer (åpent spørsmål)."
               or "Du ba pasienten selv si fullt navn og fødselsnummer (åpent spørsmål)." })
    end
    local typed = visit:ask_text("Skriv inn fødselsnummeret "
      .. (baby and "forelderen" or "pasienten") .. " sier, og sammenlign det med rekvisisjonen.")
    if typed then
      typed = typed:gsub("%s", "")
      if typed == patient.fnr then
        if not id_critical then
          score.award(ID, 1, {
            text = "Fødselsnummeret stemmer med rekvisisjonen, og du skrev det riktig." })
        end
      else
        score.deduct(ID, 1, {
          text = "Fødselsnummeret du skrev inn stemmer ikke med det som ble sagt og det som "
                 .. "står på rekvisisjonen.",
          better = "Be om å få nummeret gjentatt, og sammenlign siffer for siffer med "
                   .. "rekvisisjonen før du stikker." })
      end
    end
  elseif first == "closed" or first == "read_fnr" then
    identified = "closed"
    say(first == "closed" and "Ja, det stemmer." or "Eh … ja, det stemmer vel.")
    score.deduct(ID, 2, {
      rule = ID_RULE,
      text = first == "closed" and "Du spurte om navnet med et lukket spørsmål som bare får et ja."
             or "Du leste opp fødselsnummeret og ba om et ja.",
      better = "Be " .. (baby and "forelderen" or "pasienten") .. " si fullt navn og hele "
               .. "fødselsnummeret selv, og sjekk det mot rekvisisjonen. Et ja sier lite." })
  elseif first == "none" then
    say("Ja da.")
  end

  -- Fristelsen: et feil stikksted.
  if baby then
    say(string.format("Kan du ikke ta det i fingeren %s? Det må jo gjøre mindre vondt enn i "
                      .. "foten.", req.pron == "hun" and "hennes" or "hans"))
  else
    say("Du kan gjerne ta tommelen, forresten. Der er huden så tykk at jeg nesten ikke kjenner "
        .. "det.")
  end
end

-- ------------------------------------------------------------ vurderingen

local function judge(how)
  if judged then return end
  judged = true

  local steps = {}
  for _, a in ipairs(task and task:actions() or {}) do
    local name
    if a.kind == "lab_step" then name = a.step
    elseif a.kind == "pick_tube" then name = "tube"
    elseif a.kind == "label" then name = "label"
    end
    if name then steps[#steps + 1] = { name = name, tube = a.tube, patient = a.patient } end
  end
  local function first(pred)
    for i, s in ipairs(steps) do if pred(s) then return i end end
  end

  local sites, tubes = {}, {}
  for _, s in ipairs(steps) do
    if SITE_TEXT[s.name] then sites[#sites + 1] = s.name end
    if s.name == "tube" then tubes[#tubes + 1] = s.tube end
  end

  if #sites == 0 and #tubes == 0 then
    score.deduct(KP, 1, {
      text = visit and visit:state() == "waiting"
             and patient.name .. " ble aldri hentet inn, og prøven ble ikke tatt."
             or how == "time" and "Tiden gikk ut før prøven var tatt."
             or "Du avsluttet uten å ta prøven.",
      better = "Gå gjennom prosedyren: håndhygiene, identifisering, stikk på riktig sted, lett "
               .. "klemming, EDTA-røret først, merking og håndhygiene." })
    if not identified then
      score.deduct(ID, 2, { rule = ID_RULE, text = "Pasienten ble ikke identifisert.",
                            better = "Be om fullt navn og hele fødselsnummeret, og sjekk mot "
                                     .. "rekvisisjonen." })
    end
    return
  end

  -- Håndhygiene før første og etter siste berøring.
  local first_contact, last_contact
  for i, s in ipairs(steps) do
    if CONTACT[s.name] then
      first_contact = first_contact or i
      last_contact = i
    end
  end
  local hh_first = first(function(s) return s.name == "hand_hygiene" end)
  local hh_last
  for i, s in ipairs(steps) do if s.name == "hand_hygiene" then hh_last = i end end
  if hh_first and hh_first < first_contact then
    score.award(HH, 1, { text = "Du gjorde håndhygiene før du tok på pasienten." })
  else
    score.deduct(HH, 1, {
      text = "Du gjorde ikke håndhygiene før du tok på pasienten.",
      better = "Håndhygiene før pasientkontakt og før stikket er første trinn." })
  end
  if hh_last and hh_last > last_contact then
    score.award(HH, 1, { text = "Du gjorde håndhygiene etter pasientkontakten." })
  else
    score.deduct(HH, 1, {
      text = "Du gjorde ikke håndhygiene etter pasientkontakten.",
      better = "Avslutt med håndhygiene når prøven er tatt og plasteret er på." })
  end

  -- Stikkstedet.
  local wrong = {}
  local right_sites = baby and { site_heel = true } or { site_ring = true, site_middle = true }
  local any_right = false
  for _, s in ipairs(sites) do
    if right_sites[s] then any_right = true else wrong[#wrong + 1] = SITE_TEXT[s] end
  end
  local site_better = baby
    and "Hos spedbarn under tre måneder stikker du i hælen, ikke i fingeren – selv om "
        .. "foreldrene spør. Fingeren til et så lite barn er for liten til et trygt stikk."
    or "Stikk i siden av fingertuppen på ring- eller langfingeren. Tommelen og "
       .. "lillefingeren skal ikke brukes, og midt på fingertuppen gjør det mer vondt."
  if #sites == 0 then
    score.deduct(KP, 2, { rule = SITE_RULE, text = "Stikket ble ikke registrert før rørene ble fylt.",
                          better = site_better })
  elseif #wrong > 0 then
    score.deduct(KP, 2, {
      rule = SITE_RULE,
      text = "Du stakk " .. join(wrong) .. (baby and (" på et spedbarn på " .. req.age .. ".")
                                                   or "."),
      better = site_better })
  elseif any_right then
    score.award(KP, 2, {
      text = baby and "Du stakk i hælen, som er riktig for et spedbarn under tre måneder."
             or "Du stakk " .. SITE_TEXT[sites[1]] .. ", som er riktig." })
  end

  -- Klemming.
  local hard = first(function(s) return s.name == "squeeze_hard" end)
  local light = first(function(s) return s.name == "squeeze_light" end)
  if hard then
    score.deduct(KP, 1, {
      rule = SQUEEZE_RULE,
      text = "Du klemte og melket stikkstedet hardt.",
      better = "Klem bare lett og la dråpene danne seg. Hard klemming presser vevsvæske ut i "
               .. "prøven og kan ødelegge blodcellene, så svaret blir feil." })
  elseif light then
    score.award(KP, 1, { text = "Du klemte bare lett og lot dråpene danne seg." })
  else
    score.deduct(KP, 1, {
      text = "Du registrerte ikke hvordan du fikk fram bloddråpene.",
      better = "Klem lett og la dråpene danne seg – aldri melk eller klem hardt." })
  end

  -- Riktige rør.
  local seen, missing, extra = {}, {}, {}
  for _, tube in ipairs(tubes) do
    if tube ~= "edta" and tube ~= "serum" then
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
    score.award(KP, 1, { text = "Du fylte akkurat de rørene rekvisisjonen krever ("
                                .. req.map .. ")." })
  elseif #missing > 0 then
    score.deduct(KP, 1, { text = "Disse rørene manglet: " .. join(missing) .. ".",
                          better = "Les rekvisisjonen før du stikker: " .. req.map .. "." })
  else
    score.deduct(KP, 1, { text = "Du fylte rør som ikke trengtes: " .. join(extra) .. ".",
                          better = "Fyll bare rørene analysene krever: " .. req.map .. "." })
  end

  -- EDTA først.
  local e = first(function(s) return s.name == "tube" and s.tube == "edta" end)
  local n = first(function(s) return s.name == "tube" and s.tube == "serum" end)
  if e and n and e < n then
    score.award(KP, 1, { text = "Du fylte EDTA-røret først og røret uten tilsetning etterpå." })
  elseif e and n then
    score.deduct(KP, 1, {
      rule = ORDER_RULE,
      text = "Du fylte røret uten tilsetning før EDTA-røret.",
      better = "Ved kapillærprøve tar du EDTA-røret først: blodet begynner å levre seg i "
               .. "stikket, og cellene i EDTA-røret må være minst mulig påvirket." })
  end

  -- Merking (feil person er allerede en kritisk feil).
  if not label_critical then
    local labelled, after = false, false
    local first_tube = first(function(s) return s.name == "tube" end)
    for i, s in ipairs(steps) do
      if s.name == "label" and s.patient == patient.id then
        labelled = true
        if first_tube and i > first_tube then after = true end
      end
    end
    if labelled and (after or not first_tube) then
      score.award(PM, 2, { text = "Du merket rørene med riktig pasient rett etter prøvetakingen." })
    elseif labelled then
      score.award(PM, 2, { text = "Du merket rørene med riktig pasient." })
      score.deduct(PM, 1, {
        text = "Du merket rørene før de var fylt.",
        better = "Merk rørene rett etter prøvetakingen, mens pasienten er hos deg." })
    else
      score.deduct(PM, 2, {
        text = how == "time" and "Rørene var ikke merket da tiden gikk ut."
               or "Rørene ble ikke merket før pasienten gikk.",
        better = "Merk rørene hos pasienten rett etter prøvetakingen, og kontroller etiketten "
                 .. "mot rekvisisjonen." })
    end
  end
end

-- ------------------------------------------------------------ hendelser

clock.at("10:01", function()
  -- Spedbarnet kommer med forelderen, som er den du snakker med.
  visit = desk.arrive(baby and parent.id or patient.id)
  task = lab.task {
    id = TASK, patient = patient, kind = "capillary",
    title = "Kapillærprøve: " .. req.analyses .. (baby and (" (spedbarn, " .. req.age .. ")")
                                                 or ""),
    steps = {
      { "hand_hygiene", "Håndhygiene" },
      { "gloves", "Ta på hansker" },
      { "warm", "Varm opp stikkstedet" },
      { "disinfect", "Desinfiser stikkstedet og la det tørke" },
      { "site_ring", "Stikk i siden av fingertuppen – ringfingeren" },
      { "site_middle", "Stikk i siden av fingertuppen – langfingeren" },
      { "site_pad", "Stikk midt på fingertuppen – langfingeren" },
      { "site_thumb", "Stikk i tommelen" },
      { "site_little", "Stikk i lillefingeren" },
      { "site_heel", "Stikk i hælen" },
      { "squeeze_light", "Klem lett og la dråpene danne seg" },
      { "squeeze_hard", "Klem hardt og melk ut mer blod" },
      { "plaster", "Tupfer og plaster" },
      { "done", "Avslutt prøvetakingen" },
    },
  }
  if visit:wait_served() then conversation() end
end)

-- Stikk eller rør uten identifisering: kritisk.
local function sampling()
  if not identified and not id_critical then
    id_critical = true
    score.critical(ID, {
      rule = ID_RULE,
      text = "Du tok prøven uten å ha identifisert pasienten.",
      better = "Be om fullt navn og hele fødselsnummeret før du stikker, og kontroller svaret "
               .. "mot rekvisisjonen." })
  end
end
observe.on({ kind = "pick_tube", task = TASK }, sampling)
for site in pairs(SITE_TEXT) do
  observe.on({ kind = "lab_step", task = TASK, step = site }, sampling)
end

-- Rør merket med en annen person: kritisk.
observe.on({ kind = "label", task = TASK }, function(a)
  if a.patient == patient.id or label_critical then return end
  label_critical = true
  local who = cast.get(a.patient)
  score.critical(PM, {
    rule = ID_RULE .. "; etiketten skal ha navnet og fødselsnummeret til pasienten prøven er "
           .. "tatt av",
    text = "Feil person på prøverørene: du merket dem med " .. (who and who.name or a.patient)
           .. ", men blodet er " .. patient.name .. "s.",
    better = baby and "Merk rørene med barnets navn og fødselsnummer – ikke forelderens – og "
                      .. "sjekk etiketten mot rekvisisjonen."
             or "Merk rørene med navnet og fødselsnummeret pasienten selv sa, og sjekk "
                .. "etiketten mot rekvisisjonen." })
end)

observe.on({ kind = "lab_step", task = TASK, step = "done" }, function()
  judge("done")
  task:close()
  say(baby and "Takk! Da går vi hjem og venter på svar." or "Takk for hjelpen! Ha en fin dag.")
  visit:leave()
  finish("Prøvetakingen er avsluttet.")
end)

on_end(function()
  judge("time")
end)
