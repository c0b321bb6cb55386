/* Fuzzes the inputs-file parser (docs/inputs-format.md): any bytes must give a
 * parsed list or one message naming the file and line, never a crash. */
#include "fuzz.h"

#include "core/inputs.h"

#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_text(data, size);
    char err[512] = "";
    InputsFile in = {0};
    if (inputs_parse(text, size, "fuzz.inputs", &in, err, sizeof err) == 0) {
        /* Every parsed action formats back to a line that parses again. */
        StrBuf line;
        strbuf_init(&line);
        for (size_t i = 0; i < in.count; i++) {
            strbuf_clear(&line);
            action_format(&in.items[i].action, &line);
            Action again;
            char err2[512];
            if (action_parse_line(line.data, &again, err2, sizeof err2) != 1)
                abort();
            action_free(&again);
        }
        strbuf_free(&line);
    } else if (strncmp(err, "fuzz.inputs", 11) != 0) {
        abort(); /* a message that does not name the file */
    }
    inputs_free(&in);
    free(text);
    return 0;
}
