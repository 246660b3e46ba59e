// compose/handout — handouts in a grid of cells (see handout.h):
//   STEP 2  cells: each printed slide gets one cell; its notes, laid out at
//           the width of the notes box, set smaller (down to the layout's
//           notes-min-size) when that makes them fit, else split between
//           line boxes into pieces no taller than the box; every further
//           piece takes a cell of its own under a "continued" line: across
//           the whole cell, laid out at its width (continuation.h), or
//           beside the slide repeated when no break suits both widths.
//   STEP 3  pages: cells fill pages in reading order; each page has its
//           chrome (slide backgrounds, frames, ruled lines), the slides
//           placed by reference with their label and title under them,
//           and the notes pieces.
// Geometry (STEP 1) and the finish (STEP 4) are sheets.cpp's.
#include "compose/handout.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "compose/continuation.h"
#include "compose/ink.h"
#include "compose/layers.h"
#include "compose/sheets.h"
#include "layout/flow.h"
#include "layout/notes.h"

namespace deckpdf::compose {

namespace {

// One piece of the handout: a slide and a piece of its notes.
struct Cell {
  size_t slide = 0;
  const layout::DisplayList* notes = nullptr;  // px, placed at 0.75 * scale
  bool continued = false;
  float scale = 1;    // the notes set smaller to fit: < 1
  bool wide = false;  // a continuation across the whole cell, the slide not repeated
};

std::string continued_text(const deck::Deck& deck, size_t i) {
  const deck::Slide& s = deck.slides[i];
  // A slide reveal.js does not number is named by its title.
  if (s.uncounted && !s.title.empty()) return s.title + " (continued)";
  return "Slide " + s.label() + " (continued)";
}

// Notes that overflow their box: the largest scale, down to `min_scale`,
// at which they fit it whole when laid out `width_pt / scale` wide and
// drawn at `scale`; 0 when none does. Text laid out wider takes fewer
// lines, so the height drawn goes as about scale squared: the first try
// is that estimate, then a little smaller each time.
float shrink_find(layout::NotesLayout& notes, dom::NodeId root, float width_pt, float box_px,
                  float height_px, float min_scale, layout::DisplayList& fitted) {
  if (min_scale >= 1 || height_px <= 0) return 0;
  float s = std::min(0.99f, std::sqrt(box_px / height_px));
  if (s < min_scale * 0.9f) return 0;  // too far over: it continues at full size
  for (int tries = 0; tries < 6; ++tries) {
    s = std::max(s, min_scale);
    layout::DisplayList flow = notes.notes_at(root, width_pt / s);
    if (layout::flow_split(flow, box_px / s, box_px / s).size() == 1) {
      fitted = std::move(flow);
      return s;
    }
    if (s <= min_scale) break;
    s -= 0.03f;
  }
  return 0;
}

// STEP 2: cells.
std::vector<Cell> cells_make(Sheets& sh) {
  std::vector<Cell> cells;
  Rect cell = sh.cell_rect(0);
  bool with_notes = sh.layout.notes && !sh.layout.ruled;
  Rect nb = with_notes ? cell_box(*sh.layout.notes, cell) : Rect{};
  float caption_h = 0;
  std::vector<dom::NodeId> notes_roots;
  for (size_t i : sh.selection()) {
    if (with_notes && sh.deck.slides[i].notes != dom::no_node) {
      notes_roots.push_back(sh.deck.slides[i].notes);
    }
  }
  float min_scale = 1;
  if (!notes_roots.empty() && sh.layout.notes_min_size > 0) {
    min_scale = std::min(1.0f, sh.layout.notes_min_size / sh.notes.notes_size_pt(notes_roots[0]));
  }
  sh.notes.notes_box(nb.height);
  sh.notes.notes_prefetch(notes_roots, nb.width);
  if (with_notes) {
    caption_h = sh.notes.label("continued", continued_text(sh.deck, 0), nb.width).height;
  }
  for (size_t i : sh.selection()) {
    const deck::Slide& s = sh.deck.slides[i];
    if (!with_notes || s.notes == dom::no_node) {
      cells.push_back({i, nullptr, false, 1});
      continue;
    }
    layout::DisplayList flow = sh.notes.notes_next();
    float box_px = nb.height / pt_per_px;
    std::vector<layout::FlowPiece> pieces = layout::flow_split(flow, box_px, box_px - caption_h);
    if (pieces.size() > 1) {
      layout::DisplayList fitted;
      float scale =
          shrink_find(sh.notes, s.notes, nb.width, box_px, flow.height, min_scale, fitted);
      if (scale > 0) {
        cells.push_back({i, &sh.keep(std::move(fitted)), false, scale});
        continue;
      }
    }
    // The rest across the whole cell, where the slide would be repeated.
    if (pieces.size() > 1 && cell.width > nb.width * 1.2f) {
      layout::DisplayList wide = sh.notes.notes_at(s.notes, cell.width);
      WideSplit split;
      if (wide_split(flow, wide, box_px, cell.height / pt_per_px - caption_h, split)) {
        cells.push_back({i, &sh.keep(std::move(split.first)), false, 1, false});
        for (layout::DisplayList& piece : split.rest) {
          cells.push_back({i, &sh.keep(std::move(piece)), true, 1, true});
        }
        continue;
      }
    }
    for (size_t k = 0; k < pieces.size(); ++k) {
      const layout::DisplayList& piece = sh.keep(layout::flow_piece(flow, pieces, k));
      cells.push_back({i, &piece, k > 0, 1});
    }
  }
  return cells;
}

// The caption under a slide: "3  Title" ("Title" alone for a slide
// reveal.js does not number), on one line: a title too long for it loses
// words at its end, marked with an ellipsis.
struct Caption {
  std::string number, title;

  explicit Caption(const deck::Slide& s) : number(s.uncounted ? "" : s.label()), title(s.title) {
    // No caption line holds more; a hostile heading costs no more than this.
    const size_t max_title = 200;
    if (title.size() > max_title) {
      size_t cut = max_title;
      while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut;
      title.resize(cut);
    }
  }
  // The whole caption, or its first `words` words of the title and "…".
  std::string text(size_t words = std::string::npos) const {
    const char* sep = "\u2003";  // an em space, which white space does not collapse
    if (words == std::string::npos) {
      return number + (number.empty() || title.empty() ? "" : sep) + title;
    }
    size_t end = 0;
    for (size_t w = 0; w < words && end != std::string::npos; ++w) end = title.find(' ', end + 1);
    std::string cut = title.substr(0, end == std::string::npos ? title.size() : end);
    return number + (number.empty() ? "" : sep) + cut + "\u2026";
  }
};

// Slide i's caption, at most `width` pt wide: shaped as one line (a
// title in a right-to-left script laid out as a label), fewer words of
// the title until it fits (a binary search on their count).
const layout::DisplayList& caption_make(Sheets& sh, size_t i, float width, float line_h) {
  Caption c(sh.deck.slides[i]);
  size_t words = static_cast<size_t>(std::count(c.title.begin(), c.title.end(), ' ')) + 1;
  float advance = 0;
  if (std::optional<layout::DisplayList> one = sh.notes.line("slide-caption", c.text(), &advance)) {
    if (advance <= width) return sh.keep(std::move(*one));
    // Where each word of the title ends on the whole line (the x of the
    // spaces, in pt): the longest start that fits with "…" after it is
    // shaped once, not found by shaping every candidate (the shaper keeps
    // what it shaped, so each try would cost memory for the whole run).
    std::vector<float> ends;
    for (const layout::Item& item : one->items) {
      const auto* t = std::get_if<layout::TextItem>(&item.v);
      if (!t) continue;
      float x = item.x;
      for (const text::Glyph& g : t->run->glyphs) {
        if (g.cluster < t->run->text.size() && t->run->text[g.cluster] == ' ') {
          ends.push_back(x * pt_per_px);
        }
        x += g.x_advance;
      }
    }
    float ellipsis = 0;
    sh.notes.line("slide-caption", "\u2026", &ellipsis);
    size_t fit = 0;
    while (fit < ends.size() && fit + 1 < words && ends[fit] + ellipsis <= width) ++fit;
    for (;; --fit) {
      std::optional<layout::DisplayList> l = sh.notes.line("slide-caption", c.text(fit), &advance);
      if (l && (advance <= width || fit == 0)) return sh.keep(std::move(*l));
      if (fit == 0) return sh.keep(std::move(*one));
    }
  }
  layout::DisplayList one = sh.notes.label("slide-caption", c.text(), width);
  if (one.height <= line_h * 1.5f) return sh.keep(std::move(one));
  size_t lo = 0, hi = words;
  layout::DisplayList best = sh.notes.label("slide-caption", c.text(0), width);
  while (lo + 1 < hi) {
    size_t mid = (lo + hi) / 2;
    layout::DisplayList l = sh.notes.label("slide-caption", c.text(mid), width);
    if (l.height <= line_h * 1.5f) {
      lo = mid;
      best = std::move(l);
    } else {
      hi = mid;
    }
  }
  return sh.keep(std::move(best));
}

constexpr float caption_gap = 2;  // pt between a slide and its caption

// Where a slide `list` goes in `box`, above its caption: its top left
// corner, size and scale.
struct SlideFit {
  float x = 0, y = 0, w = 0, h = 0, s = 0;
};
SlideFit slide_fit(Sheets& sh, const layout::DisplayList& list, Rect box) {
  if (list.width <= 0 || list.height <= 0) return {};
  float line_h = sh.caption_line_h();
  box.height = std::max(box.height - caption_gap - line_h * pt_per_px, box.height * 0.5f);
  SlideFit f;
  f.s = std::min(box.width / list.width, box.height / list.height);
  f.w = list.width * f.s;
  f.h = list.height * f.s;
  f.x = box.x + (box.width - f.w) / 2;
  f.y = box.y + (sh.layout.slide_center ? (box.height - f.h) / 2 : 0);
  return f;
}

// The slide, fitted into `box` above its caption, on a background, in a
// thin frame, with its number when asked for.
void slide_place(Sheets& sh, Page& page, size_t i, Rect box) {
  const layout::DisplayList& list = sh.slide_list(i);
  SlideFit f = slide_fit(sh, list, box);
  if (f.s <= 0) return;
  layout::Color bg = list.background;
  if (bg.a > 0) sh.rect(f.x, f.y, f.w, f.h, bg);
  const float frame = 0.6f;
  sh.rect(f.x - frame / 2, f.y - frame / 2, f.w + frame, f.h + frame, {0, 0, 0, 0}, frame,
          {0.55f, 0.55f, 0.55f, 1});
  sh.place(page, list, f.x, f.y, f.s);
  const std::vector<layout::DisplayList>* numbers = sh.options.numbers;
  if (numbers && i < numbers->size() && (*numbers)[i].width > 0 && !sh.deck.slides[i].uncounted) {
    sh.place(page, (*numbers)[i], f.x, f.y, f.w / (*numbers)[i].width);
  }
  const layout::DisplayList& caption = caption_make(sh, i, f.w, sh.caption_line_h());
  sh.place(page, caption, f.x, f.y + f.h + caption_gap, pt_per_px);
}

// STEP 3: pages of cells.
void pages_make(Sheets& sh, const std::vector<Cell>& cells) {
  const HandoutLayout& layout = sh.layout;
  size_t per_page = static_cast<size_t>(layout.columns * layout.rows);
  Page* page = nullptr;
  for (size_t c = 0; c < cells.size(); ++c) {
    size_t k = c % per_page;
    if (k == 0) page = &sh.page_new();
    const Cell& cell = cells[c];
    Rect r = sh.cell_rect(k);
    if (page->slide < 0) page->slide = static_cast<int>(cell.slide);
    if (!cell.continued) sh.first_appears(cell.slide, r.y);
    if (!cell.wide) slide_place(sh, *page, cell.slide, cell_box(layout.slide, r));
    if (!layout.notes) continue;
    Rect nb = cell.wide ? r : cell_box(*layout.notes, r);
    if (layout.ruled) {
      float gap = layout.rule_gap * pt_per_mm;
      for (float y = nb.y + gap; y <= nb.y + nb.height + 0.01f; y += gap) {
        sh.rule(nb.x, y, nb.x + nb.width, 0.4f, {0.7f, 0.7f, 0.7f, 1});
      }
      continue;
    }
    float y = nb.y;
    if (cell.continued) {
      const layout::DisplayList& cap =
          sh.keep(sh.notes.label("continued", continued_text(sh.deck, cell.slide), nb.width));
      sh.place(*page, cap, nb.x, y, pt_per_px);
      y += cap.height * pt_per_px;
    }
    if (cell.notes) sh.place(*page, *cell.notes, nb.x, y, pt_per_px * cell.scale);
  }
}

}  // namespace

void handout_grid(Sheets& sheets) {
  pages_make(sheets, cells_make(sheets));
}

Handout compose_handout(const deck::Deck& deck, const std::vector<layout::DisplayList>& slides,
                        const HandoutLayout& layout, layout::NotesLayout& notes,
                        const HandoutOptions& options) {
  Handout out;
  notes.notes_style(options.notes_size > 0 ? options.notes_size : layout.notes_size,
                    layout.notes_font);
  Sheets sheets(deck, slides, layout, notes, options, out);
  if (options.notes_only) {
    handout_script(sheets);
  } else {
    handout_grid(sheets);
  }
  sheets.finish();
  layers_show(out.pages);
  return out;
}

}  // namespace deckpdf::compose
