/*
 * utf8.h - decoding and checking UTF-8.
 */
#ifndef PV_UTF8_H
#define PV_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decode one code point at s (n bytes available).  Returns the number of
 * bytes used, or 0 for an invalid sequence (overlong, surrogate, beyond
 * U+10FFFF, truncated); *cp is then U+FFFD.
 */
size_t pv_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Append the encoding of cp to out (4 bytes room); returns bytes written. */
size_t pv_utf8_encode(uint32_t cp, char *out);
/* Offset of the first invalid byte, or (size_t)-1 when all is valid. */
size_t pv_utf8_invalid_at(const char *s, size_t n);
/* Number of code points (invalid bytes count one each). */
size_t pv_utf8_length(const char *s, size_t n);

#endif
