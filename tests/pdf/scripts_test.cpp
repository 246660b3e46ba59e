// Every script a speaker may write, exported and read back: the text must
// extract exactly as typed, every font embedded and subset, no warnings.
#include <poppler-document.h>
#include <poppler-font.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;

namespace {
bool have_system_fonts() {
  // The fallback fonts the test command installs (fonts-noto-core,
  // fonts-droid-fallback, fonts-noto-color-emoji).
  return std::system(
             "fc-list | grep -q NotoSansDevanagari && fc-list | grep -q DroidSansFallback "
             "&& fc-list | grep -q NotoColorEmoji") == 0;
}
}  // namespace

TEST_CASE("Greek, Arabic, Hebrew, Devanagari, CJK, emoji and accents extract as typed",
          "[pdf][text]") {
  if (!have_system_fonts()) {
    FAIL(
        "install fonts-noto-core fonts-droid-fallback fonts-noto-color-emoji (the README's test "
        "command does)");
  }
  std::string out = test::temp_dir() + "/scripts.pdf";
  auto r = test::run_deckpdf("'" + test::source_dir() + "/tests/text/decks/scripts.pug' -o '" +
                             out + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("text.missing-glyph") == std::string::npos);
  test::PdfDoc doc = test::pdf_read(out);
  REQUIRE(doc.loaded);
  CHECK(doc.warnings.empty());
  REQUIRE(doc.pages.size() == 2);
  auto has = [&](size_t page, const std::string& s) {
    CAPTURE(page, s, doc.pages[page].text);
    CHECK(doc.pages[page].text.find(s) != std::string::npos);
  };
  has(0, "Ελληνικά: καλημέρα κόσμε");
  has(0, "مرحبا بالعالم");
  has(0, "שלום עולם");
  has(0, "हिन्दी: नमस्ते दुनिया");
  has(0, "中文：你好，世界。日本語：こんにちは");
  has(0, "Combining: e\xCC\x81 n\xCC\x83 — café naïve");
  has(0, "office affinity fjord");
  // poppler wraps embedded right-to-left runs in U+202B ... U+202C and moves
  // the space next to them inside; compare without marks and spaces.
  auto bare = [](std::string t) {
    for (const char* drop : {"\u202B", "\u202C", " ", "\n"}) {
      for (size_t at; (at = t.find(drop)) != std::string::npos;) t.erase(at, std::strlen(drop));
    }
    return t;
  };
  CAPTURE(doc.pages[1].text);
  CHECK(bare(doc.pages[1].text).find(bare("The word שלום means peace, and مرحبا means hello.")) !=
        std::string::npos);
  has(1, "🎉");
  has(1, "👍🏽");
  has(1, "👨‍👩‍👧");
  has(1, "🇫🇷");
  has(1, "❤️");

  std::unique_ptr<poppler::document> d(poppler::document::load_from_file(out));
  REQUIRE(d);
  auto fonts = d->fonts();
  CHECK(fonts.size() >= 4);
  for (const auto& f : fonts) {
    CAPTURE(f.name());
    CHECK(f.is_embedded());
    CHECK(f.is_subset());
  }
}
