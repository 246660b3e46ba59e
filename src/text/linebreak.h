// text/linebreak — UAX #14 line-break opportunities, via libunibreak.
#pragma once

#include <string_view>
#include <vector>

namespace deckpdf::text {

enum class Break : char {
  None,     // no break after this byte
  Allowed,  // a line may end after this byte
  Must,     // a line must end after this byte (e.g. a newline)
};

// One entry per byte of `utf8`; only the last byte of each character carries
// a value other than None. Computed by libunibreak (UAX #14), which knows
// the rules for every script, so deckpdf does not hand-roll them.
// Results are cached per thread by the text's shape (see linebreak.cpp).
std::vector<Break> line_breaks(std::string_view utf8, const char* language = "en");

// The same, asking libunibreak about the whole text every time (what
// line_breaks() is tested against).
std::vector<Break> line_breaks_uncached(std::string_view utf8, const char* language = "en");

}  // namespace deckpdf::text
