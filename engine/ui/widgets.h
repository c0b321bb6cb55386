/* Immediate-mode widgets: each frame the screens call ui_button, ui_text_field
 * ... in reading order; that order is the Tab order. Focus, activation by
 * Enter/Space and mouse hits are plain logic (tested without a window); drawing
 * goes through gfx, which may be NULL. */
#ifndef SKRANKEN_UI_WIDGETS_H
#define SKRANKEN_UI_WIDGETS_H

#include "gfx.h"
#include "core/strbuf.h"

#include <stdint.h>

typedef struct UiTheme {
    UiColor bg, panel, panel_alt, text, muted, accent, accent_text, border, focus, good, bad,
        warn, selected, ringing;
} UiTheme;

extern const UiTheme ui_theme_normal, ui_theme_contrast;

typedef enum UiKey {
    UI_KEY_NONE, UI_KEY_TAB, UI_KEY_BACKTAB, UI_KEY_ENTER, UI_KEY_SPACE, UI_KEY_ESCAPE,
    UI_KEY_BACKSPACE, UI_KEY_UP, UI_KEY_DOWN, UI_KEY_LEFT, UI_KEY_RIGHT, UI_KEY_PAGEUP,
    UI_KEY_PAGEDOWN
} UiKey;

typedef struct UiInput {
    int mouse_x, mouse_y;
    int clicked;        /* the left button went up this frame at mouse_x, mouse_y */
    int wheel;          /* wheel steps this frame (+ up) */
    UiKey key;          /* a navigation key this frame */
    char text[64];      /* UTF-8 typed this frame (SDL text input) */
} UiInput;

#define UI_MAX_FOCUSABLE 512

typedef struct Ui {
    Gfx *g;
    const UiTheme *theme;
    UiInput in;
    uint32_t focus;               /* focused widget id, 0 for none */
    uint32_t order[UI_MAX_FOCUSABLE];
    int order_count;
    int focus_seen;               /* the focused id was drawn this frame */
    uint32_t pending_focus;       /* set focus at next frame start */
    int key_used;                 /* a widget consumed this frame's key */
    int dirty;                    /* something changed: draw again */
    int unit;                     /* text size in pixels */
    int inert;                    /* drawn behind a dialog: no focus, no clicks */
    int typing, typing_now;       /* a text field had focus last frame / has it now */
    UiRect focus_rect;            /* where the focused widget was drawn this frame */
} Ui;

/* A stable id from a name and an index. Never 0. */
uint32_t ui_id(const char *name, int index);

void ui_begin(Ui *ui, const UiInput *in);
/* Moves focus for Tab / Shift+Tab, drops focus on widgets no longer shown.
 * Returns 1 if the frame needs to be drawn again. */
int ui_end(Ui *ui);
void ui_focus(Ui *ui, uint32_t id);

/* A focusable widget: registers it in Tab order; returns 1 if it is activated
 * this frame (clicked, or focused and Enter/Space). */
int ui_focusable(Ui *ui, uint32_t id, UiRect r);

typedef enum UiButtonStyle { BUTTON_NORMAL, BUTTON_PRIMARY, BUTTON_DANGER, BUTTON_ROW } UiButtonStyle;

int ui_button(Ui *ui, uint32_t id, UiRect r, const char *label, UiButtonStyle style,
              int enabled);
/* A list row: selected rows are marked with a bar and bold text, not colour alone. */
int ui_row(Ui *ui, uint32_t id, UiRect r, const char *label, const char *detail, int selected);
/* A one-line text field editing text; returns 1 when Enter is pressed in it. */
int ui_text_field(Ui *ui, uint32_t id, UiRect r, StrBuf *text, const char *placeholder,
                  size_t max_bytes);
/* Buttons placed left to right in area, wrapping to a new row when one does not
 * fit; *cursor starts at {area.x, area.y} and moves on. Returns the button's
 * rectangle in *placed (may be NULL). */
typedef struct UiFlow {
    UiRect area;
    int x, y, row_h;
} UiFlow;
void ui_flow_begin(UiFlow *f, UiRect area);
int ui_flow_button(Ui *ui, UiFlow *f, uint32_t id, const char *label, UiButtonStyle style,
                   int enabled, UiRect *placed);
/* The height the flow has used so far. */
int ui_flow_height(const UiFlow *f);
/* A dialog's buttons (at most UI_BUTTON_ROW_MAX): side by side at the bottom of
 * area, each as wide as its label needs and the room left shared out, or one per
 * row when they do not fit side by side (a long label, large text). Cuts them off
 * area and gives button i's place in out[i]. */
#define UI_BUTTON_ROW_MAX 4
void ui_button_row(Ui *ui, UiRect *area, const char *const *labels, int n, UiRect *out);
/* The height ui_button_row takes in a width w. */
int ui_button_row_height(Ui *ui, int w, const char *const *labels, int n);
void ui_panel(Ui *ui, UiRect r, const char *title);
/* Removes the last UTF-8 character of text. */
void ui_text_backspace(StrBuf *text);

#endif
