-- expect: scenario{ ... } mangler
local x = 1
