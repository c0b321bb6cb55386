/* The closed set of trainee actions. The GUI makes them from clicks and keys, the
 * headless driver reads them from an inputs file, the report's timeline and input
 * log are written in them. One table (action_specs) names them all; the inputs
 * format (docs/inputs-format.md) and the Lua view of an action come from it. */
#ifndef SKRANKEN_ACTION_H
#define SKRANKEN_ACTION_H

#include "simtime.h"
#include "strbuf.h"

typedef enum ActionKind {
    ACTION_WAIT,
    ACTION_SERVE,
    ACTION_ANSWER,
    ACTION_HOLD,
    ACTION_UNHOLD,
    ACTION_HANG_UP,
    ACTION_TRANSFER,
    ACTION_CHOOSE,
    ACTION_TYPE,
    ACTION_SEARCH_RECORD,
    ACTION_OPEN_RECORD,
    ACTION_CLOSE_RECORD,
    ACTION_BOOK,
    ACTION_CANCEL,
    ACTION_MOVE,
    ACTION_CHECK_IN,
    ACTION_CHARGE,
    ACTION_READ_MESSAGE,
    ACTION_LAB_STEP,
    ACTION_PICK_TUBE,
    ACTION_PLACE_ELECTRODE,
    ACTION_LABEL,
    ACTION_CALL_113,
    ACTION_PAGE_DOCTOR,
    ACTION_LOCK_SCREEN,
    ACTION_UNLOCK_SCREEN,
    ACTION_PAUSE,
    ACTION_COUNT
} ActionKind;

typedef enum ActionArgType {
    ARG_ID,   /* identifier: person, message, task, tube, step ... */
    ARG_TEXT, /* free text, quoted in the inputs file */
    ARG_SLOT, /* a timebok slot: HH:MM today or +N/HH:MM N working days ahead */
    ARG_INT,  /* non-negative whole number */
    ARG_LINE  /* phone line number 1-9 */
} ActionArgType;

#define ACTION_MAX_ARGS 4
#define ACTION_MAX_TEXT 1000 /* bytes in one text argument */

typedef struct ActionSpec {
    const char *name;                       /* as in the inputs file */
    int argc;
    ActionArgType types[ACTION_MAX_ARGS];
    const char *fields[ACTION_MAX_ARGS];    /* field names in Lua and reports */
    const char *summary;                    /* bokmål, for the timeline */
} ActionSpec;

typedef struct Action {
    ActionKind kind;
    SimTime t;
    char *args[ACTION_MAX_ARGS]; /* owned; NULL past argc */
} Action;

extern const ActionSpec action_specs[ACTION_COUNT];

const ActionSpec *action_spec(ActionKind kind);
/* Looks an action up by its name; returns -1 if there is none. */
int action_kind_from_name(const char *name);

/* Makes an action, copying the arguments; args has spec->argc entries. Checks each
 * against its type. Returns 0, or -1 with a bokmål message in err. */
int action_make(Action *out, ActionKind kind, SimTime t, const char *const *args,
                char *err, size_t errsize);
void action_copy(Action *dst, const Action *src);
void action_free(Action *action);
/* The value of a named field, or NULL. */
const char *action_field(const Action *action, const char *field);

/* Parses one line of an inputs file. Returns 1 with *out filled, 0 for a blank or
 * comment line, -1 with a bokmål message in err (no line number: the caller adds
 * file and line). */
int action_parse_line(const char *line, Action *out, char *err, size_t errsize);

/* Appends the action as one inputs-file line (no newline). */
void action_format(const Action *action, StrBuf *out);

#endif
