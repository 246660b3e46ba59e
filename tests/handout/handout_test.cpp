// Handouts (--handout, --notes-only, --pdfpc): layout files, the paper, the
// splitting of notes between line boxes, and handouts exported with the
// real binary and read back (every notes line present, every word on its
// page, links clickable).
#include "compose/handout.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <set>

#include "layout/flow.h"
#include "markdown/linkify.h"
#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;

namespace {

constexpr double mm = 72.0 / 25.4;

std::string export_handout(const std::string& input, const std::string& name,
                           const std::string& extra) {
  std::string out = test::temp_dir() + "/" + name + ".pdf";
  auto r = test::run_deckpdf("'" + input + "' -o '" + out + "' " + extra);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return out;
}

std::string long_notes() {
  return test::source_dir() + "/tests/handout/decks/long-notes.pug";
}
std::string seed() {
  return test::source_dir() + "/samples/beam.pug";
}

bool contains(const std::string& hay, const std::string& needle) {
  return test::squash_spaces(hay).find(test::squash_spaces(needle)) != std::string::npos;
}

// Sets an environment variable for the life of the object.
class EnvSet {
 public:
  EnvSet(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) {
      setenv(name, value, 1);
    } else {
      unsetenv(name);
    }
  }
  ~EnvSet() {
    if (old_) {
      setenv(name_, old_->c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }
  EnvSet(const EnvSet&) = delete;
  EnvSet& operator=(const EnvSet&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

layout::Item text_at(float y) {
  layout::Item it;
  it.y = y;
  it.v = layout::TextItem{};
  return it;
}

}  // namespace

// ---------------------------------------------------------------------------
// Layout files and paper
// ---------------------------------------------------------------------------

TEST_CASE("every handout layout in layouts/ loads", "[handout]") {
  const std::vector<std::pair<std::string, int>> cells = {
      {"notes-right", 1}, {"notes-below", 1}, {"three-up", 3}, {"2-up", 2},
      {"4-up", 4},        {"6-up", 6},        {"9-up", 9},     {"3-up-ruled", 3}};
  for (const auto& [name, count] : cells) {
    std::string error;
    Diagnostics diags;
    auto layout = compose::handout_layout_load(test::source_dir() + "/layouts", name, diags, error);
    CAPTURE(name, error);
    REQUIRE(layout);
    CHECK(layout->columns * layout->rows == count);
    bool has_notes = name == "notes-right" || name == "notes-below" || name == "three-up";
    CHECK((layout->notes && !layout->ruled) == has_notes);
  }
  std::string error;
  Diagnostics diags;
  auto right =
      compose::handout_layout_load(test::source_dir() + "/layouts", "notes-right", diags, error);
  REQUIRE(right);
  CHECK(right->landscape);
  REQUIRE(right->notes);
  CHECK(right->notes->x > right->slide.x + right->slide.width - 0.01f);  // notes to the right
  auto below =
      compose::handout_layout_load(test::source_dir() + "/layouts", "notes-below", diags, error);
  REQUIRE(below);
  CHECK_FALSE(below->landscape);
  REQUIRE(below->notes);
  CHECK(below->notes->y > below->slide.y + below->slide.height - 0.01f);  // notes below
}

TEST_CASE("a layout file with a mistake is refused at its place", "[handout]") {
  auto parse = [](const std::string& text, compose::HandoutLayout& layout, Diagnostics& diags) {
    return compose::handout_layout_parse(std::make_shared<const Source>("x.handout", text), layout,
                                         diags);
  };
  compose::HandoutLayout layout;
  Diagnostics diags;
  CHECK(
      parse("# comment\npaper: landscape\ngrid: 2x3\nslide: 0 0 1 0.5\n"
            "notes: 0 10mm 1 0.4 # trailing comment\n",
            layout, diags));
  CHECK(diags.items().empty());
  CHECK(layout.landscape);
  CHECK(layout.columns == 2);
  CHECK(layout.rows == 3);
  REQUIRE(layout.notes);
  CHECK(layout.notes->y_mm);
  CHECK(layout.notes->y == Approx(10));

  // The text, and where the caret goes: "line:column".
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"paper: landscape\ngrid: 0x3\n", "2:7"},
      {"\n\nslide: 0 0 1\n", "3:8"},
      {"slide: 0 0 1.5 1\n", "1:8"},
      {"margin: 1 2 3\n", "1:9"},
      {"  colour: red\n", "1:3"},
      {"paper landscape\n", "1:1"},
      {"ruled: maybe\n", "1:8"},
  };
  for (const auto& [text, place] : bad) {
    CAPTURE(text);
    compose::HandoutLayout l;
    Diagnostics d;
    CHECK_FALSE(parse(text, l, d));
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].code == "handout.bad-layout");
    Source deck("talk.pug", "");
    std::string shown = diagnostic_format(deck, d.items()[0], false);
    CAPTURE(shown);
    CHECK(shown.rfind("x.handout:" + place + ": error: ", 0) == 0);
  }
  // The whole message: the line and a caret under the value at fault.
  compose::HandoutLayout l;
  Diagnostics d;
  CHECK_FALSE(parse("grid: 2x3\nslide: 0 0 1 0.5\nruled: maybe\n", l, d));
  REQUIRE(d.items().size() == 1);
  CHECK(diagnostic_format(Source("talk.pug", ""), d.items()[0], false) ==
        "x.handout:3:8: error: 'ruled' is yes or no [handout.bad-layout]\n"
        " 3 | ruled: maybe\n"
        "   |        ^\n");
}

TEST_CASE("a layout file that cannot be read is an I/O error, one with a mistake a diagnostic",
          "[handout]") {
  namespace fs = std::filesystem;
  std::string dir = test::temp_dir() + "/bad-layout";
  fs::create_directories(dir);
  fs::copy_file(seed(), dir + "/talk.pug", fs::copy_options::overwrite_existing);
  {
    std::ofstream f(dir + "/mine.handout");
    f << "# my layout\ngrid: 2x2\nmargin: 10mm 12\nslide: 0 0 1 0.5\nnotes: 0 0.5 1 two\n";
  }
  Diagnostics none;
  std::string io_error;
  CHECK_FALSE(compose::handout_layout_load(dir, "missing", none, io_error));
  CHECK(io_error.find("missing.handout") != std::string::npos);
  CHECK(none.items().empty());

  auto r = test::run_deckpdf("'" + dir + "/talk.pug' --handout='" + dir + "/mine.handout' -o '" +
                             dir + "/out.pdf'");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(dir + "/mine.handout:5:8: error: 'notes' values are fractions of the cell") !=
        std::string::npos);
  CHECK(r.err.find(" 5 | notes: 0 0.5 1 two\n") != std::string::npos);
  CHECK_FALSE(fs::exists(dir + "/out.pdf"));

  r = test::run_deckpdf("'" + dir + "/talk.pug' --handout='" + dir + "/nowhere.handout' -o '" +
                        dir + "/out.pdf'");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("cannot read handout layout") != std::string::npos);
  CHECK_FALSE(fs::exists(dir + "/out.pdf"));
}

TEST_CASE("the paper comes from --paper or the locale", "[handout]") {
  compose::Paper p;
  CHECK(compose::paper_parse("Letter", p));
  CHECK(p.width == Approx(612));
  CHECK(compose::paper_parse("a4", p));
  CHECK(p.height == Approx(841.89).epsilon(0.001));
  CHECK_FALSE(compose::paper_parse("A5", p));

  CHECK(compose::paper_from_locale(nullptr, nullptr, "en_US.UTF-8").name == "Letter");
  CHECK(compose::paper_from_locale(nullptr, nullptr, "es_MX.UTF-8").name == "Letter");
  CHECK(compose::paper_from_locale(nullptr, "fr_CA.UTF-8", "de_DE.UTF-8").name == "Letter");
  CHECK(compose::paper_from_locale(nullptr, nullptr, "en_GB.UTF-8").name == "A4");
  CHECK(compose::paper_from_locale(nullptr, nullptr, "de_DE@euro").name == "A4");
  CHECK(compose::paper_from_locale("C", nullptr, "en_US.UTF-8").name == "A4");  // LC_ALL wins
  CHECK(compose::paper_from_locale("en_CA", "de_DE", nullptr).name == "Letter");
  CHECK(compose::paper_from_locale("", "", "").name == "A4");
  CHECK(compose::paper_from_locale(nullptr, nullptr, nullptr).name == "A4");
}

// ---------------------------------------------------------------------------
// Splitting notes between line boxes
// ---------------------------------------------------------------------------

TEST_CASE("a flow is split between line boxes, never through one", "[handout]") {
  // Four 10 px lines (baselines 8, 18, 28, 38) on a background from 5 to 35.
  layout::DisplayList flow;
  flow.width = 100;
  flow.height = 40;
  for (float top : {0.0f, 10.0f, 20.0f, 30.0f}) {
    flow.bands.push_back({top, top + 10});
    flow.items.push_back(text_at(top + 8));
  }
  layout::Item bg;
  bg.y = 5;
  bg.v = layout::RectItem{100, 30, {0.9f, 0.9f, 0.9f, 1}, 0, {}};
  flow.items.push_back(bg);

  SECTION("boxes 25 px high hold two lines each") {
    auto pieces = layout::flow_split(flow, 25, 25);
    REQUIRE(pieces.size() == 2);
    CHECK(pieces[0].top == 0);
    CHECK(pieces[0].bottom == 20);
    CHECK(pieces[1].top == 20);
    CHECK(pieces[1].bottom == 40);
    for (size_t k = 0; k < 2; ++k) {
      layout::DisplayList piece = layout::flow_piece(flow, pieces, k);
      CHECK(piece.height == 20);
      std::vector<float> baselines;
      std::optional<std::pair<float, float>> rect;
      for (const auto& it : piece.items) {
        if (std::holds_alternative<layout::TextItem>(it.v)) baselines.push_back(it.y);
        if (auto* r = std::get_if<layout::RectItem>(&it.v)) rect = {it.y, it.y + r->height};
      }
      CHECK(baselines == std::vector<float>{8, 18});
      REQUIRE(rect);  // the background is cut at the break, on both sides
      CHECK(rect->first == (k == 0 ? 5 : 0));
      CHECK(rect->second == (k == 0 ? 20 : 15));
    }
  }
  SECTION("a smaller first box, then larger ones") {
    auto pieces = layout::flow_split(flow, 12, 100);
    REQUIRE(pieces.size() == 2);
    CHECK(pieces[0].bottom == 10);
    CHECK(pieces[1].top == 10);
    CHECK(pieces[1].bottom == 40);
  }
  SECTION("a line taller than the box is kept whole, never cut") {
    auto pieces = layout::flow_split(flow, 4, 4);
    REQUIRE(pieces.size() == 4);
    for (const auto& p : pieces) CHECK(p.bottom - p.top == 10);
  }
  SECTION("everything fits: one piece") {
    auto pieces = layout::flow_split(flow, 40, 40);
    REQUIRE(pieces.size() == 1);
    CHECK(layout::flow_piece(flow, pieces, 0).items.size() == flow.items.size());
  }
}

TEST_CASE("bare URLs in notes become links", "[handout]") {
  dom::Document doc;
  dom::Node aside;
  aside.tag = "aside";
  dom::NodeId a = doc.add(aside, doc.root);
  dom::Node p;
  p.tag = "p";
  dom::NodeId pid = doc.add(p, a);
  dom::Node t;
  t.kind = dom::NodeKind::Text;
  t.text = "see https://x.org/a_(b)). and www.y.com, or http:// alone; mail@z.org";
  doc.add(t, pid);
  dom::Node code;
  code.tag = "code";
  dom::NodeId cid = doc.add(code, pid);
  t.text = "https://not.a/link";
  doc.add(t, cid);

  markdown::linkify(doc, a);
  std::vector<std::pair<std::string, std::string>> links;  // href, text
  for (dom::NodeId c : doc[pid].children) {
    if (doc[c].tag == "a") links.push_back({*doc[c].attr("href"), doc.text_content(c)});
  }
  REQUIRE(links.size() == 2);
  CHECK(links[0].first == "https://x.org/a_(b)");
  CHECK(links[0].second == "https://x.org/a_(b)");
  CHECK(links[1].first == "http://www.y.com");
  CHECK(links[1].second == "www.y.com");
  // The text reads as before.
  CHECK(doc.text_content(pid) ==
        "see https://x.org/a_(b)). and www.y.com, or http:// alone; mail@z.orghttps://not.a/link");
}

// ---------------------------------------------------------------------------
// Handouts read back
// ---------------------------------------------------------------------------

TEST_CASE("notes two pages long continue on continuation pages, every line printed", "[handout]") {
  std::string pdf = export_handout(long_notes(), "long-notes", "--handout --paper a4");
  test::PdfDoc doc = test::pdf_read(pdf);
  REQUIRE(doc.loaded);
  CHECK(doc.warnings.empty());
  // Slide 1, slide 2 and its continuations, slide 3 (no notes).
  REQUIRE(doc.pages.size() >= 4);
  size_t n = doc.pages.size();
  for (size_t i = 0; i < n; ++i) {
    const auto& page = doc.pages[i];
    CHECK(page.width_pt == Approx(841.89).epsilon(0.001));  // landscape A4
    CHECK(page.height_pt == Approx(595.276).epsilon(0.001));
    CAPTURE(i, page.text);
    CHECK(contains(page.text, "Long notes"));  // the header: the deck's title
    // The footer, "2 / 5" (poppler may read it without its spaces).
    std::string bare = page.text;
    bare.erase(std::remove(bare.begin(), bare.end(), ' '), bare.end());
    CHECK(bare.find(std::to_string(i + 1) + "/" + std::to_string(n)) != std::string::npos);
    CHECK(page.label == std::to_string(i + 1));
  }
  std::string all;
  for (const auto& page : doc.pages) all += page.text + "\n";
  // Every line of the notes is printed, once.
  std::vector<std::string> lines = {
      "Script for the long slide",       "Welcome. Everything below must be printed",
      "https://example.com/bare/path",   "www.example.net",
      "BEAM the Erlang virtual machine", "OTP the Open Telecom Platform",
      "code block line alpha",           "code block line beta"};
  for (int i = 1; i <= 26; ++i) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", i);
    lines.push_back(std::string("Paragraph ") + buf);
    if (i % 10 == 5) {
      lines.push_back(std::string("nested item ") + buf + "a under it");
      lines.push_back(std::string("nested item ") + buf + "b under it");
    }
  }
  for (const auto& line : lines) {
    CAPTURE(line);
    CHECK(contains(all, line));
  }
  // The last line is on a continuation page of slide 2: after the page that
  // starts its notes, under "Slide 2 (continued)", across the whole page
  // (the slide is not repeated).
  size_t first = n, last = n;
  for (size_t i = 0; i < n; ++i) {
    if (contains(doc.pages[i].text, "Script for the long slide")) first = i;
    if (contains(doc.pages[i].text, "LASTLINE")) last = i;
  }
  REQUIRE(first == 1);
  REQUIRE(last < n);
  CHECK(last > first);
  CHECK(contains(doc.pages[last].text, "Slide 2 (continued)"));
  CHECK_FALSE(contains(doc.pages[last].text, "The long one"));
  CHECK(contains(doc.pages[last].text, "must appear on a continuation page"));
  double left = doc.pages[last].width_pt;
  for (const auto& w : doc.pages[last].words) left = std::min(left, w.x);
  CHECK(left < doc.pages[last].width_pt * 0.1);  // from the left margin, not the notes box
  // A slide without notes still has its page.
  CHECK(contains(doc.pages[n - 1].text, "No notes here"));
  // Each paragraph is printed exactly once (no line repeated at a break).
  for (int i = 10; i <= 26; ++i) {
    std::string needle = "Paragraph " + std::to_string(i);
    size_t count = 0;
    for (const auto& page : doc.pages) {
      for (size_t at = page.text.find(needle); at != std::string::npos;
           at = page.text.find(needle, at + 1)) {
        ++count;
      }
    }
    CAPTURE(needle);
    CHECK(count == 1);
  }
}

TEST_CASE("every word of a handout lies on its page, notes above the footer", "[handout]") {
  for (const char* layout : {"notes-right", "notes-below", "three-up"}) {
    std::string pdf = export_handout(long_notes(), std::string("words-") + layout,
                                     std::string("--handout=") + layout + " --paper letter");
    test::PdfDoc doc = test::pdf_read(pdf);
    REQUIRE(doc.loaded);
    CHECK(doc.warnings.empty());
    for (size_t i = 0; i < doc.pages.size(); ++i) {
      const auto& page = doc.pages[i];
      // The footer ("3 / 12") sits in the bottom margin and footer band;
      // everything else ends above it (layouts: footer 7 mm, bottom margin
      // 10 to 12 mm).
      double footer_top = page.height_pt - 17 * mm;
      REQUIRE_FALSE(page.words.empty());
      for (const auto& w : page.words) {
        CAPTURE(layout, i, w.text, w.x, w.y, w.width, w.height);
        CHECK(w.x >= 0);
        CHECK(w.y >= 0);
        CHECK(w.x + w.width <= page.width_pt + 0.5);
        CHECK(w.y + w.height <= page.height_pt + 0.5);
        bool footer = w.y > footer_top;
        if (footer) CHECK((w.text == "/" || std::isdigit(static_cast<unsigned char>(w.text[0]))));
      }
    }
  }
}

TEST_CASE("links in notes are clickable", "[handout]") {
  std::string pdf = export_handout(long_notes(), "links", "--handout --paper a4");
  test::PdfDoc doc = test::pdf_read(pdf);
  REQUIRE(doc.loaded);
  std::vector<test::PdfLink> links = test::pdf_links(pdf);
  auto find = [&](const std::string& uri) -> const test::PdfLink* {
    for (const auto& l : links) {
      if (l.uri == uri) return &l;
    }
    return nullptr;
  };
  const test::PdfLink* docs = find("https://example.org/docs");  // [text](url)
  const test::PdfLink* bare = find("https://example.com/bare/path");
  const test::PdfLink* www = find("http://www.example.net");
  REQUIRE(docs);
  REQUIRE(bare);
  REQUIRE(www);
  CHECK(docs->page == 0);
  CHECK(bare->page == 1);
  CHECK(www->page == 1);
  for (const test::PdfLink* l : {docs, bare, www}) {
    // In the notes box (the right 41% of the page), on the page, a line high.
    CHECK(l->x0 > doc.pages[0].width_pt * 0.55);
    CHECK(l->x1 <= doc.pages[0].width_pt);
    CHECK(l->x1 > l->x0 + 20);
    CHECK(l->y1 - l->y0 > 8);
    CHECK(l->y1 - l->y0 < 25);
  }
  // The link's rectangle covers its words.
  const auto& page = doc.pages[1];
  auto word = std::find_if(page.words.begin(), page.words.end(), [](const test::TextBox& w) {
    return w.text.find("example.com/bare") != std::string::npos;
  });
  REQUIRE(word != page.words.end());
  double cy = page.height_pt - (word->y + word->height / 2);  // PDF space, y up
  CHECK(cy > bare->y0);
  CHECK(cy < bare->y1);
  CHECK(word->x >= bare->x0 - 1);
}

TEST_CASE("the seed prints in every handout layout", "[handout]") {
  struct Case {
    const char* layout;
    size_t pages;
    bool landscape;
    bool notes;
  };
  const Case cases[] = {
      {"notes-right", 6, true, true}, {"notes-below", 6, false, true}, {"three-up", 2, false, true},
      {"2-up", 3, false, false},      {"4-up", 2, false, false},       {"6-up", 1, false, false},
      {"9-up", 1, false, false},      {"3-up-ruled", 2, false, false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.layout);
    std::string pdf = export_handout(seed(), std::string("seed-") + c.layout,
                                     std::string("--handout=") + c.layout + " --paper a4");
    test::PdfDoc doc = test::pdf_read(pdf);
    REQUIRE(doc.loaded);
    CHECK(doc.warnings.empty());
    REQUIRE(doc.pages.size() == c.pages);
    std::string all;
    for (const auto& page : doc.pages) {
      CHECK(page.width_pt == Approx(c.landscape ? 841.89 : 595.276).epsilon(0.001));
      all += page.text;
    }
    // Every slide is there (their text stays text: word by word, as
    // poppler may read a grid's neighbouring slides line by line), and the
    // notes only in layouts with notes.
    for (const char* word : {"BEAM", "ErlangVM", "Processes", "messages", "Concurrency",
                             "Performance", "Other", "Cool", "Stuff"}) {
      CAPTURE(word);
      CHECK(contains(all, word));
    }
    CHECK(contains(all, "30 year old from Ericson") == c.notes);
    CHECK(contains(all, "Have you tried turning it off and on again") == c.notes);
  }
}

TEST_CASE("the speaker's script (--notes-only) goes slide by slide", "[handout]") {
  std::string pdf = export_handout(long_notes(), "script", "--notes-only --paper a4");
  test::PdfDoc doc = test::pdf_read(pdf);
  REQUIRE(doc.loaded);
  CHECK(doc.warnings.empty());
  REQUIRE(doc.pages.size() >= 2);
  CHECK(doc.pages[0].width_pt == Approx(595.276).epsilon(0.001));  // portrait
  std::string all;
  for (const auto& page : doc.pages) all += page.text + "\n";
  size_t h1 = test::squash_spaces(all).find("1 Opening");
  size_t h2 = test::squash_spaces(all).find("2 The long one");
  size_t h3 = test::squash_spaces(all).find("3 No notes here");
  REQUIRE(h1 != std::string::npos);
  REQUIRE(h2 != std::string::npos);
  REQUIRE(h3 != std::string::npos);
  CHECK(h1 < h2);
  CHECK(h2 < h3);
  CHECK(contains(all, "Short notes for the first slide"));
  CHECK(contains(all, "LASTLINE"));
  CHECK(contains(all, "No notes."));
  // The slides themselves are not drawn.
  CHECK_FALSE(contains(all, "A short first slide."));
}

TEST_CASE("handouts are INPUT-handout.pdf unless -o names a file", "[handout]") {
  namespace fs = std::filesystem;
  std::string dir = test::temp_dir() + "/names";
  fs::create_directories(dir);
  fs::copy_file(seed(), dir + "/talk.pug", fs::copy_options::overwrite_existing);
  auto r = test::run_deckpdf("'" + dir + "/talk.pug' --handout=4-up --paper a4");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(fs::exists(dir + "/talk-handout.pdf"));
  CHECK_FALSE(fs::exists(dir + "/talk.pdf"));
  r = test::run_deckpdf("'" + dir + "/talk.pug' --notes-only --paper a4");
  REQUIRE(r.exit_code == 0);
  CHECK(fs::exists(dir + "/talk-notes.pdf"));
  r = test::run_deckpdf("'" + dir + "/talk.pug' --handout -o '" + dir + "/mine.pdf'");
  REQUIRE(r.exit_code == 0);
  CHECK(fs::exists(dir + "/mine.pdf"));
  // An unknown layout is a usage error, and nothing is written.
  r = test::run_deckpdf("'" + dir + "/talk.pug' --handout=5-up -o '" + dir + "/none.pdf'");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("5-up") != std::string::npos);
  CHECK_FALSE(fs::exists(dir + "/none.pdf"));
  r = test::run_deckpdf("'" + dir + "/talk.pug' --handout --paper A5 -o '" + dir + "/none.pdf'");
  CHECK(r.exit_code == 2);
}

TEST_CASE("the paper follows the locale when --paper is not given", "[handout]") {
  EnvSet all("LC_ALL", nullptr);
  EnvSet paper("LC_PAPER", nullptr);
  SECTION("en_US: Letter") {
    EnvSet lang("LANG", "en_US.UTF-8");
    test::PdfDoc doc = test::pdf_read(export_handout(seed(), "letter", "--handout=notes-below"));
    REQUIRE(doc.loaded);
    CHECK(doc.pages[0].width_pt == Approx(612));
    CHECK(doc.pages[0].height_pt == Approx(792));
  }
  SECTION("de_DE: A4") {
    EnvSet lang("LANG", "de_DE.UTF-8");
    test::PdfDoc doc = test::pdf_read(export_handout(seed(), "a4", "--handout=notes-below"));
    REQUIRE(doc.loaded);
    CHECK(doc.pages[0].width_pt == Approx(595.276).epsilon(0.001));
  }
}

TEST_CASE("the pdfpc presenter file (--pdfpc) is written beside the PDF", "[handout]") {
  std::string dir = test::temp_dir() + "/pdfpc";
  std::filesystem::create_directories(dir);
  std::string out = dir + "/talk.pdf";
  auto r = test::run_deckpdf("'" + seed() + "' --builds --pdfpc -o '" + out + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string json = test::read_file(dir + "/talk.pdfpc");
  CHECK(json.rfind("{\"pdfpcFormat\":2,\"disableMarkdown\":false,\"noteFontSize\":", 0) == 0);
  test::PdfDoc doc = test::pdf_read(out);
  REQUIRE(doc.loaded);
  // One entry per page.
  size_t entries = 0;
  for (size_t at = json.find("\"idx\":"); at != std::string::npos;
       at = json.find("\"idx\":", at + 1)) {
    ++entries;
  }
  CHECK(entries == doc.pages.size());
  // Slide 2 has three fragments: four pages labelled 2, overlays 0 to 3.
  for (int k = 0; k <= 3; ++k) {
    CAPTURE(k);
    CHECK(json.find("\"idx\":" + std::to_string(1 + k) + ",\"label\":\"2\",\"overlay\":" +
                    std::to_string(k) + ",") != std::string::npos);
  }
  // Notes as Markdown: nested lists keep their structure.
  CHECK(json.find("- Erlang\\n  - 30 year old from Ericson") != std::string::npos);
  CHECK(json.find("\"note\":\"- BEAM walkthrough\"") != std::string::npos);
}
