/* Layout and widget logic without a window: the desk's panels, Tab order and
 * focus, activation by click and Enter, text fields with æøå, flowing buttons,
 * a dialog's row of buttons,
 * and the string tables. */
#include "check.h"
#include "ui/layout.h"
#include "ui/strings.h"
#include "ui/widgets.h"

static int inside(UiRect in, UiRect out)
{
    return in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w &&
           in.y + in.h <= out.y + out.h;
}

static int overlap(UiRect a, UiRect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static void test_desk_layout(void)
{
    /* At both sizes every panel is inside the window, none overlaps another,
     * and the three columns are wide enough for about 16 characters. */
    int sizes[][3] = {{1280, 720, 17}, {1920, 1080, 17}, {1280, 720, 30}, {800, 500, 17}};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        DeskLayout l;
        layout_desk(sizes[k][0], sizes[k][1], sizes[k][2], &l);
        UiRect win = {0, 0, sizes[k][0], sizes[k][1]};
        UiRect all[] = {l.top, l.queue, l.phone, l.conversation, l.tabs, l.tool};
        for (int i = 0; i < 6; i++) {
            CHECK(inside(all[i], win));
            CHECK(all[i].w > 0 && all[i].h > 0);
            for (int j = i + 1; j < 6; j++)
                CHECK(!overlap(all[i], all[j]));
        }
        CHECK(l.queue.w >= sizes[k][2] * 10 || l.queue.w == sizes[k][0] / 3);
        CHECK(l.conversation.w >= sizes[k][2] * 12 || l.conversation.w == sizes[k][0] / 2);
        /* the columns fill the width below the top bar */
        CHECK_INT(l.queue.w + l.conversation.w + l.tool.w, sizes[k][0]);
        CHECK_INT(l.top.h + l.queue.h + l.phone.h, sizes[k][1]);
    }
    /* A degenerate window does not give negative sizes. */
    DeskLayout l;
    layout_desk(0, 0, 17, &l);
    CHECK(l.tool.w >= 0 && l.tool.h >= 0 && l.queue.h >= 0);
}

static void test_rect_cuts(void)
{
    UiRect r = {10, 20, 100, 50};
    UiRect top = rect_cut_top(&r, 10);
    CHECK(top.y == 20 && top.h == 10 && r.y == 30 && r.h == 40);
    UiRect right = rect_cut_right(&r, 30);
    CHECK(right.x == 80 && right.w == 30 && r.w == 70);
    UiRect too_much = rect_cut_bottom(&r, 1000);
    CHECK(too_much.h == 40 && r.h == 0);
    UiRect s = rect_shrink((UiRect){0, 0, 10, 10}, 20);
    CHECK(s.w == 0 && s.h == 0);
    CHECK(rect_contains((UiRect){0, 0, 10, 10}, 9, 9));
    CHECK(!rect_contains((UiRect){0, 0, 10, 10}, 10, 5));
}

/* Draws a frame of three buttons and a text field; returns which fired. */
static int frame(Ui *ui, UiInput in, StrBuf *text, int *field_submitted)
{
    ui_begin(ui, &in);
    int fired = 0;
    for (int i = 0; i < 3; i++)
        if (ui_button(ui, ui_id("b", i), (UiRect){0, i * 40, 100, 30}, "B", BUTTON_NORMAL, 1))
            fired = i + 1;
    *field_submitted = ui_text_field(ui, ui_id("f", 0), (UiRect){0, 200, 200, 30}, text, NULL, 20);
    ui_end(ui);
    return fired;
}

static void test_focus_and_activation(void)
{
    Ui ui = {0};
    ui.theme = &ui_theme_normal;
    StrBuf text;
    strbuf_init(&text);
    int submitted = 0;
    UiInput none = {0};
    frame(&ui, none, &text, &submitted);
    CHECK_INT(ui.focus, 0);
    /* Tab walks the widgets in drawing order and wraps; Shift+Tab goes back. */
    UiInput tab = {0};
    tab.key = UI_KEY_TAB;
    frame(&ui, tab, &text, &submitted);
    frame(&ui, none, &text, &submitted);
    CHECK(ui.focus == ui_id("b", 0));
    frame(&ui, tab, &text, &submitted);
    frame(&ui, tab, &text, &submitted);
    frame(&ui, tab, &text, &submitted);
    frame(&ui, none, &text, &submitted);
    CHECK(ui.focus == ui_id("f", 0));
    frame(&ui, tab, &text, &submitted);
    frame(&ui, none, &text, &submitted);
    CHECK(ui.focus == ui_id("b", 0)); /* wrapped */
    UiInput back = {0};
    back.key = UI_KEY_BACKTAB;
    frame(&ui, back, &text, &submitted);
    frame(&ui, none, &text, &submitted);
    CHECK(ui.focus == ui_id("f", 0));
    /* Typing goes to the focused field, UTF-8 and all; Backspace removes a whole letter. */
    UiInput typed = {0};
    strcpy(typed.text, "Åse Ø");
    frame(&ui, typed, &text, &submitted);
    CHECK_STR(strbuf_str(&text), "Åse Ø");
    UiInput bs = {0};
    bs.key = UI_KEY_BACKSPACE;
    frame(&ui, bs, &text, &submitted);
    CHECK_STR(strbuf_str(&text), "Åse ");
    /* The field refuses text past its limit (20 bytes). */
    UiInput longer = {0};
    strcpy(longer.text, "abcdefghijklmnopqrstu");
    frame(&ui, longer, &text, &submitted);
    CHECK_STR(strbuf_str(&text), "Åse ");
    /* Enter in the field submits it, and does not press a button. */
    UiInput enter = {0};
    enter.key = UI_KEY_ENTER;
    int fired = frame(&ui, enter, &text, &submitted);
    CHECK_INT(submitted, 1);
    CHECK_INT(fired, 0);
    /* A click presses the button under it and moves focus there. */
    UiInput click = {0};
    click.clicked = 1;
    click.mouse_x = 50;
    click.mouse_y = 45;
    fired = frame(&ui, click, &text, &submitted);
    CHECK_INT(fired, 2);
    CHECK(ui.focus == ui_id("b", 1));
    /* Enter and Space press the focused button. */
    fired = frame(&ui, enter, &text, &submitted);
    CHECK_INT(fired, 2);
    UiInput space = {0};
    space.key = UI_KEY_SPACE;
    fired = frame(&ui, space, &text, &submitted);
    CHECK_INT(fired, 2);
    /* A click outside everything presses nothing. */
    click.mouse_x = 500;
    fired = frame(&ui, click, &text, &submitted);
    CHECK_INT(fired, 0);
    /* Behind a dialog (inert) widgets neither take focus nor fire. */
    ui.inert = 1;
    click.mouse_x = 50;
    fired = frame(&ui, click, &text, &submitted);
    CHECK_INT(fired, 0);
    ui.inert = 0;
    /* A disabled button is skipped by Tab and clicks. */
    ui_begin(&ui, &click);
    CHECK_INT(ui_button(&ui, ui_id("d", 0), (UiRect){0, 40, 100, 30}, "D", BUTTON_NORMAL, 0), 0);
    CHECK_INT(ui.order_count, 0);
    ui_end(&ui);
    strbuf_free(&text);
}

static void test_flow(void)
{
    /* Buttons flow left to right and wrap; without a window text is measured at
     * 9 px per byte. */
    Ui ui = {0};
    ui.theme = &ui_theme_normal;
    ui.unit = 10;
    UiInput none = {0};
    ui_begin(&ui, &none);
    UiFlow f;
    ui_flow_begin(&f, (UiRect){0, 0, 100, 500});
    UiRect a, b, c;
    ui_flow_button(&ui, &f, 1, "abcd", BUTTON_NORMAL, 1, &a); /* 36 + 18 = 54 wide */
    ui_flow_button(&ui, &f, 2, "abcd", BUTTON_NORMAL, 1, &b);
    ui_flow_button(&ui, &f, 3, "a very long label indeed", BUTTON_NORMAL, 1, &c);
    CHECK_INT(a.y, 0);
    CHECK(b.y > a.y);                /* 54 + 6 + 54 > 100: wrapped */
    CHECK(c.w <= 100);               /* never wider than the area */
    CHECK(ui_flow_height(&f) >= c.y + c.h - 0);
    ui_end(&ui);
}

static void test_button_row(void)
{
    /* A dialog's buttons (9 px per byte without a window, plus 2 units). */
    Ui ui = {0};
    ui.theme = &ui_theme_normal;
    ui.unit = 10;
    const char *labels[3] = {"Fortsett", "Avslutt og se debriefen", "Avbryt"};
    UiRect area = {0, 0, 450, 300}, r[3]; /* needs 37 * 9 + 3 * 20 + 2 * 6 = 405 */
    int h = ui_button_row_height(&ui, area.w, labels, 3);
    ui_button_row(&ui, &area, labels, 3, r);
    CHECK_INT(area.h, 300 - h);          /* cut off the bottom of the area */
    for (int i = 0; i < 3; i++) {
        CHECK(inside(r[i], (UiRect){0, 0, 450, 300}));
        CHECK(r[i].w >= 9 * (int)strlen(labels[i]) + 20); /* every label whole */
        CHECK_INT(r[i].y, r[0].y);                         /* side by side */
    }
    CHECK(r[0].x + r[0].w < r[1].x && r[1].x + r[1].w < r[2].x); /* in order, apart */
    CHECK_INT(r[2].x + r[2].w, 450);     /* the room left is shared out */

    UiRect narrow = {0, 0, 400, 300}, s[3];
    int hs = ui_button_row_height(&ui, narrow.w, labels, 3);
    ui_button_row(&ui, &narrow, labels, 3, s);
    CHECK(hs > h);                        /* they do not fit: one per row */
    CHECK_INT(narrow.h, 300 - hs);
    CHECK(s[0].y < s[1].y && s[1].y < s[2].y); /* first on top */
    CHECK(!overlap(s[0], s[1]) && !overlap(s[1], s[2]));
    CHECK_INT(s[2].y + s[2].h, 300);
}

static void test_strings(void)
{
    /* Every string exists in both languages; switching changes the text. */
    CHECK_INT(ui_set_language("nb"), 0);
    for (int i = 0; i < S_COUNT; i++)
        CHECK(ui_text((UiStringId)i) && ui_text((UiStringId)i)[0]);
    CHECK_STR(ui_text(S_DEB_PASSED), "Bestått");
    CHECK_INT(ui_set_language("en"), 0);
    for (int i = 0; i < S_COUNT; i++)
        CHECK(ui_text((UiStringId)i) && ui_text((UiStringId)i)[0]);
    CHECK_STR(ui_text(S_DEB_PASSED), "Passed");
    CHECK_INT(ui_set_language("de"), -1);
    ui_set_language("nb");
    /* Tubes are named, not only coloured. */
    CHECK_STR(ui_tube_label("edta"), "EDTA – lilla kork");
    CHECK_STR(ui_site_label("ic4_right_sternal"), "4. ribbemellomrom, høyre for brystbenet");
}

int main(void)
{
    test_desk_layout();
    test_rect_cuts();
    test_focus_and_activation();
    test_flow();
    test_button_row();
    test_strings();
    return check_finish("test_ui_layout");
}
