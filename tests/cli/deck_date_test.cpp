// The front matter's date and keys seen from the command line: `date:` is
// the PDF's creation date (over SOURCE_DATE_EPOCH), a key deckpdf does not
// read is a warning at its line with the nearest one.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

#include "cli/cli_helpers.h"
#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;
using test::has;
using test::tmp;

TEST_CASE("date: in the front matter is the PDF's creation date", "[cli]") {
  std::string deck = tmp("dated.pug"), pdf = tmp("dated.pdf");
  test::write_file(deck,
                   "---\ntitle: Dated\ndate: 2026-03-14 15:30+01:00\n---\nsection\n  h1 Hi\n");
  setenv("SOURCE_DATE_EPOCH", "0", 1);  // the deck's date wins over the build's
  auto r = test::run_deckpdf("'" + deck + "' -o '" + pdf + "'");
  unsetenv("SOURCE_DATE_EPOCH");
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  std::string objects = test::pdf_qdf(pdf);
  CHECK(has(objects, "/CreationDate (D:20260314143000Z"));
  CHECK(has(objects, "/ModDate (D:20260314143000Z"));

  // Not a date: a warning at its value, and the build's date is used.
  test::write_file(deck, "---\ntitle: Dated\ndate: soon\n---\nsection\n  h1 Hi\n");
  setenv("SOURCE_DATE_EPOCH", "86400", 1);
  r = test::run_deckpdf("'" + deck + "' -o '" + pdf + "'");
  unsetenv("SOURCE_DATE_EPOCH");
  CHECK(r.exit_code == 0);
  CHECK(r.err == deck +
                     ":3:7: warning: front matter date 'soon' is not a date deckpdf reads "
                     "(2026-03-14, 2026-03-14 15:30, 14 March 2026); the PDF's date is not set "
                     "from it [source.front-matter-date]\n 3 | date: soon\n   |       ^\n");
  CHECK(has(test::pdf_qdf(pdf), "/CreationDate (D:19700102000000Z"));
}

TEST_CASE("a front-matter key deckpdf does not read is a warning naming the nearest", "[cli]") {
  std::string deck = tmp("keys.pug");
  test::write_file(deck, "---\ntitle: Keys\nthme: moon\n---\nsection\n  h1 Hi\n");
  auto r = test::run_deckpdf("'" + deck + "' --check");
  CHECK(r.exit_code == 0);
  CHECK(
      r.err ==
      deck +
          ":3:1: warning: front matter key 'thme' is not one deckpdf reads; did you "
          "mean theme? (it reads author, center, date, description, event, keywords, lang, locals, "
          "notesSeparator, parser, separator, size, slide-number, slideNumber, "
          "subject, theme, title, verticalSeparator); it is "
          "ignored [source.front-matter-key]\n 3 | thme: moon\n   | ^\n");
}
