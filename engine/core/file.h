/* Reading whole files with limits, and writing new files atomically. Every
 * message names the file, in bokmål. */
#ifndef SKRANKEN_FILE_H
#define SKRANKEN_FILE_H

#include <stddef.h>

/* Reads the whole file into a NUL-terminated buffer the caller frees. Fails (-1,
 * message in err) if it is missing, a directory, unreadable, or larger than max
 * bytes. An empty file is read as "" (the caller decides if that is an error). */
int file_read_all(const char *path, size_t max, char **out, size_t *len, char *err,
                  size_t errsize);

/* Writes data to path as a new file: into a temporary file in the same folder,
 * fsync, then link into place, which fails if path already exists; the folder is
 * synced last. Never overwrites, never leaves a half-written path. Returns 0, or
 * -1 with a message (EEXIST: "finnes allerede"). */
int file_write_new(const char *path, const char *data, size_t len, char *err, size_t errsize);

/* Writes data to path, replacing what was there, atomically (temporary file,
 * fsync, rename): for settings, never for reports. Returns 0 or -1 with a message. */
int file_replace(const char *path, const char *data, size_t len, char *err, size_t errsize);

/* Creates the folder and its parents (mode 0700 for new ones). Returns 0 or -1. */
int file_make_dirs(const char *path, char *err, size_t errsize);

/* 1 if something exists at path. */
int file_exists(const char *path);

#endif
