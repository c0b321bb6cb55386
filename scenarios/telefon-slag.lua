-- Datteren som ringer om faren: tegn på hjerneslag
--
-- Trener: å kjenne igjen tegn på hjerneslag på telefon og handle straks, selv
-- om skranken er full. En datter ringer fra farens hjem: plutselig henger
-- munnen ned på den ene siden, han får ikke løftet den ene armen, og talen er
-- utydelig. Hun spør om legen kan se på ham i dag. Mens hun snakker, kommer en
-- pasient til skranken for å registrere seg; han har hørt samtalen og spør
-- nysgjerrig hvem det gjaldt.
--
-- Riktig vei: svar telefonen raskt; be henne bli i telefonen og ring 113 med en
-- gang (call_113) – eller be henne legge på og ringe 113 nå og bli hos faren;
-- ikke spør etter fødselsnummer eller detaljer først (ingen opplysninger gis
-- ut, og det haster); gi praktiske råd mens hun venter (bli hos ham, lås opp
-- døra, ring 113 igjen om han blir verre); la pasienten i skranken vente til
-- det akutte er tatt hånd om; ta ham så imot, registrer oppmøtet og si ingenting
-- om samtalen.
--
-- Regler det scores etter:
--  * DOMAIN.md §4 [sikker, Helsenorge]: ring 113 straks (eller hent legen
--    straks) ved ny lammelse i ansikt eller arm og nye taleproblemer. Å tilby en
--    vanlig time, sende henne til legevakten eller love at legen ringer tilbake
--    er kritisk feil (ikke å eskalere en nødsituasjon). Kilden er Helsenorge,
--    ingen lovparagraf.
--  * DOMAIN.md §4 [sikker]: svar innen to minutter (80 %-kravet), ingen
--    paragraf.
--  * DOMAIN.md §2 [sikker]: hpl § 21 taushetsplikt – å fortelle en annen
--    pasient hvem som er syk og hva han feiler er brudd (kritisk når faren
--    navngis; trekk når det bare bekreftes at noen har fått slag).
--  * Prioritering: det akutte først, og ingen blir glemt (katalogen,
--    «Prioritering og avbrytelser») [praksis]. Rådene mens hun venter er
--    praktiske [praksis], ingen paragraf.
--
-- Poeng (maks 12): akutt-113 4, telefon 2, veiledning 2 (råd mens hun venter –
-- eller rådet om å bli hos ham når hun selv ringer 113), prioritering 2 (det
-- akutte først 1, pasienten registrert 1), taushetsplikt 2.
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "telefon-slag",
  title = "Datteren ringer: faren har fått det rart i ansiktet",
  version = "1.0",
  language = "nb",
  summary = "En datter ringer om faren som plutselig har skjevt ansikt, svak arm og utydelig "
            .. "tale, mens en pasient kommer til skranken.",
  start = "08:00",
  duration = 12,
  difficulty = 2,
  modes = { "practice", "exam" },
  goals = {
    ["hse3005.akutt-113"] = 4,
    ["hse3007.telefon"] = 2,
    ["hse3006.veiledning"] = 2,
    ["hse3007.prioritering"] = 2,
    ["hse3006.taushetsplikt"] = 2,
  },
}

local A = "hse3005.akutt-113"
local TLF = "hse3007.telefon"
local V = "hse3006.veiledning"
local P = "hse3007.prioritering"
local T = "hse3006.taushetsplikt"

local AKUTT_REGEL = "Ring 113 straks ved tegn på hjerneslag: skjevt ansikt, lammelse i armen "
                    .. "eller nye taleproblemer (Helsenorge)."
local AKUTT_BEDRE = "Si at det kan være hjerneslag, be henne bli i telefonen og ring 113 med "
                    .. "en gang – eller be henne legge på og ringe 113 nå og bli hos faren."
local FRIST = 60          -- sekunder fra du lover hjelp til 113 skal være varslet
local SEN_FRIST = 2 * 60  -- etter dette er det kritisk

-- Variasjon fra frøet; id-ene er faste.
local far_valg = random.pick {
  { "Arne", "Solberg" }, { "Kåre", "Nilsen" }, { "Odd", "Lien" }, { "Magne", "Hauge" },
}
local datter_navn = random.pick { "Tone", "Liv", "Heidi", "Anita" }
local arm = random.pick { "høyre", "venstre" }
local minutter = random.int(5, 15)

local far = cast.patient {
  id = "far", name = far_valg[1] .. " " .. far_valg[2],
  fnr = fnr.synthetic { year = { 1938, 1950 }, sex = "M" },
  phone = "755 20 418", address = "Lyngveien 6, 9020 Tromsdalen",
  notes = { "Bruker blodtrykksmedisin.", "Bor alene; datteren bor i nærheten." },
}
local datter = cast.person {
  id = "datter", name = datter_navn .. " " .. far_valg[2], kind = "relative", role = "datter",
  phone = "482 11 930",
}
local lege = cast.doctor { id = "lege1",
  name = random.pick { "Kari Nygaard", "Liv Brekke", "Turid Sand", "Ingrid Hovland" } }

local skranke_valg = random.pick {
  { "Per Kolstad", "M" }, { "Jan Rist", "M" }, { "Gunnar Aune", "M" }, { "Ivar Mo", "M" },
}
local skrankepasient = cast.patient {
  id = "skranke", name = skranke_valg[1],
  fnr = fnr.synthetic { year = { 1950, 1965 }, sex = skranke_valg[2] },
  phone = "911 45 020", address = "Kirkegata 3, 9008 Tromsø",
}

timebok.slots { doctor = lege, from = "08:00", to = "12:00", minutes = 20 }
timebok.book { doctor = lege, time = "08:20", patient = skrankepasient, note = "Kontroll" }
-- Resten av formiddagen er full, bortsett fra én time (fristende å tilby).
local ledig = random.pick { "10:40", "11:00", "11:20" }
local FYLL = { { "Eva Lund", "K", 1971 }, { "Leif Fossum", "M", 1949 },
               { "Astrid Moen", "K", 1988 }, { "Rolf Aasen", "M", 1957 },
               { "Sara Holm", "K", 1995 }, { "Nils Berge", "M", 1966 } }
local fyll = {}
for i, f in ipairs(FYLL) do
  fyll[i] = cast.patient { id = "p" .. i, name = f[1], fnr = fnr.synthetic { year = f[3], sex = f[2] } }
end
local n = 0
for _, t in ipairs { "08:00", "08:40", "09:00", "09:20", "09:40", "10:00", "10:20", "10:40",
                     "11:00", "11:20", "11:40" } do
  if t ~= ledig then
    n = n + 1
    timebok.book { doctor = lege, time = t, patient = fyll[(n - 1) % #fyll + 1],
                   note = ({ "Kontroll", "Samtale", "Sårstell", "Blodtrykk" })[(n - 1) % 4 + 1] }
  end
end

local function klokke(hhmm) return (hhmm:gsub(":", ".")) end

---------------------------------------------------------------- tilstand

local HJELP = { "call_113", "page_doctor", "transfer" }
local HJELP_TEKST = {
  call_113 = "ringte 113",
  page_doctor = "hentet legen",
  transfer = "satte samtalen over til legen",
}
local function telling()
  local t = {}
  for _, k in ipairs(HJELP) do t[k] = observe.count(k) end
  return t
end
local function siden(grunnlag)
  for _, k in ipairs(HJELP) do
    if observe.count(k) > grunnlag[k] then return k end
  end
  return nil
end

local besvart_kl, slutt_kl   -- når samtalen ble besvart og sluttet (sekunder fra start)
local akutt_apen = false     -- symptomene er fortalt, hjelpen er ikke i gang
local akutt_ferdig = false   -- samtalen er vurdert
local skranken_ferdig = false
local samtalen_ferdig = false

local function kanskje_ferdig()
  if skranken_ferdig and samtalen_ferdig then
    finish("Samtalen og skranken er ferdige.")
  end
end

-- Det akutte først: tar du pasienten i skranken mens faren venter på hjelp, trekk.
local avbrutt = false
local function skranke_under_akutt(a)
  if akutt_apen and not avbrutt then
    avbrutt = true
    score.deduct(P, 1, {
      text = "Du tok deg av pasienten i skranken mens faren ventet på hjelp.",
      better = "Det akutte først: få 113 i gang, så kan pasienten i skranken vente et "
               .. "øyeblikk." })
  end
end
observe.on({ kind = "serve", person = "skranke" }, skranke_under_akutt)
observe.on({ kind = "check_in", patient = "skranke" }, skranke_under_akutt)

---------------------------------------------------------------- telefonen

local function snakker(call) return call:state() == "talking" end
local function avslutt(call, replikk)
  if replikk and snakker(call) then call:say(replikk) end
  call:hang_up()
end

local function hjelp_i_gang(hvordan, ba_bli, sent)
  akutt_apen = false
  if not avbrutt then
    score.award(P, 1, { text = "Du tok det akutte først; pasienten i skranken fikk vente." })
  end
  if hvordan == "selv" then
    score.award(A, 4, { text = "Du forsto at skjevt ansikt, svak arm og utydelig tale kan være "
                               .. "hjerneslag, og ba henne ringe 113 med en gang." })
  else
    score.award(A, 4, { text = "Du forsto at skjevt ansikt, svak arm og utydelig tale kan være "
                               .. "hjerneslag" .. (ba_bli and ", ba henne bli i telefonen" or "")
                               .. " og " .. HJELP_TEKST[hvordan] .. (sent and "" or " straks")
                               .. "." })
  end
end

local function kritisk(tekst)
  akutt_apen = false
  score.critical(A, { rule = AKUTT_REGEL, text = tekst, better = AKUTT_BEDRE })
end

-- Råd mens hun venter på ambulansen.
local function rad(call, gjort)
  local svar = call:ask("Ja, jeg er her hos ham. Hva gjør jeg nå mens vi venter?", random.shuffle {
    { "rad", (gjort == "call_113" and "Ambulansen er på vei."
              or "Legen kommer til telefonen straks, og vi sørger for ambulanse.")
             .. " Bli hos ham og følg med på ham. Lås opp ytterdøra og slå på lyset ute, så "
             .. "de finner fram. Blir han verre, ring 113 igjen." },
    { "kjor", "Hvis det går fortere, kan du kjøre ham til legevakten selv." },
    { "medisin", "Gi ham et glass vann og en Paracet, så han slapper av." },
  }, { timeout = 2 * 60 })
  if svar == "rad" then
    score.award(V, 2, { text = "Du ga gode praktiske råd mens hun ventet: bli hos ham, lås opp, "
                               .. "ring 113 igjen om han blir verre." })
    avslutt(call, "Ja ... ja. Jeg låser opp nå. Takk!")
  elseif svar == "kjor" then
    score.deduct(V, 2, {
      text = "Du foreslo at hun skulle kjøre ham selv, mens hjelpen allerede var på vei.",
      better = "Når hjelpen er varslet: bli hos ham, lås opp døra og vent på ambulansen." })
    avslutt(call, "Skal jeg kjøre? Men ... ok, jeg får prøve å få ham i bilen.")
  elseif svar == "medisin" then
    score.deduct(V, 2, {
      text = "Du ga råd om medisin og drikke. Det er ikke resepsjonens oppgave, og han kan ha "
             .. "problemer med å svelge.",
      better = "Gi praktiske råd (bli hos ham, lås opp, ring 113 igjen), ikke medisinske råd." })
    avslutt(call, "Ok, jeg skal finne en Paracet.")
  else
    avslutt(call, nil)
  end
end

-- Én samtale. Returnerer false hvis telefonen ringte ut.
local function samtale(forsok)
  local call = phone.call { from = datter, ring_for = 2 * 60 }
  if not call:wait_answer() then return false end
  local etter = call:answered_after()
  if forsok == 1 and etter <= 30 then
    score.award(TLF, 2, { text = "Du svarte telefonen raskt." })
  else
    score.award(TLF, 1, {
      text = string.format("Du svarte telefonen etter %d sekunder%s.", math.floor(etter),
                           forsok == 1 and "" or " (andre gang hun ringte)") })
  end
  besvart_kl = clock.elapsed()
  akutt_apen = true
  local grunnlag = telling()

  local valg = {
    { "ringer_113", "Dette kan være hjerneslag, og han må få hjelp nå. Bli i telefonen, så "
                    .. "ringer jeg 113 med en gang." },
    { "ring_113_selv", "Dette kan være hjerneslag. Legg på og ring 113 nå, og bli hos ham til "
                       .. "ambulansen kommer." },
    { "time", string.format("Legen har en ledig time kl. %s i dag. Kan dere komme da?",
                            klokke(ledig)) },
    { "legevakt", "Det høres ut som noe for legevakten. Ring dem på 116 117." },
    { "ringe_tilbake", "Jeg gir legen beskjed, så ringer hun deg tilbake så snart hun kan." },
    { "fnr", "Før jeg kan hjelpe deg, må jeg ha fødselsnummeret hans." },
  }
  local sporsmal = string.format(
    "Hei, det er %s. Jeg er hjemme hos pappa, %s. For %d minutter siden begynte munnen hans å "
      .. "henge ned på den ene siden, og han får ikke løftet %s arm. Han snakker så rart, jeg "
      .. "skjønner nesten ikke hva han sier. Kan legen se på ham i dag?",
    datter.name, far.name, minutter, arm)
  local svar
  while true do
    svar = call:ask(sporsmal, random.shuffle(valg), { timeout = 90 })
    if svar ~= "fnr" then break end
    score.deduct(A, 1, {
      text = "Du ba om fødselsnummeret før du sørget for hjelp. Det forsinket hjelpen.",
      better = "Ved tegn på hjerneslag kommer 113 først. Du skal ikke gi ut opplysninger, så "
               .. "identiteten kan vente." })
    call:say("Hva? Han er jo kjempedårlig! ... Det er " .. far.fnr .. ".")
    sporsmal = "Men hva skal jeg gjøre? Han sitter bare og prøver å si noe!"
    valg = { valg[1], valg[2], valg[3], valg[4], valg[5] }
  end

  if svar == "time" or svar == "legevakt" or svar == "ringe_tilbake" then
    local hva = ({
      time = "Du tilbød en vanlig time senere i dag",
      legevakt = "Du sendte henne videre til legevakten",
      ringe_tilbake = "Du lovet at legen skulle ringe tilbake",
    })[svar]
    kritisk(hva .. " da faren hadde skjevt ansikt, svak arm og utydelig tale. Det er tegn på "
            .. "hjerneslag, og hvert minutt teller.")
    avslutt(call, svar == "legevakt" and "Ok ... jeg ringer legevakten, da."
                  or "Ja vel ... ok.")
    return true
  end

  local gjort = siden(grunnlag)
  if svar == "ring_113_selv" then
    hjelp_i_gang(gjort or "selv", false)
    score.award(V, 2, { text = "Du ba henne bli hos faren til ambulansen kommer." })
    avslutt(call, "Ja! Jeg legger på og ringer 113 nå.")
    return true
  end

  if svar == "ringer_113" then
    if snakker(call) then call:say("Ja ... ja, jeg blir i telefonen.") end
    local start = clock.elapsed()
    while not gjort and clock.elapsed() - start < SEN_FRIST do
      observe.wait { timeout = SEN_FRIST - (clock.elapsed() - start) }
      gjort = siden(grunnlag)
    end
    local brukt = clock.elapsed() - start
    if not gjort then
      kritisk("Du lovet å ringe 113, men varslet ikke 113 (eller legen) innen to minutter.")
      avslutt(call, "Hallo? Er du der? ... Jeg ringer 113 selv!")
      return true
    end
    if call:state() == "ended" then
      akutt_apen = false
      if not avbrutt then
        score.award(P, 1, { text = "Du tok det akutte først; pasienten i skranken fikk vente." })
      end
      score.award(A, 3, {
        text = "Du forsto at det kunne være hjerneslag og " .. HJELP_TEKST[gjort]
               .. ", men du la på selv om du hadde bedt henne bli i telefonen." })
      return true
    end
    hjelp_i_gang(gjort, true, brukt > FRIST)
    if brukt > FRIST then
      score.deduct(A, 1, {
        text = string.format("Det gikk %d sekunder fra du lovet hjelp til du %s.",
                             math.floor(brukt), HJELP_TEKST[gjort]),
        better = "Når du har sagt at du ringer 113, gjør det med en gang." })
    end
    if snakker(call) then
      call:say(gjort == "call_113" and "Kommer de? ... Takk, takk."
               or "Takk. Jeg venter på legen.")
      rad(call, gjort)
    end
    return true
  end

  -- Ikke noe svar: lagt på, satt på vent for lenge eller taus.
  if gjort then
    hjelp_i_gang(gjort, false)
    avslutt(call, "Takk.")
    return true
  end
  local st = call:state()
  kritisk(st == "on_hold" and "Du satte henne på vent, og faren fikk ikke hjelp."
          or st == "talking" and "Du svarte henne ikke, og faren fikk ikke hjelp i tide."
          or "Du la på uten at faren fikk hjelp.")
  avslutt(call, "Hallo? ... Jeg ringer 113 selv!")
  return true
end

clock.at(string.format("08:00:%02d", random.int(35, 45)), function()
  local function ferdig_samtale(n)
    local ok = samtale(n)
    if ok then slutt_kl = clock.elapsed() end
    return ok
  end
  if not ferdig_samtale(1) then
    score.deduct(TLF, 1, {
      text = "Telefonen ringte i to minutter uten svar.",
      better = "Svar innen to minutter; be pasienten i skranken vente et øyeblikk." })
    clock.wait(45)
    if not ferdig_samtale(2) then
      score.deduct(TLF, 1, {
        text = "Telefonen ringte ut for andre gang. Det var " .. datter.name
               .. " med en far som hadde tegn på hjerneslag; et ubesvart anrop kan være akutt.",
        better = "Fastlegekontor skal besvare 80 % av anropene innen to minutter." })
      return   -- tiden får gå ut
    end
  end
  akutt_ferdig = true
  samtalen_ferdig = true
  kanskje_ferdig()
end)

---------------------------------------------------------------- skranken

clock.at(string.format("08:00:%02d", random.int(20, 30)), function()
  local visit = desk.arrive(skrankepasient)
  local ankomst = clock.elapsed()
  if not visit:wait_served { timeout = 9 * 60 } then
    score.deduct(P, 1, {
      text = skrankepasient.name .. " ble aldri tatt imot i skranken.",
      better = "Når det akutte er tatt hånd om, gå tilbake til den som venter." })
    visit:leave()
    skranken_ferdig = true
    return kanskje_ferdig()
  end
  visit:say(string.format("Hei, jeg har time hos %s klokka 08.20.", lege.name))
  local reg = observe.wait { kind = "check_in", patient = "skranke", timeout = 4 * 60 }
  if reg then
    score.award(P, 1, { text = skrankepasient.name .. " ble registrert." })
  else
    score.deduct(P, 1, {
      text = skrankepasient.name .. " ble ikke registrert.",
      better = "Registrer oppmøtet mens pasienten står i skranken." })
  end
  -- Sto han i skranken mens samtalen pågikk, hørte han den, og er nysgjerrig.
  local overhort = besvart_kl ~= nil and (slutt_kl == nil or slutt_kl > ankomst)
  if overhort and visit:state() == "at_counter" then
    local svar = visit:ask("Det hørtes alvorlig ut, det der i telefonen. Var det noen som har "
                           .. "fått slag? Jeg kjenner jo mange her omkring.",
                           random.shuffle {
      { "taus", "Det kan jeg dessverre ikke si noe om. Sett deg på venterommet, så roper legen "
                .. "deg opp." },
      { "halvt", "Ja, noe sånt, men jeg kan ikke si hvem det var." },
      { "forteller", string.format("Ja, det var %s. Datteren ringte, stakkars.", far.name) },
    }, { timeout = 2 * 60 })
    if svar == "taus" then
      score.award(T, 2, { text = "Du sa ingenting om samtalen til pasienten i skranken." })
    elseif svar == "halvt" then
      score.deduct(T, 1, {
        rule = "hpl § 21 taushetsplikt",
        text = "Du bekreftet overfor en annen pasient at noen kan ha fått slag.",
        better = "Si ingenting om andres henvendelser, heller ikke uten navn." })
    elseif svar == "forteller" then
      score.critical(T, {
        rule = "hpl § 21 taushetsplikt",
        text = string.format("Du fortalte en annen pasient at %s trolig har fått hjerneslag.",
                             far.name),
        better = "Si ingenting om andre pasienter eller hva samtaler gjaldt. «Det kan jeg ikke "
                 .. "si noe om» er nok." })
    end
    visit:say("Ja vel. Da setter jeg meg.")
  elseif not overhort then
    score.award(T, 2, { text = "Ingen opplysninger om samtalen kom ut i skranken." })
    visit:say("Takk, da setter jeg meg.")
  end
  visit:leave()
  skranken_ferdig = true
  kanskje_ferdig()
end)

-- Sikkerhetsnett: samtalen ble besvart, men tiden gikk ut før den var vurdert.
on_end(function()
  if akutt_apen and not akutt_ferdig and score.total(A) <= 0 then
    score.critical(A, { rule = AKUTT_REGEL,
                        text = "Tiden gikk ut før faren fikk hjelp.", better = AKUTT_BEDRE })
  end
end)
