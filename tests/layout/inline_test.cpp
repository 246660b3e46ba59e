// The steps of inline layout on their own (layout/inline.h): prepare,
// break and finalize, read from the values each hands on and the items it
// draws, with no element tree and no slide around them.
#include "layout/inline.h"

#include <catch2/catch.hpp>

#include "support/fonts.h"

using namespace deckpdf;
using layout::Line;
using layout::Piece;

namespace {

text::Shaper& shaper() {
  static text::Shaper s(test::bundled_fonts());
  return s;
}

// Pieces of one style: a piece per string, "\n" alone is a <br>.
struct Pieces {
  style::ComputedStyle style;
  std::vector<Piece> list;
  explicit Pieces(std::vector<std::string> texts, style::ComputedStyle s = {}) : style(s) {
    for (std::string& t : texts) {
      Piece p;
      p.line_break = t == "\n";
      if (!p.line_break) p.text = std::move(t);
      list.push_back(std::move(p));
    }
    // After the moves: pieces point at the style this object owns.
    for (Piece& p : list) {
      p.style = &style;
      p.font = shaper().match(style.font_family, style.font_weight, style.italic);
    }
  }
  Pieces(const Pieces&) = delete;
};

std::string text_of(const layout::Paragraph& para, const Line& ln) {
  return para.text.substr(ln.begin, ln.end - ln.begin);
}

float width_of(const Pieces& p, const std::string& s) {
  return shaper().measure(p.list[0].font, p.style.font_size, s, false);
}

std::vector<std::string> drawn_texts(const std::vector<layout::Item>& items) {
  std::vector<std::string> out;
  for (const auto& it : items) {
    if (auto* t = std::get_if<layout::TextItem>(&it.v)) out.push_back(t->run->text);
  }
  return out;
}

}  // namespace

TEST_CASE("prepare: white space collapses across pieces and text-transform keeps the source",
          "[layout][inline]") {
  style::ComputedStyle upper;
  upper.text_transform = style::TextTransform::Uppercase;
  Pieces p({"  Hello \n\t", " wide  ", "world  "}, upper);
  layout::Paragraph para = layout::inline_prepare(p.list);
  CHECK(para.text == "HELLO WIDE WORLD");
  REQUIRE(para.ranges.size() == 3);
  CHECK(para.ranges[0].piece == 0);
  CHECK(para.ranges[2].original == "world");  // its trailing space is dropped with the block's
  CHECK(para.bidi.levels.size() == para.text.size());
  CHECK(para.breaks.size() == para.text.size());
}

TEST_CASE("prepare: pre keeps spaces and sets tabs every 8 columns", "[layout][inline]") {
  style::ComputedStyle pre;
  pre.white_space = style::WhiteSpace::Pre;
  Pieces p({"a\tb\n  c  "}, pre);
  CHECK(layout::inline_prepare(p.list).text == "a       b\n  c  ");
}

TEST_CASE("prepare: nothing but collapsible space gives no ranges", "[layout][inline]") {
  Pieces p({"   ", "\n\t "});
  CHECK(layout::inline_prepare(p.list).ranges.empty());
}

TEST_CASE("break: lines are filled up to the width given, and no further", "[layout][inline]") {
  Pieces p({"one two three four five six seven eight nine ten"});
  layout::Paragraph para = layout::inline_prepare(p.list);
  float width = width_of(p, "one two three") + 1;
  std::vector<Line> lines = layout::inline_break(shaper(), p.list, para, width, false);
  REQUIRE(lines.size() >= 3);
  CHECK(text_of(para, lines[0]) == "one two three");
  std::string joined;
  for (const Line& ln : lines) {
    std::string t = text_of(para, ln);
    CHECK(width_of(p, t) <= width + 0.01f);
    CHECK(t.front() != ' ');
    CHECK(t.back() != ' ');  // trailing spaces hang past the line
    joined += (joined.empty() ? "" : " ") + t;
  }
  CHECK(joined == para.text);

  // nowrap: no break at spaces; what is wider than the line is still
  // broken, between characters, as a long word is. A <br> breaks it too.
  float narrow = width_of(p, "one two thr") + 0.5f;
  std::vector<Line> nowrap = layout::inline_break(shaper(), p.list, para, narrow, true);
  REQUIRE(nowrap.size() >= 2);
  CHECK(text_of(para, nowrap[0]) == "one two thr");
  CHECK(text_of(para, layout::inline_break(shaper(), p.list, para, narrow, false)[0]) == "one two");
  Pieces br({"one two", "\n", "three"});
  layout::Paragraph para_br = layout::inline_prepare(br.list);
  std::vector<Line> forced = layout::inline_break(shaper(), br.list, para_br, 1000, true);
  REQUIRE(forced.size() == 2);
  CHECK(text_of(para_br, forced[0]) == "one two");
  CHECK(text_of(para_br, forced[1]) == "three");
}

TEST_CASE("break: a word wider than the line is broken between characters", "[layout][inline]") {
  Pieces p({"abcdefghijklmnopqrstuvwxyz"});
  layout::Paragraph para = layout::inline_prepare(p.list);
  float width = width_of(p, "abcdefgh");
  std::vector<Line> lines = layout::inline_break(shaper(), p.list, para, width, false);
  REQUIRE(lines.size() >= 3);
  std::string joined;
  for (const Line& ln : lines) {
    CHECK(width_of(p, text_of(para, ln)) <= width + 0.01f);
    joined += text_of(para, ln);
  }
  CHECK(joined == para.text);
}

TEST_CASE("finalize: a mixed line is drawn in visual order, runs side by side",
          "[layout][inline]") {
  // Logical order: "abc ", a Hebrew word, " def"; a left-to-right
  // paragraph, so the Hebrew word stays between them.
  Pieces p({"abc \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D def"});
  layout::Paragraph para = layout::inline_prepare(p.list);
  CHECK_FALSE(para.bidi.rtl);
  std::vector<Line> lines = layout::inline_break(shaper(), p.list, para, 1000, false);
  std::vector<layout::Item> items;
  layout::LineBoxes boxes =
      layout::inline_finalize(shaper(), p.list, para, lines, p.style, 10, 20, 1000, items);
  std::vector<std::string> order = drawn_texts(items);
  REQUIRE(order.size() == 3);
  CHECK(order[0] == "abc ");
  CHECK(order[2] == " def");
  CHECK(items[0].x == Approx(10));
  for (size_t i = 1; i < items.size(); ++i) {
    auto& prev = std::get<layout::TextItem>(items[i - 1].v);
    CHECK(items[i].x == Approx(items[i - 1].x + prev.run->width));
    CHECK(items[i].y == Approx(boxes.boxes[0].baseline));
  }
  float last = std::get<layout::TextItem>(items.back().v).run->width;
  CHECK(boxes.used_width == Approx(items.back().x + last - 10));
}

TEST_CASE("finalize: a right-to-left paragraph starts at the right, words reversed",
          "[layout][inline]") {
  // Two Hebrew words: the first in logical order is drawn rightmost.
  Pieces p({"\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D"});
  layout::Paragraph para = layout::inline_prepare(p.list);
  CHECK(para.bidi.rtl);
  std::vector<Line> lines = layout::inline_break(shaper(), p.list, para, 500, false);
  std::vector<layout::Item> items;
  layout::LineBoxes boxes =
      layout::inline_finalize(shaper(), p.list, para, lines, p.style, 0, 0, 500, items);
  REQUIRE(items.size() == 1);  // one run at one level
  auto& run = std::get<layout::TextItem>(items[0].v);
  CHECK(items[0].x + run.run->width == Approx(500));  // text-align: left becomes right
  CHECK(boxes.used_width == Approx(500));
}

TEST_CASE("finalize: line boxes stack, each as tall as its line-height", "[layout][inline]") {
  style::ComputedStyle s;
  s.line_height = 30;
  Pieces p({"first", "\n", "second", "\n", "third"}, s);
  layout::Paragraph para = layout::inline_prepare(p.list);
  std::vector<Line> lines = layout::inline_break(shaper(), p.list, para, 500, false);
  std::vector<layout::Item> items;
  layout::LineBoxes boxes =
      layout::inline_finalize(shaper(), p.list, para, lines, p.style, 0, 100, 500, items);
  REQUIRE(boxes.boxes.size() == 3);
  CHECK(boxes.boxes[0].top == Approx(100));
  for (size_t i = 0; i < 3; ++i) {
    const auto& b = boxes.boxes[i];
    CHECK(b.bottom - b.top == Approx(30));
    CHECK(b.baseline > b.top);
    CHECK(b.baseline < b.bottom);
    if (i > 0) CHECK(b.top == Approx(boxes.boxes[i - 1].bottom));
  }
  CHECK(boxes.height == Approx(90));
  CHECK(drawn_texts(items) == std::vector<std::string>{"first", "second", "third"});
}

TEST_CASE("break: a megabyte word with no break opportunity is shaped in bounded chunks",
          "[layout][inline]") {
  // Shaped whole, the word cost gigabytes (HarfBuzz's buffer, its glyphs,
  // the cache keys) for lines that are broken between characters anyway.
  text::Shaper own(test::bundled_fonts());
  Pieces p({std::string(size_t{1} << 20, 'x')});
  layout::Paragraph para = layout::inline_prepare(p.list);
  std::vector<Line> lines = layout::inline_break(own, p.list, para, 500, false);
  CHECK(own.longest_shaped() <= 2 * 4096);
  REQUIRE(lines.size() > 1000);
  // The same lines as before: consecutive, each filled to the width.
  float x_width = width_of(p, "x");
  size_t at = 0;
  for (const Line& ln : lines) {
    REQUIRE(ln.begin == at);
    at = ln.end;
    CHECK(static_cast<float>(ln.end - ln.begin) * x_width <= 500.01f);
    if (&ln != &lines.back()) CHECK(static_cast<float>(ln.end - ln.begin + 1) * x_width > 500);
  }
  CHECK(at == para.text.size());
}

TEST_CASE("finalize: lines past the items budget are left out, and it says so",
          "[layout][inline]") {
  Pieces p({"first", "\n", "second", "\n", "third"});
  layout::Paragraph para = layout::inline_prepare(p.list);
  std::vector<Line> lines = layout::inline_break(shaper(), p.list, para, 500, false);
  REQUIRE(lines.size() == 3);
  std::vector<layout::Item> items;
  layout::LineBoxes all =
      layout::inline_finalize(shaper(), p.list, para, lines, p.style, 0, 0, 500, items, 3);
  CHECK_FALSE(all.cut);
  CHECK(all.boxes.size() == 3);
  items.clear();
  layout::LineBoxes cut =
      layout::inline_finalize(shaper(), p.list, para, lines, p.style, 0, 0, 500, items, 2);
  CHECK(cut.cut);
  CHECK(cut.boxes.size() == 2);
  CHECK(drawn_texts(items) == std::vector<std::string>{"first", "second"});
}
