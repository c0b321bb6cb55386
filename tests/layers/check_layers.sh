#!/bin/sh
# Checks the layer rules of docs/architecture.md from the #include lines:
#   core    includes no other layer and none of SDL, Lua, cJSON
#   script  core (+ Lua)          assess  core (+ cJSON)
#   report  core, assess (+ cJSON) ui     core, script, assess (+ SDL)
#   app     any layer, but not SDL, Lua or cJSON directly
# Prints each broken rule as file:line; exit 1 if any.
#   check_layers.sh ENGINE_DIR
set -u
engine=$1
bad=0
check() { # layer allowed-layers allowed-libs
    layer=$1 layers=$2 libs=$3
    for f in "$engine/$layer"/*.[ch]; do
        [ -e "$f" ] || continue
        grep -n '^[[:space:]]*#[[:space:]]*include' "$f" | while IFS= read -r line; do
            inc=$(printf '%s' "$line" | sed -n 's/.*#[[:space:]]*include[[:space:]]*[<"]\([^>"]*\)[>"].*/\1/p')
            n=${line%%:*}
            case "$inc" in
                core/*|script/*|assess/*|report/*|ui/*|app/*)
                    dep=${inc%%/*}
                    case " $layers " in *" $dep "*) ;; *)
                        echo "$f:$n: $layer kan ikke inkludere $inc"; echo x >> "$tmp" ;; esac ;;
                SDL*|SDL_ttf.h)
                    case " $libs " in *" sdl "*) ;; *) echo "$f:$n: bare ui kan inkludere SDL ($inc)"; echo x >> "$tmp" ;; esac ;;
                lua.h|lauxlib.h|lualib.h|luaconf.h)
                    case " $libs " in *" lua "*) ;; *) echo "$f:$n: bare script kan inkludere Lua ($inc)"; echo x >> "$tmp" ;; esac ;;
                cJSON.h|cjson/*)
                    case " $libs " in *" cjson "*) ;; *) echo "$f:$n: bare assess og report kan inkludere cJSON ($inc)"; echo x >> "$tmp" ;; esac ;;
            esac
        done
    done
}
tmp=$(mktemp)
check core "" ""
check script "core" "lua"
check assess "core" "cjson"
check report "core assess" "cjson"
check ui "core script assess" "sdl"
check app "core script assess report ui" ""
if [ -s "$tmp" ]; then bad=1; fi
rm -f "$tmp"
files=$(ls "$engine"/*/*.[ch] | wc -l)
if [ "$files" -lt 10 ]; then echo "fant bare $files kildefiler i $engine"; exit 1; fi
[ $bad -eq 0 ] && echo "lagene holder ($files filer)"
exit $bad
