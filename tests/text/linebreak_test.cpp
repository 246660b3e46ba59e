#include "text/linebreak.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "support/random.h"

using namespace deckpdf;

namespace {

using test::Lcg;

// Pieces that slides are made of, and ones that stress libunibreak's rules:
// letter and digit runs of every length next to punctuation of each class,
// quotes, brackets, spaces, hyphens, combining marks, CJK, emoji, flags,
// right-to-left letters, control characters and broken UTF-8.
const std::vector<std::string>& pieces() {
  static const std::vector<std::string> p = {
      "a",
      "Z",
      "7",
      "ab",
      "A1",
      "9x",
      "word",
      "Slide",
      "12",
      "2024",
      "x86",
      "v2",
      "e",
      " ",
      "  ",
      "\t",
      "\n",
      "\r\n",
      "\r",
      ".",
      ",",
      ":",
      ";",
      "!",
      "?",
      "-",
      "--",
      "/",
      "(",
      ")",
      "[",
      "]",
      "{",
      "}",
      "'",
      "\"",
      "%",
      "$",
      "#",
      "&",
      "*",
      "+",
      "=",
      "<",
      ">",
      "@",
      "\\",
      "^",
      "_",
      "`",
      "|",
      "~",
      "\xC3\xA9",          // é
      "\xCC\x81",          // combining acute
      "\xE2\x80\x9C",      // “
      "\xE2\x80\x9D",      // ”
      "\xE2\x80\x99",      // ’
      "\xE2\x80\x94",      // —
      "\xE2\x80\x93",      // –
      "\xC2\xA0",          // no-break space
      "\xC2\xAD",          // soft hyphen
      "\xE2\x80\x8B",      // zero width space
      "\xE2\x81\xA0",      // word joiner
      "\xE4\xB8\xAD",      // 中
      "\xE3\x80\x82",      // 。
      "\xD8\xB3",          // Arabic seen
      "\xF0\x9F\x98\x80",  // 😀
      "\xF0\x9F\x87\xAB",  // regional indicator F
      "\xE2\x82\xAC",      // €
      "\xC2",              // a lead byte alone (broken UTF-8)
      "\xE2\x80",          // a cut three-byte character
      "\x80",              // a stray continuation byte
      "\xFF",              // never valid
  };
  return p;
}

}  // namespace

TEST_CASE("line breaks from the cache match libunibreak on the whole text", "[text]") {
  Lcg rng{12345};
  const auto& p = pieces();
  const char* languages[] = {"en", nullptr, "zh", "de"};
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    size_t count = 1 + rng.below(24);
    for (size_t k = 0; k < count; ++k) s += p[rng.below(p.size())];
    const char* lang = languages[n % 4];
    INFO("text: " << s << " language: " << (lang ? lang : "(none)"));
    std::vector<text::Break> want = text::line_breaks_uncached(s, lang);
    // Twice: the first fills the cache, the second reads it.
    CHECK(text::line_breaks(s, lang) == want);
    CHECK(text::line_breaks(s, lang) == want);
  }
}

TEST_CASE("line breaks: texts of one shape share a cache entry, each breaks its own way",
          "[text]") {
  // The same key (letters and digits of other lengths), different texts.
  std::string a = "Notes for slide 1: see it.";
  std::string b = "Words in places 4: do so.";
  CHECK(text::line_breaks(a) == text::line_breaks_uncached(a));
  CHECK(text::line_breaks(b) == text::line_breaks_uncached(b));
  CHECK(text::line_breaks(b).size() == b.size());
  CHECK(text::line_breaks("").empty());
  CHECK(text::line_breaks("x").size() == 1);
}
