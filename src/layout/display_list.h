// layout/display_list — what layout hands on: positioned drawing items for
// one slide (or one notes block), each tagged with its fragment step.
//
// A DisplayList is immutable once built and shared by const reference: the
// slides page, every build page and the handout all draw the same list.
#pragma once

#include <climits>
#include <memory>
#include <variant>
#include <vector>

#include "source/source.h"
#include "style/style.h"
#include "text/glyph_run.h"

namespace deckpdf::layout {

using style::Color;

// Shaped text drawn with its pen at the item's (x, y): y is the baseline.
struct TextItem {
  std::shared_ptr<const text::GlyphRun> run;
  Color fill;
  // The source text when it differs from what is drawn (text-transform:
  // a heading drawn "CONCURRENCY" was typed "Concurrency"); the PDF carries
  // it as /ActualText so that copied text is what the author wrote.
  std::string actual_text;
};

// A filled rectangle; the item's (x, y) is its top-left corner.
struct RectItem {
  float width = 0, height = 0;
  Color fill;
  float stroke_width = 0;  // > 0: outlined in `stroke`
  Color stroke;
};

// A straight line from the item's (x, y) to (x2, y2): underlines, rules.
struct LineItem {
  float x2 = 0, y2 = 0;
  float width = 1;
  Color color;
};

// A list bullet centred on the item's (x, y).
struct MarkerItem {
  enum class Shape { Disc, Circle, Square } shape = Shape::Disc;
  float size = 0;  // diameter or side, px
  Color color;
};

struct Item {
  float x = 0, y = 0;  // px in the list's own space, y down
  std::variant<TextItem, RectItem, LineItem, MarkerItem> v;
  int step = 0;  // fragment step at which the item appears; 0 = always
  Span span;     // the source construct it was made from
};

struct DisplayList {
  float width = 0, height = 0;  // the slide (or box) size, px
  Color background{1, 1, 1, 1};
  // The content's placement inside the box: items are drawn scaled by
  // `scale` and moved by (dx, dy). An overfull slide has scale < 1.
  float scale = 1, dx = 0, dy = 0;
  bool clip = false;  // content still overflows at the smallest scale
  int step_count = 0;
  std::vector<Item> items;
};

}  // namespace deckpdf::layout
