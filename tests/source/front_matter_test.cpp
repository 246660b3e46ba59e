// Front matter: keys deckpdf does not read are warned about with the
// nearest one it does, and `date:` is read as a moment (source/date.h).
#include <catch2/catch.hpp>
#include <string>

#include "source/date.h"
#include "source/diagnostic.h"
#include "source/source.h"

using namespace deckpdf;

namespace {

struct Parsed {
  FrontMatter fm;
  Diagnostics diags;
};

Parsed parse(const std::string& text) {
  Source src("t.pug", text);
  Parsed p;
  uint32_t body = 0;
  p.fm = source_parse_front_matter(src, p.diags, body);
  return p;
}

}  // namespace

TEST_CASE("dates as decks write them, in seconds since 1970 UTC", "[source]") {
  constexpr int64_t day = 86400;
  const int64_t pi_day = 20526 * day;  // 2026-03-14
  CHECK(date_parse("1970-01-01") == 0);
  CHECK(date_parse("2026-03-14") == pi_day);
  CHECK(date_parse(" 2026-03-14 ") == pi_day);
  CHECK(date_parse("2026-03-14 15:30") == pi_day + 15 * 3600 + 30 * 60);
  CHECK(date_parse("2026-03-14T15:30:05Z") == pi_day + 15 * 3600 + 30 * 60 + 5);
  CHECK(date_parse("2026-03-14T15:30:05.250Z") == pi_day + 15 * 3600 + 30 * 60 + 5);
  CHECK(date_parse("2026-03-14 15:30+01:00") == pi_day + 14 * 3600 + 30 * 60);
  CHECK(date_parse("2026-03-14 15:30 -0500") == pi_day + 20 * 3600 + 30 * 60);
  CHECK(date_parse("14 March 2026") == pi_day);
  CHECK(date_parse("March 14, 2026") == pi_day);
  CHECK(date_parse("14 mar 2026") == pi_day);
  CHECK(date_parse("Sept. 1, 2025") == 20332 * day);
  CHECK(date_parse("2024-02-29") == 19782 * day);  // a leap day
  for (const char* bad :
       {"", "tomorrow", "2026-3-14", "2026-02-29", "2026-13-01", "2026-03-32", "2026-03-14 25:00",
        "2026-03-14 15:60", "2026-03-14T15", "2026-03-14x", "2026-03-14 15:30+1",
        "31 February 2026", "14 Smarch 2026", "14 March 2026 extra", "March 2026"}) {
    CAPTURE(bad);
    CHECK_FALSE(date_parse(bad));
  }
}

TEST_CASE("front matter: the date read, unknown keys and unreadable dates warned", "[source]") {
  Parsed ok = parse("---\ntitle: T\ndate: 2026-03-14\nparser: pug\nslideNumber: true\n---\n");
  CHECK(ok.diags.items().empty());
  CHECK(ok.fm.date == 20526 * int64_t{86400});
  CHECK(ok.fm.get("date") == std::optional<std::string>("2026-03-14"));

  Parsed typo = parse("---\nthme: moon\nfoo: bar\n---\n");
  REQUIRE(typo.diags.items().size() == 2);
  const Diagnostic& d = typo.diags.items()[0];
  CHECK(d.severity == Severity::Warning);
  CHECK(d.code == "source.front-matter-key");
  CHECK(d.span.begin == 4);
  CHECK(d.span.end == 8);
  CHECK(
      d.message ==
      "front matter key 'thme' is not one deckpdf reads; did you mean theme? (it reads author, "
      "center, "
      "date, description, event, keywords, lang, locals, notesSeparator, parser, separator, size, "
      "slide-number, slideNumber, subject, theme, title, verticalSeparator); it is ignored");
  CHECK(typo.diags.items()[1].message.find("front matter key 'foo' is not one deckpdf reads (") ==
        0);

  Parsed bad = parse("---\ndate: \"next week\"\n---\n");
  CHECK_FALSE(bad.fm.date);
  REQUIRE(bad.diags.items().size() == 1);
  CHECK(bad.diags.items()[0].code == "source.front-matter-date");
  CHECK(bad.diags.items()[0].span.begin == 10);  // the value, quotes included
  CHECK(bad.diags.items()[0].message ==
        "front matter date 'next week' is not a date deckpdf reads (2026-03-14, 2026-03-14 "
        "15:30, 14 March 2026); the PDF's date is not set from it");
}
