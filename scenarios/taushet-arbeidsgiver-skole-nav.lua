-- Arbeidsgiver, skole og NAV ringer
--
-- Trener: taushetsplikt overfor tredjepart. Tre korte samtaler i løpet av et
-- kvarter: en arbeidsgiver vil vite diagnosen til en sykmeldt ansatt, en
-- kontaktlærer vil ha bekreftet at en elev på 15 år har vært hos legen de
-- dagene hun var borte, og en saksbehandler i NAV vil ha journalnotater lest
-- opp på telefonen.
--
-- Riktig vei:
--  * Arbeidsgiveren (08:01): ikke bekreft at han er pasient, gi ingen
--    diagnose; vis til den ansatte selv (sykmeldingen sier hva han kan og ikke
--    kan gjøre, ikke hva han feiler). Hold fast når hun gjetter på «ryggen».
--  * Skolen (08:05–08:06): ikke bekreft noe; skolen er ikke samarbeidende personell.
--    Dokumentasjon på fravær går til eleven og de foresatte, som leverer den
--    selv. Hold fast når læreren viser til helsesykepleier og PP-tjeneste.
--  * NAV (08:09–08:10): ingen opplysninger på telefon. NAV kan kreve opplysninger
--    bare skriftlig, med angitt hva de trenger, og legen behandler kravet;
--    kravet sendes til legen, ikke til deg.
--  * Åpne ingen av journalene: ingen av samtalene gir deg noe å slå opp.
--
-- Regler det scores etter (kilde: DOMAIN.md §2, tabellen og avsnittene):
--  * hpl § 21 [sikker]: taushetsplikten gjelder også at noen er pasient.
--    Å gi diagnose, datoer for timer eller journalnotater til arbeidsgiver,
--    skole eller NAV på telefon er kritisk feil (hse3006.taushetsplikt).
--  * Arbeidsgiver: «nothing; refer to the patient (the sykmelding carries
--    function, not diagnosis)» – hpl § 21 (hse3006.tredjepart).
--  * Skole: «not cooperating personnel; absence certificates go to the
--    pupil/guardian» – hpl § 25 / § 45 (hse3006.tredjepart,
--    hse3006.samarbeid-helsepersonell).
--  * NAV: «only by formal order, specified extracts, handled by the doctor» –
--    ftrl § 21-4 (hse3006.tredjepart).
--  * hpl § 21 a [sikker]: ingen journaloppslag uten tjenstlig behov
--    (hse3007.journaltilgang).
--  * Telefonsvar innen 30 sekunder er praksis: ingen paragraf.
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "taushet-arbeidsgiver-skole-nav",
  title = "Arbeidsgiver, skole og NAV ringer",
  version = "1.0",
  language = "nb",
  summary = "Tre korte samtaler: en arbeidsgiver vil ha en diagnose, en skole vil ha "
            .. "bekreftet fravær, og NAV vil ha journalnotater på telefonen.",
  start = "08:00",
  duration = 15,
  difficulty = 3,
  modes = { "practice", "exam" },
  goals = {
    ["hse3006.tredjepart"] = 7,
    ["hse3006.taushetsplikt"] = 4,
    ["hse3006.samarbeid-helsepersonell"] = 2,
    ["hse3007.journaltilgang"] = 2,
    ["hse3007.telefon"] = 3,
  },
}

local TP = "hse3006.tredjepart"
local T = "hse3006.taushetsplikt"
local SH = "hse3006.samarbeid-helsepersonell"
local J = "hse3007.journaltilgang"
local TLF = "hse3007.telefon"

local REGEL_21 = "hpl § 21 taushetsplikt (gjelder også at noen er pasient)"
local REGEL_SKOLE = "hpl § 25 / § 45 (skole og PP-tjeneste er ikke samarbeidende "
                    .. "personell); hpl § 21"
local REGEL_NAV = "ftrl § 21-4 (NAV kan kreve opplysninger skriftlig, med angitt hva de "
                  .. "trenger; legen behandler kravet); hpl § 21"

-- ----------------------------------------------------------- rollelisten
-- Variasjon fra frøet: navn, arbeidsplass, diagnose, datoer og tidspunkter.

local lege_valg = random.pick {
  { "Anne Berg", "hun" }, { "Lars Holm", "han" }, { "Turid Sand", "hun" },
  { "Erik Myhre", "han" },
}
local lege = cast.doctor { id = "lege", name = lege_valg[1], role = "fastlege" }

-- Den sykmeldte ansatte (arbeidsgiveren og NAV spør om ham).
local diagnose = random.pick {
  { navn = "depresjon", notat = "Sykmeldt 100 % for depresjon. Samtaler hver uke." },
  { navn = "utbrenthet og søvnvansker",
    notat = "Sykmeldt 100 % for utbrenthet og søvnvansker. Samtaler hver uke." },
  { navn = "prolaps i ryggen",
    notat = "Sykmeldt 100 % for prolaps i korsryggen. Henvist til fysioterapeut." },
}
local ansatt = cast.patient {
  id = "ansatt",
  name = random.pick { "Geir Johansen", "Rolf Ellingsen", "Terje Olsen", "Bjørn Sæther" },
  fnr = fnr.synthetic { year = { 1968, 1980 }, sex = "M" },
  phone = "952 18 733", address = "Storgata 88, 9008 Tromsø",
  notes = { diagnose.notat,
            "Sykmelding sendt digitalt. Arbeidsgiverens del viser funksjon, ikke diagnose." },
}
local arbeidsplass = random.pick { "Coop Extra på Storgata", "Tromsø Havn", "Nordlys Bygg" }
local leder = cast.person {
  id = "arbeidsgiver",
  name = random.pick { "Siri Hansen", "Monica Lie", "Trine Eide" },
  kind = "caller", role = "avdelingsleder", phone = "909 12 456",
}

-- Eleven på 15 år og kontaktlæreren.
local elev_fornavn = random.pick { "Sofie", "Amalie", "Thea", "Julie" }
local elev = cast.patient {
  id = "elev", name = elev_fornavn .. " " .. random.pick { "Nygård", "Pettersen", "Lund" },
  fnr = fnr.synthetic { year = 2011, month = random.int(1, 9), sex = "K" },
  phone = "413 55 902", address = "Skoleveien 14, 9011 Tromsø",
  notes = { "Konsultasjoner 3.11. og 10.11. Mor følger henne til timene." },
}
local larer = cast.person {
  id = "skole",
  name = random.pick { "Per Arne Dahl", "Kjersti Moen", "Ole Hansen" },
  kind = "caller", role = "kontaktlærer",
}
local skole = random.pick { "Kroken ungdomsskole", "Hamna skole", "Stakkevollan skole" }

-- Saksbehandleren i NAV.
local nav = cast.person {
  id = "nav",
  name = random.pick { "Ingrid Solberg", "Jan Erik Vang", "Mona Kristiansen" },
  kind = "caller", role = "saksbehandler i NAV",
}

-- ----------------------------------------------------------- felles

local subjekter = { ansatt = true, elev = true }
local snoket = false
local fra_journalen = false   -- har eleven gitt opplysninger som står i journalen?
local besvart = 0

observe.on("open_record", function(a)
  if subjekter[a.patient] then
    snoket = true
    score.deduct(J, 2, {
      rule = "hpl § 21 a (forbud mot å lese journal uten tjenstlig behov)",
      text = "Du åpnet journalen til " .. cast.get(a.patient).name .. ", men ingen av "
             .. "samtalene ga deg en oppgave i den. Oppslaget logges.",
      better = "Du skal ikke gi noe til arbeidsgiver, skole eller NAV på telefon – da er det "
               .. "heller ingenting å slå opp." })
  end
end)

local function snakker(call)
  return call:state() == "talking"
end

local function avslutt(call, replikk)
  if replikk and snakker(call) then call:say(replikk) end
  call:hang_up()
end

local function svar(call, hvem)
  if not call:wait_answer() then
    score.deduct(TLF, 1, {
      text = "Telefonen ringte ut uten svar (" .. hvem .. ").",
      better = "Svar telefonen innen et halvt minutt." })
    return false
  end
  besvart = besvart + 1
  if call:answered_after() <= 30 then
    score.award(TLF, 1, { text = "Du svarte raskt da " .. hvem .. " ringte." })
  end
  return true
end

-- ----------------------------------------------------------- 1: arbeidsgiveren

local function arbeidsgiveren()
  local call = phone.call { from = leder, ring_for = 90 }
  if not svar(call, "arbeidsgiveren") then return end
  local forste = call:ask(string.format(
    "Hei, dette er %s, avdelingsleder på %s. %s har vært sykmeldt i tre uker nå, og vi må "
      .. "planlegge. Hva er det egentlig han feiler? Han sa at han går til dere.",
    leder.name, arbeidsplass, ansatt.name),
    {
      { "bekreft", "Ja, han er pasient hos oss, men diagnosen kan jeg ikke si noe om." },
      { "legen_ringer", "Jeg ber legen ringe deg og forklare." },
      { "diagnose", "Et øyeblikk … Han er sykmeldt for " .. diagnose.navn .. "." },
      { "vis_til_ham", "Jeg kan ikke gi ut noen opplysninger, heller ikke om noen er "
                       .. "pasient her. Sykmeldingen sier hva han kan og ikke kan gjøre på "
                       .. "jobb; spør ham selv om det dere trenger for å tilrettelegge." },
    })
  if not forste then return end
  if forste == "diagnose" then
    fra_journalen = true
    score.critical(T, {
      rule = REGEL_21,
      text = "Du ga arbeidsgiveren diagnosen til " .. ansatt.name .. ".",
      better = "Arbeidsgiveren får ingen opplysninger fra legekontoret. Vis til den ansatte "
               .. "selv; sykmeldingen sier hva han kan gjøre, ikke hva han feiler." })
    avslutt(call, "Å, sånn. Takk, det er greit å vite.")
    return
  elseif forste == "bekreft" then
    score.deduct(T, 2, {
      rule = REGEL_21,
      text = "Du bekreftet overfor arbeidsgiveren at " .. ansatt.name .. " er pasient her.",
      better = "Verken bekreft eller avkreft; vis til den ansatte selv." })
  elseif forste == "legen_ringer" then
    score.deduct(TP, 1, {
      text = "Å love at legen ringer arbeidsgiveren gir inntrykk av at hun kan få "
             .. "opplysninger. Det kan hun ikke – heller ikke fra legen.",
      better = "Vis til den ansatte selv, og ikke bekreft at han er pasient." })
  elseif forste == "vis_til_ham" then
    score.award(TP, 2, {
      text = "Du ga ingen opplysninger og viste arbeidsgiveren til den ansatte selv." })
  end

  local andre = call:ask("Men det er viktig for tilretteleggingen! Kan du ikke bare si om det "
                         .. "er ryggen? Han løftet mye tungt før jul.", {
    { "holde_fast", "Jeg skjønner at dere vil tilrettelegge, men jeg kan ikke si noe om det. "
                    .. "Snakk med ham: han kan fortelle det han vil, og sykmeldingen viser hva "
                    .. "han kan gjøre." },
    { "samtykke", "Hvis han gir samtykke, kan jeg si det til deg." },
    { "hint", "Jeg kan ikke si noe, men … du er ikke helt på bærtur." },
  })
  if andre == "hint" then
    score.critical(T, {
      rule = REGEL_21,
      text = "Du hintet om hva " .. ansatt.name .. " feiler. Et hint er også en opplysning.",
      better = "Hold fast: ingen opplysninger, heller ikke hint. Vis til den ansatte selv." })
    avslutt(call, "Skjønner! Takk.")
    return
  elseif andre == "samtykke" then
    score.award(T, 1, {
      text = "Du ga ingen opplysninger uten samtykke.",
      better = "Det er den ansatte selv som bestemmer hva arbeidsgiveren skal få vite, og "
               .. "han kan fortelle det selv. Vis til ham." })
  elseif andre == "holde_fast" then
    score.award(T, 2, { text = "Du holdt fast også da arbeidsgiveren gjettet." })
  end
  avslutt(call, andre and "Ok. Jeg får snakke med ham. Ha det." or nil)
end

-- ----------------------------------------------------------- 2: skolen

local function skolen()
  local call = phone.call { from = larer, ring_for = 90 }
  if not svar(call, "skolen") then return end
  local forste = call:ask(string.format(
    "Hei, dette er %s, kontaktlærer på %s. %s i tiende trinn har hatt mye fravær, og hun "
      .. "sier hun har vært hos legen. Kan dere bekrefte at hun var hos dere 3. og 10. "
      .. "november? Og kan dere sende en legeerklæring direkte til skolen?",
    larer.name, skole, elev.name),
    {
      { "be_om_fnr", "Hvis du gir meg fødselsnummeret hennes, kan jeg sjekke." },
      { "vis_til_eleven", "Jeg kan ikke si noe om hvem som er pasient hos oss, heller ikke "
                          .. "til skolen. Trenger dere dokumentasjon på fravær, må eleven "
                          .. "eller foreldrene be om den. Da får de den selv og leverer den "
                          .. "til skolen." },
      { "bekreft_datoer", "Et øyeblikk … Ja, hun var her begge dagene." },
      { "sende", "Jeg kan sende en bekreftelse på timene hennes til skolen i dag." },
    })
  if not forste then return end
  if forste == "bekreft_datoer" or forste == "sende" then
    fra_journalen = true
    score.critical(T, {
      rule = REGEL_SKOLE,
      text = forste == "bekreft_datoer"
        and "Du bekreftet overfor skolen at " .. elev.name .. " var hos legen på bestemte "
            .. "dager."
        or "Du lovet å sende skolen en bekreftelse på timene til " .. elev.name .. ".",
      better = "Skolen er ikke samarbeidende personell. Bekreft ingenting; dokumentasjon på "
               .. "fravær gis til eleven eller de foresatte, som leverer den selv." })
    avslutt(call, "Flott, takk for hjelpen!")
    return
  elseif forste == "be_om_fnr" then
    score.deduct(TP, 2, {
      rule = REGEL_SKOLE,
      text = "Du tilbød deg å sjekke hvis læreren ga deg fødselsnummeret. Det er ikke "
             .. "identiteten som er problemet: skolen har ikke krav på opplysningene.",
      better = "Bekreft ingenting; vis til eleven og de foresatte." })
    call:say("Det har jeg ikke her. Men hør her …")
  elseif forste == "vis_til_eleven" then
    score.award(TP, 2, {
      text = "Du bekreftet ingenting, og viste til at dokumentasjonen går til eleven og de "
             .. "foresatte." })
  end

  local andre = call:ask("Men vi samarbeider jo om henne! Helsesykepleieren og PP-tjenesten "
                         .. "er koblet på, og vi er alle i kommunen. Har ikke dere plikt til "
                         .. "å samarbeide med oss?", {
    { "helsesykepleier", "Hvis helsesykepleieren ringer selv, kan hun få vite alt." },
    { "gi_etter", "Ja, når PP-tjenesten er med, er det greit. Hun var her begge dagene." },
    { "holde_fast", "Skole og PP-tjeneste regnes ikke som samarbeidende helsepersonell, så "
                    .. "vi kan ikke dele opplysninger med dere. Snakk med eleven og "
                    .. "foreldrene; de kan be oss om en erklæring og gi den til dere." },
  })
  if andre == "gi_etter" then
    fra_journalen = true
    score.critical(T, {
      rule = REGEL_SKOLE,
      text = "Du ga etter og bekreftet overfor skolen at " .. elev.name .. " var hos legen.",
      better = "Skole og PP-tjeneste er ikke samarbeidende personell. Hold fast, og vis til "
               .. "eleven og de foresatte." })
    avslutt(call, "Takk, da fører vi det som gyldig fravær.")
    return
  elseif andre == "holde_fast" then
    score.award(SH, 2, {
      text = "Du visste at skole og PP-tjeneste ikke er samarbeidende personell, og holdt "
             .. "fast." })
  elseif andre == "helsesykepleier" then
    score.deduct(SH, 1, {
      rule = "hpl § 25 / § 45 (nødvendige og relevante opplysninger til helsepersonell som "
             .. "yter helsehjelp, med mindre pasienten motsetter seg det)",
      text = "Helsepersonell som behandler eleven kan få nødvendige og relevante opplysninger "
             .. "– ikke «alt», og ikke bare fordi hun ringer.",
      better = "Si at skolen ikke er samarbeidende personell, og vis til eleven og de "
               .. "foresatte." })
  end
  avslutt(call, andre and "Ja ja. Da tar jeg det med foreldrene. Ha det." or nil)
end

-- ----------------------------------------------------------- 3: NAV

local function nav_ringer()
  local call = phone.call { from = nav, ring_for = 90 }
  if not svar(call, "NAV") then return end
  local forste = call:ask(string.format(
    "Hei, det er %s i NAV. Jeg behandler sykepengesaken til %s. Kan du lese opp det siste "
      .. "journalnotatet for meg? Eller sende over journalen for de siste tre månedene?",
    nav.name, ansatt.name),
    {
      { "skriftlig_krav", "Jeg kan ikke gi opplysninger på telefon. Trenger NAV "
                          .. "opplysninger, må det komme et skriftlig krav som sier hvilke "
                          .. "opplysninger dere trenger, og det er legen som behandler det." },
      { "sende_kopi", "Jeg kan skrive ut journalen og sende den til dere i dag." },
      { "bekreft", "Han er pasient her, men journalen kan jeg ikke gi deg." },
      { "les_opp", "Et øyeblikk … Siste notat: «" .. diagnose.notat .. "»" },
    })
  if not forste then return end
  if forste == "les_opp" or forste == "sende_kopi" then
    fra_journalen = true
    score.critical(T, {
      rule = REGEL_NAV,
      text = forste == "les_opp"
        and "Du leste opp et journalnotat på telefonen til en du ikke visste hvem var."
        or "Du lovet å sende journalen til NAV uten skriftlig krav og uten legen.",
      better = "NAV kan bare kreve opplysninger skriftlig, med angitt hva de trenger, og "
               .. "legen behandler kravet. Gi ingenting på telefon." })
    avslutt(call, "Supert, takk for hjelpen.")
    return
  elseif forste == "bekreft" then
    score.deduct(T, 1, {
      rule = REGEL_21,
      text = "Du bekreftet på telefonen at " .. ansatt.name .. " er pasient her, uten å vite "
             .. "hvem du snakket med.",
      better = "Gi ingenting på telefon; vis til skriftlig krav som legen behandler." })
  elseif forste == "skriftlig_krav" then
    score.award(TP, 2, {
      text = "Du ga ingenting på telefon og viste til skriftlig krav som legen behandler." })
  end

  local andre = call:ask("Det er jo for at han skal få pengene sine. Du kan vel i det minste "
                         .. "si hvilken diagnose som står på sykmeldingen?", {
    { "diagnose", "Ja da, det er " .. diagnose.navn .. "." },
    { "ring_ham", "Ring ham og spør, da." },
    { "holde_fast", "Nei, heller ikke det på telefon. Send kravet skriftlig, så behandler "
                    .. "legen det." },
  })
  if andre == "diagnose" then
    fra_journalen = true
    score.critical(T, {
      rule = REGEL_NAV,
      text = "Du ga diagnosen til " .. ansatt.name .. " på telefonen.",
      better = "Hold fast: ingenting på telefon. NAV sender skriftlig krav, og legen "
               .. "behandler det." })
    avslutt(call, "Takk!")
    return
  elseif andre == "holde_fast" then
    score.award(T, 2, { text = "Du holdt fast også da NAV presset på." })
  elseif andre == "ring_ham" then
    score.award(T, 1, {
      text = "Du ga ingen diagnose.",
      better = "Vis til skriftlig krav som legen behandler, i stedet for å sende NAV videre "
               .. "til pasienten." })
  end
  if not andre then return end

  local tredje = call:ask("Ok, da sender vi et skriftlig krav. Hvem skal det til?", {
    { "til_meg", "Send det til meg, så plukker jeg ut det dere trenger." },
    { "til_legen", "Send det til legekontoret, til legen. Det er legen som vurderer hva dere "
                   .. "skal få." },
  })
  if tredje == "til_legen" then
    score.award(TP, 1, { text = "Kravet går til legen, som behandler det." })
  elseif tredje == "til_meg" then
    score.deduct(TP, 1, {
      rule = REGEL_NAV,
      text = "Du ba NAV sende kravet til deg, og ville selv plukke ut opplysninger.",
      better = "Kravet behandles av legen, som vurderer hvilke opplysninger som er "
               .. "nødvendige." })
  end
  avslutt(call, tredje and "Greit, takk. Ha det." or nil)
end

-- ----------------------------------------------------------- tidsplanen

local igjen = 3
local function ferdig()
  igjen = igjen - 1
  if igjen > 0 then return end
  if besvart == 3 and not snoket and not fra_journalen then
    score.award(J, 2, {
      text = "Du åpnet ingen journal: ingen av samtalene ga deg en oppgave i den." })
  end
  if besvart > 0 then finish("Alle tre samtalene er ferdige.") end
end

clock.at("08:01", function() arbeidsgiveren(); ferdig() end)
clock.at(string.format("08:05:%02d", random.int(0, 3) * 10), function() skolen(); ferdig() end)
clock.at(string.format("08:%02d:%02d", random.int(9, 10), random.int(0, 3) * 10),
         function() nav_ringer(); ferdig() end)
