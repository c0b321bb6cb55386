#include "font.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef SKRANKEN_FONT_FILE
#define SKRANKEN_FONT_FILE "DejaVuSans.ttf"
#endif

const char *ui_font_path(void)
{
    const char *env = getenv("SKRANKEN_FONT");
    return env && *env ? env : SKRANKEN_FONT_FILE;
}

#ifndef SKRANKEN_FONT_BOLD_FILE
#define SKRANKEN_FONT_BOLD_FILE SKRANKEN_FONT_FILE
#endif

const char *ui_font_bold_path(void)
{
    const char *env = getenv("SKRANKEN_FONT_BOLD");
    if (env && *env)
        return env;
    env = getenv("SKRANKEN_FONT");
    return env && *env ? env : SKRANKEN_FONT_BOLD_FILE;
}

/* æ ø å Æ Ø Å, and é for names like André. */
static const Uint16 needed[] = {0xe6, 0xf8, 0xe5, 0xc6, 0xd8, 0xc5, 0xe9};

int ui_font_check(const char *path, char *err, size_t errsize)
{
    int started = 0;
    if (!TTF_WasInit()) {
        if (TTF_Init() != 0) {
            snprintf(err, errsize, "SDL_ttf starter ikke: %s", TTF_GetError());
            return -1;
        }
        started = 1;
    }
    int rc = -1;
    TTF_Font *font = TTF_OpenFont(path, 16);
    if (!font) {
        snprintf(err, errsize, "%s: kan ikke åpne skrifttypen (%s)", path, TTF_GetError());
        goto done;
    }
    for (size_t i = 0; i < sizeof needed / sizeof needed[0]; i++)
        if (!TTF_GlyphIsProvided(font, needed[i])) {
            snprintf(err, errsize, "%s: skrifttypen mangler tegnet U+%04X", path, needed[i]);
            goto done;
        }
    rc = 0;
done:
    if (font)
        TTF_CloseFont(font);
    if (started)
        TTF_Quit();
    return rc;
}
