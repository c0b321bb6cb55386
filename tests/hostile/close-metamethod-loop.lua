-- expect: close-metamethod-loop.lua:5: ut
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
do
  local guard <close> = setmetatable({}, { __close = function() while true do end end })
  error("ut")
end
