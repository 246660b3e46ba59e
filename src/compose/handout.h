// compose/handout — printed handouts: each slide beside its speaker notes,
// in a layout read at run time from layouts/NAME.handout; n-up grids; the
// speaker's script (--notes-only).
//
// The slide is placed by reference (the PDF draws its layers, vector, text
// selectable) and scaled into its box, its label and title under it; a
// dark slide is printed in its ink-saving copy (ink.h) unless asked not
// to. The notes come laid out from layout::NotesLayout at the width of
// their box; notes a little too long are set smaller, down to the
// layout's `notes-min-size`; what still does not fit is split between two
// line boxes (layout/flow.h, never one line alone at either side of the
// break) and continues in the next cell, never cut.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "compose/handout_layout.h"
#include "compose/page.h"
#include "compose/paper.h"

namespace deckpdf::layout {
class NotesLayout;
}

namespace deckpdf::compose {

struct HandoutOptions {
  Paper paper;
  std::string title;           // the page header; "" = none
  std::vector<size_t> slides;  // the slides to print (0-based); empty = all
  bool notes_only = false;     // the speaker's script: headings and notes, flowing
  // Per slide, the slide number drawn over it (--slide-numbers), as the
  // slides mode places it; nullptr = none.
  const std::vector<layout::DisplayList>* numbers = nullptr;
  bool ink_saving = true;  // --handout-colors: ink (true) or as-is
  float notes_size = 0;    // --notes-size in pt; 0 = the layout's, else notes.css's
};

// The pages of a handout and the display lists they show besides the
// slides' own (notes pieces, headers, frames). Pages point into `lists`,
// which must live as long as they do (a deque: moving it keeps them valid).
struct Handout {
  std::vector<Page> pages;
  std::deque<layout::DisplayList> lists;
};

// A handout in `layout`: slides (laid out as for the slides mode, print
// state) with their notes, laid out by `notes`.
Handout compose_handout(const deck::Deck& deck, const std::vector<layout::DisplayList>& slides,
                        const HandoutLayout& layout, layout::NotesLayout& notes,
                        const HandoutOptions& options);

}  // namespace deckpdf::compose
