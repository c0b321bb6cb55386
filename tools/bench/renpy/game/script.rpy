## The benchmark's Ren'Py peer screen (tools/bench.sh): a header bar, a list panel
## and two side panels with a text block, in DejaVu Sans (tools/bench.sh copies the
## same font file Skranken uses into this folder).
##
## The first frame: the screen's timer fires on the first pass through Ren'Py's
## event loop after the screen was drawn and shown; it writes
## "first_frame_monotonic_s: S" (CLOCK_MONOTONIC, as Skranken and the LÖVE screen
## do) straight to file descriptor 1, since Ren'Py redirects sys.stdout to its log.
## The launcher then ends the program with a signal.

init python:
    import os, time
    bench_printed = [False]

    def bench_first_frame():
        if not bench_printed[0]:
            bench_printed[0] = True
            os.write(1, ("first_frame_monotonic_s: %.9f\n" % time.monotonic()).encode())

    bench_scenarios = [
        "Datteren som vil ha prøvesvar", "Politiet ved skranken", "Arbeidsgiveren ringer",
        "Kollegaen som snoker i journalen", "Blodprøve: venøs prøvetaking",
        "EKG: elektrodeplassering", "Full morgen 1: mandag", "Full morgen 2: influensasesong",
        "Full morgen 3: vikar alene", "Timebok: ombooking", "Resept og fornyelse",
        "Håndhygiene og smittevern",
    ]

style bench_text:
    font "DejaVuSans.ttf"
    size 17
    color "#1a1f29"

screen bench_library():
    add Solid("#edf0f5")
    frame:
        background Solid("#175ca3")
        xysize (1280, 64)
        text "Skranken – øv på skranken" style "bench_text" size 23 color "#ffffff" xpos 16 ypos 16
    frame:
        background Solid("#ffffff")
        xpos 12 ypos 76 xysize (760, 620)
        vbox:
            spacing 6
            text "Scenarioer" style "bench_text" bold True
            for i, name in enumerate(bench_scenarios):
                frame:
                    background Solid("#f7f9ff")
                    xysize (744, 40)
                    vbox:
                        text name style "bench_text"
                        text "Vanskelighet [i % 5 + 1] · 15 min · beste: –" style "bench_text" size 14 color "#666e80"
    frame:
        background Solid("#ffffff")
        xpos 784 ypos 76 xysize (484, 300)
        vbox:
            text "Elev" style "bench_text" bold True
            text "Skriv navnet ditt, velg øving eller eksamen, og velg et scenario. Alle personer er oppdiktet; fødselsnumrene er syntetiske. Svar på telefonen, ta imot pasientene i tur og orden, og husk taushetsplikten: ikke røp noe til den som ikke har krav på det. Æ, ø og å skal se riktige ut." style "bench_text"
    frame:
        background Solid("#ffffff")
        xpos 784 ypos 388 xysize (484, 308)
        vbox:
            text "Resultater" style "bench_text" bold True
            text "Ingen forsøk ennå." style "bench_text" color "#666e80"
    timer 0.001 action Function(bench_first_frame)

label splashscreen:
    return

label main_menu:
    return

label start:
    call screen bench_library
    return
