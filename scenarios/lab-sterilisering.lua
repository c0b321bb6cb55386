-- Rengjøring og sterilisering av instrumenter
--
-- Trener: å gjøre brukte instrumenter fra skiftestua klare til neste gang:
-- rengjøre og desinfisere først, pakke i steriliseringspose som fylles høyst
-- en tredjedel, datere posen, legge kjemisk indikator i hver syklus, velge
-- riktig dampprogram (121 °C i 15 minutter eller 134 °C i 3 minutter), lese
-- indikatoren etter syklusen og vite hvor ofte sporetest og validering gjøres.
-- Veilederen (en erfaren helsesekretær) står ved siden av og stiller spørsmål,
-- slik som på en praktisk prøve.
--
-- Variasjon (frøet): hvilke instrumenter og hvilket inngrep, navnene, og om
-- indikatoren slår om etter en syklus med riktig program (ellers er det feil
-- på autoklaven). Med et program som er for kort eller for kaldt, slår den
-- aldri om. Har den ikke slått om, er posene ikke sterile: de skal ikke på
-- lageret, men pakkes om, steriliseres på nytt, og det skal meldes avvik.
--
-- Riktig vei: ta imot veilederen (serve veileder); hansker; rengjør (clean) →
-- desinfiser (disinfect) → tørk → pakk i pose fylt høyst en tredjedel
-- (pack_third) → forsegl → dater (date) → kjemisk indikator i kammeret
-- (indicator) → start 121 °C 15 min (prog_121_15) eller 134 °C 3 min
-- (prog_134_3). Mens syklusen går (8 simulerte minutter): sporetest månedlig
-- eller kvartalsvis (monthly), validering årlig (yearly). Etter syklusen:
-- kontroller indikatoren (check_indicator) og svar: slått om → posene på
-- lageret (store); ikke slått om → ikke sterile, steriliser på nytt og meld
-- avvik (redo). Avslutt (done).
--
-- Trinnene (lab_step instrumenter TRINN): gloves, clean, disinfect, dry,
-- pack_third, pack_full, seal, date, indicator, prog_121_15, prog_134_3,
-- prog_121_3, prog_dry_160_30, check_indicator, done. gloves, dry og seal gir
-- verken poeng eller trekk.
--
-- Regler og kilder (DOMAIN.md §5, sterilisering; prosedyre, ingen
-- lovparagraf): rengjør og desinfiser først; posen fylles høyst ca. 1/3 og
-- dateres; damp 121 °C 15 min eller 134 °C 3 min (tørr varme 160 °C 120 min /
-- 170 °C 60 min); kjemisk indikator hver syklus; sporetest månedlig eller
-- kvartalsvis; validering årlig. Ingen kritisk feil (ingen pasient er utsatt
-- ennå); den typiske feilen gir en klart dårligere karakter.
--
-- Poeng (maks 11): sterilisering 9 (rengjort 1 og desinfisert 1 før pakking,
-- posen høyst 1/3 full 1, datert 1, riktig program 2, indikator i syklusen 1,
-- indikatoren lest og riktig avgjørelse 2); kvalitetssikring 2 (sporetest 1,
-- validering 1).
-- Alle personer er oppdiktet; fødselsnummeret er syntetisk (måned + 80).

scenario {
  id = "lab-sterilisering",
  title = "Rengjøring og sterilisering av instrumenter",
  version = "1.0",
  language = "nb",
  summary = "Brukte instrumenter fra skiftestua skal bli sterile igjen: rengjøring, "
            .. "pakking, riktig program og kontroll av indikatoren.",
  start = "14:00",
  duration = 25,
  difficulty = 2,
  modes = { "practice", "exam" },
  goals = {
    ["hse3005.sterilisering"] = 9,
    ["hse3007.kvalitetssikring"] = 2,
  },
}

local S = "hse3005.sterilisering"
local Q = "hse3007.kvalitetssikring"
local TASK = "instrumenter"
local CYCLE = 8 * 60     -- simulert tid for en hel syklus (oppvarming, holdetid, tørk)

local RULE = "Sterilisering (prosedyre): rengjør og desinfiser først; posen fylles høyst ca. "
             .. "1/3 og dateres; damp 121 °C i 15 min eller 134 °C i 3 min; kjemisk "
             .. "indikator i hver syklus"

-- ------------------------------------------------------------ variasjon

local veileder = cast.person {
  id = "veileder", kind = "colleague", role = "helsesekretær og veileder",
  name = random.pick { "Grete Solli", "Tone Bakken", "Heidi Nymo" },
}
local lege = cast.doctor { id = "lege", name = random.pick { "Ola Strand", "Marianne Vik" } }
local procedure = random.pick {
  { "fjerningen av en føflekk", "saks, pinsett og nåleholder" },
  { "suturfjerningen", "suturkniv, pinsett og saks" },
  { "sårrevisjonen", "skalpellskaft, pinsett og saks" },
}
local patient = cast.patient {
  id = "pasient", name = random.pick { "Nina Rasmussen", "Tor Helge Aas", "Wenche Lund" },
  fnr = fnr.synthetic { year = { 1960, 1990 } },
  notes = { "Lite inngrep på skiftestua i dag hos " .. lege.name .. "." },
}
local indicator_ok = random.pick { true, false }

local PROGRAMS = {
  prog_121_15 = { ok = true, text = "damp 121 °C i 15 minutter" },
  prog_134_3 = { ok = true, text = "damp 134 °C i 3 minutter" },
  prog_121_3 = { ok = false, text = "damp 121 °C i bare 3 minutter" },
  prog_dry_160_30 = { ok = false, text = "tørr varme 160 °C i bare 30 minutter" },
}

local Q_SPORE = random.shuffle {
  { "every_cycle", "Hver eneste syklus, sammen med den kjemiske indikatoren." },
  { "monthly", "Månedlig eller hvert kvartal, etter rutinen vår." },
  { "never", "Det trengs ikke så lenge den kjemiske indikatoren slår om." },
  { "yearly", "En gang i året, når autoklaven er på service." },
}
local Q_VALID = random.shuffle {
  { "weekly", "Hver uke, samtidig med sporetesten." },
  { "repair", "Bare når den har vært til reparasjon." },
  { "yearly", "Den valideres en gang i året." },
}
local Q_AFTER = random.shuffle {
  { "store", "Indikatoren har slått om som den skal, så posene kan legges på lageret." },
  { "redo", "Indikatoren har ikke slått om. Posene er ikke sterile: vi pakker om, "
            .. "steriliserer på nytt og melder avvik." },
  { "use_anyway", "Autoklaven har gått hele programmet, så posene kan brukes uansett hva "
                  .. "indikatoren viser." },
}

-- ------------------------------------------------------------ tilstand

local visit, task
local busy = false
local program          -- første program som ble startet
local program_at       -- clock.elapsed() da syklusen startet
local cycle_done = false
local decision         -- svaret etter indikatorkontrollen
local judged = false

local function say(text)
  if visit and visit:state() == "at_counter" then visit:say(text) end
end

local function ask(question, options)
  while busy do clock.wait(5) end
  busy = true
  local answer = visit:ask(question, options)
  busy = false
  return answer
end

local function steps_so_far()
  local list = {}
  for _, a in ipairs(task:actions()) do
    if a.kind == "lab_step" then list[#list + 1] = a.step end
  end
  return list
end

-- ------------------------------------------------------------ spørsmålene under syklusen

local function questions()
  local spore = ask("Mens vi venter: Hvor ofte tar vi sporetest (biologisk indikator) på "
                    .. "autoklaven?", Q_SPORE)
  if spore == "monthly" then
    score.award(Q, 1, { text = "Sporetest månedlig eller kvartalsvis – riktig." })
  elseif spore then
    score.deduct(Q, 1, {
      rule = "Sterilisering (prosedyre): sporetest månedlig eller kvartalsvis",
      text = spore == "every_cycle" and "Du sa sporetest i hver syklus; det er den kjemiske "
                                        .. "indikatoren som brukes hver gang."
             or spore == "never" and "Du sa at sporetest ikke trengs når indikatoren slår om."
             or "Du sa sporetest en gang i året.",
      better = "Den kjemiske indikatoren viser at én syklus nådde temperatur og tid. "
               .. "Sporetesten viser at autoklaven faktisk dreper mikrober, og tas månedlig "
               .. "eller hvert kvartal etter kontorets rutine." })
  end
  if not spore then return end
  local valid = ask("Og validering av autoklaven – hvor ofte?", Q_VALID)
  if valid == "yearly" then
    score.award(Q, 1, { text = "Validering en gang i året – riktig." })
  elseif valid then
    score.deduct(Q, 1, {
      rule = "Sterilisering (prosedyre): validering årlig",
      text = valid == "weekly" and "Du sa at autoklaven valideres hver uke."
             or "Du sa at autoklaven bare valideres etter reparasjon.",
      better = "Autoklaven valideres en gang i året, i tillegg til indikator i hver syklus og "
               .. "sporetest månedlig eller kvartalsvis." })
  end
end

local function on_program(a)
  if program then return end
  program = a.step
  program_at = clock.elapsed()
  local steps = steps_so_far()
  local has = {}
  for _, s in ipairs(steps) do has[s] = true end
  if not has.pack_third and not has.pack_full then
    say("Vent nå – instrumentene ligger jo ikke i poser ennå.")
  else
    say("Da går syklusen. Den bruker en stund med oppvarming og tørk.")
  end
  questions()
  local left = program_at + CYCLE - clock.elapsed()
  if left > 0 then clock.wait(left) end
  cycle_done = true
  say("Nå er syklusen ferdig.")
end

local function on_check()
  if decision or not cycle_done then
    if not cycle_done then say("Syklusen er ikke ferdig ennå.") end
    return
  end
  local has = {}
  for _, s in ipairs(steps_so_far()) do has[s] = true end
  -- Et program med for lav temperatur eller for kort tid får ikke indikatoren
  -- til å slå om; med riktig program avgjør frøet (feil på autoklaven).
  local indicator_ok = indicator_ok and PROGRAMS[program].ok
  local seen = not has.indicator
    and "Det ligger ingen kjemisk indikator i kammeret, så du har ingenting å lese av."
    or indicator_ok and "Indikatorstrimmelen har skiftet farge helt, som på fargeskalaen."
    or "Indikatorstrimmelen har ikke skiftet farge; den ser ut som før syklusen."
  decision = ask("(" .. seen .. ") Kan vi legge posene på lageret nå?", Q_AFTER) or "none"
  if not has.indicator then
    score.deduct(S, 1, {
      rule = RULE,
      text = "Uten kjemisk indikator i syklusen kan ingen vite om posene er sterile.",
      better = "Legg en kjemisk indikator i hver syklus, og les den av før posene går på "
               .. "lageret. Uten indikator må instrumentene steriliseres på nytt." })
    say("Uten indikator vet vi ikke om de er sterile. Vi må kjøre dem på nytt.")
  elseif indicator_ok and decision == "store" then
    score.award(S, 2, { text = "Du leste av indikatoren, og den viste at syklusen hadde virket." })
    say("Bra. Da legger vi dem tørt og lukket på lageret.")
  elseif not indicator_ok and decision == "redo" then
    score.award(S, 2, {
      text = "Du så at indikatoren ikke hadde slått om, holdt posene tilbake og ville "
             .. "sterilisere på nytt og melde avvik." })
    say("Helt riktig. Jeg melder avvik og sier fra om autoklaven, og så kjører vi dem på nytt.")
  elseif decision ~= "none" then
    score.deduct(S, 2, {
      rule = RULE,
      text = indicator_ok
             and "Indikatoren hadde slått om som den skulle, men du ville ikke bruke posene."
             or "Indikatoren hadde ikke slått om, men du ville legge posene på lageret.",
      better = "Les av indikatoren etter hver syklus: har den slått om, kan posene på lageret; "
               .. "har den ikke det, er de ikke sterile – steriliser på nytt og meld avvik." })
    if not indicator_ok then
      say("Stopp! Da kan usterile instrumenter bli brukt på en pasient. Vi kjører dem på nytt.")
    end
  end
end

-- ------------------------------------------------------------ vurderingen

local function judge(how)
  if judged then return end
  judged = true
  local steps = task and steps_so_far() or {}
  local function first(name)
    for i, s in ipairs(steps) do if s == name then return i end end
  end
  local pack = first("pack_third") or first("pack_full")
  if not pack and not program then
    score.deduct(S, 1, {
      text = visit and visit:state() == "waiting" and "Du tok aldri imot veilederen."
             or how == "time" and "Tiden gikk ut før instrumentene var pakket og sterilisert."
             or "Du avsluttet uten å pakke og sterilisere instrumentene.",
      better = "Rengjør og desinfiser, pakk i poser (høyst en tredjedel full), dater, legg i "
               .. "indikator, velg riktig program og les av indikatoren." })
    return
  end

  local clean, disinfect = first("clean"), first("disinfect")
  local limit = pack or #steps + 1
  if clean and clean < limit then
    score.award(S, 1, { text = "Du rengjorde instrumentene før de ble pakket." })
  else
    score.deduct(S, 1, {
      rule = RULE,
      text = "Instrumentene ble ikke rengjort før de ble pakket.",
      better = "Børst og skyll bort blod og vev først. Sterilisering virker ikke gjennom "
               .. "rester av blod og vev." })
  end
  if disinfect and disinfect < limit and (not clean or disinfect > clean) then
    score.award(S, 1, { text = clean and "Du desinfiserte instrumentene etter rengjøringen, før "
                                          .. "pakking."
                                       or "Du desinfiserte instrumentene før pakking." })
  else
    score.deduct(S, 1, {
      rule = RULE,
      text = not disinfect and "Instrumentene ble ikke desinfisert før pakking."
             or disinfect > limit and "Du desinfiserte først etter at instrumentene var pakket."
             or "Du desinfiserte før du rengjorde.",
      better = "Rekkefølgen er rengjøring, desinfeksjon, tørk, pakking og sterilisering." })
  end

  if first("pack_full") then
    score.deduct(S, 1, {
      rule = RULE,
      text = "Du fylte steriliseringsposen helt.",
      better = "Fyll posen høyst en tredjedel, ellers kommer ikke dampen til overalt, og "
               .. "posen kan sprekke." })
  elseif first("pack_third") then
    score.award(S, 1, { text = "Posene ble fylt høyst en tredjedel." })
  end

  local date = first("date")
  if date then
    score.award(S, 1, { text = "Posene ble merket med dato." })
  else
    score.deduct(S, 1, {
      rule = RULE,
      text = "Posene ble ikke datert.",
      better = "Merk posene med dato, så det er mulig å se hvor lenge de har ligget og spore "
               .. "dem tilbake til syklusen." })
  end

  if not program then
    score.deduct(S, 2, { text = "Ingen steriliseringssyklus ble startet.",
                         better = "Velg damp 121 °C i 15 minutter eller 134 °C i 3 minutter." })
  elseif PROGRAMS[program].ok then
    score.award(S, 2, { text = "Du valgte et riktig program: " .. PROGRAMS[program].text .. "." })
  else
    score.deduct(S, 2, {
      rule = RULE,
      text = "Du valgte " .. PROGRAMS[program].text .. ", som ikke gir sterile instrumenter.",
      better = "Damp 121 °C i 15 minutter eller 134 °C i 3 minutter (tørr varme: 160 °C i 120 "
               .. "minutter eller 170 °C i 60 minutter)." })
  end

  local ind = first("indicator")
  local prog_i
  for i, s in ipairs(steps) do if PROGRAMS[s] then prog_i = prog_i or i end end
  if ind and prog_i and ind < prog_i then
    score.award(S, 1, { text = "Du la en kjemisk indikator i syklusen." })
  elseif program then
    score.deduct(S, 1, {
      rule = RULE,
      text = "Det lå ingen kjemisk indikator i kammeret da syklusen startet.",
      better = "Legg en kjemisk indikator i hver syklus før du starter programmet." })
  end

  if program and not decision then
    score.deduct(S, 1, {
      text = cycle_done and "Du kontrollerte ikke indikatoren etter syklusen."
             or "Syklusen var ikke ferdig, så indikatoren ble ikke lest av.",
      better = "Les av indikatoren etter hver syklus før posene går på lageret." })
  end
end

-- ------------------------------------------------------------ hendelser

clock.at("14:01", function()
  visit = desk.arrive(veileder)
  task = lab.task {
    id = TASK, patient = patient, kind = "sterilisation",
    title = "Instrumentene etter " .. procedure[1] .. " (" .. procedure[2] .. ")",
    steps = {
      { "gloves", "Ta på hansker og forkle" },
      { "clean", "Rengjør instrumentene: børst og skyll bort blod og vev" },
      { "disinfect", "Desinfiser instrumentene i dekontaminatoren" },
      { "dry", "Tørk instrumentene" },
      { "pack_third", "Pakk i steriliseringspose, fylt høyst en tredjedel" },
      { "pack_full", "Pakk alle instrumentene i én pose" },
      { "seal", "Forsegl posen" },
      { "date", "Merk posen med dato" },
      { "indicator", "Legg en kjemisk indikator i kammeret" },
      { "prog_121_15", "Start program: damp 121 °C i 15 minutter" },
      { "prog_134_3", "Start program: damp 134 °C i 3 minutter" },
      { "prog_121_3", "Start program: damp 121 °C i 3 minutter" },
      { "prog_dry_160_30", "Start program: tørr varme 160 °C i 30 minutter" },
      { "check_indicator", "Kontroller indikatoren etter syklusen" },
      { "done", "Avslutt" },
    },
  }
  if visit:wait_served() then
    say(string.format("Hei! %s er ferdig med %s. Her er brettet med de brukte instrumentene: "
                      .. "%s. Kan du gjøre dem klare til neste gang? Jeg står her og ser på.",
                      lege.name, procedure[1], procedure[2]))
  end
end)

for prog in pairs(PROGRAMS) do
  observe.on({ kind = "lab_step", task = TASK, step = prog }, on_program)
end
observe.on({ kind = "lab_step", task = TASK, step = "check_indicator" }, on_check)

observe.on({ kind = "lab_step", task = TASK, step = "done" }, function()
  judge("done")
  task:close()
  say("Takk, det var ryddig gjort.")
  visit:leave()
  finish("Instrumentene er ferdige.")
end)

on_end(function()
  judge("time")
end)
