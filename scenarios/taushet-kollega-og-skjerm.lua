-- Kollegaen, naboen og skjermen
--
-- Trener: journaltilgang og skjermen i skranken. En pasient skal bestille ny
-- kontroll (legen har skrevet når i journalen). En kollega kommer bort og ber
-- deg slå opp naboen hennes, som ble hentet av ambulanse i natt. Så kommer en
-- pasient med en urinprøve som skal testes på laben før timen – du må gå fra
-- pulten, og mens du er borte, kommer en ny pasient til skranken og ser rett
-- på skjermen din.
--
-- Riktig vei:
--  * Pasient 1 (08:01): ta imot, åpne journalen hans/hennes (legens beskjed:
--    ny kontroll om én uke, 20 minutter), bestill en ledig time om fem
--    virkedager, og lukk journalen før neste pasient.
--  * Kollegaen (08:04–08:05): si nei – du har ikke tjenstlig behov, og alle
--    oppslag logges. Hold fast når hun sier at ingen sjekker loggene. Ikke søk
--    opp eller åpne naboens journal.
--  * Pasient 2 med urinprøven (08:07–08:08): ta imot, registrer oppmøtet.
--    Lås skjermen (lock_screen) FØR du går fra pulten til laben (første
--    lab_step). På laben: håndhygiene, sjekk holdbarheten på strimlene før du
--    dypper, les av ved tiden på pakningen, lukk lokket, gå tilbake.
--  * Pasient 3 kommer mens du er borte: ta imot og registrer oppmøtet.
--
-- Regler det scores etter:
--  * hpl § 21 a [sikker, DOMAIN.md §2]: å lese eller søke i en journal uten
--    tjenstlig behov er forbudt (nabo, kjendis, familie, seg selv); oppslag
--    logges. Å åpne naboens journal er kritisk feil (hse3007.journaltilgang).
--    Å love kollegaen et oppslag, eller oppfordre henne til å gjøre det selv,
--    gir trekk.
--  * hpl § 21 [sikker, DOMAIN.md §2]: plikt til å HINDRE at andre får tilgang
--    til helseopplysninger. En åpen journal på en ulåst skjerm mens en annen
--    pasient står i skranken og du er borte, er kritisk feil
--    (hse3006.taushetsplikt). Ulåst skjerm uten journal gir trekk, og en
--    journal som står åpen når neste pasient kommer til skranken gir trekk.
--    Catalog-målet hse3007.journaltilgang: «Låser skjermen før hen går fra
--    den» – her scoret under taushetsplikten.
--  * Urinstiks [DOMAIN.md §5, prosedyre, ingen paragraf]: sjekk holdbarheten
--    på strimlene, les av ved tiden på pakningen, lukk lokket.
--  * Timeboka og registrering i skranken er praksis: ingen paragraf.
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "taushet-kollega-og-skjerm",
  title = "Kollegaen, naboen og skjermen",
  version = "1.1",
  language = "nb",
  summary = "En kollega ber deg slå opp naboen sin, og du må gå fra pulten til laben mens "
            .. "det står pasienter i skranken.",
  start = "08:00",
  duration = 20,
  difficulty = 3,
  modes = { "practice", "exam" },
  goals = {
    ["hse3007.journaltilgang"] = 5,
    ["hse3006.taushetsplikt"] = 3,
    ["hse3007.timebok"] = 2,
    ["hse3005.urinstiks"] = 2,
    ["hse3007.prioritering"] = 2,
  },
}

local J = "hse3007.journaltilgang"
local T = "hse3006.taushetsplikt"
local TB = "hse3007.timebok"
local U = "hse3005.urinstiks"
local P = "hse3007.prioritering"

local REGEL_21A = "hpl § 21 a (forbud mot å lese eller søke i journal uten tjenstlig behov)"
local REGEL_21 = "hpl § 21 (plikt til å hindre at andre får tilgang til helseopplysninger)"
local KONTROLL_DAG = 5       -- virkedager fram: «om én uke»
local TASK = "urinprove"

-- ----------------------------------------------------------- rollelisten
-- Variasjon fra frøet: navn og tidspunkter. Id-ene er faste.

local lege_valg = random.pick {
  { "Anne Berg", "hun" }, { "Lars Holm", "han" }, { "Turid Sand", "hun" },
}
local lege = cast.doctor { id = "lege", name = lege_valg[1], role = "fastlege" }

local kollega = cast.person {
  id = "kollega", name = random.pick { "Wenche Nilsen", "Grete Isaksen", "Linda Paulsen" },
  kind = "colleague", role = "helsesekretær",
}
local kollega_fornavn = kollega.name:match("^(%S+)")

local nabo = cast.patient {
  id = "nabo", name = random.pick { "Aud Kristoffersen", "Ruth Mikalsen", "Eva Jakobsen" },
  fnr = fnr.synthetic { year = { 1940, 1950 }, sex = "K" },
  phone = "776 90 114", address = "Granveien 7, 9015 Tromsø",
  notes = { "I natt: brystsmerter, hentet av ambulanse. Innlagt på UNN, hjerteavdelingen." },
}

local en_valg = random.pick { { "Harald Nygård", "M" }, { "Sissel Berge", "K" },
                              { "Johan Fjeld", "M" } }
local pasient1 = cast.patient {
  id = "pasient1", name = en_valg[1],
  fnr = fnr.synthetic { year = { 1952, 1962 }, sex = en_valg[2] },
  phone = "913 24 880", address = "Vestregata 12, 9008 Tromsø",
  notes = {
    "I dag 07.40: Kontroll av blodtrykk. Ny medisin. Ny kontroll hos " .. lege_valg[1]
      .. " om én uke (20 min), helst formiddag. – " .. lege_valg[1],
  },
}

local to_valg = random.pick { { "Marte Lie", "K" }, { "Ola Brekke", "M" },
                              { "Kine Sandvik", "K" } }
local pasient2 = cast.patient {
  id = "pasient2", name = to_valg[1],
  fnr = fnr.synthetic { year = { 1985, 1998 }, sex = to_valg[2] },
  phone = "948 77 302", address = "Elvegata 9, 9008 Tromsø",
  notes = { "Svie ved vannlating. Urinstiks før timen i dag." },
}

local tre_valg = random.pick { { "Kåre Hansen", "M" }, { "Tove Eilertsen", "K" },
                               { "Rita Simonsen", "K" } }
local pasient3 = cast.patient {
  id = "pasient3", name = tre_valg[1],
  fnr = fnr.synthetic { year = { 1945, 1970 }, sex = tre_valg[2] },
  phone = "922 10 663", address = "Nordslettvegen 3, 9012 Tromsø",
}

local fyll = cast.patient { id = "fyll", name = "Leif Fossum",
                            fnr = fnr.synthetic { year = 1949, sex = "M" } }

timebok.slots { doctor = lege, from = "08:00", to = "12:00", minutes = 20 }
timebok.book { doctor = lege, time = "08:40", patient = pasient2, note = "Svie ved vannlating" }
timebok.book { doctor = lege, time = "09:00", patient = pasient3, note = "Kontroll" }
for dag = 1, 10 do
  timebok.slots { doctor = lege, day = dag, from = "08:00", to = "12:00", minutes = 20 }
end
timebok.book { doctor = lege, day = KONTROLL_DAG, time = "08:00", patient = fyll,
               note = "Kontroll" }
timebok.book { doctor = lege, day = KONTROLL_DAG, time = "09:00", patient = nabo,
               note = "Kontroll" }

-- ----------------------------------------------------------- journalene

local snokt = false
observe.on({ kind = "open_record", patient = "nabo" }, function()
  snokt = true
  score.critical(J, {
    rule = REGEL_21A,
    text = "Du åpnet journalen til " .. nabo.name .. ", naboen til kollegaen din, uten at du "
           .. "hadde en oppgave i den. Det er snoking, og oppslaget logges.",
    better = "Si nei: du har ikke tjenstlig behov, heller ikke når en kollega ber deg. Vis "
             .. "kollegaen til å kontakte naboen eller familien selv." })
end)
observe.on("search_record", function(a)
  local q = a.query:lower()
  local etternavn = nabo.name:lower():match("(%S+)$")
  if q:find(etternavn, 1, true) then
    score.deduct(J, 2, {
      rule = REGEL_21A,
      text = "Du søkte etter " .. nabo.name .. " i journalsystemet. Søket logges.",
      better = "Ikke søk opp personer du ikke har en oppgave for." })
  end
end)

-- ----------------------------------------------------------- pasient 1: ny kontroll

local function pasient_en()
  local besok = desk.arrive(pasient1)
  if not besok:wait_served { timeout = 8 * 60 } then
    score.deduct(TB, 2, {
      text = pasient1.name .. " ble ikke tatt imot og gikk uten ny time.",
      better = "Ta imot den som står i skranken, og bestill timen legen har bedt om." })
    besok:leave()
    return
  end
  besok:say(string.format("Hei! Jeg var hos %s i morges, og %s sa at jeg skulle bestille "
                          .. "ny kontroll. Men jeg husker ikke når – det står visst i "
                          .. "journalen.", lege_valg[1], lege_valg[2]))
  local bestilt = observe.wait { kind = "book", patient = pasient1, timeout = 4 * 60 }
  local sjekket = observe.count { kind = "open_record", patient = pasient1 } > 0
  if sjekket then
    score.award(J, 1, {
      text = "Du åpnet journalen til " .. pasient1.name .. " for å se legens beskjed – et "
             .. "tjenstlig behov." })
  end
  if bestilt then
    local dag = tonumber(bestilt.time:match("^%+(%d+)/")) or 0
    if bestilt.doctor == lege.id and dag == KONTROLL_DAG then
      score.award(TB, 2, {
        text = "Du bestilte ny kontroll om én uke, slik legen hadde skrevet." })
      besok:say("Så bra, takk! Ha en fin dag.")
    else
      score.award(TB, 1, {
        text = "Du bestilte en ny time, men ikke om én uke slik legen skrev.",
        better = "Les legens beskjed i journalen: kontroll om én uke, det vil si fem "
                 .. "virkedager fram (+" .. KONTROLL_DAG .. ")." })
      besok:say("Takk!")
    end
  else
    score.deduct(TB, 2, {
      text = pasient1.name .. " fikk ikke bestilt den nye kontrollen.",
      better = "Åpne journalen, les legens beskjed og bestill timen mens pasienten står der." })
    besok:say("Jeg får ringe senere, da.")
  end
  besok:leave()
end

-- ----------------------------------------------------------- kollegaen

local function kollegaen()
  local besok = desk.arrive(kollega)
  if not besok:wait_served { timeout = 6 * 60 } then
    besok:leave()
    return
  end
  local forste = besok:ask(string.format(
    "Du, kan du slå opp naboen min, %s? Ambulansen var hos henne i natt, og jeg er så "
      .. "bekymret. Jeg har ikke fått logget meg på ennå – bare se om hun er innlagt.",
    nabo.name),
    {
      { "slaa_opp", "Ok, et øyeblikk." },
      { "du_selv", "Det kan ikke jeg, men du kan jo se selv når du har logget deg på." },
      { "nei", "Nei, det kan jeg ikke. Vi kan bare åpne journaler vi trenger i jobben, og "
               .. "alle oppslag logges. Er du bekymret, kan du ringe henne eller familien." },
      { "senere", "Jeg skal se når det blir roligere." },
    })
  if not forste then return end

  local lovet = false
  if forste == "nei" then
    score.award(J, 2, { text = "Du sa nei til å slå opp naboen, og forklarte hvorfor." })
  elseif forste == "du_selv" then
    score.deduct(J, 2, {
      rule = REGEL_21A,
      text = "Du oppfordret kollegaen til å slå opp naboen selv. Forbudet gjelder henne "
             .. "også.",
      better = "Si at ingen av dere har tjenstlig behov, og at hun kan kontakte naboen "
               .. "eller familien selv." })
  elseif forste == "senere" or forste == "slaa_opp" then
    lovet = true
    score.deduct(J, forste == "senere" and 1 or 2, {
      rule = REGEL_21A,
      text = "Du lovet kollegaen å slå opp naboen hennes.",
      better = "Si nei med en gang: et oppslag uten tjenstlig behov er forbudt, også for en "
               .. "kollega." })
  end

  local andre = besok:ask(string.format(
    "Kom igjen, det er ingen som sjekker de loggene uansett. Og jeg er jo helsepersonell "
      .. "selv. %s",
    lovet and "Har du funnet henne?" or "Bare et raskt blikk?"),
    {
      { "gi_etter", "Greit, da. Et øyeblikk." },
      { "holde_fast", "Loggene blir faktisk sjekket, og forbudet gjelder oss begge: ingen "
                      .. "av oss har tjenstlig behov. Jeg gjør det ikke. Ring henne heller, "
                      .. "eller familien hennes." },
    })
  if andre == "holde_fast" then
    score.award(J, 2, { text = "Du holdt fast på nei også under press fra en kollega." })
    besok:say("Ja ja, du har vel rett. Jeg ringer datteren hennes.")
  elseif andre == "gi_etter" then
    besok:say("Takk, du er snill.")
    if not snokt then
      observe.wait { kind = "open_record", patient = nabo, timeout = 60 }
    end
    if snokt then
      besok:say("Å nei, hun er innlagt på hjerteavdelingen. Stakkars. Takk!")
    else
      score.deduct(J, 1, {
        rule = REGEL_21A,
        text = "Du ga etter for presset og sa ja til å slå opp naboen, selv om du ikke "
               .. "gjorde det.",
        better = "Hold fast på nei, og forklar hvorfor." })
      besok:say("Fant du henne ikke? Nei vel, jeg får ringe datteren hennes.")
    end
  end
  besok:leave()
end

-- ----------------------------------------------------------- laben og skjermen

local del_ferdig              -- (defineres under tidsplanen)

local skjerm_ved_avgang       -- { locked=, record= } da du gikk fra pulten

-- Urinstiksen: vurderes når du går tilbake til pulten (eller tiden går ut).
local oppgave
local vurdert = false
local function vurder_urin(lukk)
  if vurdert or not oppgave then return end
  vurdert = true
  local forste = {}
  for i, a in ipairs(oppgave:actions()) do
    if a.kind == "lab_step" and not forste[a.step] then forste[a.step] = i end
  end
  if not forste.dypp then
    score.deduct(U, 2, {
      text = "Urinprøven ble ikke testet før timen.",
      better = "Sjekk holdbarheten på strimlene, dypp, og les av ved tiden som står på "
               .. "pakningen." })
  else
    if forste.sjekk_holdbarhet and forste.sjekk_holdbarhet < forste.dypp then
      score.award(U, 1, { text = "Du sjekket holdbarheten på strimlene før du testet." })
    else
      score.deduct(U, 1, {
        text = "Du sjekket ikke holdbarheten på strimlene før du dyppet.",
        better = "Se på utløpsdatoen på boksen før du tar ut en strimmel." })
    end
    if forste.les_av and forste.les_av > forste.dypp then
      score.award(U, 1, { text = "Du leste av strimmelen ved tiden som står på pakningen." })
    else
      score.deduct(U, 1, {
        text = "Strimmelen ble ikke lest av ved tiden som står på pakningen.",
        better = "Les av etter den tiden pakningen oppgir – ikke før og ikke lenge etter." })
    end
  end
  if lukk then oppgave:close() end
end

local function pasient_tre(skjerm)
  local besok = desk.arrive(pasient3)
  clock.wait(20)
  if skjerm and not skjerm.locked and skjerm.record then
    local navn = cast.get(skjerm.record).name
    besok:say(string.format("Oi … står ikke journalen til %s åpen der på skjermen? Det er "
                            .. "jo en jeg kjenner.", navn))
    score.critical(T, {
      rule = REGEL_21,
      text = string.format("Du gikk til laben med journalen til %s åpen på en ulåst skjerm, "
                           .. "og %s, som kom til skranken mens du var borte, kunne lese den.",
                           navn, pasient3.name),
      better = "Lukk journalen og lås skjermen hver gang du går fra pulten." })
  end
  if not besok:wait_served { timeout = 8 * 60 } then
    score.deduct(P, 1, {
      text = pasient3.name .. " ble ikke tatt imot i skranken.",
      better = "Når du kommer tilbake fra laben, ta imot den som venter." })
    besok:leave()
    return del_ferdig()
  end
  besok:say("Hei, jeg har time hos " .. lege_valg[1] .. " klokka 09.00.")
  -- Den som tok imot og registrerte henne straks (før hun hadde sagt noe), har
  -- også gjort det riktig.
  if besok:checked_in()
     or observe.wait { kind = "check_in", patient = pasient3, timeout = 3 * 60 } then
    score.award(P, 1, { text = pasient3.name .. " ble registrert." })
    besok:say("Takk.")
  else
    score.deduct(P, 1, {
      text = "Oppmøtet til " .. pasient3.name .. " ble ikke registrert.",
      better = "Registrer oppmøtet mens pasienten står i skranken." })
  end
  besok:leave()
  del_ferdig()
end

local function pasient_to()
  local besok = desk.arrive(pasient2)
  if not besok:wait_served { timeout = 6 * 60 } then
    score.deduct(P, 1, {
      text = pasient2.name .. " ble ikke tatt imot, og urinprøven ble ikke levert.",
      better = "Hold oversikt over skranken." })
    besok:leave()
    return false
  end
  -- Står journalen til forrige pasient åpen når neste kommer bort?
  local skjerm = observe.screen()
  local aapnet1 = observe.count { kind = "open_record", patient = pasient1 } > 0
  if skjerm.record and skjerm.record ~= pasient2.id and not skjerm.locked then
    score.deduct(T, 1, {
      rule = REGEL_21,
      text = "Journalen til " .. cast.get(skjerm.record).name .. " sto åpen på skjermen da "
             .. pasient2.name .. " kom bort til skranken.",
      better = "Lukk journalen når du er ferdig med en pasient, før neste kommer bort." })
  elseif aapnet1 then
    score.award(T, 1, {
      text = "Du hadde lukket journalen til " .. pasient1.name .. " før neste pasient kom "
             .. "bort." })
  end
  besok:say(string.format("Hei! Jeg har time hos %s klokka 08.40, og jeg har med en "
                          .. "urinprøve. Legen ville ha svar før timen.", lege_valg[1]))
  if observe.wait { kind = "check_in", patient = pasient2, timeout = 3 * 60 } then
    score.award(P, 1, { text = pasient2.name .. " ble registrert." })
  else
    score.deduct(P, 1, {
      text = "Oppmøtet til " .. pasient2.name .. " ble ikke registrert.",
      better = "Registrer oppmøtet mens pasienten står i skranken." })
  end
  besok:say("Her er prøven. Da setter jeg meg på venterommet.")
  besok:leave()

  oppgave = lab.task {
    id = TASK, patient = pasient2, kind = "urine",
    title = "Urinstiks av prøven til " .. pasient2.name .. " (svar før timen 08.40)",
    steps = {
      { "ga_til_lab", "Gå til laben med prøven" },
      { "hand_hygiene", "Håndhygiene" },
      { "sjekk_holdbarhet", "Sjekk holdbarheten på boksen med strimler" },
      { "dypp", "Dypp strimmelen i urinen" },
      { "les_av", "Les av ved tiden som står på pakningen" },
      { "lukk_lokk", "Lukk lokket på boksen" },
      { "tilbake", "Gå tilbake til pulten" },
    },
  }
  local ut = observe.wait { kind = "lab_step", task = TASK, timeout = 6 * 60 }
  if not ut then
    vurder_urin(true)
    clock.after(0, function() pasient_tre(nil) end)
    return true
  end
  -- Du har gått fra pulten: hvordan sto skjermen?
  skjerm_ved_avgang = observe.screen()
  local s = skjerm_ved_avgang
  if s.locked then
    score.award(T, 2, { text = "Du låste skjermen før du gikk fra pulten til laben." })
  elseif s.record then
    -- Kritisk feil når pasient 3 kommer og ser journalen (pasient_tre).
  else
    score.deduct(T, 2, {
      rule = REGEL_21,
      text = "Du gikk fra pulten uten å låse skjermen. Hvem som helst i skranken kunne "
             .. "sett timeboka eller åpnet en journal.",
      better = "Lås skjermen hver gang du går fra pulten." })
  end
  clock.after(20, function() pasient_tre(skjerm_ved_avgang) end)
  -- Tilbake ved pulten: trinnet «tilbake», eller du tar imot pasient 3.
  local frist = clock.elapsed() + 8 * 60
  while true do
    local igjen = frist - clock.elapsed()
    if igjen <= 0 then break end
    local a = observe.wait { timeout = igjen }
    if not a then break end
    if (a.kind == "lab_step" and a.task == TASK and a.step == "tilbake")
       or (a.kind == "serve" and a.person == pasient3.id) then
      break
    end
  end
  vurder_urin(true)
  return true
end

-- ----------------------------------------------------------- tidsplanen

-- Fire deler: pasient 1, kollegaen, pasient 2 med laben, pasient 3. Ble
-- urinprøven aldri levert, kommer ikke pasient 3, og tiden får gå ut.
local deler = 4
del_ferdig = function()
  deler = deler - 1
  if deler == 0 then finish("Skranken og laben er ferdige.") end
end

clock.at("08:01", function() pasient_en(); del_ferdig() end)
clock.at(string.format("08:04:%02d", random.int(0, 5) * 10), function()
  kollegaen(); del_ferdig()
end)
clock.at(string.format("08:07:%02d", random.int(0, 5) * 10), function()
  local levert = pasient_to()
  if not levert then return end       -- ingen tok imot prøven: tiden får gå ut
  del_ferdig()
end)

-- Tiden er ute: vurder det som ikke ble gjort.
on_end(function()
  vurder_urin(false)
end)
