-- Legen ber deg om noe du ikke har lært
--
-- Du er helsesekretærelev i praksis. Veilederen din har skrevet hva du har hatt
-- opplæring i, og hva du ikke har lært ennå. Legen ligger etter og kommer bort
-- til skranken: kan du ta en oppgave for ham/henne – nettopp en av dem du ikke
-- har opplæring i (trekkes fra frøet: sette en B12-sprøyte eller fjerne sting).
--
-- Scenarioet trener: å si nei til en oppgave man ikke er opplært i, også når
-- legen ber om det og presser litt; å si nei på en vennlig og tydelig måte, med
-- forklaring; å tilby det man faktisk kan (gjøre klar skiftestua, hente og
-- identifisere pasienten) – og så gjøre det ordentlig.
--
-- Riktig vei:
--  * Les meldingen fra veilederen (08:00:20).
--  * Ta imot legen i skranken (08:03). Si vennlig nei, forklar at du ikke har
--    opplæring, og tilby å gjøre klar og ta pasienten inn («nei_forklar»).
--  * Når legen sier «jeg kan vise deg fort»: hold fast, du vil lære det
--    ordentlig, ikke i en fart («hold»).
--  * På skiftestua (oppgaven «klar»): håndhygiene → hent pasienten → be hen si
--    fullt navn og fødselsnummer → legg fram utstyret → gi legen beskjed. Ikke
--    gjør selve oppgaven (trinnet «perform»).
--
-- Regler det scores etter:
--  * hpl § 5 [sikker, DOMAIN.md §2]: oppgaver kan bare delegeres når det er
--    forsvarlig; elever får oppgaver bare for opplæring; si nei til en oppgave
--    du ikke er opplært i, også når legen ber om det. Å utføre oppgaven likevel
--    er kritisk feil. Seed 004 (stillingsbeskrivelsen fra Helsesekretær-
--    forbundet): «avstå fra å gi helsehjelp på områder som en ikke behersker».
--  * Å si nei vennlig, forklare og tilby hjelp, og å gi legen beskjed når alt
--    er klart: samhandling [praksis], ingen paragraf.
--  * Klargjøring på skiftestua: håndhygiene før pasientkontakt (WHOs fem
--    situasjoner, DOMAIN.md §5) og identitet med åpent spørsmål (DOMAIN.md §2,
--    rutine) [praksis i tilbakemeldingen, ingen paragraf].
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "delegering-oppgave",
  title = "Legen ber deg om noe du ikke har lært",
  version = "1.0",
  language = "nb",
  summary = "Legen ligger etter og ber eleven ta en oppgave hun ikke har opplæring i.",
  start = "08:00",
  duration = 15,
  difficulty = 2,
  modes = { "practice", "exam" },
  goals = {
    ["hse3007.delegering"] = 4,
    ["hse3006.samhandling-lege"] = 2,
    ["hse3005.skiftestue"] = 3,
  },
}

local D = "hse3007.delegering"
local S = "hse3006.samhandling-lege"
local K = "hse3005.skiftestue"
local TASK = "klar"

local REGEL_5 = "hpl § 5: en oppgave kan bare delegeres når det er forsvarlig, og elever får "
                .. "oppgaver bare for opplæring. Si nei til oppgaver du ikke har opplæring i, "
                .. "også når legen ber om det."

-- Variasjon: hvilken oppgave, navn og kjønn. Id-ene er faste.
local OPPGAVE = random.pick {
  {
    navn = "injeksjonen", ikke_opplart = "å sette sprøyter (injeksjoner)",
    be_om = "sette B12-sprøyta på", note = "B12-injeksjon",
    utstyr = "Sprøyta og ampullen ligger klare på skiftestua. Det er bare å sette den i "
             .. "overarmen.",
    bagatell = "Det er jo bare en sprøyte", utfor = "Sett B12-injeksjonen i overarmen",
    gjort = "satte B12-sprøyta", ikke_gjort = "satt sprøyta",
  },
  {
    navn = "stingene", ikke_opplart = "å fjerne sting",
    be_om = "fjerne stingene på", note = "Fjerning av sting, sår på leggen",
    utstyr = "Pinsett og suturkniv ligger klare på skiftestua. Såret er fint, jeg så på det "
             .. "sist.",
    bagatell = "Det er jo bare noen sting", utfor = "Fjern stingene",
    gjort = "fjernet stingene", ikke_gjort = "fjernet stingene",
  },
}

local lege_valg = random.pick {
  { "Jon Eriksen", "han", "ham" }, { "Ingrid Hovland", "hun", "henne" },
  { "Erik Myhre", "han", "ham" }, { "Liv Brekke", "hun", "henne" },
}
local lege = cast.doctor { id = "lege1", name = lege_valg[1] }
local lege_fornavn = lege_valg[1]:match("^(%S+)")
local veileder = cast.person { id = "veileder",
  name = random.pick { "Kristin Aune", "Hege Moen", "Tone Berg" }, kind = "colleague",
  role = "helsesekretær, praksisveileder" }
local veileder_fornavn = veileder.name:match("^(%S+)")

local pas_valg = random.pick {
  { "Odd Hansen", "M", "han", "ham" }, { "Reidun Lie", "K", "hun", "henne" },
  { "Bjørn Aas", "M", "han", "ham" }, { "Gunnhild Sæther", "K", "hun", "henne" },
}
local pasient = cast.patient {
  id = "pasient", name = pas_valg[1],
  fnr = fnr.synthetic { year = { 1950, 1975 }, sex = pas_valg[2] },
  phone = "917 40 233", address = "Nordre gate 5, 9008 Tromsø",
  notes = { OPPGAVE.note .. " i dag." },
}
local pp, po = pas_valg[3], pas_valg[4]

timebok.slots { doctor = lege, from = "08:00", to = "11:00", minutes = 20 }
timebok.book { doctor = lege, time = "08:00", patient = pasient, note = OPPGAVE.note }

-------------------------------------------------------------- veilederen

clock.at("08:00:20", function()
  inbox.message {
    id = "veileder", from = veileder,
    text = string.format("God morgen, og velkommen til praksis! I dag er du i skranken. På "
                         .. "skolen har du hatt opplæring i venøs blodprøve, EKG og sårskift, "
                         .. "og det kan du gjøre her når en av oss er i nærheten. Du har ikke "
                         .. "hatt opplæring i %s ennå – det tar vi neste uke. Jeg er i møte "
                         .. "til kl. 09. Hilsen %s", OPPGAVE.ikke_opplart, veileder_fornavn),
  }
end)

-------------------------------------------------------------- skiftestua

local kritisk = false
local ferdig = false
local sa_ja = false        -- eleven har sagt ja til oppgaven

local function avslutt(tekst)
  if ferdig then return end
  ferdig = true
  clock.wait(60)
  finish(tekst)
end

-- Trinn på benken som gjør selve oppgaven: kritisk feil.
local function utforte()
  if kritisk then return end
  kritisk = true
  score.critical(D, {
    rule = REGEL_5,
    text = string.format("Du %s på %s selv om du ikke har opplæring i det. Veilederen din "
                         .. "hadde skrevet det i morges.", OPPGAVE.gjort, pasient.name),
    better = "Si vennlig nei, forklar at du ikke har opplæring, og tilby det du kan: gjøre "
             .. "klar, hente og identifisere pasienten, og gi legen beskjed." })
end

-- Vurderer klargjøringen når legen får beskjed.
local function vurder_klargjoring(oppgave)
  local rekkefolge = {}
  for i, a in ipairs(oppgave:actions()) do
    if a.kind == "lab_step" and not rekkefolge[a.step] then rekkefolge[a.step] = i end
  end
  local hh = rekkefolge.hand_hygiene
  local forste_kontakt = math.min(rekkefolge.fetch_patient or 999, rekkefolge.identify or 999)
  if hh and hh < forste_kontakt then
    score.award(K, 1, { text = "Du tok håndhygiene før du hentet pasienten." })
  elseif hh then
    score.deduct(K, 1, {
      text = "Du tok håndhygiene først etter at du hadde hentet pasienten.",
      better = "Håndhygiene før pasientkontakt (WHOs fem situasjoner)." })
  else
    score.deduct(K, 1, {
      text = "Du tok ikke håndhygiene.",
      better = "Håndhygiene før pasientkontakt (WHOs fem situasjoner)." })
  end
  if rekkefolge.identify then
    score.award(K, 1, { text = string.format("Du ba %s si fullt navn og fødselsnummer.",
                                             pasient.name) })
  else
    score.deduct(K, 1, {
      text = "Du kontrollerte ikke identiteten til pasienten.",
      better = "Be pasienten si fullt navn og fødselsnummer selv, før noe gjøres." })
  end
  if rekkefolge.prepare then
    score.award(K, 1, { text = "Du la fram utstyret, så legen kunne begynne med en gang." })
  else
    score.deduct(K, 1, {
      text = "Utstyret var ikke lagt fram da legen kom.",
      better = "Legg fram utstyret før du gir legen beskjed." })
  end
end

local function skiftestua()
  local oppgave = lab.task {
    id = TASK, patient = pasient, kind = "skiftestue",
    title = string.format("Skiftestua: %s – %s", pasient.name, OPPGAVE.note),
    steps = {
      { "hand_hygiene", "Håndhygiene" },
      { "fetch_patient", "Hent pasienten fra venterommet" },
      { "identify", "Be pasienten si fullt navn og fødselsnummer" },
      { "prepare", "Legg fram utstyret" },
      { "perform", OPPGAVE.utfor },
      { "plaster", "Sett på plaster" },
      { "tell_doctor", "Gi legen beskjed om at pasienten er klar" },
      { "decline", "Si fra til legen at du ikke har opplæring i dette" },
    },
  }
  while not ferdig do
    local a = observe.wait { kind = "lab_step", task = TASK, timeout = 8 * 60 }
    if not a then
      if sa_ja and not kritisk then
        score.deduct(D, 1, {
          text = string.format("Du sa ja, men %s ble aldri gjort, og legen fikk ikke beskjed.",
                               OPPGAVE.navn),
          better = "Har du sagt ja til noe du ikke kan, si fra til legen med en gang." })
      elseif not kritisk then
        score.deduct(S, 1, {
          text = "Legen fikk aldri beskjed om at pasienten var klar.",
          better = "Gjør klar det du lovet, og gi legen beskjed når pasienten og utstyret er klart." })
      end
      oppgave:close()
      return avslutt("Tiden på skiftestua er ute.")
    end
    if a.step == "perform" then
      vurder_klargjoring(oppgave)
      utforte()
      oppgave:close()
      return avslutt(string.format("%s er ferdig på skiftestua.", pasient.name))
    elseif a.step == "decline" then
      if sa_ja and not kritisk then
        score.award(D, 1, {
          text = "Du sa fra til legen før du gjorde det. Det var riktig – men si nei med en "
                 .. "gang neste gang." })
      end
      oppgave:close()
      return avslutt(string.format("%s: «Ja vel, da tar jeg det selv. Bra at du sa fra.»",
                                   lege_fornavn))
    elseif a.step == "tell_doctor" then
      vurder_klargjoring(oppgave)
      if sa_ja then
        score.award(D, 1, {
          text = string.format("Du lot være å gjøre det likevel og ga legen beskjed. Si tydelig "
                               .. "fra med en gang neste gang: «Det har jeg ikke opplæring i.»") })
      else
        score.award(S, 1, { text = "Du ga legen beskjed da pasienten og utstyret var klart." })
      end
      oppgave:close()
      return avslutt(string.format("%s kommer inn på skiftestua: «Takk, da tar jeg det "
                                   .. "herfra.»", lege_fornavn))
    end
  end
end

-------------------------------------------------------------- legen i skranken

clock.at("08:03", function()
  local v = desk.arrive(lege)
  if not v:wait_served { timeout = 4 * 60 } then
    score.deduct(S, 1, {
      text = "Legen sto i skranken i fire minutter uten at du tok imot.",
      better = "Ta imot legen like raskt som en pasient; hen venter også på deg." })
    v:leave()
    return finish("Legen gikk tilbake til kontoret.")
  end

  local forste = v:ask(string.format(
    "Hei! Jeg ligger etter i dag. Kan du %s %s, som sitter på venterommet? %s Det tar fem "
      .. "minutter.", OPPGAVE.be_om, pasient.name, OPPGAVE.utstyr), {
      { "prove", "Jeg har sett det gjort mange ganger, så jeg kan prøve." },
      { "nei_kort", "Nei, det gjør jeg ikke." },
      { "nei_forklar", "Det har jeg dessverre ikke fått opplæring i ennå, så det kan jeg ikke "
                       .. "gjøre forsvarlig. Men jeg kan gjøre klar på skiftestua og ta "
                       .. pasient.name .. " inn, så du kan begynne med en gang du er ledig." },
      { "ja", "Ja, det kan jeg gjøre." },
    }, { timeout = 3 * 60 })

  if forste == "ja" or forste == "prove" then
    sa_ja = true
    score.deduct(D, 2, {
      rule = REGEL_5,
      text = string.format("Du sa ja til %s, som du ikke har opplæring i.", OPPGAVE.ikke_opplart),
      better = "Si vennlig nei, forklar hvorfor, og tilby det du kan gjøre." })
    v:say(string.format("Flott, takk! Si fra hvis det er noe. %s er din.", pasient.name))
    v:leave()
    return skiftestua()
  elseif forste == "nei_forklar" then
    score.award(D, 2, { text = "Du sa nei og forklarte at du ikke har opplæring i oppgaven." })
    score.award(S, 1, { text = "Du tilbød det du kan: gjøre klar og ta pasienten inn." })
  elseif forste == "nei_kort" then
    score.award(D, 2, { text = "Du sa nei til en oppgave du ikke har opplæring i." })
    score.deduct(S, 1, {
      text = "Du sa bare nei, uten å forklare eller tilby hjelp.",
      better = "Forklar at du ikke har opplæring, og tilby det du kan: gjøre klar og hente "
               .. "pasienten." })
  else
    v:say("Nei vel. Da tar jeg det selv.")
    v:leave()
    return finish("Legen gikk.")
  end

  local andre = v:ask(string.format("%s. Jeg kan vise deg fort nå, så går det fint.",
                                    OPPGAVE.bagatell), {
    { "hold", "Jeg vil gjerne lære det, men da må jeg få ordentlig opplæring først, ikke i en "
              .. "fart. Nå gjør jeg klar og tar " .. pasient.name .. " inn, så kan du gjøre "
              .. "det." },
    { "veileder", "Jeg må spørre veilederen min først." },
    { "gi_etter", "Ja vel, hvis du viser meg fort, så gjør jeg det." },
  }, { timeout = 3 * 60 })

  if andre == "hold" then
    score.award(D, 2, { text = "Du holdt fast på nei da legen presset på." })
    v:say(string.format("Ok, du har rett. Gjør klar og ta %s inn, så kommer jeg om fem "
                        .. "minutter.", po))
  elseif andre == "veileder" then
    score.award(D, 1, { text = "Du sa ikke ja til oppgaven." })
    score.deduct(D, 1, {
      rule = REGEL_5,
      text = string.format("Veilederen din hadde allerede skrevet at du ikke har opplæring i "
                           .. "%s, og hun er i møte.", OPPGAVE.ikke_opplart),
      better = "Du kjenner dine egne grenser: si selv at du ikke har opplæring i det." })
    v:say(string.format("Hun er jo i møte. Nei, glem det. Gjør klar og ta %s inn, så tar jeg "
                        .. "det selv om fem minutter.", po))
  elseif andre == "gi_etter" then
    sa_ja = true
    score.deduct(D, 2, {
      rule = REGEL_5,
      text = "Du ga etter for press og sa ja til en oppgave du ikke har opplæring i.",
      better = "Hold fast vennlig: en rask demonstrasjon er ikke opplæring." })
    v:say(string.format("Flott! Du gjør sånn ... og sånn. Ja, det klarer du. %s er din.",
                        pasient.name))
  else
    v:say("Jeg må videre. Gjør klar, så kommer jeg.")
  end
  v:leave()
  skiftestua()
end)
