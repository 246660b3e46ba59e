// layout/flow — a flow split between line boxes (see flow.h). A flow's
// DisplayList::bands are its line boxes and pictures; the places between
// them are the only break points, and those that would leave one line of
// a paragraph alone are not taken when another is.
#include "layout/flow.h"

#include <algorithm>
#include <limits>

#include "layout/layers.h"

namespace deckpdf::layout {

std::vector<FlowPiece> flow_split(const DisplayList& flow, float first, float rest) {
  // Overlapping bands (a picture beside text, cells of a table row) make
  // one block that is never split.
  std::vector<DisplayList::Band> blocks;
  for (const auto& b : flow.bands) {
    if (!blocks.empty() && b.top < blocks.back().bottom - 0.01f) {
      blocks.back().bottom = std::max(blocks.back().bottom, b.bottom);
    } else {
      blocks.push_back(b);
    }
  }
  if (blocks.empty()) return {{0, flow.height}};
  // Blocks with no space between them are lines of one paragraph (or of
  // one list): a break between them leaves at least two on each side.
  auto joined = [&](size_t a) {
    return a + 1 < blocks.size() && blocks[a + 1].top - blocks[a].bottom < 0.5f;
  };
  auto starts_run = [&](size_t a) { return a == 0 || !joined(a - 1); };
  std::vector<FlowPiece> out;
  size_t i = 0;
  float start = 0;  // the first piece starts at the flow's top
  while (i < blocks.size()) {
    float avail = out.empty() ? first : rest;
    size_t k = i;  // a piece holds at least one block
    while (k + 1 < blocks.size() && blocks[k + 1].bottom - start <= avail + 0.01f) ++k;
    // No orphan (a paragraph's first line alone at the end of a piece) and
    // no widow (its last line alone at the start of the next): the break
    // moves up, as long as the piece keeps a block.
    size_t kept = k;
    while (k >= i && joined(k)) {
      bool orphan = starts_run(k);
      bool widow = !joined(k + 1);
      if (!orphan && !widow) break;
      if (k == i) {
        k = kept;
        break;
      }
      --k;
    }
    out.push_back({start, blocks[k].bottom});
    i = k + 1;
    if (i < blocks.size()) start = blocks[i].top;
  }
  return out;
}

DisplayList flow_piece(const DisplayList& flow, const std::vector<FlowPiece>& pieces, size_t k) {
  constexpr float inf = std::numeric_limits<float>::infinity();
  DisplayList out;
  out.width = flow.width;
  out.background = flow.background;
  out.effects = flow.effects;
  out.structure = flow.structure;
  const FlowPiece& piece = pieces[k];
  bool last = k + 1 == pieces.size();
  out.height = piece.bottom - piece.top;
  // The piece's zone: what lies between its top and the next piece's top
  // (the first from the flow's top, the last to its end).
  float zone_lo = k == 0 ? -inf : piece.top;
  float zone_hi = last ? inf : pieces[k + 1].top;
  // Where straddling rectangles are cut.
  float cut_lo = k == 0 ? -inf : piece.top;
  float cut_hi = last ? inf : piece.bottom;
  for (const Item& item : flow.items) {
    float anchor = item.y;
    if (auto* r = std::get_if<RectItem>(&item.v)) {
      float top = item.y, bottom = item.y + r->height;
      if (top >= zone_lo && bottom <= zone_hi) {
        // Wholly in this zone.
      } else {
        float t = std::max(top, cut_lo), b = std::min(bottom, cut_hi);
        if (b - t <= 0.01f) continue;
        Item copy = item;
        copy.y = t - piece.top;
        std::get<RectItem>(copy.v).height = b - t;
        out.items.push_back(std::move(copy));
        continue;
      }
    } else if (auto* l = std::get_if<LineItem>(&item.v)) {
      anchor = std::min(item.y, l->y2);
    } else if (auto* link = std::get_if<LinkItem>(&item.v)) {
      anchor = item.y + link->height / 2;
    } else if (std::holds_alternative<ImageItem>(item.v)) {
      anchor = item.y + 0.01f;
    }
    if (anchor < zone_lo || anchor >= zone_hi) continue;
    Item copy = item;
    copy.y -= piece.top;
    if (auto* l = std::get_if<LineItem>(&copy.v)) l->y2 -= piece.top;
    out.items.push_back(std::move(copy));
  }
  for (const auto& b : flow.bands) {
    if (b.top >= piece.top - 0.01f && b.bottom <= piece.bottom + 0.01f) {
      out.bands.push_back({b.top - piece.top, b.bottom - piece.top});
    }
  }
  // A handout keeps a piece per slide until its PDF is written: no room
  // left over from growing.
  out.items.shrink_to_fit();
  out.bands.shrink_to_fit();
  layers_group(out);
  return out;
}

}  // namespace deckpdf::layout
