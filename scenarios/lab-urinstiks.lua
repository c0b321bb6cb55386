-- Urinstiks
--
-- Trener: å vurdere om en urinprøve kan brukes, veilede om en ny prøve
-- (midtstråle, urin som har vært rundt fire timer i blæren), utføre en
-- urinstiks (holdbarhet, lokket på, avlesning etter tiden på pakningen) og
-- svare riktig når pasienten tror negativ nitritt betyr at hun ikke har
-- urinveisinfeksjon.
--
-- Prøven pasienten har med hjemmefra er tatt tidlig i morges og har stått på
-- kjøkkenbenken siden: den er for gammel, men det får eleven bare vite ved å
-- spørre. Frøet trekker pasientens navn, når prøven ble tatt, legens navn og
-- funnene på strimmelen (leukocytter, blod); nitritt er alltid negativ.
--
-- Riktig vei: ta imot pasienten (serve); spør når og hvordan prøven er tatt
-- (ask); forklar at den ikke kan brukes og be om en ny (new); gi
-- instruksjoner om midtstråleprøve (mid); fraråd å drikke mye vann først –
-- urinen bør ha vært rundt fire timer i blæren (no_water). Mens hun er på
-- toalettet: sjekk holdbarheten på strimmelboksen. Når den nye prøven er der:
-- ta ut en strimmel, lukk lokket straks, dypp, les av etter tiden på
-- pakningen, svar at negativ nitritt ikke utelukker infeksjon
-- (not_ruled_out), kast strimmelen og urinen, håndhygiene, avslutt.
--
-- Trinnene (lab_step urin TRINN): hand_hygiene, gloves (ingen poeng),
-- check_expiry, take_strip, close_lid, mix (ingen poeng), dip, read_now,
-- read_pack, read_late, discard, done.
--
-- Regler og kilder (DOMAIN.md §5, urinstiks; prosedyre, ingen lovparagraf):
-- urin ca. 4 timer i blæren, midtstråle; testes innen 2 timer i romtemperatur;
-- les av etter tiden på pakningen; sjekk holdbarheten på strimlene; lukk
-- lokket. Nitritt er spesifikk (~96 %), men lite sensitiv (40–60 %): negativ
-- nitritt utelukker ikke infeksjon. Håndhygiene etter eksponering for
-- kroppsvæsker (WHOs fem situasjoner, §5).
--
-- Poeng (maks 11): urinstiks 8 (spurte om prøven 1, ny prøve 2, holdbarhet 1,
-- lokket 1, avlesningstid 1, nitritt-tolkningen 2); veiledning 2 (midtstråle 1,
-- fire timer i blæren 1); håndhygiene 1 (etter arbeidet med urinen).
-- Ingen kritisk feil: den typiske feilen (teste den gamle prøven, lese av for
-- tidlig og si at negativ nitritt utelukker infeksjon) gir en klart dårligere
-- karakter.
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "lab-urinstiks",
  title = "Urinstiks",
  version = "1.0",
  language = "nb",
  summary = "En pasient med svie ved vannlating har med en urinprøve hjemmefra. Kan den "
            .. "brukes, og hva betyr en negativ nitritt?",
  start = "11:00",
  duration = 20,
  difficulty = 2,
  modes = { "practice", "exam" },
  goals = {
    ["hse3005.urinstiks"] = 8,
    ["hse3006.veiledning"] = 2,
    ["hse3005.handhygiene"] = 1,
  },
}

local U = "hse3005.urinstiks"
local V = "hse3006.veiledning"
local HH = "hse3005.handhygiene"
local TASK = "urin"

local TIME_RULE = "Urinstiks (prosedyre): prøven testes innen to timer i romtemperatur; urinen "
                  .. "bør ha vært rundt fire timer i blæren, og den skal tas midtstråle"
local NITRITE_RULE = "Urinstiks (prosedyre): nitritt er spesifikk, men lite sensitiv (40–60 %) – "
                     .. "negativ nitritt utelukker ikke urinveisinfeksjon"

-- ------------------------------------------------------------ variasjon

local who = random.pick { "Hanne Lysø", "Kristin Aamodt", "Marit Solum", "Ingvild Fosse" }
local patient = cast.patient {
  id = "pasient", name = who, fnr = fnr.synthetic { year = { 1968, 1998 }, sex = "K" },
  phone = "924 18 036", address = "Elvegata 17, 2000 Lillestrøm",
  notes = { "Time hos legen kl. 11.40: svie ved vannlating. Legen ber om urinstiks før timen." },
}
local lege = cast.doctor { id = "lege", name = random.pick { "Per Aasen", "Sigrid Holm" } }

local taken = random.pick { "halv sju", "kvart på sju", "sju" }
local leuco = random.pick { "1+", "2+", "3+" }
local blood = random.pick { "negativ", "1+" }

local function join(list)
  if #list <= 1 then return list[1] or "" end
  return table.concat(list, ", ", 1, #list - 1) .. " og " .. list[#list]
end

local Q1 = random.shuffle {
  { "test", "Flott, da tester jeg den med en gang." },
  { "ask", "Takk! Når tok du prøven, og hvordan tok du den?" },
  { "never", "Vi bruker aldri prøver hjemmefra. Du må ta en ny her." },
}
local Q2 = random.shuffle {
  { "use", "Den kan vi bruke. Da tester jeg den nå." },
  { "fridge", "Jeg setter den i kjøleskapet, så tester jeg den når legen er klar." },
  { "new", "Den kan vi dessverre ikke bruke: urin som står i romtemperatur, skal testes innen "
          .. "to timer. Du får et nytt beger, så tar du en ny prøve her." },
}
local Q3 = random.shuffle {
  { "first", "Fang opp den første urinen som kommer. Den er mest konsentrert." },
  { "mid", "Vask deg, la den første skvetten gå i toalettet, og fang opp urinen midt i "
           .. "strålen i begeret. Skru på lokket etterpå." },
  { "any", "Bare tiss i begeret, det spiller ingen rolle hvordan." },
}
local Q4 = random.shuffle {
  { "drink", "Ja, drikk gjerne et par glass vann først, så går det lettere." },
  { "no_water", "Nei, helst ikke. Urinen bør ha vært rundt fire timer i blæren, og mye vann "
                .. "tynner den ut. Når tisset du sist?" },
  { "wait", "Da venter vi til du er skikkelig tissetrengt – drikk mye og kom tilbake om en "
            .. "halvtime." },
}
local Q5 = random.shuffle {
  { "no_uti", "Ja, når nitritten er negativ, har du ikke urinveisinfeksjon." },
  { "antibiotics", "Du har nok urinveisinfeksjon. Jeg sier til legen at du trenger "
                   .. "antibiotika." },
  { "not_ruled_out", "Nei, negativ nitritt utelukker ikke infeksjon – mange infeksjoner gir "
                     .. "negativ nitritt. Legen ser på hele svaret sammen med plagene dine." },
}

-- ------------------------------------------------------------ tilstand

local visit, task
local sample = "home"       -- "home" (den medbrakte) eller "new" (tatt på kontoret)
local decided                -- svaret på om prøven kan brukes
local dipped_sample          -- prøven strimmelen ble dyppet i (første dypp)
local read_kind              -- første avlesning: read_now, read_pack eller read_late
local interpreted = false
local judged = false

local function say(text)
  if visit and visit:state() == "at_counter" then visit:say(text) end
end

-- Pasienten har bare ett åpent spørsmål om gangen.
local busy = false
local function ask(question, options)
  while busy do clock.wait(5) end
  busy = true
  local answer = visit:ask(question, options)
  busy = false
  return answer
end

-- ------------------------------------------------------------ samtalen

local function instructions()
  local how = ask("Hvordan skal jeg ta den nye prøven?", Q3)
  if how == "mid" then
    score.award(V, 1, { text = "Du forklarte hvordan en midtstråleprøve tas." })
  elseif how then
    score.deduct(V, 1, {
      rule = TIME_RULE,
      text = how == "first" and "Du ba henne fange opp den første urinen."
             or "Du ga ingen veiledning om hvordan prøven skal tas.",
      better = "Forklar midtstråleprøve: vask, la den første skvetten gå i toalettet, fang opp "
               .. "urinen midt i strålen. Den første urinen skyller med seg bakterier fra "
               .. "urinrøret." })
  end
  if not how then return end
  local water = ask("Skal jeg drikke litt vann først? Jeg er ikke så veldig tissetrengt.",
                          Q4)
  if water == "no_water" then
    say("Ikke siden i morges, tror jeg. Jo, jeg kjenner at det går fint.")
    score.award(V, 1, {
      text = "Du forklarte at urinen bør ha vært rundt fire timer i blæren, og frarådet å drikke "
             .. "mye vann først." })
  elseif water then
    score.deduct(V, 1, {
      rule = TIME_RULE,
      text = water == "drink" and "Du ba henne drikke vann før prøven."
             or "Du ba henne drikke mye og komme tilbake om en halvtime.",
      better = "Urinen bør ha vært rundt fire timer i blæren; mye vann tynner den ut og kan gi "
               .. "falskt negative svar. Spør når hun tisset sist." })
  end
end

local function conversation()
  local first = ask("Hei! Legen ville at jeg skulle levere en urinprøve før timen. Jeg "
                          .. "har tatt den med hjemmefra.", Q1)
  if not first then return end
  if first == "ask" then
    score.award(U, 1, { text = "Du spurte når og hvordan prøven var tatt." })
    say("Jeg tok den i morges klokka " .. taken .. ", da jeg sto opp. Den har stått på "
        .. "kjøkkenbenken til jeg dro hit.")
    decided = ask("Kan du bruke den, da?", Q2)
  elseif first == "test" then
    decided = "use"
    score.deduct(U, 1, {
      rule = TIME_RULE,
      text = "Du tok imot prøven uten å spørre når og hvordan den var tatt.",
      better = "Spør alltid: Når ble prøven tatt, hvordan (midtstråle?) og hvordan har den vært "
               .. "oppbevart?" })
  elseif first == "never" then
    decided = "new"
    score.deduct(U, 1, {
      text = "Du avviste prøven uten å spørre når og hvordan den var tatt.",
      better = "En prøve hjemmefra kan godt brukes hvis den er tatt midtstråle og testes innen "
               .. "to timer. Spør før du avviser den." })
  end

  if decided == "new" then
    if first == "ask" then
      score.award(U, 2, {
        text = "Du forsto at prøven var for gammel (mer enn to timer i romtemperatur) og ba om "
               .. "en ny." })
    else
      score.award(U, 1, { text = "Du ba om en ny prøve tatt på kontoret." })
    end
    instructions()
    if visit:state() ~= "at_counter" then return end
    say("Da går jeg på toalettet.")
    clock.wait(4 * 60)
    sample = "new"
    say("Her er den nye prøven. Jeg har skrudd på lokket.")
  elseif decided == "use" or decided == "fridge" then
    score.deduct(U, 2, {
      rule = TIME_RULE,
      text = "Prøven var tatt klokka " .. taken .. " og hadde stått i romtemperatur i over "
             .. "fire timer."
             .. (decided == "fridge" and " Du satte den i kjøleskapet for å teste den senere."
                 or " Likevel ble den testet."),
      better = "Urin som står i romtemperatur, skal testes innen to timer; ellers formerer "
               .. "bakteriene seg, og svaret blir feil. Be om en ny midtstråleprøve." })
    say(decided == "use" and "Så bra, da slipper jeg å tisse igjen." or "Ok, da setter jeg meg.")
  end
end

-- ------------------------------------------------------------ avlesningen

local function result_text(kind)
  if kind == "read_now" then
    return "Du leser av straks: nesten ingen av feltene har rukket å skifte farge. Nitritt "
           .. "negativ."
  elseif kind == "read_late" then
    return "Du leser av etter ti minutter: feltene har mørknet langt forbi tiden på pakningen, "
           .. "og fargene er vanskelige å tolke. Nitritt negativ."
  end
  return "Etter tiden på pakningen: leukocytter " .. leuco .. ", nitritt negativ, blod "
         .. blood .. ", protein negativ, glukose negativ."
end

local function on_read(a)
  if read_kind or not dipped_sample then return end
  read_kind = a.step
  if a.step == "read_pack" then
    score.award(U, 1, { text = "Du leste av etter tiden som står på pakningen." })
  else
    score.deduct(U, 1, {
      rule = "Urinstiks (prosedyre): les av etter tiden pakningen oppgir",
      text = a.step == "read_now" and "Du leste av straks, før feltene hadde reagert."
             or "Du leste av lenge etter tiden på pakningen.",
      better = "Ta tiden fra strimmelen dyppes, og les av etter tiden som står på pakningen – "
               .. "for tidlig gir falskt negative felt, for sent gir fargeendringer som ikke "
               .. "betyr noe." })
  end
  if visit:state() ~= "at_counter" then return end
  local answer = ask("(" .. result_text(a.step) .. ") Nitritten var negativ, sa du? "
                           .. "Betyr det at jeg ikke har urinveisinfeksjon?", Q5)
  if not answer then return end
  interpreted = true
  if answer == "not_ruled_out" then
    score.award(U, 2, {
      text = "Du forklarte at negativ nitritt ikke utelukker urinveisinfeksjon, og at legen "
             .. "vurderer hele svaret." })
    say("Å, det visste jeg ikke. Da får jeg høre med legen.")
  else
    score.deduct(U, 2, {
      rule = NITRITE_RULE,
      text = answer == "no_uti"
             and "Du sa at negativ nitritt betyr at hun ikke har urinveisinfeksjon."
             or "Du stilte en diagnose og lovet antibiotika ut fra strimmelen.",
      better = "Negativ nitritt utelukker ikke infeksjon: nitritt er positiv bare hos 40–60 % "
               .. "av dem som har det. Si hva strimmelen viste, og at legen vurderer svaret "
               .. "sammen med plagene." })
    say(answer == "no_uti" and "Så fint! Da kan jeg kanskje bare gå hjem?"
        or "Å, ok. Da venter jeg på resepten.")
  end
end

-- ------------------------------------------------------------ vurderingen

local function judge(how)
  if judged then return end
  judged = true
  local steps = {}
  for _, a in ipairs(task and task:actions() or {}) do
    if a.kind == "lab_step" then steps[#steps + 1] = a.step end
  end
  local function first(name)
    for i, s in ipairs(steps) do if s == name then return i end end
  end
  local function last(name)
    for i = #steps, 1, -1 do if steps[i] == name then return i end end
  end

  local dip = first("dip")
  if not dip then
    score.deduct(U, 1, {
      text = visit and visit:state() == "waiting" and patient.name .. " ble aldri tatt imot."
             or how == "time" and "Tiden gikk ut før urinen var testet."
             or "Du avsluttet uten å teste urinen.",
      better = "Sjekk holdbarheten, ta ut en strimmel, lukk lokket, dypp, og les av etter tiden "
               .. "på pakningen." })
    return
  end

  -- Holdbarheten sjekket før strimmelen ble brukt.
  local expiry = first("check_expiry")
  if expiry and expiry < dip then
    score.award(U, 1, { text = "Du sjekket holdbarhetsdatoen på strimlene før testen." })
  else
    score.deduct(U, 1, {
      rule = "Urinstiks (prosedyre): sjekk holdbarheten på strimlene",
      text = "Du sjekket ikke holdbarhetsdatoen på strimmelboksen før testen.",
      better = "Se på holdbarhetsdatoen (og når boksen ble åpnet) før du tar ut en strimmel: "
               .. "utgåtte strimler kan gi feil svar." })
  end

  -- Lokket lukket straks strimmelen er tatt ut.
  local strip, lid = first("take_strip"), first("close_lid")
  if strip and lid and lid > strip and lid < dip then
    score.award(U, 1, { text = "Du lukket lokket på strimmelboksen med en gang." })
  else
    score.deduct(U, 1, {
      rule = "Urinstiks (prosedyre): lukk lokket på boksen",
      text = not lid and "Lokket på strimmelboksen ble stående åpent."
             or "Du lukket ikke lokket på strimmelboksen straks du hadde tatt ut strimmelen.",
      better = "Ta ut én strimmel og lukk lokket med en gang: fuktighet og lys ødelegger "
               .. "strimlene som er igjen." })
  end

  -- Prøven som ble testet (dialogen har allerede gitt poeng for avgjørelsen).
  if dipped_sample == "home" and decided == "new" then
    score.deduct(U, 1, {
      text = "Du dyppet strimmelen i den gamle prøven før den nye var kommet.",
      better = "Vent på den nye midtstråleprøven og test den." })
  end

  if not read_kind then
    score.deduct(U, 1, { text = "Strimmelen ble ikke lest av.",
                         better = "Les av etter tiden som står på pakningen." })
  end
  if read_kind and not interpreted then
    score.deduct(U, 1, { text = "Du svarte ikke på pasientens spørsmål om nitritten.",
                         better = "Forklar at negativ nitritt ikke utelukker infeksjon, og at "
                                  .. "legen vurderer svaret." })
  end

  -- Håndhygiene etter arbeidet med urinen.
  local urine_last = math.max(last("dip") or 0, last("discard") or 0, last("mix") or 0,
                              last("read_now") or 0, last("read_pack") or 0,
                              last("read_late") or 0)
  local hh = last("hand_hygiene")
  if hh and hh > urine_last then
    score.award(HH, 1, { text = "Du gjorde håndhygiene etter å ha arbeidet med urinen." })
  else
    score.deduct(HH, 1, {
      text = "Du gjorde ikke håndhygiene etter å ha arbeidet med urinen.",
      better = "Håndhygiene etter eksponering for kroppsvæsker – også når du har brukt "
               .. "hansker." })
  end
end

-- ------------------------------------------------------------ hendelser

clock.at("11:01", function()
  visit = desk.arrive(patient)
  task = lab.task {
    id = TASK, patient = patient, kind = "urine",
    title = "Urinstiks før legetimen: " .. patient.name,
    steps = {
      { "hand_hygiene", "Håndhygiene" },
      { "gloves", "Ta på hansker" },
      { "check_expiry", "Sjekk holdbarhetsdatoen på strimmelboksen" },
      { "take_strip", "Ta ut en strimmel" },
      { "close_lid", "Lukk lokket på strimmelboksen" },
      { "mix", "Vend begeret forsiktig så urinen blandes" },
      { "dip", "Dypp strimmelen kort i urinen og stryk av overflødig urin" },
      { "read_now", "Les av med en gang" },
      { "read_pack", "Les av etter tiden som står på pakningen" },
      { "read_late", "Les av når det passer, etter ti minutter" },
      { "discard", "Kast strimmelen og urinen, og tørk av benken" },
      { "done", "Avslutt" },
    },
  }
  if visit:wait_served() then conversation() end
end)

observe.on({ kind = "lab_step", task = TASK, step = "dip" }, function()
  dipped_sample = dipped_sample or sample
end)
for _, k in ipairs { "read_now", "read_pack", "read_late" } do
  observe.on({ kind = "lab_step", task = TASK, step = k }, on_read)
end

observe.on({ kind = "lab_step", task = TASK, step = "done" }, function()
  judge("done")
  task:close()
  say("Takk! Da setter jeg meg og venter på legen.")
  visit:leave()
  finish("Urinstiksen er ferdig.")
end)

on_end(function()
  judge("time")
end)
