#include "eventlog.h"
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

void eventlog_init(EventLog *log)
{
    memset(log, 0, sizeof *log);
}

void eventlog_free(EventLog *log)
{
    for (size_t i = 0; i < log->count; i++) {
        Event *e = &log->items[i];
        action_free(&e->action);
        free(e->code);
        free(e->who);
        free(e->to);
        free(e->text);
        free(e->goal);
        free(e->rule);
        free(e->better);
    }
    free(log->items);
    eventlog_init(log);
}

static Event *append(EventLog *log, SimTime t, EventKind kind)
{
    SK_GROW(log->items, log->count, log->cap);
    Event *e = &log->items[log->count++];
    memset(e, 0, sizeof *e);
    e->t = t;
    e->kind = kind;
    return e;
}

void eventlog_add_action(EventLog *log, const Action *action)
{
    Event *e = append(log, action->t, EVENT_ACTION);
    action_copy(&e->action, action);
}

void eventlog_add_happening(EventLog *log, SimTime t, const char *code, const char *who,
                            const char *text)
{
    Event *e = append(log, t, EVENT_HAPPENING);
    e->code = sk_xstrdup(code);
    e->who = sk_xstrdup(who);
    e->text = sk_xstrdup(text);
}

void eventlog_add_say(EventLog *log, SimTime t, const char *who, const char *to,
                      const char *text)
{
    Event *e = append(log, t, EVENT_SAY);
    e->who = sk_xstrdup(who);
    e->to = sk_xstrdup(to);
    e->text = sk_xstrdup(text);
}

void eventlog_add_score(EventLog *log, SimTime t, ScoreKind kind, const char *goal, int points,
                        const char *rule, const char *text, const char *better)
{
    Event *e = append(log, t, EVENT_SCORE);
    e->score_kind = kind;
    e->goal = sk_xstrdup(goal);
    e->points = points;
    e->rule = sk_xstrdup(rule);
    e->text = sk_xstrdup(text);
    e->better = sk_xstrdup(better);
}

const char *score_kind_name(ScoreKind kind)
{
    switch (kind) {
    case SCORE_AWARD: return "award";
    case SCORE_DEDUCT: return "deduct";
    case SCORE_CRITICAL: return "critical";
    }
    return "?";
}

const char *event_kind_name(EventKind kind)
{
    switch (kind) {
    case EVENT_ACTION: return "action";
    case EVENT_HAPPENING: return "happening";
    case EVENT_SAY: return "say";
    case EVENT_SCORE: return "score";
    }
    return "?";
}
