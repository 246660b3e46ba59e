// compose/continuation — the narrow-then-wide split (see continuation.h).
// Text is matched by the count of its non-space bytes: both flows draw the
// same text in the same order, so a line of the wide flow that starts
// after exactly as many as the narrow piece holds starts where it stops.
#include "compose/continuation.h"

#include <algorithm>
#include <map>

#include "layout/flow.h"

namespace deckpdf::compose {

namespace {

using Bands = std::vector<layout::DisplayList::Band>;

// For each band b: the non-space bytes of text drawn above its top (text
// whose baseline lies in an earlier band).
std::vector<size_t> text_before(const layout::DisplayList& flow) {
  const Bands& bands = flow.bands;
  std::vector<size_t> in_band(bands.size() + 1, 0);
  for (const layout::Item& item : flow.items) {
    const auto* t = std::get_if<layout::TextItem>(&item.v);
    if (!t || !t->run) continue;
    auto at = std::upper_bound(bands.begin(), bands.end(), item.y,
                               [](float y, const auto& b) { return y < b.top; });
    size_t band = at == bands.begin() ? 0 : static_cast<size_t>(at - bands.begin()) - 1;
    for (char c : t->run->text) {
      if (c != ' ' && c != '\n' && c != '\t') ++in_band[band];
    }
  }
  std::vector<size_t> before(bands.size() + 1, 0);
  for (size_t b = 0; b < bands.size(); ++b) before[b + 1] = before[b] + in_band[b];
  return before;
}

// Whether band b of `bands` follows b - 1 with no space: the same paragraph.
bool joined(const Bands& bands, size_t b) {
  return b > 0 && b < bands.size() && bands[b].top - bands[b - 1].bottom < 0.5f;
}

// A break before band b is one: it does not cut through bands that overlap.
bool clean(const Bands& bands, size_t b) {
  return b > 0 && b < bands.size() && bands[b].top >= bands[b - 1].bottom - 0.01f;
}

}  // namespace

bool wide_split(const layout::DisplayList& narrow, const layout::DisplayList& wide, float first_px,
                float rest_px, WideSplit& out) {
  const Bands& nb = narrow.bands;
  const Bands& wb = wide.bands;
  if (nb.size() < 2 || wb.empty()) return false;
  std::vector<layout::FlowPiece> natural = layout::flow_split(narrow, first_px, first_px);
  if (natural.size() < 2) return false;
  std::vector<size_t> n_before = text_before(narrow), w_before = text_before(wide);
  // Where the rest may start in the wide flow (after its first line, so
  // that the first piece holds something), by the text before it.
  std::map<size_t, size_t> w_start;
  for (size_t b = 1; b < wb.size(); ++b) {
    if (!clean(wb, b)) continue;
    // No lone line of a paragraph at the start of the continuation.
    if (joined(wb, b) && (b + 1 >= wb.size() || !joined(wb, b + 1))) continue;
    w_start.emplace(w_before[b], b);
  }
  // The narrow flow's first band below its natural break.
  size_t limit = 0;
  while (limit < nb.size() && nb[limit].top < natural[1].top - 0.01f) ++limit;
  for (size_t c = limit; c >= 1; --c) {
    if (nb[c].top < first_px * 0.5f) break;
    if (!clean(nb, c)) continue;
    // No lone first line of a paragraph at the end of the first piece.
    if (joined(nb, c) && (c < 2 || !joined(nb, c - 1))) continue;
    auto at = w_start.find(n_before[c]);
    if (at == w_start.end()) continue;
    size_t j = at->second;
    std::vector<layout::FlowPiece> head = {{0, nb[c - 1].bottom}, {nb[c].top, narrow.height}};
    out.first = layout::flow_piece(narrow, head, 0);
    std::vector<layout::FlowPiece> tail = {{0, wb[j - 1].bottom}, {wb[j].top, wide.height}};
    layout::DisplayList rest = layout::flow_piece(wide, tail, 1);
    std::vector<layout::FlowPiece> pieces = layout::flow_split(rest, rest_px, rest_px);
    out.rest.clear();
    for (size_t k = 0; k < pieces.size(); ++k) {
      out.rest.push_back(layout::flow_piece(rest, pieces, k));
    }
    return true;
  }
  return false;
}

}  // namespace deckpdf::compose
