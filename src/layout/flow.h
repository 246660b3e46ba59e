// layout/flow — splitting a flow (layout_flow's notes, a script) between
// its line boxes, so that what does not fit one box continues in the next,
// never cut through a line and never shrunk.
#pragma once

#include <cstddef>
#include <vector>

#include "layout/display_list.h"

namespace deckpdf::layout {

// Where a flow is split to fit boxes `first` high (the first piece) and
// `rest` high (every later one): the pieces' [top, bottom) in list space,
// each ending at a line box's bottom, never leaving one line of a
// paragraph (line boxes with no space between them) alone on either side
// of a break unless the piece would be empty. A piece holds at least one line box,
// so a single one taller than the box makes a piece taller than the box.
// An empty flow gives one piece [0, height).
struct FlowPiece {
  float top = 0, bottom = 0;
};
std::vector<FlowPiece> flow_split(const DisplayList& flow, float first, float rest);

// The items of `flow` that belong to `pieces[k]`, moved up by its top;
// rectangles that straddle a break are cut at it.
DisplayList flow_piece(const DisplayList& flow, const std::vector<FlowPiece>& pieces, size_t k);

}  // namespace deckpdf::layout
