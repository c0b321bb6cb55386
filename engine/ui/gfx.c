#include "gfx.h"
#include "core/alloc.h"
#include "core/strbuf.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CACHE_SIZE 512
#define FONT_KINDS 5

typedef struct CacheEntry {
    char *text;
    int font, size;
    UiColor color;
    SDL_Texture *texture;
    int w, h;
    unsigned long long used;
} CacheEntry;

struct Gfx {
    SDL_Renderer *renderer;
    char *font_path, *bold_path;
    int size;
    TTF_Font *fonts[FONT_KINDS];
    CacheEntry cache[CACHE_SIZE];
    unsigned long long frame;
    int has_base;
    UiRect base;
    int recording;          /* test driver: keep the texts drawn */
    StrBuf drawn, last;     /* this frame's texts, the last finished frame's */
};

static int font_pixels(const Gfx *g, int kind)
{
    switch (kind) {
    case FONT_SMALL: return g->size * 85 / 100;
    case FONT_LARGE: return g->size * 135 / 100;
    case FONT_HUGE: return g->size * 300 / 100;
    default: return g->size;
    }
}

static void close_fonts(Gfx *g)
{
    for (int i = 0; i < FONT_KINDS; i++) {
        if (g->fonts[i])
            TTF_CloseFont(g->fonts[i]);
        g->fonts[i] = NULL;
    }
    for (int i = 0; i < CACHE_SIZE; i++) {
        if (g->cache[i].texture)
            SDL_DestroyTexture(g->cache[i].texture);
        free(g->cache[i].text);
        memset(&g->cache[i], 0, sizeof g->cache[i]);
    }
}

static int open_fonts(Gfx *g, char *err, size_t errsize)
{
    for (int i = 0; i < FONT_KINDS; i++) {
        const char *path = (i == FONT_BOLD || i == FONT_LARGE || i == FONT_HUGE) && g->bold_path
                               ? g->bold_path
                               : g->font_path;
        g->fonts[i] = TTF_OpenFont(path, font_pixels(g, i));
        if (!g->fonts[i]) {
            if (err)
                snprintf(err, errsize, "%s: kan ikke åpne skrifttypen (%s)", path, TTF_GetError());
            return -1;
        }
    }
    return 0;
}

Gfx *gfx_new(void *renderer, const char *font_path, const char *bold_path, char *err,
             size_t errsize)
{
    if (!TTF_WasInit() && TTF_Init() != 0) {
        snprintf(err, errsize, "SDL_ttf starter ikke: %s", TTF_GetError());
        return NULL;
    }
    Gfx *g = sk_xcalloc(1, sizeof *g);
    g->renderer = renderer;
    g->font_path = sk_xstrdup(font_path);
    g->bold_path = sk_xstrdup(bold_path);
    g->size = 18;
    if (open_fonts(g, err, errsize) != 0) {
        gfx_free(g);
        return NULL;
    }
    return g;
}

void gfx_free(Gfx *g)
{
    if (!g)
        return;
    close_fonts(g);
    free(g->font_path);
    free(g->bold_path);
    strbuf_free(&g->drawn);
    strbuf_free(&g->last);
    free(g);
}

void gfx_set_text_size(Gfx *g, int pixels)
{
    if (pixels < 8)
        pixels = 8;
    if (pixels > 96)
        pixels = 96;
    if (pixels == g->size)
        return;
    close_fonts(g);
    g->size = pixels;
    open_fonts(g, NULL, 0);
}

int gfx_text_size(const Gfx *g)
{
    return g ? g->size : 18;
}

void gfx_clear(Gfx *g, UiColor c)
{
    SDL_SetRenderDrawColor(g->renderer, c.r, c.g, c.b, 255);
    SDL_RenderClear(g->renderer);
}

void gfx_fill(Gfx *g, UiRect r, UiColor c)
{
    if (!g)
        return;
    SDL_Rect sr = {r.x, r.y, r.w, r.h};
    SDL_SetRenderDrawBlendMode(g->renderer, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(g->renderer, c.r, c.g, c.b, c.a);
    SDL_RenderFillRect(g->renderer, &sr);
}

void gfx_frame(Gfx *g, UiRect r, UiColor c, int t)
{
    if (!g)
        return;
    gfx_fill(g, (UiRect){r.x, r.y, r.w, t}, c);
    gfx_fill(g, (UiRect){r.x, r.y + r.h - t, r.w, t}, c);
    gfx_fill(g, (UiRect){r.x, r.y, t, r.h}, c);
    gfx_fill(g, (UiRect){r.x + r.w - t, r.y, t, r.h}, c);
}

void gfx_clip(Gfx *g, const UiRect *r)
{
    if (!g)
        return;
    if (!r && !g->has_base) {
        SDL_RenderSetClipRect(g->renderer, NULL);
        return;
    }
    UiRect c = r ? *r : g->base;
    if (r && g->has_base) { /* intersect with the base */
        int x0 = c.x > g->base.x ? c.x : g->base.x;
        int y0 = c.y > g->base.y ? c.y : g->base.y;
        int x1 = c.x + c.w < g->base.x + g->base.w ? c.x + c.w : g->base.x + g->base.w;
        int y1 = c.y + c.h < g->base.y + g->base.h ? c.y + c.h : g->base.y + g->base.h;
        c = (UiRect){x0, y0, x1 > x0 ? x1 - x0 : 0, y1 > y0 ? y1 - y0 : 0};
    }
    SDL_Rect sr = {c.x, c.y, c.w, c.h};
    SDL_RenderSetClipRect(g->renderer, &sr);
}

void gfx_base_clip(Gfx *g, const UiRect *r)
{
    if (!g)
        return;
    g->has_base = r != NULL;
    if (r)
        g->base = *r;
    gfx_clip(g, NULL);
}

static CacheEntry *lookup(Gfx *g, const char *text, int font, UiColor c)
{
    /* A linear probe over a small table: the screen shows a few hundred strings. */
    unsigned long h = 5381;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        h = h * 33 + *p;
    h = h * 33 + (unsigned long)font * 7 + c.r * 3u + c.g * 5u + c.b;
    size_t start = h % CACHE_SIZE, victim = start;
    for (size_t k = 0; k < 16; k++) {
        CacheEntry *e = &g->cache[(start + k) % CACHE_SIZE];
        if (e->text && e->font == font && e->size == g->size && e->color.r == c.r &&
            e->color.g == c.g && e->color.b == c.b && strcmp(e->text, text) == 0) {
            e->used = g->frame;
            return e;
        }
        if (!e->text || e->used < g->cache[victim].used)
            victim = (start + k) % CACHE_SIZE;
    }
    CacheEntry *e = &g->cache[victim];
    if (e->texture)
        SDL_DestroyTexture(e->texture);
    free(e->text);
    memset(e, 0, sizeof *e);
    SDL_Color sc = {c.r, c.g, c.b, 255};
    SDL_Surface *s = TTF_RenderUTF8_Blended(g->fonts[font], text, sc);
    if (!s)
        return NULL;
    e->texture = SDL_CreateTextureFromSurface(g->renderer, s);
    e->w = s->w;
    e->h = s->h;
    SDL_FreeSurface(s);
    if (!e->texture)
        return NULL;
    e->text = sk_xstrdup(text);
    e->font = font;
    e->size = g->size;
    e->color = c;
    e->used = g->frame;
    return e;
}

int gfx_text_width(Gfx *g, const char *text, GfxFont font)
{
    if (!text || !*text)
        return 0;
    if (!g) /* measuring without a window (tests): about half an em per byte */
        return (int)strlen(text) * 9;
    int w = 0, h = 0;
    TTF_SizeUTF8(g->fonts[font], text, &w, &h);
    return w;
}

int gfx_line_height(const Gfx *g, GfxFont font)
{
    if (!g)
        return 22;
    return TTF_FontLineSkip(g->fonts[font]);
}

int gfx_text(Gfx *g, int x, int y, const char *text, GfxFont font, UiColor c)
{
    if (!text || !*text)
        return 0;
    if (!g)
        return gfx_text_width(g, text, font);
    if (g->recording) {
        strbuf_add(&g->drawn, text);
        strbuf_add(&g->drawn, "\n");
    }
    CacheEntry *e = lookup(g, text, font, c);
    if (!e)
        return 0;
    SDL_Rect dst = {x, y, e->w, e->h};
    SDL_RenderCopy(g->renderer, e->texture, NULL, &dst);
    return e->w;
}

/* Length in bytes of the next word (with its trailing spaces) at p. */
static size_t word_len(const char *p)
{
    size_t n = 0;
    while (p[n] && p[n] != ' ' && p[n] != '\n')
        n++;
    while (p[n] == ' ')
        n++;
    return n;
}

int gfx_text_wrapped(Gfx *g, int x, int y, int w, const char *text, GfxFont font, UiColor c,
                     int draw)
{
    int lh = gfx_line_height(g, font);
    int used = 0;
    char line[1024];
    const char *p = text ? text : "";
    while (*p) {
        size_t len = 0;
        line[0] = '\0';
        for (;;) {
            if (p[len] == '\n' || !p[len])
                break;
            size_t wl = word_len(p + len);
            if (len + wl >= sizeof line - 1)
                break;
            memcpy(line, p, len + wl);
            line[len + wl] = '\0';
            /* measure without trailing spaces */
            size_t trimmed = len + wl;
            while (trimmed > 0 && line[trimmed - 1] == ' ')
                trimmed--;
            char saved = line[trimmed];
            line[trimmed] = '\0';
            int width = gfx_text_width(g, line, font);
            line[trimmed] = saved;
            if (width > w && len > 0)
                break;
            len += wl;
            if (width > w)
                break; /* one word longer than the line: let it overflow */
        }
        if (len == 0 && *p != '\n') { /* a very long word without spaces */
            len = strlen(p) < sizeof line - 1 ? strlen(p) : sizeof line - 1;
            while (len > 0 && (p[len] & 0xc0) == 0x80)
                len--; /* do not cut inside a UTF-8 letter */
            if (len == 0)
                len = 1;
        }
        memcpy(line, p, len);
        line[len] = '\0';
        while (len > 0 && line[len - 1] == ' ')
            line[--len] = '\0';
        if (draw && g)
            gfx_text(g, x, y + used, line, font, c);
        used += lh;
        p += strlen(line);
        while (*p == ' ')
            p++;
        if (*p == '\n')
            p++;
    }
    return used;
}

void gfx_end_frame(Gfx *g)
{
    if (!g)
        return;
    g->frame++;
    if (g->recording) {
        StrBuf t = g->last;
        g->last = g->drawn;
        g->drawn = t;
        strbuf_clear(&g->drawn);
    }
}

void gfx_record_text(Gfx *g, int on)
{
    if (g)
        g->recording = on;
}

const char *gfx_frame_text(const Gfx *g)
{
    return g ? strbuf_str(&g->last) : "";
}
