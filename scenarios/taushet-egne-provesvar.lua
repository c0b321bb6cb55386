-- Egne prøvesvar på telefon
--
-- Trener: identitetskontroll på telefon og kontorets rutine for prøvesvar. To
-- innringere vil ha «sine egne» prøvesvar. Den første er pasienten selv; noen
-- av svarene har legen merket «kan gis», ett svar vil legen ta selv. Den andre
-- sier hun er en pasient, men fødselsnummeret hun oppgir, stemmer ikke med
-- journalen.
--
-- Riktig vei:
--  * (Les gjerne kontorets rutine i innboksen først: melding «rutine».)
--  * Samtale 1 (ca. 08:02): svar raskt, be innringeren selv si hele
--    fødselsnummeret (les aldri noe opp), skriv det inn, og sjekk det mot
--    journalen (søk / åpne journalen). Gi bare svarene legen har merket «kan
--    gis»; det siste svaret tar legen selv, på nummeret i journalen. Ikke tolk.
--  * Samtale 2 (ca. 08:08): be om hele fødselsnummeret, skriv inn det hun sier,
--    og sjekk mot journalen: nummeret stemmer ikke. Gi ingen svar – heller ikke
--    «alt er fint» – og ikke les opp det riktige nummeret. Vis til Helsenorge,
--    til å ringe igjen med fødselsnummeret, eller til å komme innom med
--    legitimasjon.
--
-- Regler det scores etter:
--  * hpl § 21 / § 22 [sikker, DOMAIN.md §2]: pasienten får egne opplysninger
--    når identiteten er bekreftet; å gi prøvesvar til en innringer som ikke er
--    identifisert, er å gi helseopplysninger til en uvedkommende – kritisk feil
--    (hse3006.taushetsplikt).
--  * Identitet på telefon [praksis, DOMAIN.md §2]: innringeren sier selv hele
--    fødselsnummeret, det leses aldri opp, kontrolleres mot journalen; ring
--    tilbake til nummeret i journalen ved tvil (hse3006.identitet-telefon).
--    Ingen lovparagraf i tilbakemeldingen.
--  * Kontorets rutine for prøvesvar [praksis, DOMAIN.md §2 «per the office's
--    routine for results»]: bare svar legen har merket «kan gis», ingen
--    tolkning (hse3006.pasientmote). Ingen lovparagraf.
--  * Telefonsvar innen 30 sekunder er praksis: ingen paragraf.
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "taushet-egne-provesvar",
  title = "Egne prøvesvar på telefon",
  version = "1.0",
  language = "nb",
  summary = "To innringere vil ha sine egne prøvesvar; den ene kan ikke oppgi riktig "
            .. "fødselsnummer.",
  start = "08:00",
  duration = 15,
  difficulty = 2,
  modes = { "practice", "exam" },
  goals = {
    ["hse3006.identitet-telefon"] = 7,
    ["hse3006.taushetsplikt"] = 4,
    ["hse3006.pasientmote"] = 4,
    ["hse3007.telefon"] = 2,
  },
}

local ID = "hse3006.identitet-telefon"
local T = "hse3006.taushetsplikt"
local PM = "hse3006.pasientmote"
local TLF = "hse3007.telefon"

local REGEL_ID = "Identitetskontroll på telefon (rutine): innringeren sier selv hele "
                 .. "fødselsnummeret, og du kontrollerer det mot journalen."
local REGEL_RUTINE = "Kontorets rutine for prøvesvar: bare svar legen har merket «kan gis», "
                     .. "og ingen tolkning."
local REGEL_21 = "hpl § 21 taushetsplikt; hpl § 22 (opplysninger bare til pasienten selv "
                 .. "eller med samtykke)"

-- ----------------------------------------------------------- rollelisten

local lege_valg = random.pick {
  { "Anne Berg", "hun" }, { "Lars Holm", "han" }, { "Turid Sand", "hun" },
  { "Erik Myhre", "han" },
}
local lege = cast.doctor { id = "lege", name = lege_valg[1], role = "fastlege" }
local lege_pron = lege_valg[2]

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

-- Pasient 1 ringer selv. Ett av svarene tar legen selv (varierer med frøet).
local AVVIK = {
  { test = "Ferritin", value = "8", unit = "µg/L", reference = "15-200", kort = "ferritinen",
    tolkning = "litt lite jern" },
  { test = "TSH", value = "7.9", unit = "mIE/L", reference = "0.5-4.5", kort = "TSH-en",
    tolkning = "litt lavt stoffskifte" },
  { test = "HbA1c", value = "51", unit = "mmol/mol", reference = "< 42", kort = "HbA1c-en",
    tolkning = "litt høyt blodsukker over tid" },
}
local avvik = random.pick(AVVIK)
local en_valg = random.pick { "Hanne Lie", "Silje Aune", "Kristin Moe", "Marit Olsen" }
local en_fnr = fnr.synthetic { year = { 1975, 1990 }, sex = "K" }
local pasient1 = cast.patient {
  id = "pasient1", name = en_valg, fnr = en_fnr,
  phone = "917 45 230", address = "Havnegata 6, 9008 Tromsø",
  results = {
    { test = "Hb", value = "13.4", unit = "g/dL", date = "2026-11-16", reference = "11.7-15.3" },
    { test = "CRP", value = "2", unit = "mg/L", date = "2026-11-16", reference = "< 5" },
    { test = avvik.test, value = avvik.value, unit = avvik.unit, date = "2026-11-16",
      reference = avvik.reference },
  },
  notes = {
    "16.11.: Slapphet. Blodprøver tatt.",
    string.format("17.11.: Hb og CRP normale – kan gis på telefon. %s avviker: legen ringer "
                  .. "pasienten selv. – %s", avvik.test, lege_valg[1]),
  },
}

-- Pasient 2: den innringeren sier hun er.
local to_navn = random.pick { "Tone Bakke", "Lene Sivertsen", "Heidi Johnsen" }
local to_fnr = fnr.synthetic { year = { 1980, 1992 }, sex = "K" }
local pasient2 = cast.patient {
  id = "pasient2", name = to_navn, fnr = to_fnr,
  phone = "928 11 604", address = "Fjellveien 40, 9012 Tromsø",
  results = {
    { test = "Hb", value = "12.9", unit = "g/dL", date = "2026-11-17", reference = "11.7-15.3" },
    { test = "Glukose", value = "5.1", unit = "mmol/L", date = "2026-11-17", reference = "4.0-6.0" },
  },
  notes = { "17.11.: Blodprøver tatt. Svarene er normale – kan gis på telefon." },
}
-- Nummeret innringeren sier: samme fødselsdato, feil personnummer.
local to_info = fnr.info(to_fnr)
local feil_fnr
for _ = 1, 20 do
  feil_fnr = fnr.synthetic { year = to_info.year, month = to_info.month, day = to_info.day,
                             sex = "K" }
  if feil_fnr ~= to_fnr then break end
end
assert(feil_fnr ~= to_fnr)

-- ----------------------------------------------------------- felles

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
  if call:answered_after() <= 30 then
    score.award(TLF, 1, { text = "Du svarte raskt da " .. hvem .. " ringte." })
  end
  return true
end

-- Har eleven sjekket journalen til pasienten (søk eller åpnet) siden 'fra'?
local function sjekket_siden(pasient, fra)
  if observe.count { kind = "open_record", patient = pasient } > fra.open then return true end
  local liste = observe.list("search_record")
  for i = fra.search + 1, #liste do
    local q = liste[i].query:lower()
    local etternavn = pasient.name:lower():match("(%S+)$")
    if q:find(etternavn, 1, true) or bare_siffer(q):len() == 11 then return true end
  end
  return false
end

local function teller(pasient)
  return { open = observe.count { kind = "open_record", patient = pasient },
           search = observe.count("search_record") }
end

-- ----------------------------------------------------------- melding: rutinen

clock.at("08:00:30", function()
  inbox.message { id = "rutine", from = lege, text =
    "Rutine for prøvesvar på telefon (gjelder alle): "
    .. "1) Innringeren sier selv hele fødselsnummeret sitt. Les det aldri opp. "
    .. "2) Sjekk nummeret mot journalen. Stemmer det ikke, gis ingen svar – heller ikke "
    .. "«alt er fint». Vis til Helsenorge, eller be pasienten ringe igjen eller komme innom "
    .. "med legitimasjon. "
    .. "3) Svar som legen har merket «kan gis», kan du gi. Andre svar gir du ikke, og du "
    .. "tolker ikke: si at legen tar kontakt på nummeret i journalen. "
    .. "Hilsen " .. lege_valg[1] }
end)

-- ----------------------------------------------------------- samtale 1: pasienten selv

local function samtale_en()
  local call = phone.call { from = pasient1, ring_for = 90 }
  if not svar(call, pasient1.name) then return false end
  local fra = teller(pasient1)

  local forste = call:ask("Hei, det er " .. pasient1.name .. ". Jeg tok blodprøver hos dere "
                          .. "på mandag. Er svarene kommet?", {
    { "navn_holder", "Ja, når du sier navnet ditt, finner jeg deg. Et øyeblikk." },
    { "be_om_fnr", "Det skal jeg se på. Kan du først si hele fødselsnummeret ditt?" },
    { "svar_straks", "Ja, de er kommet. Hb og CRP er fine, men " .. avvik.kort .. " avviker "
                     .. "litt." },
    { "les_fnr", "Skal vi se … Er du født " .. fodt(pasient1.fnr) .. ", med personnummer "
                 .. pasient1.fnr:sub(7) .. "?" },
  })
  if not forste then return true end
  if forste == "svar_straks" then
    score.critical(T, {
      rule = REGEL_21 .. "; " .. REGEL_ID,
      text = "Du ga prøvesvar før du visste hvem du snakket med.",
      better = "Be innringeren si hele fødselsnummeret, sjekk det mot journalen, og gi så "
               .. "bare svarene legen har merket «kan gis»." })
    avslutt(call, "Avviker? Hva betyr det? … Jeg får ringe igjen.")
    return true
  elseif forste == "les_fnr" then
    score.deduct(ID, 2, {
      rule = REGEL_ID,
      text = "Du leste opp fødselsdatoen og personnummeret og ba om et ja. Da vet du ikke "
             .. "hvem du snakker med – og du har lest opp et fødselsnummer på telefonen.",
      better = "Be innringeren selv si hele fødselsnummeret, og sjekk det mot journalen." })
    call:say("Ja, det stemmer.")
  elseif forste == "navn_holder" then
    score.deduct(ID, 2, {
      rule = REGEL_ID,
      text = "Du godtok navnet som identitet. Hvem som helst kan si et navn.",
      better = "Be innringeren selv si hele fødselsnummeret, og sjekk det mot journalen." })
  elseif forste == "be_om_fnr" then
    score.award(ID, 1, { text = "Du ba innringeren selv si hele fødselsnummeret." })
    call:say("Ja, det er " .. med_mellomrom(pasient1.fnr) .. ".")
    local skrevet = call:ask_text("Skriv inn fødselsnummeret hun oppgir.")
    if not skrevet then return true end
    if bare_siffer(skrevet) == pasient1.fnr then
      score.award(ID, 1, { text = "Du skrev riktig inn fødselsnummeret hun oppga." })
    else
      score.deduct(ID, 1, {
        rule = REGEL_ID,
        text = "Fødselsnummeret du skrev inn, stemmer ikke med det hun sa.",
        better = "Be innringeren gjenta nummeret, og sammenlign siffer for siffer." })
    end
  end

  local andre = call:ask("Så, hva viste prøvene?", {
    { "ingen", "Jeg kan ikke gi prøvesvar på telefon. Du må bestille en time." },
    { "tolke", "Alt ser bra ut, bortsett fra at du har " .. avvik.tolkning .. ". Det er "
               .. "ikke farlig." },
    { "rutine", "Hb og CRP er normale – legen har merket at de kan gis. Det siste svaret "
                .. "vil legen snakke med deg om selv; " .. lege_pron .. " ringer deg på "
                .. "nummeret vi har registrert." },
    { "alt", string.format("Hb og CRP er normale. %s er %s %s; referanseområdet er %s.",
                           avvik.test, avvik.value, avvik.unit, avvik.reference) },
  })
  if not andre then return true end
  local sjekket = sjekket_siden(pasient1, fra)
  if sjekket then
    if forste == "be_om_fnr" then
      score.award(ID, 1, {
        text = "Du kontrollerte fødselsnummeret mot journalen før du ga svar." })
    end
  else
    score.deduct(ID, 1, {
      rule = REGEL_ID,
      text = "Du svarte uten å ha sjekket journalen: verken fødselsnummeret eller legens "
             .. "merknader om svarene.",
      better = "Søk opp nummeret eller åpne journalen før du gir noe." })
  end

  if andre == "rutine" then
    if sjekket then
      score.award(PM, 2, {
        text = "Du ga svarene legen hadde merket «kan gis», og sa at legen tar det siste "
               .. "selv." })
    else
      score.award(PM, 1, {
        text = "Du fulgte rutinen, men uten å ha sett legens merknader i journalen.",
        better = "Se i journalen hvilke svar legen har merket «kan gis» før du svarer." })
    end
  elseif andre == "alt" or andre == "tolke" then
    score.deduct(PM, 2, {
      rule = REGEL_RUTINE,
      text = andre == "alt"
        and "Du ga også svaret legen ville ta selv (" .. avvik.test .. ")."
        or "Du tolket et svar legen ville ta selv («" .. avvik.tolkning .. "»).",
      better = "Gi bare svarene som er merket «kan gis», og si at legen tar kontakt om "
               .. "resten." })
  elseif andre == "ingen" then
    score.deduct(PM, 1, {
      rule = REGEL_RUTINE,
      text = "Du holdt tilbake svar som legen hadde merket at kunne gis.",
      better = "Når identiteten er kontrollert, kan pasienten få svarene legen har merket "
               .. "«kan gis»." })
  end
  if andre ~= "rutine" then
    avslutt(call, "Ok … takk.")
    return true
  end

  local tredje = call:ask("Å … er det noe galt?", {
    { "legen_forklarer", "Det er legen som forklarer svarene sine. Jeg gir beskjed om at du "
                         .. "har ringt, så ringer " .. lege_pron .. " deg på nummeret som "
                         .. "står i journalen din – " .. pasient1.phone .. "." },
    { "berolige_tolke", "Nei da, det er sikkert bare " .. avvik.tolkning .. "." },
  })
  if tredje == "legen_forklarer" then
    score.award(PM, 1, {
      text = "Du tolket ikke, og sa hva som skjer videre: legen ringer." })
  elseif tredje == "berolige_tolke" then
    score.deduct(PM, 1, {
      rule = REGEL_RUTINE,
      text = "Du tolket svaret for å berolige henne. Det er legen som tolker og forklarer.",
      better = "Si at legen forklarer svarene og ringer henne." })
  end
  avslutt(call, tredje and "Ok. Da venter jeg på at legen ringer. Takk!" or nil)
  return true
end

-- ----------------------------------------------------------- samtale 2: feil nummer

local function samtale_to()
  local call = phone.call { from = pasient2, ring_for = 90 }
  if not svar(call, pasient2.name) then return false end
  local fra = teller(pasient2)

  local forste = call:ask("Hei, det er " .. pasient2.name .. ". Jeg vil bare høre om "
                          .. "prøvesvarene mine er kommet.", {
    { "fodselsdato", "Hva er fødselsdatoen din?" },
    { "svar_straks", "Et øyeblikk … Ja, de er kommet, og de er fine." },
    { "be_om_fnr", "Det skal jeg se på. Kan du først si hele fødselsnummeret ditt?" },
  })
  if not forste then return true end
  if forste == "svar_straks" then
    score.critical(T, {
      rule = REGEL_21 .. "; " .. REGEL_ID,
      text = "Du ga prøvesvar til en innringer uten å kontrollere hvem hun var.",
      better = "Be om hele fødselsnummeret og sjekk det mot journalen før du gir noe." })
    avslutt(call, "Så fint! Takk.")
    return true
  elseif forste == "fodselsdato" then
    score.deduct(ID, 1, {
      rule = REGEL_ID,
      text = "Du spurte bare om fødselsdatoen. Den er lett for andre å vite.",
      better = "Be om hele fødselsnummeret." })
    call:say(string.format("Den %d. %s %d.", to_info.day, ({ "januar", "februar", "mars",
      "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
      "desember" })[to_info.month], to_info.year))
    local igjen = call:ask("Holder ikke det?", {
      { "godta", "Jo, det holder. Et øyeblikk …" },
      { "be_om_fnr", "Jeg trenger hele fødselsnummeret ditt, også de fem siste sifrene." },
    })
    if igjen == "godta" then
      score.critical(T, {
        rule = REGEL_21 .. "; " .. REGEL_ID,
        text = "Du godtok fødselsdatoen som identitet og ga prøvesvar.",
        better = "Be om hele fødselsnummeret og sjekk det mot journalen." })
      call:say("Takk, så fint!")
      avslutt(call, nil)
      return true
    elseif igjen ~= "be_om_fnr" then
      return true
    end
  else
    score.award(ID, 1, { text = "Du ba innringeren selv si hele fødselsnummeret." })
  end

  call:say("Ja … det er " .. med_mellomrom(feil_fnr) .. ", tror jeg.")
  local skrevet = call:ask_text("Skriv inn fødselsnummeret hun oppgir.")
  if not skrevet then return true end
  if bare_siffer(skrevet) == feil_fnr then
    score.award(ID, 1, { text = "Du skrev nøyaktig inn nummeret hun oppga." })
  else
    score.deduct(ID, 1, {
      rule = REGEL_ID,
      text = "Nummeret du skrev inn, er ikke det hun sa.",
      better = "Skriv inn nøyaktig det innringeren sier, og sammenlign så med journalen." })
  end

  local andre = call:ask("Fant du meg?", {
    { "les_riktig", "Nesten – er det ikke " .. pasient2.fnr:sub(7) .. " på slutten?" },
    { "stemmer_ikke", "Nummeret du sa, stemmer ikke med det vi har registrert. Da kan jeg "
                      .. "dessverre ikke gi deg noen svar på telefon." },
    { "gi_svar", "Ja, her er du. Svarene dine er fine." },
  })
  if not andre then return true end
  local sjekket = sjekket_siden(pasient2, fra)
  if andre == "gi_svar" then
    score.critical(T, {
      rule = REGEL_21 .. "; " .. REGEL_ID,
      text = "Du ga prøvesvar selv om fødselsnummeret hun oppga, ikke stemte med journalen.",
      better = "Stemmer ikke nummeret, gis ingen svar. Vis til Helsenorge, til å ringe igjen "
               .. "med fødselsnummeret, eller til å komme innom med legitimasjon." })
    avslutt(call, "Så fint, takk!")
    return true
  elseif andre == "les_riktig" then
    score.deduct(ID, 2, {
      rule = REGEL_ID,
      text = "Du leste opp de fem siste sifrene i det riktige fødselsnummeret for en "
             .. "innringer som ikke var identifisert.",
      better = "Si bare at nummeret ikke stemmer, og gi ingen svar." })
    score.deduct(T, 2, {
      rule = REGEL_21,
      text = "Et fødselsnummer er en personopplysning fra journalen; du ga det til en du ikke "
             .. "visste hvem var.",
      better = "Les aldri opp opplysninger fra journalen for å hjelpe innringeren." })
    local etter = call:ask("Å ja, det er det! Så … hva viste prøvene?", {
      { "angre", "Beklager, jeg skulle ikke ha lest opp noe. Når du ikke selv kan si hele "
                 .. "fødselsnummeret, kan jeg ikke gi deg svar på telefon. Du kan se svarene "
                 .. "på Helsenorge, eller komme innom med legitimasjon." },
      { "gi_svar", "Svarene dine er fine, begge to." },
    })
    if etter == "gi_svar" then
      score.critical(T, {
        rule = REGEL_21 .. "; " .. REGEL_ID,
        text = "Du ga prøvesvar til en innringer som bare bekreftet et nummer du selv leste "
               .. "opp.",
        better = "Stemmer ikke nummeret innringeren sier, gis ingen svar. Vis til "
                 .. "Helsenorge, til å ringe igjen med fødselsnummeret, eller til å komme "
                 .. "innom med legitimasjon." })
    elseif etter == "angre" then
      score.award(T, 2, { text = "Du ga likevel ingen prøvesvar." })
    end
    avslutt(call, etter and (etter == "gi_svar" and "Så fint, takk!"
                             or "Ja ja. Da gjør jeg det. Ha det.") or nil)
    return true
  elseif andre == "stemmer_ikke" then
    if sjekket then
      score.award(ID, 2, {
        text = "Du sjekket nummeret mot journalen og så at det ikke stemte." })
    else
      score.award(ID, 1, {
        text = "Du sa at nummeret ikke stemte, men uten å ha sjekket journalen.",
        better = "Søk opp nummeret eller åpne journalen, så du vet og ikke gjetter." })
    end
    score.award(T, 2, { text = "Du ga ingen svar da nummeret ikke stemte." })
  end

  local tredje = call:ask("Å, jeg har sikkert bare husket feil. Kan du ikke bare si om alt er "
                          .. "fint? Jeg er så nervøs.", {
    { "kort", "Nei. Ha det." },
    { "alt_fint", "Ok, bare så du slipper å bekymre deg: alt ser fint ut." },
    { "vei_videre", "Jeg forstår at du venter spent. Men når nummeret ikke stemmer, kan jeg "
                    .. "ikke si noe – heller ikke om alt er fint. Du kan se svarene på "
                    .. "Helsenorge, ringe igjen når du har fødselsnummeret for hånden, eller "
                    .. "komme innom med legitimasjon." },
  })
  if tredje == "alt_fint" then
    score.critical(T, {
      rule = REGEL_21 .. "; " .. REGEL_ID,
      text = "Du sa at «alt ser fint ut» til en innringer som ikke var identifisert. Også "
             .. "det er et prøvesvar.",
      better = "Hold vennlig fast, og gi en vei videre: Helsenorge, ringe igjen med "
               .. "fødselsnummeret, eller komme innom med legitimasjon." })
    avslutt(call, "Puh, så godt. Takk!")
    return true
  elseif tredje == "vei_videre" then
    score.award(T, 2, { text = "Du holdt fast på rutinen også da hun ba om «bare» å få vite "
                               .. "om alt var fint." })
    score.award(PM, 1, { text = "Du var vennlig og ga henne tre veier videre." })
  elseif tredje == "kort" then
    score.award(T, 2, { text = "Du ga ingen svar." })
    score.deduct(PM, 1, {
      text = "Du avsluttet brått uten å si hva hun kan gjøre.",
      better = "Si hvordan hun kan få svarene: Helsenorge, ringe igjen med "
               .. "fødselsnummeret, eller komme innom med legitimasjon." })
  end
  avslutt(call, tredje and "Ja ja. Da gjør jeg det. Ha det." or nil)
  return true
end

-- ----------------------------------------------------------- tidsplanen

local igjen, besvart = 2, false
local function ferdig(svarte)
  besvart = besvart or svarte
  igjen = igjen - 1
  if igjen == 0 and besvart then finish("Begge samtalene er ferdige.") end
end

clock.at(string.format("08:02:%02d", random.int(0, 3) * 10), function()
  ferdig(samtale_en())
end)
clock.at(string.format("08:%02d:%02d", random.int(7, 8), random.int(0, 5) * 10), function()
  ferdig(samtale_to())
end)
