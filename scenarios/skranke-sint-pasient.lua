-- Sint på venterommet
--
-- Legen er forsinket: en pasient ble akutt dårlig inne hos henne, og de venter
-- på ambulansen. Legen sender en melding om det – med navnet på pasienten. En
-- annen pasient, som hadde time kl. 10.00, kommer sint bort til skranken.
--
-- Scenarioet trener: å møte en sint pasient rolig, anerkjenne at ventetiden er
-- irriterende, informere sant om forsinkelsen uten å si noe om andre
-- pasienter, og tilby valg (vente eller ny time) – og så flytte timen i
-- timeboka. Felle: å forklare forsinkelsen med den andre pasienten.
--
-- Riktig vei:
--  * Les meldingen fra legen (den kommer 10:15:30; den sier når hun regner med
--    å være i gang igjen, og hvem hun er hos).
--  * Ta imot den sinte pasienten. Anerkjenn ventetiden og si sant hvor lenge det
--    er til legen er ledig, uten å si hvorfor («forsinket» – eller «roe_sjekk»
--    først og så «forsinket» etter å ha lest meldingen).
--  * Når hen spør om noen har blitt syke: si at du ikke kan si noe om andre
--    pasienter, men at legen er opptatt med noe som ikke kan vente («vag»).
--  * Tilby valg: vente, eller flytte timen («valg»). Hen rekker ikke å vente og
--    vil ha en ny time tidlig om morgenen: flytt timen kl. 10.00 (move) til en
--    ledig time før kl. 09.00 innen fem virkedager hos samme lege (frø 1:
--    «+1/08:40» eller «+3/08:00»), eller bestill en ny og avbestill den gamle.
--  * Si den nye tiden, beklag ventetiden og takk for tålmodigheten («si_tid»).
--
-- Regler det scores etter:
--  * hpl § 21 taushetsplikt [sikker, DOMAIN.md §2]: også at noen er pasient.
--    Å navngi pasienten legen er hos, er kritisk feil; å fortelle detaljer om
--    den andre pasienten (alder, kjønn, brystsmerter, ambulanse) gir trekk.
--  * hpl § 21 a [sikker, DOMAIN.md §2]: å åpne journalen til pasienten legen er
--    hos, uten oppgave i den, gir trekk (snoking).
--  * Møte med pasienten: rolig, anerkjennende, sant og med valg [praksis,
--    katalogmålet hse3006.pasientmote]; ingen paragraf.
--  * Å lese beskjeden fra legen før man informerer: praksis, ingen paragraf.
--  * Ny time innen fem virkedager [sikker, DOMAIN.md §4], uten paragraf; flytte
--    i stedet for å la den gamle timen stå: praksis.
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "skranke-sint-pasient",
  title = "Sint på venterommet",
  version = "1.0",
  language = "nb",
  summary = "Legen er forsinket på grunn av en akutt syk pasient, og en annen pasient kommer "
            .. "sint til skranken.",
  start = "10:15",
  duration = 15,
  difficulty = 3,
  modes = { "practice", "exam" },
  goals = {
    ["hse3006.pasientmote"] = 5,
    ["hse3006.taushetsplikt"] = 3,
    ["hse3006.samhandling-lege"] = 1,
    ["hse3007.timebok"] = 2,
  },
}

local M = "hse3006.pasientmote"
local T = "hse3006.taushetsplikt"
local S = "hse3006.samhandling-lege"
local B = "hse3007.timebok"

local FEMDAGER = 5
local REGEL_TAUSHET = "hpl § 21 taushetsplikt (også at noen er pasient, og hva som feiler dem)"

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

-- Variasjon: navn, kjønn og når legen er i gang igjen. Id-ene er faste.
local lege_navn = random.pick { "Kari Nygaard", "Ingrid Hovland", "Liv Brekke", "Turid Sand" }
local lege = cast.doctor { id = "lege1", name = lege_navn }
local lege_fornavn = lege_navn:match("^(%S+)")

local sint_valg = random.pick {
  { "Roger Pedersen", "M", "han" }, { "Bente Knudsen", "K", "hun" },
  { "Frank Hagen", "M", "han" }, { "Wenche Lie", "K", "hun" },
}
local sint = cast.patient {
  id = "sint", name = sint_valg[1],
  fnr = fnr.synthetic { year = { 1962, 1985 }, sex = sint_valg[2] },
  phone = "926 71 034", address = "Kirkegata 17, 9008 Tromsø",
  notes = { "Vondt i skulderen siden i sommer." },
}
local pron = sint_valg[3]

local akutt_valg = random.pick {
  { "Astrid Moen", 1949 }, { "Gerd Isaksen", 1951 }, { "Marit Solbakken", 1947 },
}
local akutt = cast.patient {
  id = "akutt", name = akutt_valg[1],
  fnr = fnr.synthetic { year = akutt_valg[2], sex = "K" },
  phone = "913 05 886", address = "Havnegata 3, 9008 Tromsø",
}

local igang = random.pick { "10:50", "10:55" }   -- når legen regner med å være i gang igjen

local fyll = {
  cast.patient { id = "fyll1", name = "Eva Lund", fnr = fnr.synthetic { year = 1971, sex = "K" } },
  cast.patient { id = "fyll2", name = "Per Kolstad", fnr = fnr.synthetic { year = 1963, sex = "M" } },
  cast.patient { id = "fyll3", name = "Leif Fossum", fnr = fnr.synthetic { year = 1949, sex = "M" } },
  cast.patient { id = "fyll4", name = "Hanne Lie", fnr = fnr.synthetic { year = 1975, sex = "K" } },
}

-- Timeboka: i dag er alt tatt; de neste dagene er det litt ledig.
local LEDIG = {
  [0] = {},
  [1] = { "08:40", "13:00" },
  [2] = { "12:20" },
  [3] = { "08:00", "14:40" },
  [4] = { "10:20" },
  [5] = {},
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
        local hvem = fyll[nr % #fyll + 1]
        if dag == 0 and t == "09:40" then hvem = akutt end
        if dag == 0 and t == "10:00" then hvem = sint end
        nr = nr + 1
        timebok.book { doctor = lege, day = dag, time = t, patient = hvem,
                       note = hvem == sint and "Vondt i skulderen" or "Kontroll" }
      end
    end
  end
end

-------------------------------------------------------------- legens melding

local melding
clock.at("10:15:30", function()
  melding = inbox.message {
    id = "forsinket", from = lege,
    text = string.format("Hei! %s (f. %d) ble dårlig inne hos meg med brystsmerter, og vi "
                         .. "venter på ambulansen. Jeg regner med å være i gang igjen rundt "
                         .. "kl. %s. Kan du si fra til dem som venter? Hilsen %s",
                         akutt.name, akutt_valg[2], klokke(igang), lege_fornavn),
  }
end)

local function lest()
  return melding ~= nil and melding:was_read()
end

-------------------------------------------------------------- journalen

-- Journalen til pasienten legen er hos, har eleven ikke noe med å gjøre.
observe.on({ kind = "open_record", patient = "akutt" }, function()
  score.deduct(T, 2, {
    rule = "hpl § 21 a (forbud mot å lese journal uten tjenstlig behov)",
    text = string.format("Du åpnet journalen til %s uten at du hadde noen oppgave i den.",
                         akutt.name),
    better = "Åpne bare journaler du trenger for arbeidet ditt, også når du er nysgjerrig." })
end)

-------------------------------------------------------------- den sinte pasienten

local kritisk_gitt = false
local function navngitt(hvor)
  if kritisk_gitt then return end
  kritisk_gitt = true
  score.critical(T, {
    rule = REGEL_TAUSHET,
    text = string.format("Du fortalte %s at legen er opptatt med %s, og at hun ble dårlig – "
                         .. "hørbart for alle på venterommet%s.", sint.name, akutt.name, hvor),
    better = "Si at legen er forsinket på grunn av noe som ikke kan vente, og at du ikke kan "
             .. "si noe om andre pasienter." })
end

-- Poeng for å si sant om forsinkelsen; beskjeden må være lest først.
local function sier_forsinkelsen()
  if lest() then
    score.award(M, 1, {
      text = string.format("Du sa sant når legen er ledig igjen (rundt kl. %s), uten å si "
                           .. "hvorfor.", klokke(igang)) })
    score.award(S, 1, { text = "Du leste beskjeden fra legen før du informerte." })
  else
    score.deduct(S, 1, {
      text = "Du oppga når legen er ledig uten å ha lest beskjeden fra henne.",
      better = "Les beskjeden fra legen før du sier noe om forsinkelsen." })
  end
end

local OPT_FORSINKET = { "forsinket", string.format(
  "Jeg skjønner godt at du er irritert, det er lenge å vente. Legen er dessverre forsinket – "
    .. "hun regner med å være i gang igjen rundt kl. %s, og da er det deg hun tar først.",
  klokke(igang)) }
-- Samme svar etter «et øyeblikk, så sjekker jeg» (uten å gjenta anerkjennelsen).
local OPT_FORSINKET_IGJEN = { "forsinket", string.format(
  "Takk for at du ventet. Legen er dessverre forsinket – hun regner med å være i gang igjen "
    .. "rundt kl. %s, og da er det deg hun tar først.", klokke(igang)) }
local OPT_NAVN = { "forklar_navn", string.format(
  "Beklager! Legen er opptatt med %s, som ble dårlig inne hos henne. De venter på ambulansen.",
  akutt.name) }
local OPT_LYVE = { "lyve", "Det er bare noen få minutter igjen nå." }

local bestilling_ferdig = false
local gammel_slot = "10:00"

local function vurder_timen()
  if bestilling_ferdig then return end
  bestilling_ferdig = true
  local timer = timebok.booked(sint)
  local ny
  local gammel_igjen = false
  for _, t in ipairs(timer) do
    local dag = del_tid(t.time)
    if dag == 0 and t.time == gammel_slot and t.doctor == lege.id then
      gammel_igjen = true
    elseif dag >= 1 and not ny then
      ny = t
    end
  end
  if not ny then
    score.deduct(B, 1, {
      text = sint.name .. " fikk ingen ny time.",
      better = "Flytt timen til en ledig time som passer, mens pasienten står der." })
    return
  end
  local dag, hm = del_tid(ny.time)
  local naar = string.format("%s kl. %s", dag_tekst(dag), klokke(hm))
  local tidlig = hm < "09:00"
  if dag <= FEMDAGER and tidlig and ny.doctor == lege.id then
    score.award(B, 2, { text = "Ny time " .. naar .. ", tidlig som ønsket og innen fem "
                               .. "virkedager." })
  elseif dag <= FEMDAGER then
    score.award(B, 1, { text = string.format("Ny time %s, men %s ba om en time tidlig om "
                                             .. "morgenen, før kl. 09.", naar, pron) })
  else
    score.award(B, 1, { text = string.format("Ny time %s; det er mer enn fem virkedager fram, "
                                             .. "og det var ledig tidligere.", naar) })
  end
  if gammel_igjen then
    score.deduct(B, 1, {
      text = "Den gamle timen kl. 10.00 står fortsatt i timeboka, så legen tror " .. pron
             .. " sitter og venter.",
      better = "Flytt timen (eller avbestill den gamle når du bestiller en ny)." })
  end
end

local function sint_pasient()
  local v = desk.arrive(sint)
  if not v:wait_served { timeout = 4 * 60 } then
    v:say("(Høyt, så hele venterommet hører det:) Hallo! Er det ingen som jobber her?")
    if not v:wait_served { timeout = 3 * 60 } then
      score.deduct(M, 2, {
        text = sint.name .. " sto sint i skranken i sju minutter uten å bli tatt imot, og gikk.",
        better = "Ta imot en sint pasient raskt; det roer ofte situasjonen." })
      v:leave()
      bestilling_ferdig = true
      return finish("Pasienten gikk.")
    end
  end

  local forste = v:ask(
    "(Høyt, så flere på venterommet ser opp.) Jeg hadde time klokka 10.00, og nå har jeg "
      .. "sittet her i over et kvarter! Hva er det som foregår? Jeg har ikke tid til dette!",
    {
      OPT_LYVE,
      { "roe_sjekk", "Jeg skjønner godt at du er irritert, det er lenge å vente. Et øyeblikk, "
                     .. "så sjekker jeg hvor lenge det er igjen." },
      OPT_NAVN,
      { "avvis", "Det er ikke noe jeg kan gjøre med det. Sett deg, så kommer legen når hun "
                 .. "kan." },
      OPT_FORSINKET,
    }, { timeout = 3 * 60 })

  if forste == "roe_sjekk" then
    score.award(M, 1, { text = "Du anerkjente at ventetiden var irriterende, rolig og vennlig." })
    if not lest() then
      local frist = clock.elapsed() + 2 * 60
      while not lest() and clock.elapsed() < frist do
        observe.wait { kind = "read_message", timeout = frist - clock.elapsed() }
      end
    end
    if not lest() then v:say("Hallo? Vet du noe, eller ikke?") end
    forste = v:ask("Og?", { OPT_NAVN, OPT_FORSINKET_IGJEN, OPT_LYVE }, { timeout = 3 * 60 })
  elseif forste == "forsinket" then
    score.award(M, 1, { text = "Du anerkjente at ventetiden var irriterende, rolig og vennlig." })
  elseif forste == "avvis" then
    score.deduct(M, 2, {
      text = "Du avviste pasienten i stedet for å ta klagen på alvor.",
      better = "Anerkjenn at det er irriterende å vente, og si hva du vet om ventetiden." })
  end

  if forste == "forsinket" then
    sier_forsinkelsen()
  elseif forste == "lyve" then
    score.deduct(M, 1, {
      text = string.format("Du sa «noen få minutter», men legen er ikke ledig før rundt kl. %s.",
                           klokke(igang)),
      better = "Si sant hvor lenge det er igjen, selv om pasienten blir skuffet." })
    v:say("Noen få minutter? Det har jeg hørt før.")
  elseif forste == "forklar_navn" then
    navngitt("")
    v:say("Å ... stakkars henne. Jeg kjenner henne, faktisk.")
  end

  local andre
  if forste and forste ~= "forklar_navn" then
    andre = v:ask("Hva er det som er så viktig, da? Er det noen som har blitt syke, eller?", {
      { "detalj", "Ja, en eldre dame fikk vondt i brystet inne hos legen, og de venter på "
                  .. "ambulansen." },
      { "vet_ikke", "Jeg vet ikke hva som foregår der inne." },
      { "vag", "Det kan jeg ikke si noe om, for det gjelder andre pasienter. Men legen er "
               .. "opptatt med noe som ikke kan vente – og det ville hun gjort for deg også." },
      { "navn", string.format("Ja, det er %s. Hun ble dårlig, så legen er hos henne nå.",
                              akutt.name) },
    }, { timeout = 3 * 60 })
  end
  if andre == "vag" then
    score.award(T, 3, { text = "Du sa ingenting om den andre pasienten." })
    score.award(M, 1, { text = "Du svarte rolig og forklarte hvorfor du ikke kunne si mer." })
    v:say("Hm. Ja vel.")
  elseif andre == "vet_ikke" then
    score.award(T, 3, { text = "Du sa ingenting om den andre pasienten." })
    score.deduct(M, 1, {
      text = lest() and "Du sa at du ikke visste noe, men du hadde lest beskjeden fra legen."
             or "Du sa at du ikke visste noe, men beskjeden fra legen lå i innboksen din.",
      better = "Vær ærlig: si at du ikke kan si noe om andre pasienter." })
    v:say("Nei, det er vel ingen som vet noe her.")
  elseif andre == "detalj" then
    score.deduct(T, 3, {
      rule = REGEL_TAUSHET,
      text = "Du fortalte om den andre pasienten (en eldre dame, brystsmerter, ambulanse) – "
             .. "alle på venterommet kunne høre det og skjønne hvem det var.",
      better = "Si bare at legen er opptatt med noe som ikke kan vente, og at du ikke kan si "
               .. "noe om andre pasienter." })
    v:say("Å ... ja, da skjønner jeg. Jeg så henne gå inn.")
  elseif andre == "navn" then
    navngitt(" og tilbake i skranken")
    v:say("Å ... henne kjenner jeg. Stakkars.")
  end

  local tredje = v:ask("Jeg må være på jobb igjen klokka elleve. Hva gjør jeg nå?",
    {
      { "klage", "Er du misfornøyd, kan du sende en klage til kontoret." },
      { "valg", string.format("Du kan vente – da er du den første hun tar inn, rundt kl. %s. "
                              .. "Eller jeg kan flytte timen din til en annen dag. Hva passer "
                              .. "best for deg?", klokke(igang)) },
      { "vent_bare", "Du må nesten bare vente. Det er ikke noe annet å gjøre." },
      { "flytt_bare", "Da flytter jeg timen din til neste uke." },
    }, { timeout = 3 * 60 })
  if tredje == "valg" then
    score.award(M, 1, { text = "Du ga pasienten valget mellom å vente og å få en ny time." })
    v:say(string.format("Kl. %s rekker jeg ikke, da kommer jeg for sent på jobb. Da tar jeg "
                        .. "heller en ny time – helst tidlig om morgenen, før ni, så jeg "
                        .. "rekker jobben.", klokke(igang)))
  elseif tredje == "flytt_bare" then
    v:say("Neste uke? Jeg har hatt vondt i skulderen i månedsvis. Kan jeg ikke få en time i "
          .. "løpet av de nærmeste dagene – helst tidlig om morgenen, før ni?")
  elseif tredje then
    score.deduct(M, 1, {
      text = tredje == "klage" and "Du viste til klage i stedet for å hjelpe."
                               or "Du ga ingen andre valg enn å vente.",
      better = "Tilby valg: vente, eller få en ny time som passer." })
    v:say("Nei, da rekker jeg ikke jobben. Kan du ikke heller finne en ny time til meg? Helst "
          .. "tidlig om morgenen, før ni.")
  end
  if not tredje then
    v:leave()
    vurder_timen()
    return finish("Pasienten gikk.")
  end

  -- Venter på at timen flyttes (move) eller at en ny bestilles (book).
  local function ny_time()
    for _, t in ipairs(timebok.booked(sint)) do
      if del_tid(t.time) >= 1 then return t end
    end
    return nil
  end
  local frist = clock.elapsed() + 5 * 60
  while not ny_time() and clock.elapsed() < frist do
    observe.wait { timeout = frist - clock.elapsed() }
  end
  local ny = ny_time()
  if not ny then
    v:say("Nei, nå må jeg gå. Jeg ringer heller.")
    v:leave()
    vurder_timen()
    return finish("Pasienten gikk.")
  end
  local dag, hm = del_tid(ny.time)
  local naar = string.format("%s kl. %s", dag_tekst(dag), klokke(hm))
  local slutt = v:ask("Så når er den nye timen?", random.shuffle {
    { "si_tid", string.format("Du har fått ny time hos %s %s. Beklager at du måtte vente i "
                              .. "dag, og takk for at du var tålmodig.", cast.get(ny.doctor).name,
                              naar) },
    { "si_tid_kort", string.format("%s%s. Ha det.", naar:sub(1, 1):upper(), naar:sub(2)) },
  }, { timeout = 3 * 60 })
  vurder_timen()
  if slutt == "si_tid" then
    score.award(M, 1, { text = "Du sa den nye tiden, beklaget ventetiden og takket for "
                               .. "tålmodigheten." })
    v:say("Ja vel. Takk, da. Og ... beklager at jeg ble så sint.")
  elseif slutt == "si_tid_kort" then
    score.deduct(M, 1, {
      text = "Du avsluttet kort, uten å beklage ventetiden.",
      better = "Beklag ventetiden og takk for tålmodigheten; da går pasienten roligere ut." })
    v:say("Hm. Ha det.")
  end
  v:leave()
  finish("Pasienten har fått ny time og har gått.")
end

clock.at("10:16:30", sint_pasient)

-- Sikkerhetsnett: tiden gikk ut mens pasienten sto i skranken.
on_end(function()
  vurder_timen()
  if melding and not melding:was_read() then
    score.deduct(S, 1, {
      text = "Du leste aldri beskjeden fra legen om forsinkelsen.",
      better = "Sjekk innboksen når legen er forsinket; der står det hva du kan si til dem "
               .. "som venter." })
  end
end)
