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

/* A file that records are appended to, each one made durable (fsync) before
 * file_append_sync returns: the attempt journal (docs/journal.md). */
typedef struct FileAppender {
    int fd;          /* open while path is set */
    long long size;  /* bytes known good; a failed append is cut back to this */
    int dirty;       /* a failed append may have left bytes past size */
    char *path;
} FileAppender;

/* Opens an existing regular file for appending after its first keep bytes:
 * anything past them (a torn last record) is cut off and the cut synced. Takes
 * an exclusive lock (flock) while it is open: a file another appender has open
 * is refused ("er i bruk"). Returns 0, or -1 with "path: reason" in err (a is
 * left closed). */
int file_appender_open(FileAppender *a, const char *path, long long keep, char *err,
                       size_t errsize);
/* Writes data at the end and fsyncs. On failure (a full disk, EFBIG past a size
 * limit, a read-only file system) the file is cut back to what it was, or, if
 * even that fails, before the next append; returns -1 with "path: skrivefeil
 * (reason)". */
int file_append_sync(FileAppender *a, const char *data, size_t len, char *err,
                     size_t errsize);
/* Cuts the file back to size bytes (<= a->size) and syncs, e.g. to take back a
 * record whose action was then refused. Returns 0 or -1 with a message. */
int file_appender_truncate(FileAppender *a, long long size, char *err, size_t errsize);
/* Closes it (a zeroed FileAppender counts as closed). */
void file_appender_close(FileAppender *a);

/* 1 if an appender (in any process) has the file open now. */
int file_in_use(const char *path);

/* Removes the file and syncs its folder. Returns 0 or -1 with a message. */
int file_remove_sync(const char *path, char *err, size_t errsize);
/* Gives the file a new name in the same file system that must not exist yet
 * (link, then unlink the old name; never replaces anything), syncing both
 * folders. Returns 0 or -1 with a message (EEXIST: "finnes allerede"). */
int file_move_new(const char *from, const char *to, char *err, size_t errsize);

/* For tests only: called by file_write_new with stage "temp-synced" once the
 * temporary file is written and synced, before it is linked into place. The
 * core never sets it. NULL (the default) for none. */
typedef void (*FileWriteHook)(const char *stage, const char *path);
void file_set_write_hook(FileWriteHook hook);

/* The names in folder dir that end in suffix (not starting with '.'), as
 * "dir/name", sorted; *out is NULL when there are none or the folder cannot be
 * read. Returns how many. Free with file_list_free. */
size_t file_list_dir(const char *dir, const char *suffix, char ***out);
void file_list_free(char **list, size_t n);

#endif
