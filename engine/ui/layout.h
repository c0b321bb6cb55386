/* Rectangles and the desk's layout: pure arithmetic, no SDL, unit-tested. */
#ifndef SKRANKEN_UI_LAYOUT_H
#define SKRANKEN_UI_LAYOUT_H

typedef struct UiRect {
    int x, y, w, h;
} UiRect;

/* Cuts a strip off one side and returns it; the rest stays in *r. Never negative. */
UiRect rect_cut_top(UiRect *r, int h);
UiRect rect_cut_bottom(UiRect *r, int h);
UiRect rect_cut_left(UiRect *r, int w);
UiRect rect_cut_right(UiRect *r, int w);
UiRect rect_shrink(UiRect r, int by);
int rect_contains(UiRect r, int x, int y);

/* The desk screen: top bar; left column with waiting room above and phone below;
 * the conversation in the middle; the tools (record, timebok, messages, lab) on
 * the right. unit is the scaled text size in pixels. */
typedef struct DeskLayout {
    UiRect top, queue, phone, conversation, tabs, tool;
} DeskLayout;

void layout_desk(int width, int height, int unit, DeskLayout *out);

#endif
