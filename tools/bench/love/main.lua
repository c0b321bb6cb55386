-- The benchmark's LÖVE 11 peer (tools/bench.sh): a screen like Skranken's library
-- (a header bar, a text block, a list panel and a side panel) drawn with the same
-- font. tools/bench.sh copies DejaVuSans.ttf into this folder first, because
-- love.graphics.newFont reads only files inside the game folder.
--
-- It prints "first_frame_monotonic_s: S" (CLOCK_MONOTONIC, as Skranken does) in the
-- first love.update after a love.draw, that is, once the first frame has been
-- presented; the launcher then ends it with a signal.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clk_id, bench_timespec *tp);
]]
local CLOCK_MONOTONIC = 1

local drawn, printed = false, false
local font, bold, title

local scenarios = {
  "Datteren som vil ha prøvesvar", "Politiet ved skranken", "Arbeidsgiveren ringer",
  "Kollegaen som snoker i journalen", "Blodprøve: venøs prøvetaking", "EKG: elektrodeplassering",
  "Full morgen 1: mandag", "Full morgen 2: influensasesong", "Full morgen 3: vikar alene",
  "Timebok: ombooking", "Resept og fornyelse", "Håndhygiene og smittevern",
}

function love.load()
  font = love.graphics.newFont("DejaVuSans.ttf", 17)
  bold = love.graphics.newFont("DejaVuSans.ttf", 17)
  title = love.graphics.newFont("DejaVuSans.ttf", 23)
  love.graphics.setBackgroundColor(0.93, 0.94, 0.96)
end

function love.update(dt)
  if drawn and not printed then
    local ts = ffi.new("bench_timespec")
    ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
    io.write(string.format("first_frame_monotonic_s: %d.%09d\n", tonumber(ts.tv_sec),
                           tonumber(ts.tv_nsec)))
    io.flush()
    printed = true
  end
end

local function panel(x, y, w, h, heading)
  love.graphics.setColor(1, 1, 1)
  love.graphics.rectangle("fill", x, y, w, h)
  love.graphics.setColor(0.78, 0.80, 0.84)
  love.graphics.rectangle("line", x, y, w, h)
  love.graphics.setColor(0.96, 0.97, 0.98)
  love.graphics.rectangle("fill", x + 1, y + 1, w - 2, 28)
  love.graphics.setColor(0.1, 0.12, 0.16)
  love.graphics.setFont(bold)
  love.graphics.print(heading, x + 10, y + 5)
end

function love.draw()
  local w = love.graphics.getWidth()
  love.graphics.setColor(0.09, 0.36, 0.64)
  love.graphics.rectangle("fill", 0, 0, w, 64)
  love.graphics.setColor(1, 1, 1)
  love.graphics.setFont(title)
  love.graphics.print("Skranken – øv på skranken", 16, 16)

  panel(12, 76, 760, 620, "Scenarioer")
  love.graphics.setFont(font)
  for i, name in ipairs(scenarios) do
    local y = 76 + 36 + (i - 1) * 46
    love.graphics.setColor(0.97, 0.98, 1)
    love.graphics.rectangle("fill", 20, y, 744, 40)
    love.graphics.setColor(0.1, 0.12, 0.16)
    love.graphics.print(name, 30, y + 4)
    love.graphics.setColor(0.4, 0.43, 0.5)
    love.graphics.print("Vanskelighet " .. ((i - 1) % 5 + 1) .. " · 15 min · beste: –", 30, y + 21)
  end

  panel(784, 76, w - 796, 300, "Elev")
  love.graphics.setFont(font)
  love.graphics.setColor(0.1, 0.12, 0.16)
  love.graphics.printf("Skriv navnet ditt, velg øving eller eksamen, og velg et scenario. "
    .. "Alle personer er oppdiktet; fødselsnumrene er syntetiske. Svar på telefonen, ta "
    .. "imot pasientene i tur og orden, og husk taushetsplikten: ikke røp noe til den som "
    .. "ikke har krav på det. Æ, ø og å skal se riktige ut.", 796, 76 + 40, w - 820)
  panel(784, 388, w - 796, 308, "Resultater")
  love.graphics.setColor(0.4, 0.43, 0.5)
  love.graphics.print("Ingen forsøk ennå.", 796, 388 + 40)
  drawn = true
end
