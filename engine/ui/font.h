/* Finding and checking the interface font: it must have æ, ø and å. The GUI
 * screens (a later step) draw with it; nothing outside engine/ui sees SDL. */
#ifndef SKRANKEN_UI_FONT_H
#define SKRANKEN_UI_FONT_H

#include <stddef.h>

/* The font file to use: $SKRANKEN_FONT, else the one found at build time. */
const char *ui_font_path(void);
/* The bold face beside it ($SKRANKEN_FONT_BOLD, else the build's), or the
 * regular font if there is none. */
const char *ui_font_bold_path(void);

/* Opens the font with SDL_ttf and checks that it has every glyph of the
 * Norwegian alphabet. Returns 0, or -1 with a message naming the file. */
int ui_font_check(const char *path, char *err, size_t errsize);

#endif
