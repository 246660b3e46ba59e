// Korean, Chinese and Japanese on a machine whose only CJK face is Noto
// Sans CJK (Debian's fonts-noto-cjk: OpenType CFF outlines in a .ttc
// collection), as on most Linux desktops: the faces are embedded as
// CIDFontType0 subsets, bold headings in the collection's Bold, the text
// extracts as typed and the glyphs drawn are the right ones.
#include <poppler-document.h>
#include <poppler-font.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <memory>

#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;

namespace {

// A fontconfig configuration: the machine's, without its TrueType CJK face
// (Droid Sans Fallback, which the README's test command also installs).
std::string only_noto_cjk_config(const std::string& dir) {
  std::string path = dir + "/fonts.conf";
  test::write_file(path,
                   "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n"
                   "<fontconfig>\n<include ignore_missing=\"no\">/etc/fonts/fonts.conf</include>\n"
                   "<selectfont><rejectfont><glob>*/DroidSansFallback*</glob></rejectfont>"
                   "</selectfont>\n</fontconfig>\n");
  return path;
}

// The box around the page's dark pixels.
struct Ink {
  int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
};
Ink ink_box(const test::Raster& r) {
  Ink b;
  for (int y = 0; y < r.height; ++y) {
    for (int x = 0; x < r.width; ++x) {
      if ((r.at(x, y) & 0xFF) >= 0x80) continue;
      b.x0 = std::min(b.x0, x);
      b.y0 = std::min(b.y0, y);
      b.x1 = std::max(b.x1, x);
      b.y1 = std::max(b.y1, y);
    }
  }
  return b;
}

}  // namespace

TEST_CASE("CJK in Noto Sans CJK's CFF collection is embedded as CIDFontType0 subsets",
          "[pdf][text][fonts]") {
  REQUIRE(std::system("fc-list | grep -q NotoSansCJK-Regular.ttc") == 0);  // fonts-noto-cjk
  REQUIRE(std::system("fc-list | grep -q NotoSansCJK-Bold.ttc") == 0);
  std::string dir = test::temp_dir();
  std::string out = dir + "/cjk.pdf";
  setenv("FONTCONFIG_FILE", only_noto_cjk_config(dir).c_str(), 1);
  auto r =
      test::run_deckpdf("'" + test::source_dir() + "/tests/pdf/decks/cjk.pug' -o '" + out + "'");
  unsetenv("FONTCONFIG_FILE");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("text.missing-glyph") == std::string::npos);
  REQUIRE(std::system(("qpdf --check '" + out + "' >/dev/null").c_str()) == 0);

  test::PdfDoc doc = test::pdf_read(out);
  REQUIRE(doc.loaded);
  CHECK(doc.warnings.empty());
  REQUIRE(doc.pages.size() == 6);
  auto has = [&](size_t page, const std::string& s) {
    CAPTURE(page, s, doc.pages[page].text);
    CHECK(doc.pages[page].text.find(s) != std::string::npos);
  };
  has(0, "한국어 제목");
  has(0, "안녕하세요, 세계!");
  has(1, "简体中文标题");
  has(1, "你好，世界。这是简体。");
  has(2, "繁體中文標題");
  has(2, "你好，世界。這是繁體。");
  has(3, "日本語の見出し");
  has(3, "こんにちは、カタカナ。");
  has(4, "記号 ✅ ★");
  has(4, "確認 ✅ 星 ★ 矢印 →");

  std::unique_ptr<poppler::document> d(poppler::document::load_from_file(out));
  REQUIRE(d);
  bool regular = false, bold = false;
  for (const auto& f : d->fonts()) {
    CAPTURE(f.name());
    CHECK(f.is_embedded());
    CHECK(f.is_subset());
    if (f.name().find("NotoSansCJK") == std::string::npos) continue;
    CHECK(f.type() == poppler::font_info::cid_type0c);
    if (f.name().find("-Regular") != std::string::npos) regular = true;
    if (f.name().find("-Bold") != std::string::npos) bold = true;  // the headings
  }
  CHECK(regular);
  CHECK(bold);
  // CJK subsets stay small: the glyphs drawn, not the collection's 65,535.
  CHECK(test::read_file(out).size() < 60000);

  // The glyph drawn for 一 is 一 (a CID mapped to the wrong glyph would
  // draw something else): one wide, flat stroke.
  Ink one = ink_box(test::pdf_render_page(out, 5));
  REQUIRE(one.x1 > one.x0);
  CHECK(one.x1 - one.x0 > 100);
  CHECK((one.y1 - one.y0) * 5 < one.x1 - one.x0);
}
