// text/bidi — the Unicode Bidirectional Algorithm (UAX #9), via FriBidi.
//
// Levels are computed per paragraph in logical order; layout breaks lines
// first and then reorders each line's runs visually (rule L2).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace deckpdf::text {

enum class BaseDirection {
  Auto,  // from the first strong character (rules P2, P3); LTR if there is none
  Ltr,
  Rtl,
};

struct BidiParagraph {
  std::vector<uint8_t> levels;  // one per byte of the text; odd = right-to-left
  bool rtl = false;             // the paragraph's base direction
};

BidiParagraph bidi_levels(std::string_view utf8, BaseDirection base);

// The visual order of runs given their levels, left to right (rule L2:
// from the highest level down to the lowest odd one, reverse every
// maximal sequence at that level or above).
std::vector<size_t> bidi_visual_order(const std::vector<uint8_t>& run_levels);

}  // namespace deckpdf::text
