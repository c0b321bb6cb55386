-- Henvisning og resept på telefon
--
-- Trener: å ta imot ønsker om henvisning og resept på telefon uten å love noe
-- på legens vegne. Det er mandag morgen. To pasienter ringer:
--  1. En pasient vil at legen skal sende en henvisning til ortoped for en vond
--     skulder, uten å komme til time. Riktig: forklare at legen vanligvis
--     skriver henvisningen etter en konsultasjon, og tilby en time innen fem
--     virkedager (book LEGE +N/HH:MM innringer1). Ikke skrive henvisningen selv.
--  2. En pasient trenger ny resept på fast blodtrykksmedisin. Riktig: sjekke i
--     journalen at det er en fast medisin, og legge inn en beskjed til legen på
--     vanlig måte (hvem, hvilken medisin, hvor lenge tablettene rekker), uten å
--     love resultatet – og ikke «fornye» selv.
-- Begge gangene: svar raskt, be om hele fødselsnummeret og skriv det inn.
--
-- Regler det scores etter:
--  * DOMAIN.md §4 [praksis]: en henvisning kommer normalt ut av en
--    konsultasjon, ikke av en telefonforespørsel. Å love en henvisning (eller en
--    resept) på legens vegne gir trekk, ikke kritisk feil. Ingen paragraf.
--  * DOMAIN.md §2 [sikker]: hpl § 5 – ta bare oppgaver du er opplært i og som
--    er forsvarlige; å skrive en henvisning eller fornye en resept er legens
--    oppgave. Trekk (ikke kritisk) når eleven sier ja.
--  * DOMAIN.md §4 [sikker]: en vanlig time tilbys normalt innen fem
--    virkedager; svar innen to minutter (80 %-kravet). Ingen paragraf.
--  * DOMAIN.md §2 [praksis]: identitet på telefon – hele fødselsnummeret, aldri
--    lest opp. hpl § 21 a [sikker]: åpne bare journaler du har behov for.
--  * Beskjeder til legen: hvem, hva og hvor mye det haster (katalogen,
--    «Beskjeder til legen») [praksis].
--
-- Poeng (maks 19): telefon 4, identitet-telefon 4 (be om fødselsnummer 1 +
-- riktig innskrevet 1, per samtale), journaltilgang 2 (åpnet innringerens
-- journal, 1 per samtale), henvisning 2, timebok 3 (time innen fem virkedager
-- 2, tid og sted bekreftet 1), samhandling-lege 2 (fullstendig beskjed uten
-- løfter), delegering 2 (sa nei til å skrive henvisningen og til å fornye
-- resepten selv, 1 hver).
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "telefon-henvisning-og-resept",
  title = "Henvisning og resept på telefon",
  version = "1.0",
  language = "nb",
  summary = "Mandag morgen: én pasient vil ha en henvisning uten å komme til legen, en annen "
            .. "trenger ny resept på blodtrykksmedisinen.",
  start = "08:00",
  duration = 20,
  difficulty = 2,
  modes = { "practice", "exam" },
  goals = {
    ["hse3007.telefon"] = 4,
    ["hse3006.identitet-telefon"] = 4,
    ["hse3007.journaltilgang"] = 2,
    ["hse3007.henvisning"] = 2,
    ["hse3007.timebok"] = 3,
    ["hse3006.samhandling-lege"] = 2,
    ["hse3007.delegering"] = 2,
  },
}

local TLF = "hse3007.telefon"
local ID = "hse3006.identitet-telefon"
local J = "hse3007.journaltilgang"
local HV = "hse3007.henvisning"
local TB = "hse3007.timebok"
local S = "hse3006.samhandling-lege"
local D = "hse3007.delegering"

local RINGETID = 2 * 60
local SVARTID = 3 * 60
local KONTOR = "Elvebakken legesenter i Storgata 14"
local FEMDAGER = "En vanlig (ikke-akutt) time skal normalt tilbys innen fem virkedager "
                 .. "(krav til fastlegekontorene)."
local HENVISNING_REGEL = "En henvisning kommer normalt ut av en konsultasjon: legen vurderer "
                         .. "pasienten først (praksis)."
local DELEGERING_REGEL = "hpl § 5: ta bare oppgaver du er opplært i og som er forsvarlige; "
                         .. "henvisninger og resepter er legens oppgave."

-- I dag er mandag. Dag N = N virkedager fram.
local DAGNAVN = {
  [0] = "i dag", [1] = "i morgen tirsdag", [2] = "onsdag", [3] = "torsdag",
  [4] = "fredag", [5] = "mandag neste uke", [6] = "tirsdag neste uke",
}
local function klokke(hhmm) return (hhmm:gsub(":", ".")) end
local function del_tid(r)
  local d, t = r:match("^%+(%d+)/(%d%d:%d%d)$")
  if d then return tonumber(d), t end
  return 0, r
end
local function ref(dag, hhmm)
  return dag == 0 and hhmm or string.format("+%d/%s", dag, hhmm)
end
local function naar(r)
  local dag, hhmm = del_tid(r)
  return string.format("%s kl. %s", DAGNAVN[dag] or ("om " .. dag .. " virkedager"),
                       klokke(hhmm))
end

---------------------------------------------------------------- personer

local lege = cast.doctor { id = "lege1",
  name = random.pick { "Kari Nygaard", "Liv Brekke", "Turid Sand", "Ingrid Hovland" } }
local lege_fornavn = lege.name:match("^(%S+)")

local v1 = random.pick {
  { "Trond Aasheim", "M", "han", "ham" }, { "Kjetil Rød", "M", "han", "ham" },
  { "Mona Engen", "K", "hun", "henne" }, { "Lene Krogh", "K", "hun", "henne" },
}
local innringer1 = cast.patient {
  id = "innringer1", name = v1[1],
  fnr = fnr.synthetic { year = { 1968, 1985 }, sex = v1[2] },
  phone = "917 30 552", address = "Havnegata 7, 9008 Tromsø",
  notes = { "Fastlege: " .. lege.name .. "." },
}

local medisin = random.pick { "Amlodipin 5 mg", "Losartan 50 mg", "Ramipril 5 mg" }
local medisin_navn = medisin:match("^(%S+)")
local v2 = random.pick {
  { "Reidun Stene", "K", "hun", "henne" }, { "Bodil Lorentzen", "K", "hun", "henne" },
  { "Alf Nyheim", "M", "han", "ham" }, { "Ragnar Fjeld", "M", "han", "ham" },
}
local innringer2 = cast.patient {
  id = "innringer2", name = v2[1],
  fnr = fnr.synthetic { year = { 1945, 1960 }, sex = v2[2] },
  phone = "951 66 213", address = "Granveien 12, 9012 Tromsø",
  notes = { "Fastlege: " .. lege.name .. ".",
            "Fast medisin: " .. medisin .. ", 1 tablett daglig (høyt blodtrykk).",
            "Siste blodtrykkskontroll for fire måneder siden; neste om to måneder." },
}

-- Timeboka: fullt i dag og i morgen; noen ledige timer senere i uka.
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

local ledig = {
  [2] = { [random.pick(ETTERMIDDAG)] = true },
  [4] = { [random.pick(FORMIDDAG)] = true, [random.pick(ETTERMIDDAG)] = true },
  [6] = {},
}
for i, t in ipairs(ALLE) do
  if i % 2 == 0 then ledig[6][t] = true end
end

local FORNAVN = { "Astrid", "Bjørn", "Camilla", "Dag", "Eli", "Frode", "Gunn", "Harald",
                  "Inger", "Jostein", "Kjersti", "Leif", "Marit", "Nils", "Oddny", "Per",
                  "Randi", "Sverre", "Torill", "Vidar" }
local KVINNER = { Astrid = 1, Camilla = 1, Eli = 1, Gunn = 1, Inger = 1, Kjersti = 1,
                  Marit = 1, Oddny = 1, Randi = 1, Torill = 1 }
local ETTERNAVN = { "Andersen", "Berg", "Dahl", "Eide", "Fossum", "Hagen", "Jensen",
                    "Karlsen", "Lie", "Moe", "Pettersen", "Rønning", "Sæther", "Vik" }
local fyll = {}
for i = 1, 40 do
  local fn = FORNAVN[(i - 1) % #FORNAVN + 1]
  local en = ETTERNAVN[((i - 1) * 3) % #ETTERNAVN + 1]
  fyll[i] = cast.patient { id = "p" .. i, name = fn .. " " .. en,
    fnr = fnr.synthetic { year = { 1940, 2012 }, sex = KVINNER[fn] and "K" or "M" } }
end
local GRUNNER = { "Kontroll", "Blodtrykk", "Samtale", "Sårkontroll", "Vondt i ryggen",
                  "Oppfølging", "Attest", "Hoste", "Blodprøvesvar" }
local neste = 0
for dag = 0, 6 do
  timebok.slots { doctor = lege, day = dag, from = "08:00", to = "11:00", minutes = 20 }
  timebok.slots { doctor = lege, day = dag, from = "12:00", to = "15:00", minutes = 20 }
  for _, t in ipairs(ALLE) do
    if not (ledig[dag] and ledig[dag][t]) then
      neste = neste + 1
      timebok.book { doctor = lege, time = ref(dag, t), patient = fyll[(neste - 1) % #fyll + 1],
                     note = GRUNNER[(neste - 1) % #GRUNNER + 1] }
    end
  end
end

local function forste_ledige()
  for dag = 0, 5 do
    for _, t in ipairs(ALLE) do
      if timebok.patient_at(lege, ref(dag, t)) == false then return ref(dag, t) end
    end
  end
end

local innringere = { [innringer1.id] = true, [innringer2.id] = true }
local snoket = {}
observe.on("open_record", function(a)
  if innringere[a.patient] or snoket[a.patient] then return end
  snoket[a.patient] = true
  score.deduct(J, 1, {
    rule = "hpl § 21 a (forbud mot urettmessig tilegnelse av helseopplysninger)",
    text = "Du åpnet journalen til " .. cast.get(a.patient).name .. ", som ikke ringte.",
    better = "Åpne bare journalen til den du snakker med." })
end)

---------------------------------------------------------------- felles

local function snakker(call) return call:state() == "talking" end
local function i_samtale(call)
  local st = call:state()
  return st == "talking" or st == "on_hold"
end
local function legg_paa(call, replikk)
  if replikk and snakker(call) then call:say(replikk) end
  call:hang_up()
end
local function spor(call, tekst, valg)
  if not i_samtale(call) then return nil end
  return call:ask(tekst, random.shuffle(valg), { timeout = SVARTID })
end

local function besvar(call, navn)
  if not call:wait_answer() then
    score.deduct(TLF, 2, {
      text = string.format("Telefonen ringte i to minutter uten svar (%s).", navn),
      better = "Fastlegekontor skal besvare 80 % av anropene innen to minutter." })
    return false
  end
  local etter = call:answered_after()
  if etter <= 30 then
    score.award(TLF, 2, { text = "Du svarte telefonen raskt." })
  else
    score.award(TLF, 1, {
      text = string.format("Du svarte telefonen etter %d sekunder.", math.floor(etter)) })
  end
  return true
end

-- Identiteten: spør eleven etter hele fødselsnummeret? Returnerer false hvis
-- samtalen tok slutt.
local function identitet(call, pas, pron, aapning)
  local svar = spor(call, aapning, {
    { "fnr", "Det skal jeg hjelpe deg med. Kan du gi meg hele fødselsnummeret ditt først?" },
    { "navn", "Ja, hva var navnet ditt igjen?" },
  })
  if svar == nil then
    legg_paa(call, "Hallo? ... Nei, jeg legger på.")
    return false
  elseif svar == "fnr" then
    score.award(ID, 1, { text = "Du ba om hele fødselsnummeret." })
    call:say("Ja, det er " .. pas.fnr .. ".")
    local skrevet = call:ask_text("Skriv inn fødselsnummeret " .. pron .. " oppgir.",
                                  { timeout = SVARTID })
    if skrevet == pas.fnr then
      score.award(ID, 1, { text = "Du skrev inn fødselsnummeret riktig." })
    elseif skrevet then
      score.deduct(ID, 1, {
        text = "Fødselsnummeret du skrev inn stemmer ikke med det " .. pron .. " sa.",
        better = "Be innringeren gjenta nummeret, og sjekk det mot journalen." })
    else
      legg_paa(call, "Hallo? ... Nei, jeg legger på.")
      return false
    end
  else
    score.deduct(ID, 1, {
      rule = "Rutine for identitet på telefon: be om hele fødselsnummeret.",
      text = "Du spurte bare om navnet.",
      better = "Be om hele fødselsnummeret, og søk opp journalen med det." })
    call:say(pas.name .. ".")
  end
  return true
end

local function journal_sjekket(pas, hva)
  if observe.count { kind = "open_record", patient = pas.id } > 0 then
    score.award(J, 1, { text = string.format("Du åpnet journalen til %s og %s.", pas.name, hva) })
  else
    score.deduct(J, 1, {
      text = string.format("Du sjekket ikke journalen til %s.", pas.name),
      better = "Finn journalen med fødselsnummeret: da vet du at du har riktig person." })
  end
end

---------------------------------------------------------------- samtale 1

local function vent_paa_time(call, pas)
  local start = clock.elapsed()
  local purret = false
  while true do
    local timer = timebok.booked(pas)
    if #timer > 0 then return timer end
    if not i_samtale(call) then return nil end
    local gaatt = clock.elapsed() - start
    if gaatt >= 5 * 60 then return nil end
    if not purret and gaatt >= 2 * 60 then
      purret = true
      if snakker(call) then call:say("Hallo? Er du der fortsatt?") end
    end
    observe.wait { timeout = (purret and 5 * 60 or 2 * 60) - gaatt }
  end
end

local function samtale1()
  local call = phone.call { from = innringer1, ring_for = RINGETID }
  if not besvar(call, innringer1.name) then return false end
  local pron, obj = v1[3], v1[4]
  if not identitet(call, innringer1, pron, string.format(
      "Hei, det er %s. Jeg har hatt vondt i skulderen i et halvt år, og en kollega sa at jeg "
        .. "burde til ortoped. Kan ikke legen min bare sende en henvisning? Jeg har så lite tid "
        .. "at jeg helst slipper å komme.", innringer1.name)) then
    return true
  end

  local svar = spor(call, "Så, kan legen sende henvisningen uten at jeg kommer inn?", {
    { "time", string.format("En henvisning skriver legen vanligvis etter at hun har undersøkt "
                            .. "deg. Jeg kan gi deg en time hos %s, så kan dere se på det "
                            .. "sammen.", lege.name) },
    { "lover", string.format("Ja, det går fint. Jeg ber %s sende den i dag.", lege_fornavn) },
    { "beskjed", "Jeg kan legge igjen en beskjed til legen om at du ønsker henvisning." },
    { "nei", "Nei, det gjør vi ikke. Ha en fin dag." },
  })
  if svar == nil then
    legg_paa(call, "Hallo? ... Nei, jeg legger på.")
    return true
  elseif svar == "lover" then
    score.deduct(HV, 2, {
      rule = HENVISNING_REGEL,
      text = "Du lovet en henvisning på legens vegne, uten at legen har sett pasienten.",
      better = "Forklar at legen vanligvis skriver henvisningen etter en konsultasjon, og tilby "
               .. "en time." })
    legg_paa(call, "Så bra! Da venter jeg på å høre fra sykehuset. Takk!")
    return true
  elseif svar == "nei" then
    score.deduct(HV, 1, {
      rule = HENVISNING_REGEL,
      text = string.format("Du avviste %s uten å forklare hvorfor eller gi en vei videre.",
                           obj),
      better = "Forklar at henvisningen kommer etter en konsultasjon, og tilby en time." })
    legg_paa(call, "Oi. Ja vel. Ha det.")
    return true
  elseif svar == "beskjed" then
    score.award(HV, 1, {
      rule = HENVISNING_REGEL,
      text = "Du lovet ikke henvisningen, men en beskjed gir inntrykk av at den kan ordnes uten "
             .. "at legen ser " .. obj .. ".",
      better = "Forklar at henvisningen vanligvis kommer etter en konsultasjon, og tilby en "
               .. "time." })
    call:say(string.format("Hm. Men vil %s ikke uansett at jeg kommer inn? Da kan jeg like "
                           .. "gjerne få en time.", lege_fornavn))
  else
    score.award(HV, 2, { text = "Du forklarte at henvisningen kommer etter en konsultasjon, og "
                                .. "tilbød en time." })
  end

  local press = spor(call, "Kan ikke du bare fylle ut henvisningen selv, da? Det er jo bare "
                           .. "et skjema, og jeg vet hva jeg trenger.", {
    { "nei", "Nei, det kan jeg ikke. Det er legen som vurderer og skriver henvisninger. Men "
             .. "jeg finner en time til deg nå." },
    { "ja", "Ok, jeg fyller ut skjemaet, så kan legen signere det." },
  })
  if press == "nei" then
    score.award(D, 1, { text = "Du sa nei til å skrive henvisningen selv." })
  elseif press == "ja" then
    score.deduct(D, 1, {
      rule = DELEGERING_REGEL,
      text = "Du sa ja til å fylle ut en henvisning selv.",
      better = "Henvisningen er legens medisinske vurdering. Si nei vennlig, og tilby en "
               .. "time." })
  else
    legg_paa(call, "Hallo? ... Nei, jeg legger på.")
    return true
  end

  call:say("Ja vel. Når kan jeg komme, da?")
  local timer = vent_paa_time(call, innringer1)
  if not timer then
    score.deduct(TB, 2, {
      text = string.format("%s fikk ingen time.", innringer1.name),
      better = "Bestill timen mens innringeren er i telefonen (book LEGE +N/HH:MM PASIENT)." })
    legg_paa(call, "Nei, nå har jeg ventet lenge nok. Jeg ringer en annen gang.")
    return true
  end
  journal_sjekket(innringer1, "fant riktig person")
  local t = timer[1]
  local dag = del_tid(t.time)
  if #timer > 1 then
    score.deduct(TB, 1, {
      text = string.format("%s står med %d timer.", innringer1.name, #timer),
      better = "Én time er nok; avbestill den som ble feil." })
  end
  if dag > 5 then
    local f = forste_ledige()
    score.deduct(TB, 1, {
      rule = FEMDAGER,
      text = string.format("Du ga timen %s, mer enn fem virkedager fram%s.", naar(t.time),
                           f and (", selv om det var ledig " .. naar(f)) or ""),
      better = "Bla videre i timeboka og ta første ledige time innen fem virkedager." })
  else
    score.award(TB, 2, { text = string.format("%s fikk time %s, innen fem virkedager.",
                                              innringer1.name, naar(t.time)) })
  end
  local slutt = spor(call, "Fant du noe?", {
    { "bekreft", string.format("Ja, du har time hos %s %s, her hos oss på %s. Da kan dere "
                               .. "snakke om skulderen og om henvisning.",
                               cast.get(t.doctor).name, naar(t.time), KONTOR) },
    { "ha_det", "Ja, nå har du fått en time. Ha det bra!" },
  })
  if slutt == "bekreft" then
    score.award(TB, 1, { text = "Du bekreftet tid og sted." })
    legg_paa(call, "Flott, da skriver jeg det opp. Takk!")
  elseif slutt then
    score.deduct(TB, 1, {
      text = string.format("%s fikk ikke vite tid og sted for timen.", innringer1.name),
      better = "Si tid, lege og sted tydelig før du avslutter samtalen." })
    legg_paa(call, "Ok ... når var det igjen? ... Nei, ha det.")
  else
    legg_paa(call, nil)
  end
  return true
end

---------------------------------------------------------------- samtale 2

local function samtale2()
  local call = phone.call { from = innringer2, ring_for = RINGETID }
  if not besvar(call, innringer2.name) then return false end
  local pron = v2[3]
  if not identitet(call, innringer2, pron, string.format(
      "Hei, det er %s. Jeg trenger ny resept på blodtrykksmedisinen min, %s. Jeg har "
        .. "tabletter til en uke til.", innringer2.name, medisin_navn)) then
    return true
  end

  local svar = spor(call, "Kan du ordne det?", {
    { "beskjed", string.format("Jeg legger inn en beskjed til %s om at du ber om fornyelse av "
                               .. "%s, og at du har tabletter til en uke. Det er legen som "
                               .. "avgjør. Fornyer hun resepten, sendes den elektronisk til "
                               .. "apoteket, og trenger hun å se deg først, ringer vi deg.",
                               lege.name, medisin) },
    { "vag", "Jeg sier det til legen." },
    { "lover", "Ja da, den er fornyet i morgen. Du kan bare hente den på apoteket." },
    { "time", "Du må bestille time for å få ny resept." },
  })
  if svar == nil then
    legg_paa(call, "Hallo? ... Nei, jeg legger på.")
    return true
  end
  journal_sjekket(innringer2, "så at " .. medisin_navn .. " er fast medisin")
  if svar == "beskjed" then
    score.award(S, 2, { text = "Beskjeden til legen var fullstendig (hvem, hvilken medisin, "
                               .. "hvor lenge tablettene rekker), og du lovet ikke noe på "
                               .. "legens vegne." })
  elseif svar == "vag" then
    score.award(S, 1, {
      text = "Du sendte ønsket videre til legen uten å love noe, men beskjeden sa verken hvilken "
             .. "medisin det gjaldt eller hvor lenge tablettene rekker, og pasienten fikk ikke "
             .. "vite hva som skjer videre.",
      better = "Gi legen hvem, hva og hvor mye det haster, og si hvordan pasienten får svar." })
  elseif svar == "lover" then
    score.deduct(S, 2, {
      rule = "Det er legen som avgjør om en resept fornyes.",
      text = "Du lovet at resepten blir fornyet, før legen har vurdert det.",
      better = "Legg inn ønsket til legen, og si at legen avgjør – uten å love resultatet." })
  else
    score.deduct(S, 1, {
      text = "Du krevde time for en vanlig reseptfornyelse uten å spørre legen.",
      better = "Send ønsket til legen på vanlig måte; legen avgjør om pasienten må inn." })
    call:say("Time? Jeg var jo her for fire måneder siden ... Ja vel.")
  end

  local press = spor(call, "Kan ikke du bare trykke på «forny» i systemet? Det tar jo to "
                           .. "sekunder.", {
    { "nei", "Nei, det kan jeg ikke. Det er bare legen som kan fornye resepter." },
    { "ja", "Jo, det kan jeg egentlig gjøre for deg." },
  })
  if press == "nei" then
    score.award(D, 1, { text = "Du sa nei til å fornye resepten selv." })
    legg_paa(call, "Nei vel. Da venter jeg på beskjed. Takk!")
  elseif press == "ja" then
    score.deduct(D, 1, {
      rule = DELEGERING_REGEL,
      text = "Du sa ja til å fornye en resept selv.",
      better = "Si nei vennlig: det er legen som forskriver legemidler." })
    legg_paa(call, "Så fint, takk!")
  else
    legg_paa(call, nil)
  end
  return true
end

clock.at(string.format("08:%02d", random.int(1, 2)), function()
  local ok1 = samtale1()
  clock.wait(random.int(40, 70))
  local ok2 = samtale2()
  if ok1 and ok2 then finish("Begge samtalene er ferdige.") end
end)
