/* Drawing: filled and framed rectangles and UTF-8 text with SDL_ttf, through a
 * small cache of rendered text. The only SDL user besides ui.c. */
#ifndef SKRANKEN_UI_GFX_H
#define SKRANKEN_UI_GFX_H

#include "layout.h"

#include <stddef.h>
#include <stdint.h>

typedef struct UiColor {
    uint8_t r, g, b, a;
} UiColor;

typedef struct Gfx Gfx;

/* renderer is an SDL_Renderer*, kept as void* so other headers need no SDL. */
Gfx *gfx_new(void *renderer, const char *font_path, const char *bold_path, char *err,
             size_t errsize);
void gfx_free(Gfx *g);
/* Pixel size of body text: base size x text scale x display scale. */
void gfx_set_text_size(Gfx *g, int pixels);
int gfx_text_size(const Gfx *g);

void gfx_clear(Gfx *g, UiColor c);
void gfx_fill(Gfx *g, UiRect r, UiColor c);
void gfx_frame(Gfx *g, UiRect r, UiColor c, int thickness);
/* Clips drawing to r within the base clip (NULL: back to the base clip). */
void gfx_clip(Gfx *g, const UiRect *r);
/* The outer clip for a scrolling area (NULL: the whole window). */
void gfx_base_clip(Gfx *g, const UiRect *r);

typedef enum GfxFont { FONT_BODY, FONT_BOLD, FONT_SMALL, FONT_LARGE, FONT_HUGE } GfxFont;

/* Draws one line; returns its width. NULL g measures only (approximately). */
int gfx_text(Gfx *g, int x, int y, const char *text, GfxFont font, UiColor c);
int gfx_text_width(Gfx *g, const char *text, GfxFont font);
int gfx_line_height(const Gfx *g, GfxFont font);
/* Draws text wrapped into width w from (x, y) (draw 0: measure only); returns
 * the height used. */
int gfx_text_wrapped(Gfx *g, int x, int y, int w, const char *text, GfxFont font, UiColor c,
                     int draw);
/* Ends a frame: drops cached text not used for a while. */
void gfx_end_frame(Gfx *g);
/* Test driver: keep every line of text drawn; gfx_frame_text gives the lines of
 * the last finished frame, each ending in '\n' ("" before the first). */
void gfx_record_text(Gfx *g, int on);
const char *gfx_frame_text(const Gfx *g);

#endif
