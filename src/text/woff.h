// text/woff — WOFF and WOFF2 web fonts turned back into the sfnt they wrap.
//
// reveal.js's themes and npm's font packages ship faces as .woff/.woff2;
// FreeType, HarfBuzz and the PDF embedder all want the plain sfnt, so a web
// font is decoded once when it is loaded: WOFF's tables inflated with
// libdeflate, WOFF2 (Brotli, with its glyf/loca and hmtx transforms) by
// Google's woff2 library. Font files are untrusted: every offset and length
// is checked and the result is bounded.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace deckpdf::text {

// The largest sfnt a web font may decode to.
inline constexpr size_t kMaxSfntBytes = 30u << 20;

enum class WebFont { None, Woff, Woff2 };

// Which kind of web font `bytes` is, by its signature.
WebFont web_font_kind(std::string_view bytes);

// The sfnt inside a WOFF or WOFF2 file. False with `error` set when the
// file is damaged or decodes to more than kMaxSfntBytes.
bool decode_web_font(std::string_view bytes, std::string& sfnt, std::string& error);

}  // namespace deckpdf::text
