#include "layout.h"

static int clamp(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

UiRect rect_cut_top(UiRect *r, int h)
{
    h = clamp(h, 0, r->h);
    UiRect out = {r->x, r->y, r->w, h};
    r->y += h;
    r->h -= h;
    return out;
}

UiRect rect_cut_bottom(UiRect *r, int h)
{
    h = clamp(h, 0, r->h);
    UiRect out = {r->x, r->y + r->h - h, r->w, h};
    r->h -= h;
    return out;
}

UiRect rect_cut_left(UiRect *r, int w)
{
    w = clamp(w, 0, r->w);
    UiRect out = {r->x, r->y, w, r->h};
    r->x += w;
    r->w -= w;
    return out;
}

UiRect rect_cut_right(UiRect *r, int w)
{
    w = clamp(w, 0, r->w);
    UiRect out = {r->x + r->w - w, r->y, w, r->h};
    r->w -= w;
    return out;
}

UiRect rect_shrink(UiRect r, int by)
{
    int bx = clamp(by, 0, r.w / 2), byy = clamp(by, 0, r.h / 2);
    UiRect out = {r.x + bx, r.y + byy, r.w - 2 * bx, r.h - 2 * byy};
    return out;
}

int rect_contains(UiRect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

void layout_desk(int width, int height, int unit, DeskLayout *out)
{
    UiRect all = {0, 0, width < 1 ? 1 : width, height < 1 ? 1 : height};
    out->top = rect_cut_top(&all, unit * 4);
    /* Three columns: left 25 %, middle 33 %, right the rest; never narrower than
     * about 16 characters where the window allows. */
    int left = clamp(all.w * 25 / 100, unit * 10, all.w / 3);
    int middle = clamp(all.w * 33 / 100, unit * 12, all.w / 2);
    UiRect lcol = rect_cut_left(&all, left);
    UiRect mcol = rect_cut_left(&all, middle);
    out->queue = rect_cut_top(&lcol, lcol.h * 45 / 100);
    out->phone = lcol;
    out->conversation = mcol;
    out->tabs = rect_cut_top(&all, unit * 2 + unit / 2);
    out->tool = all;
}
