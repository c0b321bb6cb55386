/* Every text the interface shows, in bokmål and English. One table (strings.c):
 * ui_text(ID) gives the text in the chosen language. */
#ifndef SKRANKEN_UI_STRINGS_H
#define SKRANKEN_UI_STRINGS_H

#define UI_STRINGS(X)                                                                     \
    X(S_APP_TITLE, "Skranken", "Skranken")                                                \
    X(S_LIB_HEADING, "Velg scenario", "Choose a scenario")                               \
    X(S_LIB_NAME, "Ditt navn", "Your name")                                              \
    X(S_LIB_NAME_HINT, "Skriv navnet ditt", "Type your name")                            \
    X(S_LIB_MODE, "Modus", "Mode")                                                       \
    X(S_MODE_PRACTICE, "Øving", "Practice")                                              \
    X(S_MODE_EXAM, "Eksamen", "Exam")                                                    \
    X(S_LIB_START, "Start (Enter)", "Start (Enter)")                                     \
    X(S_LIB_MINUTES, "min", "min")                                                       \
    X(S_LIB_DIFFICULTY, "Vanskegrad", "Difficulty")                                      \
    X(S_LIB_BEST, "Beste", "Best")                                                       \
    X(S_LIB_NONE, "ikke prøvd", "not tried")                                             \
    X(S_LIB_GOALS, "Mål", "Goals")                                                       \
    X(S_LIB_TASKS, "oppgaver", "tasks")                                                  \
    X(S_LIB_TASKS_HEADING, "Oppgaver", "Tasks")                                          \
    X(S_LIB_EMPTY, "Fant ingen scenarioer.", "No scenarios found.")                      \
    X(S_LIB_NEED_NAME, "Skriv navnet ditt først.", "Type your name first.")             \
    X(S_LIB_BROKEN, "kan ikke spilles", "cannot be played")                              \
    X(S_LIB_NO_EXAM, "ikke eksamen", "no exam")                                          \
    X(S_LIB_HELP, "Tab: neste felt · Pil opp/ned: velg · Ctrl + / Ctrl −: tekststørrelse · F12: høy kontrast", \
      "Tab: next field · Up/Down: choose · Ctrl + / Ctrl −: text size · F12: high contrast") \
    X(S_DESK_CLOCK, "Klokka", "Clock")                                                   \
    X(S_DESK_PAUSE, "Pause (Esc)", "Pause (Esc)")                                        \
    X(S_DESK_PAUSED, "Pause – klokka står", "Paused – the clock has stopped")            \
    X(S_DESK_PAUSED_EXAM, "Pausen blir registrert i eksamensrapporten.", "The pause is recorded in the exam report.") \
    X(S_DESK_CONTINUE, "Fortsett (Esc)", "Continue (Esc)")                               \
    X(S_DESK_QUIT, "Avbryt forsøket", "Abandon attempt")                                 \
    X(S_DESK_FINISH_NOW, "Avslutt og få debrief", "Finish and see the debrief")          \
    X(S_DESK_QUEUE, "Venterommet", "Waiting room")                                       \
    X(S_DESK_QUEUE_EMPTY, "Ingen venter.", "Nobody is waiting.")                         \
    X(S_DESK_SERVE, "Ta imot", "Serve")                                                  \
    X(S_DESK_WAITED, "ventet", "waited")                                                 \
    X(S_DESK_AT_COUNTER, "ved skranken", "at the counter")                               \
    X(S_DESK_CONVERSATION, "Samtale", "Conversation")                                    \
    X(S_DESK_NO_CONVERSATION, "Ingen samtale. Ta imot noen i venterommet eller svar telefonen.", \
      "No conversation. Serve someone in the waiting room or answer the phone.")          \
    X(S_DESK_YOU, "Du", "You")                                                           \
    X(S_DESK_TYPE_ANSWER, "Skriv svaret og trykk Enter", "Type the answer and press Enter") \
    X(S_DESK_SEND, "Send", "Send")                                                       \
    X(S_DESK_CHECK_IN, "Registrer oppmøte", "Check in")                                  \
    X(S_DESK_CHARGE, "Ta betalt", "Charge")                                              \
    X(S_DESK_KR, "kr", "NOK")                                                            \
    X(S_DESK_CHECKED_IN, "registrert", "checked in")                                     \
    X(S_DESK_PAID, "betalt", "paid")                                                     \
    X(S_PHONE, "Telefon", "Phone")                                                       \
    X(S_PHONE_LINE, "Linje", "Line")                                                     \
    X(S_PHONE_IDLE, "ledig", "free")                                                     \
    X(S_PHONE_RINGING, "RINGER", "RINGING")                                              \
    X(S_PHONE_TALKING, "i samtale", "talking")                                           \
    X(S_PHONE_ON_HOLD, "på vent", "on hold")                                             \
    X(S_PHONE_ANSWER, "Svar (F2)", "Answer (F2)")                                        \
    X(S_PHONE_HOLD, "Vent (F3)", "Hold (F3)")                                            \
    X(S_PHONE_UNHOLD, "Ta av vent (F3)", "Resume (F3)")                                  \
    X(S_PHONE_HANG_UP, "Legg på (F4)", "Hang up (F4)")                                   \
    X(S_PHONE_TRANSFER, "Sett over til", "Transfer to")                                  \
    X(S_PHONE_113, "Ring 113", "Call 113")                                               \
    X(S_PHONE_PAGE, "Hent lege", "Fetch doctor")                                         \
    X(S_TAB_RECORD, "Journal F6", "Record F6")                                           \
    X(S_TAB_TIMEBOK, "Timebok F7", "Book F7")                                            \
    X(S_TAB_INBOX, "Meldinger F8", "Messages F8")                                        \
    X(S_TAB_LAB, "Lab F9", "Lab F9")                                                     \
    X(S_REC_SEARCH, "Søk på navn eller fødselsnummer", "Search by name or national ID")  \
    X(S_REC_SEARCH_BUTTON, "Søk", "Search")                                              \
    X(S_REC_NO_HITS, "Ingen treff.", "No matches.")                                      \
    X(S_REC_OPEN, "Åpne", "Open")                                                        \
    X(S_REC_CLOSE, "Lukk journalen", "Close record")                                     \
    X(S_REC_FNR, "Fødselsnummer", "National ID")                                         \
    X(S_REC_BORN, "Født", "Born")                                                        \
    X(S_REC_PHONE, "Telefon", "Phone")                                                   \
    X(S_REC_ADDRESS, "Adresse", "Address")                                               \
    X(S_REC_RELATIVE, "Nærmeste pårørende", "Next of kin")                               \
    X(S_REC_CONSENT, "Samtykke til informasjon", "Consent to information")               \
    X(S_REC_RESERVATIONS, "Reservasjoner", "Reservations")                               \
    X(S_REC_APPOINTMENTS, "Timer", "Appointments")                                       \
    X(S_REC_RESULTS, "Prøvesvar", "Test results")                                        \
    X(S_REC_NOTES, "Notater", "Notes")                                                   \
    X(S_REC_NONE, "ingen", "none")                                                       \
    X(S_REC_LOCKED, "Skjermen er låst.", "The screen is locked.")                        \
    X(S_REC_LOCK, "Lås skjermen (F11)", "Lock screen (F11)")                             \
    X(S_REC_UNLOCK, "Lås opp (F11)", "Unlock (F11)")                                     \
    X(S_REC_MALE, "mann", "male")                                                        \
    X(S_REC_FEMALE, "kvinne", "female")                                                  \
    X(S_TB_TODAY, "I dag", "Today")                                                      \
    X(S_TB_DAYS_AHEAD, "virkedager fram", "working days ahead")                          \
    X(S_TB_FREE, "ledig", "free")                                                        \
    X(S_TB_BOOK_FOR, "Bestill for", "Book for")                                          \
    X(S_TB_CANCEL, "Avbestill", "Cancel")                                                \
    X(S_TB_MOVE, "Flytt til valgt ledig time", "Move to chosen free slot")                \
    X(S_TB_PICK_SLOT, "Velg en time i timeboka.", "Choose a slot in the book.")          \
    X(S_TB_MOVE_PICK, "Flytt: velg en ledig time", "Move: choose a free slot")           \
    X(S_TB_NO_SLOTS, "Ingen timer i timeboka.", "No slots in the book.")                 \
    X(S_TB_PREV_DAY, "‹ Forrige dag", "‹ Previous day")                                  \
    X(S_TB_NEXT_DAY, "Neste dag ›", "Next day ›")                                        \
    X(S_INBOX_EMPTY, "Ingen meldinger.", "No messages.")                                 \
    X(S_INBOX_NEW, "ny", "new")                                                          \
    X(S_INBOX_FROM, "Fra", "From")                                                       \
    X(S_LAB_NONE, "Ingen lab-oppgaver nå.", "No lab tasks now.")                         \
    X(S_LAB_STEPS, "Trinn", "Steps")                                                     \
    X(S_LAB_TUBES, "Prøverør", "Tubes")                                                  \
    X(S_LAB_LABEL, "Merk prøven med", "Label the sample with")                           \
    X(S_LAB_ECG, "EKG-elektroder: velg avledning, så plassering", "ECG electrodes: choose a lead, then a site") \
    X(S_LAB_DONE_TASK, "avsluttet", "finished")                                          \
    X(S_LAB_DONE_LOG, "Gjort så langt", "Done so far")                                   \
    X(S_FEEDBACK_PLUS, "Bra", "Good")                                                    \
    X(S_FEEDBACK_MINUS, "Trekk", "Deduction")                                            \
    X(S_FEEDBACK_CRITICAL, "Kritisk feil", "Critical error")                             \
    X(S_DEBRIEF, "Debrief", "Debrief")                                                   \
    X(S_DEB_GRADE, "Karakter", "Grade")                                                  \
    X(S_DEB_PASSED, "Bestått", "Passed")                                                 \
    X(S_DEB_FAILED, "Ikke bestått", "Not passed")                                        \
    X(S_DEB_POINTS, "poeng", "points")                                                   \
    X(S_DEB_OF, "av", "of")                                                              \
    X(S_DEB_POINTS_GRADE, "Poengene alene gir karakter %d, men en kritisk feil gir ikke bestått.", \
      "The points alone give grade %d, but a critical error means not passed.")           \
    X(S_DEB_GOALS, "Mål", "Goals")                                                       \
    X(S_DEB_CRITICALS, "Kritiske feil", "Critical errors")                               \
    X(S_DEB_RULE, "Regel", "Rule")                                                       \
    X(S_DEB_BETTER, "Bedre", "Better")                                                   \
    X(S_DEB_TIMELINE, "Tidslinje", "Timeline")                                           \
    X(S_DEB_REPORT, "Rapporten er lagret i", "The report is saved in")                   \
    X(S_DEB_NO_REPORT, "Rapporten ble ikke lagret", "The report was not saved")          \
    X(S_DEB_RETRY, "Prøv igjen", "Try again")                                            \
    X(S_DEB_LIBRARY, "Til biblioteket", "Back to library")                               \
    X(S_ERR_HEADING, "Feil i scenarioet", "Error in the scenario")                       \
    X(S_ERR_TEXT, "Scenarioet stoppet med en feil. Ingen rapport er lagret.",            \
      "The scenario stopped with an error. No report was saved.")                        \
    X(S_ERR_BACK, "Tilbake til biblioteket (Enter)", "Back to the library (Enter)")      \
    X(S_ERR_RELOAD_TEXT, "Rett feilen i scenariofila, lagre den og trykk F5: fila leses inn på nytt og starter med samme elev og frø.", \
      "Fix the error in the scenario file, save it and press F5: the file is loaded again and starts with the same trainee and seed.") \
    X(S_ERR_RELOAD, "Last inn på nytt (F5)", "Reload (F5)")                              \
    X(S_RELOADED, "Lastet inn på nytt", "Reloaded")                                      \
    X(S_DESK_PAUSED_RELOAD, "F5: les scenariofila inn på nytt og start forfra med samme elev og frø. Dette forsøket lagres ikke.", \
      "F5: load the scenario file again and start over with the same trainee and seed. This attempt is not saved.") \
    X(S_MISMATCH, "Det går ikke nå", "Not possible now")                                 \
    X(S_WHO_TRAINEE, "Du", "You")                                                        \
    X(S_EXAM_TASK, "Oppgave %d av %d", "Task %d of %d")                                  \
    X(S_EXAM_LEFT, "igjen av eksamenstiden", "of the exam time left")                    \
    X(S_EXAM_NEXT_TEXT, "Resultatene vises først når hele eksamen er ferdig. Trykk Enter for å starte neste oppgave.", \
      "Results are shown only when the whole exam is done. Press Enter to start the next task.") \
    X(S_EXAM_START, "Start oppgaven (Enter)", "Start the task (Enter)")                  \
    X(S_EXAM_RESULT, "Eksamensresultat", "Exam result")                                  \
    X(S_EXAM_SAVED, "Eksamenssammendraget er lagret i", "The exam summary is saved in")  \
    X(S_EXAM_TIME_UP, "Eksamenstiden er ute.", "The exam time is up.")                   \
    X(S_MORE_BELOW, "▼ Mer nedenfor – rull, PgDn eller Tab", "▼ More below – scroll, PgDn or Tab") \
    X(S_HINT_RINGING, "Tips: telefonen ringer – svar med F2.", "Tip: the phone is ringing – answer with F2.") \
    X(S_HINT_WAITING, "Tips: noen venter i venterommet – «Ta imot».", "Tip: someone is waiting – «Serve».") \
    X(S_HINT_MESSAGE, "Tips: en ny melding venter – F8.", "Tip: a new message is waiting – F8.") \
    X(S_HINT_ANSWER, "Tips: velg et svar med tallene 1–9.", "Tip: choose a reply with the keys 1–9.") \
    X(S_RES_HEADING, "Uferdig forsøk", "Unfinished attempt")                             \
    X(S_RES_TEXT, "Skranken ble avsluttet før dette forsøket var ferdig. Alt du gjorde, er tatt vare på – du kan fortsette der du slapp.", \
      "Skranken stopped before this attempt was finished. Everything you did is kept – you can continue where you left off.") \
    X(S_RES_SCENARIO, "Scenario", "Scenario")                                            \
    X(S_RES_TRAINEE, "Elev", "Trainee")                                                  \
    X(S_RES_STARTED, "Startet", "Started")                                               \
    X(S_RES_DATE, "%d.%m.%Y kl. %H:%M", "%Y-%m-%d %H:%M")                                \
    X(S_RES_REACHED, "Kommet til kl. %s i scenarioet (%d handlinger)", "Reached %s in the scenario (%d actions)") \
    X(S_RES_REACHED_ONE, "Kommet til kl. %s i scenarioet (1 handling)", "Reached %s in the scenario (1 action)") \
    X(S_RES_NO_ACTIONS, "Ingen handlinger ennå", "No actions yet")                       \
    X(S_RES_FINISHING, "Du hadde avsluttet forsøket, men rapporten ble ikke lagret. Fortsett for å lagre den.", \
      "You had finished the attempt, but the report was not saved. Continue to save it.") \
    X(S_RES_EXAM_SET, "Eksamenssett «%s», oppgave %d av %d: bare denne oppgaven fortsetter. Resten av settet må startes på nytt.", \
      "Exam set «%s», task %d of %d: only this task continues. The rest of the set must be started again.") \
    X(S_RES_CANNOT, "Kan ikke fortsettes", "Cannot be continued")                        \
    X(S_RES_COUNT, "Forsøk %d av %d som ikke er ferdige", "Attempt %d of %d not finished") \
    X(S_RES_CONTINUE, "Fortsett", "Continue")                                            \
    X(S_RES_DISCARD, "Forkast", "Discard")                                               \
    X(S_RES_LATER, "Senere", "Later")                                                    \
    X(S_RES_CONFIRM, "Vil du forkaste forsøket? Det kan ikke fortsettes etterpå, og det blir ingen rapport. Journalfila blir liggende i journal/discarded/.", \
      "Discard the attempt? It cannot be continued afterwards, and there will be no report. The journal file is kept in journal/discarded/.") \
    X(S_RES_CONFIRM_YES, "Ja, forkast", "Yes, discard")                                  \
    X(S_RES_CONFIRM_NO, "Nei", "No")                                                     \
    X(S_DESK_RESUMED, "Forsøket er hentet fram igjen. Klokka står på %s til du trykker Fortsett.", \
      "The attempt has been restored. The clock stands at %s until you press Continue.") \
    X(S_NOT_SAVED, "Ikke utført – journalen kunne ikke lagres", "Not done – the journal could not be saved") \
    X(S_DEB_SAVE_AGAIN, "Lagre på nytt", "Save again")                                   \
    X(S_ERR_SAVE_HEADING, "Forsøket kan ikke begynne", "The attempt cannot begin")       \
    X(S_ERR_SAVE_TEXT, "Skranken lagrer alt du gjør underveis, så ingenting går tapt – men nå kan den ikke skrive i datamappa. Frigjør plass eller sjekk mappa (se under), og prøv igjen.", \
      "Skranken saves everything you do as you go, so nothing is lost – but now it cannot write in its data folder. Free some space or check the folder (see below), and try again.")

typedef enum UiStringId {
#define UI_STRING_ENUM(id, nb, en) id,
    UI_STRINGS(UI_STRING_ENUM)
#undef UI_STRING_ENUM
    S_COUNT
} UiStringId;

/* "nb" (default) or "en"; returns -1 for another language. */
int ui_set_language(const char *lang);
const char *ui_text(UiStringId id);
/* Bokmål labels for the engine's closed sets. */
const char *ui_tube_label(const char *tube);
const char *ui_site_label(const char *site);

#endif
