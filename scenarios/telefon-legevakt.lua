-- Like før stengetid: legevakt eller i morgen?
--
-- Trener: å vurdere hastegrad på telefon like før kontoret stenger klokka
-- 16.00. To pasienter ringer:
--  1. Én har noe som ikke er livstruende, men som bør ses av lege i dag eller i
--     kveld (trekkes fra frøet: urinveisinfeksjon med feber og vondt i ryggen,
--     eller et dypt hundebitt i hånda). Legen har ingen ledige timer før
--     stengetid. Riktig: legevakten, telefon 116 117 – og eleven må kunne
--     nummeret (skrives inn).
--  2. Én har en vanlig forkjølelse og hoste uten feber og vil ha en time; det
--     kan vente til i morgen. Riktig: be ham ringe i morgen fra klokka åtte,
--     eller sette ham opp på en ledig time de nærmeste dagene. Feil: å sende ham
--     til legevakten.
--
-- Riktig vei: svar raskt; den første: «dette bør ses i dag, vi har ingen timer
-- før vi stenger: ring legevakten», og skriv 116 117 når hun spør etter
-- nummeret; den andre: det haster ikke – ring i morgen fra klokka åtte (eller
-- bestill en time de nærmeste dagene med book LEGE +N/HH:MM innringer2).
--
-- Regler det scores etter:
--  * DOMAIN.md §4 [sikker, Helsenorge]: legevakten har telefon 116 117; 113 er
--    for akutte, livstruende tilstander (listen i §4). Ingen paragraf.
--  * DOMAIN.md §4 (Norsk indeks): gul = bør til lege uten opphold; primærhelse-
--    tjenesten: grad 1 samme dag, grad 2 innen 1–3 dager, grad 3 senere. Å be den
--    første vente til neste uke gir trekk; i morgen gir mindre trekk. Ingen
--    paragraf.
--  * Legevakten er for det som ikke kan vente til fastlegen er tilgjengelig
--    (katalogen, «Veiledning og service»): å sende en som kan vente dit gir
--    trekk [praksis].
--  * DOMAIN.md §4 [sikker]: svar innen to minutter (80 %-kravet).
--
-- Poeng (maks 11): telefon 4 (2 per samtale), hastegrad 4 (2 per samtale),
-- veiledning 3 (riktig legevaktnummer 2, tydelig vei videre for den andre 1).
-- Ingen kritiske feil: ingen av innringerne har tegn som krever 113.
-- Alle personer er oppdiktet; fødselsnumrene er syntetiske (måned + 80).

scenario {
  id = "telefon-legevakt",
  title = "Like før stengetid: legevakt eller i morgen?",
  version = "1.0",
  language = "nb",
  summary = "Klokka er kvart på fire, og kontoret stenger klokka fire. To pasienter ringer: "
            .. "én bør til lege i kveld, den andre kan vente til i morgen.",
  start = "15:45",
  duration = 15,
  difficulty = 2,
  modes = { "practice", "exam" },
  goals = {
    ["hse3007.telefon"] = 4,
    ["hse3005.hastegrad"] = 4,
    ["hse3006.veiledning"] = 3,
  },
}

local TLF = "hse3007.telefon"
local H = "hse3005.hastegrad"
local V = "hse3006.veiledning"

local LEGEVAKT = "116117"      -- legevaktnummeret (DOMAIN.md §4)
local RINGETID = 2 * 60
local SVARTID = 3 * 60

local DAGNAVN = { [1] = "i morgen", [2] = "i overmorgen", [3] = "om tre dager" }
local function klokke(hhmm) return (hhmm:gsub(":", ".")) end
local function del_tid(r)
  local d, t = r:match("^%+(%d+)/(%d%d:%d%d)$")
  if d then return tonumber(d), t end
  return 0, r
end

---------------------------------------------------------------- personer

local lege = cast.doctor { id = "lege1",
  name = random.pick { "Kari Nygaard", "Liv Brekke", "Turid Sand", "Ingrid Hovland" } }

local plage = random.pick {
  { id = "urin", sex = "K",
    navn = { "Camilla Eide", "Marte Lund", "Siri Holm", "Nina Berg" },
    tekst = "Jeg har hatt svie når jeg tisser siden i forgårs, og i dag har jeg fått feber, "
            .. "38,8, og vondt i ryggen på høyre side.",
    kort = "urinveisplager med feber og vondt i ryggen" },
  { id = "bitt", sex = "M",
    navn = { "Tor Haugen", "Arild Dahl", "Svein Moe", "Rune Vik" },
    tekst = "Hunden til naboen bet meg i hånda for en times tid siden. Det blør ikke lenger, "
            .. "men det er to dype hull, og hånda har begynt å hovne opp.",
    kort = "et dypt hundebitt i hånda" },
}
local innringer1 = cast.patient {
  id = "innringer1", name = random.pick(plage.navn),
  fnr = fnr.synthetic { year = { 1970, 1995 }, sex = plage.sex },
  phone = "922 18 004", address = "Storgata 88, 9008 Tromsø",
  notes = { "Fastlege: " .. lege.name .. "." },
}
local pron1 = plage.sex == "K" and "hun" or "han"

local innringer2 = cast.patient {
  id = "innringer2", name = random.pick { "Jens Aune", "Håkon Lie", "Stig Berge", "Olav Rise" },
  fnr = fnr.synthetic { year = { 1960, 1990 }, sex = "M" },
  phone = "915 42 770", address = "Vestregata 5, 9008 Tromsø",
  notes = { "Fastlege: " .. lege.name .. "." },
}

-- Timeboka: i dag fullt til stengetid; ledige timer de neste dagene.
local FYLL = { { "Eva Lund", "K", 1971 }, { "Leif Fossum", "M", 1949 },
               { "Astrid Moen", "K", 1988 }, { "Rolf Aasen", "M", 1957 },
               { "Sara Holm", "K", 1995 }, { "Nils Berge", "M", 1966 },
               { "Grete Bakke", "K", 1953 }, { "Ove Sand", "M", 1979 } }
local fyll = {}
for i, f in ipairs(FYLL) do
  fyll[i] = cast.patient { id = "p" .. i, name = f[1],
                           fnr = fnr.synthetic { year = f[3], sex = f[2] } }
end
local n = 0
for dag = 0, 3 do
  timebok.slots { doctor = lege, day = dag, from = "08:00", to = "16:00", minutes = 20 }
  for m = 8 * 60, 15 * 60 + 40, 20 do
    local t = string.format("%02d:%02d", m // 60, m % 60)
    -- De neste dagene er hver tredje time ledig.
    if dag == 0 or (m // 20) % 3 ~= 0 then
      n = n + 1
      timebok.book { doctor = lege, time = dag == 0 and t or string.format("+%d/%s", dag, t),
                     patient = fyll[(n - 1) % #fyll + 1],
                     note = ({ "Kontroll", "Samtale", "Sårstell", "Blodtrykk" })[(n - 1) % 4 + 1] }
    end
  end
end

---------------------------------------------------------------- samtalene

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
      better = "Fastlegekontor skal besvare 80 % av anropene innen to minutter – også like før "
               .. "stengetid." })
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

-- Bare sifrene i det eleven skrev.
local function sifre(tekst) return (tekst:gsub("%D", "")) end

local function samtale1()
  local call = phone.call { from = innringer1, ring_for = RINGETID }
  if not besvar(call, innringer1.name) then return false end
  local svar = spor(call, string.format("Hei, det er %s. %s Kan jeg få komme til legen?",
                                        innringer1.name, plage.tekst), {
    { "legevakt", "Dette bør en lege se på i dag, og vi har ingen ledige timer før vi stenger "
                  .. "klokka fire. Ring legevakten, så vurderer de deg i kveld." },
    { "neste_uke", "Legen er full i dag, men jeg kan sette deg opp på en time neste uke. "
                   .. "Passer det?" },
    { "i_morgen", "Vi har en ledig time i morgen tidlig. Kan du vente til da?" },
    { "ring_113", "Legg på og ring 113 med en gang." },
  })
  if svar == nil then
    legg_paa(call, "Hallo? ... Nei, jeg legger på.")
    return true
  end
  if svar == "neste_uke" then
    score.deduct(H, 2, {
      rule = "Hastegrad (Norsk indeks): det som bør ses av lege uten opphold, skal ses samme "
             .. "dag.",
      text = string.format("Du ba en pasient med %s vente til neste uke.", plage.kort),
      better = "Når det bør ses i dag og kontoret er fullt eller stenger: henvis til "
               .. "legevakten, 116 117." })
    legg_paa(call, "Neste uke? ... Ja vel, da får jeg bite tennene sammen.")
    return true
  elseif svar == "i_morgen" then
    score.deduct(H, 1, {
      rule = "Hastegrad (Norsk indeks): det som bør ses av lege uten opphold, skal ses samme "
             .. "dag.",
      text = string.format("Du ba en pasient med %s vente til i morgen.", plage.kort),
      better = "Dette bør ses i dag eller i kveld: henvis til legevakten, 116 117." })
    legg_paa(call, "I morgen ... ja, ok. Jeg håper det går bra i natt.")
    return true
  elseif svar == "ring_113" then
    score.deduct(H, 1, {
      rule = "113 er for akutte, livstruende tilstander (Helsenorge).",
      text = string.format("Du ba en pasient med %s ringe 113. Det bør ses i kveld, men er "
                           .. "ikke livstruende.", plage.kort),
      better = "Legevakten (116 117) tar det som ikke kan vente til i morgen, men som ikke er "
               .. "en nødsituasjon." })
    legg_paa(call, "113? Er det så farlig? ... Ok, jeg ringer.")
    return true
  end

  score.award(H, 2, { text = string.format("Du forsto at %s bør ses av lege i dag, og viste "
                                           .. "til legevakten.", plage.kort) })
  call:say("Ok, legevakten. Hvilket nummer er det?")
  local nummer = call:ask_text("Skriv inn nummeret du gir " .. (pron1 == "hun" and "henne"
                                                                or "ham") .. ".",
                               { timeout = SVARTID })
  if nummer == nil then
    legg_paa(call, "Hallo? ... Nei, da får jeg finne nummeret selv.")
    return true
  end
  local s = sifre(nummer)
  if s == LEGEVAKT then
    score.award(V, 2, { text = "Du ga riktig nummer til legevakten: 116 117." })
    legg_paa(call, "116 117. Takk skal du ha!")
  elseif s == "113" then
    score.deduct(V, 2, {
      rule = "Legevakten: 116 117. 113 er nødnummeret (Helsenorge).",
      text = "Du ga nødnummeret 113 i stedet for legevakten.",
      better = "Legevaktnummeret er 116 117 og gjelder hele landet." })
    legg_paa(call, "113? Ok ...")
  else
    score.deduct(V, 1, {
      rule = "Legevakten: 116 117 (Helsenorge).",
      text = string.format("Du ga nummeret «%s», men legevakten har 116 117.", nummer),
      better = "Lær deg nummeret: 116 117 gjelder legevakten i hele landet." })
    legg_paa(call, "Ok, takk.")
  end
  return true
end

-- Venter på en bestilling til innringer2 (høyst fire minutter).
local function vent_paa_time(call)
  local start = clock.elapsed()
  while true do
    local timer = timebok.booked(innringer2)
    if #timer > 0 then return timer end
    if not i_samtale(call) then return nil end
    local igjen = 4 * 60 - (clock.elapsed() - start)
    if igjen <= 0 then return nil end
    observe.wait { timeout = igjen }
  end
end

local function samtale2()
  local call = phone.call { from = innringer2, ring_for = RINGETID }
  if not besvar(call, innringer2.name) then return false end
  local svar = spor(call, string.format(
    "Hei, det er %s. Jeg har vært forkjølet og hostet i en ukes tid. Ikke feber, og jeg "
      .. "føler meg egentlig grei, men hosten gir seg ikke. Jeg vet dere stenger snart, men jeg "
      .. "vil gjerne at legen hører på lungene.", innringer2.name), {
    { "i_morgen", "Det kan fint vente til i morgen. Vi stenger telefonen om litt, men ring oss "
                  .. "i morgen fra klokka åtte, så finner vi en time til deg." },
    { "time", "Det haster ikke, så jeg kan sette deg opp på en ledig time de nærmeste dagene. "
              .. "Et øyeblikk." },
    { "legevakt", "Vi stenger snart. Ring legevakten på 116 117 i kveld, så får du hjelp der." },
    { "avvis", "Vi stenger nå. Du får ringe en annen gang." },
  })
  if svar == nil then
    legg_paa(call, "Hallo? ... Ok, jeg ringer i morgen.")
    return true
  elseif svar == "i_morgen" then
    score.award(H, 2, { text = "Du forsto at hosten kan vente til i morgen." })
    score.award(V, 1, { text = "Han fikk vite når han kan ringe igjen." })
    legg_paa(call, "Greit, da ringer jeg i morgen tidlig. Ha en fin kveld!")
  elseif svar == "legevakt" then
    score.deduct(H, 2, {
      rule = "Legevakten er for det som ikke kan vente til fastlegen er tilgjengelig.",
      text = "Du sendte en pasient med en ukes hoste uten feber til legevakten.",
      better = "Det haster ikke: be ham ringe i morgen fra klokka åtte, eller sett ham opp på "
               .. "en ledig time de nærmeste dagene." })
    legg_paa(call, "Legevakten? For litt hoste? ... Ja vel.")
  elseif svar == "avvis" then
    score.award(H, 1, { text = "Du forsto at det ikke hastet." })
    score.deduct(V, 1, {
      text = "Han fikk ingen vei videre, bare beskjed om at dere stenger.",
      better = "Si når han kan ringe igjen (i morgen fra klokka åtte), eller gi ham en time." })
    legg_paa(call, "Oi. Ok ... ha det.")
  else
    score.award(H, 2, { text = "Du forsto at hosten ikke haster, og ga ham en vanlig time." })
    call:say("Så fint. Fødselsnummeret mitt er " .. innringer2.fnr .. ", hvis du trenger det.")
    local timer = vent_paa_time(call)
    if not timer then
      score.deduct(V, 1, {
        text = "Du lovet en time, men bestilte ingen.",
        better = "Bestill timen mens han er i telefonen, eller be ham ringe i morgen." })
      legg_paa(call, "Hallo? ... Jeg får ringe i morgen, da.")
      return true
    end
    local dag, hhmm = del_tid(timer[1].time)
    if dag >= 1 and dag <= 5 then
      score.award(V, 1, { text = string.format("Han fikk en time %s kl. %s.",
                                               DAGNAVN[dag] or ("om " .. dag .. " dager"),
                                               klokke(hhmm)) })
      call:say(string.format("%s kl. %s, det passer fint. Takk!",
                             dag == 1 and "I morgen" or dag == 2 and "I overmorgen"
                               or "Om " .. dag .. " dager", klokke(hhmm)))
    else
      score.deduct(V, 1, {
        text = "Timen han fikk, passet ikke: den var i dag etter stengetid eller for langt "
               .. "fram.",
        better = "Velg en ledig time de nærmeste dagene." })
    end
    legg_paa(call, nil)
  end
  return true
end

clock.at(string.format("15:45:%02d", random.int(20, 50)), function()
  local ok1 = samtale1()
  local ventetid = math.max(30, (5 * 60) - clock.elapsed())  -- tidligst 15.50
  clock.wait(ventetid)
  local ok2 = samtale2()
  if ok1 and ok2 then finish("Begge samtalene er ferdige.") end
end)
