-- Time innen fem virkedager
--
-- Trener: timebestilling på telefon når timeboka er full de nærmeste dagene.
-- Det er mandag morgen. To pasienter ringer etter hverandre og vil ha en vanlig
-- (ikke-akutt) time hos fastlegen sin. Fastlegene er fullbooket i dag og de
-- første dagene, men har enkelte ledige timer senere i uka. Fra tirsdag neste
-- uke (seks virkedager fram) er det mange ledige timer – det er fristende å ta
-- dem.
--
-- Riktig vei (for hver innringer):
--  * svar telefonen raskt (innen 30 sekunder);
--  * be om hele fødselsnummeret (ikke les det opp) og skriv det inn;
--  * søk opp og åpne journalen: der står hvem som er fastlegen;
--  * den andre innringeren vil ikke si hva det gjelder: godta det, og spør bare
--    om det haster;
--  * finn en ledig time hos fastlegen innen fem virkedager (book LEGE +N/HH:MM
--    PASIENT; her ligger de ledige timene på dag +2 til +5);
--  * bekreft tid og sted muntlig før samtalen avsluttes.
--
-- Regler det scores etter:
--  * DOMAIN.md §4 [sikker]: en ikke-akutt time tilbys normalt innen fem
--    virkedager. Time lenger fram enn det, når det finnes ledig innen fristen,
--    gir trekk. Ingen lovparagraf siteres (kilden er et krav til fastleger, ikke
--    en paragraf i DOMAIN.md).
--  * DOMAIN.md §4 [sikker]: fastlegekontor skal besvare 80 % av anropene innen
--    to minutter (ingen paragraf siteres).
--  * DOMAIN.md §2 [praksis]: identitet på telefon: be om hele fødselsnummeret,
--    aldri les det opp for et ja/nei.
--  * DOMAIN.md §4: pasienten kan la være å si hvorfor hen vil ha time; å
--    insistere er feil (ingen paragraf).
--  * DOMAIN.md §2 [sikker]: hpl § 21 a – åpne bare journaler du har tjenstlig
--    behov for (trekk for hver annen journal som åpnes).
--  * Å bekrefte tid og sted er god praksis [praksis], ingen paragraf.
--
-- Poeng (maks 18): telefon 4 (2 per samtale), identitet-telefon 4 (be om
-- fødselsnummer 1 + riktig innskrevet 1, per samtale), journaltilgang 2 (åpnet
-- journalen før bestillingen, per samtale), timebok 4 (time hos fastlegen innen
-- fem virkedager, 2 per samtale), veiledning 2 (tid og sted bekreftet, 1 per
-- samtale), hastegrad 2 (respekterte at pasienten ikke ville si hvorfor, og
-- spurte om det haster). Ingen kritiske feil i dette scenarioet.
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "telefon-time-innen-5-dager",
  title = "Time innen fem virkedager",
  version = "1.0",
  language = "nb",
  summary = "Mandag morgen: to pasienter ringer og vil ha en vanlig time, men timeboka er "
            .. "full de nærmeste dagene.",
  start = "08:00",
  duration = 20,
  difficulty = 2,
  modes = { "practice", "exam" },
  goals = {
    ["hse3007.telefon"] = 4,
    ["hse3006.identitet-telefon"] = 4,
    ["hse3007.journaltilgang"] = 2,
    ["hse3007.timebok"] = 4,
    ["hse3006.veiledning"] = 2,
    ["hse3005.hastegrad"] = 2,
  },
}

local TLF = "hse3007.telefon"
local ID = "hse3006.identitet-telefon"
local J = "hse3007.journaltilgang"
local TB = "hse3007.timebok"
local V = "hse3006.veiledning"
local H = "hse3005.hastegrad"

local FRIST_DAGER = 5          -- virkedager (DOMAIN.md §4)
local RINGETID = 2 * 60        -- svarkravet er to minutter
local SVARTID = 3 * 60         -- så lenge venter innringeren på et svar
local KONTOR = "Elvebakken legesenter i Storgata 14"
local FEMDAGER = "En vanlig (ikke-akutt) time skal normalt tilbys innen fem virkedager "
                 .. "(krav til fastlegekontorene)."

-- I dag er mandag. Dag N = N virkedager fram.
local DAGNAVN = {
  [0] = "i dag", [1] = "i morgen tirsdag", [2] = "onsdag", [3] = "torsdag",
  [4] = "fredag", [5] = "mandag neste uke", [6] = "tirsdag neste uke",
}

local function klokke(hhmm) return (hhmm:gsub(":", ".")) end

-- "+3/13:20" -> 3, "13:20"; "13:20" -> 0, "13:20"
local function del_tid(ref)
  local d, t = ref:match("^%+(%d+)/(%d%d:%d%d)$")
  if d then return tonumber(d), t end
  return 0, ref
end

local function ref(dag, hhmm)
  return dag == 0 and hhmm or string.format("+%d/%s", dag, hhmm)
end

local function naar(dag, hhmm)
  return string.format("%s kl. %s", DAGNAVN[dag] or ("om " .. dag .. " virkedager"),
                       klokke(hhmm))
end

local function fodt(fnr_tekst)
  local i = fnr.info(fnr_tekst)
  local mnd = { "januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
                "september", "oktober", "november", "desember" }
  return string.format("%d. %s %d", i.day, mnd[i.month], i.year)
end

-- Variasjon fra frøet; id-ene er faste.
local lege1 = cast.doctor { id = "lege1",
  name = random.pick { "Kari Nygaard", "Liv Brekke", "Turid Sand", "Ingrid Hovland" } }
local lege2 = cast.doctor { id = "lege2",
  name = random.pick { "Jon Eriksen", "Erik Myhre", "Hans Lindqvist", "Ola Bakken" } }

local a_valg = random.pick {
  { "Terje Nilsen", "M", "han", "ham" }, { "Geir Haugland", "M", "han", "ham" },
  { "Bente Aas", "K", "hun", "henne" }, { "Tone Lyngstad", "K", "hun", "henne" },
}
local pas_a = cast.patient {
  id = "pasient-a", name = a_valg[1],
  fnr = fnr.synthetic { year = { 1958, 1975 }, sex = a_valg[2] },
  phone = "913 42 118", address = "Fjordgata 9, 9008 Tromsø",
  notes = { "Fastlege: " .. lege1.name .. ".", "Høyt blodtrykk, kontroll hver sjette måned." },
}
local b_valg = random.pick {
  { "Silje Moen", "K", "hun", "henne" }, { "Hanne Strand", "K", "hun", "henne" },
  { "Ida Korsvik", "K", "hun", "henne" }, { "Maria Solli", "K", "hun", "henne" },
}
local pas_b = cast.patient {
  id = "pasient-b", name = b_valg[1],
  fnr = fnr.synthetic { year = { 1985, 1999 }, sex = b_valg[2] },
  phone = "984 10 672", address = "Skolegata 3, 9009 Tromsø",
  notes = { "Fastlege: " .. lege2.name .. "." },
}

---------------------------------------------------------------- timeboka

-- Timer: 08:00-11:00 og 12:00-15:00, 20 minutter, i dag og seks virkedager fram.
local FORMIDDAG, ETTERMIDDAG = {}, {}
for m = 8 * 60, 10 * 60 + 40, 20 do
  FORMIDDAG[#FORMIDDAG + 1] = string.format("%02d:%02d", m // 60, m % 60)
end
for m = 12 * 60, 14 * 60 + 40, 20 do
  ETTERMIDDAG[#ETTERMIDDAG + 1] = string.format("%02d:%02d", m // 60, m % 60)
end
local ALLE = {}
for _, t in ipairs(FORMIDDAG) do ALLE[#ALLE + 1] = t end
for _, t in ipairs(ETTERMIDDAG) do ALLE[#ALLE + 1] = t end

-- Ledige timer innen fristen: to hos hver lege, på forskjellige dager.
local ledig = {
  lege1 = {
    [3] = { [random.pick(ETTERMIDDAG)] = true },
    [5] = { [random.pick(FORMIDDAG)] = true },
  },
  lege2 = {
    [2] = { [random.pick(FORMIDDAG)] = true },
    [4] = { [random.pick(ETTERMIDDAG)] = true },
  },
}
-- Tirsdag neste uke (dag 6): mange ledige timer hos begge.
for _, lid in ipairs { "lege1", "lege2" } do
  ledig[lid][6] = {}
  for i, t in ipairs(ALLE) do
    if i % 3 ~= 1 then ledig[lid][6][t] = true end
  end
end

-- Andre pasienter som fyller timeboka.
local FORNAVN = { "Astrid", "Bjørn", "Camilla", "Dag", "Eli", "Frode", "Gunn", "Harald",
                  "Inger", "Jostein", "Kjersti", "Leif", "Marit", "Nils", "Oddny", "Per",
                  "Randi", "Sverre", "Torill", "Vidar" }
local ETTERNAVN = { "Andersen", "Berg", "Dahl", "Eide", "Fossum", "Hagen", "Jensen",
                    "Karlsen", "Lie", "Moe", "Pettersen", "Rønning", "Sæther", "Vik" }
local fyll = {}
for i = 1, 70 do
  local fn = FORNAVN[(i - 1) % #FORNAVN + 1]
  local en = ETTERNAVN[((i - 1) * 3) % #ETTERNAVN + 1]
  local kvinne = ({ Astrid = 1, Camilla = 1, Eli = 1, Gunn = 1, Inger = 1, Kjersti = 1,
                    Marit = 1, Oddny = 1, Randi = 1, Torill = 1 })[fn]
  fyll[i] = cast.patient { id = "p" .. i, name = fn .. " " .. en,
    fnr = fnr.synthetic { year = { 1940, 2012 }, sex = kvinne and "K" or "M" } }
end
local GRUNNER = { "Kontroll", "Blodtrykk", "Samtale", "Sårkontroll", "Resept", "Vondt i ryggen",
                  "Oppfølging", "Attest", "Hoste", "Blodprøvesvar" }

local neste = 0
for _, lege in ipairs { lege1, lege2 } do
  for dag = 0, 6 do
    timebok.slots { doctor = lege, day = dag, from = "08:00", to = "11:00", minutes = 20 }
    timebok.slots { doctor = lege, day = dag, from = "12:00", to = "15:00", minutes = 20 }
    for _, t in ipairs(ALLE) do
      if not (ledig[lege.id][dag] and ledig[lege.id][dag][t]) then
        neste = neste + 1
        timebok.book { doctor = lege, time = ref(dag, t),
                       patient = fyll[(neste - 1) % #fyll + 1],
                       note = GRUNNER[(neste - 1) % #GRUNNER + 1] }
      end
    end
  end
end

-- Første ledige time innen fristen hos en lege (til tilbakemeldingen).
local function forste_ledige(lege_id)
  for dag = 0, FRIST_DAGER do
    for _, t in ipairs(ALLE) do
      if timebok.patient_at(lege_id, ref(dag, t)) == false then return dag, t end
    end
  end
  return nil
end

---------------------------------------------------------------- journal

local innringere = { [pas_a.id] = true, [pas_b.id] = true }
local snoket = {}
observe.on("open_record", function(a)
  if innringere[a.patient] or snoket[a.patient] then return end
  snoket[a.patient] = true
  score.deduct(J, 1, {
    rule = "hpl § 21 a (forbud mot urettmessig tilegnelse av helseopplysninger)",
    text = "Du åpnet journalen til " .. cast.get(a.patient).name .. ", som ikke ringte.",
    better = "Åpne bare journalen til den du snakker med. Timeboka viser de ledige timene." })
end)

---------------------------------------------------------------- samtalene

local function snakker(call) return call:state() == "talking" end

local function legg_paa(call, replikk)
  if replikk and snakker(call) then call:say(replikk) end
  call:hang_up()
end

-- Spørsmål til innringeren; nil hvis samtalen er over eller ingen svarte i tide.
local function spor(call, tekst, valg)
  if call:state() ~= "talking" and call:state() ~= "on_hold" then return nil end
  return call:ask(tekst, random.shuffle(valg), { timeout = SVARTID })
end

-- Venter til pasienten har fått en time (returnerer timene) eller gir opp etter
-- fem minutter; etter to minutter uten time spør innringeren om du er der.
local function vent_paa_time(call, pas)
  local start = clock.elapsed()
  local purret = false
  while true do
    local timer = timebok.booked(pas)
    if #timer > 0 then return timer end
    local st = call:state()
    if st ~= "talking" and st ~= "on_hold" then return nil end
    local gaatt = clock.elapsed() - start
    if gaatt >= 5 * 60 then return nil end
    if not purret and gaatt >= 2 * 60 then
      purret = true
      if snakker(call) then call:say("Hallo? Er du der fortsatt?") end
    end
    observe.wait { timeout = (purret and 5 * 60 or 2 * 60) - gaatt }
  end
end

-- Vurderer timen pasienten har fått. p = { pas, lege, ... }.
local function vurder_time(p, timer)
  local t = timer[1]
  local dag, hhmm = del_tid(t.time)
  if #timer > 1 then
    score.deduct(TB, 1, {
      text = string.format("%s står med %d timer i timeboka.", p.pas.name, #timer),
      better = "Én time per henvendelse: flytt timen i stedet for å bestille en ny." })
  end
  if dag > FRIST_DAGER then
    local fd, ft = forste_ledige(p.lege.id)
    score.deduct(TB, 1, {
      rule = FEMDAGER,
      text = string.format("Du satte %s opp %s, mer enn fem virkedager fram%s.", p.pas.name,
                           naar(dag, hhmm),
                           fd and string.format(", selv om %s hadde ledig %s", p.lege.name,
                                                naar(fd, ft)) or ""),
      better = "Bla gjennom dagene i timeboka og ta den første ledige timen innen fem "
               .. "virkedager, også når de nærmeste dagene er fulle." })
  elseif t.doctor ~= p.lege.id then
    score.award(TB, 1, {
      text = string.format("%s fikk time innen fem virkedager (%s), men hos %s og ikke hos "
                           .. "fastlegen, %s, som også hadde ledig innen fristen.", p.pas.name,
                           naar(dag, hhmm), cast.get(t.doctor).name, p.lege.name),
      better = "Sjekk i journalen hvem som er fastlegen, og let der først." })
  else
    score.award(TB, 2, {
      text = string.format("%s fikk time hos fastlegen %s, innen fem virkedager.",
                           p.pas.name, naar(dag, hhmm)) })
  end
  return dag, hhmm, t.doctor
end

-- Samtalen med én innringer etter at telefonen er besvart. p: pas, lege, pron,
-- aapning (det innringeren sier først), midten (valgfri del om hastegrad).
local function samtale_innhold(p, call)
  local etter = call:answered_after()
  if etter <= 30 then
    score.award(TLF, 2, { text = "Du svarte telefonen raskt." })
  else
    score.award(TLF, 1, {
      text = string.format("Du svarte telefonen etter %d sekunder.", math.floor(etter)) })
  end

  local forste = spor(call, p.aapning, {
    { "fnr", "Det skal vi få til. Kan du gi meg hele fødselsnummeret ditt, så finner jeg "
             .. "deg?" },
    { "navn", "Ja da. Hvilken dato er du født?" },
    { "neste_uke", "Vi er dessverre helt fulle denne uka. Kan du ringe igjen neste uke?" },
    { "legevakt", "Det bør du heller ta med legevakten. Ring 116 117." },
  })
  if forste == nil then
    legg_paa(call, "Hallo? ... Nei, da ringer jeg heller en annen gang.")
    return
  elseif forste == "neste_uke" then
    score.deduct(TB, 2, {
      rule = FEMDAGER,
      text = string.format("Du ba %s ringe igjen neste uke uten å lete i timeboka.",
                           p.pas.name),
      better = "Let etter en ledig time innen fem virkedager, også når de første dagene er "
               .. "fulle." })
    legg_paa(call, "Å ... ja vel. Da får jeg prøve igjen da.")
    return
  elseif forste == "legevakt" then
    score.deduct(H, 1, {
      text = string.format("Du sendte %s til legevakten med noe som kan vente noen dager.",
                           p.pas.name),
      better = "Legevakten er for det som ikke kan vente til fastlegen har time. Dette er en "
               .. "vanlig time hos fastlegen innen fem virkedager." })
    score.deduct(TB, 2, {
      text = string.format("%s fikk ingen time hos fastlegen.", p.pas.name),
      better = "Finn en ledig time hos fastlegen innen fem virkedager." })
    legg_paa(call, "Legevakten? For dette? Nei, da venter jeg heller og ringer en annen dag.")
    return
  elseif forste == "fnr" then
    score.award(ID, 1, { text = "Du ba om hele fødselsnummeret." })
    call:say("Ja, det er " .. p.pas.fnr .. ".")
    local skrevet = call:ask_text("Skriv inn fødselsnummeret " .. p.pron .. " oppgir.",
                                  { timeout = SVARTID })
    if skrevet == p.pas.fnr then
      score.award(ID, 1, { text = "Du skrev inn fødselsnummeret riktig." })
    elseif skrevet then
      score.deduct(ID, 1, {
        text = "Fødselsnummeret du skrev inn stemmer ikke med det " .. p.pron .. " sa.",
        better = "Be innringeren gjenta nummeret, og sjekk at det stemmer med journalen." })
    end
  else
    score.deduct(ID, 1, {
      rule = "Rutine for identitet på telefon: be om hele fødselsnummeret.",
      text = "Du spurte bare om fødselsdatoen. Flere kan være født samme dag.",
      better = "Be om hele fødselsnummeret, og finn journalen med det." })
    call:say("Den " .. fodt(p.pas.fnr) .. ".")
  end

  -- Hastegrad og hva det gjelder (bare innringer B har noe her).
  if p.midten then
    if not p.midten(call) then return end
  end

  local naa = spor(call, p.naar_tekst or "Har dere noe ledig snart? Det trenger ikke være "
                                       .. "i dag.", {
    { "ser", "Et øyeblikk, så ser jeg i timeboka til legen din." },
    { "ring_i_morgen", "Det er fullt hos legen din nå. Kan du ringe igjen i morgen tidlig? "
                       .. "Da kan det ha blitt ledig noe." },
  })
  if naa == "ring_i_morgen" then
    score.deduct(TB, 2, {
      rule = FEMDAGER,
      text = string.format("Du ba %s ringe igjen i morgen i stedet for å finne en time.",
                           p.pas.name),
      better = "Bla videre i timeboka: fastlegen hadde ledige timer senere i uka." })
    legg_paa(call, "Ja vel ... da får jeg vel ringe igjen.")
    return
  elseif naa == nil then
    legg_paa(call, "Hallo? ... Nei, jeg legger på.")
    return
  end

  local timer = vent_paa_time(call, p.pas)
  if not timer then
    score.deduct(TB, 2, {
      text = string.format("%s fikk ingen time.", p.pas.name),
      better = "Bestill timen mens innringeren er i telefonen (book LEGE TID PASIENT)." })
    legg_paa(call, "Nei, nå har jeg ventet lenge nok. Jeg ringer en annen gang.")
    return
  end
  if observe.count { kind = "open_record", patient = p.pas.id } > 0 then
    score.award(J, 1, { text = string.format("Du åpnet journalen til %s og så hvem som er "
                                             .. "fastlegen.", p.pas.name) })
  else
    score.deduct(J, 1, {
      text = string.format("Du bestilte time til %s uten å ha sjekket journalen.", p.pas.name),
      better = "Finn journalen med fødselsnummeret: da vet du at du har riktig person, og "
               .. "du ser hvem som er fastlegen." })
  end
  local dag, hhmm, lid = vurder_time(p, timer)
  local hos = cast.get(lid).name
  local avslutt = spor(call, "Fant du noe?", {
    { "bekreft", string.format("Da har du time hos %s %s, her hos oss på %s. Kom gjerne "
                               .. "fem minutter før. Kan du ikke komme, så ring oss så "
                               .. "tidlig du kan.", hos, naar(dag, hhmm), KONTOR) },
    { "sms", "Ja, nå har du fått en time. Du får en SMS med tidspunktet. Ha en fin dag!" },
    { "ha_det", "Ja, nå står du i timeboka. Ha det bra!" },
  })
  if avslutt == "bekreft" then
    score.award(V, 1, { text = string.format("Du bekreftet tid og sted for %s.", p.pas.name) })
    legg_paa(call, "Flott, da har jeg skrevet det ned. Takk for hjelpen!")
  elseif avslutt then
    score.deduct(V, 1, {
      text = string.format("%s la på uten å ha hørt tid og sted for timen.", p.pas.name),
      better = "Si tid, lege og sted tydelig før du avslutter, og la innringeren skrive det "
               .. "ned." })
    legg_paa(call, "Ok ... ha det.")
  else
    legg_paa(call, nil)
  end
end

-- Én innringer: ringer, og snakker hvis du svarer. Returnerer samtalen, eller nil
-- hvis den ringte ut.
local function samtale(p)
  local call = phone.call { from = p.pas, ring_for = RINGETID }
  if not call:wait_answer() then
    score.deduct(TLF, 2, {
      text = string.format("Telefonen ringte i to minutter uten svar (%s).", p.pas.name),
      better = "Fastlegekontor skal besvare 80 % av anropene innen to minutter." })
    return nil
  end
  samtale_innhold(p, call)
  return call
end

-- Innringer B vil ikke si hva det gjelder.
local function midten_b(call)
  local svar = spor(call, "Jeg vil helst ikke si hva det gjelder. Det tar jeg med legen.", {
    { "greit_haster", "Det er helt i orden, det trenger du ikke si til meg. Jeg lurer bare "
                      .. "på: haster det, eller kan det vente noen dager?" },
    { "greit", "Det er helt greit." },
    { "ma_vite", "Jeg må dessverre vite hva det gjelder før jeg kan sette deg opp." },
  })
  if svar == "greit_haster" then
    score.award(H, 2, { text = "Du godtok at hun ikke ville si hvorfor, og spurte bare om det "
                               .. "haster." })
    call:say("Nei, det haster ikke. Det kan godt vente noen dager.")
  elseif svar == "greit" then
    score.award(H, 1, {
      text = "Du godtok at hun ikke ville si hvorfor hun trenger time, men spurte ikke om det "
             .. "haster.",
      better = "Du trenger ikke vite hvorfor, men spør om det haster, så du vet om timen kan "
               .. "vente noen dager." })
  elseif svar == "ma_vite" then
    score.deduct(H, 2, {
      rule = "Pasienten kan la være å si til resepsjonen hvorfor hen vil ha time; å "
             .. "insistere er feil.",
      text = "Du presset henne til å si hva det gjelder.",
      better = "Godta svaret, og spør bare om det haster." })
    call:say("Ehm ... det er noe med underlivet. Er du fornøyd nå? Det haster i hvert fall "
             .. "ikke.")
  else
    legg_paa(call, "Hallo? ... Nei, jeg legger på.")
    return false
  end
  return true
end

local kne = random.pick {
  "Jeg skled på isen for et par uker siden, og kneet har vært vondt siden. Det er ikke verre, "
    .. "men det går ikke over heller.",
  "Jeg har hatt vondt i skulderen i noen uker. Det er ikke verre, men det går ikke over.",
}

-- Scenarioet slutter når begge samtalene er besvart og ferdige; ringer en av
-- dem ut, går tiden ut.
local besvart = 0
local function ferdig_del(call)
  if call then besvart = besvart + 1 end
  if besvart == 2 then finish("Begge samtalene er ferdige.") end
end

clock.at(string.format("08:%02d", random.int(1, 2)), function()
  local c = samtale {
    pas = pas_a, lege = lege1, pron = a_valg[3],
    aapning = string.format("Hei, det er %s. %s Kan jeg få en time hos legen min?",
                            pas_a.name, kne),
  }
  ferdig_del(c)
  clock.wait(random.int(40, 70))
  c = samtale {
    pas = pas_b, lege = lege2, pron = b_valg[3],
    aapning = string.format("Hei, det er %s. Jeg vil gjerne ha en time hos legen min.",
                            pas_b.name),
    midten = midten_b,
    naar_tekst = "Har dere noe ledig i løpet av de neste dagene?",
  }
  ferdig_del(c)
end)
