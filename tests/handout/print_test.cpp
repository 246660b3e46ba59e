// Handouts as someone printing them reads them (issue 21): each slide's
// label and title under it, slide numbers, dark slides printed in ink-saving
// colours, notes set smaller rather than continued, no line of a paragraph
// alone at a break, pictures in notes fitted to their box, the header,
// hidden and uncounted slides, and the speaker's script's outline and cues.
// Every deck is exported with the real binary and read back with poppler.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "compose/handout_layout.h"
#include "layout/flow.h"
#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;

namespace {

std::string deck(const std::string& name) {
  return test::source_dir() + "/tests/handout/decks/" + name;
}

std::string exported(const std::string& input, const std::string& name, const std::string& extra) {
  std::string out = test::temp_dir() + "/" + name + ".pdf";
  auto r = test::run_deckpdf("'" + input + "' -o '" + out + "' --paper a4 " + extra);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return out;
}

std::string all_text(const test::PdfDoc& doc) {
  std::string all;
  for (const auto& page : doc.pages) all += page.text + "\n";
  return test::squash_spaces(all);
}

bool contains(const std::string& hay, const std::string& needle) {
  return test::squash_spaces(hay).find(test::squash_spaces(needle)) != std::string::npos;
}

// Words that are `text`, above the footer ("3 / 4", in the bottom 17 mm).
size_t words_equal(const test::PdfDoc& doc, const std::string& text) {
  size_t n = 0;
  for (const auto& page : doc.pages) {
    double footer = page.height_pt - 17 * 72 / 25.4;
    n += static_cast<size_t>(
        std::count_if(page.words.begin(), page.words.end(),
                      [&](const test::TextBox& w) { return w.text == text && w.y < footer; }));
  }
  return n;
}

// The mean darkness of a page: 0 white paper, 1 solid black.
double darkness(const std::string& pdf, int page) {
  test::Raster r = test::pdf_render_page(pdf, page);
  double sum = 0;
  for (uint32_t px : r.argb) {
    double grey = (((px >> 16) & 0xff) * 0.299 + ((px >> 8) & 0xff) * 0.587 + (px & 0xff) * 0.114);
    sum += 1 - grey / 255;
  }
  return r.argb.empty() ? 0 : sum / static_cast<double>(r.argb.size());
}

const std::vector<const char*> layouts = {"notes-right", "notes-below", "three-up", "3-up-ruled",
                                          "2-up",        "4-up",        "6-up",     "9-up"};

}  // namespace

TEST_CASE("every layout prints each slide's label and title under it", "[handout]") {
  for (const char* layout : layouts) {
    CAPTURE(layout);
    std::string pdf = exported(deck("visibility.pug"), std::string("labels-") + layout,
                               std::string("--handout=") + layout);
    test::PdfDoc doc = test::pdf_read(pdf);
    REQUIRE(doc.loaded);
    CHECK(doc.warnings.empty());
    std::string all = all_text(doc);
    CAPTURE(all);
    // The labels appear only in captions (no --slide-numbers): "2.1" beside
    // its title, once.
    CHECK(contains(all, "1 Opening words"));
    CHECK(contains(all, "2.1 Stack top"));
    CHECK(contains(all, "2.2 Stack second"));
    CHECK(words_equal(doc, "2.1") == 1);
    // The uncounted slide is shown, captioned by its title, with no number.
    CHECK(contains(all, "Bonus material"));
    CHECK(words_equal(doc, "3") == 0);
    // Hidden slides, and the slide hidden in the stack, are not printed.
    CHECK_FALSE(contains(all, "Secret draft"));
    CHECK_FALSE(contains(all, "HIDDENNOTES"));
    CHECK_FALSE(contains(all, "Hidden in the stack"));
    // The header: title, author, event and date from the front matter.
    CHECK(contains(all, "Visibility \u00b7 Ada Speaker \u00b7 DevConf 2026 \u00b7 2026-12-01"));
    bool notes = std::string(layout) == "notes-right" || std::string(layout) == "notes-below" ||
                 std::string(layout) == "three-up";
    CHECK(contains(all, "Attribute notes win over the aside.") == notes);
    CHECK_FALSE(contains(all, "ASIDENOTES"));
  }
}

TEST_CASE("the caption sits under its slide, in smaller type", "[handout]") {
  test::PdfDoc doc =
      test::pdf_read(exported(deck("visibility.pug"), "caption-place", "--handout=4-up"));
  REQUIRE(doc.loaded);
  const auto& words = doc.pages.at(0).words;
  auto find = [&](const std::string& t) {
    auto it = std::find_if(words.begin(), words.end(), [&](const auto& w) { return w.text == t; });
    REQUIRE(it != words.end());
    return *it;
  };
  // The slide's heading (drawn in capitals, read as written), and under
  // it, in smaller type, the caption: the label, then the title.
  test::TextBox heading = find("Opening words");
  test::TextBox title = find("Opening");
  test::TextBox label = find("1");
  CHECK(title.y > heading.y + heading.height);
  CHECK(std::abs(label.y - title.y) < 2);  // on the caption's line
  CHECK(label.x < title.x);
  CHECK(title.height < heading.height);
}

TEST_CASE("with --slide-numbers each slide has its number on its picture, not uncounted ones",
          "[handout]") {
  test::PdfDoc doc =
      test::pdf_read(exported(deck("visibility.pug"), "numbers", "--handout=4-up --slide-numbers"));
  REQUIRE(doc.loaded);
  CHECK(words_equal(doc, "2.1") == 2);  // the caption and the number on the slide
  CHECK(words_equal(doc, "2.2") == 2);
  CHECK(words_equal(doc, "1") >= 2);
  CHECK(words_equal(doc, "3") == 0);  // the uncounted slide has neither
}

TEST_CASE("dark slides print in ink-saving colours unless --handout-colors=as-is", "[handout]") {
  std::string seed = test::source_dir() + "/samples/beam.pug";
  std::string ink = exported(seed, "ink", "--handout=4-up --theme black");
  std::string as_is =
      exported(seed, "as-is", "--handout=4-up --theme black --handout-colors=as-is");
  std::string white = exported(seed, "white", "--handout=4-up --theme white");
  double d_ink = darkness(ink, 0), d_as_is = darkness(as_is, 0), d_white = darkness(white, 0);
  CAPTURE(d_ink, d_as_is, d_white);
  CHECK(d_as_is > 0.15);         // four black slides
  CHECK(d_ink < 0.03);           // white paper, dark text
  CHECK(d_ink < d_white * 1.5);  // about what the white theme takes
  // The text is all there, in both.
  for (const std::string& pdf : {ink, as_is}) {
    test::PdfDoc doc = test::pdf_read(pdf);
    REQUIRE(doc.loaded);
    CHECK(contains(all_text(doc), "Born from Erlang"));
  }
  // A light theme prints as it is either way: the same bytes, with the
  // PDFs' date fixed (two runs can straddle a second).
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  white = exported(seed, "white", "--handout=4-up --theme white");
  std::string white_as_is =
      exported(seed, "white-as-is", "--handout=4-up --theme white --handout-colors=as-is");
  unsetenv("SOURCE_DATE_EPOCH");
  CHECK(test::read_file(white) == test::read_file(white_as_is));
  auto r = test::run_deckpdf("'" + seed + "' --handout --handout-colors=grey -o '" +
                             test::temp_dir() + "/no.pdf'");
  CHECK(r.exit_code == 2);
}

TEST_CASE("notes a few lines too long are set smaller rather than continued", "[handout]") {
  // three-up: notes at 10pt, at least 8.5pt. Slides 1 to 3 run a few lines
  // past their box at 10pt.
  std::string pdf = exported(deck("overflow.pug"), "overflow", "--handout=three-up");
  test::PdfDoc doc = test::pdf_read(pdf);
  REQUIRE(doc.loaded);
  CHECK(doc.pages.size() == 2);  // six cells, no continuation
  std::string all = all_text(doc);
  CHECK_FALSE(contains(all, "(continued)"));
  for (int i = 1; i <= 6; ++i) CHECK(contains(all, "END" + std::to_string(i)));
  // The shrunk notes are smaller than the others, and not below 8.5pt.
  auto height_of = [&](const std::string& word) {
    for (const auto& page : doc.pages) {
      for (const auto& w : page.words) {
        if (w.text == word) return w.height;
      }
    }
    return 0.0;
  };
  double small = height_of("END1"), normal = height_of("END4");
  CHECK(small > 0);
  CHECK(small < normal * 0.97);
  CHECK(small > normal * 0.85 * 0.97);
  // The same layout without notes-min-size continues them.
  std::string layout = test::read_file(test::source_dir() + "/layouts/three-up.handout");
  layout.erase(layout.find("notes-min-size"));
  std::string mine = test::temp_dir() + "/no-min.handout";
  test::write_file(mine, layout);
  test::PdfDoc cont =
      test::pdf_read(exported(deck("overflow.pug"), "overflow-cont", "--handout='" + mine + "'"));
  REQUIRE(cont.loaded);
  CHECK(cont.pages.size() == 3);
  CHECK(contains(all_text(cont), "Slide 1 (continued)"));
}

TEST_CASE("a break never leaves one line of a paragraph alone", "[handout]") {
  // Every word of widows.pug is unique (k07w03: paragraph 7): a paragraph
  // on two pages has at least two lines on each. The layout of one's own
  // has its notes nearly as wide as the cell, so that they continue at the
  // same width (where a break used to leave paragraph 17's last line alone).
  std::string mine = test::temp_dir() + "/narrow.handout";
  test::write_file(mine, "paper: portrait\ngrid: 1x1\nslide: 0 0 0.1 0.1\nnotes: 0.12 0 0.88 1\n");
  for (std::string layout : {"notes-right", "notes-below", "three-up", mine.c_str()}) {
    CAPTURE(layout);
    test::PdfDoc doc =
        test::pdf_read(exported(deck("widows.pug"), "widows-" + std::to_string(layout.size()),
                                "--handout='" + layout + "'"));
    REQUIRE(doc.loaded);
    std::map<int, std::map<size_t, std::set<int>>> lines;  // paragraph -> page -> line tops
    size_t words = 0;
    for (size_t p = 0; p < doc.pages.size(); ++p) {
      for (const auto& w : doc.pages[p].words) {
        if (w.text.size() != 6 || w.text[0] != 'k' || w.text[3] != 'w') continue;
        lines[std::stoi(w.text.substr(1, 2))][p].insert(static_cast<int>(std::lround(w.y)));
        ++words;
      }
    }
    CHECK(lines.size() == 40);
    CHECK(words > 800);
    for (const auto& [k, pages] : lines) {
      if (pages.size() < 2) continue;
      for (const auto& [p, tops] : pages) {
        CAPTURE(k, p);
        CHECK(tops.size() >= 2);
      }
    }
  }
}

TEST_CASE("flow_split moves a break that would leave one line alone", "[handout]") {
  // Paragraphs of three and four 10 px lines, 5 px apart: [0,30), [35,75).
  layout::DisplayList flow;
  flow.width = 100;
  flow.height = 75;
  for (float top : {0.0f, 10.0f, 20.0f, 35.0f, 45.0f, 55.0f, 65.0f}) {
    flow.bands.push_back({top, top + 10});
  }
  // 47 px would end the first piece with the second paragraph's first
  // line alone (an orphan): the break moves before that paragraph.
  auto pieces = layout::flow_split(flow, 47, 100);
  REQUIRE(pieces.size() == 2);
  CHECK(pieces[0].bottom == 30);
  CHECK(pieces[1].top == 35);
  // 67 px would leave its last line alone on the next piece (a widow):
  // the break moves up a line, two and two.
  pieces = layout::flow_split(flow, 67, 100);
  REQUIRE(pieces.size() == 2);
  CHECK(pieces[0].bottom == 55);
  CHECK(pieces[1].top == 55);
  // 27 px: a three-line paragraph has no break without a lone line, and
  // moving it whole would leave the piece empty.
  pieces = layout::flow_split(flow, 27, 100);
  REQUIRE(pieces.size() == 2);
  CHECK(pieces[0].bottom == 20);  // no better break: 2 + 1 rather than an empty piece
  // A box holding only one line still takes one: never an empty piece.
  pieces = layout::flow_split(flow, 12, 12);
  CHECK(pieces.front().bottom == 10);
}

TEST_CASE("a picture in notes is fitted to the notes box", "[handout]") {
  for (const char* layout : {"notes-right", "three-up"}) {
    CAPTURE(layout);
    test::PdfDoc doc =
        test::pdf_read(exported(deck("picture-notes.pug"), std::string("pic-") + layout,
                                std::string("--handout=") + layout));
    REQUIRE(doc.loaded);
    CHECK(doc.pages.size() == 1);
    std::string all = all_text(doc);
    CHECK(contains(all, "Before the picture."));
    CHECK(contains(all, "After the picture."));
    CHECK_FALSE(contains(all, "(continued)"));
  }
}

TEST_CASE("the notes text size comes from --notes-size", "[handout]") {
  auto height_of = [](const test::PdfDoc& doc, const std::string& word) {
    for (const auto& w : doc.pages.at(0).words) {
      if (w.text == word) return w.height;
    }
    return 0.0;
  };
  std::string seed = test::source_dir() + "/samples/beam.pug";
  test::PdfDoc normal = test::pdf_read(exported(seed, "size-normal", "--handout"));
  test::PdfDoc big = test::pdf_read(exported(seed, "size-big", "--handout --notes-size 16pt"));
  REQUIRE(normal.loaded);
  REQUIRE(big.loaded);
  double n = height_of(normal, "walkthrough"), b = height_of(big, "walkthrough");
  CHECK(n > 0);
  CHECK(b / n == Approx(16.0 / 11).epsilon(0.05));
  auto r = test::run_deckpdf("'" + seed + "' --handout --notes-size huge -o '" + test::temp_dir() +
                             "/no.pdf'");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--notes-size") != std::string::npos);
}

TEST_CASE("the speaker's script has an outline entry per slide and the fragment cues",
          "[handout]") {
  std::string pdf =
      exported(test::source_dir() + "/samples/beam.pug", "script-cues", "--notes-only");
  test::PdfDoc doc = test::pdf_read(pdf);
  REQUIRE(doc.loaded);
  CHECK(doc.pages.size() == 2);
  std::vector<std::string> titles;
  for (const auto& e : doc.outline) titles.push_back(e.title);
  CHECK(titles == std::vector<std::string>{"1  BEAM", "2  The ErlangVM",
                                           "3  Processes and messages", "4  Concurrency",
                                           "5  Performance", "6  Other Cool Stuff"});
  std::string all = all_text(doc);
  CAPTURE(all);
  CHECK(contains(all, "Click 1: Born from Erlang"));
  CHECK(contains(all, "Click 3: Phone networks cannot go down for maintenance"));
  CHECK(contains(all, "Click 1: WhatsApp 2 million"));
  // The cues come after their slide's heading, before its notes.
  size_t heading = all.find("2 The ErlangVM"), cue = all.find("Click 1: Born"),
         notes = all.find("30 year old from Ericson");
  CHECK(heading < cue);
  CHECK(cue < notes);
}

TEST_CASE("a layout sets the notes' size, smallest size and face", "[handout]") {
  std::string seed = test::source_dir() + "/samples/beam.pug";
  std::string mine = test::temp_dir() + "/mono.handout";
  test::write_file(mine,
                   "paper: landscape\nslide: 0 0 0.55 1\nnotes: 0.59 0 0.41 1\n"
                   "notes-size: 11pt\nnotes-font: \"JetBrains Mono\", monospace\n");
  auto width_of = [](const test::PdfDoc& doc, const std::string& word) {
    for (const auto& w : doc.pages.at(0).words) {
      if (w.text == word) return w.width;
    }
    return 0.0;
  };
  test::PdfDoc sans = test::pdf_read(exported(seed, "face-sans", "--handout"));
  test::PdfDoc mono = test::pdf_read(exported(seed, "face-mono", "--handout='" + mine + "'"));
  REQUIRE(sans.loaded);
  REQUIRE(mono.loaded);
  // "walkthrough" is 11 letters: 6.6 pt each in an 11 pt monospace face.
  CHECK(width_of(mono, "walkthrough") == Approx(11 * 11 * 0.6).epsilon(0.03));
  CHECK(width_of(mono, "walkthrough") > width_of(sans, "walkthrough") * 1.15);

  // Mistakes in the new keys are reported at their place.
  compose::HandoutLayout layout;
  Diagnostics diags;
  CHECK_FALSE(compose::handout_layout_parse(
      std::make_shared<const Source>("x.handout", "notes-size: 2pt\n"), layout, diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].message == "'notes-size' is a size in pt, 4 to 72");
  Diagnostics ok;
  CHECK(compose::handout_layout_parse(
      std::make_shared<const Source>("x.handout", "notes-size: 10pt\nnotes-min-size: 8.5\n"),
      layout, ok));
  CHECK(layout.notes_size == 10);
  CHECK(layout.notes_min_size == Approx(8.5));
}

TEST_CASE("a caption too long for its slide loses words at its end", "[handout]") {
  std::string dir = test::temp_dir() + "/long-title";
  std::filesystem::create_directories(dir);
  std::string title = "Alpha";
  for (int i = 0; i < 40; ++i) title += " word" + std::to_string(i);
  test::write_file(dir + "/talk.pug", "section\n  h2 " + title +
                                          "\nsection\n  h2 \u05e9\u05dc\u05d5\u05dd "
                                          "\u05e2\u05d5\u05dc\u05dd\n");
  test::PdfDoc doc = test::pdf_read(exported(dir + "/talk.pug", "long-title", "--handout=6-up"));
  REQUIRE(doc.loaded);
  std::string all = all_text(doc);
  CAPTURE(all);
  CHECK(contains(all, "1 Alpha word0"));
  CHECK(all.find("word39") != std::string::npos);  // on the slide itself, wrapped
  CHECK(contains(all, "\u2026"));                  // the caption is cut
  // The caption's words stay inside the page's margins.
  for (const auto& w : doc.pages.at(0).words) {
    CAPTURE(w.text);
    CHECK(w.x + w.width <= doc.pages[0].width_pt - 12 * 72 / 25.4 + 1);
  }
  // A right-to-left title is captioned too (laid out with its bidi).
  CHECK(contains(all, "\u05e2\u05d5\u05dc\u05dd"));
  CHECK(words_equal(doc, "2") == 1);
}
