/* The interface font is found and has the Norwegian letters; a file that is not a
 * font is refused with its name. No window is opened. */
#include "check.h"
#include "ui/font.h"

#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    char err[512] = "";
    const char *path = ui_font_path();
    CHECK(path != NULL && path[0] != '\0');
    CHECK_INT(ui_font_check(path, err, sizeof err), 0);
    if (err[0])
        fprintf(stderr, "%s\n", err);

    char bad[] = "/tmp/skranken-not-a-font-XXXXXX";
    int fd = mkstemp(bad);
    CHECK(fd >= 0);
    if (fd >= 0) {
        FILE *f = fdopen(fd, "w");
        fputs("dette er ingen skrifttype\n", f);
        fclose(f);
        CHECK_INT(ui_font_check(bad, err, sizeof err), -1);
        CHECK(strstr(err, bad) != NULL);
        remove(bad);
    }
    CHECK_INT(ui_font_check("/finnes/ikke.ttf", err, sizeof err), -1);
    CHECK(strstr(err, "/finnes/ikke.ttf") != NULL);

    /* $SKRANKEN_FONT overrides the font found at build time. */
    setenv("SKRANKEN_FONT", "/annen/skrift.ttf", 1);
    CHECK_STR(ui_font_path(), "/annen/skrift.ttf");
    return check_finish("test_ui_font");
}
