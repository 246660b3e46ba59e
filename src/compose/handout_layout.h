// compose/handout_layout — a handout's layout, read at run time from
// layouts/NAME.handout (or a file of the user's): the margins, the grid of
// cells and, in each cell, the slide's box and the notes' box.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "source/diagnostic.h"
#include "source/source.h"

namespace deckpdf::compose {

// A box inside a cell: each value a fraction of the cell's width or height,
// or (when the matching `mm` flag is set) millimetres.
struct CellBox {
  float x = 0, y = 0, width = 1, height = 1;
  bool x_mm = false, y_mm = false, width_mm = false, height_mm = false;
};

// A handout layout, as a layouts/*.handout file gives it (the keys are
// described in layouts/notes-right.handout). Lengths in mm.
struct HandoutLayout {
  std::string name;
  bool landscape = false;  // paper: landscape
  float margin_top = 12, margin_right = 12, margin_bottom = 12, margin_left = 12;
  float header = 8, footer = 7;  // 0: none
  int columns = 1, rows = 1;     // grid: 1x3
  float gap = 6;                 // between cells
  CellBox slide;                 // the slide's box
  bool slide_center = false;     // slide-align: center
  std::optional<CellBox> notes;  // none: no notes (n-up)
  bool ruled = false;            // lines to write on, not notes
  float rule_gap = 8;
  // The notes' text: its size in pt (0: notes.css's), the smallest size
  // notes that overflow a little are set in before they continue (0: never
  // smaller), and its face ("": notes.css's).
  float notes_size = 0, notes_min_size = 0;
  std::string notes_font;
};

// Parses a layout file. At the first line it cannot read, reports an
// error (handout.bad-layout) in `file` at the value, key or line at fault
// and returns false.
bool handout_layout_parse(const std::shared_ptr<const Source>& file, HandoutLayout& out,
                          Diagnostics& diags);

// Loads `name_or_path`: a file when it holds a '/' or ends in ".handout",
// else layouts_dir/NAME.handout. nullopt with `io_error` set when the file
// cannot be read, or with an error in `diags` when it has a mistake.
std::optional<HandoutLayout> handout_layout_load(const std::string& layouts_dir,
                                                 const std::string& name_or_path,
                                                 Diagnostics& diags, std::string& io_error);

}  // namespace deckpdf::compose
