#include "text/bidi.h"

#include <fribidi.h>

#include <algorithm>

#include "text/utf8.h"

namespace deckpdf::text {

BidiParagraph bidi_levels(std::string_view utf8, BaseDirection base) {
  BidiParagraph out;
  out.levels.assign(utf8.size(), 0);
  // ASCII has no right-to-left character and no directional control: all
  // of it is level 0 unless the paragraph is right-to-left (the check
  // below, without decoding anything).
  if (base != BaseDirection::Rtl && std::all_of(utf8.begin(), utf8.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x80;
      })) {
    return out;
  }
  std::vector<FriBidiChar> chars;
  std::vector<size_t> starts;  // byte offset of each code point
  chars.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    starts.push_back(i);
    chars.push_back(utf8_next(utf8, i));
  }
  starts.push_back(utf8.size());
  FriBidiParType dir = base == BaseDirection::Rtl   ? FRIBIDI_PAR_RTL
                       : base == BaseDirection::Ltr ? FRIBIDI_PAR_LTR
                                                    : FRIBIDI_PAR_ON;
  if (chars.empty()) {
    out.rtl = dir == FRIBIDI_PAR_RTL;
    return out;
  }
  // Pure left-to-right text needs no work (the common case on slides).
  bool any_rtl = std::any_of(chars.begin(), chars.end(), [](FriBidiChar c) {
    return FRIBIDI_IS_RTL(fribidi_get_bidi_type(c)) || c == 0x200F ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  });
  if (!any_rtl && dir != FRIBIDI_PAR_RTL) return out;
  auto n = static_cast<FriBidiStrIndex>(chars.size());
  std::vector<FriBidiCharType> types(chars.size());
  std::vector<FriBidiBracketType> brackets(chars.size());
  std::vector<FriBidiLevel> levels(chars.size());
  fribidi_get_bidi_types(chars.data(), n, types.data());
  fribidi_get_bracket_types(chars.data(), n, types.data(), brackets.data());
  if (fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &dir, levels.data()) ==
      0) {
    return out;
  }
  out.rtl = FRIBIDI_IS_RTL(dir);
  for (size_t k = 0; k < chars.size(); ++k) {
    for (size_t b = starts[k]; b < starts[k + 1]; ++b)
      out.levels[b] = static_cast<uint8_t>(levels[k]);
  }
  return out;
}

std::vector<size_t> bidi_visual_order(const std::vector<uint8_t>& run_levels) {
  std::vector<size_t> order(run_levels.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (run_levels.empty()) return order;
  uint8_t highest = *std::max_element(run_levels.begin(), run_levels.end());
  uint8_t lowest_odd = 255;
  for (uint8_t l : run_levels) {
    if (l % 2 == 1) lowest_odd = std::min(lowest_odd, l);
  }
  if (lowest_odd == 255) return order;
  for (int level = highest; level >= lowest_odd; --level) {
    size_t i = 0;
    while (i < order.size()) {
      if (run_levels[order[i]] < level) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < order.size() && run_levels[order[j]] >= level) ++j;
      std::reverse(order.begin() + static_cast<long>(i), order.begin() + static_cast<long>(j));
      i = j;
    }
  }
  return order;
}

}  // namespace deckpdf::text
