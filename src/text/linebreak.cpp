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
  // Debian 12's libunibreak aborts on regional indicators (the halves of
  // flag emoji: an assertion in set_linebreaks). Each one is replaced, byte
  // for byte, by U+1D400, an alphabetic character of the same UTF-8 length:
  // a flag then never breaks inside, which is what UAX #14 asks too.
  std::string patched;
  for (size_t i = 0; i + 3 < utf8.size(); ++i) {
    if (static_cast<unsigned char>(utf8[i]) == 0xF0 &&
        static_cast<unsigned char>(utf8[i + 1]) == 0x9F &&
        static_cast<unsigned char>(utf8[i + 2]) == 0x87 &&
        static_cast<unsigned char>(utf8[i + 3]) >= 0xA6 &&
        static_cast<unsigned char>(utf8[i + 3]) <= 0xBF) {
      if (patched.empty()) patched.assign(utf8);
      patched.replace(i, 4, "\xF0\x9D\x90\x80");
      i += 3;
    }
  }
  std::string_view text = patched.empty() ? utf8 : std::string_view(patched);
  set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(text.data()), text.size(), language,
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
