// --dump=layout: display lists as text. Decks are dumped through the whole
// pipeline and compared with golden files in tests/layout/dumps/; a change
// to layout that moves anything shows up there line by line.
//
// To accept a change (after reading the diff), rewrite the goldens:
//   DECKPDF_UPDATE_DUMPS=1 build/tests/deckpdf_layout_tests "[dump]"
// and commit tests/layout/dumps/ with it.
#include "layout/dump.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "cli/job.h"
#include "layout/layers.h"
#include "support/paths.h"

using namespace deckpdf;

namespace {

std::string dump_deck(const std::string& deck) {
  std::string path = test::source_dir() + "/" + deck;
  cli::Job job;
  job.data_dir = test::source_dir();
  job.dump = cli::Dump::Layout;
  Source source(path, test::read_file(path));
  cli::Export r = cli::export_to_memory(source, job);
  INFO(deck);
  REQUIRE(r.exit_code == cli::exit_ok);
  return r.dump;
}

void check_golden(const std::string& deck, const std::string& golden) {
  std::string dump = dump_deck(deck);
  std::string path = test::source_dir() + "/tests/layout/dumps/" + golden;
  const char* update = std::getenv("DECKPDF_UPDATE_DUMPS");
  if (update && std::string(update) == "1") {
    test::write_file(path, dump);
    WARN("rewrote " << path);
    return;
  }
  REQUIRE(std::filesystem::exists(path));
  std::string want = test::read_file(path);
  if (dump == want) return;
  // The first line that differs, so that a failure says where.
  size_t at = 0, line = 1;
  while (at < dump.size() && at < want.size() && dump[at] == want[at]) {
    if (dump[at++] == '\n') ++line;
  }
  size_t begin = dump.rfind('\n', at == 0 ? 0 : at - 1);
  begin = begin == std::string::npos ? 0 : begin + 1;
  size_t wbegin = begin;
  INFO(golden << ": line " << line
              << " differs\n  got:  " << dump.substr(begin, dump.find('\n', begin) - begin)
              << "\n  want: " << want.substr(wbegin, want.find('\n', wbegin) - wbegin));
  CHECK(dump == want);
}

}  // namespace

TEST_CASE("the dumps of the samples match their golden files", "[dump]") {
  check_golden("samples/beam.pug", "beam.txt");
  check_golden("samples/deckpdf-tour.pug", "deckpdf-tour.txt");
}

TEST_CASE("the dump of a deck with fragment effects matches its golden file", "[dump]") {
  check_golden("tests/pdf/decks/styles.pug", "styles.txt");
}

// Every CSS colour form, a style block (its `.reveal h2` beats the theme's),
// a linked stylesheet with an @import and currentColor, a dark and a light
// slide (white's has-dark-background rule turns the text white, winning
// over the deck's h2 by specificity).
TEST_CASE("the dump of a deck with its own CSS and every colour form matches its golden file",
          "[dump]") {
  check_golden("tests/layout/decks/colours-css.pug", "colours-css.txt");
}

TEST_CASE("the dump of a deck with opacity, shadows, corners and gradients matches its golden",
          "[dump]") {
  check_golden("tests/layout/decks/paint.pug", "paint.txt");
}

TEST_CASE("the dump of the flex, grid, float and position deck matches its golden file", "[dump]") {
  check_golden("tests/layout/decks/css-layout.pug", "css-layout.txt");
}

TEST_CASE("a display list dumps every kind of item, its steps and effects", "[dump]") {
  layout::DisplayList list;
  list.width = 960;
  list.height = 540.5f;
  list.background = {0, 0, 0, 1};
  list.scale = 0.5f;
  list.dy = -0.001f;
  list.clip = true;
  list.step_count = 2;
  layout::Effect dim;
  dim.from = 1;
  layout::Effect red;
  red.kind = layout::Effect::Kind::Color;
  red.color = {1, 0, 0, 0.5f};
  red.from = 2;
  red.until = 3;
  list.effects.push_back({dim, red});
  auto add = [&](float x, float y, auto v) -> layout::Item& {
    layout::Item it;
    it.x = x;
    it.y = y;
    it.v = v;
    list.items.push_back(std::move(it));
    return list.items.back();
  };
  auto run = std::make_shared<text::GlyphRun>();
  run->font = 7;
  run->size = 20;
  run->text = "Hi \"you\"";
  run->width = 30.125f;
  for (uint32_t c : {0u, 1u, 2u, 3u, 4u, 5u, 6u, 7u}) run->glyphs.push_back({c + 1, 3, 0, 0, c});
  add(10, 20, layout::TextItem{run, {0.2f, 0.4f, 0.6f, 1}, nullptr, nullptr}).step = 1;
  add(0, 0, layout::RectItem{5, 6, {1, 1, 1, 1}, 1, {0, 0, 0, 1}}).until = 2;
  add(1, 2, layout::LineItem{3, 4, 1, {0, 0, 0, 1}}).effects = 1;
  add(1, 2, layout::MarkerItem{layout::MarkerItem::Shape::Square, 8, {0, 0, 0, 1}});
  add(1, 2, layout::LinkItem{10, 12, "#/2"});
  auto picture = std::make_shared<image::Picture>();
  picture->format = image::Format::Webp;
  add(1, 2, layout::ImageItem{"/decks/talk/img/a.png", 100, 50, picture});
  layout::layers_group(list);
  layout::DumpOptions options;
  options.base_dir = "/decks/talk";
  CHECK(layout::dump_list(list, options) ==
        "size 960.00x540.50 background #000000 scale 0.50 dx 0.00 dy 0.00 clip yes steps 2\n"
        "effects 1: dim 1..never, color #ff000080 2..3\n"
        "  text 10.00 20.00 w 30.12 font font 7 size 20.00 fill #336699 \"Hi \\\"you\\\"\" step 1\n"
        "  rect 0.00 0.00 5.00x6.00 fill #ffffff stroke 1.00 #000000 until 2\n"
        "  line 1.00 2.00 to 3.00 4.00 width 1.00 #000000 effects 1\n"
        "  marker 1.00 2.00 square size 8.00 #000000\n"
        "  link 1.00 2.00 10.00x12.00 href \"#/2\"\n"
        "  image 1.00 2.00 100.00x50.00 webp \"img/a.png\"\n"
        "layer 0: step 1 until never effects 0 items 0\n"
        "layer 1: step 0 until 2 effects 0 items 1\n"
        "layer 2: step 0 until never effects 1 items 2\n"
        "layer 3: step 0 until never effects 0 items 3-5\n");
}
