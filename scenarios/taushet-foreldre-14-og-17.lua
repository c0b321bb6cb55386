-- Foreldre som ringer: 14 og 17 år
--
-- Trener: taushetsplikt overfor foreldre til mindreårige. To foreldre ringer
-- etter hverandre. Først en forelder til en jente på 14 år som har tatt
-- blodprøver; i journalen står det at hun ved samme time snakket med legen om
-- et tema hun ikke vil at foreldrene skal få vite om (reservasjon). Så en far
-- til en gutt på 17 år som har tatt en prøve og ikke har gitt samtykke.
--
-- Riktig vei:
--  * Samtale 1 (08:01): svar raskt. Be forelderen selv si hele fødselsnummeret
--    sitt (ikke les noe opp) og skriv det inn. Åpne jentas journal: der står
--    foreldreansvaret (med fødselsnummer), legens merknad om at prøvesvarene er
--    normale og kan gis, og reservasjonen. Gi prøvesvarene, men ingenting om
--    temaet hun har reservert seg mot – heller ikke når forelderen presser på.
--  * Samtale 2 (08:07–08:08): svar raskt. Åpne guttens journal og se at det
--    ikke er registrert samtykke. Gi ingen prøvesvar og ikke bekreft timen;
--    forklar at helserettslig myndighetsalder er 16 år, og at sønnen kan ringe
--    selv eller gi samtykke. Hold fast når faren viser til at sønnen er under 18.
--
-- Regler det scores etter (kilde: DOMAIN.md §2, tabellen og avsnittene):
--  * pbrl § 3-4 [lov]: under 16 år får foreldrene som hovedregel informasjon,
--    men barn mellom 12 og 16 kan begrense det; 16–18 år får foreldrene bare
--    det foreldreansvaret krever. Helserettslig myndighetsalder er 16 år.
--    -> mål hse3006.mindrearige; å fortelle om det reserverte temaet eller gi
--    17-åringens prøvesvar er kritisk feil (hse3006.taushetsplikt).
--  * hpl § 21 [sikker]: taushetsplikten gjelder også at noen er pasient, og
--    innebærer å hindre at uvedkommende får opplysninger. Å gi opplysninger
--    til en innringer før identiteten er kjent er kritisk feil.
--  * Identitet på telefon [praksis, DOMAIN.md §2 og seed 001 «må du få
--    personnummer og vite at personen kan få informasjon»]: innringeren sier
--    selv hele fødselsnummeret, det leses aldri opp; sjekk i journalen at hen
--    står med foreldreansvar. Ingen lovparagraf i tilbakemeldingen.
--  * hpl § 21 a [sikker]: åpne bare journaler du har tjenstlig behov for
--    (her: barnas journaler for å sjekke reservasjon og samtykke).
--  * Møte med pårørende (vennlig nei med en vei videre) og telefonsvar innen
--    30 sekunder er praksis: ingen paragraf.
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "taushet-foreldre-14-og-17",
  title = "Foreldre som ringer: 14 og 17 år",
  version = "1.0",
  language = "nb",
  summary = "To foreldre ringer om barna sine: en jente på 14 år med en reservasjon i "
            .. "journalen, og en gutt på 17 år uten samtykke.",
  start = "08:00",
  duration = 15,
  difficulty = 3,
  modes = { "practice", "exam" },
  goals = {
    ["hse3006.mindrearige"] = 4,
    ["hse3006.taushetsplikt"] = 4,
    ["hse3006.identitet-telefon"] = 3,
    ["hse3007.journaltilgang"] = 4,
    ["hse3006.pasientmote"] = 2,
    ["hse3007.telefon"] = 2,
  },
}

local MIN = "hse3006.mindrearige"
local T = "hse3006.taushetsplikt"
local ID = "hse3006.identitet-telefon"
local J = "hse3007.journaltilgang"
local PM = "hse3006.pasientmote"
local TLF = "hse3007.telefon"

local REGEL_UNDER_16 = "pbrl § 3-4 (under 16 år får foreldrene som hovedregel informasjon; "
                       .. "barn mellom 12 og 16 kan begrense det)"
local REGEL_OVER_16 = "pbrl § 3-4 (16–18 år: foreldrene får bare det foreldreansvaret "
                      .. "krever); hpl § 21 taushetsplikt"
local REGEL_ID = "Identitetskontroll på telefon (rutine): innringeren sier selv hele "
                 .. "fødselsnummeret, og du sjekker i journalen at hen kan få opplysninger."

local function fodt(nummer)
  local i = fnr.info(nummer)
  return string.format("%02d.%02d.%d", i.day, i.month, i.year)
end

local function med_mellomrom(nummer)
  return nummer:sub(1, 6) .. " " .. nummer:sub(7)
end

local function bare_siffer(tekst)
  return (tekst:gsub("%D", ""))
end

-- ----------------------------------------------------------- rollelisten
-- Variasjon fra frøet: navn, hvem av foreldrene som ringer, temaet jenta har
-- reservert seg mot. Id-ene er faste.

local lege_navn = random.pick { "Ingrid Hovland", "Kari Nygaard", "Liv Brekke" }
local lege = cast.doctor { id = "lege", name = lege_navn, role = "fastlege" }

local jente_fornavn = random.pick { "Emma", "Nora", "Ida", "Maja" }
local jente_etternavn = random.pick { "Berntsen", "Rønning", "Aune", "Stene" }
local forelder1_valg = random.pick {
  { "Hilde", "mor", "K", "moren" }, { "Thomas", "far", "M", "faren" },
  { "Camilla", "mor", "K", "moren" }, { "Kristian", "far", "M", "faren" },
}
local annen_forelder_navn = forelder1_valg[2] == "mor"
  and random.pick { "Geir", "Ole", "Martin" } or random.pick { "Anne", "Siri", "Tone" }
local forelder1_fnr = fnr.synthetic { year = { 1978, 1986 }, sex = forelder1_valg[3] }
local annen_forelder_fnr = fnr.synthetic { year = { 1976, 1986 },
                                           sex = forelder1_valg[3] == "K" and "M" or "K" }
local forelder1 = cast.person {
  id = "forelder14", name = forelder1_valg[1] .. " " .. jente_etternavn, kind = "relative",
  role = forelder1_valg[2], phone = "915 40 218",
}

local TEMAER = {
  { kort = "prevensjon", lang = "prevensjon (p-piller)",
    sier = "Hun snakket også med legen om prevensjon, og hun har fått resept på p-piller." },
  { kort = "hvordan hun har det", lang = "hvordan hun har det hjemme og på skolen",
    sier = "Hun snakket også med legen om at hun har det vanskelig hjemme og på skolen, "
           .. "og hun skal ha flere samtaler." },
}
local tema = random.pick(TEMAER)

local jente = cast.patient {
  id = "jente14", name = jente_fornavn .. " " .. jente_etternavn,
  fnr = fnr.synthetic { year = 2012, month = random.int(1, 9), sex = "K" },
  phone = "948 12 507", address = "Solbakken 3, 9020 Tromsdalen",
  nearest_relative = "forelder14",
  reservations = {
    string.format("%s (14 år) ønsker ikke at foreldrene får vite om samtalen med legen om "
                  .. "%s. Legen mener ønsket skal respekteres. – %s", jente_fornavn,
                  tema.lang, lege_navn),
  },
  results = {
    { test = "Hb", value = "13.1", unit = "g/dL", date = "2026-11-17", reference = "11.7-15.3" },
    { test = "Ferritin", value = "38", unit = "µg/L", date = "2026-11-17", reference = "15-200" },
  },
  notes = {
    string.format("Foreldreansvar: begge foreldrene. %s: %s, fnr. %s. %s: %s %s, fnr. %s.",
                  forelder1_valg[2] == "mor" and "Mor" or "Far", forelder1.name,
                  med_mellomrom(forelder1_fnr),
                  forelder1_valg[2] == "mor" and "Far" or "Mor", annen_forelder_navn,
                  jente_etternavn, med_mellomrom(annen_forelder_fnr)),
    "17.11.: Konsultasjon for tretthet. Blodprøver tatt (Hb, ferritin).",
    "18.11.: Prøvesvarene er normale og kan gis pasienten og foreldrene på telefon. – "
      .. lege_navn,
  },
}

local gutt_fornavn = random.pick { "Sander", "Jonas", "Elias", "Mathias" }
local gutt_etternavn = random.pick { "Moe", "Haugland", "Strøm", "Dahl" }
local far = cast.person {
  id = "far17", name = random.pick { "Rune", "Trond", "Espen" } .. " " .. gutt_etternavn,
  kind = "relative", role = "far", phone = "922 61 340",
}
local far_fnr = fnr.synthetic { year = { 1970, 1978 }, sex = "M" }
local gutt = cast.patient {
  id = "gutt17", name = gutt_fornavn .. " " .. gutt_etternavn,
  fnr = fnr.synthetic { year = 2009, month = random.int(1, 9), sex = "M" },
  phone = "986 30 114", address = "Fjordveien 18, 9016 Tromsø",
  results = {
    { test = "Klamydia (PCR, urin)", value = "negativ", date = "2026-11-17" },
  },
  notes = {
    "17.11.: Kom selv. Urinprøve tatt. Ønsker svar på SMS.",
    "Samtykke til å gi opplysninger til andre: ikke registrert.",
  },
}

-- ----------------------------------------------------------- felles

-- Scenarioet er ferdig når begge samtalene er over og minst én ble besvart;
-- ringte begge ut, går det til tiden er ute.
local samtaler_igjen, besvart = 2, false
local function samtale_ferdig()
  samtaler_igjen = samtaler_igjen - 1
  if samtaler_igjen == 0 and besvart then finish("Begge samtalene er ferdige.") end
end

local function snakker(call)
  return call:state() == "talking"
end

local function avslutt(call, replikk)
  if replikk and snakker(call) then call:say(replikk) end
  call:hang_up()
end

local function svar_telefonen(call, hvem)
  if not call:wait_answer() then
    score.deduct(TLF, 1, {
      text = "Telefonen ringte ut uten svar (" .. hvem .. ").",
      better = "Svar telefonen innen et halvt minutt; legekontor skal besvare de fleste "
               .. "anrop innen to minutter." })
    return false
  end
  besvart = true
  if call:answered_after() <= 30 then
    score.award(TLF, 1, { text = "Du svarte raskt da " .. hvem .. " ringte." })
  end
  return true
end

-- ----------------------------------------------------------- samtale 1: 14 år

local function samtale_14()
  local call = phone.call { from = forelder1, ring_for = 90 }
  if not svar_telefonen(call, forelder1.name) then return end
  local aapnet_for = observe.count { kind = "open_record", patient = jente }
  local function har_sjekket()
    return observe.count { kind = "open_record", patient = jente } > aapnet_for
  end

  local forste = call:ask(string.format(
    "Hei, det er %s, %s til %s %s. Hun er fjorten år og tok blodprøver hos dere i forrige "
      .. "uke. Kan du si meg hva prøvene viste? Og hva snakket hun egentlig med legen om? "
      .. "Hun vil ikke si noe til meg.", forelder1.name, forelder1_valg[2], jente_fornavn,
    jente_etternavn),
    {
      { "nekt_alt", "Jeg kan dessverre ikke gi deg noen opplysninger om " .. jente_fornavn
                    .. ". Hun må ringe selv." },
      { "les_opp", string.format("Skal vi se … Er du %s til %s, født %s?",
                                 forelder1_valg[2], jente_fornavn, fodt(jente.fnr)) },
      { "verifiser", "Det skal jeg se på. Men først må jeg vite hvem jeg snakker med: kan "
                     .. "du si hele fødselsnummeret ditt?" },
      { "svar_med_en_gang", "Et øyeblikk … Blodprøvene hennes var helt fine, både Hb og "
                            .. "ferritin." },
    })
  if not forste then return end

  if forste == "svar_med_en_gang" then
    score.critical(T, {
      rule = "hpl § 21 taushetsplikt; " .. REGEL_ID,
      text = "Du ga prøvesvar fra journalen før du visste hvem du snakket med, og uten å "
             .. "sjekke journalen for reservasjoner.",
      better = "Be innringeren si hele fødselsnummeret, sjekk i journalen at hen har "
               .. "foreldreansvar og om barnet har reservert seg, og gi så det du kan." })
    avslutt(call, "Så bra! Takk, da er jeg beroliget. Ha det.")
    return
  elseif forste == "nekt_alt" then
    score.deduct(MIN, 2, {
      rule = REGEL_UNDER_16,
      text = "Du nektet å gi noe som helst til en forelder til en 14-åring.",
      better = "Bekreft hvem som ringer og sjekk journalen: foreldre til barn under 16 år "
               .. "får som hovedregel opplysninger – unntatt det barnet har reservert seg "
               .. "mot." })
    score.deduct(PM, 1, {
      text = "Forelderen fikk et nei uten forklaring og uten vei videre.",
      better = "Forklar hva du kan gi, og hva forelderen kan gjøre for å få vite mer." })
    avslutt(call, "Hun er fjorten! Jeg er " .. forelder1_valg[2] .. " hennes. Dette var "
                  .. "rart. Ha det.")
    return
  elseif forste == "les_opp" then
    score.deduct(ID, 2, {
      rule = REGEL_ID,
      text = "Du leste opp jentas fødselsdato og ba om et ja. Da har du gitt opplysninger "
             .. "fra journalen, og du vet fortsatt ikke hvem du snakker med.",
      better = "Be innringeren selv si hele fødselsnummeret sitt, og sammenlign med "
               .. "foreldreansvaret i journalen." })
    call:say("Ja, det stemmer.")
  elseif forste == "verifiser" then
    score.award(ID, 2, {
      text = "Du ba forelderen selv si hele fødselsnummeret før du ga noe." })
    call:say("Ja, det er " .. med_mellomrom(forelder1_fnr) .. ".")
    local skrevet = call:ask_text("Skriv inn fødselsnummeret " .. forelder1_valg[2]
                                  .. "en oppgir.")
    if not skrevet then return end
    if bare_siffer(skrevet) == forelder1_fnr then
      score.award(ID, 1, {
        text = "Du skrev riktig inn fødselsnummeret " .. forelder1_valg[2] .. "en oppga. "
               .. "Det står ved foreldreansvaret i journalen til " .. jente_fornavn .. "." })
    else
      score.deduct(ID, 1, {
        rule = REGEL_ID,
        text = "Fødselsnummeret du skrev inn, stemmer ikke med det " .. forelder1_valg[2]
               .. "en sa.",
        better = "Be innringeren gjenta nummeret, og sammenlign siffer for siffer med "
                 .. "journalen." })
    end
  end

  local andre = call:ask("Så, hva viste prøvene? Og hva var det hun snakket med legen om?", {
    { "ingenting", jente_fornavn .. " har taushetsplikt på sin side hos oss, så jeg kan "
                   .. "ikke si noe om verken prøvene eller timen." },
    { "bare_prover", "Blodprøvene var fine: både Hb og ferritin er innenfor "
                     .. "normalområdet. Hva hun ellers snakket med legen om, kan jeg ikke gå "
                     .. "inn på. Det må du ta med " .. jente_fornavn .. " selv." },
    { "legen_ringer", "Jeg ber legen ringe deg og fortelle om begge deler." },
    { "alt", "Blodprøvene var fine. " .. tema.sier },
  })
  if not andre then return end
  local sjekket = har_sjekket()
  if sjekket then
    score.award(J, 2, {
      text = "Du åpnet journalen til " .. jente.name .. " og så foreldreansvaret, legens "
             .. "merknad om prøvesvarene og reservasjonen før du svarte." })
  elseif andre ~= "alt" then
    score.deduct(J, 1, {
      text = "Du svarte uten å åpne journalen, så du kunne ikke vite om prøvesvarene var "
             .. "klare til å gis, eller om " .. jente_fornavn .. " hadde reservert seg.",
      better = "Åpne barnets journal før du svarer: se foreldreansvaret, legens merknad "
               .. "og reservasjonene." })
  end

  if andre == "alt" then
    score.critical(T, {
      rule = "hpl § 21 taushetsplikt; " .. REGEL_UNDER_16,
      text = string.format("Du fortalte om samtalen med legen om %s, som %s har reservert "
                           .. "seg mot at foreldrene får vite om.", tema.kort, jente_fornavn),
      better = "Les reservasjonene i journalen før du svarer. Gi prøvesvarene, og si at du "
               .. "ikke kan gå inn på mer – foreldrene kan snakke med barnet eller legen." })
    avslutt(call, "Hva for noe? Det visste jeg ikke … Takk for at du sa det.")
    return
  elseif andre == "bare_prover" then
    if sjekket then
      score.award(MIN, 2, {
        text = "Du ga forelderen prøvesvarene, som legen hadde merket at kunne gis, og "
               .. "holdt tilbake det " .. jente_fornavn .. " har reservert seg mot." })
    else
      score.award(MIN, 1, {
        text = "Du ga prøvesvarene og holdt tilbake resten – men uten å ha sett i "
               .. "journalen." })
    end
  elseif andre == "ingenting" then
    score.deduct(MIN, 2, {
      rule = REGEL_UNDER_16,
      text = "Du holdt tilbake også prøvesvarene, som forelderen til en 14-åring har krav "
             .. "på og som legen hadde merket at kunne gis.",
      better = "Gi det foreldrene har krav på (her prøvesvarene), og hold tilbake bare det "
               .. "barnet har reservert seg mot." })
  elseif andre == "legen_ringer" then
    score.deduct(MIN, 1, {
      rule = REGEL_UNDER_16,
      text = "Prøvesvarene kunne du gitt selv, og du lovet at legen skal fortelle om "
             .. "samtalen som " .. jente_fornavn .. " har reservert seg mot.",
      better = "Gi prøvesvarene, og ikke lov noe om det barnet har reservert seg mot." })
  end

  local tredje = call:ask(string.format(
    "Men jeg er %s hennes! Jeg har vel rett til å vite hva som foregår med datteren min? "
      .. "Hun er bare fjorten år.", forelder1_valg[2]),
    {
      { "holde_fast", "Du har rett til de fleste opplysningene, og prøvesvarene har du "
                      .. "fått. Men når et barn over tolv år har bedt om at noe holdes for "
                      .. "seg selv, og legen mener det skal respekteres, må vi gjøre det. "
                      .. "Snakk gjerne med " .. jente_fornavn .. ", eller be om en samtale "
                      .. "med legen." },
      { "gi_etter", "Ja, du har jo det. " .. tema.sier },
      { "kort", "Det får du ta med legen. Ha det." },
    })
  if tredje == "gi_etter" then
    score.critical(T, {
      rule = "hpl § 21 taushetsplikt; " .. REGEL_UNDER_16,
      text = "Du ga etter for press og fortalte om det " .. jente_fornavn
             .. " har reservert seg mot.",
      better = "Hold vennlig fast: barn mellom 12 og 16 år kan begrense hva foreldrene får "
               .. "vite. Vis til samtale med barnet eller legen." })
    avslutt(call, "Å … Det visste jeg ikke. Takk.")
    return
  elseif tredje == "holde_fast" then
    score.award(T, 2, { text = "Du holdt fast på reservasjonen også under press." })
    score.award(PM, 1, {
      text = "Du forklarte vennlig hvorfor, og ga en vei videre: snakke med datteren eller "
             .. "legen." })
  elseif tredje == "kort" then
    score.award(T, 1, { text = "Du ga ikke etter for presset." })
    score.deduct(PM, 1, {
      text = "Du avsluttet brått uten å forklare.",
      better = "Forklar kort hvorfor noe holdes tilbake, og hva forelderen kan gjøre." })
  end
  avslutt(call, tredje and "Nei vel. Jeg får snakke med henne, da. Ha det." or nil)
end

-- ----------------------------------------------------------- samtale 2: 17 år

local function samtale_17()
  local call = phone.call { from = far, ring_for = 90 }
  if not svar_telefonen(call, far.name) then return end
  local aapnet_for = observe.count { kind = "open_record", patient = gutt }

  local forste = call:ask(string.format(
    "Hei, det er %s. Sønnen min, %s, var hos dere på tirsdag og tok en prøve. Han er "
      .. "sytten. Kan du si meg hva den viste? Han sier ingenting hjemme.", far.name, gutt.name),
    {
      { "bekreft_timen", gutt_fornavn .. " var her på tirsdag, ja, men svaret kan jeg ikke "
                         .. "gi deg." },
      { "gi_svar", "Et øyeblikk … Klamydiatesten hans var negativ, så det er ingenting å "
                   .. "bekymre seg for." },
      { "be_om_fnr", "Hvis du gir meg fødselsnummeret ditt, kan jeg gi deg svaret." },
      { "myndighetsalder", "Når ungdom har fylt 16 år, bestemmer de selv over "
                           .. "helseopplysningene sine. Uten samtykke fra sønnen din kan jeg "
                           .. "ikke gi deg prøvesvar, og heller ikke si noe om han har vært "
                           .. "her. Be ham ringe oss selv – han kan også gi samtykke." },
    })
  if not forste then return end
  local sjekket = observe.count { kind = "open_record", patient = gutt } > aapnet_for
  if sjekket then
    score.award(J, 2, {
      text = "Du sjekket i journalen til " .. gutt.name .. " om han har gitt samtykke." })
  end

  local ga_svar = false
  if forste == "gi_svar" then
    ga_svar = true
  elseif forste == "be_om_fnr" then
    score.deduct(MIN, 2, {
      rule = REGEL_OVER_16,
      text = "Du lovet faren svaret mot at han oppga fødselsnummeret sitt. Identitet "
             .. "hjelper ikke: en 17-åring bestemmer selv, og uten samtykke får foreldrene "
             .. "ikke prøvesvar.",
      better = "Sjekk samtykke i journalen. Uten samtykke: forklar at myndighetsalderen for "
               .. "helse er 16 år, og be sønnen ringe selv." })
    call:say("Ja da, det er " .. med_mellomrom(far_fnr) .. ".")
    local igjen = call:ask("Så, hva viste prøven?", {
      { "ombestemme", "Beklager, jeg tok feil: siden han er over 16 år, kan jeg ikke gi deg "
                      .. "prøvesvar uten samtykke fra ham. Be ham ringe oss selv." },
      { "gi_svar", "Klamydiatesten hans var negativ." },
    })
    if igjen == "gi_svar" then
      ga_svar = true
    elseif igjen == nil then
      return
    end
  elseif forste == "bekreft_timen" then
    score.deduct(T, 2, {
      rule = "hpl § 21 (taushetsplikten gjelder også at noen er pasient); " .. REGEL_OVER_16,
      text = "Du bekreftet overfor faren at " .. gutt_fornavn .. " hadde vært hos legen.",
      better = "Si ingenting om hvorvidt en 17-åring har vært her uten samtykke; forklar "
               .. "regelen og be sønnen ringe selv." })
  elseif forste == "myndighetsalder" then
    if sjekket then
      score.award(MIN, 2, {
        text = "Du forklarte at helserettslig myndighetsalder er 16 år, og ga ingen "
               .. "opplysninger uten samtykke." })
    else
      score.award(MIN, 1, {
        text = "Du forklarte at helserettslig myndighetsalder er 16 år – men uten å ha "
               .. "sjekket samtykke i journalen." })
    end
  end
  if not sjekket and not ga_svar then
    score.deduct(J, 1, {
      text = "Du svarte uten å sjekke i journalen om " .. gutt_fornavn .. " har gitt "
             .. "samtykke.",
      better = "Åpne journalen og se etter samtykke før du svarer en pårørende." })
  end
  if ga_svar then
    score.critical(T, {
      rule = REGEL_OVER_16,
      text = "Du ga prøvesvaret til faren til en 17-åring som ikke har gitt samtykke – og "
             .. "avslørte hva slags prøve han tok.",
      better = "Fra 16 år bestemmer ungdommen selv over helseopplysningene. Gi ingen "
               .. "prøvesvar uten samtykke; be sønnen ringe selv." })
    avslutt(call, "Klamydia?! Det skal han få høre om. Ha det.")
    return
  end

  local andre = call:ask("Men jeg er faren hans, og han bor hjemme hos meg! Han er ikke "
                         .. "myndig før han er atten.", {
    { "legen_ringer", "Jeg skal be legen ringe deg og forklare." },
    { "gi_etter", "Det har du jo rett i. Prøven var negativ." },
    { "holde_fast", "Jeg forstår at du er bekymret. Men når det gjelder helse, er "
                    .. "myndighetsalderen 16 år. Da får foreldre bare det som trengs for "
                    .. "foreldreansvaret, og prøvesvar hører ikke med uten at han samtykker. "
                    .. "Snakk med ham, eller be ham ringe oss." },
  })
  if andre == "gi_etter" then
    score.critical(T, {
      rule = REGEL_OVER_16,
      text = "Du ga etter for press og ga prøvesvaret til faren uten samtykke fra sønnen.",
      better = "Hold vennlig fast: helserettslig myndighetsalder er 16 år." })
    avslutt(call, "Så bra. Takk.")
    return
  elseif andre == "holde_fast" then
    score.award(T, 2, { text = "Du holdt fast på taushetsplikten overfor faren." })
    score.award(PM, 1, {
      text = "Du møtte bekymringen hans vennlig og ga en vei videre." })
  elseif andre == "legen_ringer" then
    score.deduct(T, 1, {
      rule = REGEL_OVER_16,
      text = "Å love at legen ringer faren gir inntrykk av at han kan få svar uten "
             .. "samtykke.",
      better = "Samtykket må komme fra sønnen; be ham ringe selv." })
  end
  avslutt(call, andre and "Nei vel. Da får jeg ta det med ham. Ha det." or nil)
end

clock.at("08:01", function()
  samtale_14()
  samtale_ferdig()
end)

clock.at(string.format("08:%02d", random.int(7, 8)), function()
  samtale_17()
  samtale_ferdig()
end)

-- Andre journaler enn barnas har du ikke noe tjenstlig behov for her.
observe.on("open_record", function(a)
  if a.patient ~= jente.id and a.patient ~= gutt.id then
    score.deduct(J, 2, {
      rule = "hpl § 21 a (forbud mot å lese journal uten tjenstlig behov)",
      text = "Du åpnet en journal du ikke hadde oppgave i.",
      better = "Åpne bare journalen til den henvendelsen gjelder." })
  end
end)
