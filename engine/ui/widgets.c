#include "widgets.h"
#include "layout.h"

#include <string.h>

const UiTheme ui_theme_normal = {
    .bg = {236, 239, 243, 255},     .panel = {255, 255, 255, 255},
    .panel_alt = {246, 248, 250, 255}, .text = {25, 32, 40, 255},
    .muted = {88, 98, 110, 255},    .accent = {22, 92, 160, 255},
    .accent_text = {255, 255, 255, 255}, .border = {190, 198, 208, 255},
    .focus = {230, 140, 0, 255},    .good = {28, 120, 60, 255},
    .bad = {180, 30, 30, 255},      .warn = {160, 100, 0, 255},
    .selected = {214, 230, 248, 255}, .ringing = {255, 236, 200, 255},
};

const UiTheme ui_theme_contrast = {
    .bg = {0, 0, 0, 255},           .panel = {0, 0, 0, 255},
    .panel_alt = {20, 20, 20, 255}, .text = {255, 255, 255, 255},
    .muted = {230, 230, 230, 255},  .accent = {255, 255, 0, 255},
    .accent_text = {0, 0, 0, 255},  .border = {255, 255, 255, 255},
    .focus = {0, 255, 255, 255},    .good = {120, 255, 120, 255},
    .bad = {255, 110, 110, 255},    .warn = {255, 200, 0, 255},
    .selected = {0, 60, 120, 255},  .ringing = {90, 60, 0, 255},
};

uint32_t ui_id(const char *name, int index)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        h = (h ^ *p) * 16777619u;
    h = (h ^ (uint32_t)index) * 16777619u;
    return h ? h : 1;
}

void ui_begin(Ui *ui, const UiInput *in)
{
    ui->in = *in;
    ui->order_count = 0;
    ui->focus_seen = 0;
    ui->key_used = 0;
    ui->typing = ui->typing_now;
    ui->typing_now = 0;
    if (ui->pending_focus) {
        ui->focus = ui->pending_focus;
        ui->pending_focus = 0;
    }
    if (ui->unit <= 0)
        ui->unit = gfx_text_size(ui->g);
}

void ui_focus(Ui *ui, uint32_t id)
{
    ui->pending_focus = id;
    ui->dirty = 1;
}

int ui_end(Ui *ui)
{
    int n = ui->order_count;
    if ((ui->in.key == UI_KEY_TAB || ui->in.key == UI_KEY_BACKTAB) && n > 0) {
        int at = -1;
        for (int i = 0; i < n; i++)
            if (ui->order[i] == ui->focus)
                at = i;
        int next;
        if (ui->in.key == UI_KEY_TAB)
            next = at < 0 ? 0 : (at + 1) % n;
        else
            next = at < 0 ? n - 1 : (at - 1 + n) % n;
        ui->pending_focus = ui->order[next];
        ui->dirty = 1;
    } else if (ui->focus && !ui->focus_seen) {
        ui->focus = 0; /* its widget is gone */
    }
    int again = ui->dirty;
    ui->dirty = 0;
    return again;
}

int ui_focusable(Ui *ui, uint32_t id, UiRect r)
{
    if (ui->inert)
        return 0;
    if (ui->order_count < UI_MAX_FOCUSABLE)
        ui->order[ui->order_count++] = id;
    int focused = ui->focus == id;
    if (focused) {
        ui->focus_seen = 1;
        ui->focus_rect = r;
    }
    if (ui->in.clicked && rect_contains(r, ui->in.mouse_x, ui->in.mouse_y)) {
        ui->in.clicked = 0; /* one widget per click */
        ui->focus = id;
        ui->focus_seen = 1;
        ui->dirty = 1;
        return 1;
    }
    if (focused && !ui->key_used && (ui->in.key == UI_KEY_ENTER || ui->in.key == UI_KEY_SPACE)) {
        ui->key_used = 1;
        ui->dirty = 1;
        return 1;
    }
    return 0;
}

static void draw_focus(Ui *ui, uint32_t id, UiRect r)
{
    if (ui->focus == id)
        gfx_frame(ui->g, (UiRect){r.x - 2, r.y - 2, r.w + 4, r.h + 4}, ui->theme->focus, 3);
}

int ui_button(Ui *ui, uint32_t id, UiRect r, const char *label, UiButtonStyle style, int enabled)
{
    const UiTheme *t = ui->theme;
    int hit = enabled ? ui_focusable(ui, id, r) : 0;
    UiColor bg = t->panel_alt, fg = t->text;
    if (style == BUTTON_PRIMARY) {
        bg = t->accent;
        fg = t->accent_text;
    } else if (style == BUTTON_DANGER) {
        bg = t->bad;
        fg = t->accent_text;
    }
    if (!enabled) {
        bg = t->panel_alt;
        fg = t->muted;
    }
    gfx_fill(ui->g, r, bg);
    gfx_frame(ui->g, r, enabled ? t->border : t->panel_alt, 1);
    int tw = gfx_text_width(ui->g, label, FONT_BODY);
    int lh = gfx_line_height(ui->g, FONT_BODY);
    int x = style == BUTTON_ROW ? r.x + ui->unit / 2 : r.x + (r.w - tw) / 2;
    if (x < r.x + 4)
        x = r.x + 4;
    UiRect clip = r;
    gfx_clip(ui->g, &clip);
    gfx_text(ui->g, x, r.y + (r.h - lh) / 2, label, FONT_BODY, fg);
    gfx_clip(ui->g, NULL);
    if (enabled)
        draw_focus(ui, id, r);
    return hit;
}

int ui_row(Ui *ui, uint32_t id, UiRect r, const char *label, const char *detail, int selected)
{
    const UiTheme *t = ui->theme;
    int hit = ui_focusable(ui, id, r);
    gfx_fill(ui->g, r, selected ? t->selected : t->panel);
    if (selected)
        gfx_fill(ui->g, (UiRect){r.x, r.y, 5, r.h}, t->accent);
    UiRect clip = r;
    gfx_clip(ui->g, &clip);
    int lh = gfx_line_height(ui->g, FONT_BODY);
    int y = r.y + (detail ? 4 : (r.h - lh) / 2);
    gfx_text(ui->g, r.x + 12, y, label, selected ? FONT_BOLD : FONT_BODY, t->text);
    if (detail)
        gfx_text(ui->g, r.x + 12, y + lh, detail, FONT_SMALL, t->muted);
    gfx_clip(ui->g, NULL);
    gfx_fill(ui->g, (UiRect){r.x, r.y + r.h - 1, r.w, 1}, t->border);
    draw_focus(ui, id, r);
    return hit;
}

void ui_text_backspace(StrBuf *text)
{
    if (!text->len)
        return;
    size_t n = text->len - 1;
    while (n > 0 && (text->data[n] & 0xc0) == 0x80)
        n--;
    text->len = n;
    text->data[n] = '\0';
}

int ui_text_field(Ui *ui, uint32_t id, UiRect r, StrBuf *text, const char *placeholder,
                  size_t max_bytes)
{
    const UiTheme *t = ui->theme;
    /* Enter in a focused field submits it (before the generic activation takes it). */
    int submitted = !ui->inert && ui->focus == id && ui->in.key == UI_KEY_ENTER && !ui->key_used;
    if (submitted)
        ui->key_used = 1;
    ui_focusable(ui, id, r);
    int focused = !ui->inert && ui->focus == id;
    if (focused)
        ui->typing_now = 1;
    if (focused) {
        if (ui->in.text[0] && text->len + strlen(ui->in.text) <= max_bytes) {
            strbuf_add(text, ui->in.text);
            ui->in.text[0] = '\0';
            ui->dirty = 1;
        }
        if (ui->in.key == UI_KEY_BACKSPACE && !ui->key_used) {
            ui_text_backspace(text);
            ui->key_used = 1;
            ui->dirty = 1;
        }
    }
    gfx_fill(ui->g, r, t->panel);
    gfx_frame(ui->g, r, focused ? t->accent : t->border, focused ? 2 : 1);
    int lh = gfx_line_height(ui->g, FONT_BODY);
    int ty = r.y + (r.h - lh) / 2;
    UiRect clip = rect_shrink(r, 2);
    gfx_clip(ui->g, &clip);
    if (text->len) {
        int w = gfx_text_width(ui->g, strbuf_str(text), FONT_BODY);
        int x = r.x + 8;
        if (w > r.w - 20)
            x = r.x + r.w - 12 - w; /* keep the end (and the caret) in view */
        gfx_text(ui->g, x, ty, strbuf_str(text), FONT_BODY, t->text);
        if (focused)
            gfx_fill(ui->g, (UiRect){x + w + 1, ty + 2, 2, lh - 4}, t->text);
    } else {
        if (placeholder)
            gfx_text(ui->g, r.x + 8, ty, placeholder, FONT_BODY, t->muted);
        if (focused)
            gfx_fill(ui->g, (UiRect){r.x + 7, ty + 2, 2, lh - 4}, t->text);
    }
    gfx_clip(ui->g, NULL);
    draw_focus(ui, id, r);
    return submitted;
}

void ui_flow_begin(UiFlow *f, UiRect area)
{
    f->area = area;
    f->x = area.x;
    f->y = area.y;
    f->row_h = 0;
}

int ui_flow_button(Ui *ui, UiFlow *f, uint32_t id, const char *label, UiButtonStyle style,
                   int enabled, UiRect *placed)
{
    int lh = gfx_line_height(ui->g, FONT_BODY);
    int w = gfx_text_width(ui->g, label, FONT_BODY) + ui->unit + 8;
    int h = lh + 10;
    if (w > f->area.w)
        w = f->area.w;
    if (f->x > f->area.x && f->x + w > f->area.x + f->area.w) {
        f->x = f->area.x;
        f->y += f->row_h + 6;
        f->row_h = 0;
    }
    UiRect r = {f->x, f->y, w, h};
    f->x += w + 6;
    if (h > f->row_h)
        f->row_h = h;
    if (placed)
        *placed = r;
    return ui_button(ui, id, r, label, style, enabled);
}

int ui_flow_height(const UiFlow *f)
{
    return f->y + f->row_h - f->area.y;
}

#define ROW_GAP 6   /* between buttons side by side */
#define STACK_GAP 4 /* between buttons one above the other */

/* Each label's width with its padding in need[]; returns 1 if they fit side by
 * side in w. */
static int row_fits(Ui *ui, int w, const char *const *labels, int n, int *need, int *total)
{
    *total = 0;
    for (int i = 0; i < n; i++) {
        need[i] = gfx_text_width(ui->g, labels[i], FONT_BODY) + ui->unit * 2;
        *total += need[i];
    }
    return *total + (n - 1) * ROW_GAP <= w;
}

int ui_button_row_height(Ui *ui, int w, const char *const *labels, int n)
{
    int need[UI_BUTTON_ROW_MAX], total, h = gfx_line_height(ui->g, FONT_BODY) + ui->unit;
    if (n <= 0)
        return 0;
    if (n > UI_BUTTON_ROW_MAX)
        n = UI_BUTTON_ROW_MAX;
    return row_fits(ui, w, labels, n, need, &total) ? h : n * h + (n - 1) * STACK_GAP;
}

void ui_button_row(Ui *ui, UiRect *area, const char *const *labels, int n, UiRect *out)
{
    int need[UI_BUTTON_ROW_MAX], total, h = gfx_line_height(ui->g, FONT_BODY) + ui->unit;
    if (n <= 0)
        return;
    if (n > UI_BUTTON_ROW_MAX)
        n = UI_BUTTON_ROW_MAX;
    if (row_fits(ui, area->w, labels, n, need, &total)) {
        UiRect row = rect_cut_bottom(area, h);
        int spare = row.w - total - (n - 1) * ROW_GAP, x = row.x;
        for (int i = 0; i < n; i++) {
            int w = need[i] + (i < n - 1 ? spare / n : spare - (n - 1) * (spare / n));
            out[i] = (UiRect){x, row.y, w, row.h};
            x += w + ROW_GAP;
        }
        return;
    }
    for (int i = n - 1; i >= 0; i--) { /* bottom up, so the first stays on top */
        out[i] = rect_cut_bottom(area, h);
        if (i > 0)
            rect_cut_bottom(area, STACK_GAP);
    }
}

void ui_panel(Ui *ui, UiRect r, const char *title)
{
    const UiTheme *t = ui->theme;
    gfx_fill(ui->g, r, t->panel);
    gfx_frame(ui->g, r, t->border, 1);
    if (title) {
        int lh = gfx_line_height(ui->g, FONT_BOLD);
        gfx_fill(ui->g, (UiRect){r.x, r.y, r.w, lh + 10}, t->panel_alt);
        gfx_text(ui->g, r.x + 10, r.y + 5, title, FONT_BOLD, t->text);
        gfx_fill(ui->g, (UiRect){r.x, r.y + lh + 10, r.w, 1}, t->border);
    }
}

