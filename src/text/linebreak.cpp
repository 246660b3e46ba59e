#include "text/linebreak.h"

#include <linebreak.h>

#include <mutex>
#include <string>
#include <unordered_map>

namespace deckpdf::text {

namespace {

bool is_alnum_ascii(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Debian 12's libunibreak aborts on regional indicators (the halves of
// flag emoji: an assertion in set_linebreaks). Each one is replaced, byte
// for byte, by U+1D400, an alphabetic character of the same UTF-8 length:
// a flag then never breaks inside, which is what UAX #14 asks too.
std::string_view patch_regional_indicators(std::string_view utf8, std::string& patched) {
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
  return patched.empty() ? utf8 : std::string_view(patched);
}

// The breaks libunibreak gives the paragraph-final text `text`.
std::vector<Break> unibreak(std::string_view text, const char* language) {
  static std::once_flag once;
  std::call_once(once, [] { init_linebreak(); });
  std::vector<Break> out(text.size(), Break::None);
  if (text.empty()) return out;
  std::vector<char> raw(text.size());
  set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(text.data()), text.size(), language,
                      raw.data());
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == LINEBREAK_MUSTBREAK)
      out[i] = Break::Must;
    else if (raw[i] == LINEBREAK_ALLOWBREAK)
      out[i] = Break::Allowed;
  }
  // The end of the text is not a forced break for a paragraph fragment.
  if (out.back() == Break::Must) out.back() = Break::Allowed;
  return out;
}

// Results by key (see line_breaks), per thread: slides repeat the shapes of
// their sentences far more often than the sentences themselves.
struct Cache {
  std::unordered_map<std::string, std::vector<Break>> map;
  std::string key;  // built in place
};
constexpr size_t cache_limit = 1 << 14;

}  // namespace

std::vector<Break> line_breaks_uncached(std::string_view utf8, const char* language) {
  std::string patched;
  return unibreak(patch_regional_indicators(utf8, patched), language);
}

// libunibreak looks each character's class up in a long table, which costs
// more than anything else here; its rules, though, see a letter (class AL)
// or digit (NU) only through its class and the class of the character
// before it. Inside a run of ASCII letters and digits no break is allowed
// (UAX #14 LB23, LB25, LB28), and what follows the run depends only on its
// last character. So the text is reduced to a key: each such run becomes
// its first character's class ('a' or '0') and, if longer, its last one's;
// every other byte stays. Texts with the same key break at the same places,
// and the key's breaks are computed once (tests/text compare this with
// libunibreak on the whole text).
std::vector<Break> line_breaks(std::string_view utf8, const char* language) {
  std::string patched;
  std::string_view text = patch_regional_indicators(utf8, patched);
  std::vector<Break> out(text.size(), Break::None);
  if (text.empty()) return out;
  thread_local Cache cache;
  std::string& key = cache.key;
  key.clear();
  key.append(language ? language : "");
  key.push_back('\0');
  size_t prefix = key.size();
  // Where each byte's value comes from in the key's breaks; `inside` for
  // the bytes inside a run (never a break).
  constexpr uint32_t inside = UINT32_MAX;
  thread_local std::vector<uint32_t> from;
  from.assign(text.size(), inside);
  auto cls = [](unsigned char c) { return c >= '0' && c <= '9' ? '0' : 'a'; };
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0xC2 && c <= 0xF4) {
      // A multi-byte character, kept. libunibreak takes the bytes after a
      // lead byte as its tail whatever they are; when one is ASCII (broken
      // UTF-8), the key would not read the same, so the text goes whole.
      size_t n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      if (i + n > text.size()) return line_breaks_uncached(utf8, language);
      for (size_t k = 0; k < n; ++k) {
        if (k > 0 && static_cast<unsigned char>(text[i + k]) < 0x80) {
          return line_breaks_uncached(utf8, language);
        }
        from[i + k] = static_cast<uint32_t>(key.size() - prefix);
        key.push_back(text[i + k]);
      }
      i += n;
      continue;
    }
    if (!is_alnum_ascii(c)) {
      from[i] = static_cast<uint32_t>(key.size() - prefix);
      key.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < text.size() && is_alnum_ascii(static_cast<unsigned char>(text[j]))) ++j;
    key.push_back(cls(c));
    if (j - i >= 2) key.push_back(cls(static_cast<unsigned char>(text[j - 1])));
    from[j - 1] = static_cast<uint32_t>(key.size() - prefix - 1);
    i = j;
  }
  auto it = cache.map.find(key);
  if (it == cache.map.end()) {
    if (cache.map.size() >= cache_limit) cache.map.clear();
    it = cache.map.emplace(key, unibreak(std::string_view(key).substr(prefix), language)).first;
  }
  const std::vector<Break>& brk = it->second;
  for (size_t i = 0; i < text.size(); ++i) {
    if (from[i] != inside) out[i] = brk[from[i]];
  }
  return out;
}

}  // namespace deckpdf::text
