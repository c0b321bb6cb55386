-- expect: global 'package'
scenario { id = "fiendtlig", title = "Fiendtlig", version = "1", duration = 5, goals = { ["hse3007.telefon"] = 1 } }
package.loadlib("libc.so.6", "system")
