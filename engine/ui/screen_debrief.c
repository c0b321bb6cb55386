/* The debrief after an attempt, and the error screen for a scenario fault. */
#include "ui_internal.h"

#include <stdio.h>
#include <string.h>

static void back_to_library(App *app)
{
    app->reload_ok = 0;
    app->screen = SCREEN_LIBRARY;
    app->host->library_refresh(app->host->ctx, strbuf_str(&app->name));
    app->ui.focus = 0;
    app->ui.dirty = 1;
}

void screen_debrief(App *app)
{
    Ui *ui = &app->ui;
    const UiTheme *t = ui->theme;
    const UiHost *h = app->host;
    const Assessment *a = h->assessment(h->ctx);
    Scenario *sc = h->scenario(h->ctx);
    if (!a || !sc) {
        back_to_library(app);
        return;
    }
    const ScenarioMeta *m = scenario_meta(sc);
    const Catalog *cat = h->catalog(h->ctx);
    int u = ui->unit, lh = gfx_line_height(ui->g, FONT_BODY);
    UiRect all = {0, 0, app->width, app->height};
    UiRect top = rect_cut_top(&all, u * 5);
    gfx_fill(ui->g, top, a->passed ? t->good : t->bad);
    char line[1024];
    snprintf(line, sizeof line, "%d", a->grade);
    int x = top.x + u;
    x += gfx_text(ui->g, x, top.y + u / 4, line, FONT_HUGE, t->accent_text) + u;
    snprintf(line, sizeof line, "%s %d · %s · %d %s %d %s", ui_text(S_DEB_GRADE), a->grade,
             ui_text(a->passed ? S_DEB_PASSED : S_DEB_FAILED), a->points, ui_text(S_DEB_OF), a->max,
             ui_text(S_DEB_POINTS));
    gfx_text(ui->g, x, top.y + u / 2, line, FONT_LARGE, t->accent_text);
    snprintf(line, sizeof line, "%s – %s – %s", ui_text(S_DEBRIEF), m->title, strbuf_str(&app->name));
    gfx_text(ui->g, x, top.y + u / 2 + gfx_line_height(ui->g, FONT_LARGE), line, FONT_BODY,
             t->accent_text);

    /* Bottom: report path (or why it was not saved) and the buttons. */
    int saved = app->report_path[0] != '\0';
    if (saved)
        snprintf(line, sizeof line, "%s %.900s", ui_text(S_DEB_REPORT),
                 app->hide_paths ? "…/reports/…json" : app->report_path);
    else
        snprintf(line, sizeof line, "%s: %.900s", ui_text(S_DEB_NO_REPORT), app->report_error);
    int text_w = all.w - u;
    int text_h = saved ? lh : gfx_text_wrapped(ui->g, 0, 0, text_w, line, FONT_SMALL, t->bad, 0);
    UiRect bottom = rect_cut_bottom(&all, text_h + lh + u * 2);
    UiRect bb = rect_shrink(bottom, u / 2);
    if (saved)
        gfx_text(ui->g, bb.x, bb.y, line, FONT_SMALL, t->text);
    else
        gfx_text_wrapped(ui->g, bb.x, bb.y, bb.w, line, FONT_SMALL, t->bad, 1);
    UiRect buttons = {bb.x, bb.y + text_h + 4, bb.w, lh + 10};
    int bw = buttons.w / 4;
    UiRect retry = rect_cut_left(&buttons, bw);
    rect_cut_left(&buttons, 8);
    UiRect lib = rect_cut_left(&buttons, bw);
    rect_cut_left(&buttons, 8);
    if (!saved && h->save_again) { /* e.g. once there is space on the disk again */
        UiRect again = rect_cut_left(&buttons, bw);
        if (ui_button(ui, ui_id("deb.save_again", 0), again, ui_text(S_DEB_SAVE_AGAIN),
                      BUTTON_NORMAL, 1)) {
            char err[1024];
            if (h->save_again(h->ctx, app->report_path, sizeof app->report_path, err,
                              sizeof err) != 0)
                snprintf(app->report_error, sizeof app->report_error, "%.500s", err);
            ui->dirty = 1;
            return;
        }
        app_hit(app, ui_text(S_DEB_SAVE_AGAIN), again);
    }
    if (ui_button(ui, ui_id("deb.retry", 0), retry, ui_text(S_DEB_RETRY), BUTTON_PRIMARY, 1)) {
        char path[1024];
        snprintf(path, sizeof path, "%s", app->scenario_path);
        app_start_attempt(app, path);
        return;
    }
    app_hit(app, ui_text(S_DEB_RETRY), retry);
    if (ui_button(ui, ui_id("deb.library", 0), lib, ui_text(S_DEB_LIBRARY), BUTTON_NORMAL, 1)) {
        back_to_library(app);
        return;
    }
    app_hit(app, ui_text(S_DEB_LIBRARY), lib);

    all = rect_shrink(all, u / 2);
    UiRect left = rect_cut_left(&all, all.w / 2 - 4);
    rect_cut_left(&all, 8);
    /* Goals with bars: the numbers are written, the bar only repeats them. */
    ui_panel(ui, left, ui_text(S_DEB_GOALS));
    UiRect l = rect_shrink(left, u / 2);
    rect_cut_top(&l, gfx_line_height(ui->g, FONT_BOLD) + 10);
    gfx_clip(ui->g, &l);
    int y = l.y;
    if (a->criticals && a->points_grade > 1) {
        snprintf(line, sizeof line, ui_text(S_DEB_POINTS_GRADE), a->points_grade);
        y += gfx_text_wrapped(ui->g, l.x, y, l.w, line, FONT_BODY, t->bad, 1) + 6;
    }
    for (size_t i = 0; i < a->goal_count; i++) {
        const GoalResult *g = &a->goals[i];
        const CatalogGoal *cg = catalog_find(cat, g->id);
        char name[512];
        if (cg && cg->official_code)
            snprintf(name, sizeof name, "%s (%s)", cg->title, cg->official_code);
        else
            snprintf(name, sizeof name, "%s", cg ? cg->title : g->id);
        gfx_text(ui->g, l.x, y, name, FONT_BODY, t->text);
        y += lh;
        UiRect bar = {l.x, y + 2, l.w * 60 / 100, lh - 6};
        gfx_fill(ui->g, bar, t->panel_alt);
        gfx_frame(ui->g, bar, t->border, 1);
        if (g->possible > 0)
            gfx_fill(ui->g, (UiRect){bar.x, bar.y, bar.w * g->earned / g->possible, bar.h},
                     g->criticals ? t->bad : t->accent);
        snprintf(line, sizeof line, "%d/%d%s", g->earned, g->possible,
                 g->criticals ? " – kritisk feil" : "");
        gfx_text(ui->g, bar.x + bar.w + 8, y, line, FONT_BODY, t->text);
        y += lh + 6;
    }
    /* Critical errors with rule and better action. */
    const EventLog *log = &scenario_world(sc)->log;
    if (a->criticals) {
        y += gfx_text(ui->g, l.x, y + 4, ui_text(S_DEB_CRITICALS), FONT_BOLD, t->bad) ? lh + 8 : 0;
        for (size_t i = 0; i < log->count; i++) {
            const Event *e = &log->items[i];
            if (e->kind != EVENT_SCORE || e->score_kind != SCORE_CRITICAL)
                continue;
            char tb[16];
            snprintf(line, sizeof line, "⚠ %s %s", simtime_format(e->t, tb, sizeof tb), e->text);
            y += gfx_text_wrapped(ui->g, l.x, y, l.w, line, FONT_BODY, t->text, 1);
            snprintf(line, sizeof line, "%s: %s", ui_text(S_DEB_RULE), e->rule ? e->rule : "");
            y += gfx_text_wrapped(ui->g, l.x + u, y, l.w - u, line, FONT_SMALL, t->text, 1);
            snprintf(line, sizeof line, "%s: %s", ui_text(S_DEB_BETTER), e->better ? e->better : "");
            y += gfx_text_wrapped(ui->g, l.x + u, y, l.w - u, line, FONT_SMALL, t->text, 1) + 6;
        }
    }
    gfx_clip(ui->g, NULL);

    /* Timeline: everything that happened, scrollable. */
    ui_panel(ui, all, ui_text(S_DEB_TIMELINE));
    UiRect tl = rect_shrink(all, u / 2);
    rect_cut_top(&tl, gfx_line_height(ui->g, FONT_BOLD) + 10);
    if (ui->in.wheel && rect_contains(tl, ui->in.mouse_x, ui->in.mouse_y))
        app->scroll_timeline -= ui->in.wheel * lh * 3, ui->dirty = 1;
    if (ui->in.key == UI_KEY_PAGEDOWN || ui->in.key == UI_KEY_DOWN)
        app->scroll_timeline += ui->in.key == UI_KEY_DOWN ? lh * 2 : tl.h / 2, ui->dirty = 1;
    if (ui->in.key == UI_KEY_PAGEUP || ui->in.key == UI_KEY_UP)
        app->scroll_timeline -= ui->in.key == UI_KEY_UP ? lh * 2 : tl.h / 2, ui->dirty = 1;
    if (app->scroll_timeline < 0)
        app->scroll_timeline = 0;
    gfx_clip(ui->g, &tl);
    y = tl.y - app->scroll_timeline;
    for (size_t i = 0; i < log->count; i++) {
        const Event *e = &log->items[i];
        char tb[16], text[2400];
        simtime_format(e->t, tb, sizeof tb);
        UiColor c = t->text;
        switch (e->kind) {
        case EVENT_ACTION:
            snprintf(text, sizeof text, "%s  %s: %s", tb, ui_text(S_DESK_YOU),
                     action_spec(e->action.kind)->summary);
            if (e->action.args[0]) {
                strncat(text, " ", sizeof text - strlen(text) - 1);
                strncat(text, e->action.args[0], sizeof text - strlen(text) - 1);
            }
            c = t->accent;
            break;
        case EVENT_SAY:
            snprintf(text, sizeof text, "%s  %s: %s", tb, app_person_name(app, e->who), e->text);
            break;
        case EVENT_HAPPENING:
            snprintf(text, sizeof text, "%s  %s", tb, e->text ? e->text : "");
            c = t->muted;
            break;
        case EVENT_SCORE:
            if (e->score_kind == SCORE_CRITICAL)
                snprintf(text, sizeof text, "%s  ⚠ %s: %s", tb, ui_text(S_FEEDBACK_CRITICAL), e->text);
            else
                snprintf(text, sizeof text, "%s  %s%d %s", tb, e->score_kind == SCORE_AWARD ? "+" : "−",
                         e->points, e->text);
            c = e->score_kind == SCORE_AWARD ? t->good : t->bad;
            break;
        }
        int draw = y + lh * 6 > tl.y && y < tl.y + tl.h;
        y += gfx_text_wrapped(ui->g, tl.x, y, tl.w, text, FONT_SMALL, c, draw) + 2;
    }
    int content = y + app->scroll_timeline - tl.y;
    if (app->scroll_timeline > content - tl.h && content > tl.h)
        app->scroll_timeline = content - tl.h;
    gfx_clip(ui->g, NULL);
}

void screen_error(App *app)
{
    Ui *ui = &app->ui;
    const UiTheme *t = ui->theme;
    int u = ui->unit, lh = gfx_line_height(ui->g, FONT_BODY);
    UiRect all = rect_shrink((UiRect){0, 0, app->width, app->height}, u * 2);
    ui_panel(ui, all, ui_text(app->error_storage ? S_ERR_SAVE_HEADING : S_ERR_HEADING));
    UiRect in = rect_shrink(all, u);
    rect_cut_top(&in, lh + u);
    /* cut, not just moved down: the buttons stay inside the panel */
    rect_cut_top(&in, gfx_text_wrapped(ui->g, in.x, in.y, in.w,
                                       ui_text(app->error_storage ? S_ERR_SAVE_TEXT : S_ERR_TEXT),
                                       FONT_BODY, t->text, 1) + u);
    int reload = app_can_reload(app) && !app->error_storage;
    if (reload) /* hot reload: fix the file, save, F5 */
        rect_cut_top(&in, gfx_text_wrapped(ui->g, in.x, in.y, in.w, ui_text(S_ERR_RELOAD_TEXT),
                                           FONT_BODY, t->text, 1) + u);
    UiRect b = rect_cut_bottom(&in, lh + u);
    rect_cut_bottom(&in, u / 2);
    UiRect b2 = {b.x + b.w / 2 + u / 2, b.y, b.w / 2 - u / 2, b.h};
    b.w = b.w / 2;
    gfx_fill(ui->g, in, t->panel_alt);
    gfx_clip(ui->g, &in);
    gfx_text_wrapped(ui->g, in.x + 8, in.y + 8, in.w - 16, app->error, FONT_BODY, t->bad, 1);
    gfx_clip(ui->g, NULL);
    uint32_t id = ui_id("err.back", 0);
    if (ui->focus == 0)
        ui_focus(ui, id);
    if (ui_button(ui, id, b, ui_text(S_ERR_BACK), BUTTON_PRIMARY, 1)) {
        back_to_library(app);
        return;
    }
    app_hit(app, ui_text(S_ERR_BACK), b);
    if (reload) {
        if (ui_button(ui, ui_id("err.reload", 0), b2, ui_text(S_ERR_RELOAD), BUTTON_NORMAL, 1)) {
            app_reload_attempt(app);
            return;
        }
        app_hit(app, ui_text(S_ERR_RELOAD), b2);
    }
}

/* Between the tasks of an exam set: no results, only what comes next. */
void screen_exam_next(App *app)
{
    Ui *ui = &app->ui;
    const UiTheme *t = ui->theme;
    int u = ui->unit, lh = gfx_line_height(ui->g, FONT_BODY);
    UiRect all = rect_shrink((UiRect){0, 0, app->width, app->height}, u * 3);
    char title[128];
    snprintf(title, sizeof title, ui_text(S_EXAM_TASK), app->exam_number, app->exam_count);
    ui_panel(ui, all, title);
    UiRect in = rect_shrink(all, u);
    rect_cut_top(&in, lh + u);
    unsigned long long now = ui_ticks();
    long left = app->exam_deadline > now ? (long)((app->exam_deadline - now) / 1000) : 0;
    char line[256], clock[32];
    app_format_seconds(left, clock, sizeof clock);
    snprintf(line, sizeof line, "%s %s", clock, ui_text(S_EXAM_LEFT));
    in.y += gfx_text_wrapped(ui->g, in.x, in.y, in.w, line, FONT_LARGE, t->text, 1) + u;
    in.y += gfx_text_wrapped(ui->g, in.x, in.y, in.w, ui_text(S_EXAM_NEXT_TEXT), FONT_BODY, t->text, 1) + u;
    if (app->report_error[0]) { /* the last task's report could not be saved */
        snprintf(line, sizeof line, "%s: %.200s", ui_text(S_DEB_NO_REPORT), app->report_error);
        in.y += gfx_text_wrapped(ui->g, in.x, in.y, in.w, line, FONT_SMALL, t->bad, 1) + u;
    }
    UiRect b = {in.x, in.y, in.w / 2, lh + u};
    uint32_t id = ui_id("exam.next", 0);
    if (ui->focus == 0)
        ui_focus(ui, id);
    if (ui_button(ui, id, b, ui_text(S_EXAM_START), BUTTON_PRIMARY, 1))
        app_exam_start_next(app);
    app_hit(app, ui_text(S_EXAM_START), b);
}

void screen_exam_summary(App *app)
{
    Ui *ui = &app->ui;
    const UiTheme *t = ui->theme;
    const UiExamSummary *s = &app->exam_summary;
    int u = ui->unit, lh = gfx_line_height(ui->g, FONT_BODY);
    UiRect all = {0, 0, app->width, app->height};
    UiRect top = rect_cut_top(&all, u * 5);
    gfx_fill(ui->g, top, s->passed ? t->good : t->bad);
    char line[512];
    snprintf(line, sizeof line, "%d", s->grade);
    int x = top.x + u;
    x += gfx_text(ui->g, x, top.y + u / 4, line, FONT_HUGE, t->accent_text) + u;
    snprintf(line, sizeof line, "%s · %s %d · %s", ui_text(S_EXAM_RESULT), ui_text(S_DEB_GRADE),
             s->grade, ui_text(s->passed ? S_DEB_PASSED : S_DEB_FAILED));
    gfx_text(ui->g, x, top.y + u / 2, line, FONT_LARGE, t->accent_text);
    gfx_text(ui->g, x, top.y + u / 2 + gfx_line_height(ui->g, FONT_LARGE), s->title, FONT_BODY,
             t->accent_text);
    UiRect in = rect_shrink(all, u);
    for (int i = 0; i < s->count; i++) {
        const UiExamLine *l = &s->lines[i];
        snprintf(line, sizeof line, "%d. %s – %s %d (%d/%d)%s", i + 1, l->title, ui_text(S_DEB_GRADE),
                 l->grade, l->points, l->max, l->criticals ? " – kritisk feil" : "");
        in.y += gfx_text_wrapped(ui->g, in.x, in.y, in.w, line, FONT_BODY, t->text, 1) + 4;
    }
    in.y += u / 2;
    in.y += gfx_text_wrapped(ui->g, in.x, in.y, in.w, s->rule, FONT_BODY, t->text, 1) + u / 2;
    if (s->summary_path[0]) {
        snprintf(line, sizeof line, "%s %.400s", ui_text(S_EXAM_SAVED),
                 app->hide_paths ? "…/reports/…json" : s->summary_path);
        in.y += gfx_text_wrapped(ui->g, in.x, in.y, in.w, line, FONT_SMALL, t->text, 1) + u / 2;
    } else if (s->error[0]) {
        in.y += gfx_text_wrapped(ui->g, in.x, in.y, in.w, s->error, FONT_SMALL, t->bad, 1) + u / 2;
    }
    UiRect b = {in.x, in.y, in.w / 3, lh + u};
    uint32_t id = ui_id("exam.library", 0);
    if (ui->focus == 0)
        ui_focus(ui, id);
    if (ui_button(ui, id, b, ui_text(S_DEB_LIBRARY), BUTTON_PRIMARY, 1))
        back_to_library(app);
    app_hit(app, ui_text(S_DEB_LIBRARY), b);
}
