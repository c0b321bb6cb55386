/* The desk: clock and pause; the waiting room; the phone; the conversation
 * with reply choices and typed answers. The tools are in desk_tools.c. */
#include "ui_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static World *world_of(App *app)
{
    return scenario_world(app->host->scenario(app->host->ctx));
}

/* New scored decisions become feedback in practice mode; exam mode shows none. */
static void collect_feedback(App *app)
{
    const EventLog *log = &world_of(app)->log;
    for (size_t i = app->seen_scores; i < log->count; i++) {
        const Event *e = &log->items[i];
        if (e->kind != EVENT_SCORE || app->exam)
            continue;
        const char *head = e->score_kind == SCORE_AWARD    ? ui_text(S_FEEDBACK_PLUS)
                           : e->score_kind == SCORE_DEDUCT ? ui_text(S_FEEDBACK_MINUS)
                                                           : ui_text(S_FEEDBACK_CRITICAL);
        if (e->score_kind == SCORE_CRITICAL)
            snprintf(app->feedback, sizeof app->feedback, "%s: %s (%s)", head, e->text,
                     e->rule ? e->rule : "");
        else
            snprintf(app->feedback, sizeof app->feedback, "%s %s%d: %s", head,
                     e->score_kind == SCORE_AWARD ? "+" : "−", e->points, e->text);
        app->feedback_kind = e->score_kind == SCORE_AWARD ? 1 : e->score_kind == SCORE_DEDUCT ? 2 : 3;
        app->feedback_until = 0;
    }
    if (log->count > app->seen_scores && app->feedback[0] && !app->feedback_until) {
        app->feedback_until = ui_ticks() + 7000;
    }
    app->seen_scores = log->count;
}

static void top_bar(App *app, UiRect r)
{
    Ui *ui = &app->ui;
    const UiTheme *t = ui->theme;
    Scenario *sc = app->host->scenario(app->host->ctx);
    const ScenarioMeta *m = scenario_meta(sc);
    int u = ui->unit;
    gfx_fill(ui->g, r, t->accent);
    char tb[16];
    simtime_format(app_sim_now(app) / 1000 * 1000, tb, sizeof tb);
    int x = r.x + u;
    x += gfx_text(ui->g, x, r.y + (r.h - gfx_line_height(ui->g, FONT_LARGE)) / 2, tb, FONT_LARGE,
                  t->accent_text) + u;
    char line[512];
    snprintf(line, sizeof line, "%s · %s · %s", m->title, strbuf_str(&app->name),
             app->exam ? ui_text(S_MODE_EXAM) : ui_text(S_MODE_PRACTICE));
    gfx_text(ui->g, x, r.y + u / 3, line, FONT_BOLD, t->accent_text);
    UiRect pause = {r.x + r.w - u * 10, r.y + u / 2, u * 9, r.h - u};
    if (ui_button(ui, ui_id("desk.pause", 0), pause,
                  app->paused ? ui_text(S_DESK_CONTINUE) : ui_text(S_DESK_PAUSE), BUTTON_NORMAL, 1))
        app_set_pause(app, !app->paused);
    app_hit(app, "pause", pause);
    /* Feedback (practice) or the status of the last action, under the title. */
    int y = r.y + u / 3 + gfx_line_height(ui->g, FONT_BOLD) + 4;
    int w = pause.x - x - u;
    if (app->status[0]) {
        char s[600];
        snprintf(s, sizeof s, "⚠ %s", app->status);
        gfx_clip(ui->g, &r);
        gfx_text(ui->g, x, y, s, FONT_BODY, t->accent_text);
        gfx_clip(ui->g, NULL);
    } else if (app->notice[0]) {
        /* after F5: which file was read again (for a few seconds) */
        char s[600];
        snprintf(s, sizeof s, "↻ %s", app->notice);
        gfx_clip(ui->g, &r);
        gfx_text(ui->g, x, y, s, FONT_BOLD, t->accent_text);
        gfx_clip(ui->g, NULL);
    } else if (!app->feedback[0] && !app->exam) {
        /* Practice mode: a hint about what is waiting for you. */
        World *w = world_of(app);
        UiStringId hint = S_COUNT;
        for (size_t i = 0; i < w->call_count && hint == S_COUNT; i++)
            if (w->calls[i].state == CALL_RINGING)
                hint = S_HINT_RINGING;
        Prompt *p = world_prompt(w, app->talk_to);
        if (hint == S_COUNT && p && p->kind == PROMPT_CHOICE && world_can_talk(w, app->talk_to))
            hint = S_HINT_ANSWER;
        for (size_t i = 0; i < w->message_count && hint == S_COUNT; i++)
            if (w->messages[i].read < 0)
                hint = S_HINT_MESSAGE;
        for (size_t i = 0; i < w->visit_count && hint == S_COUNT; i++)
            if (w->visits[i].state == VISIT_WAITING)
                hint = S_HINT_WAITING;
        if (hint != S_COUNT)
            gfx_text(ui->g, x, y, ui_text(hint), FONT_BODY, t->accent_text);
    } else if (app->feedback[0]) {
        /* up to two small lines: the whole text is also in the debrief */
        int sl = gfx_line_height(ui->g, FONT_SMALL);
        int h = gfx_text_wrapped(ui->g, 0, 0, w - 12, app->feedback, FONT_SMALL, t->text, 0);
        if (h > sl * 2)
            h = sl * 2;
        UiRect box = {x - 6, y - 2, w, h + 4};
        UiColor c = app->feedback_kind == 1 ? t->good : app->feedback_kind == 2 ? t->warn : t->bad;
        gfx_fill(ui->g, box, c);
        gfx_clip(ui->g, &box);
        gfx_text_wrapped(ui->g, x, y, w - 12, app->feedback, FONT_SMALL, t->accent_text, 1);
        gfx_clip(ui->g, NULL);
    }
}

static void queue_panel(App *app, UiRect r)
{
    Ui *ui = &app->ui;
    const UiTheme *t = ui->theme;
    World *w = world_of(app);
    int u = ui->unit, lh = gfx_line_height(ui->g, FONT_BODY);
    ui_panel(ui, r, ui_text(S_DESK_QUEUE));
    UiRect in = rect_shrink(r, u / 2);
    rect_cut_top(&in, gfx_line_height(ui->g, FONT_BOLD) + 10);
    int shown = 0;
    SimTime now = app_sim_now(app);
    for (size_t i = 0; i < w->visit_count; i++) {
        Visit *v = &w->visits[i];
        if (v->state == VISIT_DONE)
            continue;
        shown++;
        UiRect row = rect_cut_top(&in, lh * 2 + 12);
        if (row.h < lh * 2)
            break;
        int at_counter = v->state == VISIT_AT_COUNTER;
        gfx_fill(ui->g, row, at_counter ? t->selected : t->panel);
        if (at_counter)
            gfx_fill(ui->g, (UiRect){row.x, row.y, 5, row.h}, t->accent);
        char waited[32], line[256];
        app_format_seconds((long)(((v->served >= 0 ? v->served : now) - v->arrived) / 1000), waited,
                           sizeof waited);
        gfx_text(ui->g, row.x + 10, row.y + 4, app_person_name(app, v->person),
                 at_counter ? FONT_BOLD : FONT_BODY, t->text);
        snprintf(line, sizeof line, "%s%s %s%s%s", at_counter ? ui_text(S_DESK_AT_COUNTER) : "",
                 at_counter ? " ·" : "", ui_text(S_DESK_WAITED), " ", waited);
        if (v->checked_in) {
            strncat(line, " · ", sizeof line - strlen(line) - 1);
            strncat(line, ui_text(S_DESK_CHECKED_IN), sizeof line - strlen(line) - 1);
        }
        if (v->charged >= 0) {
            char paid[64];
            snprintf(paid, sizeof paid, " · %s %d %s", ui_text(S_DESK_PAID), v->charged,
                     ui_text(S_DESK_KR));
            strncat(line, paid, sizeof line - strlen(line) - 1);
        }
        gfx_text(ui->g, row.x + 10, row.y + 4 + lh, line, FONT_SMALL, t->muted);
        if (!at_counter) {
            int bw = gfx_text_width(ui->g, ui_text(S_DESK_SERVE), FONT_BODY) + u * 2;
            UiRect b = {row.x + row.w - bw - 6, row.y + (row.h - lh - 8) / 2, bw, lh + 8};
            if (ui_button(ui, ui_id("desk.serve", (int)i), b, ui_text(S_DESK_SERVE),
                          BUTTON_PRIMARY, !app->paused)) {
                if (app_act(app, ACTION_SERVE, v->person, NULL, NULL, NULL) == 0)
                    snprintf(app->talk_to, sizeof app->talk_to, "%s", v->person);
            }
            char hit[128];
            snprintf(hit, sizeof hit, "%s %s", ui_text(S_DESK_SERVE), v->person);
            app_hit(app, hit, b);
        }
        rect_cut_top(&in, 4);
    }
    if (!shown)
        gfx_text(ui->g, in.x, in.y, ui_text(S_DESK_QUEUE_EMPTY), FONT_BODY, t->muted);
}

static const char *call_state_text(CallState s)
{
    switch (s) {
    case CALL_RINGING: return ui_text(S_PHONE_RINGING);
    case CALL_TALKING: return ui_text(S_PHONE_TALKING);
    case CALL_ON_HOLD: return ui_text(S_PHONE_ON_HOLD);
    default: return ui_text(S_PHONE_IDLE);
    }
}

static void phone_panel(App *app, UiRect r)
{
    Ui *ui = &app->ui;
    const UiTheme *t = ui->theme;
    World *w = world_of(app);
    int u = ui->unit, lh = gfx_line_height(ui->g, FONT_BODY);
    ui_panel(ui, r, ui_text(S_PHONE));
    UiRect in = rect_shrink(r, u / 2);
    rect_cut_top(&in, gfx_line_height(ui->g, FONT_BOLD) + 10);
    int bh = lh + 8;
    for (int line = 1; line <= WORLD_PHONE_LINES; line++) {
        Call *c = world_call_on_line(w, line);
        if (!c && line > 2)
            continue; /* lines 3-4 show only when in use */
        UiRect row = rect_cut_top(&in, c && c->state != CALL_RINGING ? lh + bh + 10 : lh + 10);
        int ringing = c && c->state == CALL_RINGING;
        gfx_fill(ui->g, row, ringing ? t->ringing : t->panel);
        if (ringing)
            gfx_frame(ui->g, row, t->warn, 3);
        char text[256], ln[8];
        snprintf(ln, sizeof ln, "%d", line);
        snprintf(text, sizeof text, "%s %d: %s%s%s", ui_text(S_PHONE_LINE), line,
                 c ? call_state_text(c->state) : ui_text(S_PHONE_IDLE),
                 c && !ringing ? " – " : "", c && !ringing ? app_person_name(app, c->caller) : "");
        gfx_text(ui->g, row.x + 8, row.y + 5, text, ringing ? FONT_BOLD : FONT_BODY, t->text);
        if (ringing) {
            int bw = gfx_text_width(ui->g, ui_text(S_PHONE_ANSWER), FONT_BODY) + u * 2;
            UiRect b = {row.x + row.w - bw - 6, row.y + 3, bw, row.h - 6};
            if (ui_button(ui, ui_id("phone.answer", line), b, ui_text(S_PHONE_ANSWER),
                          BUTTON_PRIMARY, !app->paused) &&
                app_act(app, ACTION_ANSWER, ln, NULL, NULL, NULL) == 0)
                snprintf(app->talk_to, sizeof app->talk_to, "%s", c->caller);
            char hit[64];
            snprintf(hit, sizeof hit, "answer %d", line);
            app_hit(app, hit, b);
        } else if (c) {
            UiFlow f;
            ui_flow_begin(&f, (UiRect){row.x + 6, row.y + lh + 8, row.w - 12, in.h});
            int on_hold = c->state == CALL_ON_HOLD;
            char hit[96];
            UiRect placed;
            if (ui_flow_button(ui, &f, ui_id("phone.hold", line),
                               ui_text(on_hold ? S_PHONE_UNHOLD : S_PHONE_HOLD), BUTTON_NORMAL,
                               !app->paused, &placed))
                app_act(app, on_hold ? ACTION_UNHOLD : ACTION_HOLD, ln, NULL, NULL, NULL);
            snprintf(hit, sizeof hit, "hold %d", line);
            app_hit(app, hit, placed);
            if (ui_flow_button(ui, &f, ui_id("phone.hangup", line), ui_text(S_PHONE_HANG_UP),
                               BUTTON_NORMAL, !app->paused, &placed))
                app_act(app, ACTION_HANG_UP, ln, NULL, NULL, NULL);
            snprintf(hit, sizeof hit, "hang_up %d", line);
            app_hit(app, hit, placed);
            for (size_t i = 0; i < w->person_count; i++)
                if (w->people[i].kind == PERSON_DOCTOR) {
                    char label[160];
                    snprintf(label, sizeof label, "%s %s", ui_text(S_PHONE_TRANSFER),
                             w->people[i].name);
                    if (ui_flow_button(ui, &f, ui_id("phone.transfer", line * 100 + (int)i), label,
                                       BUTTON_NORMAL, !app->paused, &placed))
                        app_act(app, ACTION_TRANSFER, ln, w->people[i].id, NULL, NULL);
                    snprintf(hit, sizeof hit, "transfer %d %s", line, w->people[i].id);
                    app_hit(app, hit, placed);
                }
            /* the row grows to hold the buttons */
            int extra = ui_flow_height(&f) - bh;
            if (extra > 0)
                rect_cut_top(&in, extra);
        }
        rect_cut_top(&in, 4);
    }
    /* Emergency and the doctor, always at hand. */
    rect_cut_top(&in, 6);
    UiFlow f;
    ui_flow_begin(&f, in);
    UiRect placed;
    if (ui_flow_button(ui, &f, ui_id("phone.113", 0), ui_text(S_PHONE_113), BUTTON_DANGER,
                       !app->paused, &placed))
        app_act(app, ACTION_CALL_113, NULL, NULL, NULL, NULL);
    app_hit(app, ui_text(S_PHONE_113), placed);
    for (size_t i = 0; i < w->person_count; i++)
        if (w->people[i].kind == PERSON_DOCTOR) {
            char label[160], hit[96];
            snprintf(label, sizeof label, "%s: %s", ui_text(S_PHONE_PAGE), w->people[i].name);
            if (ui_flow_button(ui, &f, ui_id("phone.page", (int)i), label, BUTTON_NORMAL,
                               !app->paused, &placed))
                app_act(app, ACTION_PAGE_DOCTOR, w->people[i].id, NULL, NULL, NULL);
            snprintf(hit, sizeof hit, "page %s", w->people[i].id);
            app_hit(app, hit, placed);
        }
}

/* The people one can talk with now, or has talked with: conversation tabs. */
static int conversation_people(World *w, const char *out[], int max)
{
    int n = 0;
    for (size_t i = 0; i < w->visit_count && n < max; i++)
        if (w->visits[i].state == VISIT_AT_COUNTER)
            out[n++] = w->visits[i].person;
    for (size_t i = 0; i < w->call_count && n < max; i++)
        if (w->calls[i].state == CALL_TALKING || w->calls[i].state == CALL_ON_HOLD)
            out[n++] = w->calls[i].caller;
    return n;
}

static void conversation_panel(App *app, UiRect r)
{
    Ui *ui = &app->ui;
    const UiTheme *t = ui->theme;
    World *w = world_of(app);
    int u = ui->unit, lh = gfx_line_height(ui->g, FONT_BODY);
    ui_panel(ui, r, ui_text(S_DESK_CONVERSATION));
    UiRect in = rect_shrink(r, u / 2);
    rect_cut_top(&in, gfx_line_height(ui->g, FONT_BOLD) + 10);

    const char *people[16];
    int n = conversation_people(w, people, 16);
    int current_ok = 0;
    for (int i = 0; i < n; i++)
        current_ok |= strcmp(people[i], app->talk_to) == 0;
    if (!current_ok && !world_prompt(w, app->talk_to))
        snprintf(app->talk_to, sizeof app->talk_to, "%s", n ? people[0] : "");
    if (n > 1) { /* tabs between conversations */
        UiRect tabs = rect_cut_top(&in, lh + 10);
        int tw = tabs.w / n;
        for (int i = 0; i < n; i++) {
            UiRect b = rect_cut_left(&tabs, tw - 4);
            rect_cut_left(&tabs, 4);
            int sel = strcmp(people[i], app->talk_to) == 0;
            char label[160];
            snprintf(label, sizeof label, "%s%s", sel ? "▸ " : "", app_person_name(app, people[i]));
            if (ui_button(ui, ui_id("conv.tab", i), b, label, sel ? BUTTON_PRIMARY : BUTTON_NORMAL, 1))
                snprintf(app->talk_to, sizeof app->talk_to, "%s", people[i]);
        }
        rect_cut_top(&in, 6);
    }
    if (!app->talk_to[0]) {
        gfx_text_wrapped(ui->g, in.x, in.y, in.w, ui_text(S_DESK_NO_CONVERSATION), FONT_BODY,
                         t->muted, 1);
        return;
    }
    const char *who = app->talk_to;
    Visit *v = world_visit(w, who);
    int at_counter = v && v->state == VISIT_AT_COUNTER;
    Prompt *p = world_prompt(w, who);
    int can_talk = world_can_talk(w, who);

    /* Bottom: answers, then desk actions for a patient at the counter. */
    int answer_h = 0;
    if (p && can_talk && p->kind == PROMPT_CHOICE) {
        for (size_t i = 0; i < p->keys.count; i++) {
            char label[2100];
            snprintf(label, sizeof label, "%zu  %s", i + 1, p->texts.items[i]);
            answer_h += gfx_text_wrapped(ui->g, 0, 0, in.w - 16, label, FONT_BODY, t->text, 0) + 10;
        }
    } else if (p && can_talk) {
        answer_h = lh + u + 8 +
                   gfx_text_wrapped(ui->g, 0, 0, in.w, p->question, FONT_BOLD, t->text, 0) + 4;
    }
    int desk_h = at_counter ? lh + u + 8 : 0;
    UiRect bottom = rect_cut_bottom(&in, answer_h + desk_h + 8);
    /* Transcript: this person's lines and the trainee's answers to them. */
    UiRect tr = in;
    gfx_clip(ui->g, &tr);
    const EventLog *log = &w->log;
    int total = 0;
    for (int pass = 0; pass < 2; pass++) { /* measure, then draw the last lines that fit */
        int y = tr.y + (pass ? (tr.h - total < 0 ? tr.h - total : 0) : 0);
        for (size_t i = 0; i < log->count; i++) {
            const Event *e = &log->items[i];
            if (e->kind != EVENT_SAY)
                continue;
            int mine = e->who && strcmp(e->who, who) == 0;
            int answer = e->who && strcmp(e->who, "trainee") == 0 && e->to && strcmp(e->to, who) == 0;
            if (!mine && !answer)
                continue;
            char line[2300];
            snprintf(line, sizeof line, "%s: %s", answer ? ui_text(S_DESK_YOU) : app_person_name(app, who),
                     e->text);
            int x = answer ? tr.x + u * 2 : tr.x;
            int h = gfx_text_wrapped(ui->g, x, y, tr.w - u * 2, line, answer ? FONT_BOLD : FONT_BODY,
                                     answer ? t->accent : t->text, pass && y + lh * 4 > tr.y);
            y += h + 6;
            if (!pass)
                total += h + 6;
        }
    }
    gfx_clip(ui->g, NULL);

    UiRect b = rect_shrink(bottom, 0);
    if (p && can_talk && p->kind == PROMPT_CHOICE) {
        /* Number keys choose when no text field has focus. */
        int digit = 0;
        if (!ui->typing && ui->in.text[0] >= '1' && ui->in.text[0] <= '9' && ui->in.text[1] == '\0')
            digit = ui->in.text[0] - '0';
        for (size_t i = 0; i < p->keys.count; i++) {
            char label[2100];
            snprintf(label, sizeof label, "%zu  %s", i + 1, p->texts.items[i]);
            int h = gfx_text_wrapped(ui->g, 0, 0, b.w - 16, label, FONT_BODY, t->text, 0);
            UiRect row = rect_cut_top(&b, h + 6);
            rect_cut_top(&b, 4);
            uint32_t id = ui_id("conv.choice", (int)i);
            int hit = ui_focusable(ui, id, row);
            gfx_fill(ui->g, row, t->panel_alt);
            gfx_frame(ui->g, row, ui->focus == id ? t->focus : t->border, ui->focus == id ? 3 : 1);
            gfx_clip(ui->g, &row);
            gfx_text_wrapped(ui->g, row.x + 8, row.y + 3, row.w - 16, label, FONT_BODY, t->text, 1);
            gfx_clip(ui->g, NULL);
            char hitname[80];
            snprintf(hitname, sizeof hitname, "choose %s", p->keys.items[i]);
            app_hit(app, hitname, row);
            if ((hit || digit == (int)i + 1) && !app->paused) {
                char key[72];
                snprintf(key, sizeof key, "%s", p->keys.items[i]);
                app_act(app, ACTION_CHOOSE, who, key, NULL, NULL);
                ui->in.text[0] = '\0';
                break;
            }
        }
    } else if (p && can_talk && p->kind == PROMPT_TEXT) {
        /* the instruction for what to type */
        int qh = gfx_text_wrapped(ui->g, b.x, b.y, b.w, p->question, FONT_BOLD, t->text, 1);
        rect_cut_top(&b, qh + 4);
        UiRect row = rect_cut_top(&b, lh + u);
        UiRect send = rect_cut_right(&row, gfx_text_width(ui->g, ui_text(S_DESK_SEND), FONT_BODY) + u * 2);
        rect_cut_right(&row, 6);
        uint32_t fid = ui_id("conv.typed", 0);
        if (ui->focus == 0)
            ui_focus(ui, fid);
        int submit = ui_text_field(ui, fid, row, &app->typed, ui_text(S_DESK_TYPE_ANSWER), 200);
        app_hit(app, "typed", row);
        if (ui_button(ui, ui_id("conv.send", 0), send, ui_text(S_DESK_SEND), BUTTON_PRIMARY, 1))
            submit = 1;
        if (submit && app->typed.len && !app->paused &&
            app_act(app, ACTION_TYPE, who, strbuf_str(&app->typed), NULL, NULL) == 0)
            strbuf_clear(&app->typed);
        rect_cut_top(&b, 6);
    }
    if (at_counter) {
        UiRect row = rect_cut_top(&b, lh + u);
        int cw = gfx_text_width(ui->g, ui_text(S_DESK_CHECK_IN), FONT_BODY) + u * 2;
        UiRect ci = rect_cut_left(&row, cw);
        rect_cut_left(&row, 8);
        if (ui_button(ui, ui_id("desk.checkin", 0), ci, ui_text(S_DESK_CHECK_IN), BUTTON_NORMAL,
                      !v->checked_in && !app->paused))
            app_act(app, ACTION_CHECK_IN, who, NULL, NULL, NULL);
        app_hit(app, ui_text(S_DESK_CHECK_IN), ci);
        int pw = gfx_text_width(ui->g, ui_text(S_DESK_CHARGE), FONT_BODY) + u * 2;
        UiRect pay = rect_cut_right(&row, pw);
        rect_cut_right(&row, 6);
        UiRect kr = rect_cut_right(&row, gfx_text_width(ui->g, ui_text(S_DESK_KR), FONT_BODY) + 8);
        gfx_text(ui->g, kr.x + 4, kr.y + (kr.h - lh) / 2, ui_text(S_DESK_KR), FONT_BODY, t->text);
        ui_text_field(ui, ui_id("desk.amount", 0), row, &app->amount, "0", 6);
        app_hit(app, "amount", row);
        if (ui_button(ui, ui_id("desk.charge", 0), pay, ui_text(S_DESK_CHARGE), BUTTON_NORMAL,
                      app->amount.len > 0 && !app->paused) &&
            app_act(app, ACTION_CHARGE, who, strbuf_str(&app->amount), NULL, NULL) == 0)
            strbuf_clear(&app->amount);
        app_hit(app, ui_text(S_DESK_CHARGE), pay);
    }
}

static void pause_overlay(App *app)
{
    Ui *ui = &app->ui;
    const UiTheme *t = ui->theme;
    int u = ui->unit, lh = gfx_line_height(ui->g, FONT_BODY);
    UiColor shade = {0, 0, 0, 140};
    gfx_fill(ui->g, (UiRect){0, 0, app->width, app->height}, shade);
    int bw = u * 38 < app->width - u ? u * 38 : app->width - u; /* large text: stay inside */
    UiRect box = {(app->width - bw) / 2, app->height / 2 - u * 8, bw, u * 16};
    ui_panel(ui, box, ui_text(S_DESK_PAUSED));
    UiRect in = rect_shrink(box, u);
    rect_cut_top(&in, lh + u);
    /* cut, not just moved down: the buttons stay inside the box */
    if (app->resumed_pause) { /* just resumed: not a recorded pause */
        char line[512], tb[16];
        simtime_format(app_sim_now(app), tb, sizeof tb);
        tb[strcspn(tb, ".")] = '\0'; /* to the second, as the clock shows it */
        snprintf(line, sizeof line, ui_text(S_DESK_RESUMED), tb);
        rect_cut_top(&in, gfx_text_wrapped(ui->g, in.x, in.y, in.w, line, FONT_BODY, t->text, 1));
    } else if (app->exam)
        rect_cut_top(&in, gfx_text_wrapped(ui->g, in.x, in.y, in.w, ui_text(S_DESK_PAUSED_EXAM),
                                           FONT_BODY, t->text, 1));
    else if (app_can_reload(app))
        rect_cut_top(&in, gfx_text_wrapped(ui->g, in.x, in.y, in.w, ui_text(S_DESK_PAUSED_RELOAD),
                                           FONT_SMALL, t->text, 1));
    const char *labels[3] = {ui_text(S_DESK_CONTINUE), ui_text(S_DESK_FINISH_NOW),
                             ui_text(S_DESK_QUIT)};
    UiRect r[3];
    ui_button_row(ui, &in, labels, 3, r);
    UiRect b1 = r[0], b2 = r[1], b = r[2];
    if (ui_button(ui, ui_id("pause.continue", 0), b1, ui_text(S_DESK_CONTINUE), BUTTON_PRIMARY, 1))
        app_set_pause(app, 0);
    app_hit(app, ui_text(S_DESK_CONTINUE), b1);
    if (ui_button(ui, ui_id("pause.finish", 0), b2, ui_text(S_DESK_FINISH_NOW), BUTTON_NORMAL, 1)) {
        app->paused = 0;
        app_finish_attempt(app);
        return;
    }
    app_hit(app, ui_text(S_DESK_FINISH_NOW), b2);
    if (ui_button(ui, ui_id("pause.quit", 0), b, ui_text(S_DESK_QUIT), BUTTON_DANGER, 1)) {
        app->host->abandon(app->host->ctx);
        app_leave_exam(app);
        app->running = 0;
        app->paused = 0;
        app->reload_ok = 0;
        app->screen = SCREEN_LIBRARY;
        app->host->library_refresh(app->host->ctx, strbuf_str(&app->name));
    }
    app_hit(app, ui_text(S_DESK_QUIT), b);
}

void screen_desk(App *app)
{
    if (!app->running)
        return;
    collect_feedback(app);
    if (app->ui.inert && !app->paused)
        app->ui.inert = 0;
    app->ui.inert = app->paused; /* the pause dialog is modal */
    DeskLayout l;
    layout_desk(app->width, app->height, app->ui.unit, &l);
    top_bar(app, l.top);
    queue_panel(app, rect_shrink(l.queue, 4));
    phone_panel(app, rect_shrink(l.phone, 4));
    conversation_panel(app, rect_shrink(l.conversation, 4));
    if (app->screen != SCREEN_DESK)
        return; /* an action ended the attempt (fault) */
    desk_tools(app, l.tabs, l.tool);
    app->ui.inert = 0;
    if (app->paused && app->screen == SCREEN_DESK)
        pause_overlay(app);
}
