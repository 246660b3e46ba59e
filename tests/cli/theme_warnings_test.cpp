// A theme's warnings through the real binary: printed with the theme file's
// line, column and caret, also when the export then fails on an error that
// shows nothing else, and hidden by -q like every other warning.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "support/paths.h"

using namespace deckpdf;

TEST_CASE("theme warnings are printed with their place, hidden by -q", "[cli]") {
  std::string dir = test::temp_dir() + "/theme-warnings";
  std::filesystem::create_directories(dir);
  test::write_file(dir + "/bad.css", "h1 { color: red }\n  a:hover { color: green }\n");
  test::write_file(dir + "/deck.pug", "---\ntheme: bad.css\n---\nsection\n  h1 Hi\n");
  std::string deck = "'" + dir + "/deck.pug' ";
  std::string warning = dir +
                        "/bad.css:2:3: warning: selector 'a:hover' is not supported; its rule is "
                        "ignored [theme.unsupported-selector]\n"
                        " 2 |   a:hover { color: green }\n"
                        "   |   ^\n";

  auto checked = test::run_deckpdf(deck + "--check");
  CHECK(checked.exit_code == 0);
  CHECK(checked.err == warning);

  // A bad --size fails without the deck's diagnostics; the theme's stay.
  auto failed = test::run_deckpdf(deck + "--check --size bogus");
  CHECK(failed.exit_code == 2);
  CHECK(failed.err == warning + "deckpdf: error: size 'bogus' is not 16:9, 4:3 or WIDTHxHEIGHT\n");

  auto quiet = test::run_deckpdf(deck + "--check -q");
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.err.empty());
}
