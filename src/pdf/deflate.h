// pdf/deflate — Flate compression for the streams deckpdf writes (internal).
//
// libharu would compress each stream itself, with a fresh zlib state (and
// its 256 KB of tables) per stream: for thousands of small slide layers
// that setup cost more than the compression. One deflater is kept and reset
// between streams instead.
#pragma once

#include <hpdf.h>

#include <string>
#include <string_view>

namespace deckpdf::pdf {

// Compresses `data` (zlib format, as /FlateDecode expects).
std::string deflate_bytes(std::string_view data);

// Writes `data` compressed into the stream of `dict` and marks the dict
// /Filter /FlateDecode (libharu's own filter is turned off for it).
void stream_write_deflated(HPDF_Dict dict, std::string_view data);

}  // namespace deckpdf::pdf
