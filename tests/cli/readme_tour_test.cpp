// The README's opening and its one-minute tour stay true: two commands
// first, then the tour's deck, which is samples/minute.pug, and the three
// commands making what the README says they make.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/cli_helpers.h"
#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;
using test::has;
namespace fs = std::filesystem;

namespace {

struct Block {
  std::string lang, text;
};

// The fenced code blocks of a Markdown file, in order.
std::vector<Block> code_blocks(const std::string& md) {
  std::vector<Block> out;
  size_t at = 0;
  while ((at = md.find("\n```", at)) != std::string::npos) {
    size_t lang_end = md.find('\n', at + 4);
    size_t close = md.find("\n```", lang_end);
    if (lang_end == std::string::npos || close == std::string::npos) break;
    out.push_back(
        {md.substr(at + 4, lang_end - at - 4), md.substr(lang_end + 1, close - lang_end)});
    at = md.find('\n', close + 4);
    if (at == std::string::npos) break;
  }
  return out;
}

}  // namespace

TEST_CASE("the README opens with its two commands, then the tour of samples/minute.pug", "[cli]") {
  std::string readme = test::read_file(test::source_dir() + "/README.md");
  std::vector<Block> blocks = code_blocks(readme);
  REQUIRE(blocks.size() >= 4);
  // Two commands, one line each: build and export the sample; build and test.
  CHECK(blocks[0].lang == "sh");
  CHECK(blocks[1].lang == "sh");
  CHECK(std::count(blocks[0].text.begin(), blocks[0].text.end(), '\n') == 1);
  CHECK(std::count(blocks[1].text.begin(), blocks[1].text.end(), '\n') == 1);
  CHECK(has(blocks[0].text, "build/deckpdf samples/beam.pug -o beam.pdf"));
  CHECK(has(blocks[1].text, "ctest --test-dir build"));
  // The tour: its deck is the sample, word for word.
  CHECK(readme.find("## A one-minute tour") > readme.find(blocks[1].text));
  CHECK(blocks[2].lang == "pug");
  CHECK(blocks[2].text == test::read_file(test::source_dir() + "/samples/minute.pug"));
  CHECK(blocks[3].lang == "sh");
  CHECK(has(blocks[3].text, "deckpdf talk.pug             # talk.pdf: 2 pages"));
  CHECK(has(blocks[3].text, "deckpdf talk.pug --builds    # talk.pdf: 3 pages"));
  CHECK(has(blocks[3].text, "deckpdf talk.pug --handout   # talk-handout.pdf: 2 pages"));
}

TEST_CASE("the tour's three commands make what the README shows", "[cli]") {
  std::string dir = test::temp_dir() + "/tour";
  fs::create_directories(dir);
  fs::copy_file(test::source_dir() + "/samples/minute.pug", dir + "/talk.pug",
                fs::copy_options::overwrite_existing);
  auto run = [&](const std::string& args) {
    return test::run_deckpdf("--version >/dev/null && cd '" + dir + "' && '" +
                             test::deckpdf_binary() + "' " + args);
  };
  auto r = run("talk.pug");
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  test::PdfDoc slides = test::pdf_read(dir + "/talk.pdf");
  REQUIRE(slides.pages.size() == 2);
  CHECK(slides.title == "One minute");
  CHECK(slides.author == "Ada Lovelace");
  CHECK(has(slides.pages[1].text, "Shown at the first step"));  // every fragment shown
  CHECK(has(test::pdf_qdf(dir + "/talk.pdf"), "/CreationDate (D:20260314000000Z"));

  r = run("talk.pug --builds");
  CHECK(r.exit_code == 0);
  test::PdfDoc builds = test::pdf_read(dir + "/talk.pdf");
  REQUIRE(builds.pages.size() == 3);
  CHECK_FALSE(has(builds.pages[1].text, "Shown at the first step"));  // before the click
  CHECK(has(builds.pages[2].text, "Shown at the first step"));        // after it

  r = run("talk.pug --handout");
  CHECK(r.exit_code == 0);
  test::PdfDoc handout = test::pdf_read(dir + "/talk-handout.pdf");
  REQUIRE(handout.pages.size() == 2);
  CHECK(has(handout.pages[1].text, "Step by step"));
  CHECK(has(handout.pages[1].text, "before"));  // the notes beside the slide
}
