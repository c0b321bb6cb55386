/* The start screen: trainee name, the scenario library, mode, start. */
#include "ui_internal.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static void start_selected(App *app)
{
    const UiHost *h = app->host;
    size_t n = h->library_count(h->ctx);
    if (!n)
        return;
    const UiLibraryEntry *e = h->library_entry(h->ctx, (size_t)app->selected);
    if (strbuf_str(&app->name)[0] == '\0') {
        snprintf(app->lib_message, sizeof app->lib_message, "%s", ui_text(S_LIB_NEED_NAME));
        ui_focus(&app->ui, ui_id("lib.name", 0));
        return;
    }
    if (e->error && !app->exam) {
        /* Read the file again: it may have been fixed since the library was
         * made; if not, the error screen shows why and F5 tries again. */
        app->lib_message[0] = '\0';
        app_start_attempt(app, e->path);
        return;
    }
    if (e->error) {
        app_fault(app, e->error);
        return;
    }
    if (e->is_exam) {
        app->lib_message[0] = '\0';
        app_exam_begin(app, (size_t)app->selected);
        return;
    }
    if (app->exam && !e->exam) {
        snprintf(app->lib_message, sizeof app->lib_message, "%s: %s", e->title,
                 ui_text(S_LIB_NO_EXAM));
        return;
    }
    app->lib_message[0] = '\0';
    app_start_attempt(app, e->path);
}

static void library_body(App *app)
{
    Ui *ui = &app->ui;
    const UiTheme *t = ui->theme;
    const UiHost *h = app->host;
    int u = ui->unit;
    int lh = gfx_line_height(ui->g, FONT_BODY);
    UiRect all = {0, 0, app->width, app->height};
    UiRect top = rect_cut_top(&all, u * 4);
    gfx_fill(ui->g, top, t->accent);
    int tw = gfx_text(ui->g, u, u / 2, ui_text(S_APP_TITLE), FONT_HUGE, t->accent_text);
    gfx_text(ui->g, u * 2 + tw, u + u / 2, ui_text(S_LIB_HEADING), FONT_LARGE, t->accent_text);
    UiRect help = rect_cut_bottom(&all, lh + u);
    gfx_text(ui->g, u, help.y + u / 2, ui_text(S_LIB_HELP), FONT_SMALL, t->muted);
    all = rect_shrink(all, u);

    /* Left: name, mode, start. */
    UiRect left = rect_cut_left(&all, all.w * 32 / 100);
    rect_cut_left(&all, u);
    ui_panel(ui, left, NULL);
    UiRect l = rect_shrink(left, u);
    gfx_text(ui->g, l.x, l.y, ui_text(S_LIB_NAME), FONT_BOLD, t->text);
    rect_cut_top(&l, lh + 6);
    UiRect field = rect_cut_top(&l, lh + u);
    size_t before = app->name.len;
    if (ui_text_field(ui, ui_id("lib.name", 0), field, &app->name, ui_text(S_LIB_NAME_HINT), 100))
        start_selected(app);
    if (app->name.len != before)
        h->library_refresh(h->ctx, strbuf_str(&app->name));
    app_hit(app, ui_text(S_LIB_NAME), field);
    rect_cut_top(&l, u);
    gfx_text(ui->g, l.x, l.y, ui_text(S_LIB_MODE), FONT_BOLD, t->text);
    rect_cut_top(&l, lh + 6);
    UiRect modes = rect_cut_top(&l, lh + u);
    UiRect m1 = rect_cut_left(&modes, modes.w / 2 - 4);
    rect_cut_left(&modes, 8);
    char label[128];
    snprintf(label, sizeof label, "%s%s", app->exam ? "" : "✓ ", ui_text(S_MODE_PRACTICE));
    if (ui_button(ui, ui_id("lib.practice", 0), m1, label,
                  app->exam ? BUTTON_NORMAL : BUTTON_PRIMARY, 1))
        app->exam = 0;
    app_hit(app, ui_text(S_MODE_PRACTICE), m1);
    snprintf(label, sizeof label, "%s%s", app->exam ? "✓ " : "", ui_text(S_MODE_EXAM));
    if (ui_button(ui, ui_id("lib.exam", 0), modes, label,
                  app->exam ? BUTTON_PRIMARY : BUTTON_NORMAL, 1))
        app->exam = 1;
    app_hit(app, ui_text(S_MODE_EXAM), modes);
    rect_cut_top(&l, u);
    UiRect start = rect_cut_top(&l, lh + u);
    if (ui_button(ui, ui_id("lib.start", 0), start, ui_text(S_LIB_START), BUTTON_PRIMARY,
                  h->library_count(h->ctx) > 0))
        start_selected(app);
    app_hit(app, ui_text(S_LIB_START), start);
    if (app->lib_message[0]) {
        rect_cut_top(&l, u / 2);
        gfx_text_wrapped(ui->g, l.x, l.y, l.w, app->lib_message, FONT_BODY, t->bad, 1);
    }

    /* Right: the library. */
    ui_panel(ui, all, ui_text(S_LIB_HEADING));
    UiRect list = rect_shrink(all, 1);
    rect_cut_top(&list, gfx_line_height(ui->g, FONT_BOLD) + 11);
    size_t n = h->library_count(h->ctx);
    if (n == 0) {
        gfx_text(ui->g, list.x + u, list.y + u, ui_text(S_LIB_EMPTY), FONT_BODY, t->muted);
        return;
    }
    if (app->selected >= (int)n)
        app->selected = (int)n - 1;
    /* Up/Down move the selection when no text field takes them. */
    if (ui->inert) {
        /* behind a dialog: no keys */
    } else if (ui->in.key == UI_KEY_DOWN && app->selected + 1 < (int)n) {
        app->selected++;
        ui_focus(ui, ui_id("lib.row", app->selected));
    } else if (ui->in.key == UI_KEY_UP && app->selected > 0) {
        app->selected--;
        ui_focus(ui, ui_id("lib.row", app->selected));
    }
    /* The mouse wheel moves through the list too. */
    if (ui->in.wheel && !ui->inert && rect_contains(list, ui->in.mouse_x, ui->in.mouse_y)) {
        app->selected -= ui->in.wheel;
        if (app->selected < 0)
            app->selected = 0;
        if (app->selected >= (int)n)
            app->selected = (int)n - 1;
        ui->dirty = 1;
    }
    /* The selected scenario's goals under the list. */
    const UiLibraryEntry *sel = h->library_entry(h->ctx, (size_t)app->selected);
    int detail_h = lh * 6 + u;
    UiRect detail = rect_cut_bottom(&list, detail_h);
    int row_h = lh * 2 + 10;
    int visible = list.h / row_h;
    if (visible < 1)
        visible = 1;
    int first = app->selected >= visible ? app->selected - visible + 1 : 0;
    for (int i = first; i < (int)n && i < first + visible; i++) {
        const UiLibraryEntry *e = h->library_entry(h->ctx, (size_t)i);
        UiRect r = {list.x, list.y + (i - first) * row_h, list.w, row_h};
        char detail_text[256], best[64];
        if (e->best_grade > 0)
            snprintf(best, sizeof best, "%s: %s %d (%d/%d)", ui_text(S_LIB_BEST), ui_text(S_DEB_GRADE),
                     e->best_grade, e->best_points, e->best_max);
        else
            snprintf(best, sizeof best, "%s: %s", ui_text(S_LIB_BEST), ui_text(S_LIB_NONE));
        if (e->is_exam)
            snprintf(detail_text, sizeof detail_text, "%d %s · %zu %s · %s", e->minutes,
                     ui_text(S_LIB_MINUTES), e->goals.count, ui_text(S_LIB_TASKS),
                     ui_text(S_MODE_EXAM));
        else
            snprintf(detail_text, sizeof detail_text, "%d %s · %s %d/5 · %zu %s · %s%s%s",
                     e->minutes, ui_text(S_LIB_MINUTES), ui_text(S_LIB_DIFFICULTY), e->difficulty,
                     e->goals.count, ui_text(S_LIB_GOALS), best, e->error ? " · " : "",
                     e->error ? ui_text(S_LIB_BROKEN) : "");
        if (ui_row(ui, ui_id("lib.row", i), r, e->title, detail_text, i == app->selected)) {
            app->selected = i;
            if (ui->in.key == UI_KEY_ENTER)
                start_selected(app);
        }
        app_hit(app, e->title, r);
    }
    gfx_fill(ui->g, (UiRect){detail.x, detail.y, detail.w, 1}, t->border);
    UiRect d = rect_shrink(detail, u / 2);
    int y = d.y;
    if (sel->summary)
        y += gfx_text_wrapped(ui->g, d.x, y, d.w, sel->summary, FONT_BODY, t->text, 1);
    char goals[1024] = "";
    const Catalog *cat = h->catalog(h->ctx);
    for (size_t i = 0; i < sel->goals.count; i++) {
        const char *name = sel->goals.items[i];
        if (sel->is_exam) { /* an exam lists its tasks: show their titles */
            for (size_t k = 0; k < n; k++) {
                const UiLibraryEntry *o = h->library_entry(h->ctx, k);
                if (!o->is_exam && o->id && strcmp(o->id, name) == 0)
                    name = o->title;
            }
        } else {
            const CatalogGoal *g = catalog_find(cat, name);
            if (g)
                name = g->title;
        }
        char one[200];
        snprintf(one, sizeof one, "%s%s", i ? " · " : "", name);
        if (strlen(goals) + strlen(one) < sizeof goals)
            strcat(goals, one);
    }
    char line[1200];
    snprintf(line, sizeof line, "%s: %s", ui_text(sel->is_exam ? S_LIB_TASKS_HEADING : S_LIB_GOALS), goals);
    gfx_text_wrapped(ui->g, d.x, y + 4, d.w, line, FONT_SMALL, t->muted, 1);
}

/* ------------------------------------------------------ unfinished attempts */

static int resume_wanted(App *app)
{
    const UiHost *h = app->host;
    return h->resume_count && h->resume_offer && h->resume_count(h->ctx) > app->resume_skip;
}

/* A line of the dialog: "Label: value", wrapped. Returns the height used. */
static int dialog_line(App *app, int x, int y, int w, const char *label, const char *value,
                       UiColor c, int draw)
{
    char line[1200];
    if (label)
        snprintf(line, sizeof line, "%s: %s", label, value);
    else
        snprintf(line, sizeof line, "%s", value);
    return gfx_text_wrapped(app->ui.g, x, y, w, line, FONT_BODY, c, draw);
}

/* The dialog's text at x, y, w wide; returns its height (draw 0: measure only). */
static int dialog_text(App *app, const UiResumeOffer *o, size_t index, size_t count, int x,
                       int y, int w, int draw)
{
    const UiTheme *t = app->ui.theme;
    int u = app->ui.unit, y0 = y;
    char value[800], tb[64];
    if (app->resume_confirm) {
        y += dialog_line(app, x, y, w, NULL, ui_text(S_RES_CONFIRM), t->text, draw) + u;
        y += dialog_line(app, x, y, w, ui_text(S_RES_SCENARIO), o->title, t->text, draw);
        snprintf(value, sizeof value, "%s · %s", o->trainee[0] ? o->trainee : "–",
                 ui_text(o->exam ? S_MODE_EXAM : S_MODE_PRACTICE));
        y += dialog_line(app, x, y, w, ui_text(S_RES_TRAINEE), value, t->text, draw);
        return y - y0;
    }
    if (count > 1) {
        snprintf(value, sizeof value, ui_text(S_RES_COUNT), (int)index + 1, (int)count);
        y += dialog_line(app, x, y, w, NULL, value, t->muted, draw) + 4;
    }
    y += dialog_line(app, x, y, w, NULL, ui_text(S_RES_TEXT), t->text, draw) + u / 2;
    y += dialog_line(app, x, y, w, ui_text(S_RES_SCENARIO), o->title, t->text, draw);
    if (o->scenario_path[0]) { /* a journal that could be read */
        snprintf(value, sizeof value, "%s · %s", o->trainee[0] ? o->trainee : "–",
                 ui_text(o->exam ? S_MODE_EXAM : S_MODE_PRACTICE));
        y += dialog_line(app, x, y, w, ui_text(S_RES_TRAINEE), value, t->text, draw);
        time_t when = (time_t)o->started;
        struct tm tm;
        localtime_r(&when, &tm);
        strftime(tb, sizeof tb, ui_text(S_RES_DATE), &tm);
        y += dialog_line(app, x, y, w, ui_text(S_RES_STARTED), tb, t->text, draw);
        if (o->actions == 1)
            snprintf(value, sizeof value, ui_text(S_RES_REACHED_ONE), o->reached);
        else if (o->actions > 1)
            snprintf(value, sizeof value, ui_text(S_RES_REACHED), o->reached, o->actions);
        else
            snprintf(value, sizeof value, "%s", ui_text(S_RES_NO_ACTIONS));
        y += dialog_line(app, x, y, w, NULL, value, t->text, draw);
    }
    y += u / 2;
    if (o->finishing)
        y += dialog_line(app, x, y, w, NULL, ui_text(S_RES_FINISHING), t->text, draw) + 4;
    if (o->set_task > 0) {
        snprintf(value, sizeof value, ui_text(S_RES_EXAM_SET), o->exam_set, o->set_task,
                 o->set_tasks);
        y += dialog_line(app, x, y, w, NULL, value, t->warn, draw) + 4;
    }
    if (o->problem[0])
        y += dialog_line(app, x, y, w, ui_text(S_RES_CANNOT), o->problem, t->bad, draw) + 4;
    if (app->resume_message[0]) /* a discard that failed */
        y += dialog_line(app, x, y, w, NULL, app->resume_message, t->bad, draw) + 4;
    return y - y0;
}

int library_resume_dialog(App *app)
{
    Ui *ui = &app->ui;
    const UiHost *h = app->host;
    if (!resume_wanted(app))
        return 0;
    size_t count = h->resume_count(h->ctx), index = app->resume_skip;
    UiResumeOffer o;
    if (h->resume_offer(h->ctx, index, &o) != 0)
        return 0;
    int u = ui->unit, lh = gfx_line_height(ui->g, FONT_BODY);
    UiColor shade = {0, 0, 0, 140};
    gfx_fill(ui->g, (UiRect){0, 0, app->width, app->height}, shade);
    int bw = u * 44 < app->width - u ? u * 44 : app->width - u;
    const char *asked[2] = {ui_text(S_RES_CONFIRM_YES), ui_text(S_RES_CONFIRM_NO)};
    const char *offered[3] = {ui_text(S_RES_CONTINUE), ui_text(S_RES_DISCARD),
                              ui_text(S_RES_LATER)};
    const char *const *labels = app->resume_confirm ? asked : offered;
    int nbuttons = app->resume_confirm ? 2 : 3;
    int text_h = dialog_text(app, &o, index, count, 0, 0, bw - 2 * u, 0);
    int bh = u * 2 + lh + u / 2 + text_h + u / 2 +
             ui_button_row_height(ui, bw - 2 * u, labels, nbuttons);
    if (bh > app->height - u)
        bh = app->height - u;
    UiRect box = {(app->width - bw) / 2, (app->height - bh) / 2, bw, bh};
    ui_panel(ui, box, ui_text(S_RES_HEADING));
    UiRect in = rect_shrink(box, u);
    rect_cut_top(&in, lh + u / 2);
    UiRect r[3] = {{0}}; /* the confirmation has two */
    ui_button_row(ui, &in, labels, nbuttons, r);
    rect_cut_bottom(&in, u / 2);
    gfx_clip(ui->g, &in);
    dialog_text(app, &o, index, count, in.x, in.y, in.w, 1);
    gfx_clip(ui->g, NULL);

    UiRect b1 = r[0], b2 = r[1], b3 = r[2];
    char err[800];
    if (app->resume_confirm) {
        uint32_t no = ui_id("res.no", 0);
        if (ui->focus == 0)
            ui_focus(ui, no);
        if (ui_button(ui, ui_id("res.yes", 0), b1, ui_text(S_RES_CONFIRM_YES), BUTTON_DANGER, 1)) {
            app->resume_confirm = 0;
            app->resume_message[0] = '\0';
            if (h->resume_discard(h->ctx, index, err, sizeof err) != 0)
                snprintf(app->resume_message, sizeof app->resume_message, "%s", err);
            ui_focus(ui, 0);
            ui->dirty = 1;
            return 1;
        }
        app_hit(app, ui_text(S_RES_CONFIRM_YES), b1);
        if (ui_button(ui, no, b2, ui_text(S_RES_CONFIRM_NO), BUTTON_NORMAL, 1) ||
            ui->in.key == UI_KEY_ESCAPE) {
            app->resume_confirm = 0;
            ui_focus(ui, 0);
            ui->dirty = 1;
            return 1;
        }
        app_hit(app, ui_text(S_RES_CONFIRM_NO), b2);
        return 1;
    }
    int can = !o.problem[0];
    uint32_t go = ui_id("res.continue", 0), later = ui_id("res.later", 0);
    if (ui->focus == 0)
        ui_focus(ui, can ? go : later);
    if (ui_button(ui, go, b1, ui_text(S_RES_CONTINUE), BUTTON_PRIMARY, can)) {
        ui_focus(ui, 0);
        app_resume_attempt(app, index);
        return 1;
    }
    app_hit(app, ui_text(S_RES_CONTINUE), b1);
    if (ui_button(ui, ui_id("res.discard", 0), b2, ui_text(S_RES_DISCARD), BUTTON_DANGER, 1)) {
        app->resume_confirm = 1;
        ui_focus(ui, 0);
        ui->dirty = 1;
        return 1;
    }
    app_hit(app, ui_text(S_RES_DISCARD), b2);
    if (ui_button(ui, later, b3, ui_text(S_RES_LATER), BUTTON_NORMAL, 1) ||
        ui->in.key == UI_KEY_ESCAPE) {
        app->resume_skip = index + 1; /* this one later; the next one now, if any */
        app->resume_message[0] = '\0';
        ui_focus(ui, 0);
        ui->dirty = 1;
        return 1;
    }
    app_hit(app, ui_text(S_RES_LATER), b3);
    return 1;
}

void screen_library(App *app)
{
    int dialog = resume_wanted(app);
    app->ui.inert = dialog; /* the dialog is modal */
    library_body(app);
    app->ui.inert = 0;
    if (dialog && app->screen == SCREEN_LIBRARY)
        library_resume_dialog(app);
}
