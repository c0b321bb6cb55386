-- Politiet ringer
--
-- Trener: taushetsplikt overfor politiet. En som sier hun er politibetjent,
-- ringer og vil vite om en navngitt person var på legekontoret i går, og hva
-- han var der for. Hun presser på og ber deg «bare sjekke i systemet». Litt
-- senere kommer legen bort til skranken mellom to pasienter.
--
-- Riktig vei: svar telefonen raskt. Verken bekreft eller avkreft at personen
-- er pasient; si at slike henvendelser vurderes av legen, og be om navn og
-- telefonnummer (skriv dem ned). Hold fast når hun presser på, og ikke åpne
-- eller søk opp journalen hans – du har ikke noe tjenstlig behov. Når legen
-- kommer (ta imot henne), gi beskjeden: hvem som ringte, hva det gjaldt, at du
-- ikke bekreftet noe, og navn og nummer. Legen vurderer om det skal svares.
-- (Setter du samtalen over til legen, har legen fått saken; det godtas, men
-- med pasient inne er det vanlig å ta navn og nummer.)
--
-- Regler det scores etter (kilde: DOMAIN.md §2, tabellen og avsnittene):
--  * hpl § 21 [sikker]: taushetsplikten gjelder også at noen er pasient; den
--    er en plikt til å hindre at andre får opplysninger. Å bekrefte at han var
--    her, eller hva han var her for – også med et hint – er kritisk feil
--    (hse3006.taushetsplikt). Å avkrefte er også å svare (trekk).
--  * hpl § 23 [DOMAIN.md §2]: unntakene gir en rett, ikke en plikt, til å gi
--    opplysninger, og det er legen, ikke resepsjonen, som vurderer
--    henvendelser fra politiet. Tabellen: «do not even confirm patient status;
--    take name and number; pass to the doctor» (hse3006.tredjepart,
--    hse3006.samhandling-lege).
--  * hpl § 21 a [sikker]: å åpne eller søke opp journalen uten tjenstlig behov
--    er forbudt (hse3007.journaltilgang).
--  * Telefonsvar innen 30 sekunder og hvordan beskjeden gis til legen er
--    praksis: ingen paragraf.
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "taushet-politiet",
  title = "Politiet ringer",
  version = "1.0",
  language = "nb",
  summary = "En politibetjent ringer og vil vite om en navngitt person var hos legen i går, "
            .. "og hva han var der for.",
  start = "08:00",
  duration = 12,
  difficulty = 3,
  modes = { "practice", "exam" },
  goals = {
    ["hse3006.taushetsplikt"] = 4,
    ["hse3006.tredjepart"] = 3,
    ["hse3006.samhandling-lege"] = 2,
    ["hse3007.journaltilgang"] = 2,
    ["hse3007.telefon"] = 2,
  },
}

local T = "hse3006.taushetsplikt"
local TP = "hse3006.tredjepart"
local S = "hse3006.samhandling-lege"
local J = "hse3007.journaltilgang"
local TLF = "hse3007.telefon"

local REGEL_21 = "hpl § 21 taushetsplikt (gjelder også at noen er pasient)"
local REGEL_23 = "hpl § 23 (unntakene gir en rett, ikke en plikt, til å gi opplysninger; "
                 .. "henvendelser fra politiet vurderes av legen)"

-- ----------------------------------------------------------- rollelisten
-- Variasjon fra frøet: navn, politistasjon, nummer og tidspunkt. Id-ene er faste.

local lege_valg = random.pick {
  { "Anne Berg", "hun", "henne" }, { "Lars Holm", "han", "ham" },
  { "Turid Sand", "hun", "henne" }, { "Erik Myhre", "han", "ham" },
}
local lege = cast.doctor { id = "lege", name = lege_valg[1], role = "fastlege" }
local lege_fornavn = lege_valg[1]:match("^(%S+)")

local betjent_fornavn = random.pick { "Lise", "Hanne", "Marit", "Karoline" }
local betjent_etternavn = random.pick { "Nilsen", "Vold", "Sørli", "Brenna" }
local stasjon = random.pick { "Tromsø", "Harstad", "Finnsnes" }
local betjent_nummer = random.pick { "917 33 482", "934 71 205", "902 58 116" }
local betjent = cast.person {
  id = "politi", name = betjent_fornavn .. " " .. betjent_etternavn, kind = "caller",
  role = "politibetjent", phone = betjent_nummer,
}

local pasient_navn = random.pick { "Stian Karlsen", "Kenneth Lyngstad", "Ronny Fagerli",
                                   "Tommy Aasheim" }
local pasient = cast.patient {
  id = "pasient", name = pasient_navn,
  fnr = fnr.synthetic { year = { 1984, 1996 }, sex = "M" },
  phone = "945 20 671", address = "Sjøgata 31, 9008 Tromsø",
  appointments = {
    { date = "i går", time = "10:20", doctor = "lege", reason = "Kutt i venstre hånd, sydd" },
  },
  notes = { "I går: kuttskade i venstre hånd, sydd med fire sting. Stingene fjernes om ti "
            .. "dager." },
}
-- Andre pasienter i timeboka i dag.
local andre = {
  cast.patient { id = "vik", name = "Mari Vik", fnr = fnr.synthetic { year = 1975, sex = "K" } },
  cast.patient { id = "lunde", name = "Arne Lunde",
                 fnr = fnr.synthetic { year = 1958, sex = "M" } },
}
timebok.slots { doctor = lege, from = "08:00", to = "12:00", minutes = 20 }
timebok.book { doctor = lege, time = "08:00", patient = andre[1], note = "Kontroll" }
timebok.book { doctor = lege, time = "08:20", patient = andre[2], note = "Samtale" }

local function bare_siffer(tekst)
  return (tekst:gsub("%D", ""))
end

-- ----------------------------------------------------------- tilstand

local bekreftet = false     -- har eleven bekreftet noe om pasienten?
local nummer_spurt = false  -- har eleven bedt om navn og nummer?
local nummer_tatt = false   -- har eleven skrevet ned navn og nummer?
local satt_over = false     -- ble samtalen satt over til legen?
local snoket = false        -- åpnet eller søkte eleven opp journalen hans?

-- Journalen hans: ingen grunn til å åpne eller søke den opp.
observe.on({ kind = "open_record", patient = "pasient" }, function()
  snoket = true
  score.deduct(J, 2, {
    rule = "hpl § 21 a (forbud mot å lese journal uten tjenstlig behov)",
    text = "Du åpnet journalen til " .. pasient.name .. " fordi politiet spurte etter ham. "
           .. "Det gir deg ikke noe tjenstlig behov – oppslaget logges.",
    better = "La journalen være. Det er legen som vurderer henvendelsen og eventuelt slår "
             .. "opp." })
end)
observe.on("search_record", function(a)
  local q = a.query:lower()
  local fornavn, etternavn = pasient.name:lower():match("^(%S+)%s+(%S+)$")
  if q:find(etternavn, 1, true) or q:find(fornavn, 1, true)
     or bare_siffer(q) == pasient.fnr then
    snoket = true
    score.deduct(J, 1, {
      rule = "hpl § 21 a (forbud mot å søke i journal uten tjenstlig behov)",
      text = "Du søkte etter " .. pasient.name .. " i journalsystemet fordi politiet spurte.",
      better = "Ikke søk opp personer du ikke har en oppgave for. Søket logges." })
  end
end)

-- ----------------------------------------------------------- samtalen

local function snakker(call)
  return call:state() == "talking"
end

local function over(call)
  if call:state() == "transferred" then satt_over = true end
  return not snakker(call)
end

local function bekreft_kritisk(hva)
  bekreftet = true
  score.critical(T, {
    rule = REGEL_21 .. "; " .. REGEL_23,
    text = hva,
    better = "Verken bekreft eller avkreft at noen er pasient. Si at legen vurderer slike "
             .. "henvendelser, og ta navn og nummer." })
end

-- Navn og nummer til beskjeden.
local function ta_nummer(call)
  nummer_spurt = true
  call:say(string.format("Greit. Jeg heter %s, og du når meg på %s.", betjent.name,
                         betjent_nummer))
  local skrevet = call:ask_text("Skriv ned navnet og telefonnummeret til beskjeden til legen.")
  if not skrevet then return end
  local har_nummer = bare_siffer(skrevet):find(bare_siffer(betjent_nummer), 1, true) ~= nil
  local har_navn = skrevet:lower():find(betjent_etternavn:lower(), 1, true) ~= nil
  if har_nummer and har_navn then
    nummer_tatt = true
    score.award(TP, 1, {
      text = "Du skrev ned navn og telefonnummer, så legen kan ta stilling til henvendelsen." })
  else
    nummer_tatt = har_nummer
    score.deduct(TP, 1, {
      text = "Beskjeden mangler " .. (har_nummer and "navnet" or "det riktige nummeret")
             .. " til betjenten.",
      better = "Skriv ned navn og nummer nøyaktig, og les nummeret tilbake til innringeren." })
  end
end

-- Hun venter mens du «sjekker». Returnerer true om samtalen kan gå videre.
local function fristelse(call)
  call:say("Takk, jeg venter.")
  local svar = call:ask("Og? Var han der?", {
    { "angre", "Beklager, jeg kan likevel ikke si noe om hvem som er pasient her. Slike "
               .. "henvendelser vurderer legen. Kan jeg få navnet ditt og et nummer legen kan "
               .. "ringe deg på?" },
    { "bekreft", "Ja, han var her i går formiddag. Han hadde et kutt i hånda som ble sydd." },
  })
  if svar == "bekreft" then
    bekreft_kritisk("Du bekreftet overfor en innringer at " .. pasient.name .. " var hos "
                    .. "legen i går, og hva han var der for.")
    call:say("Takk, det var det jeg trengte.")
    call:hang_up()
    return false
  elseif svar == "angre" then
    score.award(TP, 2, {
      text = "Du snudde i tide: du ga ingen opplysninger og viste henvendelsen videre til "
             .. "legen." })
    ta_nummer(call)
    return snakker(call)
  end
  over(call)
  return false
end

local function samtalen()
  local call = phone.call { from = betjent, ring_for = 90 }
  if not call:wait_answer() then
    score.deduct(TLF, 2, {
      text = "Telefonen ringte ut uten svar.",
      better = "Svar telefonen innen et halvt minutt." })
    return false
  end
  if call:answered_after() <= 30 then
    score.award(TLF, 2, { text = "Du svarte telefonen raskt." })
  else
    score.award(TLF, 1, { text = "Du svarte telefonen, men det tok over et halvt minutt." })
  end

  local forste = call:ask(string.format(
    "Hei, dette er politibetjent %s ved %s politistasjon. Vi etterforsker en sak, og jeg "
      .. "må vite om %s var hos dere i går formiddag, og hva han var der for.",
    betjent.name, stasjon, pasient.name),
    {
      { "sjekke", "Et øyeblikk, så skal jeg se i timeboka." },
      { "ikke_bekrefte", "Jeg kan verken bekrefte eller avkrefte om noen er pasient hos oss. "
                         .. "Slike henvendelser er det legen som vurderer. Kan jeg få navnet "
                         .. "ditt og et nummer legen kan ringe deg på?" },
      { "bekreft", "Ja, han var her klokka 10.20 i går, hos " .. lege.name .. ". Han hadde "
                   .. "et kutt i hånda." },
      { "avkreft", "Nei, han har ikke vært her." },
    })
  if not forste then
    over(call)
    return true
  end

  if forste == "bekreft" then
    bekreft_kritisk("Du bekreftet overfor en innringer at " .. pasient.name .. " var hos "
                    .. "legen i går, når, og hva han var der for.")
    call:say("Takk, det var det jeg trengte. Ha det.")
    call:hang_up()
    return true
  elseif forste == "avkreft" then
    score.deduct(T, 2, {
      rule = REGEL_21,
      text = "Du avkreftet at " .. pasient.name .. " hadde vært her. Også et nei er et svar "
             .. "om hvem som er pasient – og her var det dessuten ikke sant.",
      better = "Verken bekreft eller avkreft. Si at legen vurderer slike henvendelser, og ta "
               .. "navn og nummer." })
    call:say("Nei vel? Det var rart. Vi har opplysninger om at han var der.")
  elseif forste == "sjekke" then
    score.deduct(T, 1, {
      rule = REGEL_21,
      text = "Du sa at du skulle sjekke i timeboka for politiet. Da har du allerede "
             .. "antydet at du kan svare.",
      better = "Ikke slå opp for å svare en innringer. Si med en gang at du verken kan "
               .. "bekrefte eller avkrefte noe." })
    if not fristelse(call) then return true end
  elseif forste == "ikke_bekrefte" then
    score.award(T, 2, {
      text = "Du verken bekreftet eller avkreftet at " .. pasient.name .. " er pasient." })
    score.award(TP, 2, {
      text = "Du sa at legen vurderer henvendelser fra politiet, og ba om navn og nummer." })
    ta_nummer(call)
    if over(call) then return true end
  end

  local andre = call:ask("Jeg skjønner. Men det haster litt. Kan du ikke bare si om han i det "
                         .. "hele tatt er pasient hos dere? Det tar deg ti sekunder å sjekke.",
    {
      { "hint", "Jeg kan ikke si noe … men du har ikke ringt helt feil, for å si det sånn." },
      { "sjekke", "Greit, jeg kan se om han står i systemet, men mer enn det kan jeg ikke si." },
      { "holde_fast", "Nei, heller ikke det. Jeg kan verken bekrefte eller avkrefte om noen "
                      .. "er pasient her. Legen får beskjeden din så snart " .. lege_valg[2]
                      .. " er ledig, og det er " .. lege_valg[2] .. " som vurderer saken." },
    })
  if andre == "hint" then
    bekreft_kritisk("Du hintet om at " .. pasient.name .. " er pasient her («du har ikke "
                    .. "ringt helt feil»). Et hint er også en bekreftelse.")
    call:say("Skjønner. Takk for hjelpen!")
    call:hang_up()
    return true
  elseif andre == "sjekke" then
    score.deduct(T, 2, {
      rule = REGEL_21,
      text = "Du lovet å sjekke om han står i systemet. Både et ja og et nei forteller "
             .. "politiet om han er pasient her.",
      better = "Hold fast: du kan verken bekrefte eller avkrefte noe. Legen vurderer saken." })
    if not fristelse(call) then return true end
  elseif andre == "holde_fast" then
    score.award(T, 2, { text = "Du holdt fast også da hun presset på." })
  else
    over(call)
    return true
  end

  if not nummer_spurt and snakker(call) then
    local tilbud = call:ask("Ja ja. Hva gjør jeg da?", {
      { "skriftlig", "Send en skriftlig henvendelse til kontoret, så vurderer legen den." },
      { "nummer", "Gi meg navnet ditt og et nummer, så gir jeg beskjed til legen. Det er "
                  .. lege_valg[2] .. " som vurderer saken." },
    })
    if tilbud == "nummer" then
      score.award(TP, 1, { text = "Du sendte henvendelsen videre til legen." })
      ta_nummer(call)
    elseif tilbud == "skriftlig" then
      score.award(TP, 1, {
        text = "Du viste til en skriftlig henvendelse som legen kan vurdere, men legen fikk "
               .. "verken navn eller nummer.",
        better = "Ta også navn og nummer, så legen kan ringe tilbake – via politiets "
                 .. "sentralbord, så " .. lege_valg[2] .. " vet hvem " .. lege_valg[2]
                 .. " snakker med." })
    end
  end
  if over(call) then return true end
  call:say("Ok. Da venter jeg på at legen ringer. Ha det.")
  call:hang_up()
  return true
end

-- ----------------------------------------------------------- legen kommer

local function legen_kommer()
  local besok = desk.arrive(lege)
  if not besok:wait_served { timeout = 4 * 60 } then
    score.deduct(S, 2, {
      text = "Legen sto ved skranken uten å bli sett, og gikk inn til neste pasient uten "
             .. "beskjeden om politiet.",
      better = "Ta imot legen når " .. lege_valg[2] .. " kommer bort: beskjeden om politiet "
               .. "må fram." })
    besok:leave()
    return
  end
  local innhold = "Politiet ringte og spurte om " .. pasient.name .. " var her i går, og "
                  .. "hvorfor."
  innhold = innhold .. (bekreftet and " Jeg sa dessverre at han var her."
                        or " Jeg bekreftet ingenting.")
  innhold = innhold .. (nummer_tatt and " Her er navnet og nummeret til betjenten."
                        or " Jeg fikk ikke skrevet ned nummeret hennes.")
  innhold = innhold .. " Det er du som vurderer om vi skal svare."
  local svar = besok:ask("Hei! Jeg har et par minutter før neste pasient. Var det noe jeg "
                         .. "må vite om?", {
    { "ordnet", "Politiet ringte om " .. pasient.name .. ", men det har jeg ordnet: jeg sa at "
                .. "vi ikke gir ut noe. Du trenger ikke gjøre noe mer." },
    { "beskjed", innhold },
    { "ingenting", "Nei, det har vært rolig." },
  })
  if svar == "beskjed" then
    score.award(S, 2, {
      text = "Du ga legen beskjeden: hvem som ringte, hva det gjaldt og hva du svarte"
             .. (nummer_tatt and ", med navn og nummer." or ".") })
    besok:say(nummer_tatt
      and "Takk. Jeg ringer tilbake via sentralbordet til politiet, så jeg vet at det "
          .. "virkelig er politiet jeg snakker med."
      or "Takk. Da får jeg finne ut av det via politiets sentralbord.")
  elseif svar == "ordnet" then
    score.award(S, 1, {
      rule = REGEL_23,
      text = "Du fortalte legen om henvendelsen, men sa at saken var ordnet. Det er legen "
             .. "som vurderer om politiet skal få svar.",
      better = "Gi legen hele beskjeden med navn og nummer, og la " .. lege_valg[3]
               .. " vurdere." })
    besok:say("Hm. Neste gang vil jeg gjerne vite om sånt, så kan jeg vurdere det selv.")
  elseif svar == "ingenting" then
    score.deduct(S, 2, {
      text = "Legen fikk ikke vite at politiet hadde ringt om " .. pasient.name .. ".",
      better = "Gi legen beskjed om henvendelser fra politiet: hvem, hva det gjaldt, hva du "
               .. "svarte, og navn og nummer." })
    besok:say("Fint. Da går jeg inn igjen.")
  end
  besok:leave()
end

clock.at(string.format("08:%02d:%02d", random.int(1, 2), random.int(0, 5) * 10), function()
  local besvart = samtalen()
  if not besvart then return end       -- ringte ut: tiden får gå ut
  if not snoket and not bekreftet then
    score.award(J, 2, {
      text = "Du lot journalen til " .. pasient.name .. " være: politiets spørsmål gir deg "
             .. "ikke noe tjenstlig behov for å slå ham opp." })
  end
  if satt_over then
    score.award(S, 2, {
      text = "Du satte samtalen over til legen, som da vurderer henvendelsen selv." })
    if not bekreftet and score.total(TP) <= 0 then
      score.award(TP, 2, { text = "Legen fikk henvendelsen uten at du sa noe om pasienten." })
    end
    return finish("Legen har henvendelsen.")
  end
  clock.wait(random.int(2, 3) * 60)
  legen_kommer()
  finish("Henvendelsen fra politiet er ferdig.")
end)
