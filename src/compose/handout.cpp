// compose/handout — handouts in a grid of cells (see handout.h):
//   STEP 2  cells: each printed slide gets one cell; its notes, laid out at
//           the width of the notes box, are split between line boxes into
//           pieces no taller than the box; every further piece takes a
//           cell of its own, the slide repeated, under a "continued" line.
//   STEP 3  pages: cells fill pages in reading order; each page has its
//           chrome (slide backgrounds, frames, ruled lines), the slides
//           placed by reference and the notes pieces.
// Geometry (STEP 1) and the finish (STEP 4) are sheets.cpp's.
#include "compose/handout.h"

#include <algorithm>

#include "compose/layers.h"
#include "compose/sheets.h"
#include "layout/flow.h"
#include "layout/notes.h"

namespace deckpdf::compose {

namespace {

// One piece of the handout: a slide and a piece of its notes.
struct Cell {
  size_t slide = 0;
  const layout::DisplayList* notes = nullptr;  // px, placed at 0.75
  bool continued = false;
};

std::string continued_text(const deck::Deck& deck, size_t i) {
  return "Slide " + deck.slides[i].label() + " (continued)";
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
  sh.notes.notes_prefetch(notes_roots, nb.width);
  if (with_notes) {
    caption_h = sh.notes.label("continued", continued_text(sh.deck, 0), nb.width).height;
  }
  for (size_t i : sh.selection()) {
    const deck::Slide& s = sh.deck.slides[i];
    if (!with_notes || s.notes == dom::no_node) {
      cells.push_back({i, nullptr, false});
      continue;
    }
    layout::DisplayList flow = sh.notes.notes_next();
    float box_px = nb.height / pt_per_px;
    std::vector<layout::FlowPiece> pieces = layout::flow_split(flow, box_px, box_px - caption_h);
    for (size_t k = 0; k < pieces.size(); ++k) {
      const layout::DisplayList& piece = sh.keep(layout::flow_piece(flow, pieces, k));
      cells.push_back({i, &piece, k > 0});
    }
  }
  return cells;
}

// The slide, fitted into `box`, on a background, in a thin frame.
void slide_place(Sheets& sh, Page& page, size_t i, const Rect& box) {
  const layout::DisplayList& list = sh.slides[i];
  if (list.width <= 0 || list.height <= 0) return;
  float s = std::min(box.width / list.width, box.height / list.height);
  float w = list.width * s, h = list.height * s;
  float x = box.x + (box.width - w) / 2;
  float y = box.y + (sh.layout.slide_center ? (box.height - h) / 2 : 0);
  layout::Color bg = list.background;
  if (bg.a > 0) sh.rect(x, y, w, h, bg);
  const float frame = 0.6f;
  sh.rect(x - frame / 2, y - frame / 2, w + frame, h + frame, {0, 0, 0, 0}, frame,
          {0.55f, 0.55f, 0.55f, 1});
  sh.place(page, list, x, y, s);
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
    if (!cell.continued) sh.first_appears(cell.slide);
    slide_place(sh, *page, cell.slide, cell_box(layout.slide, r));
    if (!layout.notes) continue;
    Rect nb = cell_box(*layout.notes, r);
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
    if (cell.notes) sh.place(*page, *cell.notes, nb.x, y, pt_per_px);
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
