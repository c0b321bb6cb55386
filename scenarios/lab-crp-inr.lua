-- Hurtigtester: CRP og INR
--
-- Trener: to hurtigtester på laboratoriet etter hverandre. Først en CRP på en
-- pasient med hoste og feber som skal til legen etterpå; så en INR-kontroll
-- på en pasient som bruker warfarin (Marevan). Begge prøvene er kapillære.
-- Svarene skal sammenlignes med referanseområdet, og en INR over 7,0 skal
-- meldes legen med en gang (page_doctor lege).
--
-- Variasjon (frøet, ved innlasting): navn, CRP-verdien (forhøyet eller under 5)
-- og INR-verdien. INR-listen er satt slik at frø 1 gir en INR over 7,0; andre
-- frø kan gi en INR innenfor målet (2,0–3,0), og scenarioet håndterer begge.
--
-- Riktig vei (frø 1): ta imot CRP-pasienten, be om fullt navn og
-- fødselsnummer (open), håndhygiene, stikk i siden av fingertuppen
-- (puncture_side), klem lett, fyll kapillæren og sett den i instrumentet
-- (fill), plaster, håndhygiene. Svaret kommer etter 3,5 minutter: si verdien
-- sammen med referanseområdet og at legen går gjennom det i timen (doctor).
-- Avslutt oppgaven (done). INR-pasienten: open, håndhygiene, puncture_side,
-- squeeze_light, apply, plaster, håndhygiene. Svaret kommer etter ett
-- minutt: INR over 7,0 – be pasienten bli sittende (stay_doctor) og hent legen
-- straks (page_doctor lege), senest to minutter etter at svaret kom. Avslutt.
-- Med INR innenfor målet er riktig svar call_later (svaret går til legen på
-- vanlig måte), uten å hente legen.
--
-- Trinnene (begge oppgavene): hand_hygiene, puncture_side, puncture_thumb,
-- squeeze_light, squeeze_hard, plaster, done; CRP har i tillegg fill
-- (kapillær i Afinion, 3–4 min), INR har apply (dråpen på strimmelen i
-- INR-apparatet, ca. 1 min).
--
-- Regler og kilder (DOMAIN.md §5, ingen lovparagraf – prosedyrer):
--   Hurtigtester: CRP normalt < 5 mg/L (Afinion måler 5–200, 3–4 min); INR
--   referanse 0,92–1,20, vanlig mål 2,5 ± 0,5; INR > 7,0 skal ringes/meldes
--   legen med en gang. Å ikke melde INR > 7,0 straks er en kritisk feil (en
--   akutt verdi som ikke eskaleres).
--   Kapillærprøve: siden av fingertuppen på ring- eller langfinger, aldri
--   tommel; bare lett klemming. Håndhygiene før og etter pasientkontakt.
--   §2 Identitet ved prøvetaking [sikker]: åpent spørsmål om navn og
--   fødselsnummer; stikk uten identifisering er en kritisk feil.
--
-- Poeng (maks 12): pasientidentifikasjon 2 (1 per pasient); håndhygiene 2 (1
-- per oppgave: før og etter); kapillærprøve 2 (1 per oppgave: sted og lett
-- klemming); hurtigtester 4 (CRP-svaret forklart 2, INR-svaret håndtert 2);
-- beskjeder til legen 2 (INR > 7: legen hentet innen to minutter; INR i målet:
-- svaret går til legen på vanlig måte uten at legen hentes unødig).
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "lab-crp-inr",
  title = "Hurtigtester: CRP og INR",
  version = "1.0",
  language = "nb",
  summary = "To hurtigtester etter hverandre: en CRP før legetimen og en INR-kontroll. "
            .. "Kjenner du igjen et svar som må til legen med en gang?",
  start = "08:30",
  duration = 25,
  difficulty = 3,
  modes = { "practice", "exam" },
  goals = {
    ["hse3005.pasientidentifikasjon"] = 2,
    ["hse3005.handhygiene"] = 2,
    ["hse3005.kapillaerprove"] = 2,
    ["hse3005.hurtigtester"] = 4,
    ["hse3006.samhandling-lege"] = 2,
  },
}

local ID = "hse3005.pasientidentifikasjon"
local HH = "hse3005.handhygiene"
local KP = "hse3005.kapillaerprove"
local HT = "hse3005.hurtigtester"
local SL = "hse3006.samhandling-lege"

local ID_RULE = "Identitet ved prøvetaking: pasienten sier selv fullt navn og hele "
                .. "fødselsnummeret på et åpent spørsmål"
local INR_RULE = "Hurtigtester (prosedyre): INR over 7,0 skal meldes legen med en gang"
local CRP_RULE = "Hurtigtester (prosedyre): CRP er normalt under 5 mg/L; svaret sammenlignes "
                 .. "med referanseområdet, og legen vurderer det"
local PAGE_LIMIT = 2 * 60      -- sekunder fra INR-svaret til legen må være hentet

-- ------------------------------------------------------------ variasjon

local lege = cast.doctor { id = "lege", name = random.pick { "Kari Nygaard", "Erik Myhre",
                                                              "Ingrid Hovland" } }
local crp_who = random.pick { { "Jonas Berntsen", "M", "han" }, { "Line Haug", "K", "hun" },
                              { "Stian Moe", "M", "han" }, { "Eva Sandvik", "K", "hun" } }
local inr_who = random.pick { { "Kjell Brattli", "M", "han", "ham" },
                              { "Solveig Rud", "K", "hun", "henne" },
                              { "Arvid Lunde", "M", "han", "ham" } }

-- INR-verdiene: frø 1 skal gi en verdi over 7,0 (se playthroughs).
local INR_VALUES = { 7.8, 2.6, 8.4, 7.4, 2.3, 2.9 }
local inr_value = random.pick(INR_VALUES)
local inr_high = inr_value > 7.0
local CRP_VALUES = { 48, 86, 23, 0 }    -- 0 betyr «under 5»
local crp_value = random.pick(CRP_VALUES)
local crp_high = crp_value >= 5

local function comma(x) return (string.format("%.1f", x):gsub("%.", ",")) end
local crp_shown = crp_high and (tostring(crp_value) .. " mg/L") or "< 5 mg/L"

local crp_p = cast.patient {
  id = "crp-pasient", name = crp_who[1],
  fnr = fnr.synthetic { year = { 1975, 1995 }, sex = crp_who[2] },
  phone = "932 11 470", address = "Torget 2, 3510 Hønefoss",
  notes = { "Time hos " .. lege.name .. " kl. 09.00: hoste og feber i en uke. CRP før timen." },
}
local inr_p = cast.patient {
  id = "inr-pasient", name = inr_who[1],
  fnr = fnr.synthetic { year = { 1940, 1955 }, sex = inr_who[2] },
  phone = "913 62 905", address = "Hovsmarkveien 30, 3513 Hønefoss",
  notes = { "Bruker warfarin (Marevan) mot atrieflimmer. Terapeutisk område INR 2,0–3,0. "
            .. "INR-kontroll på laboratoriet; legen doserer." },
  results = { { test = "INR", value = "2,7", date = "2026-10-28", reference = "2,0-3,0" } },
}

local function spaced(n) return n:sub(1, 6) .. " " .. n:sub(7) end

local function id_options(p)
  return random.shuffle {
    { "open", "Hei, velkommen! Før vi begynner: Kan du si hele navnet ditt og "
              .. "fødselsnummeret?" },
    { "closed", "Hei! Du er " .. p.name .. ", ikke sant?" },
    { "none", "Hei! Sett deg her, så tar vi prøven med en gang." },
  }
end
local CRP_ID, INR_ID = id_options(crp_p), id_options(inr_p)

local CRP_Q = random.shuffle {
  { "doctor", crp_high
      and string.format("CRP-en er %d. Normalt er den under 5, så den er forhøyet. Legen går "
                        .. "gjennom svaret med deg i timen.", crp_value)
      or "CRP-en er under 5, som er normalt. Legen går gjennom svaret med deg i timen." },
  { "normal", crp_high and "Den er helt normal, ikke noe å bekymre seg for."
      or "Den er normal, så da er det bare virus – du trenger egentlig ikke gå til legen." },
  { "penicillin", crp_high and "Ja, den er høy, så du får nok penicillin."
      or "Den er lav, men du får sikkert penicillin likevel når du har hatt feber så lenge." },
}
local INR_Q = random.shuffle {
  { "stay_doctor", inr_high
      and "Den er mye høyere enn den skal være. Bli sittende her, så henter jeg legen med "
          .. "en gang."
      or "Jeg vil at legen skal se på den med en gang. Bli sittende, så henter jeg "
         .. lege.name .. "." },
  { "call_later", inr_high
      and "Den er litt høy. Legen ser på svaret og ringer deg om doseringen i løpet av dagen, "
          .. "så du kan gå hjem."
      or string.format("Den er %s, innenfor målet ditt på 2,0–3,0. Legen ser på svaret og "
                       .. "gir deg beskjed om doseringen som vanlig.", comma(inr_value)) },
  { "skip_dose", "Hopp over tabletten i kveld, så tar vi en ny prøve om noen dager." },
  { "fine", inr_high and "Den er innenfor målet ditt, så ta tabletten som vanlig i kveld."
      or "Den er fin, så da trenger ikke legen å se på den denne gangen." },
}

-- ------------------------------------------------------------ felles for begge oppgavene

local STEPS_COMMON = {
  { "hand_hygiene", "Håndhygiene" },
  { "puncture_side", "Stikk i siden av fingertuppen (ring- eller langfinger)" },
  { "puncture_thumb", "Stikk i tommelen" },
  { "squeeze_light", "Klem lett og la dråpen danne seg" },
  { "squeeze_hard", "Klem hardt for å få fram nok blod" },
  { "plaster", "Tupfer og plaster" },
  { "done", "Avslutt oppgaven" },
}
local function steps_with(extra)
  local list = { extra }
  for _, s in ipairs(STEPS_COMMON) do list[#list + 1] = s end
  return list
end
local CONTACT = { puncture_side = true, puncture_thumb = true, squeeze_light = true,
                  squeeze_hard = true, plaster = true, fill = true, apply = true }

local T = {}    -- per oppgave: visit, task, identified, judged, ...
local maybe_finish   -- defineres nederst

local function say(t, text)
  if t.visit and t.visit:state() == "at_counter" then t.visit:say(text) end
end

local function ask(t, question, options)
  while t.busy do clock.wait(5) end
  t.busy = true
  local answer = t.visit:ask(question, options)
  t.busy = false
  return answer
end

local function identify(t, hello, options)
  local first = ask(t, hello, options)
  if not first then return end
  if first == "open" then
    t.identified = true
    say(t, t.patient.name .. ", " .. spaced(t.patient.fnr) .. ".")
    if not t.id_critical then
      score.award(ID, 1, { text = t.patient.name .. " sa selv fullt navn og fødselsnummer." })
    end
  elseif first == "closed" then
    t.identified = true
    say(t, "Ja.")
    score.deduct(ID, 1, {
      rule = ID_RULE,
      text = "Du identifiserte " .. t.patient.name .. " med et lukket spørsmål som bare får et ja.",
      better = "Be pasienten si fullt navn og hele fødselsnummeret selv." })
  else
    say(t, "Ja da.")
  end
end

-- Stikk uten identifisering: kritisk.
local function sampling(t)
  if not t.identified and not t.id_critical then
    t.id_critical = true
    score.critical(ID, {
      rule = ID_RULE,
      text = "Du stakk " .. t.patient.name .. " uten å ha identifisert pasienten.",
      better = "Be pasienten si fullt navn og hele fødselsnummeret før du stikker." })
  end
end

-- Håndhygiene og kapillærteknikk for én oppgave.
local function judge_task(t, how)
  if t.judged then return end
  t.judged = true
  local steps = {}
  for _, a in ipairs(t.task and t.task:actions() or {}) do
    if a.kind == "lab_step" then steps[#steps + 1] = a.step end
  end
  local first_contact, last_contact, hh_first, hh_last
  local side, thumb, light, hard
  for i, s in ipairs(steps) do
    if CONTACT[s] then first_contact = first_contact or i; last_contact = i end
    if s == "hand_hygiene" then hh_first = hh_first or i; hh_last = i end
    side = side or s == "puncture_side"
    thumb = thumb or s == "puncture_thumb"
    light = light or s == "squeeze_light"
    hard = hard or s == "squeeze_hard"
  end
  if not first_contact then
    score.deduct(HT, 1, {
      text = (t.visit and t.visit:state() == "waiting" and t.patient.name .. " ble aldri tatt imot, "
              or "") .. "Prøven til " .. t.patient.name .. " ble ikke tatt"
             .. (how == "time" and " før tiden var ute." or "."),
      better = "Ta begge hurtigtestene: CRP-pasienten først, så INR-kontrollen." })
    return
  end
  local before = hh_first and hh_first < first_contact
  local after = hh_last and hh_last > last_contact
  if before and after then
    score.award(HH, 1, { text = "Håndhygiene før og etter prøven av " .. t.patient.name .. "." })
  else
    score.deduct(HH, 1, {
      text = "Håndhygienen manglet " .. (not before and not after and "både før og etter"
             or not before and "før" or "etter") .. " prøven av " .. t.patient.name .. ".",
      better = "Håndhygiene før du tar på pasienten og etter at plasteret er på." })
  end
  if side and not thumb and light and not hard then
    score.award(KP, 1, { text = "Stikk i siden av fingertuppen og lett klemming hos "
                                .. t.patient.name .. "." })
  else
    local wrong = {}
    if thumb then wrong[#wrong + 1] = "du stakk i tommelen" end
    if not side and not thumb then wrong[#wrong + 1] = "stikkstedet ble ikke registrert" end
    if hard then wrong[#wrong + 1] = "du klemte hardt" end
    if not light and not hard then wrong[#wrong + 1] = "du klemte ikke lett for å få fram dråpen" end
    score.deduct(KP, 1, {
      rule = "Kapillærprøve (prosedyre): siden av fingertuppen på ring- eller langfinger, "
             .. "aldri tommel; bare lett klemming",
      text = "Hos " .. t.patient.name .. ": " .. table.concat(wrong, ", ") .. ".",
      better = "Stikk i siden av fingertuppen på ring- eller langfingeren og klem bare lett. "
               .. "Hard klemming blander vevsvæske i dråpen og gir feil svar." })
  end
end

-- ------------------------------------------------------------ CRP

local C = { patient = crp_p }
T.crp = C

local function crp_result()
  clock.wait(210)     -- Afinion: 3–4 minutter
  if C.visit:state() == "done" then
    C.result_done = true
    score.deduct(HT, 2, {
      rule = CRP_RULE,
      text = "Pasienten gikk før CRP-svaret var klart, og fikk ikke vite at legen vurderer det.",
      better = "La pasienten vente til instrumentet har gitt svar (3–4 minutter)." })
    return maybe_finish()
  end
  local answer = ask(C, "(Instrumentet viser: CRP " .. crp_shown .. ".) Er det høyt? "
                        .. "Trenger jeg penicillin?", CRP_Q)
  C.result_done = true
  if not answer then return maybe_finish() end
  if answer == "doctor" then
    score.award(HT, 2, {
      text = "Du sammenlignet CRP-svaret med referanseområdet (under 5 mg/L) og overlot "
             .. "vurderingen til legen." })
    say(C, "Ok, da får jeg høre mer i timen.")
  else
    score.deduct(HT, 2, {
      rule = CRP_RULE,
      text = answer == "normal" and (crp_high
               and "Du sa at CRP " .. crp_value .. " var normalt. Normalt er under 5 mg/L."
               or "Du sa at pasienten ikke trengte å gå til legen fordi CRP var normal.")
             or "Du lovet eller antydet penicillin ut fra CRP-svaret.",
      better = "Si verdien og referanseområdet (normalt under 5 mg/L), og la legen vurdere "
               .. "svaret sammen med plagene i timen." })
  end
  maybe_finish()
end

clock.at("08:31", function()
  C.visit = desk.arrive(crp_p)
  C.task = lab.task {
    id = "crp", patient = crp_p, kind = "quicktest",
    title = "CRP (hurtigtest) før legetimen kl. 09.00: " .. crp_p.name,
    steps = steps_with { "fill", "Fyll kapillæren og sett kassetten i instrumentet" },
  }
  if C.visit:wait_served() then
    identify(C, "Hei! Jeg skal ta en CRP før jeg skal til legen. Jeg har hostet og hatt feber "
                .. "i en uke nå.", CRP_ID)
  end
end)

observe.on({ kind = "lab_step", task = "crp", step = "fill" }, function()
  if C.filled then return end
  C.filled = true
  crp_result()
end)

-- ------------------------------------------------------------ INR

local I = { patient = inr_p }
T.inr = I
local inr_result_at          -- clock.elapsed() da svaret kom
local paged = false
local escalation_done = not inr_high   -- fristen for å hente legen er avgjort
local pages_at_result = 0

local function inr_result()
  clock.wait(60)      -- INR-apparatet: omtrent ett minutt
  inr_result_at = clock.elapsed()
  pages_at_result = observe.count { kind = "page_doctor" }

  -- Legen må hentes innen to minutter når INR er over 7,0 (egen hendelse).
  if inr_high then
    clock.after(0, function()
      local a = observe.wait { kind = "page_doctor", timeout = PAGE_LIMIT }
      if a then
        paged = true
        score.award(SL, 2, {
          text = string.format("Du hentet legen straks (kl. %s) med INR %s.", a.time:sub(1, 5),
                               comma(inr_value)) })
        inbox.message { id = "legen-kommer", from = lege,
          text = string.format("Takk for beskjeden om INR %s. Jeg kommer og tar %s inn nå.",
                               comma(inr_value), inr_p.name) }
      else
        score.critical(HT, {
          rule = INR_RULE,
          text = string.format("INR %s ble ikke meldt legen med en gang: legen var ikke hentet "
                               .. "to minutter etter at svaret kom.", comma(inr_value)),
          better = "INR over 7,0 gir stor blødningsfare. Be pasienten bli sittende og hent "
                   .. "legen straks, også om legen har en annen pasient inne." })
      end
      escalation_done = true
      if I.closed then I.visit:leave() end
      maybe_finish()
    end)
  end

  if I.visit:state() == "done" then
    I.result_done = true
    score.deduct(HT, 2, {
      text = "Pasienten gikk før INR-svaret var klart.",
      better = "La pasienten vente til apparatet har gitt svar, og se på verdien før hen går." })
    return maybe_finish()
  end

  local answer = ask(I, "(INR-apparatet viser: INR " .. comma(inr_value) .. ".) Hva ble den i "
                        .. "dag? Kan jeg ta tabletten som vanlig i kveld?", INR_Q)
  I.result_done = true
  if not answer then return maybe_finish() end
  I.answer = answer
  if inr_high then
    if answer == "stay_doctor" then
      score.award(HT, 2, {
        text = string.format("Du så at INR %s er over 7,0 og ba pasienten bli sittende til "
                             .. "legen kom.", comma(inr_value)) })
      say(I, "Å, jøss. Ja, da blir jeg sittende.")
    else
      score.deduct(HT, 2, {
        rule = INR_RULE,
        text = string.format("INR %s er over 7,0, men du %s.", comma(inr_value),
          answer == "call_later" and "lot pasienten gå hjem og vente på en telefon"
          or answer == "skip_dose" and "ga selv råd om doseringen og lot pasienten gå"
          or "sa at verdien var innenfor målet"),
        better = "INR-målet er vanligvis 2,5 ± 0,5. Over 7,0: be pasienten bli sittende og "
                 .. "hent legen med en gang. Doseringen bestemmer legen." })
      say(I, "Ja vel. Da går jeg.")
    end
  else
    if answer == "call_later" then
      score.award(HT, 2, {
        text = string.format("Du så at INR %s er innenfor målet (2,0–3,0) og forklarte at "
                             .. "legen gir beskjed om doseringen.", comma(inr_value)) })
      say(I, "Fint, takk.")
    elseif answer == "stay_doctor" then
      score.award(HT, 1, {
        text = string.format("Du ville hente legen for INR %s. Det er forsiktig, men ikke "
                             .. "nødvendig: verdien er innenfor målet 2,0–3,0.",
                             comma(inr_value)) })
      say(I, "Å? Er det noe galt?")
    else
      score.deduct(HT, 2, {
        rule = "Hurtigtester (prosedyre): svaret sammenlignes med målet (vanligvis 2,5 ± 0,5), "
               .. "og legen doserer",
        text = answer == "skip_dose" and "Du ga selv råd om doseringen av warfarin."
               or "Du sa at legen ikke trengte å se på INR-svaret.",
        better = "Si verdien og målet, og at legen ser på svaret og gir beskjed om doseringen." })
      say(I, "Ja vel.")
    end
  end
  maybe_finish()
end

clock.at(string.format("08:%02d", random.int(39, 41)), function()
  I.visit = desk.arrive(inr_p)
  I.task = lab.task {
    id = "inr", patient = inr_p, kind = "quicktest",
    title = "INR-kontroll (hurtigtest): " .. inr_p.name .. ", bruker warfarin",
    steps = steps_with { "apply", "Legg bloddråpen på teststrimmelen i INR-apparatet" },
  }
  if I.visit:wait_served() then
    identify(I, "Hei, jeg skal ta INR-en min. "
                .. (inr_high and "Jeg har forresten blødd litt mer enn vanlig fra tannkjøttet "
                                  .. "de siste dagene."
                             or "Alt har vært som vanlig siden sist."), INR_ID)
  end
end)

observe.on({ kind = "lab_step", task = "inr", step = "apply" }, function()
  if I.applied then return end
  I.applied = true
  inr_result()
end)

-- ------------------------------------------------------------ felles hendelser

for _, key in ipairs { "crp", "inr" } do
  local t = T[key]
  local function on_sample() sampling(t) end
  observe.on({ kind = "lab_step", task = key, step = "puncture_side" }, on_sample)
  observe.on({ kind = "lab_step", task = key, step = "puncture_thumb" }, on_sample)
  observe.on({ kind = "lab_step", task = key, step = key == "crp" and "fill" or "apply" },
             on_sample)
  observe.on({ kind = "lab_step", task = key, step = "done" }, function()
    judge_task(t, "done")
    t.task:close()
    t.closed = true
    if key == "crp" then
      say(t, "Takk! Da setter jeg meg på venterommet.")
      t.visit:leave()
    elseif escalation_done then
      say(t, inr_high and "Da venter jeg her på legen." or "Takk for i dag!")
      t.visit:leave()
    end
    maybe_finish()
  end)
end

-- Ferdig når begge oppgavene er avsluttet og svarene (og fristen for å hente
-- legen ved INR over 7,0) er avgjort.
maybe_finish = function()
  if not (C.closed and I.closed) then return end
  if C.filled and not C.result_done then return end
  if I.applied and not (I.result_done and escalation_done) then return end
  finish("Begge hurtigtestene er ferdige.")
end

on_end(function()
  judge_task(C, "time")
  judge_task(I, "time")
  if C.filled and not C.result_done then
    score.deduct(HT, 1, { text = "CRP-svaret ble aldri gitt videre.",
                          better = "Svaret kommer etter 3–4 minutter; gi det til pasienten og "
                                   .. "legen." })
  end
  if inr_high and inr_result_at and not escalation_done then
    -- Tiden gikk ut mindre enn to minutter etter svaret.
    if observe.count { kind = "page_doctor" } > pages_at_result then
      score.award(SL, 2, { text = string.format("Du hentet legen med INR %s.", comma(inr_value)) })
    else
      score.critical(HT, {
        rule = INR_RULE,
        text = string.format("INR %s var ikke meldt legen da tiden var ute.", comma(inr_value)),
        better = "INR over 7,0: be pasienten bli sittende og hent legen straks." })
    end
  end
  if inr_high then
    if not inr_result_at then
      if I.applied then
        -- Apparatet rakk ikke å gi svar før tiden var ute.
        score.deduct(HT, 1, { text = "INR-svaret kom ikke før tiden var ute.",
                              better = "Ta INR-kontrollen tidligere, så svaret kan følges opp." })
      end
    end
  elseif inr_result_at then
    -- INR innenfor målet: legen skal ikke hentes unødig.
    local pages = observe.count { kind = "page_doctor" }
    if pages == 0 then
      score.award(SL, 2, {
        text = "INR innenfor målet går til legen på vanlig måte; du hentet ikke legen ut av "
               .. "en konsultasjon uten grunn." })
    else
      score.award(SL, 1, {
        text = "Du hentet legen for en INR innenfor målet. Det var ikke nødvendig; svaret går "
               .. "til legen på vanlig måte." })
    end
  end
end)
