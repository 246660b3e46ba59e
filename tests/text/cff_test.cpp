// A CFF table's keying read from real faces and from damaged bytes.
#include "text/cff.h"

#include <hb.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "text/font_set.h"

using namespace deckpdf;

TEST_CASE("CFF keying: Noto Sans CJK is CID-keyed with CID = glyph id", "[text][fonts]") {
  CHECK(text::cff_keying("") == text::CffKeying::Invalid);
  CHECK(text::cff_keying(std::string("\x01\x00\x04\x01\x00\x00", 6)) == text::CffKeying::Invalid);
  const char* ttc = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
  REQUIRE(std::filesystem::exists(ttc));  // fonts-noto-cjk, in the README's test command
  text::FontSet fonts;
  std::string e;
  for (unsigned index = 0; index < 5; ++index) {  // JP, KR, SC, TC, HK
    REQUIRE(fonts.load_file(ttc, e, index));
    const text::FontFace& f = fonts.face(index);
    CAPTURE(f.postscript);
    CHECK(f.cff);
    CHECK(f.cid_keyed);
    CHECK(f.outlines);
    CHECK(f.has_codepoint(U'한'));
    CHECK(f.postscript.find("NotoSansCJK") == 0);
    hb_blob_t* t = hb_face_reference_table(f.hb_face, HB_TAG('C', 'F', 'F', ' '));
    unsigned n = 0;
    const char* data = hb_blob_get_data(t, &n);
    std::string cff(data, n);
    hb_blob_destroy(t);
    CHECK(text::cff_keying(cff) == text::CffKeying::CidIdentity);
    // Every prefix of the table is read without harm.
    for (size_t keep = 0; keep < 4096 && index == 0; keep += 61) {
      text::cff_keying(std::string_view(cff).substr(0, keep));
    }
  }
}
