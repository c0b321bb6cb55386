-- EKG med tolv avledninger
--
-- Trener: å ta et EKG: identifisere pasienten, få pasienten til å ligge rolig
-- på ryggen med bar overkropp, sette de ti elektrodene riktig, ta opp kurven,
-- se over kurven før den går til legen (forbyttede armelektroder, muskelstøy,
-- løse elektroder) og merke kurven med riktig pasient. Pasient, alder og
-- grunnen til EKG-et trekkes fra frøet; id-ene er faste.
--
-- Riktig vei: ta imot pasienten (serve), be pasienten si fullt navn og
-- fødselsnummer (åpent spørsmål), be pasienten ta av overdelen og legge seg på
-- ryggen under et pledd (han/hun fryser), håndhygiene, elektrodene:
--   V1 ic4_right_sternal  V2 ic4_left_sternal  V3 between_v2_v4
--   V4 ic5_left_midclavicular  V5 ic5_left_anterior_axillary
--   V6 ic5_left_midaxillary
--   RA right_arm (rød)  LA left_arm (gul)  LL left_leg (grønn)  RL right_leg (svart)
-- be pasienten ligge helt stille og slappe av, ta opp EKG-et, les kurven:
-- er P og QRS hovedsakelig positive i I og aVF og grunnlinjen rolig, kan den
-- gå til legen; ellers ta et nytt opptak etter å ha rettet feilen. Merk kurven
-- med pasienten, ta av elektrodene, håndhygiene, avslutt.
--
-- Kurven lages av det eleven faktisk har gjort ved hvert opptak (prioritert):
--   missing  en elektrode mangler        -> sjekk elektrodene, nytt opptak
--   arms     RA og LA er byttet          -> P og QRS negative i I, positive i
--                                           aVF: sjekk elektrodene, nytt opptak
--   limbs    annen feil på armer/bein    -> I og aVF ikke begge positive: sjekk
--   noise    pasienten ikke bedt om å ligge stille -> muskelstøy: nytt opptak
--   ok       alt riktig (en feilplassert brystelektrode synes ikke tydelig på
--            kurven, men gir trekk i plasseringen)
-- Etter hvert opptak spør pasienten om hen kan kle på seg (valg: send,
-- check_limbs, still, doctor). Svarvalgene stokkes ved innlasting.
--
-- Trinnene (lab_step ekg TRINN): hand_hygiene, skin (rengjøre huden, ingen
-- poeng, men berøring), relax (be pasienten ligge stille og slappe av), record
-- (ta opp), remove (ta av elektrodene), done (avslutte). I tillegg
-- place_electrode ekg AVLEDNING STED og label ekg PASIENT.
--
-- Regler og kilder (DOMAIN.md):
--   §5 EKG [prosedyre]: V1 4. mellomrom høyre for sternum, V2 4. venstre, V4 5.
--      mellomrom midtclavikulært, V3 mellom V2 og V4, V6 5. midtaksillært, V5
--      mellom V4 og V6; rød høyre arm, gul venstre arm, grønn venstre bein,
--      svart høyre bein; pasienten i ro; P og QRS hovedsakelig positive i I og
--      aVF, ellers mistenk forbyttede elektroder. Ingen lovhenvisning.
--   §5 Håndhygiene (WHOs fem situasjoner): før og etter pasientkontakt.
--   §2 Sikker identifisering med åpent spørsmål [sikker]; kurven merket med en
--      annen enn pasienten er en kritisk feil (feil pasient).
--
-- Poeng (maks 14): pasientidentifikasjon 2; håndhygiene 2; EKG 10
-- (forberedelse av pasienten 1, brystelektroder 3 – ett trekk per feilplassert,
-- ekstremitetselektroder 1, ligge stille før opptaket 1, kurven vurdert og
-- god kurve sett over og sendt til legen 3 – en kurve med feil som sendes
-- videre gir i stedet trekk 1 –, kurven merket med pasienten 1).
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "lab-ekg",
  title = "EKG med tolv avledninger",
  version = "1.0",
  language = "nb",
  summary = "Ta et EKG: elektrodene på riktig sted, pasienten i ro, og se over kurven før "
            .. "den går til legen.",
  start = "13:00",
  duration = 20,
  difficulty = 3,
  modes = { "practice", "exam" },
  goals = {
    ["hse3005.pasientidentifikasjon"] = 2,
    ["hse3005.handhygiene"] = 2,
    ["hse3005.ekg"] = 10,
  },
}

local ID = "hse3005.pasientidentifikasjon"
local HH = "hse3005.handhygiene"
local EKG = "hse3005.ekg"
local TASK = "ekg"

local PLACE_RULE = "EKG (prosedyre): V1 4. mellomrom høyre for sternum, V2 4. mellomrom venstre, "
                   .. "V3 mellom V2 og V4, V4 5. mellomrom midtclavikulært, V5 mellom V4 og V6, "
                   .. "V6 5. mellomrom midtaksillært"
local LIMB_RULE = "EKG (prosedyre): rød høyre arm, gul venstre arm, grønn venstre bein, svart "
                  .. "høyre bein"
local CURVE_RULE = "EKG (prosedyre): P og QRS skal være hovedsakelig positive i I og aVF, ellers "
                   .. "mistenk forbyttede elektroder; pasienten skal ligge i ro"

local CORRECT = {
  V1 = "ic4_right_sternal", V2 = "ic4_left_sternal", V3 = "between_v2_v4",
  V4 = "ic5_left_midclavicular", V5 = "ic5_left_anterior_axillary", V6 = "ic5_left_midaxillary",
  RA = "right_arm", LA = "left_arm", LL = "left_leg", RL = "right_leg",
}
local CHEST = { "V1", "V2", "V3", "V4", "V5", "V6" }
local LIMBS = { "RA", "LA", "LL", "RL" }
local LEADS = { "V1", "V2", "V3", "V4", "V5", "V6", "RA", "LA", "LL", "RL" }
local LIMB_NAME = { RA = "RA (rød)", LA = "LA (gul)", LL = "LL (grønn)", RL = "RL (svart)" }
local SITE_TEXT = {
  ic4_right_sternal = "i 4. mellomrom høyre for sternum",
  ic4_left_sternal = "i 4. mellomrom venstre for sternum",
  between_v2_v4 = "midt mellom V2 og V4",
  ic5_left_midclavicular = "i 5. mellomrom i midtclavikularlinjen",
  ic5_left_anterior_axillary = "i fremre aksillærlinje mellom V4 og V6",
  ic5_left_midaxillary = "i 5. mellomrom i midtaksillærlinjen",
  ic2_right_sternal = "i 2. mellomrom høyre for sternum (for høyt)",
  ic2_left_sternal = "i 2. mellomrom venstre for sternum (for høyt)",
  ic3_left_sternal = "i 3. mellomrom venstre for sternum (for høyt)",
  ic6_left_midclavicular = "i 6. mellomrom i midtclavikularlinjen (for lavt)",
  ic4_left_midaxillary = "i 4. mellomrom i midtaksillærlinjen (for høyt)",
  right_arm = "på høyre arm", left_arm = "på venstre arm", right_leg = "på høyre bein",
  left_leg = "på venstre bein",
}
local CONTACT = { skin = true, electrode = true, remove = true }

-- ------------------------------------------------------------ variasjon

local who = random.pick {
  { "Odd Rønning", "M", "han", "ham" }, { "Grete Sivertsen", "K", "hun", "henne" },
  { "Leif Andresen", "M", "han", "ham" }, { "Aud Nesheim", "K", "hun", "henne" },
}
local reason = random.pick {
  "hjertebank de siste ukene", "tung pust i bakker", "EKG før en planlagt operasjon",
  "kontroll etter at blodtrykksmedisinen ble endret",
}
local lege = cast.doctor { id = "lege", name = random.pick { "Anne Berg", "Jon Eriksen",
                                                              "Liv Brekke" } }
local patient = cast.patient {
  id = "pasient", name = who[1], fnr = fnr.synthetic { year = { 1948, 1968 }, sex = who[2] },
  phone = "916 22 480", address = "Nygata 3, 9008 Tromsø",
  notes = { "EKG bestilt av " .. lege.name .. ": " .. reason .. "." },
}
local first_name = who[1]:match("^(%S+)")
local PRON, OBJ = who[3], who[4]

local function spaced(n) return n:sub(1, 6) .. " " .. n:sub(7) end
local function join(list)
  if #list <= 1 then return list[1] or "" end
  return table.concat(list, ", ", 1, #list - 1) .. " og " .. list[#list]
end

local ID_OPTIONS = random.shuffle {
  { "open", "Hei, velkommen! Før vi begynner: Kan du si hele navnet ditt og fødselsnummeret?" },
  { "closed", "Hei, velkommen! Du er " .. patient.name .. ", ikke sant?" },
  { "none", "Hei, velkommen! Bli med inn, så tar vi EKG-et med en gang." },
}
local PREP_OPTIONS = random.shuffle {
  { "sit", "Du kan bare sitte på stolen og beholde genseren på. Jeg bretter den opp når "
           .. "elektrodene skal på." },
  { "quick", "Ja, ta av deg og legg deg på benken. Det går så fort at det ikke gjør noe om du "
             .. "fryser litt." },
  { "lie", "Ja, ta av overdelen og legg deg på ryggen på benken. Jeg legger et pledd over deg "
           .. "så du holder varmen, og så forklarer jeg underveis." },
}
local CURVE_OPTIONS = random.shuffle {
  { "send", "Ja, nå er vi ferdige. Kurven ser fin ut, så den går til legen." },
  { "check_limbs", "Bli liggende litt til. Jeg må sjekke elektrodene på armer og bein og ta "
                   .. "et nytt opptak." },
  { "still", "Bli liggende litt til, helt stille og avslappet uten å snakke, så tar jeg et nytt "
             .. "opptak." },
  { "doctor", "Kurven ser litt rar ut, men det er legen som tolker den. Du kan kle på deg." },
}

-- ------------------------------------------------------------ tilstand

local visit, task
local busy = false          -- pasienten har et åpent spørsmål
local identified            -- "open", "closed" eller nil
local first_state           -- plasseringen ved første opptak
local relaxed_first         -- bedt om å ligge stille før første opptak
local recordings = 0
local sent                  -- nil, eller { curve=, answer= } for kurven som gikk videre
local pending_retake        -- siste svar var et nytt opptak
local curve_done = false    -- poengene for kurven er gitt
local label_critical, judged = false, false

local function ask(question, options)
  while busy do clock.wait(5) end
  busy = true
  local answer = visit:ask(question, options)
  busy = false
  return answer
end

local function say(text)
  if visit:state() == "at_counter" then visit:say(text) end
end

-- Elektrodene slik de sitter nå (siste plassering per avledning).
local function current_state()
  local placed, relaxed = {}, false
  for _, a in ipairs(task:actions()) do
    if a.kind == "place_electrode" then placed[a.lead] = a.site end
    if a.kind == "lab_step" and a.step == "relax" then relaxed = true end
  end
  return placed, relaxed
end

local function curve_of(placed, relaxed)
  local missing = {}
  for _, lead in ipairs(LEADS) do
    if not placed[lead] then missing[#missing + 1] = lead end
  end
  if #missing > 0 then return "missing", missing end
  if placed.RA == "left_arm" and placed.LA == "right_arm" then return "arms" end
  for _, lead in ipairs(LIMBS) do
    if placed[lead] ~= CORRECT[lead] then return "limbs" end
  end
  if not relaxed then return "noise" end
  return "ok"
end

local CURVE_TEXT = {
  ok = "P-bølgene og QRS-kompleksene er hovedsakelig positive i avledning I og aVF, og "
       .. "grunnlinjen er rolig i alle tolv avledningene.",
  arms = "P-bølgene og QRS-kompleksene er negative i avledning I, men positive i aVF. "
         .. "Grunnlinjen er rolig.",
  limbs = "P-bølgene og QRS-kompleksene er ikke hovedsakelig positive i både I og aVF; "
          .. "ekstremitetsavledningene ser uvanlige ut. Grunnlinjen er rolig.",
  noise = "Grunnlinjen er urolig og full av små, raske utslag i nesten alle avledningene, så "
          .. "P-bølgene er vanskelige å se.",
}
local RIGHT_ANSWER = { ok = "send", arms = "check_limbs", limbs = "check_limbs",
                       missing = "check_limbs", noise = "still" }

-- Poeng for en kurve som ble sendt til legen (eller som pasienten fikk kle på
-- seg etter).
local function judge_sent(curve, answer)
  if curve_done then return end
  curve_done = true
  if curve == "ok" then
    if answer == "send" then
      score.award(EKG, 3, {
        text = "Du så over kurven før den gikk videre: P og QRS positive i I og aVF og rolig "
               .. "grunnlinje – en god kurve til legen." })
    else
      score.award(EKG, 2, {
        text = "Kurven var god, og den gikk til legen." })
      score.deduct(EKG, 1, {
        text = "Du sa at kurven så rar ut og overlot til legen å vurdere den, enda den var god.",
        better = "Se over kurven selv før den går videre: er P og QRS hovedsakelig positive i "
                 .. "I og aVF og grunnlinjen rolig, er den teknisk god." })
    end
    return
  end
  local text = ({
    arms = "Kurven med negative P og QRS i avledning I gikk til legen: armelektrodene var "
           .. "byttet om. En slik kurve kan ligne hjertesykdom og føre til feil vurdering.",
    limbs = "Kurven gikk til legen selv om P og QRS ikke var positive i både I og aVF: "
            .. "elektrodene på armer og bein satt feil.",
    noise = "Kurven med urolig grunnlinje og muskelstøy gikk til legen, og den er vanskelig å "
            .. "tolke.",
    missing = "Kurven gikk til legen selv om en elektrode manglet.",
  })[curve]
  score.deduct(EKG, 1, {
    rule = CURVE_RULE,
    text = text,
    better = curve == "noise"
             and "Be pasienten ligge helt stille, slappe av i armene og ikke snakke, og ta et "
                 .. "nytt opptak før kurven går videre."
             or "Se over kurven før pasienten kler på seg. Er ikke P og QRS hovedsakelig "
                .. "positive i I og aVF, sjekk fargene på ekstremitetselektrodene (rød høyre "
                .. "arm, gul venstre arm, grønn venstre bein, svart høyre bein) og ta et nytt "
                .. "opptak." })
end

-- ------------------------------------------------------------ samtalen

local function conversation()
  local first = ask(string.format("Hei, jeg heter %s. Jeg skulle ta et EKG – det gjelder %s.",
                                  first_name, reason), ID_OPTIONS)
  if not first then return end
  if first == "open" then
    identified = "open"
    say(patient.name .. ", " .. spaced(patient.fnr) .. ".")
    score.award(ID, 2, { text = "Du ba pasienten selv si fullt navn og fødselsnummer." })
  elseif first == "closed" then
    identified = "closed"
    say("Ja.")
    score.deduct(ID, 2, {
      rule = "Sikker identifisering: pasienten sier selv fullt navn og fødselsnummer på et "
             .. "åpent spørsmål",
      text = "Du spurte med et lukket spørsmål som bare får et ja.",
      better = "Be pasienten si fullt navn og fødselsnummer selv. Da blir kurven merket med "
               .. "riktig person." })
  else
    say("Ja da.")
    score.deduct(ID, 2, {
      rule = "Sikker identifisering: pasienten sier selv fullt navn og fødselsnummer på et "
             .. "åpent spørsmål",
      text = "Du identifiserte ikke pasienten før EKG-et.",
      better = "Be pasienten si fullt navn og fødselsnummer før du begynner, så kurven kan "
               .. "merkes med riktig person." })
  end

  local prep = ask("Skal jeg ta av meg genseren? Jeg fryser litt, og jeg er ærlig talt litt "
                   .. "nervøs.", PREP_OPTIONS)
  if prep == "lie" then
    say("Så fint med pledd. Da legger jeg meg her.")
    score.award(EKG, 1, {
      text = "Pasienten lå på ryggen med bar overkropp, og du sørget for at "
             .. PRON .. " holdt varmen." })
  elseif prep == "sit" then
    say("Greit, da sitter jeg her.")
    score.deduct(EKG, 1, {
      rule = CURVE_RULE,
      text = "Du lot pasienten sitte med genseren på.",
      better = "EKG tas med pasienten liggende på ryggen med bar overkropp, så elektrodene "
               .. "sitter på huden og pasienten kan slappe helt av." })
  elseif prep == "quick" then
    say("Brr … ok.")
    score.deduct(EKG, 1, {
      rule = CURVE_RULE,
      text = "Pasienten frøs og var nervøs, og du gjorde ingenting med det.",
      better = "En pasient som fryser eller er anspent, skjelver og gir støy på kurven. Legg "
               .. "et pledd over og forklar hva som skjer." })
  end
end

-- ------------------------------------------------------------ opptakene

local function on_record()
  if sent or judged then return end
  recordings = recordings + 1
  local placed, relaxed = current_state()
  if recordings == 1 then
    first_state = placed
    relaxed_first = relaxed
  end
  local curve, missing = curve_of(placed, relaxed)
  local printout = curve == "missing"
    and "Apparatet piper: «Elektrode mangler: " .. table.concat(missing, ", ") .. "». Kurven er "
        .. "flat i avledningene som bruker den."
    or "Kurven kommer ut av skriveren: " .. CURVE_TEXT[curve]
  local answer = ask("(" .. printout .. ") Er vi ferdige nå? Kan jeg kle på meg?", CURVE_OPTIONS)
  if not answer then return end
  if answer == "send" or answer == "doctor" then
    sent = { curve = curve, answer = answer }
    pending_retake = false
    say("Takk! Da kan du ta av elektrodene, så kler jeg på meg.")
    judge_sent(curve, answer)
  else
    pending_retake = true
    if answer ~= RIGHT_ANSWER[curve] and curve == "ok" then
      say("Å? Jeg syntes det gikk fint, jeg. Men greit.")
    else
      say("Ja da, jeg blir liggende.")
    end
  end
end

-- ------------------------------------------------------------ vurderingen

local function judge(how)
  if judged then return end
  judged = true
  local actions = task and task:actions() or {}

  -- Håndhygiene før første og etter siste berøring.
  local seq = {}
  for _, a in ipairs(actions) do
    if a.kind == "place_electrode" then seq[#seq + 1] = "electrode"
    elseif a.kind == "lab_step" then seq[#seq + 1] = a.step
    end
  end
  local first_contact, last_contact, hh_first, hh_last
  for i, s in ipairs(seq) do
    if CONTACT[s] then first_contact = first_contact or i; last_contact = i end
    if s == "hand_hygiene" then hh_first = hh_first or i; hh_last = i end
  end
  if not first_contact then
    score.deduct(EKG, 1, {
      text = visit and visit:state() == "waiting"
             and patient.name .. " ble aldri hentet inn, og EKG-et ble ikke tatt."
             or how == "time" and "Tiden gikk ut før EKG-et var tatt."
             or "Du avsluttet uten å ta EKG-et.",
      better = "Gå gjennom prosedyren: identifisering, pasienten liggende og i ro, "
               .. "håndhygiene, elektrodene, opptak, kurven sett over og merket." })
    if not identified then
      score.deduct(ID, 2, { text = "Pasienten ble ikke identifisert.",
                            better = "Be pasienten si fullt navn og fødselsnummer." })
    end
    return
  end
  if hh_first and hh_first < first_contact then
    score.award(HH, 1, { text = "Du gjorde håndhygiene før du tok på pasienten." })
  else
    score.deduct(HH, 1, { text = "Du gjorde ikke håndhygiene før du tok på pasienten.",
                          better = "Håndhygiene før pasientkontakt – før du vasker huden og "
                                   .. "setter på den første elektroden." })
  end
  if hh_last and hh_last > last_contact then
    score.award(HH, 1, { text = "Du gjorde håndhygiene etter pasientkontakten." })
  else
    score.deduct(HH, 1, { text = "Du gjorde ikke håndhygiene etter pasientkontakten.",
                          better = "Avslutt med håndhygiene når elektrodene er tatt av." })
  end

  -- Plasseringen ved første opptak (eller slik den var til slutt).
  local placed = first_state or current_state()
  local wrong = {}
  for _, lead in ipairs(CHEST) do
    local site = placed[lead]
    if site ~= CORRECT[lead] then
      wrong[#wrong + 1] = site and (lead .. " satt " .. SITE_TEXT[site])
                                or (lead .. " ble ikke satt på")
    end
  end
  if #wrong == 0 then
    score.award(EKG, 3, { text = "Alle seks brystelektrodene satt på riktig sted." })
  else
    score.award(EKG, 3, { text = "Brystelektrodene ble satt på." })
    score.deduct(EKG, math.min(3, #wrong), {
      rule = PLACE_RULE,
      text = "Feil plassering av brystelektroder: " .. join(wrong) .. ".",
      better = "Tell mellomrommene fra kragebeinet (eller fra vinkelen på brystbeinet ved 2. "
               .. "ribbein): V1 og V2 i 4. mellomrom på hver side av sternum, V4 i 5. "
               .. "mellomrom midtclavikulært, V3 midt mellom V2 og V4, V6 midtaksillært og V5 "
               .. "mellom V4 og V6." })
  end

  local limb_wrong = {}
  for _, lead in ipairs(LIMBS) do
    local site = placed[lead]
    if site ~= CORRECT[lead] then
      limb_wrong[#limb_wrong + 1] = LIMB_NAME[lead] .. (site and (" satt " .. SITE_TEXT[site])
                                                          or " manglet")
    end
  end
  if #limb_wrong == 0 then
    score.award(EKG, 1, { text = "Ekstremitetselektrodene satt riktig: rød høyre arm, gul "
                                 .. "venstre arm, grønn venstre bein, svart høyre bein." })
  else
    score.deduct(EKG, 1, {
      rule = LIMB_RULE,
      text = "Ekstremitetselektrodene satt feil: " .. join(limb_wrong) .. ".",
      better = "Rød høyre arm, gul venstre arm, grønn venstre bein og svart høyre bein. Huskeregel: "
               .. "rødt og gult oppe, grønt og svart nede, og rødt og svart på høyre side." })
  end

  if recordings == 0 then
    score.deduct(EKG, 1, { text = "Det ble ikke tatt opp noe EKG.",
                           better = "Når elektrodene sitter og pasienten ligger i ro, tar du "
                                    .. "opp kurven." })
  elseif relaxed_first then
    score.award(EKG, 1, { text = "Du ba pasienten ligge helt stille og slappe av før opptaket." })
  else
    score.deduct(EKG, 1, {
      rule = CURVE_RULE,
      text = "Du ba ikke pasienten ligge stille og slappe av før det første opptaket.",
      better = "Be pasienten ligge helt stille, slappe av i armer og skuldre og ikke snakke "
               .. "mens kurven tas opp." })
  end

  -- Kurven som aldri gikk videre.
  if recordings > 0 and not curve_done then
    curve_done = true
    score.deduct(EKG, 1, {
      text = pending_retake and "Du ville ta et nytt opptak, men avsluttet uten å gjøre det."
             or "Kurven ble ikke vurdert sammen med pasienten før du avsluttet.",
      better = "Ta et nytt opptak når feilen er rettet, og se over kurven før den går til "
               .. "legen." })
  end

  -- Merking.
  if not label_critical then
    local labelled = false
    for _, a in ipairs(actions) do
      if a.kind == "label" and a.patient == patient.id then labelled = true end
    end
    if labelled then
      score.award(EKG, 1, { text = "Du merket kurven med pasientens navn og fødselsnummer." })
    elseif recordings > 0 then
      score.deduct(EKG, 1, {
        text = "Kurven ble ikke merket med pasienten.",
        better = "Merk kurven med navn og fødselsnummer før den går til legen, så den ikke "
                 .. "havner i feil journal." })
    end
  end
end

-- ------------------------------------------------------------ hendelser

clock.at("13:01", function()
  visit = desk.arrive(patient)
  task = lab.task {
    id = TASK, patient = patient, kind = "ecg",
    title = "EKG med tolv avledninger: " .. patient.name .. " (" .. reason .. ")",
    steps = {
      { "hand_hygiene", "Håndhygiene" },
      { "skin", "Rengjør huden der elektrodene skal sitte" },
      { "relax", "Be pasienten ligge helt stille og slappe av" },
      { "record", "Ta opp EKG-et" },
      { "remove", "Ta av elektrodene" },
      { "done", "Avslutt og legg kurven til legen" },
    },
  }
  if visit:wait_served() then conversation() end
end)

observe.on({ kind = "lab_step", task = TASK, step = "record" }, on_record)

observe.on({ kind = "label", task = TASK }, function(a)
  if a.patient == patient.id or label_critical then return end
  label_critical = true
  local p = cast.get(a.patient)
  score.critical(EKG, {
    rule = "Sikker identifisering: kurven skal merkes med navnet og fødselsnummeret til "
           .. "pasienten den er tatt av",
    text = "Du merket EKG-kurven med " .. (p and p.name or a.patient) .. ", men den er tatt av "
           .. patient.name .. ".",
    better = "Merk kurven med navnet og fødselsnummeret pasienten selv sa, og sjekk mot "
             .. "bestillingen før den går til legen." })
end)

observe.on({ kind = "lab_step", task = TASK, step = "done" }, function()
  judge("done")
  task:close()
  say("Takk for hjelpen!")
  visit:leave()
  finish("EKG-et er avsluttet.")
end)

on_end(function()
  judge("time")
end)
