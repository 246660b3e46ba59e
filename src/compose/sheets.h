// compose/sheets — what the handout's grid and the speaker's script share
// (not for other stages): the paper's geometry from the layout, pages
// with a "chrome" list each (backgrounds, frames, rules), placing lists on
// them, and the finish every handout gets (header, footer, outline, links).
//
// Units: layout works in CSS px, pages in pt (0.75 pt per px). Layout
// files are in mm.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "compose/handout.h"

namespace deckpdf::compose {

inline constexpr float pt_per_mm = 72.0f / 25.4f;
inline constexpr float pt_per_px = 0.75f;

struct Rect {
  float x = 0, y = 0, width = 0, height = 0;
};

// `b` inside `cell`, clipped to it.
Rect cell_box(const CellBox& b, const Rect& cell);

class Sheets {
 public:
  // STEP 1 of a handout: the geometry, the paper (A4 or Letter, turned for
  // landscape), the margins, header and footer and the grid of cells.
  Sheets(const deck::Deck& deck, const std::vector<layout::DisplayList>& slides,
         const HandoutLayout& layout, layout::NotesLayout& notes, const HandoutOptions& options,
         Handout& out);

  // The slides to print, in order.
  std::vector<size_t> selection() const;
  // Cell k of a page, in reading order.
  Rect cell_rect(size_t k) const;

  // A new page with its chrome list; the current page from now on.
  Page& page_new();
  // Keeps `list` as long as the handout's pages.
  layout::DisplayList& keep(layout::DisplayList list);
  void place(Page& page, const layout::DisplayList& list, float x, float y, float scale);
  // On the current page's chrome: a rectangle, a horizontal rule.
  void rect(float x, float y, float w, float h, layout::Color fill, float stroke_width = 0,
            layout::Color stroke = {});
  void rule(float x, float y, float x2, float width, layout::Color color);
  // Slide `slide` first appears on the current page, at `y` (pt).
  void first_appears(size_t slide, float y);
  // Slide i's display list as the handout prints it: its ink-saving copy
  // when it is dark and the colours are not to be kept (ink.h).
  const layout::DisplayList& slide_list(size_t i);
  // The height of a caption's line under a slide, px.
  float caption_line_h();

  // Header, footer and labels on every page, the outline entries, links.
  void finish();

  const deck::Deck& deck;
  const std::vector<layout::DisplayList>& slides;
  const HandoutLayout& layout;
  layout::NotesLayout& notes;
  const HandoutOptions& options;
  Handout& out;
  float page_w = 0, page_h = 0;
  Rect content;  // inside the margins, header and footer
  float cell_w = 0, cell_h = 0;

 private:
  layout::DisplayList* chrome_ = nullptr;                 // the current page's
  std::vector<layout::DisplayList*> chromes_;             // per page
  std::map<int, int> first_page_;                         // slide -> the page it first appears on
  std::map<int, float> first_y_;                          // slide -> where on that page (pt)
  std::map<size_t, const layout::DisplayList*> printed_;  // slide_list()'s
  float caption_line_h_ = -1;
};

// The two kinds of handout: slides in a grid of cells (handout.cpp) and
// the speaker's script (script.cpp).
void handout_grid(Sheets& sheets);
void handout_script(Sheets& sheets);

}  // namespace deckpdf::compose
