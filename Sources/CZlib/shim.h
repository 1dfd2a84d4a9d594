#ifndef PLAYBOOK_CZLIB_SHIM_H
#define PLAYBOOK_CZLIB_SHIM_H
#include <zlib.h>

/* deflateInit2 and inflateInit2 are macros (they pass ZLIB_VERSION and sizeof(z_stream)),
   which Swift cannot call: these wrap them for raw deflate (no zlib header or trailer), as
   zip archives hold it. */

/// Starts a raw deflate stream (32 KB window) at `level` with `memLevel`.
static inline int playbook_deflate_init_raw(z_streamp stream, int level, int memLevel) {
    return deflateInit2(stream, level, Z_DEFLATED, -MAX_WBITS, memLevel, Z_DEFAULT_STRATEGY);
}

/// Starts a raw inflate stream (32 KB window).
static inline int playbook_inflate_init_raw(z_streamp stream) {
    return inflateInit2(stream, -MAX_WBITS);
}
#endif
