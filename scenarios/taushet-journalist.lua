-- Journalisten som ringer
--
-- Trener: taushetsplikt overfor pressen, også når samtalen er hyggelig. En
-- journalist i lokalavisa har fått tips om at en kjent person i byen ble hentet
-- av ambulanse utenfor legekontoret i går. Hun spør rett ut, prøver seg med
-- småprat, og foreslår til slutt en «kode»: si «ingen kommentar» hvis det
-- stemmer. Like etter kommer en pasient til skranken og spør om det samme.
--
-- Riktig vei: svar telefonen raskt. Verken bekreft eller avkreft; vi uttaler
-- oss ikke om hvem som er pasienter – til noen. Hold deg vennlig og nøytral i
-- småpraten, og gå ikke med på koden (også «ingen kommentar» og «nei» er svar
-- når de er avtalt som svar). Ikke søk opp eller åpne journalen til den kjente
-- personen. Ta imot pasienten i skranken uten lang ventetid, si ingenting om
-- andre pasienter, og registrer oppmøtet.
--
-- Regler det scores etter (kilde: DOMAIN.md §2):
--  * hpl § 21 [sikker]: taushetsplikten gjelder også at noen er pasient, og er
--    en plikt til å hindre at andre får vite noe. Å bekrefte – direkte, med et
--    hint i småprat eller med et avtalt «ingen kommentar» – er kritisk feil
--    (hse3006.taushetsplikt). Også et nei er et svar (trekk).
--  * hpl § 23 [DOMAIN.md §2]: det er ikke sekretærens jobb å bekrefte det andre
--    tror de vet.
--  * hpl § 21 a [sikker]: å åpne journalen til en kjent person uten tjenstlig
--    behov er snoking – kritisk feil (hse3007.journaltilgang); et søk gir trekk.
--  * Vennlig og nøytral tone, telefonsvar innen 30 sekunder og at pasienten i
--    skranken blir tatt imot og registrert, er praksis: ingen paragraf.
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "taushet-journalist",
  title = "Journalisten som ringer",
  version = "1.0",
  language = "nb",
  summary = "En journalist vil ha bekreftet at en kjent person i byen var hos legen, og "
            .. "prøver seg med småprat; så spør en pasient i skranken om det samme.",
  start = "08:00",
  duration = 12,
  difficulty = 3,
  modes = { "practice", "exam" },
  goals = {
    ["hse3006.taushetsplikt"] = 7,
    ["hse3006.pasientmote"] = 2,
    ["hse3007.journaltilgang"] = 2,
    ["hse3007.telefon"] = 1,
    ["hse3007.prioritering"] = 2,
  },
}

local T = "hse3006.taushetsplikt"
local PM = "hse3006.pasientmote"
local J = "hse3007.journaltilgang"
local TLF = "hse3007.telefon"
local P = "hse3007.prioritering"

local REGEL_21 = "hpl § 21 taushetsplikt (gjelder også at noen er pasient)"
local BEDRE = "Verken bekreft eller avkreft. Si vennlig at kontoret aldri uttaler seg om hvem "
              .. "som er pasienter – uansett hvem det gjelder."

-- ----------------------------------------------------------- rollelisten
-- Variasjon fra frøet: hvem den kjente personen er, journalist, avis, lege.

local lege_navn = random.pick { "Anne Berg", "Turid Sand", "Kari Nygaard" }
local lege = cast.doctor { id = "lege", name = lege_navn, role = "fastlege" }

local kjent_valg = random.pick {
  { "Odd Arne Solheim", "M", "ordføreren", "han", "ham" },
  { "Kristian Bakke", "M", "treneren for byens fotballag", "han", "ham" },
  { "Lene Moan", "K", "artisten og programlederen i lokal-TV", "hun", "henne" },
  { "Hege Rasmussen", "K", "varaordføreren", "hun", "henne" },
}
local kjent = cast.patient {
  id = "kjent", name = kjent_valg[1],
  fnr = fnr.synthetic { year = { 1962, 1975 }, sex = kjent_valg[2] },
  phone = "907 44 120", address = "Bjerkakerveien 2, 9010 Tromsø",
  notes = { "I går kl. 15.10: akutt dårlig under konsultasjon. Sendt med ambulanse til UNN." },
}
local pron, obj = kjent_valg[4], kjent_valg[5]

local avis = random.pick { "Ishavsposten", "Byavisa", "Nordkalotten Dagblad" }
local journalist = cast.person {
  id = "journalist", name = random.pick { "Mia Strand", "Jonas Vik", "Ida Kolstad" },
  kind = "caller", role = "journalist",
}

local pasient_valg = random.pick { { "Randi Eliassen", "K" }, { "Bodil Hauge", "K" },
                                   { "Svein Larsen", "M" }, { "Arvid Pedersen", "M" } }
local pasient = cast.patient {
  id = "pasient", name = pasient_valg[1],
  fnr = fnr.synthetic { year = { 1950, 1960 }, sex = pasient_valg[2] },
  phone = "916 30 227", address = "Kirkegata 5, 9008 Tromsø",
}
timebok.slots { doctor = lege, from = "08:00", to = "12:00", minutes = 20 }
timebok.book { doctor = lege, time = "08:40", patient = pasient, note = "Kontroll" }

local function bare_siffer(tekst)
  return (tekst:gsub("%D", ""))
end

-- ----------------------------------------------------------- journalen hans/hennes

local snoket = false
observe.on({ kind = "open_record", patient = "kjent" }, function()
  snoket = true
  score.critical(J, {
    rule = "hpl § 21 a (forbud mot å lese journal uten tjenstlig behov)",
    text = "Du åpnet journalen til " .. kjent.name .. " uten at du hadde en oppgave i den. "
           .. "Det er snoking, og oppslaget logges.",
    better = "Åpne bare journaler du trenger i arbeidet. Nysgjerrighet – eller en "
             .. "journalist som spør – er ikke tjenstlig behov." })
end)
observe.on("search_record", function(a)
  local q = a.query:lower()
  local etternavn = kjent.name:lower():match("(%S+)$")
  if q:find(etternavn, 1, true) or bare_siffer(q) == kjent.fnr then
    snoket = true
    score.deduct(J, 2, {
      rule = "hpl § 21 a (forbud mot å søke i journal uten tjenstlig behov)",
      text = "Du søkte etter " .. kjent.name .. " i journalsystemet fordi journalisten "
             .. "spurte. Søket logges.",
      better = "Ikke søk opp personer du ikke har en oppgave for." })
  end
end)

-- ----------------------------------------------------------- samtalen

local function snakker(call)
  return call:state() == "talking"
end

local function avslutt(call, replikk)
  if replikk and snakker(call) then call:say(replikk) end
  call:hang_up()
end

local function samtalen()
  local call = phone.call { from = journalist, ring_for = 90 }
  if not call:wait_answer() then
    score.deduct(TLF, 1, {
      text = "Telefonen ringte ut uten svar.",
      better = "Svar telefonen innen et halvt minutt." })
    return false
  end
  if call:answered_after() <= 30 then
    score.award(TLF, 1, { text = "Du svarte telefonen raskt." })
  end

  local forste = call:ask(string.format(
    "Hei! %s her, fra %s. Vi har fått tips om at %s, %s, ble hentet av ambulanse utenfor "
      .. "kontoret deres i går ettermiddag. Kan du bekrefte at %s var hos dere?",
    journalist.name, avis, kjent.name, kjent_valg[3], pron),
    {
      { "sjekke", "Et øyeblikk, så skal jeg se hva jeg kan si." },
      { "avkreft", "Nei, det stemmer ikke. " .. pron:gsub("^%l", string.upper)
                   .. " har ikke vært her." },
      { "bekreft", "Ja, " .. pron .. " var her, men mer kan jeg ikke si." },
      { "ingen_uttalelse", "Vi uttaler oss aldri om hvem som er eller ikke er pasienter hos "
                           .. "oss. Det gjelder alle, uansett hvem det er." },
    })
  if not forste then return true end
  if forste == "bekreft" then
    score.critical(T, {
      rule = REGEL_21,
      text = "Du bekreftet overfor en journalist at " .. kjent.name .. " var hos legen.",
      better = BEDRE })
    avslutt(call, "Tusen takk, det var det jeg trengte!")
    return true
  elseif forste == "avkreft" then
    score.deduct(T, 2, {
      rule = REGEL_21,
      text = "Du avkreftet at " .. kjent.name .. " hadde vært her. Også et nei er et svar "
             .. "om hvem som er pasient – og her var det ikke sant.",
      better = BEDRE })
    call:say("Nei vel? Rart, for tipset var ganske sikkert.")
  elseif forste == "sjekke" then
    score.deduct(T, 1, {
      rule = REGEL_21,
      text = "Du sa at du skulle se hva du kunne si. Da antyder du at det finnes noe å si.",
      better = BEDRE })
    call:say("Jeg venter gjerne.")
  elseif forste == "ingen_uttalelse" then
    score.award(T, 2, {
      text = "Du verken bekreftet eller avkreftet, og sa at dette gjelder alle." })
  end

  local andre = call:ask("Haha, dere er godt drillet, dere! Det må være litt av en jobb. "
                         .. "Mye å gjøre i dag? Jeg hørte det var litt av et oppstyr hos "
                         .. "dere i går.", {
    { "avvisende", "Det har du ikke noe med. Ha det." },
    { "vennlig_noytral", "Det er travelt, som alltid. Men jeg kan ikke si noe om hva som "
                         .. "skjer med pasientene våre – heller ikke sånn i en bisetning." },
    { "oppstyr", "Ja, i går var det litt av en ettermiddag, for å si det sånn. I dag er det "
                 .. "heldigvis roligere." },
  })
  if andre == "oppstyr" then
    score.critical(T, {
      rule = REGEL_21,
      text = "I småpraten bekreftet du at det var «litt av en ettermiddag» i går. Det er nok "
             .. "til at journalisten kan skrive at tipset stemmer.",
      better = "Småprat er også en samtale med pressen: hold deg vennlig, men si ingenting "
               .. "om hva som har skjedd på kontoret." })
    avslutt(call, "Skjønner! Takk for praten.")
    return true
  elseif andre == "avvisende" then
    score.award(T, 1, { text = "Du ga ingen opplysninger." })
    score.deduct(PM, 1, {
      text = "Du var avvisende og la på.",
      better = "Du kan være vennlig og fortsatt ikke si noe: «Vi uttaler oss ikke om "
               .. "pasienter.»" })
    call:hang_up()
    return true
  elseif andre == "vennlig_noytral" then
    score.award(T, 1, { text = "Du holdt deg nøytral også i småpraten." })
    score.award(PM, 1, { text = "Du var vennlig, men tydelig." })
  else
    return true
  end

  local tredje = call:ask("Helt greit. Du, bare mellom oss – jeg skal ikke sitere deg. Hvis "
                          .. "det ikke stemmer, sier du bare nei. Sier du «ingen kommentar», "
                          .. "skjønner jeg resten. Ok?", {
    { "nei", "Nei." },
    { "ingen_kommentar", "Ingen kommentar." },
    { "legen", "Du får heller ringe legen og spørre " .. (lege_navn:match("^(%S+)")) .. "." },
    { "ikke_spill", "Jeg svarer ikke på det, verken med ja, nei eller «ingen kommentar». Vi "
                    .. "sier ingenting om hvem som er pasienter her – til noen." },
  })
  if tredje == "ingen_kommentar" then
    score.critical(T, {
      rule = REGEL_21,
      text = "Du sa «ingen kommentar» etter at journalisten hadde sagt at det betyr ja. Det "
             .. "var en bekreftelse.",
      better = "Gå ikke med på en «kode». Si at du ikke svarer på det, verken med ja, nei "
               .. "eller «ingen kommentar»." })
    avslutt(call, "Takk. Da skjønner jeg. Ha en fin dag!")
    return true
  elseif tredje == "nei" then
    score.deduct(T, 2, {
      rule = REGEL_21,
      text = "Du sa «nei» etter at journalisten hadde sagt at nei betyr at tipset ikke "
             .. "stemmer. Da svarte du på spørsmålet – og ikke sant.",
      better = "Gå ikke med på en «kode». Si at du ikke svarer, verken med ja, nei eller "
               .. "«ingen kommentar»." })
  elseif tredje == "legen" then
    score.deduct(T, 1, {
      rule = "hpl § 21; hpl § 23 (unntakene gir en rett, ikke en plikt, til å snakke)",
      text = "Å vise journalisten til legen antyder at det er noe å fortelle. Legen har "
             .. "samme taushetsplikt.",
      better = "Si at kontoret ikke uttaler seg om pasienter, og avslutt vennlig." })
  elseif tredje == "ikke_spill" then
    score.award(T, 2, { text = "Du gikk ikke med på koden journalisten foreslo." })
  end
  avslutt(call, tredje and "Ok, ok. Jeg skjønner. Takk likevel, ha en fin dag." or nil)
  return true
end

-- ----------------------------------------------------------- pasienten i skranken

local function skranken()
  local besok = desk.arrive(pasient)
  if not besok:wait_served { timeout = 6 * 60 } then
    score.deduct(P, 2, {
      text = pasient.name .. " sto i skranken i seks minutter uten å bli tatt imot.",
      better = "Når telefonen er ferdig, ta imot den som venter – eller hils og si at du "
               .. "kommer straks." })
    besok:say("Jeg setter meg bare, jeg.")
    besok:leave()
    return false
  end
  if besok:waited() <= 4 * 60 then
    score.award(P, 1, { text = pasient.name .. " ble tatt imot uten lang ventetid." })
  end
  local svar = besok:ask(string.format(
    "Hei, jeg har time hos %s klokka 08.40. Du, var det ikke %s som ble hentet av "
      .. "ambulansen her i går? Hele byen snakker om det.", lege_navn, kjent.name),
    {
      { "noytral", "Jeg kan ikke si noe om andre pasienter. Men deg skal jeg registrere – "
                   .. "velkommen!" },
      { "vet_ikke", "Aner ikke, jeg var ikke på jobb i går." },
      { "sladder", "Jo, det var " .. obj .. ". Men du har ikke hørt det fra meg." },
    })
  if svar == "sladder" then
    score.critical(T, {
      rule = REGEL_21,
      text = "Du bekreftet overfor en pasient i skranken at " .. kjent.name .. " ble hentet "
             .. "av ambulanse.",
      better = "Si vennlig at du ikke kan si noe om andre pasienter, og gå videre til det "
               .. "pasienten selv skal." })
    besok:say("Jeg visste det! Stakkars.")
  elseif svar == "vet_ikke" then
    score.award(T, 1, {
      text = "Du ga ingen opplysninger.",
      better = "Ikke forklar hvorfor du ikke vet – da høres det ut som om du ville sagt det "
               .. "hvis du visste. Si at du ikke kan si noe om andre pasienter." })
  elseif svar == "noytral" then
    score.award(T, 2, { text = "Du sa ingenting om andre pasienter i skranken." })
    score.award(PM, 1, { text = "Du svarte vennlig og gikk videre til pasientens eget ærend." })
  end
  local inn = observe.wait { kind = "check_in", patient = pasient, timeout = 3 * 60 }
  if inn then
    score.award(P, 1, { text = "Du registrerte oppmøtet til " .. pasient.name .. "." })
    besok:say("Takk, da setter jeg meg.")
  else
    score.deduct(P, 1, {
      text = "Oppmøtet til " .. pasient.name .. " ble ikke registrert.",
      better = "Registrer oppmøtet mens pasienten står i skranken." })
  end
  besok:leave()
  return true
end

-- ----------------------------------------------------------- tidsplanen

local deler, noe_gjort = 2, false
local function del_ferdig(gjort)
  noe_gjort = noe_gjort or gjort
  deler = deler - 1
  if deler == 0 and noe_gjort then finish("Samtalen og skranken er ferdige.") end
end

clock.at(string.format("08:01:%02d", random.int(0, 4) * 10), function()
  local besvart = samtalen()
  if besvart and not snoket then
    score.award(J, 2, {
      text = "Du lot journalen til " .. kjent.name .. " være, selv om journalisten "
             .. "spurte." })
  end
  del_ferdig(besvart)
end)

clock.at(string.format("08:03:%02d", random.int(0, 5) * 10), function()
  del_ferdig(skranken())
end)
