// compose/script — the speaker's script (--notes-only): per slide a
// heading ("3  Title") and its notes, flowing down one column from page to
// page; a heading is never left alone at the foot of a page.
#include "compose/sheets.h"
#include "layout/flow.h"
#include "layout/notes.h"

namespace deckpdf::compose {

void handout_script(Sheets& sh) {
  float top = sh.content.y, bottom = sh.content.y + sh.content.height;
  float width = sh.content.width;
  float y = bottom;  // no page yet
  Page* page = nullptr;
  auto new_page = [&] {
    page = &sh.page_new();
    y = top;
  };
  const float section_gap = 14;  // pt between slides
  std::vector<dom::NodeId> notes_roots;
  for (size_t i : sh.selection()) {
    if (sh.deck.slides[i].notes != dom::no_node) notes_roots.push_back(sh.deck.slides[i].notes);
  }
  sh.notes.notes_prefetch(notes_roots, width);
  for (size_t i : sh.selection()) {
    const deck::Slide& s = sh.deck.slides[i];
    std::string heading_text =
        s.label() + "  " + (s.title.empty() ? "Slide " + s.label() : s.title);
    const layout::DisplayList& heading =
        sh.keep(sh.notes.label("slide-heading", heading_text, width));
    layout::DisplayList body = s.notes != dom::no_node
                                   ? sh.notes.notes_next()
                                   : sh.notes.label("no-notes", "No notes.", width);
    // The first block alone.
    std::vector<layout::FlowPiece> probe = layout::flow_split(body, 0, 1e9f);
    float first_h = (probe.empty() ? 0 : probe[0].bottom - probe[0].top) * pt_per_px;
    float heading_h = heading.height * pt_per_px;
    float gap = page && y > top ? section_gap : 0;
    // The heading stays with the first line of its notes.
    if (!page || y + gap + heading_h + first_h > bottom + 0.01f) {
      new_page();
      gap = 0;
    }
    y += gap;
    if (page->slide < 0) page->slide = static_cast<int>(i);
    sh.first_appears(i);
    sh.place(*page, heading, sh.content.x, y, pt_per_px);
    y += heading_h;
    float avail_px = (bottom - y) / pt_per_px;
    std::vector<layout::FlowPiece> pieces =
        layout::flow_split(body, avail_px, sh.content.height / pt_per_px);
    for (size_t k = 0; k < pieces.size(); ++k) {
      if (k > 0) new_page();
      const layout::DisplayList& piece = sh.keep(layout::flow_piece(body, pieces, k));
      sh.place(*page, piece, sh.content.x, y, pt_per_px);
      y += piece.height * pt_per_px;
    }
  }
}

}  // namespace deckpdf::compose
