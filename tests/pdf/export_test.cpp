// End to end: export decks with the real binary, read the PDF back with
// poppler (and qpdf), assert what a reader of the file would see.
#include <catch2/catch.hpp>
#include <poppler-document.h>
#include <poppler-font.h>

#include <cstdlib>
#include <memory>

#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;

namespace {

std::string export_deck(const std::string& input, const std::string& name,
                        const std::string& extra = "") {
  std::string out = test::temp_dir() + "/" + name + ".pdf";
  auto r = test::run_deckpdf("'" + input + "' -o '" + out + "' " + extra);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return out;
}

bool contains(const std::string& hay, const std::string& needle) {
  return test::squash_spaces(hay).find(test::squash_spaces(needle)) != std::string::npos;
}

}  // namespace

TEST_CASE("the seed exports to six 16:9 pages holding each slide's text", "[pdf]") {
  std::string pdf = export_deck(test::source_dir() + "/samples/beam.pug", "beam");
  test::PdfDoc doc = test::pdf_read(pdf);
  REQUIRE(doc.loaded);
  CHECK(doc.warnings.empty());
  REQUIRE(doc.pages.size() == 6);
  for (const auto& page : doc.pages) {
    CHECK(page.width_pt == Approx(960));
    CHECK(page.height_pt == Approx(540));
  }
  const std::vector<std::vector<std::string>> expected = {
      {"BEAM"},
      {"The ErlangVM", "Born from Erlang", "Created to solve the problem of communication",
       "Phone networks cannot go down for maintenance"},
      {"Processes and messages"},
      {"Concurrency", "async isn't concurrency", "WhatsApp 2 million", "Bleacher Report",
       "from minutes to millisecond", "from 150 servers to 30", "from heavy cache to no cache",
       "RiotGames", "@TODO find out what Riot uses Elixir for"},
      {"Performance", "WhatsApp", "Bleacher Report",
       "Phoenix 2 millions concurrent connections on one"},
      {"Other Cool Stuff", "remote_console", "@TODO Show something from remote", "observer"},
  };
  for (size_t i = 0; i < expected.size(); ++i) {
    for (const auto& text : expected[i]) {
      CAPTURE(i + 1, text, doc.pages[i].text);
      CHECK(contains(doc.pages[i].text, text));
    }
  }
  // Notes never appear on slides.
  for (const auto& page : doc.pages) {
    CHECK_FALSE(contains(page.text, "Ericson"));
    CHECK_FALSE(contains(page.text, "BEAM walkthrough"));
  }
}

TEST_CASE("every font is embedded as a subset", "[pdf]") {
  std::string pdf = export_deck(test::source_dir() + "/samples/beam.pug", "beam-fonts");
  std::unique_ptr<poppler::document> d(poppler::document::load_from_file(pdf));
  REQUIRE(d);
  auto fonts = d->fonts();
  REQUIRE(fonts.size() >= 2);
  for (const auto& f : fonts) {
    CAPTURE(f.name());
    CHECK(f.is_embedded());
    CHECK(f.is_subset());
    CHECK(f.type() == poppler::font_info::cid_truetype);
  }
}

TEST_CASE("qpdf finds no errors in the exported samples", "[pdf]") {
  if (std::system("command -v qpdf >/dev/null 2>&1") != 0) {
    FAIL("qpdf is not installed (apt-get install qpdf)");
  }
  for (const char* sample : {"beam", "deckpdf-tour"}) {
    std::string pdf = export_deck(test::source_dir() + "/samples/" + sample + ".pug",
                                  std::string("qpdf-") + sample);
    std::string cmd = "qpdf --check '" + pdf + "' >/dev/null 2>&1";
    CAPTURE(sample);
    CHECK(std::system(cmd.c_str()) == 0);
  }
}

TEST_CASE("ligatures and kerning extract as the typed text", "[pdf]") {
  std::string deck = test::temp_dir() + "/lig.pug";
  test::write_file(deck, "section\n  p office affinity, AVATAR and fjord\n");
  test::PdfDoc doc = test::pdf_read(export_deck(deck, "lig"));
  REQUIRE(doc.pages.size() == 1);
  CHECK(doc.warnings.empty());
  CHECK(contains(doc.pages[0].text, "office affinity, AVATAR and fjord"));
}

TEST_CASE("the second sample exports with metadata from its front matter", "[pdf]") {
  test::PdfDoc doc =
      test::pdf_read(export_deck(test::source_dir() + "/samples/deckpdf-tour.pug", "tour"));
  REQUIRE(doc.loaded);
  CHECK(doc.warnings.empty());
  CHECK(doc.title == "deckpdf: a tour");
  CHECK(doc.author == "The deckpdf authors");
  REQUIRE(doc.pages.size() == 6);
  CHECK(contains(doc.pages[0].text, "deckpdf"));
  CHECK(contains(doc.pages[1].text, "Speaker notes in Markdown"));
  CHECK(contains(doc.pages[4].text, "strong words"));
  CHECK(contains(doc.pages[5].text, "$ deckpdf talk.pug --builds"));
}

TEST_CASE("builds mode gives one page per fragment step", "[pdf]") {
  test::PdfDoc doc =
      test::pdf_read(export_deck(test::source_dir() + "/samples/beam.pug", "builds", "--builds"));
  REQUIRE(doc.pages.size() == 18);
  // Slide 2 is pages 2..5: its three fragments appear one by one.
  CHECK_FALSE(contains(doc.pages[1].text, "Born from Erlang"));
  CHECK(contains(doc.pages[2].text, "Born from Erlang"));
  CHECK_FALSE(contains(doc.pages[2].text, "Created to solve"));
  CHECK(contains(doc.pages[4].text, "Phone networks"));
}

TEST_CASE("the same deck and SOURCE_DATE_EPOCH give the same bytes", "[pdf]") {
  std::string in = test::source_dir() + "/samples/beam.pug";
  std::string a = export_deck(in, "repro-a");
  std::string b = export_deck(in, "repro-b");
  (void)a;
  (void)b;
  std::string out1 = test::temp_dir() + "/repro1.pdf", out2 = test::temp_dir() + "/repro2.pdf";
  auto r1 = test::run_deckpdf("'" + in + "' -o '" + out1 + "'");
  REQUIRE(r1.exit_code == 0);
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  auto r2 = test::run_deckpdf("'" + in + "' -o '" + out1 + "'");
  auto r3 = test::run_deckpdf("'" + in + "' -o '" + out2 + "'");
  unsetenv("SOURCE_DATE_EPOCH");
  REQUIRE(r2.exit_code == 0);
  REQUIRE(r3.exit_code == 0);
  CHECK(test::read_file(out1) == test::read_file(out2));
  CHECK(test::read_file(out1).find("D:20231114221320Z") != std::string::npos);
}

TEST_CASE("a failed run leaves an existing output untouched", "[pdf]") {
  std::string deck = test::temp_dir() + "/broken.pug";
  std::string out = test::temp_dir() + "/precious.pdf";
  test::write_file(deck, "---\ntitle: never closed\nsection\n  h1 x\n");
  test::write_file(out, "precious bytes");
  auto r = test::run_deckpdf("'" + deck + "' -o '" + out + "'");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("broken.pug:1:1: error:") != std::string::npos);
  CHECK(test::read_file(out) == "precious bytes");
}

TEST_CASE("a missing input is an I/O error", "[pdf]") {
  auto r = test::run_deckpdf("'" + test::temp_dir() + "/nope.pug'");
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("cannot open") != std::string::npos);
}
