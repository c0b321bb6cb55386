-- Håndhygiene: WHOs fem situasjoner ved et sårskift
--
-- Trener: håndhygiene i WHOs fem situasjoner under et kort sårskift på
-- skiftestua (før pasientkontakt, før en aseptisk oppgave, etter eksponering
-- for kroppsvæsker, etter pasientkontakt, etter berøring av pasientens
-- omgivelser), at ring og klokke tas av før arbeidet begynner, og at hendene
-- vaskes med såpe og vann etter kontakt med kroppsvæsker. Eleven kommer rett
-- fra lunsj med ring og armbåndsur på (det står i oppgaven).
--
-- Riktig vei: ta imot pasienten (serve) og svar på spørsmålet om hvorfor dere
-- gjør håndhygiene så ofte (five). På benken: ta av ring og klokke →
-- håndhygiene → hils og hjelp pasienten opp på benken → hansker → fjern den
-- gamle bandasjen → ta av hanskene → håndvask med såpe og vann (etter
-- kroppsvæske og før den aseptiske oppgaven) → rens såret og legg på steril
-- kompress → fest bandasjen og hjelp pasienten ned → håndhygiene (etter
-- pasientkontakt) → rydd og tørk av benken → håndhygiene (etter omgivelsene)
-- → avslutt.
--
-- Trinnene (lab_step sarskift TRINN) og hva de betyr for hendene:
--   remove_jewelry  ta av ring og klokke
--   hand_hygiene    hånddesinfeksjon med sprit       } håndhygiene
--   hand_wash       håndvask med såpe og vann        }
--   greet           hilse og hjelpe pasienten opp     pasientkontakt
--   gloves_on       rene hansker (ingen poeng; hansker erstatter ikke håndhygiene)
--   remove_dressing fjerne den gamle bandasjen        pasientkontakt + kroppsvæske
--   gloves_off      ta av hanskene (hendene regnes som urene etterpå)
--   clean_wound     rense såret, steril kompress      aseptisk oppgave
--   bandage         feste bandasjen, hjelpe ned       pasientkontakt (den siste)
--   tidy            rydde og tørke av benken          pasientens omgivelser
--   done            avslutte (vurderes, slutter)
-- Hver situasjon vurderes ut fra når håndhygienen skjer i forhold til disse
-- trinnene; håndhygiene som dekker to situasjoner på en gang (etter
-- kroppsvæske og før aseptisk oppgave) teller for begge.
--
-- Regler og kilder (DOMAIN.md §5, håndhygiene; prosedyre, ingen lovparagraf):
-- WHOs fem situasjoner; ikke ringer, klokke, kunstige negler eller neglelakk;
-- vask med såpe i 40–60 sekunder når hendene er synlig skitne eller etter
-- kroppsvæsker. Sårskiftets rekkefølge og rydding: arbeidsmål
-- hse3005.skiftestue (egen formulering), uten lovhenvisning.
--
-- Poeng (maks 10): håndhygiene 8 (ring og klokke av 1, før pasientkontakt 1,
-- før aseptisk oppgave 1, etter kroppsvæske 1 + med såpe og vann 1, etter
-- pasientkontakt 1, etter omgivelsene 1, forklaringen til pasienten 1);
-- skiftestue 2 (sårskiftet i riktig rekkefølge 1, ryddet etterpå 1).
-- Ingen kritisk feil; den typiske feilen (ring på, ingen håndhygiene mellom
-- den gamle bandasjen og det rene såret) gir en klart dårligere karakter.
-- Alle personer er oppdiktet; fødselsnummeret er syntetisk (måned + 80).

scenario {
  id = "lab-handhygiene",
  title = "Håndhygiene ved sårskift",
  version = "1.0",
  language = "nb",
  summary = "Et kort sårskift på skiftestua: håndhygiene i WHOs fem situasjoner, uten ring "
            .. "og klokke.",
  start = "09:00",
  duration = 15,
  difficulty = 2,
  modes = { "practice", "exam" },
  goals = {
    ["hse3005.handhygiene"] = 8,
    ["hse3005.skiftestue"] = 2,
  },
}

local HH = "hse3005.handhygiene"
local SK = "hse3005.skiftestue"
local TASK = "sarskift"
local function RULE(which)
  return "Håndhygiene, WHOs fem situasjoner (prosedyre): " .. which
end

-- ------------------------------------------------------------ variasjon

local who = random.pick {
  { "Harald Engen", "M", "han", "ham" }, { "Bodil Strøm", "K", "hun", "henne" },
  { "Frode Nilsen", "M", "han", "ham" }, { "Torunn Eik", "K", "hun", "henne" },
}
local wound = random.pick {
  "et sår på leggen etter et fall for en uke siden",
  "et sår på underarmen etter et kutt i hagen",
  "et sår på kneet etter et sykkelfall",
}
local lege = cast.doctor { id = "lege", name = random.pick { "Anne Berg", "Jon Eriksen" } }
local patient = cast.patient {
  id = "pasient", name = who[1], fnr = fnr.synthetic { year = { 1945, 1980 }, sex = who[2] },
  phone = "948 30 512", address = "Bakkeveien 5, 8006 Bodø",
  notes = { "Sårskift delegert fra " .. lege.name .. ": " .. wound .. ". Rent sår, litt væske." },
}

local Q_WHY = random.shuffle {
  { "gloves", "Egentlig er det ikke nødvendig når jeg bruker hansker, men det er rutine." },
  { "self", "Det er mest for min egen del, så jeg ikke blir smittet." },
  { "five", "Vi gjør det på faste tidspunkter: før vi tar på deg, før vi rører det rene "
            .. "såret, etter at vi har vært borti sårvæske, når vi er ferdige med deg og etter "
            .. "at vi har tatt på ting rundt deg. Det beskytter både deg og neste pasient." },
}

-- ------------------------------------------------------------ tilstand

local visit, task
local judged = false

local HYGIENE = { hand_hygiene = true, hand_wash = true }
local PATIENT = { greet = true, remove_dressing = true, clean_wound = true, bandage = true }
-- Trinn som gjør hendene urene (etterpå trengs håndhygiene før neste rene oppgave).
local DIRTY = { greet = true, remove_dressing = true, bandage = true, tidy = true,
                gloves_off = true, clean_wound = true }

local function say(text)
  if visit and visit:state() == "at_counter" then visit:say(text) end
end

-- ------------------------------------------------------------ vurderingen

local function judge(how)
  if judged then return end
  judged = true
  local steps = {}
  for _, a in ipairs(task and task:actions() or {}) do
    if a.kind == "lab_step" then steps[#steps + 1] = a.step end
  end
  local function first(name, from)
    for i = from or 1, #steps do if steps[i] == name then return i end end
  end
  -- Håndhygiene mellom i og j (begge utenfor)? Returnerer trinnet, eller nil.
  local function hygiene_between(i, j)
    local found
    for k = i + 1, j - 1 do if HYGIENE[steps[k]] then found = steps[k] end end
    return found
  end
  local first_contact
  for i, s in ipairs(steps) do
    if PATIENT[s] then first_contact = i; break end
  end
  if not first_contact then
    score.deduct(SK, 1, {
      text = visit and visit:state() == "waiting" and patient.name .. " ble aldri tatt imot."
             or how == "time" and "Tiden gikk ut før sårskiftet var begynt."
             or "Du avsluttet uten å skifte på såret.",
      better = "Gå gjennom sårskiftet og gjør håndhygiene i hver av de fem situasjonene." })
    return
  end

  -- Ring og klokke av før hendene desinfiseres og før pasientkontakt.
  local jewelry = first("remove_jewelry")
  local first_hh
  for i, s in ipairs(steps) do if HYGIENE[s] then first_hh = i; break end end
  if jewelry and jewelry < first_contact and (not first_hh or jewelry < first_hh) then
    score.award(HH, 1, { text = "Du tok av ring og klokke før du begynte." })
  else
    score.deduct(HH, 1, {
      rule = "Håndhygiene (prosedyre): ikke ringer, klokke, kunstige negler eller neglelakk",
      text = jewelry and "Du tok av ring og klokke først etter at arbeidet var i gang."
             or "Du hadde på deg ring og klokke under hele sårskiftet.",
      better = "Ta av ring og klokke før første håndhygiene: under dem blir huden ikke ren, "
               .. "og der samler bakteriene seg." })
  end

  -- 1. Før pasientkontakt.
  if hygiene_between(0, first_contact) then
    score.award(HH, 1, { text = "Håndhygiene før du tok på pasienten (situasjon 1)." })
  else
    score.deduct(HH, 1, {
      rule = RULE("før pasientkontakt"),
      text = "Du gjorde ikke håndhygiene før du tok på pasienten.",
      better = "Desinfiser hendene før du hilser og hjelper pasienten opp på benken." })
  end

  -- 2. Før aseptisk oppgave: håndhygiene etter siste urene trinn før såret renses.
  local aseptic = first("clean_wound")
  if aseptic then
    local last_dirty = 0
    for k = 1, aseptic - 1 do if DIRTY[steps[k]] then last_dirty = k end end
    if hygiene_between(last_dirty, aseptic) then
      score.award(HH, 1, { text = "Håndhygiene rett før du renset såret (situasjon 2)." })
    else
      score.deduct(HH, 1, {
        rule = RULE("før en aseptisk oppgave"),
        text = "Du gjorde ikke håndhygiene rett før du renset såret og la på steril kompress.",
        better = "Før en aseptisk oppgave skal hendene være nettopp desinfisert – etter det "
                 .. "siste du tok på, og før du tar på rene hansker." })
    end
  end

  -- 3. Etter eksponering for kroppsvæsker: når den gamle bandasjen er fjernet,
  --    før hendene tar på noe annet.
  local fluid = first("remove_dressing")
  if fluid then
    local next_touch = #steps + 1
    for k = fluid + 1, #steps do
      if PATIENT[steps[k]] or steps[k] == "tidy" then next_touch = k; break end
    end
    local found = hygiene_between(fluid, next_touch)
    local washed = false
    for k = fluid + 1, next_touch - 1 do
      if steps[k] == "hand_wash" then washed = true end
    end
    if washed then
      score.award(HH, 2, {
        text = "Håndvask med såpe og vann etter kontakt med sårvæsken (situasjon 3)." })
    elseif found then
      score.award(HH, 1, {
        text = "Håndhygiene etter kontakt med sårvæsken (situasjon 3), men med sprit. Etter "
               .. "kroppsvæsker skal hendene vaskes med såpe og vann i 40–60 sekunder." })
    else
      score.deduct(HH, 1, {
        rule = RULE("etter eksponering for kroppsvæsker"),
        text = "Du gjorde ikke håndhygiene etter å ha fjernet bandasjen med sårvæske.",
        better = "Ta av hanskene og vask hendene med såpe og vann i 40–60 sekunder før du tar "
                 .. "på noe annet. Hansker kan ha små hull, og hendene blir forurenset når "
                 .. "hanskene tas av." })
    end
  end

  -- 4. Etter pasientkontakt.
  local last_patient
  for i, s in ipairs(steps) do if PATIENT[s] then last_patient = i end end
  local tidy = first("tidy", last_patient)
  if hygiene_between(last_patient, tidy or #steps + 1) then
    score.award(HH, 1, { text = "Håndhygiene da du var ferdig med pasienten (situasjon 4)." })
  else
    score.deduct(HH, 1, {
      rule = RULE("etter pasientkontakt"),
      text = "Du gjorde ikke håndhygiene da du var ferdig med pasienten.",
      better = "Desinfiser hendene når du har hjulpet pasienten ned, før du går videre." })
  end

  -- 5. Etter berøring av pasientens omgivelser.
  local last_tidy
  for i, s in ipairs(steps) do if s == "tidy" then last_tidy = i end end
  if last_tidy then
    if hygiene_between(last_tidy, #steps + 1) then
      score.award(HH, 1, { text = "Håndhygiene etter at du ryddet og tørket av benken "
                                  .. "(situasjon 5)." })
    else
      score.deduct(HH, 1, {
        rule = RULE("etter berøring av pasientens omgivelser"),
        text = "Du gjorde ikke håndhygiene etter at du hadde tatt på benken og utstyret "
               .. "rundt pasienten.",
        better = "Også omgivelsene til pasienten er forurenset: desinfiser hendene etter at "
                 .. "du har ryddet." })
    end
    score.award(SK, 1, { text = "Du ryddet bort brukt utstyr og tørket av benken." })
  else
    score.deduct(SK, 1, {
      text = "Du ryddet ikke bort brukt utstyr og tørket ikke av benken.",
      better = "Rydd og tørk av benken etter hver pasient – og gjør håndhygiene etterpå." })
  end

  -- Sårskiftets rekkefølge.
  local r, c, b = first("remove_dressing"), first("clean_wound"), first("bandage")
  if r and c and b and r < c and c < b then
    score.award(SK, 1, { text = "Sårskiftet ble gjort i riktig rekkefølge." })
  else
    score.deduct(SK, 1, {
      text = "Sårskiftet ble ikke fullført i riktig rekkefølge.",
      better = "Fjern den gamle bandasjen, rens såret og legg på steril kompress, og fest "
               .. "bandasjen til slutt." })
  end
end

-- ------------------------------------------------------------ hendelser

clock.at("09:01", function()
  visit = desk.arrive(patient)
  task = lab.task {
    id = TASK, patient = patient, kind = "wound",
    title = "Sårskift på skiftestua: " .. patient.name .. " (" .. wound .. "). Du kommer rett "
            .. "fra lunsj med ring og armbåndsur på.",
    steps = {
      { "remove_jewelry", "Ta av ring og klokke" },
      { "hand_hygiene", "Hånddesinfeksjon med sprit" },
      { "hand_wash", "Håndvask med såpe og vann (40–60 sekunder)" },
      { "greet", "Hils og hjelp pasienten opp på benken" },
      { "gloves_on", "Ta på rene hansker" },
      { "remove_dressing", "Fjern den gamle bandasjen" },
      { "gloves_off", "Ta av hanskene" },
      { "clean_wound", "Rens såret og legg på steril kompress" },
      { "bandage", "Fest bandasjen og hjelp pasienten ned fra benken" },
      { "tidy", "Rydd bort brukt utstyr og tørk av benken" },
      { "done", "Avslutt" },
    },
  }
  if not visit:wait_served() then return end
  local why = visit:ask("Hei! Jeg skal få skiftet på såret. Jeg la merke til at dere spriter "
                        .. "hendene hele tiden her. Er ikke det litt overdrevet?", Q_WHY)
  if why == "five" then
    score.award(HH, 1, {
      text = "Du forklarte pasienten når og hvorfor dere gjør håndhygiene (WHOs fem "
             .. "situasjoner)." })
    say("Ja vel, så det er en plan bak det. Det var betryggende.")
  elseif why then
    score.deduct(HH, 1, {
      rule = RULE("alle de fem situasjonene"),
      text = why == "gloves" and "Du sa at håndhygiene egentlig ikke trengs når du bruker hansker."
             or "Du sa at håndhygienen mest er for din egen del.",
      better = "Håndhygiene beskytter først og fremst pasienten (og neste pasient), og hansker "
               .. "erstatter den ikke. Forklar de fem situasjonene kort." })
    say("Å ja.")
  end
end)

observe.on({ kind = "lab_step", task = TASK, step = "done" }, function()
  judge("done")
  task:close()
  say("Takk skal du ha! Det kjennes mye bedre med ny bandasje.")
  visit:leave()
  finish("Sårskiftet er ferdig.")
end)

on_end(function()
  judge("time")
end)
