// tests/cli/locals_test.cpp — build-supplied values end to end: the front
// matter's `locals:` map and `--locals FILE.json` become the deck's Pug
// locals (read back from the PDF), --locals winning; a bad map is an error
// at its line.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;
namespace fs = std::filesystem;

namespace {

const std::string deck_text =
    "---\n"
    "title: Deck title\n"
    "locals:\n"
    "  title: Lambda Days   # a comment\n"
    "  year: 2024\n"
    "  topics: [map, \"filter\"]\n"
    "  speaker:\n"
    "    name: 'Ada'\n"
    "    langs:\n"
    "      - ML\n"
    "      - Haskell\n"
    "---\n"
    "section\n"
    "  h1 #{title} #{year + 1}\n"
    "  p= topics.join(' and ')\n"
    "  p #{speaker.name} writes #{speaker.langs.join('/')}\n";

std::string dir() {
  std::string d = test::temp_dir() + "/locals";
  fs::create_directories(d);
  return d;
}

}  // namespace

TEST_CASE("front matter locals become the deck's Pug locals", "[cli][pug]") {
  std::string deck = dir() + "/talk.pug";
  test::write_file(deck, deck_text);
  test::RunResult r = test::run_deckpdf("'" + deck + "' -o '" + dir() + "/talk.pdf'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  test::PdfDoc pdf = test::pdf_read(dir() + "/talk.pdf");
  REQUIRE(pdf.pages.size() == 1);
  std::string text = test::squash_spaces(pdf.pages[0].text);
  CHECK(text.find("Lambda Days 2025") != std::string::npos);
  CHECK(text.find("map and filter") != std::string::npos);
  CHECK(text.find("Ada writes ML/Haskell") != std::string::npos);
  // The front matter's own keys are unchanged by the map below `locals:`.
  CHECK(pdf.title == "Deck title");

  SECTION("--locals entries override the front matter's") {
    test::write_file(dir() + "/over.json", R"({"title": "From JSON"})");
    test::RunResult o = test::run_deckpdf("'" + deck + "' --locals '" + dir() + "/over.json' -o '" +
                                          dir() + "/over.pdf'");
    REQUIRE(o.exit_code == 0);
    std::string t = test::squash_spaces(test::pdf_read(dir() + "/over.pdf").pages.at(0).text);
    CHECK(t.find("From JSON 2025") != std::string::npos);
    CHECK(t.find("Ada writes") != std::string::npos);  // the rest still from the front matter
  }
}

TEST_CASE("a bad locals map is an error at its line", "[cli][pug]") {
  std::string deck = dir() + "/bad.pug";
  test::write_file(deck,
                   "---\nlocals:\n  title: ok\n  x: |\n    block text\n  - item\n---\n"
                   "section\n  h1= title\n");
  test::RunResult r = test::run_deckpdf("'" + deck + "' --check");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("bad.pug:4:6: error: front matter locals: values starting with '|'") !=
        std::string::npos);
  CHECK(r.err.find("bad.pug:5:5: error: front matter locals: indented more") != std::string::npos);
  CHECK(r.err.find("bad.pug:6:3: error: front matter locals: a list item among the names") !=
        std::string::npos);
}
