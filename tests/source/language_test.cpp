// BCP 47 tags as RFC 5646's ABNF reads them: what a deck's lang: or --lang
// may say, and what is warned about instead of written into the PDF.
#include "source/language.h"

#include <catch2/catch.hpp>

using namespace deckpdf;

TEST_CASE("well-formed BCP 47 tags are accepted, others are not", "[source]") {
  for (const char* tag :
       {"en", "en-US", "de-CH", "zh-Hant", "zh-Hant-TW", "sr-Latn-RS", "es-419", "de-CH-1901",
        "sl-rozaj-biske", "en-a-bbb-x-a-ccc", "x-whatever", "zh-yue-HK", "i-klingon", "en-GB-oed",
        "art-lojban", "EN-us", "qaa-Qaaa-QM-x-southern", "haw"}) {
    CAPTURE(tag);
    CHECK(language_tag_well_formed(tag));
  }
  for (const char* tag :
       {"", "en_US", "e", "en-", "-en", "en--US", "en-US-", "x", "en-x", "en-a", "en-a-x-b",
        "toolongtag", "12", "en-123456789", "x y", "de-CH-1901-a", "en-US-x-abcdefghi"}) {
    CAPTURE(tag);
    CHECK_FALSE(language_tag_well_formed(tag));
  }
}
