// layout/inline — the inline formatting context, as four steps with a named
// value handed from each to the next (the shape of Typst's inline layout):
//
//   collect   the text and inline elements of an anonymous block become
//             Pieces, one per stretch of one style (Engine::collect_inline);
//   prepare   white space processed and text-transform applied into one
//             Paragraph string, with its UAX #9 bidi levels and UAX #14
//             break opportunities (inline_prepare);
//   break     the paragraph broken into Lines no wider than the box, greedy
//             (inline_break);
//   finalize  each line shaped, its runs put in visual order and placed as
//             items by text-align, line boxes stacked (inline_finalize).
//
// Only collect needs the element tree; the other steps need just a shaper,
// so they can be tried on their own.
#pragma once

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "layout/display_list.h"
#include "style/style.h"
#include "text/bidi.h"
#include "text/linebreak.h"
#include "text/shaper.h"

namespace deckpdf::layout {

// White space as CSS collapses it: space, tab, line feed, CR, form feed.
inline bool is_css_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// An atomic inline box (an `img`): its margin box is `width` x `height`,
// its items placed as if its top-left corner were at (0, 0). It stands on
// the baseline (vertical-align: baseline), below it only the line's strut,
// or where its vertical-align puts it (inline_finalize.cpp).
struct Atomic {
  float width = 0, height = 0;
  float descent = 0;  // how far the box reaches below its baseline (a formula's depth)
  std::vector<Item> items;
};

// An atomic inline's text in the paragraph: U+FFFC OBJECT REPLACEMENT
// CHARACTER, one character, which white space processing, bidi (a neutral)
// and line breaking (UAX #14 class CB) take as CSS takes an atomic inline.
inline constexpr const char* object_replacement = "\xEF\xBF\xBC";

// A stretch of inline content with one style.
struct Piece {
  std::string text;
  const style::ComputedStyle* style = nullptr;
  text::FontId font = 0;
  int tag = 0;  // fragment tag (steps.h)
  Span span;
  bool line_break = false;               // <br>
  std::shared_ptr<const Atomic> atomic;  // set for an atomic inline, whose text is U+FFFC
};

// The pieces' text as one string, the way it is drawn.
struct Paragraph {
  // Where each piece's text lies in `text`.
  struct Range {
    size_t begin, end, piece;
    std::string original;  // the text before text-transform, if it changed
  };
  std::string text;
  std::vector<Range> ranges;        // in order; empty: nothing to draw
  text::BidiParagraph bidi;         // a level per byte
  std::vector<text::Break> breaks;  // a break opportunity per byte

  // Calls fn(begin, end, range, level) for every run of [b, e): maximal
  // stretches of one piece and one bidi level; a forced break alone is no
  // run.
  template <class Fn>
  void runs(size_t b, size_t e, Fn&& fn) const {
    size_t pos = b;
    while (pos < e) {
      auto it = std::upper_bound(ranges.begin(), ranges.end(), pos,
                                 [](size_t v, const Range& rg) { return v < rg.end; });
      size_t end = std::min(e, it->end);
      uint8_t level = bidi.levels[pos];
      size_t stop = pos + 1;
      while (stop < end && bidi.levels[stop] == level) ++stop;
      if (std::string_view(text.data() + pos, stop - pos) != "\n") fn(pos, stop, *it, level);
      pos = stop;
    }
  }
};

// White space processing (by each piece's white-space) and text-transform,
// then bidi levels and break opportunities over the whole paragraph.
Paragraph inline_prepare(const std::vector<Piece>& pieces);

// A line: the paragraph's bytes [begin, end), trailing spaces left out.
// Beside a float a line is shorter: it starts `indent` px into the block
// and is `width` wide (< 0: the block's width).
struct Line {
  size_t begin, end;
  float indent = 0, width = -1;
};

// Room for the first lines of a paragraph beside floats: per line, from
// the first, its indent and width; lines after these have the block's.
struct LineSpace {
  float indent = 0, width = 0;
};

// Greedy line filling at the break opportunities; `nowrap` breaks only at
// forced breaks. A word wider than `width` is broken between characters,
// unless `split_words` is false (measuring a min-content width, where the
// widest word is the answer).
std::vector<Line> inline_break(text::Shaper& shaper, const std::vector<Piece>& pieces,
                               const Paragraph& para, float width, bool nowrap,
                               bool split_words = true,
                               const std::vector<LineSpace>* spaces = nullptr);

// What finalize makes of the lines: items (appended to the caller's list)
// and, per line box, its top and baseline and bottom.
struct LineBoxes {
  struct Box {
    float top = 0, baseline = 0, bottom = 0;
  };
  std::vector<Box> boxes;
  float height = 0;      // from the first line box's top to the last one's bottom
  float used_width = 0;  // widest line, from the block's content-left edge
  bool cut = false;      // lines left out: `out` reached max_items
};

// Shapes and places `lines` in a block of style `block` whose content box
// starts at (x, y) and is `width` wide: each line's runs in visual order
// (UAX #9 rule L2), aligned by text-align, its height from every run on it
// (CSS half-leading); text, backgrounds and decorations go to `out`, the
// lines that follow left out once it holds `max_items`.
LineBoxes inline_finalize(text::Shaper& shaper, const std::vector<Piece>& pieces,
                          const Paragraph& para, const std::vector<Line>& lines,
                          const style::ComputedStyle& block, float x, float y, float width,
                          std::vector<Item>& out, size_t max_items = SIZE_MAX);

}  // namespace deckpdf::layout
