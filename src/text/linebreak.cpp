#include "text/linebreak.h"

#include <linebreak.h>

#include <mutex>

namespace deckpdf::text {

std::vector<Break> line_breaks(std::string_view utf8, const char* language) {
  static std::once_flag once;
  std::call_once(once, [] { init_linebreak(); });
  std::vector<char> raw(utf8.size());
  std::vector<Break> out(utf8.size(), Break::None);
  if (utf8.empty()) return out;
  set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(utf8.data()), utf8.size(), language,
                      raw.data());
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == LINEBREAK_MUSTBREAK) out[i] = Break::Must;
    else if (raw[i] == LINEBREAK_ALLOWBREAK) out[i] = Break::Allowed;
  }
  // The end of the text is not a forced break for a paragraph fragment.
  if (out.back() == Break::Must) out.back() = Break::Allowed;
  return out;
}

}  // namespace deckpdf::text
