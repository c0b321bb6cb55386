/* The desk's tools: patient record, timebok, messages and the lab bench. */
#include "ui_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static World *world_of(App *app)
{
    return scenario_world(app->host->scenario(app->host->ctx));
}

/* One "label: value" line, wrapped; returns the height used. */
static int field_line(App *app, int x, int y, int w, const char *label, const char *value)
{
    char line[2200];
    snprintf(line, sizeof line, "%s: %s", label, value && *value ? value : ui_text(S_REC_NONE));
    return gfx_text_wrapped(app->ui.g, x, y, w, line, FONT_BODY, app->ui.theme->text, 1) + 2;
}

static int heading(App *app, int x, int y, const char *text)
{
    gfx_text(app->ui.g, x, y + 6, text, FONT_BOLD, app->ui.theme->text);
    return gfx_line_height(app->ui.g, FONT_BOLD) + 8;
}

static void record_tab(App *app, UiRect r)
{
    Ui *ui = &app->ui;
    const UiTheme *t = ui->theme;
    World *w = world_of(app);
    int u = ui->unit, lh = gfx_line_height(ui->g, FONT_BODY);
    UiRect lockbar = rect_cut_bottom(&r, lh + u);
    int lw1 = gfx_text_width(ui->g, ui_text(S_REC_UNLOCK), FONT_BODY);
    int lw2 = gfx_text_width(ui->g, ui_text(S_REC_LOCK), FONT_BODY);
    int lw = (lw1 > lw2 ? lw1 : lw2) + u * 2;
    UiRect lock = {lockbar.x + lockbar.w - lw, lockbar.y + 4, lw, lockbar.h - 8};
    if (ui_button(ui, ui_id("rec.lock", 0), lock,
                  ui_text(w->screen_locked ? S_REC_UNLOCK : S_REC_LOCK), BUTTON_NORMAL, !app->paused))
        app_act(app, w->screen_locked ? ACTION_UNLOCK_SCREEN : ACTION_LOCK_SCREEN, NULL, NULL,
                NULL, NULL);
    app_hit(app, "lock", lock);
    if (w->screen_locked) {
        gfx_fill(ui->g, r, t->panel_alt);
        gfx_text(ui->g, r.x + u, r.y + u, ui_text(S_REC_LOCKED), FONT_LARGE, t->text);
        return;
    }
    if (w->open_record) {
        Record *rec = world_record(w, w->open_record);
        Person *p = world_person(w, w->open_record);
        UiRect top = rect_cut_top(&r, lh + u);
        gfx_text(ui->g, top.x, top.y + 4, p ? p->name : w->open_record, FONT_LARGE, t->text);
        int cw = gfx_text_width(ui->g, ui_text(S_REC_CLOSE), FONT_BODY) + u * 2;
        UiRect close = {top.x + top.w - cw, top.y + 2, cw, top.h - 4};
        if (ui_button(ui, ui_id("rec.close", 0), close, ui_text(S_REC_CLOSE), BUTTON_NORMAL, 1))
            app_act(app, ACTION_CLOSE_RECORD, NULL, NULL, NULL, NULL);
        app_hit(app, ui_text(S_REC_CLOSE), close);
        if (!rec)
            return;
        gfx_clip(ui->g, &r);
        int x = r.x, y = r.y - app->scroll_tool, wd = r.w - 8;
        char buf[512];
        y += field_line(app, x, y, wd, ui_text(S_REC_FNR), rec->fnr);
        snprintf(buf, sizeof buf, "%02d.%02d.%04d (%s)", rec->birth_day, rec->birth_month,
                 rec->birth_year, ui_text(rec->male ? S_REC_MALE : S_REC_FEMALE));
        y += field_line(app, x, y, wd, ui_text(S_REC_BORN), buf);
        y += field_line(app, x, y, wd, ui_text(S_REC_PHONE), p ? p->phone : NULL);
        y += field_line(app, x, y, wd, ui_text(S_REC_ADDRESS), rec->address);
        y += field_line(app, x, y, wd, ui_text(S_REC_RELATIVE),
                        rec->nearest_relative ? app_person_name(app, rec->nearest_relative) : NULL);
        StrBuf sb;
        strbuf_init(&sb);
        for (size_t i = 0; i < rec->consent.count; i++)
            strbuf_addf(&sb, "%s%s", i ? ", " : "", app_person_name(app, rec->consent.items[i]));
        y += field_line(app, x, y, wd, ui_text(S_REC_CONSENT), strbuf_str(&sb));
        strbuf_clear(&sb);
        for (size_t i = 0; i < rec->reservations.count; i++)
            strbuf_addf(&sb, "%s%s", i ? "; " : "", rec->reservations.items[i]);
        y += field_line(app, x, y, wd, ui_text(S_REC_RESERVATIONS), strbuf_str(&sb));
        y += heading(app, x, y, ui_text(S_REC_APPOINTMENTS));
        if (!rec->appointment_count)
            y += gfx_text(ui->g, x, y, ui_text(S_REC_NONE), FONT_BODY, t->muted) ? lh : lh;
        for (size_t i = 0; i < rec->appointment_count; i++) {
            Appointment *a = &rec->appointments[i];
            strbuf_clear(&sb);
            strbuf_addf(&sb, "%s %s %s %s", a->date, a->time ? a->time : "",
                        a->doctor ? app_person_name(app, a->doctor) : "", a->reason ? a->reason : "");
            y += gfx_text_wrapped(ui->g, x + u, y, wd - u, strbuf_str(&sb), FONT_BODY, t->text, 1);
        }
        y += heading(app, x, y, ui_text(S_REC_RESULTS));
        if (!rec->result_count)
            y += lh, gfx_text(ui->g, x, y - lh, ui_text(S_REC_NONE), FONT_BODY, t->muted);
        for (size_t i = 0; i < rec->result_count; i++) {
            LabResult *l = &rec->results[i];
            strbuf_clear(&sb);
            strbuf_addf(&sb, "%s: %s %s%s%s%s %s", l->test, l->value, l->unit ? l->unit : "",
                        l->reference ? " (ref. " : "", l->reference ? l->reference : "",
                        l->reference ? ")" : "", l->date ? l->date : "");
            y += gfx_text_wrapped(ui->g, x + u, y, wd - u, strbuf_str(&sb), FONT_BODY, t->text, 1);
        }
        y += heading(app, x, y, ui_text(S_REC_NOTES));
        for (size_t i = 0; i < rec->notes.count; i++)
            y += gfx_text_wrapped(ui->g, x + u, y, wd - u, rec->notes.items[i], FONT_BODY, t->text, 1);
        strbuf_free(&sb);
        gfx_clip(ui->g, NULL);
        int content = y + app->scroll_tool - r.y;
        if (ui->in.wheel && rect_contains(r, ui->in.mouse_x, ui->in.mouse_y)) {
            app->scroll_tool -= ui->in.wheel * lh * 3;
            ui->dirty = 1;
        }
        if (ui->in.key == UI_KEY_PAGEDOWN)
            app->scroll_tool += r.h / 2, ui->dirty = 1;
        if (ui->in.key == UI_KEY_PAGEUP)
            app->scroll_tool -= r.h / 2, ui->dirty = 1;
        if (app->scroll_tool > content - r.h)
            app->scroll_tool = content - r.h;
        if (app->scroll_tool < 0)
            app->scroll_tool = 0;
        return;
    }
    /* Search. */
    UiRect bar = rect_cut_top(&r, lh + u);
    int bw = gfx_text_width(ui->g, ui_text(S_REC_SEARCH_BUTTON), FONT_BODY) + u * 2;
    UiRect sb = rect_cut_right(&bar, bw);
    rect_cut_right(&bar, 6);
    int go = ui_text_field(ui, ui_id("rec.search", 0), bar, &app->search, ui_text(S_REC_SEARCH), 100);
    app_hit(app, "search", bar);
    if (ui_button(ui, ui_id("rec.searchbtn", 0), sb, ui_text(S_REC_SEARCH_BUTTON), BUTTON_PRIMARY,
                  app->search.len > 0 && !app->paused))
        go = 1;
    app_hit(app, ui_text(S_REC_SEARCH_BUTTON), sb);
    if (go && app->search.len && !app->paused &&
        app_act(app, ACTION_SEARCH_RECORD, strbuf_str(&app->search), NULL, NULL, NULL) == 0) {
        strlist_free(&app->hits);
        world_search_records(w, strbuf_str(&app->search), &app->hits);
        app->searched = 1;
    }
    rect_cut_top(&r, 8);
    if (app->searched && !app->hits.count)
        gfx_text(ui->g, r.x, r.y, ui_text(S_REC_NO_HITS), FONT_BODY, t->muted);
    for (size_t i = 0; i < app->hits.count; i++) {
        Record *rec = world_record(w, app->hits.items[i]);
        if (!rec)
            continue;
        UiRect row = rect_cut_top(&r, lh * 2 + 10);
        if (row.h < lh * 2)
            break;
        char detail[64];
        snprintf(detail, sizeof detail, "%s · %02d.%02d.%04d", rec->fnr, rec->birth_day,
                 rec->birth_month, rec->birth_year);
        if (ui_row(ui, ui_id("rec.hit", (int)i), row, app_person_name(app, rec->person), detail, 0) &&
            !app->paused) {
            char id[72];
            snprintf(id, sizeof id, "%s", rec->person);
            app_act(app, ACTION_OPEN_RECORD, id, NULL, NULL, NULL);
            app->scroll_tool = 0;
        }
        char hit[96];
        snprintf(hit, sizeof hit, "open %s", rec->person);
        app_hit(app, hit, row);
    }
}

/* People who have a record: who can be booked or put on a label. */
static int patients(World *w, const char *out[], int max)
{
    int n = 0;
    for (size_t i = 0; i < w->record_count && n < max; i++)
        out[n++] = w->records[i].person;
    return n;
}

static void timebok_tab(App *app, UiRect r)
{
    Ui *ui = &app->ui;
    const UiTheme *t = ui->theme;
    World *w = world_of(app);
    int u = ui->unit, lh = gfx_line_height(ui->g, FONT_BODY);
    if (!w->slot_count) {
        gfx_text(ui->g, r.x, r.y, ui_text(S_TB_NO_SLOTS), FONT_BODY, t->muted);
        return;
    }
    int max_day = 0;
    for (size_t i = 0; i < w->slot_count; i++)
        if (w->slots[i].day > max_day)
            max_day = w->slots[i].day;
    /* Day switcher. */
    UiRect bar = rect_cut_top(&r, lh + u);
    int bw = gfx_text_width(ui->g, ui_text(S_TB_NEXT_DAY), FONT_BODY) + u * 2;
    UiRect prev = rect_cut_left(&bar, bw), next = rect_cut_right(&bar, bw);
    if (ui_button(ui, ui_id("tb.prev", 0), prev, ui_text(S_TB_PREV_DAY), BUTTON_NORMAL, app->tb_day > 0))
        app->tb_day--, app->scroll_tool = 0;
    app_hit(app, "prev day", prev);
    if (ui_button(ui, ui_id("tb.next", 0), next, ui_text(S_TB_NEXT_DAY), BUTTON_NORMAL,
                  app->tb_day < max_day))
        app->tb_day++, app->scroll_tool = 0;
    app_hit(app, "next day", next);
    char day[96];
    if (app->tb_day == 0)
        snprintf(day, sizeof day, "%s", ui_text(S_TB_TODAY));
    else
        snprintf(day, sizeof day, "+%d %s", app->tb_day, ui_text(S_TB_DAYS_AHEAD));
    int dw = gfx_text_width(ui->g, day, FONT_BOLD);
    gfx_text(ui->g, bar.x + (bar.w - dw) / 2, bar.y + (bar.h - lh) / 2, day, FONT_BOLD, t->text);

    /* Action bar for the chosen slot at the bottom. */
    UiRect act = rect_cut_bottom(&r, lh * 2 + u * 2);
    rect_cut_top(&r, 6);
    /* Grid: one column per doctor, slots down. */
    const char *docs[8];
    int nd = 0;
    for (size_t i = 0; i < w->person_count && nd < 8; i++)
        if (w->people[i].kind == PERSON_DOCTOR)
            docs[nd++] = w->people[i].id;
    if (!nd)
        return;
    int colw = r.w / nd;
    int rowh = lh + 8;
    /* Long days scroll (wheel, PageUp/PageDown). */
    if (ui->in.wheel && rect_contains(r, ui->in.mouse_x, ui->in.mouse_y))
        app->scroll_tool -= ui->in.wheel * rowh * 3, ui->dirty = 1;
    if (ui->in.key == UI_KEY_PAGEDOWN)
        app->scroll_tool += r.h / 2, ui->dirty = 1;
    if (ui->in.key == UI_KEY_PAGEUP)
        app->scroll_tool -= r.h / 2, ui->dirty = 1;
    int most = 0;
    for (int d = 0; d < nd; d++) {
        int n = 0;
        for (size_t i = 0; i < w->slot_count; i++)
            n += w->slots[i].day == app->tb_day && strcmp(w->slots[i].doctor, docs[d]) == 0;
        if (n > most)
            most = n;
    }
    int content = most * rowh + lh + 6;
    if (app->scroll_tool > content - r.h)
        app->scroll_tool = content - r.h;
    if (app->scroll_tool < 0)
        app->scroll_tool = 0;
    for (int d = 0; d < nd; d++) {
        UiRect col = {r.x + d * colw, r.y, colw - 6, r.h};
        gfx_text(ui->g, col.x, col.y, app_person_name(app, docs[d]), FONT_BOLD, t->text);
        int y = col.y + lh + 6 - app->scroll_tool;
        int idx = 0;
        for (size_t i = 0; i < w->slot_count; i++) {
            Slot *s = &w->slots[i];
            if (s->day != app->tb_day || strcmp(s->doctor, docs[d]) != 0)
                continue;
            if (y < col.y + lh + 6) { /* scrolled away above */
                y += rowh;
                continue;
            }
            if (y + rowh > col.y + col.h)
                break;
            char tb[16], label[200];
            slotref_format(0, s->start, tb, sizeof tb);
            snprintf(label, sizeof label, "%s  %s", tb,
                     s->patient ? app_person_name(app, s->patient) : ui_text(S_TB_FREE));
            UiRect cell = {col.x, y, col.w, rowh - 2};
            int sel = app->tb_selected && app->tb_sel_day == s->day && app->tb_time == s->start &&
                      strcmp(app->tb_doctor, s->doctor) == 0;
            uint32_t id = ui_id("tb.slot", (int)i);
            int hit = ui_focusable(ui, id, cell);
            gfx_fill(ui->g, cell, sel ? t->selected : s->patient ? t->panel_alt : t->panel);
            gfx_frame(ui->g, cell, ui->focus == id ? t->focus : t->border, ui->focus == id ? 3 : 1);
            gfx_clip(ui->g, &cell);
            gfx_text(ui->g, cell.x + 6, cell.y + 3, label, sel ? FONT_BOLD : FONT_BODY,
                     s->patient ? t->text : t->muted);
            gfx_clip(ui->g, NULL);
            char hitname[96];
            slotref_format(s->day, s->start, tb, sizeof tb);
            snprintf(hitname, sizeof hitname, "slot %s %s", s->doctor, tb);
            app_hit(app, hitname, cell);
            if (hit) {
                if (app->tb_moving && !s->patient && app->tb_selected) {
                    char from[16];
                    slotref_format(app->tb_sel_day, app->tb_time, from, sizeof from);
                    if (app_act(app, ACTION_MOVE, app->tb_doctor, from, s->doctor, tb) == 0)
                        app->tb_selected = 0;
                    app->tb_moving = 0;
                } else {
                    /* book for the person you are talking with, or whose record is open */
                    const char *pts[256];
                    int np = patients(w, pts, 256);
                    for (int k = 0; k < np; k++)
                        if ((app->talk_to[0] && strcmp(pts[k], app->talk_to) == 0) ||
                            (!world_prompt(w, app->talk_to) && w->open_record &&
                             strcmp(pts[k], w->open_record) == 0))
                            app->tb_patient = k;
                    app->tb_selected = 1;
                    app->tb_moving = 0;
                    app->tb_sel_day = s->day;
                    app->tb_time = s->start;
                    snprintf(app->tb_doctor, sizeof app->tb_doctor, "%s", s->doctor);
                }
            }
            y += rowh;
            idx++;
        }
    }
    /* Actions on the chosen slot. */
    gfx_fill(ui->g, (UiRect){act.x, act.y, act.w, 1}, t->border);
    UiRect a = rect_shrink(act, 6);
    if (!app->tb_selected) {
        gfx_text(ui->g, a.x, a.y, ui_text(S_TB_PICK_SLOT), FONT_BODY, t->muted);
        return;
    }
    Slot *s = world_slot(w, app->tb_doctor, app->tb_sel_day, app->tb_time);
    if (!s) {
        app->tb_selected = 0;
        return;
    }
    char ref[16];
    slotref_format(s->day, s->start, ref, sizeof ref);
    if (app->tb_moving) {
        gfx_text(ui->g, a.x, a.y, ui_text(S_TB_MOVE_PICK), FONT_BOLD, t->text);
        return;
    }
    if (s->patient) {
        UiRect b1 = rect_cut_left(&a, a.w / 2 - 4);
        rect_cut_left(&a, 8);
        if (ui_button(ui, ui_id("tb.cancel", 0), b1, ui_text(S_TB_CANCEL), BUTTON_NORMAL, !app->paused))
            app_act(app, ACTION_CANCEL, s->doctor, ref, NULL, NULL);
        app_hit(app, ui_text(S_TB_CANCEL), b1);
        if (ui_button(ui, ui_id("tb.move", 0), a, ui_text(S_TB_MOVE), BUTTON_NORMAL, !app->paused))
            app->tb_moving = 1;
        app_hit(app, ui_text(S_TB_MOVE), a);
        return;
    }
    /* Book: choose the patient with the arrows, then book. */
    const char *pts[256];
    int np = patients(w, pts, 256);
    if (!np)
        return;
    if (app->tb_patient >= np)
        app->tb_patient = 0;
    UiRect left = rect_cut_left(&a, u * 2);
    UiRect right = rect_cut_right(&a, u * 2);
    if (ui_button(ui, ui_id("tb.pprev", 0), left, "‹", BUTTON_NORMAL, 1))
        app->tb_patient = (app->tb_patient + np - 1) % np;
    if (ui_button(ui, ui_id("tb.pnext", 0), right, "›", BUTTON_NORMAL, 1))
        app->tb_patient = (app->tb_patient + 1) % np;
    app_hit(app, "next patient", right);
    char label[256];
    snprintf(label, sizeof label, "%s %s: %s", ui_text(S_TB_BOOK_FOR), ref,
             app_person_name(app, pts[app->tb_patient]));
    if (ui_button(ui, ui_id("tb.book", 0), a, label, BUTTON_PRIMARY, !app->paused)) {
        char pid[72];
        snprintf(pid, sizeof pid, "%s", pts[app->tb_patient]);
        app_act(app, ACTION_BOOK, s->doctor, ref, pid, NULL);
    }
    app_hit(app, "book", a);
}

static void inbox_tab(App *app, UiRect r)
{
    Ui *ui = &app->ui;
    const UiTheme *t = ui->theme;
    World *w = world_of(app);
    int lh = gfx_line_height(ui->g, FONT_BODY);
    if (!w->message_count) {
        gfx_text(ui->g, r.x, r.y, ui_text(S_INBOX_EMPTY), FONT_BODY, t->muted);
        return;
    }
    for (size_t i = w->message_count; i-- > 0;) {
        Message *m = &w->messages[i];
        UiRect row = rect_cut_top(&r, lh * 2 + 10);
        if (row.h < lh * 2)
            break;
        char title[200], detail[600], tb[16];
        snprintf(title, sizeof title, "%s%s %s", m->read < 0 ? "● " : "",
                 m->read < 0 ? ui_text(S_INBOX_NEW) : "", app_person_name(app, m->from));
        snprintf(detail, sizeof detail, "%s · %.80s%s", simtime_format(m->arrived, tb, sizeof tb),
                 m->read < 0 ? "…" : m->text, m->read < 0 || strlen(m->text) <= 80 ? "" : "…");
        int open = strcmp(app->msg_open, m->id) == 0;
        if (ui_row(ui, ui_id("msg.row", (int)i), row, title, detail, open) && !app->paused) {
            if (app_act(app, ACTION_READ_MESSAGE, m->id, NULL, NULL, NULL) == 0)
                snprintf(app->msg_open, sizeof app->msg_open, "%s", m->id);
        }
        char hit[96];
        snprintf(hit, sizeof hit, "message %s", m->id);
        app_hit(app, hit, row);
        if (open) {
            rect_cut_top(&r, 6);
            int h = gfx_text_wrapped(ui->g, r.x + 10, r.y, r.w - 20, m->text, FONT_BODY, t->text, 0);
            UiRect body = rect_cut_top(&r, h + 12);
            gfx_fill(ui->g, body, t->panel_alt);
            gfx_text_wrapped(ui->g, body.x + 10, body.y + 6, body.w - 20, m->text, FONT_BODY,
                             t->text, 1);
        }
        rect_cut_top(&r, 4);
    }
}

/* Lab bench colours of the tube caps; the name is always written beside them. */
static UiColor tube_colour(const char *tube)
{
    static const struct { const char *id; UiColor c; } caps[] = {
        {"blood_culture", {90, 90, 160, 255}}, {"citrate", {140, 200, 240, 255}},
        {"serum", {200, 40, 40, 255}},         {"heparin", {40, 150, 70, 255}},
        {"edta", {170, 120, 210, 255}},        {"esr", {20, 20, 20, 255}},
        {"fluoride", {150, 150, 150, 255}},
    };
    for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++)
        if (strcmp(caps[i].id, tube) == 0)
            return caps[i].c;
    return (UiColor){128, 128, 128, 255};
}

static int compare_labels(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Where each site sits on the torso drawing, in thousandths of the drawing. */
static const struct { const char *site; int x, y; } site_xy[] = {
    {"ic2_right_sternal", 440, 250},  {"ic2_left_sternal", 560, 250},
    {"ic3_left_sternal", 560, 330},   {"ic4_right_sternal", 440, 410},
    {"ic4_left_sternal", 560, 410},   {"between_v2_v4", 620, 450},
    {"ic5_left_midclavicular", 680, 490}, {"ic5_left_anterior_axillary", 770, 500},
    {"ic5_left_midaxillary", 860, 500}, {"ic6_left_midclavicular", 680, 570},
    {"ic4_left_midaxillary", 860, 420}, {"right_arm", 120, 300},
    {"left_arm", 880, 300},           {"right_leg", 380, 940},
    {"left_leg", 620, 940},
};

static void ecg_bench(App *app, UiRect r, const LabTask *task)
{
    Ui *ui = &app->ui;
    const UiTheme *t = ui->theme;
    int u = ui->unit, lh = gfx_line_height(ui->g, FONT_BODY);
    gfx_text(ui->g, r.x, r.y, ui_text(S_LAB_ECG), FONT_SMALL, t->muted);
    rect_cut_top(&r, lh + 4);
    UiRect leads = rect_cut_top(&r, lh + 10);
    int lw = leads.w / 10;
    for (int i = 0; world_leads[i]; i++) {
        UiRect b = {leads.x + i * lw, leads.y, lw - 4, leads.h};
        int sel = strcmp(app->lab_lead, world_leads[i]) == 0;
        char label[16];
        snprintf(label, sizeof label, "%s%s", sel ? "▸" : "", world_leads[i]);
        if (ui_button(ui, ui_id("ecg.lead", i), b, label, sel ? BUTTON_PRIMARY : BUTTON_NORMAL, 1))
            snprintf(app->lab_lead, sizeof app->lab_lead, "%s", world_leads[i]);
        char hit[32];
        snprintf(hit, sizeof hit, "lead %s", world_leads[i]);
        app_hit(app, hit, b);
    }
    rect_cut_top(&r, 6);
    /* A simple torso: head, chest, arms, legs, the sternum. */
    int side = r.w < r.h - lh ? r.w : r.h - lh;
    UiRect fig = {r.x + (r.w - side) / 2, r.y, side, side};
    UiColor skin = t->panel_alt, line = t->border;
    gfx_fill(ui->g, (UiRect){fig.x + side * 42 / 100, fig.y, side * 16 / 100, side * 12 / 100}, skin);
    gfx_fill(ui->g, (UiRect){fig.x + side * 25 / 100, fig.y + side * 13 / 100, side * 50 / 100, side * 60 / 100}, skin);
    gfx_frame(ui->g, (UiRect){fig.x + side * 25 / 100, fig.y + side * 13 / 100, side * 50 / 100, side * 60 / 100}, line, 1);
    gfx_fill(ui->g, (UiRect){fig.x + side * 5 / 100, fig.y + side * 15 / 100, side * 18 / 100, side * 10 / 100}, skin);
    gfx_fill(ui->g, (UiRect){fig.x + side * 77 / 100, fig.y + side * 15 / 100, side * 18 / 100, side * 10 / 100}, skin);
    gfx_fill(ui->g, (UiRect){fig.x + side * 33 / 100, fig.y + side * 74 / 100, side * 12 / 100, side * 24 / 100}, skin);
    gfx_fill(ui->g, (UiRect){fig.x + side * 55 / 100, fig.y + side * 74 / 100, side * 12 / 100, side * 24 / 100}, skin);
    gfx_fill(ui->g, (UiRect){fig.x + side * 49 / 100, fig.y + side * 20 / 100, 3, side * 30 / 100}, line);
    /* Placed electrodes so far. */
    const EventLog *log = &world_of(app)->log;
    int size = u + u / 2;
    for (size_t k = 0; k < sizeof site_xy / sizeof site_xy[0]; k++) {
        int cx = fig.x + site_xy[k].x * side / 1000, cy = fig.y + site_xy[k].y * side / 1000;
        UiRect dot = {cx - size / 2, cy - size / 2, size, size};
        const char *placed = NULL;
        for (size_t i = 0; i < log->count; i++) {
            const Event *e = &log->items[i];
            if (e->kind == EVENT_ACTION && e->action.kind == ACTION_PLACE_ELECTRODE &&
                strcmp(e->action.args[0], task->id) == 0 && strcmp(e->action.args[2], site_xy[k].site) == 0)
                placed = e->action.args[1];
        }
        uint32_t id = ui_id("ecg.site", (int)k);
        int hit = ui_focusable(ui, id, dot);
        gfx_fill(ui->g, dot, placed ? t->accent : t->panel);
        gfx_frame(ui->g, dot, ui->focus == id ? t->focus : t->text, ui->focus == id ? 3 : 1);
        if (placed)
            gfx_text(ui->g, dot.x + 2, dot.y + 1, placed, FONT_SMALL, t->accent_text);
        char hitname[64];
        snprintf(hitname, sizeof hitname, "site %s", site_xy[k].site);
        app_hit(app, hitname, dot);
        if (ui->focus == id) /* the focused site's name, for keyboard users */
            gfx_text(ui->g, fig.x, fig.y + side - lh, ui_site_label(site_xy[k].site), FONT_SMALL, t->text);
        if (hit && app->lab_lead[0] && !app->paused)
            app_act(app, ACTION_PLACE_ELECTRODE, task->id, app->lab_lead, site_xy[k].site, NULL);
    }
}

static int lab_bench(App *app, UiRect r);

/* The bench scrolls when it is taller than the panel (wheel, PageUp/PageDown),
 * and follows the keyboard focus. */
static void lab_tab(App *app, UiRect view)
{
    Ui *ui = &app->ui;
    int lh = gfx_line_height(ui->g, FONT_BODY);
    if (ui->in.wheel && rect_contains(view, ui->in.mouse_x, ui->in.mouse_y))
        app->scroll_tool -= ui->in.wheel * lh * 3, ui->dirty = 1;
    if (ui->in.key == UI_KEY_PAGEDOWN)
        app->scroll_tool += view.h / 2, ui->dirty = 1;
    if (ui->in.key == UI_KEY_PAGEUP)
        app->scroll_tool -= view.h / 2, ui->dirty = 1;
    if (app->scroll_tool < 0)
        app->scroll_tool = 0;
    UiRect content = {view.x, view.y - app->scroll_tool, view.w, view.h + app->scroll_tool + lh * 40};
    uint32_t focus_before = ui->focus;
    gfx_base_clip(ui->g, &view);
    ui->focus_rect = (UiRect){0, 0, 0, 0};
    int bottom = lab_bench(app, content);
    gfx_base_clip(ui->g, NULL);
    if (bottom > view.y + view.h) { /* say that there is more below */
        UiRect more = {view.x, view.y + view.h - lh - 4, view.w, lh + 4};
        gfx_fill(ui->g, more, ui->theme->panel_alt);
        gfx_text(ui->g, more.x + 4, more.y + 2, ui_text(S_MORE_BELOW), FONT_SMALL, ui->theme->text);
    }
    if (focus_before && ui->focus == focus_before && ui->focus_rect.h > 0) {
        UiRect f = ui->focus_rect;
        if (f.y < view.y)
            app->scroll_tool -= view.y - f.y + lh, ui->dirty = 1;
        else if (f.y + f.h > view.y + view.h)
            app->scroll_tool += f.y + f.h - (view.y + view.h) + lh, ui->dirty = 1;
    }
}

/* Draws the bench from the top of r; returns the y where it ended. */
static int lab_bench(App *app, UiRect r)
{
    Ui *ui = &app->ui;
    const UiTheme *t = ui->theme;
    World *w = world_of(app);
    int u = ui->unit, lh = gfx_line_height(ui->g, FONT_BODY);
    LabTask *task = NULL;
    if (app->lab_task[0])
        task = world_task(w, app->lab_task);
    if (!task || task->done) { /* the newest open task */
        task = NULL;
        for (size_t i = w->task_count; i-- > 0 && !task;)
            if (!w->tasks[i].done)
                task = &w->tasks[i];
        if (task)
            snprintf(app->lab_task, sizeof app->lab_task, "%s", task->id);
    }
    if (!task) {
        gfx_text(ui->g, r.x, r.y, ui_text(S_LAB_NONE), FONT_BODY, t->muted);
        return r.y;
    }
    char title[512];
    snprintf(title, sizeof title, "%s – %s", task->title, app_person_name(app, task->patient));
    r.y += gfx_text_wrapped(ui->g, r.x, r.y, r.w, title, FONT_BOLD, t->text, 1) + 4;
    r.h -= lh + 4;
    /* Done so far: the trainee's own actions on this task. */
    UiRect log_r = rect_cut_top(&r, lh * 2 + 8);
    StrBuf done;
    strbuf_init(&done);
    const EventLog *log = &w->log;
    for (size_t i = 0; i < log->count; i++) {
        const Event *e = &log->items[i];
        if (e->kind != EVENT_ACTION || !action_field(&e->action, "task") ||
            strcmp(action_field(&e->action, "task"), task->id) != 0)
            continue;
        const char *what = e->action.args[1];
        if (e->action.kind == ACTION_LAB_STEP) {
            int k = strlist_index(&task->step_ids, what);
            if (k >= 0)
                what = task->step_labels.items[k];
        } else if (e->action.kind == ACTION_PICK_TUBE) {
            what = ui_tube_label(what);
        } else if (e->action.kind == ACTION_LABEL) {
            what = app_person_name(app, what);
        }
        strbuf_addf(&done, "%s%s", done.len ? " → " : "", what);
    }
    char donel[64];
    snprintf(donel, sizeof donel, "%s:", ui_text(S_LAB_DONE_LOG));
    gfx_text(ui->g, log_r.x, log_r.y, donel, FONT_SMALL, t->muted);
    gfx_clip(ui->g, &log_r);
    gfx_text_wrapped(ui->g, log_r.x, log_r.y + lh, log_r.w, strbuf_str(&done), FONT_SMALL, t->text, 1);
    gfx_clip(ui->g, NULL);
    strbuf_free(&done);

    /* Steps (sorted by label: the order is the trainee's to know) across the top,
     * then the tube rack and the label. */
    gfx_text(ui->g, r.x, r.y, ui_text(S_LAB_STEPS), FONT_BOLD, t->text);
    rect_cut_top(&r, lh + 6);
    const char *labels[48];
    size_t n = task->step_ids.count < 48 ? task->step_ids.count : 48;
    for (size_t i = 0; i < n; i++)
        labels[i] = task->step_labels.items[i];
    qsort(labels, n, sizeof labels[0], compare_labels);
    int bh = lh + 8;
    UiFlow flow;
    ui_flow_begin(&flow, r);
    for (size_t i = 0; i < n; i++) {
        int k = -1;
        for (size_t j = 0; j < task->step_ids.count; j++)
            if (task->step_labels.items[j] == labels[i])
                k = (int)j;
        UiRect placed;
        if (ui_flow_button(ui, &flow, ui_id("lab.step", k), labels[i], BUTTON_NORMAL,
                           !app->paused, &placed))
            app_act(app, ACTION_LAB_STEP, task->id, task->step_ids.items[k], NULL, NULL);
        char hit[96];
        snprintf(hit, sizeof hit, "step %s", task->step_ids.items[k]);
        app_hit(app, hit, placed);
    }
    if (n)
        rect_cut_top(&r, ui_flow_height(&flow) + u / 2);
    if (app_is_ecg(task)) {
        int side = r.w < u * 24 ? r.w : u * 24;
        ecg_bench(app, (UiRect){r.x, r.y, r.w, side + lh * 3}, task);
        rect_cut_top(&r, side + lh * 3 + u / 2);
    } else {
    /* The tube rack: each tube's cap colour and its name (never colour alone). */
    gfx_text(ui->g, r.x, r.y, ui_text(S_LAB_TUBES), FONT_BOLD, t->text);
    rect_cut_top(&r, lh + 6);
    ui_flow_begin(&flow, r);
    for (int i = 0; world_tubes[i]; i++) {
        char label[128];
        UiRect placed;
        snprintf(label, sizeof label, "      %s", ui_tube_label(world_tubes[i]));
        int hit = ui_flow_button(ui, &flow, ui_id("lab.tube", i), label, BUTTON_NORMAL,
                                 !app->paused, &placed);
        UiRect cap = {placed.x + 6, placed.y + 5, lh - 6, placed.h - 10};
        gfx_fill(ui->g, cap, tube_colour(world_tubes[i]));
        gfx_frame(ui->g, cap, t->text, 1);
        if (hit)
            app_act(app, ACTION_PICK_TUBE, task->id, world_tubes[i], NULL, NULL);
        char hitname[64];
        snprintf(hitname, sizeof hitname, "tube %s", world_tubes[i]);
        app_hit(app, hitname, placed);
    }
    rect_cut_top(&r, ui_flow_height(&flow) + u / 2);
    }
    const char *pts[256];
    int np = patients(w, pts, 256);
    if (np) {
        if (app->label_patient >= np)
            app->label_patient = 0;
        gfx_text(ui->g, r.x, r.y, ui_text(S_LAB_LABEL), FONT_BOLD, t->text);
        rect_cut_top(&r, lh + 6);
        UiRect row = rect_cut_top(&r, bh);
        UiRect nx = rect_cut_right(&row, u * 2);
        if (ui_button(ui, ui_id("lab.lnext", 0), nx, "›", BUTTON_NORMAL, 1))
            app->label_patient = (app->label_patient + 1) % np;
        app_hit(app, "next label", nx);
        if (ui_button(ui, ui_id("lab.label", 0), row, app_person_name(app, pts[app->label_patient]),
                      BUTTON_NORMAL, !app->paused)) {
            char pid[72];
            snprintf(pid, sizeof pid, "%s", pts[app->label_patient]);
            app_act(app, ACTION_LABEL, task->id, pid, NULL, NULL);
        }
        app_hit(app, "label", row);
    }
    return r.y + bh + lh;
}

void desk_tools(App *app, UiRect tabs, UiRect tool)
{
    Ui *ui = &app->ui;
    const UiTheme *t = ui->theme;
    World *w = world_of(app);
    int u = ui->unit;
    tabs = rect_shrink(tabs, 4);
    UiStringId names[TAB_COUNT] = {S_TAB_RECORD, S_TAB_TIMEBOK, S_TAB_INBOX, S_TAB_LAB};
    int unread = 0, open_tasks = 0;
    for (size_t i = 0; i < w->message_count; i++)
        unread += w->messages[i].read < 0;
    for (size_t i = 0; i < w->task_count; i++)
        open_tasks += !w->tasks[i].done;
    int tw = tabs.w / TAB_COUNT;
    for (int i = 0; i < TAB_COUNT; i++) {
        UiRect b = {tabs.x + i * tw, tabs.y, tw - 4, tabs.h};
        char label[96];
        int badge = i == TAB_INBOX ? unread : i == TAB_LAB ? open_tasks : 0;
        if (badge)
            snprintf(label, sizeof label, "%s%s · %d", (int)app->tab == i ? "▸ " : "", ui_text(names[i]), badge);
        else
            snprintf(label, sizeof label, "%s%s", (int)app->tab == i ? "▸ " : "", ui_text(names[i]));
        if (ui_button(ui, ui_id("tab", i), b, label, (int)app->tab == i ? BUTTON_PRIMARY : BUTTON_NORMAL, 1)) {
            app->tab = (DeskTab)i;
            app->scroll_tool = 0;
        }
        app_hit(app, ui_text(names[i]), b);
    }
    UiRect panel = rect_shrink(tool, 4);
    ui_panel(ui, panel, NULL);
    UiRect in = rect_shrink(panel, u / 2 + 2);
    switch (app->tab) {
    case TAB_RECORD: record_tab(app, in); break;
    case TAB_TIMEBOK: timebok_tab(app, in); break;
    case TAB_INBOX: inbox_tab(app, in); break;
    default: lab_tab(app, in); break;
    }
    (void)t;
}
