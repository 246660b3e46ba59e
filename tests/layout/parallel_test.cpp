// Laying slides and notes out on several threads (layout/parallel.h) must
// give what laying them out one after the other gives: the same display
// lists, the same faces loaded in the same order, the same diagnostics in
// the same order, and the same PDF bytes.
#include "layout/parallel.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/job.h"
#include "deck/deck.h"
#include "layout/layout.h"
#include "pug/parse.h"
#include "support/paths.h"
#include "text/font_set.h"
#include "text/shaper.h"

using namespace deckpdf;

namespace {

// A deck that does everything whose outcome depends on the order of the
// work: emoji, CJK and private-use characters (fallback faces loaded on
// demand, missing glyphs reported once), a system family named after a
// fallback has loaded it, missing pictures, unsupported inline styles,
// overfull slides, one slide with more diagnostics than are kept, and
// repeats of all of it in the notes.
std::string hostile_deck() {
  std::string d = "---\ntitle: Threads\n---\n\n";
  for (int i = 0; i < 48; ++i) {
    std::string n = std::to_string(i + 1);
    d += "section\n  h2 Slide " + n + "\n";
    switch (i % 8) {
      case 0: d += "  p Party \xF0\x9F\x8E\x89 time " + n + "\n"; break;
      case 1: d += "  p \xE4\xB8\xAD\xE6\x96\x87 text\n"; break;
      case 2: d += "  p private \xEE\x80\x80 use\n"; break;
      case 3: d += "  img(src=\"missing-" + n + ".png\")\n"; break;
      case 4: d += "  p(style=\"colour: red; font-size: 30px\") styled " + n + "\n"; break;
      case 5:
        d += "  ul\n";
        for (int k = 0; k < 30; ++k) d += "    li item " + std::to_string(k) + "\n";
        break;
      case 6: d += "  p gear \xE2\x9A\x99\n"; break;  // loads DejaVu Sans, for case 7
      case 7: d += "  p(style=\"font-family: 'DejaVu Sans', sans-serif\") plain " + n + "\n"; break;
    }
    if (i == 21) {
      for (int k = 0; k < 110; ++k) d += "  img(src=\"many-" + std::to_string(k) + ".png\")\n";
    }
    d += "  ul\n    li.fragment first\n    li.fragment second " + n + "\n";
    d += "  aside.notes\n    :markdown-it\n";
    switch (i % 5) {
      case 0: d += "      Notes " + n + " with \xF0\x9F\x91\x8D and **bold**.\n"; break;
      case 1: d += "      \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E notes " + n + "\n"; break;
      case 2: d += "      ![x](missing-note-" + n + ".png)\n"; break;
      case 3: d += "      - a list\n      - of `code` " + n + "\n"; break;
      case 4: d += "      Plain notes, see https://example.com/" + n + "\n"; break;
    }
    d += "\n";
  }
  return d;
}

std::string hexf(float f) {
  char b[32];
  std::snprintf(b, sizeof b, "%a", static_cast<double>(f));
  return b;
}

std::string color(const style::Color& c) {
  return hexf(c.r) + "," + hexf(c.g) + "," + hexf(c.b) + "," + hexf(c.a);
}

// Everything a display list holds, written out exactly.
std::string dump(const layout::DisplayList& l, const text::FontSet& fonts) {
  std::string s = hexf(l.width) + " " + hexf(l.height) + " " + color(l.background) + " " +
                  hexf(l.scale) + " " + hexf(l.dx) + " " + hexf(l.dy) + " " +
                  std::to_string(l.clip) + " " + std::to_string(l.step_count) + "\n";
  for (const auto& set : l.effects) {
    for (const auto& e : set) {
      s += "effect " + std::to_string(static_cast<int>(e.kind)) + " " + std::to_string(e.from) +
           " " + std::to_string(e.until) + " " + color(e.color) + " " + hexf(e.scale) + " " +
           hexf(e.cx) + " " + hexf(e.cy) + "\n";
    }
    s += "--\n";
  }
  for (const auto& b : l.bands) s += "band " + hexf(b.top) + " " + hexf(b.bottom) + "\n";
  for (const auto& it : l.items) {
    s += hexf(it.x) + " " + hexf(it.y) + " " + std::to_string(it.step) + " " +
         std::to_string(it.until) + " " + std::to_string(it.effects) + " " +
         std::to_string(it.span.begin) + "-" + std::to_string(it.span.end) + " ";
    if (auto* t = std::get_if<layout::TextItem>(&it.v)) {
      s += "text " + fonts.face(t->run->font).path + " " + hexf(t->run->size) + " " +
           std::to_string(t->run->rtl) + " [" + t->run->text + "] " + hexf(t->run->width) + " " +
           color(t->fill) + " [" + (t->actual_text ? *t->actual_text : "") + "]";
      for (const auto& g : t->run->glyphs) {
        s += " " + std::to_string(g.id) + ":" + hexf(g.x_advance) + ":" + hexf(g.x_offset) + ":" +
             hexf(g.y_offset) + ":" + std::to_string(g.cluster);
      }
    } else if (auto* r = std::get_if<layout::RectItem>(&it.v)) {
      s += "rect " + hexf(r->width) + " " + hexf(r->height) + " " + color(r->fill) + " " +
           hexf(r->stroke_width) + " " + color(r->stroke);
    } else if (auto* li = std::get_if<layout::LineItem>(&it.v)) {
      s += "line " + hexf(li->x2) + " " + hexf(li->y2) + " " + hexf(li->width) + " " +
           color(li->color);
    } else if (auto* m = std::get_if<layout::MarkerItem>(&it.v)) {
      s += "marker " + std::to_string(static_cast<int>(m->shape)) + " " + hexf(m->size) + " " +
           color(m->color);
    } else if (auto* k = std::get_if<layout::LinkItem>(&it.v)) {
      s += "link " + hexf(k->width) + " " + hexf(k->height) + " " + k->href;
    } else if (auto* im = std::get_if<layout::ImageItem>(&it.v)) {
      s += "image " + im->path + " " + hexf(im->width) + " " + hexf(im->height);
    }
    s += "\n";
  }
  return s;
}

std::string dump(const Diagnostics& diags) {
  std::string s;
  for (const Diagnostic& d : diags.items()) {
    s += std::to_string(static_cast<int>(d.severity)) + " " + d.code + " " +
         std::to_string(d.span.begin) + "-" + std::to_string(d.span.end) + " " + d.message + "\n";
  }
  return s + "dropped " + std::to_string(diags.dropped()) + " errors " +
         std::to_string(diags.error_count()) + "\n";
}

struct Run {
  std::vector<std::string> lists;
  std::string diags;
  std::vector<std::string> faces;  // every face's file, in FontSet order
  size_t redone = 0;
  unsigned threads = 1;
};

// Lays out every slide (and its number) of the hostile deck on `threads`.
Run lay_out(unsigned threads) {
  Source source("t.pug", hostile_deck());
  Diagnostics diags;
  uint32_t body = 0;
  FrontMatter fm = source_parse_front_matter(source, diags, body);
  dom::Document doc = pug::parse(source, body, diags);
  deck::Deck deck = deck::deck_build(doc, fm, diags);
  std::string error;
  Diagnostics warnings;
  style::Theme theme =
      *style::theme_load(test::source_dir() + "/layouts", "white", error, warnings);
  text::FontSet fonts;  // fresh: faces are loaded (and numbered) by this run alone
  REQUIRE(fonts.load_dir(test::source_dir() + "/fonts", error));
  text::Shaper shaper(fonts);
  style::Resolver resolver(theme, doc, diags);
  layout::Context ctx{doc, resolver, shaper, diags};
  ctx.page_aspect = 16.0f / 9;
  // Not the default, so that a thread whose context missed it differs.
  ctx.center = false;
  std::vector<layout::DisplayList> lists(deck.slides.size() * 2);
  layout::ParallelLayout work(ctx, deck.slides.size(), threads, [&](layout::Context& c, size_t k) {
    lists[2 * k] = layout::layout_slide(c, deck.slides[k], static_cast<int>(k + 1));
    lists[2 * k + 1] = layout::layout_slide_number(c, deck.slides[k].label(), 960, 700);
  });
  for (size_t k = 0; k < deck.slides.size(); ++k) work.take(k);
  Run r;
  for (const auto& l : lists) r.lists.push_back(dump(l, fonts));
  r.diags = dump(diags);
  for (text::FontId f = 0; f < fonts.size(); ++f) r.faces.push_back(fonts.face(f).path);
  r.redone = work.redone();
  r.threads = work.threads();
  return r;
}

// A parsed deck with the white theme and the bundled fonts, and a layout
// context over them.
struct Fixture {
  Source source;
  Diagnostics diags;
  dom::Document doc;
  style::Theme theme;
  text::FontSet fonts;
  std::optional<text::Shaper> shaper;
  std::optional<style::Resolver> resolver;
  std::optional<layout::Context> ctx_storage;
  layout::Context& ctx;

  explicit Fixture(const std::string& text) : source("t.pug", text), ctx(make()) {}

 private:
  layout::Context& make() {
    uint32_t body = 0;
    source_parse_front_matter(source, diags, body);
    doc = pug::parse(source, body, diags);
    std::string error;
    Diagnostics warnings;
    theme = *style::theme_load(test::source_dir() + "/layouts", "white", error, warnings);
    REQUIRE(fonts.load_dir(test::source_dir() + "/fonts", error));
    shaper.emplace(fonts);
    resolver.emplace(theme, doc, diags);
    ctx_storage.emplace(layout::Context{doc, *resolver, *shaper, diags});
    return *ctx_storage;
  }
};

}  // namespace

TEST_CASE("parallel layout: the lists, faces and diagnostics of a sequential run", "[layout]") {
  Run seq = lay_out(1);
  CHECK(seq.threads == 1);
  CHECK(seq.redone == 0);
  // The deck does what it should: faces loaded, warnings of every kind.
  CHECK(seq.diags.find("text.missing-glyph") != std::string::npos);
  CHECK(seq.diags.find("layout.image") != std::string::npos);
  CHECK(seq.diags.find("style.not-drawn") != std::string::npos);
  CHECK(seq.diags.find("layout.shrunk") != std::string::npos);
  for (unsigned threads : {2u, 4u}) {
    CAPTURE(threads);
    Run par = lay_out(threads);
    CHECK(par.threads == threads);
    CHECK(par.redone > 0);                     // the slides that needed a fallback face
    CHECK(par.redone < seq.lists.size() / 2);  // and not the others
    CHECK(par.faces == seq.faces);
    CHECK(par.diags == seq.diags);
    REQUIRE(par.lists.size() == seq.lists.size());
    for (size_t k = 0; k < seq.lists.size(); ++k) {
      CAPTURE(k);
      CHECK(par.lists[k] == seq.lists[k]);
    }
  }
}

TEST_CASE("parallel layout: too few items, or one thread, run in take()", "[layout]") {
  Fixture f("section\n  p one\nsection\n  p two\n");
  layout::Context& ctx = f.ctx;
  std::vector<size_t> order;
  layout::ParallelLayout none(ctx, 0, 4, [&](layout::Context&, size_t k) { order.push_back(k); });
  CHECK(none.threads() == 1);
  layout::ParallelLayout one(ctx, 3, 1, [&](layout::Context& c, size_t k) {
    CHECK(&c == &ctx);  // the caller's own context, when taken
    order.push_back(k);
  });
  CHECK(order.empty());  // nothing ran ahead
  for (size_t k = 0; k < 3; ++k) one.take(k);
  CHECK(order == std::vector<size_t>{0, 1, 2});
  CHECK(layout::ParallelLayout::threads_for(3) == 1);
}

TEST_CASE("parallel layout: an item whose work throws is laid out again in take()", "[layout]") {
  Fixture f("section\n  p x\n");
  layout::Context& ctx = f.ctx;
  std::vector<int> done(40, 0);
  layout::ParallelLayout work(ctx, done.size(), 3, [&](layout::Context& c, size_t k) {
    // Helpers fail on every seventh item; the caller's context never does.
    if (&c != &ctx && k % 7 == 0) throw std::runtime_error("helper failed");
    done[k] = &c == &ctx ? 2 : 1;
  });
  for (size_t k = 0; k < done.size(); ++k) work.take(k);
  for (size_t k = 0; k < done.size(); ++k) {
    CAPTURE(k);
    CHECK(done[k] == (k % 7 == 0 ? 2 : 1));
  }
  CHECK(work.redone() == 6);
}

TEST_CASE("parallel layout: exports are byte for byte those of one thread", "[layout]") {
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  struct Mode {
    const char* name;
    cli::Mode mode;
    std::string handout;
    bool notes_only, numbers;
  };
  std::vector<Mode> modes = {{"slides", cli::Mode::Slides, "", false, false},
                             {"builds", cli::Mode::Builds, "", false, true},
                             {"handout", cli::Mode::Slides, "notes-right", false, false},
                             {"2-up", cli::Mode::Slides, "2-up", false, false},
                             {"notes", cli::Mode::Slides, "", true, false}};
  for (const Mode& m : modes) {
    CAPTURE(m.name);
    cli::Job job;
    job.data_dir = test::source_dir();
    job.mode = m.mode;
    job.handout = m.handout;
    job.notes_only = m.notes_only;
    job.slide_numbers = m.numbers;
    job.paper = "a4";
    Source source(test::temp_dir() + "/hostile.pug", hostile_deck());
    std::vector<cli::Export> out;
    for (const char* threads : {"1", "3"}) {
      setenv("DECKPDF_LAYOUT_THREADS", threads, 1);
      out.push_back(cli::export_to_memory(source, job));
    }
    unsetenv("DECKPDF_LAYOUT_THREADS");
    CHECK(out[0].exit_code == out[1].exit_code);
    CHECK(dump(out[0].diags) == dump(out[1].diags));
    REQUIRE(out[0].outputs.size() == 1);
    REQUIRE(out[1].outputs.size() == 1);
    CHECK(out[0].outputs[0].pages == out[1].outputs[0].pages);
    CHECK(out[0].outputs[0].pdf.size() > 1000);
    CHECK(out[0].outputs[0].pdf == out[1].outputs[0].pdf);
  }
  unsetenv("SOURCE_DATE_EPOCH");
}
